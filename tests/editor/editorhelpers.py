"""Serving a case with casekit edit in tests: the raw-request client and the server."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casekit.editor.live import Library
from casekit.editor.server import EditorApp, EditorServer, new_token, running
from casekit.editor.session import EditSession
from casekit.lint import LintConfig

REPO = Path(__file__).resolve().parents[2]
FOUNDING = REPO / "cases" / "crmo-not-crmo.json"


@dataclass
class Served:
    server: EditorServer
    app: EditorApp
    case: Path | None
    folder: Path

    @property
    def port(self) -> int:
        return self.app.port

    @property
    def token(self) -> str:
        return self.app.token

    def request(
        self,
        method: str,
        target: str,
        body: Any = None,
        *,
        token: str | None = "header",
        headers: dict[str, str] | None = None,
    ) -> tuple[int, bytes, dict[str, str]]:
        """Send one raw request (the target exactly as given, nothing normalised)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.port}"}
        if token == "header":
            sent["X-Casekit-Token"] = self.token
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        for name, value in sent.items():
            connection.putheader(name, value)
        if payload is not None:
            connection.putheader("Content-Length", str(len(payload)))
        connection.endheaders(payload)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, data, dict(response.getheaders())

    def api(self, path: str, body: Any = None) -> tuple[int, Any]:
        status, data, _ = self.request("POST" if body is not None else "GET", path, body)
        return status, json.loads(data)


def serve(case: Path | None, folder: Path) -> Iterator[Served]:
    session = EditSession(case, folder)
    app = EditorApp(session, Library.around(folder, LintConfig()), new_token())
    with running(app) as server:
        yield Served(server, app, case, folder)
