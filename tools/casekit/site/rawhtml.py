"""Raw HTML blocks of casekit's own pages, set aside without Python-Markdown's HTML parser.

Most of a case page is HTML that casekit wrote (the summary, the tables, the figures as
SVG), and Python-Markdown finds such blocks by running its HTML parser, written in Python,
over the whole page: about half the time it takes to convert one. A block that casekit
wrote has a simple shape, so it can be found by counting its outer tag: it starts at the
beginning of a line after a blank line, ends with its closing tag at the end of a line
before a blank line, and holds only well-formed tags and entities (case text in it is
escaped). Such a block is stored in the Markdown instance's stash exactly as Python-
Markdown's parser would store it, and replaced by the same placeholder lines, so the HTML
that comes out is the same byte for byte (``tests/site/test_prerender.py`` compares whole
sites). Anything else (a comment, a block whose end is not clear, text that would start a
raw block of another shape) ends the shortcut: the rest of the page goes to Python-
Markdown's parser as before.
"""

from __future__ import annotations

import re
from typing import Any

#: The start of a block: a tag name at the very start of a line.
_OPENING = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
#: What a block may hold: text without '<' or '&', whole tags, and complete entities.
_PLAIN = re.compile(
    r"(?:[^<&]+|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);)*"
)
#: Elements whose contents an HTML parser may read as text (so a tag inside is no tag).
_TEXT_ELEMENT = re.compile(r"<(script|style|textarea|title)(?=[\s/>])[^<>]*>", re.IGNORECASE)


def install(md: Any) -> bool:
    """Put the shortcut before ``md``'s HTML block step; False if ``md`` has a step of
    another kind there (an extension such as md_in_html reads HTML blocks itself)."""
    from markdown.preprocessors import HtmlBlockPreprocessor

    if "html_block" not in md.preprocessors:
        return False
    if type(md.preprocessors["html_block"]) is not HtmlBlockPreprocessor:
        return False
    md.preprocessors.register(_GeneratedBlocks(md), "casekit_html_blocks", 21)
    return True


def _tag_pattern(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?)({re.escape(tag)})(?=[\s/>])[^<>]*>", re.IGNORECASE)


def block_end(lines: list[str], start: int, tag: str) -> int | None:
    """The index of the line that closes the block opened on ``lines[start]`` by ``tag``,
    or None when the block does not have the simple shape (see the module's docstring)."""
    pattern = _tag_pattern(tag)
    depth = 0
    for index in range(start, len(lines)):
        line = lines[index]
        for match in pattern.finditer(line):
            if match.group(1):
                depth -= 1
            elif not match.group().endswith("/>"):
                depth += 1
            if depth <= 0:
                # Closed: the close must end its line, and a blank line must follow.
                if depth < 0 or match.end() != len(line):
                    return None
                if index + 1 >= len(lines) or lines[index + 1]:
                    return None
                return index
    return None


def plain(block: str) -> bool:
    """Whether ``block`` holds only text, whole tags and complete entities, and nothing
    but text inside an element whose contents a parser may read as text (``<style>``)."""
    if _PLAIN.fullmatch(block) is None:
        return False
    for match in _TEXT_ELEMENT.finditer(block):
        if not block.startswith(f"</{match.group(1)}", block.find("<", match.end())):
            return False
    return True


class _GeneratedBlocks:
    """A Python-Markdown preprocessor (registered by :func:`install`)."""

    def __init__(self, md: Any) -> None:
        self.md = md

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        after_blank = True
        while index < len(lines):
            line = lines[index]
            if line.lstrip(" ")[:1] == "<" and len(line) - len(line.lstrip(" ")) <= 3:
                opening = _OPENING.match(line)
                tag = opening.group(1).lower() if opening else ""
                end = None
                if after_blank and tag and tag != "hr" and self.md.is_block_level(tag):
                    end = block_end(lines, index, tag)
                if end is None:
                    return out + lines[index:]
                block = "\n".join(lines[index : end + 1])
                if not plain(block):
                    return out + lines[index:]
                # What Markdown's parser leaves in place of a block followed by a blank line.
                out += ["", self.md.htmlStash.store(block + "\n"), "", ""]
                index = end + 1
                after_blank = True
                continue
            out.append(line)
            after_blank = not line
            index += 1
        return out
