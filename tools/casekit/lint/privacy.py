"""CK6xx: identifiers in free text (the HIPAA Safe Harbor list) and consent.

Every free-text field is scanned except those that are about the report rather than the
patient: authors and affiliations (names by design), references, presentations, the
embargo date and lint settings. Each pattern is compiled once.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from casekit.findings import JsonPath, Severity
from casekit.lint.engine import CaseView, Hit, rule

E = Severity.ERROR
W = Severity.WARNING

_SAFE_HARBOR = (
    "HIPAA Safe Harbor (45 CFR 164.514(b)(2)) lists the identifiers that must be removed"
    " before health information counts as de-identified; ICMJE asks for no names, initials"
    " or hospital numbers in case reports."
)


@rule(
    "CK601",
    "consent-missing",
    "privacy",
    E,
    summary="A case about the authors' own patient has no consent for publication.",
    rationale="CARE item 13 and ICMJE: a case report about a patient the authors looked"
    " after states that informed consent for publication was obtained, and from whom. A"
    " case curated from the literature relies on the original publication instead (source"
    " kind 'published-literature', consent status 'original-publication').",
    bad='"consent": {"status": "pending"}',
    good='"consent": {"status": "obtained", "from": "parent-or-guardian", "statement":'
    ' "Written informed consent for publication was obtained from the patient\'s parents."}',
)
def consent_missing(case: CaseView) -> Iterator[Hit]:
    source = (case.data.get("source") or {}).get("kind", "own-patient")
    if source != "own-patient":
        return
    consent = case.data.get("consent") or {}
    status = consent.get("status")
    if status == "original-publication":
        yield Hit(
            ("consent", "status"),
            "Consent is said to rest with an original publication, but the case is marked"
            " as the authors' own patient.",
            "Obtain consent and set status 'obtained', or mark the case as curated:"
            " source.kind 'published-literature' with source.reference.",
        )
    elif status != "obtained":
        # A draft may wait for consent (the site never publishes it); a case sent to a
        # venue or marked published may not.
        draft = case.data.get("status") == "draft"
        yield Hit(
            ("consent", "status"),
            f"Consent for publication is '{status}' for the authors' own patient.",
            "Publish only once written consent is obtained; then set status 'obtained',"
            " 'from' and the statement."
            + (" This is a warning while the case is a draft." if draft else ""),
            severity=W if draft else None,
        )
    elif not consent.get("statement"):
        yield Hit(
            ("consent",),
            "Consent was obtained, but the case has no consent statement.",
            "Add consent.statement, the sentence printed with the report, and 'from'.",
        )


class _Found(str):
    """Text a pattern found, and where it starts in its field (1-based character)."""

    position: int

    def __new__(cls, text: str, position: int) -> _Found:
        found = super().__new__(cls, text)
        found.position = position
        return found


def _masked(found: str) -> str:
    """A found identifier with its middle hidden, and where it is in the field.

    Findings travel into CI logs and code-scanning services (SARIF), so the identifier
    itself is not repeated; its position in the field tells the author where to look.
    """
    where = f" at character {found.position}" if isinstance(found, _Found) else ""
    if len(found) <= 3:
        return f"A {len(found)}-character text{where}"
    return f"'{found[0]}…{found[-1]}' ({len(found)} characters){where}"


#: Characters a case-insensitive pattern matches as an ASCII letter although
#: ``str.lower()`` does not make them that letter (the regular-expression engine's own
#: case folding). Replacing them first keeps the lower-case text exactly as long as the
#: text, so a position in one is the same position in the other.
_RE_FOLDS = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))

#: A digit that starts a word: where every pattern that begins with :data:`_NUM` starts.
_WORD_START_DIGIT = re.compile(r"[0-9](?<![\w][0-9])")
#: Past this many digits one regular-expression pass finds word starts faster.
_FEW_DIGITS = 48


class _Text:
    """A case's free text joined for the privacy patterns, and what their tests share."""

    def __init__(self, case: CaseView) -> None:
        self.text, self.starts = case.joined_text
        self._lowered: str | None = None
        self._folded: str | None = None
        self._digits: list[int] | None = None
        self._ascii_digits: list[int] | None = None
        self._last_digit: int | None = None
        self._seen: dict[tuple[str, ...], bool] = {}
        self._occurrences: dict[tuple[bool, tuple[str, ...], int], list[int]] = {}

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    @property
    def folded(self) -> str:
        """Lower case as a case-insensitive pattern sees it, position for position."""
        if self._folded is None:
            text = self.text
            if not text.isascii():
                for special, letter in _RE_FOLDS:
                    if special in text:
                        text = text.replace(special, letter)
            self._folded = text.lower()
        return self._folded

    @property
    def ascii_digits(self) -> list[int] | None:
        """Where each digit 0-9 is, in order; None when there are too many to be worth it."""
        if self._ascii_digits is None:
            self._ascii_digits = _ascii_digits(self.text)
        return self._ascii_digits if len(self._ascii_digits) <= _FEW_DIGITS else None

    @property
    def word_start_digits(self) -> list[int]:
        """Where :data:`_WORD_START_DIGIT` matches: a few digits are found fastest one by
        one, many with one regular-expression pass."""
        if self._digits is None:
            digits, text = self.ascii_digits, self.text
            if digits is None:
                self._digits = [match.start() for match in _WORD_START_DIGIT.finditer(text)]
            else:
                self._digits = [at for at in digits if not at or not _is_word(text[at - 1])]
        return self._digits

    def digits_end(self, *, any_script: bool) -> int:
        r"""Where the last digit 0-9 is (-1: none); with ``any_script``, where the last
        character ``\d`` may take is (the end, unless the text is ASCII)."""
        if any_script and not self.text.isascii():
            return len(self.text)
        if self._last_digit is None:
            self._last_digit = max(self.text.rfind(digit) for digit in "0123456789")
        return self._last_digit

    def has_any(self, needles: tuple[str, ...]) -> bool:
        """Whether one of ``needles`` is in the lower-case text.

        A needle without letters is looked for in the text itself: lower case changes
        no such character, and no other character becomes one.
        """
        seen = self._seen.get(needles)
        if seen is None:
            seen = self._seen[needles] = any(
                needle in (self.text if _no_letters(needle) else self.lowered) for needle in needles
            )
        return seen

    def occurrences(self, words: tuple[str, ...], *, any_case: bool, end: int) -> list[int]:
        """Where one of ``words`` is, wholly before ``end``."""
        key = (any_case, words, end)
        found = self._occurrences.get(key)
        if found is None:
            text = self.folded if any_case else self.text
            found = self._occurrences[key] = _occurrences(text, words, end)
        return found


def _text(case: CaseView) -> _Text:
    return _Text(case)


def _no_letters(needle: str) -> bool:
    return needle.isascii() and needle.lower() == needle.upper()


def _ascii_digits(text: str) -> list[int]:
    """Where each digit 0-9 is, in order, or as soon as there are more than
    :data:`_FEW_DIGITS`, that many and one."""
    found: list[int] = []
    for digit in "0123456789":
        at = text.find(digit)
        while at != -1:
            found.append(at)
            if len(found) > _FEW_DIGITS:
                return found
            at = text.find(digit, at + 1)
    found.sort()
    return found


def _is_word(char: str) -> bool:
    r"""What ``\w`` matches (str.isalnum is the same Unicode test the engine makes)."""
    return char.isalnum() or char == "_"


@dataclass(frozen=True)
class _Pattern:
    """A pattern, and cheap tests that tell where (or whether) it can match.

    - ``needles``: words of which at least one must be in the lower-case text for the
      pattern to run at all (the test these rules have always made);
    - ``written``: words of which at least one is in the text as written wherever the
      pattern matches (for a pattern that does not ignore case);
    - ``starts``: every match begins with one of these words (as written, or lower case
      when ``ignore_case``), so the pattern is tried only where one occurs;
    - ``at_digit``: every match begins with a digit that starts a word (:data:`_NUM`);
    - ``digit_after``: every match has a digit after its first word, '0-9' or any ``\\d``
      (then the word is looked for only before the last digit);
    - ``possible``: any other necessary condition, tested before the pattern runs.

    Trying the pattern at each possible start, in order and from the end of the previous
    match on, finds exactly what ``finditer`` finds, without a scan of the whole text.
    When the possible starts are known, ``needles`` is tested only once something is found.
    """

    regex: re.Pattern[str]
    needles: tuple[str, ...] = ()
    written: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    ignore_case: bool = False
    at_digit: bool = False
    digit_after: str = ""
    #: Another necessary condition, tested before the pattern runs.
    possible: Callable[[_Text], bool] | None = None

    def matches(self, text: _Text) -> Iterator[re.Match[str]]:
        if self.written and not any(word in text.text for word in self.written):
            return
        if self.possible is not None and not self.possible(text):
            return
        if self.at_digit:
            positions: Iterable[int] = text.word_start_digits
        elif self.starts:
            end = len(text.text)
            if self.digit_after:
                end = text.digits_end(any_script=self.digit_after == "\\d")
                if end < 0:
                    return  # no digit in the text: nothing can follow the first word
            positions = text.occurrences(self.starts, any_case=self.ignore_case, end=end)
        else:
            if not self.needles or text.has_any(self.needles):
                yield from self.regex.finditer(text.text)
            return
        match_at = self.regex.match
        end = 0
        needles_checked = not self.needles
        for position in positions:
            if position < end:
                continue
            match = match_at(text.text, position)
            if match is not None:
                if not needles_checked:
                    if not text.has_any(self.needles):
                        return
                    needles_checked = True
                end = match.end()  # past the start: no pattern here matches empty text
                yield match


def _occurrences(text: str, words: tuple[str, ...], end: int) -> list[int]:
    """Every position where one of ``words`` begins (and, but for a capital's group, ends
    before ``end``), in order.

    Words that begin with a capital are found through their first letter (a capital is
    rare, and finding one character is fast); others whole.
    """
    found: set[int] = set()
    by_capital: dict[str, tuple[str, ...]] = {}
    for word in words:
        if word[0].isupper():
            by_capital[word[0]] = (*by_capital.get(word[0], ()), word)
            continue
        at = text.find(word, 0, end)
        while at != -1:
            found.add(at)
            at = text.find(word, at + 1, end)
    for capital, group in by_capital.items():
        at = text.find(capital, 0, end)
        while at != -1:
            if text.startswith(group, at):
                found.add(at)
            at = text.find(capital, at + 1, end)
    return sorted(found)


def _p(
    pattern: str,
    *needles: str,
    flags: int = 0,
    written: tuple[str, ...] = (),
    starts: tuple[str, ...] = (),
    starts_any_case: tuple[str, ...] = (),
    at_digit: bool = False,
    digit_after: str = "",
    possible: Callable[[_Text], bool] | None = None,
) -> _Pattern:
    """``starts`` are as written; ``starts_any_case`` are lower case, for a pattern (or a
    leading group) that ignores case."""
    return _Pattern(
        re.compile(pattern, flags),
        needles,
        written,
        starts or starts_any_case,
        ignore_case=bool(starts_any_case),
        at_digit=at_digit,
        digit_after=digit_after,
        possible=possible,
    )


#: Starts a number at a word boundary; faster than a leading \b (the regular-expression
#: engine can then skip ahead to the next digit).
_NUM = r"[0-9](?<![\w][0-9])"


def _scan(
    case: CaseView,
    patterns: list[_Pattern],
    *,
    skip_source: bool = False,
    keep: Callable[[str], bool] | None = None,
) -> Iterator[tuple[JsonPath, str]]:
    """The first identifier each free-text field shows (one finding per field is enough).

    Each pattern looks at all the case's free text at once; a match is mapped back to its
    field.
    """
    text = case.shared(_text)
    starts = text.starts
    reported: set[int] = set()
    for pattern in patterns:
        for match in pattern.matches(text):
            index = bisect.bisect_right(starts, match.start()) - 1
            if index in reported or (keep is not None and not keep(match.group())):
                continue
            path = case.text_fields[index][0]
            if skip_source and path[0] == "source":
                continue
            reported.add(index)
            raw = match.group()
            start = match.start() - starts[index] + (len(raw) - len(raw.lstrip()))
            yield path, _Found(raw.strip(), start + 1)


#: A capital and a full stop: initials need two (found from the full stop, which the
#: regular-expression engine finds fastest).
_CAPITAL_STOP = re.compile(r"\.(?<=[A-Z]\.)")


def _could_be_initials(text: _Text) -> bool:
    return _CAPITAL_STOP.search(text.text) is not None


_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Master|Sister|Nurse|Rev|Sir|Lady)"
_TITLE_STARTS = ("Mr", "Ms", "Miss", "Mx", "Dr", "Prof", "Master", "Sister", "Nurse", "Rev",
                 "Sir", "Lady")  # fmt: skip
_NAMES = [
    _p(
        rf"\b{_TITLES}\.?\s+[A-Z][a-z'\u2019-]+",
        "mr",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "master",
        "sister",
        "nurse",
        "rev",
        "sir",
        "lady",
        starts=_TITLE_STARTS,
    ),
    _p(
        r"\b(?:named|called|née)\s+[A-Z][a-z'\u2019-]{2,}",
        "named",
        "called",
        "née",
        starts=("named", "called", "née"),
    ),
    _p(
        r"\b(?:patient|Patient|child|boy|girl|man|woman)\s+[A-Z]\.\s?[A-Z]\.(?!\w)",
        "patient",
        "child",
        "boy",
        "girl",
        "man",
        starts=("patient", "Patient", "child", "boy", "girl", "man", "woman"),
        possible=_could_be_initials,
    ),
]


@rule(
    "CK602",
    "name-in-text",
    "privacy",
    E,
    summary="The free text appears to contain a person's name or initials.",
    rationale=_SAFE_HARBOR + " Author and affiliation fields are not scanned: they are names"
    " by design.",
    bad='"presenting_complaint": "Mrs Jones brought her daughter with a limp."',
    good='"presenting_complaint": "Her mother brought her with a limp."',
)
def name_in_text(case: CaseView) -> Iterator[Hit]:
    for path, found in _scan(case, _NAMES):
        yield Hit(
            path,
            f"{_masked(found)} looks like a person's name or initials.",
            "Refer to people by their role ('the patient', 'her mother', 'the GP').",
        )


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
#: 'mar' alone would also run the month patterns for every 'marrow'.
_MONTH_NEEDLES = (
    "jan", "feb", "march", "mar ", "mar.", "apr", "may", "jun", "jul", "aug", "sep", "oct",
    "nov", "dec",
)  # fmt: skip
#: Every month name and abbreviation begins with one of these.
_MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                 "Dec")  # fmt: skip
_DATES = [
    _p(rf"{_NUM}\d{{3}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b", "-", at_digit=True),
    _p(rf"{_NUM}\d?[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})\b", "/", ".", at_digit=True),
    _p(
        rf"{_NUM}\d?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?",
        *_MONTH_NEEDLES,
        at_digit=True,
    ),
    _p(
        rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:years|months|weeks|days))",
        *_MONTH_NEEDLES,
        starts=_MONTH_STARTS,
        digit_after="\\d",
    ),
    _p(
        rf"\b{_MONTH}\.?,?\s+(?:19|20)\d{{2}}\b",
        *_MONTH_NEEDLES,
        starts=_MONTH_STARTS,
        digit_after="0-9",
    ),
]


@rule(
    "CK603",
    "calendar-date",
    "privacy",
    E,
    summary="The free text contains a calendar date (day or month, not just a year).",
    rationale=_SAFE_HARBOR + " All date elements except the year are identifiers; casekit"
    " cases give times relative to presentation instead. The embargo date and reference"
    " dates are about the report and are not checked.",
    bad='"description": "Admitted on 12 March 2021."',
    good='"time": {"value": 2, "unit": "days"}, "description": "Admitted."',
)
def calendar_date(case: CaseView) -> Iterator[Hit]:
    for path, found in _scan(case, _DATES):
        yield Hit(
            path,
            f"{_masked(found)} looks like a calendar date.",
            "Give the time relative to presentation in the timeline ('3 days after"
            " presentation') and remove the date.",
        )


_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Boulevard|Blvd|Close|Crescent|Way|Court"
    r"|Terrace|Place|Square)"
)
_US_STATE = (
    r"(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]"
    r"|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])"
)


def _could_be_postcode(text: _Text) -> bool:
    """A postcode has a digit right after a capital."""
    digits = text.ascii_digits
    return digits is None or any(at and "A" <= text.text[at - 1] <= "Z" for at in digits)


def _could_be_zip_code(text: _Text) -> bool:
    r"""A ZIP code has five digits in a row (known from 0-9 alone only in ASCII text: ``\d``
    also takes other scripts' digits)."""
    digits = text.ascii_digits
    if digits is None or not text.text.isascii():
        return True
    return any(digits[i + 4] == digits[i] + 4 for i in range(len(digits) - 4))


_PLACES = [
    _p(rf"{_NUM}\d{{0,4}}\s+(?:[A-Z][a-z]+\s){{1,3}}{_STREET}\b", at_digit=True),
    _p(
        r"[A-Z](?<![\w][A-Z])[A-Z]?[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b",  # UK postcode
        possible=_could_be_postcode,
    ),
    _p(
        rf"[A-Z](?<![\w][A-Z])[A-Z](?<={_US_STATE})\s+\d{{5}}(?:-\d{{4}})?\b",  # US ZIP code
        possible=_could_be_zip_code,
    ),
    _p(
        r"\b(?i:zip|post)\s?(?i:code)\b:?\s*[A-Z0-9]{3,}|\b(?i:zip)\b:?\s*\d{5}",
        "zip",
        "post",
        starts_any_case=("zip", "post"),
    ),
    _p(
        r"\b(?:[A-Z][a-z]+\s){1,3}"
        r"(?:Hospital|Infirmary|Medical Cent(?:er|re)|Health Cent(?:er|re))\b",
        "hospital",
        "infirmary",
        "medical cent",
        "health cent",
        written=("Hospital", "Infirmary", "Medical Cent", "Health Cent"),
    ),
]
#: Words that describe a hospital without naming it ("a District General Hospital").
_GENERIC_PLACE_WORDS = (
    "A An The District General Teaching University Children Childrens Community Regional"
    " Local Tertiary Referral Private Public County Specialist Paediatric Pediatric Rural"
    " Urban Hospital Infirmary Medical Health Centre Center"
)
_GENERIC_PLACE = frozenset(_GENERIC_PLACE_WORDS.split())


def _names_a_place(found: str) -> bool:
    return not all(word in _GENERIC_PLACE for word in found.split())


@rule(
    "CK604",
    "small-place",
    "privacy",
    E,
    summary="The free text names a place smaller than a region (an address, postcode or named"
    " hospital).",
    rationale=_SAFE_HARBOR + " Geographic units smaller than a state (street, town, postcode)"
    " identify; so does a named local hospital combined with a rare disease.",
    bad='"psychosocial_history": "Lives at 14 Elm Road, Leeds LS6 2AB."',
    good='"psychosocial_history": "Lives with both parents in a city in northern England."',
)
def small_place(case: CaseView) -> Iterator[Hit]:
    for path, found in _scan(case, _PLACES, keep=_names_a_place):
        yield Hit(
            path,
            f"'{found}' names a place smaller than a region.",
            "Remove the address, postcode or institution; a country or region is enough.",
        )


def _could_be_email(case_text: _Text) -> bool:
    """An '@' between characters an address may hold ('[@ref]' cites a reference)."""
    text = case_text.text
    at = text.find("@")
    while at != -1:
        if 0 < at < len(text) - 1:
            before, after = text[at - 1], text[at + 1]
            if (_is_word(before) or before in ".+-") and (_is_word(after) or after == "-"):
                return True
        at = text.find("@", at + 1)
    return False


_CONTACTS = [
    _p(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", "@", possible=_could_be_email),
    _p(
        r"\b(?i:tel|telephone|phone|mobile|fax)\b[:.]?\s*\+?\d[\d\s().-]{6,}\d",
        "tel",
        "phone",
        "mobile",
        "fax",
        starts_any_case=("tel", "phone", "mobile", "fax"),
        digit_after="\\d",
    ),
    _p(r"\+\d{1,3}[\s.-]?\(?\d{1,5}\)?(?:[\s.-]?\d{2,4}){2,4}\b", "+"),
    _p(r"\(\d{3,5}\)\s?\d{3,4}[\s.-]?\d{3,4}\b", "("),
    _p(r"0(?<![\w]0)\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}\b"),
    _p(rf"{_NUM}\d{{2}}[.-]\d{{3}}[.-]\d{{4}}\b", at_digit=True),
    _p(rf"{_NUM}\d{{0,2}}\.(?:\d{{1,3}}\.){{2}}\d{{1,3}}\b", at_digit=True),
]
_URL = [
    _p(
        r"\bhttps?://\S+|\bwww\.[\w-]+\.\S+",
        "http",
        "www.",
        flags=re.I,
        starts_any_case=("http", "www."),
    )
]


@rule(
    "CK605",
    "contact-details",
    "privacy",
    E,
    summary="The free text contains a telephone or fax number, an e-mail address, a web"
    " address or an IP address.",
    rationale=_SAFE_HARBOR + " Web addresses are checked in the patient's text only; the"
    " note on the case's source may cite one.",
    bad='"psychosocial_history": "Family contact: 0113 496 0000, jo@example.com"',
    good='"psychosocial_history": "Lives with her parents."',
)
def contact_details(case: CaseView) -> Iterator[Hit]:
    for path, found in _scan(case, _CONTACTS):
        yield Hit(
            path,
            f"{_masked(found)} looks like contact details (telephone, e-mail or address).",
            "Remove it: a case report never needs a way to reach the patient.",
        )
    for path, found in _scan(case, _URL, skip_source=True):
        yield Hit(
            path,
            f"'{found}' is a web address in the patient's text.",
            "Remove it; cite published work in 'references' instead.",
        )


_NUMBER_NEEDLES = (
    "mrn",
    "record",
    "hospital n",
    "nhs",
    "chi ",
    "patient",
    "insurance",
    "policy",
    "member",
    "account",
    "ssn",
    "social security",
    "licen",
    "health plan",
)
#: Every match of the first pattern below begins with one of these (in lower case).
_NUMBER_STARTS = (
    "mrn",
    "medical record",
    "record n",
    "hospital n",
    "nhs n",
    "chi n",
    "patient id",
    "patient n",
    "insurance n",
    "insurance id",
    "policy n",
    "member id",
    "account n",
    "ssn",
    "social security",
    "licence n",
    "license n",
    "health plan n",
)
_NUMBERS = [
    _p(
        r"\b(?i:MRN|medical record(?: number| no\.?)?|record (?:number|no\.?)"
        r"|hospital (?:number|no\.?)|NHS (?:number|no\.?)|CHI (?:number|no\.?)"
        r"|patient (?:ID|number|no\.?)|insurance (?:number|no\.?|ID)|policy (?:number|no\.?)"
        r"|member ID|account (?:number|no\.?)|SSN|social security(?: number)?"
        r"|licen[cs]e (?:number|no\.?)|health plan (?:number|no\.?))"
        r"\s*[:#]?\s*[A-Za-z]{0,3}[0-9][A-Za-z0-9-]{2,}",
        *_NUMBER_NEEDLES,
        starts_any_case=_NUMBER_STARTS,
        digit_after="0-9",
    ),
    _p(rf"{_NUM}\d{{2}}\s\d{{3}}\s\d{{4}}\b", at_digit=True),  # NHS number layout
    _p(rf"{_NUM}\d{{2}}-\d{{2}}-\d{{4}}\b", "-", at_digit=True),  # US social security number
]


@rule(
    "CK606",
    "record-number",
    "privacy",
    E,
    summary="The free text contains a medical record, NHS, insurance or other identifying number.",
    rationale=_SAFE_HARBOR + " Record, health-plan, account, licence and social security"
    " numbers all identify the patient.",
    bad='"history": "Hospital number RX1234567; NHS number 943 476 5919."',
    good='"history": "Known to the rheumatology service since age 2."',
)
def record_number(case: CaseView) -> Iterator[Hit]:
    for path, found in _scan(case, _NUMBERS):
        yield Hit(
            path,
            f"{_masked(found)} looks like a record, NHS or insurance number.",
            "Remove it; no identifying number belongs in a case report.",
        )


_OLD_AGES = [
    _p(r"\b(?:9\d|1[0-2]\d)[- ](?:year|yr)s?[- ]old\b", "year", "yr", flags=re.I, at_digit=True),
    _p(
        r"\b(?:aged|age)\s+(?:9\d|1[0-2]\d)\b",
        "age",
        flags=re.I,
        starts_any_case=("age",),
        digit_after="0-9",
    ),
    _p(r"\b(?:9\d|1[0-2]\d)\s+years\s+of\s+age\b", "years of age", flags=re.I, at_digit=True),
]


@rule(
    "CK607",
    "age-over-89",
    "privacy",
    E,
    summary="The free text gives an age over 89.",
    rationale=_SAFE_HARBOR + " Ages over 89 are rare enough to identify and are reported as"
    " '90 or older'.",
    bad='"presenting_complaint": "A 94-year-old woman with a fall."',
    good='"presenting_complaint": "A woman aged 90 or over with a fall."',
)
def age_over_89(case: CaseView) -> Iterator[Hit]:
    for path, found in _scan(case, _OLD_AGES):
        yield Hit(
            path,
            f"'{found}' gives an age over 89.",
            "Write '90 or older' (and age 90 in patient.age).",
        )
