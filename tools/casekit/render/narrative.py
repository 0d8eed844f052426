"""Plain sentences built from the structured case, used by abstracts and the web page.

Nothing here adds a clinical fact: every sentence is the case's own text, or a label
("Final diagnosis:") put in front of it.
"""

from __future__ import annotations

from typing import Any

from casekit.compose.wording import lower_first
from casekit.render import text


def _sentence(value: str) -> str:
    value = " ".join(str(value).split())
    if value and value[-1] not in ".!?":
        value += "."
    return value


def items_by_id(case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every item with an 'id' that a diagnosis or event can point to."""
    found: dict[str, dict[str, Any]] = {}
    investigations = case.get("investigations") or {}
    groups = [
        case.get("findings"),
        investigations.get("laboratory"),
        investigations.get("imaging"),
        investigations.get("other"),
        case.get("tissue_samples"),
        case.get("diagnoses"),
        case.get("interventions"),
        case.get("timeline"),
    ]
    for group in groups:
        for item in group or []:
            if isinstance(item, dict) and "id" in item:
                found.setdefault(str(item["id"]), item)
    return found


def describe_item(item: dict[str, Any]) -> str:
    """A short name for a linked item: 'Blood film', 'Bone scan (Whole skeleton)'."""
    if "kind" in item and "status" in item:  # tissue sample
        return str(item["kind"]).capitalize()
    if "modality" in item:
        modality = text.label(str(item["modality"]))
        site = str(item.get("site", ""))
        said = modality.casefold().replace("-", " ")
        if site.casefold().replace("-", " ") in said:  # 'Whole-body MRI', not '... (Whole body)'
            site = ""
        return f"{modality[0].upper()}{modality[1:]} ({site})".replace(" ()", "")
    if "test" in item:
        return str(item.get("abbreviation") or item["test"])
    for key in ("name", "description"):
        if key in item:
            return str(item[key])
    return str(item.get("id", ""))


def final_diagnoses(case: dict[str, Any]) -> list[dict[str, Any]]:
    diagnoses = [d for d in case.get("diagnoses", []) if isinstance(d, dict)]
    final = [d for d in diagnoses if d.get("role") == "final"]
    return final


def confirmation(case: dict[str, Any], diagnosis: dict[str, Any]) -> str:
    """How a diagnosis was confirmed, from its 'confirmed_by' links, else its basis."""
    items = items_by_id(case)
    confirmed = [describe_item(items[i]) for i in diagnosis.get("confirmed_by", []) if i in items]
    if confirmed:  # 'Bone marrow examination and blood film', eponyms and 'MRI' kept
        return text.oxford_join(confirmed[:1] + [lower_first(c) for c in confirmed[1:]])
    basis = [text.humanize(b) for b in diagnosis.get("basis", [])]
    return f"not recorded (basis: {', '.join(basis)})" if basis else "not recorded"


def biopsy_status(case: dict[str, Any]) -> list[str]:
    lines = []
    for sample in case.get("tissue_samples", []) or []:
        status = text.humanize(sample.get("status", ""))
        line = f"{str(sample.get('kind', 'Sample')).capitalize()}: {status}"
        detail = (
            sample.get("result") if sample.get("status") == "performed" else sample.get("reason")
        )
        if detail:
            line += f" ({_sentence(detail).rstrip('.')})"
        lines.append(line)
    return lines


def consent_summary(case: dict[str, Any]) -> str:
    consent = case.get("consent") or {}
    status = {
        "obtained": "Obtained",
        "not-obtained": "Not obtained",
        "pending": "Pending",
        "original-publication": "Rests with the original publication",
        "not-applicable": "Not applicable: the patient is invented",
    }.get(str(consent.get("status")), "Not stated")
    if consent.get("from"):
        status += f" (from the {text.humanize(consent['from'])})"
    return status
