"""casekit's own HTML blocks are set aside without Python-Markdown's HTML parser
(casekit.site.rawhtml); the HTML that comes out must be exactly what the parser gives.

Each document below is converted twice, with the shortcut and without, and the results
compared. The shapes the shortcut must leave to the parser are here too: it is correct
only if every one of them comes out the same.
"""

from __future__ import annotations

import json

import markdown
import pytest
from casefactory import REPO, synthetic_case

from casekit.render import render
from casekit.site import rawhtml

EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list"]


def _convert(text: str, *, shortcut: bool, extensions: list[str] = EXTENSIONS) -> str:
    md = markdown.Markdown(extensions=extensions)
    if shortcut:
        assert rawhtml.install(md)
    return str(md.convert(text))


def _stashed_ahead(text: str) -> tuple[int, list[str]]:
    """Blocks the shortcut set aside, and the lines it left that start with a tag."""
    md = markdown.Markdown(extensions=EXTENSIONS)
    rawhtml.install(md)
    lines = md.preprocessors["normalize_whitespace"].run(text.split("\n"))
    left = md.preprocessors["casekit_html_blocks"].run(lines)
    return len(md.htmlStash.rawHtmlBlocks), [line for line in left if line.startswith("<")]


DOCUMENTS = {
    "blocks between paragraphs": (
        '# Title\n\nA paragraph.\n\n<div class="x">\n<p>One &amp; two &#40;3&#41;</p>\n'
        "</div>\n\nAnother *paragraph*.\n\n<table>\n<tr><td>1</td></tr>\n</table>\n\nEnd.\n"
    ),
    "block first and last": "<div>\nfirst\n</div>\n\ntext\n\n<div>\nlast\n</div>\n",
    "block at the end without a blank line": "text\n\n<div>\nlast\n</div>",
    "nested blocks of the same tag": "<div>\n<div>\ninner\n</div>\n<div>b</div>\n</div>\n\nx\n",
    "a close in the middle of a line": "<div>a</div> tail *text*\n\nnext\n",
    "two blocks on one line": "<div>a</div><div>b</div>\n\nnext\n",
    "no blank line before": "para\n<div>\nx\n</div>\n\nafter\n",
    "no blank line after": "<div>\nx\n</div>\nafter *this*\n",
    "a comment inside": "<div>\n<!-- note -->\nx\n</div>\n\nafter\n",
    "a comment block": "<!-- just a comment -->\n\n<div>\nx\n</div>\n\nafter\n",
    "markup in a style element": "<div>\n<style>a</div>b</style>\n</div>\n\nafter\n",
    "svg with style and title": (
        '<figure>\n<svg role="img"><title>T &#58; t</title>'
        "<style>.a{fill:red}</style>\n<text>1 &lt; 2</text>\n</svg>\n</figure>\n\nafter\n"
    ),
    "a bare ampersand and angle": "<div>\nA & B < C\n</div>\n\nafter\n",
    "an entity without its semicolon": "<div>\n&copy 2026\n</div>\n\nafter\n",
    "an unclosed block": "<div>\n<p>never closed\n\ntext after\n",
    "indented block": "   <div>\nx\n</div>\n\nafter\n",
    "code block with a tag": "    <div>\n    x\n    </div>\n\nafter\n",
    "fenced code with a tag": "```html\n<div>\nx\n</div>\n```\n\n<div>\ny\n</div>\n\nafter\n",
    "inline tags in a paragraph": "Text <span>inline</span> here.\n\n<div>\nx\n</div>\n\nafter\n",
    "an inline element first": "<span>inline</span> start\n\n<div>\nx\n</div>\n\nafter\n",
    "a horizontal rule": "<hr>\n\n<div>\nx\n</div>\n\nafter\n",
    "upper-case tags": "<DIV>\nx\n</DIV>\n\n<Div>\ny\n</div>\n\nafter\n",
    "self-closed void and unclosed void": '<div>\n<br>\n<img src="a.png"/>\n</div>\n\nafter\n',
    "a tag with a greater-than in quotes": '<div title="a>b">\nx\n</div>\n\nafter\n',
    "a script": "<div>\n<script>if (a < b) {}</script>\n</div>\n\nafter\n",
    "a processing instruction": "<?php echo 1; ?>\n\n<div>\nx\n</div>\n\nafter\n",
    "a closing tag inside a comment": "<div>\n<!--\n</div>\n\n-->\n</div>\n\nafter\n",
    "a closing tag inside a style": "<div>\n<style>\n</div>\n\n</style>\n</div>\n\nafter\n",
    "markdown after the block": "<div>\nx\n</div>\n\n- a list\n- of two\n\n## Heading {#id}\n",
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_shortcut_gives_what_the_parser_gives(name: str) -> None:
    text = DOCUMENTS[name]
    assert _convert(text, shortcut=True) == _convert(text, shortcut=False)


def test_case_pages_convert_the_same_with_the_shortcut() -> None:
    """Every case of the library and a case of every text field's hostile values."""
    cases = [json.loads(p.read_text("utf-8")) for p in sorted((REPO / "cases").glob("*.json"))]
    hostile = synthetic_case("synthetic-rawhtml")
    hostile["discussion"] = "A <div> & </div> <!-- x --> <style>b</style> &copy text"
    hostile["patient"]["presenting_complaint"] = "Pain </figure></div>\n\n<div>"
    for case in [*cases, hostile]:
        page = render(case, "web").content
        assert isinstance(page, str)
        assert _convert(page, shortcut=True) == _convert(page, shortcut=False), case["id"]


def test_every_block_of_a_case_page_is_set_aside_by_the_shortcut() -> None:
    """The shortcut is what makes case pages quick to convert: none of their HTML blocks
    may be left to the parser (a change to the page's markup that breaks the simple shape
    shows here, not only as a slower build)."""
    case = json.loads((REPO / "cases" / "crmo-not-crmo.json").read_text("utf-8"))
    page = render(case, "web").content
    assert isinstance(page, str)
    stashed, left = _stashed_ahead(page)
    assert stashed >= 5
    assert left == []


def test_an_extension_that_reads_html_blocks_itself_turns_the_shortcut_off() -> None:
    md = markdown.Markdown(extensions=["md_in_html"])
    assert rawhtml.install(md) is False
    assert "casekit_html_blocks" not in md.preprocessors
    text = '<div markdown="1">\n*emphasis*\n</div>\n\nafter\n'
    plain = markdown.Markdown(extensions=["md_in_html"]).convert(text)
    assert "<em>emphasis</em>" in plain


def test_block_end_and_plain() -> None:
    lines = ["<div>", "<div>x</div>", "</div>", "", "after"]
    assert rawhtml.block_end(lines, 0, "div") == 2
    assert rawhtml.block_end(["<div>", "x", "</div>"], 0, "div") is None  # no blank line after
    assert rawhtml.block_end(["<div>a</div> b", ""], 0, "div") is None  # text after the close
    assert rawhtml.plain("<p>a &amp; b &#40;c&#x29;</p>")
    assert not rawhtml.plain("<p>a & b</p>")
    assert not rawhtml.plain("<p><!-- c --></p>")
    assert not rawhtml.plain("<style>a<b</style>")
    assert rawhtml.plain("<style>a{b:c}</style><title>t</title>")


def test_the_shortcut_is_part_of_the_conversion_cache_key() -> None:
    """A change to the shortcut's code must not serve pages converted by the old one."""
    from casekit.site.prerender import MarkdownSetup, _versions

    modules = [module for module, _ in _versions(MarkdownSetup(tuple(EXTENSIONS), {}))]
    assert "casekit.site.rawhtml" in modules
