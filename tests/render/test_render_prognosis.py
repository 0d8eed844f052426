"""CARE item 8d, prognostic characteristics: a field per diagnosis, shown and checked off."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casekit.loader import parse_text
from casekit.render import render
from casekit.render.care import fill
from casekit.validate import validate_document


def _item_8d(case: dict[str, Any]) -> Any:
    return next(item for item in fill(case) if item.n2013 == "8d")


def test_prognosis_is_reported_under_care_8d_and_on_the_page(
    founding: dict[str, Any],
) -> None:
    assert not _item_8d(founding).reported  # the seed gives none
    founding["diagnoses"][-1]["prognosis"] = "Synthetic risk group <b>standard</b> {{ 7*7 }}"
    doc = parse_text(Path("crmo-not-crmo.json"), json.dumps(founding))
    assert validate_document(doc) == []
    item = _item_8d(founding)
    assert item.reported and "prognostic characteristics (1)" in item.where
    page = str(render(founding, "web", to="md").content)
    assert '<dl id="prognosis">' in page
    assert "Synthetic risk group &#60;b&#62;standard&#60;/b&#62;" in page
    assert "{{ 7*7 }}" not in page and "<b>standard" not in page


def test_an_empty_prognosis_is_a_schema_error(founding: dict[str, Any]) -> None:
    founding["diagnoses"][0]["prognosis"] = ""
    doc = parse_text(Path("crmo-not-crmo.json"), json.dumps(founding))
    messages = [f.message for f in validate_document(doc)]
    assert any("Prognostic characteristics is empty" in m for m in messages), messages
