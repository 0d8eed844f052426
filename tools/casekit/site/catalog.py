"""What the library index and the tag pages show about each case.

Age groups follow the paediatric age categories of ICH E11 (Clinical investigation of
medicinal products in the pediatric population, International Council for Harmonisation,
2000, section 2.5): term newborn infants 0-27 days; infants and toddlers 28 days to 23
months; children 2-11 years; adolescents 12 to 16-18 years depending on the region (here:
up to 17 years). Adults are everyone from 18 years; casekit does not split adults further.

A case series is one entry that knows its number of patients; its age groups and sexes
cover every patient, so that filtering by 'Child' finds a series with one child in it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from casekit import durations, model
from casekit.codes import display
from casekit.durations import DAYS_PER_YEAR, UNIT_DAYS

#: Tag kinds, in the order the library shows them, with their headings.
TAG_KINDS: dict[str, str] = {
    "diagnosis": "Final diagnosis",
    "specialty": "Specialty",
    "complaint": "Presenting complaint",
    "theme": "Learning theme",
    "keyword": "Keyword",
    "age": "Age group",
    "sex": "Sex",
    "patients": "Patients",
    "phenotype": "Phenotype (HPO)",
    "rare-disease": "Rare disease (Orphanet)",
}
#: The labels of the 'patients' facet.
SINGLE_PATIENT, CASE_SERIES = "Single patient", "Case series"


#: (upper bound in days, exclusive; label). Source: ICH E11 (2000), section 2.5.
AGE_GROUPS: tuple[tuple[float, str], ...] = (
    (28, "Newborn (0-27 days)"),
    (24 * DAYS_PER_YEAR / 12, "Infant or toddler (28 days-23 months)"),
    (12 * DAYS_PER_YEAR, "Child (2-11 years)"),
    (18 * DAYS_PER_YEAR, "Adolescent (12-17 years)"),
    (float("inf"), "Adult (18 years and over)"),
)


@dataclass(frozen=True)
class Tag:
    kind: str
    label: str
    slug: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.slug}"


@dataclass(frozen=True)
class Entry:
    """One published case as the library lists it."""

    case_id: str
    title: str
    age_group: str
    sex: str
    final_diagnosis: str
    specialty: str
    year: int | None
    tags: tuple[Tag, ...]
    #: 1 for a single-patient case, N for a series of N.
    patients: int = 1

    @property
    def series_note(self) -> str:
        """'' for one patient; 'Case series of 3 patients' for a series."""
        return f"{CASE_SERIES} of {self.patients} patients" if self.patients > 1 else ""


#: A label its slug spells out in full: letters and digits in words joined by a space or
#: a hyphen (compared case-folded). Any other label's slug loses something ("C++" and "C"
#: would both be "c"; "CD30+" and "CD30-" both "cd30"), so it carries a short hash.
_PLAIN_LABEL = re.compile(r"[a-z0-9]+(?:[ -][a-z0-9]+)*")


def slugify(label: str) -> str:
    """A web-address-safe name for a tag, distinct for labels that differ in more than
    letter case or a space for a hyphen."""
    folded = " ".join(label.split()).casefold()
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    digest = hashlib.sha256(folded.replace(" ", "-").encode()).hexdigest()[:8]
    if not slug:
        return f"tag-{digest}"
    if len(slug) > 60:
        return f"{slug[:60].rstrip('-')}-{digest}"
    if _PLAIN_LABEL.fullmatch(folded) is None:
        return f"{slug}-{digest}"
    return slug


def age_group(age: Any) -> str:
    if not isinstance(age, dict):
        return "Not stated"
    if durations.in_parts(age):
        if not all(isinstance(age.get(u, 0), int | float) for u in durations.PARTS):
            return "Not stated"
        days = durations.to_days(age)
    else:
        value, unit = age.get("value"), age.get("unit")
        if not isinstance(value, int | float) or unit not in UNIT_DAYS:
            return "Not stated"
        days = value * UNIT_DAYS[unit]
    return next(label for bound, label in AGE_GROUPS if days < bound)


def _sex_label(sex: Any) -> str:
    return str(sex or "not-stated").replace("-", " ").capitalize()


def _patients(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Each patient's demographics ('patient'), one for a single-patient case."""
    found = [view.data.get("patient") for view in model.patient_views(data)]
    return [p if isinstance(p, dict) else {} for p in found]


def _distinct(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def final_diagnosis(data: dict[str, Any]) -> str:
    """The final diagnoses (of every patient of a series, each name once)."""
    names = [
        d["name"]
        for _, d in model.diagnoses(data)
        if d.get("role") == "final" and isinstance(d.get("name"), str)
    ]
    return "; ".join(dict.fromkeys(names)) if names else "Not stated"


def year(data: dict[str, Any]) -> int | None:
    """The first year the case was presented or published, else that of its source."""
    years: list[int] = [
        p["year"]
        for p in data.get("presentations", [])
        if isinstance(p, dict) and isinstance(p.get("year"), int)
    ]
    if years:
        return min(years)
    source_ref = data.get("source", {}).get("reference")
    for ref in data.get("references", []):
        if isinstance(ref, dict) and ref.get("id") == source_ref:
            parts = ref.get("issued", {}).get("date-parts") or [[None]]
            first: object = parts[0][0] if parts and parts[0] else None
            return int(str(first)) if str(first).isdigit() else None
    return None


def _sentence(text: str) -> str:
    return text.strip().rstrip(".").strip()


def tags_of(data: dict[str, Any]) -> tuple[Tag, ...]:
    labels: list[tuple[str, str]] = []
    final = final_diagnosis(data)
    if final != "Not stated":
        labels += [("diagnosis", name) for name in final.split("; ")]
    if isinstance(data.get("specialty"), str):
        labels.append(("specialty", data["specialty"]))
    for patient in _patients(data):
        complaint = patient.get("presenting_complaint")
        if isinstance(complaint, str) and _sentence(complaint):
            labels.append(("complaint", _sentence(complaint)))
    labels += [("theme", t) for t in data.get("themes", []) if isinstance(t, str)]
    labels += [("keyword", k) for k in data.get("keywords", []) if isinstance(k, str)]
    patients = _patients(data)
    labels += [("age", group) for group in _distinct([age_group(p.get("age")) for p in patients])]
    labels += [("sex", sex) for sex in _distinct([_sex_label(p.get("sex")) for p in patients])]
    labels.append(("patients", CASE_SERIES if model.is_series(data) else SINGLE_PATIENT))
    labels += display.facet_labels(data)  # coded features and rare diseases
    tags: dict[str, Tag] = {}
    for kind, label in labels:
        tag = Tag(kind, label.strip(), slugify(label))
        tags.setdefault(tag.key, tag)
    return tuple(tags.values())


def entry(data: dict[str, Any]) -> Entry:
    patients = _patients(data)
    return Entry(
        case_id=data["id"],
        title=data["title"],
        age_group="; ".join(_distinct([age_group(p.get("age")) for p in patients])),
        sex="; ".join(_distinct([_sex_label(p.get("sex")) for p in patients])),
        final_diagnosis=final_diagnosis(data),
        specialty=data.get("specialty") or "Not stated",
        year=year(data),
        tags=tags_of(data),
        patients=len(patients),
    )
