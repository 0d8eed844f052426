"""casekit images check / clean, and lint, on synthetic images made here."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import synth
from PIL import Image

from casekit.images import files, metadata

CODES = {
    "jpeg-with-exif": {"CK640", "CK641", "CK642", "CK643", "CK644"},
    "png-with-text": {"CK644"},
    "dicom": {"CK645"},
}
SUFFIX = {"jpeg-with-exif": ".jpg", "png-with-text": ".png", "dicom": ".dcm"}


def _codes(out: str) -> set[str]:
    return {word for word in out.split() if word.startswith("CK") and word[2:].isdigit()}


@pytest.mark.parametrize("kind", sorted(CODES))
def test_lint_and_check_find_each_kind_of_identifying_metadata(
    kind: str, library: Callable[..., Path], cli: Callable[..., Any]
) -> None:
    case = library(kind, f"images/hip{SUFFIX[kind]}")
    linted = cli("lint", str(case))
    assert linted.code == 1
    assert CODES[kind] <= _codes(linted.out)
    checked = cli("images", "check", str(case))
    assert checked.code == 1
    assert _codes(checked.out) == CODES[kind]
    # the values themselves stay out of the findings (they travel into CI logs)
    for secret in synth.SECRETS:
        assert secret not in checked.out


@pytest.mark.parametrize("kind", sorted(CODES))
def test_clean_writes_a_copy_without_metadata_and_leaves_the_original(
    kind: str, tmp_path: Path, cli: Callable[..., Any]
) -> None:
    original = synth.make(kind, tmp_path / f"hip{SUFFIX[kind]}")
    before = original.read_bytes()
    result = cli("images", "clean", str(original))
    assert result.code == 0, result
    assert original.read_bytes() == before
    cleaned = tmp_path / ("hip-clean.jpg" if kind == "jpeg-with-exif" else "hip-clean.png")
    assert cleaned.is_file()
    data = cleaned.read_bytes()
    for secret in synth.SECRETS:
        assert secret.encode() not in data
    image = files.inspect(cleaned)
    assert isinstance(image, files.ImageFile)
    assert metadata.read(image) == []
    if kind != "dicom":  # the same pixels, except that DICOM is windowed to 8 bits
        assert synth.pixels_of(data) == synth.pixels_of(original)
    else:
        with Image.open(io.BytesIO(data)) as png:
            assert png.mode == "L" and png.size == (96, 64)
    assert cli("images", "check", str(cleaned)).code == 0


def test_clean_in_place_and_into_a_folder(tmp_path: Path, cli: Callable[..., Any]) -> None:
    photo = synth.jpeg_with_exif(tmp_path / "knee.jpg")
    pixels = synth.pixels_of(photo)
    out = tmp_path / "cleaned"
    assert cli("images", "clean", "--out", str(out), str(photo)).code == 0
    assert metadata.read_raster(out / "knee.jpg") == []
    assert metadata.read_raster(photo) != []
    assert cli("images", "clean", "--in-place", str(photo)).code == 0
    assert metadata.read_raster(photo) == []
    assert synth.pixels_of(photo) == pixels
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cleaned", "knee.jpg"]


def test_a_turned_photograph_stays_turned(tmp_path: Path, cli: Callable[..., Any]) -> None:
    photo = synth.jpeg_with_exif(tmp_path / "hand.jpg", orientation=6)
    assert cli("images", "clean", str(photo)).code == 0
    with Image.open(tmp_path / "hand-clean.jpg") as cleaned:
        assert cleaned.getexif().get(0x0112) == 6
    assert metadata.read_raster(tmp_path / "hand-clean.jpg") == []


def test_clean_for_a_case_says_which_file_to_use(
    library: Callable[..., Path], cli: Callable[..., Any]
) -> None:
    case = library("dicom", "images/hip.dcm")
    result = cli("images", "clean", str(case))
    assert result.code == 0
    assert (case.parent / "images" / "hip-clean.png").is_file()
    assert 'set this figure\'s "file" to "images/hip-clean.png"' in result.out
    data = json.loads(case.read_text(encoding="utf-8"))
    data["figures"][0]["file"] = "images/hip-clean.png"
    case.write_text(json.dumps(data), encoding="utf-8")
    assert cli("images", "check", str(case)).code == 0


@pytest.mark.parametrize(
    ("kind", "name", "code", "words"),
    [
        ("bomb-png", "images/huge.png", "CK584", "decompression bomb"),
        ("plain-png", "../outside.png", "CK581", "outside the case library"),
        ("symlink-out", "images/linked.png", "CK581", "is a link to a file outside"),
        ("text", "images/notes.png", "CK582", "not an image casekit can read"),
    ],
)
def test_unsafe_files_are_refused_with_a_clear_message(
    kind: str,
    name: str,
    code: str,
    words: str,
    library: Callable[..., Path],
    cli: Callable[..., Any],
) -> None:
    case = library(kind, name)
    result = cli("images", "check", str(case))
    assert result.code == 1
    assert code in result.out and words in result.out
    assert "Traceback" not in result.out + result.err
    cleaned = cli("images", "clean", str(case))
    assert cleaned.code == 1 and "not cleaned" in cleaned.err


def test_pixel_limit_is_pillows() -> None:
    # written out in casekit.images.formats so that cases without images do not load Pillow
    from casekit.images import formats

    assert formats.MAX_PIXELS == Image.MAX_IMAGE_PIXELS


def test_each_file_problem_is_named_by_the_code_of_its_lint_rule() -> None:
    # lint.figures asks for the figures with a problem by the rule's own code, so that a
    # case without figures never imports casekit.images (2.4 ms of a cold lint).
    from casekit.lint.engine import load_rules

    problems = {
        files.MISSING: "figure-file-missing",
        files.OUTSIDE: "figure-outside-library",
        files.BAD_TYPE: "figure-file-type",
        files.TOO_BIG: "figure-file-too-large",
        files.BOMB: "figure-decompression-bomb",
        files.UNREADABLE: "figure-file-unreadable",
    }
    assert {code: load_rules()[code].name for code in problems} == problems


def test_a_case_without_figures_is_linted_without_casekit_images() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from casekit.cli import main\n"
        "main(['lint', '--exit-zero', sys.argv[1]])\n"
        "assert not [m for m in sys.modules if m.startswith('casekit.images')], 'imported'\n"
    )
    founding = Path(__file__).resolve().parents[2] / "cases" / "crmo-not-crmo.json"
    done = subprocess.run(
        [sys.executable, "-c", probe, str(founding)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
