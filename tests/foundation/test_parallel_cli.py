"""Large libraries are checked on every core, with the same findings in the same order.

The command line end to end; tests/foundation/test_batch.py tests the worker pool itself.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.fixture
def library(tmp_path: Path, repo: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    minimal = json.loads((HERE / "good" / "minimal.json").read_text())
    for index in range(30):
        minimal["id"] = f"case-{index:03d}"
        (folder / f"case-{index:03d}.json").write_text(json.dumps(minimal))
    for bad in ("duplicate-key", "latin1", "wrong-type-age"):
        shutil.copy(HERE / "bad" / f"{bad}.json", folder / f"{bad}.json")
    return folder


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_parallel_run_matches_serial_run(
    cli, library: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("CASEKIT_JOBS", "1")
    serial = cli(command, "--format", "json", str(library))
    monkeypatch.setenv("CASEKIT_JOBS", "2")
    parallel = cli(command, "--format", "json", str(library))
    assert serial.code == parallel.code == 1
    assert json.loads(serial.out) == json.loads(parallel.out)
    assert json.loads(parallel.out)["files_checked"] == 33
