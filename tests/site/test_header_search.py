"""The search box in the header of every page, in headless Chromium, under both engines.

A reader types a query in the header of a case page and presses Enter: the search page
opens with the query in its address and shows its results. At 390 px the box hides behind a
search button so the page title keeps its room. Screenshots go to
test-artifacts/header-search/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from casefactory import REPO, BuiltSite
from test_search_browser import (
    _all_results,
    _by_path,
    _click,
    _narrow_to_cases,
    _results,
    _served,
)

import chromium

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "test-artifacts" / "header-search"

if not chromium.available():
    pytest.skip(chromium.MISSING, allow_module_level=True)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

#: One page of every kind (the search page included: its header has the box too).
PAGES = {
    "home": "",
    "case": "cases/crmo-not-crmo/",
    "index": "library/",
    "tags": "library/tags/",
    "search": "search/",
    "guide": "authoring/",
}
WIDTHS = (390, 1280)
CASE = PAGES["case"]


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site_url(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    """(engine, the address of the served site's root)."""
    built: BuiltSite = request.getfixturevalue(
        "built_site" if request.param == "mkdocs" else "zensical_site"
    )
    assert built.exit_code == 0, built.stderr
    with _served(built.output) as search_url:
        yield request.param, search_url.removesuffix("search/")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = chromium.start(tmp_path_factory.mktemp("chromium-header-search"), scrollbars=False)
    yield driver
    driver.quit()


#: Where the box is, against the header and the window.
_MEASURE = """
const header = document.querySelector('.md-header').getBoundingClientRect();
const form = document.querySelector('header .md-header__inner form[role=search]');
const label = form && document.querySelector('label[for=casekit-header-query]');
const box = (el) => {
  if (!el) return null;
  const r = el.getBoundingClientRect(), style = getComputedStyle(el);
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width,
          shown: style.display !== 'none' && style.visibility !== 'hidden' && r.width > 0};
};
return {
  width: window.innerWidth, scroll: document.documentElement.scrollWidth,
  header: {top: header.top, bottom: header.bottom, height: header.height},
  action: form && form.getAttribute('action'),
  label: label && label.textContent,
  name: form && form.querySelector('input').name,
  input: box(form && form.querySelector('input')),
  open: box(document.querySelector('.casekit-header-search__open')),
  title: box(document.querySelector('.md-header__title')),
};
"""


def _inside(inner: dict[str, Any], outer: dict[str, Any], width: int) -> bool:
    return (
        inner["top"] >= outer["top"] - 1
        and inner["bottom"] <= outer["bottom"] + 1
        and inner["left"] >= 0
        and inner["right"] <= width + 1
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_has_the_box_in_its_header_and_nothing_overflows(
    browser: WebDriver, site_url: tuple[str, str], width: int
) -> None:
    engine, root = site_url
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(width, 900)
    problems: dict[str, Any] = {}
    for name, path in PAGES.items():
        browser.get(root + path)
        seen = browser.execute_script(_MEASURE)
        found = []
        if seen["label"] != "Search the case library" or seen["name"] != "q":
            found.append(f"no labelled search form in the header: {seen}")
        elif seen["action"].startswith(("/", "http")) or not seen["action"].endswith("search/"):
            found.append(f"the form's address is not relative: {seen['action']}")
        if seen["scroll"] > seen["width"]:
            found.append("page wider than the window")
        if width >= 1280:
            if not (seen["input"]["shown"] and _inside(seen["input"], seen["header"], width)):
                found.append(f"the box is not shown in the header: {seen['input']}")
            if seen["open"]["shown"]:
                found.append("the narrow screen's search button is shown")
        else:
            if seen["input"]["shown"]:
                found.append("the box is open before the reader asks for it")
            if not (seen["open"]["shown"] and _inside(seen["open"], seen["header"], width)):
                found.append(f"no search button in the header: {seen['open']}")
            if seen["title"]["width"] < width / 2:  # the title keeps most of the header
                found.append(f"the title is crowded: {seen['title']}")
        if found:
            problems[name] = found
    assert not problems, problems
    browser.get(root + CASE)
    assert browser.save_screenshot(str(ARTIFACTS / f"{engine}-case-{width}.png"))


@pytest.mark.parametrize("width", WIDTHS)
def test_enter_on_a_case_page_opens_the_search_page_with_its_results(
    browser: WebDriver, site_url: tuple[str, str], width: int
) -> None:
    engine, root = site_url
    browser.set_window_size(width, 900)
    browser.get(root + CASE)
    if width < 1280:
        _click(browser, browser.find_element(By.CSS_SELECTOR, ".casekit-header-search__open"))
        box = browser.switch_to.active_element  # pressing the button puts the cursor in the box
        assert box.get_attribute("id") == "casekit-header-query"
        seen = browser.execute_script(_MEASURE)
        assert seen["input"]["shown"] and _inside(seen["input"], seen["header"], width)
        assert seen["scroll"] <= seen["width"]
    else:
        box = browser.find_element(By.ID, "casekit-header-query")
        box.click()
    box.send_keys("osteomyelitis")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(ARTIFACTS / f"{engine}-case-{width}-typed.png"))
    box.send_keys(Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda d: "search/?q=" in d.current_url)
    assert browser.current_url == root + "search/?q=osteomyelitis"
    WebDriverWait(browser, 20).until(lambda d: _results(d))
    results = _all_results(browser)
    founding = _by_path(results, "/cases/crmo-not-crmo/")
    assert founding is not None, results
    assert founding.startswith("Acute lymphoblastic leukaemia first labelled")
    query = browser.find_element(By.CSS_SELECTOR, "input.pagefind-ui__search-input")
    assert query.get_attribute("value") == "osteomyelitis"
    assert browser.save_screenshot(str(ARTIFACTS / f"{engine}-search-{width}.png"))


def test_the_search_page_runs_the_query_in_its_address_and_keeps_its_filters(
    browser: WebDriver, site_url: tuple[str, str]
) -> None:
    _, root = site_url
    browser.set_window_size(1280, 900)
    browser.get(root + "search/?q=hip")
    WebDriverWait(browser, 20).until(lambda d: _results(d))
    before = _all_results(browser)
    assert len(before) > 1 and any("/cases/" not in href for href in before)
    _narrow_to_cases(browser, before)
    # What the reader types next goes into the address, so going back finds it again.
    query = browser.find_element(By.CSS_SELECTOR, "input.pagefind-ui__search-input")
    query.send_keys(" septic")
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("?q=hip+septic"))


def test_escape_closes_the_narrow_box_and_gives_the_focus_back(
    browser: WebDriver, site_url: tuple[str, str]
) -> None:
    _, root = site_url
    browser.set_window_size(390, 900)
    browser.get(root + CASE)
    opener = browser.find_element(By.CSS_SELECTOR, ".casekit-header-search__open")
    assert opener.get_attribute("aria-expanded") == "false"
    _click(browser, opener)
    assert opener.get_attribute("aria-expanded") == "true"
    assert not opener.is_displayed()  # the box has taken the title's place
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert opener.is_displayed() and opener.get_attribute("aria-expanded") == "false"
    assert browser.switch_to.active_element == opener
    assert not browser.find_element(By.ID, "casekit-header-query").is_displayed()


def test_the_keyboard_reaches_the_box_and_shows_where_it_is(
    browser: WebDriver, site_url: tuple[str, str]
) -> None:
    _, root = site_url
    browser.set_window_size(1280, 900)
    browser.get(root + CASE)
    reached = []
    for _ in range(10):  # from the top of the page: skip link, logo, ..., the box
        ActionChains(browser).send_keys(Keys.TAB).perform()
        reached.append(browser.execute_script("return document.activeElement.outerHTML")[:60])
        if browser.switch_to.active_element.get_attribute("id") == "casekit-header-query":
            break
    else:
        pytest.fail(f"ten presses of Tab did not reach the header's search box: {reached}")
    outline = browser.execute_script(
        "const s = getComputedStyle(document.activeElement);"
        "return [s.outlineStyle, parseFloat(s.outlineWidth)];"
    )
    assert outline[0] != "none" and outline[1] >= 1


def test_a_hostile_query_in_the_address_shows_as_text_and_runs_nothing(
    browser: WebDriver, site_url: tuple[str, str]
) -> None:
    _, root = site_url
    browser.set_window_size(1280, 900)
    hostile = '<img src=x onerror="window.casekitPwned=1">'
    browser.get(root + "search/?q=" + hostile.replace("<", "%3C").replace(">", "%3E"))
    query = WebDriverWait(browser, 20).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "input.pagefind-ui__search-input")
    )
    WebDriverWait(browser, 20).until(lambda d: query.get_attribute("value") == hostile)
    WebDriverWait(browser, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".pagefind-ui__message")
    )
    assert browser.execute_script("return window.casekitPwned === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "#casekit-search img[onerror]")
