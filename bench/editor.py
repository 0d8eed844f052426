#!/usr/bin/env python3
"""How quickly ``casekit edit`` starts, and how quickly a change shows its checks.

Issue 19's targets: start-up under 2 s; a change shows its findings and abstract in under
0.5 s for a typical case (the founding case). Prints figures; fails nothing.

    .venv/bin/python bench/editor.py            # 5 start-ups, 30 changes
    .venv/bin/python bench/editor.py --quick    # 2 start-ups, 8 changes

Start-up is timed from launching ``casekit edit CASE --no-browser`` in a new process to
(a) the address printed, (b) the case and its form schemas served (the form can be
built), (c) the first checks answered. A change is one request as the browser sends it
after an edit (a word added to the introduction): ``/api/check`` gives the findings and
the abstracts for two venues; ``/api/page`` (requested right after it) the case page.
The browser's own work (building the form once, drawing the results) is not included.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CASEKIT = Path(sys.executable).parent / "casekit"
FOUNDING = ROOT / "cases" / "crmo-not-crmo.json"
VENUES = ["eser-2026", "jmcr"]


def _request(port: int, token: str, method: str, path: str, body: Any = None) -> Any:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": f"127.0.0.1:{port}", "X-Casekit-Token": token}
    payload = None
    if body is not None:
        payload = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    connection.request(method, path, body=payload, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}: {data[:200]!r}")
    return json.loads(data)


def start_once(case: Path) -> tuple[dict[str, float], subprocess.Popen[str], int, str]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(CASEKIT), "edit", str(case), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    url = ""
    while not url:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(
                "casekit edit stopped: " + (process.stderr.read() if process.stderr else "")
            )
        if "http://127.0.0.1:" in line:
            url = line.strip()
    printed = time.perf_counter() - started
    parts = urlsplit(url)
    port = int(parts.port or 0)
    token = parse_qs(parts.query)["token"][0]
    case_data = _request(port, token, "GET", "/api/case")
    served = time.perf_counter() - started
    _request(port, token, "POST", "/api/check", _body(case_data, 0))
    checked = time.perf_counter() - started
    figures = {"printed": printed, "served": served, "checked": checked}
    return figures, process, port, token


def _body(case_data: dict[str, Any], n: int) -> dict[str, Any]:
    data = json.loads(json.dumps(case_data["data"]))
    data["introduction"] = data.get("introduction", "") + " word" * n
    return {"data": data, "base": case_data["digest"], "profiles": VENUES}


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    starts, changes = (2, 8) if args.quick else (5, 30)
    if not CASEKIT.exists():
        print(f"{CASEKIT} not found: run 'python3 tools/dev.py test' once to set up .venv")
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "cases"
        folder.mkdir()
        case = folder / FOUNDING.name
        shutil.copyfile(FOUNDING, case)
        runs = []
        process = None
        for _ in range(starts):
            if process is not None:
                _stop(process)
            figures, process, port, token = start_once(case)
            runs.append(figures)
        assert process is not None
        case_data = _request(port, token, "GET", "/api/case")
        check_times, page_times, server_times = [], [], []
        for n in range(1, changes + 1):
            started = time.perf_counter()
            result = _request(port, token, "POST", "/api/check", _body(case_data, n))
            check_times.append(time.perf_counter() - started)
            server_times.append(float(result.get("seconds", 0)))
            body = _body(case_data, n)
            del body["profiles"]
            started = time.perf_counter()
            _request(port, token, "POST", "/api/page", body)
            page_times.append(time.perf_counter() - started)
        _stop(process)

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"

    print(f"casekit edit on {FOUNDING.name} ({starts} start-ups, {changes} changes)")
    print(f"  start-up to address printed:      {ms([r['printed'] for r in runs])}")
    print(f"  start-up to case and form served: {ms([r['served'] for r in runs])}  (goal < 2 s)")
    print(f"  start-up to first checks:         {ms([r['checked'] for r in runs])}")
    print(f"  a change, findings + 2 abstracts: {ms(check_times)}  (goal < 0.5 s)")
    print(f"    of which the server's work:     {ms(server_times)}")
    print(f"  a change, case page:              {ms(page_times)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
