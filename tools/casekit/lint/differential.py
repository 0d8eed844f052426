"""CK3xx: the differential diagnosis and how the diagnosis changed along the way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from casekit.findings import Severity
from casekit.lint.engine import CaseView, Hit, rule

_WORDS = re.compile(r"[a-z0-9]+")


@rule(
    "CK301",
    "no-differential",
    "differential",
    Severity.WARNING,
    summary="No differential diagnosis is recorded.",
    rationale="CARE item 8c asks for the diagnostic reasoning, including the differential:"
    " which alternatives were considered and how each was excluded.",
    bad='"differential": []',
    good='"differential": [{"diagnosis": "Transient synovitis", "status": "excluded",'
    ' "how_excluded": "Purulent joint aspirate"}]',
)
def no_differential(case: CaseView) -> Iterator[Hit]:
    if not case.data.get("differential"):
        yield Hit(
            ("differential",) if "differential" in case.data else (),
            "The case records no differential diagnosis.",
            "Add the alternatives that were considered to 'differential', each with its status"
            " and how it was excluded. If the source gives none, suppress CK301 with that reason.",
        )


@rule(
    "CK302",
    "exclusion-not-explained",
    "differential",
    Severity.WARNING,
    summary="An alternative is marked excluded without saying how.",
    rationale="An exclusion the reader cannot check is an assertion, not reasoning: say"
    " which finding or test ruled the alternative out.",
    bad='{"diagnosis": "Acute leukaemia", "status": "excluded"}',
    good='{"diagnosis": "Acute leukaemia", "status": "excluded", "how_excluded": "Normal'
    ' blood film", "evidence": ["test-film"]}',
)
def exclusion_not_explained(case: CaseView) -> Iterator[Hit]:
    for index, alt in enumerate(case.data.get("differential") or []):
        if alt["status"] == "excluded" and not alt.get("how_excluded") and not alt.get("evidence"):
            yield Hit(
                ("differential", index),
                f"'{alt['diagnosis']}' is marked excluded, but the case does not say how.",
                "Add 'how_excluded' (the finding or test that ruled it out) and link it in"
                " 'evidence'.",
            )


def _same(a: str, b: str) -> bool:
    """Two diagnosis names that say the same thing, one perhaps more precisely."""
    wa, wb = set(_WORDS.findall(a.lower())), set(_WORDS.findall(b.lower()))
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


@rule(
    "CK303",
    "revision-not-marked",
    "differential",
    Severity.WARNING,
    summary="The diagnosis changed during the course, but the earlier one is not marked revised.",
    rationale="When a working or presumptive diagnosis is replaced, marking it revised (with"
    " 'revised_to') is what shows the reader that the course changed, and when.",
    bad='[{"id": "dx1", "name": "CRMO", "role": "presumptive"}, {"id": "dx2", "name":'
    ' "Acute lymphoblastic leukaemia", "role": "final"}]',
    good='[{"id": "dx1", "name": "CRMO", "role": "presumptive", "revised_to": "dx2"},'
    ' {"id": "dx2", "name": "Acute lymphoblastic leukaemia", "role": "final"}]',
)
def revision_not_marked(case: CaseView) -> Iterator[Hit]:
    finals: list[dict[str, Any]] = [dx for _, dx in case.diagnoses if dx["role"] == "final"]
    for path, dx in case.diagnoses:
        if dx["role"] == "revised" and "revised_to" not in dx:
            yield Hit(
                (*path, "role"),
                f"'{dx['name']}' is marked revised, but the case does not say what replaced it.",
                "Set 'revised_to' to the id of the diagnosis that replaced it.",
            )
        elif dx["role"] in ("working", "presumptive") and "revised_to" not in dx and finals:
            if any(_same(dx["name"], final["name"]) for final in finals):
                continue
            yield Hit(
                path,
                f"The {dx['role']} diagnosis '{dx['name']}' differs from the final diagnosis"
                f" ('{finals[0]['name']}') but is not marked as revised.",
                "Set 'revised_to' to the id of the diagnosis that replaced it (and role"
                " 'revised' if you wish); if both diagnoses stand, make this one 'final' too.",
            )
