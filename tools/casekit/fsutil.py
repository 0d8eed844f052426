"""Writing files so that a reader never sees half of one.

Every output casekit writes goes through :func:`atomic_write`: the content goes to a
temporary file in the same folder, is flushed to disk, and then replaces the target in
one step. An interrupted run leaves the previous file intact.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
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
    path = _writable_target(path)
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


def _writable_target(path: Path) -> Path:
    """The file to replace for ``path``: the file a symbolic link points at (so the link
    stays), and never anything but a regular file.

    Renaming onto a FIFO, a socket or a device replaces it with a file: as root,
    ``-o /dev/null`` replaced /dev/null with a world-readable file holding the case.
    """
    if path.is_symlink():
        try:
            path = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise OutputError(
                f"cannot write {path}: it is a symbolic link that leads nowhere (or in a"
                " circle). Remove the link or choose another file name."
            ) from None
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise OutputError(_explain(path, exc)) from None
    if stat.S_ISREG(mode):
        return path
    kind = (
        "a folder"
        if stat.S_ISDIR(mode)
        else "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not an ordinary file"
    )
    raise OutputError(
        f"cannot write {path}: it is {kind}, not an ordinary file, and casekit writes only"
        " ordinary files. Choose a file name (to see the output on the screen, leave out"
        " --output)."
    )


def _explain(path: Path, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"cannot write {path}: the folder is read-only or you lack permission."
    if exc.errno == errno.ENOSPC:
        return f"cannot write {path}: the disk is full. Free some space and run again."
    return f"cannot write {path}: {exc.strerror or exc}."


#: The file casekit writes into every folder it builds: only such a folder is replaced.
SITE_MARKER = ".casekit-site"
_MARKER_TEXT = (
    "This folder was built by casekit. 'casekit build' replaces it whole at the next build:\n"
    "keep nothing else in it.\n"
)


def _owner_alive(name: str) -> bool:
    """For a ``.NAME.building-PID-*`` folder: whether the build that made it still runs."""
    pid_text = name.rsplit(".building-", 1)[-1].split("-", 1)[0]
    if not pid_text.isdecimal():
        return False  # made by an older casekit, which wrote no owner: a leftover
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def replace_folder(
    target: Path, fill: Callable[[Path], None], *, marker: str | None = SITE_MARKER
) -> None:
    """Make a new version of folder ``target`` with ``fill(staging)``, then swap it in.

    The new folder is built beside the old one and takes its place only when ``fill``
    has finished, so a build that fails or is killed leaves the previous site whole.
    Leftovers of a killed build (``.NAME.building-PID-*``, ``.NAME.old-*``) are removed
    first, but never those of a build still running. With ``marker``, an existing
    non-empty ``target`` is replaced only if it holds that file (casekit built it), never
    a folder of someone's files, and the new folder gets the file.
    """
    parent = target.parent
    if target.exists() and not target.is_dir():
        raise OutputError(f"the output {target} is a file, not a folder. Choose a folder.")
    if marker and target.is_dir() and any(target.iterdir()) and not (target / marker).is_file():
        raise OutputError(
            f"the output folder {target} is not empty and was not built by casekit (it has no"
            f" {marker} file), so casekit will not replace it. Choose an empty or new folder,"
            " or delete this one yourself if you are sure nothing in it is needed."
        )
    try:
        parent.mkdir(parents=True, exist_ok=True)
        for leftover in parent.glob(f".{target.name}.building-*"):
            if not _owner_alive(leftover.name):
                shutil.rmtree(leftover, ignore_errors=True)
        for leftover in parent.glob(f".{target.name}.old-*"):
            if not _owner_alive(leftover.name.replace(".old-", ".building-")):
                shutil.rmtree(leftover, ignore_errors=True)
        staging = Path(
            tempfile.mkdtemp(prefix=f".{target.name}.building-{os.getpid()}-", dir=parent)
        )
    except OSError as exc:
        raise OutputError(_explain(target, exc)) from None
    try:
        fill(staging)
        if marker:
            (staging / marker).write_text(_MARKER_TEXT, encoding="utf-8")
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


class FolderBusy(Exception):
    """Another casekit process holds the lock on an output folder."""


@contextlib.contextmanager
def folder_lock(target: Path, *, wait: bool) -> Iterator[None]:
    """Hold the lock of output folder ``target`` (``.NAME.lock`` beside it) for the block.

    One build per output folder at a time: two builds that judged the library at different
    moments must not both publish, nor remove each other's work. ``wait=False`` raises
    :class:`FolderBusy` at once when another process holds the lock. Where ``fcntl`` does
    not exist (Windows), builds are not locked.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Linux or macOS
        yield
        return
    lock_path = target.parent / f".{target.name}.lock"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = lock_path.open("a+")
    except OSError as exc:
        raise OutputError(_explain(lock_path, exc)) from None
    with handle:
        try:
            # A POSIX record lock (lockf), not flock: it belongs to this process alone, so
            # worker processes forked while it is held do not keep it after a killed build.
            fcntl.lockf(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                raise OutputError(_explain(lock_path, exc)) from None
            handle.seek(0)
            holder = handle.read().strip()
            raise FolderBusy(holder) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.lockf(handle, fcntl.LOCK_UN)
