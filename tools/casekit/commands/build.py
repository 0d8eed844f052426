"""``casekit build``: check every case, then build the case library site with MkDocs."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casekit import exitcodes
from casekit.batch import shared_workers
from casekit.discover import UsageError
from casekit.fsutil import OutputError, replace_folder

if TYPE_CHECKING:
    from casekit.site.library import Prepared


#: Files a folder built by MkDocs holds: only such a folder may be replaced by a build.
SITE_MARKERS = ("sitemap.xml", "404.html", "index.html")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the case library website from the publishable cases",
        description="Validate and lint every case, render each one that may be published"
        " (status published, past any embargo, consent stated, no errors), and build the"
        " website with 'mkdocs build --strict'. Every case left out is named with the"
        " reason. Exit code 0: built; 1: not built, or a case was left out under --strict;"
        " 2: usage error.",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail if any case is left out of the site (for example a draft)",
    )
    parser.add_argument(
        "--library",
        type=Path,
        help="the folder of case files (default: the one in mkdocs.yml, normally cases/)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site configuration (default: mkdocs.yml in the current folder)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="where to write the site (default: the one in mkdocs.yml, normally site_build/)",
    )
    parser.add_argument(
        "--engine",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="the site builder: MkDocs with Material (default) or Zensical, its successor"
        " (needs the 'zensical' command installed)",
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        help=argparse.SUPPRESS,  # for tests and previews: the date embargoes are judged on
    )
    parser.set_defaults(run=run)


class _Printer(logging.Handler):
    """Show MkDocs' warnings and errors on stderr in casekit's own style."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(f"casekit: site {record.levelname.lower()}: {record.getMessage()}\n")


def _configure(args: argparse.Namespace) -> Any:
    """Load mkdocs.yml with the command line's overrides applied."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    if not args.config.is_file():
        raise UsageError(
            f"there is no site configuration '{args.config}'. Run casekit build from the"
            " library's top folder (the one with mkdocs.yml), or name it with --config."
        )
    overrides: dict[str, Any] = {"strict": True}
    if args.output is not None:
        overrides["site_dir"] = str(args.output.resolve())
    try:
        config = load_config(config_file=str(args.config), **overrides)
    except ConfigurationError as exc:
        raise UsageError(f"the site configuration {args.config} is not valid: {exc}") from None
    settings = dict(config.extra.get("casekit") or {})
    if args.library is not None:
        if not args.library.is_dir():
            raise UsageError(f"the case folder '{args.library}' does not exist.")
        settings["library"] = str(args.library.resolve())
    if args.today is not None:
        settings["today"] = args.today.isoformat()
    config.extra["casekit"] = settings
    return config


def _report(prepared: Prepared) -> None:
    for skipped in prepared.result.skipped:
        sys.stderr.write(skipped.message() + "\n")
    for case_id, problem in prepared.pages.problems:
        sys.stderr.write(
            f"casekit: case '{case_id}' may be published but could not be rendered ({problem})."
            " This is probably a bug in casekit; please report it.\n"
        )


def _zensical_command() -> str:
    found = shutil.which("zensical") or shutil.which(
        "zensical", path=str(Path(sys.executable).parent)
    )
    if found is None:
        raise UsageError(
            "Zensical is not installed. Install it with 'pip install zensical' and make sure"
            " the 'zensical' command is on your PATH, or build with the default engine."
        )
    return found


def _build_with_zensical(config: Any, prepared: Prepared) -> int:
    from casekit.site.search import SearchError, index_built_site
    from casekit.site.staging import StagingError, publish, read_config, stage

    command = _zensical_command()
    config_file = Path(config.config_file_path).resolve()
    scratch = config_file.parent / ".casekit-cache" / "zensical"
    try:
        staged = stage(config_file, read_config(config_file), prepared.pages, scratch)
        result = subprocess.run(
            [command, "build", "--strict", "--config-file", str(staged)],
            cwd=scratch,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            sys.stderr.write("casekit: the site was not built: Zensical reported a problem.\n")
            return exitcodes.PROBLEMS
        # Zensical runs no hooks: the search index is made here, before the site is swapped in.
        index_built_site(scratch / "site", config, prepared.result.published)
        publish(scratch, Path(config.site_dir))
    except (StagingError, SearchError, OSError) as exc:
        raise UsageError(str(exc)) from None
    return exitcodes.OK


def run(args: argparse.Namespace) -> int:
    handler = _Printer(level=logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    try:
        with shared_workers():  # the gate, rendering and HTML conversion share workers
            return _build(args)
    finally:
        mkdocs_log.removeHandler(handler)


def _build(args: argparse.Namespace) -> int:
    # MkDocs is imported only here, so that the other commands start quickly.
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, PluginError

    from casekit.site.library import PREPARED, prepare
    from casekit.site.search import SearchError, part_pages

    config = _configure(args)
    try:
        part_pages(config)
        prepared = prepare(config, late_downloads=args.engine == "mkdocs")
    except SearchError as exc:
        raise UsageError(str(exc)) from None
    except PluginError as exc:
        raise UsageError(str(exc).removeprefix("casekit: ")) from None
    _report(prepared)
    skipped = len(prepared.result.skipped)
    if prepared.pages.problems:
        sys.stderr.write("casekit: the site was not built.\n")
        return exitcodes.PROBLEMS
    if args.strict and skipped:
        sys.stderr.write(
            f"casekit: the site was not built: {skipped} case(s) left out and --strict"
            " is on. Publish or fix them, or build without --strict.\n"
        )
        return exitcodes.PROBLEMS
    if args.engine == "zensical":
        code = _build_with_zensical(config, prepared)
        if code != exitcodes.OK:
            return code
    else:
        config.extra[PREPARED] = prepared
        target = Path(config.site_dir)

        def build_into(staging: Path) -> None:
            config.site_dir = str(staging)
            build(config)

        try:
            replace_folder(target, build_into, previous_markers=SITE_MARKERS)
        except (Abort, PluginError, OutputError) as exc:
            sys.stderr.write(f"casekit: the site was not built: {exc}\n")
            return exitcodes.PROBLEMS
        finally:
            config.site_dir = str(target)
    sys.stdout.write(
        f"Built the case library: {len(prepared.result.published)} case(s) published,"
        f" {skipped} left out, in {config.site_dir}\n"
    )
    return exitcodes.OK
