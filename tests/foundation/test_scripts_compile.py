"""Every Python file of the repository's scripts compiles.

The training script (tools/train_identifier_model.py) runs in an environment of its own
(scikit-learn is no dependency of casekit), so no test imports it; and the benchmarks run
by hand. A mistake that only the compiler sees (a name read before its ``global``
statement) would otherwise be found by the next person to run them.
"""

from __future__ import annotations

import py_compile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = sorted([*REPO.glob("tools/*.py"), *REPO.glob("bench/*.py")])


def test_there_are_scripts_to_compile() -> None:
    assert REPO / "tools" / "train_identifier_model.py" in SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_the_script_compiles(script: Path, tmp_path: Path) -> None:
    py_compile.compile(str(script), cfile=str(tmp_path / "compiled.pyc"), doraise=True)
