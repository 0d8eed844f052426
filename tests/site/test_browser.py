"""The built library opened in headless Chromium, as a reader would use it."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from casefactory import BuiltSite

import chromium

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

if not chromium.available():
    pytest.skip(chromium.MISSING, allow_module_level=True)

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    assert built_site.exit_code == 0, built_site.stderr
    handler = functools.partial(_QuietHandler, directory=str(built_site.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = chromium.start(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


def _wait(driver: WebDriver) -> WebDriverWait[WebDriver]:
    return WebDriverWait(driver, 20)


def _visible_case_ids(driver: WebDriver) -> set[str]:
    rows = driver.find_elements(By.CSS_SELECTOR, "#casekit-library .casekit-card")
    return {str(r.get_attribute("data-case")) for r in rows if r.is_displayed()}


def _screenshot(driver: WebDriver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / name))


def test_index_lists_the_published_cases_and_not_the_drafts(
    browser: WebDriver, site_url: str
) -> None:
    browser.get(site_url + "library/")
    ids = _visible_case_ids(browser)
    assert {"crmo-not-crmo", "synthetic-septic-hip", "synthetic-hostile-text"} <= ids
    assert not any("zqx" in case_id for case_id in ids)
    assert "zqxdraftonly" not in browser.page_source
    _screenshot(browser, "library-index.png")


def test_a_tag_filter_narrows_the_list(browser: WebDriver, site_url: str) -> None:
    browser.get(site_url + "library/")
    before = _visible_case_ids(browser)
    facets = browser.find_element(By.CSS_SELECTOR, "details.casekit-facets")
    if not facets.get_attribute("open"):  # open on a wide screen, closed on a phone
        facets.find_element(By.TAG_NAME, "summary").click()
    browser.find_element(By.CSS_SELECTOR, "input[value='theme:diagnosis-of-exclusion']").click()
    _wait(browser).until(lambda d: _visible_case_ids(d) != before)
    assert _visible_case_ids(browser) == {"crmo-not-crmo"}
    count = browser.find_element(By.ID, "casekit-filter-count").text
    assert count.startswith("Showing 1 of ")


def test_the_founding_case_page_shows_its_timeline_and_lab_table(
    browser: WebDriver, site_url: str
) -> None:
    browser.get(site_url + "cases/crmo-not-crmo/")
    timeline = browser.find_element(By.CSS_SELECTOR, "svg#case-timeline, #case-timeline svg")
    assert timeline.is_displayed()
    assert timeline.size["height"] > 50
    labs = browser.find_element(By.ID, "lab-table")
    assert "Haemoglobin" in labs.text
    _screenshot(browser, "founding-case.png")


def test_downloads_are_served(browser: WebDriver, site_url: str) -> None:
    browser.get(site_url + "cases/crmo-not-crmo/")
    links = browser.find_elements(By.CSS_SELECTOR, "a[href*='crmo-not-crmo']")
    hrefs = {str(a.get_attribute("href")) for a in links}
    for name in ("abstract.txt", "abstract.docx", "care-checklist.txt"):
        assert any(h.endswith(f"crmo-not-crmo-{name}") for h in hrefs), name
    assert any(h.endswith("crmo-not-crmo.json") for h in hrefs)
    for href in hrefs:
        if href.endswith((".txt", ".docx", ".json")):
            with urllib.request.urlopen(href) as response:  # our own server
                assert response.status == 200
                assert response.read()


def _assert_nothing_ran(driver: WebDriver) -> None:
    assert driver.execute_script("return window.casekitPwned === undefined")
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018  # raises when there is no alert


@pytest.mark.parametrize("path", ["library/", "cases/synthetic-hostile-text/", "library/tags/"])
def test_hostile_text_shows_as_text_and_runs_nothing(
    browser: WebDriver, site_url: str, path: str
) -> None:
    browser.get(site_url + path)
    _assert_nothing_ran(browser)
    body = browser.find_element(By.TAG_NAME, "body").text
    if path != "library/tags/":
        assert "<script>window.casekitPwned=1</script>" in body
        assert "{{ 7*7 }}" in body
    if path.startswith("cases/"):
        assert "<script>window.casekitPwned=1</script>" in browser.title
    for link in browser.find_elements(By.TAG_NAME, "a"):
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    assert not browser.find_elements(By.CSS_SELECTOR, "img[onerror], b[onmouseover]")
