"""CK790: whether the abstract casekit builds from the case fits the venues' length rules.

The same measurement as ``casekit render --format abstract --profile NAME`` (see
:mod:`casekit.render.abstract`), run against every shipped venue profile that takes case
reports and sets a limit. It is a note, not an error: a case is written once and its
abstract is cut for the venue chosen.
"""

from __future__ import annotations

from collections.abc import Iterator

from casekit.findings import Severity
from casekit.lint.engine import CaseView, Hit, rule
from casekit.render.abstract import build_abstract
from casekit.render.profiles import list_profiles

#: Where each kind of abstract content comes from in the case file.
_SOURCE_PATH = {
    "introduction": ("introduction",),
    "case": ("timeline",),
    "outcome": ("outcome",),
    "discussion": ("discussion",),
    "learning_points": ("learning_points",),
    "consent": ("consent",),
}


@rule(
    "CK790",
    "abstract-too-long",
    "writing",
    Severity.INFO,
    summary="The abstract built from the case is longer than a venue's published limit.",
    rationale="Venues cut or reject abstracts over their word or character limit, and each"
    " counts differently (words or characters, with or without spaces, title and authors"
    " included or not). casekit measures the abstract the way each venue profile says.",
    bad="a 277-word summary for BMJ Case Reports (limit 150 words)",
    good="a summary of at most 150 words: shorten the timeline descriptions and learning points",
)
def abstract_too_long(case: CaseView) -> Iterator[Hit]:
    for profile in list_profiles():
        if profile.accepts_case_reports != "yes":
            continue
        if profile.max is None and not any(s.max for s in profile.sections):
            continue
        _, report = build_abstract(case.data, profile)
        if report.fits:
            continue
        longest = report.longest_sections(1)
        section_name = longest[0].name.removeprefix("Section: ") if longest else ""
        rule_section = next((s for s in profile.sections if s.heading == section_name), None)
        path = _SOURCE_PATH.get(rule_section.content[0], ()) if rule_section else ()
        yield Hit(
            path,
            " ".join(p[:1].upper() + p[1:] for p in report.problems()),
            f"Run 'casekit render CASE --profile {profile.name}' to see the counts per section.",
        )
