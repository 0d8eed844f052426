"""``render(case, fmt, to=...)``: one structured case, many outputs."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from casekit import model
from casekit.images import abstract as abstract_figures
from casekit.images.context import page_figures
from casekit.render import care, docx_writer, series, web
from casekit.render.abstract import AbstractReport, blind, build_abstract
from casekit.render.environment import build_environment
from casekit.render.profiles import ProfileError, load_profile

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


def render(
    case: dict[str, Any],
    fmt: str,
    *,
    to: str = "md",
    profile: str | None = None,
    template_dirs: Sequence[Path] = (),
    blinded: bool = False,
    case_dir: Path | None = None,
) -> RenderResult:
    """Render ``case`` as ``fmt`` written as ``to``.

    ``blinded``: an abstract without authors and affiliations, for venues that review
    abstracts blind (see :func:`casekit.render.abstract.blind`).
    ``case_dir``: the case file's folder, where its figures' images are (for an abstract
    in Word, which embeds them).
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
        abstract, report = build_abstract(case, chosen)
        if model.is_series(case):
            report.notes.append(
                "this case is a series of"
                f" {model.patient_count(case)} patients; this version of casekit does not yet"
                " write the patients into the abstract, so write the case section yourself."
            )
        if blinded:
            abstract = blind(abstract, report)
        elif chosen.blinded_copy:
            report.notes.append(
                f"{chosen.name} also asks for a copy without authors and affiliations:"
                " render it again with --blinded."
            )
        shown = abstract_figures.choose(case, chosen, report, case_dir if to == "docx" else None)
        if to == "docx":
            docx = docx_writer.abstract_docx(abstract, figures=shown)
            return RenderResult(docx, ".docx", report)
        context = {"abstract": abstract, "profile": chosen, "report": report}
        written = _template(env, f"abstract.{to}.j2", context)
        if shown and to != "html":
            written = written.rstrip("\n") + "\n" + abstract_figures.text_block(shown)
        elif shown:
            written += "".join(
                f'<p class="figure-caption">Figure {f.number}. {html.escape(f.caption)}</p>\n'
                for f in shown
            )
        return RenderResult(written, SUFFIXES[to], report)
    if fmt == "web":
        if model.is_series(case):  # until the page speaks of a series as a series
            context = series.series_web_context(case, web.web_context)
            # a series lists its figures once; they may show any patient's items
            first = 3 if context.get("trend_svg") else 2 if context.get("timeline_svg") else 1
            context["figures"] = page_figures(case, first)
        else:
            context = web.web_context(case)
        return RenderResult(_template(env, "web.md.j2", context), ".md")
    items = care.fill(case)
    title = " ".join(str(case.get("title", "")).split())
    if to == "docx":
        return RenderResult(docx_writer.care_docx(title, items), ".docx")
    context = {
        "title": title,
        "items": items,
        "sources": care.SOURCES,
        "reported": sum(1 for i in items if i.reported),
    }
    return RenderResult(_template(env, "care-checklist.md.j2", context), ".md")
