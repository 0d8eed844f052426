"""The web page of a case series: the page of one case, speaking of several patients.

The page template and its context (:mod:`casekit.render.web`) describe one patient. A
series builds the context of each patient (:func:`casekit.model.patient_views`) and puts
their lists one after another, each entry marked with the patient's label, under a summary
derived from the series (:func:`casekit.model.series_summary`: "Three children aged 6 to 11
years") and a table of the patients at a glance. Figures and laboratory tables are one per
patient (each patient's times run from their own presentation, so one axis would mix
them). Nothing is invented and nothing is dropped: every patient's events, results,
diagnoses, treatment, outcome and consent are on the page.
"""

from __future__ import annotations

from typing import Any

from casekit import durations, model
from casekit.render import course, figures, labtable, references, text

#: For each list in the web context, the field that is marked with the patient's label.
_LABELLED = {
    "events": "when",
    "imaging": "site",
    "other_tests": "name",
    "diagnoses": "name",
    "differential": "diagnosis",
    "codes": "where",
}
_OUTCOME = ("summary", "follow_up", "adherence", "adverse_events")
_HISTORY = ("history", "family_history", "psychosocial_history")


def _sexes(summary: model.SeriesSummary) -> str:
    return ", ".join(
        f"{count} {text.sex_word(sex).lower()}" for sex, count in summary.sex_counts.items()
    )


def series_web_context(case: dict[str, Any], one: Any) -> dict[str, Any]:
    """The web context of the series ``case``; ``one`` makes the context of one patient
    (:func:`casekit.render.web.web_context`)."""
    views = model.patient_views(case)
    contexts = [(view.label, one(view.data)) for view in views]
    shared = {k: v for k, v in case.items() if k != "patients"}
    context: dict[str, Any] = dict(one(shared))
    # What the template reads from the case itself: findings and the patients' histories.
    context["case"] = {
        **shared,
        "findings": [
            {**finding, "description": f"{view.label}: {finding.get('description', '')}"}
            for view in views
            for finding in view.data.get("findings") or []
        ],
        "patient": {
            key: " ".join(
                f"{view.label}: {(view.data.get('patient') or {})[key]}"
                for view in views
                if (view.data.get("patient") or {}).get(key)
            )
            for key in _HISTORY
        },
    }
    summary = model.series_summary(case)
    context["summary"] = {
        **context.get("summary", {}),
        "age": f"{summary.count} patients, aged {summary.age_range or 'not stated'}",
        "sex": _sexes(summary) or "Not stated",
        "complaint": " ".join(
            f"{label}: {ctx['summary'].get('complaint', '')}" for label, ctx in contexts
        ),
        "final": [
            {**dx, "name": f"{label}: {dx['name']}"}
            for label, ctx in contexts
            for dx in ctx["summary"].get("final", [])
        ],
        "biopsy": [
            f"{label}: {line}" for label, ctx in contexts for line in ctx["summary"]["biopsy"]
        ],
        "consent": "; ".join(f"{label}: {ctx['summary']['consent']}" for label, ctx in contexts),
    }
    for key, field in _LABELLED.items():
        context[key] = [
            {**item, field: f"{label}: {item.get(field, '')}"}
            for label, ctx in contexts
            for item in ctx.get(key) or []
        ]
    context["interventions"] = [
        f"{label}: {item}" for label, ctx in contexts for item in ctx.get("interventions") or []
    ]
    context["outcome"] = {
        key: " ".join(
            f"{label}: {ctx['outcome'][key]}"
            for label, ctx in contexts
            if (ctx.get("outcome") or {}).get(key)
        )
        for key in _OUTCOME
        if any((ctx.get("outcome") or {}).get(key) for _, ctx in contexts)
    }
    numbers = references.numbering(case)
    context["patient_perspective"] = " ".join(
        f"{view.label}: {references.replace_citations(words, numbers, keep=True)}"
        for view in views
        if isinstance(words := view.data.get("patient_perspective"), str)
    )
    context["references"] = [entry for _, entry in references.format_references(case)]
    context["courses"] = []
    context["lab_tables"] = []
    context["trends"] = []
    for n, view in enumerate(views, start=1):
        course_figure = course.course_svg(view.data, fig_id=f"case-course-{n}")
        if course_figure:
            context["courses"].append({"label": view.label, "item": course_figure})
        table = labtable.lab_table(view.data)
        if table:
            context["lab_tables"].append({"label": view.label, "item": table})
        trend = figures.trend_svg(view.data, fig_id=f"lab-trends-{n}")
        if trend:
            context["trends"].append({"label": view.label, "item": trend})
    context["patient_rows"] = [
        {
            "label": label,
            "age": ctx["summary"]["age"],
            "sex": ctx["summary"]["sex"],
            "complaint": ctx["summary"]["complaint"],
            "final": "; ".join(dx["name"] for dx in ctx["summary"]["final"]) or "Not recorded",
            "outcome": str((ctx.get("outcome") or {}).get("summary", "")),
        }
        for label, ctx in contexts
    ]
    context["summary"]["age"] = series_phrase(summary)
    return context


_NUMBER_WORDS = (
    "No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "Eleven", "Twelve",
)  # fmt: skip


def series_phrase(summary: model.SeriesSummary) -> str:
    """'Three children aged 6 to 11 years', '14 adults aged 20 to 64 years', 'Two patients'.

    'Children' when every stated age is under 18 years, 'adults' when every one is 18 or
    over (the same boundary as the library's age groups), 'patients' otherwise.
    """
    count = summary.count
    number = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)
    known = [age for age in summary.ages if age is not None]
    adult = durations.DAYS_PER_YEAR * 18
    noun = "patients"
    if known and len(known) == count:
        if all(durations.to_days(a) < adult for a in known):
            noun = "children"
        elif all(durations.to_days(a) >= adult for a in known):
            noun = "adults"
    ages = f" aged {summary.age_range}" if summary.age_range else ""
    return f"{number} {noun}{ages}"
