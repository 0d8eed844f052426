"""The ``casekit`` command: parse the command line, run one sub-command, return its exit code."""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from casekit import __version__, exitcodes
from casekit.discover import UsageError

#: Sub-commands in the order ``casekit --help`` lists them, by the module that holds each.
#: Modules are imported only when needed: a clinician's editor runs ``casekit lint`` on
#: every save, and importing the renderers and MkDocs for that would double its start-up.
COMMANDS = {
    "validate": "casekit.commands.validate",
    "lint": "casekit.commands.lint",
    "rules": "casekit.commands.rules",
    "render": "casekit.commands.render",
    "build": "casekit.commands.build",
    "new": "casekit.commands.new",
    "fmt": "casekit.commands.fmt",
    "import-refs": "casekit.commands.import_refs",
    "migrate": "casekit.commands.migrate",
    "init": "casekit.commands.init",
    "edit": "casekit.commands.edit",
    "export": "casekit.commands.export",
    "codes": "casekit.commands.codes",
    "images": "casekit.commands.images",
}


class _Parser(argparse.ArgumentParser):
    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse ignores a failed write; casekit reports it (see main).
        if message:
            stream = file or sys.stderr
            stream.write(message)
            stream.flush()

    def error(self, message: str) -> None:  # type: ignore[override]  # argparse's NoReturn
        self.print_usage(sys.stderr)
        sys.stderr.write(f"casekit: {message}\nRun 'casekit --help' for the commands.\n")
        raise SystemExit(exitcodes.USAGE)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or (``only``) one with just the sub-command about to run."""
    parser = _Parser(
        prog="casekit",
        description="Write clinical case reports as structured JSON; check them; turn them"
        " into abstracts, web pages and a case library.",
    )
    parser.add_argument("--version", action="version", version=f"casekit {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for name, module in COMMANDS.items():
        if only is None or only == name:
            importlib.import_module(module).register(subparsers)
    return parser


def _command_name(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line, if it is a known one."""
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in COMMANDS else None


def _drop_stdout() -> None:
    """Throw away what could not be written, so that exiting does not try again."""
    with contextlib.suppress(OSError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  # replaced for the rest of the run


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_name(arguments))
    try:
        args = parser.parse_args(arguments)
    except BrokenPipeError:
        sys.stderr.close()
        return exitcodes.OK
    except OSError as exc:  # --help or --version to a full disk
        _drop_stdout()
        sys.stderr.write(f"casekit: cannot write the output: {exc.strerror or exc}.\n")
        return exitcodes.PROBLEMS
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return exitcodes.USAGE
    try:
        code: int = args.run(args)
        sys.stdout.flush()  # a full disk shows here, not silently at exit
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
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EIO):
            return _internal_error(exc)
        # The output could not be written: a full disk, a terminal gone.
        _drop_stdout()
        sys.stderr.write(f"casekit: cannot write the output: {exc.strerror or exc}.\n")
        return exitcodes.PROBLEMS
    except Exception as exc:  # the last line of defence: never show a traceback to a user
        return _internal_error(exc)
    return code


def _internal_error(exc: Exception) -> int:
    if os.environ.get("CASEKIT_DEBUG"):
        import traceback  # only here: every run would otherwise pay for it

        traceback.print_exception(exc)
    sys.stderr.write(
        f"casekit: internal error ({type(exc).__name__}: {exc}). This is a bug in casekit,"
        " not in your case; please report it (set CASEKIT_DEBUG=1 to see the details).\n"
    )
    return exitcodes.USAGE
