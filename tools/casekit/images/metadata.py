"""What an image file says beyond its pixels that could identify the patient.

Each item has a category, which decides the lint rule that reports it:

- ``date``: when the picture was taken or changed (EXIF dates, GPS date);
- ``gps``: where it was taken;
- ``serial``: camera, lens or device serial numbers (and maker notes, which hold them);
- ``owner``: the camera owner's, artist's or author's name, copyright holder;
- ``text``: free text in the file (PNG tEXt/iTXt/zTXt chunks, JPEG comments, XMP, IPTC,
  EXIF descriptions and comments);
- ``thumbnail``: an embedded preview, which may show the picture before it was cropped;
- ``dicom`` and ``burned-in``: DICOM header fields (see :mod:`casekit.images.dicom`).

The value is kept for tests and for ``casekit images check --show``; messages name only
the field, because findings travel into CI logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, IptcImagePlugin
from PIL import ImageFile as PILImageFile

from casekit.images.files import ImageFile


@dataclass(frozen=True)
class MetadataItem:
    category: str
    label: str
    value: str


#: EXIF tags by category (tag number: name). Tag numbers are those of the EXIF 2.32
#: standard (CIPA DC-008) and Microsoft's XP tags.
_BASE_TAGS: dict[int, tuple[str, str]] = {
    0x0132: ("date", "EXIF DateTime (when the file was changed)"),
    0x013B: ("owner", "EXIF Artist"),
    0x8298: ("owner", "EXIF Copyright"),
    0x9C9D: ("owner", "Windows XPAuthor"),
    0x010E: ("text", "EXIF ImageDescription"),
    0x9C9B: ("text", "Windows XPTitle"),
    0x9C9C: ("text", "Windows XPComment"),
    0x9C9E: ("text", "Windows XPKeywords"),
    0x9C9F: ("text", "Windows XPSubject"),
}
_EXIF_TAGS: dict[int, tuple[str, str]] = {
    0x9003: ("date", "EXIF DateTimeOriginal (when the picture was taken)"),
    0x9004: ("date", "EXIF DateTimeDigitized"),
    0xA430: ("owner", "EXIF CameraOwnerName"),
    0xA431: ("serial", "EXIF BodySerialNumber (the camera's serial number)"),
    0xA435: ("serial", "EXIF LensSerialNumber"),
    0xA420: ("serial", "EXIF ImageUniqueID"),
    0x927C: ("serial", "EXIF MakerNote (the maker's data, often with the serial number)"),
    0x9286: ("text", "EXIF UserComment"),
}
_GPS_DATE = 0x001D


def _shown(value: object) -> str:
    if isinstance(value, bytes):
        return value[:200].decode("latin-1", "replace")
    return str(value)[:200]


def _exif_items(image: Image.Image) -> list[MetadataItem]:
    exif = image.getexif()
    found = []
    for tag, (category, label) in _BASE_TAGS.items():
        if exif.get(tag) not in (None, "", b""):
            found.append(MetadataItem(category, label, _shown(exif[tag])))
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    for tag, (category, label) in _EXIF_TAGS.items():
        if sub.get(tag) not in (None, "", b""):
            found.append(MetadataItem(category, label, _shown(sub[tag])))
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    if gps:
        if gps.get(_GPS_DATE):
            found.append(MetadataItem("date", "EXIF GPSDateStamp", _shown(gps[_GPS_DATE])))
        place = {k: v for k, v in gps.items() if k != _GPS_DATE}
        if place:
            found.append(MetadataItem("gps", "EXIF GPS position", _shown(place)))
    if exif.get_ifd(ExifTags.IFD.IFD1):
        found.append(
            MetadataItem("thumbnail", "EXIF thumbnail (a preview of the uncropped picture)", "")
        )
    return found


def _text_items(image: Image.Image) -> list[MetadataItem]:
    found = []
    chunks = getattr(image, "text", None)  # PNG tEXt, iTXt and zTXt, by keyword
    if isinstance(chunks, dict):
        for key, value in chunks.items():
            found.append(MetadataItem("text", f"PNG text chunk '{key}'", _shown(value)))
    info = image.info
    if info.get("comment"):
        found.append(MetadataItem("text", "JPEG comment (COM)", _shown(info["comment"])))
    for key in ("xmp", "XML:com.adobe.xmp"):
        if info.get(key) and not (chunks and key in chunks):
            found.append(MetadataItem("text", "XMP metadata", _shown(info[key])))
            break
    if image.format == "JPEG" and isinstance(image, PILImageFile.ImageFile):
        iptc = IptcImagePlugin.getiptcinfo(image)
        if iptc:
            found.append(MetadataItem("text", "IPTC metadata", _shown(iptc)))
    return found


def read(image: ImageFile) -> list[MetadataItem]:
    """Every identifying item in a file that passed :func:`casekit.images.files.inspect`."""
    if image.kind == "DICOM":
        from casekit.images import dicom

        return dicom.metadata(image.path)
    return read_raster(image.path)


def read_raster(path: Path | object) -> list[MetadataItem]:
    """Every identifying item in a JPEG, PNG, WebP or TIFF (a path or an open file)."""
    with Image.open(path) as image:  # type: ignore[arg-type]
        return _exif_items(image) + _text_items(image)
