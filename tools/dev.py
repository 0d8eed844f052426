#!/usr/bin/env python3
"""The two commands of README.md: ``build`` and ``test``.

Standard library only, so it runs on a fresh clone with nothing but Python 3.11+.
It creates ``.venv/`` in the repository, installs casekit with its development
dependencies (again whenever pyproject.toml changes), and then runs the job.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".casekit-installed"


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(*args: str | Path, check: bool = True) -> int:
    say(" ".join(str(a) for a in args))
    code = subprocess.call([str(a) for a in args], cwd=ROOT)
    if check and code != 0:
        say(f"failed with exit code {code}")
        raise SystemExit(code)
    return code


def ensure_venv() -> None:
    # dev.py runs under whatever python3 the user has, before the venv exists.
    if sys.version_info < (3, 11):  # noqa: UP036
        raise SystemExit("casekit needs Python 3.11 or newer; this is " + sys.version.split()[0])
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and (BIN / "casekit").exists():
        return
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", VENV)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(wanted + "\n")


def ensure_browser() -> None:
    """Headless Chromium for the browser tests, from Debian's packages where we may install."""
    if shutil.which("chromium") and shutil.which("chromedriver"):
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        say("installing chromium and chromium-driver for the browser tests")
        subprocess.call(["apt-get", "update", "-qq"], env=env)
        subprocess.call(["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"], env=env)
    if not shutil.which("chromium"):
        say("chromium is not available: the browser tests will be skipped")


def build(extra: list[str]) -> None:
    """Validate and lint every case (showing each finding), then build the site."""
    ensure_venv()
    run(BIN / "casekit", "lint", "cases")
    run(BIN / "casekit", "build", *extra)


def test(extra: list[str]) -> None:
    ensure_venv()
    ensure_browser()
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy")
    run(BIN / "casekit", "lint", "cases")  # validation, then every lint rule
    code = run(BIN / "pytest", *extra, check=False)
    raise SystemExit(code)


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ("build", "test"):
        raise SystemExit("usage: python3 tools/dev.py build|test [extra arguments]")
    {"build": build, "test": test}[argv[0]](argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
