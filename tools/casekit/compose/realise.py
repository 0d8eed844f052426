"""Surviving sentences to text: time phrases, abbreviations defined once, no repeats.

An abbreviation the surviving text uses only once is written out in full rather than
defined. Time phrases are chosen here, not when planning, because they depend on which sentence
survives before: "One week later" is said against the moment last spoken of, and only
the first surviving sentence of a moment carries it.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from casekit import durations
from casekit.compose import wording as w
from casekit.compose.sentences import Moment, Sentence
from casekit.render.text import oxford_join


def _amount_words(value: float, unit: str, *, start: bool) -> str:
    text = durations.amount(value, unit)
    if start and float(value).is_integer():
        return w.number_words(value) + text[len(durations.number(value)) :]
    return text


def time_phrase(moment: Moment, before: Moment | None) -> str:
    """'One week later', 'About 2 months later', 'About 4 months after presentation',
    'Two weeks before presentation'; '' at presentation or at the same time."""
    time, days = moment.time, moment.days
    if time is None or days is None:
        return ""
    previous_days = before.days if before is not None and before.days is not None else 0.0
    if days == previous_days or (days == 0 and previous_days <= 0):
        return ""
    about = bool(time.get("approximate")) or bool(before and (before.time or {}).get("approximate"))
    start = not about
    if days < 0:
        parts = durations.parts(time)
        shown = " ".join(
            _amount_words(v, u, start=start and i == 0) for i, (v, u) in enumerate(parts)
        )
        phrase = f"{shown} before presentation"
    else:
        parts = durations.parts(time)
        prev_parts = durations.parts(before.time) if before and before.time else []
        if previous_days <= 0 and len(parts) == 1:
            phrase = f"{_amount_words(parts[0][0], parts[0][1], start=start)} later"
            if time.get("approximate"):
                phrase = f"{durations.phrase(time)} after presentation"
        elif len(parts) == 1 and len(prev_parts) == 1 and parts[0][1] == prev_parts[0][1]:
            delta = parts[0][0] - prev_parts[0][0]
            phrase = f"{_amount_words(delta, parts[0][1], start=start)} later"
        else:
            phrase = f"{durations.phrase(time)} after presentation"
    if about:
        phrase = f"about {phrase}"
    else:  # a number that starts a sentence is written in words
        phrase = re.sub(
            r"^(\d+)(?![.\d])", lambda m: w.number_words(int(m.group(1))), phrase, count=1
        )
    return w.capitalise(phrase)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


@dataclass
class _Shared:
    """A sentence of one patient of a series, where it was said, and the later patients
    whose sentence was the same word for word."""

    kind: str
    index: int
    patient: int
    also: list[int] = field(default_factory=list)


def realise(
    parts: list[tuple[str, list[Sentence]]], abbreviations: dict[str, str], patients: int = 0
) -> dict[str, list[str]]:
    """The text of each part's surviving sentences, in the order given; ``patients``: how
    many patients the case series has (0 for a case about one patient).

    A sentence said before is left out. In a case series, when a later patient's sentence
    is the same word for word as an earlier patient's, the earlier one says for whom it was
    so too ('The bone biopsy showed chronic inflammation (in all three).'): leaving the
    repeat out must not leave the reader thinking the later child had no biopsy result. A
    later patient's sentence that differs in anything ('<0.5' and '>0.5') is said."""
    defined: set[str] = set()
    #: each text said so far (by :func:`_key`) and the patients who said it (0: no patient)
    seen: dict[str, set[int]] = {}
    #: each series patient's sentence as composed (before abbreviations are written out)
    shared: dict[str, _Shared] = {}
    out: dict[str, list[str]] = {}
    composed = " ".join(s.text for _, ss in parts for s in ss if not s.author)
    # An abbreviation the text uses once is written out instead: defining it saves nothing.
    once = {
        a
        for a in abbreviations
        if len(re.findall(rf"(?<![\w-]){re.escape(a)}(?![\w-])", composed)) == 1
        and f"({a})" not in composed
    }
    for kind, sentences in parts:
        before: Moment | None = None
        spoken: int | None = None
        texts: list[str] = []
        for sentence in sentences:
            text = sentence.text
            if not sentence.author:
                moment = sentence.moment
                if moment is None:
                    before, spoken = None, None
                elif moment.order != spoken:
                    phrase = time_phrase(moment, before)
                    if phrase:
                        text = f"{phrase}, {w.lower_first(text)}"
                    before, spoken = moment, moment.order
                composed_text = text
                text = _define(text, abbreviations, defined, once)
            else:
                composed_text = text
                defined.update(a for a in abbreviations if f"({a})" in text)
                defined.update(a for a in abbreviations if re.search(rf"\b{re.escape(a)}\b", text))
            key = _key(text)
            if not key:
                continue
            patient = sentence.patient or 0
            first = shared.get(composed_text) if patient else None
            if first is not None and first.patient != patient:
                if patient not in first.also:
                    first.also.append(patient)  # said once, for both (see above)
                continue
            owners = seen.setdefault(key, set())
            if owners and (not patient or patient in owners or 0 in owners):
                continue  # said already, and saying it again would tell nothing new
            owners.add(patient)
            if patient:
                shared.setdefault(composed_text, _Shared(kind, len(texts), patient))
            texts.append(text)
        out[kind] = texts
    for entry in shared.values():
        if entry.also:
            out[entry.kind][entry.index] = _for_whom(
                out[entry.kind][entry.index], entry.patient, entry.also, patients
            )
    return out


#: A sentence that ends with an abbreviation's stop ('given i.v.'): the stop stays.
_ABBREVIATION_END = re.compile(r"(?:\b\w\.){2,}$|\b(?:etc|approx|vs)\.$")


def _for_whom(text: str, first: int, also: list[int], patients: int) -> str:
    """``text``, said of patient ``first``, saying it was so for the patients ``also`` too."""
    if first == 1 and len(also) == patients - 1:
        whom = "in both" if patients == 2 else f"in all {w.number_words(patients)}"
    else:
        whom = "also in the " + oxford_join([w.ordinal_words(n) for n in sorted(also)])
    if text[-1:] in ".!?" and not _ABBREVIATION_END.search(text):
        return f"{text[:-1]} ({whom}){text[-1]}"
    return f"{text} ({whom})" + ("." if text.endswith(".") else "")


def _define(
    text: str,
    abbreviations: dict[str, str],
    defined: set[str],
    once: AbstractSet[str] = frozenset(),
) -> str:
    for abbr, long in abbreviations.items():
        if abbr in defined:
            continue
        if f"({abbr})" in text:
            defined.add(abbr)
            continue
        match = re.search(rf"(?<![\w-]){re.escape(abbr)}(?![\w-])", text)
        if match is None:
            continue
        defined.add(abbr)
        if long.casefold() in text[: match.start()].casefold()[-len(long) - 3 :]:
            continue
        full = long if abbr in once else f"{long} ({abbr})"
        if match.start() == 0:
            full = w.capitalise(full)
        text = text[: match.start()] + full + text[match.end() :]
    return text
