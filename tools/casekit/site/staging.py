"""Build the site with Zensical, which reads mkdocs.yml but does not run MkDocs hooks.

The generated pages are written, together with a copy of the hand-written pages, into a
scratch folder that is emptied first (so no stale page survives), and Zensical is pointed
at a copy of the configuration whose ``docs_dir`` is that folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # PyYAML (an MkDocs dependency) ships no type hints

from casekit.fsutil import OutputError, atomic_write, replace_folder
from casekit.site.pages import SCRIPT, STYLE, SitePages


class StagingError(Exception):
    """The scratch folder or the output folder cannot be used; the message says why."""


def _reset(folder: Path) -> None:
    """An empty ``folder`` (the build's own scratch folder: whatever is in it goes)."""
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder)
    elif folder.exists() or folder.is_symlink():
        folder.unlink()
    folder.mkdir(parents=True)


def stage(config_file: Path, config: dict[str, Any], pages: SitePages, scratch: Path) -> Path:
    """Write the docs and a configuration for Zensical; return the configuration's path.

    Zensical insists that the output lies inside the folder of its configuration, so the
    site is built into ``scratch/site`` and moved into place by :func:`publish`.
    """
    docs_src = (config_file.parent / str(config.get("docs_dir", "docs"))).resolve()
    docs = scratch / "docs"
    _reset(scratch)
    shutil.copytree(docs_src, docs, dirs_exist_ok=True)
    for src_uri, content in pages.files.items():
        if isinstance(content, Path):  # a case's page or figure, in the build's scratch folder
            (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(content, docs / src_uri)
        else:
            atomic_write(docs / src_uri, content)
    staged = {key: value for key, value in config.items() if key not in ("hooks", "validation")}
    staged["docs_dir"] = "docs"  # relative: Zensical does not accept an absolute path
    staged["site_dir"] = "site"
    staged["extra_css"] = [*config.get("extra_css", []), STYLE]
    staged["extra_javascript"] = [*config.get("extra_javascript", []), SCRIPT]
    target = scratch / "mkdocs.yml"
    atomic_write(target, yaml.safe_dump(staged, allow_unicode=True, sort_keys=False))
    return target


def read_config(config_file: Path) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise StagingError(f"cannot read {config_file}: {exc}") from None
    if not isinstance(loaded, dict):
        raise StagingError(f"{config_file} does not hold a site configuration.")
    return loaded


def publish(scratch: Path, site_dir: Path) -> None:
    """Replace the output folder with the site Zensical built in the scratch folder.

    The new site is moved in beside the old one and swapped in whole (as for MkDocs, see
    :func:`casekit.fsutil.replace_folder`), so a failure leaves the previous site as it was.
    """
    built = scratch / "site"
    if not (built / "index.html").is_file():
        raise StagingError("Zensical finished without writing the site.")

    def fill(staging: Path) -> None:
        staging.rmdir()
        shutil.move(str(built), str(staging))

    try:
        replace_folder(site_dir, fill)
    except OutputError as exc:
        raise StagingError(str(exc)) from None
