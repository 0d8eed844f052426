"""The Luhn check digit that LOINC codes and card numbers share."""

from __future__ import annotations

import pytest

from casekit.checkdigits import luhn_digit, luhn_valid


@pytest.mark.parametrize(
    ("number", "digit"),
    [("1988", 5), ("2160", 0), ("7992739871", 3)],  # LOINC 1988-5, 2160-0; ISO/IEC 7812 example
)
def test_the_check_digit_is_the_published_one(number: str, digit: int) -> None:
    assert luhn_digit(number) == digit
    assert luhn_valid(f"{number}{digit}")
    assert not luhn_valid(f"{number}{(digit + 1) % 10}")


def test_a_number_without_digits_to_check_is_not_valid() -> None:
    assert not luhn_valid("") and not luhn_valid("7") and not luhn_valid("12a4")
