"""CK6xx: identifiers in free text (the HIPAA Safe Harbor list) and consent.

The identifier rules are thin wrappers over the detector (:mod:`casekit.identifiers`),
which the renderers and the publication gate use too. Which strings are scanned is decided
by the schema (:mod:`casekit.identifiers.fields`): every string but codes and the fields
that describe the publication. Each finding points at the identifier itself (line and
column in the file) and shows it masked, because findings travel into CI logs and
code-scanning services.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from casekit.findings import JsonPath, Severity
from casekit.identifiers import CATEGORIES, Match, find, find_in_fields
from casekit.identifiers.fields import patient_text
from casekit.lint.engine import CaseView, Check, Hit, rule

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


def identifiers_in_text(text: str) -> list[Match]:
    """The identifiers in plain text that the privacy rules report as errors (for a
    renderer checking what it is about to write).

    The rules only: text a renderer writes is composed from the case's fields, which lint
    and the publication gate read with the learned layer too (:mod:`casekit.identifiers.
    learned`). That layer weighs a word by its neighbours, and casekit's own words around
    a fragment ('Six months after presentation, she was pain-free') are no text it learned
    from: it took 'pain-free' for an age there, and the case could not be rendered.
    """
    return [m for m in find(text, learned=False) if _SEVERITY.get(m.category, E) is E]


def case_identifiers(case: CaseView) -> list[tuple[JsonPath, Match]]:
    """Every identifier in the case's patient text, with the path of its field."""
    fields = patient_text(case.data)
    found = find_in_fields([text for _, text in fields])
    return [
        (path, match) for (path, _), matches in zip(fields, found, strict=True) for match in matches
    ]


@dataclass(frozen=True)
class _IdentifierRule:
    code: str
    name: str
    categories: tuple[str, ...]
    summary: str
    bad: str
    good: str
    hint: str
    severity: Severity = E
    rationale: str = ""


def _describe(match: Match) -> str:
    shown = match.masked if len(match.text) > 3 else f"A {len(match.text)}-character text"
    what = CATEGORIES[match.category][1]
    return f"'{shown}' ({len(match.text)} characters) looks like {what}."


class _IdentifierCheck:
    """The check of one identifier rule: the case's identifiers of its categories. (A class,
    not a closure, so that the publication gate can send the rule to worker processes.)"""

    def __init__(self, spec: _IdentifierRule) -> None:
        self.spec = spec
        self.__name__ = spec.name.replace("-", "_")
        self.__doc__ = spec.summary

    def __call__(self, case: CaseView) -> Iterator[Hit]:
        for path, match in case.shared(case_identifiers):
            if match.category in self.spec.categories:
                yield Hit(path, _describe(match), self.spec.hint, offset=match.start)


_ROLE_HINT = "Refer to people by their role ('the patient', 'her mother', 'the GP')."
_NUMBER_HINT = "Remove it; no identifying number belongs in a case report."
_JUDGEMENT = (
    " A warning, not an error: whether it identifies the patient is a judgement only the"
    " authors can make; remove it, or suppress the warning with the reason."
)
IDENTIFIER_RULES = [
    _IdentifierRule(
        "CK602",
        "name-in-text",
        ("name",),
        "The free text appears to contain a person's name or initials.",
        '"presenting_complaint": "Mrs Jones brought her daughter with a limp."',
        '"presenting_complaint": "Her mother brought her with a limp."',
        _ROLE_HINT,
        rationale=" Names are found after titles and person cues ('her mother,', 'named',"
        " 'aged 11'), from lists of given names and surnames in many languages, and as"
        " initials; eponyms (Kawasaki, Still, Graves) are not names.",
    ),
    _IdentifierRule(
        "CK603",
        "calendar-date",
        ("date",),
        "The free text contains a calendar date (day or month, not just a year).",
        '"description": "Admitted on 12 March 2021."',
        '"time": {"value": 2, "unit": "days"}, "description": "Admitted."',
        "Give the time relative to presentation in the timeline ('3 days after"
        " presentation') and remove the date.",
        rationale=" All date elements except the year are identifiers, holidays ('Christmas"
        " Day 2021') included; casekit cases give times relative to presentation instead."
        " Publication dates of references are not patient dates and are not checked.",
    ),
    _IdentifierRule(
        "CK604",
        "small-place",
        ("place",),
        "The free text names a place smaller than a region (a town, street or postcode).",
        '"psychosocial_history": "Lives at 14 Elm Road, Leeds LS6 2AB."',
        '"psychosocial_history": "Lives with both parents in a city in northern England."',
        "Remove the address, town or postcode; a country or region is enough.",
        rationale=" Geographic units smaller than a state (street, town, postcode) identify.",
    ),
    _IdentifierRule(
        "CK605",
        "contact-details",
        ("phone", "fax", "email", "url", "ip"),
        "The free text contains a telephone or fax number, an e-mail, web or IP address.",
        '"psychosocial_history": "Family contact: 0113 496 0000, jo@example.com"',
        '"psychosocial_history": "Lives with her parents."',
        "Remove it: a case report never needs a way to reach the patient; cite published"
        " work in 'references'.",
    ),
    _IdentifierRule(
        "CK606",
        "record-number",
        ("record",),
        "The free text contains a medical record, hospital, NHS or CHI number.",
        '"history": "Hospital number RX1234567; NHS number 943 476 5919."',
        '"history": "Known to the rheumatology service since age 2."',
        _NUMBER_HINT,
        rationale=" NHS numbers are recognised by their check digit even without a label.",
    ),
    _IdentifierRule(
        "CK607",
        "age-over-89",
        ("age",),
        "The free text gives an age over 89.",
        '"presenting_complaint": "A 94-year-old woman with a fall."',
        '"presenting_complaint": "A woman aged 90 or over with a fall."',
        "Write '90 or older' (and age 90 in patient.age).",
        rationale=" Ages over 89 (in figures or words, 'nonagenarian') are rare enough to"
        " identify and are reported as '90 or older'.",
    ),
    _IdentifierRule(
        "CK608",
        "named-institution",
        ("institution",),
        "The free text names a hospital, school, university or institute.",
        '"description": "Referred to St Thomas\' Hospital."',
        '"description": "Referred to a tertiary paediatric centre."',
        "Describe the institution instead of naming it ('a tertiary centre', 'her school').",
        rationale=" A named local hospital or school together with a rare disease"
        " identifies the patient; ICMJE and BMJ Case Reports ask for no institution names.",
    ),
    _IdentifierRule(
        "CK609",
        "health-plan-number",
        ("health-plan",),
        "The free text contains a health-plan, Medicare or insurance number.",
        '"history": "Medicare number 2123 45670 1."',
        '"history": "Insured privately."',
        _NUMBER_HINT,
    ),
    _IdentifierRule(
        "CK610",
        "national-id-number",
        ("ssn",),
        "The free text contains a social security, national insurance or national ID number.",
        '"history": "NI number AB123456C."',
        '"history": "Works as a teacher."',
        _NUMBER_HINT,
    ),
    _IdentifierRule(
        "CK611",
        "account-number",
        ("account",),
        "The free text contains an account, card or invoice number.",
        '"outcome": {"summary": "Billed to account number 12345678."}',
        '"outcome": {"summary": "Treated as an outpatient."}',
        _NUMBER_HINT,
    ),
    _IdentifierRule(
        "CK612",
        "licence-number",
        ("licence",),
        "The free text contains a licence, passport or certificate number.",
        '"history": "Passport number 925076473."',
        '"history": "Travelled abroad."',
        _NUMBER_HINT,
    ),
    _IdentifierRule(
        "CK613",
        "vehicle-identifier",
        ("vehicle",),
        "The free text contains a vehicle registration or identification number.",
        '"history": "Hit by a van, registration LM19 OPQ."',
        '"history": "Hit by a van."',
        _NUMBER_HINT,
    ),
    _IdentifierRule(
        "CK614",
        "device-identifier",
        ("device",),
        "The free text contains a device serial, lot or similar number.",
        '"description": "Pacemaker serial number PJN123456S."',
        '"description": "A dual-chamber pacemaker was implanted."',
        _NUMBER_HINT,
    ),
    _IdentifierRule(
        "CK615",
        "online-handle",
        ("handle",),
        "The free text contains a social-media handle or user name.",
        '"patient_perspective": "I post as @testina_runs."',
        '"patient_perspective": "I shared my story online."',
        "Remove it: a handle leads straight to the person.",
    ),
    _IdentifierRule(
        "CK616",
        "biometric-identifier",
        ("biometric",),
        "The free text mentions a biometric identifier (fingerprint, retinal or iris scan,"
        " voiceprint, DNA profile).",
        '"history": "A retinal scan was stored to identify him."',
        '"history": "Identity was confirmed at each visit."',
        "Do not include the biometric record; say only what matters clinically.",
        severity=W,
        rationale=_JUDGEMENT,
    ),
    _IdentifierRule(
        "CK617",
        "face-photograph",
        ("photo",),
        "The free text describes a full-face photograph of the patient.",
        '"description": "Figure 1 is a full-face photograph of the patient."',
        '"description": "Figure 1 shows the rash on the forearm."',
        "Crop the image to the finding, or mask the eyes, and state the patient's consent to"
        " images.",
        severity=W,
        rationale=_JUDGEMENT,
    ),
    _IdentifierRule(
        "CK618",
        "unique-characteristic",
        ("characteristic",),
        "The free text mentions a characteristic that may single the patient out (a tattoo,"
        " fame, a unique role).",
        '"psychosocial_history": "He was the mayor of the town."',
        '"psychosocial_history": "He works in local government."',
        "Describe it in general terms, or leave it out if it does not matter clinically.",
        severity=W,
        rationale=_JUDGEMENT,
    ),
    _IdentifierRule(
        "CK619",
        "identifying-number",
        ("number",),
        "The free text contains a long number or code of the kind record and account"
        " numbers are written in.",
        '"history": "Referred under reference S19-12345."',
        '"history": "Referred."',
        _NUMBER_HINT + " If it is a quantity, give its unit.",
    ),
]


def _declare(spec: _IdentifierRule) -> Check:
    return rule(
        spec.code,
        spec.name,
        "privacy",
        spec.severity,
        summary=spec.summary,
        rationale=_SAFE_HARBOR + spec.rationale,
        bad=spec.bad,
        good=spec.good,
        scope="case",
    )(_IdentifierCheck(spec))


for _spec in IDENTIFIER_RULES:
    _declare(_spec)
_SEVERITY = {category: spec.severity for spec in IDENTIFIER_RULES for category in spec.categories}
