"""Turn a structured case into an abstract, a web page or a CARE checklist.

>>> from casekit.render import render
>>> result = render(case, "abstract", to="txt", profile="jmcr")
>>> result.report.fits
"""

from casekit.render.abstract import AbstractReport
from casekit.render.core import FORMATS, RenderError, RenderResult, render
from casekit.render.profiles import Profile, ProfileError, list_profiles, load_profile

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
