"""``casekit edit [CASE]``: write a case in a browser form, with the checks beside it."""

from __future__ import annotations

import argparse
import sys
import time
import webbrowser
from pathlib import Path

from casekit import exitcodes
from casekit.discover import UsageError
from casekit.lint import ConfigError, load_config
from casekit.loader import LoadError
from casekit.reporters import finding_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "edit",
        help="write a case in a form in your browser, with its checks, abstract and page",
        description="Start a local authoring app for one case and open it in your web"
        " browser: a form with every field of the case in CARE order and its help, and beside"
        " it the checks, the abstract for the venues you pick and the case page. It runs on"
        " this computer only (127.0.0.1) and needs no network. Without CASE, a new case is"
        " written and saved in --dir, named after its identifier. Stop it with Ctrl+C."
        " Exit code 0: stopped; 1: the case file cannot be opened; 2: usage error.",
    )
    parser.add_argument("case", nargs="?", type=Path, help="the case file (.json) to edit")
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="folder for a new case (default: cases/ if it exists, else the current folder)",
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="print the address but do not open a browser"
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from casekit.editor.live import Library
    from casekit.editor.server import EditorApp, new_token, serve_in_thread, start_server
    from casekit.editor.session import EditSession

    case: Path | None = args.case
    if case is not None and case.is_dir():
        raise UsageError(f"{case} is a folder; give the case file to edit (a .json file).")
    if case is not None and not case.exists():
        raise UsageError(
            f"{case} does not exist. Run 'casekit edit' without a file to write a new case."
        )
    new_dir: Path = args.dir or (Path("cases") if Path("cases").is_dir() else Path("."))
    if case is None and not new_dir.is_dir():
        raise UsageError(f"the folder {new_dir} does not exist; create it or choose another.")
    try:
        session = EditSession(case, new_dir)
    except LoadError as exc:
        sys.stderr.write(finding_text(exc.finding))
        sys.stderr.write(
            f"    {case} cannot be opened in the form until this is fixed in a text editor.\n"
        )
        return exitcodes.PROBLEMS
    try:
        library = Library.around(session.folder, load_config(session.folder))
    except ConfigError as exc:
        raise UsageError(f"the lint settings are not valid: {exc}") from None
    app = EditorApp(session, library, new_token())
    server = start_server(app, verbose=args.verbose)
    url = server.url()
    thread = serve_in_thread(server)
    what = str(case) if case is not None else f"a new case (saved in {new_dir})"
    print(f"casekit edit: editing {what}")
    print(f"Open this address in your browser (it works only on this computer):\n  {url}")
    print("Press Ctrl+C here to stop. Unsaved changes stay in the browser until you save.")
    sys.stdout.flush()
    if not args.no_browser:
        webbrowser.open(url)
    try:
        while thread.is_alive():
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("\ncasekit edit: stopped.")
    finally:
        server.shutdown()
        server.server_close()
    return exitcodes.OK
