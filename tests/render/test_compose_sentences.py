"""How composed sentences read, on a small invented case: casing of inserted phrases,
time phrases, abbreviations defined once, samples not done, links to findings."""

from __future__ import annotations

import copy
import subprocess
import sys
from typing import Any

from casekit.render import render

CASE: dict[str, Any] = {
    "schema_version": 2,
    "id": "synthetic-quux",
    "title": "An invented case of Ozymandias Quux disease",
    "status": "draft",
    "authors": [{"name": "Testina Example"}],
    "patient": {
        "age": {"value": 8, "unit": "years"},
        "sex": "male",
        "presenting_complaint": "Two weeks of pain in the left thigh.",
    },
    "timeline": [
        {
            "id": "e0",
            "time": {"value": 0, "unit": "days"},
            "category": "presentation",
            "description": "Seen in clinic.",
            "links": ["lab-crp", "lab-hb", "img-mri", "dx-working"],
        },
        {
            "id": "e1",
            "time": {"value": 2, "unit": "weeks"},
            "category": "investigation",
            "description": "Admitted for tests.",
        },
        {
            "id": "e2",
            "time": {"value": 5, "unit": "weeks"},
            "category": "diagnosis",
            "description": "At surgery the femur looked abnormal.",
            "links": ["f-surgery", "dx-final"],
        },
    ],
    "findings": [{"id": "f-surgery", "kind": "sign", "description": "Abnormal femur at surgery"}],
    "investigations": {
        "laboratory": [
            {"id": "lab-hb", "test": "Haemoglobin", "abbreviation": "Hb", "value": 12.1,
             "unit": "g/dL", "flag": "normal"},
            {"id": "lab-crp", "test": "C-reactive protein", "abbreviation": "CRP", "value": 85,
             "unit": "mg/L", "flag": "high"},
        ],
        "imaging": [
            {"id": "img-mri", "modality": "mri", "site": "Left femur", "result": "Marrow oedema"}
        ],
    },
    "tissue_samples": [
        {"id": "ts-ct", "kind": "Bone biopsy (CT-guided)", "status": "performed",
         "site": "Left femur", "result": "Ozymandias Quux disease", "event": "e1"},
        {"id": "ts-marrow", "kind": "bone marrow aspirate", "status": "not-performed",
         "reason": "the blood film was normal"},
    ],
    "diagnoses": [
        {"id": "dx-working", "name": "Bacterial osteomyelitis", "role": "working",
         "certainty": "possible", "basis": ["clinical"], "revised_to": "dx-final"},
        {"id": "dx-final", "name": "Ozymandias Quux disease", "role": "final",
         "certainty": "certain", "basis": ["histology"], "confirmed_by": ["ts-ct", "f-surgery"]},
    ],
    "learning_points": ["Invented disease can look like osteomyelitis."],
    "consent": {"status": "not-applicable"},
}  # fmt: skip


def _text() -> str:
    result = render(copy.deepcopy(CASE), "abstract", to="txt")
    return " ".join(str(result.content).split())


def test_inserted_phrases_keep_their_casing_and_articles() -> None:
    text = _text()
    assert "An 8-year-old boy presented with two weeks of pain in the left thigh." in text
    assert "An MRI of the left femur showed marrow oedema." in text
    assert "Bone biopsy (CT-guided) of the left femur showed Ozymandias Quux disease." in text
    assert "(ct-guided)" not in text


def test_abnormal_results_come_first_and_abbreviations_used_once_are_written_out() -> None:
    text = _text()
    assert "Blood tests showed C-reactive protein 85 mg/L." in text
    assert "Other results were normal: haemoglobin 12.1 g/dL." in text
    assert "CRP" not in text and "Hb" not in text


def test_an_abbreviation_used_again_is_defined_once() -> None:
    case = copy.deepcopy(CASE)
    case["timeline"][1]["description"] = "Admitted for tests; the CRP had risen."
    text = " ".join(str(render(case, "abstract", to="txt").content).split())
    assert "Blood tests showed C-reactive protein (CRP) 85 mg/L." in text
    assert "the CRP had risen" in text and text.count("(CRP)") == 1


def test_time_phrases_follow_the_course() -> None:
    text = _text()
    assert "Two weeks later, admitted for tests." in text or "Two weeks later, " in text
    assert "Three weeks later, at surgery the femur looked abnormal." in text


def test_a_sample_not_done_says_why_and_a_finding_is_not_a_confirmation() -> None:
    text = _text()
    assert "A bone marrow aspirate was not performed: the blood film was normal." in text
    assert "The final diagnosis was Ozymandias Quux disease, confirmed by bone biopsy" in text
    assert "confirmed by Abnormal" not in text and "confirmed by At" not in text
    assert "Bacterial osteomyelitis was suspected." in text
    assert "This revised the working diagnosis of bacterial osteomyelitis." in text


def _probe(code: str) -> str:
    """What ``code`` prints in a new Python process (where nothing is imported yet)."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_inflect_is_imported_only_for_an_inflection() -> None:
    # lint's word comparisons (CK793) import the composer; inflect costs ~14 ms to import
    probe = (
        "import sys, casekit.compose, casekit.compose.wording as w\n"
        "assert 'inflect' not in sys.modules\n"
        "assert w.coverage('bone biopsy', 'A bone biopsy was done.') == 1.0\n"
        "assert 'inflect' not in sys.modules\n"
        "print(w.article('MRI'))\n"
        "assert 'inflect' in sys.modules and 'typeguard' not in sys.modules\n"
    )
    assert _probe(probe) == "an MRI"


def test_inflect_is_loaded_without_run_time_type_checks() -> None:
    # typeguard's instrumentation of inflect cost every casekit process 2.2 s at import
    probe = (
        "import sys, casekit.compose.wording as w\n"
        "w._inflect()\n"
        "assert 'typeguard' not in sys.modules\n"
        "import typeguard\n"
        "assert 'typeguard' not in w._inflect().engine.a.__code__.co_names\n"
        "assert typeguard.typechecked.__module__.startswith('typeguard')\n"
        "print(w._inflect().engine().a('MRI'))\n"
    )
    assert _probe(probe) == "an MRI"
    # and when something loaded typeguard first, its decorator is put back afterwards
    probe = (
        "import typeguard\n"
        "import casekit.compose.wording as w\n"
        "assert 'typeguard' not in w._inflect().engine.a.__code__.co_names\n"
        "assert typeguard.typechecked.__module__.startswith('typeguard')\n"
    )
    _probe(probe)
