"""The written form of a code in each code list, and the check digits some carry.

ICD-11 and SNOMED CT cannot be shipped with casekit (the first is served by the WHO's
API, the second is licensed), and LOINC's table is not on PyPI: for those only the form
of a code can be checked, and for SNOMED CT and LOINC its check digit.

Sources:
- ICD-10: WHO, ICD-10 Volume 2 (Instruction manual), 2019 edition, section 2.4: a letter,
  two digits, and after a point a fourth (in places a fifth) character.
- ICD-10-CM: CDC/NCHS, ICD-10-CM Official Guidelines for Coding and Reporting FY2026,
  section I.A.1-5: three to seven characters, a letter first, a point after the third.
- ICD-11: WHO, ICD-11 Reference Guide (2022), section 2.9 'Code structure': the first
  character is the chapter (1-9 or a letter), the second always a letter, the third a
  digit, the fourth a letter or digit, then optionally a point and one or two more
  characters; the letters I and O are never used; codes beginning with X are extension
  codes, which cannot stand alone.
- SNOMED CT: SNOMED International, Technical Implementation Guide, section 6.1 'SCTID':
  6 to 18 digits, no leading zero, the last digit a Verhoeff check digit, the two before
  it the partition identifier ('00' or '10' for a concept).
- LOINC: Regenstrief Institute, LOINC Users' Guide, appendix 'Calculating Mod 10 check
  digits' (the same as the Luhn algorithm): the digit after the hyphen.
- HPO ids 'HP:' and seven digits (hp.obo); ORPHA 'ORPHA:' and digits, OMIM 'OMIM:' and six
  digits (the forms of the HPO annotation file phenotype.hpoa).
"""

from __future__ import annotations

import re

from casekit.checkdigits import luhn_digit

SYSTEMS = ("ICD-10", "ICD-10-CM", "ICD-11", "ORPHA", "OMIM", "SNOMED CT", "HPO", "LOINC")

_FORMS: dict[str, tuple[re.Pattern[str], str]] = {
    "ICD-10": (
        re.compile(r"[A-Z][0-9]{2}(\.[0-9]{1,2})?"),
        "a letter, two digits, a point and a digit: 'C91.0'",
    ),
    "ICD-10-CM": (
        re.compile(r"[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?"),
        "a letter, two characters, then a point and up to four more: 'M86.371'",
    ),
    "ICD-11": (
        re.compile(r"[1-9A-HJ-NP-SV][A-HJ-NP-Z][0-9][0-9A-HJ-NP-Z](\.[0-9A-HJ-NP-Z]{1,2})?"),
        "a stem code such as '2A00' or '2B33.3': chapter character, a letter, a digit, a"
        " letter or digit (never I or O), then optionally a point and one or two more",
    ),
    "ORPHA": (re.compile(r"ORPHA:[1-9][0-9]{0,6}"), "'ORPHA:' and the number: 'ORPHA:324964'"),
    "OMIM": (re.compile(r"OMIM:[0-9]{6}"), "'OMIM:' and six digits: 'OMIM:259680'"),
    "SNOMED CT": (re.compile(r"[1-9][0-9]{5,17}"), "the concept id, 6 to 18 digits"),
    "HPO": (re.compile(r"HP:[0-9]{7}"), "'HP:' and seven digits: 'HP:0001386'"),
    "LOINC": (
        re.compile(r"[1-9][0-9]{0,6}-[0-9]"),
        "the number, a hyphen and its check digit: '718-7'",
    ),
}


def expected_form(system: str) -> str:
    return _FORMS[system][1]


def well_formed(system: str, code: str) -> bool:
    form = _FORMS.get(system)
    return form is not None and form[0].fullmatch(code) is not None


# --- Verhoeff (SNOMED CT) -------------------------------------------------------------------

_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


def verhoeff_valid(digits: str) -> bool:
    """Whether the last digit of ``digits`` is its Verhoeff check digit."""
    check = 0
    for position, digit in enumerate(reversed(digits)):
        check = _D[check][_P[position % 8][int(digit)]]
    return check == 0


def snomed_partition(concept_id: str) -> str:
    """The partition identifier: '00' or '10' for a concept, '01'/'11' a description,
    '02'/'12' a relationship."""
    return concept_id[-3:-1]


# --- mod 10 (LOINC) -----------------------------------------------------------------------------


def loinc_check_digit_valid(code: str) -> bool:
    number, _, check = code.partition("-")
    return check.isdigit() and luhn_digit(number) == int(check)
