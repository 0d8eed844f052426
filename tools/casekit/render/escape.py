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
