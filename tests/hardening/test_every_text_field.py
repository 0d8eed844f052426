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
    # Pages and sitemap; the .txt and .json downloads are the text as typed, served as
    # plain text and JSON, which a browser does not run. The search index holds the pages'
    # text as data: tests/site/test_search_browser.py shows hostile text in results runs
    # nothing.
    pages = [p for p in output.rglob("*") if p.suffix in (".html", ".xml")]
    assert any("casekitPwned" in p.read_text(encoding="utf-8") for p in pages)
    for page in pages:
        assert not LIVE.search(page.read_text(encoding="utf-8")), page


# --- identifiers in every free-text field (issue 12, item 1) --------------------------------

#: Short enough for the shortest free field (a lab abbreviation, 20 characters); invented.
IDENTIFIER = "Dr Ozymandias Quux"
SCHEMA = json.loads((REPO / "schema" / "case.schema.json").read_text())
#: A suppression, so that the walk can reach lint.suppress[].reason too.
SUPPRESSION = {"code": "CK113", "reason": "The family did not wish to add their words."}


def _resolve_schema(node: Any) -> dict[str, Any]:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = SCHEMA
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node if isinstance(node, dict) else {}


def _string_paths(
    node: Any, path: tuple[str, ...] = (), mark: str | None = None
) -> list[tuple[tuple[str, ...], str | None]]:
    """Every string-typed path of the schema that it leaves free ('[]': any list item),
    with the "x-casekit-text" mark on it or a parent (None: patient text)."""
    node = _resolve_schema(node)
    mark = node.get("x-casekit-text", mark)
    kinds = node.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    found = []
    if "string" in kinds and not set(node) & {"enum", "const", "pattern", "format"}:
        found.append((path, mark))
    if len(path) < 8:
        for branch in [
            node,
            *node.get("allOf", []),
            *node.get("anyOf", []),
            *node.get("oneOf", []),
        ]:
            branch = _resolve_schema(branch)
            for key, sub in branch.get("properties", {}).items():
                found.extend(_string_paths(sub, (*path, key), mark))
            if "items" in branch:
                found.extend(_string_paths(branch["items"], (*path, "[]"), mark))
    return found


SCHEMA_PATHS = sorted(set(_string_paths(SCHEMA)), key=lambda p: (p[0], p[1] or ""))
#: Codes and ids of casekit's own ('x-casekit-text': 'code' or 'id'): an identifier there
#: would make the case invalid, so they are not planted.
PLANTABLE = [(path, mark) for path, mark in SCHEMA_PATHS if mark not in ("code", "id")]


def _place(data: Any, path: tuple[str, ...], value: str) -> bool:
    """Put ``value`` at ``path`` in ``data`` (in the first item of each list, creating a
    missing last key on an existing object); False when the case has nowhere to put it."""
    node = data
    for key in path[:-1]:
        if key == "[]":
            if not isinstance(node, list) or not node:
                return False
            node = node[0]
        elif isinstance(node, dict) and key in node:
            node = node[key]
        elif isinstance(node, dict) and key == "codes":  # a code list the case lacks
            lab = "laboratory" in path
            system, code = ("LOINC", "718-7") if lab else ("SNOMED CT", "91861009")
            node[key] = [{"system": system, "code": code, "label": "A synthetic label"}]
            node = node[key]
        else:
            return False
    last = path[-1]
    if last == "[]":
        if not isinstance(node, list):
            return False
        if node and isinstance(node[0], str):
            node[0] = value
        else:
            node.append(value)
        return True
    if not isinstance(node, dict):
        return False
    node[last] = value
    return True


def _bases() -> list[tuple[str, dict[str, Any]]]:
    bases = []
    for name, base in (("founding", FOUNDING), ("series", SERIES)):
        case = copy.deepcopy(base)
        case["lint"] = {"suppress": [SUPPRESSION]}
        bases.append((name, case))
    lint_base = json.loads((REPO / "tests" / "lint" / "base_case.json").read_text())
    lint_base["lint"] = {"suppress": [SUPPRESSION]}
    lint_base["status"] = "published"
    lint_base["references"][0]["editor"] = [{"family": "Editorial", "given": "E."}]
    # A field that neither example case fills: a figure.
    lint_base["figures"] = [
        {
            "id": "fig-walk",
            "file": "images/walk-diagram.png",
            "kind": "diagram",
            "caption": "A diagram of the knee.",
            "alt": "Diagram of a knee joint.",
            "consent": {"status": "not-applicable", "statement": "An invented diagram."},
        }
    ]
    lint_base["abstract"] = {}  # nor the author's own abstract text
    bases.append(("lint-base", lint_base))
    return bases


def _planted() -> list[tuple[str, tuple[str, ...], str | None, dict[str, Any]]]:
    planted = []
    for path, mark in PLANTABLE:
        for name, base in _bases():
            case = copy.deepcopy(base)
            if _place(case, path, IDENTIFIER):
                planted.append((name, path, mark, case))
                break
    return planted


PLANTED = _planted()


def test_the_walk_reaches_every_free_text_field_of_the_schema() -> None:
    reached = {path for _, path, _, _ in PLANTED}
    missing = sorted({path for path, _ in PLANTABLE} - reached)
    assert missing == [], missing
    assert any(path[0] == "patients" for path in reached)  # a series' own fields too


def test_an_identifier_in_any_free_text_field_is_found_unless_it_is_publication_text(
    tmp_path: Path,
) -> None:
    from casekit.lint import lint_document
    from casekit.loader import load_case

    missed, invalid, wrongly = [], [], []
    for name, path, mark, case in PLANTED:
        file = tmp_path / f"{case['id']}.json"
        file.write_text(json.dumps(case), encoding="utf-8")
        findings = lint_document(load_case(file))
        where = f"{name}:{'.'.join(path)}"
        if [f for f in findings if f.code < "CK100"]:
            invalid.append(where)
        names = [f for f in findings if f.code == "CK602" and f.severity.value == "error"]
        if mark == "publication" and names:
            wrongly.append(where)
        elif mark is None and not names:
            missed.append(where)
    assert invalid == [], "planting made these cases invalid"
    assert missed == [], "an identifier in these fields was not found"
    assert wrongly == [], "names in publication fields are there by design"


def test_the_gate_keeps_every_case_with_a_planted_identifier_off_the_site(tmp_path: Path) -> None:
    from casekit.site.gate import gate

    library = tmp_path / "cases"
    library.mkdir()
    expected = set()
    clean = tmp_path / "clean"
    clean.mkdir()
    for _name, base in _bases():
        (clean / f"{base['id']}.json").write_text(json.dumps(base), encoding="utf-8")
    publishable = {doc.data["id"] for doc in gate(sorted(clean.glob("*.json"))).published}
    assert {FOUNDING["id"], SERIES["id"]} <= publishable
    for number, (_, _path, mark, case) in enumerate(PLANTED):
        if case["id"] not in publishable:
            continue
        planted = copy.deepcopy(case)
        planted["id"] = f"planted-{number}"
        (library / f"planted-{number}.json").write_text(json.dumps(planted), encoding="utf-8")
        if mark is None:
            expected.add(planted["id"])
    result = gate(sorted(library.glob("*.json")))
    published = {doc.data["id"] for doc in result.published}
    assert expected and not expected & published
    skipped = {s.case_id: s.reason for s in result.skipped}
    for case_id in expected:
        assert "CK602" in skipped[case_id], skipped[case_id]
