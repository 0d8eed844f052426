"""How long validation takes for a case full of links to ids that do not exist (issue 12).

Each unknown link and citation gets a "Did you mean ...?" suggestion. Compared with every
id by difflib, 1,000 broken links took 41 s; the goal is under a second for 3,000.

    .venv/bin/python bench/broken_links.py            # 500, 1,000 and 3,000 links
    .venv/bin/python bench/broken_links.py 3000

Prints, for each size, the CPU time of validate_document on the case (best of 3).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from casekit.loader import parse_text  # noqa: E402  (run as a script)
from casekit.validate import validate_document  # noqa: E402

EXAMPLE = ROOT / "cases" / "synthetic-septic-arthritis-hip.json"


def case_with_broken_links(count: int) -> str:
    """The synthetic example with ``count`` findings and ``count`` links and citations
    that point at ids close to, but not the same as, those findings and references."""
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["id"] = "broken-links"
    data["findings"] = [
        {"id": f"finding-{n:05d}", "kind": "sign", "description": "Invented sign."}
        for n in range(count)
    ]
    data["timeline"][0]["links"] = [f"fnding-{n:05d}x" for n in range(count)]
    data["references"] = [
        {"id": f"quux{n:05d}", "type": "article-journal", "title": "Invented"}
        for n in range(count // 10)
    ]
    data["discussion"] = " ".join(f"[@qux{n:05d}]" for n in range(count // 10))
    return json.dumps(data)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [500, 1000, 3000]
    print(f"{'broken links':>12}  {'citations':>9}  {'findings':>8}  {'CPU seconds':>11}")
    for count in sizes:
        doc = parse_text(Path("broken-links.json"), case_with_broken_links(count))
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            findings = validate_document(doc)
            best = min(best, time.process_time() - start)
        print(f"{count:>12,}  {count // 10:>9,}  {len(findings):>8,}  {best:>11.3f}")


if __name__ == "__main__":
    main()
