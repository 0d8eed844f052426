"""Every rule case in rule_cases/*.json: a change to the clean base case and the codes it
must and must not raise. Files are discovered automatically; add a case by adding data."""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from linthelpers import HERE, apply_changes, base_case, document, lint_data

from casekit.asof import document_as_of, parse_duration
from casekit.lint import REGISTRY, lint_document
from casekit.loader import load_case

CASE_FILES = sorted((HERE / "rule_cases").glob("*.json"))


def _load() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in CASE_FILES:
        for entry in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            cases.append((f"{path.stem}: {entry['name']}", entry))
    return cases


RULE_CASES = _load()


def _codes_with_images(data: dict[str, Any], images: dict[str, str]) -> list[str]:
    """Lint ``data`` as a case file in a folder with the images a rule case asks for
    (made by tests/images/synth.py; the case is two folders down, so that a file
    'outside the library' can sit above it)."""
    spec = importlib.util.spec_from_file_location("synth", HERE.parent / "images" / "synth.py")
    assert spec is not None and spec.loader is not None
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "library" / "cases"
        folder.mkdir(parents=True)
        for name, kind in images.items():
            synth.make(kind, folder / name)
        path = folder / "base-case.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        return [f.code for f in lint_document(load_case(path))]


def _codes(entry: dict[str, Any]) -> list[str]:
    data = apply_changes(base_case(), entry)
    if "images" in entry:
        return _codes_with_images(data, entry["images"])
    if "as_of" in entry:
        doc = document_as_of(document(data), *parse_duration(entry["as_of"]))
        return [f.code for f in lint_document(doc)]
    return [f.code for f in lint_data(data)]


def test_the_base_case_is_clean() -> None:
    assert lint_data(base_case()) == []


@pytest.mark.parametrize(("label", "entry"), RULE_CASES, ids=[label for label, _ in RULE_CASES])
def test_rule_case(label: str, entry: dict[str, Any]) -> None:
    codes = _codes(entry)
    for code in entry.get("raises", []):
        assert code in codes, f"{label}: expected {code}, got {codes}"
    for code in entry.get("not_raises", []):
        assert code not in codes, f"{label}: did not expect {code}, got {codes}"
    if "exactly" in entry:
        assert sorted(codes) == sorted(entry["exactly"]), f"{label}: got {codes}"


def test_every_rule_has_a_case_that_raises_it_and_one_that_does_not() -> None:
    raised = {code for _, entry in RULE_CASES for code in entry.get("raises", [])}
    quiet = {code for _, entry in RULE_CASES for code in entry.get("not_raises", [])}
    codes = {code for code, r in REGISTRY.items() if r.check is not None}
    assert codes - raised == set(), "rules with no case that raises them"
    assert codes - quiet == set(), "rules with no case that must not raise them"


def test_rule_case_files_name_real_codes() -> None:
    known = set(REGISTRY) | {"CK011", "CK012", "CK013", "CK014", "CK015"}
    for label, entry in RULE_CASES:
        for code in (*entry.get("raises", []), *entry.get("not_raises", [])):
            assert code in known, f"{label}: unknown code {code}"
