"""Helpers for the lint tests: a clean synthetic base case and ways to change and lint it."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from casekit.findings import Finding
from casekit.lint import LintConfig, lint_document
from casekit.loader import CaseDocument, parse_text
from casekit.model import PER_PATIENT_KEYS

HERE = Path(__file__).resolve().parent
BASE_CASE = HERE / "base_case.json"


def base_case() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BASE_CASE.read_text(encoding="utf-8"))
    return data


def _key(part: str) -> str | int:
    return int(part) if part.isdigit() else part


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch: objects merge, null deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def as_series(data: dict[str, Any], count: int) -> dict[str, Any]:
    """``data`` (a single-patient case) as a series of ``count`` copies of its patient.

    Patient i has id 'p{i}', and every id inside it (and every link to one) gets the
    suffix '-{i}', so that ids stay unique across the file.
    """
    own = {key: data[key] for key in PER_PATIENT_KEYS if key in data}
    text = json.dumps(own)
    ids = set(re.findall(r'"id": "([^"]+)"', text))
    patients = []
    for number in range(1, count + 1):
        suffix = f"-{number}"
        renamed = re.sub(
            r'"([^"]+)"',
            lambda m, s=suffix: f'"{m.group(1)}{s}"' if m.group(1) in ids else m.group(0),
            text,
        )
        patients.append({"id": f"p{number}", **json.loads(renamed)})
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "patient":
            out["patients"] = patients
        elif key not in PER_PATIENT_KEYS:
            out[key] = copy.deepcopy(value)
    return out


def apply_changes(data: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """A rule case's changes: 'series' (the case as a series of that many patients), then
    'patch' (merge patch), then 'set' and 'delete' by dotted path."""
    if "series" in spec:
        data = as_series(data, spec["series"])
    out: dict[str, Any] = merge_patch(data, spec.get("patch", {}))
    for dotted, value in spec.get("set", {}).items():
        *parents, last = [_key(p) for p in dotted.split(".")]
        node: Any = out
        for part in parents:
            node = node[part]
        if isinstance(node, list) and last == len(node):
            node.append(value)
        else:
            node[last] = value
    for dotted in spec.get("delete", []):
        *parents, last = [_key(p) for p in dotted.split(".")]
        node = out
        for part in parents:
            node = node[part]
        del node[last]
    return out


def document(data: dict[str, Any], name: str = "base-case.json") -> CaseDocument:
    return parse_text(Path(name), json.dumps(data, indent=2, ensure_ascii=False))


def lint_data(data: dict[str, Any], config: LintConfig | None = None) -> list[Finding]:
    return lint_document(document(data), config)


def write_case(folder: Path, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{data['id']}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
