"""Every kind of page at phone (390 px) and desktop (1280 px) width, in headless Chromium.

Nothing may make the page wider than the window (wide tables scroll in their own box), the
text of figures stays at 11 CSS px or more and inside its figure, and titles wrap between
words. Screenshots go to test-artifacts/layout/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from casefactory import FOUNDING, REPO, build_site, synthetic_case, write_case

import chromium
from casekit.cli import main

pytestmark = pytest.mark.browser

ARTIFACTS = REPO / "test-artifacts" / "layout"

if not chromium.available():
    pytest.skip(chromium.MISSING, allow_module_level=True)

from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402

#: One page of every kind, with a synthetic case built to be hard to lay out.
PAGES = {
    "home": "",
    "case": "cases/crmo-not-crmo/",
    "wide-case": "cases/synthetic-wide-labs/",
    "series": "cases/synthetic-cno-series/",
    "index": "library/",
    "tags": "library/tags/",
    "tag": "library/tags/theme/diagnosis-of-exclusion/",
    "guide": "authoring/",
}
WIDTHS = (390, 1280)


def _wide_case() -> dict[str, Any]:
    """CRP measured at thirteen times (eleven of them days 1 to 11) and a title of long
    words."""
    case = synthetic_case("synthetic-wide-labs")
    case["title"] = (
        "Synthetic osteomyelitis-lymphoblastic immunohistochemistry pseudohypoparathyroidism"
        " teaching case with twelve measurements"
    )
    labs = case["investigations"]["laboratory"]
    for day in range(1, 12):
        labs.append({**labs[0], "id": f"l-crp-day-{day}", "value": 96 - 8 * day, "flag": None})
        labs[-1].pop("flag")
        case["timeline"].append(
            {
                "id": f"e-day-{day}",
                "time": {"value": day, "unit": "days"},
                "category": "follow-up",
                "description": f"Synthetic day {day} review with a repeat CRP.",
                "links": [f"l-crp-day-{day}"],
            }
        )
    return case


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("layout")
    library = root / "cases"
    library.mkdir()
    shutil.copy(FOUNDING, library / FOUNDING.name)
    shutil.copy(REPO / "cases" / "synthetic-cno-series.json", library)
    write_case(library, _wide_case())
    output = root / "site_build"
    code = main(build_site(library, output, "--strict"))
    assert code == 0
    handler = functools.partial(_QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    driver = chromium.start(tmp_path_factory.mktemp("chromium-layout"), scrollbars=False)
    yield driver
    driver.quit()


#: Measures one page: overflow, figure text, boxes that stick out, words broken in titles.
_MEASURE = """
const out = {width: window.innerWidth, scroll: document.documentElement.scrollWidth,
             small: [], outside: [], sticking: [], broken: []};
for (const svg of document.querySelectorAll("svg.ck-course, svg.ck-trend")) {
  const box = svg.getBoundingClientRect();
  for (const t of svg.querySelectorAll("text")) {
    const size = parseFloat(getComputedStyle(t).fontSize);
    if (size < 11) out.small.push([t.textContent, size]);
    const r = t.getBoundingClientRect();
    if (r.width && (r.left < box.left - 1 || r.right > box.right + 1))
      out.outside.push([t.textContent, Math.round(r.left - box.left),
                        Math.round(r.right - box.right)]);
  }
}
for (const el of document.querySelectorAll(".md-content .ck-scroll, .md-content table,"
                                           + " .md-content .card, .md-content figure")) {
  if (el.closest(".ck-scroll") && el.tagName === "TABLE") continue;
  const r = el.getBoundingClientRect();
  if (r.width && r.right > window.innerWidth + 1) out.sticking.push(el.outerHTML.slice(0, 80));
}
for (const title of document.querySelectorAll(".md-content h1, .casekit-card-title a")) {
  const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const re = /[^\\s\u2010-\u2014-]+/g;  // a hyphen or dash is a place to break
    let m;
    while ((m = re.exec(node.data))) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) out.broken.push(m[0]);
    }
  }
}
if (out.scroll > out.width) {  // name what sticks out, for the failure message
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 1 && el.children.length === 0)
      out.sticking.push(el.tagName + ": " + (el.textContent || "").slice(0, 40));
  }
}
return out;
"""


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_window_and_figures_stay_readable(
    browser: WebDriver, site_url: str, width: int
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(width, 900)
    problems: dict[str, Any] = {}
    for name, path in PAGES.items():
        browser.get(site_url + path)
        measured = browser.execute_script(_MEASURE)
        assert measured["width"] == width
        found = {
            "page wider than the window": measured["scroll"] > measured["width"],
            "figure text under 11 px": measured["small"],
            "figure text outside its figure": measured["outside"],
            "boxes sticking out": measured["sticking"],
            "words broken in titles": measured["broken"],
        }
        found = {what: value for what, value in found.items() if value}
        if found:
            problems[name] = found
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(int(height) + 100, 8000))
        assert browser.save_screenshot(str(ARTIFACTS / f"{name}-{width}.png"))
        browser.set_window_size(width, 900)
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


def test_a_wide_laboratory_table_scrolls_in_its_own_box(browser: WebDriver, site_url: str) -> None:
    browser.set_window_size(390, 900)
    browser.get(site_url + PAGES["wide-case"])
    box = browser.execute_script(
        "const b = document.querySelector('#lab-table').closest('.ck-scroll');"
        "return [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX,"
        " document.querySelectorAll('#lab-table thead th').length];"
    )
    scroll_width, client_width, overflow, columns = box
    assert columns == 2 + 13 + 1  # test, unit, thirteen times, reference range
    assert scroll_width > client_width and overflow == "auto"


def test_the_index_filters_sort_and_count(browser: WebDriver, site_url: str) -> None:
    browser.set_window_size(1280, 900)
    browser.get(site_url + PAGES["index"] + "?tag=theme:diagnosis-of-exclusion")
    shown = browser.execute_script(
        "return [...document.querySelectorAll('.casekit-card')]"
        ".filter(c => !c.hidden).map(c => c.dataset.case)"
    )
    assert sorted(shown) == ["crmo-not-crmo", "synthetic-cno-series"]
    status = browser.execute_script(
        "return document.getElementById('casekit-filter-count').textContent"
    )
    assert status == "Showing 2 of 3 cases."
    counts = browser.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('.casekit-option')]"
        ".map(o => [o.querySelector('input').value,"
        " o.querySelector('.casekit-count').textContent]))"
    )
    assert counts["sex:female"] == "(2)" and counts["sex:male"] == "(1)"
    browser.execute_script(
        "const s = document.querySelector('select[name=sort]'); s.value = 'youngest';"
        "s.dispatchEvent(new Event('change'));"
    )
    order = browser.execute_script(
        "return [...document.querySelectorAll('.casekit-card')].map(c => c.dataset.case)"
    )
    assert order[0] == "crmo-not-crmo"  # 3 years, the youngest
