"""`casekit lint` and `casekit rules` as a user runs them."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from linthelpers import base_case, write_case

from casekit.cli import main
from casekit.findings import Finding, Severity
from casekit.reporters import finding_json

FOUNDING = Path(__file__).resolve().parents[2] / "cases" / "crmo-not-crmo.json"


def _with_error(folder: Path) -> Path:
    data = base_case()
    data["investigations"]["laboratory"][0]["unit"] = "109/L"  # CK504, an error
    return write_case(folder, data)


def test_clean_case_exits_0(cli: Any, tmp_path: Path) -> None:
    result = cli("lint", str(write_case(tmp_path, base_case())))
    assert result.code == 0
    assert "1 file checked, no problems found." in result.out


def test_errors_exit_1_and_name_file_line_and_code(cli: Any, tmp_path: Path) -> None:
    path = _with_error(tmp_path)
    result = cli("lint", str(path))
    assert result.code == 1
    first = result.out.splitlines()[0]
    assert first.startswith(f"{path}:")
    assert " CK504 " in first and "[$.investigations.laboratory[0].unit]" in first
    assert result.out.splitlines()[1].strip().startswith("hint:")


def test_exit_zero_reports_but_succeeds(cli: Any, tmp_path: Path) -> None:
    result = cli("lint", "--exit-zero", str(_with_error(tmp_path)))
    assert result.code == 0
    assert "CK504" in result.out


def test_warnings_alone_exit_0(cli: Any) -> None:
    result = cli("lint", str(FOUNDING))
    assert result.code == 0
    assert "CK109 (warning)" in result.out


def test_schema_errors_come_first_and_rules_are_skipped(cli: Any, tmp_path: Path) -> None:
    data = base_case()
    data["patient"]["age"]["value"] = "7"
    data.pop("outcome")
    result = cli("lint", str(write_case(tmp_path, data)))
    assert result.code == 1
    assert "CK011" in result.out and "CK109" not in result.out


def test_unreadable_json_is_a_finding(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"id": "broken",}', encoding="utf-8")
    result = cli("lint", str(bad))
    assert result.code == 1
    assert "CK006" in result.out


def test_json_format_parses(cli: Any, tmp_path: Path) -> None:
    result = cli("lint", "--format", "json", str(_with_error(tmp_path)))
    payload = json.loads(result.out)
    codes = [f["code"] for f in payload["findings"]]
    assert "CK504" in codes
    assert payload["files_checked"] == 1
    assert {"line", "column", "json_path", "hint", "severity"} <= set(payload["findings"][0])
    # one finding per line, so that a report can be searched line by line
    lines = [line for line in result.out.splitlines() if '"code": ' in line]
    assert len(lines) == len(payload["findings"])
    assert [json.loads(line.strip().rstrip(","))["code"] for line in lines] == codes


@pytest.mark.parametrize(
    "message",
    [
        "plain",
        'quotes " and \\ backslashes',
        "accents: Ménière, Sjögren; a dash \u2013 and an emoji \U0001f600",
        "control \x01 and line\nbreak\ttab",
        "an unpaired surrogate \ud800",
    ],
)
def test_each_json_line_is_what_json_dumps_writes(message: str) -> None:
    """The report writes each finding out by hand (for speed): it must be byte for byte
    what ``json.dumps(finding.to_dict(), ensure_ascii=False)`` would write."""
    finding = Finding(
        "CK602",
        "name-in-text",
        Severity.WARNING,
        Path("/tmp/a folder/café-case.json"),
        message,
        f"hint: {message}",
        ("patients", 0, "a key", "x-y", 3),
        12,
        7,
    )
    assert finding_json(finding) == json.dumps(finding.to_dict(), ensure_ascii=False)


def test_json_report_of_a_clean_file_has_an_empty_list(cli: Any) -> None:
    result = cli("lint", "--format", "json", "--ignore", "CK109,CK113,CK301,CK104", str(FOUNDING))
    assert json.loads(result.out)["findings"] == []


def test_sarif_format_parses_and_describes_the_rules(cli: Any, tmp_path: Path) -> None:
    result = cli("lint", "--format", "sarif", str(_with_error(tmp_path)))
    sarif = json.loads(result.out)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["CK504"]["name"] == "pasted-value-artefact"
    assert "CK701" in rules  # the whole catalogue, not only the rules that fired
    result_504 = next(r for r in run["results"] if r["ruleId"] == "CK504")
    assert result_504["level"] == "error"
    assert run["tool"]["driver"]["rules"][result_504["ruleIndex"]]["id"] == "CK504"


def test_github_format(cli: Any, tmp_path: Path) -> None:
    result = cli("lint", "--format", "github", str(_with_error(tmp_path)))
    assert result.out.startswith("::error file=")
    assert "title=CK504 pasted-value-artefact" in result.out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_unless_no_color(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = str(_with_error(tmp_path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    assert main(["lint", path]) == 1
    assert "\033[" in terminal.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _Terminal()
    monkeypatch.setattr("sys.stdout", plain)
    assert main(["lint", path]) == 1
    assert "\033[" not in plain.getvalue() and "CK504" in plain.getvalue()


def test_select_and_ignore(cli: Any) -> None:
    only = cli("lint", "--select", "CK10", str(FOUNDING))
    assert {line.split()[1] for line in only.out.splitlines() if ": CK" in line} == {
        "CK104",
        "CK109",
    }
    group = cli("lint", "--select", "completeness,differential", "--ignore", "CK109", str(FOUNDING))
    codes = {line.split()[1] for line in group.out.splitlines() if ": CK" in line}
    assert codes == {"CK104", "CK113", "CK301"}


def test_unknown_selector_is_a_usage_error_naming_the_choices(cli: Any) -> None:
    result = cli("lint", "--select", "CK999", str(FOUNDING))
    assert result.code == 2
    assert "CK999" in result.err and "privacy" in result.err and "casekit rules" in result.err
    typo = cli("lint", "--ignore", "privacy,compleetness", str(FOUNDING))
    assert typo.code == 2 and "Did you mean 'completeness'?" in typo.err


def test_bad_as_of_is_a_usage_error(cli: Any) -> None:
    result = cli("lint", "--as-of", "four months", str(FOUNDING))
    assert result.code == 2
    assert "'four months' is not a time from presentation" in result.err


def test_as_of_on_the_command_line(cli: Any) -> None:
    result = cli("lint", "--as-of", "4 months", "--select", "knowledge", str(FOUNDING))
    assert result.code == 0
    codes = [line.split()[1] for line in result.out.splitlines() if ": CK" in line]
    assert codes == ["CK401", "CK402"]


def test_missing_path_is_a_usage_error(cli: Any, tmp_path: Path) -> None:
    result = cli("lint", str(tmp_path / "nope.json"))
    assert result.code == 2
    assert "no such file or folder" in result.err


def test_folders_are_searched(cli: Any, tmp_path: Path) -> None:
    write_case(tmp_path, base_case())
    _with_error(tmp_path / "sub")
    result = cli("lint", str(tmp_path))
    assert result.code == 1
    assert "2 files checked" in result.out


def test_unused_suppression_is_reported(cli: Any, tmp_path: Path) -> None:
    data = base_case()
    data["lint"] = {"suppress": [{"code": "CK109", "reason": "No outcome in the source."}]}
    result = cli("lint", str(write_case(tmp_path, data)))
    assert result.code == 0
    assert "CK901" in result.out and "$.lint.suppress[0].code" in result.out


def test_suppression_with_path_keeps_other_places(cli: Any, tmp_path: Path) -> None:
    data = base_case()
    data["investigations"]["laboratory"][0]["unit"] = "109/L"
    data["investigations"]["laboratory"][1]["unit"] = "109/L"
    data["lint"] = {
        "suppress": [
            {
                "code": "CK504",
                "path": "$.investigations.laboratory[0]",
                "reason": "Checked against the laboratory report.",
            }
        ]
    }
    result = cli("lint", "--format", "json", str(write_case(tmp_path, data)))
    paths = [f["json_path"] for f in json.loads(result.out)["findings"] if f["code"] == "CK504"]
    assert paths == ["$.investigations.laboratory[1].unit"]
    assert result.code == 1


def test_rules_command_lists_every_rule(cli: Any) -> None:
    result = cli("rules")
    assert result.code == 0
    lines = result.out.splitlines()
    assert any(
        line.startswith("CK401") and "knowledge" in line and "warning" in line for line in lines
    )
    assert any(line.startswith("CK603") and "privacy" in line and "error" in line for line in lines)
    as_json = json.loads(cli("rules", "--format", "json").out)
    assert {"code", "name", "group", "severity", "summary"} == set(as_json[0])


def test_as_of_before_the_first_diagnosis_says_there_is_nothing_to_check(cli: Any) -> None:
    result = cli("lint", "--as-of", "-1 days", str(FOUNDING))
    assert result.code == 0
    assert "CK903" in result.out and "no diagnosis had been made yet" in result.out
    assert "CK011" not in result.out


def test_an_internal_error_shows_its_traceback_only_with_casekit_debug(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from casekit import cli

    def boom() -> None:
        raise RuntimeError("boom")

    for debug in ("", "1"):
        monkeypatch.setenv("CASEKIT_DEBUG", debug)
        try:
            boom()
        except RuntimeError as exc:
            assert cli._internal_error(exc) == 2
        err = capsys.readouterr().err
        assert "internal error (RuntimeError: boom)" in err
        assert ("Traceback (most recent call last)" in err) is bool(debug)


@pytest.mark.parametrize("name", ["text", "json", "github"])
def test_a_report_written_in_the_workers_is_the_report_written_at_once(
    cli: Any, tmp_path: Path, name: str
) -> None:
    """Each worker writes its files' lines and the main process puts them in order: the
    same bytes as the reporter writing every finding at once, in folders whose names sort
    differently as paths and as text ('a/' before 'a-b/' as paths, after it as text)."""
    from casekit.commands.lint import lint_paths
    from casekit.lint import load_config
    from casekit.reporters import REPORTERS

    library = tmp_path / "library"
    for index, folder in enumerate(["a", "a-b", "a/z", "."]):
        data = base_case()
        data["id"] = f"synthetic-report-order-{index}"
        if index % 2 == 0:
            data["investigations"]["laboratory"][0]["unit"] = "109/L"  # CK504, an error
        write_case(library / folder, data)
    (library / "a-b" / "broken.json").write_text('{"id": ', encoding="utf-8")
    findings, count = lint_paths([library], load_config(), jobs=1)
    expected = REPORTERS[name](findings, count, None)
    result = cli("lint", "--format", name, "--jobs", "2", str(library))
    assert result.code == 1
    assert result.out == expected
    assert count == 5 and "broken.json" in expected


def test_reports_put_findings_in_the_order_of_their_sort_key() -> None:
    """Assembled file by file, a report still lists findings as one sort of them all would."""
    from casekit.reporters import REPORTERS, finding_github, finding_text, summary_line

    findings = [
        Finding(code, "some-rule", severity, Path(file), "A message.", "A hint.", (), line, 1)
        for code, severity, file, line in [
            ("CK504", Severity.ERROR, "a/x.json", 9),
            ("CK101", Severity.WARNING, "a-b/x.json", 3),
            ("CK504", Severity.ERROR, "a/x.json", 2),
            ("CK201", Severity.INFO, "b.json", 1),
            ("CK101", Severity.WARNING, "a/x.json", 2),
        ]
    ]
    ordered = sorted(findings, key=Finding.sort_key)
    assert REPORTERS["text"](findings, 3, None) == "".join(map(finding_text, ordered)) + (
        summary_line(findings, 3) + "\n"
    )
    assert REPORTERS["github"](findings, 3, None) == "\n".join(map(finding_github, ordered)) + "\n"
    listed = json.loads(REPORTERS["json"](findings, 3, None))["findings"]
    assert listed == [json.loads(finding_json(f)) for f in ordered]
    assert summary_line(findings, 3) == ("3 files checked, 2 errors in 1 file, 2 warnings, 1 note.")


def test_a_file_named_twice_is_checked_once(cli: Any, tmp_path: Path) -> None:
    path = str(_with_error(tmp_path))
    once = cli("lint", path)
    twice = cli("lint", path, path, str(tmp_path))
    assert twice.code == once.code == 1
    assert twice.out == once.out
    assert twice.out.endswith("1 file checked, 1 error in 1 file, 0 warnings.\n")
