"""Case text is data: hostile text must come out as the same text, never as markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
import pytest

from casekit.render import render

HOSTILE = [
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "![y](http://example.invalid/t.png)",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "***",
    "a | b",
]
ATTACK = " ".join(HOSTILE)


def hostile_case(case: dict[str, Any]) -> dict[str, Any]:
    case["title"] = ATTACK
    case["introduction"] = ATTACK + "\n\n" + ATTACK
    case["discussion"] = ATTACK
    case["patient"]["presenting_complaint"] = ATTACK
    case["timeline"][0]["description"] = ATTACK
    case["investigations"]["laboratory"][0]["test"] = ATTACK
    case["investigations"]["laboratory"][0]["unit"] = "<b>u</b>"
    case["learning_points"][0] = ATTACK
    case["authors"][0]["name"] = ATTACK
    case["keywords"][0] = ATTACK
    case["references"][0]["title"] = ATTACK
    case["consent"]["statement"] = ATTACK
    case["differential"] = [{"diagnosis": ATTACK, "status": "excluded", "how_excluded": ATTACK}]
    return case


def _assert_inert(output: str) -> None:
    for raw in ("<script", "<img", "{{", "{%", "](javascript", "![y]", "<b>"):
        assert raw not in output, raw


@pytest.mark.parametrize(
    ("fmt", "to"),
    [("web", "md"), ("abstract", "md"), ("abstract", "html"), ("care-checklist", "md")],
)
def test_markup_formats_keep_hostile_text_inert(
    founding: dict[str, Any], fmt: str, to: str
) -> None:
    profile = "eular-2020" if fmt == "abstract" else None
    output = str(render(hostile_case(founding), fmt, to=to, profile=profile).content)
    _assert_inert(output)
    if fmt == "care-checklist":
        # Markdown that is also the site's plain-text download: backslashes, and a character
        # reference only where a tag or template syntax would begin.
        assert "&#123;{ 7\\*7 }}" in output
        shown = markdown.markdown(output, extensions=["tables"])
        assert "<a " not in shown and "<img" not in shown and "<script" not in shown
        assert "&#123;{ 7*7 }}" in shown and "&lt;script&gt;" in shown
        return
    # the title is in every format, shown literally (as character references), never evaluated
    assert "&#123;&#123; 7&#42;7 &#125;&#125;" in output


def test_the_web_page_shows_hostile_text_literally_after_markdown(founding: dict[str, Any]) -> None:
    page = str(render(hostile_case(founding), "web").content)
    html = markdown.markdown(page, extensions=["tables", "attr_list", "md_in_html"])
    _assert_inert(html)
    assert "<a " not in html and "<img" not in html and "<script" not in html
    # A browser shows the entities as the characters the author typed.
    assert "&lt;script&gt;" in html or "&#60;script&#62;" in html
    assert "&#123;&#123; 7&#42;7 &#125;&#125;" in html
    for section_id in ('id="case-summary"', 'id="case-timeline"', 'id="lab-table"'):
        assert section_id in html


def test_the_plain_text_abstract_is_for_pasting_and_keeps_text_as_typed(
    founding: dict[str, Any],
) -> None:
    text = str(render(hostile_case(founding), "abstract", to="txt", profile="eular-2020").content)
    assert "{{ 7*7 }}" in text and "<script>alert(1)</script>" in text


def test_template_syntax_in_a_case_is_never_compiled(founding: dict[str, Any]) -> None:
    founding["introduction"] = "{{ range(10**9) | list }} {% for x in y %}"
    for fmt, to in (("web", "md"), ("abstract", "txt"), ("abstract", "html")):
        output = str(render(founding, fmt, to=to).content)
        assert "range" in output


def test_a_user_template_overrides_the_default(founding: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "abstract.txt.j2").write_text("CUSTOM {{ abstract.title }}\n", encoding="utf-8")
    result = render(founding, "abstract", to="txt", template_dirs=[tmp_path])
    assert str(result.content).startswith("CUSTOM Acute lymphoblastic leukaemia")


def test_a_user_markdown_template_is_escaped_too(founding: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / "web.md.j2").write_text("# {{ case.title }}\n", encoding="utf-8")
    founding["title"] = "<script>x</script>"
    result = render(founding, "web", template_dirs=[tmp_path])
    assert "<script>" not in str(result.content)
