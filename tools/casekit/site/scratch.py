"""A build's scratch folder: generated files wait there until MkDocs has read them."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


class Scratch:
    """A build's scratch folder for generated files, removed when the build ends.

    It lies in ``base`` (the cache folder, on disk: a system's temporary folder may be
    memory) when that can be written, else in the system's temporary folder. Its name
    holds the building process's id, so that a later build can remove what a build that
    was killed left behind.
    """

    PREFIX = "pages-"

    def __init__(self, base: Path | None) -> None:
        self.path = self._make(base)

    @classmethod
    def _make(cls, base: Path | None) -> Path:
        if base is not None:
            with contextlib.suppress(OSError):
                base.mkdir(parents=True, exist_ok=True)
                cls._remove_abandoned(base)
                return Path(tempfile.mkdtemp(prefix=f"{cls.PREFIX}{os.getpid()}-", dir=base))
        return Path(tempfile.mkdtemp(prefix=f"casekit-{cls.PREFIX}{os.getpid()}-"))

    @classmethod
    def _remove_abandoned(cls, base: Path) -> None:
        for folder in base.glob(f"{cls.PREFIX}*-*"):
            pid = folder.name.removeprefix(cls.PREFIX).split("-", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                shutil.rmtree(folder, ignore_errors=True)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to someone else
        return True
    return True
