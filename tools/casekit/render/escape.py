"""Escaping case text so that it stays text wherever it lands.

Case text is data. In HTML it must not become markup; in Markdown that a site builder
turns into HTML it must not become a link, an image, emphasis, a list or a heading; and
it must not look like template syntax (``{{ }}``, ``{% %}``) to a Jinja-based plugin
such as mkdocs-macros. :func:`escape_text` therefore encodes, as numeric character
references, every ASCII character that carries meaning in HTML, Markdown, its common
extensions, or Jinja. Character references are plain characters to a browser and
inert to every Markdown engine, so the reader sees exactly what the author typed.
"""

from __future__ import annotations

import functools
import re

from markupsafe import Markup

# HTML: & < > " '   Markdown: \ ` * _ [ ] ( ) # + ! | ~ < >   extensions: $ ^ = : { }
# Jinja / MkDocs macros: { } %
_SPECIAL = "&<>\"'\\`*_[](){}#+!|~$^=:%"
_TABLE = {ord(ch): f"&#{ord(ch)};" for ch in _SPECIAL}
# A line that starts like a list item, a thematic break or a numbered list.
_LINE_START = re.compile(r"^(\s*)(-+|\d+[.)])(?=\s|$)")


def _escape_line(line: str) -> str:
    line = line.strip().translate(_TABLE)
    match = _LINE_START.match(line)
    if match:
        token = match.group(2)
        encoded = "".join(f"&#{ord(ch)};" if not ch.isdigit() else ch for ch in token)
        line = encoded + line[match.end() :]
    return line


def escape_text(value: object) -> Markup:
    """Case text as HTML- and Markdown-inert text; paragraphs (blank lines) are kept."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    escaped = [
        " ".join(_escape_line(line) for line in p.split("\n") if line.strip()) for p in paragraphs
    ]
    return Markup("\n\n".join(escaped))


def escape_inline(value: object) -> Markup:
    """Like :func:`escape_text` but on one line (table cells, SVG labels, attributes)."""
    text = " ".join(str(value).split())
    return Markup(_escape_line(text)) if text else Markup("")


#: In a Markdown text file meant to be read as it stands (the CARE checklist): a backslash
#: before the characters that would make a table cell, code, emphasis or a link.
_MD_TEXT = {ord(ch): "\\" + ch for ch in "\\|`*_[]"}
_MD_TEXT_PATTERNS = (
    (re.compile(r"&(?=#?\w+;)"), "&amp;"),  # what would read as a character reference
    # A tag or comment ('<b', '</', '<!'): Python-Markdown has no backslash escape for '<',
    # so only here a character reference; '< 5' stays as it is.
    (re.compile(r"<(?=[A-Za-z/!?])"), "&lt;"),
    # Template syntax ('{{', '{%', '{#') for a Jinja-based plugin, which no backslash stops.
    (re.compile(r"\{(?=[{%#])"), "&#123;"),
    (re.compile(r"(?<=\])\("), r"\\("),  # the address part of a link
    (re.compile(r"^(?=[#>+-])"), r"\\"),  # a heading, quote or list item at the start
    (re.compile(r"^(\d+)(?=[.)])"), r"\1\\"),  # a numbered list item at the start
)
#: What any of :data:`_MD_TEXT_PATTERNS` needs to find something.
_MD_TEXT_MAY_NEED = re.compile(r"[&<{(]|^[#>+\-\d]")


def markdown_text(value: object) -> Markup:
    """Case text for a Markdown file people also read as plain text (the CARE checklist):
    a backslash before the few characters that would change its structure (``a \\| b``),
    and a character reference only for what would otherwise be an HTML tag, a character
    reference or template syntax (``&lt;script>``, ``&#123;{``); ordinary text, '(', ':'
    and "'" included, stays as typed."""
    return _markdown_text(str(value))


@functools.lru_cache(maxsize=4096)
def _markdown_text(text: str) -> Markup:
    """:func:`markdown_text` of a string, kept: the CARE checklist escapes the same item
    numbers, topics and wording for every case (120 of its 150 values)."""
    text = " ".join(text.split()).translate(_MD_TEXT)
    if _MD_TEXT_MAY_NEED.search(text):  # most text holds none of them: one search, not six
        for pattern, replacement in _MD_TEXT_PATTERNS:
            text = pattern.sub(replacement, text)
    return Markup(text)
