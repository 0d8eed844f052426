"""``casekit validate`` as a user meets it: exit codes, messages, every class of bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
BAD = HERE / "bad"
EXPECTED = json.loads((HERE / "expected_bad.json").read_text())


def test_project_cases_are_valid(cli, repo: Path) -> None:
    result = cli("validate", str(repo / "cases"))
    assert result.code == 0, result.out
    assert "no problems found" in result.out


def test_minimal_case_is_valid(cli) -> None:
    result = cli("validate", str(HERE / "good" / "minimal.json"))
    assert result.code == 0, result.out


def test_every_bad_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in BAD.glob("*.json")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_gets_one_clear_finding(cli, name: str) -> None:
    expected = EXPECTED[name]
    path = BAD / f"{name}.json"
    result = cli("validate", "--format", "json", str(path))
    assert result.code == 1
    findings = json.loads(result.out)["findings"]
    assert len(findings) == 1
    (finding,) = findings
    assert finding["code"] == expected["code"]
    assert (finding["line"], finding["column"]) == (expected["line"], expected["column"])
    assert finding["json_path"] == expected["json_path"]
    assert expected["says"] in finding["message"] + " " + finding["hint"]
    assert finding["file"] == str(path)
    assert finding["hint"], "every problem says what to do"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_output_names_file_line_and_column(cli, name: str) -> None:
    expected = EXPECTED[name]
    path = BAD / f"{name}.json"
    result = cli("validate", str(path))
    first = result.out.splitlines()[0]
    assert first.startswith(f"{path}:{expected['line']}:{expected['column']}: {expected['code']} ")
    assert "Traceback" not in result.out + result.err


def test_huge_file_is_refused_before_reading(cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("w") as handle:
        handle.write('{"title": "')
        handle.write("x" * (11 * 1024 * 1024))
        handle.write('"}')
    result = cli("validate", str(path))
    assert result.code == 1
    assert "CK003" in result.out
    assert "MB" in result.out


def test_deeply_nested_json_is_explained(cli, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    result = cli("validate", str(path))
    assert result.code == 1
    assert "CK009" in result.out


def test_missing_path_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli("validate", str(tmp_path / "nope.json"))
    assert result.code == 2
    assert "no such file or folder" in result.err


def test_folder_is_searched_for_json_files(cli, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "minimal.json").write_text((HERE / "good" / "minimal.json").read_text())
    (tmp_path / "notes.txt").write_text("not a case")
    result = cli("validate", str(tmp_path))
    assert result.code == 0
    assert result.out.startswith("1 file checked")


def test_mixed_folder_reports_every_bad_file(cli) -> None:
    result = cli("validate", "--format", "json", str(BAD))
    assert result.code == 1
    payload = json.loads(result.out)
    assert payload["files_checked"] == len(EXPECTED)
    assert {Path(f["file"]).stem for f in payload["findings"]} == set(EXPECTED)


def test_all_errors_lists_the_hidden_problems(cli) -> None:
    best = cli("validate", "--format", "json", str(BAD / "typo-field.json"))
    every = cli("validate", "--format", "json", "--all-errors", str(BAD / "typo-field.json"))
    assert len(json.loads(best.out)["findings"]) == 1
    messages = [f["message"] for f in json.loads(every.out)["findings"]]
    assert any("'sex'" in m and "missing" in m for m in messages)


def test_sarif_output_is_sarif_2_1_0(cli) -> None:
    result = cli("validate", "--format", "sarif", str(BAD / "wrong-type-age.json"))
    sarif = json.loads(result.out)
    assert sarif["version"] == "2.1.0"
    (res,) = sarif["runs"][0]["results"]
    assert res["ruleId"] == "CK011"
    assert res["locations"][0]["physicalLocation"]["region"] == {"startLine": 14, "startColumn": 16}


def test_github_annotations(cli) -> None:
    result = cli("validate", "--format", "github", str(BAD / "wrong-type-age.json"))
    line = result.out.strip()
    assert line.startswith("::error file=")
    assert ",line=14,col=16," in line


def test_no_command_prints_help_and_exits_2(cli) -> None:
    assert cli().code == 2


def test_unknown_option_is_a_usage_error(cli) -> None:
    result = cli("validate", "--frobnicate")
    assert result.code == 2
    assert "casekit:" in result.err


def test_real_process_never_shows_a_traceback(tmp_path: Path) -> None:
    """Every bad fixture through the installed command, as a clinician would run it."""
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "casekit", "validate", str(BAD), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "\033[" not in result.stdout


def test_lint_does_not_load_renderers_or_site_builder() -> None:
    """An editor runs lint on every save: it must not import Jinja, python-docx or MkDocs."""
    code = (
        "import contextlib, io, sys\n"
        "from casekit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['lint', '--exit-zero', 'cases'])\n"
        "print(','.join(m for m in ('jinja2', 'docx', 'mkdocs', 'citeproc') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=HERE.parent.parent
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
