"""The navigation rendered once per depth for pages outside it changes no page."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from casefactory import build_site, make_library

from casekit.cli import main
from casekit.site import navcache


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_every_page_is_the_same_with_the_navigation_rendered_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = make_library(tmp_path / "cases")
    built: dict[bool, dict[str, bytes]] = {}
    used: list[bool] = []
    install = navcache.NavCache.install

    def spied(self: navcache.NavCache, env: object, config: object) -> None:
        install(self, env, config)  # type: ignore[arg-type]
        used.append(self.on)

    monkeypatch.setattr(navcache.NavCache, "install", spied)
    for enabled in (True, False):
        monkeypatch.setattr(navcache, "ENABLED", enabled)
        output = tmp_path / f"site-{enabled}"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(build_site(library, output)) == 0
        built[enabled] = _pages(output)
    assert used == [True, False]  # the first build did reuse the navigation
    assert built[True].keys() == built[False].keys()
    differ = [page for page in built[True] if built[True][page] != built[False][page]]
    assert differ == []
    case_pages = [page for page in built[True] if page.startswith("cases/")]
    assert len(case_pages) >= 3  # pages that reused the navigation were compared
    assert b'class="md-nav md-nav--primary"' in built[True][case_pages[0]]
