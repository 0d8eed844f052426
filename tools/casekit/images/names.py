"""Whether an image's file name identifies the patient ('smith_john_mri.jpg').

File names travel with the case file (which the site offers for download) and with the
library's folder, so a name, a date or a hospital number in one is as public as in the
text. Two tests:

- what the text privacy rules find in the name with its separators read as spaces
  (titles with names, dates, record numbers): :func:`text_identifiers` is the one place
  that asks them, so that a new identifier detector can take over there;
- dates and long numbers written without separators (cameras name files
  'IMG_20240315_101112.jpg'), and words that appear nowhere in the case and are not
  words for images: two of them together are likely a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

#: Words an image file is reasonably named with, beyond the words of the case itself.
_IMAGE_WORDS = frozenset(
    " ".join(
        (
            "fig figure image img pic picture photo photograph scan scanned view views crop",
            "cropped clean cleaned copy final edit edited small large thumb thumbnail full",
            "hires lores web left right bilateral lt rt ap pa lat lateral oblique axial",
            "coronal sagittal transverse frontal anterior posterior medial proximal distal",
            "upper lower whole body xray radiograph radiography plain film mri mr ct cect us",
            "usg ultrasound doppler echo pet spect nm nuclear medicine bone scintigraphy dexa",
            "dxa endoscopy colonoscopy gastroscopy fundus oct ecg ekg histology",
            "histopathology cytology biopsy slide stain he hematoxylin eosin blood smear",
            "marrow aspirate trephine diagram schematic drawing illustration illustrative",
            "synthetic sketch chart graph plot t1 t2 stir flair dwi adc gad contrast pre post",
            "before after initial followup follow up week month year day baseline series",
            "frame page panel part dicom jpeg jpg png tif tiff webp",
        )
    ).split()
)
#: Letters only, at least two: a word (digits and one-letter parts are not names).
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A date run together: 19xx or 20xx, a month and a day (20240315), or day-month-year.
_COMPACT_DATE = re.compile(
    r"(?<!\d)(?:(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d)(?!\d)"
)
_LONG_NUMBER = re.compile(r"\d{6,}")


def text_identifiers(text: str) -> list[str]:
    """What the identifier detector (``casekit.identifiers``, behind the text privacy rules)
    finds in ``text``, one message each, the identifier masked."""
    from casekit.identifiers import CATEGORIES, find

    return [
        f"'{match.masked}' looks like {CATEGORIES[match.category][1]}."
        for match in find(text)
        if match.category not in _JUDGEMENTS
    ]


#: Categories that need the authors' judgement (warnings in lint), not a refusal.
_JUDGEMENTS = frozenset({"biometric", "photo", "characteristic"})


def _readable(name: str) -> str:
    stem = PurePosixPath(name).name
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return re.sub(r"[_\-.+]+", " ", stem)


def identifying_parts(name: str) -> list[str]:
    """Why the file name ``name`` looks identifying, sure enough to stop publication."""
    readable = _readable(name)
    found = [f"{message.rstrip('.')} (in the file name)" for message in text_identifiers(readable)]
    if _COMPACT_DATE.search(readable):
        found.append("it contains what looks like a date run together (such as 20240315)")
    elif _LONG_NUMBER.search(readable):
        found.append("it contains a long number, which could be a record or accession number")
    return found


def unexplained_words(name: str, case_words: Iterable[str]) -> list[str]:
    """Words of the file name found neither in the case nor among words for images.

    Two or more such words are reported (a first name and a surname); one alone is
    usually a body part or a term the text spells differently.
    """
    known = {w.casefold() for w in case_words} | _IMAGE_WORDS
    odd = [w for w in _WORD.findall(_readable(name)) if w.casefold() not in known]
    return odd if len(odd) >= 2 else []


def words_of(texts: Iterable[str]) -> set[str]:
    return {w.casefold() for text in texts for w in _WORD.findall(text)}
