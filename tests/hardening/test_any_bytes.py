"""Any bytes at all given to validate, lint, render or fmt: a result or a clear finding.

Never a traceback, never an internal error: exit 0 with a result, or exit 1 with a
finding that names the file, line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit.cli import main

GOOD = (Path(__file__).parent.parent / "foundation" / "good" / "minimal.json").read_bytes()
FINDING_LINE = re.compile(r"^\S.*:\d+:\d+: CK\d{3} ")
SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


COMMANDS = {
    "validate": ["validate"],
    "lint": ["lint"],
    "render": ["render", "--to", "txt"],
    "fmt": ["fmt"],
}


def _check(
    tmp_path: Path, payload: bytes, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    path = tmp_path / "minimal.json"
    path.write_bytes(payload)
    code = main([*COMMANDS[command], str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "Traceback" not in out + err
    assert "internal error" not in err
    if code == 1:
        assert any(FINDING_LINE.match(line) for line in (out + err).splitlines()), out + err


@SETTINGS
@pytest.mark.parametrize("command", sorted(COMMANDS))
@given(payload=st.binary(max_size=400))
def test_random_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, payload: bytes
) -> None:
    _check(tmp_path, payload, capsys, command)


@SETTINGS
@pytest.mark.parametrize("command", sorted(COMMANDS))
@given(
    position=st.integers(min_value=0, max_value=len(GOOD)),
    cut=st.integers(min_value=0, max_value=20),
    insert=st.binary(max_size=6) | st.sampled_from([b"{", b"]", b'"', b",", b"\\", b"NaN"]),
)
def test_damaged_case(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    position: int,
    cut: int,
    insert: bytes,
) -> None:
    _check(tmp_path, GOOD[:position] + insert + GOOD[position + cut :], capsys, command)


def test_validate_reports_exactly_one_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "minimal.json"
    path.write_bytes(b"\xff\xfe garbage")
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert FINDING_LINE.match(out.splitlines()[0])
    assert out.splitlines()[-1].startswith("1 file checked")
