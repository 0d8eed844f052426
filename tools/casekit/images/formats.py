"""The image types a figure may use, recognised by their first bytes, and the size limits."""

from __future__ import annotations

#: Each allowed type: what it is called and the file-name endings it goes by.
ALLOWED: dict[str, tuple[str, ...]] = {
    "JPEG": (".jpg", ".jpeg"),
    "PNG": (".png",),
    "WEBP": (".webp",),
    "TIFF": (".tif", ".tiff"),
    "DICOM": (".dcm", ".dicom", ""),
}
#: Types casekit recognises but does not take, with what to do instead.
REFUSED: dict[str, str] = {
    "GIF": "a GIF holds only 256 colours",
    "BMP": "a BMP is uncompressed and large",
    "HEIC": "HEIC (the iPhone's format) cannot be read without extra software",
    "SVG": "an SVG is a drawing program, not a picture, and can carry scripts",
    "PDF": "a PDF is a document, not an image",
}
#: casekit's own limit on an image file: a clinical photograph from a modern camera is
#: under 15 MB; anything larger is better exported smaller before it goes in a case.
MAX_BYTES = 30 * 1024 * 1024
#: Pillow's own decompression-bomb limit (``PIL.Image.MAX_IMAGE_PIXELS``, about 89 million
#: pixels): an image that claims more is refused before its pixels are decoded. Written out
#: so that a case without images does not load Pillow (10 ms); a test checks it is Pillow's.
MAX_PIXELS = 89_478_485


def sniff(head: bytes) -> str | None:
    """The type of a file from its first 132 bytes, or None if it is none casekit knows."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head[128:132] == b"DICM":
        return "DICOM"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:2] == b"BM":
        return "BMP"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypheif"):
        return "HEIC"
    if head[:5] == b"%PDF-":
        return "PDF"
    stripped = head.lstrip()
    if stripped.startswith((b"<svg", b"<?xml")):
        return "SVG"
    return None


def published_suffix(file_name: str) -> str:
    """The ending of the cleaned copy: JPEG stays JPEG (stripped without re-encoding);
    every other type becomes a PNG, which keeps its pixels exactly."""
    lower = file_name.lower()
    return ".jpg" if lower.endswith((".jpg", ".jpeg")) else ".png"
