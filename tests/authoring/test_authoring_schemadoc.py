"""The field reference is generated from the schema: every field appears, with its text."""

from __future__ import annotations

from typing import Any

from casekit.authoring.jsonfmt import declared_properties, resolve_ref
from casekit.resources import case_schema
from casekit.schemadoc import field_reference_markdown


def all_descriptions(node: Any, root: Any, seen: set[int]) -> set[str]:
    node = resolve_ref(node, root)
    if id(node) in seen:
        return set()
    seen.add(id(node))
    found = set()
    for sub in declared_properties(node, root).values():
        field = resolve_ref(sub, root)
        if field.get("description"):
            found.add(" ".join(field["description"].split()))
        found |= all_descriptions(field, root, seen)
        if isinstance(field.get("items"), dict):
            found |= all_descriptions(field["items"], root, seen)
    return found


def test_every_field_description_is_in_the_reference() -> None:
    page = field_reference_markdown()
    root = case_schema()
    descriptions = all_descriptions(root, root, set())
    assert len(descriptions) > 50
    missing = [d for d in descriptions if d.replace("|", "\\|") not in page]
    assert missing == []


def test_nested_fields_have_their_own_section() -> None:
    page = field_reference_markdown()
    for heading in ("## `patient.age`", "## `investigations.laboratory[]`", "## `timeline[].time`"):
        assert heading in page


def test_a_series_entry_points_at_the_fields_it_shares_with_one_patient() -> None:
    page = field_reference_markdown()
    assert "## `patients[]`: Patient in a case series" in page
    assert "| `timeline` | Timeline | required | list of entries: see `timeline[]` |" in page
    assert "| `consent` | Informed consent | required | fields: see `consent` |" in page
    assert page.count("## `timeline[].time`") == 1
    assert "## `patients[].timeline[]`" not in page  # documented once, at the top level
    assert "| `years` | Years |  | whole number, from 0 to 150 |" in page
