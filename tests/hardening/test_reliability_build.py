"""Concurrent builds and output folders (issue 12, items 2 and 7, and `--output ..`).

Two builds at once could publish a case withdrawn meanwhile, or swap in a partial site,
because each removed the other's folder as a leftover; a folder merely holding an
index.html was replaced whole.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_project import REPO, build_args, make_project, synthetic_case, write_case

from casekit.cli import main

_HOLDER = """
import sys
from pathlib import Path
from casekit.fsutil import folder_lock
with folder_lock(Path(sys.argv[1]), wait=False):
    print("held", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = tmp_path / "project"
    config = make_project(root)
    write_case(root / "cases", synthetic_case("synthetic-always"))
    return config, root / "cases", tmp_path / "out"


def _hold_lock(output: Path) -> subprocess.Popen[str]:
    """Another process holding the output folder's lock until its stdin is closed."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "tools")}
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(output)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


@pytest.fixture
def held(project: tuple[Path, Path, Path]) -> Iterator[subprocess.Popen[str]]:
    holder = _hold_lock(project[2])
    yield holder
    assert holder.stdin is not None and holder.stdout is not None
    if not holder.stdin.closed:
        holder.stdin.close()
    holder.wait(timeout=30)
    holder.stdout.close()


def test_a_second_build_stops_with_a_clear_message(
    cli, project: tuple[Path, Path, Path], held: subprocess.Popen[str]
) -> None:
    config, library, output = project
    result = cli(*build_args(config, library, output))
    assert result.code == 1
    assert f"another casekit build (process {held.pid}) is writing" in result.err
    assert "--wait" in result.err
    assert not output.exists()


def test_a_waiting_build_judges_the_library_only_once_it_has_the_lock(
    project: tuple[Path, Path, Path], held: subprocess.Popen[str]
) -> None:
    config, library, output = project
    withdrawn = write_case(library, synthetic_case("synthetic-withdrawn-meanwhile"))
    command = [sys.executable, "-m", "casekit", *build_args(config, library, output), "--wait"]
    waiting = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            waiting.wait(timeout=3)  # it waits for the lock
        data = json.loads(withdrawn.read_text(encoding="utf-8"))
        withdrawn.write_text(json.dumps({**data, "status": "draft"}), encoding="utf-8")
        assert held.stdin is not None
        held.stdin.close()  # the other build ends
        _, err = waiting.communicate(timeout=120)
    finally:
        if waiting.poll() is None:
            waiting.kill()
            waiting.wait()
    assert waiting.returncode == 0, err
    assert (output / "cases" / "synthetic-always" / "index.html").is_file()
    assert not (output / "cases" / "synthetic-withdrawn-meanwhile").exists()


def test_a_running_builds_folder_is_not_removed_as_a_leftover(
    project: tuple[Path, Path, Path], held: subprocess.Popen[str]
) -> None:
    from casekit.fsutil import replace_folder

    _, _, output = project
    alive = output.parent / f".{output.name}.building-{held.pid}-x1"
    alive.mkdir()
    (alive / "index.html").write_text("another build's half-made site")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    gone = output.parent / f".{output.name}.building-{int(dead.stdout)}-x2"
    gone.mkdir()
    replace_folder(output, lambda staging: (staging / "index.html").write_text("new"))
    assert alive.is_dir(), "the folder of a build still running was removed"
    assert not gone.exists(), "the leftover of a build that ended was kept"


def test_only_a_folder_casekit_built_is_replaced(cli, project: tuple[Path, Path, Path]) -> None:
    config, library, output = project
    output.mkdir()
    (output / "index.html").write_text("an author's own page")
    result = cli(*build_args(config, library, output))
    assert result.code == 1
    assert "was not built by casekit" in result.err
    assert (output / "index.html").read_text() == "an author's own page"

    built = output.parent / "built"
    assert cli(*build_args(config, library, built)).code == 0
    assert (built / ".casekit-site").is_file()
    (built / "stale.html").write_text("from the last build")
    assert cli(*build_args(config, library, built)).code == 0
    assert not (built / "stale.html").exists()


@pytest.mark.parametrize("where", ["..", ".", "cases"])
def test_an_output_folder_holding_the_library_is_a_usage_error(
    cli, project: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    config, library, _ = project
    monkeypatch.chdir(config.parent)
    result = cli("build", "--library", str(library), "--output", where)
    assert result.code == 2
    assert "Choose a folder of its own" in result.err
    assert "internal error" not in result.err
    assert (library / "synthetic-always.json").is_file()
    assert main is not None
