"""A conference or journal abstract, shaped and measured by an abstract profile."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from casekit.citations import cited_ids
from casekit.render import narrative, references
from casekit.render.counting import count_characters, count_words
from casekit.render.profiles import Profile


@dataclass(frozen=True)
class AbstractSection:
    heading: str
    text: str
    max: int | None = None


@dataclass(frozen=True)
class Abstract:
    title: str
    authors: list[tuple[str, list[int]]]
    affiliations: list[str]
    sections: list[AbstractSection]
    keywords: list[str]
    references: list[str]
    show_headings: bool

    def authors_text(self) -> str:
        return ", ".join(name for name, _ in self.authors)


@dataclass(frozen=True)
class PartCount:
    name: str
    words: int
    characters: int
    counted: bool
    max: int | None = None

    def amount(self, unit: str) -> int:
        return self.words if unit == "words" else self.characters


@dataclass
class AbstractReport:
    """How the abstract measures against its profile; ``fits`` is False when it is too long."""

    profile: Profile
    parts: list[PartCount]
    notes: list[str] = field(default_factory=list)

    @property
    def unit(self) -> str:
        return self.profile.unit

    @property
    def limit(self) -> int | None:
        return self.profile.max

    @property
    def total(self) -> int:
        return sum(p.amount(self.unit) for p in self.parts if p.counted)

    @property
    def words(self) -> int:
        return sum(p.words for p in self.parts if p.counted)

    @property
    def characters(self) -> int:
        return sum(p.characters for p in self.parts if p.counted)

    def over_sections(self) -> list[PartCount]:
        return [p for p in self.parts if p.max is not None and p.amount(self.unit) > p.max]

    @property
    def fits(self) -> bool:
        within_total = self.limit is None or self.total <= self.limit
        return within_total and not self.over_sections()

    def longest_sections(self, n: int = 2) -> list[PartCount]:
        sections = [p for p in self.parts if p.name.startswith("Section: ") and p.counted]
        return sorted(sections, key=lambda p: p.amount(self.unit), reverse=True)[:n]

    def problems(self) -> list[str]:
        unit = self.unit
        found = []
        if self.limit is not None and self.total > self.limit:
            longest_parts = self.longest_sections()
            longest = " and ".join(
                f"{p.name.removeprefix('Section: ')} ({p.amount(unit)} {unit})"
                for p in longest_parts
            )
            which = "sections are" if len(longest_parts) > 1 else "section is"
            found.append(
                f"the abstract is too long for {self.profile.name}: {self.total} {unit}, the limit"
                f" is {self.profile.limit_text()} ({self.total - self.limit} {unit} over)."
                f" The longest {which} {longest}: shorten the case text behind it."
            )
        for part in self.over_sections():
            found.append(
                f"the section '{part.name.removeprefix('Section: ')}' has"
                f" {part.amount(unit)} {unit}; {self.profile.name} allows {part.max} {unit}"
                " for it. Shorten the case text behind it."
            )
        return found

    def summary(self) -> str:
        profile = self.profile
        limit = (
            f" of {profile.limit_text()}"
            if profile.max is not None
            else f" ({profile.limit_text()})"
        )
        lines = [
            f"{profile.name}: {self.total} {self.unit}{limit}"
            f" — {'fits' if self.fits else 'does NOT fit'}."
            f" ({self.words} words; {self.characters} characters"
            f" {'with' if profile.spaces_count else 'without'} spaces, counted parts only)"
        ]
        for part in self.parts:
            mark = "" if part.counted else " (not counted)"
            own = f", limit {part.max}" if part.max is not None else ""
            lines.append(
                f"  {part.name}: {part.words} words, {part.characters} characters{own}{mark}"
            )
        lines.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile.name,
            "unit": self.unit,
            "limit": self.limit,
            "total": self.total,
            "words": self.words,
            "characters": self.characters,
            "fits": self.fits,
            "parts": [
                {
                    "name": p.name,
                    "words": p.words,
                    "characters": p.characters,
                    "counted": p.counted,
                    "max": p.max,
                }
                for p in self.parts
            ],
            "problems": self.problems(),
            "notes": list(self.notes),
        }


def _raw(case: dict[str, Any], part: str) -> str:
    """The text of one part of an abstract section, citations still as ``[@id]``."""
    if part == "introduction":
        raw = case.get("introduction", "")
    elif part == "discussion":
        raw = case.get("discussion", "")
    elif part == "case":
        raw = narrative.case_paragraph(case)
    elif part == "outcome":
        raw = narrative.outcome_paragraph(case)
    elif part == "learning_points":
        raw = narrative.learning_paragraph(case)
    elif part == "consent":
        raw = (case.get("consent") or {}).get("statement", "")
    else:  # the profile schema allows no other value
        raw = ""
    return str(raw or "")


def _cited(raw: str, numbers: dict[str, int], keep: bool) -> str:
    text = references.replace_citations(raw, numbers, keep=keep)
    return " ".join(text.split())


def _authors(case: dict[str, Any]) -> tuple[list[tuple[str, list[int]]], list[str]]:
    affiliations: list[str] = []
    authors = []
    for author in case.get("authors", []) or []:
        numbers = []
        for affiliation in author.get("affiliations", []) or []:
            if affiliation not in affiliations:
                affiliations.append(affiliation)
            numbers.append(affiliations.index(affiliation) + 1)
        authors.append((str(author.get("name", "")), numbers))
    return authors, affiliations


def build_abstract(case: dict[str, Any], profile: Profile) -> tuple[Abstract, AbstractReport]:
    keep = profile.references_allowed
    raws = [[_raw(case, part) for part in s.content] for s in profile.sections]
    # An abstract numbers its references afresh, in the order it cites them: a profile
    # may leave out the section that cites the case's first reference. Only what is cited
    # is numbered, so a number the author typed in brackets ("grade [2]") is left alone.
    formatted = dict(references.format_references(case)) if keep else {}
    cited = [k for k in cited_ids(t for texts in raws for t in texts) if k in formatted]
    numbers = {key: n for n, key in enumerate(cited, start=1)}
    sections = [
        AbstractSection(
            s.heading, " ".join(filter(None, (_cited(r, numbers, keep) for r in texts))), s.max
        )
        for s, texts in zip(profile.sections, raws, strict=True)
    ]
    refs = [formatted[key] for key in cited]
    authors, affiliations = _authors(case)
    abstract = Abstract(
        title=" ".join(str(case.get("title", "")).split()),
        authors=authors,
        affiliations=affiliations,
        sections=sections,
        keywords=[str(k) for k in case.get("keywords", []) or []],
        references=refs,
        show_headings=profile.structure == "headings",
    )
    return abstract, measure(abstract, profile, case)


def measure(abstract: Abstract, profile: Profile, case: dict[str, Any]) -> AbstractReport:
    spaces = profile.spaces_count

    def part(name: str, text: str, counted: bool, maximum: int | None = None) -> PartCount:
        return PartCount(
            name, count_words(text), count_characters(text, spaces=spaces), counted, maximum
        )

    parts = [
        part("Title", abstract.title, profile.counts("title")),
        part("Authors", abstract.authors_text(), profile.counts("authors")),
        part("Affiliations", " ".join(abstract.affiliations), profile.counts("affiliations")),
    ]
    if abstract.show_headings:
        headings = " ".join(s.heading for s in abstract.sections)
        parts.append(part("Headings", headings, profile.counts("headings")))
    for section in abstract.sections:
        parts.append(part(f"Section: {section.heading}", section.text, True, section.max))
    parts.append(part("Keywords", " ".join(abstract.keywords), profile.counts("keywords")))
    if abstract.references:
        parts.append(
            part("References", " ".join(abstract.references), profile.counts("references"))
        )
    report = AbstractReport(profile, parts)
    report.notes.extend(_notes(abstract, profile, case))
    return report


def _notes(abstract: Abstract, profile: Profile, case: dict[str, Any]) -> list[str]:
    notes = []
    for section, rule in zip(abstract.sections, profile.sections, strict=True):
        if not section.text:
            wanted = " or ".join(c.replace("_", " ") for c in rule.content)
            notes.append(
                f"the section '{section.heading}' is empty: add {wanted} to the case to fill it."
            )
    if profile.max_keywords is not None and len(abstract.keywords) > profile.max_keywords:
        notes.append(
            f"the case has {len(abstract.keywords)} keywords;"
            f" {profile.name} allows {profile.max_keywords}."
        )
    if profile.max_authors is not None and len(abstract.authors) > profile.max_authors:
        notes.append(
            f"the case has {len(abstract.authors)} authors;"
            f" {profile.name} allows {profile.max_authors}."
        )
    if not profile.references_allowed and cited_ids(references.case_texts(case)):
        notes.append(
            f"{profile.name} does not take references in the abstract; citations were left out."
        )
    if profile.accepts_case_reports in ("no", "discouraged"):
        how = "not accepted" if profile.accepts_case_reports == "no" else "rarely accepted"
        notes.append(f"{profile.venue} says case reports are {how}.")
    if profile.blinded_copy:
        notes.append(f"{profile.venue} also asks for a copy without author details.")
    notes.extend(f"unconfirmed rule: {u}" for u in profile.unconfirmed)
    return notes


def blind(abstract: Abstract, report: AbstractReport) -> Abstract:
    """The abstract without its authors and affiliations, for blind review.

    The report keeps the full abstract's counts (the limits apply to the submission) and
    gains a note for every author or institution the text itself still names.
    """
    names = [name for name, _ in abstract.authors]
    names += [name.split()[-1] for name in names if len(name.split()) > 1]
    places = list(abstract.affiliations)
    places += [
        part.strip()
        for place in abstract.affiliations
        for part in place.split(",")
        if len(part.split()) > 1
    ]
    seen: set[str] = set()
    for section in abstract.sections:
        for found in (*names, *places):
            key = found.casefold()
            if len(found) < 3 or key in seen:
                continue
            if re.search(rf"(?<!\w){re.escape(found)}(?!\w)", section.text, re.IGNORECASE):
                seen.add(key)
                report.notes.append(
                    f"the blinded copy still names '{found}' in the section"
                    f" '{section.heading}': reword it for blind review."
                )
    report.notes.append(
        "blinded copy: authors and affiliations are left out; the counts above are those of"
        " the full abstract."
    )
    return replace(abstract, authors=[], affiliations=[])
