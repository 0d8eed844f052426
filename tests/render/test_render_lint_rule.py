"""CK790: lint says when the abstract is too long for the venue the case names.

Each check runs in a fresh Python process: importing the rule module registers CK790
in the lint registry, and the lint tests' own registry checks must not depend on
whether this file ran first.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

_SCRIPT = """
import json, sys
from casekit.lint import abstract_fit
from casekit.lint.engine import REGISTRY, CaseView
assert REGISTRY["CK790"].check is abstract_fit.abstract_too_long
hits = abstract_fit.abstract_too_long(CaseView(json.load(sys.stdin)))
print(json.dumps([{"path": list(h.path), "message": h.message} for h in hits]))
"""


def _run(script: str, case: dict[str, Any]) -> str:
    """What ``script`` prints in a new process, given ``case`` as JSON on its input."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(case),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _hits(case: dict[str, Any]) -> list[dict[str, Any]]:
    hits: list[dict[str, Any]] = json.loads(_run(_SCRIPT, case))
    return hits


def test_ck790_checks_the_venues_the_case_names(founding: dict[str, Any]) -> None:
    founding["presentations"] = [
        {"kind": "poster", "venue": "ESER 2026", "year": 2026},
        {"kind": "journal-article", "venue": "Journal of Medical Case Reports", "year": 2027},
    ]
    # Both fit once lower-priority sentences are left out (ESER 239 of 250 words).
    assert _hits(founding) == []
    # The learning point the case turns on (the bone biopsy it went without) must stay:
    # at 180 words, with the rest that must, it is over 250.
    founding["learning_points"][1] = "Invented padding about the bone biopsy " * 30
    hits = _hits(founding)
    assert len(hits) == 1
    assert "The abstract for ESER 2026 does not fit" in hits[0]["message"]
    assert "even with everything that may be left out" in hits[0]["message"]
    assert "learning point 2 (180 words)" in hits[0]["message"]
    assert hits[0]["path"] == ["learning_points"]


def test_ck790_is_quiet_for_venues_without_a_profile(founding: dict[str, Any]) -> None:
    # The founding case names "Pediatric Rheumatology", for which casekit has no profile.
    assert _hits(founding) == []


def test_ck790_builds_nothing_for_venues_without_a_profile(founding: dict[str, Any]) -> None:
    # Most cases name no venue casekit has a profile for: lint must not pay for importing
    # the profiles as objects, the composer or inflect (about 28 ms of a cold run).
    script = (
        "import json, sys\n"
        "from casekit.lint import abstract_fit\n"
        "from casekit.lint.engine import CaseView\n"
        "assert list(abstract_fit.abstract_too_long(CaseView(json.load(sys.stdin)))) == []\n"
        "print(sorted(m for m in ('casekit.render.profiles', 'casekit.render.abstract',"
        " 'casekit.compose', 'inflect') if m in sys.modules))\n"
    )
    assert _run(script, founding).strip() == "[]"
