"""The founding case's composed abstract: the seed abstract's facts, as a clinician writes
them, fitted to every venue with the platelet count of 808 kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casekit.render import render
from casekit.render.profiles import list_profiles

#: The facts of the seed abstract (shared/seeds/), each as one or more ways of saying it.
SEED_FACTS = {
    "girl of 3": [r"\bA 3-year-old girl\b"],
    "limp": [r"\blimp\b"],
    "hot swollen ankle": [r"hot, swollen ankle"],
    "radiograph with osteomyelitis": [r"radiograph showed active osteomyelitis"],
    "ESR above 60": [
        r"\(ESR\) was above 60 mm/h",
        r"ESR\)? > 60 mm/h",
        r"erythrocyte sedimentation rate was above 60 mm/h",  # used once: written out
    ],
    "platelets 808": [r"808 ×10⁹/L"],
    "intravenous antibiotics": [r"Intravenous antibiotics were started"],
    "bone scan with several foci": [r"bone scan found several areas of increased uptake"],
    "presumptive CRMO without biopsy": [r"presumptive diagnosis of CRMO .*without a bone biopsy"],
    "review at 4 months, biopsy not indicated": [
        r"About 4 months after presentation, .*bone biopsy was judged not to be indicated"
    ],
    "back pain": [r"episodic lower back pain"],
    "crush fractures": [r"multiple crush fractures"],
    "Hb 7.0": [r"Hb 7\.0 g/dL"],
    "WCC 17": [r"WCC 17 ×10⁹/L"],
    "lymphoblasts on the film": [r"blood film showed multiple lymphoblasts"],
    "bone marrow with ALL": [r"bone marrow examination showed common acute lymphoblastic"],
}
#: What the abstracts used to print instead of prose (issue 13).
LABELS = (
    "Patient:",
    "Presenting complaint:",
    "At presentation:",
    "Final diagnosis:",
    "confirmed by At",
    "Outcome:",
    "Follow-up:",
    "History:",
    "(ct-guided)",
    "10^9",
)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if s]


def _body(text: str) -> str:
    """The abstract's text between the authors and the keywords."""
    return text.split("\n\n", 2)[2].split("Keywords:")[0]


def test_the_generic_abstract_holds_every_fact_of_the_seed(founding: dict[str, Any]) -> None:
    text = str(render(founding, "abstract", to="txt").content)
    body = " ".join(_body(text).split())
    missing = [
        fact
        for fact, ways in SEED_FACTS.items()
        if not any(re.search(way, body, re.IGNORECASE) for way in ways)
    ]
    assert missing == []
    assert not [label for label in LABELS if label in text]
    sentences = [s.casefold() for s in _sentences(body)]
    assert len(sentences) == len(set(sentences))
    # It opens as a clinician would, and moves the story on in time.
    assert "Case presentation: A 3-year-old girl presented with a limp and a hot, swollen" in text
    assert "One week later, the left ankle became swollen" in text


@pytest.mark.parametrize("profile", [p.name for p in list_profiles()])
def test_every_venue_fits_and_keeps_the_platelet_count(
    founding: dict[str, Any], profile: str
) -> None:
    result = render(founding, "abstract", to="txt", profile=profile)
    report = result.report
    assert report is not None and report.fits, report.problems()
    assert report.limit is None or report.total <= report.limit
    assert "808 ×10⁹/L" in str(result.content)
    assert "10^9" not in str(result.content)


def test_a_venue_without_headings_gets_paragraphs(founding: dict[str, Any]) -> None:
    text = str(render(founding, "abstract", to="txt", profile="eular-2020").content)
    paragraphs = _body(text).strip().split("\n\n")
    assert len(paragraphs) == 3  # background, case presentation, conclusion
    assert paragraphs[1].startswith("A 3-year-old girl presented")
    assert "Body:" not in text


def test_units_are_typeset_in_every_output(
    founding: dict[str, Any], docx_text: Callable[[bytes], str]
) -> None:
    for to in ("txt", "md", "html", "docx"):
        content = render(founding, "abstract", to=to, profile="jmcr").content
        text = docx_text(content) if isinstance(content, bytes) else content
        assert "808 ×10⁹/L" in text and "10^9" not in text and "10&#94;9" not in text


def test_the_authors_own_text_is_used_verbatim_per_venue(founding: dict[str, Any]) -> None:
    founding["abstract"] = {
        "conclusion": "Biopsy the bone before calling it CRMO.",
        "profiles": {"bmj-case-reports": {"conclusion": "A presumed CRMO may be leukaemia."}},
    }
    generic = str(render(founding, "abstract", to="txt").content)
    assert "Conclusion: Biopsy the bone before calling it CRMO.\n" in generic
    assert "At presentation, CRMO can mimic" not in generic
    bmj = str(render(founding, "abstract", to="txt", profile="bmj-case-reports").content)
    assert "A presumed CRMO may be leukaemia." in bmj and "Biopsy the bone" not in bmj


def test_render_refuses_to_write_an_identifier(
    cli: Callable[..., Any], founding: dict[str, Any], tmp_path: Path
) -> None:
    import json

    founding["abstract"] = {"background": "She was first seen on 12 March 2007."}
    path = tmp_path / "crmo-not-crmo.json"
    path.write_text(json.dumps(founding), encoding="utf-8")
    out = tmp_path / "abstract.txt"
    result = cli("render", str(path), "-o", str(out))
    assert result.code == 1
    assert (
        "casekit: CK603: in the abstract's section 'Introduction', paragraph 1: '1•••••••••••7'"
        " (13 characters) at character 23 looks like a calendar date." in result.err
    )
    assert "nothing was written" in result.err
    assert not out.exists()


def test_the_authoring_guide_example_lints_clean_and_renders(founding: dict[str, Any]) -> None:
    import json

    from casekit.lint import lint_document
    from casekit.loader import parse_text

    guide = (Path(__file__).resolve().parents[2] / "site/authoring/abstract.md").read_text(
        encoding="utf-8"
    )
    example = guide.split("```json\n", 1)[1].split("\n```", 1)[0]
    founding.update(json.loads("{" + example + "}"))
    doc = parse_text(Path("crmo-not-crmo.json"), json.dumps(founding, ensure_ascii=False))
    codes = [f.code for f in lint_document(doc)]
    assert not [c for c in codes if c in ("CK791", "CK792", "CK793") or c.startswith("CK6")]
    result = render(founding, "abstract", to="txt", profile="bmj-case-reports")
    assert result.report is not None and result.report.fits
    text = str(result.content)
    assert "Summary: A 3-year-old girl presented with a limp and a hot, swollen ankle; the" in text
    assert "biopsy before the label sticks." in text

    founding["abstract"]["profiles"]["bmj-case-reports"]["case_presentation"] += (
        " Her platelet count was 880 ×10⁹/L."
    )
    doc = parse_text(Path("crmo-not-crmo.json"), json.dumps(founding, ensure_ascii=False))
    (finding,) = [f for f in lint_document(doc) if f.code == "CK791"]
    assert "'880 ×10⁹/L'" in finding.message


def test_the_readme_shows_the_bmj_abstract_as_casekit_writes_it(founding: dict[str, Any]) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("The founding case\nfor BMJ Case Reports", 1)[1]
    lines = section.split("\n\n", 1)[1].splitlines()
    quoted = [line[1:].strip() for line in lines[: [ln[:1] for ln in lines].index("")]]
    shown = " ".join(" ".join(q for q in quoted if q).split())
    result = render(founding, "abstract", to="txt", profile="bmj-case-reports")
    body = " ".join(_body(str(result.content)).split())
    assert shown.replace("**Summary:**", "Summary:") == body
    assert result.report is not None and "150 of\n150 words" in readme
    assert result.report.total == 150


def test_a_composed_sentence_the_author_already_wrote_is_not_repeated(
    founding: dict[str, Any],
) -> None:
    founding["abstract"] = {"background": "At presentation, CRMO can mimic acute osteomyelitis."}
    text = str(render(founding, "abstract", to="txt").content)
    assert text.count("CRMO can mimic acute osteomyelitis") == 1
    assert "Introduction: At presentation, CRMO can mimic acute osteomyelitis.\n" in text
    assert "Conclusion: The definitive diagnosis of CRMO is by bone biopsy" in text
