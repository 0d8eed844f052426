"""Units as a clinician writes them: ``10^9/L`` becomes ``×10⁹/L``.

Case files keep units as typed (often the plain-keyboard form a lab report or a
spreadsheet gives: ``10^9/L``, ``x10^9/L``, ``uL``, ``1.73m2``); every output that a
person reads (abstracts in every format, the web page) shows them typeset, through
:func:`display_unit`. Only the notation changes, never the unit: ``uL`` becomes ``µL``
because ``u`` stands for the micro sign, while ``U/L`` (enzyme units) is left alone.
"""

from __future__ import annotations

import re

_SUPERSCRIPT = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")

#: A power of ten, with or without a multiplication sign before it:
#: ``10^9``, ``x10^9``, ``× 10^9``, ``*10^9``, ``10*9`` (UCUM) and ``10⁹``.
_POWER_OF_TEN = re.compile(
    r"(?:(?<![\w.])[x×*]\s*)?(?<![\d.])10(?:\^|\*(?=\d))([-+]?\d{1,2})(?!\d)"
    r"|(?:(?<![\w.])[x×*]\s*)?(?<![\d.])10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
)
#: ``u`` for micro before a unit it prefixes (``uL``, ``ug``, ``umol``, ``uIU``).
_MICRO = re.compile(r"(?<![A-Za-z])u(?=(?:L|l|g|mol|IU|U|m|kat|Eq)(?![a-z]))")
#: A caret power on a length (``m^2``, ``mm^3``) or a bare digit after one (``1.73m2``).
_LENGTH_POWER = re.compile(r"(?<![A-Za-z])(m|mm|cm|dm)\^?([23])(?![\d.])")


def _power(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        exponent = match.group(1).lstrip("+").translate(_SUPERSCRIPT)
    else:
        exponent = match.group(2).replace("⁺", "")
    return f"×10{exponent}"


def display_unit(unit: str) -> str:
    """``unit`` as it is printed: powers of ten and areas typeset, ``u`` as ``µ``.

    >>> display_unit("10^9/L"), display_unit("x10^12/L"), display_unit("mL/min/1.73m2")
    ('×10⁹/L', '×10¹²/L', 'mL/min/1.73 m²')
    """
    text = " ".join(str(unit).split())
    text = _POWER_OF_TEN.sub(_power, text)
    text = _MICRO.sub("µ", text)
    text = re.sub(r"(?<=\d)(?=(?:m|mm|cm|dm)\^?[23](?![\d.]))", " ", text)  # 1.73m2 -> 1.73 m2
    text = _LENGTH_POWER.sub(lambda m: m.group(1) + m.group(2).translate(_SUPERSCRIPT), text)
    return text


def with_unit(value: str, unit: str) -> str:
    """A value and its unit as one phrase: ``808 ×10⁹/L``, ``45%``; the value alone
    when there is no unit."""
    shown = display_unit(unit) if unit else ""
    if not shown:
        return value
    if shown == "%":
        return f"{value}%"
    return f"{value} {shown}"


def typeset_powers(text: str) -> str:
    """Powers of ten inside prose typeset (``WCC 17 x10^9/L`` -> ``WCC 17 ×10⁹/L``).

    Only the power-of-ten notation is changed in running text: the other rewrites of
    :func:`display_unit` (``u`` for micro, ``m2``) could touch ordinary words.
    """
    return _POWER_OF_TEN.sub(_power, text)
