"""How a learned-layer model reads a block of released corpora, end to end, at thresholds.

The learned layer's threshold is chosen on released text only (tools/train_identifier_model.py,
'Round 10'): train a trial model without a block of released corpora, then read the block with
the whole detector, the rules and the trial model, at several thresholds, against the shipped
model::

    .venv/bin/python bench/layer_block.py shipped 0.891
    .venv/bin/python bench/layer_block.py /tmp/trial 0.6,0.7,0.8 --block 53,56,58,60

(``/tmp/trial`` holds the trial's ``learned_model.json`` and ``learned_category.json``; the
block is ``independentN`` for each N). It prints found and flagged sentences, counts only,
and refuses a sealed corpus.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

from casekit.identifiers import find, learned
from privacy_eval import CORPUS, read_clean, read_identifiers

#: The block the shipped model's threshold was chosen on (the eleventh session's releases).
BLOCK = "53,56,58,60,61,63,64,66,68,70"


def sealed() -> set[str]:
    lines = (CORPUS / "SEALED").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", help="a folder with the model files, or 'shipped'")
    parser.add_argument("thresholds", help="thresholds, separated by commas")
    parser.add_argument("--block", default=BLOCK, help="independent corpora, by number")
    args = parser.parse_args(argv)
    names = [f"independent{n}" for n in args.block.split(",")]
    closed = [name for name in names if f"{name}.tsv" in sealed()]
    if closed:
        print(f"refused: {', '.join(closed)} still sealed (tests/identifiers/SEALED)")
        return 2
    folder = Path(args.model) if args.model != "shipped" else learned.MODEL_PATH.parent
    rows = [row for name in names for row in read_identifiers(f"{name}.tsv")]
    clean = [line for name in names for line in read_clean(f"{name}_clean.txt")]
    rules_found = [bool(find(sentence, learned=False)) for _, sentence in rows]
    rules_flagged = [bool(find(sentence, learned=False)) for sentence in clean]
    print(
        f"rules alone: {sum(rules_found)} of {len(rows)} found, {sum(rules_flagged)} of "
        f"{len(clean)} flagged"
    )
    document = json.loads((folder / "learned_model.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as scratch:
        # The model at each threshold: a copy of its file, as the detector reads it.
        shutil.copy(folder / "learned_category.json", Path(scratch) / "learned_category.json")
        learned.MODEL_PATH = Path(scratch) / "learned_model.json"
        learned.CATEGORY_PATH = Path(scratch) / "learned_category.json"
        for threshold in (float(value) for value in args.thresholds.split(",")):
            document["detect"]["threshold"] = threshold
            learned.MODEL_PATH.write_text(json.dumps(document), encoding="utf-8")
            learned.reload_model()
            found = [r or bool(find(s)) for r, (_, s) in zip(rules_found, rows, strict=True)]
            flagged = [r or bool(find(s)) for r, s in zip(rules_flagged, clean, strict=True)]
            missed = Counter(c for hit, (c, _) in zip(found, rows, strict=True) if not hit)
            print(
                f"{threshold}: {sum(found)} found, {sum(flagged)} flagged; missed by category "
                f"{dict(missed.most_common(6))}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
