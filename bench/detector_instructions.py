"""The detector's cost a case in instructions, steadier than time on a shared machine.

Run it twice under callgrind, with N cases and with none, and subtract::

    PYTHONPATH=tools:bench valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.N \
        .venv/bin/python bench/detector_instructions.py 500
    PYTHONPATH=tools:bench valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.0 \
        .venv/bin/python bench/detector_instructions.py 0

(the two "Collected" totals, divided by N: ``find_in_fields`` on N generated cases after 200
to warm its caches; the run on none is the start-up, the model's load and the warm-up).
"""

from __future__ import annotations

import random
import sys

from casekit.identifiers import find_in_fields
from casekit.identifiers.fields import patient_text
from generate import make_case

WARM_UP = 200


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 500
    rng = random.Random(1)
    cases = [make_case(index, rng) for index in range(WARM_UP + count)]
    texts = [[text for _, text in patient_text(case)] for case in cases]
    for fields in texts:
        find_in_fields(fields)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
