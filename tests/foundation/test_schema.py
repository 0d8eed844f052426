"""The schema itself: a valid 2020-12 schema whose fields all explain themselves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator

from casekit.resources import case_schema


def _properties(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            yield f"{where}.{name}", sub
        for key, value in node.items():
            if key != "properties":
                yield from _properties(value, f"{where}/{key}")
        for name, sub in (node.get("properties") or {}).items():
            yield from _properties(sub, f"{where}.{name}")
    elif isinstance(node, list):
        for item in node:
            yield from _properties(item, where)


def _resolve(sub: dict[str, Any]) -> dict[str, Any]:
    ref = sub.get("$ref", "")
    if ref.startswith("#/"):
        node: Any = case_schema()
        for part in ref[2:].split("/"):
            node = node[part]
        return dict(node)
    return sub


def test_schema_is_valid_2020_12() -> None:
    Draft202012Validator.check_schema(case_schema())
    assert case_schema()["$schema"].endswith("2020-12/schema")


def test_every_case_property_has_title_and_description() -> None:
    missing = []
    for where, sub in _properties(case_schema()):
        if "/csl_item" in where or "/if" in where or sub is False:
            continue  # CSL-JSON fields are the reference managers' own; 'if' holds
            # conditions; 'false' refuses a field beside another (the 'then' says why)
        merged = {**_resolve(sub), **sub}
        if not merged.get("title") or not merged.get("description"):
            missing.append(where)
    assert missing == []


def test_required_clinical_concepts_are_present() -> None:
    schema = case_schema()
    defs = schema["$defs"]
    assert set(defs["tissue_sample"]["properties"]["status"]["enum"]) == {
        "performed",
        "not-performed",
        "pending",
        "not-applicable",
    }
    assert set(defs["diagnosis"]["properties"]["role"]["enum"]) >= {
        "working",
        "presumptive",
        "revised",
        "final",
    }
    assert set(defs["differential_item"]["properties"]["status"]["enum"]) == {
        "excluded",
        "not-excluded",
        "favoured",
        "not-reported",
    }
    assert {"draft", "submitted", "published"} == set(schema["properties"]["status"]["enum"])
