"""Turn a structured case into an abstract, a web page or a CARE checklist.

>>> from casekit.render import render
>>> result = render(case, "abstract", to="txt", profile="jmcr")
>>> result.report.fits

The names below are loaded on first use (PEP 562): ``casekit lint`` reaches into
:mod:`casekit.render.abstract` for one rule, and should not pay for Jinja and
python-docx, which only the renderers themselves need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from casekit.render.abstract import AbstractReport
    from casekit.render.core import FORMATS, RenderError, RenderResult, render
    from casekit.render.profiles import Profile, ProfileError, list_profiles, load_profile

_WHERE = {
    "AbstractReport": "casekit.render.abstract",
    "FORMATS": "casekit.render.core",
    "RenderError": "casekit.render.core",
    "RenderResult": "casekit.render.core",
    "render": "casekit.render.core",
    "Profile": "casekit.render.profiles",
    "ProfileError": "casekit.render.profiles",
    "list_profiles": "casekit.render.profiles",
    "load_profile": "casekit.render.profiles",
}

__all__ = [
    "FORMATS",
    "AbstractReport",
    "Profile",
    "ProfileError",
    "RenderError",
    "RenderResult",
    "list_profiles",
    "load_profile",
    "render",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'casekit.render' has no attribute {name!r}")
