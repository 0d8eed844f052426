"""HTML, JavaScript and template syntax in every free-text field stay inert everywhere.

Every string the schema leaves free (no enum, pattern or format) in the founding case, and
in the synthetic case series, is replaced by an attack; the case must still be valid, render
in every format, and build into a site in which no payload appears as live markup.
"""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest

from casekit.cli import main
from casekit.findings import JsonPath
from casekit.render import FORMATS, render
from casekit.validate import _schema_at

REPO = Path(__file__).resolve().parent.parent.parent
FOUNDING = json.loads((REPO / "cases" / "crmo-not-crmo.json").read_text())
SERIES = json.loads((REPO / "cases" / "synthetic-cno-series.json").read_text())
ATTACK = (
    "<script>window.casekitPwned=1</script> <img src=x onerror=window.casekitPwned=2>"
    " [x](javascript:window.casekitPwned=3) {{ 7*7 }} {% raw %} ${7*7} <!-- -->"
)
#: For fields with a length limit (keywords, themes): the two payloads that matter most.
SHORT_ATTACK = "<script>window.casekitPwned=1</script>{{ 7*7 }}"
#: What would show the attack came alive: a real tag (not "&lt;") or a javascript: link.
#: (That template syntax is never evaluated is checked in tests/render/.)
LIVE = re.compile(r"<script>window\.casekitPwned|<img[^>]*onerror|href=\"javascript:")


def _attacked(value: str, schema: dict[str, Any]) -> str | None:
    """The value with an attack added, if the schema leaves it free text."""
    keys = set(schema)
    if schema.get("type") != "string" or keys & {"enum", "pattern", "format", "const"}:
        return None
    if "maxLength" in schema:
        return f"{SHORT_ATTACK} {value}"[: schema["maxLength"]]
    return f"{value} {ATTACK}"


def _field_schema(path: JsonPath, parent_schema: dict[str, Any]) -> dict[str, Any]:
    schema = _schema_at(path)
    if not schema and isinstance(path[-1], str):
        schema = parent_schema.get("properties", {}).get(path[-1], {})
    return schema


def _attack_every_text(data: Any, path: JsonPath = ()) -> tuple[Any, int]:
    if isinstance(data, dict):
        count = 0
        out = {}
        for key, value in data.items():
            if key in ("references", "$schema", "source"):
                out[key] = value
                continue
            sub_path = (*path, key)
            attacked = (
                _attacked(value, _field_schema(sub_path, _schema_at(path)))
                if isinstance(value, str)
                else None
            )
            if attacked is not None:
                out[key] = attacked
                count += 1
            else:
                out[key], n = _attack_every_text(value, sub_path)
                count += n
        return out, count
    if isinstance(data, list):
        items = []
        count = 0
        for index, value in enumerate(data):
            attacked = (
                _attacked(value, _schema_at(path).get("items", {}))
                if isinstance(value, str)
                else None
            )
            if attacked is not None:
                items.append(attacked)
                count += 1
            else:
                item, n = _attack_every_text(value, (*path, index))
                items.append(item)
                count += n
        return items, count
    return data, 0


@pytest.fixture(scope="module", params=["founding", "series"])
def hostile(request: pytest.FixtureRequest) -> dict[str, Any]:
    case, count = _attack_every_text(
        copy.deepcopy(FOUNDING if request.param == "founding" else SERIES)
    )
    assert count >= 40, "the attack must reach the case's free text"
    return case


@pytest.mark.parametrize(
    ("fmt", "to"), [(fmt, to) for fmt, outs in FORMATS.items() for to in outs if to != "txt"]
)
def test_every_markup_format_keeps_the_attack_inert(
    hostile: dict[str, Any], fmt: str, to: str
) -> None:
    content = render(hostile, fmt, to=to).content
    if isinstance(content, bytes):  # Word runs no script: the text must simply be as typed
        document = docx.Document(io.BytesIO(content))
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "<script>window.casekitPwned=1</script>" in text
    else:
        assert not LIVE.search(content)


def test_a_site_built_from_the_hostile_case_runs_nothing(
    hostile: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    (library / f"{hostile['id']}.json").write_text(json.dumps(hostile), encoding="utf-8")
    assert main(["validate", str(library)]) == 0, capsys.readouterr().out
    output = tmp_path / "site"
    code = main(["build", "--library", str(library), "--output", str(output)])
    assert code == 0, capsys.readouterr().err
    # Pages, sitemap and search index; the .txt and .json downloads are the text as typed,
    # served as plain text and JSON, which a browser does not run.
    pages = [
        p
        for p in output.rglob("*")
        if p.suffix in (".html", ".xml") or p.name == "search_index.json"
    ]
    assert any("casekitPwned" in p.read_text(encoding="utf-8") for p in pages)
    for page in pages:
        assert not LIVE.search(page.read_text(encoding="utf-8")), page
