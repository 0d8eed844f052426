"""What pages and checklists say about a case's figures: number, caption, alt text,
image addresses, and the findings each figure supports."""

from __future__ import annotations

from typing import Any

from casekit import model
from casekit.images import publish

KIND_LABELS = {
    "mri": "MRI",
    "ct": "CT",
    "pet": "PET",
    "ecg": "ECG",
}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("-", " ").capitalize())


def _one(text: Any) -> str:
    return " ".join(str(text or "").split())


def linked_items(case: dict[str, Any]) -> dict[str, str]:
    """Each item a figure can link to, by id, in a few words (of every patient)."""
    found: dict[str, str] = {}
    for view in model.patient_views(case):
        data = view.data
        prefix = f"{view.label}: " if model.is_series(case) else ""
        for item in data.get("findings") or []:
            found[item["id"]] = prefix + _one(item.get("description"))
        investigations = data.get("investigations") or {}
        for study in investigations.get("imaging") or []:
            found[study["id"]] = (
                f"{prefix}{model.modality_name(study)} ({_one(study.get('site'))}):"
                f" {_one(study.get('result'))}"
            )
        for lab in investigations.get("laboratory") or []:
            found[lab["id"]] = prefix + _one(lab.get("test"))
        for test in investigations.get("other") or []:
            found[test["id"]] = f"{prefix}{_one(test.get('name'))}: {_one(test.get('result'))}"
        for sample in data.get("tissue_samples") or []:
            result = f": {_one(sample['result'])}" if sample.get("result") else ""
            found[sample["id"]] = f"{prefix}{_one(sample.get('kind'))}{result}"
        for event in data.get("timeline") or []:
            found[event["id"]] = prefix + _one(event.get("description"))
        for dx in data.get("diagnoses") or []:
            found[dx["id"]] = f"{prefix}diagnosis: {_one(dx.get('name'))}"
        for step in data.get("interventions") or []:
            found[step["id"]] = prefix + _one(step.get("description"))
    return found


def page_figures(case: dict[str, Any], first_number: int = 1) -> list[dict[str, Any]]:
    """The figures as the page shows them, numbered from ``first_number``."""
    items = linked_items(case)
    shown = []
    for offset, figure in enumerate(case.get("figures") or []):
        full, smaller = publish.names(figure)
        shown.append(
            {
                "number": first_number + offset,
                "id": figure["id"],
                "caption": _one(figure.get("caption")),
                "alt": _one(figure.get("alt")),
                "kind": kind_label(str(figure.get("kind", ""))),
                "synthetic": figure.get("synthetic") is True,
                "full": full,
                "src": smaller[max(smaller)],
                "srcset": ", ".join(f"{path} {width}w" for width, path in smaller.items()),
                "supports": [items[i] for i in figure.get("links") or [] if i in items],
            }
        )
    return shown


def support_lines(case: dict[str, Any]) -> list[str]:
    """One line per figure for the CARE checklist: which findings it supports."""
    items = linked_items(case)
    lines = []
    for figure in case.get("figures") or []:
        shown = [items[i] for i in figure.get("links") or [] if i in items]
        kind = kind_label(str(figure.get("kind", ""))).lower()
        what = ", ".join(shown) if shown else "not linked to a finding"
        lines.append(f"Figure '{figure.get('id', '')}' ({kind}) supports: {what}")
    return lines
