"""CK790: whether the abstract built from the case fits the venue it is presented at.

The same measurement as ``casekit render --format abstract --profile NAME`` (see
:mod:`casekit.render.abstract`), of the fitted abstract: it fires only when what must
stay (age and sex, complaint, key results, tissue status, final diagnosis, outcome, one
learning point) is over the limit on its own. It runs only for venues the case itself names in
``presentations`` and that a shipped profile knows by one of its ``aliases``, so a case
is never judged against a venue its authors did not choose.
"""

from __future__ import annotations

from collections.abc import Iterator

from casekit.findings import Severity
from casekit.lint.engine import CaseView, Hit, rule

#: Where each kind of abstract content comes from in the case file.
_SOURCE_PATH = {
    "introduction": ("introduction",),
    "case": ("timeline",),
    "outcome": ("outcome",),
    "discussion": ("discussion",),
    "learning_points": ("learning_points",),
    "consent": ("consent",),
    "differential": ("differential",),
    "abstract": ("abstract",),
}


@rule(
    "CK790",
    "abstract-too-long",
    "writing",
    Severity.WARNING,
    summary="The abstract built from the case is longer than the venue it is presented at"
    " allows, even after casekit has left out everything that may go.",
    rationale="Venues cut or reject abstracts over their word or character limit, and each"
    " counts differently (words or characters, with or without spaces, title and authors"
    " included or not). casekit measures the abstract the way the venue's profile says,"
    " and leaves out its lowest-priority sentences to fit; what must stay cannot go.",
    bad='"presentations": [{"kind": "poster", "venue": "ESER 2026", ...}] with a 334-word'
    " abstract (ESER allows 250 words)",
    good="the same case with the must-stay content the message names shortened to fit",
    scope="case",
)
def abstract_too_long(case: CaseView) -> Iterator[Hit]:
    presentations = case.data.get("presentations") or []
    if not presentations:
        return
    # The profiles as data first: a case whose venues no profile names, like most, needs
    # neither the profiles as objects nor the composer (about 28 ms to import together).
    from casekit.render.profile_files import names_venue, shipped_profile_data

    venues = [str(presentation.get("venue", "")) for presentation in presentations]
    if not any(
        names_venue(data.get("aliases", ()), venue)
        for _, data in shipped_profile_data()
        for venue in venues
    ):
        return
    from casekit.render.abstract import build_abstract
    from casekit.render.profiles import list_profiles

    for index, venue in enumerate(venues):
        for profile in list_profiles():
            if not profile.named_in(venue):
                continue
            _, report = build_abstract(case.data, profile)
            if report.fits:
                continue
            if report.shorten_part is not None:
                path = _SOURCE_PATH.get(report.shorten_part, ())
            else:  # a section over its own limit
                longest = report.longest_sections(1)
                heading = longest[0].name.removeprefix("Section: ") if longest else ""
                section = next((s for s in profile.sections if s.heading == heading), None)
                path = _SOURCE_PATH.get(section.content[0], ()) if section else ()
            yield Hit(
                path or ("presentations", index),
                f"The abstract for {venue} does not fit: "
                + " ".join(p[:1].upper() + p[1:] for p in report.problems()),
                f"Run 'casekit render CASE --profile {profile.name}' to see the counts"
                " and what was left out to fit.",
            )
