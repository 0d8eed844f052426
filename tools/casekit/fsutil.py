"""Writing files so that a reader never sees half of one.

Every output casekit writes goes through :func:`atomic_write`: the content goes to a
temporary file in the same folder, is flushed to disk, and then replaces the target in
one step. An interrupted run leaves the previous file intact.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


class OutputError(Exception):
    """An output file could not be written; the message says why in plain words."""


def atomic_write(
    path: Path, data: str | bytes, *, encoding: str = "utf-8", durable: bool = True
) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    ``durable=False`` skips flushing to disk (fsync) before the rename: for files that can
    be made again, such as cache entries, where a file lost in a power cut costs nothing
    but waiting for the disk on each of thousands of files costs seconds.
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(_explain(path, exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp_name, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise OutputError(_explain(path, exc)) from None


def _explain(path: Path, exc: OSError) -> str:
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {path}: the folder is read-only or you lack permission."
    if exc.errno == errno.ENOSPC:
        return f"cannot write {path}: the disk is full. Free some space and run again."
    return f"cannot write {path}: {exc.strerror or exc}."


def replace_folder(
    target: Path, fill: Callable[[Path], None], *, previous_markers: tuple[str, ...] = ()
) -> None:
    """Make a new version of folder ``target`` with ``fill(staging)``, then swap it in.

    The new folder is built beside the old one and takes its place only when ``fill``
    has finished, so a build that fails or is killed leaves the previous site whole.
    Leftovers of a killed build (``.NAME.building-*``, ``.NAME.old-*``) are removed first.
    With ``previous_markers``, an existing non-empty ``target`` is replaced only if it
    holds one of them (it is a previous build), never a folder of someone's files.
    """
    parent = target.parent
    if previous_markers and target.is_dir() and any(target.iterdir()):
        if not any((target / name).exists() for name in previous_markers):
            raise OutputError(
                f"the output folder {target} is not empty and does not look like a site built"
                " before, so casekit will not replace it. Choose an empty or new folder."
            )
    elif previous_markers and target.exists() and not target.is_dir():
        raise OutputError(f"the output {target} is a file, not a folder. Choose a folder.")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        for leftover in parent.glob(f".{target.name}.building-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        for leftover in parent.glob(f".{target.name}.old-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=parent))
    except OSError as exc:
        raise OutputError(_explain(target, exc)) from None
    try:
        fill(staging)
        old = parent / f".{target.name}.old-{os.getpid()}"
        had_previous = target.exists()
        if had_previous:
            os.replace(target, old)
        try:
            os.replace(staging, target)
        except OSError:
            if had_previous:
                os.replace(old, target)  # put the previous site back
            raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(_explain(target, exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
