"""What the detector reports: a :class:`Match`."""

from __future__ import annotations

from dataclasses import dataclass

#: Each category, the lint rule that reports it, and what it is, for messages.
CATEGORIES: dict[str, tuple[str, str]] = {
    "name": ("CK602", "a person's name or initials"),
    "date": ("CK603", "a calendar date"),
    "place": ("CK604", "a place smaller than a region (town, street, postcode)"),
    "phone": ("CK605", "a telephone number"),
    "fax": ("CK605", "a fax number"),
    "email": ("CK605", "an e-mail address"),
    "url": ("CK605", "a web address"),
    "ip": ("CK605", "an IP address"),
    "record": ("CK606", "a medical record or health-service number"),
    "age": ("CK607", "an age over 89"),
    "institution": ("CK608", "a named hospital, school or institute"),
    "health-plan": ("CK609", "a health-plan or insurance number"),
    "ssn": ("CK610", "a social security or national insurance number"),
    "account": ("CK611", "an account, card or invoice number"),
    "licence": ("CK612", "a licence, passport or certificate number"),
    "vehicle": ("CK613", "a vehicle registration or identification number"),
    "device": ("CK614", "a device serial or lot number"),
    "handle": ("CK615", "a social-media handle or user name"),
    "biometric": ("CK616", "a biometric identifier"),
    "photo": ("CK617", "a full-face photograph"),
    "characteristic": ("CK618", "a unique identifying characteristic"),
    "number": ("CK619", "an identifying number"),
}


@dataclass(frozen=True)
class Match:
    """One identifier: where it is in the original text (``text[start:end]``), its
    category, the lint rule that reports it and which recognizer found it."""

    category: str
    start: int
    end: int
    text: str
    recognizer: str

    @property
    def rule(self) -> str:
        return CATEGORIES[self.category][0]

    @property
    def masked(self) -> str:
        """The identifier with all but its first and last character hidden, so that a
        finding in a CI log or a code-scanning service does not repeat it."""
        text = self.text
        if len(text) <= 3:
            return "•" * len(text)
        return f"{text[0]}{'•' * (len(text) - 2)}{text[-1]}"
