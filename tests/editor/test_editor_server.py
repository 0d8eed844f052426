"""casekit edit's server: only the token holder, only this app's files, never a silent overwrite."""

from __future__ import annotations

import contextlib
import json
import socket
from pathlib import Path

import pytest
from editorhelpers import FOUNDING, Served, serve

from casekit.editor.session import ABSENT


def test_the_page_and_the_case_need_the_token(served: Served) -> None:
    for target in ["/", "/api/case", "/assets/app.js", "/api/status", "/nothing"]:
        status, body, _ = served.request("GET", target, token=None)
        assert status == 403, target
        assert b"token" in body
    status, _, _ = served.request("GET", "/?token=wrong-token", token=None)
    assert status == 403
    status, body, headers = served.request("GET", f"/?token={served.token}", token=None)
    assert status == 200
    assert b"casekit edit" in body
    assert "Access-Control-Allow-Origin" not in headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_the_api_takes_the_token_only_in_its_header(served: Served) -> None:
    body = {"data": {}, "base": "x"}
    status, _, _ = served.request("POST", f"/api/save?token={served.token}", body, token=None)
    assert status == 403
    status, _, _ = served.request(
        "POST", "/api/check", body, token=None, headers={"X-Casekit-Token": served.token + "x"}
    )
    assert status == 403


def test_other_host_names_are_refused(served: Served) -> None:
    """A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) gets nothing."""
    for host in ["evil.example", f"evil.example:{served.port}", "127.0.0.1", ""]:
        status, _, _ = served.request("GET", "/api/case", headers={"Host": host})
        assert status == 403, host
    status, _, _ = served.request("GET", "/api/case", headers={"Host": f"localhost:{served.port}"})
    assert status == 200


def test_requests_from_other_web_pages_are_refused(served: Served) -> None:
    status, _, headers = served.request(
        "POST", "/api/check", {"data": {}}, headers={"Origin": "http://evil.example"}
    )
    assert status == 403
    assert "Access-Control-Allow-Origin" not in headers
    status, _, _ = served.request("OPTIONS", "/api/save", token=None)
    assert status in (403, 405)


@pytest.mark.parametrize(
    "target",
    [
        "/../../../../etc/passwd",
        "/assets/../../../../etc/passwd",
        "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/assets/%2e%2e/%2e%2e/server.py",
        "/assets/..\\..\\server.py",
        "//etc/passwd",
        "/etc/passwd",
        "/assets//etc/passwd",
        "/assets/vendor/../../server.py",
        "/assets/app.js/../../server.py",
        "/assets/index.html",
        "/api/case/../../cases/crmo-not-crmo.json",
        "/crmo-not-crmo.json",
        "/cases/crmo-not-crmo.json",
        "http://127.0.0.1/etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/assets/%252e%252e/server.py",
    ],
)
def test_no_path_reaches_any_other_file(served: Served, target: str) -> None:
    status, body, _ = served.request("GET", target)
    assert status == 404, target
    assert b"root:" not in body and b"import" not in body


def test_a_link_in_the_folder_is_not_followed(served: Served, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n")
    (served.folder / "leak.json").symlink_to(secret)
    for target in ["/leak.json", "/assets/leak.json", "/cases/leak.json"]:
        status, body, _ = served.request("GET", target)
        assert status == 404
        assert b"root:" not in body


def test_the_server_listens_on_loopback_only(served: Served) -> None:
    assert served.server.server_address[0] == "127.0.0.1"
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
    outside = [a for a in addresses if not a.startswith("127.") and a != "::1"]
    for address in outside[:3]:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.settimeout(2)
            assert probe.connect_ex((address, served.port)) != 0, address


def test_the_case_and_its_form(served: Served) -> None:
    status, case = served.api("/api/case")
    assert status == 200
    assert case["data"]["id"] == "crmo-not-crmo"
    headings = [s["heading"] for s in case["sections"]]
    assert headings.index("CARE 5 · Patient information") < headings.index("CARE 7 · Timeline")
    shown = [f for s in case["sections"] for f in s["fields"]]
    assert sorted(shown) == sorted(case["schemas"])
    assert len(shown) == len(set(shown))
    event = case["schemas"]["timeline"]["$defs"]["event"]
    assert event["properties"]["links"]["format"] == "casekit-links"
    assert event["properties"]["category"]["enum"][0] == ""


def test_checks_and_abstracts_for_what_the_form_holds(served: Served) -> None:
    _, case = served.api("/api/case")
    data = case["data"]
    status, result = served.api(
        "/api/check", {"data": data, "base": case["digest"], "profiles": ["eser-2026", "../x"]}
    )
    assert status == 200
    codes = {f["code"] for f in result["findings"]}
    assert "CK301" in codes
    assert [a["profile"] for a in result["abstracts"]] == ["eser-2026"]
    report = result["abstracts"][0]["report"]
    assert report["unit"] == "words" and report["total"] > 0
    del data["patient"]["presenting_complaint"]
    _, result = served.api("/api/check", {"data": data, "base": case["digest"], "profiles": []})
    missing = [f for f in result["findings"] if f["code"] == "CK011"]
    assert missing and missing[0]["path"] == ["patient"]


def test_the_page_is_html_with_the_case_text_escaped(served: Served) -> None:
    _, case = served.api("/api/case")
    data = case["data"]
    data["introduction"] = "<script>alert(1)</script> and {{ 7*7 }}"
    status, result = served.api("/api/page", {"data": data, "base": case["digest"]})
    assert status == 200
    assert 'id="case-summary"' in result["page"]
    assert "<script>alert(1)" not in result["page"]
    assert "&#60;script&#62;alert" in result["page"]


def test_saving_the_founding_case_unchanged_gives_the_same_bytes(served: Served) -> None:
    assert served.case is not None
    before = served.case.read_bytes()
    _, case = served.api("/api/case")
    status, saved = served.api("/api/save", {"data": case["data"], "base": case["digest"]})
    assert status == 200
    assert served.case.read_bytes() == before == FOUNDING.read_bytes()
    assert saved["digest"] == case["digest"]


def test_a_file_changed_on_disk_is_not_overwritten(served: Served) -> None:
    assert served.case is not None
    _, case = served.api("/api/case")
    theirs = served.case.read_text().replace('"status": "published"', '"status": "draft"')
    served.case.write_text(theirs)
    mine = dict(case["data"], title="My new title")
    status, refused = served.api("/api/save", {"data": mine, "base": case["digest"]})
    assert status == 409
    assert "changed on disk" in refused["message"]
    assert refused["disk"]["status"] == "draft"
    assert served.case.read_text() == theirs
    # the author chooses to keep theirs: the save names the version now on disk
    status, _ = served.api("/api/save", {"data": mine, "base": refused["digest"]})
    assert status == 200
    assert json.loads(served.case.read_text())["title"] == "My new title"


def test_a_deleted_file_is_written_again_only_when_the_author_says_so(served: Served) -> None:
    assert served.case is not None
    _, case = served.api("/api/case")
    served.case.unlink()
    status, refused = served.api("/api/save", {"data": case["data"], "base": case["digest"]})
    assert status == 409 and refused["digest"] == ABSENT
    assert not served.case.exists()
    status, _ = served.api("/api/save", {"data": case["data"], "base": ABSENT})
    assert status == 200 and served.case.exists()


def test_unknown_and_empty_fields_survive_a_round_trip(founding_copy: Path) -> None:
    data = json.loads(founding_copy.read_text())
    data["patient"]["x_local_note"] = {"kept": 7.0}
    data["x_workflow"] = "second reader"
    data["themes"] = []
    founding_copy.write_text(json.dumps(data, indent=2))
    with contextlib.closing(serve(founding_copy, founding_copy.parent)) as serving:
        _round_trip(next(serving))


def _round_trip(served: Served) -> None:
    assert served.case is not None
    _, case = served.api("/api/case")
    form = json.loads(json.dumps(case["data"]))
    # what the form sends back: no unknown fields, no empty list, numbers as JavaScript has them
    del form["patient"]["x_local_note"], form["x_workflow"], form["themes"]
    form["title"] = "Changed in the form"
    status, _ = served.api("/api/save", {"data": form, "base": case["digest"]})
    assert status == 200
    text = served.case.read_text()
    saved = json.loads(text)
    assert saved["patient"]["x_local_note"] == {"kept": 7.0}
    assert '"kept": 7.0' in text
    assert saved["x_workflow"] == "second reader"
    assert saved["themes"] == []
    assert saved["title"] == "Changed in the form"


def test_a_new_case_is_saved_under_its_identifier_and_never_over_another(
    served_new: Served,
) -> None:
    _, case = served_new.api("/api/case")
    assert case["path"] is None and case["digest"] == "new"
    status, refused = served_new.api("/api/save", {"data": case["data"], "base": "new"})
    assert status == 422 and "identifier" in refused["message"]
    data = dict(case["data"], id="../escape")
    status, refused = served_new.api("/api/save", {"data": data, "base": "new"})
    assert status == 422
    assert not list(served_new.folder.parent.glob("escape*"))
    (served_new.folder / "taken-case.json").write_text("{}")
    data = dict(case["data"], id="taken-case")
    status, refused = served_new.api("/api/save", {"data": data, "base": "new"})
    assert status == 409 and "already" in refused["message"]
    assert (served_new.folder / "taken-case.json").read_text() == "{}"
    data = dict(case["data"], id="synthetic-new-case", title="A synthetic case")
    status, saved = served_new.api("/api/save", {"data": data, "base": "new"})
    assert status == 200
    written = served_new.folder / "synthetic-new-case.json"
    assert saved["path"] == str(written)
    assert json.loads(written.read_text())["title"] == "A synthetic case"


def test_bad_requests_get_plain_answers(served: Served) -> None:
    status, _, _ = served.request("POST", "/api/save", headers={"Content-Type": "text/plain"})
    assert status == 415
    status, _, _ = served.request("POST", "/api/check", "not an object")
    assert status == 400
    status, _, _ = served.request(
        "POST",
        "/api/save",
        headers={"Content-Type": "application/json", "Content-Length": str(50 * 1024 * 1024)},
    )
    assert status == 413
    status, _, _ = served.request("DELETE", "/api/case")
    assert status == 405


def _keys_anywhere(node: object, key: str) -> int:
    if isinstance(node, dict):
        return (key in node) + sum(_keys_anywhere(v, key) for v in node.values())
    if isinstance(node, list):
        return sum(_keys_anywhere(v, key) for v in node)
    return 0


def test_the_form_never_pre_fills_lists_or_hides_fields_behind_conditions() -> None:
    # json-editor creates as many empty items as a list's minItems (two whole patients for a
    # series) and cannot show a field whose schema is an if/then; casekit's checks keep both.
    from casekit.editor.formschema import form_schemas

    forms = form_schemas()
    assert _keys_anywhere(forms, "minItems") == 0
    assert _keys_anywhere(forms, "if") == 0
    age = forms["patient"]["$defs"]["age"]
    assert {"value", "unit", "years", "months"} <= set(age["properties"])
