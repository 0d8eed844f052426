"""casekit.durations: every form of a time or an age, to days, in words and in ISO 8601."""

from __future__ import annotations

from typing import Any

import pytest

from casekit import durations
from casekit.render import text

YEAR, MONTH = 365.25, 365.25 / 12


@pytest.mark.parametrize(
    ("duration", "days", "phrase", "iso"),
    [
        ({"value": 3, "unit": "years"}, 3 * YEAR, "3 years", "P3Y"),
        ({"value": 1, "unit": "months"}, MONTH, "1 month", "P1M"),
        ({"value": 2.5, "unit": "years"}, 2.5 * YEAR, "2.5 years", "P2.5Y"),
        ({"value": -2, "unit": "weeks"}, -14, "2 weeks", "-P2W"),
        ({"value": 0, "unit": "days"}, 0, "0 days", "P0D"),
        ({"value": 6, "unit": "hours"}, 0.25, "6 hours", "PT6H"),
        ({"years": 2, "months": 8}, 2 * YEAR + 8 * MONTH, "2 years 8 months", "P2Y8M"),
        ({"months": 18}, 18 * MONTH, "18 months", "P18M"),
        ({"weeks": 3}, 21, "3 weeks", "P3W"),
        ({"weeks": 1, "days": 2}, 9, "1 week 2 days", "P9D"),
        ({"days": 1, "hours": 6, "before": True}, -1.25, "1 day 6 hours", "-P1DT6H"),
        ({"years": 1, "months": 0}, YEAR, "1 year", "P1Y"),
        ({"hours": 0}, 0, "0 hours", "P0D"),
    ],
)
def test_every_form(duration: dict[str, Any], days: float, phrase: str, iso: str) -> None:
    assert durations.to_days(duration) == pytest.approx(days)
    assert durations.phrase(duration) == phrase
    assert durations.iso8601(duration) == iso


def test_twelve_months_make_a_year_in_either_form() -> None:
    assert durations.to_days({"months": 12}) == durations.to_days({"value": 1, "unit": "years"})
    assert durations.to_days({"years": 1}) == durations.to_days({"value": 12, "unit": "months"})


@pytest.mark.parametrize(
    ("written", "parsed"),
    [
        ("3 years", {"value": 3, "unit": "years"}),
        ("18 months", {"value": 18, "unit": "months"}),
        ("2.5 years", {"value": 2.5, "unit": "years"}),
        ("2 years 8 months", {"years": 2, "months": 8}),
        ("2y 8m", {"years": 2, "months": 8}),
        ("1 year, 2 months and 3 days", {"years": 1, "months": 2, "days": 3}),
        ("4 mo", {"value": 4, "unit": "months"}),
        ("6 hrs", {"value": 6, "unit": "hours"}),
    ],
)
def test_from_text(written: str, parsed: dict[str, Any]) -> None:
    assert durations.from_text(written) == parsed


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("3 parsecs", "is not a time such as"),
        ("", "is not a time such as"),
        ("about 3 years", "is not a time such as"),
        ("8 months 2 years", "largest first"),
        ("2 years 2 years", "each unit once"),
        ("2.5 years 3 months", "whole numbers"),
    ],
)
def test_from_text_explains_what_it_cannot_read(written: str, says: str) -> None:
    with pytest.raises(durations.DurationTextError, match=says):
        durations.from_text(written)


@pytest.mark.parametrize(
    ("duration", "phrase", "figure", "short"),
    [
        ({"value": 4, "unit": "months", "approximate": True}, "About 4 months after presentation",
         "About 4 months", "~4 mo"),
        ({"years": 2, "months": 8}, "2 years 8 months after presentation", "2 years 8 months",
         "2 y 8 mo"),
        ({"weeks": 2, "before": True}, "2 weeks before presentation", "2 weeks before", "-2 wk"),
        ({"value": 0, "unit": "days"}, "At presentation", "Presentation", "Presentation"),
        ({"days": 0, "approximate": True}, "Around presentation", "Presentation", "Presentation"),
    ],
)  # fmt: skip
def test_outputs_say_both_forms_alike(
    duration: dict[str, Any], phrase: str, figure: str, short: str
) -> None:
    assert text.time_phrase(duration) == phrase
    assert text.figure_time(duration) == figure
    assert text.short_time(duration) == short
    assert text.in_days(duration) == pytest.approx(durations.to_days(duration))


def test_ages_in_both_forms() -> None:
    assert text.age_phrase({"value": 3, "unit": "years"}) == "3 years"
    assert text.age_phrase({"years": 2, "months": 8}) == "2 years 8 months"
    assert text.age_phrase({"months": 1}) == "1 month"
