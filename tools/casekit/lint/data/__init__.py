"""Knowledge kept as data (units, abbreviations, tissue diagnoses), each file citing its sources."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


@cache
def load(name: str) -> Any:
    with (_HERE / name).open(encoding="utf-8") as handle:
        return json.load(handle)
