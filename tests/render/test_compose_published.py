"""Two published case reports, encoded from their open-access abstracts (facts only, in
casekit's words): each composed abstract carries the facts its source abstract gives,
in the generic profile and fitted to BMJ Case Reports' 150 words.

- Al-Kzayer et al., BMC Pediatrics 2016, doi:10.1186/s12887-016-0653-3
- Gicchino et al., Italian Journal of Pediatrics 2018;44:26, doi:10.1186/s13052-018-0463-3
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from casekit.render import render

CASES = Path(__file__).resolve().parents[2] / "cases"

FACTS: dict[str, dict[str, str]] = {
    "kaposi-sarcoma-child-valproate": {
        "boy of 6": r"A 6-year-old boy",
        "discoloured skin then nodules": r"discoloured skin, followed by nodules",
        "cerebral palsy and epilepsy": r"cerebral palsy and epilepsy",
        "valproic acid": r"valproic acid",
        "spread to groin, face, ears": r"groin, the face, the ears",
        "HIV negative": r"HIV serology was negative",
        "skin biopsy with KS": r"Skin biopsy showed Kaposi's sarcoma",
        "death at 110 days": r"died of severe respiratory distress 110 days",
    },
    "crmo-shoulder-girl": {
        "girl of 10": r"A 10-year-old girl",
        "right shoulder pain since 9": r"pain in the right shoulder since the age of 9 years",
        "bone biopsy": r"Bone biopsy showed",
        "CRMO diagnosed": r"chronic recurrent multifocal osteomyelitis",
        "improved on anti-inflammatory treatment": r"improved on anti-inflammatory treatment",
    },
}
#: What the BMJ abstract must keep of each: the must-stay facts.
MUST = {
    "kaposi-sarcoma-child-valproate": [
        "boy of 6",
        "skin biopsy with KS",
        "death at 110 days",
    ],
    "crmo-shoulder-girl": ["girl of 10", "bone biopsy", "CRMO diagnosed"],
}


def _case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", sorted(FACTS))
def test_the_generic_abstract_carries_the_source_facts(name: str) -> None:
    text = " ".join(str(render(_case(name), "abstract", to="txt").content).split())
    missing = [fact for fact, way in FACTS[name].items() if not re.search(way, text)]
    assert missing == []
    assert "not reported" not in text.lower() and "not stated" not in text.lower()


@pytest.mark.parametrize("name", sorted(FACTS))
def test_the_bmj_abstract_fits_and_keeps_what_must_stay(name: str) -> None:
    result = render(_case(name), "abstract", to="txt", profile="bmj-case-reports")
    assert result.report is not None and result.report.fits
    text = " ".join(str(result.content).split())
    assert [f for f in MUST[name] if not re.search(FACTS[name][f], text)] == []


@pytest.mark.parametrize("name", sorted(FACTS))
def test_the_case_cites_its_open_access_source(name: str) -> None:
    case = _case(name)
    assert case["source"]["kind"] == "published-literature"
    (reference,) = [r for r in case["references"] if r["id"] == case["source"]["reference"]]
    assert reference["DOI"].startswith("10.1186/")


def test_a_study_named_by_its_site_is_not_followed_by_the_site_again() -> None:
    from casekit.render.narrative import describe_item

    assert describe_item({"modality": "whole-body-mri", "site": "Whole body"}) == "Whole-body MRI"
    assert describe_item({"modality": "bone-scan", "site": "Whole skeleton"}) == (
        "Bone scan (Whole skeleton)"
    )
