"""The case presentation of one patient: an opening sentence, then each moment of the
course in time order with what the case links to it, woven in as clinical prose.

An event's own description comes first (the author's words), less any sentence that
only repeats what was already said; then a sentence for each linked result, study,
sample, diagnosis or treatment the description does not already mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from casekit import durations, model
from casekit.compose import salience
from casekit.compose import wording as w
from casekit.compose.sentences import (
    DETAIL,
    DIFFERENTIAL,
    FINDING,
    KEY,
    MUST,
    NARRATIVE,
    TREATMENT,
    Moment,
    Sentence,
)
from casekit.labranges import side_of_range
from casekit.render import text as rtext
from casekit.render.units import with_unit

#: How much of a description sentence must already have been said for it to be left out.
_REPEAT = 0.75
#: How much of an item's further detail the moment's description must say for it to count
#: as said (the share :func:`mentioned` asks of an item's first clause).
_SAID = 0.6


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _days(time: Any) -> float | None:
    try:
        return durations.to_days(time) if isinstance(time, dict) else None
    except (KeyError, TypeError, ValueError):
        return None


@dataclass
class _Said:
    """What has been said so far (to leave out repeats, and to rank lower what only
    tells again a kind of finding already told)."""

    sentences: list[str] = field(default_factory=list)
    #: (kind, modality or test name, site, result) of each imaging and other test told
    results: list[tuple[str, str, str, str]] = field(default_factory=list)
    #: the confirming tests a must-stay sentence has said were not done
    tests_not_done: set[str] = field(default_factory=set)
    #: the red flags already named
    flags: set[str] = field(default_factory=set)

    def new_flags(self, text: str, teach: salience.Teaching) -> bool:
        """Whether ``text`` names a red flag not named before (and notes those it names)."""
        named = set(teach.red_flags_in(text))
        new = bool(named - self.flags)
        self.flags |= named
        return new

    def repeats(self, text: str) -> bool:
        return any(w.coverage(text, earlier) >= _REPEAT for earlier in self.sentences)

    def add(self, text: str) -> None:
        self.sentences.append(text)

    def repeats_result(self, kind: str, item: dict[str, Any]) -> bool:
        """Whether an earlier study of the same kind and site already showed the same: a
        second ankle radiograph showing 'osteomyelitis' after the first showed 'active
        osteomyelitis'. A study of another bone is news, not a repeat."""
        name, site, result = _result_of(kind, item)
        return bool(result) and any(
            k == kind
            and n == name
            and (not s or not site or max(w.coverage(s, site), w.coverage(site, s)) >= 0.5)
            and w.coverage(result, r) >= _REPEAT
            for k, n, s, r in self.results
        )

    def add_result(self, kind: str, item: dict[str, Any]) -> None:
        self.results.append((kind, *_result_of(kind, item)))


def _result_of(kind: str, item: dict[str, Any]) -> tuple[str, str, str]:
    name = model.modality_name(item) if kind == "imaging" else str(item.get("name", ""))
    site = w.without_not_stated(str(item.get("site", "")))
    return name.casefold(), site, str(item.get("result", ""))


# --- what each linked item says ------------------------------------------------------------


def lab_judgement(result: dict[str, Any]) -> str:
    """'abnormal', 'normal' or 'unjudged' (no flag and no range to read one from)."""
    flag = result.get("flag")
    if flag in ("high", "low", "abnormal"):
        return "abnormal"
    if flag == "normal":
        return "normal"
    side = side_of_range(result)
    if side in ("high", "low"):
        return "abnormal"
    return "normal" if side == "normal" else "unjudged"


def lab_phrase(result: dict[str, Any]) -> str:
    """'Plt 808 ×10⁹/L', 'ESR > 60 mm/h', 'C-reactive protein 80 mg/L'."""
    name = str(result.get("abbreviation") or w.lower_first(str(result.get("test", ""))))
    return f"{name} {with_unit(rtext.lab_value(result), str(result.get('unit', '')))}".strip()


def _stands_alone(number: str, text: str) -> bool:
    """Whether ``number`` is in ``text`` not as part of a longer number (no digit or point
    before it, no digit after it). A search, not a regular expression: a pattern made per
    result was compiled anew for almost every case (about 0.7 ms a case)."""
    at = text.find(number)
    while at >= 0:
        before = text[at - 1] if at > 0 else ""
        end = at + len(number)
        after = text[end] if end < len(text) else ""
        if not (before.isdecimal() or before == ".") and not after.isdecimal():
            return True
        at = text.find(number, at + 1)
    return False


def _lab_mentioned(result: dict[str, Any], text: str) -> bool:
    value = rtext.lab_value(result).replace(" ", "").lstrip("<>≤≥")
    names = [str(result.get("abbreviation") or ""), str(result.get("test") or "")]
    has_value = _stands_alone(value, text)
    has_name = any(n and n.casefold()[:4] in text.casefold() for n in names)
    return has_value and has_name


def _item_words(item: dict[str, Any], kind: str) -> str:
    if kind == "imaging":
        return w.first_clause(str(item.get("result", "")))
    if kind == "other_test":
        return f"{item.get('name', '')} {w.first_clause(str(item.get('result', '')))}"
    if kind == "tissue_sample":
        return str(item.get("kind", ""))
    if kind == "intervention":
        return w.first_clause(str(item.get("description", "")))
    if kind == "diagnosis":
        return str(item.get("name", ""))
    return ""


def mentioned(item: dict[str, Any], kind: str, text: str, abbreviations: dict[str, str]) -> bool:
    """Whether ``text`` (an author's sentence) already says what the item says."""
    if kind == "lab":
        return _lab_mentioned(item, text)
    if kind == "diagnosis":
        name = str(item.get("name", ""))
        short = [a for a, long in abbreviations.items() if long.casefold() in name.casefold()]
        if any(re.search(rf"\b{re.escape(a)}\b", text) for a in short):
            return True
        return w.coverage(name, text + " " + " ".join(short)) >= 0.8
    if kind == "tissue_sample":
        return w.coverage(_item_words(item, kind), text) >= 0.99
    return w.coverage(_item_words(item, kind), text) >= 0.6


def _detail(kind: str, item: dict[str, Any]) -> tuple[str, str]:
    """An item's first clause (what :func:`mentioned` looks for) and what it says after
    it: ('Several areas of increased uptake', ': right femoral neck, both knees, ...')."""
    if kind in ("imaging", "other_test"):
        whole = str(item.get("result", ""))
    elif kind == "intervention":
        whole = str(item.get("description", ""))
    else:
        return "", ""
    return w.first_clause(whole), w.after_first_clause(whole)


def with_unsaid_details(
    text: str, held: list[tuple[str, dict[str, Any]]], context: str
) -> tuple[str, set[str]]:
    """An author's sentence with what the items it mentions hold beyond it, and the ids
    of the items whose detail still needs a sentence of its own.

    The author's 'A bone scan found several areas of increased uptake.' mentions the
    bone scan, whose result goes on ': right femoral neck, both knees, both ankles and the
    scapula'. Those sites are the teaching point, and nothing else would say them: the
    sentence is lengthened to carry them, so that fitting keeps or drops it whole. A detail
    the author's description of the moment (``context``) already says is not added again
    ('started at presentation' where the description says she presented). Only that
    description counts: elsewhere in the case, words such as 'normal' and 'blast' may
    belong to another test (a normal blood film is not a normal marrow), and a detail told
    at another moment is told apart from the item. A performed tissue sample the sentence
    names without its result ('she had a bone biopsy') is returned for a sentence of its
    result; so is an item whose detail would not fit inside the sentence's brackets.
    """
    own_sentence: set[str] = set()
    for kind, item in held:
        item_id = str(item.get("id"))
        text = w.with_side(text, _side_source(kind, item))
        if kind == "tissue_sample":
            result = w.clause(str(item.get("result", "")))
            said = w.coverage(result, f"{context} {text}") >= _SAID
            if item.get("status") == "performed" and result and not said:
                own_sentence.add(item_id)
            continue
        anchor, detail = _detail(kind, item)
        if not detail or w.coverage(detail, f"{context} {text}") >= _SAID:
            continue
        longer = w.with_detail(text, anchor, detail)
        if longer is None:
            own_sentence.add(item_id)
        else:
            text = longer
    return text, own_sentence


def _side_source(kind: str, item: dict[str, Any]) -> str:
    """Where an item names the side of the body it is about: an intervention's description
    ('Arthroscopic washout of the right hip'), else its site ('right distal tibia')."""
    if kind == "intervention":
        return str(item.get("description", ""))
    return str(item.get("site", ""))


# --- sentences for items ---------------------------------------------------------------------


def lab_sentences(results: list[dict[str, Any]], where: str, key_moment: bool) -> list[Sentence]:
    if not results:
        return []
    order = {"abnormal": 0, "unjudged": 1, "normal": 2}
    ranked = sorted(results, key=lambda r: order[lab_judgement(r)])
    lead = (
        "Blood tests showed"
        if all(str(r.get("specimen") or "blood").casefold() == "blood" for r in results)
        else "Tests showed"
    )
    out: list[Sentence] = []
    abnormal = [r for r in ranked if lab_judgement(r) == "abnormal"]
    unjudged = [r for r in ranked if lab_judgement(r) == "unjudged"]
    normal = [r for r in ranked if lab_judgement(r) == "normal"]
    if abnormal or unjudged:
        shown = abnormal + unjudged
        priority = MUST if (abnormal and key_moment) or (unjudged and key_moment) else KEY
        names = rtext.oxford_join([lab_phrase(r) for r in shown])
        tests = ", ".join(str(r.get("abbreviation") or r.get("test")) for r in shown)
        out.append(Sentence(f"{lead} {names}.", priority, f"the results {where} ({tests})"))
    if normal:
        names = rtext.oxford_join([lab_phrase(r) for r in normal])
        text = f"Other results were normal: {names}." if out else f"{lead} normal {names}."
        out.append(Sentence(text, DETAIL, f"the normal results {where}"))
    return out


def imaging_sentence(item: dict[str, Any], where: str) -> Sentence:
    modality = w.lower_first(model.modality_name(item))
    site = w.clause(str(item.get("site", "")))
    of_site = f" of the {w.lower_first(site)}" if site and not w.is_not_stated(site) else ""
    if of_site and w.coverage(site, modality) >= 0.99:
        of_site = ""
    result = w.lower_first(w.clause(str(item.get("result", ""))))
    return Sentence(
        w.sentence(f"{w.article(modality)}{of_site} showed {result}"),
        FINDING,
        f"the {modality}{of_site} {where}",
    )


_JUDGEMENTS = frozenset(["normal", "abnormal", "negative", "positive", "unremarkable"])


def other_test_sentence(item: dict[str, Any], where: str) -> Sentence:
    name = w.clause(str(item.get("name", "")))
    result = w.lower_first(w.clause(str(item.get("result", ""))))
    # 'HIV serology was negative', 'Blood film was normal; no blast cells seen'
    judged = w.first_clause(result).casefold() in _JUDGEMENTS
    verb = "was" if len(result.split()) == 1 or judged else "showed"
    holds = f"the {w.lower_first(name)} {where}"
    return Sentence(w.sentence(f"{name} {verb} {result}"), FINDING, holds)


def tissue_sentence(item: dict[str, Any], where: str) -> Sentence:
    kind = w.clause(str(item.get("kind", ""))) or "tissue sample"
    status = item.get("status")
    holds = f"the {w.lower_first(kind)} ({rtext.humanize(str(status))})"
    if status == "performed":
        site = w.clause(str(item.get("site", "")))
        of_site = ""
        if site and not w.is_not_stated(site) and w.coverage(site, kind) < 0.99:
            of_site = f" of the {w.lower_first(site)}"
        result = w.lower_first(w.clause(str(item.get("result", ""))))
        text = f"{w.capitalise(kind)}{of_site} showed {result}"
    elif status == "pending":
        text = f"The result of the {w.lower_first(kind)} was awaited"
    else:
        reason = w.clause(str(item.get("reason", "")))
        verb = "was not performed" if status == "not-performed" else "did not apply"
        text = f"{w.capitalise(w.article(w.lower_first(kind)))} {verb}"
        if reason:
            text += f": {w.lower_first(reason)}"
    return Sentence(w.sentence(text), MUST, holds)


def tissue_result_sentence(item: dict[str, Any], where: str) -> Sentence:
    """'The bone biopsy showed chronic inflammation with fibrosis.' after an author's
    sentence that says the sample was taken but not what it showed. The author's sentence
    carries the sample's status and stays; this one ranks with the key results, high but
    not must-stay, so that a series of three biopsies still fits 150 words."""
    kind = w.lower_first(w.clause(str(item.get("kind", ""))) or "tissue sample")
    result = w.lower_first(w.clause(str(item.get("result", ""))))
    return Sentence(
        w.sentence(f"The {kind} showed {result}"), KEY, f"the result of the {kind} {where}"
    )


def intervention_sentence(item: dict[str, Any], where: str) -> Sentence:
    description = w.clause(str(item.get("description", "")))
    done = "performed" if item.get("kind") in ("surgical", "procedural") else "given"
    text = w.sentence(f"{w.capitalise(description)} was {done}")
    return Sentence(text, TREATMENT, f"the treatment {where} ({w.first_clause(description)})")


def diagnosis_sentences(
    dx: dict[str, Any], items: dict[str, dict[str, Any]], where: str
) -> list[Sentence]:
    name = w.clause(str(dx.get("name", "")))
    role = dx.get("role")
    if role == "final":
        how = []
        for ref in _list(dx.get("confirmed_by")):
            item = items.get(str(ref), {})
            if "status" in item and "kind" in item:
                how.append(w.lower_first(str(item["kind"])))
            elif "name" in item and "result" in item:
                how.append(w.lower_first(str(item["name"])))
            elif "modality" in item:
                how.append(w.lower_first(rtext.label(str(item["modality"]))))
        confirmed = f", confirmed by {rtext.oxford_join(how)}" if how else ""
        return [
            Sentence(
                w.sentence(f"The final diagnosis was {w.lower_first(name)}{confirmed}"),
                MUST,
                "the final diagnosis",
            )
        ]
    if role == "presumptive":
        text = f"A presumptive diagnosis of {w.lower_first(name)} was made"
    elif role == "working":
        text = f"{w.capitalise(name)} was suspected"
    else:
        text = f"{w.capitalise(name)} was considered"
    return [Sentence(w.sentence(text), FINDING, f"the {role} diagnosis of {w.lower_first(name)}")]


def revision_sentences(dx: dict[str, Any], data: dict[str, Any]) -> list[Sentence]:
    """'This revised the working diagnosis of bacterial osteomyelitis.' for each earlier
    diagnosis whose 'revised_to' names this one."""
    out = []
    for earlier in _list(data.get("diagnoses")):
        if not isinstance(earlier, dict) or earlier.get("revised_to") != dx.get("id"):
            continue
        role = str(earlier.get("role") or "earlier")
        role = "earlier" if role == "revised" else role
        name = w.lower_first(w.clause(str(earlier.get("name", ""))))
        out.append(
            Sentence(
                w.sentence(f"This revised the {role} diagnosis of {name}"),
                FINDING,
                f"the revision of the {role} diagnosis of {name}",
            )
        )
    return out


def differential_sentences(data: dict[str, Any]) -> list[Sentence]:
    out = []
    for index, alt in enumerate(_list(data.get("differential"))):
        if not isinstance(alt, dict) or not alt.get("diagnosis"):
            continue
        name = w.clause(str(alt["diagnosis"]))
        how = w.clause(str(alt.get("how_excluded") or ""))
        status = alt.get("status")
        if status == "excluded":
            text = f"{w.capitalise(name)} was excluded" + (f": {w.lower_first(how)}" if how else "")
        elif status == "favoured":
            text = f"{w.capitalise(name)} was favoured"
        elif status == "not-excluded":
            text = f"{w.capitalise(name)} was considered but not excluded"
        else:
            text = f"{w.capitalise(name)} was also considered"
        priority = DIFFERENTIAL + (1 if index == 0 else 0)
        out.append(Sentence(w.sentence(text), priority, f"the differential: {w.lower_first(name)}"))
    return out


# --- the whole story ---------------------------------------------------------------------------


def case_abbreviations(case: dict[str, Any]) -> dict[str, str]:
    """Abbreviations the case defines ('acute lymphoblastic leukaemia (ALL)'), and the
    abbreviations of its laboratory tests: abbreviation -> long form."""
    found: dict[str, str] = {}
    texts: list[str] = []

    def collect(node: Any) -> None:
        if isinstance(node, str):
            texts.append(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in ("references", "authors", "$schema", "id"):
                    collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(case)
    for text in texts:
        if "(" not in text:
            continue
        for match in _ABBREVIATION.finditer(text):
            abbr = match.group(1)
            long = _long_form(_words_before(text, match.start()), abbr)
            if long and abbr not in found:
                found[abbr] = w.lower_first(long)
    for view in model.patient_views(case):
        for lab in _list(_dict(view.data.get("investigations")).get("laboratory")):
            if isinstance(lab, dict) and lab.get("abbreviation") and lab.get("test"):
                abbr = str(lab["abbreviation"])
                if abbr.casefold() != str(lab["test"]).casefold():
                    found.setdefault(abbr, w.lower_first(str(lab["test"])))
    return found


_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_RUN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ' -")


def _words_before(text: str, end: int) -> str:
    """The run of letters, spaces, hyphens and apostrophes just before ``end``, from its
    first letter (the words an abbreviation in brackets may stand for). A scan backwards:
    a regular expression tried from every start is quadratic in the text's length."""
    start = end
    while start > 0 and text[start - 1] in _RUN:
        start -= 1
    while start < end and not text[start].isalpha():
        start += 1
    return text[start:end]


def _long_form(before: str, abbr: str) -> str | None:
    tokens = before.split()
    letters = abbr.casefold()
    for count in range(1, min(len(tokens), 8) + 1):
        chosen = tokens[-count:]
        plain = "".join(t[0] for t in chosen).casefold()
        split = "".join(p[0] for t in chosen for p in t.split("-") if p).casefold()
        if letters in (plain, split):
            return " ".join(chosen)
    return None


@dataclass
class _Group:
    moment: Moment
    events: list[dict[str, Any]] = field(default_factory=list)
    items: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


def _groups(data: dict[str, Any]) -> list[_Group]:
    """The course as moments in time order, each with its events and linked items."""
    events = [e for e in _list(data.get("timeline")) if isinstance(e, dict)]
    events.sort(key=lambda e: (_days(e.get("time")) is None, _days(e.get("time")) or 0.0))
    groups: list[_Group] = []
    by_event: dict[str, _Group] = {}
    for event in events:
        days = _days(event.get("time"))
        group = _Group(Moment(_dict(event.get("time")) or None, days, len(groups)), [event])
        groups.append(group)
        if isinstance(event.get("id"), str):
            by_event[event["id"]] = group
    used: set[str] = set()
    placed = {str(p.item.get("id")): p for p in model.placed_items(data)}
    kinds: dict[str, tuple[str, dict[str, Any]]] = {}
    investigations = _dict(data.get("investigations"))
    for lab in _list(investigations.get("laboratory")):
        if isinstance(lab, dict):
            kinds[str(lab.get("id"))] = ("lab", lab)
    for placed_item in placed.values():
        kinds[str(placed_item.item.get("id"))] = (placed_item.kind, placed_item.item)
    for dx in _list(data.get("diagnoses")):
        if isinstance(dx, dict):
            kinds[str(dx.get("id"))] = ("diagnosis", dx)
    # Items placed by their own time or event go there; the rest where an event links them.
    for item_id, placed_item in placed.items():
        if placed_item.how in ("own time", "event") and item_id in kinds:
            target = by_event.get(placed_item.event_id or "")
            if target is None:
                target = _Group(Moment(placed_item.time, placed_item.days, len(groups)))
                groups.append(target)
            target.items.append(kinds[item_id])
            used.add(item_id)
    for group in list(groups):
        for event in group.events:
            for ref in _list(event.get("links")):
                if isinstance(ref, str) and ref in kinds and ref not in used:
                    group.items.append(kinds[ref])
                    used.add(ref)
    order = ["lab", "imaging", "other_test", "tissue_sample", "diagnosis", "intervention"]
    rest = sorted(
        (kinds[i] for i in kinds if i not in used),
        key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order),
    )
    if rest:
        groups.append(_Group(Moment(None, None, len(groups)), [], rest))
    groups.sort(key=lambda g: (g.moment.days is None, g.moment.days or 0.0, g.moment.order))
    return [
        _Group(Moment(g.moment.time, g.moment.days, n), g.events, g.items)
        for n, g in enumerate(groups)
    ]


def opening(patient: dict[str, Any]) -> str:
    noun = w.person_noun(patient)
    complaint = w.lower_first(w.clause(str(patient.get("presenting_complaint") or "")))
    if not complaint:
        return w.sentence(f"{w.capitalise(w.article(noun))} is described")
    return w.sentence(f"{w.capitalise(w.article(noun))} presented with {complaint}")


def story(
    data: dict[str, Any],
    abbreviations: dict[str, str],
    *,
    lead: str | None = None,
    lower: int = 0,
    keep_must: bool = True,
) -> list[Sentence]:
    """The case presentation of one patient (``data``: a single-patient case or a
    patient's view in a series). ``lead`` replaces the opening sentence (a series names
    the patient); ``lower`` lowers every priority below must-stay (later patients of a
    series)."""
    patient = _dict(data.get("patient"))
    said = _Said()
    teach = salience.teaching(data)
    out: list[Sentence] = []
    first = lead or opening(patient)
    out.append(Sentence(first, MUST, "the patient's age, sex and presenting complaint"))
    said.add(first)
    said.add(str(patient.get("presenting_complaint") or ""))
    said.new_flags(first, teach)
    if patient.get("history") and not w.is_not_stated(str(patient["history"])):
        for text in w.split_sentences(str(patient["history"])):
            priority = KEY if said.new_flags(text, teach) else DETAIL
            out.append(Sentence(w.sentence(text), priority, "the patient's history"))
    items = _items_by_id(data)
    final_ids = {
        str(d.get("id"))
        for d in _list(data.get("diagnoses"))
        if isinstance(d, dict) and d.get("role") == "final"
    }
    groups = _groups(data)
    for index, group in enumerate(groups):
        where = _where(group.moment)
        key_moment = index == 0 or any(
            kind == "diagnosis" and str(item.get("id")) in final_ids for kind, item in group.items
        )
        described: list[tuple[str, set[str]]] = []
        own_sentence: set[str] = set()  # mentioned items whose detail needs its own sentence
        detailed: set[str] = set()  # mentioned items whose detail is dealt with (said once)
        pending = list(group.items)
        # what the author wrote for this moment, against which an item's detail is said
        authored = " ".join(str(e.get("description") or "") for e in group.events)
        for event in group.events:
            for raw in w.split_sentences(str(event.get("description") or "")):
                text = w.sentence(w.unlabel(w.clause(raw)))
                if not text or said.repeats(text):
                    continue
                holds = {
                    str(i.get("id")) for k, i in pending if mentioned(i, k, text, abbreviations)
                }
                held = [(k, i) for k, i in pending if str(i.get("id")) in holds - detailed]
                text, needing = with_unsaid_details(text, held, authored)
                own_sentence |= needing
                detailed |= holds
                described.append((text, holds))
                said.add(text)
        mentioned_ids = set().union(*(h for _, h in described)) if described else set()
        priority_of: dict[str, int] = {}
        must_stay: set[int] = set()
        structured: list[Sentence] = []
        labs = [i for k, i in pending if k == "lab" and str(i.get("id")) not in mentioned_ids]
        for sentence in lab_sentences(labs, where, key_moment):
            structured.append(sentence)
        kind_of = {str(i.get("id")): k for k, i in pending}
        for position, (text, holds) in enumerate(described):
            # A diagnosis made without its confirming test, said in so many words, stays.
            if teach.names_missing_test(text) and "diagnosis" in {kind_of.get(i) for i in holds}:
                must_stay.add(position)
                said.tests_not_done.update(
                    t for t in teach.missing_tests if w.coverage(t, text) >= 0.99
                )
        for kind, item in pending:
            item_id = str(item.get("id"))
            priority_of[item_id] = _ranked(kind, item, key_moment, said, teach)
            if (item_id in mentioned_ids and item_id not in own_sentence) or kind == "lab":
                continue
            made: list[Sentence] = []
            if kind == "tissue_sample" and item_id in own_sentence:
                made = [tissue_result_sentence(item, where)]
                if priority_of[item_id] < KEY:
                    made = [replace(made[0], priority=priority_of[item_id])]
            elif kind == "intervention" and item_id in own_sentence:
                made = [intervention_sentence(item, where)]
            elif kind == "imaging":
                made = [imaging_sentence(item, where)]
            elif kind == "other_test":
                made = [other_test_sentence(item, where)]
            elif kind == "tissue_sample":
                made = [tissue_sentence(item, where)]
                if priority_of[item_id] < MUST:
                    made = [replace(made[0], priority=priority_of[item_id])]
            elif kind == "intervention":
                # 'A non-steroidal anti-inflammatory drug was started.' one moment told it.
                told = any(mentioned(item, kind, t, abbreviations) for t in said.sentences)
                made = [] if told else [intervention_sentence(item, where)]
            elif kind == "diagnosis":
                made = diagnosis_sentences(item, items, where)
                made += revision_sentences(item, data)
            if kind in ("imaging", "other_test") or (made and kind == "diagnosis"):
                made[0] = replace(made[0], priority=priority_of[item_id])
            structured.extend(s for s in made if not said.repeats(s.text))
        for kind, item in pending:
            if kind in ("imaging", "other_test"):
                said.add_result(kind, item)
        for position, (text, holds) in enumerate(described):
            own = NARRATIVE + 1 if position == 0 else NARRATIVE  # an event's first sentence
            if position in must_stay:
                own = MUST
            elif said.new_flags(text, teach):
                own = KEY  # what the knowledge packs call a red flag outranks routine findings
            priority = max([own, *(priority_of.get(i, NARRATIVE) for i in holds)])
            opening_words = " ".join(text.split()[:5])
            label = f"'{opening_words} …' ({where})"
            out.append(Sentence(text, priority, label, group.moment))
        for sentence in structured:
            said.add(sentence.text)
            out.append(Sentence(sentence.text, sentence.priority, sentence.holds, group.moment))
    if lower:
        out = [
            s
            if (s.must_stay and (keep_must or i == 0))
            else Sentence(s.text, max(1, min(s.priority, MUST - 1) - lower), s.holds, s.moment)
            for i, s in enumerate(out)
        ]
    return out


def _ranked(
    kind: str, item: dict[str, Any], key_moment: bool, said: _Said, teach: salience.Teaching
) -> int:
    """An item's priority in the light of what was said before it and what teaches."""
    priority = _priority(kind, item, key_moment)
    if kind in ("imaging", "other_test"):
        if said.new_flags(str(item.get("result", "")), teach):
            return max(priority, KEY)
        if said.repeats_result(kind, item):
            return NARRATIVE  # only tells again a kind of finding already told
    if kind == "tissue_sample" and w.lower_first(str(item.get("kind", ""))) in said.tests_not_done:
        return FINDING  # a must-stay sentence already said it was not done
    # A suspicion the findings already named ('active osteomyelitis' on the radiograph).
    working = kind == "diagnosis" and item.get("role") == "working"
    if working and w.coverage(str(item.get("name", "")), " ".join(said.sentences)) >= 0.5:
        return NARRATIVE
    return priority


def _priority(kind: str, item: dict[str, Any], key_moment: bool) -> int:
    if kind == "lab":
        judged = lab_judgement(item)
        if judged == "normal":
            return DETAIL
        return MUST if key_moment else KEY
    if kind == "tissue_sample":
        return MUST
    if kind == "diagnosis":
        if item.get("role") == "final":
            return MUST
        # A diagnosis that was acted on and later revised is the story of the case.
        return FINDING + 1 if item.get("revised_to") and item.get("role") != "working" else FINDING
    if kind == "intervention":
        return TREATMENT
    return FINDING


def _where(moment: Moment) -> str:
    if moment.time is None:
        return "(time not stated)"
    return w.lower_first(rtext.time_phrase(moment.time))


def _items_by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    from casekit.render.narrative import items_by_id

    return items_by_id(data)


def outcome_sentences(data: dict[str, Any]) -> list[Sentence]:
    outcome = _dict(data.get("outcome"))
    out = []
    for index, text in enumerate(w.split_sentences(str(outcome.get("summary") or ""))):
        out.append(Sentence(w.sentence(text), MUST if index == 0 else DETAIL + 1, "the outcome"))
    for key, label in (("follow_up", "the follow-up"), ("adverse_events", "the adverse events")):
        value = str(outcome.get(key) or "")
        if key == "adverse_events" and re.fullmatch(r"\s*(?:none|nil|no)\W*", value, re.I):
            value = "There were no adverse events."
        for text in w.split_sentences(value):
            out.append(Sentence(w.sentence(text), DETAIL, label))
    return out
