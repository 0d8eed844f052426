"""Faults: killed builds, read-only folders, a full disk, concurrent fmt runs.

casekit handles unpublished patient data and authors' only copies of their cases: an
interruption must never leave a half-written file or a half-replaced site.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
FOUNDING = REPO / "cases" / "crmo-not-crmo.json"
sys.path.insert(0, str(REPO / "bench"))

from generate import write_library  # noqa: E402  (bench/ is not a package)


def _casekit(*args: str) -> list[str]:
    return [sys.executable, "-m", "casekit", *args]


@contextlib.contextmanager
def _small_filesystem(tmp_path: Path, size: str, *, read_only: bool = False) -> Iterator[Path]:
    """A real tmpfs of ``size`` (needs root and mount rights; the test is skipped otherwise)."""
    mountpoint = tmp_path / "mnt"
    mountpoint.mkdir()
    options = f"size={size}" + (",ro" if read_only else "")
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mountpoint)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {result.stderr.strip()}")
    try:
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def test_killed_site_build_leaves_previous_site_whole(tmp_path: Path) -> None:
    library = tmp_path / "cases"
    write_library(library, 300, seed=7)
    config = tmp_path / "mkdocs.yml"
    shutil.copy(REPO / "mkdocs.yml", config)
    text = config.read_text().replace(
        "tools/casekit/site/hooks.py", str(REPO / "tools/casekit/site/hooks.py")
    )
    config.write_text(text.replace("docs_dir: site", f"docs_dir: {REPO / 'site'}"))
    output = tmp_path / "out"
    output.mkdir()
    (output / "index.html").write_text("previous site")
    (output / ".casekit-site").write_text("built by casekit")
    build = [
        *_casekit("build", "--config", str(config), "--library", str(library)),
        "--output",
        str(output),
    ]

    proc = subprocess.Popen(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".out.building-*")) and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.5)  # well inside MkDocs' own build
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (output / "index.html").read_text() == "previous site"
    assert proc.returncode == -signal.SIGKILL

    again = subprocess.run(build, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "previous site" not in (output / "index.html").read_text()
    assert (output / "cases" / "synthetic-case-00000" / "index.html").is_file()
    leftovers = [p for p in tmp_path.glob(".out.*") if p.name != ".out.lock"]  # the lock stays
    assert not leftovers, "leftovers of the killed build are cleaned up"


def test_render_to_a_full_disk_says_so_and_keeps_the_old_file(cli, tmp_path: Path) -> None:
    with _small_filesystem(tmp_path, "16k") as disk:
        target = disk / "abstract.docx"
        target.write_bytes(b"previous abstract")
        filler = disk / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            handle.write(b"\0" * 64 * 1024)
        result = cli("render", str(FOUNDING), "--to", "docx", "-o", str(target))
        assert result.code == 2
        assert "disk is full" in result.err
        assert target.read_bytes() == b"previous abstract"
        assert sorted(p.name for p in disk.iterdir()) == ["abstract.docx", "filler"]


def test_render_into_a_read_only_folder_says_so(cli, tmp_path: Path) -> None:
    with _small_filesystem(tmp_path, "1m", read_only=True) as disk:
        result = cli("render", str(FOUNDING), "-o", str(disk / "abstract.txt"))
        assert result.code == 2
        assert "read-only" in result.err
        assert "Traceback" not in result.err


def test_site_build_into_a_read_only_folder_says_so(cli, tmp_path: Path) -> None:
    with _small_filesystem(tmp_path, "1m", read_only=True) as disk:
        result = cli("build", "--output", str(disk / "site"))
        assert result.code == 1
        assert "read-only" in result.err


def test_concurrent_fmt_runs_never_leave_a_truncated_file(tmp_path: Path) -> None:
    target = tmp_path / "crmo-not-crmo.json"
    data = json.loads(FOUNDING.read_text())
    target.write_text(json.dumps(data))  # one long line: fmt has work to do
    expected = FOUNDING.read_text()
    runs = [
        subprocess.Popen(_casekit("fmt", str(target)), stdout=subprocess.DEVNULL) for _ in range(8)
    ]
    reads = 0
    while any(run.poll() is None for run in runs):
        text = target.read_text(encoding="utf-8")
        assert json.loads(text) == data, "a reader saw a partial file"
        reads += 1
    assert all(run.returncode == 0 for run in runs)
    assert target.read_text() == expected
    assert reads > 0
    assert [p.name for p in tmp_path.iterdir()] == [target.name], "no temporary files left"


def test_fmt_interrupted_while_writing_keeps_the_original(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "crmo-not-crmo.json"
    original = json.dumps(json.loads(FOUNDING.read_text()))
    target.write_text(original)

    def power_cut(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", power_cut)
    result = cli("fmt", str(target))
    assert result.code == 1
    assert "disk is full" in result.out + result.err
    assert target.read_text() == original
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_build_refuses_to_replace_a_folder_that_is_not_a_site(cli, tmp_path: Path) -> None:
    precious = tmp_path / "my-notes"
    precious.mkdir()
    (precious / "draft-letter.txt").write_text("an author's only copy")
    result = cli("build", "--output", str(precious))
    assert result.code == 1
    assert "was not built by casekit" in result.err
    assert (precious / "draft-letter.txt").read_text() == "an author's only copy"
