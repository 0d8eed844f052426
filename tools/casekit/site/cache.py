"""Reuse a case's generated pages and downloads when nothing that made them has changed.

Rendering a case (above all its Word abstract) costs far more than MkDocs spends on its
page, so a rebuild renders only the cases whose file changed. An entry's key covers
everything the output depends on: the case file's exact text, the address style, and a
fingerprint of casekit's own code, data files and every template folder in use. Any
change to those gives a new key, so a stale entry is never used; entries no build asked
for are deleted at the end of each build, so the cache stays the size of the library.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Generic, TypeVar

from casekit import __version__
from casekit.fsutil import OutputError, atomic_write
from casekit.resources import data_dir

Files = dict[str, str | bytes]
T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent.parent
_SUFFIXES = {".py", ".j2", ".json", ".csl", ".js", ".css"}


def fingerprint(template_dirs: Iterable[Path]) -> str:
    """What the generated files depend on besides the case: code, data, templates."""
    digest = hashlib.sha256(__version__.encode())
    folders = [_PACKAGE, data_dir("templates"), data_dir("schema"), *template_dirs]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in _SUFFIXES and path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class PageCache(Generic[T]):
    """Generated output by key, one pickle per entry, in ``folder`` (None: no caching).

    ``kind`` is the type every entry has (``dict`` for a case's files); anything else
    read back (a damaged or foreign file) counts as missing.
    """

    def __init__(self, folder: Path | None, fingerprint: str, kind: type[T] = dict) -> None:  # type: ignore[assignment]
        self.folder = folder
        self._fingerprint = fingerprint
        self._kind = kind
        self._used: set[str] = set()

    def key(self, case_text: str, *, directory_urls: bool) -> str:
        return self.key_of(b"urls" if directory_urls else b"files", case_text)

    def key_of(self, *parts: str | bytes) -> str:
        """A key covering the fingerprint and every one of ``parts``."""
        digest = hashlib.sha256(self._fingerprint.encode())
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "big"))
            digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> T | None:
        self._used.add(key)
        if self.folder is None:
            return None
        try:
            with (self.folder / f"{key}.pickle").open("rb") as handle:
                found = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
            return None  # a missing or damaged entry is simply made again
        return found if isinstance(found, self._kind) else None

    def put(self, key: str, value: T) -> None:
        self._used.add(key)
        if self.folder is None:
            return
        with contextlib.suppress(OutputError):  # a cache that cannot be written is no cache
            atomic_write(
                self.folder / f"{key}.pickle", pickle.dumps(value, protocol=5), durable=False
            )

    def prune(self) -> None:
        """Delete entries this build did not use (cases changed, unpublished or deleted)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for entry in os.scandir(self.folder):
            name = entry.name
            if name.endswith(".pickle") and name.removesuffix(".pickle") not in self._used:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
