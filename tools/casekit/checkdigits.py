"""The Luhn (mod 10) check digit, shared by code forms (LOINC) and identifier patterns
(card numbers, IMEIs). ISO/IEC 7812-1, annex B."""

from __future__ import annotations


def luhn_digit(number: str) -> int:
    """The check digit to append to ``number`` (digits only)."""
    total = 0
    for position, char in enumerate(reversed(number)):
        digit = int(char)
        if position % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return (10 - total % 10) % 10


def luhn_valid(digits: str) -> bool:
    """Whether the last of ``digits`` is the Luhn check digit of the others."""
    return len(digits) > 1 and digits.isdigit() and luhn_digit(digits[:-1]) == int(digits[-1])
