"""Progress shows on a terminal only: never in CI, never when output is redirected."""

from __future__ import annotations

import io

import pytest

from casekit.authoring.progress import progress, wants_progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_counter_is_shown_on_a_terminal_and_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    out = FakeTerminal()
    assert list(progress(["a", "b", "c"], label="fmt", stream=out)) == ["a", "b", "c"]
    shown = out.getvalue()
    assert "fmt: 1/3" in shown and "fmt: 3/3" in shown
    assert shown.endswith("\r")  # the line is blanked at the end


def test_quiet_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    out = FakeTerminal()
    assert not wants_progress(out)
    assert list(progress([1, 2, 3], label="fmt", stream=out)) == [1, 2, 3]
    assert out.getvalue() == ""


def test_quiet_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    out = io.StringIO()
    assert list(progress([1, 2, 3], label="fmt", stream=out)) == [1, 2, 3]
    assert out.getvalue() == ""


def test_fmt_prints_no_progress_when_stderr_is_captured(cli, synthetic_case) -> None:
    result = cli("fmt", str(synthetic_case.parent))
    assert "\r" not in result.err
