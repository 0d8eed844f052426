"""The local web server behind ``casekit edit``: one case, one author, one token.

It listens on 127.0.0.1 only. Every request must carry the session's token (in the
address for pages and assets, in the ``X-Casekit-Token`` header for the API) and name
this server in its ``Host`` header (so a web page elsewhere cannot reach it through DNS
rebinding). It answers no CORS requests. Paths are looked up in a fixed table, never
joined to a folder: the app's own assets and the API are all it can serve, and the case
file is the only file the API reads or writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
import sys
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from casekit.editor import formschema, live
from casekit.editor.session import Conflict, EditSession, SaveRefused
from casekit.loader import DEFAULT_MAX_BYTES

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
#: address -> (file in ASSETS_DIR, content type); nothing else is ever served from disk.
ASSETS = {
    "/assets/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/assets/extensions.js": ("extensions.js", "text/javascript; charset=utf-8"),
    "/assets/app.css": ("app.css", "text/css; charset=utf-8"),
    "/assets/preview.css": ("preview.css", "text/css; charset=utf-8"),
    "/assets/vendor/jsoneditor.js": ("vendor/jsoneditor.js", "text/javascript; charset=utf-8"),
}
#: The site's own stylesheet for case pages, used in the preview.
SITE_CSS = Path(__file__).resolve().parent.parent / "site" / "assets" / "library.css"
TOKEN_HEADER = "X-Casekit-Token"
#: Pages cannot load scripts or styles from anywhere else, nor send data anywhere else.
#: json-editor adds its own small style sheet at run time, hence 'unsafe-inline' styles.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
    " img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none';"
    " form-action 'none'; frame-ancestors 'none'"
)


@dataclass
class EditorApp:
    """Everything the handler needs: the session, the library settings and the token."""

    session: EditSession
    library: live.Library
    token: str
    port: int = 0
    #: a problem that stops the checks (invalid lint settings), said in the checks panel
    problem: str = ""

    def allowed_hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def storage_key(self) -> str:
        """The browser's key for unsaved changes: the same for the same file every time."""
        where = str(self.session.path or self.session.new_case_dir / "(new case)")
        return "casekit-edit:" + hashlib.sha256(where.encode()).hexdigest()[:24]


def new_token() -> str:
    return secrets.token_urlsafe(32)


class _Handler(BaseHTTPRequestHandler):
    server: EditorServer
    server_version = "casekit-edit"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    #: seconds a connection may stay silent (a request that never sends its body)
    timeout = 15

    # --- guards -----------------------------------------------------------------------

    def _token_ok(self, query: dict[str, list[str]], *, header_only: bool) -> bool:
        given = self.headers.get(TOKEN_HEADER)
        if given is None and not header_only:
            given = next(iter(query.get("token", [])), None)
        if not given:
            return False
        return hmac.compare_digest(given.encode(), self.server.app.token.encode())

    def _guard(self, *, header_only: bool) -> tuple[str, dict[str, list[str]]] | None:
        """The raw path and query of an allowed request; None after refusing it."""
        host = self.headers.get("Host", "")
        if host not in self.server.app.allowed_hosts():
            self._plain(HTTPStatus.FORBIDDEN, "This server answers only at its own address.")
            return None
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        if not self._token_ok(query, header_only=header_only):
            self._plain(
                HTTPStatus.FORBIDDEN,
                "This address needs the token that 'casekit edit' printed. Open the full"
                " address it printed.",
            )
            return None
        origin = self.headers.get("Origin")
        if origin is not None and origin not in {
            f"http://{h}" for h in self.server.app.allowed_hosts()
        }:
            self._plain(HTTPStatus.FORBIDDEN, "Requests from other web pages are refused.")
            return None
        return parts.path, query

    # --- methods ----------------------------------------------------------------------

    def do_GET(self) -> None:
        allowed = self._guard(header_only=False)
        if allowed is None:
            return
        path, _ = allowed
        if path == "/":
            self._send(HTTPStatus.OK, self._index(), "text/html; charset=utf-8")
        elif path in ASSETS:
            name, kind = ASSETS[path]
            self._send(HTTPStatus.OK, (ASSETS_DIR / name).read_bytes(), kind)
        elif path == "/api/case":
            self._json(HTTPStatus.OK, self._case())
        elif path == "/api/profiles":
            self._json(HTTPStatus.OK, {"profiles": live.profiles_summary()})
        elif path == "/api/status":
            self._json(HTTPStatus.OK, {"digest": self.server.app.session.disk_digest()})
        else:
            self._plain(HTTPStatus.NOT_FOUND, "Not found.")

    def do_POST(self) -> None:
        allowed = self._guard(header_only=True)
        if allowed is None:
            return
        path, _ = allowed
        if path not in ("/api/check", "/api/page", "/api/save", "/api/reload"):
            self._plain(HTTPStatus.NOT_FOUND, "Not found.")
            return
        if not self.headers.get("Content-Type", "").startswith("application/json"):
            self._plain(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "Send JSON.")
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if not 0 <= length <= DEFAULT_MAX_BYTES:
            self._plain(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "The case is too large to send.")
            return
        try:
            body = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            self._plain(HTTPStatus.BAD_REQUEST, "The request is not valid JSON.")
            return
        if not isinstance(body, dict):
            self._plain(HTTPStatus.BAD_REQUEST, "The request must be a JSON object.")
            return
        if path == "/api/check":
            self._json(HTTPStatus.OK, self._check(body))
        elif path == "/api/page":
            self._json(HTTPStatus.OK, self._page(body))
        elif path == "/api/save":
            self._save(body)
        else:
            self._reload()

    def do_PUT(self) -> None:
        self._refuse_method()

    do_DELETE = do_PATCH = do_OPTIONS = do_PUT

    def do_HEAD(self) -> None:
        self._refuse_method()

    def _refuse_method(self) -> None:
        self._plain(HTTPStatus.METHOD_NOT_ALLOWED, "Not allowed.")

    # --- the API ----------------------------------------------------------------------

    def _case(self) -> dict[str, Any]:
        app = self.server.app
        data, digest = app.session.starting_data()
        return {
            "path": str(app.session.path) if app.session.path else None,
            "folder": str(app.session.folder),
            "digest": digest,
            "data": data,
            "storage_key": app.storage_key(),
            "sections": [s.to_dict() for s in formschema.sections()],
            "schemas": formschema.form_schemas(),
            "hidden": sorted(formschema.HIDDEN),
            "library": str(app.library.root) if app.library.root else None,
            "site_css": SITE_CSS.read_text(encoding="utf-8") if SITE_CSS.is_file() else "",
        }

    def _check(self, body: dict[str, Any]) -> dict[str, Any]:
        if self.server.app.problem:
            return {"error": self.server.app.problem}
        session = self.server.app.session
        data = body.get("data")
        profiles = body.get("profiles")
        names = [p for p in profiles if isinstance(p, str)] if isinstance(profiles, list) else []
        base = body.get("base")
        base_text = session.text_of(base) if isinstance(base, str) else None
        return live.check(
            data,
            base_text=base_text,
            path=session.path or _new_case_path(session, data),
            library=self.server.app.library,
            profiles=names[:12],
        )

    def _page(self, body: dict[str, Any]) -> dict[str, Any]:
        session = self.server.app.session
        data = body.get("data")
        base = body.get("base")
        return live.page(
            data,
            base_text=session.text_of(base) if isinstance(base, str) else None,
            path=session.path or _new_case_path(session, data),
            library=self.server.app.library,
        )

    def _save(self, body: dict[str, Any]) -> None:
        session = self.server.app.session
        base = body.get("base")
        if not isinstance(base, str):
            self._plain(HTTPStatus.BAD_REQUEST, "The save names no version to replace.")
            return
        try:
            saved = session.save(body.get("data"), base)
        except Conflict as exc:
            disk = exc.disk
            self._json(
                HTTPStatus.CONFLICT,
                {
                    "message": str(exc),
                    "digest": session.disk_digest(),
                    "disk": disk.data if disk else None,
                },
            )
            return
        except SaveRefused as exc:
            self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"message": str(exc)})
            return
        self._json(
            HTTPStatus.OK,
            {
                "digest": saved.digest,
                "path": str(session.path),
                "storage_key": self.server.app.storage_key(),
                "data": saved.data,
            },
        )

    def _reload(self) -> None:
        session = self.server.app.session
        snapshot = session.disk_snapshot()
        if snapshot is None:
            self._json(
                HTTPStatus.CONFLICT,
                {"message": "The file is missing or cannot be read as a case; nothing to reload."},
            )
            return
        self._json(HTTPStatus.OK, {"digest": snapshot.digest, "data": snapshot.data})

    # --- responses --------------------------------------------------------------------

    def _index(self) -> bytes:
        page = (ASSETS_DIR / "index.html").read_text(encoding="utf-8")
        return page.replace("{{token}}", self.server.app.token).encode("utf-8")

    def _json(self, status: HTTPStatus, payload: Any) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json")

    def _plain(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode(), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            sys.stderr.write(f"casekit edit: {format % args}\n")


def _new_case_path(session: EditSession, data: Any) -> Path:
    """Where an unsaved new case would go, so that lint's file-name check agrees."""
    try:
        return session.target_for(data)
    except SaveRefused:
        return session.new_case_dir / "new-case.json"


class EditorServer(ThreadingHTTPServer):
    """A threading HTTP server on 127.0.0.1 for one :class:`EditorApp`."""

    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, app: EditorApp, port: int = 0, *, verbose: bool = False) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.app = app
        self.verbose = verbose
        app.port = int(self.server_address[1])

    def url(self) -> str:
        return f"http://127.0.0.1:{self.app.port}/?token={self.app.token}"


def preferred_port(path: Path | None) -> int:
    """A port that stays the same for the same case file, so that the browser's store of
    unsaved changes (kept per address) is found again after the app is restarted."""
    key = str(path.absolute() if path else "(new case)").encode()
    return 49152 + int.from_bytes(hashlib.sha256(key).digest()[:4], "big") % 16000


def start_server(app: EditorApp, *, verbose: bool = False) -> EditorServer:
    """A server for ``app`` on its preferred port if free, else on any free port."""
    try:
        return EditorServer(app, preferred_port(app.session.path), verbose=verbose)
    except OSError:
        return EditorServer(app, 0, verbose=verbose)


def serve_in_thread(server: EditorServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, name="casekit-edit", daemon=True)
    thread.start()
    return thread


@contextlib.contextmanager
def running(app: EditorApp) -> Any:
    """The server running in a thread, shut down on leaving (for tests and benchmarks)."""
    server = EditorServer(app, 0)
    thread = serve_in_thread(server)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
