"""Schema validators that disagree, and a line break after a code (issue 12, item 6).

Python's ``re`` lets ``$`` match before a final line break, so the pure-Python validator
passed ``"M86.3\\n"`` that jsonschema-rs refused, and casekit believed the Python one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reliability_project import synthetic_case, write_case

from casekit import validate
from casekit.resources import case_schema


def test_a_line_break_after_a_code_is_refused(cli, tmp_path: Path) -> None:
    data = synthetic_case("synthetic-newline-code")
    data["diagnoses"][1]["icd10"] = "M00.9\n"
    result = cli("validate", "--format", "json", str(write_case(tmp_path, data)))
    assert result.code == 1
    (finding,) = json.loads(result.out)["findings"]
    assert finding["code"] == "CK011"
    assert finding["json_path"] == "$.diagnoses[1].icd10"


def test_a_line_break_after_an_id_is_refused(cli, tmp_path: Path) -> None:
    data = synthetic_case("synthetic-newline-id")
    path = write_case(tmp_path, data)
    data["id"] = "synthetic-newline-id\n"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("validate", "--format", "json", str(path))
    assert result.code == 1
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert "CK011" in codes


def test_validators_that_disagree_fail_closed(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The compiled validator given the schema as it was before this fix (patterns ending
    # in a bare '$'), the Python one today's: they disagree on a code with a line break.
    import jsonschema_rs

    text = json.dumps(case_schema()).replace("(?!\\\\n)$", "$")
    compiled = jsonschema_rs.Draft202012Validator(json.loads(text))
    old_python = json.loads(text)
    monkeypatch.setattr(validate, "_fast_is_valid", lambda: compiled.is_valid)
    monkeypatch.setattr(
        validate,
        "_fast_errors",
        lambda instance: [
            (tuple(e.instance_path), e.message) for e in compiled.iter_errors(instance)
        ],
    )
    monkeypatch.setattr(validate, "case_schema", lambda: old_python)
    validate.validator.cache_clear()
    try:
        data = synthetic_case("synthetic-disagreement")
        data["diagnoses"][1]["icd10"] = "M00.9\n"
        result = cli("validate", "--format", "json", str(write_case(tmp_path, data)))
    finally:
        validate.validator.cache_clear()
    assert result.code == 1
    findings = json.loads(result.out)["findings"]
    assert [f["code"] for f in findings] == ["CK019"]
    assert findings[0]["json_path"] == "$.diagnoses[1].icd10"
    assert "does not match" in findings[0]["message"]  # the compiled validator's words
    assert "the other finds nothing wrong" in findings[0]["message"]
