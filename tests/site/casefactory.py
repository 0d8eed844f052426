"""Invented, obviously synthetic cases for the site tests, made from the synthetic example."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "cases" / "synthetic-septic-arthritis-hip.json"
FOUNDING = REPO / "cases" / "crmo-not-crmo.json"

#: Words that appear only in cases that must never be published.
SECRET_MARKERS = (
    "zqxdraftonly",
    "zqxembargoonly",
    "zqxnoconsentonly",
    "zqxwrongsourceonly",
    "zqxlintfailonly",
)

#: The hostile case's payload: if any of it ran, window.casekitPwned would be set.
HOSTILE_TITLE = (
    "Synthetic hostile <script>window.casekitPwned=1</script> case"
    ' <img src=x onerror="window.casekitPwned=2"> {{ 7*7 }}'
)
HOSTILE_COMPLAINT = (
    "Hip pain [click me](javascript:window.casekitPwned=3) and"
    ' <a href="javascript:window.casekitPwned=4">a link</a> {% raw %}'
)
HOSTILE_THEME = '<b onmouseover="window.casekitPwned=5">bold theme</b>'


def synthetic_case(case_id: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(json.loads(TEMPLATE.read_text(encoding="utf-8")))
    data["id"] = case_id
    data["title"] = f"Synthetic teaching case {case_id.replace('-', ' ')}"
    data.pop("$schema", None)
    data.update(changes)
    return data


def write_case(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / f"{data['id']}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def make_library(folder: Path) -> Path:
    """A library with publishable cases and one of each kind that must be left out."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / FOUNDING.name).write_text(FOUNDING.read_text(encoding="utf-8"), encoding="utf-8")
    write_case(folder, synthetic_case("synthetic-septic-hip", themes=["tissue diagnosis"]))
    write_case(
        folder,
        synthetic_case(
            "synthetic-past-embargo",
            embargo_until="2020-01-01",
            specialty="Synthetic emergency medicine",
            themes=["synthetic theme past embargo"],
        ),
    )
    hostile = synthetic_case("synthetic-hostile-text", title=HOSTILE_TITLE)
    hostile["patient"]["presenting_complaint"] = HOSTILE_COMPLAINT
    hostile["themes"] = [HOSTILE_THEME]
    hostile["discussion"] = (
        "Text with <script>window.casekitPwned=6</script> and ![x](javascript:alert(1))"
        " and [a](javascript:window.casekitPwned=7) and {{ 7*7 }}."
    )
    write_case(folder, hostile)
    draft = synthetic_case("synthetic-zqxdraftonly", status="draft")
    draft["title"] = "Synthetic zqxdraftonly case that is still a draft"
    write_case(folder, draft)
    embargoed = synthetic_case("synthetic-zqxembargoonly", embargo_until="2999-01-01")
    embargoed["discussion"] = "Embargoed zqxembargoonly discussion."
    write_case(folder, embargoed)
    no_consent = synthetic_case("synthetic-zqxnoconsentonly")
    no_consent["consent"] = {"status": "pending"}
    no_consent["patient"]["presenting_complaint"] = "Zqxnoconsentonly hip pain."
    write_case(folder, no_consent)
    wrong_source = synthetic_case("synthetic-zqxwrongsourceonly")
    wrong_source["consent"] = {"status": "original-publication"}
    write_case(folder, wrong_source)
    # Published, with consent, but a lint error: an e-mail address left in the history.
    lint_failing = synthetic_case("synthetic-zqxlintfailonly")
    lint_failing["patient"]["history"] = "Family contact: zqxlintfailonly@example.org."
    write_case(folder, lint_failing)
    return folder


#: Embargoes in the test library are judged on this day.
TODAY = "2026-06-01"


@dataclass
class BuiltSite:
    library: Path
    output: Path
    exit_code: int
    stdout: str
    stderr: str


def build_site(library: Path, output: Path, *extra: str) -> list[str]:
    return [
        "build",
        "--config",
        str(REPO / "mkdocs.yml"),
        "--library",
        str(library),
        "--output",
        str(output),
        "--today",
        TODAY,
        *extra,
    ]
