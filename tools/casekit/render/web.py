"""The context for the web page template (``web.md.j2``)."""

from __future__ import annotations

from typing import Any

from casekit.codes import display
from casekit.images.context import page_figures
from casekit.render import figures, narrative, references, text


def _lab_rows(case: dict[str, Any]) -> list[dict[str, str]]:
    times = figures._lab_times(case)
    rows = []
    for result in (case.get("investigations") or {}).get("laboratory", []) or []:
        when = times.get(str(result.get("id")))
        rows.append(
            {
                "test": str(result.get("test", "")),
                "abbreviation": str(result.get("abbreviation", "")),
                "value": text.lab_value(result),
                "unit": str(result.get("unit", "")),
                "range": text.reference_range(result),
                "range_source": str((result.get("reference_range") or {}).get("source", "")),
                "flag": text.lab_flag(result),
                "when": text.time_phrase(when) if when else "not stated",
            }
        )
    return rows


def _cite_block(case: dict[str, Any]) -> str:
    names = [str(a.get("name", "")) for a in case.get("authors", []) or []]
    authors = ", ".join(n for n in names if n)
    title = " ".join(str(case.get("title", "")).split()).rstrip(".")
    cite = f"{authors}. {title}. casekit case library, case '{case.get('id', '')}'."
    source = case.get("source") or {}
    if source.get("kind") == "published-literature":
        # The wording of a curated case is the library's, not the original authors':
        # say so, and send readers to the original for citation.
        original = next(
            (r for r in case.get("references") or [] if r.get("id") == source.get("reference")),
            None,
        )
        original_title = str((original or {}).get("title", "")).strip()
        end = "" if original_title.endswith((".", "?", "!")) else "."
        where = f" Please cite the original: {original_title}{end}" if original_title else ""
        cite = (
            f"Curated by the case library from a report by {authors}; the wording here is the"
            f" library's.{where} Library record: case '{case.get('id', '')}'."
        )
    return cite


def web_context(case: dict[str, Any]) -> dict[str, Any]:
    numbers = references.numbering(case)
    patient = case.get("patient") or {}
    finals = narrative.final_diagnoses(case)

    def cited(value: Any) -> str:
        return references.replace_citations(str(value or ""), numbers, keep=True)

    source = case.get("source") or {}
    source_ref = ""
    if source.get("reference") in numbers:
        source_ref = f"[{numbers[source['reference']]}]"
    return {
        "case": case,
        "summary": {
            "age": text.age_phrase(patient.get("age") or {}),
            "sex": text.sex_word(str(patient.get("sex", "not-stated"))),
            "complaint": str(patient.get("presenting_complaint", "")),
            "final": [
                {
                    "name": str(d.get("name", "")),
                    "confirmed": narrative.confirmation(case, d),
                    "certainty": text.humanize(str(d.get("certainty", ""))),
                }
                for d in finals
            ],
            "biopsy": narrative.biopsy_status(case),
            "consent": narrative.consent_summary(case),
        },
        "introduction": cited(case.get("introduction")),
        "discussion": cited(case.get("discussion")),
        "patient_perspective": cited(case.get("patient_perspective")),
        "events": [
            {
                "when": text.time_phrase(e.get("time") or {}),
                "category": text.label(str(e.get("category", ""))),
                "description": str(e.get("description", "")),
            }
            for e in case.get("timeline", []) or []
        ],
        "timeline_svg": (timeline := figures.timeline_svg(case)),
        "trend_svg": (trend := figures.trend_svg(case)),
        # clinical images, numbered after the drawn figures (the trend is always Figure 2)
        "figures": page_figures(case, 3 if trend else 2 if timeline else 1),
        "labs": _lab_rows(case),
        "imaging": [
            {
                "modality": text.label(str(i.get("modality", ""))),
                "site": str(i.get("site", "")),
                "result": str(i.get("result", "")),
            }
            for i in (case.get("investigations") or {}).get("imaging", []) or []
        ],
        "other_tests": (case.get("investigations") or {}).get("other", []) or [],
        "diagnoses": [
            {
                "name": str(d.get("name", "")),
                "role": text.humanize(str(d.get("role", ""))),
                "certainty": text.humanize(str(d.get("certainty", ""))),
                "basis": ", ".join(text.humanize(str(b)) for b in d.get("basis", []) or []),
                "confirmed": narrative.confirmation(case, d),
                "prognosis": str(d.get("prognosis", "")),
            }
            for d in case.get("diagnoses", []) or []
        ],
        "differential": [
            {
                "diagnosis": str(d.get("diagnosis", "")),
                "status": text.humanize(str(d.get("status", ""))),
                "how": str(d.get("how_excluded", "")) or "not stated",
            }
            for d in case.get("differential", []) or []
        ],
        "interventions": [
            str(i.get("description", "")) for i in case.get("interventions", []) or []
        ],
        "outcome": case.get("outcome") or {},
        "learning_points": [cited(p) for p in case.get("learning_points", []) or []],
        "references": [e for _, e in references.format_references(case)],
        "source_note": str(source.get("note", "")),
        "source_ref": source_ref,
        "cite": _cite_block(case),
        "codes": display.page_rows(case),
    }
