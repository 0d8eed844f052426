"""Codes as readers see them: rows for the case page and tags for the library's facets."""

from __future__ import annotations

from typing import Any

from casekit import model
from casekit.codes import coded, look_up

_WHERE = {
    "diagnosis": "Diagnosis",
    "alternative": "Alternative considered",
    "finding": "Finding",
    "imaging": "Imaging",
    "test": "Test",
    "laboratory": "Laboratory test",
    "intervention": "Treatment",
}


def page_rows(data: dict[str, Any]) -> list[dict[str, str]]:
    """One row per code of one patient: where it sits, the code, and its label as the
    author wrote it ('absent' for an explicitly excluded feature)."""
    rows = []
    for c in coded(data):
        if c.path[-1] == "icd10":
            continue  # the older field: shown only where its template shows it
        rows.append(
            {
                "where": f"{_WHERE.get(c.kind, c.kind)}: {c.words}",
                "code": c.code if ":" in c.code else f"{c.system} {c.code}",
                "label": c.label + (" (absent)" if c.excluded else ""),
            }
        )
    return rows


def facet_labels(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Library tags from codes: present HPO features ('phenotype') and the ORPHA codes of
    every diagnosis ('rare-disease'), labelled with the code list's own name."""
    labels: list[tuple[str, str]] = []
    for view in model.patient_views(data):
        for c in coded(view.data):
            if c.system == "HPO" and not c.excluded and c.kind != "laboratory":
                kind = "phenotype"
            elif c.system == "ORPHA" and c.kind == "diagnosis":
                kind = "rare-disease"
            else:
                continue
            found = look_up(c.system, c.code)
            if found.status != "found":
                continue  # lint reports it; a wrong code makes no tag
            name = found.title.split("/")[-1] if c.system == "ORPHA" else found.title
            labels.append((kind, f"{name} ({c.code})"))
    return labels
