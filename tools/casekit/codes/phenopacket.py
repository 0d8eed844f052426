"""A case as GA4GH Phenopackets (schema v2): one phenopacket per patient.

What goes where:

- ``subject``: the patient's id, sex, and ``timeAtLastEncounter`` (the age at the last
  event of the timeline, as an ISO 8601 duration). Never a date of birth or any calendar
  date: the Phenopacket Individual has no field for the age at presentation, so that age
  is the onset of every feature seen at presentation.
- ``phenotypicFeatures``: every HPO code on a finding, an imaging study or another test,
  with ``excluded`` and an onset (age at presentation plus the time of the first
  timeline event that links the item), the item's own words as description.
- ``measurements``: laboratory results with a LOINC code: value, unit (UCUM), reference
  range (when the case gives both limits), time observed.
- ``biosamples``: performed tissue samples, with the code of the diagnosis they confirmed
  as histological diagnosis.
- ``diseases``: the first code of every diagnosis that was not revised; an alternative
  that was excluded, with its code, as an excluded disease.
- ``medicalActions``: interventions with a SNOMED CT code, as procedures.
- ``metaData``: casekit as creator, one resource per code list used (with its release),
  and the source report's DOI or PMID as external reference. ``created`` is the time of
  the export (or ``SOURCE_DATE_EPOCH`` for reproducible output): the file's, not the
  patient's.

What is written is parsed back with the ``phenopackets`` protobuf bindings, refusing
unknown fields, before anyone sees it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from casekit import __version__, durations, model
from casekit.codes import Coded, coded, look_up
from casekit.codes.shipped import releases

#: Code lists whose OntologyClass label is the list's own title rather than the author's.
_OFFICIAL_TITLES = ("HPO", "ICD-10", "ICD-10-CM", "ORPHA", "OMIM")
_SEX = {"female": "FEMALE", "male": "MALE", "intersex": "OTHER_SEX", "not-stated": "UNKNOWN_SEX"}


class NotEnoughCoded(ValueError):
    """The case lacks what a useful phenopacket needs; the message says what to add."""


class InvalidPhenopacket(RuntimeError):
    """What casekit built does not parse as a Phenopacket: a bug in casekit."""


@dataclass
class Export:
    """The phenopackets of one case (one per patient) and notes on what was left out."""

    packets: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)


@cache
def _resources() -> dict[str, dict[str, str]]:
    path = Path(__file__).resolve().parent / "data" / "resources.json"
    table: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))["resources"]
    return table


def curie(system: str, code: str) -> str:
    prefix = _resources()[system]["namespacePrefix"]
    return code if code.startswith(prefix + ":") else f"{prefix}:{code}"


def _term(c: Coded) -> dict[str, str]:
    label = c.label
    if c.system in _OFFICIAL_TITLES:
        found = look_up(c.system, c.code)
        if found.status == "found" and found.title:
            label = found.title
    return {"id": curie(c.system, c.code), "label": label}


def _age_at(age: dict[str, Any] | None, time: dict[str, Any] | None) -> dict[str, Any] | None:
    """``{"age": {"iso8601duration": ...}}``: the patient's age ``time`` after presentation."""
    if age is None:
        return None
    if time is None or durations.is_zero(time):
        return {"age": {"iso8601duration": durations.iso8601(age)}}
    if durations.is_before(time):
        days = round(durations.to_days(age) + durations.to_days(time))
        return {"age": {"iso8601duration": f"P{max(days, 0)}D"}}
    summed: dict[str, int | float] = {}
    for value, unit in (*durations.parts(age), *durations.parts(time)):
        summed[unit] = summed.get(unit, 0) + value
    return {"age": {"iso8601duration": durations.iso8601(summed)}}


def _ucum(unit: str) -> str:
    text = unit.replace("×", "").replace("µ", "u").replace("μ", "u").replace("^", "*")
    text = re.sub(r"\bIU\b", "[IU]", text).replace("mEq", "meq").replace("mm/1h", "mm/h")
    return "UCUM:" + text.replace(" ", "")


class _Builder:
    def __init__(self, case: dict[str, Any], view: model.PatientView) -> None:
        self.case = case
        self.view = view
        self.data = view.data
        self.age = (self.data.get("patient") or {}).get("age")
        self.linked = model.linking_events(self.data)
        self.placed = {p.item.get("id"): p for p in model.placed_items(self.data)}
        self.systems: set[str] = set()
        self.notes: list[str] = []
        self.subject_id = view.patient_id or "patient"

    def time_of(self, item: dict[str, Any]) -> dict[str, Any] | None:
        """When the item happened, from presentation: its own time or event, else the
        first timeline event that links it."""
        placed = self.placed.get(item.get("id"))
        if placed is not None and placed.time is not None:
            return placed.time
        events = self.linked.get(str(item.get("id")))
        if not events:
            return None
        first: dict[str, Any] = min(events, key=lambda e: durations.to_days(e["time"]))["time"]
        return first

    def when(self, item: dict[str, Any]) -> dict[str, Any] | None:
        return _age_at(self.age, self.time_of(item))

    def term(self, c: Coded) -> dict[str, str]:
        self.systems.add(c.system)
        return _term(c)

    def build(self) -> dict[str, Any]:
        codes = list(coded(self.data))
        packet: dict[str, Any] = {"id": self.packet_id(), "subject": self.subject()}
        sections = {
            "phenotypicFeatures": self.features(codes),
            "measurements": self.measurements(codes),
            "biosamples": self.biosamples(codes),
            "diseases": self.diseases(codes),
            "medicalActions": self.actions(codes),
        }
        packet.update({key: value for key, value in sections.items() if value})
        packet["metaData"] = self.meta_data()
        return packet

    def packet_id(self) -> str:
        case_id = str(self.case.get("id", "case"))
        return f"{case_id}-{self.view.patient_id}" if self.view.patient_id else case_id

    def subject(self) -> dict[str, Any]:
        patient = self.data.get("patient") or {}
        subject: dict[str, Any] = {
            "id": self.subject_id,
            "sex": _SEX.get(str(patient.get("sex")), "UNKNOWN_SEX"),
        }
        times = [e["time"] for e in self.data.get("timeline") or [] if isinstance(e, dict)]
        last = max(times, key=durations.to_days) if times else None
        at_last = _age_at(self.age, last)
        if at_last:
            subject["timeAtLastEncounter"] = at_last
        return subject

    def features(self, codes: list[Coded]) -> list[dict[str, Any]]:
        """One feature per HPO term (present and excluded apart): a term coded on several
        items (an ankle swollen at presentation and a week later) is one feature, with the
        earliest onset and every item's words."""
        out: dict[tuple[str, bool], dict[str, Any]] = {}
        onsets: dict[tuple[str, bool], float] = {}
        for c in codes:
            if c.system != "HPO" or c.kind not in ("finding", "imaging", "test"):
                continue
            key = (c.code, c.excluded)
            feature = out.setdefault(key, {"type": self.term(c)})
            if c.words:
                said = feature.get("description")
                if said is None:
                    feature["description"] = c.words
                elif c.words not in said.split("; "):
                    feature["description"] = f"{said}; {c.words}"
            if c.excluded:
                feature["excluded"] = True
                continue
            time = self.time_of(c.item)
            onset = _age_at(self.age, time)
            days = durations.to_days(time) if time is not None else None
            if onset and days is not None and days < onsets.get(key, float("inf")):
                onsets[key] = days
                feature["onset"] = onset
        return list(out.values())

    def measurements(self, codes: list[Coded]) -> list[dict[str, Any]]:
        out = []
        labs = self.data.get("investigations", {}).get("laboratory") or []
        coded_ids = {id(c.item) for c in codes if c.system == "LOINC"}
        left_out = [lab for lab in labs if id(lab) not in coded_ids]
        if left_out:
            names = ", ".join(sorted({str(lab.get("test")) for lab in left_out}))
            self.notes.append(
                f"{self.view.label}: {len(left_out)} laboratory result(s) without a LOINC code"
                f" left out ({names})."
            )
        seen: set[int] = set()
        for c in codes:
            if c.system != "LOINC" or id(c.item) in seen:
                continue
            seen.add(id(c.item))
            lab = c.item
            self.systems.add("UCUM")
            unit = {"id": _ucum(str(lab["unit"])), "label": str(lab["unit"])}
            quantity: dict[str, Any] = {"unit": unit, "value": lab["value"]}
            limits = lab.get("reference_range") or {}
            if "low" in limits and "high" in limits:
                quantity["referenceRange"] = {
                    "unit": unit,
                    "low": limits["low"],
                    "high": limits["high"],
                }
            measurement: dict[str, Any] = {"assay": self.term(c), "value": {"quantity": quantity}}
            if lab.get("comparator"):
                measurement["description"] = (
                    f"{lab['test']} {lab['comparator']} {durations.number(lab['value'])}"
                    f" {lab['unit']}: the report gives only this bound."
                )
            observed = self.when(lab)
            if observed:
                measurement["timeObserved"] = observed
            out.append(measurement)
        return out

    def _confirmed(self, codes: list[Coded]) -> dict[str, Coded]:
        """For each tissue sample id, the first code of a diagnosis it confirmed."""
        found: dict[str, Coded] = {}
        for c in codes:
            if c.kind == "diagnosis":
                for sample in c.item.get("confirmed_by") or []:
                    found.setdefault(sample, c)
        return found

    def biosamples(self, codes: list[Coded]) -> list[dict[str, Any]]:
        confirmed = self._confirmed(codes)
        out = []
        for sample in self.data.get("tissue_samples") or []:
            if sample.get("status") != "performed":
                continue
            biosample: dict[str, Any] = {
                "id": str(sample["id"]),
                "individualId": self.subject_id,
                "description": f"{sample['kind']} ({sample.get('site', 'site not stated')}):"
                f" {sample.get('result', '')}".strip(),
            }
            diagnosis = confirmed.get(str(sample["id"]))
            if diagnosis is not None:
                biosample["histologicalDiagnosis"] = self.term(diagnosis)
            collected = self.when(sample)
            if collected:
                biosample["timeOfCollection"] = collected
            out.append(biosample)
        return out

    def diseases(self, codes: list[Coded]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        done: set[int] = set()
        for c in codes:
            if id(c.item) in done:
                continue
            if c.kind == "diagnosis" and not (
                c.item.get("role") == "revised" or c.item.get("revised_to")
            ):
                done.add(id(c.item))
                out.append({"term": self.term(c)})
            elif c.kind == "alternative" and c.item.get("status") == "excluded":
                done.add(id(c.item))
                out.append({"term": self.term(c), "excluded": True})
        return out

    def actions(self, codes: list[Coded]) -> list[dict[str, Any]]:
        out = []
        done: set[int] = set()
        for c in codes:
            if c.kind != "intervention" or id(c.item) in done:
                continue
            done.add(id(c.item))
            procedure: dict[str, Any] = {"code": self.term(c)}
            performed = self.when(c.item)
            if performed:
                procedure["performed"] = performed
            out.append({"procedure": procedure})
        uncoded = [
            rx
            for rx in self.data.get("interventions") or []
            if isinstance(rx, dict) and not rx.get("codes")
        ]
        if uncoded:
            self.notes.append(
                f"{self.view.label}: {len(uncoded)} intervention(s) without a SNOMED CT code"
                " left out of the medical actions."
            )
        return out

    def meta_data(self) -> dict[str, Any]:
        recorded = (self.case.get("coding") or {}).get("releases") or {}
        shipped = releases()
        resources = []
        for system in sorted(self.systems):
            resource = dict(_resources()[system])
            resource["version"] = _version(system, shipped, recorded)
            if not resource["version"] and system != "UCUM":  # units: no release to record
                self.notes.append(
                    f"{self.view.label}: the release of {system} is not recorded; add it to"
                    f' "coding": {{"releases": {{"{system}": ...}}}} so the phenopacket names it.'
                )
            resources.append(resource)
        meta: dict[str, Any] = {
            "created": _created(),
            "createdBy": f"casekit {__version__}",
            "resources": resources,
            "phenopacketSchemaVersion": "2.0",
        }
        references = _external_references(self.case)
        if references:
            meta["externalReferences"] = references
        return meta


def _version(system: str, shipped: dict[str, str], recorded: dict[str, str]) -> str:
    """The release the codes were checked against where casekit ships the list (the one
    that gave their labels), else the release the case records, else ''."""
    if system == "HPO" and "HPO" in shipped:
        return shipped["HPO"]
    if system == "ICD-10" and "ICD-10" in shipped:
        return shipped["ICD-10"].removeprefix("WHO ").strip()
    if system == "ICD-10-CM" and "ICD-10-CM" in shipped:
        return shipped["ICD-10-CM"]
    return str(recorded.get(system) or "")


def _created() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.fromtimestamp(int(epoch), UTC)
        if epoch and epoch.isdigit()
        else datetime.now(UTC).replace(microsecond=0)
    )
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _external_references(case: dict[str, Any]) -> list[dict[str, str]]:
    reference = model.source_reference(case)
    if reference is None:
        return []
    description = str(reference.get("title", ""))
    out = []
    if reference.get("DOI"):
        doi = str(reference["DOI"])
        out.append(
            {"id": f"DOI:{doi}", "reference": f"https://doi.org/{doi}", "description": description}
        )
    if reference.get("PMID"):
        pmid = str(reference["PMID"])
        out.append(
            {
                "id": f"PMID:{pmid}",
                "reference": f"https://pubmed.ncbi.nlm.nih.gov/{pmid}",
                "description": description,
            }
        )
    return out


def _missing(packet: dict[str, Any], label: str) -> list[str]:
    missing = []
    if not any(not f.get("excluded") for f in packet.get("phenotypicFeatures", [])):
        missing.append(
            f'{label}: no finding has an HPO code. Add "codes": [{{"system": "HPO",'
            ' "code": "HP:…", "label": "…"}] to the findings (\'casekit codes suggest'
            ' "words"\' proposes terms).'
        )
    if not any(not d.get("excluded") for d in packet.get("diseases", [])):
        missing.append(
            f'{label}: no diagnosis (other than revised ones) has a code. Add "codes" to'
            " the final diagnosis (ICD-10, ORPHA, OMIM…)."
        )
    return missing


def export_case(case: dict[str, Any]) -> Export:
    """Every patient's phenopacket, checked with the Phenopacket bindings.

    Raises :class:`NotEnoughCoded` naming what to add when a patient has no HPO-coded
    finding or no coded diagnosis.
    """
    packets: list[dict[str, Any]] = []
    notes: list[str] = []
    missing: list[str] = []
    for view in model.patient_views(case):
        builder = _Builder(case, view)
        packet = builder.build()
        missing += _missing(packet, view.label)
        packets.append(packet)
        notes += builder.notes
    if missing:
        raise NotEnoughCoded("\n".join(missing))
    for packet in packets:
        check(packet)
    return Export(packets, notes)


def check(packet: dict[str, Any]) -> None:
    """Parse ``packet`` with the Phenopacket v2 protobuf bindings, refusing unknown fields."""
    from google.protobuf import json_format
    from phenopackets.schema.v2 import phenopackets_pb2

    try:
        json_format.Parse(
            json.dumps(packet), phenopackets_pb2.Phenopacket(), ignore_unknown_fields=False
        )
    except json_format.ParseError as exc:
        raise InvalidPhenopacket(str(exc)) from exc
