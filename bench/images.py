"""Figures for clinical images: how long casekit takes to check, clean and publish one.

    .venv/bin/python bench/images.py [--repeat N]

Prints the median CPU time of this process (time.process_time, which the other work on a
shared machine does not inflate) for each step for a camera-sized JPEG (12 megapixels, with EXIF),
a large PNG and a 16-bit DICOM image, all made here from random pixels. Not a test:
nothing fails.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from casekit.images import clean, files, metadata, publish


def _noise(width: int, height: int) -> Image.Image:
    rng = np.random.default_rng(1)
    base = np.linspace(0, 200, width, dtype=np.float64)[None, :].repeat(height, 0)
    grey = np.clip(base + rng.normal(0, 20, (height, width)), 0, 255).astype(np.uint8)
    return Image.fromarray(grey, "L").convert("RGB")


def _jpeg(path: Path) -> Path:
    exif = Image.Exif()
    exif[0x0132] = "2020:01:01 00:00:00"
    _noise(4000, 3000).save(path, "JPEG", quality=90, exif=exif, comment=b"bench")
    return path


def _png(path: Path) -> Path:
    _noise(2400, 1800).save(path, "PNG")
    return path


def _dicom(path: Path) -> Path:
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
    ds.PatientName = "Bench^Synthetic"
    ds.Rows, ds.Columns = 2048, 2048
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.WindowCenter, ds.WindowWidth = 2048, 4096
    values = np.random.default_rng(1).integers(0, 4096, (2048, 2048), dtype=np.uint16)
    ds.PixelData = values.tobytes()
    ds.save_as(path, enforce_file_format=True)
    return path


def _median(step: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        step()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        samples = {
            "JPEG 4000x3000 with EXIF": _jpeg(folder / "photo.jpg"),
            "PNG 2400x1800": _png(folder / "scan.png"),
            "DICOM 2048x2048, 16 bit": _dicom(folder / "film.dcm"),
        }
        print(f"median of {args.repeat}, CPU seconds")
        print(f"{'image':28} {'size':>9} {'check':>7} {'metadata':>9} {'clean':>7} {'publish':>8}")
        for label, path in samples.items():
            checked = files.check(folder, path.name)
            assert isinstance(checked, files.ImageFile)
            figure = {"id": "fig", "file": path.name}
            row = [
                _median(lambda p=path: files.check(folder, p.name), args.repeat),
                _median(lambda c=checked: metadata.read(c), args.repeat),
                _median(lambda c=checked: clean.clean(c), args.repeat),
                _median(lambda f=figure: publish.figure_files(folder, f), args.repeat),
            ]
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            print(f"{label:28} {size:>9} " + " ".join(f"{t:>7.3f}" for t in row[:2]), end="")
            print(f" {row[2]:>7.3f} {row[3]:>8.3f}")


if __name__ == "__main__":
    main()
