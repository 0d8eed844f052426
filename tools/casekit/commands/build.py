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
from casekit.fsutil import FolderBusy, OutputError, folder_lock, replace_folder

if TYPE_CHECKING:
    from casekit.site.library import Prepared


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
        "--wait",
        action="store_true",
        help="if another build is writing the same output folder, wait for it to finish"
        " (default: stop with a message)",
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
    from mkdocs.exceptions import Abort, ConfigurationError

    if not args.config.is_file():
        raise UsageError(
            f"there is no site configuration '{args.config}'. Run casekit build from the"
            " library's top folder (the one with mkdocs.yml), or name it with --config."
        )
    overrides: dict[str, Any] = {"strict": True}
    if args.output is not None:
        output = args.output.resolve()
        _refuse_output_holding(output, args.config.resolve().parent, "the site configuration")
        overrides["site_dir"] = str(output)
    try:
        config = load_config(config_file=str(args.config), **overrides)
    except (ConfigurationError, Abort) as exc:
        raise UsageError(
            f"the site configuration {args.config} is not valid: {exc}"
            " (the lines above say what MkDocs found)."
        ) from None
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
    for skipped in prepared.skipped:
        sys.stderr.write(skipped.message() + "\n")
    for case_id, problem in prepared.pages.problems:
        sys.stderr.write(
            f"casekit: case '{case_id}' is left out of the site: it could not be rendered"
            f" ({problem.rstrip('.')}). The other cases are built; this is probably a bug in"
            " casekit or in one of the library's templates, please report it.\n"
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
    from casekit.batch import stop_shared_workers
    from casekit.site.search import SearchError, index_site_with
    from casekit.site.staging import StagingError, publish, read_config, stage

    command = _zensical_command()
    stop_shared_workers()  # Zensical and Pagefind need none of casekit's workers
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
        index_site_with(scratch / "site", config, prepared.published)
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
    config = _configure(args)
    target = Path(config.site_dir)
    _check_output(target, config)
    try:
        # The library is judged under the lock: a build never publishes from a judgement
        # older than that of a build that finished before it.
        with folder_lock(target, wait=args.wait):
            return _build_locked(args, config)
    except FolderBusy as exc:
        holder = f" (process {exc})" if str(exc) else ""
        sys.stderr.write(
            f"casekit: another casekit build{holder} is writing {target}. Wait for it to"
            " finish and run again, or add --wait to wait for it.\n"
        )
        return exitcodes.PROBLEMS
    except OutputError as exc:  # the lock cannot be made: the folder cannot be written
        sys.stderr.write(f"casekit: the site was not built: {exc}\n")
        return exitcodes.PROBLEMS


def _refuse_output_holding(target: Path, inside: Path, what: str) -> None:
    if inside == target or target in inside.parents:
        raise UsageError(
            f"the output folder {target} holds {what}, and a build replaces its output"
            " folder whole. Choose a folder of its own, such as site_build/."
        )


def _check_output(target: Path, config: Any) -> None:
    """Refuse an output folder that holds the library or its configuration."""
    from mkdocs.exceptions import PluginError

    from casekit.site.library import library_dir

    _refuse_output_holding(
        target, Path(config.config_file_path).resolve().parent, "the site configuration"
    )
    try:
        _refuse_output_holding(target, library_dir(config), "the case files")
    except PluginError:
        return  # a missing case folder is reported by the build itself


def _build_locked(args: argparse.Namespace, config: Any) -> int:
    from mkdocs.exceptions import PluginError

    from casekit.batch import shared_workers
    from casekit.site.library import prepare
    from casekit.site.search import SearchError, part_pages

    try:
        part_pages(config)  # checked before anything is built
    except SearchError as exc:
        raise UsageError(str(exc)) from None
    # One set of workers for the gate, rendering and HTML, started while this process is
    # small: a worker forked later counts all it then held as its own memory.
    with shared_workers():
        try:
            prepared = prepare(config)
        except PluginError as exc:
            raise UsageError(str(exc).removeprefix("casekit: ")) from None
        try:
            return _build_prepared(args, config, prepared)
        finally:
            prepared.close()


def _build_prepared(args: argparse.Namespace, config: Any, prepared: Prepared) -> int:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, PluginError

    from casekit.site.library import PREPARED

    _report(prepared)
    skipped = len(prepared.skipped) + len(prepared.pages.problems)
    published = len(prepared.published)
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
        prepared.site = target.resolve()

        def build_into(staging: Path) -> None:
            config.site_dir = str(staging)
            build(config)

        try:
            replace_folder(target, build_into)
        except (Abort, PluginError, OutputError) as exc:
            sys.stderr.write(f"casekit: the site was not built: {exc}\n")
            return exitcodes.PROBLEMS
        finally:
            config.site_dir = str(target)
    sys.stdout.write(
        f"Built the case library: {published} case(s) published,"
        f" {skipped} left out, in {config.site_dir}\n"
    )
    return exitcodes.OK
