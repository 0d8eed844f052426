"""'Did you mean ...?' for thousands of broken links (issue 12, item 5).

Suggestions compared every unknown id with every id (1,000 broken links took 41 s). The
speed is measured by bench/broken_links.py; here, that the suggestions are still right.
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

from reliability_project import REPO

sys.path.insert(0, str(REPO / "bench"))

from broken_links import case_with_broken_links
from casekit.suggest import Suggester


def test_three_thousand_broken_links_each_get_their_suggestion(cli, tmp_path: Path) -> None:
    path = tmp_path / "broken-links.json"
    path.write_text(case_with_broken_links(3000), encoding="utf-8")
    result = cli("validate", "--format", "json", str(path))
    assert result.code == 1
    findings = json.loads(result.out)["findings"]
    links = [f for f in findings if f["code"] == "CK013"]
    citations = [f for f in findings if f["code"] == "CK017"]
    assert len(links) == 3000 and len(citations) == 300
    assert "Did you mean 'finding-01234'?" in links[1234]["hint"]
    assert "Did you mean '@quux00042'?" in citations[42]["hint"]
    assert links[2999]["column"] > links[0]["column"]  # each placed where it is


def test_a_few_ids_get_exactly_difflibs_answer() -> None:
    ids = ["e-presentation", "e-aspiration", "e-treatment", "l-crp", "l-wcc"]
    for word in ("e-presntation", "l-cpr", "e-treatmnt", "zzz"):
        expected = difflib.get_close_matches(word, ids, n=1)
        assert Suggester(ids).closest(word) == (expected[0] if expected else None)


def test_many_ids_still_find_the_typo() -> None:
    ids = [f"event-{n:04d}" for n in range(5000)]
    suggester = Suggester(ids)
    assert suggester.closest("evnt-0042") == "event-0042"
    assert suggester.closest("event-00042") in {"event-0042", "event-0004"}
    assert suggester.closest("eevent-4999") == "event-4999"
    assert suggester.closest("something-else-entirely") is None
