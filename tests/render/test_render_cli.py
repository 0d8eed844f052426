"""``casekit render`` as a user runs it: exit codes, messages and files written."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document

from casekit.render import list_profiles


def test_an_abstract_that_fits_prints_it_and_the_counts(
    cli: Callable[..., Any], founding_path: Path
) -> None:
    result = cli("render", str(founding_path), "--profile", "jmcr")
    assert result.code == 0
    assert result.out.startswith("Acute lymphoblastic leukaemia")
    assert "jmcr: 317 words of 350 words" in result.err and "fits" in result.err
    assert "casekit: to fit" not in result.err  # nothing had to go


def test_an_abstract_over_the_limit_is_fitted_saying_what_was_left_out(
    cli: Callable[..., Any], founding_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bmj.txt"
    result = cli("render", str(founding_path), "--profile", "bmj-case-reports", "-o", str(out))
    assert result.code == 0, result.err
    assert "bmj-case-reports: 150 words of 150 words — fits." in result.err
    assert "casekit: to fit bmj-case-reports (150 words), left out:\n  - learning point 4\n" in (
        result.err
    )
    assert "  - 'A bone scan found several …' (1 week after presentation)\n" in result.err
    text = out.read_text(encoding="utf-8")
    assert "808 ×10⁹/L" in text and "A bone scan found" not in text

    full = tmp_path / "bmj-full.txt"
    result = cli("render", str(founding_path), "-p", "bmj-case-reports", "--full", "-o", str(full))
    assert result.code == 1
    assert "too long for bmj-case-reports: 266 words" in result.err
    assert "The longest section is Summary (266 words)" in result.err
    assert "A bone scan found" in full.read_text(encoding="utf-8")  # still written, to edit


def test_when_what_must_stay_is_over_the_limit_render_exits_1_naming_it(
    cli: Callable[..., Any], founding_path: Path, tmp_path: Path
) -> None:
    profile = json.loads(
        (
            Path(__file__).resolve().parents[2] / "tools/casekit/profiles/bmj-case-reports.json"
        ).read_text(encoding="utf-8")
    )
    profile["name"] = "bmj-halved"
    profile["limit"]["max"] = 75
    path = tmp_path / "bmj-halved.json"
    path.write_text(json.dumps(profile), encoding="utf-8")
    result = cli(
        "render", str(founding_path), "--profile", str(path), "-o", str(tmp_path / "a.txt")
    )
    assert result.code == 1
    assert "too long for bmj-halved even with everything that may be left out" in result.err
    assert "120 words, the limit is 75 words (45 words over)" in result.err
    assert (
        "Shorten: 'The blood film showed multiple …' (about 6 months after presentation)"
        " (15 words);" in result.err
    )


def test_word_output_is_inferred_from_the_file_name(
    cli: Callable[..., Any], founding_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "nested" / "abstract.docx"
    result = cli("render", str(founding_path), "-p", "jmcr", "-o", str(out))
    assert result.code == 0
    assert out.read_bytes()[:2] == b"PK"
    assert f"wrote {out}" in result.err
    assert not list(out.parent.glob(".*.tmp"))  # the atomic write left no temporary file


def test_word_output_without_a_name_is_named_after_the_case(
    cli: Callable[..., Any], founding_path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("render", str(founding_path), "--format", "care-checklist", "--to", "docx")
    assert result.code == 0
    assert (tmp_path / "crmo-not-crmo-care-checklist.docx").is_file()


def test_web_page_to_a_file(cli: Callable[..., Any], founding_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.md"
    result = cli("render", str(founding_path), "--format", "web", "--output", str(out))
    assert result.code == 0
    page = out.read_text(encoding="utf-8")
    assert 'id="case-summary"' in page and 'id="case-timeline"' in page and 'id="lab-table"' in page


def test_list_profiles(cli: Callable[..., Any]) -> None:
    result = cli("render", "--list-profiles")
    assert result.code == 0
    for profile in list_profiles():
        assert profile.name in result.out


def test_usage_errors_exit_2_with_a_plain_message(
    cli: Callable[..., Any], founding_path: Path
) -> None:
    result = cli("render")
    assert result.code == 2 and "give the case file" in result.err
    result = cli("render", str(founding_path), "--profile", "no-such-venue")
    assert result.code == 2 and "no abstract profile called 'no-such-venue'" in result.err
    result = cli("render", str(founding_path), "--format", "web", "--to", "docx")
    assert result.code == 2 and "web format can be written as md" in result.err
    result = cli("render", str(founding_path), "--templates", "/no/such/folder")
    assert result.code == 2 and "does not exist" in result.err
    assert "Traceback" not in result.err


def test_an_invalid_case_is_not_rendered(
    cli: Callable[..., Any], founding: dict[str, Any], tmp_path: Path
) -> None:
    del founding["patient"]
    path = tmp_path / "crmo-not-crmo.json"
    path.write_text(json.dumps(founding), encoding="utf-8")
    result = cli("render", str(path), "--format", "web")
    assert result.code == 1
    assert "CK011" in result.err and "fix these errors, then render again" in result.err
    assert result.out == ""


def test_unreadable_json_is_a_finding_not_a_traceback(
    cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{ not json", encoding="utf-8")
    result = cli("render", str(path))
    assert result.code == 1
    assert "broken.json" in result.err and "Traceback" not in result.err


def test_output_over_the_case_file_is_refused(
    cli: Callable[..., Any], founding_path: Path, tmp_path: Path
) -> None:
    case = tmp_path / "crmo-not-crmo.json"
    case.write_text(founding_path.read_text())
    result = cli("render", str(case), "--format", "web", "-o", str(case))
    assert result.code == 2
    assert "the case file itself" in result.err
    assert case.read_text() == founding_path.read_text()


def test_output_name_must_match_the_kind_of_file(
    cli: Callable[..., Any], founding_path: Path, tmp_path: Path
) -> None:
    result = cli("render", str(founding_path), "--format", "web", "-o", str(tmp_path / "p.docx"))
    assert result.code == 2
    assert ".md" in result.err
    assert not (tmp_path / "p.docx").exists()


def test_a_blinded_abstract_leaves_out_who_wrote_it(
    cli: Callable[..., Any],
    founding_path: Path,
    tmp_path: Path,
    monkeypatch: Any,
    docx_text: Callable[[bytes], str],
) -> None:
    case = json.loads(founding_path.read_text(encoding="utf-8"))
    case["authors"] = [
        {"name": "Zed Synthetica", "affiliations": ["Invented Children's Hospital, Nowhere"]}
    ]
    # naming the hospital where the patient was seen is an identifier: render refuses
    case["introduction"] += " Seen at Invented Children's Hospital, Nowhere."
    path = tmp_path / "crmo-not-crmo.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    refused = cli("render", str(path), "-p", "eular-2020", "--blinded")
    assert refused.code == 1 and "CK608" in refused.err and refused.out == ""
    # naming the authors' team is not, but a blinded copy must not
    case["introduction"] = case["introduction"].replace(
        " Seen at Invented Children's Hospital, Nowhere.", " The Synthetica team reviewed it."
    )
    path.write_text(json.dumps(case), encoding="utf-8")

    shown = cli("render", str(path), "-p", "eular-2020")
    assert "Zed Synthetica" in shown.out and "note: blinded" not in shown.err
    blinded = cli("render", str(path), "-p", "eular-2020", "--blinded")
    assert blinded.code == 0
    first_lines = blinded.out.split("\n\n")[1]  # straight after the title comes the text
    assert first_lines.startswith("The authors describe")
    assert "Nowhere" not in blinded.out.split("Seen at")[0]
    # The counts are those of the full abstract; the text itself still names them.
    assert shown.err.splitlines()[0] == blinded.err.splitlines()[0]
    assert "still names 'Synthetica'" in blinded.err

    word = cli("render", str(path), "-p", "eular-2020", "--blinded", "--to", "docx")
    assert word.code == 0
    written = (tmp_path / "crmo-not-crmo-abstract-blinded.docx").read_bytes()
    assert "Zed Synthetica" not in docx_text(written)
    assert "Nowhere" not in docx_text(written).split("Seen at")[0]
    properties = Document(io.BytesIO(written)).core_properties
    assert properties.author == ""  # the file's own properties must not name them either

    wrong = cli("render", str(path), "--format", "web", "--blinded")
    assert wrong.code == 2 and "only of an abstract" in wrong.err
