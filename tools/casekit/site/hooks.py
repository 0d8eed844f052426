"""MkDocs hooks (named in ``mkdocs.yml``): generate the case library pages on every build.

Pages are created in memory with ``File.generated`` on each build, so a case that is
unpublished or deleted is simply not there next time, and ``mkdocs serve`` rebuilds when a
case, a template or the schema changes. ``casekit build`` prepares the same pages itself
(to report problems before MkDocs runs) and hands them over in ``config.extra``.
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from casekit.resources import data_dir
from casekit.site.library import PREPARED, Prepared, library_dir, prepare, template_dirs
from casekit.site.pages import SCRIPT, STYLE

#: A library's own hooks file may simply ``from casekit.site.hooks import *``.
__all__ = ["on_config", "on_files", "on_serve"]

log = logging.getLogger("mkdocs.plugins.casekit")


def on_config(config: Any) -> Any:
    """Add the library filter's script and style sheet to every page."""
    if STYLE not in [str(css) for css in config.extra_css]:
        config.extra_css.append(STYLE)
    if SCRIPT not in [str(js) for js in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
    return config


def _inclusion(src_uri: str) -> InclusionLevel:
    # Case and tag pages are reached from the library index, never listed in the
    # navigation: listing thousands of cases on every page would make output grow with
    # the square of the library.
    if src_uri.startswith(("cases/", "library/tags/")) and src_uri != "library/tags/index.md":
        return InclusionLevel.NOT_IN_NAV
    return InclusionLevel.UNDEFINED


def on_files(files: Files, config: Any) -> Files:
    prepared = config.extra.pop(PREPARED, None)
    if not isinstance(prepared, Prepared):
        prepared = prepare(config)
        for skipped in prepared.result.skipped:
            log.info(skipped.message())
        for case_id, problem in prepared.pages.problems:
            log.warning(
                f"case '{case_id}' passed the publication gate but could not be rendered"
                f" ({problem}); it is left out of the site."
            )
    for src_uri, content in prepared.pages.files.items():
        clash = files.get_file_from_path(src_uri)
        if clash is not None and not clash.generated_by:
            raise PluginError(
                f"casekit: '{src_uri}' in the docs folder has the name of a generated page."
                " Rename or remove it; casekit writes that page from the case files."
            )
        generated = File.generated(config, src_uri, content=content, inclusion=_inclusion(src_uri))
        if clash is not None:
            files.remove(clash)
        files.append(generated)
    return files


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when a case, a template or the case schema changes."""
    server.watch(str(library_dir(config)))
    for folder in (data_dir("templates"), data_dir("schema"), *template_dirs(config)):
        if folder.is_dir():
            server.watch(str(folder))
    return server
