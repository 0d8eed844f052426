"""Layer 1: patterns for structured identifiers (numbers, dates, addresses, contacts).

Each :class:`Recognizer` is a regular expression for one shape, the category it reports, a
cheap test that tells when it cannot match (so most run on few texts), and where an
identifier has one, a check digit. Numbers that only a word before them marks as an
identifier ("passport number 925076473") are found by one recognizer reading a table of
such words, so a new kind of number is a line in :data:`NUMBER_WORDS`, not a new pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Recognizer:
    name: str
    category: str
    regex: re.Pattern[str]
    #: Lower-case strings one of which must be in the lower-case text (empty: always run).
    needles: tuple[str, ...] = ()
    #: Another check on the matched text (a check digit): False drops the match.
    valid: Callable[[str], bool] | None = None
    #: The regex group that is the identifier (0: the whole match).
    group: int | str = 0


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
    if not 13 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _ipv4_valid(text: str) -> bool:
    return all(int(part) <= 255 for part in text.split("."))


def _plausible_yyyymmdd(text: str) -> bool:
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth"
)
_HOLIDAY = (
    r"(?:Christmas(?: Day| Eve)?|Boxing Day|New Year'?s(?: Day| Eve)|Easter(?: Sunday| Monday)?"
    r"|Good Friday|St\.? Patrick'?s Day|(?:St\.? )?Valentine'?s Day|Thanksgiving(?: Day)?"
    r"|Hallowe'?en|Bonfire Night|Guy Fawkes Night|Independence Day|Bastille Day"
    r"|Mother'?s Day|Father'?s Day|Remembrance Day|Armistice Day|Midsummer(?:'s)? Day"
    r"|Labou?r Day|Memorial Day|May Day)"
)
_NUM = r"(?<![\w.,/:-])"  # a number starts here: nothing number-like before it
_END = r"(?![\w/:]|[.,-]\d)"  # and ends here

DATES = [
    Recognizer(
        "iso-date",
        "date",
        re.compile(
            rf"{_NUM}(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01]){_END}"
        ),
    ),
    Recognizer(
        "compact-date",
        "date",
        re.compile(rf"{_NUM}(?:19|20)\d{{2}}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]){_END}"),
        valid=_plausible_yyyymmdd,
    ),
    Recognizer(
        "numeric-date",
        "date",
        re.compile(
            rf"{_NUM}(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:\d{{4}}|\d{{2}}){_END}"
        ),
    ),
    Recognizer(
        "us-numeric-date",
        "date",
        re.compile(
            rf"{_NUM}(?:0?[1-9]|1[0-2])([-/])(?:0?[1-9]|[12]\d|3[01])\1(?:\d{{4}}|\d{{2}}){_END}"
        ),
    ),
    Recognizer(
        "day-month",
        "date",
        re.compile(
            rf"{_NUM}(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s+of)?[\s-]+{_MONTH}\b\.?"
            rf"(?:[\s-]+(?:\d{{4}}|\d{{2}})\b)?"
        ),
    ),
    Recognizer(
        "month-day",
        "date",
        re.compile(
            rf"\b{_MONTH}\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b"
            rf"(?!\s*(?:years?|months?|weeks?|days?|hours?|mg|kg|%))(?:,?\s+\d{{4}}\b)?"
        ),
    ),
    Recognizer(
        "month-year",
        "date",
        re.compile(rf"\b(?:(?:early|mid|late)-)?{_MONTH}\.?,?\s+(?:19|20)\d{{2}}\b"),
    ),
    Recognizer(
        "ordinal-words",
        "date",
        re.compile(rf"\b(?:the\s+)?(?:{_ORDINAL_WORD})\s+of\s+{_MONTH}\b", re.I),
        needles=("of ",),
    ),
    Recognizer("holiday", "date", re.compile(rf"\b{_HOLIDAY}(?:\s+(?:19|20)\d\d)?\b")),
    Recognizer(
        "date-of-birth",
        "date",
        re.compile(
            r"\b(?:DOB|D\.O\.B\.|date of birth)\b\s*(?::|is|was)?\s*\S+(?:\s+\S+){0,2}", re.I
        ),
        needles=("dob", "d.o.b", "date of birth"),
    ),
]

_AGE_WORD = (
    r"(?:ninety|one hundred(?: and)?)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
)
_NOT_90_PLUS = r"(?!(?:\s*years?)?\s*(?:\+|or (?:over|older|above|more)|and (?:over|older|above)))"
AGES = [
    Recognizer(
        "age-number",
        "age",
        re.compile(
            r"\b(?:9\d|1[01]\d)(?:[- ]?(?:year|yr)s?[- ]old"
            r"|\s?y\.?o\.?\b|\s+years?\s+(?:of\s+age|old))" + _NOT_90_PLUS
        ),
    ),
    Recognizer(
        "aged-number",
        "age",
        re.compile(
            r"(?:\b(?:aged|age of)\s+(?:9\d|1[01]\d)\b(?!\s*(?:days"
            r"|weeks|months|minutes|hours|mg|%))"
            r"|\bof\s+(?:9\d|1[01]\d)\s+years\b)" + _NOT_90_PLUS
        ),
        needles=("age", "of "),
    ),
    Recognizer(
        "is-number",
        "age",
        re.compile(
            r"\b(?:patient|she|he|woman|man) (?:is|was) (?:9\d|1[01]\d)\b(?![\s-]*(?:[a-zµ%/]|\d))"
        ),
    ),
    Recognizer(
        "age-words",
        "age",
        re.compile(
            rf"\b{_AGE_WORD}(?:[- ](?:years?[- ]old|years?|yo))?\b"
            r"|\b(?:nonagenarian|centenarian|supercentenarian)s?\b"
            r"|\bin (?:his|her|their) (?:early |mid-?|late )?nineties\b"
            r"|\b(?:9\d|1[01]\d)(?:st|nd|rd|th) birthday\b",
            re.I,
        ),
        needles=("ninet", "hundred", "centenarian", "nonagenarian", "birthday"),
    ),
]

#: Words that make the number after them an identifier, and its category.
NUMBER_WORDS: list[tuple[str, str]] = [
    (
        "record",
        r"MRN|MR\s?#|medical record|(?:hospital|hosp\.?"
        r"|unit|case|patient|record|lab|chart|clinic"
        r"|slide|specimen|accession)\s*(?:number|no\.?"
        r"|num\.?|ID|#)|accession|NHS(?:\s*(?:number"
        r"|no\.?))?|CHI(?:\s*(?:number|no\.?))?|hospital ID",
    ),
    (
        "health-plan",
        r"Medicare|Medicaid|health[- ]?plan|(?:health )?insurance(?:\s*(?:number"
        r"|no\.?|ID|card))?|member ID|policy(?:\s*(?:number"
        r"|no\.?))?|subscriber(?:\s*ID)?|group (?:number"
        r"|no\.?)|EHIC|beneficiary|Versichertennummer|carte vitale",
    ),
    (
        "ssn",
        r"SSN|social security(?: number)?|national insurance(?: number)?"
        r"|NI (?:number|no\.?)|NINO|social insurance(?: number)?"
        r"|personnummer|BSN|Aadhaar(?: number)?|national ID"
        r"|identity (?:card|number)|ID card|tax (?:number|ID)|PESEL|codice fiscale|DNI|NIE",
    ),
    (
        "account",
        r"account(?:\s*(?:number|no\.?))?|IBAN|card number"
        r"|sort code|invoice(?:\s*(?:number|no\.?))?"
        r"|payment reference|billing|reference (?:number|no\.?)|crowdfunding page ID",
    ),
    (
        "licence",
        r"(?:driving|driver'?s|medical|nursing|pilot"
        r"|firearms?)?\s*licen[cs]e(?:\s*(?:number|no\.?))?"
        r"|passport(?:\s*(?:number|no\.?))?|(?:birth"
        r"|death|marriage|firearms?)?\s*certificate(?:\s*(?:number"
        r"|no\.?))?|permit(?:\s*(?:number|no\.?))?|DL\s*(?:no\.?"
        r"|number)|PIN|GMC|NMC|registration with",
    ),
    (
        "vehicle",
        r"registration(?:\s*(?:number|no\.?))?|reg\.?\s*(?:number"
        r"|no\.?)?|(?:licence|license|number) plate"
        r"|plate(?:\s*read)?|VIN|vehicle identification number",
    ),
    (
        "device",
        r"serial(?:\s*(?:number|no\.?))?|S/N|SN|lot(?:\s*(?:number"
        r"|no\.?))?|batch(?:\s*(?:number|no\.?))?|UDI"
        r"|IMEI|asset tag|MAC address|device ID|model number",
    ),
]
_ID_TOKEN = r"(?=[A-Z0-9().:/#+ -]*\d)[A-Z0-9#(][A-Z0-9().:/+_-]*[A-Z0-9)]"
#: An identifier may be written in groups ("QQ 12 34 56 C", "2123 45670 1").
_ID = rf"{_ID_TOKEN}(?:[ ](?:[A-Z0-9]{{1,6}}|{_ID_TOKEN})(?![a-z]))*"
_JOINER = r"(?:\s+(?:is|was|of|read|reads|as|on|number|no\.?|card|ID)\b)*\s*[:#]?\s*(?:the\s+)?"


def _number_recognizers() -> list[Recognizer]:
    found = []
    for category, words in NUMBER_WORDS:
        found.append(
            Recognizer(
                f"{category}-number-word",
                category,
                re.compile(rf"(?i:\b(?:{words}))\b\.?{_JOINER}(?P<id>{_ID})"),
                group="id",
            )
        )
    return found


NUMBERS = [
    *_number_recognizers(),
    Recognizer(
        "nhs-number",
        "record",
        re.compile(rf"{_NUM}\d{{3}}[ -]?\d{{3}}[ -]?\d{{4}}{_END}"),
        valid=nhs_number_valid,
    ),
    Recognizer("us-ssn", "ssn", re.compile(rf"{_NUM}\d{{3}}-\d{{2}}-\d{{4}}{_END}")),
    Recognizer(
        "uk-nino",
        "ssn",
        re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"),
    ),
    Recognizer(
        "iban",
        "account",
        re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,4})?\b"),
    ),
    Recognizer(
        "card-or-imei",
        "account",
        re.compile(rf"{_NUM}\d{{4}}(?:[ -]?\d{{4}}){{2}}[ -]?\d{{1,7}}{_END}"),
        valid=luhn_valid,
    ),
    Recognizer(
        "vin",
        "vehicle",
        re.compile(r"\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}\b"),
    ),
    Recognizer(
        "uk-registration",
        "vehicle",
        re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b"),
    ),
    Recognizer("mac-address", "device", re.compile(r"\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b")),
    Recognizer(
        "long-number",
        "number",
        # Seven or more digits in a row, or a code of letters and five or more digits: no
        # quantity is written so, but record, accession and account numbers are.
        re.compile(
            rf"{_NUM}(?:\d{{7,}}|(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\d){{5}})[A-Z0-9]+(?:-[A-Z0-9]+)*){_END}"
        ),
    ),
]

_TLD = (
    r"com|org|net|edu|gov|mil|int|info|biz|io|co|me|ly|app|dev|tv|uk|us|de|fr|es|it|nl|be|ch|at"
    r"|se|no|dk|fi|ie|pl|pt|ru|cn|jp|in|au|nz|ca|br|za|example|nhs|health|social"
)
CONTACTS = [
    Recognizer(
        "email",
        "email",
        re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        needles=("@",),
    ),
    Recognizer(
        "email-spelled-out",
        "email",
        re.compile(
            r"\b[\w.+-]+(?:\s+dot\s+\w+)*\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*[\w-]+"
            rf"(?:\s*(?:\.|\[dot\]|\(dot\)|\s+dot\s+)\s*[\w-]+)*(?:\s*(?:\."
            rf"|\[dot\]|\(dot\)|\s+dot\s+)\s*(?:{_TLD}))\b",
            re.I,
        ),
        needles=("dot", "[at]", "(at)", "{at}"),
    ),
    Recognizer(
        "url",
        "url",
        re.compile(
            rf"\b(?:(?:https?|ftp)://\S+|www\.[\w-]+\.\S+"
            rf"|(?<![@\w.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{_TLD})(?:/[^\s]*)?(?![\w-]))",
            re.I,
        ),
        needles=("http", "www.", "ftp", "."),
    ),
    Recognizer(
        "ipv4",
        "ip",
        re.compile(r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)"),
        valid=_ipv4_valid,
    ),
    Recognizer(
        "ipv6",
        "ip",
        re.compile(
            r"(?<![\w:])(?=[0-9a-fA-F:]*[a-fA-F]|[0-9a-fA-F:]*::)(?=(?:[0-9a-fA-F]*:){2})"
            r"(?:[0-9a-fA-F]{1,4}|::)(?::{1,2}[0-9a-fA-F]{1,4}){1,7}(?:::)?(?![\w:])"
        ),
        needles=(":",),
    ),
    Recognizer(
        "handle",
        "handle",
        re.compile(r"(?<![\w@\[.;])(?<!; )@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"),
        needles=("@",),
    ),
    Recognizer(
        "user-name",
        "handle",
        re.compile(
            r"(?i:\b(?:user\s?name|handle|gamer\s?tag|screen name"
            r"|skype name|account name|nickname online))"
            r"(?:\s+on\s+\S+)?\s*(?:is|was|:)?\s*(?P<id>[A-Za-z0-9][\w.-]*[A-Za-z0-9])"
            r"|(?P<id2>\b[a-z][a-z0-9]*_[a-z0-9_]+\b)",
        ),
        group="id",
    ),
    Recognizer(
        "phone",
        "phone",
        re.compile(
            r"(?:(?<![\w+])\+|\b00)\d{1,3}[\s.-]?\(?\d{1,5}\)?(?:[\s.-]?\d{1,4}){2,5}"
            r"|(?<![\w(])\(\d{3,5}\)\s?\d{3,4}[\s.-]?\d{3,4}"
            r"|(?<![\w.-])0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\w|\.\d)"
            r"|(?<![\w.-])\d{3}[.-]\d{3}[.-]\d{4}(?!\w|\.\d)"
            r"|(?<![\w.-])\d{3} \d{3} \d{4}(?!\w|\.\d)"
        ),
    ),
    Recognizer(
        "phone-word",
        "phone",
        re.compile(
            r"(?i:\b(?:tel|telephone|phone|mobile|cell|contact number"
            r"|call|ring))\b[:.]?\s*(?:(?:number|no\.?)\s*)?(?:is\s+|on\s+|at\s+)?"
            r"(?P<id>\+?\d[\d\s().-]{5,}\d)"
        ),
        group="id",
    ),
]
#: An extension after a telephone number belongs to it.
EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x)\s*\d{1,6}\b", re.I)
FAX_WORD = re.compile(r"\b(?:fax|facsimile)", re.I)

ADDRESSES = [
    Recognizer(
        "street-address",
        "place",
        re.compile(
            r"(?:\b(?:Flat|Apartment|Apt\.?|Unit)\s+\d+\w?,?\s+)?(?:\b\d{1,5}[A-Za-z]?,?\s+)?"
            r"(?:(?:[A-Z][\w'’-]+|de|des|la|le|du|of)\s+){1,3}"
            r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Close|Crescent|Way"
            r"|Court|Terrace|Place|Square|Gardens|Grove|Row|Mews|Walk|Hill|Park|Parade)\b"
            r"|\b(?:Rue|Via|Calle|Avenida|Strasse|Straße"
            r"|Piazza|Plaza)\s+(?:[\w'’-]+\s+){0,3}[A-Z][\w'’-]+"
        ),
    ),
    Recognizer(
        "uk-postcode",
        "place",
        re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b"),
    ),
    Recognizer(
        "us-zip",
        "place",
        re.compile(
            r"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]"
            r"|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s+\d{5}(?:-\d{4})?\b"
            r"|(?i:\b(?:zip|post)\s?code)\b:?\s*(?:is\s+)?[A-Z0-9]{3,}(?:\s[A-Z0-9]{3})?"
        ),
    ),
]

SIGNALS = [
    Recognizer(
        "biometric",
        "biometric",
        re.compile(
            r"\b(?:fingerprints?|finger prints?|palm ?prints?|voice ?prints?|retinal scan|iris scan"
            r"|facial recognition|face recognition|DNA profile|gait signature|voice recording"
            r"|biometric\w*)\b",
            re.I,
        ),
        needles=(
            "print",
            "scan",
            "recognition",
            "dna profile",
            "gait signature",
            "voice",
            "biometric",
        ),
    ),
    Recognizer(
        "face-photograph",
        "photo",
        re.compile(
            r"\b(?:(?:full[- ]face|facial|portrait|head[- ]and[- ]shoulders?)\s+(?:photo(?:graph)?"
            r"|picture|image)s?"
            r"|selfie|portrait photo(?:graph)?"
            r"|(?:photo(?:graph)?|picture|image|figure \d+\w?:?)\s+(?:\w+\s+){0,4}(?:the\s+)?"
            r"(?:\w+(?:'s|’s)\s+)?(?:whole\s+)?face\b"
            r"|(?:figure \d+\w?|photo(?:graph)?|picture"
            r"|image)\s+shows\s+(?:\w+\s+){0,3}(?:\w+(?:'s|’s)\s+)?(?:whole\s+)?face\b"
            r"|shows\s+(?:her|his|their|the\s+\w+(?:'s|’s))\s+whole\s+face)",
            re.I,
        ),
        needles=("face", "facial", "portrait", "selfie", "head-and", "head and"),
    ),
    Recognizer(
        "characteristic",
        "characteristic",
        re.compile(
            r"\b(?:tattoo(?:ed)?|well[- ]known|famous|celebrity"
            r"|mayor|Olympic|Member of Parliament|MP for"
            r"|television presenter|TV presenter|professional (?:footballer"
            r"|athlete|cricketer|boxer|singer|musician)"
            r"|(?:town|village|county|island|city)['’]s only"
            r"|(?:the|one of the) only\s+(?:\w+\s+){0,8}(?:in"
            r"|of)\s+(?:the|his|her|their)\s+(?:town|village|county|city|country|island))\b",
            re.I,
        ),
        needles=(
            "tattoo",
            "known",
            "famous",
            "celebrity",
            "mayor",
            "olympic",
            "parliament",
            "mp for",
            "presenter",
            "professional",
            "only",
        ),
    ),
]
