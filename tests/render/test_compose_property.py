"""Property tests of composing and fitting, on generated plausible cases (invented
patients, words from a small synthetic vocabulary): the fitted abstract never exceeds
the venue's limit, never prints a field label or an empty heading, and never says a
sentence twice. Cases are kept within what must stay in BMJ Case Reports' 150 words."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit.render import list_profiles, render

PROFILES = [p.name for p in list_profiles()]
WORDS = st.sampled_from(
    [
        "invented",
        "swelling",
        "pain",
        "fever",
        "knee",
        "wrist",
        "elbow",
        "rash",
        "tiredness",
        "redness",
        "cough",
        "bruising",
        "stiffness",
        "tenderness",
        "effusion",
        "lesion",
        "spine",
        "thigh",
        "shoulder",
    ]
)
LABELS = re.compile(
    r"\b(?:Patient|Presenting complaint|At presentation|Final diagnosis|Outcome|Follow-up|"
    r"History|Body):"
)


def _phrase(low: int, high: int) -> st.SearchStrategy[str]:
    return st.lists(WORDS, min_size=low, max_size=high).map(" ".join)


def _sentence(low: int, high: int) -> st.SearchStrategy[str]:
    return _phrase(low, high).map(lambda s: s[:1].upper() + s[1:] + ".")


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    events = []
    n_events = draw(st.integers(1, 5))
    labs, imaging, links = [], [], []
    for index in range(n_events):
        lab_ids = []
        for j in range(draw(st.integers(0, 3))):
            lab_id = f"lab{index}-{j}"
            flag = draw(st.sampled_from([None, "high", "low", "normal"]))
            lab: dict[str, Any] = {
                "id": lab_id,
                "test": draw(st.sampled_from(["Invented marker", "Testina level", "Quux index"])),
                "value": draw(st.integers(1, 900)),
                "unit": draw(st.sampled_from(["mg/L", "10^9/L", "g/dL", "%"])),
            }
            if flag:
                lab["flag"] = flag
            labs.append(lab)
            lab_ids.append(lab_id)
        if draw(st.booleans()):
            imaging.append(
                {
                    "id": f"img{index}",
                    "modality": draw(st.sampled_from(["x-ray", "mri", "ct", "ultrasound"])),
                    "site": draw(_phrase(1, 2)).capitalize(),
                    "result": draw(_phrase(1, 8)).capitalize(),
                }
            )
            lab_ids.append(f"img{index}")
        links.append(lab_ids)
        events.append(
            {
                "id": f"e{index}",
                "time": {"value": index * draw(st.integers(1, 3)), "unit": "weeks"},
                "category": "investigation",
                "description": " ".join(draw(st.lists(_sentence(3, 14), min_size=1, max_size=3))),
                "links": lab_ids,
            }
        )
    events[-1]["links"] = [*events[-1]["links"], "ts1", "dx-final"]
    case: dict[str, Any] = {
        "schema_version": 2,
        "id": "synthetic-generated",
        "title": "An invented case",
        "status": "draft",
        "authors": [{"name": "Testina Example"}],
        "introduction": " ".join(draw(st.lists(_sentence(4, 20), min_size=0, max_size=3))),
        "patient": {
            "age": {"value": draw(st.integers(1, 80)), "unit": "years"},
            "sex": draw(st.sampled_from(["female", "male", "not-stated"])),
            "presenting_complaint": draw(_sentence(2, 8)),
        },
        "timeline": events,
        "investigations": {"laboratory": labs, "imaging": imaging},
        "tissue_samples": [
            {
                "id": "ts1",
                "kind": "invented biopsy",
                "status": "not-performed",
                "reason": draw(_phrase(2, 6)),
            }
        ],
        "diagnoses": [
            {
                "id": "dx-final",
                "name": "Ozymandias " + draw(_phrase(1, 3)),
                "role": "final",
                "certainty": "probable",
                "basis": ["clinical"],
            }
        ],
        "discussion": " ".join(draw(st.lists(_sentence(4, 20), min_size=0, max_size=4))),
        "learning_points": draw(st.lists(_sentence(3, 10), min_size=1, max_size=4)),
        "consent": {"status": "not-applicable"},
    }
    if draw(st.booleans()):
        case["outcome"] = {"summary": draw(_sentence(2, 8)), "follow_up": draw(_sentence(2, 10))}
    return case


def _sentences(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [s.casefold() for s in re.split(r"(?<=[.!?])\s+", flat) if len(s.split()) > 2]


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(case=cases(), profile=st.sampled_from(PROFILES))
def test_a_fitted_abstract_fits_and_reads_as_prose(case: dict[str, Any], profile: str) -> None:
    result = render(case, "abstract", to="txt", profile=profile)
    report = result.report
    assert report is not None and report.fits, report.problems()
    assert report.limit is None or report.total <= report.limit
    text = str(result.content)
    body = text.split("\n\n", 2)[2].split("\nKeywords:")[0]
    assert not LABELS.search(body)
    for heading in (s.heading for s in report.profile.sections):
        assert not re.search(rf"^{re.escape(heading)}:\s*$", text, re.MULTILINE)
    sentences = _sentences(body)
    assert len(sentences) == len(set(sentences))
    assert "10^9" not in text
