"""``casekit edit [CASE]``: write a case in a browser form, with the checks beside it."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import threading
import time
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

from casekit import exitcodes
from casekit.discover import UsageError
from casekit.loader import LoadError
from casekit.reporters import finding_text

if TYPE_CHECKING:
    from casekit.editor.server import EditorApp


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
    app = EditorApp(session, Library.around(session.folder), new_token())
    server = start_server(app, verbose=args.verbose)
    url = server.url()
    thread = serve_in_thread(server)
    threading.Thread(target=_warm_up, args=(app,), name="casekit-edit-warm-up", daemon=True).start()
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


def _warm_up(app: EditorApp) -> None:
    """Check the case once in the background while the browser builds the form, so that the
    author's first change does not wait for the checks and renderers to be loaded."""
    from casekit.editor import live
    from casekit.lint import ConfigError, load_config

    try:
        # read here, in the background: loading the lint rules is most of casekit's start-up
        config = load_config(app.session.folder)
    except ConfigError as exc:
        app.problem = f"The lint settings of this library are not valid: {exc}"
        return
    app.library = dataclasses.replace(app.library, lint_config=config)
    data, digest = app.session.starting_data()
    path = app.session.path or app.session.new_case_dir / "new-case.json"
    base = app.session.text_of(digest)
    try:
        live.check(data, base_text=base, path=path, library=app.library, profiles=[])
        live.page(data, base_text=base, path=path, library=app.library)
    except Exception:  # the real request reports any problem; this only loads code
        return
