"""The header's search box as built, under MkDocs and Zensical alike (no browser needed)."""

from __future__ import annotations

import pytest
from casefactory import BuiltSite

from casekit.site.pages import SCRIPT, STYLE, fixed_files
from casekit.site.search import search_page


@pytest.fixture(params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest) -> BuiltSite:
    built: BuiltSite = request.getfixturevalue(
        "built_site" if request.param == "mkdocs" else "zensical_site"
    )
    assert built.exit_code == 0, built.stderr
    return built


def test_every_page_loads_the_script_and_style_that_add_the_box(site: BuiltSite) -> None:
    script = (site.output / SCRIPT).read_text(encoding="utf-8")
    style = (site.output / STYLE).read_text(encoding="utf-8")
    assert 'setAttribute("role", "search")' in script
    assert "casekit-library" in script  # the library filter is still there too
    assert ".casekit-header-search" in style
    for page in ("index.html", "cases/crmo-not-crmo/index.html", "authoring/index.html"):
        html = (site.output / page).read_text(encoding="utf-8")
        assert "casekit/library-filter.js" in html and "casekit/library.css" in html, page


def test_without_javascript_the_navigation_still_leads_to_the_search_page(
    site: BuiltSite,
) -> None:
    html = (site.output / "cases/crmo-not-crmo/index.html").read_text(encoding="utf-8")
    assert 'href="../../search/"' in html  # the navigation's Search link
    assert "casekit-header-search" not in html  # the box comes only with the script
    search = (site.output / "search/index.html").read_text(encoding="utf-8")
    assert "<noscript>" in search


def test_the_search_page_runs_the_query_in_its_address() -> None:
    page = search_page()
    assert 'get("q")' in page and "ui.triggerSearch(query)" in page
    assert "https://" not in page


def test_the_served_files_hold_each_asset_once() -> None:
    files = fixed_files()
    script, style = str(files[SCRIPT]), str(files[STYLE])
    assert script.count("casekit-header-search") >= 1
    assert script.count("function setUp()") == 2  # the library filter and the header box
    assert style.count(".casekit-visually-hidden {") == 1
