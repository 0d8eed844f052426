"""Values that lint clean but stopped the build (issue 12, item 4).

A time of 10**400 overflowed the duration arithmetic, a reference year in superscript
digits broke int(), U+FFFF broke the Word writer (see test_reliability_characters.py).
Each is now refused up front, and a case that fails while rendering anyway is left out
by name while the others, and every withdrawal, are built.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reliability_project import build_args, copy_templates, make_project, synthetic_case, write_case

from casekit.cli import main


def _findings(cli, path: Path) -> list[dict[str, str]]:
    result = cli("lint", "--format", "json", str(path))
    assert result.code == 1, result.out + result.err
    assert "internal error" not in result.err
    return json.loads(result.out)["findings"]


@pytest.mark.parametrize(
    ("value", "unit"),
    [(10**400, "days"), (151, "years"), (-1801, "months"), (1e300, "hours")],
    ids=["huge-integer", "years", "months-before", "huge-float"],
)
def test_times_beyond_150_years_are_refused(cli, tmp_path: Path, value: float, unit: str) -> None:
    data = synthetic_case("synthetic-long-time")
    data["timeline"][0]["time"] = {"value": value, "unit": unit}
    findings = _findings(cli, write_case(tmp_path, data))
    assert [f["code"] for f in findings] == ["CK011"]
    assert findings[0]["json_path"] == "$.timeline[0].time.value"
    assert "outside the allowed range" in findings[0]["message"]


@pytest.mark.parametrize("field", ["value", "low"])
def test_lab_values_beyond_a_trillion_are_refused(cli, tmp_path: Path, field: str) -> None:
    data = synthetic_case("synthetic-huge-lab")
    lab = data["investigations"]["laboratory"][0]
    if field == "value":
        lab["value"] = 10**13
    else:
        lab["reference_range"] = {"low": -1e13, "source": "Synthetic"}
    (finding,) = _findings(cli, write_case(tmp_path, data))
    assert finding["code"] == "CK011"
    assert finding["json_path"].endswith(field)


def test_reference_year_in_superscript_digits_is_refused(cli, tmp_path: Path) -> None:
    data = synthetic_case("synthetic-superscript-year")
    data["references"] = [
        {
            "id": "quux2020",
            "type": "article-journal",
            "title": "An invented article",
            "author": [{"family": "Quux", "given": "Ozymandias"}],
            "issued": {"date-parts": [["\u00b2\u2070\u00b2\u2070"]]},
        }
    ]
    (finding,) = _findings(cli, write_case(tmp_path, data))
    assert finding["code"] == "CK011"
    assert finding["json_path"] == "$.references[0].issued['date-parts'][0][0]"


def test_integers_beyond_two_to_the_53_are_refused(cli, tmp_path: Path) -> None:
    data = synthetic_case("synthetic-huge-volume")
    data["references"] = [
        {"id": "quux2021", "type": "article-journal", "title": "Invented", "volume": 2**53}
    ]
    (finding,) = _findings(cli, write_case(tmp_path, data))
    assert finding["json_path"] == "$.references[0].volume"


def test_a_case_that_cannot_be_rendered_is_left_out_and_withdrawals_still_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "project"
    config = make_project(root)
    library = root / "cases"
    write_case(library, synthetic_case("synthetic-stays"))
    leaving = write_case(library, synthetic_case("synthetic-withdrawn"))
    output = tmp_path / "out"
    assert main(build_args(config, library, output)) == 0
    assert (output / "cases" / "synthetic-withdrawn" / "index.html").is_file()

    # A template of the library that fails for one case, and a withdrawal at the same time.
    template = copy_templates(root) / "web.md.j2"
    template.write_text(
        '{% if case.id == "synthetic-breaks" %}{{ 1 // 0 }}{% endif %}' + template.read_text(),
        encoding="utf-8",
    )
    write_case(library, synthetic_case("synthetic-breaks"))
    data = json.loads(leaving.read_text(encoding="utf-8"))
    leaving.write_text(json.dumps({**data, "status": "draft"}), encoding="utf-8")
    capsys.readouterr()
    assert main(build_args(config, library, output)) == 0
    err = capsys.readouterr().err
    assert "case 'synthetic-breaks' is left out of the site" in err
    assert "ZeroDivisionError" in err
    assert not (output / "cases" / "synthetic-breaks").exists()
    assert not (output / "cases" / "synthetic-withdrawn").exists()
    assert (output / "cases" / "synthetic-stays" / "index.html").is_file()
    index = (output / "library" / "index.html").read_text(encoding="utf-8")
    assert "synthetic-breaks" not in index
