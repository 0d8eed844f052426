"""CK790: lint says when the abstract built from a case is too long for a venue."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("casekit.lint.engine", reason="the lint engine is not in this checkout yet")

from casekit.lint import abstract_fit
from casekit.lint.engine import REGISTRY, CaseView


def test_ck790_names_each_venue_the_abstract_does_not_fit(founding: dict[str, Any]) -> None:
    declared = REGISTRY["CK790"]
    assert declared.check is abstract_fit.abstract_too_long
    hits = list(abstract_fit.abstract_too_long(CaseView(founding)))
    messages = " ".join(h.message for h in hits)
    # 277 words against BMJ Case Reports' 150; 334 against ESER's 250 (see the golden files)
    assert "too long for bmj-case-reports: 277 words" in messages
    assert "too long for eser-2026: 334 words" in messages
    assert "jmcr" not in messages  # 329 of 350 words: fits
    assert all(h.path == ("timeline",) for h in hits)


def test_ck790_is_quiet_when_every_abstract_fits(founding: dict[str, Any]) -> None:
    founding["timeline"] = founding["timeline"][:1]
    founding["learning_points"] = founding["learning_points"][:1]
    founding["introduction"] = "A short introduction."
    founding["discussion"] = "A short discussion."
    assert list(abstract_fit.abstract_too_long(CaseView(founding))) == []
