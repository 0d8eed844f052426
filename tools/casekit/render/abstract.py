"""A conference or journal abstract, shaped and measured by an abstract profile."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from casekit import compose, model
from casekit.citations import cited_ids
from casekit.compose.sentences import Sentence
from casekit.render import references
from casekit.render.counting import count_characters, count_words
from casekit.render.profiles import Profile, Section


@dataclass(frozen=True)
class AbstractSection:
    """One section as the profile names it; ``paragraphs`` are what the templates lay out
    (a venue without headings gets its parts as paragraphs, not one block)."""

    heading: str
    paragraphs: tuple[str, ...]
    max: int | None = None

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)


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
    #: What fitting left out, each as what it holds ('the normal results at presentation').
    left_out: list[str] = field(default_factory=list)
    #: When even what must stay is over the limit: the longest must-stay content.
    to_shorten: list[str] = field(default_factory=list)
    #: The part (profile content name) of the longest must-stay sentence, when over.
    shorten_part: str | None = None
    #: Whether the abstract was written in full (``--full``), not fitted.
    full: bool = False

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
            if self.to_shorten:
                found.append(
                    f"the abstract is too long for {self.profile.name} even with everything"
                    f" that may be left out left out: {self.total} {unit}, the limit is"
                    f" {self.profile.limit_text()} ({self.total - self.limit} {unit} over)."
                    " What must stay (age and sex, complaint, key results, tissue status,"
                    " final diagnosis, outcome, one learning point) is too long. Shorten: "
                    + "; ".join(self.to_shorten)
                    + "."
                )
            else:
                found.append(
                    f"the abstract is too long for {self.profile.name}: {self.total} {unit},"
                    f" the limit is {self.profile.limit_text()}"
                    f" ({self.total - self.limit} {unit} over). The longest {which}"
                    f" {longest}: shorten the case text behind it, or render without --full."
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
            "left_out": list(self.left_out),
        }


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


def _layout(profile: Profile, plan: compose.Plan) -> list[list[list[str]]]:
    """For each profile section, its paragraphs, each a list of part kinds.

    The differential joins the discussion where the profile has one, else the case
    presentation; the outcome joins the case presentation's paragraph.
    """
    has_discussion = any("discussion" in s.content for s in profile.sections)
    layout = []
    for section in profile.sections:
        paragraphs: list[list[str]] = []
        for kind in section.content:
            if kind == "case":
                paragraphs.append(["case"] if has_discussion else ["case", "differential"])
            elif kind == "outcome" and paragraphs and "case" in paragraphs[-1]:
                paragraphs[-1].append("outcome")
            elif kind == "discussion":
                paragraphs.append(["differential", "discussion"])
            else:
                paragraphs.append([kind])
        layout.append(paragraphs)
    return layout


def _sections(
    case: dict[str, Any],
    profile: Profile,
    plan: compose.Plan,
    parts: dict[str, list[Sentence]],
) -> tuple[list[AbstractSection], list[str]]:
    layout = _layout(profile, plan)
    ordered = [(k, parts.get(k, [])) for section in layout for para in section for k in para]
    patients = len(model.patient_views(case)) if model.is_series(case) else 0
    texts = compose.realise(ordered, plan.abbreviations, patients)
    keep = profile.references_allowed
    raws = [[" ".join(texts.get(k, [])) for para in section for k in para] for section in layout]
    # An abstract numbers its references afresh, in the order it cites them: a profile
    # may leave out the section that cites the case's first reference. Only what is cited
    # is numbered, so a number the author typed in brackets ("grade [2]") is left alone.
    formatted = dict(references.format_references(case)) if keep else {}
    cited = [k for k in cited_ids(t for ts in raws for t in ts) if k in formatted]
    numbers = {key: n for n, key in enumerate(cited, start=1)}
    sections = []
    for rule, section in zip(profile.sections, layout, strict=True):
        paragraphs = []
        for para in section:
            text = _cited(" ".join(t for k in para for t in texts.get(k, [])), numbers, keep)
            if text:
                paragraphs.append(text)
        sections.append(AbstractSection(rule.heading, tuple(paragraphs), rule.max))
    return sections, [formatted[key] for key in cited]


def _abstract(
    case: dict[str, Any], profile: Profile, plan: compose.Plan, parts: dict[str, list[Sentence]]
) -> Abstract:
    sections, refs = _sections(case, profile, plan, parts)
    authors, affiliations = _authors(case)
    return Abstract(
        title=" ".join(str(case.get("title", "")).split()),
        authors=authors,
        affiliations=affiliations,
        sections=sections,
        keywords=[str(k) for k in case.get("keywords", []) or []],
        references=refs,
        show_headings=profile.structure == "headings",
    )


def build_abstract(
    case: dict[str, Any], profile: Profile, *, full: bool = False
) -> tuple[Abstract, AbstractReport]:
    """The abstract composed from the case and fitted to the profile's limits.

    Lowest-priority sentences are left out until it fits (``report.left_out`` says
    which); ``full`` writes everything. Sections left empty are not written.
    """
    plan = compose.plan(case, profile.name)
    kinds_of = [{k for para in section for k in para} for section in _layout(profile, plan)]

    def how_far_over(parts: dict[str, list[Sentence]]) -> tuple[int, set[str]]:
        report = measure(_abstract(case, profile, plan, parts), profile, case)
        over = report.total - report.limit if report.limit is not None else 0
        over_kinds: set[str] = set()
        for index, section in enumerate(profile.sections):
            part = next(p for p in report.parts if p.name == f"Section: {section.heading}")
            if section.max is not None and part.amount(profile.unit) > section.max:
                over_kinds |= kinds_of[index]
        return over, over_kinds

    # A structured abstract's sections each keep a sentence while anything else may go.
    headed = kinds_of if profile.structure == "headings" else []
    result = (
        compose.FitResult(plan.parts) if full else compose.fit(plan.parts, how_far_over, headed)
    )
    abstract = _abstract(case, profile, plan, result.parts)
    used = {k for kinds in kinds_of for k in kinds}
    left_out = [s.holds for s in result.left_out if any(s in plan.parts[k] for k in used)]
    empty = [i for i, s in enumerate(abstract.sections) if not s.paragraphs]
    abstract = replace(abstract, sections=[s for s in abstract.sections if s.paragraphs])
    report = measure(abstract, profile, case)
    report.full = full
    report.left_out = _unique(left_out)
    for index in empty:
        rule = profile.sections[index]
        if any(s in plan.parts.get(k, []) for s in result.left_out for k in kinds_of[index]):
            report.notes.append(_section_left_out(profile, rule))
            continue
        wanted = " or ".join(c.replace("_", " ") for c in rule.content)
        report.notes.append(
            f"the section '{rule.heading}' was left out: the case has no {wanted} for it."
            f" Add it to the case to fill the section."
        )
    if not result.fits:
        must = sorted(
            (s for k in used for s in result.parts.get(k, []) if s.must_stay),
            key=lambda s: len(s.text),
            reverse=True,
        )
        report.to_shorten = _unique([f"{s.holds} ({len(s.text.split())} words)" for s in must[:3]])
    return abstract, report


def _section_left_out(profile: Profile, rule: Section) -> str:
    """The note for a section fitting emptied: a headed abstract without it may be
    returned, so it says why and what the author can do."""
    if rule.max is not None:
        room = f"the {rule.max} {profile.unit} {profile.name} allows for it"
    else:
        room = f"{profile.limit_text()} beside what must stay"
    note = (
        f"the section '{rule.heading}' was left out whole to fit the limit:"
        f" not even its most important sentence fits in {room}."
    )
    if profile.structure != "headings":
        return note
    own = [name for name, kind in compose.AUTHOR_PARTS.items() if kind in rule.content]
    where = f" (abstract.{own[0]} in the case)" if own else ""
    return (
        f"{note} {profile.venue} expects this section: shorten the case text to make room,"
        f" or write a shorter {rule.heading.lower()} for the abstract yourself{where}."
    )


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


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
    present = {s.heading: s for s in abstract.sections}
    for rule in profile.sections:
        section = present.get(rule.heading)
        text = section.text if section else ""
        parts.append(part(f"Section: {rule.heading}", text, True, rule.max))
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
