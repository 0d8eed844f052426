"""Figures on the built site: only cleaned copies are published, the gate keeps an
uncleaned image off the site, and the page shows caption and alt text (in Chromium)."""

from __future__ import annotations

import copy
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import synth
from PIL import Image

import chromium
from casekit.cli import main

REPO = Path(__file__).resolve().parents[2]
FOUNDING = REPO / "cases" / "crmo-not-crmo.json"
HIP = REPO / "cases" / "synthetic-septic-arthritis-hip.json"
ILLUSTRATIVE_CAPTION = (
    "Illustrative, synthetic: a schematic of the sites where the bone scan showed increased"
    " uptake (right femoral neck, both knees, both ankles and the scapula). Drawn for"
    " casekit's tests; it is not the patient's image."
)
ILLUSTRATIVE_ALT = (
    "A schematic outline of a child with red dots at the right hip, both knees, both ankles"
    " and one shoulder blade."
)


@dataclass
class Site:
    library: Path
    output: Path
    code: int
    out: str
    err: str


def _founding_with_figure(folder: Path) -> None:
    data = json.loads(FOUNDING.read_text(encoding="utf-8"))
    data["figures"] = [
        {
            "id": "fig-uptake-sites",
            "file": "images/crmo-bone-scan-sites.png",
            "kind": "diagram",
            "caption": ILLUSTRATIVE_CAPTION,
            "alt": ILLUSTRATIVE_ALT,
            "links": ["img-bone-scan"],
            "identifiable": "no",
            "synthetic": True,
        }
    ]
    synth.make("illustration", folder / "images" / "crmo-bone-scan-sites.png")
    (folder / FOUNDING.name).write_text(json.dumps(data, indent=2), encoding="utf-8")


def _hip(folder: Path, case_id: str, image_kind: str, file: str) -> None:
    data: dict[str, Any] = copy.deepcopy(json.loads(HIP.read_text(encoding="utf-8")))
    data["id"] = case_id
    data["title"] = f"Synthetic teaching case {case_id.replace('-', ' ')}"
    data["figures"] = [
        {
            "id": "fig-hip",
            "file": file,
            "kind": "radiograph",
            "caption": "Illustrative, synthetic: a test pattern standing in for a radiograph.",
            "alt": "A grey gradient with a light square.",
            "links": ["i-us"],
            "synthetic": True,
        }
    ]
    synth.make(image_kind, folder / file)
    (folder / f"{case_id}.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("figures")
    library = root / "cases"
    _founding_with_figure(library)
    _hip(library, "synthetic-uncleaned-photo", "jpeg-with-exif", "images/hip-photo.jpg")
    _hip(library, "synthetic-uncleaned-dicom", "dicom", "images/hip.dcm")
    _hip(library, "synthetic-camera-model", "jpeg-with-camera-model", "images/hip-camera.jpg")
    output = root / "site_build"
    argv = ["build", "--config", str(REPO / "mkdocs.yml"), "--library", str(library)]
    argv += ["--output", str(output), "--today", "2026-06-01"]
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
    try:
        code = main(argv)
        out, err = sys.stdout.getvalue(), sys.stderr.getvalue()  # type: ignore[attr-defined]
    finally:
        sys.stdout, sys.stderr = saved
    return Site(library, output, code, out, err)


def test_the_gate_keeps_uncleaned_images_off_the_site(site: Site) -> None:
    assert site.code == 0, site.err
    said = site.out + site.err
    for case_id in ("synthetic-uncleaned-photo", "synthetic-uncleaned-dicom"):
        assert not (site.output / "cases" / case_id).exists()
        assert f"skipped case '{case_id}'" in said
    assert "CK640" in said and "CK645" in said
    assert (site.output / "cases" / "crmo-not-crmo" / "figures").is_dir()
    assert (site.output / "cases" / "synthetic-camera-model" / "figures").is_dir()


def test_no_original_metadata_anywhere_in_the_built_site(site: Site) -> None:
    secrets = [s.encode() for s in (*synth.SECRETS, synth.CAMERA_MAKE)]
    for path in site.output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            leaked = [s for s in secrets if s in data]
            assert not leaked, f"{path} contains {leaked}"
    originals = {p.name for p in site.library.rglob("images/*")}
    published = {p.name for p in site.output.rglob("figures/*")}
    assert not originals & published


def test_published_images_are_cleaned_copies_in_several_sizes(site: Site) -> None:
    figures = site.output / "cases" / "synthetic-camera-model" / "figures"
    assert sorted(p.name for p in figures.iterdir()) == [
        "fig-hip-480w.jpg",
        "fig-hip-960w.jpg",
        "fig-hip.jpg",
    ]
    with Image.open(figures / "fig-hip.jpg") as image:
        assert not image.getexif() and image.size == (320, 200)
    founding = site.output / "cases" / "crmo-not-crmo" / "figures"
    with Image.open(founding / "fig-uptake-sites-480w.png") as small:
        assert small.size == (480, 600) and not small.info.get("exif")
    with Image.open(founding / "fig-uptake-sites.png") as full:
        assert full.size == (640, 800)


def test_the_page_numbers_the_figure_and_says_what_it_shows(site: Site) -> None:
    page = (site.output / "cases" / "crmo-not-crmo" / "index.html").read_text(encoding="utf-8")
    assert "Figure 3." in page  # after the timeline (1) and the laboratory trends (2)
    assert 'srcset="figures/fig-uptake-sites-480w.png 480w' in page
    assert 'href="figures/fig-uptake-sites.png"' in page
    assert "Illustrative image, not from the patient." in page
    assert "Shows: Bone scan" in page


# --- in a real browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory, site: Site) -> Iterator[Any]:
    if not chromium.available():
        pytest.skip(chromium.MISSING)
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    driver = chromium.start(tmp_path_factory.mktemp("chromium-figures"))
    driver.base_url = f"http://127.0.0.1:{server.server_address[1]}/"  # type: ignore[attr-defined]
    yield driver
    driver.quit()
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_the_figure_shows_with_caption_and_alt_text(browser: Any, width: int) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.set_window_size(width, 900)
    browser.get(browser.base_url + "cases/crmo-not-crmo/")
    figure = browser.find_element(By.ID, "figure-fig-uptake-sites")
    browser.execute_script("arguments[0].scrollIntoView();", figure)
    image = figure.find_element(By.TAG_NAME, "img")
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth > 0", image
        )
    )
    assert image.get_attribute("alt") == ILLUSTRATIVE_ALT
    caption = figure.find_element(By.TAG_NAME, "figcaption").text
    assert caption.startswith("Figure 3. Illustrative, synthetic:")
    assert image.is_displayed() and caption
    page_width = browser.execute_script("return document.documentElement.clientWidth")
    box = image.rect
    assert box["width"] > 100 and box["x"] >= 0 and box["x"] + box["width"] <= page_width
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow
    # the larger view: the link opens the full-size cleaned image
    link = figure.find_element(By.CSS_SELECTOR, "a[href$='fig-uptake-sites.png']")
    assert link.get_attribute("href").endswith("figures/fig-uptake-sites.png")
