"""A figure in the abstract where the venue's profile allows one, and not otherwise."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import synth
from docx import Document


def _media(docx: Path) -> list[bytes]:
    with zipfile.ZipFile(docx) as package:
        return [package.read(n) for n in package.namelist() if n.startswith("word/media/")]


def test_a_profile_that_allows_one_figure_gets_it_in_word(
    library: Callable[..., Path], cli: Callable[..., Any], tmp_path: Path
) -> None:
    case = library("jpeg-with-exif", "images/hip-photo.jpg")  # not yet cleaned
    out = tmp_path / "abstract.docx"
    result = cli("render", str(case), "-p", "eular-2020", "-o", str(out))
    assert result.code == 0, result.err
    media = _media(out)
    assert len(media) == 1
    for secret in synth.SECRETS:  # the cleaned copy is embedded, never the original
        assert secret.encode() not in media[0]
    assert synth.pixels_of(media[0]) == synth.pixels_of(case.parent / "images/hip-photo.jpg")
    paragraphs = [p.text for p in Document(str(out)).paragraphs]
    assert any(p.startswith("Figure 1. Illustrative, synthetic:") for p in paragraphs)
    assert "Figure captions:" in result.err and "(not counted)" in result.err


def test_a_profile_that_allows_none_leaves_it_out_with_a_note(
    library: Callable[..., Path], cli: Callable[..., Any], tmp_path: Path
) -> None:
    case = library("plain-png")
    out = tmp_path / "abstract.docx"
    result = cli("render", str(case), "-p", "bmj-case-reports", "-o", str(out))
    assert _media(out) == []
    assert not any(p.text.startswith("Figure 1.") for p in Document(str(out)).paragraphs)
    assert "takes no figures in the abstract; the case's 1 figure(s) were left out" in result.err


def test_plain_text_prints_the_caption_and_a_note(
    library: Callable[..., Path], cli: Callable[..., Any]
) -> None:
    case = library("plain-png")
    result = cli("render", str(case), "-p", "eular-2020", "-t", "txt", "-o", "-")
    assert result.code == 0, result.err
    assert "Figure 1. Illustrative, synthetic:" in result.out
    assert "upload each figure's image with the submission" in result.out
    unknown = cli("render", str(case), "-t", "txt", "-o", "-")  # generic: not stated
    assert "Figure 1." not in unknown.out
    assert "does not say whether the venue takes figures" in unknown.err
