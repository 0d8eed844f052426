"""Write a deterministic synthetic case library for the benchmarks.

    python bench/generate.py OUT_DIR --cases 1000 [--seed 1]

Every case is invented ("Synthetic teaching case N"), schema-valid and publishable,
with varied lengths, laboratory series and timelines so that validation, lint,
rendering and the site build do realistic amounts of work. The clinical content is
filler built from a small vocabulary: it is not medical advice and not a real patient.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

CONDITIONS = [
    ("Synthetic arthritis of the knee", "Paediatric rheumatology", "knee pain and swelling"),
    ("Synthetic fever syndrome", "Paediatrics", "recurrent fevers"),
    ("Synthetic anaemia", "Haematology", "tiredness and pallor"),
    ("Synthetic osteitis of the tibia", "Orthopaedics", "shin pain at night"),
    ("Synthetic rash of the trunk", "Dermatology", "an itchy rash"),
    ("Synthetic cough syndrome", "Respiratory medicine", "a persistent cough"),
]
LABS = [
    ("Haemoglobin", "Hb", "g/dL", 8.0, 14.0),
    ("White cell count", "WCC", "10^9/L", 3.0, 20.0),
    ("Platelet count", "Plt", "10^9/L", 100.0, 600.0),
    ("C-reactive protein", "CRP", "mg/L", 1.0, 150.0),
    ("Erythrocyte sedimentation rate", "ESR", "mm/h", 2.0, 90.0),
]
WORDS = [
    "the",
    "child",
    "was",
    "reviewed",
    "again",
    "and",
    "the",
    "findings",
    "were",
    "recorded",
    "carefully",
    "before",
    "the",
    "team",
    "agreed",
    "a",
    "plan",
    "with",
    "the",
    "family",
    "and",
    "arranged",
    "further",
    "review",
    "in",
    "clinic",
    "after",
    "the",
    "tests",
]


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return (" ".join(words)).capitalize() + "."


def make_case(index: int, rng: random.Random) -> dict[str, Any]:
    name, specialty, complaint = CONDITIONS[index % len(CONDITIONS)]
    case_id = f"synthetic-case-{index:05d}"
    labs: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    for visit in range(rng.randint(1, 4)):
        links = []
        for test, abbreviation, unit, low, high in rng.sample(LABS, rng.randint(1, len(LABS))):
            lab_id = f"lab-{abbreviation.lower()}-{visit}"
            labs.append(
                {
                    "id": lab_id,
                    "test": test,
                    "abbreviation": abbreviation,
                    "value": round(rng.uniform(low, high), 1),
                    "unit": unit,
                    "specimen": "blood",
                }
            )
            links.append(lab_id)
        events.append(
            {
                "id": f"e-{visit}",
                "time": {"value": visit * rng.randint(1, 3), "unit": "weeks"},
                "category": "presentation" if visit == 0 else "follow-up",
                "description": _sentence(rng, 8, 30),
                "links": links + (["d-final"] if visit == 0 else []),
            }
        )
    for offset, event in enumerate(sorted(events, key=lambda e: e["time"]["value"])):
        event["time"]["value"] += offset  # strictly increasing
    return {
        "$schema": "../schema/case.schema.json",
        "schema_version": 2,  # the current case format (version 1 would add CK020 to every case)
        "id": case_id,
        "title": f"{name}: synthetic teaching case {index}",
        "status": "published",
        "authors": [{"name": f"Synthetic Author {index % 97}", "affiliations": ["Example Unit"]}],
        "keywords": [name.lower(), "synthetic case", specialty.lower()],
        "specialty": specialty,
        "themes": ["synthetic example"],
        "source": {"kind": "synthetic", "note": "Generated for casekit's benchmarks."},
        "introduction": " ".join(_sentence(rng, 10, 25) for _ in range(rng.randint(1, 3))),
        "patient": {
            "age": {"value": rng.randint(1, 16), "unit": "years"},
            "sex": rng.choice(["female", "male"]),
            "presenting_complaint": f"Synthetic presentation with {complaint}.",
        },
        "timeline": events,
        "investigations": {"laboratory": labs},
        "tissue_samples": [
            {
                "id": "ts-1",
                "kind": "biopsy",
                "status": "not-applicable",
                "reason": "Synthetic case: no tissue diagnosis is modelled.",
            }
        ],
        "diagnoses": [
            {
                "id": "d-final",
                "name": name,
                "role": "final",
                "certainty": "probable",
                "basis": ["clinical", "laboratory"],
            }
        ],
        "differential": [
            {
                "diagnosis": "Synthetic alternative",
                "status": "excluded",
                "how_excluded": _sentence(rng, 5, 12),
            }
        ],
        "outcome": {"summary": _sentence(rng, 5, 20), "adverse_events": "None."},
        "discussion": " ".join(_sentence(rng, 10, 30) for _ in range(rng.randint(2, 8))),
        "learning_points": [_sentence(rng, 6, 14) for _ in range(rng.randint(1, 4))],
        "consent": {
            "status": "not-applicable",
            "statement": "Synthetic case generated for benchmarks; no real patient.",
        },
    }


def write_library(out: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = out / f"synthetic-case-{index:05d}.json"
        path.write_text(json.dumps(make_case(index, rng), indent=2) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_library(args.out, args.cases, args.seed)
    print(f"wrote {args.cases} synthetic cases to {args.out}")


if __name__ == "__main__":
    main()
