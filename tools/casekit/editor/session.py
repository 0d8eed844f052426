"""The one case file an editing session may read and write.

The browser holds the digest of the text it started from; a save carries it, and the
session writes only if the file on disk still has that digest. Otherwise it refuses
(:class:`Conflict`) and the author chooses: reload the file, or keep their version (the
next save then names the digest of the file now on disk). Nothing is overwritten
without that choice.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casekit.authoring.formatting import load_for_rewrite, rewrite_target
from casekit.authoring.skeleton import schema_reference, slug_problem
from casekit.editor.document import digest, merge_into
from casekit.fsutil import OutputError, atomic_write
from casekit.loader import LoadError
from casekit.resources import schema_version

#: The digest the browser names for a case that has no file yet.
NEW = "new"
#: The digest of a file that is not there (deleted or moved since it was opened).
ABSENT = "absent"


class SaveRefused(Exception):
    """The case cannot be saved as asked; the message says why and what to do."""


class Conflict(SaveRefused):
    """The file on disk is not the one the author started from."""

    def __init__(self, message: str, disk: Snapshot | None) -> None:
        super().__init__(message)
        self.disk = disk


@dataclass(frozen=True)
class Snapshot:
    """A version of the case file: its text and the digest of its bytes."""

    text: str
    digest: str
    data: Any


def read_snapshot(path: Path) -> Snapshot:
    """The file as it is now; :class:`LoadError` if it is not a readable JSON case file."""
    doc = load_for_rewrite(path)
    return Snapshot(doc.text, digest(path.read_bytes()), doc.data)


class EditSession:
    """One case, named or still to be named, and the versions the browser may hold."""

    def __init__(self, path: Path | None, new_case_dir: Path) -> None:
        self.path = path.absolute() if path is not None else None
        self.new_case_dir = new_case_dir.absolute()
        self._lock = threading.Lock()
        #: texts by digest: what the browser may start from (the opened and saved versions)
        self._texts: dict[str, str] = {}
        self.opened: Snapshot | None = None
        if self.path is not None:
            self.opened = read_snapshot(self.path)
            self._texts[self.opened.digest] = self.opened.text

    @property
    def folder(self) -> Path:
        return self.path.parent if self.path is not None else self.new_case_dir

    def starting_data(self) -> tuple[Any, str]:
        """The case to show first and the digest it comes from."""
        if self.opened is not None:
            return self.opened.data, self.opened.digest
        blank: dict[str, Any] = {}
        reference = schema_reference(self.new_case_dir)
        if reference:
            blank["$schema"] = reference
        blank |= {"schema_version": schema_version(), "status": "draft"}
        return blank, NEW

    def disk_digest(self) -> str:
        """The digest of the file now on disk (:data:`NEW` before the first save)."""
        if self.path is None:
            return NEW
        try:
            return digest(self.path.read_bytes())
        except FileNotFoundError:
            return ABSENT
        except OSError:
            return "unreadable"

    def disk_snapshot(self) -> Snapshot | None:
        """The file now on disk, if it is a readable case (the browser may then start from it)."""
        with self._lock:
            return self._read_disk()

    def text_of(self, version: str) -> str | None:
        """The text of a version the browser may hold (the opened file for one unknown)."""
        with self._lock:
            return self._texts.get(version) or (self.opened.text if self.opened else None)

    def target_for(self, data: Any) -> Path:
        """Where a new case is saved: ``<folder>/<id>.json``, named by the case's id."""
        case_id = data.get("id") if isinstance(data, dict) else None
        if not isinstance(case_id, str) or not case_id:
            raise SaveRefused(
                "Give the case an identifier first (in 'The report'): it names the file."
            )
        problem = slug_problem(case_id)
        if problem:
            raise SaveRefused(problem)
        return self.new_case_dir / f"{case_id}.json"

    def save(self, data: Any, base: str) -> Snapshot:
        """Write ``data`` if the file is still the version ``base``; the new version."""
        with self._lock:
            path = self.path if self.path is not None else self.target_for(data)
            if self.path is None:
                if base != NEW:
                    raise SaveRefused("This case was not opened from a file; reload the page.")
                if path.exists() or path.is_symlink():
                    raise Conflict(
                        f"There is already a case file {path.name} in {path.parent}. Choose"
                        " another identifier, or open that file with 'casekit edit"
                        f" {path}'.",
                        None,
                    )
                base_text = None
            else:
                now = self.disk_digest()
                if now != base:
                    raise Conflict(self._changed_message(now), self._read_disk())
                # "Keep mine" names the disk's version; a deleted file has no text to keep.
                base_text = self._texts.get(base) or (self.opened.text if self.opened else None)
            try:
                text = merge_into(base_text, data)
            except (ValueError, TypeError) as exc:
                raise SaveRefused(f"The case could not be written: {exc}.") from None
            try:
                atomic_write(rewrite_target(path), text)
            except OutputError as exc:
                raise SaveRefused(str(exc)[0].upper() + str(exc)[1:]) from None
            saved = Snapshot(text, digest(text), json.loads(text))
            self._texts[saved.digest] = text
            self.path = path
            return saved

    def _read_disk(self) -> Snapshot | None:
        if self.path is None or not self.path.exists():
            return None
        try:
            snapshot = read_snapshot(self.path)
        except LoadError:
            return None
        self._texts[snapshot.digest] = snapshot.text
        return snapshot

    def _changed_message(self, now: str) -> str:
        assert self.path is not None
        if now == ABSENT:
            return (
                f"{self.path.name} was deleted or moved since you opened it. Save again to"
                " write your version there, or copy your text elsewhere first."
            )
        return (
            f"{self.path.name} was changed on disk since you opened it (by another program,"
            " or git). Nothing was saved. Reload it (your changes here are lost), or keep"
            " yours (the file on disk is replaced when you save)."
        )
