"""An editing session on a copy of the founding case, served on loopback for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from editorhelpers import FOUNDING, Served, serve


@pytest.fixture
def founding_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    target = folder / FOUNDING.name
    shutil.copyfile(FOUNDING, target)
    return target


@pytest.fixture
def served(founding_copy: Path) -> Iterator[Served]:
    yield from serve(founding_copy, founding_copy.parent)


@pytest.fixture
def served_new(tmp_path: Path) -> Iterator[Served]:
    folder = tmp_path / "cases"
    folder.mkdir()
    yield from serve(None, folder)
