"""CK8xx: codes. Each code on a diagnosis, finding or test is checked against the code
lists casekit ships (HPO, ICD-10, ICD-10-CM, HPO's ORPHA and OMIM annotations), or for its
form and check digit where a list cannot be shipped (ICD-11, SNOMED CT, LOINC).

Nothing is downloaded: the lists are data files of installed packages
(:mod:`casekit.codes.shipped`), read only when a case holds a code of that list.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from casekit import codes
from casekit.checkdigits import luhn_digit
from casekit.codes import Coded, Lookup, forms, similarity
from casekit.codes.shipped import releases
from casekit.findings import JsonPath, Severity
from casekit.lint.engine import CaseView, Hit, rule


def _looked_up(case: CaseView) -> list[tuple[Coded, Lookup]]:
    return [(c, codes.look_up(c.system, c.code)) for c in codes.coded(case.data)]


def _all(case: CaseView) -> list[tuple[Coded, Lookup]]:
    return case.shared(_looked_up)


def _named(c: Coded) -> str:
    return f"{c.system} {c.code}"


@rule(
    "CK801",
    "code-not-in-list",
    "coding",
    Severity.ERROR,
    summary="A code is not in the code list it names (HPO, ICD-10, ICD-10-CM).",
    rationale="A code that does not exist cannot be found by anyone searching for it, and"
    " usually hides a typing mistake (C19.0 for C91.0). casekit checks HPO terms, WHO ICD-10"
    " (2019) and ICD-10-CM codes against the lists its packages ship; 'casekit rules' and the"
    " authoring guide name the releases.",
    bad='{"system": "ICD-10", "code": "C99.9", "label": "Acute lymphoblastic leukaemia"}',
    good='{"system": "ICD-10", "code": "C91.0", "label": "Acute lymphoblastic leukaemia"}',
)
def code_not_in_list(case: CaseView) -> Iterator[Hit]:
    for c, found in _all(case):
        if found.status == "unknown":
            release = releases().get(c.system, "")
            yield Hit(
                c.path,
                f"{_named(c)} ('{c.label}') is not in the {c.system} code list ({release}).",
                _unknown_hint(c),
            )


def _suggestion(c: Coded) -> str:
    """The HPO term that the label names, as 'HP:0003419 ('Low back pain')', if any."""
    if c.system != "HPO" or not c.label:
        return ""
    from casekit.codes.suggest import suggest

    found = suggest(c.label, limit=1)
    return f"{found[0].id} ('{found[0].name}')" if found and found[0].id != c.code else ""


def _unknown_hint(c: Coded) -> str:
    better = _suggestion(c)
    if better:
        return f"Check the code for a typing mistake; for '{c.label}' HPO has {better}."
    return (
        "Check the code for a typing mistake; 'casekit codes suggest \"words\"' proposes"
        " HPO terms, and the code list's own browser finds ICD codes."
    )


@rule(
    "CK802",
    "obsolete-code",
    "coding",
    Severity.WARNING,
    summary="An HPO term is obsolete, or is an old id of another term.",
    rationale="HPO retires terms and merges others; a retired id is no longer searched"
    " under its old meaning, and tools that read phenopackets may refuse it. hp.obo names"
    " the term that replaces it.",
    bad='{"system": "HPO", "code": "HP:0005901", "label": "Chronic recurrent multifocal'
    ' osteomyelitis"}',
    good='{"system": "HPO", "code": "HP:0002754", "label": "Osteomyelitis"}',
)
def obsolete_code(case: CaseView) -> Iterator[Hit]:
    for c, found in _all(case):
        if found.status not in ("obsolete", "alternative"):
            continue
        instead = found.replaced_by
        if found.status == "obsolete":
            message = f"{_named(c)} ('{found.title}') is obsolete in HPO."
        else:
            message = f"{_named(c)} is an old id of {instead} ('{found.title}')."
        hint = (
            f"Use {instead} instead (check that it still means what you meant)."
            if instead
            else "Choose a current term: 'casekit codes suggest \"words\"'."
        )
        yield Hit(c.path, message, hint)


def _far(c: Coded, found: Lookup) -> str:
    """Why the code's title is far from the words it sits on ('' if it is not)."""
    if c.system in ("ICD-10", "ICD-10-CM") and c.kind in ("diagnosis", "alternative"):
        chapter = similarity.chapter_of_words(c.words)
        if chapter is not None and similarity.outside(chapter, c.system, c.code):
            return (
                f"'{c.words}' belongs in the ICD chapter '{chapter.name}', but {c.code}"
                f" ('{found.title}') is in chapter {found.chapter}."
            )
    titles = (found.title, *found.synonyms, *found.extra_titles)
    if not similarity.overlaps([c.label], titles):
        return f"{_named(c)} is '{found.title}', which shares no word with its label '{c.label}'."
    return ""


@rule(
    "CK803",
    "code-far-from-words",
    "coding",
    Severity.WARNING,
    summary="A code's title is far from the diagnosis or finding it sits on.",
    rationale="A code that names something else (S91.0, an open wound of the ankle, on an"
    " acute lymphoblastic leukaemia) files the case under the wrong disease. casekit compares"
    " the code list's title (and HPO's synonyms) with the label the author wrote, word by"
    " word, and, for ICD codes, the chapter the diagnosis's own words point to (a leukaemia"
    " is a neoplasm, chapter II) with the code's chapter"
    " (casekit/codes/data/chapter_words.json).",
    bad='"name": "Acute lymphoblastic leukaemia", "codes": [{"system": "ICD-10", "code":'
    ' "S91.0", "label": "Acute lymphoblastic leukaemia"}]',
    good='"name": "Acute lymphoblastic leukaemia", "codes": [{"system": "ICD-10", "code":'
    ' "C91.0", "label": "Acute lymphoblastic leukaemia"}]',
)
def code_far_from_words(case: CaseView) -> Iterator[Hit]:
    for c, found in _all(case):
        if found.status != "found" or c.kind == "laboratory":
            continue
        why = _far(c, found)
        if why:
            hint = (
                "Check that the code is the one you meant; if it is, say so in the label"
                " (or suppress CK803 here with the reason)."
            )
            better = _suggestion(c)
            if better:
                hint += f" For '{c.label}' HPO has {better}."
            yield Hit(c.path, why, hint)


@rule(
    "CK804",
    "hpo-not-a-phenotype",
    "coding",
    Severity.WARNING,
    summary="An HPO term on a finding is not a phenotypic abnormality.",
    rationale="Only terms under 'Phenotypic abnormality' (HP:0000118) describe a feature of"
    " the patient; HPO's other branches hold modes of inheritance, ages of onset,"
    " frequencies and clinical modifiers, which a phenopacket records elsewhere (onset is"
    " taken from the timeline).",
    bad='{"system": "HPO", "code": "HP:0003577", "label": "Congenital onset"}',
    good='{"system": "HPO", "code": "HP:0001386", "label": "Joint swelling"}',
)
def hpo_not_a_phenotype(case: CaseView) -> Iterator[Hit]:
    from casekit.codes import hpo

    for c, found in _all(case):
        if c.system != "HPO" or found.status != "found":
            continue
        onto = hpo.ontology()
        if not onto.is_a(c.code, hpo.PHENOTYPIC_ABNORMALITY):
            yield Hit(
                c.path,
                f"{c.code} ('{found.title}') is not a phenotypic abnormality in HPO.",
                "Code the feature itself (a term under HP:0000118, Phenotypic abnormality);"
                " when it happened belongs in the timeline.",
            )


def _present_terms(case: CaseView) -> tuple[list[Coded], list[Coded]]:
    present: list[Coded] = []
    excluded: list[Coded] = []
    for c, found in _all(case):
        if c.system == "HPO" and found.status == "found":
            (excluded if c.excluded else present).append(c)
    return present, excluded


@rule(
    "CK805",
    "term-with-its-ancestor",
    "coding",
    Severity.WARNING,
    summary="A patient has an HPO term and, present too, one of its ancestors.",
    rationale="A more specific term already says its ancestors (Low back pain is Back"
    " pain): listing both counts the same feature twice in a phenotype search and in a"
    " phenopacket. Keep the most specific term.",
    bad='"Back pain" (HP:0003418) and "Low back pain" (HP:0003419) on the same patient',
    good='"Low back pain" (HP:0003419) alone',
)
def term_with_its_ancestor(case: CaseView) -> Iterator[Hit]:
    from casekit.codes import hpo

    present, _ = _present_terms(case)
    if len(present) < 2:
        return
    onto = hpo.ontology()
    reported: set[JsonPath] = set()
    for general in present:
        for specific in present:
            if general.code in onto.ancestors(specific.code) and general.path not in reported:
                reported.add(general.path)
                yield Hit(
                    general.path,
                    f"{general.code} ('{general.label}') is an ancestor of {specific.code}"
                    f" ('{specific.label}'), also present: the more specific term says it.",
                    f"Remove {general.code}, or code the finding it sits on more precisely.",
                )


@rule(
    "CK806",
    "present-and-excluded",
    "coding",
    Severity.ERROR,
    summary="An HPO term is both present and explicitly absent in one patient.",
    rationale="A feature cannot be both found and looked for and not found; a present term"
    " also implies every ancestor, so excluding an ancestor of a present term contradicts it"
    " too. Usually one of them is a typing mistake or belongs to another time (say when in"
    " the timeline).",
    bad='"Pallor" (HP:0000980) on one finding and "Pallor", excluded, on another',
    good="Each feature once, present or excluded",
)
def present_and_excluded(case: CaseView) -> Iterator[Hit]:
    present, excluded = _present_terms(case)
    if not excluded or not present:
        return
    from casekit.codes import hpo

    onto = hpo.ontology()
    for absent in excluded:
        for found in present:
            if absent.code == found.code or absent.code in onto.ancestors(found.code):
                same = absent.code == found.code
                yield Hit(
                    absent.path,
                    f"{absent.code} ('{absent.label}') is marked absent, but "
                    + (
                        "it is present"
                        if same
                        else f"{found.code} ('{found.label}'), under it, is present"
                    )
                    + " on the same patient.",
                    "Remove 'excluded' or the present term, whichever is wrong.",
                )
                break


@rule(
    "CK807",
    "malformed-code",
    "coding",
    Severity.ERROR,
    summary="A code is not written the way its code list writes codes.",
    rationale="A code in the wrong form cannot be looked up ('C910' for 'C91.0', 'HP:1386'"
    " for 'HP:0001386'). For ICD-11, which casekit cannot ship, the form of a stem code is"
    " all that can be checked (ICD-11 Reference Guide, code structure); extension codes"
    " (starting with X) and clusters cannot stand alone.",
    bad='{"system": "ICD-11", "code": "2I00", "label": "..."}',
    good='{"system": "ICD-11", "code": "2A00", "label": "..."}',
)
def malformed_code(case: CaseView) -> Iterator[Hit]:
    for c, found in _all(case):
        if found.status != "malformed" or c.system not in forms.SYSTEMS:
            continue
        hint = f"Write it as {forms.expected_form(c.system)}."
        if c.system == "ICD-11" and c.code[:1] == "X":
            hint = "An ICD-11 extension code (X…) cannot stand alone: give the stem code."
        yield Hit(c.path, f"'{c.code}' is not a well-formed {c.system} code.", hint)


@rule(
    "CK808",
    "snomed-check-digit",
    "coding",
    Severity.ERROR,
    summary="A SNOMED CT concept id fails its check digit, or is not a concept id.",
    rationale="SNOMED CT ids end in a Verhoeff check digit that catches almost every typing"
    " slip, and the two digits before it say whether the id names a concept, a description"
    " or a relationship (Technical Implementation Guide, SCTID). SNOMED CT is licensed and"
    " not shipped, so this is all casekit can check.",
    bad='{"system": "SNOMED CT", "code": "22298007", "label": "Myocardial infarction"}',
    good='{"system": "SNOMED CT", "code": "22298006", "label": "Myocardial infarction"}',
)
def snomed_check_digit(case: CaseView) -> Iterator[Hit]:
    for c, found in _all(case):
        if c.system != "SNOMED CT" or found.status != "form-only":
            continue
        if not forms.verhoeff_valid(c.code):
            yield Hit(
                c.path,
                f"SNOMED CT id {c.code} fails its check digit: a digit is wrong or missing.",
                "Copy the concept id again from the SNOMED CT browser.",
            )
        elif forms.snomed_partition(c.code) not in ("00", "10"):
            yield Hit(
                c.path,
                f"SNOMED CT id {c.code} is not a concept id (it names a description or a"
                " relationship).",
                "Give the concept's id (its 'SCTID'), not a description id.",
            )


@rule(
    "CK809",
    "loinc-check-digit",
    "coding",
    Severity.ERROR,
    summary="A LOINC code fails its mod 10 check digit.",
    rationale="The digit after the hyphen of a LOINC code is a mod 10 check digit (LOINC"
    " Users' Guide) that catches a mistyped or swapped digit. LOINC's table is not shipped"
    " with casekit, so this is what can be checked offline.",
    bad='{"system": "LOINC", "code": "718-8", "label": "Hemoglobin [Mass/volume] in Blood"}',
    good='{"system": "LOINC", "code": "718-7", "label": "Hemoglobin [Mass/volume] in Blood"}',
)
def loinc_check_digit(case: CaseView) -> Iterator[Hit]:
    for c, found in _all(case):
        if c.system != "LOINC" or found.status != "form-only":
            continue
        if not forms.loinc_check_digit_valid(c.code):
            number = c.code.partition("-")[0]
            yield Hit(
                c.path,
                f"LOINC {c.code} fails its check digit (for {number} it would be"
                f" {luhn_digit(number)}): a digit is probably mistyped.",
                "Copy the code again from the LOINC search.",
            )


@rule(
    "CK810",
    "disease-not-annotated",
    "coding",
    Severity.INFO,
    summary="An ORPHA or OMIM code is not in HPO's disease annotations, so it is unchecked.",
    rationale="casekit knows ORPHA and OMIM diseases from HPO's annotation file, which lists"
    " only the diseases HPO has annotated; a code missing from it may be right, or"
    " mistyped. Check it in Orphanet or OMIM.",
    bad='{"system": "ORPHA", "code": "ORPHA:9999999", "label": "..."}',
    good='{"system": "ORPHA", "code": "ORPHA:324964", "label": "Chronic recurrent multifocal'
    ' osteomyelitis"}',
)
def disease_not_annotated(case: CaseView) -> Iterator[Hit]:
    for c, found in _all(case):
        if found.status == "not-annotated":
            yield Hit(
                c.path,
                f"{c.code} ('{c.label}') is not among the diseases HPO annotates: casekit"
                " cannot check it.",
                "Check the code in Orphanet or OMIM.",
            )


def _systems_used(data: dict[str, Any]) -> set[str]:
    from casekit import model

    return {
        c.system
        for view in model.patient_views(data)
        for c in codes.coded(view.data)
        if c.path[-1] != "icd10"  # the older field: its release was never asked for
    }


@rule(
    "CK811",
    "coding-release-differs",
    "coding",
    Severity.INFO,
    summary="The case was coded from another release of a code list than casekit checks"
    " against, or does not say which release.",
    rationale="Code lists change: HPO renames, merges and retires terms several times a"
    " year. 'coding.releases' records what the codes meant when they were chosen; when it"
    " differs from what casekit ships, a finding of CK801 or CK802 may be the list's change,"
    " not a mistake.",
    bad='"coding": {"releases": {"HPO": "2021-02-08"}}  (casekit ships HPO 2025-01-16)',
    good='"coding": {"by": "The authors", "releases": {"HPO": "2025-01-16", "ICD-10": "2019"}}',
    scope="case",
)
def coding_release_differs(case: CaseView) -> Iterator[Hit]:
    used = _systems_used(case.data) & set(releases())
    if not used:
        return
    recorded = (case.data.get("coding") or {}).get("releases") or {}
    if not recorded:
        yield Hit(
            (),
            "The case has codes but does not say which release of each code list they come from.",
            'Add "coding": {"by": ..., "releases": {'
            + ", ".join(f'"{s}": "{releases()[s]}"' for s in sorted(used))
            + "}} (the releases casekit checks against).",
        )
        return
    for system in sorted(used):
        mine = recorded.get(system)
        shipped = releases()[system]
        if mine and not _same_release(mine, shipped):
            yield Hit(
                ("coding", "releases", system),
                f"The {system} codes were chosen from release {mine}; casekit checks them"
                f" against {shipped}.",
                "Findings of CK801 or CK802 may come from changes between the releases.",
            )


def _same_release(recorded: str, shipped: str) -> bool:
    """'2019' matches 'WHO 2019'; '2025-01-16' matches 'HPO annotations 2025-01-16'."""
    return recorded.strip().lower() in shipped.lower()
