"""Layer 1: patterns for structured identifiers (numbers, dates, addresses, contacts).

Each :class:`Recognizer` is a regular expression for one shape, the category it reports, a
cheap test that tells when it cannot match (so most run on few texts), and where an
identifier has one, a check digit. Numbers that only a word before them marks as an
identifier ("passport number 925076473") are found by one recognizer reading a table of
such words, so a new kind of number is a line in :data:`NUMBER_WORDS`, not a new pattern.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from casekit import checkdigits
from casekit.identifiers import words


class LazyPattern:
    """A regular expression compiled when first used: most recognizers never run in a given
    process (their cheap tests fail), and compiling them all costs a cold start ~0.1 s."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


@dataclass(frozen=True)
class Recognizer:
    name: str
    category: str
    regex: LazyPattern
    #: Lower-case strings one of which must start a word of the lower-case text, or occur
    #: anywhere in it for those :data:`INSIDE_WORDS` lists (empty: always run).
    needles: tuple[str, ...] = ()
    #: For a recognizer without needles: lower-case strings one of which must be in the
    #: lower-case text, inside words too, for :attr:`possible` to be asked (a cheaper test
    #: that it would say no: the needle scan finds them in the pass it makes anyway).
    inside: tuple[str, ...] = ()
    #: Another check on the matched text (a check digit): False drops the match.
    valid: Callable[[str], bool] | None = None
    #: The regex group that is the identifier (0: the whole match).
    group: int | str = 0
    #: Another cheap test on the whole text before the pattern runs.
    possible: Callable[[str], bool] | None = None
    #: Run on the lower-case text, without IGNORECASE (much faster: the engine can skip
    #: ahead to the first letters of the alternatives); matches must start a word.
    lower: bool = False
    #: Every match holds four digits or more close together: the pattern runs only on
    #: the stretches of text around such digits (see :func:`digit_windows`).
    dense: bool = False
    #: Every match holds a capital letter next to a digit (:data:`_CAPITAL_DIGIT`): the
    #: pattern runs only on the stretches of text around such pairs (see
    #: :func:`capital_digit_windows`), for plates and postcodes that start at any capital.
    capital_digit: bool = False
    #: Every alternative of the pattern starts with one of the needles (on the lower-case
    #: text): it is tried only where they occur, not searched for through the whole text.
    anchored: bool = False
    #: Every match holds one of the needles, in the same piece of text (a field of the case):
    #: when the detector reads many fields joined (``find_in_fields``), the pattern is
    #: searched only in the fields that hold one, each as if it stood alone. For patterns
    #: that do not start with a needle (so cannot be anchored) and are costly to search.
    in_fields: bool = False

    @property
    def scan_regex(self) -> re.Pattern[str]:
        return (
            _lower_regex(self.regex.pattern, self.regex.flags)
            if self.lower
            else self.regex.compiled
        )


class NeedleScan:
    """Every occurrence of a set of needles in one pass over the text: the needles that
    start a word (all of them there: the longest and the shorter ones it begins with), and
    anywhere those that begin with punctuation, that :data:`INSIDE_WORDS` lists or that are
    given as ``inside``.

    One Aho-Corasick automaton (pyahocorasick, in C) finds them all in a single pass: it
    builds in about 1 ms where the regular expression it replaced took 18 ms to compile at
    the start of every process, and it reads a case's text in a third of the time.
    """

    def __init__(self, needles: tuple[str, ...], inside: frozenset[str] = frozenset()) -> None:
        unique = sorted(set(needles) | inside)
        anywhere = INSIDE_WORDS | inside
        self.words = tuple(n for n in unique if n[0].isalnum() and n not in anywhere)
        self.anywhere = tuple(n for n in unique if n not in self.words)
        self._automaton: ahocorasick.Automaton | None = None

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        anywhere = frozenset(self.anywhere)
        for needle in self.words + self.anywhere:
            automaton.add_word(needle, (needle, len(needle) - 1, needle in anywhere))
        automaton.make_automaton()
        return automaton

    def scan(self, lowered: str) -> list[tuple[str, int]]:
        """(needle, where) for each occurrence: first the needles that start words, by
        place (the shorter first at one place), then the others needle by needle."""
        if self._automaton is None:  # built when first used: most processes lint one file
            self._automaton = self._build()
        starts: list[tuple[int, int, str]] = []
        inside: list[tuple[str, int]] = []
        for end, (needle, less, anywhere) in self._automaton.iter(lowered):
            start = end - less
            if anywhere:
                inside.append((needle, start))
            elif not start or not (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
                starts.append((start, less, needle))  # at the start of a word, as \\b says
        starts.sort()
        inside.sort()
        return [(needle, start) for start, _, needle in starts] + inside


@cache
def _lower_regex(source: str, flags: int) -> re.Pattern[str]:
    """The pattern for lower-case text: letters lowered (not escapes such as \\S), no
    IGNORECASE, and no leading word-boundary look-behind (checked by the caller)."""
    pattern = re.sub(r"(\\.|\(\?P[<=])|([A-Z])", lambda m: m.group(1) or m.group(2).lower(), source)
    pattern = pattern.removeprefix("(?<!\\w)")
    return re.compile(pattern, flags & ~re.IGNORECASE)


#: Four digits with at most three other characters between each: what every number,
#: date and telephone number of :attr:`Recognizer.dense` holds; most clinical numbers
#: ('CRP 86 mg/L', 'day 3') do not.
_DENSE_DIGITS = re.compile(r"[0-9](?:[^0-9]{0,3}[0-9]){3,}")
#: The same digits in a text of ASCII characters, found in its bytes with each digit made
#: '0' and every other byte a space: a pattern that opens with a literal is found from it,
#: where the engine tests a class at every character of the text (0.002 ms a generated
#: case against 0.012; most cases have no such digits at all).
_DIGIT_SHAPE = bytes(48 if 48 <= code <= 57 else 32 for code in range(256))
_DENSE_DIGIT_SHAPE = re.compile(rb"0(?:[^0]{0,3}0){3,}")
#: How far before and after such digits a match may reach ('GB29 NWBK', '+44 ').
_MARGIN = 24


#: A capital letter and a digit side by side, or a digit, a hyphen and a capital: what
#: every match of :attr:`Recognizer.capital_digit` holds ('LS6 2AB', 'AB-123-CD', a
#: vehicle identification number); clinical text has few ('B12', 'CD4'). (The digit first
#: and the capital before it looked behind for: the engine then skips to digits, and reads
#: a case's text in 0.010 ms instead of 0.025.)
_CAPITAL_DIGIT = re.compile(r"\d(?:(?<=[A-Z]\d)|-?[A-Z])")
#: The same pairs in a text of ASCII characters, found in its bytes with each capital made
#: 'A', each digit '0', a hyphen kept and every other byte a space (bytes.translate and
#: find, in C: 0.002 ms a case against the pattern's 0.010).
_CAPITAL_DIGIT_SHAPE = bytes(
    65 if 65 <= code <= 90 else 48 if 48 <= code <= 57 else 45 if code == 45 else 32
    for code in range(256)
)
_CAPITAL_DIGIT_PAIRS = (b"A0", b"0A", b"0-A")
#: Whether a shape holds one of those pairs: the engine skips from one '0' to the next, where
#: three searches for the pairs each read the whole shape (0.001 against 0.005 ms a case).
_CAPITAL_DIGIT_IN_SHAPE = re.compile(rb"0(?:(?<=A0)|-?A)")


def digit_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around dense digits, merged where they overlap."""
    if not text.isascii():
        return _windows(match.span() for match in _DENSE_DIGITS.finditer(text))
    shape = text.encode("ascii").translate(_DIGIT_SHAPE)
    return _windows(match.span() for match in _DENSE_DIGIT_SHAPE.finditer(shape))


def capital_digit_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around a capital next to a digit, merged where they overlap."""
    if not text.isascii():
        return _windows(match.span() for match in _CAPITAL_DIGIT.finditer(text))
    shape = text.encode("ascii").translate(_CAPITAL_DIGIT_SHAPE)
    if _CAPITAL_DIGIT_IN_SHAPE.search(shape) is None:
        return []  # no pair at all (most texts): one search from digit to digit
    pairs = []
    for pair in _CAPITAL_DIGIT_PAIRS:
        at = shape.find(pair)
        while at != -1:
            pairs.append((at, at + len(pair)))
            at = shape.find(pair, at + 1)
    return _windows(sorted(pairs))


def _windows(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches :data:`_MARGIN` either side of each of ``spans`` (in order; a match of
    the recognizers' own may reach that far from one), merged where they overlap."""
    windows: list[tuple[int, int]] = []
    for first, last in spans:
        start, end = max(0, first - _MARGIN), last + _MARGIN
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def all_needles(recognizers: list[Recognizer]) -> tuple[str, ...]:
    return tuple(sorted({n for r in recognizers for n in (*r.needles, *r.inside)}))


def all_inside(recognizers: list[Recognizer]) -> frozenset[str]:
    return frozenset(n for r in recognizers for n in r.inside)


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def nhs_number_valid(text: str) -> bool:
    """The NHS number's modulus 11 check digit (NHS Data Dictionary, 'NHS Number')."""
    digits = _digits(text)
    if len(digits) != 10:
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def luhn_valid(text: str) -> bool:
    """The Luhn check digit of card numbers and IMEIs (ISO/IEC 7812-1)."""
    digits = _digits(text)
    return 13 <= len(digits) <= 19 and checkdigits.luhn_valid(digits)


#: Words before a version number written like an address ('SPSS 26.0.0.0').
_VERSION_BEFORE = (
    "version", "Version", "ver.", "v.", "release", "Release", "build", "Build", "SPSS",
    "Stata", "SAS", "MATLAB", "firmware", "Firmware", "software", "Software",
)  # fmt: skip


def _ipv4_valid(text: str) -> bool:
    return all(int(part) <= 255 for part in text.split("."))


def _plausible_yyyymmdd(text: str) -> bool:
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def _ymd_valid(text: str) -> bool:
    year, month, day = (int(p) for p in re.split(r"[-/.]", text.split("T")[0]))
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


def _dmy_valid(text: str) -> bool:
    first, second, _ = (int(p) for p in re.split(r"[-/.]", text))
    return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31)


def _day_valid(text: str) -> bool:
    return 1 <= int(re.match(r"\d+", text).group()) <= 31  # type: ignore[union-attr]


def _vin_valid(text: str) -> bool:
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


#: Public registrations of studies, not of people: ClinicalTrials.gov, PROSPERO, ISRCTN,
#: EudraCT, ANZCTR, ChiCTR, DRKS, UMIN, CTRI, the EU CT number, PubMed and PMC ids.
_REGISTRY = re.compile(
    r"(?:NCT\d{8}|CRD\d{8,11}|ISRCTN\d{8}|ACTRN\d{14}|ChiCTR|DRKS\d{8}|UMIN\d{9}|CTRI|JPRN"
    r"|KCT\d{7}|IRCT|PACTR\d+|NTR\d+|EUCTR|EudraCT|PMC\d+|PMID)",
    re.I,
)


#: A DOI's prefix and suffix so far, right before a number: the number is part of the DOI.
DOI_BEFORE = re.compile(r"\b10\.\d{4,9}/[^\s]*$")
#: A code system's name before a number: the number is a code, not a person's identifier
#: ('SNOMED CT 22298006', 'OMIM 605391', 'PMID 31234567').
CODE_SYSTEM_BEFORE = re.compile(
    r"(?:SNOMED(?: CT)?|LOINC|OMIM|MIM|ORPHA|Orphanet|HPO|ICD(?:-1[01](?:-CM)?)?|PMID|PubMed"
    r"|DOI|ISBN|ISSN|GenBank|ClinVar|dbSNP|UniProt|Ensembl|RefSeq|Entrez|Gene ID|CAS|ATC|MeSH"
    r"|UMLS|CUI|RxNorm|NDC|EC)(?: (?:code|concept|ID|id|number|no\.?|entry))?[\s:#|]*$"
    r"|EudraCT(?: number)?[\s:#]*(?:\d{4}-)?$"
)

#: A trial's registration in a public registry: a study's number, never a person's
#: ('ISRCTN registration: ISRCTN61234907', 'NCT04512345').
TRIAL_REGISTRATION = re.compile(
    r"(?:NCT\d{8}|ISRCTN\d{8}|ACTRN\d{14}|ChiCTR[-\w]+|DRKS\d{8}|CTRI/\d{4}/\d+/\d+"
    r"|EUCTR[-\w]+|JPRN-\w+|UMIN\d{9}|KCT\d{7}|IRCT\w+|PACTR\d+)"
)


#: A single-nucleotide change in a gene's coordinates ('G20210A', 'c.1691G>A' is another
#: shape): a variant every carrier shares, not a person's number.
_NUCLEOTIDE_CHANGE = re.compile(r"[ACGTU]\d+[ACGTU]")


def _long_number_valid(text: str) -> bool:
    if _REGISTRY.match(text) or _NUCLEOTIDE_CHANGE.fullmatch(text):
        return False
    digits = sum(c.isdigit() for c in text)
    if text.isdigit():
        return digits >= 7
    return digits >= 5 and any(c.isalpha() for c in text)


def _many(char: str, count: int) -> Callable[[str], bool]:
    return lambda text: text.count(char) >= count


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)"
)
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth"
)
_HOLIDAY = (
    # (not one that comes round every year: 'every Christmas', 'over the Christmas period')
    r"(?<!every )(?<!each )(?:(?:Ramadan|Passover|Lent|Advent|Carnival|Eid|Hajj)(?= (?:19|20)\d\d)"
    r"|Hogmanay|Diwali|Deepavali|Eid al-Fitr|Eid al-Adha|Eid ul-Fitr|Eid ul-Adha|Hanukkah"
    r"|Chanukah|Rosh Hashanah|Yom Kippur|Holi|Vesak|Chinese New Year|Lunar New Year|Burns Night"
    r"|Pancake Day|Shrove Tuesday|Ash Wednesday|Whitsun|Pentecost|Mardi Gras|Canada Day"
    r"|Australia Day|Anzac Day|Waitangi Day|Christmas(?: Day| Eve)?|Boxing Day"
    r"|New Year'?s(?: Day| Eve)|Easter(?: Sunday| Monday)?"
    r"|Good Friday|St\.? Patrick'?s Day|(?:St\.? )?Valentine'?s Day|Thanksgiving(?: Day)?"
    r"|Hallowe'?en|Bonfire Night|Guy Fawkes Night|Independence Day|Bastille Day"
    r"|Mother'?s Day|Father'?s Day|Remembrance Day|Armistice Day|Midsummer(?:'s)? Day"
    r"|Labou?r Day|Memorial Day|May Day|Midsummer(?:'s)? (?:Eve|Night)|D-Day|VE Day|VJ Day"
    r"|(?:[Ss]ummer|[Ww]inter) [Ss]olstice"
    r"|(?:[Ss]pring|[Aa]utumn|[Vv]ernal|[Aa]utumnal) [Ee]quinox)"
    # (its weekend or holidays only in a year: 'over the Easter weekend of 2016')
    r"(?! disease| factor| tree|-tree| period| season| fireworks| celebrations| traditions"
    r"|(?: holidays?| break| weekend)(?!(?:\s+of)?\s+(?:19|20)\d\d))"
)
#: A number starts here: a digit with nothing number-like before it. (The digit comes
#: first and the look-behind after it, so the regular-expression engine skips to digits.)
_NUM = r"[0-9](?<![\w.,/:-][0-9])"
_END = r"(?![\w/]|:\d|[.,-]\d)"  # and ends here (a colon after it ends a label)
_YEAR_WORDS = ("year", "yr", "yo", "y.o", "y/o")
_ROMAN_MONTH_HINT = re.compile(r"\d[./-][ivxIVX]")
_ROMAN_MONTH_INSIDE = tuple(f"{mark}{numeral}" for mark in "./-" for numeral in "ivx")
#: A month's name as dates write it: the date patterns with a month run only then.
_MONTH_WORD = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r"|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
)


_MONTH_NEEDLES = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
#: Needles that are looked for inside words too ('print' in 'fingerprint', a month in
#: '15Jan 2019', where a date pattern finds 'Jan 2019', 'selfie' after an underscore in a
#: file's name, where the photograph pattern finds it).
INSIDE_WORDS = frozenset(["print", "centenarian", "selfie", "_", *_MONTH_NEEDLES])
#: The first words of the holidays, as the needle scan finds them (at the start of a word).
_HOLIDAY_NEEDLES = (
    "ramadan",
    "passover",
    "lent",
    "advent",
    "carnival",
    "eid",
    "hajj",
    "hogmanay",
    "diwali",
    "deepavali",
    "hanukkah",
    "chanukah",
    "rosh",
    "yom",
    "holi",
    "vesak",
    "pentecost",
    "whitsun",
    "pancake",
    "shrove",
    "mardi",
    "anzac",
    "waitangi",
    "christmas",
    "easter",
    "valentine",
    "thanksgiving",
    "hallowe",
    "bonfire",
    "bastille",
    "remembrance",
    "armistice",
    "midsummer",
    "chinese new",
    "lunar new",
    "burns night",
    "ash wed",
    "canada day",
    "australia day",
    "boxing day",
    "new year",
    "good friday",
    "patrick",
    "guy fawkes",
    "independence day",
    "mother's day",
    "mother’s day",
    "mothers day",
    "father's day",
    "father’s day",
    "fathers day",
    "labour day",
    "labor day",
    "memorial day",
    "may day",
    "d-day",
    "ve day",
    "vj day",
    "summer solstice",
    "winter solstice",
    "spring equinox",
    "autumn equinox",
    "vernal equinox",
    "autumnal equinox",
)


@lru_cache(maxsize=2)
def _has_month(text: str) -> bool:
    return _MONTH_WORD.search(text) is not None


#: The first word of every holiday in :data:`_HOLIDAY`.
#: Months in French, Italian, Spanish, Portuguese, German and Dutch (only with a day and a
#: year around them: 'mars', 'mai' alone are other words).
_FOREIGN_MONTHS = [
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "dicembre",
    "enero",
    "febrero",
    "abril",
    "mayo",
    "junio",
    "julio",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "dezembro",
    "januar",
    "jänner",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "oktober",
    # Swedish, Danish and Norwegian ('den 5 maj'; their other months are spelt as above)
    "maj",
    "augusti",
    # Romanian ('Pe 1 martie 2020'; 'mai' and 'august' are spelt as above)
    "ianuarie",
    "februarie",
    "martie",
    "aprilie",
    "iunie",
    "iulie",
    "septembrie",
    "octombrie",
    "noiembrie",
    "decembrie",
    "marts",
    "desember",
]
_ENGLISH_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_FOREIGN_MONTH_SET = frozenset(_FOREIGN_MONTHS + _ENGLISH_MONTHS)
#: Months that come after the year: Hungarian ('2019. szeptember 9.') and Lithuanian, in
#: the genitive ('2020 m. rugsėjo 3 d.').
_YEAR_FIRST_MONTHS = frozenset(
    """január február március április május június július augusztus szeptember október
    november december sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio
    rugsėjo spalio lapkričio gruodžio""".split()  # noqa: SIM905
)
_FOREIGN_MONTH_IN = re.compile(r"\s(?:de\s+|of\s+)?(\w+)\s")


def _foreign_month_date(text: str) -> bool:
    month = _FOREIGN_MONTH_IN.search(text)
    return month is not None and month.group(1).lower() in _FOREIGN_MONTH_SET


#: A day and month in another language is read only after an article or with 'de'.
_FOREIGN_FRAME = re.compile(
    r"(?:\b(?:el|le|il|am|au|du|dal|del|vom|den|em|no|op|dia|día)\s+\d|\d\s+de\s)", re.I
)
_FOREIGN_ONLY_MONTHS = frozenset(_FOREIGN_MONTHS) - {"mars", "mai", "mei"}


def _foreign_day_month(text: str) -> bool:
    """'el 3 de marzo', 'le 12 juin', 'am 4. mai': a month after an article or 'de' ('mars',
    'mai' and 'mei' only after an article: 'le 15 mars', not '3 mai' in Romanian)."""
    words = text.lower().split()
    month = words[-1]
    with_article = not words[0][0].isdigit()
    if month in _FOREIGN_ONLY_MONTHS:
        return with_article or words[-2] == "de"
    return month in _FOREIGN_MONTH_SET and with_article and month not in _ENGLISH_MONTHS


#: A digit, a slash and a digit, or a digit, a stop, a month in two figures and a stop: what
#: a day and month in figures holds ('24/12', '03.06.'), for the patterns that read one after
#: a word (each found from its slash or stop, the rest looked behind for: a fraction of the
#: time of trying those patterns at every 'on', 'after' or 'reviewed').
_DAY_SLASH_MONTH = re.compile(r"/(?<=\d/)\d")
_DAY_STOP_MONTH = re.compile(r"\.(?<=\d\.)[01]\d\.")
#: Where a timeline row may open with a day and month ('28/02: '): '[/.]\d\d?:\s' written
#: from its colon, the rest looked behind for, so that the engine skips to colons instead
#: of trying every stop (0.0005 ms a case instead of 0.008).
_ROW_DATE_HINT = re.compile(r":(?:(?<=[/.]\d:)|(?<=[/.]\d\d:))\s")
#: The same before a dash ('23/9 — extubated'), asked only of a text that holds one: found
#: from the dash; one pattern for both would lose the engine's scan for the colon (0.9 µs a
#: generated case alone, 20 µs together; 80 when it opened with the look-behind).
_ROW_DASH_HINT = re.compile(r"[—–](?:(?<=[/.]\d\s[—–])|(?<=[/.]\d\d\s[—–]))\s")


def _row_date_hint(text: str) -> bool:
    """A day and month before a timeline row's colon or dash may be in the text."""
    return _ROW_DATE_HINT.search(text) is not None or (
        ("—" in text or "–" in text) and _ROW_DASH_HINT.search(text) is not None
    )


def _row_date(text: str) -> bool:
    """A day and month before a timeline row's colon; over 7 or 12 the day must exceed
    the month (else a fraction: 'Cores 10/12:', 'CAS 5/7:'). With a stop between them the
    day must be past 23, or it is a time ('10.05: reviewed')."""
    dotted = "." in text
    day, month = (int(part) for part in text.replace(".", "/").split("/"))
    if dotted:
        return 23 < day <= 31
    return day <= 31 and (month not in (7, 12) or day > month)


#: Festivals whose date moves from year to year, lower case (the needles of 'festival-day').
_FESTIVALS = (
    "passover",
    "ramadan",
    "eid",
    "hajj",
    "lent",
    "advent",
    "carnival",
    "hanukkah",
    "chanukah",
    "diwali",
    "easter",
    "christmas",
)
_HOLIDAY_WORD = re.compile(
    r"(?:Ramadan|Passover|Lent|Advent|Carnival|Eid|Hajj|Hogmanay|Diwali|Deepavali|Hanukkah"
    r"|Chanukah|Rosh|Yom|Holi|Vesak|Chinese|Lunar|Burns|Pancake|Shrove|Ash|Whitsun|Pentecost"
    r"|Mardi|Canada|Australia|Anzac|Waitangi|Christmas|Boxing|New Year|Easter|Good Friday|Patrick"
    r"|Valentine|Thanksgiving|Hallowe"
    r"|Bonfire|Fawkes|Independence|Bastille|Mother|Father|Remembrance|Armistice|Midsummer"
    r"|Labo|Memorial|May Day|D-Day|VE Day|VJ Day|[Ss]olstice|[Ee]quinox)"
)
_SLASH_YEAR = re.compile(r"/(?:19|20)\d\d")
#: A month and a two-digit year ('09/22'), but not the denominators of note shorthand
#: ('5/7' days, '10/12' months, '2/52' weeks, '4/24' hours, '30/60' minutes) or of a score
#: ('from 08/10', '12/20', '09/30', '11/40').
_SHORT_MONTH_YEAR = r"(?:0[1-9]|1[0-2])/(?!(?:07|10|12|20|24|30|40|52|60)\b)\d\d(?![/\d.])"
DATES = [
    # A month and a two-digit year after a word of time or of a sample taken ('since 03/19',
    # 'biopsy (taken 09/22)').
    Recognizer(
        "month-short-year-after-word",
        "date",
        lazy(
            r"(?:since|from|until|taken|dated|performed|obtained|collected)\s+"
            rf"(?P<id>{_SHORT_MONTH_YEAR})"
        ),
        needles=("since", "from", "until", "taken", "dated", "performed", "obtained", "collected"),
        group="id",
        lower=True,
        anchored=True,
    ),
    # A month and year in figures after a word of time ('Since 8/2018 she has been on').
    Recognizer(
        "month-year-after-word",
        "date",
        lazy(
            r"(?:since|from|in|until|till|by|before|after)\s+(?P<id>(?:0?[1-9]|1[0-2])/(?:19|20)\d\d)\b"
            # (not a rate: 'in 1/2000 live births')
            r"(?![/\d])(?!\s+(?:of|live|births?|people|persons|patients|cases|individuals"
            r"|population|newborns|deliveries|pregnancies|adults|children)\b)",
            re.I,
        ),
        # (searched only where a month's slash and a year are: its first words are common)
        possible=lambda text: _SLASH_YEAR.search(text) is not None,
        group="id",
        lower=True,
    ),
    Recognizer(
        "iso-date",
        "date",
        lazy(
            rf"[12](?<![\w.,/:-][12])\d{{3}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}"
            rf"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?{_END}"
        ),
        valid=_ymd_valid,
        dense=True,
    ),
    Recognizer(
        "iso-month",
        "date",
        # 2017-12: a year and a month (not a range of years, which would run backwards).
        lazy(rf"[12](?<![\w.,/:-][12])[09]\d\d-(?:0[1-9]|1[0-2]){_END}"),
        valid=lambda text: 1900 <= int(text[:4]) < 2100 and int(text[5:7]) <= int(text[2:4]),
        dense=True,
    ),
    Recognizer(
        "compact-date",
        "date",
        lazy(rf"[12](?<![\w.,/:-][12])\d{{7}}{_END}"),
        valid=_plausible_yyyymmdd,
        dense=True,
    ),
    Recognizer(
        # a date as Czech, Slovak, German and Polish write it, with spaces ('15. 8. 2020')
        "spaced-date",
        "date",
        lazy(rf"{_NUM}\d?\.[ ]\d{{1,2}}\.[ ](?:19|20)\d\d{_END}"),
        valid=lambda text: _dmy_valid(text.replace(" ", "")),
        dense=True,
    ),
    Recognizer(
        "numeric-date",
        "date",
        lazy(rf"{_NUM}\d?([-/.])\d{{1,2}}\1(?:\d{{4}}|\d{{2}}){_END}"),
        valid=_dmy_valid,
        dense=True,
    ),
    Recognizer(
        "day-month",
        "date",
        lazy(
            # (also a range of days: 'the night of 14/15 March', '3-4 August')
            rf"{_NUM}\d?(?:(?:st|nd|rd|th)?\s*[/–-]\s*\d\d?)?(?:st|nd|rd|th)?(?:\s+of)?[\s-]+"
            rf"{_MONTH}\b\.?"
            rf"(?:[\s-]+(?:\d{{4}}|\d{{2}})\b)?"
        ),
        possible=_has_month,
        needles=_MONTH_NEEDLES,
        valid=_day_valid,
        in_fields=True,
    ),
    Recognizer(
        "month-day",
        "date",
        lazy(
            rf"{_MONTH}\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b"
            rf"(?!\s*(?:years?|months?|weeks?|days?|hours?|mg|kg|%))(?:,?\s+\d{{4}}\b)?"
        ),
        possible=_has_month,
        needles=_MONTH_NEEDLES,
        in_fields=True,
    ),
    Recognizer(
        "month-year",
        "date",
        lazy(rf"(?:(?:early|mid|late)-)?{_MONTH}\.?,?\s+(?:(?:19|20)\d{{2}}\b|['’]\d\d\b)"),
        possible=_has_month,
        needles=_MONTH_NEEDLES,
        in_fields=True,
    ),
    Recognizer(
        "ordinal-words",
        "date",
        lazy(rf"(?:the\s+)?(?:{_ORDINAL_WORD})\s+of\s+{_MONTH}\b", re.I),
        needles=tuple(f"of {month}" for month in _MONTH_NEEDLES),
        lower=True,
    ),
    Recognizer(
        # a day of this month or the last in a letter's style ('on the 8th inst.', '3rd ult.')
        "day-inst",
        "date",
        lazy(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\s+(?:inst|ult|prox)\b\.?"),
        needles=("inst", "ult", "prox"),
        lower=True,
    ),
    Recognizer(
        # a day counted from a festival that moves each year ('three days before Passover',
        # 'the first night of Hanukkah', 'on the second day of Eid')
        "festival-day",
        "date",
        lazy(
            r"(?:(?:days?|nights?|weeks?)\s+(?:before|after)|(?:first|second|third|last)\s+"
            r"(?:day|night)\s+of)\s+(?:the\s+)?"
            # (capitalised: 'weeks after the advent of biologics' is no date)
            rf"(?:{'|'.join(festival.title() for festival in _FESTIVALS)})\b"
        ),
        needles=_FESTIVALS,
    ),
    Recognizer(
        "holiday",
        "date",
        # (and its weekend or holidays in a year: 'over the Easter weekend of 2016')
        lazy(rf"{_HOLIDAY}(?:(?:\s+(?:weekend|holidays?|break))?(?:\s+of)?\s+(?:19|20)\d\d)?\b"),
        possible=lambda text: _HOLIDAY_WORD.search(text) is not None,
        needles=_HOLIDAY_NEEDLES,
    ),
    Recognizer(
        "foreign-day-month-year",
        "date",
        # '12 aprile 2019', 'le 15 mars 2020', 'am 3. Mai 2018', '21 de junio de 2017'
        # (any word between a day and a year, then the word must be a month: a short pattern
        # that runs only near the year's digits, and no needle per month)
        # (and English months in lower case: 'on 30th april 2023')
        lazy(
            rf"{_NUM}\d?(?:\.|st|nd|rd|th)?\s+(?:de\s+|of\s+)?(?P<month>\w{{3,10}})\s+(?:de\s+)?"
            r"(?:19|20)\d\d\b"
        ),
        valid=_foreign_month_date,
        lower=True,
        dense=True,
    ),
    Recognizer(
        # a date in Hungarian, the year first ('Operated: 2019. szeptember 9.')
        "year-month-day",
        "date",
        # (or in Lithuanian: '2020 m. rugsėjo 3 d.')
        lazy(
            r"[12](?<![\w.,/:-][12])[09]\d\d(?:\.|\s*m\.)\s+(?P<month>\w{3,10})\s+\d{1,2}"
            r"(?:\.|\s*d\.)?(?!\d)"
        ),
        valid=lambda text: text.replace("m.", " ").split()[1] in _YEAR_FIRST_MONTHS,
        needles=tuple(sorted(_YEAR_FIRST_MONTHS)),
        lower=True,
        dense=True,
    ),
    Recognizer(
        "roman-month-date",
        "date",
        # '3.IV.2019', '17/vi/2020', '2-xi-21': a month in Roman numerals, either case
        lazy(rf"{_NUM}\d?([./-])(?i:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)\1(?:19|20)?\d\d{_END}"),
        inside=_ROMAN_MONTH_INSIDE,
        possible=lambda text: _ROMAN_MONTH_HINT.search(text) is not None,
        dense=True,
    ),
    Recognizer(
        "bare-day-ordinal",
        "date",
        # 'discharged on the 3rd, two days later': a day of the month standing alone
        lazy(
            r"(?:on|since|until|till|by|for|to|from|before|after|(?:mon|tues|wednes|thurs|fri"
            r"|satur|sun)day)\s+the\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
            r"(?=\s*[,;)]|\.(?!\d)|$|\s+(?:but|because|when|so|as|at|until"
            r"|she|he|they|we|i|her|his|their|the patient)\b)"
        ),
        needles=(
            "on the",
            "since the",
            "until the",
            "till the",
            "by the",
            "for the",
            "to the",
            "from the",
            "before the",
            "after the",
            "monday the",
            "tuesday the",
            "wednesday the",
            "thursday the",
            "friday the",
            "saturday the",
            "sunday the",
        ),
        lower=True,
        anchored=True,
    ),
    Recognizer(
        # a day and month in figures without a year, after a word that dates ('appeared on
        # 24/12', 'since 05/06'; the day in two figures: '3/12' is also three months, and
        # '2/3 occasions', '6/12 vision' are fractions)
        "day-month-figures",
        "date",
        lazy(
            # (and 'em', 'el', 'le', 'am' of Portuguese, Spanish, French and German notes:
            # 'internada em 30/04')
            # (or after an event with no preposition, as notes write it: 'admitted 15/07')
            r"(?:on|since|from|until|till|dated|before|after|em|el|le|am|admitted|discharged"
            r"|operated|died|born|dod|dob|doa)\s*:?\s+"
            r"(?P<date>(?:[12]\d|3[01]|0[1-9])/(?:0?[1-9]|1[0-2]))"
            r"(?![\w/]|[.,-]\d|\s*(?:of|occasions?|times|cores|samples|patients|cases|doses"
            r"|vision|acuity|ago|history|hx)\b)"  # ('10/12 ago': ten months)
            # ('on 24/7 oxygen': round the clock)
            r"(?<!24/7(?=\s(?:oxygen|care|support|access|monitoring|supervision|nursing|cover)))"
        ),
        needles=(
            *("on", "since", "from", "until", "till", "dated", "before", "after"),
            *("em ", "el ", "le ", "am "),
            *("admitted", "discharged", "operated", "died", "born", "dod", "dob", "doa"),
        ),
        group="date",
        possible=lambda text: _DAY_SLASH_MONTH.search(text) is not None,
        lower=True,
        anchored=True,
    ),
    Recognizer(
        # a day and month in figures after a weekday, short or long ('Discharged home Sat
        # 30/11', 'Monday 3/4: CT'); not '/10', a score's ('Pain Mon 7/10')
        "weekday-day-month",
        "date",
        lazy(
            r"(?:mon|tues?|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?"
            r"\.?,?\s+(?P<date>(?:[12]\d|3[01]|0?[1-9])/(?:0?[1-9]|1[12]))"
            r"(?![\w/%]|[.,-]\d)"
        ),
        needles=("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
        group="date",
        lower=True,
        anchored=True,
    ),
    Recognizer(
        # a day and month in figures after an event of care ('Readmitted 3/10', 'Reviewed
        # 14/5'; not the shorthand of durations, '2/7', '6/12', '3/52', nor '... ago')
        "day-month-after-event",
        "date",
        lazy(
            r"(?:admitted|readmitted|discharged|reviewed|seen|operated|transferred|died"
            r"|delivered|presented|re-presented|attended|started|stopped|restarted|bloods"
            # and the shorthand of notes ('D/C 22/9', 'LMP 03.06.', 'EDD 14/8')
            r"|d/c|dc['’]?d|adm|lmp|edd|edc|(?:last\s+)?menstrual\s+period|due\s+date)\s*:?\s+"
            r"(?:on\s+)?(?P<date>(?:[12]\d|3[01]|0?[1-9])/(?:0?[1-689]|1[01])"
            r"(?![\w/]|[.,-]\d|\s*(?:ago|later|before|earlier|of|occasions?|times|vision"
            r"|acuity)\b)"
            # (with stops, in two figures each and a stop after: '03.06.', not a decimal)
            r"|(?:[12]\d|3[01]|0[1-9])\.(?:0[1-9]|1[0-2])\.(?!\d))"
        ),
        needles=(
            "admitted",
            "readmitted",
            "discharged",
            "reviewed",
            "seen",
            "operated",
            "transferred",
            "died",
            "delivered",
            "presented",
            "re-presented",
            "attended",
            "started",
            "stopped",
            "restarted",
            "bloods",
            "d/c",
            "dc'd",
            "dc’d",
            "adm",
            "lmp",
            "edd",
            "edc",
            "last menstrual",
            "menstrual period",
            "due date",
        ),
        group="date",
        possible=lambda text: (
            _DAY_SLASH_MONTH.search(text) is not None or _DAY_STOP_MONTH.search(text) is not None
        ),
        lower=True,
        anchored=True,
    ),
    Recognizer(
        # a day and month in figures opening a timeline row, alone or after one word,
        # before a colon ('28/02: drain removed', 'Bloods 24/12: CRP', 'Course — 27.11:');
        # the day in two figures and, over 7 or 12, more than a fraction ('Cores 10/12:',
        # 'CAS 5/7:')
        "day-month-row",
        "date",
        lazy(
            r"(?:^|(?<=\n)|(?<=[.;]\s))(?:[A-Za-z]+\s+(?:[—–-]\s+)?)?"
            # (or before a dash: '23/9 — extubated')
            r"(?P<date>(?:[12]\d|3[01]|0[1-9])[/.](?:0?[1-9]|1[0-2]))(?::\s|\s[—–]\s)"
        ),
        valid=lambda value: _row_date(value),
        group="date",
        possible=_row_date_hint,
    ),
    Recognizer(
        # a weekday with an ordinal day ('Op Thurs 9th', 'home Fri 13th'; not 'Fri 2nd
        # dose', 'sat 3rd in the exams')
        "weekday-ordinal",
        "date",
        lazy(
            r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?"
            r"\s+(?:the\s+)?(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
            r"(?!\s+(?:dose|cycle|line|degree|trimester|time|attempt|episode|course|round|day"
            r"|week|visit|infusion|fraction|session|thing)s?\b)"
        ),
        needles=("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    ),
    Recognizer(
        # a day and month in Spanish, Portuguese, French, German or Italian without a year
        # ('el 3 de marzo', 'le 12 juin', 'am 4. Mai'; not 'grade 2 de Quervain')
        "foreign-day-month",
        "date",
        lazy(
            r"(?:(?:el|le|il|am|au|du|dal|del|vom|den|em|no|op|dia|día)\s+)?"
            r"[0-9](?<![\w.,/:-][0-9])\d?(?:\.|º|°|er)?\s+(?:de\s+)?(?P<month>\w{3,10})\b"
        ),
        valid=lambda value: _foreign_day_month(value),
        # (a month's name in another language first: found by the needle scan, for free)
        needles=tuple(sorted(set(_FOREIGN_MONTHS))),
        possible=lambda text: _FOREIGN_FRAME.search(text) is not None,
        lower=True,
    ),
    Recognizer(
        # a month and year in figures ('03/2021 | Diagnosis'; not '1/2000', a titre)
        "numeric-month-year",
        "date",
        # (or a dash, the month with its zero: 'onset 05-2017')
        lazy(
            rf"(?:0(?<![\w.,/:-]0)[1-9]|1(?<![\w.,/:-]1)[0-2])/(?:19|20)\d\d{_END}"
            rf"|0(?<![\w.,/:-]0)[1-9]-(?:19|20)\d\d{_END}"
        ),
        dense=True,
    ),
    Recognizer(
        "date-of-birth",
        "date",
        lazy(
            r"(?:DOB|D\.O\.B\.|date of birth)\b\s*(?::|is|was)?\s*\S+(?:\s+\S+){0,2}"
            # ('Birth date (dd/mm): 17/09'; not 'name, ID, birth date, hospital' in a list)
            r"|birth[- ]?date\b(?:\s*\([^)]{1,12}\))?\s*(?::|is|was)\s*\S+(?:\s+\S+){0,2}",
            re.I,
        ),
        needles=("dob", "d.o.b", "date of birth", "birth date", "birthdate", "birth-date"),
        lower=True,
    ),
]

#: The shorthand of clinical notes: age and sex in one word ('91M with CHF', '93F').
AGE_SEX = Recognizer(
    "age-sex-shorthand",
    "age",
    lazy(r"[19](?<![\w.,/:-][19])(?:(?<=9)\d|(?<=1)[01]\d)[MF]\b"),
    needles=tuple(f"{age}{sex}" for age in range(90, 120) for sex in "mf"),
)
#: The same with a slash, either way round ('F/96 — ?UTI', 'Bed 4: 101/F'); not a rate
#: ('98/min': the sex is a capital letter alone) nor a fraction or a date ('1/96', '3/1/96').
AGE_SEX_SLASH = Recognizer(
    "age-sex-slash",
    "age",
    lazy(
        r"(?<![\w/.])[MF]/(?:9\d|1[01]\d)\b(?![/.,]\d)"
        r"|(?<![\w/.,:-])(?:9\d|1[01]\d)/[MF]\b(?![/.,]\d)"
        # with a space, opening a note's line before a comma ('M 90, ?UTI, delirium')
        r"|(?<![^\n])[MF] (?:9\d|1[01]\d)(?=\s*[,;])"
        # and the age first ('Case 7: 91 F, NH resident'), or in a table's row ('| 97 | F |')
        r"|(?<![\w/.,:-])(?:9\d|1[01]\d) [MF](?=\s*[,;])"
        r"|(?<=\| )(?:9\d|1[01]\d)(?= \| [MF] \|)"
        # a table's age column with its unit ('| Age (y) | 99 | Sex | M |')
        r"|(?<=Age \(y\) \| )(?:9\d|1[01]\d)(?= \|)|(?<=Age \(years\) \| )(?:9\d|1[01]\d)(?= \|)"
        # the sex, a comma and the age ('Case 4: F, 91, fall at home')
        r"|(?<![\w/.])(?<=[MF], )(?:9\d|1[01]\d)(?=\s*[,;])"
    ),
    needles=(
        *(f"{age}/{sex}" for age in range(90, 120) for sex in "mf"),
        *(f"{sex}/{digit}" for sex in "mf" for digit in "91"),
        *(f"{sex} {digit}" for sex in "mf" for digit in "91"),
        *(f"{age} {sex}" for age in range(90, 120) for sex in "mf"),
        *(f"{age} |" for age in range(90, 120)),
        *(f"{sex}, {digit}" for sex in "mf" for digit in "91"),
    ),
)
_AGE_WORD = (
    # ('one-hundred-and-four', 'a hundred-and-one': hyphens between the words too)
    r"(?:ninety|one[- ]hundred(?:[- ]and)?|hundred-and)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)
_NOT_90_PLUS = r"(?!(?:\s*years?)?\s*(?:\+|or (?:over|older|above|more)|and (?:over|older|above)))"
_OLD = r"(?:9\d|1[01]\d)"
#: The same, for the learned layer's guard on ages (learned.young).
OLD_AGE_FIGURES = _OLD
#: Someone born in this year or before is over 89 now (or turns 90 this year).
_BORN_OVER_89 = datetime.date.today().year - 90
#: People an age in commas may follow ('Her husband, 95, was her only carer').
_APPOSITION_PEOPLE = (
    "husband",
    "wife",
    "mother",
    "father",
    "grandmother",
    "grandfather",
    "widow",
    "widower",
    "partner",
    "brother",
    "sister",
    "aunt",
    "uncle",
    "neighbour",
    "neighbor",
    "patient",
    "man",
    "woman",
    "lady",
    "gentleman",
)
#: Who an age is said of, before a verb ('she will be 97', 'who would have been 100').
_AGE_SUBJECTS = "she|he|who|i|they|we|you|patient|" + "|".join(_APPOSITION_PEOPLE)
_FAMILY = (
    "mother",
    "father",
    "grandmother",
    "grandfather",
    "sister",
    "brother",
    "aunt",
    "uncle",
    "grandparent",
    "parent",
    "cousin",
    "granny",
    "grandma",
    "grandpa",
    "nan",
)
_NOT_AFTER_RELATIVE = "".join(f"(?<!{who} )" for who in _FAMILY)
#: Not a measurement after the number ('at 95%', 'at 96 hours', 'at 92 days of life').
_AGE_TAIL = (
    r"(?![.,-]\d|\s*(?:%|percent|per\b|/|mg|g\b|kg|mmol|mm|cm|ml|l\b|µ|μ|bpm|beats|breaths"
    r"|x\b|×|times|units?\b|iu\b|°|degrees|kilo|pounds|lb|st\b|min|sec|h\b|hours|days|weeks"
    r"|months|out of|of \d|points?\b|\+|or (?:over|older|above|more)|and (?:over|older|above)))"
)
#: Sex, then the age in years, as a note's line gives them ('Female, 90 years, NYHA III').
AGE_AFTER_SEX = Recognizer(
    "age-after-sex",
    "age",
    lazy(
        r"(?:female|male|woman|man)\s*[,/]\s*(?P<id>(?:9\d|1[01]\d)\s*(?:years?|yrs?|y)\b)"
        + _NOT_90_PLUS
    ),
    needles=("female", "male", "woman", "man"),
    group="id",
    lower=True,
    anchored=True,
)
#: A date in Japanese ('2018年4月12日').
DATE_JAPANESE = Recognizer(
    "date-japanese",
    "date",
    # (or by the era: 令和4年 is 2022, 平成 1989-2019, 昭和 1926-1989; 元年 its first year)
    # (a month of a year alone is a date too: 平成30年4月)
    lazy(r"(?:(?:19|20)\d\d|(?:令和|平成|昭和)(?:元|\d{1,2}))年\d{1,2}月(?:\d{1,2}日)?"),
    inside=("年",),
    possible=lambda text: "年" in text,
)
#: An age over 89 in Japanese ('98歳の男性').
AGE_JAPANESE = Recognizer(
    "age-japanese",
    "age",
    lazy(r"(?<!\d)(?:9\d|1[01]\d)歳"),
    inside=("歳",),
    possible=lambda text: "歳" in text,
)
DATES.append(DATE_JAPANESE)
AGES = [
    AGE_JAPANESE,
    AGE_SEX,
    AGE_SEX_SLASH,
    AGE_AFTER_SEX,
    Recognizer(
        "age-number",
        "age",
        lazy(
            r"[19](?<![\w.,/:-][19])(?:(?<=9)\d|(?<=1)[01]\d)"
            r"(?:[- ]?(?:year|yr)s?[- ]old|[\s-]?y\.?o\.?\b|\s?y/o\b|[- ]?y-o\b"
            r"|\s+years?\s+(?:of\s+age|old)"
            # 'yrs' of a note before a comma or the end ('101 yrs, lives alone')
            r"|\s?yrs\b(?=\s*(?:[,;)]|$))"
            # a bare 'y' after the number ('man 93 y with'; not 'y-axis')
            r"|\s?y\b(?![-'’/&]|\.\w))" + _NOT_90_PLUS,
            # (in any case: a header typed in capitals is read again in title case, '91 Year
            # Old Female')
            re.I,
        ),
        # '95yo F': the needle scan looks at the starts of words
        needles=(
            *_YEAR_WORDS,
            "y-o",
            *(f"{age}y" for age in range(90, 120)),
            *(f"{age} y" for age in range(90, 120)),
        ),
    ),
    Recognizer(
        # years over 89 that are someone's life ('despite her 93 years', 'now in his 103rd
        # year', 'I was born 96 years ago'): the person's age in any figure
        "life-years",
        "age",
        lazy(
            rf"(?:her|his|my|your)\s+(?:own\s+)?{_OLD}(?:st|nd|rd|th)?\s+(?:years?|yrs)\b"
            r"|born\s+(?:(?:some|about|nearly|almost|over|more than)\s+)?"
            rf"{_OLD}\s+(?:years?|yrs)\s+ago\b"
        ),
        needles=(
            *(f"{who} {digit}" for who in ("her", "his", "my", "your") for digit in "91"),
            "born",
        ),
        lower=True,
        anchored=True,
    ),
    Recognizer(
        "aged-number",
        "age",
        lazy(
            r"(?:(?:[Aa]ged|AGED|age of|(?<![\w-])(?:[Aa]ge|AGE)\s*[:=|]?|(?<![\w-])age as)"
            rf"\s*{_OLD}"
            r"(?:\s?(?:y|yrs?|yo))?\b"
            r"(?!\s*(?:days|weeks|months|minutes|hours|mg|%))"
            rf"|of\s+{_OLD}\s+years\b|\({_OLD}\s*(?:years?|yrs?|y)\)"
            # the age in commas or brackets after the word ('Her age, 95, was', 'age (93)')
            rf"|(?<![\w-])[Aa]ge(?:,\s*{_OLD},|\s*\({_OLD}\))"
            # 'Age at presentation: 95 years'
            rf"|(?<![\w-])[Aa]ge\s+(?:at|on)\s+[\w-]+(?:\s+[\w-]+)?\s*[:=,]?\s*{_OLD}\b"
            r"(?!\s*(?:days|weeks|months|mg|%|kg))"
            # a label with words before its colon ('Age/sex: 92/F', 'Age in years: 97', 'Age
            # (years): 96'; not 'Age-adjusted incidence per 100,000: 95.2')
            rf"|(?<![\w-])(?:[Aa]ge|AGE)(?![\w-])[^:=\n.;\d]{{1,16}}[:=]\s*{_OLD}\b"
            r"(?![.,]\d|\s*(?:days|weeks|months|mg|%|kg)))" + _NOT_90_PLUS
        ),
        needles=(
            "aged",
            "age of",
            "years",
            "age:",
            "age =",
            "age 9",
            "age 1",
            "yr",
            "y)",
            "age at",
            "age on",
            "age/",
            "age (",
            "age,",
            "age in",
            "age |",
            "age as",
        ),
    ),
    Recognizer(
        # sex and age in brackets: '(F, 94)', '(94, M)' (no needles: the bracket the pattern
        # starts with is found as fast as a needle would be)
        "age-sex-brackets",
        "age",
        lazy(
            rf"\((?:[MF]|male|female)\s*,\s*{_OLD}\s*(?:y|yrs?|years?)?\)"
            rf"|\({_OLD}\s*(?:y|yrs?|years?)?\s*,\s*(?:[MF]|male|female)\)"
            # the sex after the age in brackets ('(98) male')
            rf"|\({_OLD}\)\s+(?:[MF]|male|female|man|woman|gentleman|lady|boy|girl)\b"
        ),
    ),
    Recognizer(
        # the decade before the age in brackets ('Mid-nineties (94) female')
        "decade-and-age",
        "age",
        lazy(rf"(?:nineties|90s)\s*\({_OLD}\)"),
        needles=("nineties", "90s"),
        lower=True,
    ),
    Recognizer(
        # a year of birth that makes someone over 89 now ('born in 1929', 'Year of birth:
        # 1931'; the year alone is an identifier then, as HIPAA's Safe Harbor says)
        "birth-year",
        "age",
        lazy(
            r"(?:born\s+(?:in\s+|on\s+|around\s+|about\s+|circa\s+)?(?:[\w,]+\s+){0,3}?"
            r"|(?:year\s+of\s+birth|birth\s+year|yob)\s*[:=]?\s*)(?P<year>1[89]\d\d)\b"
        ),
        needles=("born", "year of birth", "birth year", "yob"),
        group="year",
        valid=lambda year: int(year) <= _BORN_OVER_89,
        lower=True,
        anchored=True,
    ),
    Recognizer(
        "foreign-age",
        "age",
        # 'une femme de 95 ans', 'un hombre de 94 años', 'eine 98-jährige Patientin'
        lazy(
            r"[19](?<![\w.,/:-][19])(?:(?<=9)\d|(?<=1)[01]\d)"
            r"(?:\s+(?:ans|años|anos|anni|jaar|jahre|lat|år|vuotta)\b|-?jährig\w*"
            # ('92-godišnji pacijent' in Croatian, Serbian and Bosnian, '95-aastane' in Estonian)
            r"|-?godi[šs]nj\w*|-aastane\b|-jarige\b)"
        ),
        needles=(
            *("ans", "años", "anos", "anni", "jaar", "jahre", "lat", "år", "vuotta", "jährig"),
            *(f"{age}-godi" for age in range(90, 120)),
            *(f"{age}-aastane" for age in range(90, 120)),
            *(f"{age}-jarige" for age in range(90, 120)),  # Dutch ('Een 93-jarige man')
        ),
    ),
    Recognizer(
        "is-number",
        "age",
        # 'he is 104 and', 'her husband, who was 97,', 'I'm 99': a person's age, not a value.
        lazy(
            r"(?:(?:patient|she|he|woman|man|who|husband|wife|mother|father|grandmother"
            r"|grandfather|widow|widower|i|participant|resident|subject)"
            r"(?: is| was|['’]m| am| turned| turns| had turned) "
            # 'a man of 97', 'a lady of 101' (not 'a man of 70 kg': the tail below)
            r"|(?:man|woman|lady|gentleman|person|patient|widow|widower|nun|monk) of "
            # 'despite being 99,': the person's own age; 'he had lived to 104'
            r"|(?<![\w-])(?:being|turning) "
            r"|(?:lived|survived)\s+(?:to\s+(?:be\s+|the\s+age\s+of\s+)?|until\s+(?:the\s+age\s+of\s+)?)"
            # 'who even at 99 walked', 'she, at 96,': a person's age after 'at'
            r"|(?:who|she|he|they),?\s+(?:(?:even|still|now)\s+)?at )"
            rf"{_OLD}\b(?![.,-]\d|\s*(?:%|percent|per\b|/|mg|g\b|kg|mmol|mm|cm|ml|l\b|µ|μ|bpm"
            r"|beats|breaths|x\b|×|times|units?\b|iu\b|°|degrees|kilo|pounds|lb|st\b|min|sec|h\b"
            r"|hours|days|weeks|months|out of|of \d|on the|points?\b|\+"
            r"|or (?:over|older|above|more)|and (?:over|older|above)))"
        ),
        needles=(
            "is 9",
            "was 9",
            "is 10",
            "was 10",
            "is 11",
            "was 11",
            "m 9",
            "m 10",
            "m 11",
            "turned 9",
            "turned 1",
            "lived to",
            "lived until",
            "survived to",
            "survived until",
            "turns 9",
            "turns 1",
            "being 9",
            "being 1",
            "turning 9",
            "turning 1",
            "at 9",
            "at 10",
            "at 11",
            *(
                f"{who} of {digit}"
                for who in ("man", "woman", "lady", "gentleman", "person")
                for digit in "91"
            ),
            *(
                f"{who} of {digit}"
                for who in ("patient", "widow", "widower", "nun", "monk")
                for digit in "91"
            ),
        ),
        lower=True,
    ),
    Recognizer(
        # a person's age in other frames: one to come or that would have been ('she will be
        # 97', 'who would have been 100'), a birthday 'on the' day ('she turned 100 on the
        # day of'), an age at an event in brackets after a person ('Her father (96 at the
        # time of the fall)') or after what happened then ('died at 103', 'Diagnosed at 94,'),
        # 'At 93, she', and the Romance 'has 91 years' ('tiene 91 años', 'a 91 ans')
        "age-frames",
        "age",
        lazy(
            rf"(?:(?:{_AGE_SUBJECTS})\s+(?:will|would|is going to|would have|might have)\s+"
            rf"(?:be|turn|have been|have turned|been|turned)\s+{_OLD}\b"
            rf"|(?:{_AGE_SUBJECTS})\s+(?:turned|turns|had turned)\s+{_OLD}\s+on\s+the\b"
            rf"|(?:{'|'.join(_APPOSITION_PEOPLE)})\s+\({_OLD}\s+(?:at|on|when|in)\b"
            # (not a relative's death in a family history: 'His grandmother died at 92')
            rf"|{_NOT_AFTER_RELATIVE}(?:died|passed\s+away|passed\s+on|diagnosed|retired|widowed|remarried|married"
            r"|emigrated|baptised|baptized|operated on|admitted|presented|hospitali[sz]ed"
            rf"|institutionali[sz]ed)\s+at\s+{_OLD}\b"
            # (the comma may be left out: 'At 107 she remained'; a unit would stand between)
            rf"|at\s+{_OLD},?\s+(?:she|he|they|i|we|my|her|his|the (?:patient|man|woman|lady))\b"
            rf"|(?:has|have|had|having)\s+{_OLD}\s+(?:years|yrs)\b(?!\s+(?:of|in)\b))" + _AGE_TAIL
        ),
        needles=(
            "will be",
            "would be",
            "would have",
            "might have",
            "is going to",
            "will turn",
            "would turn",
            "turned",
            "turns",
            "(9",
            "(1",
            "at 9",
            "at 1",
            "has 9",
            "has 1",
            "have 9",
            "have 1",
            "had 9",
            "had 1",
            "having 9",
            "having 1",
        ),
        lower=True,
    ),
    Recognizer(
        # 'Her husband, 95, was her only carer': an age in commas after a person
        "age-apposition",
        "age",
        # (also 'now' or 'today' before it: 'his mother, now 95, had stopped eating')
        lazy(rf"(?:{'|'.join(_APPOSITION_PEOPLE)}),\s+(?:now\s+|today\s+)?{_OLD},"),
        needles=tuple(f"{who}," for who in _APPOSITION_PEOPLE),
        lower=True,
        anchored=True,
    ),
    Recognizer(
        "age-words",
        "age",
        lazy(
            # not a count ('Ninety minutes later', 'ninety-five percent of')
            rf"{_AGE_WORD}(?![\w]|-(?!years?\b|yrs?\b|yo\b))"
            r"(?!\s*(?:%|percent|per\b|minutes?|mins?|seconds?|hours?|days|weeks|months|mg|ml"
            r"|mmhg|beats|breaths|times|patients|cases|people|of\b|to\b"
            # a count in words ('Serial sevens: ninety-three, eighty-six')
            r"|,\s*(?:eighty|seventy|sixty|fifty|forty)\b))"
            r"(?:[- ](?:years?[- ]old|years?|yo))?\b"
            r"|(?:nonagenarian|centenarian|supercentenarian)s?\b"
            r"|in (?:his|her|their) (?:early |mid-?|late )?(?:nineties|90s|90's|90’s)"
            # the tenth decade of life is 90 to 99
            r"|(?:tenth|eleventh|10th|11th) decade\b"
            # the oldest of a series ('the oldest patient was 103')
            rf"|(?:oldest|eldest)\b[^.;]{{0,40}}?\b{_OLD}\b(?!\s*(?:%|mg|kg))"
            rf"|{_OLD}(?:st|nd|rd|th) birthday\b"
            r"|(?:ninetieth|ninety-\w+th|hundredth|one hundredth|hundred-and-\w+th) birthday\b"
            # ('in her ninety-seventh year')
            r"|in\s+(?:his|her|their)\s+(?:ninetieth|ninety-\w+th|hundredth|hundred-and-\w+th)"
            r"\s+year\b"
            # ('she said she was "a hundred and two"')
            r"|(?:was|is|am|turned|aged|being)\s+[\"“']?a\s+hundred(?:\s+and\s+(?:one|two|three|four"
            r"|five|six|seven|eight|nine|ten))?\b(?!\s+(?:per|percent|times|patients|cases|people"
            r"|metres|meters|miles|km|kg|mg|ml|units))",
            re.I,
        ),
        needles=(
            "ninet",
            "hundred",
            "centenarian",
            "nonagenarian",
            "birthday",
            "90s",
            "90's",
            "oldest",
            "eldest",
            "tenth decade",
            "eleventh decade",
            "10th decade",
            "11th decade",
        ),
        lower=True,
    ),
]


def _addressed_name(value: str) -> bool:
    """The name :data:`SIGNALS`' 'addressed-name' holds is no ordinary English or medical
    word ('Thanks Team,', 'severe mr and tr', 'the name "Kawasaki"')."""
    name = re.split(r"\s+|[\"“'‘]", value.rstrip("\"”'’"))[-1]
    return (
        name.lower() not in words.english_words()
        and not words.clinical_term(name)  # (an eponym, a drug: "the drug name 'Humira'")
        and not name.isupper()
    )


#: Words that make the number after them an identifier, its category, and lower-case
#: fragments one of which the text must hold for the words to be looked for at all.
NUMBER_WORDS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "record",
        r"MRN|MR\s?#|medical record|(?:hospital|hosp\.?|unit|case|patient|record|lab|chart"
        r"|clinic|slide|specimen|accession|admission)\s*(?:number|no\.?|num\.?|n\.[ºo]|nº|ID|#)"
        r"|accession|historia clínica|cartella clinica|dossier(?: médical)?|patientennummer"
        r"|prontuário|prontuario|registro\s+(?:hospitalar|do\s+paciente|geral)"
        r"|journalnummer|journalnr\.?|NHC|broj\s+(?:istorije|povijesti)\s+bolesti"
        r"|expediente(?:\s+cl[íi]nico)?"
        r"|krankenblattnummer|fallnummer"
        # a Portuguese hospital's file ('Processo n.º 2019-00-48213', 'processo clínico'), a
        # Hungarian one ('Kórlapszám: 2019/4471')
        r"|processo(?:\s+cl[íi]nico)?|k[óo]rlapsz[áa]m"
        # a ward's or a register's entry ('Ward register entry 187/23'), a Turkish
        # hospital's protocol number ('Protokol no: 2021/45871')
        r"|register\s+(?:entry|no\.?|number)|protokol\s+(?:no|numarası)"
        # a Romanian hospital's observation sheet ('Foaia de observație nr. 12447/2022')
        r"|foaia\s+de\s+observa[țţt]ie(?:\s+nr\.?)?"
        r"|NHS(?:\s*(?:number|no\.?))?|CHI(?:\s*(?:number|no\.?))?|hospital ID"
        # a label in the Romance order ('Number of the clinical history', 'number of the
        # history of disease': número de historia clínica)
        r"|(?:number|no\.?) of (?:the )?(?:clinical |medical )?(?:history|record)"
        r"(?: of (?:the )?disease)?",
        (
            "mrn",
            "mr#",
            "mr #",
            "record",
            "hospital",
            "hosp",
            "unit n",
            "case n",
            "case #",
            "patient n",
            "patient i",
            "patient #",
            "lab n",
            "chart",
            "clinic n",
            "slide n",
            "specimen n",
            "accession",
            "prontu",
            "registro",
            "journalnummer",
            "journalnr",
            "nhc",
            "broj istorije",
            "broj povijesti",
            "expediente",
            "admission",
            "historia",
            "cartella",
            "dossier",
            "patientennummer",
            "krankenblattnummer",
            "fallnummer",
            "processo",
            "kórlapszám",
            "register e",
            "protokol",
            "foaia de",
            "register n",
            "korlapszam",
            "nhs",
            "chi ",
            "chi:",
            "chi n",
        ),
    ),
    (
        "health-plan",
        r"Medicare|Medicaid|health[- ]?plan|(?:health )?insurance(?:\s*(?:number|no\.?|ID|card))?"
        r"|(?:member|plan) (?:ID|number|no\.?)|OHIP|RAMQ"
        r"|policy(?:\s*(?:number|no\.?))?|subscriber(?:\s*ID)?"
        r"|group (?:number|no\.?)"
        r"|EHIC|beneficiary|Versichertennummer|carte vitale|personal health (?:number|no\.?)"
        # (New Zealand's National Health Index number, 'NHI ZZZ0016')
        # (and Ghana's National Health Insurance Scheme: 'NHIS member 08812247-3')
        r"|PHN|IHI|NHIS(?:\s+(?:member|card))?|NHI|individual healthcare identifier"
        r"|health card(?: number)?|card(?=\s+reads)"
        # a French mutual insurer's member number ('mutuelle adhérent number', "numéro
        # d'adhérent mutuelle :")
        r"|(?:num[ée]ro\s+d['’])?adh[ée]rent(?:\s+(?:mutuelle|number|no\.?))?|mutuelle"
        # ('Number of the insurance of the patient': número de seguro)
        r"|(?:number|no\.?) of (?:the )?(?:health )?insurance|afiliaci[oó]n(?:\s+SIS)?"
        # a Belgian sick fund's member number, an Argentine 'obra social' member's
        # ('Ziekenfonds lidnummer 210/4471829', 'Afiliado n.º 15-0442871-3-00')
        r"|ziekenfonds(?:\s+lidnummer)?|lidnummer|afiliado(?:\s+n\.?\s?[ºo°]\.?)?"
        # a scheme's member number, an insured person's in Paraguay's IPS ('Scheme no.
        # MHS/2218/4471', 'IPS asegurado 1448207')
        r"|scheme\s+(?:no\.?|number)"
        # Luxembourg's health insurance number, Hungary's ('Matricule CNS 1982 0708 123',
        # 'TAJ szám: 044 118 392')
        r"|matricule\s+CNS|TAJ(?:[- ]?sz[áa]m)?"
        # Croatia's health insurance number ('HZZO MBO: 183 442 905')
        # (not 'MBO' alone, a malignant bowel obstruction in notes, but before a colon)
        r"|HZZO(?:\s+MBO)?|MBO(?=\s*:)"
        # Finland's Kela card ('Kela-kortin numero 555019-2281'); an insured person's number
        # in French ("Numéro d'assuré CNPS 1234-567-890")
        r"|kela(?:-kortin)?(?:\s+numero)?|num[ée]ro\s+d['’]assur[ée](?:\s+[A-Z]{2,6})?"
        r"|asegurado(?:\s+n\.?\s?[ºo°]\.?)?"
        # a Dutch insurer's policy number ('Polisnummer zorgverzekering: 601-884-220')
        r"|polisnummer(?:\s+zorgverzekering)?|zorgverzekering(?:snummer)?",
        (
            "polisnummer",
            "zorgverzekering",
            "ziekenfonds",
            "nhis",
            "scheme n",
            "asegurado",
            "matricule cns",
            "hzzo",
            "mbo",
            "kela",
            "numéro d'assur",
            "numero d'assur",
            "numéro d’assur",
            "taj",
            "afiliación",
            "afiliacion",
            "lidnummer",
            "afiliado",
            "medicare",
            "medicaid",
            "health plan",
            "health-plan",
            "healthplan",
            "insurance",
            "member id",
            "member n",
            "plan id",
            "plan n",
            "ohip",
            "ramq",
            "policy",
            "subscriber",
            "group n",
            "ehic",
            "beneficiary",
            "versicherten",
            "vitale",
            "personal health",
            "phn",
            "ihi",
            "nhi",
            "individual healthcare",
            "health card",
            "card reads",
            "adhérent",
            "adherent",
            "numéro d",
            "numero d",
            "mutuelle",
        ),
    ),
    (
        "ssn",
        r"SSN|social security(?: number)?|national insurance(?: number)?|NI (?:number|no\.?)"
        r"|NINO|social insurance(?: number)?|personnummer|BSN|Aadhaar(?: number)?|national ID"
        r"|identity (?:card|number)|ID card|tax (?:number|ID)|PESEL|codice fiscale|DNI|NIE"
        r"|CPF|CURP|RUT|NIR|SIN|(?:num[ée]ro de )?s[ée]curit[ée] sociale"
        # Brazil's identity card ('RG 34.829.117-6')
        r"|RG(?=\s*[:#]?\s*\d{1,2}\.\d{3}\.\d{3}-[\dXx]\b)"
        # India's permanent account number ('PAN ABCPK4471L')
        r"|PAN(?:\s*(?:card|number|no\.?))?(?=\s*[:#]?\s*[A-Z]{5}\d{4}[A-Z]\b)"
        # Germany's and Austria's pension and social insurance numbers (hold the birth date)
        r"|(?:renten|sozial)versicherungsnummer|RVNR|SVNR"
        # Germany's tax number, which every resident has ('Steuer-ID 48 217 735 906')
        r"|Steuer-?ID|Steuer-Identifikationsnummer|Steueridentifikationsnummer"
        # Denmark's personal number (holds the birth date)
        r"|CPR[- ](?:nummer|nr\.?|number|no\.?)"
        # the '#' of notes ('ss# 418 66 2091', 'soc sec # 512 08 3349')
        r"|ssn?\s?#|soc\.?\s?sec\.?(?:\s?(?:#|no\.?|number))?"
        # Norway's birth number, Belgium's national register number, Malaysia's identity
        # card (K/P), Colombia's and Venezuela's cédula ('Fødselsnummer: 120389 45321',
        # 'Rijksregisternummer 85.07.30-033.61', 'No. K/P: 050312-10-5528', 'C.C. 1.024.563.887')
        # (and the Baltic states' personal codes: 'Personas kods', 'isikukood', 'asmens kodas')
        r"|personas\s+kods|isikukood|asmens\s+kodas"
        # Portugal's and Spain's tax number, Zambia's and Malawi's national registration card
        # ('NIF 253 918 476', 'NRC 482915/10/1')
        r"|NIF|NRC"
        # Luxembourg's national number, Hungary's personal number ('Matricule national: 1985
        # 0311 457 82', 'Személyi szám: 2-960705-3317')
        r"|matricule(?:\s+national)?|szem[ée]lyi\s+sz[áa]m"
        # the Czech and Slovak birth number ('Rodné číslo: 780915/4127')
        r"|rodn[ée]\s+[čc][íi]slo(?:\s+pacienta)?"
        r"|f[øo]dselsnummer|rijksregisternummer|(?:no\.?\s*)?k/p|c\.c\.|c[ée]dula(?:\s+de"
        r"\s+(?:ciudadan[íi]a|identidad)|\s+venezolana)?",
        (
            "personas kods",
            "rodné číslo",
            "rodne cislo",
            "nif",
            "nrc",
            "matricule",
            "személyi",
            "szemelyi",
            "isikukood",
            "asmens kodas",
            "fødselsnummer",
            "fodselsnummer",
            "rijksregister",
            "no. k/p",
            "k/p",
            "c.c.",
            "cédula",
            "cedula",
            "sécurité sociale",
            "securite sociale",
            "rentenversicherungsnummer",
            "steuer",
            "sozialversicherungsnummer",
            "rvnr",
            "ss#",
            "ss #",
            "ssn#",
            "soc sec",
            "soc. sec",
            "cpr-n",
            "cpr n",
            "svnr",
            "numéro de",
            "numero de",
            "ssn",
            "social security",
            "national insurance",
            "ni n",
            "nino",
            "social insurance",
            "personnummer",
            "bsn",
            "aadhaar",
            "pan ",
            "pan:",
            "rg ",
            "rg:",
            "national id",
            "identity",
            "id card",
            "tax n",
            "tax id",
            "pesel",
            "codice",
            "dni",
            "nie",
            "cpf",
            "curp",
            "rut",
            "nir",
            "sin",
        ),
    ),
    (
        "account",
        r"acc(?:oun)?t(?:\s*(?:number|no\.?))?|IBAN|card number"
        r"|(?:bank|credit|debit|payment)\s+card|card(?=\s+ending)"
        r"|sort code|invoice(?:\s*(?:number|no\.?))?"
        r"|payment reference|billing|reference (?:number|no\.?)|crowdfunding page ID"
        # in Swedish, Norwegian and Danish ('Kontonummer 5050-1055', 'bankgiro 5050-1055')
        r"|kontonummer|kontonr\.?|bankgiro|plusgiro|[čc][íi]slo\s+[úu][čc]tu|broj\s+ra[čc]una"
        # a bank account and branch in Portuguese ('para a conta 44719-2, agência 0447')
        r"|(?:para\s+a\s+)?conta(?:\s+corrente)?(?=\s+(?:n\.?\s?[ºo°]\.?\s*)?\d)|ag[êe]ncia",
        (
            "account",
            "kontonr",
            "conta ",
            "agência",
            "agencia",
            "broj računa",
            "broj racuna",
            "číslo účtu",
            "cislo uctu",
            "kontonummer",
            "bankgiro",
            "plusgiro",
            "acct",
            "iban",
            "bank card",
            "credit card",
            "debit card",
            "payment card",
            "card n",
            "card ending",
            "sort code",
            "invoice",
            "payment ref",
            "billing",
            "reference n",
            "crowdfunding",
        ),
    ),
    (
        # a postal code is smaller than a state ('postal code V5K 0A1', 'PIN code 560034')
        "place",
        r"post(?:al|code) district|outward code|postal code|post code|postcode|zip(?: code)?"
        r"|pin code|code postal|PLZ|CEP|postnummer|postleitzahl|postnr\.?"
        # in Portuguese, Spanish and Polish ('código postal 4710-553')
        r"|c[óo]digo\s+postal|kod\s+pocztowy|ir[áa]ny[íi]t[óo]sz[áa]m",
        (
            "postal",
            "postnummer",
            "postnr",
            "postleitzahl",
            "post code",
            "postcode",
            "outward code",
            "zip",
            "pin code",
            "code postal",
            "código postal",
            "codigo postal",
            "kod pocztowy",
            "irányítószám",
            "iranyitoszam",
            "plz",
            "cep",
        ),
    ),
    (
        "licence",
        r"(?:driving|driver'?s|medical|nursing|pilot"
        r"|firearms?)?\s*licen[cs]e(?:\s*(?:number|no\.?))?"
        r"|passport(?:\s*(?:number|no\.?))?|(?:birth|death|marriage|firearms?)?\s*certificate"
        r"(?:\s*(?:number|no\.?))?|permit(?:\s*(?:number|no\.?))?|DL\s*(?:no\.?|number)|PIN|GMC"
        r"|NMC|registration with|(?:número de )?colegiado|NPI|DEA(?: number)?"
        # a doctor's registration in Brazil and Nigeria, a licence number in German ('CRM-SP
        # 144719', 'MDCN folio MDCN/R/44719', 'Lizenznummer DE.FCL.447192')
        r"|CRM[- ](?:[A-Z]{2})?|MDCN(?:\s+folio)?|Lizenznummer|Lizenz-Nr\.?"
        # a provincial college's registration in Canada ('CPSO #10487'), Australia's
        # national registration ('AHPRA registration MED0001234567')
        r"|CPS(?:O|A|BC|M|NS|NL|S)(?:\s*(?:#|no\.?|number|registration))?"
        r"|AHPRA(?:\s+(?:registration|number|no\.?))?"
        # a driving licence in Norwegian and Polish, a Belgian doctor's INAMI/RIZIV number
        r"|f[øo]rerkort(?:\s*nr\.?)?|prawo\s+jazdy(?:\s*nr\.?)?|INAMI(?:-nummer)?|RIZIV(?:-nummer)?"
        # Indonesia's driving licence, Czechia's ('Nomor SIM 1234-...', 'Řidičský průkaz č.')
        r"|nomor\s+SIM|ř[ií]di[čc]sk[ýy]\s+pr[ůu]kaz(?:\s+č\.)?"
        # Slovakia's ('Vodičský preukaz EA 442871')
        r"|vodi[čc]sk[ýy]\s+preukaz(?:\s+č\.)?"
        # Turkey's driving licence ('Ehliyet no: 421855')
        r"|ehliyet(?:\s+no)?"
        # a commercial driver's licence ('CDL # A1284 5530 9917')
        r"|CDL(?:\s*(?:#|no\.?|number))?"
        # 'dl# w440-...'; the badge of a licensed trade ('hackney cab badge 44172')
        r"|d/?l\s?#|lic\.?\s?(?:#|no\.?|number)|lic\.(?=\s?\d)"
        r"|(?:taxi|cab|hackney|driver'?s?|security|door supervisor)\s+badge"
        r"(?:\s*(?:number|no\.?))?",
        (
            "licen",
            "passport",
            "certificate",
            "permit",
            "dl n",
            "dl no",
            "dl#",
            "dl #",
            "d/l",
            "lic#",
            "lic #",
            "lic.",
            "lic n",
            "badge",
            "pin",
            "gmc",
            "nmc",
            "crm-",
            "crm ",
            "cdl",
            "mdcn",
            "cpso",
            "cpsa",
            "cpsbc",
            "cpsm",
            "cpsns",
            "cpsnl",
            "cpss",
            "ahpra",
            "førerkort",
            "forerkort",
            "prawo jazdy",
            "inami",
            "riziv",
            "nomor sim",
            "řidičský",
            "vodičský",
            "ehliyet",
            "vodicsky",
            "ridicsky",
            "lizenz",
            "colegiado",
            "npi",
            "dea",
            "registration with",
        ),
    ),
    (
        "vehicle",
        # (the long foreign words first: 'reg' would stop inside them)
        r"registreringsnummer|rekisterinumero|rejestracyjny|rendsz[áa]m|immatricul[ée]e?"
        # in Vietnamese ('Xe máy biển số 29-B1 482.13')
        r"|bi[ểe]n\s+s[ốo]"
        # (a boat's letters and number after 'registered as': 'KY 482', not a date)
        r"|registered\s+as(?=\s+[A-Za-z]{1,3}[\s-]?\d{2,})"
        r"|registration(?:\s*(?:number|no\.?))?|reg\.?\s*(?:number|no\.?)?|(?:licence|license"
        r"|number) plates?|(?<!ishihara )plates?(?:\s*read)?|VIN|vehicle identification number"
        r"|kennzeichen(?: des \w+)?|matrícula(?: del? \w+)?|kenteken|targa|immatriculation"
        r"|placa(?: d[oe]l? (?:carro|veículo|veiculo|vehículo|auto|coche|moto))?"
        # Norwegian 'vehicle', the Argentine plate ('Kjøretøy: EL 48213', 'Dominio del
        # vehículo: AD 472 KJ')
        r"|kj[øo]ret[øo]y|dominio(?: del? (?:veh[íi]culo|auto|automotor))?"
        r"|kendaraan|nomor\s+polisi|plat\s+nomor|patente"
        # ('Car number of the patient is KA 8812T')
        r"|(?:car|vehicle|van|taxi|motorbike|motorcycle|scooter) (?:number|no\.?)",
        (
            "registration",
            "reg.",
            "reg n",
            "reg ",
            "car n",
            "van n",
            "taxi n",
            "motor",
            "scooter n",
            "plate",
            "vin ",
            "vin:",
            "vehicle",
            "kennzeichen",
            "matrícula",
            "kenteken",
            "targa",
            "placa",
            "kjøretøy",
            "kendaraan",
            "patente",
            "nomor polisi",
            "plat nomor",
            "registered as",
            "kjoretoy",
            "dominio",
            "immatriculation",
            "registreringsnummer",
            "rekisterinumero",
            "rejestracyjny",
            "rendszám",
            "immatriculé",
            "biển số",
            "bien so",
            "rendszam",
        ),
    ),
    (
        "device",
        r"serial(?:\s*(?:number|no\.?))?|S/N|SN|lot(?:\s*(?:number|no\.?))?"
        r"|batch(?:\s*(?:number|no\.?))?|UDI|IMEI|asset tag|MAC address|device ID|model number"
        # a device's own number ('Holter recorder no. H-4482', 'pump no. 7731')
        r"|(?:recorder|monitor|pump|pacemaker|defibrillator|ICD|implant|stimulator|processor"
        r"|hearing aid|device)\s+(?:no\.|number)"
        # ('number of serie of the pump': número de serie)
        r"|(?:number|no\.?) of (?:the )?seri(?:e|al)\b",
        (
            "serial",
            "s/n",
            "sn ",
            "sn-",
            "sn:",
            "lot ",
            "lot:",
            "lot n",
            "batch",
            "udi",
            "imei",
            "asset tag",
            "mac address",
            "device id",
            "model n",
            *(
                f"{device} {label}"
                for device in (
                    "recorder",
                    "monitor",
                    "pump",
                    "pacemaker",
                    "defibrillator",
                    "icd",
                    "implant",
                    "stimulator",
                    "processor",
                    "aid",
                    "device",
                )
                for label in ("no.", "number")
            ),
        ),
    ),
    (
        # Any other number a word names as someone's: staff, prisoner, participant, trial,
        # booking, reference, sample numbers; a transmitter's ID; a biometric template.
        "number",
        r"(?:staff|employee|payroll|prisoner|inmate|participant|subject|study|trial|enrolment"
        r"|enrollment|randomi[sz]ation|badge|student|pupil|customer|client|booking|ticket|claim"
        r"|file|referral|transmitter|sensor|pump|implant|donor|biobank|sample|order|visitor"
        # a register of in- or outpatients, a laboratory's report ('IP No. 45781/22',
        # 'Cytology no. C/2355/2018')
        r"|ip|op|ipd|opd|cr|mrd|cytology|histology|histopathology|pathology|biopsy|smear"
        r"|culture|microbiology|serology|radiology|x-ray|block"
        r"|membership|case|service|military|army|navy|passenger|frequent[- ]flyer|loyalty|library"
        r"|season ticket|locker|gym|union)\s*(?:card\s*)?(?:number|no\.?|ID|code|#)"
        # a laboratory's block, slide or specimen ('Histology block H19/2284 B')
        r"|(?:histology|histopathology|pathology|paraffin|tissue|biopsy|cytology|surgical)\s+"
        r"(?:blocks?|slides?|specimens?)"
        r"|participant|subject|reference(?:\s*(?:number|no\.?))?"
        r"|ref\.?\s*(?:number|no\.?)?|template|profile|(?:user|login|employee) ID|specimen"
        r"|UHID|case (?:file|folder|notes|sheet)"
        # Whatever word comes before it: 'laboratory number MB23/118764', 'biopsy number RB
        # 14/203', 'a file, numbered 17-88421'.
        r"|numbered|number",
        (
            "numbered",
            "number",
            "staff",
            "employee",
            "payroll",
            "prisoner",
            "inmate",
            "participant",
            "subject",
            "study",
            "trial",
            "enrol",
            "randomi",
            "badge",
            "student",
            "pupil",
            "customer",
            "client",
            "booking",
            "ticket",
            "claim",
            "file",
            "referral",
            "transmitter",
            "sensor",
            "pump",
            "implant",
            "donor",
            "biobank",
            "sample",
            "order",
            "visitor",
            "membership",
            "case",
            "service n",
            "military",
            "army",
            "navy",
            "passenger",
            "frequent",
            "loyalty",
            "library",
            "season ticket",
            "locker",
            "gym",
            "union",
            "ref",
            "ip n",
            "ip #",
            "op n",
            "op #",
            "ipd",
            "opd",
            "cr n",
            "mrd",
            "uhid",
            "cytology",
            "histology",
            "paraffin",
            "tissue b",
            "tissue s",
            "surgical s",
            "histopathology",
            "pathology",
            "biopsy",
            "smear",
            "culture",
            "microbiology",
            "serology",
            "radiology",
            "x-ray",
            "block",
            "template",
            "profile",
            "login",
            "specimen",
        ),
    ),
]
_ID_TOKEN = (
    r"(?:[a-z]{1,4}\d{4,}[a-z]{0,2}(?!\w)"  # written in lower case ('rm558203', 'qx449218b')
    # in lower case with groups ('w440-1187-3390-12') or a British plate ('yk19 abd')
    r"|[a-z]{1,2}\d{3,}(?:-\d{2,}){2,}(?!\w)|[a-z]{2}\d{2}\s?[a-z]{3}(?!\w)"
    r"|(?=[A-Z0-9().:/#+ -]*\d)[A-Z0-9#(][A-Z0-9().:/+_-]*[A-Z0-9)])"
)
#: An identifier may be written in groups ("QQ 12 34 56 C", "2123 45670 1").
_ID = (
    rf"(?:{_ID_TOKEN}|\d(?=[ ]\d)|[A-Z](?=[ ]\d{{2,}}))"
    rf"(?:[ ](?:[A-Z0-9]{{1,6}}|{_ID_TOKEN})(?![a-z]))*"
)
_JOINER = (
    r",?(?:\s+\(?(?:(?:is|was|of|read|reads|as|on|number|no|card|ID|recorded as"
    # part of a number ('card ending in 0072', 'SSN (last 4: 7702)'), the owner ('number
    # of serie of the pump is')
    r"|ending(?: in)?|last (?:four|4)(?: digits)?"
    r"|of (?:the )?(?:patient|pt|client|insured|pump|device|stimulator|pacemaker|implant"
    r"|generator))\b\.?"
    r"|n\.[ºo°]|n[º°]))*"
    # (or the cell after a table's label: '| Licence | DL 4471-982-33 |')
    r"\s*[:#,|]?\s*"
    r"(?:the\s+)?[\"“']?"
)


#: Every keyword of :data:`NUMBER_WORDS`, matched on the lower-case text (so without
#: IGNORECASE and with literal first characters, which the engine scans for fast); the
#: group's name is the category.
NUMBER_KEYWORDS = lazy(
    "|".join(
        f"(?P<{category.replace('-', '_')}>{words.lower()})" for category, words, _ in NUMBER_WORDS
    )
)
#: What may follow a keyword, then the identifier itself, matched on the text as written.
NUMBER_AFTER_KEYWORD = re.compile(rf"(?:\b|(?<=[.#]))\.?(?i:{_JOINER})(?P<id>{_ID})")
NUMBER_ID = re.compile(_ID)
NUMBER_NEEDLES = tuple(sorted({n for _, _, ns in NUMBER_WORDS for n in ns}))


def generic_number_valid(text: str) -> bool:
    """What a generic label ('reference', 'profile', 'staff number') names must look like an
    identifier, not a measurement ('profile 5.2'): letters with digits, or four digits."""
    digits = sum(c.isdigit() for c in text)
    letters = sum(c.isalpha() for c in text)
    return len(text) >= 4 and digits > 0 and (letters > 0 or digits >= 4) and "." not in text


_BARE_NUMBER_JOIN = re.compile(r"[\s:#]*,?\s*")
_ID_SHAPE = re.compile(r"[A-Za-z]|\d[-/]\d")


def bare_number_valid(between: str, value: str) -> bool:
    """What 'number' or 'numbered' alone labels, straight after it, must be shaped like an
    identifier (letters with digits, or digits in groups: 'MB23/118764', '17-88421'), not a
    count ('a total number of 1200 cells')."""
    return _BARE_NUMBER_JOIN.fullmatch(between) is not None and (
        _ID_SHAPE.search(value) is not None
    )


NUMBERS = [
    Recognizer(
        "nhs-number",
        "record",
        lazy(rf"{_NUM}\d{{2}}[ -]?\d{{3}}[ -]?\d{{4}}{_END}"),
        valid=nhs_number_valid,
        dense=True,
    ),
    Recognizer("us-ssn", "ssn", lazy(rf"{_NUM}\d{{2}}-\d{{2}}-\d{{4}}{_END}"), dense=True),
    Recognizer(
        "uk-nino",
        "ssn",
        lazy(r"[A-CEGHJ-PR-TW-Z](?<!\w[A-Z])[A-CEGHJ-PR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"),
        dense=True,
    ),
    Recognizer(
        "iban",
        "account",
        lazy(r"[A-Z](?<!\w[A-Z])[A-Z]\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,4})?\b"),
        dense=True,
    ),
    Recognizer(
        "card-or-imei",
        "account",
        # 4-4-4-4 and the like; American Express 4-6-5 and Diners Club 4-6-4
        lazy(
            rf"{_NUM}\d{{3}}(?:(?:[ -]?\d{{4}}){{2}}[ -]?\d{{1,7}}"
            rf"|[ -]?\d{{6}}[ -]?\d{{4,5}}){_END}"
        ),
        valid=luhn_valid,
        dense=True,
    ),
    Recognizer(
        "vin",
        "vehicle",
        lazy(r"[A-HJ-NPR-Z0-9](?<!\w[A-HJ-NPR-Z0-9])[A-HJ-NPR-Z0-9]{16}(?!\w)"),
        valid=_vin_valid,  # (a letter and a digit among 17: side by side somewhere)
        capital_digit=True,
    ),
    Recognizer(
        "uk-registration",
        "vehicle",
        lazy(r"[A-Z](?<!\w[A-Z])[A-Z]\d{2}\s?[A-Z]{3}\b"),
        capital_digit=True,
    ),
    Recognizer(
        # India: state, district, series, number ('MH 12 AB 4417', 'KA05MN2231')
        "in-registration",
        "vehicle",
        lazy(r"[A-Z](?<!\w[A-Z])[A-Z][ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4}\b"),
        dense=True,
    ),
    Recognizer(
        "eu-registration",
        "vehicle",
        # France (AB-123-CD) and Italy (AB 123CD), the formats since 2009 and 1994.
        lazy(r"[A-Z](?<!\w[A-Z])[A-Z](?:-\d{3}-[A-Z]{2}|\s\d{3}[A-Z]{2})\b"),
        capital_digit=True,
    ),
    Recognizer(
        "mac-address",
        "device",
        lazy(r"[0-9A-Fa-f](?<!\w[0-9A-Fa-f])[0-9A-Fa-f](?:[:-][0-9A-Fa-f]{2}){5}(?!\w)"),
        possible=lambda text: text.count(":") >= 5 or text.count("-") >= 5,
    ),
    Recognizer(
        "long-number",
        "number",
        # Seven or more digits in a row, or a code of letters and five or more digits: no
        # quantity is written so, but record, accession and account numbers are.
        lazy(r"[A-Z0-9](?<![\w.,/:-][A-Z0-9])[A-Z0-9]*(?:-[A-Z0-9]+)*(?![\w/:]|[.,-]\d)"),
        valid=_long_number_valid,
        dense=True,
    ),
]

_TLD = (
    r"com|org|net|edu|gov|mil|int|info|biz|io|co|me|ly|app|dev|tv|uk|us|de|fr|es|it|nl|be|ch|at"
    r"|se|no|dk|fi|ie|pl|pt|ru|cn|jp|in|au|nz|ca|br|za|example|nhs|health|social"
)
#: What every web address holds: a scheme, 'www.' or a dot before a known top-level domain.
#: A dot before a known top-level domain (found from the dot, which the engine scans for).
_TLD_HINT = re.compile(rf"\.(?:{_TLD})\b")


def _could_be_url(text: str) -> bool:
    """What every web address holds: a scheme, 'www.' or a dot before a known domain."""
    return (
        "://" in text
        or "www." in text
        or "WWW." in text
        or "ftp:" in text
        or _TLD_HINT.search(text) is not None
    )


#: Sites that every report may cite: a bare mention of one identifies nobody.
_PUBLIC_SITES = frozenset(
    [
        "clinicaltrials.gov",
        "www.clinicaltrials.gov",
        "pubmed.gov",
        "pubmed.ncbi.nlm.nih.gov",
        "ncbi.nlm.nih.gov",
        "orpha.net",
        "www.orpha.net",
        "omim.org",
        "www.omim.org",
        "who.int",
        "www.who.int",
        "isrctn.com",
        "www.isrctn.com",
        "clinicaltrialsregister.eu",
        "anzctr.org.au",
        "doi.org",
        "hpo.jax.org",
        "clinvar.com",
        "gnomad.broadinstitute.org",
        "nice.org.uk",
        "www.nice.org.uk",
        "cdc.gov",
        "www.cdc.gov",
        "nih.gov",
        "www.nih.gov",
    ]
)


def _at_signs(text: str) -> list[int]:
    found = []
    at = text.find("@")
    while at != -1:
        found.append(at)
        at = text.find("@", at + 1)
    return found


def _could_be_ipv6(text: str) -> bool:
    """Five colons, or two side by side: what an IPv6 address holds. The colons are counted
    first (one quick pass); '::' is looked for only in a text with two or more (a search
    for two characters costs twice the count, and most texts have fewer)."""
    colons = text.count(":")
    return colons >= 5 or (colons >= 2 and "::" in text)


def _could_be_email(text: str) -> bool:
    """An '@' between characters an address may hold ('[@ref]' cites a reference)."""
    return any(
        0 < at < len(text) - 1 and (text[at - 1].isalnum() or text[at - 1] in "._+-")
        for at in _at_signs(text)
    )


def _could_be_handle(text: str) -> bool:
    """An '@' that starts a word and is not a citation ('[@ref]', '[@a; @b]')."""
    return any(
        (at == 0 or text[at - 1].isspace() or text[at - 1] in "(\"“'‘")
        and text.rfind("[", 0, at) <= text.rfind("]", 0, at)
        for at in _at_signs(text)
    )


_DIGIT_WORDS = "zero|oh|nought|one|two|three|four|five|six|seven|eight|nine|double|triple"
_DIGIT_VALUE = re.compile(
    r"(double|triple)?[\s-]*(zero|oh|nought|one|two|three|four|five|six"
    r"|seven|eight|nine)"
)


def _spelled_digits(text: str) -> int:
    """How many digits a run of digit words spells ('nine double-oh' is three)."""
    count = 0
    for found in _DIGIT_VALUE.finditer(text.lower()):
        count += {"double": 2, "triple": 3}.get(found.group(1) or "", 1)
    return count


CONTACTS = [
    Recognizer(
        "email",
        "email",
        lazy(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        possible=_could_be_email,
    ),
    Recognizer(
        "email-spelled-out",
        "email",
        lazy(
            r"[\w.+-]+(?:\s+dot\s+\w+)*\s*(?:\[at\]|\(at\)|\{at\}|\[@\]|\(@\)|\s+at\s+)\s*"
            r"[\w-]+(?:\s*(?:\.|\[\.?dot\.?\]|\(dot\)|\[\.\]|\(\.\)|\s+dot\s+)\s*[\w-]+)*"
            r"(?:\s*(?:\.|\[dot\]|\(dot\)|\[\.\]|\(\.\)|\s+dot\s+)\s*"
            rf"(?:{_TLD}))\b",
            re.I,
        ),
        needles=(" dot ", "[at]", "(at)", "{at}", "[@]", "(@)"),
        lower=True,
    ),
    Recognizer(
        "url",
        "url",
        lazy(
            rf"(?:(?:https?|ftp)://\S+|www\.[\w-]+\.\S+|(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{_TLD})(?:/[^\s]*)?(?![\w-]))",
            re.I,
        ),
        inside=("://", "www.", "ftp:", *(f".{domain}" for domain in _TLD.split("|"))),
        possible=_could_be_url,
        valid=lambda text: text.lower().rstrip("/") not in _PUBLIC_SITES,
        lower=True,
    ),
    Recognizer(
        "ipv4",
        "ip",
        lazy(
            r"[0-9](?<![\w.][0-9])"
            # (not a program's version: 'SPSS 26.0.0.0', 'version 10.2.0.1')
            + "".join(f"(?<!{re.escape(word)} [0-9])" for word in _VERSION_BEFORE)
            + r"\d{0,2}(?:\.\d{1,3}){3}(?![\w]|\.\d)"
        ),
        valid=_ipv4_valid,
        possible=_many(".", 3),
        dense=True,
    ),
    Recognizer(
        "ipv6",
        "ip",
        lazy(
            r"(?<![\w:])(?=[0-9a-fA-F:]*[a-fA-F]|[0-9a-fA-F:]*::)(?=(?:[0-9a-fA-F]*:){2})"
            r"(?:[0-9a-fA-F]{1,4}|::)(?::{1,2}[0-9a-fA-F]{1,4}){1,7}(?:::)?(?![\w:])"
        ),
        possible=_could_be_ipv6,
    ),
    Recognizer(
        "handle",
        "handle",
        lazy(r"(?<![\w@\[.;])(?<!; )@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"),
        possible=_could_be_handle,
    ),
    Recognizer(
        "user-name",
        "handle",
        lazy(
            r"(?<![\w-])(?i:(?:user\s?name|handle|gamer\s?tag|screen name"
            r"|skype name|account name|nickname online"
            # a nick where people meet online ('nick on the forum was'; 'a nick in the
            # capsule' is a cut)
            r"|nick(?:name)?(?=\s+(?:on|in)\s+(?:the\s+)?(?:forum|chat|server|game|app|site)\b)))\b"
            # ('username in the support group is', 'nick on the forum was')
            r"(?:\s+(?:on|in)\s+(?:the\s+|a\s+|her\s+|his\s+)?\S+(?:\s+group)?)?,?\s*"
            r"(?:is|was|:)?\s*(?P<id>[A-Za-z0-9][\w.#-]*[A-Za-z0-9])"
        ),
        needles=("user", "handle", "gamer", "screen name", "skype", "account name", "nick"),
        group="id",
    ),
    Recognizer(
        "quoted-user-name",
        "handle",
        # a name someone uses online, in quotes after what it names ('known online as
        # "NightOwl_Kay"', 'her gamertag, "QuietStorm 2K"', 'a forum as "IronLifter88"')
        lazy(
            r"(?:(?:blogs|blogged|posts|posted|streams|streamed|tweets|tweeted|vlogs)"
            r"\s+(?:\w+\s+){0,3}?as|online"
            r"|on\s+(?:the\s+)?(?:internet|social media|[\w-]+\s+){0,2}"
            r"(?:forum|app|platform|site|server|channel|network)|gamer\s?tag|user\s?name"
            r"|screen\s?name|profile|account|alias|handle|avatar)"
            r"(?:\s+(?:name|id))?,?\s*(?:(?:was|is|as|called|named|:)\s*)?[\"“](?P<id>[^\"”\s]"
            r"[^\"”]{1,30})[\"”]",
            re.I,
        ),
        possible=lambda text: '"' in text or "“" in text,
        group="id",
        lower=True,
    ),
    Recognizer(
        "quoted-handle-shape",
        "handle",
        # a quoted word shaped like an online name: 'as "Marathon_Mo"', '"IronLifter88"'
        lazy(
            r"[\"“](?P<id>[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[A-Za-z]{3,}[a-z][A-Za-z]*\d{2,}"
            r"|[A-Z][a-z]+(?:[A-Z][a-z]+){2,})[\"”]"
        ),
        possible=lambda text: '"' in text or "“" in text,
        group="id",
    ),
    Recognizer(
        "underscored-name",
        "handle",
        lazy(
            r"(?<![\w.])[a-z][a-z0-9]*_[a-z0-9_]+\b"
            # in capitals too when each part is a word ('Salt_Marsh_Sally', 'Wobbly_Knees';
            # not 'NM_000546' or 'TP53_HUMAN'), or a capitalised word between a gamer tag's
            # decorations ('xX_NightOwl_Xx')
            r"|(?<![\w.])[A-Z][a-z]+(?:_[A-Za-z][a-z]+)+(?:_?\d+)?\b"
            r"|(?<![\w.])[A-Za-z0-9]{1,4}_[A-Z][a-z]+[A-Za-z0-9]*_[A-Za-z0-9]{1,4}\b"
        ),
        needles=("_",),
    ),
    Recognizer(
        "phone-international",
        "phone",
        lazy(r"(?:\+(?<![\w+]\+)|0(?<![\w:]0)0)\d{1,3}[\s.-]?\(?\d{1,5}\)?(?:[\s.-]?\d{1,4}){2,5}"),
        dense=True,
    ),
    Recognizer(
        "phone-area-code",
        "phone",
        # (a two-figure area code too, and five figures after it: Brazil's '(21) 99876-5432')
        lazy(r"\((?<![\w(]\()\d{2,5}\)\s?\d{3,5}[\s.-]?\d{3,4}"),
        needles=("(",),
    ),
    Recognizer(
        "phone-trunk",
        "phone",
        # (a slash after the area code: '0161/496-0377', the German and Austrian way)
        lazy(r"0(?<![\w.-]0)\d{2,4}[\s/-]?\d{3,4}[\s-]?\d{3,4}(?!\w|\.\d)"),
        dense=True,
    ),
    Recognizer(
        "phone-us-long-distance",
        "phone",
        lazy(r"1(?<![\w.+-]1)[-. ]\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?!\w|\.\d)"),
        dense=True,
    ),
    Recognizer(
        "phone-groups",
        "phone",
        lazy(r"[0-9](?<![\w.-][0-9])\d{2}(?:[.-]\d{3}[.-]| \d{3} )\d{4}(?!\w|\.\d)"),
        dense=True,
    ),
    Recognizer(
        "phone-pairs",
        "phone",
        # the French and Belgian way: '01 99 00 12 34', '06.12.34.56.78'
        lazy(r"0(?<![\w.-]0)[1-9](?:([ .])\d\d)(?:\1\d\d){3}(?!\w|\.\d)"),
        inside=(" 0", ":0", "(0"),
        possible=lambda text: " 0" in text or ":0" in text or "(0" in text,
        dense=True,
    ),
    Recognizer(
        "phone-local",
        "phone",
        # a local number without its area code ('555-0188'), not a range ('250-1000 mg')
        lazy(
            r"[2-9](?<![\w.,/:-][2-9])\d\d-\d{4}(?![\w-]|[.,]\d)"
            r"(?!\s*(?:%|mg|g\b|mcg|µ|μ|ml|mL|l\b|L\b|iu|IU|u\b|units|cells|copies|/|x\b|×"
            r"|kg|mm|cm|m\b|ms\b|s\b|bp|kb|Hz|per\b|patients|cases|days|weeks|years))"
            r"|(?:(?<=\bat )|(?<=\bon )|(?<=\bfrom )|(?<=\bto )|(?<=\bas ))[2-9]\d\d \d{4}"
            r"(?![\w-]|[.,]\d|\s*(?:%|mg|ml|cells|/))"
        ),
        dense=True,
    ),
    Recognizer(
        "phone-word",
        "phone",
        lazy(
            r"(?<!\w)(?:tel|telephone|phone|mobile|cell|fax|telefax|faksi|faks|landline"
            r"|contact number|call"
            # a note's label before its colon ('Home: 555.0171', 'Mob:', 'Daytime:')
            r"|(?:home|work|mob|daytime|evening)(?=\s*:))"
            # (a word may qualify the label before its colon: 'Fax pejabat:', 'Tel bimbit:')
            r"(?:\s[^\W\d_]{2,12}(?=:))?"
            r"\b\s?#?[:.,]?\s*(?:(?:number|no\.?)[:,]?\s*)?"
            r"(?:is\s+|on\s+|at\s+)?"
            # an area code in brackets, '(02) 5550 3321'
            r"(?P<id>\+?(?:\(\d{1,4}\)\s?)?\d[\d\s()./-]{5,}\d)"
        ),
        needles=(
            *("tel", "phone", "mobile", "cell", "fax", "faksi", "faks", "contact n", "call"),
            "landline",
            *("home", "work", "mob", "daytime", "evening"),
        ),
        group="id",
        lower=True,
        in_fields=True,
    ),
]
#: Parts of a manuscript an editor may ask to remove ('the reference to Figure 2'), and
#: titles (a person, which the name rules report).
_DOCUMENT_PARTS = frozenset(
    ["Figure", "Fig", "Table", "Box", "Appendix", "Supplementary", "Section", "Reference", "Ref",
     "Video", "Panel", "Page", "Line", "Paragraph", "The", "This", "These", "That", "Those",
     "Dr", "Mr", "Mrs", "Ms", "Miss", "Prof", "Professor"]
)  # fmt: skip
#: A hospital's initials ('QMH', 'RVI'): the hospital-initials pattern runs only then.
_INITIALS_HI = re.compile(r"the [A-Z]{1,4}[HI]\b")
#: Canals of the body ('the Inguinal Canal' in a title's capitals).
_BODY_CANALS = frozenset(
    ["inguinal", "femoral", "anal", "spinal", "vertebral", "carpal", "central", "pudendal",
     "optic", "auditory", "semicircular", "alimentary", "adductor", "root", "ear", "hypoglossal",
     "facial", "cervical", "sacral", "nasolacrimal", "vidian", "pterygoid", "incisive",
     "mandibular", "infraorbital", "obturator", "haversian", "birth", "external", "internal",
     "acoustic", "tarsal", "ulnar", "canal", "neural", "notochordal", "gubernacular"]
)  # fmt: skip
#: A range of years ('2019-2021', '1998/99'), not a number.
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d[-/](?:(?:19|20)\d\d|\d\d)")
#: A decimal with one or two places ('pH 7.31 7.29'): a value, not a telephone number.
_DECIMAL = re.compile(r"\d\.\d{1,2}(?!\d)")
CONTACTS.extend(
    [
        Recognizer(
            # a number after a short cue of notes ('Mob: 555 0173', 'ph: 555 0192', 'Contact -
            # 0113 4960 552', 'ring 555 0166', 'dial 555.0139 ext 22', 'whatsapp 555 0128')
            "phone-cue",
            "phone",
            lazy(
                r"(?<!\w)(?:mob|ph|contact|contactable|ring|rang|dial|whatsapp|text|sms|reach"
                r"|reachable)\b(?:\s+(?:her|him|them|me|us|on|at|number|no\.?|tel))*\s*[:#.-]?\s*"
                r"(?P<id>\+?(?:\(\d{1,4}\)\s?)?\d[\d\s().-]{5,}\d)(?![\w.]|\s*(?:%|mg|ml|kg|cm|mm))"
            ),
            needles=(
                "mob",
                "ph",
                "contact",
                "ring",
                "rang",
                "dial",
                "whatsapp",
                "text",
                "sms",
                "reach",
            ),
            valid=lambda value: (
                7 <= sum(c.isdigit() for c in value) <= 15 and _DECIMAL.search(value) is None
            ),
            group="id",
            lower=True,
        ),
        Recognizer(
            # a number spelled out in digit words ('oh one one three, four nine six, oh eight
            # eight two', 'nine double-oh'): seven digits or more in a row
            "phone-spelled",
            "phone",
            lazy(rf"(?:{_DIGIT_WORDS})\b(?:[\s,-]+(?:{_DIGIT_WORDS})\b){{4,}}"),
            needles=(
                "zero",
                "oh",
                "nought",
                "double",
                "triple",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
            ),
            valid=lambda value: _spelled_digits(value) >= 7,
            lower=True,
            in_fields=True,
        ),
        Recognizer(
            # a defanged web address ('hxxps://example[.]com/thread', 'example[.]net/help')
            "url-defanged",
            "url",
            lazy(
                r"(?:hxxps?|h\*\*ps?|fxp)(?:\[:\]|:)//\S+"
                r"|(?<![\w.-])[a-z0-9-]+(?:(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))[a-z0-9-]+)*"
                rf"(?:\[\.\]|\(\.\)|\{{\.\}}|\[dot\]|\(dot\))(?:{_TLD})\b(?:/[^\s)]*)?"
            ),
            needles=("hxxp", "h**p", "fxp", "[.]", "(.)", "{.}", "[dot]", "(dot)"),
            lower=True,
        ),
        Recognizer(
            # an online name without quotes after what someone does online under it ('streams
            # as PuddleJumper', 'plays online as RustyAnchor77'; not 'streams as much')
            "online-as",
            "handle",
            lazy(
                r"(?i:\b(?:streams|streamed|games|gamed|posts|posted|blogs|blogged|vlogs|tweets"
                r"|tweeted|plays|played|goes|went|is known|was known)\s+(?:online\s+)?as)\s+"
                r"(?P<id>[A-Z][a-z]+[A-Z]\w*|[A-Za-z]+_\w+|[A-Za-z]+\d{2,})\b"
            ),
            needles=(
                "streams",
                "streamed",
                "games",
                "gamed",
                "posts",
                "posted",
                "blogs",
                "blogged",
                "vlogs",
                "tweets",
                "tweeted",
                "plays",
                "played",
                "goes",
                "went",
                "known",
            ),
            possible=lambda text: " as " in text,
            group="id",
        ),
    ]
)
#: A version before dotted numbers: 'firmware version 3.2.1.7' is no IP address.
VERSION_BEFORE = re.compile(
    r"(?:version|firmware|release|build|v\.?)(?:\s+of\s+(?:the\s+)?[\w-]+)?"
    r"(?:\s+(?:was|is|number|no\.?))?\s*$",
    re.I,
)
#: An extension after a telephone number belongs to it.
EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x)\s*\d{1,6}\b", re.I)
FAX_WORD = re.compile(r"\b(?:fax|faksi|faks|facsimile|télécopie|telecopie|telefax)", re.I)

#: (a compass letter may follow the first number: '51.4823 N, 0.0062 W')
_COORDINATE_PAIR = re.compile(r"\.\d{4}\d*°?\s?(?:[NS]?,|[NS])\s*-?\d")
_STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Close|Crescent|Way|Court"
    "|Terrace|Place|Square|Gardens|Grove|Row|Mews|Walk|Hill|Park|Parade"
)
#: A street word after a capitalised word: the street pattern runs only then.


def _street_suffix() -> re.Pattern[str]:
    """A street word after a lower-case letter and a space, found from its capital (which
    the engine scans for) with the letters before it checked behind: 'Larkspur Close'."""
    by_first: dict[str, list[str]] = {}
    for word in _STREET_WORDS.split("|"):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    firsts = "".join(sorted(by_first))
    tails = "|".join(f"(?<={first})(?:{'|'.join(by_first[first])})" for first in sorted(by_first))
    return re.compile(rf"[{firsts}](?<=[a-z'’] [{firsts}])(?:{tails})\b")


_STREET_SUFFIX = _street_suffix()
#: Words that end a street's name less often than :data:`_STREET_WORDS` ('Station Approach').
_RARER_STREET_WORD = re.compile(
    r"[a-z] (?:Approach|Rise|View|Heights|Croft|Chase|Green|Wharf|Quay)\b"
)
#: Endings of one-word street names in German, Dutch and the Nordic languages.
_STREET_ENDINGS = (
    "straße", "strasse", "gasse", "allee", "platz", "straat", "laan", "gracht", "gatan",
    "vägen", "veien", "gata",
)  # fmt: skip
ADDRESSES = [
    # A UK postcode's district where someone lives ('He lives in SE15'; not 'seen in T2').
    Recognizer(
        "postcode-district",
        "place",
        lazy(
            r"(?:lives|living|resides|residing|resident|moved|relocated|domiciled)\s+(?:in|to)\s+"
            r"(?P<id>[A-Z]{1,2}\d{1,2}[A-Z]?)\b(?![-/.]\d)",
            re.I,
        ),
        needles=(
            "lives",
            "living",
            "resides",
            "residing",
            "resident",
            "moved",
            "relocated",
            "domiciled",
        ),
        valid=lambda value: value[:1].isupper() and value.isupper(),
        group="id",
        lower=True,
        anchored=True,
    ),
    Recognizer(
        "street-address",
        "place",
        lazy(
            r"(?:(?:Flat|Apartment|Apt\.?|Unit)\s+\d+\w?,?\s+)?(?:\d{1,5}[A-Za-z]?,?\s+)?"
            r"(?:(?:(?!Dear\s)[A-Z][\w'’-]+|\d{1,3}(?:st|nd|rd|th)|de|des|la|le|du|of)\s+){1,3}"
            rf"(?:{_STREET_WORDS})\b(?![ ][A-Z][a-z])"
        ),
        possible=lambda text: _STREET_SUFFIX.search(text) is not None,
    ),
    # A house number and a street whose last word is not among the street words above, as
    # it is rarer as a street's ('flat 3, 19 Station Approach', '14 Orchard Rise').
    Recognizer(
        "numbered-street",
        "place",
        lazy(
            r"(?<![\w.,/-])\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'’-]+\s+){1,3}"
            r"(?:Approach|Rise|View|Heights|Croft|Chase|Green|Wharf|Quay)\b"
        ),
        inside=(
            " approach",
            " rise",
            " view",
            " heights",
            " croft",
            " chase",
            " green",
            " wharf",
            " quay",
        ),
        possible=lambda text: _RARER_STREET_WORD.search(text) is not None,
    ),
    Recognizer(
        "coordinates",
        "place",
        # Latitude and longitude: degrees, minutes and seconds, or two decimals of four
        # places or more (a measurement is rarely written so, and not with a compass letter).
        lazy(
            r"[0-9](?<![\w.-][0-9])\d{0,2}°\s?\d{1,2}['′]\s?\d{1,2}(?:\.\d+)?[\"″]\s?[NSEW]"
            r"|-?[0-9](?<![\w.][0-9])\d?\.\d{4,}°?\s?(?:[NS]?,|[NS])\s*-?\d{1,3}\.\d{4,}°?\s?[EW]?"
        ),
        possible=lambda text: "°" in text or _COORDINATE_PAIR.search(text) is not None,
        dense=True,
    ),
    # Degrees and minutes without seconds, a pair with compass letters ('1°17′S, 36°49′E').
    Recognizer(
        "coordinates-minutes",
        "place",
        lazy(
            r"\d{1,2}°\s?\d{1,2}(?:\.\d+)?['′]\s?[NS],?\s+\d{1,3}°\s?\d{1,2}(?:\.\d+)?['′]\s?[EW]"
            # (or in decimals with the degree sign: '68.36°N, 133.72°W')
            r"|\d{1,2}\.\d{1,6}\s?°\s?[NS],?\s+\d{1,3}\.\d{1,6}\s?°\s?[EW]\b"
        ),
        inside=("°",),
        possible=lambda text: "°" in text,
    ),
    Recognizer(
        "foreign-street",
        "place",
        lazy(
            r"(?:Rue|Via|Calle|Avenida|Strasse|Straße|Piazza"
            r"|Plaza|Rua|Ulica|ulica|Av\.|Avda\.)\s+(?:[\w'’-]+\s+){0,3}[A-Z][\w'’-]+"
            # a street word after the name in Latvian, Estonian, Lithuanian, Hungarian ('Brīvības
            # iela', 'Narva maantee', 'Gedimino prospektas', 'Andrássy út')
            r"|[A-ZĀČĒĢĪĶĻŅŠŪŽÕÄÖÜ][\w-]+\s+(?:iela|tänav|maantee|gatvė|prospektas|utca|út)\b"
            # in lower case after a house number ('117 rue des Tanneurs'; not 'via')
            r"|\d{1,4}[a-z]?,?\s+(?:rue|calle|avenida|rua|piazza|strada)\s+(?:[\w'’-]+\s+){0,3}"
            r"[A-Z][\w'’-]+"
            # or with its article in French ('Elle habite rue des Tanneurs')
            r"|\brue\s+(?:de\s+la\s+|des\s+|du\s+|de\s+l['’]|d['’]|de\s+)[A-Z][\w'’-]+"
            # a village in Malay ('tinggal di Kampung Melayu')
            r"|\bKampung\s+[A-Z][\w'’-]+"
            # a peasant or native community in Peru or Bolivia ('the comunidad campesina de
            # Chaccu')
            r"|\b[Cc]omunidad\s+(?:[Cc]ampesina|[Nn]ativa|[Ii]nd[íi]gena)\s+(?:de\s+)?[A-Z][\w'’-]+"
        ),
        needles=(
            "rue ",
            "kampung",
            "comunidad",
            "via ",
            "calle",
            "avenida",
            "strasse",
            "straße",
            "piazza",
            "plaza",
            "rua ",
            "strada",
            "ulica",
            "av.",
            "avda.",
            "iela",
            "tänav",
            "maantee",
            "gatvė",
            "prospektas",
            "utca",
            "út",
        ),
    ),
    Recognizer(
        # one word ending in a street word of another language ('on Flurstraße',
        # 'Lindenallee', 'Prinsengracht', 'Storgatan'); tested only where such an ending is
        "street-one-word",
        "place",
        lazy(
            r"[A-ZÄÖÜÅØÆ](?<![\w-][A-ZÄÖÜÅØÆ])[a-zäöüßåøæé]+(?:straße|strasse|gasse|allee|platz"
            r"|straat|laan|gracht|gatan|vägen|veien|gata)\b"
        ),
        inside=_STREET_ENDINGS,
        possible=lambda text: any(ending in text for ending in _STREET_ENDINGS),
    ),
    Recognizer(
        "uk-postcode",
        "place",
        lazy(r"[A-Z](?<!\w[A-Z])[A-Z]?[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b"),
        capital_digit=True,
    ),
    Recognizer(
        "us-zip",
        "place",
        lazy(
            r"[A-Z](?<!\w[A-Z])(?:(?<=A)[KLRZ]|(?<=C)[AOT]|(?<=D)[CE]|(?<=F)L|(?<=G)A|(?<=H)I"
            r"|(?<=I)[ADLN]|(?<=K)[SY]|(?<=L)A|(?<=M)[ADEINOST]|(?<=N)[CDEHJMVY]|(?<=O)[HKR]"
            r"|(?<=P)A|(?<=R)I|(?<=S)[CD]|(?<=T)[NX]|(?<=U)T"
            r"|(?<=V)[AT]|(?<=W)[AIVY])\s+\d{5}(?:-\d{4})?\b"
        ),
        dense=True,
    ),
    Recognizer(
        "zip-word",
        "place",
        lazy(
            r"(?i:(?:zip|post)\s?code)\b(?:\s+(?:is|was|recorded as|of|at|for|her|his|their|the"
            r"|home|address|residence|listed|as))*:?\s*"
            r"(?=[A-Z]*\d)[A-Z0-9]{3,}(?:\s[A-Z0-9]{3})?"
        ),
        needles=("zip", "post code", "postcode"),
    ),
]

#: Words before 'fingerprints' that say they are lost to a disease ('loss of
#: fingerprints' in adermatoglyphia), not kept.
_PRINTS_LOST = ("loss of", "absence of", "absent", "lack of", "effaced")
#: Words before 'fingerprint' that make it a pattern of a substance, not a person's ('the
#: mass spectrometry fingerprint of the isolate', 'a metabolic fingerprint').
_PRINTS_OF_THINGS = (
    "spectrometry",
    "spectral",
    "peptide mass",
    "metabolic",
    "chemical",
    "molecular",
    # a shape that looks like one ('a pattern that resembles a fingerprint')
    "resembles a",
    "resembling a",
    "resembled a",
    "like a",
    "whorls of a",
    "whorls of",
    "resembled",
    "resembling",
    "resemble",
)
SIGNALS = [
    Recognizer(
        "biometric",
        "biometric",
        lazy(
            # (not a shape in pathology, 'fingerprint bodies', nor their loss in a disease;
            # the look-behinds run only after a print word, which keeps them cheap)
            r"(?<!\w)(?<!dot-)"  # (not 'map-dot-fingerprint dystrophy')
            # (nor a shape: 'resembling a thumbprint')
            r"(?<!resembling a )(?<!resembling )(?<!like a )"
            r"(?:(?:finger|thumb|palm|voice|ear|foot|toe|lip|knuckle|face)[- ]?prints?"
            + "".join(f"(?<!{lost} fingerprint)(?<!{lost} fingerprints)" for lost in _PRINTS_LOST)
            + "".join(
                f"(?<!{kind} fingerprint)(?<!{kind} fingerprints)" for kind in _PRINTS_OF_THINGS
            )
            + r"(?!\s+(?:body|bodies|inclusions?|profiles?|myopathy|pattern on electron|loss"
            r"|purpura"  # (bruises the size of a thumb: 'thumbprint purpura')
            # (a rash's shape: 'a fingerprint pattern of concentric rings on the trunk')
            r"|patterns?\s+of\s+(?:concentric|whorled|arcuate|parallel)"
            r"|dermatitis|eczema|lines?|dystroph(?:y|ies)"
            # (lost in a disease: 'the fingerprints had almost disappeared', 'are absent')
            r"|(?:had\s+|have\s+|were\s+|are\s+|was\s+|is\s+)?(?:almost\s+|largely\s+"
            r"|completely\s+|nearly\s+)?(?:disappeared|faded|vanished|lost|absent|effaced)))"
            r"|(?:palm|finger|hand)[- ]vein|vein pattern"
            # (a scan that 'showed' something is an examination, not a template)
            r"|retinal (?:scan|template|(?:vascular )?pattern)s?(?!\s+(?:showed|shows|revealed"
            r"|demonstrated|was normal|was unremarkable|were normal|were unremarkable|found"
            r"|detected|confirmed))"
            r"|iris (?:scan|template|code|pattern(?!s?\s+of\b))s?"
            # (not a cognitive function: 'face recognition of emotions', '... test')
            r"|(?:facial|face)[- ]recognition(?!\s+(?:of|and|processing|tests?|tasks?|deficits?"
            r"|impairment|memory|skills?|abilit(?:y|ies)"
            # (a faculty a stroke impaired: 'Facial recognition was impaired')
            r"|(?:was|is|were|remained)\s+(?:\w+\s+)?(?:impaired|intact|normal|preserved"
            r"|reduced|poor|affected|lost))\b)"
            # a stored template of a body part's shape, not a measurement ('hand geometry
            # measurements were normal')
            r"|(?:hand|palm|finger|facial|face|ear|vein)[- ]geometry"
            r" (?:template|scan|record|reader|profile|data|signature)"
            # a face's points as stored data ('facial landmark coordinates (68 points)'; not
            # 'facial landmarks were marked on the CT')
            r"|facial[- ]landmark (?:coordinates|measurements|points|positions|data|template)"
            # a recording of the person's own voice
            r"|voice samples?"
            # a recording or a picture of someone's voice ('a spectrogram of the boy's voice';
            # not of heart sounds)
            r"|(?:recording|spectrogram|sonogram|waveform)s? of (?:his|her|their"
            r"|(?:the )?\w+['’]s) (?:own )?voice"
            # a stored template of a face or a print; a print left behind and lifted (not a
            # print of an ECG)
            r"|(?:face|facial|fingerprint|finger|thumb|palm|voice|vein) templates?"
            r"|latent (?:finger|palm|thumb)?prints?|prints? (?:was |were )?(?:lifted|developed)"
            r" (?:from|on)"
            r"|keystroke[- ]dynamics|signature[- ]dynamics|dynamic[- ]signatures?"
            r"|(?:DNA|STR|Y-STR|genetic) (?:(?:sample|swab|specimen)s?"
            r" and )?(?:profile|fingerprint)s?|Y-STR|CODIS"
            r"|AFIS|gait[- ]signature|voice[- ]recording"
            # (not an eye's or a fetus's measurements: 'Biometric parameters on ultrasound')
            r"|biometric\w*(?!\s+(?:measurements?|parameters?|indices|assessment|calculations?)\b))"
            r"\b(?![-‐](?:like|shaped|sized))",
            re.I,
        ),
        needles=(
            "print",
            "scan",
            "recognition",
            "vein",
            "retinal",
            "iris",
            "geometry",
            "landmark",
            "keystroke",
            "signature dynamics",
            "signature-dynamics",
            "dynamic signature",
            "dynamic-signature",
            "dna ",
            "str ",
            "y-str",
            "genetic",
            "codis",
            "afis",
            "gait signature",
            "gait-signature",
            "voice",
            "biometric",
            "template",
        ),
        lower=True,
        in_fields=True,
    ),
    Recognizer(
        "face-photograph",
        "photo",
        lazy(
            r"(?<!\w)(?<!no )(?:(?:full[- ]face|full[- ]facial|facial|portrait"
            r"|head[- ]and[- ]shoulders?)\s+(?:photo(?:graph(?:y)?)?"
            r"|picture|image|recording|video|footage|view)s?\b"
            # (not one left out: 'Facial photographs were not included')
            r"(?!\s+(?:were|was|are|is|have\s+been|has\s+been)\s+not\b)"
            # (unless the caption says the face is hidden: 'with the eyes masked')
            r"(?![^.;]{0,40}?\b(?:(?:eyes|face)\s+(?:were\s+|are\s+)?(?:masked|covered"
            r"|blacked|blurred|obscured|pixel+ated)|anonymi[sz]ed|de-identified|anonymity))"
            r"|selfie|portrait photo(?:graph)?"
            # a picture of someone's face; 'an image of the face', not 'images of the rash on
            # the face' (a picture of a rash)
            r"|(?:photo(?:graph)?s?|pictures?|images?|videos?|film|footage|clips?|recordings?"
            r"|figure \d+\w?:?)\s+(?:(?:(?!(?:not|no|never|without|on|in|over|under|to|around"
            # (not a denial, a lesion's place or a purpose: 'do not show her face', 'of the
            # rash on her face', 'cropped to conceal her face')
            r"|across|above|below|near)\b)\w+\s+){0,4}(?:\w+(?:'s|’s)|his|her|their)"
            r"|(?:of|showing|shows|including|with)\s+the)\s+(?:whole\s+|entire\s+|full\s+)?faces?\b"
            # a numbered caption about someone's face ('Supplementary Video 2: the
            # patient's face during a spasm', 'Movie S1: her face at rest')
            r"|(?:video|movie|figure|fig\.|clip)\s*s?\d+[a-z]?\s*[:.]\s+(?:(?:a\s+)?(?:close[- ]up"
            r"|view|image|photograph|still|frame)\s+of\s+)?(?:the\s+)?"
            r"(?:\w+(?:'s|’s)|his|her|their)\s+(?:whole\s+|entire\s+)?face\b"
            r"|(?:figure \d+\w?|photo(?:graph)?|picture|image|video)\s+shows\s+(?:\w+\s+){0,3}"
            r"(?:\w+(?:'s|’s)\s+)?(?:whole\s+)?face\b"
            r"|(?:her|his|their|\w+(?:'s|’s))\s+face\s+(?:is\s+|was\s+|being\s+)?(?:fully\s+"
            r"|clearly\s+|partly\s+)?(?:visible|recogni[sz]able|identifiable|shown|unblurred"
            r"|unmasked|uncovered|unobscured)"
            # 'the patient, face fully visible' (an adverb says it is about being seen)
            r"|face\s+(?:is\s+|was\s+)?(?:fully|clearly|entirely|completely)\s+(?:visible"
            r"|recogni[sz]able|identifiable|unblurred|unmasked|uncovered)"
            r"|(?<!not )(?<!n't )(?<!never )(?<!without )"
            r"(?:shows?|showing|showed|depicts?|depicting|depicted)\s+(?:her|his|their"
            r"|the\s+\w+(?:'s|’s))\s+(?:whole\s+|entire\s+|full\s+)?face"
            # a full view of the face ('frontal view of the face'; not 'of the chest')
            r"|(?:frontal|front|profile|three[- ]quarters?|oblique|lateral|side)\s+(?:view"
            r"|photo(?:graph)?|picture|image)s?\s+of\s+"
            r"(?:(?:the\s+)?\w+(?:'s|’s)|the|his|her|their)\s+(?:whole\s+|entire\s+)?face\b"
            # in a picture, the face of a person seen, or their head and face or facial
            # movements ('you can see the face of the girl', 'captures the boy's facial
            # expressions', 'views of the woman's head and face'; not 'the facial nerve')
            r"|(?:photo(?:graph)?|pic|picture|image|video|clip|footage|recording|view|figure"
            r"|movie)s?\b[^.;]{0,60}?\b(?:see|seen|shows?|showing|shown|captures?|capturing"
            r"|captured|depicts?|depicting|depicted|of)\s+(?:the\s+face\s+of\s+(?:the\s+)?"
            r"(?:patient|child|girl|boy|infant|baby|man|woman|lady|proband|mother|father)\b"
            r"|(?:her|his|their|the\s+\w+(?:'s|’s))\s+(?:head\s+and\s+face|face\s+and\s+head"
            r"|facial\s+(?:expressions?|movements?|grimac\w*|appearance|features)))"
            # pictures 'of face' in notes ('pics of face uploaded')
            r"|(?:photo(?:graph)?s?|pics?|pictures?|images?)\s+of\s+face\b"
            # a face that what covers it does not hide ('the bar over the eyes does not
            # adequately anonymise the patient's face')
            r"|(?:does|do|did)\s+not\s+(?:\w+ly\s+)?(?:conceal|hide|anonymi[sz]e|mask|cover"
            r"|obscure|de-identify)\s+(?:her|his|their|the\s+\w+(?:'s|’s))\s+face\b"
            r"|face,?\s+(?:left\s+)?unmasked\b"
            # a photograph of a face published or shown with nothing over the eyes ('The
            # photograph of the burned face was published without black bars over the eyes')
            r"|(?:photo(?:graph)?|picture|image)s?\s+of\s+(?:the\s+|her\s+|his\s+)?(?:[\w-]+\s+)?"
            r"face\s+(?:was|were)\s+(?:published|shown|printed|posted|shared)\s+without\s+"
            r"(?:any\s+)?(?:black\s+)?(?:bars?|masking|blurring|covering)"
            r")",
            re.I,
        ),
        needles=(
            "face",
            "facial",
            "portrait",
            "selfie",
            "head-and",
            "head and",
        ),
        lower=True,
        in_fields=True,
    ),
    Recognizer(
        "characteristic",
        "characteristic",
        lazy(
            # (a henna or temporary tattoo does not last: no distinguishing mark)
            r"(?<!\w)(?:tattoo(?<!henna tattoo)(?<!temporary tattoo)(?<!transfer tattoo)(?:ed)?"
            # (not what is known of a disease: 'are well known among manual workers')
            # ('is less well known': a comparison, of a fact)
            r"(?![-‐](?:like|shaped))|(?<!are )(?<!is )(?<!less )(?<!not )(?<!more )"
            r"well[- ]known(?!\s+(?:among|to\s+cause"
            r"|complications?|causes?|risks?|side)\b)|(?<!word ['‘\"“])famous"
            r"|celebrity|mayor|Olympic|Member of Parliament|chart[- ]topping"
            r"|MP for|television presenter|TV presenter"
            r"|lead singer|frontman|front man|(?:on|appeared on) (?:national |local )?(?:television"
            r"|tv|radio)|appeared on (?:a|the) (?:national |local )?(?:television|tv|radio)"
            # (a trade alone is no identifier: 'a professional footballer presented'; the team
            # he plays for narrows it: 'a professional footballer for a Premier League club')
            r"|professional (?:footballer|athlete|cricketer|boxer)(?=\s+(?:for|with|at|playing"
            r"|who\s+(?:plays|played|captains|captained|represents|represented))\b)"
            r"|(?:town|village|county|island|city)['’]s only"
            r"|(?:the|one of the) (?:only|last|one)\s+(?:[\w'’–-]+\s+){0,8}(?:in|of|on)"
            r"\s+(?:the|his|her|their)\s+(?:town"
            r"|village|county|city|country|island|archipelago)"
            # (in a writer's second language, without the article: 'He is only dentist in the
            # village')
            r"|(?:is|was|as|like) only\s+(?:[\w'’–-]+\s+){0,3}(?:in|of|on)"
            r"\s+(?:the|his|her|their)\s+(?:town|village|county|city|country|island|archipelago)"
            # A nickname, a unique role, a post in a small community's club or orchestra.
            # (not a disease's name in the local tongue: 'known locally as pigbel')
            # (nor a thing's local name: 'the vinchuca bug, as it is known locally')
            r"|nicknamed|(?<!once )(?<!formerly )(?<!previously )(?<!it is )(?<!they are )"
            r"(?<!it was )known (?:locally(?!\s+as\s+[a-z])"
            r"|locally as(?!\s+[a-z])"
            r"|to (?:\w+ ){1,5}as|as [\"“'‘]"
            # (not a field of knowledge: 'known in the literature as "Popeye" sign')
            r"|(?:on|around|at|in|across) (?!(?:the )?(?:literature|textbooks?|medicine"
            r"|radiology|pathology|dermatology|trade|field|clinic|west|uk|us)\b)"
            r"(?:\w+ ){1,3}as [\"“'‘])"
            # (not a thing's other name in lower case: 'also known as the flame lily')
            r"|a\.k\.a\.?|(?:also|better) known as(?!\s+(?:the\s+|a\s+|an\s+)?[a-z])"
            r"|(?:goes|went) by the name"
            r"|(?:the|its) (?:only|sole) (?:[\w-]+ ){1,6}(?:employed by|working (?:for|at)"
            r"|(?:in|of|at|for|on) (?:the|his|her|their)(?: [\w-]+)? (?:world|country|region"
            r"|team|uk|us|usa|nation|state|company|firm|club|orchestra|board|force|service|school"
            r"|village|town|city|island|county|factory|mine|prison"
            r"|station|ship|base|army|navy|parish|congregation|league|squad|crew)\b)"
            r"|(?:town|village|city|county|island|parish)['’]s\s+(?:[\w-]+\s+){0,2}(?:club|team"
            r"|orchestra|choir|band|church|mosque|synagogue|temple|newspaper|council)"
            # the only one of a trade in a small community given by its size ('the only harp
            # maker in a valley of around 1,500 inhabitants', 'sole undertaker in a market town
            # of about 2,000 people')
            r"|(?:only|sole)\s+(?:[\w-]+\s+){0,5}in\s+a\s+(?:[\w-]+\s+){0,2}(?:valley|village"
            r"|town|hamlet|community|island|parish)\s+of\s+(?:about\s+|around\s+|some\s+"
            r"|approximately\s+|fewer\s+than\s+|under\s+)?[\d,]+\s+(?:people|inhabitants"
            r"|residents|souls)"
            # a story the press told ('whose release was front-page news', 'made headlines')
            r"|front[- ]page\s+news|(?:made|hit|making|hitting)\s+(?:the\s+)?(?:national\s+)?"
            r"headlines"
            # a rank among the world's best, a title won ('ranked in the world top ten',
            # 'crowned the national beauty queen')
            r"|ranked\s+(?:in\s+the\s+)?(?:world|national|country['’]s)\s+top\s+(?:\w+|\d+)"
            r"|crowned\s+(?:the\s+)?(?:national|world|regional|county|state)\s+(?:[\w-]+\s+)?"
            r"(?:queen|king|champion)"
            # a first of a feat ('the first double amputee to cycle the length of the Andes';
            # not 'the first patient to receive')
            r"|the\s+first\s+(?:[\w-]+\s+){1,5}to\s+(?:cycle|climb|swim|row|walk|run|sail|fly"
            r"|summit|cross|reach|circumnavigate|ski)\s+(?:the|across|around|round|solo|to)\b"
            # a collection the largest in the world
            r"|(?:largest|biggest)\s+(?:private\s+)?collection\s+of\s+(?:[\w-]+\s+){1,3}in\s+"
            r"the\s+(?:world|country))\b",
            re.I,
        ),
        needles=(
            "tattoo",
            "well-known",
            "well known",
            "famous",
            "celebrity",
            "chart-topping",
            "chart topping",
            "mayor",
            "olympic",
            "parliament",
            "mp for",
            "presenter",
            "lead singer",
            "frontman",
            "front man",
            "television",
            "tv",
            "radio",
            "professional",
            "only",
            "the one ",
            "last",
            "nicknamed",
            "a.k.a",
            "also known",
            "better known",
            "by the name",
            "known ",
            "sole",
            "front-page",
            "front page",
            "headlines",
            "ranked",
            "crowned",
            "the first",
            "largest",
            "biggest",
            *(
                f"{place}{mark}s"
                for place in ("town", "village", "city", "county", "island", "parish")
                for mark in "'’"
            ),
        ),
        lower=True,
        in_fields=True,
    ),
]

#: A system that recognises a body part ('the iris-recognition gate'; not speech or voice
#: recognition, which dictation software does), a three-dimensional record of the face's
#: surface, matching by identity. Tried only where its needles are.
_BODY_RECOGNISED = (
    "iris",
    "retinal",
    "retina",
    "palm",
    "vein",
    "palm-vein",
    "palm vein",
    "finger",
    "fingerprint",
    "gait",
    "ear",
)
SIGNALS.append(
    Recognizer(
        "biometric-system",
        "biometric",
        lazy(
            rf"(?:{'|'.join(_BODY_RECOGNISED)})[- ]recognition"
            r"|(?:3d|three[- ]dimensional)\s+(?:facial|face)[- ](?:surface\s+)?(?:scan|image"
            r"|model|photograph|mesh)(?:s|es)?|(?:facial|face)[- ]surface\s+(?:scan|mesh)(?:s|es)?"
            r"|identity[- ]matching"
            # ('hand geometry from the clocking-in terminal', 'face-geometry measurements'
            # shared; not the hand's measurements in a growth clinic)
            r"|(?:hand|handprint|palm)[- ]geometry\s+(?:from|scan(?:ner)?s?|readers?|terminals?"
            r"|templates?|data|records?|system|clock|identification|verification|biometrics?)\b"
            r"|(?:facial|face)[- ]geometry\s+(?:data|measurements?|files?|scans?|templates?"
            r"|landmarks|mesh(?:es)?|models?)"
            r"|(?:facial|face)\s+landmark\s+(?:geometry|coordinates|data|files?)",
            re.I,
        ),
        needles=(
            *_BODY_RECOGNISED,
            "3d",
            "three-dim",
            "three dim",
            "facial surface",
            "face surface",
            "identity matching",
            "identity-matching",
            "hand geometry",
            "hand-geometry",
            "handprint",
            "palm geometry",
            "palm-geometry",
            "facial geometry",
            "facial-geometry",
            "face geometry",
            "face-geometry",
            "facial landmark",
            "face landmark",
            "facial-surface",
            "face-surface",
        ),
        lower=True,
        anchored=True,
    )
)

_ROLES = (
    "bishop",
    "archbishop",
    "mayor",
    "governor",
    "senator",
    "minister",
    "judge",
    "ambassador",
    "chief constable",
    "head teacher",
    "headteacher",
)
_ROLE_TIMES = ("serving", "current", "former", "retired")
_FIRSTS = (
    "first",
    "only",
    "youngest",
    "oldest",
    "tallest",
    "heaviest",
    "shortest",
    "smallest",
    # ('the longest-held prisoner on death row in the country')
    "longest-held",
    "longest-serving",
)
#: People a record or a first is said of ('the first surviving sextuplets born in her
#: country', 'one of only two people in the world to').
_FIRST_WHO = (
    "person",
    "people",
    "patients?",
    "wom[ae]n",
    "m[ae]n",
    "child(?:ren)?",
    "recipients?",
    "babies",
    "baby",
    "boys?",
    "girls?",
    "mothers?",
    "fathers?",
    "twins",
    "triplets",
    "quadruplets",
    "quintuplets",
    "sextuplets",
    "septuplets",
    "octuplets",
    "survivors?",
    "individuals?",
)
_FEW = (
    "two", "three", "four", "five", "six", "a few", "a handful of", "very few",
    r"fewer than (?:ten|twenty|a dozen|\d{1,2})",
)  # fmt: skip
#: Occupations so rare that one in a report may point to the person ('a professional sword
#: swallower', 'a circus contortionist'), like 'astronaut'; not 'fire-eater's pneumonia'.
_RARE_OCCUPATIONS = (
    r"sword[- ]?swallowers?",
    r"fire[- ]?(?:eater|breather)s?(?!['’])",
    r"contortionists?",
    r"trapeze artists?",
    r"tightrope walkers?",
    r"lion tamers?",
    r"snake charmers?",
    r"escapologists?",
    r"human cannonballs?",
    r"ventriloquists?",
    # roles one person holds ('the town crier', 'the Tower's ravenmaster', 'royal falconer')
    r"town criers?",
    r"ravenmasters?",
    r"falconers?",
    r"swan uppers?",
    r"lighthouse keepers?",
    r"yeoman warders?",
    r"(?:professional\s+)?mermaid\s+performers?",
    r"sumo\s+wrestlers?",
    r"wing[- ]?walkers?",
    r"(?:snake[- ])?venom\s+extractors?",
    r"milk(?:s|ing)?\s+(?:venomous\s+)?snakes",
    # a few dozen in the world at a time ('a Formula 1 driver')
    r"formula\s+(?:1|one)\s+(?:racing\s+)?(?:drivers?|racers?)",
    # births few families have ('the father of naturally conceived sextuplets')
    r"(?:quintuplets|sextuplets|septuplets|octuplets)",
)
_RARE_NEEDLES = (
    "milking",
    "milks",
    "sword",
    "fire-eat",
    "fire eat",
    "fireeat",
    "fire-breath",
    "fire breath",
    "contortionist",
    "trapeze",
    "tightrope",
    "lion tamer",
    "snake charmer",
    "escapologist",
    "human cannonball",
    "ventriloquist",
    "town crier",
    "ravenmaster",
    "falconer",
    "swan upper",
    "lighthouse keeper",
    "yeoman warder",
    "sumo wrestler",
    "wing-walker",
    "wing walker",
    "wingwalker",
    "professional mermaid",
    "mermaid perform",
    "venom extract",
    "snake-venom extract",
    "snake venom extract",
    "formula 1",
    "formula one",
    "quintuplets",
    "sextuplets",
    "septuplets",
    "octuplets",
)
#: Named awards whose winners or nominees are few and public ('a Grammy-winning trumpeter').
_AWARDS = (
    "grammy",
    "oscar",
    "emmy",
    "bafta",
    "tony",
    "pulitzer",
    "nobel",
    "nobel prize",
    "booker",
    "booker prize",
    "olivier",
    "golden globe",
    "academy award",
    "brit award",
    "olympic medal",
    "gold medal",
)
_NEWS = ("papers", "press", "news", "headlines", "national", "local")


def _anchored(name: str, category: str, pattern: str, needles: tuple[str, ...]) -> Recognizer:
    """A pattern on the lower-case text whose every alternative starts with a needle."""
    return Recognizer(
        name, category, lazy(pattern, re.I), needles=needles, lower=True, anchored=True
    )


def _cued(name: str, category: str, pattern: str, needles: tuple[str, ...]) -> Recognizer:
    """A pattern searched in the lower-case text only where one of its needles is: rare words
    every match holds somewhere, not only at its start (its first words are common ones,
    'was the', 'former', 'one of', which would make an anchored pattern run everywhere)."""
    return Recognizer(name, category, lazy(pattern, re.I), needles=needles, lower=True)


#: Areas and groups whose record singles a person out ('the country's oldest barber').
_AREA_WORDS = (
    "country", "nation", "world", "region", "state", "city", "county", "town", "village",
    "island", "province", "brigade", "valley", "parish",
)  # fmt: skip
_AREAS = rf"(?:{'|'.join(_AREA_WORDS)})"
_SUPERLATIVE = (
    r"(?:only|first|last|sole|oldest|youngest|longest[- ]serving|tallest|shortest|heaviest"
    r"|fastest|strongest|best[- ]known|most\s+[a-z]+)"
)
#: A person by what they are: a man, a woman, or a word for a trade or role.
_PERSON_NOUN = (
    r"(?:man|woman|men|women|person|people|boy|girl|lady|gentleman|inmate"
    r"|[a-z-]*(?:er|or|ist|ian|smith|wife|man|woman|keeper|maker))"
)
#: Words shaped like a trade that are not people ('the first trimester in the').
_NOT_PEOPLE = (
    r"(?:trimester|marker|layer|letter|quarter|order|chapter|paper|centre|center|number|other"
    r"|author|factor|tumou?r|sensor|monitor|inhibitor|receptor|vector|error|sector|indicator"
    r"|power|fever|liver|ulcer|cancer|disorder|filter|catheter|meter|counter|water|cluster"
    r"|character|finger|shoulder|bladder|ureter|diameter|ventilator|computer|border|chamber"
    r"|register|semester|member|carrier|sibling|one|dose|time|episode|encounter|answer|colour"
    r"|color|floor|door|donor|major|minor|prior|senior|junior|her|after|over|under|later"
    r"|daughter|sister|brother|mother|father|partner|lower|upper|outer|inner|anterior|posterior"
    r"|interior|exterior|superior|inferior|transducer|detector|container|holder|scanner|printer"
    r"|river|corner|powder|shelter|poster|banner|starter|cylinder|blister|collar|mirror|winter"
    r"|summer|september|october|november|december|dinner|supper|hour|year)"
)
#: Places small enough that their size in people may point to someone.
_COMMUNITIES = (
    "village", "hamlet", "town", "island", "islet", "community", "settlement", "parish",
    "township",
)  # fmt: skip
#: Events of a person's life that the press may report ('the crash', 'the rescue').
_EVENTS = (
    "crash", "accident", "collision", "derailment", "rescue", "fire", "attack", "shooting",
    "stabbing", "trial", "sinking", "explosion", "flood", "kidnapping", "disappearance",
    "story", "incident", "operation", "wreck", "avalanche",
)  # fmt: skip
#: People named by a trade or role whose word does not end like one ('the athlete').
_TRADES_NOT_SHAPED = (
    r"(?:athlete|pilot|soldier|nurse|cadet|chef|monk|nun|bride|groom|guide|jockey|cook|diver"
    r"|poet|artist|clown|midwife|sailor|fisherwoman|fisherman|surgeon|vet|medic|priest|judge"
    r"|imam|rabbi|pastor)"
)
_RELATIVE_WORDS = (
    "sister", "brother", "twin", "cousin", "son", "daughter", "wife", "husband", "mother",
    "father", "niece", "nephew", "aunt", "uncle", "partner", "widow", "sister-in-law",
    "brother-in-law", "son-in-law", "daughter-in-law", "mother-in-law", "father-in-law",
)  # fmt: skip
_KIN_ALTERNATIVES = rf"(?:{'|'.join(w.replace('-', '[- ]') for w in _RELATIVE_WORDS)})"


#: One of a kind, or in the news: 'the reigning national champion', 'the sole survivor of',
#: 'the first person in the country to', 'captain of the national team', 'the serving
#: bishop of', 'the story had been in the papers'. Small patterns, each tried only where
#: its needles are; the needles are phrases, so that common words ('first', 'in the') do
#: not make them run (or be compiled) on every text.
NOTABLE = [
    _anchored(
        "champion",
        "characteristic",
        r"(?:reigning|world|national|olympic|paralympic|european|commonwealth)\s+"
        r"(?:[\w-]+\s+){0,3}(?:champion|record[- ]holder|title[- ]holder"
        r"|(?:gold|silver|bronze)\s+medall?ist)\b"
        # a title won, a rank held ('won the world championship of toe wrestling', 'won the
        # national cheese-rolling race', 'ranked third in the world', 'ranked first nationally')
        r"|won\s+the\s+(?:\d{4}\s+)?(?:world|national|regional|european|county|state)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:championships?|title|race|contest|competition|final|cup"
        r"|pageant)\b"
        r"|ranked\s+(?:first|second|third|fourth|fifth|\d{1,2}(?:st|nd|rd|th)|number\s+\w+)\s+"
        r"(?:nationally|in\s+the\s+(?:world|country|nation))\b",
        (
            "reigning",
            "world",
            "national",
            "olympic",
            "paralympic",
            "european",
            "commonwealth",
            "won the",
            "ranked",
        ),
    ),
    _anchored(
        "one-of-a-kind",
        "characteristic",
        r"(?:(?:sole|only|lone)\s+survivors?"
        # ('among the few survivors of the 1994 ferry disaster'; an event, with its article:
        # not 'one of the few survivors of ovarian cancer')
        r"|(?:one\s+of|among)\s+the\s+(?:few|only|last|handful\s+of|remaining)\s+(?:\w+\s+)?"
        r"survivors?\s+of\s+the\b"
        rf"|(?:{'|'.join(_FIRSTS)}|one\s+of\s+(?:only\s+|just\s+)?(?:{'|'.join(_FEW)}))\s+"
        rf"(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(_FIRST_WHO)}|(?!{_NOT_PEOPLE}s?\b)"
        # (or any trade: 'one of only three saddle makers still working in the country')
        rf"(?:{_PERSON_NOUN}|{_TRADES_NOT_SHAPED})s?)\b[^.;]{{0,40}}?\b(?:(?:in|on)\s+"
        r"(?:the|this|his|her|their|our)\s+(?:country|world|state|nation|region|continent"
        r"|province|(?:southern|northern|western|eastern)\s+hemisphere)|nationally|worldwide"
        # ('one of only a handful of people to do so', 'one of very few people to have
        # survived')
        r"|to\s+(?:do|have\s+done|achieve|accomplish)\s+(?:so|this|it)\b"
        r"|to\s+(?:have\s+)?survived?\b"
        # ('one of only three people who survived a commercial plane crash in 2012')
        r"|who\s+survived\b)"
        r"|captain\s+of\s+the\s+(?:[\w'’-]+\s+){0,4}(?:team|squad|side)"
        # 'the serving Catholic bishop of', 'the retired Anglican archbishop of'
        rf"|(?:{'|'.join(_ROLE_TIMES)})\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(_ROLES)})\s+of"
        rf"|astronauts?|{'|'.join(_RARE_OCCUPATIONS)}"
        # winners of a named award, people known across a country or the world ('an
        # internationally known cellist'; not 'known as a cause of')
        rf"|(?:{'|'.join(_AWARDS)})[- ](?:winning|winner|nominated|nominee|laureate)"
        r"|(?:(?:inter)?nationally|world[- ]?wide|world)[- ](?:known|recogni[sz]ed|famous"
        r"|renowned|acclaimed|celebrated)(?!\s+(?:as|by|for\s+(?:causing|its)|to\s+cause"
        r"|(?:[\w-]+\s+){0,2}(?:criteria|guidelines?|standards?|classifications?|definitions?"
        r"|scales?|scores?|tools?|methods?|protocols?|centres?|centers?))\b)|(?:presenter|host|anchor)\s+of\s+(?:the|a)"
        r"|(?:premier|super|major|national|football|rugby)\s+league\s+(?:footballer|player|club"
        r"|cricketer|goalkeeper|striker|referee|manager|team)"
        r"|international\s+(?:footballer|cricketer|rugby player|athlete|swimmer|sprinter)"
        r"|(?:country|nation|world)['’]s\s+(?:most|best|first|only|oldest|youngest|tallest"
        r"|heaviest))\b",
        (
            "sole",
            "lone",
            *_FIRSTS,
            "one of",
            "among the ",
            *_RARE_NEEDLES,
            *(f"{award}-" for award in _AWARDS),
            *(f"{award} " for award in _AWARDS),
            "internationally",
            "nationally",
            "worldwide",
            "world-wide",
            "world-",
            "world ",
            "captain of",
            *_ROLE_TIMES,
            "astronaut",
            "premier league",
            "super league",
            "major league",
            "national league",
            "football league",
            "rugby league",
            "international footballer",
            "international cricketer",
            "international rugby",
            "international athlete",
            "international swimmer",
            "international sprinter",
            "presenter of",
            "host of",
            "anchor of",
            *(f"{area}{mark}s" for area in ("country", "nation", "world") for mark in "'’"),
        ),
    ),
    _anchored(
        "in-the-news",
        "characteristic",
        r"(?:media attention|in the (?:national |local )?(?:papers|press|news|headlines)"
        r"(?!\s+(?:business|industry|agency|media|room|desk|sector))"
        # ('a long-running series in a national newspaper')
        r"|in (?:a|the) national (?:newspaper|paper|daily)s?"
        r"|widely reported|made (?:the )?(?:national |international |local |front[- ]page )?"
        r"headlines|(?:led|topped|dominated|headlined)\s+the\s+(?:(?:evening|national|local"
        r"|nightly|international)\s+){0,2}(?:news|bulletins?|headlines)\b|news coverage"
        # a record book; a profile in the press ('a total listed in a book of world records',
        # 'mentioned in several newspaper profiles', 'profiled by a national magazine')
        r"|book\s+of\s+(?:world\s+)?records|guinness\s+(?:world\s+)?records?"
        r"|(?:newspaper|magazine|press)\s+profiles?|profiled\s+(?:by|in)\s+(?:a|the|several)\s+"
        r"(?:\w+\s+)?(?:newspapers?|magazines?|press)"
        r"|(?:lottery|jackpot) winner|documentar(?:y|ies)\b(?!\s+evidence)"
        r"|won the (?:\w+\s+){0,2}(?:lottery|jackpot))\b",
        (
            "media attention",
            "in a national",
            "in the national",
            *(f"in the {word}" for word in _NEWS),
            "widely reported",
            "made headlines",
            "led the",
            "topped the",
            "dominated the",
            "headlined the",
            "book of",
            "guinness",
            "newspaper profile",
            "magazine profile",
            "press profile",
            "profiled",
            "made the",
            "made national",
            "made international",
            "made local",
            "made front",
            "documentar",
            "news coverage",
            "lottery",
            "jackpot",
            "won the",
        ),
    ),
    _anchored(
        "public-figure",
        "characteristic",
        # A team or an audience that a whole country knows: 'the national rugby side',
        # 'covered by the national media', 'a nationally televised contest', 'the
        # world-record holder', 'the widely publicised rescue'.
        r"(?:national\s+(?:[\w'’-]+\s+){0,2}(?:team|squad|side|media|press|newspapers)"
        r"|(?:(?:nationally\s+)?televised|nationally\s+broadcast)\s+(?:[\w-]+\s+){0,2}"
        r"(?:competition|contest|show|final|series|programme|program)"
        r"|world[- ]record|widely\s+(?:publici[sz]ed|covered|broadcast|televised)"
        # ('the much-publicised collapse', 'now widely known by the public')
        r"|much[- ]publici[sz]ed|widely\s+known\s+(?:to|by|among)\s+the\s+(?:public|nation))\b",
        (
            "national",
            "nationally",
            "televised",
            "world-record",
            "world record",
            "widely",
            "much-publici",
            "much publici",
        ),
    ),
]
SIGNALS.extend(NOTABLE)
#: A body modification few people have, flagged as a tattoo is: a tongue split on purpose,
#: horns implanted under the skin, an earlobe stretched round a tunnel ('tongue splitting',
#: 'silicone horn implants', 'a stretched 50 mm tunnel'). Not an earlobe torn by an
#: earring, a bifid tongue from birth, a contraceptive's subdermal implant.
SIGNALS.append(
    _anchored(
        "body-modification",
        "characteristic",
        r"(?:tongue[- ]splitting|split(?:ting)?\s+(?:of\s+(?:the|his|her)\s+)?tongue"
        r"|horns?\s+implants?|(?:silicone|subdermal|transdermal)\s+(?:silicone\s+)?['‘\"“]?horns?"
        r"|stretched\s+(?:\d+\s*mm\s+)?(?:ear\s?lobes?|lobes?|tunnels?|plugs?)"
        r"|(?:flesh|ear)\s+tunnels?|(?:eyeball|scleral)\s+tattoo(?:s|ed|ing)?)\b",
        (
            "tongue",
            "split",
            "horn",
            "silicone",
            "subdermal",
            "transdermal",
            "stretched",
            "flesh",
            "ear",
            "eyeball",
            "scleral",
        ),
    )
)
#: Numbers of children few families have, eleven or more ('the mother of fourteen children',
#: 'raising twelve children', '23 children by four wives'; the large-family rule); ten and
#: fewer are left alone.
_MANY = (
    r"(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|twenty(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|thirty|1[1-9]|[2-9]\d)"
)
#: A church, mosque or temple by its dedication ('the Church of the Holy Redeemer'; not a
#: denomination: 'the Church of England', 'the Church of Jesus Christ of Latter-day Saints').
SIGNALS.append(
    Recognizer(
        "dedicated-church",
        "institution",
        lazy(
            r"\b(?:Church|Chapel|Cathedral|Basilica|Mosque|Temple|Synagogue|Gurdwara|Parish)\s+of\s+"
            r"(?:the\s+|Our\s+Lady\s+of\s+(?:the\s+)?|St\.?\s+|Saint\s+)?"
            r"(?!(?:England|Scotland|Ireland|Wales|Jesus|Christ|God|Latter|Scientology|Sweden"
            r"|Norway|Denmark|Rome|South|North|Nigeria|Uganda|Kenya|Tanzania)\b)"
            r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}"
        ),
        needles=(
            "church of",
            "chapel of",
            "cathedral of",
            "basilica of",
            "mosque of",
            "temple of",
            "synagogue of",
            "gurdwara of",
            "parish of",
        ),
    )
)
#: A hospital named in a Nordic, Slavic or Malay language ('Kätilöopiston sairaala',
#: 'Karolinska universitetssjukhuset', 'Szpital Bielański', 'Nemocnice Na Homolce', 'Rumah
#: Sakit Siloam'): its word for hospital after or before a capitalised name.
SIGNALS.append(
    Recognizer(
        "foreign-hospital",
        "institution",
        lazy(
            r"\b[A-ZÄÖÅÆØ][\w-]+\s+(?:keskus|yliopistollinen\s+)?(?:sairaala|sjukhus|sykehus|sygehus"
            r"|universitetssjukhuset|sjukhuset|sykehuset|sygehuset)\b"
            # (its name an adjective before the word in Czech, Slovak, Polish, Hungarian:
            # 'Thomayerova nemocnice', 'Fakultná nemocnica', 'Szent János Kórház')
            r"|\b[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽŁ][\w-]+\s+(?:nemocnice|nemocnica|szpital|k[óo]rh[áa]z)\b"
            r"|\b(?:Szpital|Nemocnice|Nemocnica|Bolnica|Bolnišnica|Spitalul|Rumah\s+Sakit|Kórház)"
            r"(?:\s+(?:Na|im\.|Umum|Kabupaten))?\s+[A-ZČŠŽŁ][\w-]+"
        ),
        needles=(
            "sairaala",
            "keskussairaala",
            "sjukhus",
            "sykehus",
            "sygehus",
            "universitetssjukhuset",
            "szpital",
            "nemocnic",
            "bolnic",
            "bolnišnic",
            "spitalul",
            "rumah sakit",
            "kórház",
        ),
    )
)
#: Places named as a city's parts or a mountain's passes are: 'Comuna 13' (Medellín's
#: districts), 'the 3rd arrondissement', 'the Col du Tourmalet'.
SIGNALS.append(
    Recognizer(
        "numbered-district",
        "place",
        lazy(
            r"\bComuna\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th|e|er|ème)\s+arrondissement\b"
            r"|\bCol\s+d(?:u|e|es|e\s+la|')\s*[A-Z][\w'’-]+"
            # a point on a named road by its distance marker ('on the Pan-American Highway at
            # kilometre 1,045')
            r"|\b(?:Highway|Motorway|Route|Autopista|Carretera|Rodovia)\s+at\s+(?:kilomet(?:re|er)"
            r"|km|mile(?:post)?)\s+[\d,.]+"
        ),
        needles=(
            "comuna",
            "arrondissement",
            "col d",
            "highway at",
            "motorway at",
            "route at",
            "autopista at",
            "carretera at",
            "rodovia at",
        ),
    )
)
#: What a person says of their own age over 89 ('"I am 92, doctor," she said'), the
#: coordinates of a home given with a label ('Latitude/longitude of the residence: 41.31 N,
#: 69.28 E'), a fingerprint in Indonesian ('sidik jari'), voice recordings kept or used.
SIGNALS.extend(
    [
        Recognizer(
            "own-age",
            "age",
            lazy(
                r"\bI(?:['’]m|\s+am)\s+(?P<id>(?:9\d|1[01]\d))\b(?!\s*(?:kg|kilos?|%|cm|mm|lb|pounds|/|per\s?cent|percent))"
            ),
            needles=("i'm", "i’m", "i am"),
            group="id",
        ),
        _cued(
            "labelled-coordinates",
            "place",
            r"(?:latitude|longitude|lat/long?|coordinates|gps)[^.;\n]{0,40}?"
            r"\d{1,2}\.\d{1,6}\s?°?\s?[ns],?\s+\d{1,3}\.\d{1,6}\s?°?\s?[ew]\b"
            # (or signed, with no compass letters, after a label or where someone was found:
            # 'found at 64.183, -51.721', 'GPS: -33.921, 18.424')
            r"|(?:coordinates|gps|location|position|(?:found|located|recovered|rescued)\s+at)"
            r"\s*:?\s+-?\d{1,2}\.\d{3,6},\s*-?\d{1,3}\.\d{3,6}\b",
            (
                "latitude",
                "longitude",
                "lat/lon",
                "coordinates",
                "gps",
                "location",
                "position",
                "found at",
                "located at",
                "recovered at",
                "rescued at",
            ),
        ),
        _cued(
            "foreign-biometric",
            "biometric",
            r"sidik\s+jari|voice\s+recordings?\s+(?:\w+\s+){0,4}?(?:used|kept|stored|retained"
            r"|archived|shared|deposited|uploaded)\b"
            # a gait turned into a signature ('a skeletal pose signature was shared')
            r"|(?:skeletal\s+)?pose\s+signature|gait\s+signature"
            # fingerprints and biometric data in French, Spanish, Portuguese, German, Polish
            # ('Les empreintes digitales du patient', 'huella dactilar', 'registros
            # dactilares', 'datos biométricos')
            r"|empreintes?\s+digitales?|huellas?\s+dactilar(?:es)?|registros?\s+dactilares"
            r"|impress(?:ões|oes|ão|ao)\s+digita(?:is|l)|fingerabdr(?:uck|ücke|ucke)"
            r"|odcisk(?:i)?\s+palc(?:ów|ow|a)|(?:datos|dados)\s+biom[ée]tricos"
            r"|donn[ée]es\s+biom[ée]triques|\bbrainprints?\b"
            # a whole genome in Spanish and Portuguese ('del genoma completo de la paciente')
            r"|genoma\s+completo",
            (
                "sidik",
                "voice recording",
                "pose signature",
                "gait signature",
                "empreinte",
                "huella",
                "registros dactilares",
                "registro dactilar",
                "impressões",
                "impressoes",
                "impressão",
                "impressao",
                "fingerabdr",
                "odcisk",
                "datos biom",
                "dados biom",
                "données biom",
                "donnees biom",
                "genoma completo",
                "brainprint",
            ),
        ),
        _cued(
            # a photograph of the whole face in French, Spanish, Portuguese, Polish ('visage
            # entier de face, patient reconnaissable', 'Fotografía de rostro completo',
            # 'Fotografia frontal da face', 'Zdjęcie twarzy pacjenta')
            "foreign-face-photo",
            "photo",
            r"visage\s+entier|patient(?:e)?\s+reconnaissable|rostro\s+completo|cara\s+completa"
            r"|de\s+frente\s+del\s+rostro|paciente\s+reconocible|fotografia\s+frontal\s+da\s+face"
            r"|face\s+inteira|zdj[ęe]cie\s+twarzy",
            (
                "visage entier",
                "reconnaissable",
                "rostro completo",
                "cara completa",
                "del rostro",
                "reconocible",
                "da face",
                "face inteira",
                "zdjęcie twarzy",
                "zdjecie twarzy",
            ),
        ),
    ]
)
#: A letter's sign-off ('Kind regards, Lindiwe'), a name after 'Pt' before what a note says
#: of a person ('Pt Kasun c/o hearing loss'): a word no list knows as ordinary or medical.
SIGNALS.extend(
    [
        Recognizer(
            "sign-off-name",
            "name",
            lazy(
                r"(?i:\b(?:kind|best|warm|warmest)\s+regards|yours\s+(?:sincerely|faithfully"
                r"|truly)|many\s+thanks),?\s+(?P<id>[A-Z][a-z'’-]{2,}(?:\s+[A-Z][a-z'’-]+)?)"
            ),
            needles=(
                "kind regards",
                "best regards",
                "warm regards",
                "warmest regards",
                "yours sincerely",
                "yours faithfully",
                "yours truly",
                "many thanks",
            ),
            valid=lambda value: value.split()[0].lower() not in words.english_words(),
            group="id",
        ),
        Recognizer(
            "name-after-pt",
            "name",
            lazy(
                r"\bPt\.?\s+(?P<id>[A-Z][a-z'’-]{2,})\s+(?:c/o|complains|complaining|presented"
                r"|presents|reports|states|denies|admitted|seen)\b"
            ),
            needles=("pt ", "pt. "),
            valid=lambda value: (
                value.lower() not in words.english_words() and value not in words.medical_words()
            ),
            group="id",
        ),
        Recognizer(
            # someone thanked or asked by name in a note ('Thanks Sipho, I'll chase it',
            # 'Kindly ask Bongani to bring his diary'), a name in quotes after 'the name'
            # ('remove the name "Aigerim" from the legend'), a title in lower case ('mr moyo
            # was noted', 'our patient mister Dauletov')
            "addressed-name",
            "name",
            lazy(
                r"(?:\b(?:[Tt]hanks|[Tt]hank\s+you|[Kk]indly\s+ask|[Pp]lease\s+(?:ask|remind|tell)"
                r"|[Hh]i|[Hh]ello)\s+(?P<id>[A-Z][a-z'’-]{2,})(?=\s*[,!]|\s+to\b)"
                r"|\b(?i:(?:sur|fore|nick|first\s+|given\s+)?name)\s+[\"“'‘](?P<quoted>[A-Z][\w'’-]+)[\"”'’]"
                r"|\b(?:mister|mr|mrs)\s+(?P<lower>[a-z][a-z'’-]{2,}|[A-Z][a-z'’-]{2,})"
                # ('cc: dr a. robertson, gp')
                r"|\bdr\s+[a-z]\.\s+(?P<doctor>[a-z][a-z'’-]{2,}))"
            ),
            needles=(
                "thanks",
                "thank you",
                "kindly ask",
                "please ask",
                "please remind",
                "please tell",
                "hi ",
                "hello",
                "name",
                "surname",
                "forename",
                "nickname",
                "first name",
                "given name",
                "mister",
                "dr ",
                "mr ",
                "mrs ",
            ),
            valid=_addressed_name,
        ),
        Recognizer(
            # a business or home by the name it is called ('a dental practice called Bright
            # Smile Dental Care'), a house or lodge named before what it is ('Mosaic House, a
            # residential rehabilitation unit')
            "named-business",
            "institution",
            lazy(
                r"\b(?:practice|clinic|pharmacy|chemist|shop|store|company|firm|business|school"
                r"|nursery|college|centre|center|charity|hostel|gym|club|restaurant|salon|bakery"
                r"|factory|home|hotel|cafe|café|bar|pub)\s+(?:called|named|known\s+as)\s+"
                r"(?P<id>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|the|and|&)){0,5})"
                r"|(?P<house>[A-Z][\w'’-]+\s+(?:House|Lodge|Court|Manor|Villa|Gardens)),\s+an?\s+"
                r"(?:[\w-]+\s+){0,3}?(?:unit|home|facility|hostel|centre|center|service|hospice"
                r"|residence|refuge|shelter)\b"
            ),
            needles=(
                "called",
                "named",
                "known as",
                "house",
                "lodge",
                "court",
                "manor",
                "villa",
                "gardens",
            ),
            valid=lambda value: not value.split()[-1].isupper(),
        ),
        Recognizer(
            # a named area by the kind of area it is ('a workshop in Mussafah industrial
            # area', 'the Jahra desert camping area', 'Dadaab refugee camp')
            "kind-of-area",
            "place",
            lazy(
                r"(?P<id>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:(?:desert|mountain)\s+)?"
                r"(?:(?:industrial|residential|camping|farming|free|business|commercial|informal"
                r"|refugee|IDP|displacement|mining)\s+(?:area|zone|estate|settlement|camp|district"
                r"|park)|camp)\b"
            ),
            needles=(
                *(
                    f"{kind} {area}"
                    for kind in (
                        "industrial",
                        "residential",
                        "camping",
                        "farming",
                        "free",
                        "business",
                        "commercial",
                        "informal",
                        "refugee",
                        "idp",
                        "displacement",
                        "mining",
                    )
                    for area in ("area", "zone", "estate", "settlement", "camp", "district", "park")
                ),
                "camp",
            ),
            valid=lambda value: (
                not any(
                    word.lower() in words.english_words()
                    or word in words.medical_words()
                    or word.isupper()
                    for word in value.split()
                )
            ),
            group="id",
        ),
        Recognizer(
            # a laboratory's accession number after the report's name ('Histology S21-11842:
            # granulomatous inflammation'): a letter, the year's two figures, the number
            "lab-accession",
            "record",
            lazy(
                r"(?i:\b(?:histology|histopathology|cytology|pathology|biopsy|microbiology))\s*:?\s+"
                r"(?P<id>[A-Z]{1,3}\d{2}[-/]\d{3,6})\b"
            ),
            needles=(
                "histology",
                "histopathology",
                "cytology",
                "pathology",
                "biopsy",
                "microbiology",
            ),
            group="id",
        ),
        Recognizer(
            # the first day of the last period by its day and month ('LMP 5/17', 'Last
            # menstrual period: 3/11'): a date of the patient's, however it is read
            "last-period-date",
            "date",
            lazy(
                r"(?i:\b(?:LMP|last\s+menstrual\s+period))\s*(?:was\s+|on\s+|[:=-]\s*)?"
                r"(?P<id>\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\d/])(?!\s+ago\b)"
            ),
            needles=("lmp", "last menstrual"),
            # (not a time ago in the notes' fractions: 'LMP 3/52', six weeks '6/52', '5/7')
            valid=lambda value: (
                value.count("/") == 2 or value.split("/")[1] not in ("7", "24", "52")
            ),
            group="id",
        ),
    ]
)
#: Initials an editor or reviewer quotes ('the initials "K.M." in the legend').
SIGNALS.append(
    Recognizer(
        "quoted-initials",
        "name",
        lazy(
            r"\b(?:initials|remove|delete|replace|omit)\s+[\"“‘']?"
            r"(?P<id>[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?|(?<=initials )[A-Z]{2,3}\b"
            r"|(?<=initials [\"“‘'])[A-Z]{2,3}\b)"
        ),
        # ('please remove "J.T." from the timeline': dotted initials after the verb too)
        needles=("initials", "remove", "delete", "replace", "omit"),
        valid=lambda value: value.replace(".", "").replace(" ", "") not in ("PT", "NA", "ID"),
        group="id",
    )
)
#: A royal post few hold, typed in lower case as a job and not as an institution's name
#: ('the official royal swan marker', 'the royal clockmaker'; not 'the Royal College of
#: Physicians', 'a royal blue marker').
SIGNALS.append(
    Recognizer(
        "royal-post",
        "characteristic",
        lazy(
            # ('holds the ancient office of royal swan marker' too)
            r"(?:the|office\s+of)\s+(?:official\s+)?royal\s+(?:(?!blue|purple|jelly)[a-z]+\s+)?"
            r"[a-z]+(?:er|or|ist|ian|smith|maker|keeper|man|woman|master|mistress)\b"
        ),
        needles=("the royal", "the official royal", "office of royal", "office of official"),
        valid=lambda value: "royal" in value,
        lower=True,
        anchored=True,
    )
)
#: One of a kind by the frame a sentence puts a person in (merged into one recognizer
#: below, once :func:`_merged` is defined: four more would cost a test each on every text).
NOTABLE_BY_FRAME = [
    # A person singled out among others: by an area's record ('the region's longest-serving
    # lollipop lady', "the village's first gold medal"), or as the only, first or last of
    # their kind to do something or in a group ('the first man to cycle across', 'the only
    # Sikh firefighter in the brigade'; not 'the only child of', 'the first patient in our
    # unit to receive', 'the first trimester in the').
    _anchored(
        "singled-out",
        "characteristic",
        rf"the\s+{_AREAS}['’]s\s+(?:[\w-]+\s+){{0,2}}?{_SUPERLATIVE}\b"
        # (also the oldest or youngest of a trade, a trade that does not end like one, 'the
        # last remaining thatcher of the district', 'the only dentist on the peninsula')
        rf"|the\s+(?:only|first|last|sole|oldest|youngest|longest[- ]serving)\s+"
        rf"(?:[\w-]+\s+){{0,3}}?(?!{_NOT_PEOPLE}\b)(?:{_PERSON_NOUN}|{_TRADES_NOT_SHAPED})\s+"
        r"(?:to\s+(?!(?:be|have|receive|develop|present|undergo|require|respond|show|need|get"
        r"|take|die)\b)[a-z]+|in\s+the\s+(?!(?:family|unit|ward|hospital|clinic|cohort|study"
        r"|series|trial|group|sample|department|practice|household|pedigree|kindred|literature"
        r"|room|bay|house|home|office|queue)\b)[a-z]+|on\s+the\s+(?!(?:ward|wards|unit|list"
        r"|rota|day|night|shift|call|scene|team|panel|floor|register|waiting|phone|telephone"
        r"|staff|case|round|rounds|premises|site|same|other|first|second|left|right|day)\b)"
        r"[a-z]+"
        # ('the sole doctor overwintering at the polar research station')
        r"|(?:[a-z]+ing\s+)?at\s+the\s+(?!(?:family|unit|ward|hospital|clinic|practice|time"
        r"|start|end|same|moment|point|age|beginning|surgery|centre|center|scene|front|back"
        r"|bedside|desk|door|weekend)\b)[a-z]+"
        r"|of\s+(?:the|his|her|their)\s+(?!(?:family|unit|ward|hospital|clinic|cohort"
        r"|study|series|trial|group|team|department|practice|guideline|paper|article|report"
        r"|drug|device)\b)[a-z]+|ever\b)",
        (
            *(f"the {area}{mark}s" for area in _AREA_WORDS for mark in "'’"),
            "the only",
            "the first",
            "the last",
            "the sole",
            "the oldest",
            "the youngest",
            "the longest",
        ),
    ),
    # A community small enough to point to its members ('a hamlet of 60 inhabitants'; not
    # 'a town of 40,000 people').
    _anchored(
        "small-community",
        "characteristic",
        rf"(?:{'|'.join(_COMMUNITIES)})\s+of\s+"
        r"(?:only\s+|just\s+|about\s+|around\s+|some\s+|fewer\s+than\s+|under\s+|barely\s+)?"
        r"\d{1,4}(?![\d,.])\s+(?:people|inhabitants|residents|souls|families|households"
        r"|villagers|islanders)\b",
        tuple(f"{place} of" for place in _COMMUNITIES),
    ),
    # A public event reported across a nation ('the crash … was reported across the
    # nation', 'the rescue … was broadcast nationwide'; not 'cases were reported across
    # the country': an epidemic is no event of one person's), anything broadcast to a nation.
    _anchored(
        "reported-event",
        "characteristic",
        rf"(?:{'|'.join(_EVENTS)})\s+(?:[\w'’-]+\s+){{0,6}}?(?:(?:was|were|had\s+been|been)\s+)?"
        r"(?:reported|covered|followed|publici[sz]ed)\s+(?:(?:across|throughout|around)\s+the\s+"
        r"(?:country|nation|world|continent)|nation(?:ally|wide)|internationally)\b"
        r"|(?:broadcast|televised)\s+(?:nation(?:ally|wide)|internationally|(?:across|throughout"
        r"|around)\s+the\s+(?:country|nation|world))\b",
        (*_EVENTS, "broadcast", "televised"),
    ),
    # Known to the public by what they do or did: the host of a radio or television show ('hosts
    # the most popular morning radio show'), a feat done famously ('had famously performed his
    # own appendicectomy'; not what a sign or a case was famously described or called).
    _anchored(
        "public-feat",
        "characteristic",
        r"(?:hosts|hosted|fronts|fronted|anchors|anchored)\s+(?:a|the|his|her|their)\s+"
        r"(?:[\w'’-]+\s+){0,5}?(?:radio|television|tv|breakfast|chat|talk|game|cookery)\s+"
        r"(?:show|programme|program)\b"
        r"|famously\s+(?!(?:described|reported|noted|called|named|termed|coined|observed"
        r"|wrote|written|said|stated|defined|depicted|illustrated|associated|linked)\b)"
        r"(?:[a-z]+ed|won|ran|swam|rode|flew|sang|wrote|built|broke|fought|beat|became)\b",
        ("hosts ", "hosted ", "fronts ", "fronted ", "anchors ", "anchored ", "famously "),
    ),
    # Seen by the public: on television or radio, in a viral video, covered by the press
    # ('His horse has appeared on daytime television', 'struck by lightning on live
    # television', 'a viral clip watched by millions', 'covered by newspapers nationwide').
    _anchored(
        "seen-by-the-public",
        "characteristic",
        r"(?:appeared|appears|appearing|featured|features|interviewed|filmed)\s+(?:\w+\s+){0,2}?"
        r"(?:on|in)\s+(?:(?:national|daytime|breakfast|live|local|prime[- ]time|evening"
        r"|regional|morning)\s+)?(?:television|tv|radio)\b"
        # in the press ('has been featured in newspapers', 'appears in countless press
        # photographs'; not 'featured in a surgical journal')
        r"|(?:appeared|appears|appearing|featured|features|pictured)\s+(?:\w+\s+){0,2}?in\s+"
        r"(?:(?:the|many|several|countless|numerous|national|local|regional|tabloid)\s+){0,2}"
        r"(?:newspapers|magazines|tabloids|the\s+press|the\s+media"
        r"|(?:press|newspaper|magazine)\s+(?:photo(?:graph)?s|pictures))\b"
        r"|(?:on|during)\s+live\s+(?:national\s+)?(?:television|tv|radio)\b"
        r"|live\s+on\s+(?:national\s+|local\s+)?(?:television|tv|radio)\b"
        r"|viral\s+(?:video|clip|post|reel)s?\b"
        # ('whose release was headline news worldwide')
        r"|headline\s+news\b"
        r"|(?:viewed|watched)\s+(?:by\s+)?(?:millions|hundreds\s+of\s+thousands)\b"
        r"|(?:seen|shared|liked)\s+by\s+(?:millions|hundreds\s+of\s+thousands)\b"
        r"|covered\s+by\s+(?:(?:news|media)\s+outlets|newspapers|the\s+(?:national\s+)?press"
        r"|the\s+media|television"
        r"|(?:the\s+)?(?:national|regional|local|state|international|world['’]s|global|foreign)"
        r"\s+(?:television|tv|radio|press|media|newspapers|news))\b",
        (
            "appeared",
            "appears",
            "appearing",
            "featured",
            "features",
            "pictured",
            "interviewed",
            "filmed",
            "on live",
            "during live",
            "live on",
            "viral",
            "viewed",
            "watched",
            "seen by",
            "shared by",
            "liked by",
            "covered by",
            "headline news",
        ),
    ),
    # A relative of someone famous ('the twin sister of a Hollywood actress').
    _anchored(
        "famous-relative",
        "characteristic",
        rf"{_KIN_ALTERNATIVES}\s+of\s+(?:a|an|the)\s+(?:famous|well-known|celebrated|hollywood|bollywood"
        r"|nollywood|celebrity|pop|film|movie|television|tv|olympic|premier\s+league)\s+"
        r"(?:[\w-]+\s+)?(?:actress|actor|star|singer|celebrity|footballer|player|athlete"
        r"|presenter|politician|musician|novelist|personality|champion)\b",
        tuple(f"{who} of" for who in _RELATIVE_WORDS),
    ),
    # The head of a firm a whole nation knows ('the managing director of a national bakery
    # chain', "the chief executive of the country's largest bank").
    _anchored(
        "head-of-national-firm",
        "characteristic",
        r"(?:chief\s+executive|ceo|managing\s+director|chairman|chairwoman|chairperson|founder"
        r"|owner|president)\s+of\s+(?:a|an|the)\s+(?:national|multinational|nationwide"
        r"|country['’]s\s+(?:largest|biggest|leading))\s+(?:[\w-]+\s+){0,2}?(?:chain|company"
        r"|firm|bank|airline|retailer|business|corporation|brand|supermarkets?)\b"
        # or of the place of one's own care ('the chief executive of the hospital in which he
        # was treated', 'the medical director of the clinic where she was seen')
        r"|(?:chief\s+executive|ceo|(?:managing|medical|clinical)\s+director|director"
        r"|chairman|chairwoman|chairperson|president|dean)\s+of\s+the\s+(?:hospital|trust|clinic"
        r"|hospice|practice|unit|centre|center|infirmary)\s+(?:in\s+which|at\s+which|where)\s+"
        r"(?:he|she|they|the\s+patient)\s+(?:was|were|is|had\s+been)\s+(?:treated|admitted|seen"
        r"|cared\s+for|managed|operated\s+on)\b",
        (
            "chief executive",
            "ceo",
            "managing director",
            "chairman",
            "chairwoman",
            "chairperson",
            "founder",
            "owner",
            "president",
            "medical director",
            "clinical director",
            "director",
            "dean",
        ),
    ),
    # A survival or a feat no one had before ('the most premature baby ever to survive').
    _anchored(
        "ever-to",
        "characteristic",
        r"ever\s+to\s+(?:survive|be\s+born|receive|undergo|win|climb|reach|complete)\b",
        ("ever to",),
    ),
    # Births few mothers have ('the mother of three sets of twins').
    _anchored(
        "sets-of-twins",
        "characteristic",
        r"(?:three|four|five|six|[3-9])\s+sets\s+of\s+(?:twins|triplets)\b",
        ("three sets", "four sets", "five sets", "six sets", *(f"{n} sets" for n in "3456789")),
    ),
    # A survivor of a disaster by its year ('survived the 2004 Indian Ocean tsunami').
    _anchored(
        "survived-a-disaster",
        "characteristic",
        r"survived\s+the\s+(?:19|20)\d\d\s+(?:[\w'’-]+\s+){0,3}?(?:tsunami|earthquake|bombing"
        r"|attacks?|fire|crash|flood|floods|hurricane|cyclone|typhoon|disaster|massacre|shooting"
        r"|sinking|stampede|explosion|avalanche|eruption)\b",
        ("survived the",),
    ),
    # A post at a head of state's side ('the official food taster for the head of state',
    # 'the official photographer at the palace').
    _anchored(
        "official-post",
        "characteristic",
        r"official\s+(?:[\w-]+\s+){0,2}?[a-z-]+(?:er|or|ist|ian)\s+(?:for|to|at|of)\s+the\s+"
        r"(?:head\s+of\s+state|palace|president|king|queen|monarch|royal\s+(?:family|household)"
        r"|prime\s+minister)\b",
        ("official",),
    ),
]
#: One of a kind by the frame a sentence puts a person in, looked for only where a rare word
#: of the frame is (:func:`_cued`).
NOTABLE_BY_CUE = [
    # Offices one person holds (a traditional ruler, a chief rabbi, a poet laureate, a
    # country's ambassador), ranks and careers few reach (a yokozuna, Test cricket, a world
    # title fought for, a television series' star), a people recently contacted, tattoos that
    # spell words; magnets or lights implanted under the skin.
    _cued(
        "few-share",
        "characteristic",
        r"(?:traditional|tribal|paramount|hereditary)\s+(?:clan\s+)?(?:ruler|king|queen"
        r"|chief(?:tain)?|monarch|sultan|emir|raja|rajah|nawab|fon)\b|reigning\s+(?:king|queen|fon"
        r"|monarch|sultan|emir|chief|ruler)\b|council\s+of\s+chiefs|clan\s+chief(?:tain)?\b"
        # one of a country's few candidates for its highest office; a diocese's bishop
        r"|presidential\s+candidate|candidate\s+for\s+(?:the\s+)?presidency"
        r"|(?:arch)?bishop\s+of\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:diocese|archdiocese|see)\b"
        # tattoos that spell words ('Knuckle tattoos spelling HOLD FAST'); a star of a
        # television series; a yokozuna; a people recently contacted; Test cricket; a world
        # title fought for
        r"|tattoos?\s+(?:spelling|reading|saying|that\s+(?:read|reads|say|says|spell|spells))\b"
        r"|stars?\s+in\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:television|tv)\s+(?:series|show"
        r"|programme|program)"
        r"|yokozuna|(?:recently|un)[- ]?contacted\s+(?:indigenous\s+)?(?:people|tribe|group)"
        r"|\d+\s+test\s+matches|test\s+matches\s+for\b"
        r"|(?:fought|contested)\s+for\s+the\s+(?:world|national|european|olympic)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:title|championship|crown)"
        # offices one person holds ('the country's poet laureate', 'the chief rabbi', 'a
        # sitting justice of the supreme court', 'a role only one person holds')
        r"|poet\s+laureate|chief\s+rabbi|(?:justice|judge)\s+of\s+the\s+supreme\s+court"
        r"|country['’]s\s+ambassador|ambassador\s+to\s+(?:a|the)\s+(?:neighbouring|neighboring)?"
        r"|supreme\s+court\s+(?:justice|judge)"
        r"|(?:role|post|office|position|title)\s+(?:that\s+)?only\s+one\s+person\s+(?:holds|has"
        r"|can\s+hold)"
        # the last speaker of a language; a pattern unique to a family; identical triplets
        r"|last\s+(?:\w+\s+)?speaker\s+of\b"
        r"|unique\s+to\s+(?:his|her|their)\s+(?:family|clan|lineage|tribe|village)"
        # (identical triplets: quadruplets and more are the higher-multiple rule's)
        r"|one\s+of\s+identical\s+triplets"
        # one of conjoined twins ('one of a pair of conjoined twins separated in infancy')
        r"|one\s+of\s+(?:a\s+(?:pair|set)\s+of\s+)?conjoined\s+twins"
        r"|(?:is|was)\s+(?:a|the\s+surviving)\s+conjoined\s+twin\b"
        r"|(?:nuclear\s+)?submarine\s+(?:commander|captain)|commander\s+of\s+a\s+"
        r"(?:nuclear\s+)?submarine|test\s+pilot"
        # a chess grandmaster (a title some two thousand people hold); the head of a
        # country's federation or party; the imam of a town's mosque
        r"|\bgrandmaster\b|president\s+of\s+the\s+national\s+(?:[\w-]+\s+){0,2}?(?:federation"
        r"|association|union|council|party|assembly|academy|society|committee)\b"
        r"|imam\s+of\s+the\s+(?:main|central|grand|only|town['’]s|village['’]s|city['’]s)"
        r"\s+mosque"
        # a head of state's child or spouse ('the daughter of the current president of the
        # republic'; not 'of the president of the local club'); one of a language's last
        # speakers; someone known throughout their region
        r"|(?:daughter|son|wife|husband|widow|widower|mother|father|brother|sister|child"
        r"|grandson|granddaughter|nephew|niece)\s+of\s+(?:the|a)\s+(?:current\s+|former\s+"
        r"|late\s+|serving\s+|sitting\s+)?(?:president|prime\s+minister|head\s+of\s+state"
        r"|chief\s+justice)\b(?!\s+of\s+(?:the\s+)?(?:local|a|an|our|his|her)\b)"
        r"|last\s+(?:(?:two|three|four|five|few|remaining|living|fluent|native)\s+){1,3}"
        r"speakers\s+of\b"
        r"|known\s+throughout\s+(?:the|his|her|their)\s+(?:region|country|island|valley|district"
        r"|province|county)"
        # a head of state's guard; the only one brought out alive; a story the world's press
        # followed; interviews given to television
        r"|presidential\s+(?:protection|guard|security|bodyguard|detail|escort|inauguration)"
        # (in Spanish and Portuguese: 'el único piloto del helicóptero presidencial', 'el
        # único torero profesional todavía activo en Ecuador')
        r"|\bpresidencial\b|[úu]nic[oa]\s+(?:[\w-]+\s+){1,4}?(?:del\s+pa[íi]s|todav[íi]a\s+activ[oa])"
        # borne by no one else alive; a rare post ('the rare post of official swan marker')
        r"|(?:no\s+one|nobody)\s+else\s+(?:alive|living|in\s+the\s+world)"
        r"|(?:rare|unique)\s+(?:post|office|title|position|role)\s+of\b"
        r"|only\s+(?:[\w-]+\s+){0,2}?(?:brought|pulled|rescued|carried)\s+out\s+alive"
        r"|(?:sole|only)\s+survivor\s+of\s+(?:the|a)\b"
        r"|(?:followed|covered|reported)\s+by\s+(?:the\s+)?(?:international|national|world|foreign"
        r"|global)\s+(?:media|press|news)"
        r"|(?:gave|given|giving)\s+(?:several\s+|many\s+|numerous\s+)?interviews\s+to\b"
        # body modifications as distinctive as a tattoo ('bifurcated her own tongue', 'elf
        # ears', scarification)
        r"|(?:split|bifurcated|forked)\s+(?:her|his|their)\s+(?:own\s+)?tongue"
        r"|tongue[- ](?:splitting|bifurcation)|(?:\"|“)?elf\s+ears|ear[- ]pointing"
        # the personal staff of an office holder ("the Catholicos's personal driver"); a birth
        # in flight or at sea; one of the few face, penis or womb transplants
        r"|(?:president|king|queen|prince|princess|minister|bishop|archbishop|catholicos"
        r"|patriarch|pope|emir|sultan|sheikh|governor|mayor|ambassador|monarch"
        r"|head\s+of\s+state|prime\s+minister)['’]s\s+personal\s+"
        r"(?:driver|chauffeur|bodyguard|physician|doctor|chef|secretary|pilot|assistant)"
        r"|born\s+(?:on\s+(?:board\s+)?(?:a|an|the)\s+(?:plane|aircraft|airliner|flight|ship|ferry"
        r"|train)|during\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?flight|mid-?air|in\s+flight)\b"
        r"|(?:received|underwent|had|recipient\s+of)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:face|facial|penile|penis|uterus|uterine)\s+transplant"
        # an heir to a throne; someone everyone knows, or the only one in their country
        # ('Everyone knows me', 'the only one in my country with this job')
        r"|crown\s+prince(?:ss)?\b|everyone\s+(?:here\s+|round\s+here\s+|around\s+here\s+)?knows"
        r"\s+(?:me|him|her)\b|(?:only|sole)\s+(?:one|person|woman|man)\s+in\s+(?:my|his|her|our"
        r"|the)\s+(?:country|region|island|town|village)\b"
        # a chip under the skin; body modifications as distinctive as a tattoo
        r"|(?:rfid|nfc)\s+(?:chip|implant|tag)|(?:micro)?dermal\s+piercings?"
        # magnets or lights implanted under the skin ('magnetic implants in the tips of both
        # ring fingers', 'an LED array under the skin of the hand')
        r"|magnetic\s+(?:finger(?:tip)?\s+)?implants?\s+(?:were\s+|was\s+)?(?:present\s+)?in\s+"
        r"(?:the\s+)?(?:tips?|pulps?|fingers?|fingertips?)"
        r"|led\s+(?:array|implant|lights?)\s+(?:had\s+been\s+|was\s+)?(?:placed\s+|implanted\s+)?"
        r"under\s+the\s+skin"
        # a diocese's bishop (one to a diocese)
        r"|diocesan\s+bishop|bishop\s+of\s+the\s+diocese"
        # a record among all others ('more than any other woman')
        r"|more\s+than\s+any\s+other\s+(?:woman|man|person|human|climber|athlete|player"
        r"|patient|living\s+person)\b"
        # (not scarification: 'traditional facial scarification, common in her community')
        r"|\d+\s*mm\s+(?:ear\s+)?tunnels"
        # a birth or a childhood few share ('separated at birth', 'switched with another baby
        # in the maternity ward'); five generations alive together
        r"|(?:separated|switched)\s+at\s+birth|switched\s+with\s+another\s+baby"
        r"|(?:five|six|5|6)\s+generations\s+(?:of\s+\w+\s+)?(?:alive|living)"
        # a public event: filmed by television, live on air; a case the press covered; a
        # wrongful conviction
        r"|in\s+front\s+of\s+(?:the\s+)?(?:television|tv|news)\s+cameras|on\s+live\s+(?:television"
        r"|tv)|(?:extensive|widespread|national|international)\s+(?:press|media|news)\s+coverage"
        r"|\bexonerated\b|wrongful(?:ly)?\s+(?:imprisonment|conviction|convicted|imprisoned)"
        # one of the few who have been to space; the tallest or heaviest in a country (not
        # 'in his class'); a body-modification performer, dozens of piercings
        r"|\b(?:cosmonaut|astronaut|taikonaut)s?\b"
        r"|(?:tallest|shortest|heaviest|strongest)\s+(?:living\s+)?(?:man|woman|person|boy|girl)"
        r"\s+in\s+(?:the\s+(?:country|world|nation)\b|(?!(?:his|her|their|our|my|a|an|the)\b)[a-z]{4,})"
        r"|body[- ]modification\s+(?:artist|performer)|\b[2-9]\d\s+(?:facial\s+)?piercings\b"
        # fame and office: reality television, a member of parliament for a constituency,
        # an award-winning artist, a grand mufti, a bestseller's author, a whole Bible
        # translated, a supplier to the royal household
        r"|reality[- ](?:television|tv)|member\s+of\s+(?:the\s+)?(?:federal|national|state)\s+"
        r"parliament|represents\s+(?:a|the)\s+(?:[\w-]+\s+)?constituency"
        r"|award-winning\s+(?:film|director|author|novelist|actor|actress|singer|musician"
        r"|journalist|photographer|chef|poet|architect)|(?:grand|chief)\s+mufti"
        r"|(?:international|national|worldwide)\s+best-?seller|translated\s+the\s+(?:entire\s+"
        r"|whole\s+)?bible|royal\s+household",
        (
            "grandmaster",
            "president of the national",
            "imam of",
            *(
                f"of {article} {word}"
                for article in ("the", "a")
                for word in ("current", "former", "late", "serving", "sitting", "president")
            ),
            "of the prime",
            "of the head",
            "of the chief",
            "speakers of",
            "known throughout",
            "presidential",
            "presidencial",
            "único",
            "única",
            "unico",
            "unica",
            "one else",
            "nobody else",
            "rare post",
            "rare office",
            "rare title",
            "rare position",
            "rare role",
            "unique post",
            "unique office",
            "unique title",
            "unique position",
            "unique role",
            "out alive",
            "sole survivor",
            "only survivor",
            *(
                f"{scope} {outlet}"
                for scope in ("international", "national", "world", "foreign", "global")
                for outlet in ("media", "press", "news")
            ),
            "interviews to",
            "own tongue",
            *(
                f"personal {staff}"
                for staff in (
                    "driver",
                    "chauffeur",
                    "bodyguard",
                    "physician",
                    "doctor",
                    "chef",
                    "secretary",
                    "pilot",
                    "assistant",
                )
            ),
            "born on",
            "crown prince",
            "everyone knows",
            "everyone here",
            "everyone round",
            "everyone around",
            "only one in",
            "only person in",
            "only woman in",
            "only man in",
            "sole one in",
            "sole person in",
            "rfid",
            "nfc",
            "dermal piercing",
            "microdermal",
            "magnetic ",
            "led ",
            "more than any other",
            "diocesan",
            "bishop of the",
            "tunnels",
            "separated at",
            "switched at",
            "switched with",
            "generations",
            "television camera",
            "tv camera",
            "news camera",
            "on live",
            "extensive press",
            "extensive media",
            "widespread press",
            "widespread media",
            "national press",
            "national media",
            "international press",
            "international media",
            "exonerated",
            "cosmonaut",
            "astronaut",
            "taikonaut",
            "tallest",
            "shortest",
            "heaviest",
            "strongest",
            "body modification",
            "body-modification",
            "piercings",
            "reality television",
            "reality tv",
            "reality-television",
            "reality-tv",
            "federal parliament",
            "national parliament",
            "state parliament",
            "constituency",
            "award-winning",
            "grand mufti",
            "chief mufti",
            "bestseller",
            "best-seller",
            "translated the",
            "royal household",
            "wrongful",
            "born during",
            "born mid",
            "born in flight",
            *(
                f"{organ} transplant"
                for organ in ("face", "facial", "penile", "penis", "uterus", "uterine")
            ),
            "split her",
            "split his",
            "split their",
            "bifurcated",
            "forked her",
            "forked his",
            "forked their",
            "tongue splitting",
            "tongue-splitting",
            "tongue bifurcation",
            "elf ears",
            "ear pointing",
            "ear-pointing",
            "traditional",
            "reigning",
            "tribal",
            "paramount",
            "hereditary",
            "chiefs",
            "clan chief",
            "submarine",
            "test pilot",
            "presidential",
            "presidency",
            "diocese",
            "archdiocese",
            "conjoined",
            "poet laureate",
            "ambassador",
            "tattoos spelling",
            "tattoo spelling",
            "tattoos reading",
            "tattoo reading",
            "tattoos saying",
            "tattoo saying",
            "tattoos that",
            "tattoo that",
            "television series",
            "tv series",
            "television show",
            "yokozuna",
            "contacted",
            "uncontacted",
            "test matches",
            "fought for",
            "contested for",
            "chief rabbi",
            "supreme court",
            "only one person",
            "speaker of",
            "unique to",
            "identical triplets",
        ),
    ),
    _cued(
        "rare-event",
        "characteristic",
        # struck by lightning more than once; the whistleblower in a scandal; the first
        # such operation in the country; the driver of the bus in a disaster
        r"(?:the|a)\s+whistle-?blower\s+(?:in|of|who|behind)\b"
        r"|first\s+such\s+(?:operation|procedure|transplant|surgery)\s+(?:\w+\s+){0,2}?in\s+"
        r"(?:the|this|his|her|their|our)\s+(?:country|world|nation|region|state)"
        # a survivor of a disaster that killed many; a record held over everyone alive; a
        # story reported worldwide or carried by news agencies
        r"|(?:survivor|one)\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:sinking|crash|collapse|fire|siege"
        r"|bombing|attack|explosion|shooting|derailment|massacre)\s+that\s+killed\b"
        r"|than\s+anyone\s+else\s+(?:alive|living|in\s+the\s+world|in\s+history|on\s+record)"
        # (not cases in the literature: '12 cases were reported worldwide')
        r"|(?<!cases\s)(?<!been\s)(?<!were\s)reported\s+(?:worldwide|internationally"
        r"|around\s+the\s+world)"
        r"|(?:international|national)\s+news\s+agencies"
        # ('covered by every major news channel'; a performer's tour called off)
        r"|covered\s+by\s+(?:every|all\s+the|the)\s+(?:major\s+|national\s+)?news\s+"
        r"(?:channels?|networks?|outlets?|media)"
        r"|whose\s+(?:concert|world|national|european|stadium)\s+tour\b"
        r"|(?:driver|pilot|captain|skipper|conductor|operator)\s+of\s+the\s+(?:\w+\s+){0,2}?"
        r"(?:involved\s+in\s+the|that\s+(?:crashed|sank|derailed|collided|capsized))\b",
        (
            "whistleblower",
            "whistle-blower",
            "first such",
            "that killed",
            "anyone else",
            "reported worldwide",
            "reported internationally",
            "reported around",
            "news agencies",
            "news channel",
            "news network",
            "news outlet",
            "news media",
            "concert tour",
            "world tour",
            "national tour",
            "european tour",
            "stadium tour",
            "involved in the",
            "that crashed",
            "that sank",
            "that derailed",
            "that collided",
            "that capsized",
        ),
    ),
    _cued(
        "implanted-device-mod",
        "characteristic",
        r"magnets?\s+(?:were\s+|was\s+)?implanted|implanted\s+(?:\w+\s+)?magnets?"
        r"|(?:led|light)\s+(?:array|lights?)\s+(?:implanted\s+)?under\s+the\s+skin"
        r"|subdermal\s+(?:magnets?|led|lights?)",
        ("magnets", "magnet implant", "under the skin", "subdermal"),
    ),
    # Feats and fates few share ('struck by lightning seven times', 'six months aboard the
    # International Space Station', 'climbed all fourteen 8000-metre peaks', 'the heaviest
    # pumpkin ever recorded'; not 'the highest lactate ever recorded in our laboratory').
    _cued(
        "feat",
        "characteristic",
        r"struck\s+by\s+lightning\s+(?:on\s+)?(?:twice|(?:two|three|four|five|six|seven|eight|several"
        r"|\d+)\s+(?:separate\s+)?(?:times|occasions))\b"
        r"|aboard\s+the\s+international\s+space\s+station\b|\bin\s+orbit\b"
        r"|all\s+(?:fourteen|14)\s+8,?000[- ]?(?:metre|meter|m)\s+peaks\b|seven\s+summits\b"
        r"|(?:heaviest|largest|longest|tallest|biggest|oldest|smallest)\s+(?:[\w-]+\s+){0,4}?"
        r"ever\s+recorded\b(?!\s+(?:in|at|by)\s+(?:our|this|the)\s+(?:lab|laboratory|unit"
        r"|department|hospital|centre|center|practice))",
        # (not 'recorded' alone: notes record everything, and the pattern would run on all)
        (
            "lightning",
            "international space station",
            "in orbit",
            "8000",
            "8,000",
            "seven summits",
            "ever recorded",
        ),
    ),
    # Siblings married to siblings ('She and her three sisters are all married to four
    # brothers', 'married to identical twin brothers').
    _cued(
        "married-siblings",
        "characteristic",
        # (or without 'to': 'she and her twin sister married identical twin brothers')
        r"married\s+(?:a\s+pair\s+of\s+)?identical\s+(?:twin|triplet)\s+(?:brothers|sisters)\b"
        r"|married\s+to\s+(?:(?:two|three|four|five|\d|a\s+pair\s+of)\s+"
        # (or the twin of a late spouse: 'married to her late husband's identical twin brother')
        r"|(?:her|his)\s+(?:late\s+|former\s+)?(?:husband|wife|partner)['’]s\s+)?"
        r"(?:identical\s+)?(?:twin\s+)?"
        r"(?:brothers|sisters|(?<=twin )(?:brother|sister))\b(?!\s+of\b)",
        ("married to", "married identical", "married a pair", "who married"),
    ),
    # The one person an event is told of ('He was the diver trapped in the wreck', 'one of
    # the miners trapped underground', 'She was the teacher stabbed in the school attack');
    # not 'the pedestrian struck by a car', 'the restrained driver involved in a collision'.
    _cued(
        "one-in-an-event",
        "characteristic",
        r"(?:(?:was|is)\s+the|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?(?!patients?\b)"
        r"(?:m[ae]n|wom[ae]n|person|people|boys?|girls?|child(?:ren)?"
        r"|[a-z-]*(?:er|or|ist|ian|ant|ent)s?)\s+(?:who\s+(?:was|were)\s+)?"
        r"(?:trapped|rescued|stabbed|buried|mauled|kidnapped|abducted|swept|gored"
        r"|(?:held|taken)\s+hostage|lost\s+in)\b",
        (
            "trapped",
            "rescued",
            "stabbed",
            "buried",
            "mauled",
            "kidnapped",
            "abducted",
            "swept",
            "gored",
            "hostage",
            "lost in",
        ),
    ),
    # A family few have: a dozen or more children or siblings ('one of 19 siblings', 'has
    # fathered 31 children', 'the father of nineteen children'; not 'one of 14 children in
    # the cohort').
    _cued(
        "large-family",
        "characteristic",
        # (or the sixth of fourteen siblings)
        r"(?:fathered|mothered|sired|(?:father|mother|parent)\s+of|one\s+of"
        r"|(?:eldest|youngest|oldest|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
        r"|tenth|eleventh|twelfth|middle|last)\s+of)\s+"
        r"(?:1[2-9]|[2-9]\d|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
        r"|nineteen|twenty|thirty|forty)(?:[- ][a-z]+)??\s+(?:children|siblings|sons|daughters"
        r"|brothers|sisters|grandchildren)\b(?!\s+(?:in|from\s+(?:the|a|an|our|this)\b|who\s+(?:were|had)|enrolled"
        r"|recruited|studied|included|treated|seen))"
        # (eleven or more children raised or borne: 'raising twelve children', 'had borne 23
        # children', 'the mother of eleven children', '23 children by four wives')
        rf"|(?:mother|father|parent|grandmother|grandfather)\s+of\s+{_MANY}\s+children"
        rf"|(?:raising|fathered|mothered|bore|borne|had|has|given\s+birth\s+to)\s+{_MANY}"
        r"\s+children"
        rf"|{_MANY}\s+children\s+(?:by|with)\s+(?:\w+\s+)?(?:wives|husbands|partners|women)",
        ("children", "siblings", "sons", "daughters", "brothers", "sisters", "grandchildren"),
    ),
    # A first of a journey ('the first solo unsupported crossing of Antarctica'; not 'the
    # first crossing of the midline').
    _cued(
        "first-journey",
        "characteristic",
        # (said of a feat: not 'the first crossing of the midline')
        r"first\s+(?:(?:solo|unsupported|unassisted|recorded|known|successful|winter|female"
        r"|women['’]s|men['’]s|non-stop)\s+){1,3}(?:crossing|ascent|descent|circumnavigation"
        r"|traverse)\s+of\b",
        ("crossing", "ascent", "descent", "circumnavigation", "traverse"),
    ),
    # Horns made under the skin ('implants had been placed to form two horns').
    _cued(
        "implanted-horns",
        "characteristic",
        r"(?:to\s+form|forming)\s+(?:two\s+|a\s+pair\s+of\s+)?horns\b",
        ("horns",),
    ),
    # A family made by a surrogacy within it ('gave birth to her own grandchildren').
    _cued(
        "surrogate-in-family",
        "characteristic",
        r"(?:gave\s+birth\s+to|carried|delivered)\s+(?:her\s+own\s+)?grand(?:child|children"
        r"|sons?|daughters?)\b|surrogate\s+(?:mother\s+)?for\s+(?:her|his)\s+(?:own\s+)?"
        r"(?:twin\s+)?(?:daughter|son|sister|brother)\b"
        # ('a gestational surrogate who is also his paternal aunt')
        r"|surrogate\s+(?:mother\s+)?who\s+(?:is|was)\s+(?:also\s+)?(?:his|her|their)\s+"
        r"(?:own\s+)?(?:paternal\s+|maternal\s+)?(?:aunt|grandmother|sister|mother|cousin)\b"
        # ('the grandmother and gestational surrogate', 'gestational surrogate for her own twin
        # sister', 'surrogate carrying her own daughter's embryo')
        r"|(?:grandmother|mother|sister|aunt)\s+and\s+(?:the\s+)?(?:gestational\s+)?surrogate\b"
        r"|gestational\s+surrogate\s+for\s+(?:her\s+)?(?:own\s+)?(?:twin\s+)?(?:daughter|son"
        r"|grandchild|granddaughter|grandson|sister|brother)"
        r"|surrogate\s+carrying\s+(?:her\s+)?own\s+(?:daughter|son)['’]s\s+(?:embryo|baby|child)",
        (
            "grandchild",
            "grandchildren",
            "grandson",
            "grandsons",
            "granddaughter",
            "granddaughters",
            "surrogate",
        ),
    ),
    # A head of state, or someone at one's side ('a former head of state', 'personal
    # physician to the royal family'); a chief justice.
    _cued(
        "head-of-state",
        "characteristic",
        r"(?:former|serving|current|retired|sitting|previous)\s+(?:head\s+of\s+state"
        r"|prime\s+minister|monarch)\b|chief\s+justice\b"
        # (a country's royal family too: 'a member of the Tongan royal family')
        r"|member\s+of\s+the\s+(?:[\w'’-]+\s+)?(?:royal|ruling)\s+family\b"
        r"|(?:prince|princess|sheikh|sheikha|emir)\s+of\s+the\s+(?:[\w'’-]+\s+)?(?:ruling|royal)"
        r"\s+family\b"
        r"|(?:physician|doctor|surgeon|nurse|chef|bodyguard|photographer|dresser|chauffeur"
        r"|butler|taster)\s+to\s+the\s+(?:royal\s+family|king|queen|president|prime\s+minister"
        r"|monarch|head\s+of\s+state)\b"
        # ('employed to sample meals for the head of state')
        r"|(?:meals|food)\s+(?:\w+\s+)?for\s+the\s+head\s+of\s+state\b",
        (
            "head of state",
            "prime minister",
            "monarch",
            "chief justice",
            "royal family",
            "ruling family",
            "king",
            "queen",
            "president",
        ),
    ),
    # Seen by a nation ('went viral', 'a video viewed over 20 million times', 'a contestant
    # on a reality survival show', 'on the cover of a fashion magazine'); an office few hold
    # ('the incumbent state governor').
    _cued(
        "seen-by-a-nation",
        "characteristic",
        r"(?:went|gone|going|had\s+gone)\s+viral\b"
        r"|(?:viewed|watched|seen)\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?\d+(?:\.\d+)?\s*"
        r"(?:million|m)\s+times\b"
        r"|contestant\s+on\s+(?:a|the)\s+(?:[\w-]+\s+){0,4}?(?:show|programme|program|series"
        r"|contest|quiz)\b"
        r"|cover\s+of\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:magazine|newspaper)\b"
        r"|(?:incumbent|serving|sitting|former)\s+(?:state\s+)?governor\b"
        # ('a story covered worldwide')
        r"|covered\s+(?:worldwide|internationally|around\s+the\s+world)\b",
        ("viral", "million", "contestant", "cover of", "governor", "covered"),
    ),
    # A party to a court case ('the claimant in a celebrated court case', 'the subject of a
    # landmark court case').
    _cued(
        "party-to-a-case",
        "characteristic",
        r"(?:claimant|plaintiff|defendant|appellant)\s+in\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:case|trial|lawsuit|ruling|appeal)\b"
        r"|subject\s+of\s+(?:a|the)\s+(?:landmark|celebrated|famous|high-profile|well-known"
        r"|much-publici[sz]ed)\s+(?:court\s+|legal\s+)?(?:case|ruling|judgment|trial)\b",
        (
            "claimant",
            "plaintiff",
            "defendant",
            "appellant",
            "landmark",
            "celebrated",
            "famous",
            "high-profile",
            "well-known",
            "much-publici",
        ),
    ),
    # A tooth engraved ('a gold crown ... engraved with a small star').
    _cued(
        "engraved-tooth",
        "characteristic",
        r"(?:crowns?|teeth|tooth|grills?|grillz)\s+(?:[\w-]+\s+){0,6}?engraved\b",
        ("engraved",),
    ),
]

#: Whom a picture may show: the patient, or relatives shown with them ('photographs of the
#: mother and the proband', 'of the two sisters').
_SUBJECTS = (
    r"(?:(?:two|three|four|both)\s+)?(?:patient|child|girl|boy|infant|baby|man|woman|couple"
    r"|family|twins?|him|her|them|proband|mother|father|parents|sisters?|brothers?|siblings"
    r"|daughters?|sons?|grandmother|grandfather|grandparents|aunts?|uncles?|cousins?)"
)
#: A picture of the person, not of a lesion: 'a photograph of the patient smiling', 'a
#: wedding photograph', 'Figure 2: the patient at his sister's wedding', 'both eyes
#: visible'. Small anchored patterns, tried only where their (rare) needles are.
#: Someone's face ('his face', "the patient's face", "the child's face").
_WHOSE_FACE = r"(?:her|his|their|the\s+[a-z]+['’]s)\s+face\b"
PERSON_PHOTOGRAPH = [
    # what is said of someone's face in a picture: photographed, still identifiable, a
    # recognisable close-up ('We photographed his face', "the girl's face is still
    # identifiable"; not 'the face was photographed only to document the rash')
    _anchored(
        "face-identifiable",
        "photo",
        rf"photographed\s+{_WHOSE_FACE}"
        r"|face\s+(?:is|was|remains|remained)\s+(?:still\s+|clearly\s+|fully\s+|easily\s+)?"
        r"(?:identifiable|recogni[sz]able)\b"
        # (a recognisable photograph 'of' someone: the schema's docs speak of recognisable
        # photographs in general)
        r"|(?:recogni[sz]able|identifiable)\s+(?:close-up|portrait|likeness)\b"
        r"|(?:recogni[sz]able|identifiable)\s+(?:photo(?:graph)?|picture|image)\s+of\s+"
        r"(?:her|him|them|the\s+[a-z]+)\b",
        (
            "photographed",
            *(f"face {verb}" for verb in ("is", "was", "remains", "remained")),
            "recognisable",
            "recognizable",
            "identifiable",
        ),
    ),
    _anchored(
        "picture-of-the-person",
        "photo",
        r"(?:(?:photo(?:graph)?s?|snapshots?|pictures?|portraits?)\s+of\s+(?:the\s+)?"
        rf"{_SUBJECTS}(?:\s+(?:smiling|standing|sitting|holding|with|at|in|on|during|before"
        r"|wearing|and|show|shows|showing|demonstrate|demonstrates|illustrate|illustrates)\b"
        r"|\s*,)"
        # a picture of someone named by their trade ('a snapshot of the ferryman at the quay',
        # 'an unedited picture of the cyclist crossing the line'; not 'of the ulcer at')
        r"|(?:photo(?:graph)?s?|snapshots?|pictures?|images?|footage|video)\s+of\s+the\s+"
        rf"(?!{_NOT_PEOPLE}\b)(?:{_PERSON_NOUN}|{_TRADES_NOT_SHAPED})"
        r"(?:\s+(?:smiling|standing|sitting|holding|with|at|on|during|wearing|[a-z]+ing)\b"
        r"|\s*,)"
        r"|(?:family|wedding|school|holiday|passport(?:[- ]style)?|graduation|birthday"
        r"|party|christening|baptism|identity|ID|profile|social[- ]media)\s+"
        r"(?:photo(?:graph)?s?|snapshots?|pictures?|portraits?)"
        r"|portrait\b(?!\s+(?:mode|orientation|format|view of the (?:chest|abdomen)))"
        r"|(?:head|mug)[- ]?shots?\b"
        r"|(?:full[- ]face|en face)\s+(?:[\w-]+,?\s+){0,4}(?:photo(?:graph)?|picture|image"
        r"|view)s?)",
        (
            "photo",
            "snapshot",
            "picture",
            "image",
            "footage",
            "video",
            "portrait",
            "family",
            "wedding",
            "school",
            "holiday",
            "passport",
            "graduation",
            "birthday",
            "party",
            "christening",
            "baptism",
            "identity",
            "id",
            "profile",
            "social",
            "full",
            "en face",
            "headshot",
            "head shot",
            "head-shot",
            "mugshot",
            "mug shot",
            "mug-shot",
        ),
    ),
    _anchored(
        # a figure of the person ('Figure 2: the patient at his sister's wedding', 'Fig 2. The
        # child at age 4', 'Figure 3 (left) shows the patient smiling'), or of their face
        # ("FIGURE 4 — PATIENT'S FACE", 'fig.1 patients face'); not 'Figure 3 shows the
        # patient's chest radiograph'
        "figure-of-the-person",
        "photo",
        r"(?:figure|fig\.?)\s*\d+\w?\s*(?:\([^)]{1,12}\)\s*)?(?:[:.—–-]+\s*|\s(?:shows|showing"
        r"|depicts)\s+|(?<=\s)(?=[a-z]+(?:['’]?s)?\s+face\b))"
        r"(?:the\s+)?(?:(?:patient|child|girl|boy|infant|man|woman|couple)\s+"
        r"(?:at|aged|with|in|on|holding|smiling|laughing|and|before|during|wearing)\b"
        r"|(?:patient|child|girl|boy|infant|baby|man|woman)(?:['’]?s)?\s+face\b)",
        ("figure", "fig"),
    ),
    _anchored(
        "eyes-visible",
        "photo",
        r"(?:both\s+)?eyes\s+(?:were\s+|are\s+)?(?:not\s+masked|unmasked|visible|not\s+"
        r"(?:covered|obscured|blurred|blacked))"
        # in a caption, without a verb ('eyes uncovered'; not 'eyes were uncovered after
        # the patch was removed')
        r"|eyes\s+(?:left\s+)?(?:uncovered|unobscured|unblurred)"
        # the face's features shown ('eyes and mouth clearly visible'), a caption's 'face
        # uncovered'
        r"|eyes\s+and\s+(?:mouth|nose|face)\s+(?:were\s+|are\s+)?(?:clearly\s+|fully\s+)?"
        r"visible|face\s+(?:left\s+)?(?:uncovered|unobscured|unblurred)",
        (
            "eyes and",
            "face uncovered",
            "face left",
            "face unobscured",
            "face unblurred",
            "both eyes",
            "eyes were",
            "eyes are",
            "eyes not",
            "eyes unmasked",
            "eyes visible",
            "eyes left",
            "eyes uncovered",
            "eyes unobscured",
            "eyes unblurred",
        ),
    ),
    _anchored(
        # in a video, the person talks or looks to the camera
        "to-the-camera",
        "photo",
        r"(?:speaking|talking|looking|smiling)\s+(?:in)?to\s+(?:the\s+)?camera"
        r"|(?:walking|moving|turning|running)\s+towards?\s+(?:the\s+)?camera"
        r"|(?:looking|smiling)\s+at\s+the\s+camera"
        # 'face turned to the camera', 'introduces herself to camera'
        r"|(?:face|head)\s+turned\s+(?:towards?|to)\s+(?:the\s+)?camera"
        r"|introduc(?:es|ing|ed)\s+(?:himself|herself|themselves)\s+(?:to|on)\s+(?:the\s+)?camera"
        # a picture that says it was left unblurred ('unpixelated'; 'unmasked' is also
        # said of a disease, so only of a face or the eyes, above)
        r"|unblurred|unpixell?ated|non-blurred",
        (
            "speaking to",
            "speaking into",
            "talking to",
            "talking into",
            "looking into",
            "looking at the camera",
            "walking toward",
            "moving toward",
            "turning toward",
            "running toward",
            "smiling at the camera",
            "face turned",
            "head turned",
            "introduces",
            "introducing",
            "introduced",
            "smiling into",
            "smiling to",
            "looking to",
            "unblurred",
            "unpixelated",
            "unpixellated",
            "non-blurred",
        ),
    ),
]
SIGNALS.extend(PERSON_PHOTOGRAPH)

#: Craft whose mark or number follows their name ('the glider G-CKLM', 'vessel BF-219').
_CRAFT = (
    "vessel", "boat", "narrowboat", "cruiser", "barge", "trawler", "yacht", "ship", "ferry",
    "dinghy", "aircraft", "helicopter", "glider", "microlight", "plane", "airliner", "jet",
    "lorry", "truck",
)  # fmt: skip
#: A name written as three or more capitalised words run together, as handles are
#: ('TubeFedAndFabulous', 'DrDoomQuasar'; not 'McArdle', 'YouTube').
_CAMEL_HANDLE = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z0-9]+){2,}|[A-Z][a-z]+[A-Z][a-z]+[A-Z0-9]{2,}")
_PLATFORMS = (
    "zalo",  # (Vietnam's messaging platform: 'Zalo: toi.la.ngu.dan')
    "snapchat",
    "instagram",
    "tiktok",
    "twitter",
    "facebook",
    "youtube",
    "reddit",
    "discord",
    "twitch",
    "telegram",
    "tumblr",
    "mastodon",
    "bluesky",
    "wechat",
    "threads",
    # gaming networks ('Steam ID: crimsonfalcon1998'; 'steam inhalation' has no label)
    "steam",
    "xbox",
    "psn",
    "playstation",
    "roblox",
    "skype",
)
#: What people call someone, and how someone is known online or pictured: 'calls me Chip',
#: 'whom everyone called "Pops"', '"Little Bear", as the family called'; 'her Snapchat
#: account, kittykat.2007'; 'the patient's whole face, including the eyes'; a number in
#: groups that ends in a check digit ('encounter 9001-774-3').
SIGNALS.extend(
    [
        Recognizer(
            "called-name",
            "name",
            lazy(
                r"(?i:\b(?:calls?|called)\s+(?:me|him|her|them)\s+)[\"“'‘]?[A-Z][\w'’-]+"
                # ('He asked to be called 'Tiny'')
                r"|(?i:\b(?:to\s+be|being)\s+called\s+)[\"“'‘][A-Z][^\"”'’]{0,25}[\"”'’]"
                r"|(?i:\b(?:everyone|everybody|family|friends|parents|they|who|whom)\s+"
                r"(?:\w+\s+){0,2}called\s+)[\"“][A-Z][^\"”]{0,25}[\"”]"
                r"|(?i:called\s+)[\"“][A-Z][^\"”]{0,25}[\"”](?i:\s+(?:at home|by (?:his|her|their"
                r"|the)\b))"
                r"|[\"“][A-Z][^\"”]{0,25}[\"”],?(?i:\s+as\s+(?:\w+\s+){0,3}(?:called|calls|knew"
                r"|knows|nicknamed))"
            ),
            needles=("call",),
        ),
        Recognizer(
            "platform-handle",
            "handle",
            lazy(
                rf"(?i:\b(?:{'|'.join(_PLATFORMS)})(?:\s+(?:account|handle|user\s?name|user|profile"
                r"|channel|page|name|id|tag|gamertag)(?:\s+name)?,?\s*(?:(?:is|was|as|called|named"
                # or the platform as a label ('Discord: tidepool#0912')
                r"|:)\s*)?|\s*:\s*))"
                # ('ShadowFox#2291': a Discord name with its four-digit discriminator; a Skype
                # name 'live:marram.grass')
                # (a page's path: 'Facebook: /harbour.lights.mum')
                r"[\"“'‘]?/?(?P<id>(?:live:)?\w+(?:\.\w+)*(?:#\d{4}\b)?)"
            ),
            needles=_PLATFORMS,
            valid=lambda value: (
                any(c.isdigit() or c in "._#:" for c in value)
                or _CAMEL_HANDLE.fullmatch(value) is not None
                # ('Snapchat: redgumrider': one long word no dictionary holds)
                or (len(value) >= 8 and value.islower() and value not in words.english_words())
            ),
            group="id",
        ),
        Recognizer(
            # a code with a letter prefix right after what it numbers: 'enrolled as patient
            # R-0713', 'blood film BF-7731' (not after a verb or preposition, where such
            # codes are drugs in development: 'treated with MK-3475')
            "object-code",
            "record",
            lazy(
                r"(?i:\b(?:patient|subject|participant|case|film|slide|smear|block|isolate"
                r"|sample|tube|biopsy|culture|scan|series|encounter|visit|episode|admission"
                r"|referral|request|report|accession|chart|file|folder|notes|section|specimen"
                r"|cassette|image|record|swab|aspirate|vial|container|pot|bag))"
                # 'FS-2271', 'C/2208/17', '(UR 552-871)'
                r"\s+\(?(?P<id>[A-Z]{1,4}-\d{4,}(?:[-/]\d+)*|[A-Z]{1,4}/\d{3,}(?:/\d+)+"
                # (not 'BP 120/80': a spaced code needs two long groups and a hyphen)
                r"|[A-Z]{1,4}\s\d{3,}-\d{3,}(?:-\d+)*)\b"
            ),
            dense=True,
            group="id",
        ),
        Recognizer(
            # a number of two groups of figures after a case, slide or block it numbers
            # ('slides from case 19-4471', 'specimen 2231/18'; not a range of years, 'case
            # 3/12' or 'cases 12-15')
            "object-number",
            "record",
            lazy(
                r"(?i:\b(?:case|slide|block|specimen|accession|biopsy|cytology|autopsy"
                r"|post-mortem|report|file|chart))\s+(?:no\.?\s*)?\(?"
                r"(?P<id>\d{2,4}[-/]\d{3,6})(?![\w/-]|[.,]\d|\s*(?:%|mg|ml|mm|cm|kg|days|weeks))"
            ),
            valid=lambda value: _YEAR_RANGE.fullmatch(value) is None,
            dense=True,
            group="id",
        ),
        Recognizer(
            # a quoted name introduced as what someone goes by, in a text that names a
            # platform: 'streamed games as 'NightOwlGG' on Twitch', 'a Facebook group under
            # the name 'LupusLioness'' (not 'marketed under the name 'Voltarol'')
            "platform-quoted-name",
            "handle",
            lazy(
                r"(?i:\b(?:as|under\s+the\s+(?:user\s?|screen\s?)?name|called|named|alias))"
                # in quotes, or unquoted if shaped like a handle ('streamed as DrDoomQuasar')
                r"\s+(?P<quote>[\"“'‘])?(?P<id>(?(quote)[A-Za-z0-9][\w.#-]{2,30}"
                rf"|(?:{_CAMEL_HANDLE.pattern}|[A-Za-z]+_\w+|[A-Za-z]{{3,}}\d{{2,}})))"
                r"(?(quote)[\"”'’](?!\w)|\b)"
            ),
            needles=(*_PLATFORMS, "online", "forum", "livestream", "vlog", "blog"),
            group="id",
        ),
        Recognizer(
            # one the public knows by sight: 'she is instantly recognised', 'strangers
            # recognised him in the street' (not 'widely recognised as a cause of')
            "recognised-in-public",
            "characteristic",
            lazy(
                r"\b(?:he|she|they)\s+(?:is|was|were|are)\s+(?:\w+\s+)?(?:widely|frequently"
                r"|often|instantly|easily|readily|immediately|regularly|constantly|always"
                r"|generally|publicly)\s+recogni[sz]ed\b(?!\s+(?:as|to|that)\b)"
                r"|\brecogni[sz]e[sd]?\s+(?:him|her|them)\s+(?:in\s+(?:the\s+)?(?:street|public)"
                r"|on\s+the\s+street)"
                r"|\brecogni[sz](?:ed|able)\s+(?:in\s+public|on\s+the\s+street|by\s+(?:strangers"
                r"|the\s+public|members\s+of\s+the\s+public|passers-by|fans))",
                re.I,
            ),
            needles=("recognis", "recogniz"),
            lower=True,
        ),
        Recognizer(
            # a following online: 'a social-media influencer', '200,000 subscribers'
            "online-following",
            "characteristic",
            lazy(
                r"\b(?:influencers?|youtubers?|vloggers?|tiktokers?"
                r"|(?:social[- ]media|instagram|youtube|tiktok|online)\s+(?:star|celebrity"
                r"|personality)"
                r"|(?:\d[\d,.]*\s*[km]?|(?:thousand|million|hundred)s?)\s+(?:\w+\s+)?"
                r"(?:followers|subscribers))\b",
                re.I,
            ),
            needles=(
                "influencer",
                "youtuber",
                "vlogger",
                "tiktoker",
                "followers",
                "subscribers",
                "social media",
                "social-media",
                "instagram",
                "youtube",
                "tiktok",
                "online",
            ),
            lower=True,
        ),
        Recognizer(
            # a Reddit user name ('u/sleepless4'; 'r/' names a forum, not a person)
            "reddit-user",
            "handle",
            lazy(r"(?<![\w/])u/[A-Za-z0-9_-]{3,20}\b"),
            needles=("u/",),
        ),
        Recognizer(
            # an aircraft or vessel registration of letters only ('registration G-OXNR')
            "letter-registration",
            "vehicle",
            lazy(r"(?i:registration|reg\.)[:,]?\s+(?P<id>[A-Z]{1,2}-[A-Z]{3,5})\b"),
            needles=("registration", "reg."),
            group="id",
        ),
        Recognizer(
            # a boat's or aircraft's number after what it is ('fishing vessel BF-219', 'the
            # trawler PZ-1187'; not 'vessel M1', a segment)
            "craft-number",
            "vehicle",
            lazy(
                rf"(?:{'|'.join(_CRAFT)})"
                # (or its index or hull number: 'narrowboat, index number 511204')
                r"(?:\s+|,?\s+(?:index|hull|official|mmsi)\s+(?:number|no\.?)[:,]?\s*)"
                # (or letters only after a hyphen, as aircraft are marked: 'glider G-CKLM')
                r"(?P<id>[a-z]{1,3}[- ]?\d{3,5}[a-z]?|[a-z]{1,2}-[a-z]{3,5}|\d{5,9})\b"
            ),
            needles=_CRAFT,
            group="id",
            lower=True,
            anchored=True,
            valid=lambda value: not any(c.islower() for c in value),
        ),
        Recognizer(
            # a case's initials in brackets ('Case 2 (K.M.)'; not 'Case 2 (CT)')
            "case-initials",
            "name",
            # (tried only where its words are: they are in nearly every text)
            lazy(
                r"(?:case|patient|subject|proband)\s+\d{1,3}\s+\((?P<id>(?:[a-z]\.\s?){2,3})\)",
                re.I,
            ),
            needles=("case", "patient", "subject", "proband"),
            group="id",
            lower=True,
            anchored=True,
            valid=lambda value: value.isupper(),
        ),
        Recognizer(
            "grouped-check-digit",
            "record",
            # (or in more groups, with nine digits or more: '784-1975-6203418-2',
            # '12-345678901-2')
            lazy(r"(?<![\d-])\d{2,6}(?:-\d{2,10}){1,2}-\d(?![\d-])"),
            valid=lambda value: (
                (value.count("-") == 2 and len(value.split("-")[0]) >= 3)
                or sum(c.isdigit() for c in value) >= 9
            ),
            dense=True,
        ),
        # Anchored on their first words, so common words ('member of', 'the first') cost
        # a match at each place they occur, not a scan of the text.
        _anchored(
            "id-photograph",
            "photo",
            r"(?:identification|identity|id|passport|badge|licen[cs]e)(?:[- ]card)?\s+"
            r"(?:photo(?:graph)?|picture)s?\b",
            ("identification", "identity", "id ", "id-", "passport", "badge", "licen"),
        ),
        _anchored(
            "notable-role",
            "characteristic",
            # a public office few hold, a national record
            r"(?:(?<=cabinet )|(?<=government )|(?<=serving )|(?<=junior )|(?<=prime )"
            r"|(?<=foreign )|(?<=health )|(?<=finance ))minister"
            r"|member of (?:the )?(?:national |state |regional )?(?:parliament|senate|congress"
            r"|assembly)\b|senator|congress(?:wo)?man|national record\b"
            # the head of the biggest firm in a country
            r"|(?:(?<=head of the )|(?<=chief executive of the )|(?<=chair of the )"
            r"|(?<=chairman of the )|(?<=chairwoman of the )|(?<=president of the )"
            r"|(?<=director of the )|(?<=founder of the )|(?<=owner of the ))"
            r"(?:country|nation|state|city|town|region|island|county)['’]s\s+"
            r"(?:largest|biggest|best-known|leading|oldest|main|only)\b"
            # 'the first woman in her country to receive ...' (a person: not 'the first
            # reported case in the world', which is the report's claim, not the patient's)
            r"|the first\s+(?:[\w-]+\s+){0,2}?(?:woman|man|person|patient|child|girl|boy"
            r"|recipient|baby|infant)\b(?:\s+[\w-]+){0,6}?\s+(?:in|of)\s+(?:the|his|her|their)"
            r"\s+(?:town|village|county|city|country|island|nation|world)\b",
            (
                "minister",
                "member of",
                "senator",
                "congress",
                "national record",
                "the first",
                *(
                    f"{place}{mark}s"
                    for place in ("country", "nation", "state", "city", "town", "region")
                    for mark in "'’"
                ),
                *(f"{place}{mark}s" for place in ("island", "county") for mark in "'’"),
            ),
        ),
        _anchored(
            # prints or impressions of the hands ('prints of all ten fingers', 'a thumb
            # impression in place of a signature'; not dental impressions), a machine that
            # reads them ('the iris scanner at the border'), the person's own voice kept (a
            # voicemail, a voice note). Anchored: 'finger', 'voice' are common words.
            "biometric-kept",
            "biometric",
            r"(?:prints?\s+of\s+(?:[\w'’-]+\s+){0,3}(?:fingers|thumbs?|palms?|hands|feet|soles"
            r"|toes)"
            r"|(?:thumb|finger)[- ]?(?:impressions?|marks?)"
            r"|(?:palm|finger|fingerprint|thumbprint|iris|vein|biometric)[- ]?(?:scanners?"
            r"|readers?)"
            r"|vein-pattern"
            r"|voice[- ]?(?:messages?|notes?|mails?|memos?|clips?))\b",
            (
                "print of",
                "prints of",
                "thumb",
                "finger",
                "palm",
                "fingerprint",
                "thumbprint",
                "iris",
                "vein",
                "biometric",
                "voice",
            ),
        ),
        _anchored(
            # a person's raw genome kept as data ('the raw exome data of the proband', 'the
            # genotype file'; not 'whole-exome sequencing identified', 'raw data are
            # available on request')
            "genome-data",
            "biometric",
            r"raw\s+(?:[\w-]+\s+){0,2}(?:genome|exome|genotype|genotyping|sequence|sequencing"
            r"|snp|dna|vcf|bam|fastq|genetic)"
            r"|(?:genotype|genome|exome|vcf|bam|fastq)\s+(?:data\s+)?files?\b",
            ("raw", "genotype", "genome", "exome", "vcf", "bam", "fastq"),
        ),
        _anchored(
            "face-with-eyes",
            "photo",
            r"face,?\s+including\s+(?:the\s+|both\s+|his\s+|her\s+|their\s+)?eyes\b",
            ("face, including", "face including"),
        ),
    ]
)


_HEIGHT_HINT = re.compile(
    r"(?i:seven|eight)[- ]f|\b[78]\s?(?:ft|foot|feet|['’])|\b2\.\d+\s?m|\b2[1-9]\d\s?cm"
)
_HEIGHT_FEET = (
    r"(?:(?:seven|eight)[- ]f(?:oo|ee)t(?:[- ](?:one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven))?|[78]\s?(?:ft|foot|feet)(?:\s?\d{1,2}\s?(?:in|inches)?)?|[78]['’]\s?\d{1,2}"
    r"(?:\"|”|'')?|2\.(?:1[3-9]|[2-9]\d?)\s?m(?:etres?)?|2[1-9]\d\s?cm)"
)
SIGNALS.extend(
    [
        Recognizer(
            # a stature of seven feet or more said of the person ('The patient is a
            # seven-foot-two goalkeeper', 'he stands 7 ft 3', '2.21 m tall'; not 'a seven-foot
            # wall')
            "extreme-stature",
            "characteristic",
            lazy(
                rf"(?:(?:is|was)\s+an?\s+{_HEIGHT_FEET}(?![\w-]*\s+(?:wall|fence|drop|fall"
                r"|ladder|pole|tree|boat|snake|python|shark|hole|ceiling|gap)\b)"
                rf"|(?:stands?|stood|standing|measures|measured|measuring|height\s+(?:of|was|is))"
                rf"\s+(?:at\s+)?{_HEIGHT_FEET}|{_HEIGHT_FEET}\s+(?:tall|in\s+height))"
            ),
            needles=(
                "seven",
                "eight",
                "foot",
                "feet",
                "ft",
                "tall",
                "height",
                "stand",
                "stood",
                "measur",
                "7ft",
                "8ft",
                "7'",
                "8'",
                "7’",
                "8’",
            ),
            possible=lambda text: _HEIGHT_HINT.search(text) is not None,
            lower=True,
        ),
        Recognizer(
            # one of a multiple birth of four or more ('one of a set of quintuplets')
            "higher-multiple",
            "characteristic",
            lazy(
                # (or the parent who had them: 'gave birth to sextuplets', 'mother of quintuplets')
                # ('the youngest of identical quadruplets')
                r"(?:one\s+of|(?:youngest|eldest|oldest|first|second|third|fourth|last|middle"
                r"|smallest|largest)\s+of|is\s+an?|was\s+an?|as\s+an?|the|gave\s+birth\s+to|delivered"
                # ('They are identical quadruplets')
                r"|(?:they|who)\s+(?:are|were)"
                r"|(?:mother|father|parents?)\s+of|pregnant\s+with|carrying)\s+"
                r"(?:(?:a|the|healthy|live|her|their)\s+)?(?:set\s+of\s+)?"
                # ('a set of naturally conceived identical quadruplets')
                r"(?:naturally\s+conceived\s+|spontaneously\s+conceived\s+)?"
                r"(?:identical\s+)?(?:quadruplets?|quintuplets?|sextuplets?|septuplets?|octuplets?)"
                r"\b"
            ),
            needles=("quadruplet", "quintuplet", "sextuplet", "septuplet", "octuplet"),
            lower=True,
        ),
        Recognizer(
            # the only one of a trade in a named country ('the only Inuit cardiac surgeon in
            # Canada'; not 'the only effective treatment in Canada')
            "only-one-in-country",
            "characteristic",
            lazy(
                r"(?i:\b(?:the|one\s+of\s+the)\s+(?:only|last|sole|first)\s+(?:[\w'’-]+\s+){0,4}?"
                rf"(?!{_NOT_PEOPLE}s?\b)(?:{_PERSON_NOUN}|{_TRADES_NOT_SHAPED})s?\s+"
                r"(?:still\s+\w+\s+)?in)\s+(?P<area>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
            ),
            needles=("the only", "the last", "the sole", "the first"),
            valid=lambda value: _names_a_country(value),
        ),
    ]
)


def _names_a_country(value: str) -> bool:
    """The words after the last 'in' of the match: a country, a state or a listed place."""
    area = value.rsplit(" in ", 1)[-1].strip()
    return area in words.large_areas() or area in words.places()


#: Kept as data, or one of a kind (session 9): a person's voice said to be recognisable, an
#: audio recording of what someone says or sings, a handwritten signature, gait traces,
#: data said to identify the person, a genome deposited; a record 'ever', a public office
#: held, a named final played, an award for bravery, a birthmark of a telling shape. Each
#: is anchored on its first words.
KEPT_AND_KNOWN = [
    # A person's genome or measurements kept as data ('the patient's complete genome in VCF
    # format', 'genotype array data ... were deposited', 'for speaker-recognition analysis',
    # 'scan were stored for later identification').
    _anchored(
        "identifying-data",
        "biometric",
        r"(?:complete|whole|entire|full)\s+(?:genome|exome)\s+(?:sequence\s+)?in\s+"
        r"(?:vcf|bam|cram|fastq)\b"
        r"|(?:genotype|snp)[- ](?:array|chip)\s+data\b[^.;]{0,60}?\b(?:deposited|uploaded|shared"
        r"|posted|archived|published)\b"
        r"|speaker[- ](?:recognition|identification|verification)\b"
        # ('complete genome data ... were uploaded to the platform', 'full genome sequence of
        # the index patient')
        r"|(?:complete|whole|entire|full)\s+(?:genome|exome)\s+(?:sequence\s+)?data\b[^.;]{0,60}?"
        r"\b(?:deposited|uploaded|shared|posted|archived|published)\b"
        r"|(?:complete|whole|entire|full)\s+(?:genome|exome)\s+sequence\s+of\s+the\s+"
        r"(?:index\s+)?(?:patient|proband|child|case)\b"
        r"|(?:snp|genome-wide)\s+genotypes?\s+(?:of|from)\s+(?:the\s+)?(?:patient|proband)\b"
        # ('Iris images acquired during the study were included in the downloadable dataset')
        r"|(?:iris|retinal|fingerprint|palm[- ]?print|face|facial)\s+(?:images?|scans?|templates?"
        r"|photographs?)"
        r"\s+(?:[\w-]+\s+){0,4}?(?:were|was)\s+(?:included|deposited|uploaded|shared|published"
        r"|released)\s+(?:in|to|with|on)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:dataset|data\s+set"
        r"|repository|archive|database|developer|company|platform|consortium)\b"
        # ('Iris images captured during the study were archived with identifiers attached')
        r"|(?:iris|retinal|fingerprint|palm[- ]?print|face|facial)\s+(?:images?|scans?|templates?)"
        r"\s+(?:[\w-]+\s+){0,4}?(?:were|was)\s+(?:archived|stored|kept)\s+(?:with|alongside)\s+"
        r"(?:the\s+)?(?:patients?['’]?\s+)?(?:identifiers|names|clinical\s+data|records)\b"
        # ('bite-mark impressions were kept for forensic identification')
        r"|(?:measurements?|scans?|geometry|templates?|recordings?|images?|impressions?|casts?"
        r"|photographs?)\s+"
        r"(?:of\s+(?:the\s+)?[\w'’-]+\s+)?(?:were\s+|was\s+)?"
        r"(?:stored|kept|retained|saved|archived|held)\s+for\s+(?:later\s+|future\s+|forensic\s+)?"
        r"identification\b"
        # (scans or templates kept, not a clinical measurement: 'Hand geometry measurements
        # were normal for age')
        r"|hand[- ]geometry\s+(?:scans?|data|templates?)\b",
        (
            "complete",
            "whole",
            "entire",
            "full",
            "genotype",
            "snp",
            "speaker",
            "hand",
            "hand-geometry",
            "snp",
            "genome-wide",
            "iris",
            "retinal",
            "fingerprint",
            "palm",
            "face",
            "facial",
            "measurement",
            "scan",
            "geometry",
            "template",
            "recording",
            "image",
            "impression",
            "cast",
            "photograph",
        ),
    ),
    _anchored(
        "voice-and-signature",
        "biometric",
        r"(?:voice\s+(?:is\s+|was\s+)?(?:clearly\s+|instantly\s+|easily\s+|immediately\s+"
        r"|fully\s+)?(?:recogni[sz]able|identifiable)"
        # 'the audio file of his speech' (not of heart, breath or bowel sounds)
        r"|audio\s+(?:files?|recordings?|clips?|tracks?)\s+of\s+(?:the\s+patient['’]s|his|her"
        r"|their|the\s+\w+['’]s|him|them|the\s+patient)\b(?!\s+(?:\w+\s+)?(?:heart|lung"
        r"|breath|bowel|chest|cough))"
        r"|supplementary\s+audio\s+\d"
        r"|handwritten\s+signatures?"
        r"|gait\s+(?:recordings?|traces?)\b(?!\s+(?:showed|shows|revealed|were\s+normal))"
        r"|(?:genome|exome)\s+sequences?\s+(?:was|were|is|has\s+been)\s+(?:deposited|uploaded"
        r"|shared|posted|published|made\s+public)"
        # a genotype across a panel of markers, a sequence of someone's DNA given in full
        # ('her SNP-panel genotype', 'the mitochondrial DNA sequence … is reported in full';
        # not 'the SNP array showed a deletion', 'the genotype of the proband is shown')
        r"|(?:snp|str|microsatellite)[- ](?:panel|array|marker)s?\s+(?:genotypes?|profiles?"
        r"|haplotypes?)"
        r"|genotypes?\s+(?:across|from|at|on|over)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:snp|str|microsatellite)s?\b"
        # genome-wide genotypes or a whole genome's sequence of a person ('the genome-wide
        # SNP genotypes of the proband', 'the complete mitochondrial genome sequence of the
        # patient'; not 'genome-wide SNP genotyping showed', 'of the isolate')
        r"|(?:genome-wide|genomewide)\s+(?:snp\s+)?genotypes?\s+of\s+(?:the\s+)?"
        r"(?:patient|proband|index\s+case|child|boy|girl|infant|man|woman|mother|father)\b"
        r"|(?:mitochondrial\s+|nuclear\s+|whole\s+|complete\s+|full\s+)*genome\s+sequences?"
        r"\s+of\s+(?:the\s+)?(?:patient|proband|index\s+case|child|boy|girl|infant|man|woman"
        r"|mother|father)\b"
        r"|(?:dna|mtdna|genome|genomic)\s+sequences?\s+(?:[\w-]+\s+){0,6}?(?:(?:is|are|was"
        r"|were)\s+)?(?:reported|given|listed|reproduced|shown|published|provided|printed)\s+in"
        r"\s+full"
        # the ridge patterns of each digit (a fingerprint; not 'dermatoglyphic abnormalities')
        r"|(?:dermatoglyphic|ridge|fingerprint)\s+patterns?\s+(?:of|on)\s+(?:each|every|all"
        r"|both|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:fingers?|fingertips?|digits?"
        r"|thumbs?|palms?)\b"
        # a gait said to be recognisable ('his gait is distinctive enough to be recognised';
        # not 'the gait was recognised as ataxic')
        r"|gait\s+(?:[\w-]+\s+){0,4}?(?:to\s+be|can\s+be|could\s+be|is|was)\s+(?:easily\s+)?"
        r"(?:recogni[sz]ed|recogni[sz]able|identifiable)(?!\s+as\b))\b",
        (
            "voice",
            "audio",
            "supplementary audio",
            "handwritten",
            "gait",
            "genome",
            "genome-wide",
            "genomewide",
            "mitochondrial",
            "nuclear",
            "whole",
            "complete",
            "full",
            "exome",
            "snp",
            "str",
            "microsatellite",
            "genotype",
            "dna",
            "mtdna",
            "genomic",
            "dermatoglyphic",
            "ridge",
            "fingerprint",
        ),
    ),
    _anchored(
        "identifying-data",
        "biometric",
        # data said to single the person out ('traces that uniquely identify the participant')
        r"(?:(?:traces?|data|recordings?|profiles?|templates?|files?|signals?)\s+(?:that|which)"
        r"\s+(?:could\s+|can\s+|may\s+|might\s+|would\s+)?(?:uniquely\s+)?(?:identify"
        r"|identifies|single\s+out|singles\s+out)\s+(?:the|him|her|them)\b"
        # what identified the dead ('used to identify the remains', 'the body was identified
        # from dental records'; not 'to identify the source')
        r"|identif(?:y|ied)\s+(?:the\s+)?(?:body|bodies|remains|deceased|corpse|victims?)\b"
        r"|(?:body|remains|deceased|corpse|victim)\s+(?:was|were|had\s+been)\s+identified\s+"
        r"(?:by|from|through|using|with)\b"
        # a trace matched to a part of someone's body ('matched to the lodger's right thumb')
        r"|matched\s+to\s+(?:the\s+[a-z]+['’]s|his|her|their)\s+(?:left\s+|right\s+)?"
        r"(?:(?:index|middle|ring|little)\s+)?(?:fingers?|thumbs?|palms?|hands?|fingerprints?"
        r"|prints?|face|iris|irises|dna|teeth)\b)",
        (
            "traces",
            "trace",
            "data",
            "recording",
            "profile",
            "template",
            "file",
            "signal",
            "identify",
            "identified",
            "body",
            "remains",
            "deceased",
            "corpse",
            "victim",
            "matched to",
        ),
    ),
    _anchored(
        "record-ever",
        "characteristic",
        rf"(?:{'|'.join(_FIRSTS)})\s+(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(_FIRST_WHO)})\s+ever\s+to\b",
        _FIRSTS,
    ),
    _anchored(
        "office-held",
        "characteristic",
        # 'the bishop of the diocese', 'ambassador to the United Nations', 'the elected
        # chief of her tribal nation' (not 'the chief of surgery')
        r"(?:(?:bishop|archbishop|governor|ambassador|chief\s+constable|head\s?teacher|judge"
        r"|high\s+commissioner)\s+(?:of|to)\s+(?:the|his|her|their)\b"
        r"|chief\s+of\s+(?:the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:tribe|tribal|nation"
        r"|clan|village|band|people|community)\b)",
        (
            "bishop",
            "archbishop",
            "governor",
            "ambassador",
            "chief",
            "head teacher",
            "headteacher",
            "judge",
            "high commissioner",
        ),
    ),
    _anchored(
        "named-final",
        "characteristic",
        # a final the world watches, an award for bravery
        r"(?:(?:world\s+cup|super\s+bowl|stanley\s+cup|champions\s+league|fa\s+cup"
        r"|grand\s+final|cup)\s+finals?"
        r"|(?:bravery|gallantry|heroism)\s+(?:awards?|medals?)"
        r"|(?:awards?|medals?)\s+for\s+(?:bravery|gallantry|heroism))\b",
        (
            "world cup",
            "super bowl",
            "stanley cup",
            "champions league",
            "fa cup",
            "grand final",
            "cup final",
            "bravery",
            "gallantry",
            "heroism",
            "award",
            "medal",
        ),
    ),
    _anchored(
        "shaped-mark",
        "characteristic",
        # a mark whose shape is told ('a port-wine stain shaped like the map of Africa'; not
        # a rash shaped like a butterfly, a finding)
        r"(?:birthmarks?|port[- ]wine\s+stains?|naev[iu]s|nev[iu]s|scars?|moles?)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:shaped\s+like|in\s+the\s+shape\s+of)\b",
        ("birthmark", "port-wine", "port wine", "naev", "nev", "scar", "mole"),
    ),
]


def _merged(name: str, parts: list[Recognizer]) -> Recognizer:
    """One anchored recognizer for several of one category: each recognizer costs a test of
    its needles on every text, so a few small patterns cost less as one."""
    return _anchored(
        name,
        parts[0].category,
        "|".join(f"(?:{part.regex.pattern})" for part in parts),
        tuple(dict.fromkeys(needle for part in parts for needle in part.needles)),
    )


SIGNALS.extend(
    [
        _merged("kept-as-data", [r for r in KEPT_AND_KNOWN if r.category == "biometric"]),
        _merged("known-for", [r for r in KEPT_AND_KNOWN if r.category == "characteristic"]),
        _merged("notable-by-frame", NOTABLE_BY_FRAME),
        *NOTABLE_BY_CUE,
    ]
)


#: Capitals after 'DR' in a device's model name: modes and scans ('DR MRI', 'DR ICD').
_DEVICE_CODES = frozenset("MRI CT ICD CRT CRT-D VVI DDD AAI SR XT".split())  # noqa: SIM905


def _surname_in_other_case(word: str) -> bool:
    """'jackson' after 'ms.', 'PETROV'S' after 'DR': a surname, not an ordinary word."""
    bare = re.sub(r"['’]s$", "", word, flags=re.I)
    parts = bare.split("-")
    if len(parts) == 2 and all(len(part) > 1 and part.isalpha() for part in parts):
        # a double-barrelled surname ('mrs hargreave-lowe'): not every part ordinary English
        return any(part.lower() not in words.english_words() for part in parts)
    if bare.upper() in _DEVICE_CODES:
        return False  # a pacemaker's model ('Azure XT DR MRI'), not Dr Mri
    return bare.lower() not in words.english_words() and (
        bare.title() in words.surnames() or (bare.isupper() and len(bare) > 2)
    )


def _unlisted_surname(word: str) -> bool:
    """'fennimore' after 'dr': a word in lower case that is neither English nor medical."""
    return (
        word.isalpha()
        and word not in words.english_words()
        and word not in words.medical_words()
        and any(vowel in word for vowel in "aeiouy")
    )


#: A title in capitals or in lower case, which the run of capitalised words does not see:
#: 'DR PETROV'S ENTRY', 'ms. jackson, the school nurse'.
TITLE_OTHER_CASE = Recognizer(
    "title-other-case",
    "name",
    lazy(
        r"(?<![\w.])(?:DR|MRS?|MISS|PROF|dr|mrs?|ms|miss|prof)\.?\s+"
        r"(?P<id>[a-z][a-z'’-]+|[A-Z][A-Z'’-]+)(?!\w)"
    ),
    needles=("dr.", "dr ", "mr.", "mr ", "mrs", "ms.", "miss ", "prof.", "prof "),
    valid=_surname_in_other_case,
    group="id",
)
SIGNALS.append(TITLE_OTHER_CASE)


def _quoted_name(word: str) -> bool:
    """'Bubba', 'Ziggy': a name or a word that is neither English nor medical."""
    return word in words.given_names() or (
        word.lower() not in words.english_words() and word.lower() not in words.medical_words()
    )


#: A name in quotes before what only a person does ('"Bubba" refused further blood tests',
#: '“Ziggy” insisted on walking'; not 'the term "Pseudotumour" declined in use').
SIGNALS.append(
    Recognizer(
        "quoted-name-verb",
        "name",
        lazy(
            # (not a word named as a word: 'the term "Pseudotumour" declined in use')
            r"(?<!term )(?<!word )(?<!name )(?<!label )(?<!terms )(?<!words )"
            r"[\"“](?P<id>[A-Z][a-z]{2,12})[\"”]\s+(?:refused|declined|insisted|told|asked"
            r"|agreed|wanted|complained|denied|cried|shouted|screamed|replied|admitted|wept"
            r"|laughed|begged|pleaded)\b"
        ),
        needles=('"', "“"),
        valid=_quoted_name,
        group="id",
    )
)
#: Notes type surnames the lists do not hold after a title in lower case ('seen by dr
#: fennimore'); not after 'mr' or 'ms', which are also magnetic resonance and multiple
#: sclerosis ('MR angiography', 'ms relapse').
SIGNALS.append(
    Recognizer(
        "lower-title-surname",
        "name",
        lazy(r"(?<![\w.])(?:dr|mrs|miss|prof)\.?\s+(?P<id>[a-z]{4,})\b(?![-'’])"),
        needles=("dr.", "dr ", "mrs", "miss ", "prof.", "prof "),
        valid=_unlisted_surname,
        group="id",
    )
)


def _given_names_in_lower_case(value: str) -> bool:
    """'wilma', 'jan-willem': each part a given name in lower case."""
    return all(_given_name_in_lower_case(part) for part in value.split("-"))


SIGNALS.append(
    # A given name in lower case after what a note calls a patient or a nurse ('pt
    # jan-willem c/o pain', 'entered by nurse wilma van den broek').
    Recognizer(
        "lower-role-given-name",
        "name",
        lazy(r"(?<![\w.])(?:pt|nurse|physio)\.?\s+(?P<id>[a-z]{3,}(?:-[a-z]{3,})?)\b(?![-'’])"),
        # (not 'sister': 'Sister Mary Joseph nodule')
        needles=("pt ", "pt.", "nurse ", "physio ", "physio."),
        valid=_given_names_in_lower_case,
        group="id",
        lower=True,
    )
)


def _given_name_in_lower_case(word: str) -> bool:
    """'rohan', 'dimitri' in brackets after 'the child': a given name, not an ordinary or
    medical word ('the child (sleeping)', 'the patient (aged 40)')."""
    return (
        len(word) > 2
        and word not in words.english_words()
        and word not in words.medical_words()
        and word.title() in words.given_names()
    )


_BRACKETED_PEOPLE = (
    "pt",
    "patient",
    "child",
    "boy",
    "girl",
    "baby",
    "infant",
    "man",
    "woman",
    "mother",
    "father",
    "mum",
    "dad",
    "son",
    "daughter",
    "wife",
    "husband",
    "partner",
    "brother",
    "sister",
    "twin",
    "friend",
)
#: A given name typed in lower case in brackets after the person it names ('the pt
#: (dimitri)', 'her son (rohan)'), which the run of capitalised words does not see.
LOWER_NAME_IN_BRACKETS = Recognizer(
    "lower-name-in-brackets",
    "name",
    # (the pattern starts at the bracket, which the engine finds fast, and looks behind it
    # for the person: one fixed-width look-behind per word)
    lazy(
        r"\((?:"
        + "|".join(f"(?<=(?i:\\b{who}){gap}\\()" for who in _BRACKETED_PEOPLE for gap in ("", " "))
        + r")\s*(?P<id>[a-z][a-z'’-]+)\s*\)"
    ),
    needles=("(",),
    valid=_given_name_in_lower_case,
    group="id",
)
SIGNALS.append(LOWER_NAME_IN_BRACKETS)


def _bracketed_name(word: str) -> bool:
    """'Ingrid', 'Gwenllian' in brackets after a case or a role: a given name or a word of no
    list, not an ordinary, medical or clinical word ('Case 3 (Turner)', 'Case 2 (Familial)')."""
    return not (word.lower() in words.english_words() or words.clinical_term(word))


_NAME_IN_BRACKETS = re.compile(r"\([A-Z][a-z'’-]{2,20}\)")
#: Roles of care and study a note names a person after, in brackets ('Physio (Gwenllian)',
#: 'OT (Rhiannon)', 'Case 2 (Tomasz)', 'Sibling 3 (Ingrid)').
_BRACKET_ROLES = (
    "physio",
    "physiotherapist",
    "nurse",
    "ot",
    "salt",
    "gp",
    "dietitian",
    "dietician",
    "pharmacist",
    "midwife",
    "hca",
    "carer",
    "consultant",
    "registrar",
    "surgeon",
    "doctor",
    "social worker",
    "therapist",
    "key worker",
    "keyworker",
    "chaplain",
    "interpreter",
    "health visitor",
    "proband",
    "sibling",
    "twin",
    "donor",
)
SIGNALS.append(
    Recognizer(
        "name-in-brackets-after-role",
        "name",
        lazy(
            r"(?i:\b(?:(?:case|patient|pt|sibling|proband|twin|subject|participant|child"
            rf"|donor)\s+\d{{1,3}}|{'|'.join(_BRACKET_ROLES)}|{'|'.join(_BRACKETED_PEOPLE)}))"
            r"\s?\((?P<id>[A-Z][a-z'’-]{2,20})\)"
        ),
        needles=("(",),
        possible=lambda text: _NAME_IN_BRACKETS.search(text) is not None,
        valid=_bracketed_name,
        group="id",
    )
)


def _caret_between_names(text: str) -> bool:
    """A caret between a letter and a capital ('KOWALCZYK^MAREK'; not '10^9/L')."""
    at = text.find("^")
    while at != -1:
        if 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isupper():
            return True
        at = text.find("^", at + 1)
    return False


#: A person's name as DICOM writes it, family and given names joined by carets
#: ('KOWALCZYK^MAREK', 'Branagh^Ciara^M'; not '10^9/L', 'e^x').
SIGNALS.append(
    Recognizer(
        "dicom-person-name",
        "name",
        lazy(r"(?<![\w^])[A-Z][A-Za-z'’-]+\^[A-Z][A-Za-z'’-]+(?:\^[A-Za-z'’.-]*)*"),
        # (no needle: a search for the caret costs less than one more needle in the scan)
        possible=lambda text: _caret_between_names(text),
    )
)
#: A quoted name said to be someone's name ('whether "Perpetua" is the child's real name').
SIGNALS.append(
    Recognizer(
        "quoted-real-name",
        "name",
        lazy(
            r"[\"“](?P<id>[A-Z][a-z'’-]{1,20})[\"”]\s+(?:is|was|are|were)\s+(?:(?:the\s+)?"
            r"(?:patient|child|baby|boy|girl|mother|father|woman|man|family|infant)['’]s|her|his"
            r"|their)\s+(?:(?:real|actual|true|full|legal|own|first|given|middle|last|family"
            r"|christian|pet)\s+)*(?:name|nickname)\b"
        ),
        needles=('"', "“"),
        group="id",
    )
)

#: Relatives and others a note names a person after ('her brother tobias', 'sister-in-law
#: "Bev"').
_RELATIVES = (
    "husband",
    "wife",
    "son",
    "daughter",
    "mum",
    "mom",
    "mam",
    "dad",
    "mother",
    "father",
    "sister",
    "brother",
    "partner",
    "friend",
    "nephew",
    "niece",
    "aunt",
    "uncle",
    "cousin",
    "grandson",
    "granddaughter",
    "boyfriend",
    "girlfriend",
    "neighbour",
    "neighbor",
    "carer",
    "flatmate",
    "housemate",
    "roommate",
)
_RELATIVE = rf"(?:{'|'.join(_RELATIVES)})(?:-in-law)?"
#: A given name before what the person is to the patient, in commas ('magnus, the patient's
#: elder brother,'; 'rose, the patient's younger sister'), in either case.
SIGNALS.append(
    Recognizer(
        "name-before-relative",
        "name",
        lazy(
            r"(?<![\w'’-])(?P<id>[A-Za-z][a-z'’-]{2,20}),\s+(?:the\s+(?:patient|child|baby|boy"
            r"|girl|infant)['’]s|her|his|their)\s+(?:(?:older|younger|elder|eldest|youngest|twin"
            rf"|half|step|only|identical|adoptive|adopted|late)[- ])*(?:{_RELATIVE}|stepmother"
            r"|stepfather|grandmother|grandfather|grandparent|stepson|stepdaughter)s?\b(?!['’])"
        ),
        needles=(
            ", the patient's",
            ", the patient’s",
            ", her ",
            ", his ",
            ", their ",
            ", the child",
        ),
        valid=lambda value: (
            value.title() in words.given_names() and value.lower() not in words.medical_words()
        ),
        group="id",
    )
)
#: A given name typed in lower case after a relative or a call ('pt's husband kwame says',
#: 'i spoke to marguerite', 'ask for linda'): the run of capitalised words does not see it.
LOWER_NAME_AFTER_CUE = Recognizer(
    "lower-name-after-cue",
    "name",
    lazy(
        # (in commas too: "the patient's flatmate, jo, who found him")
        rf"(?:{_RELATIVE}(?:,(?=\s+[a-z][a-z'’-]+,))?|(?:spoke|speak|speaking|talked|talk"
        r"|talking)\s+(?:to|with)|ask(?:ed)?\s+for)\s+(?P<id>[a-z][a-z'’-]+)\b",
        re.I,
    ),
    needles=(*_RELATIVES, "spoke", "speak", "talk", "ask"),
    valid=lambda value: value.islower() and _given_name_in_lower_case(value),
    group="id",
    lower=True,
    anchored=True,
)
#: Kinds of name a person goes by ('his street name was "Smokey"', 'her stage name is').
_NAME_KINDS = (
    "street", "stage", "nick", "pet", "ring", "pen", "road", "rap", "drag", "gamer", "online",
    "call", "first", "given", "preferred", "real", "fighting", "trail",
)  # fmt: skip
#: A nickname in quotes after a relative or what someone goes by or is called ('her nephew
#: "Robbo"', 'who goes by "Jaz"', 'everyone knew him as "Sparky"', 'introduced himself as
#: "Mack"', 'his street name was "Smokey"', 'asked to be called "Princess"').
QUOTED_NICKNAME = Recognizer(
    "quoted-nickname",
    "name",
    lazy(
        rf"(?:{_RELATIVE},?|(?:goes|go|going|went)\s+by|(?:knew|know|knows|call|calls)\s+"
        r"(?:him|her|them)\s+as|introduc(?:ed|es|ing)\s+(?:him|her|them|my|your)sel(?:f|ves)"
        rf"\s+as|(?:{'|'.join(_NAME_KINDS)})[- ]?name\s+(?:was|is|had\s+been)(?:\s+given\s+as)?"
        # ('insisted the child be called "Princess"'; not 'the so-called "Hamburger" sign')
        r"|(?:(?<=\bbe )|(?<=\bis )|(?<=\bwas )|(?<=\bwere )|(?<=\bbeing )|(?<=\bbeen ))called)"
        r"\s+[\"“](?P<id>[a-z][\w'’-]{0,20})[\"”]",
        re.I,
    ),
    needles=(
        *_RELATIVES,
        "goes by",
        "go by",
        "going by",
        "went by",
        "knew",
        "know",
        "call",
        "introduc",
        *_NAME_KINDS,
    ),
    valid=lambda value: value[:1].isupper(),
    group="id",
    lower=True,
    anchored=True,
)
#: A name in quotes before how people knew the person ('"Bubba" — as he was known —',
#: '"Dutch", as the ward knew him,').
QUOTED_AS_KNOWN = Recognizer(
    "quoted-as-known",
    "name",
    lazy(
        r"[\"“](?P<id>[A-Z][\w'’-]{1,20})[\"”]\s*[—–,(-]*\s*as\s+(?:(?:he|she|they)\s+(?:was"
        r"|were|is|are)\s+(?:known|called)|(?:[\w'’]+\s+){1,2}(?:knew|know|called|call)\s+"
        r"(?:him|her|them))\b"
    ),
    needles=('"', "“"),
    possible=lambda text: " as " in text,
    group="id",
)
#: A name said in speech ('"Mam, it's Ffion," she said'): a capitalised word that is no
#: ordinary or medical word after 'it's', 'this is', 'I'm', 'my name is', before a stop.
SAID_NAME = Recognizer(
    "said-name",
    "name",
    lazy(r"(?i:\b(?:it['’]s|this\s+is|i['’]m|my\s+name\s+is))\s+(?P<id>[A-Z][a-z]{2,})(?=[,.!?])"),
    needles=("it's", "it’s", "this is", "i'm", "i’m", "my name is"),
    valid=lambda value: (
        value.lower() not in words.english_words() and value.lower() not in words.medical_words()
    ),
    group="id",
)
#: Initials with stops opening a sentence before what is said of a person ('J.T.K. is a
#: right-handed man', "R.O'C. had been"); not 'U.K. has', 'U.S. was'.
_NOT_PERSON_INITIALS = frozenset(["US", "UK", "EU", "UN", "USA", "UAE", "DC", "AD", "BC", "NB"])
_PERSON_VERBS = (
    "is",
    "was",
    "had",
    "has",
    "presented",
    "reported",
    "underwent",
    "developed",
    "complained",
    "attended",
    "noticed",
    "recalled",
    "lives",
    "lived",
    "works",
    "worked",
)
_STOP_BEFORE_VERB = re.compile(rf"\.\s+(?:{'|'.join(_PERSON_VERBS)})\b")
#: Initials then an age in commas, or initials in a table's cell ('Z.K., 41,', '| J.R. |').
_DOTTED_AGE_OR_CELL = re.compile(r"[A-Z]\.(?:,\s\d{1,3}\s*[,;]|\s\|)")
DOTTED_INITIALS = Recognizer(
    "dotted-initials",
    "name",
    lazy(
        r"(?<![\w.'’])(?P<id>[A-Z]\.(?:\s?[A-Z](?:['’][A-Z])?\.){1,3})"
        rf"(?=\s+(?:{'|'.join(_PERSON_VERBS)})\b"
        # (or an age in commas after them, or a table's cell round them)
        r"|,\s\d{1,3}\s*[,;]|(?<=\|\s[A-Z]\.[A-Z]\.)\s\||(?<=\|\s[A-Z]\.[A-Z]\.[A-Z]\.)\s\|)"
    ),
    # (a stop before the verb first: a pattern that starts with a literal is found fast,
    # where sixteen needles of punctuation would each cost a search of the text)
    possible=lambda text: (
        _STOP_BEFORE_VERB.search(text) is not None
        or ((".," in text or ". |" in text) and _DOTTED_AGE_OR_CELL.search(text) is not None)
    ),
    valid=lambda value: re.sub(r"[^A-Z]", "", value) not in _NOT_PERSON_INITIALS,
    group="id",
)
SIGNALS.extend([LOWER_NAME_AFTER_CUE, QUOTED_NICKNAME, QUOTED_AS_KNOWN, SAID_NAME, DOTTED_INITIALS])
#: What a form's or a table's name field holds ('Name | SHARMA, Anil | Sex', 'Patient name:
#: Hollis Quade'): the value after the label, when it has a capital and is no placeholder
#: ('Name: withheld', 'Name: XX') or the next column's heading ('| Name | Dose |'). Not a
#: label after a word ('Drug name:', 'Trade name:').
_NOT_A_NAME_VALUE = (
    r"not|n/?a|none|nil|withheld|redacted|anonymi[sz]ed|unknown|patient|the|omitted|removed"
    r"|deleted|hidden|confidential|age|sex|gender|dob|date|dose|result|value|role|title|id"
    r"|mrn|number|address|relationship|diagnosis|ward|unit|units|notes?|comments?|initials"
    r"|surname|first|given|signature|drug|medication|test|x{2,}|\*{2,}"
)
SIGNALS.append(
    Recognizer(
        "labelled-name",
        "name",
        lazy(
            r"(?<![a-z]\s)(?<![a-z'’-])(?:(?:patient(?:['’]s)?|full)\s+)?(?:name|nome|nombre|naam)"
            r"(?:\s+of\s+(?:the\s+)?patient)?\s*[:|]\s*"
            rf"(?!(?:{_NOT_A_NAME_VALUE})\b)"
            rf"(?P<id>[^\W\d_][\w'’.-]*(?:,?[^\S\n]+(?!(?:{_NOT_A_NAME_VALUE})\b)"
            r"[^\W\d_][\w'’.-]*){0,2})"
        ),
        needles=("name", "patient name", "patient's name", "full name", "nome", "nombre", "naam"),
        valid=lambda value: any(c.isupper() for c in value),
        group="id",
        lower=True,
        anchored=True,
    )
)


def _not_a_word(value: str) -> bool:
    """A value that is no English or clinical word ('Sutrisno', not 'Male' or 'Alert')."""
    return all(_bracketed_name(part) for part in value.split())


SIGNALS.append(
    # A name after a note's patient label, before the age ('Pt: Sutrisno, 52 y/o M').
    Recognizer(
        "patient-label-name",
        "name",
        lazy(
            r"(?<!\w)(?:Pt|PT|pt|Patient|patient)\s*:\s*"
            r"(?P<id>[A-Z][a-z'’-]{2,}(?:\s+[A-Z][a-z'’-]{2,})?),\s*\d{1,3}\s*"
            r"(?:y/?o|yo|y\.o\.|yrs?|years?|y\b|[MF]\b)"
        ),
        needles=("pt:", "pt :", "patient:", "patient :"),
        valid=_not_a_word,
        group="id",
    )
)

_VEHICLES = (
    "vehicle",
    "bus",
    "boat",
    "trawler",
    "yacht",
    "car",
    "van",
    "ute",
    "truck",
    "lorry",
    "pickup",
    "pick-up",
    "scooter",
    "moped",
    "motorbike",
    "motorcycle",
    "bike",
    "tractor",
    "quad",
    "taxi",
    "cab",
    "jeep",
    "rover",
    "hatchback",
    "saloon",
    "suv",
    "caravan",
    "campervan",
    "trailer",
)
#: Measures a note writes as capitals and a number, after the vehicle of an accident ('moto
#: vs car, GCS 15,'): no plate.
_CLINICAL_MEASURES = frozenset(
    "GCS HR BP RR SBP DBP ISS NEWS NEWS2 EWS PEWS AVPU RTS CRP HB WCC BM SATS SPO2 TEMP".split()  # noqa: SIM905
)
#: A plate in commas after the vehicle it is on ('The ute, BX47 KL, rolled', 'an old Land
#: Rover, N447 KJB,'): letters and digits in groups, in capitals.
PLATE_AFTER_VEHICLE = Recognizer(
    "plate-after-vehicle",
    "vehicle",
    lazy(
        # (or in brackets: 'The motorbike (RN 4512 N) had no working front brake')
        rf"(?:{'|'.join(_VEHICLES)})s?(?:,\s+|\s\()"
        r"(?P<id>[a-z0-9]{1,4}(?:[ -][a-z0-9]{1,4}){1,2})"
        r"(?=\s*[,)])",
        re.I,
    ),
    needles=(*(f"{vehicle}," for vehicle in _VEHICLES), *(f"{vehicle} (" for vehicle in _VEHICLES)),
    valid=lambda value: (
        any(c.isdigit() for c in value)
        and any(c.isalpha() for c in value)
        and not any(c.islower() for c in value)
        and re.split(r"[ -]", value)[0] not in _CLINICAL_MEASURES
    ),
    group="id",
    lower=True,
    anchored=True,
)
SIGNALS.append(PLATE_AFTER_VEHICLE)
#: A plate right after the vehicle, in capitals, letters and digits mixed ('driver of vehicle
#: 8BKT224'); not a model ('car 2', 'a BMW X5').
SIGNALS.append(
    Recognizer(
        "plate-right-after-vehicle",
        "vehicle",
        lazy(
            r"(?:vehicle|car|van|truck|lorry|motorcycle|motorbike|boat|trawler|bus|minibus|taxi"
            r"|taxi-moto|moto-taxi|boda-boda|tuk-tuk|matatu|jeepney|rickshaw)\s+"
            # ('the minibus taxi CA 482-193': a hyphenated last group)
            r"(?P<id>[a-z0-9]{2,4}\s[a-z0-9]{2,5}(?:-[a-z0-9]{2,4})?|[a-z0-9]{5,8})\b"
            r"(?!\s+(?:times|mph|km|miles))",
            re.I,
        ),
        needles=(
            "vehicle",
            "car",
            "van",
            "truck",
            "lorry",
            "motorcycle",
            "motorbike",
            "boat",
            "trawler",
            "bus",
            "minibus",
            "taxi",
            "moto-taxi",
            "boda-boda",
            "tuk-tuk",
            "matatu",
            "jeepney",
            "rickshaw",
        ),
        valid=lambda value: (
            value.isupper()
            and sum(c.isdigit() for c in value) >= 2
            and sum(c.isalpha() for c in value) >= 2
        ),
        group="id",
        lower=True,
        anchored=True,
    )
)
#: A LinkedIn profile's path ('LinkedIn handle /in/diving-doc-aus').
SIGNALS.append(
    Recognizer(
        "profile-path",
        "handle",
        lazy(r"(?<![\w/])/in/[a-z0-9][a-z0-9-]{2,}"),
        inside=("/in/",),
        possible=lambda text: "/in/" in text,
    )
)
#: A picture of the whole face or one taken to identify ('a frontal face photograph', 'full
#: face with periorbital oedema, no eye bar applied', 'the custody photograph').
SIGNALS.append(
    _cued(
        "face-picture",
        "photo",
        r"(?:frontal|full)[- ]face\s+(?:(?:clinical\s+)?(?:photograph|photo|image|picture|view"
        r"|portrait)s?\b|with\b)"
        r"|custody\s+(?:photograph|photo|picture|image)s?\b|mug\s?shots?\b"
        r"|no\s+eye\s+bars?\s+(?:applied|used|placed)\b"
        r"|(?:patient|person|child|man|woman|boy|girl)\s+in\s+profile\s+and\s+en\s+face\b"
        # a film of the whole face ('interview filmed face-on', 'a face-on video')
        r"|(?:filmed|videoed|video-recorded)\s+(?:\w+\s+){0,2}?face[- ]on\b"
        r"|face[- ]on\s+(?:video|film|recording)s?\b"
        # in Indonesian, Malay, Portuguese and Spanish ('Foto wajah pasien', 'fotografia do
        # rosto')
        r"|foto\s+(?:wajah|muka)\b|fotografia\s+do\s+rosto\b|fotograf[ií]a\s+del\s+rostro\b"
        r"|foto\s+(?:do|del)\s+rostro?\b"
        # a picture in which everyone's face shows ('with her family, all faces visible')
        r"|all\s+faces\s+(?:are\s+|were\s+)?(?:clearly\s+)?visible\b"
        # ('Photo of patient face in front view')
        r"|photo(?:graph)?\s+of\s+(?:the\s+)?patient['’]?s?\s+(?:whole\s+|full\s+)?face\b"
        r"(?!\s+(?:with|showing\s+only)\b)"
        # an editor's word that a mask fails ('the black bar over the eyes does not prevent
        # recognition of the patient')
        r"|(?:does|do|did|would|will)\s+not\s+(?:prevent|preclude|stop)\s+(?:recognition"
        r"|identification)\s+of\s+(?:the\s+)?(?:patient|child|person|man|woman|boy|girl)\b",
        (
            "face",
            "custody",
            "mug",
            "mugshot",
            "eye",
            "foto",
            "fotograf",
            "not prevent",
            "not preclude",
            "not stop",
        ),
    )
)
#: A reviewer's or editor's word that a picture shows who the patient is ('the patient is
#: recognisable'; not 'is not identifiable').
SIGNALS.append(
    Recognizer(
        "recognisable-person",
        "photo",
        lazy(
            r"\b(?:patient|child|person|face|woman|man|boy|girl|baby|infant)\s+(?:is|was|remains"
            r"|are|were|would\s+be|may\s+be|could\s+be)\s+(?:still\s+|clearly\s+|easily\s+)?"
            r"(?:recogni[sz]able|identifiable)\b"
        ),
        needles=("recognisable", "recognizable", "identifiable"),
        lower=True,
    )
)
#: A channel or an account by its name, shaped as handles are ('a YouTube channel called
#: SpoonieSamurai', 'an account named jo_runs22'; not 'a blog called Recovery').
SIGNALS.append(
    Recognizer(
        "channel-name",
        "handle",
        lazy(
            r"\b(?:channel|account|page|profile|blog|podcast|vlog|username|user\s+name)\s+"
            r"(?:called|named)\s+[\"“']?(?P<id>[A-Za-z][\w.]{3,30})",
            re.I,
        ),
        needles=("called", "named"),
        valid=lambda value: (
            any(c.isdigit() or c == "_" for c in value)
            or re.search(r"[a-z][A-Z]", value) is not None
        ),
        group="id",
        lower=True,
    )
)
#: Words of flying: an aircraft's registration is read only in a text that holds one.
_AVIATION = (
    "aircraft",
    "aeroplane",
    "airplane",
    "plane",
    "floatplane",
    "seaplane",
    "helicopter",
    "glider",
    "microlight",
    "gyrocopter",
    "autogyro",
    "airliner",
    "jet",
    "cockpit",
    "pilot",
    "flying",
    "flew",
    "landing",
    "take-off",
    "takeoff",
)
#: Hyphenated capitals of clinical text that look like a registration ('G-CSF', 'D-DIMER').
_NOT_REGISTRATIONS = frozenset(
    {"G-CSF", "D-DIMER", "F-FDG", "C-ANCA", "P-ANCA", "T-SPOT", "B-ALL", "T-ALL"}
)
SIGNALS.extend(
    [
        Recognizer(
            # a vehicle's plate after the vehicle or 'registered', in the shape many countries
            # use, letters, figures, letters ('motorcycle FA 392 XK', 'registered CF 4821 KL')
            "plate-after-word",
            "vehicle",
            lazy(
                rf"(?:(?:{'|'.join(_VEHICLES)})s?|registered|registration|reg\.?)\s+"
                r"(?P<id>[A-Z]{1,3}[ -]?\d{1,4}[ -]?[A-Z]{1,3})\b"
                r"(?!\s*(?:mg|kg|cm|mm|ml|cc)\b)",
                re.I,
            ),
            needles=(*_VEHICLES, "registered", "registration", "reg"),
            valid=lambda value: value.upper() == value and any(c.isdigit() for c in value),
            group="id",
            lower=True,
            anchored=True,
        ),
        Recognizer(
            # an aircraft's registration ('D-EKLM', 'C-GKLX', 'VH-KPL', 'N4821K') where the
            # sentence is about flying
            "aircraft-registration",
            "vehicle",
            lazy(
                r"(?<![\w-])(?:N[1-9]\d{2,4}[A-Z]{0,2}|N[1-9]\d{0,3}[A-Z]{1,2}"
                r"|(?:[A-Z]{1,2}|[2-9][A-Z])-[A-Z]{3,4})(?![\w-])"
            ),
            needles=_AVIATION,
            valid=lambda value: value not in _NOT_REGISTRATIONS,
        ),
    ]
)

#: A saint's hospital typed in lower case after where a patient went ('transferred from st
#: ethelburga's'); not St John's wort, St Vitus' dance, St Anthony's fire.
LOWER_SAINT = Recognizer(
    "lower-saint",
    "institution",
    lazy(
        r"(?:from|to|at|in)\s+(?P<id>st\.?\s+[a-z]+(?:['’]s|s['’]))"
        r"(?!\s+(?:wort|dance|fire|disease|day|eve)\b)",
        re.I,
    ),
    needles=("from st", "to st", "at st", "in st"),
    valid=lambda value: value.islower(),
    group="id",
    lower=True,
    anchored=True,
)
SIGNALS.append(LOWER_SAINT)


def _place_in_lower_case(word: str) -> bool:
    """'cwmbran' after 'they live up by': a listed town, not an ordinary or medical word."""
    return (
        len(word) > 3
        and word not in words.english_words()
        and word not in words.medical_words()
        and word.title() in words.places()
    )


#: A town typed in lower case after where someone lives ('they live up by cwmbran now'):
#: the run of capitalised words does not see it.
LOWER_PLACE_AFTER_LIVING = Recognizer(
    "lower-place-after-living",
    "place",
    lazy(
        r"(?:live|lives|lived|living|moved|staying|stays)\s+(?:(?:up|down|over|out|back)\s+)?"
        r"(?:by|in|near|to|at|round|around)\s+(?P<id>[a-z][a-z'’-]+)\b",
        re.I,
    ),
    needles=("live", "living", "moved", "staying", "stays"),
    valid=lambda value: value.islower() and _place_in_lower_case(value),
    group="id",
    lower=True,
    anchored=True,
)
SIGNALS.append(LOWER_PLACE_AFTER_LIVING)
SIGNALS.extend(
    [
        Recognizer(
            # a word that a bracket says is what the person is called ('Pt Sunny (preferred
            # name)', 'Bobby (nickname)', 'Kit (prefers)')
            "name-before-preferred",
            "name",
            lazy(
                r"(?P<id>[A-Z][a-z'’-]{1,20})\s*\((?:preferred\s+name|nickname|known\s+as"
                r"|prefers|likes\s+to\s+be\s+called)\b"
            ),
            needles=("preferred name", "nickname", "known as", "prefers", "likes to be"),
            group="id",
        ),
        Recognizer(
            # data said to identify the person themselves ('recordings from which this
            # participant can be re-identified', 'photographs from which the patient could be
            # identified by vessel pattern'; not 'the organism could be identified')
            "identifying-data",
            "biometric",
            lazy(
                r"(?:from|by|with)\s+which\s+(?:this|the|that|our|each)\s+(?:patient|participant"
                r"|person|individual|subject|woman|man|child|boy|girl)\s+(?:can|could|may|might"
                r"|would)\s+(?:be\s+)?(?:re-?)?identif(?:ied|y)\b(?!\s+as\b)"
            ),
            needles=("from which", "by which", "with which"),
            lower=True,
            anchored=True,
        ),
    ]
)
#: ... and where someone comes from ('originally from leeds', 'from leeds originally').
SIGNALS.append(
    Recognizer(
        "lower-place-of-origin",
        "place",
        lazy(
            r"(?:originally\s+from\s+|(?<![\w-])from\s+(?=[a-z][a-z'’-]+\s+originally\b))"
            r"(?P<id>[a-z][a-z'’-]+)\b",
            re.I,
        ),
        needles=("originally", "from"),
        valid=lambda value: value.islower() and _place_in_lower_case(value),
        group="id",
        lower=True,
        anchored=True,
    )
)


#: Words that end the name of a firm or an agency ('Copperline Couriers', 'Tidewater
#: Shipping Agency').
_FIRM_ENDINGS = (
    "Agency", "Agencies", "Logistics", "Services", "Service", "Shipping", "Haulage",
    "Transport", "Freight", "Couriers", "Ltd", "Limited", "Inc", "Plc", "LLC", "GmbH", "Group",
    "Company", "Co", "Corporation", "Holdings", "Industries", "Enterprises", "Partners",
    "Associates", "Contractors", "Builders", "Motors", "Foods", "Farms", "Mills", "Works",
    "Consulting", "Consultants", "Solutions", "Systems", "Technologies", "Engineering",
    "Construction", "Security", "Cleaning", "Airlines", "Airways", "Lines", "Fisheries",
)  # fmt: skip
#: Words that say what kind of service an organisation is without naming it.
_DESCRIBING_ORGANISATION = frozenset(
    """The Community Mental Health Occupational Social National Regional Local District County
    Emergency Ambulance Public Primary Secondary Care Medical Nursing Home Child Children's
    Family Adult Youth Specialist Psychiatric Psychological Hospital Probation Prison Police
    Fire Rescue Coastguard Immigration Border Health's Welfare Housing Support Outreach
    Early Intervention Crisis Drug Alcohol Addiction Sexual Dental Pharmacy Transport Patient
    Ambulatory State Federal City Municipal""".split()  # noqa: SIM905
)


def _names_a_firm(run: str) -> bool:
    """Some word of the run before its last names the firm ('Brackwater Cleaning Services'),
    not only what kind it is ('the Community Mental Health Services')."""
    return any(word not in _DESCRIBING_ORGANISATION for word in run.split()[:-1])


#: An employer after what the person does for it ('employed by Tidewater Shipping Agency',
#: 'drives for Pennant Logistics', 'referred by Nightingale Occupational Health Services').
EMPLOYER_AFTER_WORK = Recognizer(
    "employer-after-work",
    "institution",
    lazy(
        r"\b(?:(?:employed|hired|contracted|engaged|referred|sponsored|insured)\s+by"
        r"|(?:works?|worked|working|drives?|drove|driving|driver|cleans?|cleaned|cleaner"
        r"|delivers?|delivered|courier|contractor)\s+for|(?:employee|staff)\s+of)"
        r"\s+(?:the\s+)?(?P<id>(?:[A-Z][\w'’&-]*\s+){1,4}"
        rf"(?:{'|'.join(_FIRM_ENDINGS)}))\b"
    ),
    needles=(
        "employed by",
        "hired by",
        "contracted by",
        "engaged by",
        "referred by",
        "sponsored by",
        "insured by",
        "work for",
        "works for",
        "worked for",
        "working for",
        "drive for",
        "drives for",
        "drove for",
        "driving for",
        "driver for",
        "clean for",
        "cleans for",
        "cleaned for",
        "cleaner for",
        "deliver for",
        "delivers for",
        "delivered for",
        "courier for",
        "contractor for",
        "employee of",
        "staff of",
    ),
    valid=_names_a_firm,
    group="id",
)
SIGNALS.append(EMPLOYER_AFTER_WORK)

#: A ship named after what it is ('the trawler Morning Star II', 'aboard HMS Dauntless').
SHIP_NAME = Recognizer(
    "ship-name",
    "institution",
    lazy(
        r"\b(?:trawler|ship|boat|yacht|ferry|tanker|freighter|tug|tugboat|schooner|dredger"
        r"|steamer|lifeboat|coaster|HMS|RMS|FV)\s+"
        r"(?P<id>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][a-z][\w'’-]*(?:\s+[IVX]+\b)?)"
    ),
    needles=(
        "trawler",
        "ship ",
        "boat ",
        "yacht ",
        "ferry ",
        "tanker ",
        "freighter ",
        "tug ",
        "tugboat ",
        "schooner ",
        "dredger ",
        "steamer ",
        "lifeboat ",
        "coaster ",
        "hms ",
        "rms ",
        "fv ",
    ),
    group="id",
)
SIGNALS.append(SHIP_NAME)

#: A home or hospital named before its kind in another language, the kind in lower case
#: ('Fjellheim sykehjem', 'Solbakken omsorgssenter', 'Lindenhof pflegeheim').
_FOREIGN_CARE_HOMES = (
    "sykehjem", "sykehus", "sjukhus", "sygehus", "plejehjem", "plejecenter", "äldreboende",
    "sjukhem", "vårdcentral", "vårdcentralen", "helsesenter", "legesenter", "legekontor",
    "omsorgssenter", "bo- og behandlingssenter", "pflegeheim", "altenheim", "seniorenheim",
    "verpleeghuis", "ziekenhuis", "verzorgingshuis", "hoitokoti", "terveyskeskus",
)  # fmt: skip
FOREIGN_CARE_HOME = Recognizer(
    "foreign-care-home",
    "institution",
    lazy(
        r"[A-ZÆØÅÄÖÜ][\wæøåäöü'’-]+(?:\s+[A-ZÆØÅÄÖÜ][\wæøåäöü'’-]+){0,2}\s+"
        rf"(?:{'|'.join(_FOREIGN_CARE_HOMES)})\b"
    ),
    needles=_FOREIGN_CARE_HOMES,
)
SIGNALS.append(FOREIGN_CARE_HOME)

#: Words before a clinic that say what kind it is or where, not its name.
_CLINIC_KINDS = (
    "local", "private", "public", "nearest", "nearby", "another", "same", "rural", "urban",
    "regional", "district", "general", "municipal", "community", "university", "city", "town",
    "county", "state", "national", "military", "primary", "secondary", "home", "our", "their",
    "his", "her", "a", "an", "the", "this", "that", "each", "every", "any", "one", "village",
    "mobile", "student", "school", "occupational", "sexual", "mental", "outpatient", "hospital",
    "nhs", "free", "weekend", "evening", "night", "morning", "day", "24-hour", "nearer",
)  # fmt: skip
#: A clinic named in lower case after 'at', 'to' or 'from' ('seen at riverside urgent care
#: clinic', 'at oakvale walk-in clinic'; not 'at local walk-in clinic').
LOWER_NAMED_CLINIC = Recognizer(
    "lower-named-clinic",
    "institution",
    lazy(
        rf"(?:at|to|from|@)\s+(?!(?:{'|'.join(_CLINIC_KINDS)})\s)(?P<id>[a-z][a-z'’-]+\s+"
        r"(?:(?:urgent\s+care|walk-in|medical|health|family\s+health)\s+(?:clinic|centre|center"
        r"|practice)"
        # a unit of a kind of care ('@ riverside dialysis unit', 'at hollybank renal unit')
        r"|(?:dialysis|renal|psychiatric|rehab|rehabilitation|spinal|burns|maternity|neonatal"
        r"|oncology|cancer|eating\s+disorders?|brain\s+injury|mental\s+health|detox|addiction"
        r"|palliative)\s+(?:unit|centre|center|clinic|ward)))\b"
    ),
    needles=(
        "urgent care",
        "walk-in",
        "medical centre",
        "medical center",
        "health centre",
        "health center",
        "medical practice",
        "medical clinic",
        "health clinic",
        *(
            f"{kind} {site}"
            for kind in (
                "dialysis",
                "renal",
                "psychiatric",
                "rehab",
                "rehabilitation",
                "spinal",
                "burns",
                "maternity",
                "neonatal",
                "oncology",
                "cancer",
                "disorder",
                "disorders",
                "injury",
                "health",
                "detox",
                "addiction",
                "palliative",
            )
            for site in ("unit", "centre", "center", "clinic", "ward")
        ),
    ),
    group="id",
    lower=True,
)
SIGNALS.append(LOWER_NAMED_CLINIC)
SIGNALS.extend(
    [
        Recognizer(
            # a name before a place of care in lower case ('Little Lanterns children's
            # hospice', 'Maple Court care home'), not opening the sentence
            "name-before-care-place",
            "institution",
            lazy(
                r"(?<=[a-z,]\s)(?P<id>(?!(?:The|A|An|His|Her|Their|Our|Local|Children['’]s"
                r"|Paediatric|Pediatric|Adult|Regional|Specialist|Private|Community|Independent"
                r"|Residential|NHS)\s)"
                r"[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+){0,2})\s+(?:children['’]s\s+)?"
                r"(?:hospice|nursery|care\s+home|nursing\s+home|residential\s+home"
                r"|primary\s+school)\b"
            ),
            needles=(
                "hospice",
                "nursery",
                "care home",
                "nursing home",
                "residential home",
                "primary school",
            ),
            group="id",
        ),
        Recognizer(
            # a place's or a hospital's name no list holds, with its team or ward ('Hallamford's
            # stroke team', 'Westerby's maternity unit')
            "possessive-service",
            "institution",
            lazy(
                r"(?P<id>[A-Z][a-z]{3,})['’]s\s+(?:[a-z]+\s+){0,2}(?:team|ward|unit|clinic"
                r"|service|department|hospice|hospital|surgery|practice)\b"
            ),
            inside=("'s ", "’s "),
            possible=lambda text: "'s " in text or "’s " in text,
            valid=lambda value: _proper_word(value) and value not in words.given_names(),
            group="id",
        ),
    ]
)


def _proper_word(word: str) -> bool:
    """A capitalised word that is no ordinary, medical or clinical word and no large area:
    what names a place or an institution ('Larchmont', 'Greywell', 'Olvenmoor')."""
    return not (
        word.lower() in words.english_words()
        or words.clinical_term(word)
        or word in words.large_areas()
    )


#: Kinds of care a named unit is of ('Larchmont Eating Disorders Unit'; not 'Hounsfield
#: Units', 'Stroke Unit', 'Coronary Care Unit', whose first word is ordinary or medical).
_CARE_KINDS = (
    r"(?:Psychiatric|Eating Disorders?|Renal|Dialysis|Spinal(?: Injuries)?|Burns|Neonatal"
    r"|Maternity|Rehabilitation|Mental Health|Mother and Baby|Cardiac|Oncology|Cancer|Day"
    r"|Brain Injury|Secure|Assessment|Birth|Midwifery|Palliative Care|Intensive Care|Stroke"
    r"|Children['’]s|Adolescent|Young People['’]s|Detox|Addiction|Dementia|Memory|Sleep)"
)
SIGNALS.extend(
    [
        Recognizer(
            # a named unit of a kind of care, in any frame ('Previous admissions: Larchmont
            # Eating Disorders Unit (x2)'), and a children's hospital by its short name
            # ('to Wexcombe Children's.')
            "named-care-unit",
            "institution",
            lazy(
                rf"(?<![\w'’-])(?P<id>[A-Z][a-z]{{2,}}(?:\s+[A-Z][a-z]{{2,}})?\s+{_CARE_KINDS}\s+"
                r"(?:Unit|Centre|Center|Service|Ward)s?\b"
                r"|[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?\s+Children['’]s(?=\s*[.,;)]|\s*$))"
            ),
            needles=("unit", "centre", "center", "service", "ward", "children's", "children’s"),
            valid=lambda value: _proper_word(value.split()[0]),
            group="id",
        ),
        Recognizer(
            # a hospital's initials after a verb of care and 'at the' ('reported at the QMH',
            # 'treated at the RVI'; not 'showed RVH', a finding without the frame)
            "hospital-initials",
            "institution",
            lazy(
                r"(?i:\b(?:performed|done|reported|seen|treated|admitted|transferred|referred"
                r"|born|delivered|operated|scanned|reviewed|managed|followed\s+up|biopsied"
                r"|resuscitated|ventilated|stabili[sz]ed|assessed|diagnosed|imaged)\s+"
                r"(?:at|to|from|in)\s+the)\s+(?P<id>[A-Z]{1,4}[HI])\b(?!-)"
                # (not a study: 'reported in the ATOCH trial')
                r"(?!\s+(?:trials?|stud(?:y|ies)|registry|cohort|investigators)\b)"
            ),
            possible=lambda text: _INITIALS_HI.search(text) is not None,
            group="id",
        ),
        Recognizer(
            # an insurer named after what it is ('His insurer, Greywell Provident, refused')
            "named-insurer",
            "institution",
            lazy(
                r"(?i:\b(?:insurer|insurance\s+company|insurance\s+provider|health\s+fund"
                r"|health\s+insurer|HMO|payer|payor)),?\s+(?:(?:is|was)\s+)?"
                r"(?P<id>[A-Z][A-Za-z]{2,}(?:\s+[A-Z][A-Za-z]{2,}){0,3})"
            ),
            needles=(
                "insurer",
                "insurance comp",
                "insurance prov",
                "health fund",
                "hmo",
                "payer",
                "payor",
            ),
            valid=lambda value: _proper_word(value.split()[0]),
            group="id",
        ),
        Recognizer(
            # a named building after a floor or a flat in it ('the ninth floor of Trellick
            # Tower', 'Flat 2, Ravenscourt House')
            "named-building",
            "place",
            lazy(
                r"(?i:\b(?:floor|storey|wing|lobby|roof|basement)\s+of\s+(?:the\s+)?"
                # (or a flat without its number: '3rd floor flat, Marchmont Tower')
                r"|\b(?:flat|apartment|apt\.?|room|bedsit|maisonette)(?:\s+\d+[a-z]?,?\s+|,\s+))"
                r"(?P<id>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+(?:Tower|Towers|House|Court|Building"
                r"|Block|Heights|Mansions|Lodge|Hall|Estate|Flats|Apartments))\b"
            ),
            needles=(
                "floor of",
                "storey of",
                "wing of",
                "lobby of",
                "roof of",
                "basement of",
                "flat",
                "apartment",
                "apt",
                "room",
                "bedsit",
                "maisonette",
            ),
            valid=lambda value: _proper_word(value.split()[0]),
            group="id",
        ),
        Recognizer(
            # a named canal after a preposition of place ('beside the Grand Union Canal'; not
            # 'along the Inguinal Canal' or an eponym's canal)
            "named-canal",
            "place",
            lazy(
                r"(?i:\b(?:on|onto|along|alongside|beside|by|near|into|across|over|from|to|off"
                r"|of)\s+the)\s+(?P<id>(?:[A-Z][a-z]+\s+){1,3}(?:Canal|Navigation))\b"
            ),
            needles=("canal", "navigation"),
            valid=lambda value: (
                not any(
                    word.lower() in _BODY_CANALS or word in words.medical_words()
                    for word in value.split()[:-1]
                )
            ),
            group="id",
        ),
        Recognizer(
            # a place an editor or reviewer asks to remove ('please delete the mention of
            # Fenwick Vale', 'remove the reference to Moss Side'; not 'to Smith et al.')
            "place-to-remove",
            "place",
            lazy(
                r"(?i:\b(?:remove|delete|omit|drop|redact)\s+(?:the\s+|any\s+|all\s+)?"
                r"(?:references?|mentions?|names?)\s+(?:to|of)\s+(?:the\s+)?)"
                r"(?P<id>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})(?![\w'’-]|\s+[A-Z])"
                r"(?!\s+et\s+al|\s*,?\s*\(?(?:19|20)\d\d|\s+(?:disease|syndrome|sign|score|scale"
                r"|criteria|classification|trial|study|method))"
            ),
            needles=("remove", "delete", "omit", "drop", "redact"),
            # (the frame says it identifies: ordinary words may name the place, 'Moss Side')
            valid=lambda value: (
                not words.clinical_term(value.split()[0])
                and value.split()[0] not in _DOCUMENT_PARTS
            ),
            group="id",
        ),
        Recognizer(
            # a lake, a river or a mountain in lower case before its name ('near the lake
            # Balaton', 'the river Tavy'; not 'a venous lake on', 'Lake Louise score')
            "lower-landform-name",
            "place",
            lazy(
                r"\b(?:lake|river|mount|loch|lough|isle|lago|lac|río|rio)\s+"
                r"(?P<id>[A-Z][a-z]{2,}(?:[\s-][A-Z][a-z]{2,})?)\b"
                r"(?!\s+(?:score|scale|criteria|questionnaire|system|consensus))"
            ),
            needles=(
                "lake",
                "river",
                "mount",
                "loch",
                "lough",
                "isle",
                "lago",
                "lac",
                "río",
                "rio",
            ),
            valid=lambda value: _proper_word(value.split()[0]),
            group="id",
        ),
    ]
)


#: Verbs and labels after which a code of letters and figures is a record's reference.
_FILED = ("filed", "logged", "registered", "recorded", "catalogued", "entered", "indexed",
          "listed", "archived")  # fmt: skip
_REFERENCE_LABELS = ("id", "number", "no.", "ref", "reference", "code")
_REFERENCED = ("case", "patient", "log", "entry", "file", "incident", "report", "sample",
               "specimen", "record", "referral", "claim", "episode", "investigation")  # fmt: skip
#: A code of capitals and four figures or more after a label with words before its colon
#: ('Case ID for the outbreak investigation: OB-HK-0071') or after 'filed as' or 'logged
#: under' ('filed as ML-0419'; not 'recorded as ST-131', a sequence type, nor a trial's
#: registration).
CODE_AFTER_LABEL = Recognizer(
    "code-after-label",
    "record",
    lazy(
        rf"(?i:(?:{'|'.join(_REFERENCED)})\s+(?:{'|'.join(map(re.escape, _REFERENCE_LABELS))})"
        r"\b[^:\n.;]{0,40}:\s*"
        rf"|(?:{'|'.join(_FILED)})\s+(?:as|under)\s+(?:number\s+|no\.?\s+|reference\s+)?)"
        r"(?P<id>[A-Z]{1,4}(?:-[A-Z]{1,4})*-?\d{4,}[A-Z]?)\b"
    ),
    needles=(
        *(f"{verb} {joiner}" for verb in _FILED for joiner in ("as", "under")),
        *(f"{what} {label}" for what in _REFERENCED for label in _REFERENCE_LABELS),
    ),
    valid=lambda code: TRIAL_REGISTRATION.fullmatch(code) is None,
    group="id",
)
NUMBERS.append(CODE_AFTER_LABEL)


#: Endings of drug names, which open sentences before 'brought her' as names do.
_DRUG_ENDINGS = (
    "ine", "ol", "il", "am", "ide", "ate", "one", "mab", "nib", "pril", "sartan", "statin",
    "azole", "cillin", "mycin", "vir", "ium", "in", "an", "ex", "ax", "en",
)  # fmt: skip


def _unlisted_word(word: str) -> bool:
    """A capitalised word that no list knows as English, medical, a clinical term or a
    place: in a frame only people stand in, a name the lists lack ('Oluwaseun', 'Radomir')."""
    return (
        len(word) >= 4
        and word[1:].islower()
        and word.lower() not in words.english_words()
        and not words.clinical_term(word)
        and word not in words.large_areas()
    )


def _called_person(word: str) -> bool:
    """Someone one asks, tells or phones: a listed given name that is not a medical word
    ('Ask Linda whether'), or a word no list knows ('Tell Radomir whether')."""
    return (word in words.given_names() and word not in words.medical_words()) or _unlisted_word(
        word
    )


#: Verbs of what a person does to another that a drug or a test does not ('Oluwaseun drove
#: her to', 'Kwabena brought him in').
_CARER_VERBS = (
    "drove", "brought", "carried", "walked", "phoned", "rang", "texted", "visited", "hugged",
    "kissed", "fetched", "accompanied", "married",
)  # fmt: skip
#: Verbs of what a person wants or asks for, before 'to', 'for' or 'that' ('Fatoumata asked
#: to stop chemotherapy'; not 'agreed', which every consent statement holds and which would
#: make the pattern run on every case).
_WILL_VERBS = (
    "asked", "begged", "pleaded", "insisted", "refused", "declined", "wanted", "wished",
    "chose", "decided", "demanded", "requested", "preferred", "hoped",
)  # fmt: skip
#: A name the lists lack before what a person does to someone ('Oluwaseun drove her to the
#: emergency department'; not a drug: 'Tramadol brought her relief' ends as drugs do), or
#: before what a person wants ('Fatoumata asked to stop'; not 'Cardiology asked to review',
#: a medical word).
UNLISTED_NAME_BEFORE_CARE = Recognizer(
    "unlisted-name-before-care",
    "name",
    lazy(
        # (the capital first, then the look-behind, so that the engine skips to capitals)
        rf"(?P<id>[A-Z](?<![\w'’-][A-Z])[a-z]{{3,}})\s+(?:(?:{'|'.join(_CARER_VERBS)})\s+"
        rf"(?:her|him|them|me|us)|(?:{'|'.join(_WILL_VERBS)})\s+(?:to|for|that|not)\s)"
    ),
    needles=(*_CARER_VERBS, *_WILL_VERBS),
    valid=lambda word: _unlisted_word(word) and not word.lower().endswith(_DRUG_ENDINGS),
    group="id",
)
SIGNALS.append(UNLISTED_NAME_BEFORE_CARE)

_CALL_VERBS = (
    "ask", "tell", "phone", "ring", "call", "text", "thank", "remind", "contact", "email",
    "message",
)  # fmt: skip
#: A person one asks, tells or phones about something ('Ask Thorvald whether the dog was
#: vaccinated', 'Phone Wendeline about the results'; not 'Ask Pharmacy whether').
NAME_AFTER_CALL = Recognizer(
    "name-after-call",
    "name",
    lazy(
        rf"(?:{'|'.join(_CALL_VERBS)})\s+(?P<id>[a-z]{{3,}})\s+"
        r"(?:whether|if|about|that|when|how|what|before|after|again)\b"
    ),
    needles=_CALL_VERBS,
    # (matched on the lower-case text; the name as written must be capitalised)
    valid=lambda word: word[0].isupper() and _called_person(word),
    group="id",
    lower=True,
    anchored=True,
)
SIGNALS.append(NAME_AFTER_CALL)


def _surname_and_initial(value: str) -> bool:
    """'Ng, K.': a surname that is no ordinary or medical word, then an initial."""
    surname = value.partition(",")[0]
    return surname.lower() not in words.english_words() and surname not in words.medical_words()


def _unlisted_surname_parts(value: str) -> bool:
    """'nakamura-holt', 'kowalczyk-ramos': a surname whose parts are not all ordinary words."""
    parts = [part for part in re.split(r"[-'’]", value.lower()) if part]
    return bool(parts) and any(
        len(part) > 1 and part not in words.english_words() and part not in words.medical_words()
        for part in parts
    )


#: A name in the shorthand of a note's header: a surname and an initial after a label
#: ('Patient: Ng, K.'), a name before sex and age ('ID: kowalczyk-ramos / F / 62'), an
#: initial and a surname in brackets after the patient ('the patient (e. nakamura-holt)'),
#: a given name in lower case after 'pt is' ('pt is marguerite, lives alone').
SIGNALS.extend(
    [
        Recognizer(
            "label-surname-initial",
            "name",
            lazy(r"(?:patient|pt|name|client|resident)\s?:\s*(?P<id>[a-z][a-z'’-]+,\s*[a-z]\.)"),
            needles=tuple(
                f"{label}{colon}"
                for label in ("patient", "pt", "name", "client", "resident")
                for colon in (":", " :")
            ),
            # (matched on the lower-case text; as written, the surname and initial are capitals)
            valid=lambda value: (
                value[0].isupper()
                and value.rstrip(".")[-1].isupper()
                and _surname_and_initial(value)
            ),
            group="id",
            lower=True,
            anchored=True,
        ),
        Recognizer(
            "name-sex-age",
            "name",
            lazy(
                r"(?<![\w-])(?P<id>[A-Za-z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*)\s*/\s*[MFmf]\s*/\s*"
                r"\d{1,3}\b"
            ),
            needles=("/ m /", "/ f /", "/m/", "/f/", "/ m/", "/ f/", "/m /", "/f /"),
            valid=_unlisted_surname_parts,
            group="id",
        ),
        Recognizer(
            "initial-surname-in-brackets",
            "name",
            lazy(
                r"(?:pt|patient|client|resident|child|man|woman)\s?"
                r"\((?P<id>[a-z]\.\s?[a-z][a-z'’]+(?:-[a-z][a-z'’]+)*)\)"
            ),
            needles=tuple(
                f"{who}{gap}("
                for who in ("pt", "patient", "client", "resident", "child", "man", "woman")
                for gap in ("", " ")
            ),
            valid=lambda value: _unlisted_surname_parts(value[2:].strip()),
            group="id",
            lower=True,
            anchored=True,
        ),
        Recognizer(
            "pt-is-name",
            "name",
            lazy(r"\b(?:pt|patient)\s+is\s+(?P<id>[a-z][a-z'’-]+),"),
            needles=("pt is", "patient is"),
            valid=lambda value: value.islower() and _given_name_in_lower_case(value),
            group="id",
            lower=True,
            anchored=True,
        ),
    ]
)

#: Particles of Arabic names joined to the family name by a hyphen ('al-Khatib', 'el-Sayed',
#: 'bin-Zayed').
_HYPHEN_PARTICLES = (
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "bint", "ibn", "abu", "ould",
)  # fmt: skip
#: A family name after such a particle ('Ibrahim al-Khatib was started on'): the particle in
#: lower case hides it from the run of capitalised words.
SIGNALS.append(
    Recognizer(
        "hyphen-particle-name",
        "name",
        lazy(rf"(?<![\w-])(?:{'|'.join(_HYPHEN_PARTICLES)})-[A-Z][a-z]{{2,}}\b"),
        needles=tuple(f"{particle}-" for particle in _HYPHEN_PARTICLES),
    )
)
