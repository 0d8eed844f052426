"""A reader's browser fetches nothing from another site: no fonts, style sheets, scripts or
images from a CDN (they would tell a third party who reads which case, and break offline)."""

from __future__ import annotations

from pathlib import Path

import pytest
from casefactory import BuiltSite

from fetches import remote_fetches


def test_the_fetch_finder_sees_a_font_from_a_cdn(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<link rel="preconnect" href="https://fonts.gstatic.com">'
        '<style>@font-face{src:url("https://cdn.example.com/a.woff2")}</style>'
        '<a href="https://www.care-statement.org/">CARE</a>',
        encoding="utf-8",
    )
    assert remote_fetches(tmp_path) == {
        "index.html": ["<link href=https://fonts.gstatic.com>", "https://cdn.example.com/a.woff2"]
    }


def test_a_site_built_with_mkdocs_fetches_nothing_from_elsewhere(built_site: BuiltSite) -> None:
    assert built_site.exit_code == 0, built_site.stderr
    assert remote_fetches(built_site.output) == {}


def test_a_site_built_with_zensical_fetches_nothing_from_elsewhere(
    zensical_site: BuiltSite,
) -> None:
    if zensical_site.exit_code != 0:
        pytest.fail(zensical_site.stderr)
    assert remote_fetches(zensical_site.output) == {}
