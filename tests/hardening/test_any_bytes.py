"""Any bytes at all given to validate give a result or a clear finding, never a crash."""

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


def _check(tmp_path: Path, payload: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "minimal.json"
    path.write_bytes(payload)
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert err == ""
    lines = out.splitlines()
    assert lines[-1].startswith("1 file checked")
    if code == 1:
        assert FINDING_LINE.match(lines[0]), lines[0]


@SETTINGS
@given(payload=st.binary(max_size=400))
def test_random_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str], payload: bytes) -> None:
    _check(tmp_path, payload, capsys)


@SETTINGS
@given(
    position=st.integers(min_value=0, max_value=len(GOOD)),
    cut=st.integers(min_value=0, max_value=20),
    insert=st.binary(max_size=6) | st.sampled_from([b"{", b"]", b'"', b",", b"\\", b"NaN"]),
)
def test_damaged_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], position: int, cut: int, insert: bytes
) -> None:
    _check(tmp_path, GOOD[:position] + insert + GOOD[position + cut :], capsys)
