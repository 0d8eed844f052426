"""Figures in an abstract: as many as the venue's profile allows, with their captions.

A profile records ``figures_allowed``: a number (0 for none), or null where the venue's
rules do not say. The figures are the case's first ones, in order; their captions are
measured as a part of their own, counted towards the limit only where the profile says
so (``counted_parts.figure_captions``). The image embedded in a Word abstract is the
cleaned copy (:mod:`casekit.images.clean`), never the original file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casekit.images import files
from casekit.images.clean import CleanError, clean
from casekit.render.abstract import AbstractReport, PartCount
from casekit.render.counting import count_characters, count_words
from casekit.render.profiles import Profile


@dataclass(frozen=True)
class AbstractFigure:
    number: int
    caption: str
    #: The cleaned image (JPEG or PNG), or None where it could not be read.
    image: bytes | None = None


def _caption(figure: dict[str, Any]) -> str:
    caption = " ".join(str(figure.get("caption") or "").split())
    return caption or " ".join(str(figure.get("alt") or "").split())


def choose(
    case: dict[str, Any], profile: Profile, report: AbstractReport, case_dir: Path | None
) -> list[AbstractFigure]:
    """The figures the abstract carries; what was left out, and why, goes in the notes."""
    figures = [f for f in case.get("figures") or [] if isinstance(f, dict)]
    if not figures:
        return []
    allowed = profile.figures_allowed
    if allowed is None:
        report.notes.append(
            f"the profile {profile.name} does not say whether the venue takes figures; the"
            f" case's {len(figures)} figure(s) were left out. Check the call for abstracts."
        )
        return []
    if allowed == 0:
        report.notes.append(
            f"{profile.name} takes no figures in the abstract; the case's {len(figures)}"
            " figure(s) were left out."
        )
        return []
    if len(figures) > allowed:
        report.notes.append(
            f"{profile.name} takes {allowed} figure(s); the first {allowed} of the case's"
            f" {len(figures)} were included."
        )
    chosen = []
    for number, figure in enumerate(figures[:allowed], start=1):
        chosen.append(AbstractFigure(number, _caption(figure), _image(figure, case_dir, report)))
    captions = " ".join(f"Figure {f.number}. {f.caption}" for f in chosen)
    counted = profile.counts("figure_captions")
    spaces = profile.spaces_count
    report.parts.append(
        PartCount(
            "Figure captions",
            count_words(captions),
            count_characters(captions, spaces=spaces),
            counted,
        )
    )
    if not counted:
        report.notes.append(
            f"figure captions are not counted towards the limit ({profile.name} does not"
            " count them); check the call if unsure."
        )
    return chosen


def _image(figure: dict[str, Any], case_dir: Path | None, report: AbstractReport) -> bytes | None:
    name = str(figure.get("file", ""))
    if case_dir is None:
        return None
    checked = files.check(case_dir, name)
    if isinstance(checked, files.FileProblem):
        report.notes.append(f"figure '{figure.get('id')}' has no image: {checked.message}")
        return None
    try:
        return clean(checked).data
    except CleanError as exc:
        report.notes.append(f"figure '{figure.get('id')}' has no image: {exc}")
        return None


def text_block(figures: list[AbstractFigure]) -> str:
    """The figures in a plain-text abstract: each caption, and where the image is."""
    if not figures:
        return ""
    lines = [f"Figure {f.number}. {f.caption}" for f in figures]
    lines.append(
        "(Images are not part of the text: upload each figure's image with the submission;"
        " 'casekit images clean' writes a copy without identifying metadata.)"
    )
    return "\n" + "\n".join(lines) + "\n"
