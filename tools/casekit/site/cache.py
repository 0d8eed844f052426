"""Reuse a case's generated pages and downloads when nothing that made them has changed.

Rendering a case (above all its Word abstract) costs far more than MkDocs spends on its
page, so a rebuild renders only the cases whose file changed. An entry's key covers
everything the output depends on: the case file's exact text, the address style, and a
fingerprint of casekit's own code, data files and every template folder in use. Any
change to those gives a new key, so a stale entry is never used; entries no build asked
for are deleted at the end of each build, so the cache stays the size of the library.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar

from casekit import __version__
from casekit.fsutil import OutputError, atomic_write
from casekit.resources import data_dir

Files = dict[str, str | bytes]
T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent.parent
#: Every kind of file casekit's output can depend on: code, templates, schema, styles and
#: the word lists of the identifier detector and the knowledge packs.
_SUFFIXES = {".py", ".j2", ".json", ".csl", ".js", ".css", ".txt", ".html", ".toml", ".yml"}


def this_year() -> int:
    return datetime.date.today().year


def fingerprint(template_dirs: Iterable[Path]) -> str:
    """What the generated files depend on besides the case: code, data, templates, and
    the year (the identifier detector judges a year of birth by today's: someone born in
    1936 is over 89 from 2026, so a verdict kept from an earlier year may be wrong)."""
    digest = hashlib.sha256(f"{__version__}\0{this_year()}".encode())
    folders = [_PACKAGE, data_dir("templates"), data_dir("schema"), *template_dirs]
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in _SUFFIXES and path.is_file():
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


#: Tags for the values JSON has no type for. They start with a NUL character, which no
#: file path or table-of-contents key holds, so they cannot be mistaken for data.
_BYTES, _FROZENSET, _TUPLE = "\0bytes", "\0frozenset", "\0tuple"
_SUFFIX = ".json"


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {_BYTES: base64.b64encode(value).decode("ascii")}
    if isinstance(value, frozenset):
        return {_FROZENSET: [_encode(v) for v in sorted(value, key=str)]}
    if isinstance(value, tuple):
        return {_TUPLE: [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            tag, inner = next(iter(value.items()))
            if tag == _BYTES:
                return base64.b64decode(inner, validate=True)
            if tag == _FROZENSET:
                return frozenset(_decode(v) for v in inner)
            if tag == _TUPLE:
                return tuple(_decode(v) for v in inner)
        return {k: _decode(v) for k, v in value.items()}
    return value


class PageCache(Generic[T]):
    """Generated output by key, one JSON file per entry, in ``folder`` (None: no caching).

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
            raw = (self.folder / f"{key}{_SUFFIX}").read_bytes()
            found = _decode(json.loads(raw))
            if dataclasses.is_dataclass(self._kind) and isinstance(found, dict):
                found = self._kind(**found)
        except (OSError, ValueError, TypeError):
            return None  # a missing or damaged entry is simply made again
        return found if isinstance(found, self._kind) else None

    def take(self, key: str) -> T | None:
        """The entry under ``key``, deleted from the cache (None if there is none)."""
        found = self.get(key)
        if self.folder is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.folder / f"{key}{_SUFFIX}")
        return found

    def put(self, key: str, value: T) -> None:
        self._used.add(key)
        if self.folder is None:
            return
        text = json.dumps(_encode(value))
        with contextlib.suppress(OutputError):  # a cache that cannot be written is no cache
            atomic_write(self.folder / f"{key}{_SUFFIX}", text, durable=False)

    def mark_used(self, keys: Iterable[str]) -> None:
        """Keep ``keys`` at :meth:`prune`: entries a worker process read or wrote."""
        self._used.update(keys)

    def prune(self) -> None:
        """Delete entries this build did not use (cases changed, unpublished or deleted)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for entry in os.scandir(self.folder):
            name = entry.name
            stale = name.endswith(_SUFFIX) and name.removesuffix(_SUFFIX) not in self._used
            if stale or name.endswith(".pickle"):  # .pickle: entries of earlier versions
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
