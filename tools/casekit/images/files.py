"""Where a figure's file is, and whether casekit may use it.

Each problem carries the lint code that reports it (CK580-CK586), a message that names
the file and a hint that says what to do.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from casekit.images import formats


@dataclass(frozen=True)
class FileProblem:
    code: str
    message: str
    hint: str


@dataclass(frozen=True)
class ImageFile:
    """A figure's file that passed every check: where it is, its type and size."""

    path: Path
    kind: str  # a key of formats.ALLOWED
    width: int
    height: int
    size: int


OUTSIDE = "CK581"
MISSING = "CK580"
BAD_TYPE = "CK582"
TOO_BIG = "CK583"
BOMB = "CK584"
UNREADABLE = "CK586"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def locate(folder: Path, name: str) -> Path | FileProblem:
    """The file ``name`` (as the case writes it) inside ``folder``, the case's folder.

    A path that leaves the folder, through '..', as an absolute path or through a
    symbolic link that points elsewhere, is refused: the site must publish only what the
    library holds.
    """
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or "\\" in name:
        return FileProblem(
            OUTSIDE,
            f"The image '{name}' is given as an absolute path (or with '\\'); figures are"
            " found relative to the case file's folder.",
            "Copy the image into the case library (for example into 'images/') and write"
            " the path from the case file's folder, with '/', such as 'images/knee.png'.",
        )
    root = folder.resolve()
    written = folder / name
    target = written.resolve()
    if not target.is_relative_to(root):
        parts = PurePosixPath(name).parts
        linked = any(folder.joinpath(*parts[: i + 1]).is_symlink() for i in range(len(parts)))
        how = "is a link to a file" if linked else "is"
        return FileProblem(
            OUTSIDE,
            f"The image '{name}' {how} outside the case library ({root}).",
            "Copy the image itself into the library (for example into 'images/' beside the"
            " case file) and point 'file' at the copy; casekit publishes only what the"
            " library holds.",
        )
    if not target.exists():
        return FileProblem(
            MISSING,
            f"The image '{name}' was not found (looked for {target}).",
            "Check the spelling and the folder; the path is relative to the case file's folder.",
        )
    if not target.is_file():
        return FileProblem(
            MISSING,
            f"'{name}' is a folder, not an image file.",
            "Point 'file' at the image itself.",
        )
    return target


def inspect(path: Path, name: str | None = None) -> ImageFile | FileProblem:
    """Check one image file: its type, size, and that its pixels can be read safely."""
    shown = name or path.name
    size = path.stat().st_size
    if size > formats.MAX_BYTES:
        return FileProblem(
            TOO_BIG,
            f"The image '{shown}' is {_megabytes(size)}; casekit takes images up to"
            f" {_megabytes(formats.MAX_BYTES)}.",
            "Export a smaller copy (a figure on a page needs no more than about 3000 pixels"
            " across) and use that.",
        )
    with path.open("rb") as handle:
        head = handle.read(132)
    kind = formats.sniff(head)
    if kind is None or kind not in formats.ALLOWED:
        why = f": {formats.REFUSED[kind]}" if kind in formats.REFUSED else ""
        found = f"a {kind} file" if kind else "not an image casekit can read"
        return FileProblem(
            BAD_TYPE,
            f"The image '{shown}' is {found}{why}.",
            "Save it as PNG (radiographs, scans, diagrams) or JPEG (photographs); DICOM"
            " files are converted by 'casekit images clean'.",
        )
    if kind == "DICOM":
        from casekit.images import dicom

        return dicom.inspect(path, shown, size)
    return _inspect_raster(path, shown, kind, size)


def bomb_problem(shown: str, pixels: int | None = None) -> FileProblem:
    claimed = f" ({pixels:,} pixels)" if pixels else ""
    return FileProblem(
        BOMB,
        f"The image '{shown}' claims to be larger{claimed} than casekit will decode"
        f" ({formats.MAX_PIXELS:,} pixels): it may be a decompression bomb, a small file"
        " that expands to fill the memory.",
        "If it is a real image, export a smaller copy; otherwise remove it.",
    )


def _inspect_raster(path: Path, shown: str, kind: str, size: int) -> ImageFile | FileProblem:
    from PIL import Image, UnidentifiedImageError  # here: most cases have no image file

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if kind == "JPEG":  # decode at 1/8 scale: every byte is still read
                    image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return bomb_problem(shown)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return FileProblem(
            UNREADABLE,
            f"The image '{shown}' cannot be read as a {kind} file ({exc}).",
            "Open it in an image program and save it again as PNG or JPEG.",
        )
    return ImageFile(path, kind, width, height, size)


def check(folder: Path, name: str) -> ImageFile | FileProblem:
    """Locate and inspect the file a figure names."""
    found = locate(folder, name)
    return found if isinstance(found, FileProblem) else inspect(found, name)
