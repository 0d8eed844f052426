#!/usr/bin/env python3
"""How long each shipped case's abstract is for every venue profile, what fitting left out,
and how long composing and fitting take. Prints figures; fails nothing.

    .venv/bin/python bench/abstract_fit.py            # every case in cases/, 10 timed renders
    .venv/bin/python bench/abstract_fit.py --runs 50

For each case and profile: total/limit in the profile's unit, whether it fits, and how many
sentences were left out to fit. Then the mean time of one fitted render (txt) of the
founding case for BMJ Case Reports (150 words, the profile that leaves out the most).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from casekit.render import list_profiles, render

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    for path in sorted((REPO / "cases").glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        row = []
        for profile in list_profiles():
            report = render(case, "abstract", to="txt", profile=profile.name).report
            assert report is not None
            limit = report.limit if report.limit is not None else "-"
            state = "fits" if report.fits else "OVER"
            row.append(f"{profile.name} {report.total}/{limit} {state} (-{len(report.left_out)})")
        print(f"{path.stem}: " + "; ".join(row))
    founding = json.loads((REPO / "cases" / "crmo-not-crmo.json").read_text(encoding="utf-8"))
    render(founding, "abstract", to="txt", profile="bmj-case-reports")  # warm caches
    start = time.perf_counter()
    for _ in range(args.runs):
        render(founding, "abstract", to="txt", profile="bmj-case-reports")
    per_render = (time.perf_counter() - start) / args.runs * 1000
    label = "founding case, bmj-case-reports, fitted txt render"
    print(f"{label}: {per_render:.1f} ms (mean of {args.runs})")


if __name__ == "__main__":
    main()
