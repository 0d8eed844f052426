"""Pagefind's search page in headless Chromium: type, read the results, narrow by a filter."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from casefactory import BuiltSite
from test_search import _build, _parted_project, fragments_of

import chromium

pytestmark = pytest.mark.browser


if not chromium.available():
    pytest.skip(chromium.MISSING, allow_module_level=True)

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _served(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/search/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def search_url(built_site: BuiltSite) -> Iterator[str]:
    assert built_site.exit_code == 0, built_site.stderr
    with _served(built_site.output) as url:
        yield url


@pytest.fixture(scope="module")
def parted_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test library built with its search index in parts of three pages."""
    root = tmp_path_factory.mktemp("parted")
    config = _parted_project(root / "project", part_pages=3)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert _build(config, root / "out") == 0
    homes = set()
    for case_id in ("synthetic-septic-hip", "synthetic-past-embargo", "synthetic-hostile-text"):
        url = f"/cases/{case_id}/"
        homes.update(
            e.parent
            for e in (root / "out").rglob("pagefind-entry.json")
            if url in fragments_of(e.parent)
        )
    assert len(homes) > 1, "the cases searched for below lie in different parts"
    with _served(root / "out") as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = chromium.start(tmp_path_factory.mktemp("chromium-search-profile"))
    yield driver
    driver.quit()


_READ_RESULTS = """
return Array.from(document.querySelectorAll('.pagefind-ui__result')).map(function (r) {
  var a = r.querySelector('a.pagefind-ui__result-link');
  return [a ? a.href : '', r.innerText];
});
"""


def _results(driver: WebDriver) -> dict[str, str]:
    """The results shown: link address -> the result's whole text (title, excerpt, tags).

    Read in one script, as the UI redraws the list while results arrive.
    """
    pairs = driver.execute_script(_READ_RESULTS)
    return {str(href): str(text) for href, text in pairs if href}


def _search(driver: WebDriver, url: str, query: str) -> dict[str, str]:
    driver.get(url)
    box = WebDriverWait(driver, 20).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "input.pagefind-ui__search-input")
    )
    box.send_keys(query)
    WebDriverWait(driver, 20).until(lambda d: _results(d))
    return _all_results(driver)


def _click(driver: WebDriver, element: WebElement) -> None:
    """Click as a reader would, after scrolling the element out from under the header."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def _all_results(driver: WebDriver) -> dict[str, str]:
    """Every result, not only the first page: 'Load more' is pressed until it is gone, and
    the list is read once it stops changing (the parts of an index answer one by one)."""
    seen: dict[str, str] = {}
    steady = 0
    for _ in range(100):
        more = [
            b
            for b in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__button")
            if b.is_displayed()
        ]
        if more:
            _click(driver, more[0])
            steady = 0
        now = _results(driver)
        steady = steady + 1 if now == seen and not more else 0
        seen = now
        if steady >= 3:
            break
        time.sleep(0.2)
    return seen


def _by_path(results: dict[str, str], path: str) -> str | None:
    return next((text for href, text in results.items() if href.endswith(path)), None)


def test_a_diagnosis_word_finds_the_founding_case(browser: WebDriver, search_url: str) -> None:
    results = _search(browser, search_url, "lymphoblastic")
    founding = _by_path(results, "/cases/crmo-not-crmo/")
    assert founding is not None, results
    assert founding.startswith("Acute lymphoblastic leukaemia first labelled")
    assert "Kind: Case" in founding
    assert "Age3" not in founding and "SexFemale" not in founding


def test_a_guide_page_is_labelled_as_a_guide(browser: WebDriver, search_url: str) -> None:
    results = _search(browser, search_url, "schema")
    guides = [text for href, text in results.items() if "/cases/" not in href]
    assert guides, results
    assert all("Kind: Guide" in text for text in guides)


def _narrow_to_cases(browser: WebDriver, before: list[str]) -> list[str]:
    """Choose Kind: Case in the filters; the results left are fewer than ``before`` and all
    of them cases."""
    _click(browser, browser.find_element(By.XPATH, "//summary[normalize-space()='Kind']"))
    _click(browser, browser.find_element(By.CSS_SELECTOR, "label[for='Kind-Case']"))
    WebDriverWait(browser, 20).until(lambda d: _results(d) and _results(d) != before)
    after = _results(browser)
    assert set(after) < set(before)
    assert all("/cases/" in href for href in after)
    return after


def test_a_filter_narrows_the_results(browser: WebDriver, search_url: str) -> None:
    before = _search(browser, search_url, "hip")
    assert len(before) > 1
    _narrow_to_cases(browser, before)


def test_hostile_text_in_results_shows_as_text_and_runs_nothing(
    browser: WebDriver, search_url: str
) -> None:
    results = _search(browser, search_url, "hostile")
    hostile = _by_path(results, "/cases/synthetic-hostile-text/")
    assert hostile is not None, results
    assert "<script>window.casekitPwned=1</script>" in hostile
    assert browser.execute_script("return window.casekitPwned === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "#casekit-search img[onerror]")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018  # raises when there is no alert


def test_an_index_in_parts_is_searched_and_filtered_as_one(
    browser: WebDriver, parted_url: str
) -> None:
    results = _search(browser, parted_url, "hip")
    cases = {href.split("/cases/")[1] for href in results if "/cases/" in href}
    # Three cases of the hip, from more than one part (see the fixture).
    assert {"synthetic-septic-hip/", "synthetic-past-embargo/", "synthetic-hostile-text/"} <= cases
    assert any("/cases/" not in href for href in results)  # and guide pages
    _click(browser, browser.find_element(By.XPATH, "//summary[normalize-space()='Kind']"))
    label = browser.find_element(By.CSS_SELECTOR, "label[for='Kind-Case']")
    assert label.text == f"Case ({len(cases)})"  # the matching cases, counted over every part
    _click(browser, label)
    WebDriverWait(browser, 20).until(lambda d: _results(d) and _results(d) != results)
    assert all("/cases/" in href for href in _results(browser))
