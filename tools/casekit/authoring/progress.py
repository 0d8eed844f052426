"""Progress for long runs: shown on a terminal, silent in CI and when output is piped.

Use it around any loop over many files::

    for path in progress(files, label="fmt"):
        ...

The counter is written to standard error, on one line that is rewritten in place, and
cleared when the loop ends, so it never mixes with a command's real output.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO, TypeVar

T = TypeVar("T")

#: Fewer items than this finish too quickly for a counter to help.
MIN_ITEMS = 2


def wants_progress(stream: TextIO | None = None) -> bool:
    """True on an interactive terminal; False in CI (``CI`` set) or when redirected."""
    stream = stream if stream is not None else sys.stderr
    if os.environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def progress(
    items: Sequence[T], *, label: str, stream: TextIO | None = None, enabled: bool | None = None
) -> Iterator[T]:
    """Yield ``items``, showing ``label: n/total`` while the loop runs (when wanted)."""
    out = stream if stream is not None else sys.stderr
    show = wants_progress(out) if enabled is None else enabled
    total = len(items)
    if not show or total < MIN_ITEMS:
        yield from items
        return
    width = 0
    try:
        for index, item in enumerate(items, start=1):
            line = f"{label}: {index}/{total}"
            width = max(width, len(line))
            out.write(f"\r{line}")
            out.flush()
            yield item
    finally:
        out.write("\r" + " " * width + "\r")
        out.flush()
