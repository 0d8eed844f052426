"""What the pages of a built site make a reader's browser fetch from other hosts (shared by
the site's tests and the installed-wheel test)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

#: Attributes the browser fetches by itself, without the reader following a link.
_FETCHED = {
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("object", "data"),
    ("embed", "src"),
}
_REMOTE = re.compile(r"^(https?:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", re.IGNORECASE)


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.remote: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if (tag, name) in _FETCHED and value and _REMOTE.match(value):
                self.remote.append(f"<{tag} {name}={value}>")
            if name == "style" and value:
                self.remote.extend(_CSS_URL.findall(value))

    def handle_data(self, data: str) -> None:
        self.remote.extend(_CSS_URL.findall(data))  # style elements


def remote_fetches(site: Path) -> dict[str, list[str]]:
    """What each page (and style sheet) of the site would fetch from another host."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            parser = _Fetches()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            remote = parser.remote
        elif path.suffix == ".css":
            remote = _CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace"))
        else:
            continue
        if remote:
            found[path.relative_to(site).as_posix()] = remote
    return found
