"""casekit edit in headless Chromium, as an author would use it."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from editorhelpers import FOUNDING, Served

import chromium
from casekit.cli import main

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("CASEKIT_EDITOR_SHOTS")  # a folder: save screenshots for the guide

if not chromium.available():
    pytest.skip(chromium.MISSING, allow_module_level=True)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    driver = chromium.start(tmp_path / "chromium-profile", size=(1500, 1000), accept_prompts=True)
    yield driver
    driver.quit()


def _wait(driver: WebDriver, until: Callable[[WebDriver], object], timeout: float = 30) -> None:
    WebDriverWait(driver, timeout).until(until)


def _open(driver: WebDriver, served: Served) -> None:
    driver.get(served.server.url())
    _wait(driver, lambda d: d.execute_script("return document.body.classList.contains('ready')"))
    _wait_checked(driver)


def _checked(driver: WebDriver) -> int:
    return int(driver.execute_script("return Number(document.body.dataset.checked || 0)"))


def _wait_checked(driver: WebDriver, after: int = 0) -> None:
    _wait(driver, lambda d: _checked(d) > after)


def _field(driver: WebDriver, path: str) -> WebElement:
    """The input of the form field at json-editor path ``path`` (e.g. 'patient.age.value')."""
    selector = f'[data-schemapath="{path}"]'
    _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, selector))
    holder = driver.find_element(By.CSS_SELECTOR, selector)
    return holder.find_element(By.CSS_SELECTOR, "input, textarea, select")


def _type(driver: WebDriver, path: str, text: str, *, clear: bool = True) -> None:
    before = _checked(driver)
    element = _field(driver, path)
    if clear:
        element.clear()
    element.send_keys(text)
    driver.execute_script(
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        element,
    )
    _wait_checked(driver, before)


def _choose(driver: WebDriver, path: str, value: str) -> None:
    before = _checked(driver)
    Select(_field(driver, path)).select_by_value(value)
    _wait_checked(driver, before)


def _add_item(driver: WebDriver, path: str) -> None:
    """Add the first item to a list (a list that needs one starts with it)."""
    if driver.find_elements(By.CSS_SELECTOR, f'[data-schemapath="{path}.0"]'):
        return
    holder = driver.find_element(By.CSS_SELECTOR, f'[data-schemapath="{path}"]')
    buttons = holder.find_elements(By.CSS_SELECTOR, "button.json-editor-btn-add")
    button = next(b for b in buttons if b.is_displayed())
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()


def _codes(driver: WebDriver) -> list[str]:
    return [
        item.get_attribute("data-code") or ""
        for item in driver.find_elements(By.CSS_SELECTOR, "#findings li.finding")
    ]


def _save(driver: WebDriver) -> None:
    previous = driver.execute_script("return document.body.dataset.saved || ''")
    driver.find_element(By.ID, "save").click()
    saved = "return document.body.dataset.saved || ''"
    _wait(driver, lambda d: d.execute_script(saved) != previous)


def _shot(driver: WebDriver, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(SHOTS) / name))


def test_a_new_case_written_through_the_form(
    browser: WebDriver, served_new: Served, capsys: pytest.CaptureFixture[str]
) -> None:
    _open(browser, served_new)
    _type(browser, "id", "synthetic-septic-ankle")
    _type(browser, "title", "Septic arthritis of the ankle in a synthetic toddler")
    _add_item(browser, "authors")
    _type(browser, "authors.0.name", "Synthetic Author")
    _type(browser, "patient.age.value", "2")
    _choose(browser, "patient.age.unit", "years")
    _choose(browser, "patient.sex", "female")
    # a finding appears for a required field left empty, and goes when it is filled
    assert "CK011" in _codes(browser)
    _type(browser, "patient.presenting_complaint", "A limp and a swollen ankle for two days.")
    _add_item(browser, "timeline")
    _type(browser, "timeline.0.id", "t0")
    _type(browser, "timeline.0.time.value", "0")
    _choose(browser, "timeline.0.time.unit", "days")
    _choose(browser, "timeline.0.category", "presentation")
    _type(browser, "timeline.0.description", "Seen in the emergency department.")
    _add_item(browser, "diagnoses")
    _type(browser, "diagnoses.0.id", "dx-septic")
    _type(browser, "diagnoses.0.name", "Septic arthritis")
    _choose(browser, "diagnoses.0.role", "final")
    _choose(browser, "diagnoses.0.certainty", "probable")
    clinical = browser.find_element(
        By.CSS_SELECTOR, '[data-schemapath="diagnoses.0.basis"] input[type=checkbox]'
    )
    before = _checked(browser)
    clinical.click()
    _wait_checked(browser, before)
    _choose(browser, "consent.status", "not-applicable")
    _choose(browser, "source.kind", "synthetic")
    messages = [f.text for f in browser.find_elements(By.CSS_SELECTOR, "#findings li.finding")]
    assert not [c for c in _codes(browser) if c.startswith("CK0")], messages
    # the event links to the diagnosis, chosen from the ids the case holds
    picker = _field(browser, "timeline.0.links")
    browser.execute_script("arguments[0].focus()", picker)  # as a click on it would
    options = [o.get_attribute("value") for o in picker.find_elements(By.TAG_NAME, "option")]
    assert "dx-septic" in options
    _choose(browser, "timeline.0.links", "dx-septic")
    # the abstract's count follows the text
    browser.find_element(By.CSS_SELECTOR, "[data-tab=abstract]").click()
    amount = browser.find_element(By.CSS_SELECTOR, "#abstract-generic-case-report .amount")
    words_before = int(amount.text)
    _type(browser, "introduction", "Septic arthritis needs drainage and antibiotics without delay.")
    _wait(
        browser,
        lambda d: (
            int(d.find_element(By.CSS_SELECTOR, "#abstract-generic-case-report .amount").text)
            > words_before
        ),
    )
    _save(browser)
    written = served_new.folder / "synthetic-septic-ankle.json"
    saved = json.loads(written.read_text(encoding="utf-8"))
    assert saved["timeline"][0]["links"] == ["dx-septic"]
    assert saved["patient"]["age"] == {"value": 2, "unit": "years"}
    assert "comparator" not in json.dumps(saved)  # no pick-list answered for the author
    capsys.readouterr()
    assert main(["validate", str(written)]) == 0, capsys.readouterr()
    assert main(["fmt", "--check", str(written)]) == 0, capsys.readouterr()


def test_the_founding_case_saved_unchanged_is_the_same_bytes(
    browser: WebDriver, served: Served
) -> None:
    assert served.case is not None
    _open(browser, served)
    assert browser.find_element(By.ID, "checks-summary").text.startswith("2 warnings")
    _shot(browser, "edit-form.png")
    _save(browser)
    assert served.case.read_bytes() == FOUNDING.read_bytes()


def test_a_finding_leads_to_its_field(browser: WebDriver, served: Served) -> None:
    _open(browser, served)
    finding = browser.find_element(By.CSS_SELECTOR, '#findings li[data-code="CK104"]')
    finding.find_element(By.CSS_SELECTOR, "button.goto").click()
    patient = browser.find_element(By.CSS_SELECTOR, '[data-schemapath="patient"]')
    _wait(browser, lambda d: "ck-flash" in (patient.get_attribute("class") or ""))
    assert "CK104" in patient.find_element(By.CSS_SELECTOR, ".ck-field-finding").text
    _shot(browser, "edit-checks.png")
    browser.find_element(By.CSS_SELECTOR, "[data-tab=abstract]").click()
    browser.find_element(By.CSS_SELECTOR, '#venues input[value="eser-2026"]').click()
    _wait(browser, lambda d: d.find_elements(By.ID, "abstract-eser-2026"))
    _shot(browser, "edit-abstract.png")
    browser.find_element(By.CSS_SELECTOR, "[data-tab=page]").click()
    frame = browser.find_element(By.ID, "page")
    assert frame.get_attribute("sandbox") == ""
    browser.switch_to.frame(frame)
    _wait(browser, lambda d: d.find_elements(By.ID, "case-summary"))
    browser.switch_to.default_content()
    _shot(browser, "edit-page.png")


def test_text_is_kept_exactly_as_typed(browser: WebDriver, served: Served) -> None:
    assert served.case is not None
    _open(browser, served)
    typed = "ESR <60 & CRP > 5; <b>not bold</b> {{ not a template }}"
    _type(browser, "patient.history", typed)
    _save(browser)
    assert json.loads(served.case.read_text())["patient"]["history"] == typed


def test_unsaved_changes_survive_a_reload(browser: WebDriver, served: Served) -> None:
    assert served.case is not None
    _open(browser, served)
    _type(browser, "patient.family_history", "Nothing relevant.")
    browser.refresh()
    _open(browser, served)
    _wait(browser, lambda d: d.find_element(By.ID, "banner").is_displayed())
    assert browser.find_element(By.ID, "discard-restored").is_displayed()
    assert _field(browser, "patient.family_history").get_attribute("value") == "Nothing relevant."
    assert "family_history" not in served.case.read_text()
    assert "Unsaved" in browser.find_element(By.ID, "save-state").text


def test_a_file_changed_on_disk_is_the_authors_choice(browser: WebDriver, served: Served) -> None:
    assert served.case is not None
    _open(browser, served)
    _type(browser, "patient.history", "Typed in the form.")
    theirs = served.case.read_text().replace('"status": "published"', '"status": "draft"')
    served.case.write_text(theirs)
    _wait(browser, lambda d: d.find_elements(By.ID, "keep-mine"))
    assert "changed on disk" in browser.find_element(By.ID, "banner-text").text
    _shot(browser, "edit-conflict.png")
    assert served.case.read_text() == theirs
    browser.find_element(By.ID, "keep-mine").click()
    _save(browser)
    saved = json.loads(served.case.read_text())
    assert saved["patient"]["history"] == "Typed in the form."
    assert saved["status"] == "published"


def test_saving_over_a_changed_file_asks_first(browser: WebDriver, served: Served) -> None:
    assert served.case is not None
    _open(browser, served)
    _type(browser, "patient.history", "Typed in the form.")
    theirs = served.case.read_text().replace('"status": "published"', '"status": "draft"')
    served.case.write_text(theirs)
    browser.find_element(By.ID, "save").click()
    _wait(browser, lambda d: d.find_elements(By.ID, "reload-file"))
    time.sleep(0.5)
    assert served.case.read_text() == theirs
    browser.find_element(By.ID, "reload-file").click()
    _wait(browser, lambda d: _field(d, "status").get_attribute("value") == "draft")
    assert _field(browser, "patient.history").get_attribute("value") == ""
    assert served.case.read_text() == theirs
