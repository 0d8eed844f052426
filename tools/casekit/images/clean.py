"""A copy of an image without its metadata.

- JPEG: every APP segment but the JFIF header (and Adobe's, which says how the colours
  are stored) and every comment is dropped from the file as it is, so the compressed
  pixels are not touched and not re-encoded. If the camera recorded that the picture is
  turned, a minimal EXIF block with only that orientation is written back, so the image
  is still shown the right way up.
- PNG, WebP and TIFF: the pixels are written to a new PNG, which is lossless.
- DICOM: the first frame, windowed, as a PNG (see :mod:`casekit.images.dicom`).

The result is checked: it must have no metadata left and (except for DICOM) decode to
the same pixels as the original.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from casekit.images import metadata
from casekit.images.files import ImageFile

_SOI, _EOI, _SOS, _COM = 0xD8, 0xD9, 0xDA, 0xFE
#: In compressed data a 0xFF byte is followed by 0x00 (a stuffed byte), a restart marker
#: (0xD0-0xD7) or another 0xFF (fill); anything else is the next marker.
_NEXT_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_APP0, _APP14, _APP15 = 0xE0, 0xEE, 0xEF
_ORIENTATION = 0x0112


class CleanError(Exception):
    """The image could not be cleaned; the message says why and what to do."""


@dataclass
class Cleaned:
    data: bytes
    suffix: str  # ".jpg" or ".png"
    removed: list[metadata.MetadataItem]
    notes: list[str] = field(default_factory=list)


def _segments(data: bytes) -> list[tuple[int, bytes]]:
    """A JPEG cut into (marker, bytes) pieces; the compressed data after each start of
    scan is one piece with marker 0. Anything after the end-of-image marker is dropped
    (some cameras store extra data there)."""
    if data[:2] != b"\xff\xd8":
        raise CleanError("the file does not start like a JPEG.")
    pieces: list[tuple[int, bytes]] = [(_SOI, data[:2])]
    at, end = 2, len(data)
    while at < end:
        if data[at] != 0xFF:
            raise CleanError(f"the JPEG is damaged (no marker at byte {at}).")
        while at + 1 < end and data[at + 1] == 0xFF:  # fill bytes
            at += 1
        if at + 1 >= end:
            break
        marker = data[at + 1]
        if marker == _EOI:
            pieces.append((_EOI, data[at : at + 2]))
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pieces.append((marker, data[at : at + 2]))
            at += 2
            continue
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        pieces.append((marker, data[at : at + 2 + length]))
        at += 2 + length
        if marker == _SOS:
            scan = at
            found = _NEXT_MARKER.search(data, scan)
            at = found.start() if found else end
            pieces.append((0, data[scan:at]))
    return pieces


def _orientation_segment(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[_ORIENTATION] = orientation
    body = b"Exif\x00\x00" + exif.tobytes()
    return b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body


def _keep(marker: int, piece: bytes) -> bool:
    """Whether a JPEG piece stays: everything but comments and application segments,
    except the JFIF header (APP0) and Adobe's colour-transform flag (APP14)."""
    if marker == _COM:
        return False
    if marker == _APP0:
        return piece[4:9] == b"JFIF\x00"
    return not (_APP0 < marker <= _APP15) or marker == _APP14


def strip_jpeg(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        orientation = int(image.getexif().get(_ORIENTATION, 1) or 1)
    kept = [piece for marker, piece in _segments(data) if _keep(marker, piece)]
    if orientation != 1:
        after = 2 if len(kept) > 1 and kept[1][:2] == b"\xff\xe0" else 1
        kept.insert(after, _orientation_segment(orientation))
    return b"".join(kept)


def _png_of(image: Image.Image, notes: list[str]) -> bytes:
    if image.mode in ("CMYK", "YCbCr", "LAB", "HSV"):
        image = image.convert("RGB")
        notes.append("the colours were converted to RGB, which PNG can store")
    elif image.mode in ("F", "I") and image.format == "TIFF":
        image = image.convert("I")
    fresh = Image.frombytes(image.mode, image.size, image.tobytes())
    if image.mode in ("P", "PA"):
        palette = image.getpalette()
        if palette is not None:
            fresh.putpalette(palette)
    params = {}
    if "transparency" in image.info:  # which colour is see-through: not about the patient
        params["transparency"] = image.info["transparency"]
    out = io.BytesIO()
    fresh.save(out, "PNG", **params)
    return out.getvalue()


def _pixels(data: bytes | Path) -> tuple[str, tuple[int, int], bytes]:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    with Image.open(source) as image:
        return image.mode, image.size, image.tobytes()


def clean(image: ImageFile) -> Cleaned:
    """The cleaned copy of ``image`` in memory; raises :class:`CleanError`."""
    removed = metadata.read(image)
    notes: list[str] = []
    try:
        if image.kind == "DICOM":
            from casekit.images import dicom

            data, notes = dicom.to_png(image.path)
            suffix = ".png"
        elif image.kind == "JPEG":
            data, suffix = strip_jpeg(image.path.read_bytes()), ".jpg"
        else:
            with Image.open(image.path) as opened:
                frames = int(getattr(opened, "n_frames", 1))
                if frames > 1:
                    notes.append(f"the file holds {frames} images; the first was kept")
                data, suffix = _png_of(opened, notes), ".png"
    except (OSError, ValueError, SyntaxError) as exc:
        raise CleanError(str(exc)) from None
    left = metadata.read_raster(io.BytesIO(data))
    if left:
        raise CleanError(
            "metadata was still found after cleaning ("
            + ", ".join(item.label for item in left)
            + "). Please report this; export the image as PNG from an image program meanwhile."
        )
    if image.kind == "JPEG" and _pixels(data) != _pixels(image.path):
        # the compressed data was copied as it was: a difference means a damaged file
        raise CleanError("the cleaned JPEG does not decode to the same picture.")
    return Cleaned(data, suffix, removed, notes)
