"""Where output goes (issue 12, items 3 and 12).

`render -o FIFO` turned the FIFO into a regular file, and as root `-o /dev/null` replaced
/dev/null with a file holding the case; standard output to a full disk exited 0.
"""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest
from reliability_project import casekit_command, synthetic_case, write_case


@pytest.fixture
def case(tmp_path: Path) -> Path:
    return write_case(tmp_path / "cases", synthetic_case("synthetic-output"))


def test_a_fifo_is_refused_and_stays_a_fifo(cli, case: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = cli("render", str(case), "--format", "web", "-o", str(fifo))
    assert result.code == 2
    assert "named pipe (FIFO), not an ordinary file" in result.err
    assert fifo.is_fifo()


def test_a_socket_is_refused(cli, case: Path, tmp_path: Path) -> None:
    path = tmp_path / "s.md"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        result = cli("render", str(case), "--format", "web", "-o", str(path))
    assert result.code == 2
    assert "a socket, not an ordinary file" in result.err


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="needs /dev/null")
def test_a_device_is_refused_and_left_alone(cli, case: Path) -> None:
    before = os.stat("/dev/null")
    result = cli("render", str(case), "--format", "web", "-o", "/dev/null")
    assert result.code == 2
    assert "a device, not an ordinary file" in result.err
    after = os.stat("/dev/null")
    assert Path("/dev/null").is_char_device() and after.st_ino == before.st_ino


def test_a_symlink_is_written_through_and_kept(cli, case: Path, tmp_path: Path) -> None:
    real = tmp_path / "real" / "page.md"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert cli("render", str(case), "--format", "web", "-o", str(link)).code == 0
    assert link.is_symlink()
    assert "Synthetic reliability case" in real.read_text(encoding="utf-8")


def test_output_into_a_missing_folder_creates_it_and_says_so(
    cli, case: Path, tmp_path: Path
) -> None:
    target = tmp_path / "new" / "deeper" / "page.md"
    result = cli("render", str(case), "--format", "web", "-o", str(target))
    assert result.code == 0
    assert target.is_file()
    assert f"(created the folder {tmp_path / 'new'})" in result.err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [("lint",), ("render", "--format", "web"), ("--version",)])
def test_standard_output_to_a_full_disk_fails(case: Path, args: tuple[str, ...]) -> None:
    command = [*args, str(case)] if args[0] != "--version" else list(args)
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            casekit_command(*command), stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert result.returncode == 1
    assert "cannot write the output: No space left on device" in result.stderr
