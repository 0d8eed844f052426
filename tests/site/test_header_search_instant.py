"""The header's search box under Material's instant navigation, in headless Chromium.

With ``navigation.instant`` the theme swaps a page's content without loading it again and
keeps the header: the box must stay one box, and its form must point at the search page
from the page now shown, not from the page first opened (a case page is two folders deeper
than the library page). casekit's own site leaves the feature off; an editor may switch it on.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from casefactory import REPO, TODAY, make_library
from test_search import _zensical
from test_search_browser import _served

import chromium
from casekit.cli import main

pytestmark = pytest.mark.browser

if not chromium.available():
    pytest.skip(chromium.MISSING, allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def instant_root(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The test library built with instant navigation on; the address of its root."""
    if request.param == "zensical" and _zensical() is None:
        pytest.skip("Zensical is not installed")
    root = tmp_path_factory.mktemp(f"instant-{request.param}")
    output = root / "site_build"
    output.mkdir()
    # The theme navigates instantly only to addresses its sitemap lists, which are made from
    # site_url: the site is served first, so that site_url can be its real address.
    with _served(output) as search_url:
        address = search_url.removesuffix("search/")
        settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
        settings["docs_dir"] = str(REPO / "site")
        settings["hooks"] = [str(REPO / "tools" / "casekit" / "site" / "hooks.py")]
        settings["site_url"] = address
        features = settings["theme"].get("features", [])
        settings["theme"]["features"] = [*features, "navigation.instant"]
        config = root / "mkdocs.yml"
        config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
        library = make_library(root / "cases")
        args = ["build", "--config", str(config), "--library", str(library)]
        args += ["--output", str(output), "--today", TODAY, "--engine", request.param]
        assert main(args) == 0
        yield address


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = chromium.start(tmp_path_factory.mktemp("chromium-instant"), scrollbars=False)
    yield driver
    driver.quit()


def test_the_box_follows_an_instant_page_change(browser: WebDriver, instant_root: str) -> None:
    browser.set_window_size(1280, 900)
    browser.get(instant_root + "library/")
    form = browser.find_element(By.ID, "casekit-header-search")
    assert form.get_attribute("action").endswith("/search/")
    browser.execute_script("window.casekitStillHere = true;")  # gone if the page reloads
    link = browser.find_element(By.CSS_SELECTOR, 'a[href$="cases/crmo-not-crmo/"]')
    browser.execute_script("arguments[0].click();", link)
    WebDriverWait(browser, 10).until(lambda b: "cases/crmo-not-crmo/" in b.current_url)
    WebDriverWait(browser, 10).until(
        lambda b: "leukaemia" in b.find_element(By.TAG_NAME, "h1").text.lower()
    )
    assert browser.execute_script("return window.casekitStillHere === true;"), (
        "the page was loaded again: instant navigation did not happen"
    )
    forms = browser.find_elements(By.CSS_SELECTOR, "form[role=search]#casekit-header-search")
    assert len(forms) == 1
    assert forms[0].get_attribute("action") == instant_root + "search/"
    box = browser.find_element(By.ID, "casekit-header-query")
    box.send_keys("osteomyelitis", Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "search/?q=osteomyelitis" in b.current_url)
    WebDriverWait(browser, 15).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result")
    )
