"""Synthetic test images, made by the tests: invented pixels and invented identifiers.

Every identifying value written here is listed in :data:`SECRETS`, so a test can look
for each in whatever casekit writes.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import numpy as np
from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo

DATE = "2024:03:15 10:11:12"
ARTIST = "Testina Example"
OWNER = "Ozymandias Quux"
SERIAL = "QX-SERIAL-90210"
COMMENT = "Ward Quux scan of Testina"
PNG_TEXT = "Scanned for Ozymandias Quux"
DICOM_NAME = "Example^Testina"
DICOM_BIRTH = "20210704"
DICOM_INSTITUTION = "Quux General Infirmary"
DICOM_ACCESSION = "ACC7788991"
#: Values that must never reach the site (as they would appear in a file).
SECRETS = (
    DATE,
    ARTIST,
    OWNER,
    SERIAL,
    COMMENT,
    PNG_TEXT,
    DICOM_NAME,
    DICOM_BIRTH,
    DICOM_INSTITUTION,
    DICOM_ACCESSION,
)


def pixels(width: int = 96, height: int = 64, mode: str = "RGB") -> Image.Image:
    """A gradient with a square: distinct pixels, so a changed pixel shows."""
    x = np.linspace(0, 255, width, dtype=np.float64)
    y = np.linspace(0, 255, height, dtype=np.float64)
    grey = ((x[None, :] + y[:, None]) / 2).astype(np.uint8)
    grey[height // 4 : height // 2, width // 4 : width // 2] = 240
    image = Image.fromarray(grey, "L")
    return image if mode == "L" else image.convert(mode)


def camera_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0132] = DATE
    exif[0x013B] = ARTIST
    sub = exif.get_ifd(ExifTags.IFD.Exif)
    sub[0x9003] = DATE
    sub[0xA430] = OWNER
    sub[0xA431] = SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 12.0)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 40.0)
    return exif


def jpeg_with_exif(path: Path, *, comment: bool = True, orientation: int = 1) -> Path:
    exif = camera_exif()
    if orientation != 1:
        exif[0x0112] = orientation
    extra = {"comment": COMMENT.encode()} if comment else {}
    pixels().save(path, "JPEG", quality=90, exif=exif, **extra)
    return path


def png_with_text(path: Path) -> Path:
    info = PngInfo()
    info.add_text("Comment", PNG_TEXT)
    info.add_itxt("Author", ARTIST)
    info.add_text("Source", OWNER, zip=True)
    pixels(mode="L").save(path, "PNG", pnginfo=info)
    return path


def plain_png(path: Path, width: int = 96, height: int = 64) -> Path:
    pixels(width, height).save(path, "PNG")
    return path


def dicom_with_patient(path: Path) -> Path:
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import ExplicitVRLittleEndian, SecondaryCaptureImageStorage, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = SecondaryCaptureImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = SecondaryCaptureImageStorage
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.PatientName = DICOM_NAME
    ds.PatientBirthDate = DICOM_BIRTH
    ds.InstitutionName = DICOM_INSTITUTION
    ds.AccessionNumber = DICOM_ACCESSION
    ds.Modality = "CR"
    ds.Rows, ds.Columns = 64, 96
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 12, 11
    ds.PixelRepresentation = 0
    ds.WindowCenter, ds.WindowWidth = 2048, 4096
    values = (np.asarray(pixels(mode="L"), dtype=np.uint16) * 16).astype(np.uint16)
    ds.PixelData = values.tobytes()
    ds.save_as(path, enforce_file_format=True)
    return path


def _chunk(kind: bytes, body: bytes) -> bytes:
    return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")


def bomb_png(path: Path, side: int = 20_000) -> Path:
    """A tiny PNG whose header claims far more pixels than Pillow will decode
    (``side`` × ``side``, one bit each); its data is a few bytes of zeros."""
    header = side.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])
    data = zlib.compress(b"\x00" * 64)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )
    return path


def pixels_of(data: bytes | Path) -> bytes:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    with Image.open(source) as image:
        return image.convert("RGB").tobytes()


def dicom_burned_in(path: Path) -> Path:
    import pydicom

    dicom_with_patient(path)
    ds = pydicom.dcmread(path)
    ds.BurnedInAnnotation = "YES"
    ds.save_as(path, enforce_file_format=True)
    return path


def truncated_png(path: Path) -> Path:
    plain_png(path, 200, 200)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def oversized(path: Path) -> Path:
    """A file over casekit's size limit, made sparse so that it costs no disk or time."""
    with path.open("wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(31 * 1024 * 1024)
    return path


def symlink_out(path: Path) -> Path:
    """A link inside the folder to an image outside it (two levels up)."""
    outside = path.parent.parent.parent / "outside.png"
    plain_png(outside)
    path.symlink_to(outside)
    return path


def text_file(path: Path) -> Path:
    path.write_text("Not an image at all.\n", encoding="utf-8")
    return path


#: Makers by the names rule cases use ("images": {"images/x.png": "plain-png"}).
MAKERS = {
    "plain-png": plain_png,
    "png-with-text": png_with_text,
    "jpeg-with-exif": jpeg_with_exif,
    "dicom": dicom_with_patient,
    "dicom-burned-in": dicom_burned_in,
    "bomb-png": bomb_png,
    "truncated-png": truncated_png,
    "oversized": oversized,
    "symlink-out": symlink_out,
    "text": text_file,
}


def make(kind: str, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return MAKERS[kind](path)


def illustration(path: Path) -> Path:
    """An invented schematic, labelled as such in its pixels: dots where the founding
    case's bone scan showed uptake, on a plain outline (not a patient's image)."""
    from PIL import ImageDraw

    image = Image.new("RGB", (640, 800), (250, 250, 245))
    draw = ImageDraw.Draw(image)
    draw.ellipse((280, 40, 360, 120), outline=(90, 90, 90), width=3)  # head
    draw.line((320, 120, 320, 420), fill=(90, 90, 90), width=3)  # trunk
    draw.line((200, 180, 440, 180), fill=(90, 90, 90), width=3)  # shoulders
    draw.line((320, 420, 250, 740), fill=(90, 90, 90), width=3)  # legs
    draw.line((320, 420, 390, 740), fill=(90, 90, 90), width=3)
    for x, y in ((300, 440), (272, 600), (368, 600), (254, 720), (386, 720), (230, 200)):
        draw.ellipse((x - 12, y - 12, x + 12, y + 12), fill=(200, 40, 40))
    draw.text((20, 20), "ILLUSTRATIVE, SYNTHETIC - not a patient image", fill=(0, 0, 0))
    image.save(path, "PNG")
    return path


def jpeg_with_camera_model(path: Path) -> Path:
    """A JPEG whose only metadata names the camera's make and model (not identifying,
    so lint lets it through; the site must still drop it)."""
    exif = Image.Exif()
    exif[0x010F] = CAMERA_MAKE
    exif[0x0110] = "QX-1"
    pixels(320, 200).save(path, "JPEG", quality=90, exif=exif)
    return path


CAMERA_MAKE = "QuuxCamZeta"
MAKERS["illustration"] = illustration
MAKERS["jpeg-with-camera-model"] = jpeg_with_camera_model
