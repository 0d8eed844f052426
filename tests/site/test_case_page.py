"""The case page as a reader reads it: laboratory table, course figure, trend charts, ids."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from casefactory import FOUNDING, BuiltSite, synthetic_case
from lxml import html

from casekit.render import render
from casekit.render.course import axis_for, course_of


def _founding() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FOUNDING.read_text(encoding="utf-8"))
    return data


def _element(page: str, element_id: str) -> Any:
    tree = html.fromstring(f"<div>{page}</div>")
    found = tree.xpath(f'//*[@id="{element_id}"]')
    assert len(found) == 1, element_id
    return found[0]


def _cells(row: Any) -> list[str]:
    return [" ".join(c.text_content().split()) for c in row.xpath("./th|./td")]


def test_the_founding_case_has_one_row_per_test_and_one_column_per_time() -> None:
    page = render(_founding(), "web").content
    assert isinstance(page, str)
    table = _element(page, "lab-table")
    head = _cells(table.xpath(".//thead/tr")[0])
    assert head == ["Test", "Unit", "At presentation", "About 6 months"]
    rows = [_cells(r) for r in table.xpath(".//tbody/tr")]
    assert [r[0] for r in rows] == [
        "Erythrocyte sedimentation rate (ESR)",
        "Haemoglobin (Hb)",
        "White cell count (WCC)",
        "Platelet count (Plt)",
    ]
    assert rows[0] == ["Erythrocyte sedimentation rate (ESR)", "mm/h", "> 60", ""]
    assert rows[2] == ["White cell count (WCC)", "×10⁹/L", "7.9", "17"]
    assert "not stated" not in table.text_content()
    assert "^" not in table.text_content()
    # No range anywhere in the case: no range column, and the caption says why.
    assert "Reference range" not in head
    assert "states no reference ranges" in table.text_content()


def test_an_abnormal_value_says_so_in_words_beside_its_range() -> None:
    case = synthetic_case("synthetic-flagged-labs")
    labs = case["investigations"]["laboratory"]
    labs[0]["reference_range"] = {"low": 1.0, "high": 2.0, "source": "Invented range"}
    labs[0]["value"] = 9.5
    labs[0].pop("flag", None)
    page = render(case, "web").content
    assert isinstance(page, str)
    table = _element(page, "lab-table")
    head = _cells(table.xpath(".//thead/tr")[0])
    assert head[-1] == "Reference range"
    first = _cells(table.xpath(".//tbody/tr")[0])
    assert "9.5 ▲ high" in first
    assert first[-1].startswith("1\u20132")


def test_the_course_figure_places_things_on_a_time_scale() -> None:
    course = course_of(_founding())
    by_label = {m.label: m for m in course.marks}
    crmo = by_label["Chronic recurrent multifocal osteomyelitis (presumptive diagnosis, revised)"]
    assert crmo.start == 7 and crmo.end == pytest.approx(6 * 365.25 / 12)
    assert by_label["Common acute lymphoblastic leukaemia (final)"].ongoing
    assert by_label["Bone biopsy: not performed"].style == "hollow"
    axis = axis_for([m.start for m in course.marks])
    assert axis.unit == "months"
    # Positions follow time, not the order of the events: 1 week is near presentation.
    assert axis.x(7) - axis.x(0) < (axis.x(180) - axis.x(0)) / 10


def test_the_course_figure_is_text_too_and_keeps_readable_text() -> None:
    page = render(_founding(), "web").content
    assert isinstance(page, str)
    svg = _element(page, "case-course")
    assert svg.get("role") == "img" and svg.get("width") == "100%"
    assert svg.get("viewbox") is None  # never scaled down: text keeps its CSS size
    desc = svg.xpath("./desc")[0].text_content()
    assert "Bone biopsy: not performed, at 4 months after presentation" in desc
    assert "Common acute lymphoblastic leukaemia (final), from 6 months after" in desc
    sizes = {int(s) for s in re.findall(r"font-size:(\d+)px", page)}
    assert sizes and min(sizes) >= 11
    # Not a copy of the narrative: no event description appears in the figure.
    for event in _founding()["timeline"]:
        assert event["description"][:40] not in svg.text_content()


def test_trend_labels_stay_inside_their_chart() -> None:
    page = render(_founding(), "web").content
    assert isinstance(page, str)
    trends = _element(page, "lab-trends")
    for chart in trends.xpath("./svg"):
        labels = chart.xpath(".//text[@dx]")
        xs = [float(t.get("x").rstrip("%")) for t in labels]
        anchors = [t.get("text-anchor") for t in labels]
        # The first point's labels start at it, the last point's end at it.
        assert anchors[0] == "start" and anchors[-1] == "end"
        assert min(xs) >= 5 and max(xs) <= 95


def test_times_without_a_link_get_their_own_column_not_filler(tmp_path: Path) -> None:
    case = copy.deepcopy(_founding())
    for event in case["timeline"]:
        event["links"] = [x for x in event.get("links", []) if x != "lab-plt-2"]
    page = render(case, "web").content
    assert isinstance(page, str)
    table = _element(page, "lab-table")
    head = _cells(table.xpath(".//thead/tr")[0])
    assert head[-1] == "Time not given"
    platelets = _cells(table.xpath(".//tbody/tr")[3])
    assert platelets[1:] == ["×10⁹/L", "808", "", "200"]


def test_every_id_on_a_built_case_page_is_unique(built_site: BuiltSite) -> None:
    for page in (built_site.output / "cases").glob("*/index.html"):
        ids = html.parse(str(page)).getroot().xpath("//@id")
        repeated = [i for i, n in Counter(ids).items() if n > 1]
        assert not repeated, (page, repeated)
