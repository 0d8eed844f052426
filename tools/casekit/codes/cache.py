"""The code lists as read once, kept on disk for the next process.

Reading hp.obo and the ICD tabular lists takes a few tenths of a second per list and
process; ``casekit lint`` on one coded case would pay that on every save in an editor.
Each list, once parsed into plain dicts, tuples and strings, is written with
:mod:`marshal` (several times faster to load than to parse) under the user's cache folder,
keyed by the source file's path, size and modification time, casekit's cache format and
the Python version. A cache that cannot be read or written is ignored: the list is parsed
again. Set ``CASEKIT_CACHE_DIR`` to choose the folder, or to ``off`` to never write one.
"""

from __future__ import annotations

import json
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

#: Bump when the shape of what a builder returns (or its ``store`` keeps) changes.
FORMAT = 2


def cache_dir() -> Path | None:
    chosen = os.environ.get("CASEKIT_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off") else Path(chosen) / "codes"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "casekit" / "codes"


def _key(name: str, sources: Sequence[Path]) -> str:
    """A checksum of what the stored list depends on, for its file name.

    Two of zlib's checksums (64 bits together) rather than a cryptographic hash: the
    name only has to change when the sources, the format or Python do, and importing
    hashlib (OpenSSL) cost 2.5 ms of every cold lint of a coded case.
    """
    stamp = []
    for source in sources:
        status = source.stat()
        stamp.append([str(source.resolve()), status.st_size, status.st_mtime_ns])
    text = json.dumps([FORMAT, sys.version, name, stamp]).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}"


def _same(value: Any) -> Any:
    return value


def cached(
    name: str,
    sources: Sequence[Path],
    build: Callable[[], Any],
    *,
    store: Callable[[Any], Any] = _same,
    read: Callable[[Any], Any] = _same,
) -> Any:
    """``build()``, or what an earlier process stored for the same source files.

    ``build`` must return only dicts, lists, tuples, sets, strings, numbers, booleans and
    None (what :mod:`marshal` writes), or ``store`` must turn its value into those. The
    cache keeps ``store(value)``; a later process gets ``read(stored)``, which must answer
    like ``value`` (for a list kept in parts, :mod:`casekit.codes.sharded`). The process
    that builds the value uses it as built.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_key(name, sources)}.marshal"
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    else:
        return read(stored)
    value = build()
    # Imported only to write: reading, on every later run, needs none of it.
    from casekit.fsutil import OutputError, atomic_write

    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(path, marshal.dumps(store(value)), durable=False)
    except (OSError, OutputError, ValueError):
        pass  # a read-only home: parse again next time
    return value
