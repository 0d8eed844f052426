"""DICOM files: the header fields that identify a patient, and a windowed PNG of the pixels.

The fields are those of the DICOM basic confidentiality profile (PS3.15 Annex E) that name
or point back to the patient, the people who cared for them, the hospital and the visit.
The PNG keeps none of the header.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pydicom
from PIL import Image
from pydicom.errors import InvalidDicomError

from casekit.images import formats
from casekit.images.files import UNREADABLE, FileProblem, ImageFile, bomb_problem
from casekit.images.metadata import MetadataItem

#: Header fields that identify (keyword: what it holds, in words for the message).
IDENTIFYING: dict[str, str] = {
    "PatientName": "patient's name",
    "PatientID": "patient ID (hospital number)",
    "PatientBirthDate": "patient's birth date",
    "PatientBirthTime": "patient's birth time",
    "OtherPatientIDs": "other patient IDs",
    "OtherPatientNames": "other patient names",
    "PatientAddress": "patient's address",
    "PatientTelephoneNumbers": "patient's telephone numbers",
    "PatientMotherBirthName": "mother's birth name",
    "MedicalRecordLocator": "medical record locator",
    "InstitutionName": "institution (hospital) name",
    "InstitutionAddress": "institution address",
    "InstitutionalDepartmentName": "department name",
    "ReferringPhysicianName": "referring physician",
    "PerformingPhysicianName": "performing physician",
    "PhysiciansOfRecord": "physicians of record",
    "OperatorsName": "operator's name",
    "AccessionNumber": "accession number",
    "StudyID": "study ID",
    "StudyDate": "study date",
    "SeriesDate": "series date",
    "AcquisitionDate": "acquisition date",
    "ContentDate": "content date",
    "AcquisitionDateTime": "acquisition date and time",
    "StationName": "scanner (station) name",
    "DeviceSerialNumber": "scanner serial number",
    "StudyInstanceUID": "study instance UID (traceable to the hospital's archive)",
    "SeriesInstanceUID": "series instance UID (traceable to the hospital's archive)",
    "SOPInstanceUID": "image instance UID (traceable to the hospital's archive)",
}


def _read(path: Path, *, pixels: bool) -> Any:
    return pydicom.dcmread(path, stop_before_pixels=not pixels, force=False)


def inspect(path: Path, shown: str, size: int) -> ImageFile | FileProblem:
    try:
        ds = _read(path, pixels=False)
        rows, columns = int(ds.get("Rows", 0)), int(ds.get("Columns", 0))
        frames = int(ds.get("NumberOfFrames", 1) or 1)
    except (InvalidDicomError, OSError, ValueError, TypeError, AttributeError) as exc:
        return FileProblem(
            UNREADABLE,
            f"The DICOM file '{shown}' cannot be read ({exc}).",
            "Export the image again from the viewer, or as PNG.",
        )
    if not rows or not columns:
        return FileProblem(
            UNREADABLE,
            f"The DICOM file '{shown}' holds no image (no rows and columns).",
            "Export the image itself from the viewer.",
        )
    if rows * columns * frames > formats.MAX_PIXELS:
        return bomb_problem(shown, rows * columns * frames)
    return ImageFile(path, "DICOM", columns, rows, size)


def metadata(path: Path) -> list[MetadataItem]:
    ds = _read(path, pixels=False)
    found = []
    for keyword, label in IDENTIFYING.items():
        value = ds.get(keyword)
        if value is not None and str(value.value if hasattr(value, "value") else value).strip():
            found.append(MetadataItem("dicom", f"DICOM {label} ({keyword})", str(value)))
    if str(ds.get("BurnedInAnnotation", "")).upper() == "YES":
        found.append(
            MetadataItem(
                "burned-in",
                "DICOM BurnedInAnnotation: YES (text such as the name is drawn into the pixels)",
                "YES",
            )
        )
    return found


def _window(ds: Any) -> tuple[float, float] | None:
    centre, width = ds.get("WindowCenter"), ds.get("WindowWidth")
    if centre is None or width is None:
        return None

    def first(value: Any) -> float:
        return float(value[0]) if isinstance(value, pydicom.multival.MultiValue) else float(value)

    return first(centre), max(first(width), 1.0)


def to_png(path: Path) -> tuple[bytes, list[str]]:
    """The first frame as an 8-bit PNG, windowed as the file asks, and what was done.

    Windowing follows the linear function of DICOM PS3.3 C.11.2.1.2; without a window the
    full range of values is shown. MONOCHROME1 (white is low) is inverted so that the PNG
    looks as the scanner's viewer shows it.
    """
    notes = []
    try:
        ds = _read(path, pixels=True)
        array = ds.pixel_array
    except Exception as exc:  # pydicom raises many kinds for pixels it cannot decode
        raise ValueError(
            f"casekit cannot decode the pixels of this DICOM file ({exc}). Export the image"
            " as PNG from your DICOM viewer instead."
        ) from None
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    if frames > 1:
        array = array[0]
        notes.append(f"the file holds {frames} frames; the first was kept")
    photometric = str(ds.get("PhotometricInterpretation", "MONOCHROME2"))
    if array.ndim == 3 and photometric in ("RGB", "YBR_FULL", "YBR_FULL_422"):
        if photometric != "RGB":
            from pydicom.pixels.processing import convert_color_space

            array = convert_color_space(array, photometric, "RGB")
        image = Image.fromarray(np.asarray(array, dtype=np.uint8), "RGB")
    else:
        values = array.astype(np.float64)
        slope = float(ds.get("RescaleSlope", 1) or 1)
        intercept = float(ds.get("RescaleIntercept", 0) or 0)
        values = values * slope + intercept
        window = _window(ds)
        if window is not None:
            centre, width = window
            scaled = ((values - (centre - 0.5)) / (width - 1 if width > 1 else 1) + 0.5) * 255
            notes.append(f"windowed at centre {centre:g}, width {width:g}")
        else:
            low, high = float(values.min()), float(values.max())
            scaled = (values - low) / ((high - low) or 1) * 255
            notes.append("no window in the file: the full range of values is shown")
        pixels = np.clip(np.rint(scaled), 0, 255).astype(np.uint8)
        if photometric == "MONOCHROME1":
            pixels = 255 - pixels
        image = Image.fromarray(pixels, "L")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue(), notes
