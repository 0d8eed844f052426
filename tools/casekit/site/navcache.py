"""The theme's navigation, rendered once for all the case and tag pages at the same depth.

Material renders the whole site navigation into every page it writes: at 1,000 cases about
a third of MkDocs' page building (1.8-2.6 s with it, 1.2-1.5 s without), on one core, on the
critical path of a first build. A page
outside the navigation (casekit's case and tag pages: see ``_inclusion`` in
:mod:`casekit.site.hooks`) makes no item of it active, so its navigation differs from
another such page's only by its links, which are relative to the page: every page at the
same depth gets the same HTML. The theme's ``partials/nav.html`` is wrapped here (the theme's
own file, or the library's override of it, under :data:`THEME_COPY`) so that the first
such page at each depth renders it and the others reuse the text.

Nothing is reused where the navigation could hold something of the page: with Material's
``toc.integrate`` (the page's table of contents inside the navigation), for pages in the
navigation, and for pages MkDocs' Jinja renders without the context key. A test builds the
library with and without the cache and compares every page byte for byte. Zensical renders
its pages itself and is not concerned.
"""

from __future__ import annotations

from typing import Any

import jinja2

#: The theme's navigation partial, and where its own text is kept under the wrapper.
NAV = "partials/nav.html"
THEME_COPY = "casekit/theme-nav.html"
#: Context variables: the page's depth (set only for pages outside the navigation) and
#: the navigation's HTML by depth.
KEY, KEPT = "casekit_nav_depth", "casekit_navs"
#: Whether the cache is used (the test that compares builds switches it off).
ENABLED = True

_WRAPPER = (
    "{%- if " + KEY + " is defined and " + KEY + " in " + KEPT + " -%}"
    "{{- " + KEPT + "[" + KEY + "] -}}"
    "{%- else -%}"
    '{%- set casekit_nav_html -%}{% include "' + THEME_COPY + '" %}{%- endset -%}'
    "{%- if " + KEY + " is defined -%}"
    "{%- set _ = " + KEPT + ".__setitem__(" + KEY + ", casekit_nav_html) -%}"
    "{%- endif -%}"
    "{{- casekit_nav_html -}}"
    "{%- endif -%}"
)


class NavCache:
    """The navigation's HTML by page depth, for one build's pages outside the navigation."""

    def __init__(self) -> None:
        self.kept: dict[int, str] = {}
        self.on = False

    def install(self, env: jinja2.Environment, config: Any) -> None:
        """Start a build: wrap the theme's navigation partial in ``env`` where it may be."""
        self.kept.clear()
        self.on = ENABLED and _wrap(env, config)

    def mark(self, context: dict[str, Any], page: Any) -> None:
        """Let ``page`` reuse the navigation of its depth, if it is outside the navigation."""
        if self.on and page.file.inclusion.is_not_in_nav():
            context[KEY] = page.url.count("/")
            context[KEPT] = self.kept


def _wrap(env: jinja2.Environment, config: Any) -> bool:
    """Wrap the theme's navigation partial in ``env``; False where it is left as it is."""
    features = config.theme.get("features") or []
    if "toc.integrate" in features or env.loader is None:
        return False
    try:
        source, _, _ = env.loader.get_source(env, NAV)
    except jinja2.TemplateNotFound:  # a theme without Material's partial
        return False
    env.loader = jinja2.ChoiceLoader(
        [jinja2.DictLoader({NAV: _WRAPPER, THEME_COPY: source}), env.loader]
    )
    return True
