"""The image files the site publishes for a case: cleaned copies, never the originals.

For each figure the site gets ``figures/<id><ext>`` (the cleaned image at full size) and
one smaller copy per width in :data:`WIDTHS` (``figures/<id>-480w<ext>``...), for the
page's ``srcset``. Each is made from the cleaned pixels and written anew by Pillow with
no metadata at all, then read back: if anything identifying were still there the case
would not be published.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from casekit.images import files, formats, metadata
from casekit.images.clean import clean

#: Widths of the smaller copies, in pixels: a phone (390 CSS px at 1 or 2 device pixels
#: per CSS pixel) takes the first; the page column (about 760 px) on a high-density
#: screen the second.
WIDTHS = (480, 960)
FOLDER = "figures"


class PublishError(Exception):
    """A figure's image cannot be published; the message says why."""


def names(figure: dict[str, Any]) -> tuple[str, dict[int, str]]:
    """The site paths (relative to the case page's folder) of a figure's full-size copy
    and of its smaller copies by width."""
    base = f"{FOLDER}/{figure['id']}"
    suffix = formats.published_suffix(str(figure.get("file", "")))
    return base + suffix, {width: f"{base}-{width}w{suffix}" for width in WIDTHS}


def _encode(image: Image.Image, suffix: str) -> bytes:
    out = io.BytesIO()
    if suffix == ".jpg":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
    else:
        image.save(out, "PNG")
    return out.getvalue()


def _smaller(data: bytes, width: int, suffix: str) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        upright = ImageOps.exif_transpose(image)
        if upright.mode not in ("RGB", "RGBA", "L", "LA"):
            upright = upright.convert("RGBA" if "transparency" in image.info else "RGB")
        fresh = Image.frombytes(upright.mode, upright.size, upright.tobytes())
    if fresh.width > width:
        height = max(1, round(fresh.height * width / fresh.width))
        fresh = fresh.resize((width, height), Image.Resampling.LANCZOS)
    return _encode(fresh, suffix)


def _ensure_clean(data: bytes, what: str) -> bytes:
    left = metadata.read_raster(io.BytesIO(data))
    if left:
        raise PublishError(
            f"{what} still carries " + ", ".join(i.label for i in left) + " after cleaning."
        )
    return data


def figure_files(folder: Path, figure: dict[str, Any]) -> dict[str, bytes]:
    """Every file the site publishes for one figure, by path relative to the case page."""
    name = str(figure.get("file", ""))
    checked = files.check(folder, name)
    if isinstance(checked, files.FileProblem):
        raise PublishError(checked.message)
    cleaned = clean(checked)
    full, smaller = names(figure)
    if cleaned.suffix != full[-4:]:
        with Image.open(io.BytesIO(cleaned.data)) as image:
            cleaned.data = _encode(image, full[-4:])
    out = {full: _ensure_clean(cleaned.data, name)}
    for width, path in smaller.items():
        out[path] = _ensure_clean(_smaller(cleaned.data, width, full[-4:]), name)
    return out


def case_figure_files(folder: Path, data: dict[str, Any]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for figure in data.get("figures") or []:
        out.update(figure_files(folder, figure))
    return out


def fingerprint(folder: Path, figures: Iterable[dict[str, Any]]) -> str:
    """A digest of the figures' image files, so that a cached page is made again when an
    image changes even though the case file did not."""
    digest = hashlib.sha256()
    for figure in figures:
        path = folder / str(figure.get("file", ""))
        digest.update(str(figure.get("file", "")).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"(missing)")
    return digest.hexdigest()


def case_fingerprint(folder: Path, data: Any) -> str:
    """:func:`fingerprint` of a case's figures ('' for a case without figures)."""
    figures = data.get("figures") if isinstance(data, dict) else None
    return fingerprint(folder, figures) if figures else ""
