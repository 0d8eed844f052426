"""CPU time of lint with and without a change, and of check-jsonschema, runs interleaved.

    python bench/generate.py /tmp/privbench/lib --cases 2000
    .venv/bin/python bench/lint_cpu_compare.py /tmp/privbench/lib OTHER_CHECKOUT/.venv/bin/casekit

On a machine shared with other work, wall-clock times swing by 2-3x between runs; CPU time
(user + system, worker processes included) swings less, and interleaving the commands lets
each see the same load. Prints the best of the rounds for each.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    library, other = Path(sys.argv[1]), sys.argv[2]
    files = sorted(str(p) for p in library.glob("*.json"))
    ours = str(ROOT / ".venv" / "bin" / "casekit")
    commands = {
        "other lint": [other, "lint", "--exit-zero", "--format", "json", str(library)],
        "this lint": [ours, "lint", "--exit-zero", "--format", "json", str(library)],
        "check-jsonschema": [
            str(ROOT / ".venv" / "bin" / "check-jsonschema"),
            "--schemafile",
            str(ROOT / "schema" / "case.schema.json"),
            *files,
        ],
    }
    best: dict[str, tuple[float, float]] = {}
    for _ in range(2):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            best[name] = min(best.get(name, (cpu, wall)), (cpu, wall))
    for name, (cpu, wall) in best.items():
        print(f"{name:18} CPU {cpu:6.1f} s  wall {wall:6.1f} s  ({len(files)} cases)")


if __name__ == "__main__":
    main()
