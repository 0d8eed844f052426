"""CK580-CK589: figures (is each image there, safe, described and consented) and
CK640-CK649: what an image file says about the patient beyond its pixels.

The files are looked at once per case (:func:`_checked`), and only for a case read from a
file: a figure's path is relative to the case file's folder. Every rule here looks at the
whole case (scope 'case'), because a series lists its figures once for all patients.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casekit.findings import Severity
from casekit.lint.engine import CaseView, Hit, rule

# casekit.images is imported only for a case with figures (2.4 ms of every cold lint
# otherwise); reading metadata (Pillow) only when a figure has a file.
if TYPE_CHECKING:
    from casekit.images import metadata
    from casekit.images.files import FileProblem, ImageFile

E, W = Severity.ERROR, Severity.WARNING


@dataclass
class _Figure:
    index: int
    data: dict[str, Any]
    checked: ImageFile | FileProblem | None = None
    items: list[metadata.MetadataItem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"Figure {self.index + 1} ('{self.data.get('id', '')}')"

    @property
    def file(self) -> str:
        return str(self.data.get("file", ""))


def _figures(case: CaseView) -> list[_Figure]:
    if not case.data.get("figures"):
        return []
    from casekit.images import files
    from casekit.images.files import FileProblem, ImageFile

    found = []
    for index, data in enumerate(case.data.get("figures") or []):
        figure = _Figure(index, data)
        if case.folder is not None:
            figure.checked = files.check(case.folder, figure.file)
            if isinstance(figure.checked, ImageFile):
                from casekit.images import metadata

                try:
                    figure.items = metadata.read(figure.checked)
                except Exception as exc:  # a file Pillow opened once but not twice
                    figure.checked = FileProblem(
                        files.UNREADABLE,
                        f"The metadata of '{figure.file}' cannot be read ({exc}).",
                        "Open it in an image program and save it again as PNG or JPEG.",
                    )
        found.append(figure)
    return found


def _checked(case: CaseView) -> list[_Figure]:
    return case.shared(_figures)


def _file_hits(case: CaseView, code: str) -> Iterator[Hit]:
    """The figures whose file has the problem ``code`` (casekit.images.files names each
    problem by the code of the rule that reports it, CK580 to CK586)."""
    figures = _checked(case)
    if not figures:
        return
    from casekit.images.files import FileProblem

    for figure in figures:
        problem = figure.checked
        if isinstance(problem, FileProblem) and problem.code == code:
            yield Hit(
                ("figures", figure.index, "file"), f"{figure.name}: {problem.message}", problem.hint
            )


_SITE = (
    "The site publishes only what the library holds, and only images it can open safely;"
    " a figure that cannot be published leaves a gap in the case."
)


@rule(
    "CK580",
    "figure-file-missing",
    "data-quality",
    E,
    summary="A figure's image file is not there.",
    rationale=_SITE,
    bad='"file": "images/knee-xray.png"  (no such file beside the case)',
    good='"file": "images/knee-radiograph.png"  (the file, in the images folder of the library)',
    scope="case",
)
def figure_file_missing(case: CaseView) -> Iterator[Hit]:
    yield from _file_hits(case, "CK580")


@rule(
    "CK581",
    "figure-outside-library",
    "data-quality",
    E,
    summary="A figure's image is outside the case library (a '..' path, an absolute path or"
    " a link that points elsewhere).",
    rationale=_SITE + " A path that leaves the library could publish any file of the computer"
    " that builds the site.",
    bad='"file": "../../Downloads/scan.png"',
    good='"file": "images/scan.png"',
    scope="case",
)
def figure_outside_library(case: CaseView) -> Iterator[Hit]:
    yield from _file_hits(case, "CK581")


@rule(
    "CK582",
    "figure-file-type",
    "data-quality",
    E,
    summary="A figure's file is not an image of a type casekit takes (JPEG, PNG, WebP, TIFF,"
    " DICOM).",
    rationale="casekit cleans and publishes these types; others (GIF, HEIC, SVG, PDF) either"
    " cannot be read without extra software or can carry scripts.",
    bad='"file": "images/scan.heic"',
    good='"file": "images/scan.jpg"',
    scope="case",
)
def figure_file_type(case: CaseView) -> Iterator[Hit]:
    yield from _file_hits(case, "CK582")


@rule(
    "CK583",
    "figure-file-too-large",
    "data-quality",
    E,
    summary="A figure's file is larger than casekit takes (30 MB).",
    rationale="A figure on a web page or in an abstract needs no more than a few million"
    " pixels; very large files slow every build and every reader.",
    bad="a 60 MB TIFF straight from the slide scanner",
    good="a PNG exported at 2000 pixels across",
    scope="case",
)
def figure_file_too_large(case: CaseView) -> Iterator[Hit]:
    yield from _file_hits(case, "CK583")


@rule(
    "CK584",
    "figure-decompression-bomb",
    "data-quality",
    E,
    summary="A figure's image claims more pixels than casekit will decode (Pillow's"
    " decompression-bomb limit).",
    rationale="A small file can declare a picture of billions of pixels and fill the memory"
    " of the computer that opens it. Pillow refuses such images; so does casekit.",
    bad="a 50 kB PNG that declares 20000 × 20000 pixels",
    good="an image of a few million pixels",
    scope="case",
)
def figure_decompression_bomb(case: CaseView) -> Iterator[Hit]:
    yield from _file_hits(case, "CK584")


@rule(
    "CK585",
    "figure-caption-or-alt-missing",
    "data-quality",
    E,
    summary="A figure has no caption or no description for readers who cannot see it (alt).",
    rationale="The caption tells every reader what to look at; the alt text is the figure for"
    " a reader using a screen reader (WCAG 2.2, success criterion 1.1.1, non-text content).",
    bad='{"id": "fig-knee", "file": "images/knee.png", "kind": "radiograph"}',
    good='{"id": "fig-knee", "file": "images/knee.png", "kind": "radiograph", "caption":'
    ' "Plain radiograph of the left knee: a lytic lesion of the distal femoral metaphysis.",'
    ' "alt": "Radiograph of a child\'s knee with a dark, round area in the lower femur."}',
    scope="case",
)
def figure_caption_or_alt_missing(case: CaseView) -> Iterator[Hit]:
    for index, figure in enumerate(case.data.get("figures") or []):
        missing = [
            label
            for key, label in (("caption", "a caption"), ("alt", "alt text"))
            if not str(figure.get(key) or "").strip()
        ]
        if missing:
            yield Hit(
                ("figures", index),
                f"Figure {index + 1} ('{figure.get('id', '')}') has no "
                + " and no ".join(missing)
                + ".",
                "Add 'caption' (what the figure shows and what to look at) and 'alt' (the"
                " finding in words, for readers who cannot see the image).",
            )


@rule(
    "CK586",
    "figure-file-unreadable",
    "data-quality",
    E,
    summary="A figure's image file is damaged or cannot be decoded.",
    rationale=_SITE,
    bad="a JPEG cut short while copying",
    good="the image saved again from an image program",
    scope="case",
)
def figure_file_unreadable(case: CaseView) -> Iterator[Hit]:
    yield from _file_hits(case, "CK586")


_RECOGNISABLE = {
    "face": "the patient's face",
    "full-body": "the patient's whole body",
    "distinctive-feature": "a feature that could identify the patient",
}


@rule(
    "CK587",
    "recognisable-image-consent",
    "data-quality",
    W,
    summary="A photograph in which the patient could be recognised has no specific consent"
    " to its publication, or a clinical photograph does not say whether the patient could"
    " be recognised.",
    rationale="ICMJE: identifying details, photographs included, are published only if"
    " essential and the patient (or parent) has given written informed consent, having"
    " seen the material to be published; masking the eyes is not enough.",
    bad='{"kind": "clinical-photograph", "identifiable": "face"}',
    good='{"kind": "clinical-photograph", "identifiable": "face", "consent": {"status":'
    ' "obtained", "from": "parent-or-guardian", "statement": "The parents consented to this'
    ' photograph being published after seeing it."}}',
    scope="case",
)
def recognisable_image_consent(case: CaseView) -> Iterator[Hit]:
    curated = (case.data.get("source") or {}).get("kind") == "published-literature"
    for index, figure in enumerate(case.data.get("figures") or []):
        shows = figure.get("identifiable")
        name = f"Figure {index + 1} ('{figure.get('id', '')}')"
        if shows is None and figure.get("kind") == "clinical-photograph":
            yield Hit(
                ("figures", index),
                f"{name} is a clinical photograph but does not say whether the patient could"
                " be recognised in it.",
                "Set 'identifiable' to 'no', or to 'face', 'full-body' or"
                " 'distinctive-feature' and record the patient's consent to this image.",
            )
            continue
        if shows not in _RECOGNISABLE or figure.get("synthetic") is True:
            continue
        status = (figure.get("consent") or {}).get("status")
        if status == "obtained" or (status == "original-publication" and curated):
            continue
        yield Hit(
            ("figures", index, "identifiable"),
            f"{name} shows {_RECOGNISABLE[shows]}, but has no consent to publishing this"
            " image" + (f" (its consent is '{status}')." if status else "."),
            "Publish a recognisable image only with written consent given after seeing it:"
            ' record it in the figure\'s "consent" ({"status": "obtained", "from": ...,'
            ' "statement": ...}), or crop the image so the patient cannot be recognised and'
            " set 'identifiable' to 'no'.",
        )


@rule(
    "CK588",
    "figure-unlinked",
    "data-quality",
    W,
    summary="A figure does not say what it shows (no links to findings, studies or events).",
    rationale="The page and the CARE checklist list which figures support which findings;"
    " a figure with no links stands apart from the case's reasoning.",
    bad='{"id": "fig-scan", "file": "images/bone-scan.png", "kind": "nuclear-medicine"}',
    good='{"id": "fig-scan", ..., "links": ["img-bone-scan"]}',
    scope="case",
)
def figure_unlinked(case: CaseView) -> Iterator[Hit]:
    for index, figure in enumerate(case.data.get("figures") or []):
        if not figure.get("links"):
            yield Hit(
                ("figures", index),
                f"Figure {index + 1} ('{figure.get('id', '')}') is not linked to anything it"
                " shows.",
                "Add 'links' with the ids of the imaging study, finding, sample or event the"
                " figure illustrates.",
            )


# --- CK64x: image privacy -------------------------------------------------------------

_METADATA = (
    "HIPAA Safe Harbor counts dates, places smaller than a state, device serial numbers and"
    " names among the identifiers to remove (45 CFR 164.514(b)(2)); cameras and scanners"
    " write them into the file, where no reader of the page sees them but anyone who"
    " downloads the image can."
)


def _clean_hint(figure: _Figure) -> str:
    return (
        f"Run 'casekit images clean {figure.file}' (from the case's folder) and point 'file'"
        " at the cleaned copy it writes; the site refuses the case until then."
    )


def _metadata_hits(case: CaseView, *categories: str) -> Iterator[Hit]:
    for figure in _checked(case):
        labels = [item.label for item in figure.items if item.category in categories]
        if labels:
            yield Hit(
                ("figures", figure.index, "file"),
                f"{figure.name}: '{figure.file}' carries " + "; ".join(labels) + ".",
                _clean_hint(figure),
            )


@rule(
    "CK640",
    "image-date",
    "privacy",
    E,
    summary="An image file records when it was taken or changed (EXIF or GPS dates).",
    rationale=_METADATA,
    bad="a JPEG straight from the camera, with the EXIF DateTimeOriginal it wrote",
    good="the copy written by 'casekit images clean'",
    scope="case",
)
def image_date(case: CaseView) -> Iterator[Hit]:
    yield from _metadata_hits(case, "date")


@rule(
    "CK641",
    "image-gps",
    "privacy",
    E,
    summary="An image file records where it was taken (GPS position).",
    rationale=_METADATA,
    bad="a phone photograph with its GPS position (the ward, or the patient's home)",
    good="the copy written by 'casekit images clean'",
    scope="case",
)
def image_gps(case: CaseView) -> Iterator[Hit]:
    yield from _metadata_hits(case, "gps")


@rule(
    "CK642",
    "image-serial-number",
    "privacy",
    E,
    summary="An image file records the serial number of the camera, lens or device.",
    rationale=_METADATA,
    bad="EXIF BodySerialNumber, or a maker note that holds it",
    good="the copy written by 'casekit images clean'",
    scope="case",
)
def image_serial_number(case: CaseView) -> Iterator[Hit]:
    yield from _metadata_hits(case, "serial")


@rule(
    "CK643",
    "image-owner-name",
    "privacy",
    E,
    summary="An image file names a person (camera owner, artist, author, copyright holder).",
    rationale=_METADATA,
    bad="EXIF Artist or CameraOwnerName set to the photographer's or the patient's name",
    good="the copy written by 'casekit images clean'",
    scope="case",
)
def image_owner_name(case: CaseView) -> Iterator[Hit]:
    yield from _metadata_hits(case, "owner")


@rule(
    "CK644",
    "image-text-metadata",
    "privacy",
    E,
    summary="An image file carries free text or a preview (PNG text chunks, JPEG comments,"
    " XMP, IPTC, EXIF descriptions, an embedded thumbnail).",
    rationale=_METADATA + " Free text in a file can hold anything, and an embedded thumbnail"
    " may show the picture before it was cropped.",
    bad="a PNG with a tEXt chunk 'Comment: scanned for <name>'",
    good="the copy written by 'casekit images clean'",
    scope="case",
)
def image_text_metadata(case: CaseView) -> Iterator[Hit]:
    yield from _metadata_hits(case, "text", "thumbnail")


@rule(
    "CK645",
    "dicom-identifiers",
    "privacy",
    E,
    summary="A DICOM file carries the patient's name, birth date, hospital, accession number"
    " or other identifying header fields.",
    rationale="DICOM headers hold the patient's details by design; the DICOM basic"
    " confidentiality profile (PS3.15 Annex E) lists the fields to remove before an image"
    " leaves the hospital.",
    bad='"file": "images/knee.dcm"  (with PatientName, PatientBirthDate, InstitutionName)',
    good='"file": "images/knee-clean.png"  (written by casekit images clean)',
    scope="case",
)
def dicom_identifiers(case: CaseView) -> Iterator[Hit]:
    yield from _metadata_hits(case, "dicom")


@rule(
    "CK646",
    "identifying-file-name",
    "privacy",
    E,
    summary="An image's file name looks like it names the patient, a date or a record number.",
    rationale=_METADATA + " The file name travels with the case file, which the site offers"
    " for download.",
    bad='"file": "images/smith_john_mri_20240315.jpg"',
    good='"file": "images/knee-mri-coronal.jpg"',
    scope="case",
)
def identifying_file_name(case: CaseView) -> Iterator[Hit]:
    if not case.data.get("figures"):
        return
    from casekit.images import names

    words: set[str] | None = None
    for index, figure in enumerate(case.data.get("figures") or []):
        file = str(figure.get("file", ""))
        name = f"Figure {index + 1} ('{figure.get('id', '')}')"
        hint = (
            "Rename the file after what it shows (for example 'knee-radiograph-lateral.png')"
            " and change 'file' to match."
        )
        found = names.identifying_parts(file)
        if found:
            yield Hit(
                ("figures", index, "file"),
                f"{name}: the file name looks identifying: " + "; ".join(found) + ".",
                hint,
            )
            continue
        if words is None:
            words = names.words_of(text for _, text in case.text_fields)
        odd = names.unexplained_words(file, words)
        if odd:
            yield Hit(
                ("figures", index, "file"),
                f"{name}: the file name has words found nowhere in the case ("
                + ", ".join(f"'{w[0]}…'" for w in odd)
                + "); together they could be a name.",
                hint + " If the words are not a name, this warning can be suppressed.",
                severity=W,
            )


@rule(
    "CK647",
    "burned-in-annotation",
    "privacy",
    W,
    summary="A DICOM file says that text is drawn into its pixels (BurnedInAnnotation).",
    rationale="Cleaning removes what a file says about the image, not what the image shows:"
    " a name or date drawn into the pixels stays in the picture.",
    bad="an ultrasound screen capture with the patient's name in its top line",
    good="the image cropped, or the text covered, before it goes into the case",
    scope="case",
)
def burned_in_annotation(case: CaseView) -> Iterator[Hit]:
    for figure in _checked(case):
        if any(item.category == "burned-in" for item in figure.items):
            yield Hit(
                ("figures", figure.index, "file"),
                f"{figure.name}: the DICOM file says text is drawn into the image itself.",
                "Look at the image: crop or cover any name, date or number in it, then export"
                " it as PNG. Cleaning cannot remove text that is part of the picture.",
            )
