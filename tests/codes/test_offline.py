"""Nothing casekit does with codes touches the network: lint and export run in a fresh
process whose sockets are disabled, so every code list is read from disk there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_NO_NETWORK = """
import socket, sys

def refuse(*args, **kwargs):
    raise OSError("network access attempted: " + repr(args))

socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from casekit.cli import main
lint = main(["lint", sys.argv[1]])
export = main(["export", sys.argv[1], "-o", sys.argv[2]])
suggest = main(["codes", "suggest", "limp"])
sys.exit(10 * (lint != 0) + export + suggest)
"""


def test_lint_export_and_suggest_run_with_sockets_disabled(tmp_path: Path) -> None:
    out = tmp_path / "packet.json"
    # an empty cache folder: every list is parsed from the packages' files in that process
    env = {**os.environ, "CASEKIT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", _NO_NETWORK, str(REPO / "cases" / "crmo-not-crmo.json"), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "network access attempted" not in done.stderr
    assert "HP:0031955" in done.stdout
    assert out.read_text(encoding="utf-8").startswith("{")
