"""``render(case, fmt, to=...)``: one structured case, many outputs."""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from casekit import model
from casekit.images import abstract as abstract_figures
from casekit.images.context import page_figures
from casekit.render import care, docx_writer, series, web
from casekit.render.abstract import Abstract, AbstractReport, blind, build_abstract
from casekit.render.environment import build_environment
from casekit.render.identifier_check import identifiers_in
from casekit.render.profiles import Profile, ProfileError, load_profile

#: Each format and the outputs it can produce; the first is the default.
FORMATS: dict[str, tuple[str, ...]] = {
    "abstract": ("txt", "md", "html", "docx"),
    "web": ("md",),
    "care-checklist": ("md", "docx"),
}
SUFFIXES = {"txt": ".txt", "md": ".md", "html": ".html", "docx": ".docx"}


class RenderError(Exception):
    """The case cannot be rendered as asked; the message says why and what to do."""


@dataclass(frozen=True)
class RenderResult:
    content: str | bytes
    suffix: str
    report: AbstractReport | None = None
    #: Patient identifiers the abstract would print (render writes nothing then).
    identifiers: tuple[str, ...] = ()


def _template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound:
        raise RenderError(f"the template '{name}' was not found in the template folders.") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(
            f"the template {exc.filename or exc.name} has a syntax error on line {exc.lineno}:"
            f" {(exc.message or '').rstrip('.')}."
            " Fix it, or remove it to use casekit's own template."
        ) from None
    except jinja2.TemplateError as exc:
        raise RenderError(
            f"the template '{name}' failed: {exc}. If you changed this template, compare it with"
            " casekit's own in templates/."
        ) from None


#: The last abstract composed, by case, profile and --full: the site writes each case's
#: abstract as text and as Word, and composing it (about 6 ms) is most of the work.
#: The identifiers check of that abstract is kept with it.
_last_composed: dict[tuple[str, str, bool], tuple[Abstract, AbstractReport, tuple[str, ...]]] = {}


def _composed(
    case: dict[str, Any], profile: Profile, full: bool
) -> tuple[Abstract, AbstractReport, tuple[str, ...]]:
    """The abstract, its report and the patient identifiers it would print."""
    key = (json.dumps(case, sort_keys=True, default=str), repr(profile), full)
    found = _last_composed.get(key)
    if found is None:
        abstract, report = build_abstract(case, profile, full=full)
        sections = ((s.heading, list(s.paragraphs)) for s in abstract.sections)
        found = (abstract, report, tuple(identifiers_in(sections)))
        _last_composed.clear()
        _last_composed[key] = found
    return _fresh(found[0]), _fresh_report(found[1]), found[2]


def _fresh(abstract: Abstract) -> Abstract:
    """A copy whose lists a caller may change without changing the one kept (sections and
    their paragraphs are immutable, so they are shared; a deep copy cost 2 ms a call)."""
    return dataclasses.replace(
        abstract,
        authors=[(name, list(marks)) for name, marks in abstract.authors],
        affiliations=list(abstract.affiliations),
        sections=list(abstract.sections),
        keywords=list(abstract.keywords),
        references=list(abstract.references),
    )


def _fresh_report(report: AbstractReport) -> AbstractReport:
    """A copy whose lists a caller may add to (figures add parts and notes)."""
    return dataclasses.replace(
        report,
        parts=list(report.parts),
        notes=list(report.notes),
        left_out=list(report.left_out),
        to_shorten=list(report.to_shorten),
    )


def render(
    case: dict[str, Any],
    fmt: str,
    *,
    to: str = "md",
    profile: str | None = None,
    template_dirs: Sequence[Path] = (),
    blinded: bool = False,
    case_dir: Path | None = None,
    full: bool = False,
    paper: str = "a4",
) -> RenderResult:
    """Render ``case`` as ``fmt`` written as ``to``.

    ``blinded``: an abstract without authors and affiliations, for venues that review
    abstracts blind (see :func:`casekit.render.abstract.blind`). ``full``: the abstract
    with nothing left out to fit the profile's limit.
    ``case_dir``: the case file's folder, where its figures' images are (for an abstract
    in Word, which embeds them).
    ``paper``: the page size of Word documents, 'a4' or 'letter'
    (:mod:`casekit.render.settings`).
    """
    if fmt not in FORMATS:
        raise RenderError(f"unknown format '{fmt}'. Choose one of: {', '.join(FORMATS)}.")
    if to not in FORMATS[fmt]:
        raise RenderError(
            f"the {fmt} format can be written as {', '.join(FORMATS[fmt])}, not as '{to}'."
        )
    if profile is not None and fmt != "abstract":
        raise RenderError("a profile applies only to --format abstract; leave out --profile.")
    if blinded and fmt != "abstract":
        raise RenderError("a blinded copy is made only of an abstract; leave out --blinded.")
    env = build_environment(template_dirs)
    if fmt == "abstract":
        try:
            chosen = load_profile(profile)
        except ProfileError as exc:
            raise RenderError(str(exc)) from None
        abstract, report, found = _composed(case, chosen, full)
        if blinded:
            abstract = blind(abstract, report)
        elif chosen.blinded_copy:
            report.notes.append(
                f"{chosen.name} also asks for a copy without authors and affiliations:"
                " render it again with --blinded."
            )
        shown = abstract_figures.choose(case, chosen, report, case_dir if to == "docx" else None)
        if to == "docx":
            docx = docx_writer.abstract_docx(abstract, paper, figures=shown)
            return RenderResult(docx, ".docx", report, found)
        context = {"abstract": abstract, "profile": chosen, "report": report}
        written = _template(env, f"abstract.{to}.j2", context)
        if shown and to != "html":
            written = written.rstrip("\n") + "\n" + abstract_figures.text_block(shown)
        elif shown:
            written += "".join(
                f'<p class="figure-caption">Figure {f.number}. {html.escape(f.caption)}</p>\n'
                for f in shown
            )
        return RenderResult(written, SUFFIXES[to], report, found)
    if fmt == "web":
        if model.is_series(case):  # until the page speaks of a series as a series
            context = series.series_web_context(case, web.web_context)
            # a series lists its figures once; they may show any patient's items
            drawn = (context.get(key) for key in ("courses", "trends"))
            first = sum(len(d) for d in drawn if isinstance(d, list)) + 1
            context["figures"] = page_figures(case, first)
        else:
            context = web.web_context(case)
        return RenderResult(_template(env, "web.md.j2", context), ".md")
    items = care.fill(case)
    title = " ".join(str(case.get("title", "")).split())
    if to == "docx":
        authors = ", ".join(credit.name for credit in model.credited_authors(case))
        return RenderResult(docx_writer.care_docx(title, items, authors, paper), ".docx")
    context = {
        "title": title,
        "items": items,
        "sources": care.SOURCES,
        "reported": sum(1 for i in items if i.reported),
    }
    return RenderResult(_template(env, "care-checklist.md.j2", context), ".md")
