"""An interim web page for a case series: each patient's facts, labelled, in the page of one.

The page template and its context (:mod:`casekit.render.web`) describe one patient. Until
the page speaks of a series as a series ("Three children aged 6 to 11 years ...", a table
per patient, one timeline figure each), a series is shown by building the context of each
patient (:func:`casekit.model.patient_views`) and putting their lists one after another,
each entry marked with the patient's label, under a summary derived from the series
(:func:`casekit.model.series_summary`). Nothing is invented and nothing is dropped: every
patient's events, results, diagnoses, treatment, outcome and consent are on the page.
Figures are left out: one timeline would mix the patients' times, which each run from their
own presentation.
"""

from __future__ import annotations

from typing import Any

from casekit import model
from casekit.render import references, text

#: For each list in the web context, the field that is marked with the patient's label.
_LABELLED = {
    "events": "when",
    "labs": "when",
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
    context["timeline_svg"] = None
    context["trend_svg"] = None
    return context
