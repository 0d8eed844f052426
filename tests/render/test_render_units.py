"""Units are printed as clinicians write them, whatever plain-keyboard form the case has."""

from __future__ import annotations

import pytest

from casekit.render.units import display_unit, with_unit


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("10^9/L", "×10⁹/L"),
        ("x10^9/L", "×10⁹/L"),
        ("×10^9/L", "×10⁹/L"),
        ("× 10^9/L", "×10⁹/L"),
        ("*10^9/L", "×10⁹/L"),
        ("10*9/L", "×10⁹/L"),
        ("10⁹/L", "×10⁹/L"),
        ("10^12/L", "×10¹²/L"),
        ("10^-3", "×10⁻³"),
        ("10^3/uL", "×10³/µL"),
        ("/uL", "/µL"),
        ("umol/L", "µmol/L"),
        ("ug/L", "µg/L"),
        ("uIU/mL", "µIU/mL"),
        ("U/L", "U/L"),
        ("IU/L", "IU/L"),
        ("mL/min/1.73m2", "mL/min/1.73 m²"),
        ("mL/min/1.73 m^2", "mL/min/1.73 m²"),
        ("/mm3", "/mm³"),
        ("g/dL", "g/dL"),
        ("mm/h", "mm/h"),
        ("mm/1st h", "mm/1st h"),
        ("mmol/L", "mmol/L"),
        ("%", "%"),
        ("mg/L", "mg/L"),
        ("copies/mL", "copies/mL"),
        ("mmHg", "mmHg"),
        ("g/24h", "g/24h"),
        ("10 mg/kg", "10 mg/kg"),
    ],
)
def test_units_are_typeset(typed: str, shown: str) -> None:
    assert display_unit(typed) == shown


def test_no_caret_survives_for_common_counts() -> None:
    for typed in ("10^9/L", "x10^12/L", "10^6/L", "10^3/uL"):
        assert "^" not in display_unit(typed)


@pytest.mark.parametrize(
    ("value", "unit", "phrase"),
    [
        ("808", "10^9/L", "808 ×10⁹/L"),
        ("45", "%", "45%"),
        ("> 60", "mm/h", "> 60 mm/h"),
        ("3", "", "3"),
    ],
)
def test_value_with_unit(value: str, unit: str, phrase: str) -> None:
    assert with_unit(value, unit) == phrase
