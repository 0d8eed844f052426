"""The ``casekit`` command: parse the command line, run one sub-command, return its exit code."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from casekit import __version__, exitcodes
from casekit.commands import (
    build,
    fmt,
    import_refs,
    init,
    lint,
    migrate,
    new,
    render,
    rules,
    validate,
)
from casekit.discover import UsageError

COMMANDS = [validate, fmt, new, migrate, import_refs, init, render, build]
COMMANDS += [lint, rules]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]  # argparse's NoReturn
        self.print_usage(sys.stderr)
        sys.stderr.write(f"casekit: {message}\nRun 'casekit --help' for the commands.\n")
        raise SystemExit(exitcodes.USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="casekit",
        description="Write clinical case reports as structured JSON; check them; turn them"
        " into abstracts, web pages and a case library.",
    )
    parser.add_argument("--version", action="version", version=f"casekit {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return exitcodes.USAGE
    try:
        code: int = args.run(args)
    except UsageError as exc:
        sys.stderr.write(f"casekit: {exc}\n")
        return exitcodes.USAGE
    except KeyboardInterrupt:
        sys.stderr.write("casekit: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (for example 'casekit lint | head'); nothing more to say.
        sys.stderr.close()
        return exitcodes.OK
    except Exception as exc:  # the last line of defence: never show a traceback to a user
        if os.environ.get("CASEKIT_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(
            f"casekit: internal error ({type(exc).__name__}: {exc}). This is a bug in casekit,"
            " not in your case; please report it (set CASEKIT_DEBUG=1 to see the details).\n"
        )
        return exitcodes.USAGE
    return code
