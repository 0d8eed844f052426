"""Check that a change to the identifier detector finds exactly what it found before.

For work on the detector's speed, where the matches must not move: ``save`` writes every
match of the detector as it is, ``check`` compares the detector as it is now with that file.

    .venv/bin/python bench/detection_same.py save /tmp/before.json   # on the old code
    .venv/bin/python bench/detection_same.py check /tmp/before.json  # on the new code

What is read: every sentence of tests/identifiers/ (``find``, with the learned layer and
without it, as lint and render ask), and the patient text of 400 generated cases
(bench/generate.py, seed 1) and of cases/ (``find_in_fields``, as lint asks, one case at a
time). ``check`` prints what differs and exits 1 if anything does. Sentences of a corpus
added since ``save`` are reported as new, not as differences.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "bench"))

from casekit.identifiers import detector  # noqa: E402
from casekit.identifiers.fields import patient_text  # noqa: E402
from generate import write_library  # noqa: E402  (bench/ is not a package)
from privacy_eval import SEALED  # noqa: E402

GENERATED = 400


def _sentences() -> Iterator[tuple[str, str]]:
    for path in sorted((REPO / "tests" / "identifiers").glob("*")):
        if path.suffix not in (".tsv", ".txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                yield path.name, line.split("\t", 1)[-1]


def _shown(matches: list[Any]) -> list[list[Any]]:
    return [[m.category, m.start, m.end, m.recognizer] for m in matches]


def matches() -> dict[str, Any]:
    """Every match, by a key naming the sentence or the case."""
    found: dict[str, Any] = {}
    for name, sentence in _sentences():
        for learned in (True, False):
            found[f"{name}|{learned}|{sentence}"] = _shown(detector.find(sentence, learned=learned))
    with tempfile.TemporaryDirectory() as folder:
        generated = write_library(Path(folder), GENERATED)
        for path in [*generated, *sorted((REPO / "cases").glob("*.json"))]:
            data = json.loads(path.read_text(encoding="utf-8"))
            detector._SEEN.clear()  # each case read as lint reads a first one
            fields = detector.find_in_fields([text for _, text in patient_text(data)])
            key = path.name if path.parent.name == "cases" else f"generated/{path.name}"
            found[key] = [_shown(field) for field in fields]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["save", "check"])
    parser.add_argument("file", type=Path, help="the saved matches (JSON)")
    args = parser.parse_args()
    now = matches()
    if args.mode == "save":
        args.file.write_text(json.dumps(now), encoding="utf-8")
        print(f"saved the matches of {len(now):,} sentences and cases to {args.file}")
        return 0
    before = json.loads(args.file.read_text(encoding="utf-8"))
    differ = [key for key in before if before[key] != now.get(key)]
    new = [key for key in now if key not in before]
    for key in differ[:20]:
        corpus = key.split("|", 1)[0]
        if corpus in SEALED:  # a sealed corpus: name the file, never show the sentence
            print(f"DIFFERS a sentence of {corpus} (sealed: not shown)")
            continue
        print(f"DIFFERS {key[:150]}\n  before {before[key]}\n  now    {now.get(key)}")
    print(f"{len(before):,} sentences and cases: {len(differ)} differ; {len(new)} new")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
