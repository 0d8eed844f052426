"""Check a loaded case against the case schema and its internal references.

Schema errors from :mod:`jsonschema` are written for programmers; here each becomes
a :class:`~casekit.findings.Finding` in plain words, using the schema's own titles
and descriptions. By default only the best-matching error per place is reported,
with a count of the others, so one typo does not produce a cascade.

Most files in a library are valid, so validity is first decided by jsonschema-rs
(a compiled validator, about 200 times faster here on the benchmark library); the
pure-Python :mod:`jsonschema`, whose errors carry the detail needed for good messages,
is imported and run only for a file that fails.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from casekit import durations, model
from casekit.characters import first_hidden, noncharacters
from casekit.citations import CITATION, cited_fields, keys_in
from casekit.dates import calendar_date
from casekit.findings import Finding, JsonPath, Severity, format_json_path
from casekit.loader import CaseDocument
from casekit.resources import case_schema, frozen_schema, schema_version
from casekit.suggest import Suggester

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_CODE = "CK011"


@cache
def validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema = case_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@cache
def _fast_is_valid() -> Callable[[Any], bool]:
    """The compiled validator's yes/no answer, or the Python one where it is unavailable."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - jsonschema-rs is a dependency; stay correct without
        return lambda instance: bool(validator().is_valid(instance))
    compiled = jsonschema_rs.Draft202012Validator(case_schema())
    return lambda instance: bool(compiled.is_valid(instance))


def _fast_errors(instance: Any) -> list[tuple[JsonPath, str]]:
    """The compiled validator's own errors: (where, message)."""
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - jsonschema-rs is a dependency
        return []
    compiled = jsonschema_rs.Draft202012Validator(case_schema())
    return [(tuple(e.instance_path), str(e.message)) for e in compiled.iter_errors(instance)]


DISAGREEMENT_CODE = "CK019"


def _disagreement(doc: CaseDocument) -> list[Finding]:
    """The two schema validators disagree: fail closed, with what the compiled one said.

    The pure-Python validator found nothing, so its word is "valid"; the compiled one's
    messages are the only lead. (Python's ``re`` lets ``$`` match before a final line
    break; the schema's patterns end in ``(?!\\n)$`` for that, but any other difference
    between the two must not let a file through either.)
    """
    findings = []
    for path, message in _fast_errors(doc.data) or [((), "(no message)")]:
        line, column = doc.locate(path)
        findings.append(
            Finding(
                DISAGREEMENT_CODE,
                "validators-disagree",
                Severity.ERROR,
                doc.path,
                "The two schema checkers casekit uses disagree about this value: one says"
                f" {message}; the other finds nothing wrong. casekit treats the file as"
                " invalid.",
                "Look for something unusual here (a line break at the end, an odd character)"
                " and write the value plainly. If it looks right, please report it.",
                path,
                line,
                column,
            )
        )
    return findings


def _json_type(value: Any) -> str:
    if value is None:
        return "null (nothing)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'text ("{shown}")'
    if isinstance(value, list):
        return "a list"
    return "an object"


_TYPE_WORDS = {
    "string": "text in double quotes",
    "number": "a number",
    "integer": "a whole number",
    "object": "an object ({ ... })",
    "array": "a list ([ ... ])",
    "boolean": "true or false",
    "null": "null",
}


def _label(error: ValidationError) -> str:
    """The field's title from the schema, or its name, for the start of a message."""
    title = error.schema.get("title") if isinstance(error.schema, dict) else None
    if title:
        return str(title)
    path = list(error.absolute_path)
    if path and isinstance(path[-1], int):
        parent = _schema_at(tuple(path[:-1])).get("title") or (path[-2] if len(path) > 1 else "")
        return f"Entry {path[-1] + 1} of {parent}" if parent else f"Entry {path[-1] + 1}"
    if path:
        return f"'{path[-1]}'"
    return "The case"


def _allowed_keys(error: ValidationError) -> list[str]:
    properties = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    return sorted(properties)


def _forbidden_key(error: ValidationError, root: Any) -> str | None:
    """For an error from a ``false`` subschema under ``properties``: the field it refuses.

    jsonschema reports such an error at the object, not at the field, so the field is
    found by identity among the object's values.
    """
    if error.validator is not None or error.schema is not False:
        return None
    schema_path = list(error.absolute_schema_path)
    if not schema_path or schema_path[-1] != "properties":
        return None
    parent = _instance_at(error, root)
    if not isinstance(parent, dict):
        return None
    return next((key for key, value in parent.items() if value is error.instance), None)


def _instance_at(error: ValidationError, root: Any) -> Any:
    """The value (in the whole case ``root``) at the place the error is reported."""
    instance = root
    for part in error.absolute_path:
        instance = instance[part]
    return instance


def _condition(error: ValidationError) -> tuple[list[str], str]:
    """For an error inside ``then``: the fields its ``if`` asks for, and the branch's
    description (or its parent's)."""
    schema_path = list(error.absolute_schema_path)
    if "then" not in schema_path:
        return [], ""
    node: Any = case_schema()
    trail: list[Any] = []
    for part in schema_path[: len(schema_path) - schema_path[::-1].index("then") - 1]:
        node = _resolve(node)[str(part)] if isinstance(node, dict) else node[int(part)]
        trail.append(node)
    branch = _resolve(node)
    condition = branch.get("if", {})
    fields: list[str] = list(condition.get("required", []))
    for option in condition.get("anyOf", []):
        fields += [f for f in option.get("required", []) if f not in fields]
    then = branch.get("then", {})
    return fields, str(then.get("description") or branch.get("description") or "")


def _forbidden(error: ValidationError, key: str, root: Any) -> tuple[str, str, JsonPath, bool]:
    path: JsonPath = (*tuple(error.absolute_path), key)
    fields, why = _condition(error)
    if fields == ["patients"]:
        return (
            f"This case is a series ('patients'), so '{key}' belongs inside each patient's"
            " entry, not at the top level.",
            f"Move it into the entry of the patient it describes (patients[N].{key}). {why}"
            " A case about one patient has no 'patients' list.",
            path,
            True,
        )
    around = _instance_at(error, root)
    present = [f for f in fields if isinstance(around, dict) and f in around]
    beside = " and ".join(f"'{f}'" for f in present or fields)
    return (
        f"'{key}' cannot be used together with {beside} here.",
        why or "Keep one of the two.",
        path,
        True,
    )


def _describe(error: ValidationError, root: Any = None) -> tuple[str, str, JsonPath, bool]:
    """(message, hint, json path, point at key?) for one schema error in the case ``root``."""
    path: JsonPath = tuple(error.absolute_path)
    kind = error.validator
    forbidden = _forbidden_key(error, root)
    if forbidden is not None:
        return _forbidden(error, forbidden, root)
    value: Any = error.instance
    expected: Any = error.validator_value
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    label = _label(error)
    description = str(schema.get("description", ""))
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else "?"
        sub = _schema_at(path).get("properties", {}).get(missing, {})
        title = sub.get("title") or _ref_title(sub)
        what = f"'{missing}'" + (f" ({title})" if title else "")
        hint = sub.get("description") or _ref_description(sub) or "Add this field."
        return f"The required field {what} is missing{_because(error)}.", str(hint), path, False
    if kind == "dependentRequired" and isinstance(value, dict) and isinstance(expected, dict):
        given = next(
            (
                k
                for k, needs in expected.items()
                if k in value and any(n not in value for n in needs)
            ),
            "?",
        )
        missing = next((n for n in expected.get(given, []) if n not in value), "?")
        sub = _schema_at(path).get("properties", {}).get(missing, {})
        title = sub.get("title") or _ref_title(sub)
        what = f"'{missing}'" + (f" ({title})" if title else "")
        return (
            f"The field {what} is missing: it goes with '{given}'.",
            str(sub.get("description") or description or "Add it."),
            path,
            False,
        )
    if kind == "anyOf" and _one_of_fields(error):
        named = []
        for field in _one_of_fields(error):
            sub = _schema_at(path).get("properties", {}).get(field, {})
            title = sub.get("title") or _ref_title(sub)
            named.append(f"'{field}'" + (f" ({title})" if title else ""))
        return (
            f"{label} needs at least one of {' or '.join(named)}; it has none.",
            description,
            path,
            False,
        )
    if kind == "type" and not path:
        return (
            f"The file must hold one case: a JSON object that starts with '{{'; this one holds"
            f" {_json_type(value)}.",
            "Start from a skeleton with 'casekit new SLUG' and copy your content into it.",
            path,
            False,
        )
    if kind == "additionalProperties":
        allowed = _allowed_keys(error)
        extras = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        extra = extras[0] if extras else "?"
        close = difflib.get_close_matches(extra, allowed, n=1)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        hint += "Fields allowed here: " + ", ".join(allowed) + "."
        return f"'{extra}' is not a field casekit knows here.", hint, (*path, extra), True
    if kind == "type":
        names = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_WORDS.get(str(n), str(n)) for n in names)
        hint = description
        if isinstance(value, str) and ("number" in names or "integer" in names):
            hint = (
                "Write the number without quotes and without its unit (the unit has its own field)."
            )
        return f"{label}: expected {wanted}, but found {_json_type(value)}.", hint, path, False
    if kind == "enum":
        options = [str(o) for o in expected]
        close = difflib.get_close_matches(str(value), options, n=1)
        hint = (f"Did you mean '{close[0]}'? " if close else "") + description
        return (
            f"{label}: {_json_type(value)} is not one of the allowed values: "
            + ", ".join(options)
            + ".",
            hint.strip(),
            path,
            False,
        )
    if kind == "const":
        return (
            f"{label} must be {expected!r}, but is {_json_type(value)}.",
            description or "Run 'casekit migrate' to upgrade an older case file.",
            path,
            False,
        )
    if kind == "pattern":
        return (
            f"{label}: {_json_type(value)} does not have the expected form.",
            description,
            path,
            False,
        )
    if kind == "minLength":
        if expected == 1:
            return (
                f"{label} is empty.",
                description or "Write something, or remove the field.",
                path,
                False,
            )
        return (
            f"{label} is too short: it needs at least {expected} characters.",
            description,
            path,
            False,
        )
    if kind == "maxLength":
        return (
            f"{label} is too long: {len(value)} characters, at most {expected} allowed.",
            description,
            path,
            False,
        )
    if kind == "maxItems" and isinstance(value, list) and "not-reported" in value:
        return (
            f"{_schema_at(path).get('title') or label}: 'not-reported' cannot stand beside"
            " other values.",
            "'not-reported' says the source does not say. If the source reports any of"
            " these, list only what it reports and remove 'not-reported'.",
            path,
            False,
        )
    if kind == "maxItems":
        return (
            f"{label} has {len(value)} entries; at most {expected} are allowed.",
            description,
            path,
            False,
        )
    if kind == "minItems" and path == ("patients",):
        return (
            f"A case series needs at least {expected} patients; this one has {len(value)}.",
            "A case about one patient has no 'patients' list: move that patient's fields"
            " (patient, timeline, diagnoses, consent, ...) to the top level of the case.",
            path,
            False,
        )
    if kind == "minItems":
        return (
            f"{label} needs at least {expected} entr" + ("y." if expected == 1 else "ies."),
            description,
            path,
            False,
        )
    if kind == "uniqueItems":
        return f"{label} lists the same entry twice.", "Remove the repeated entry.", path, False
    if (
        kind == "minimum"
        and path[-1:] != ("value",)
        and isinstance(value, int | float)
        and value < 0
        and "before" in _schema_at(path[:-1]).get("properties", {})
    ):
        return (
            f"{label}: {value} is negative; the parts of a time are written without a sign.",
            'For a time before presentation write the parts as they are and add "before":'
            ' true, for example {"years": 1, "months": 6, "before": true}.',
            path,
            False,
        )
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = "smallest" if "inimum" in kind else "largest"
        return (
            f"{label}: {value} is outside the allowed range (the {bound} allowed is {expected}).",
            description,
            path,
            False,
        )
    return f"{label}: {error.message}.", description, path, False


def _because(error: ValidationError) -> str:
    """For a field required by an if/then rule: the condition that made it required."""
    schema_path = list(error.absolute_schema_path)
    if "then" not in schema_path or not isinstance(error.instance, dict):
        return ""
    conditions = []
    node: Any = case_schema()
    for part in schema_path[: schema_path.index("then")]:
        node = _resolve(node)[str(part)] if isinstance(node, dict) else node[int(part)]
    for key in _resolve(node).get("if", {}).get("properties") or {}:
        if key in error.instance:
            conditions.append(f"{key} is '{error.instance[key]}'")
    return f" (needed when {' and '.join(conditions)})" if conditions else ""


def _schema_at(path: JsonPath) -> dict[str, Any]:
    """The object schema that applies at an instance path (via properties, items, $ref)."""
    node = _resolve(case_schema())
    for part in path:
        if isinstance(part, int):
            node = _resolve(node.get("items", {}))
        else:
            node = _resolve(node.get("properties", {}).get(part, {}))
    return node


def _ref_title(sub: dict[str, Any]) -> str:
    return str(_resolve(sub).get("title", ""))


def _ref_description(sub: dict[str, Any]) -> str:
    return str(_resolve(sub).get("description", ""))


def _resolve(sub: Any) -> dict[str, Any]:
    """A subschema with its ``$ref`` (a pointer into the case schema) followed."""
    seen = 0
    while isinstance(sub, dict) and isinstance(sub.get("$ref"), str) and seen < 16:
        ref = sub["$ref"]
        if not ref.startswith("#/"):
            break
        node: Any = case_schema()
        for part in ref[2:].split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        sub = node
        seen += 1
    return sub if isinstance(sub, dict) else {}


def _one_of_fields(error: ValidationError) -> list[str]:
    """For an ``anyOf`` of branches that each require one field: those fields."""
    branches = error.validator_value if error.validator == "anyOf" else None
    if not isinstance(branches, list):
        return []
    fields = []
    for branch in branches:
        required = branch.get("required") if isinstance(branch, dict) else None
        if not (isinstance(required, list) and len(required) == 1 and len(branch) == 1):
            return []
        fields.append(str(required[0]))
    return fields


def _priority(error: ValidationError) -> tuple[int, Any]:
    """Among errors at one place, an unknown field explains more than a missing one."""
    from jsonschema.exceptions import relevance

    first = 1 if error.validator == "additionalProperties" else 0
    return (first, relevance(error))


def _best_per_place(
    errors: Iterable[ValidationError], root: Any
) -> Iterator[tuple[ValidationError, int]]:
    by_place: dict[JsonPath, list[ValidationError]] = defaultdict(list)
    for error in errors:
        forbidden = _forbidden_key(error, root)
        place = tuple(error.absolute_path) + ((forbidden,) if forbidden else ())
        by_place[place].append(error)
    for place_errors in by_place.values():
        best = max(place_errors, key=_priority)
        # anyOf / oneOf: descend into the branch that matched best, unless every branch
        # only asks for one field ("give a lower or an upper limit"): say that instead.
        while best.context and not _one_of_fields(best):
            best = max(best.context, key=_priority)
        yield best, len(place_errors) - 1


def schema_findings(doc: CaseDocument, *, all_errors: bool = False) -> list[Finding]:
    if _fast_is_valid()(doc.data):
        return []
    errors = list(validator().iter_errors(doc.data))
    if not errors:
        return _disagreement(doc)
    chosen = ((e, 0) for e in errors) if all_errors else _best_per_place(errors, doc.data)
    findings = []
    for error, others in chosen:
        message, hint, path, at_key = _describe(error, doc.data)
        if others:
            hint = (hint + " " if hint else "") + (
                f"({others} other problem{'s' if others > 1 else ''} at this place; run with"
                " --all-errors to see them.)"
            )
        line, column = doc.locate(path, prefer_key=at_key)
        findings.append(
            Finding(
                code=SCHEMA_CODE,
                rule="schema",
                severity=Severity.ERROR,
                file=doc.path,
                message=message,
                hint=hint.strip(),
                json_path=path,
                line=line,
                column=column,
            )
        )
    return findings


def _local_ids(data: dict[str, Any]) -> Iterator[tuple[str, JsonPath]]:
    """Every ``id`` declared inside one patient's data that other parts can link to."""
    for section in ("timeline", "findings", "tissue_samples", "diagnoses", "interventions"):
        for index, item in enumerate(data.get(section) or []):
            yield item["id"], (section, index, "id")
    for kind, items in (data.get("investigations") or {}).items():
        for index, item in enumerate(items):
            yield item["id"], ("investigations", kind, index, "id")


def _links(data: dict[str, Any]) -> Iterator[tuple[str, JsonPath]]:
    """Every place where one patient's data points at a local id."""
    for index, event in enumerate(data.get("timeline") or []):
        for j, target in enumerate(event.get("links") or []):
            yield target, ("timeline", index, "links", j)
    for index, dx in enumerate(data.get("diagnoses") or []):
        for j, target in enumerate(dx.get("confirmed_by") or []):
            yield target, ("diagnoses", index, "confirmed_by", j)
        if "revised_to" in dx:
            yield dx["revised_to"], ("diagnoses", index, "revised_to")
    for index, alt in enumerate(data.get("differential") or []):
        for j, target in enumerate(alt.get("evidence") or []):
            yield target, ("differential", index, "evidence", j)


def _event_links(data: dict[str, Any]) -> Iterator[tuple[str, JsonPath]]:
    """Every item that names the timeline event it happened at (``event``)."""
    for placed in model.placed_items(data):
        if isinstance(placed.item.get("event"), str):
            yield placed.item["event"], (*placed.path, "event")


def _strings(data: Any, path: JsonPath = ()) -> Iterator[tuple[str, JsonPath]]:
    if isinstance(data, str):
        yield data, path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key, path
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def _what(char: str) -> str:
    return "a non-character" if ord(char) in noncharacters() else "an invisible character"


def _why(char: str) -> str:
    if ord(char) in noncharacters():
        return "which is not text: it stops the Word abstract and other outputs being made."
    return "which can hide or reorder what readers see."


def hidden_character_findings(doc: CaseDocument) -> list[Finding]:
    # JSON text cannot hold a raw control character inside a string, so a hidden character
    # in the data is either in the file as it is or written as a \u escape: when the file
    # has neither, there is nothing to find and no need to walk every string.
    # A backslash is looked for first: Python finds one character far faster than two (0.3
    # against 5 µs in a 5 kB case), and a file without one holds no \u escape either.
    if "\\" not in doc.text or "\\u" not in doc.text:
        # Most files are plain ASCII: then only a control character can be hidden, and of
        # those only DEL (U+007F) can be in the file as it is. Every document was read by
        # json.loads (strict, as ``casekit.loader.parse_text`` calls it), which refuses a raw
        # U+0000-U+001F in a string and allows only space, tab and line breaks between
        # values. One character is found in a fraction of the time that deleting every other
        # character took (under 1 against 4 µs a case).
        if doc.text.isascii():
            if "\x7f" not in doc.text:
                return []
        elif first_hidden(doc.text) is None:
            return []
    findings = []
    for text, path in _strings(doc.data):
        found = first_hidden(text)
        if found is None:
            continue
        start, char = found
        line, column = doc.locate(path)
        findings.append(
            Finding(
                "CK016",
                "hidden-characters",
                Severity.ERROR,
                doc.path,
                f"This text contains {_what(char)} (U+{ord(char):04X}) at position"
                f" {start + 1}, {_why(char)}",
                "Delete it: retype the text around it, or paste it as plain text. Write line"
                " breaks as \\n.",
                path,
                line,
                column,
            )
        )
    return findings


def integrity_findings(doc: CaseDocument) -> list[Finding]:
    """Checks the schema cannot express: the id matches the file name, ids are unique,
    links point at something, and a curated case names its source reference."""
    data = doc.data
    findings: list[Finding] = []

    def add(code: str, rule: str, message: str, hint: str, path: JsonPath) -> None:
        line, column = doc.locate(path)
        findings.append(
            Finding(code, rule, Severity.ERROR, doc.path, message, hint, path, line, column)
        )

    if doc.path.suffix == ".json" and data["id"] != doc.path.stem:
        add(
            "CK012",
            "id-matches-file-name",
            f"The case id '{data['id']}' does not match the file name '{doc.path.name}'.",
            f"Rename the file to '{data['id']}.json' or change the id to '{doc.path.stem}'.",
            ("id",),
        )
    findings.extend(_id_findings(doc))
    ref_ids = {ref.get("id") for ref in data.get("references") or []}
    references: Suggester | None = None  # made for the first unknown key, if there is one
    for path, text in cited_fields(data):
        for match in CITATION.finditer(text):
            for key in keys_in(match):
                if key not in ref_ids:
                    references = references or Suggester(str(r) for r in ref_ids)
                    close = references.closest(key)
                    add(
                        "CK017",
                        "unknown-citation",
                        f"The text cites [@{key}], but no reference has the id '{key}'.",
                        (f"Did you mean '@{close}'? " if close else "")
                        + "Add the reference to 'references' with that id, or correct the"
                        " citation; otherwise it would be dropped from the output.",
                        path,
                    )
    embargo = data.get("embargo_until")
    if isinstance(embargo, str) and calendar_date(embargo) is None:
        add(
            "CK018",
            "embargo-date-exists",
            f"The embargo date '{embargo}' does not exist in the calendar, so casekit cannot"
            " tell when the embargo ends.",
            "Write the date the embargo ends as YYYY-MM-DD, for example 2027-03-01 (months"
            " have 28 to 31 days; years start at 0001).",
            ("embargo_until",),
        )
    source = data.get("source") or {}
    if source.get("kind") == "published-literature":
        reference = source.get("reference")
        if reference is None:
            add(
                "CK015",
                "curated-case-source",
                "A case curated from the published literature must name its original publication.",
                "Set source.reference to the id of that publication in 'references'.",
                ("source",),
            )
        elif reference not in ref_ids:
            add(
                "CK015",
                "curated-case-source",
                f"source.reference points at '{reference}', which is not in 'references'.",
                "Add the original publication to 'references' with that id.",
                ("source", "reference"),
            )
    return findings


def _id_findings(doc: CaseDocument) -> list[Finding]:
    """Ids unique across the whole file; links point at an item of the same patient."""
    findings: list[Finding] = []

    def add(message: str, hint: str, path: JsonPath, *, duplicate: bool = False) -> None:
        line, column = doc.locate(path)
        code, rule = ("CK014", "duplicate-id") if duplicate else ("CK013", "unknown-id")
        findings.append(
            Finding(code, rule, Severity.ERROR, doc.path, message, hint, path, line, column)
        )

    views = model.patient_views(doc.data)
    local = [list(_local_ids(view.data)) for view in views]  # each patient's ids, read once
    seen: set[str] = set()
    owner: dict[str, model.PatientView] = {}
    declared: list[tuple[str, JsonPath, model.PatientView | None]] = [
        (view.patient_id, (*view.prefix, "id"), None) for view in views if view.patient_id
    ]
    declared += [
        (local_id, view.case_path(path), view)
        for view, ids in zip(views, local, strict=True)
        for local_id, path in ids
    ]
    figures = [f for f in doc.data.get("figures") or [] if isinstance(f, dict)]
    declared += [(f["id"], ("figures", i, "id"), None) for i, f in enumerate(figures)]
    for local_id, path, view in declared:
        if local_id in seen:
            add(
                f"The id '{local_id}' is used twice in this case.",
                "Give each patient, finding, test, event, sample, diagnosis and intervention its"
                " own id" + (", unique across the whole series." if len(views) > 1 else "."),
                path,
                duplicate=True,
            )
            continue
        seen.add(local_id)
        if view is not None:
            owner[local_id] = view
    for view, ids in zip(views, local, strict=True):
        # The suggesters are made only for a link that points at nothing: most cases have none.
        own_ids = [local_id for local_id, _ in ids]
        own = set(own_ids)
        own_suggester: Suggester | None = None
        whose = f" of {view.label.lower() if view.label == 'The patient' else view.label}"
        for target, path in _links(view.data):
            if target in own:
                continue
            own_suggester = own_suggester or Suggester(own_ids)
            close = own_suggester.closest(target)
            other = owner.get(target)
            if other is not None:
                message = (
                    f"This points at '{target}', which belongs to {other.label}; links stay"
                    f" within one patient (this is {view.label})."
                )
            else:
                message = f"This points at '{target}', but nothing in the case has that id."
            add(
                message,
                (f"Did you mean '{close}'? " if close else "")
                + "Links use the 'id' of a finding, test, event, sample, diagnosis or"
                f" intervention{whose if len(views) > 1 else ''}.",
                view.case_path(path),
            )
        event_ids = [e["id"] for e in view.data.get("timeline") or []]
        events = set(event_ids)
        event_suggester: Suggester | None = None
        if model.named_events(view.data) <= events:
            continue  # every item's event is in the timeline: no need to place them in time
        for target, path in _event_links(view.data):
            if target in events:
                continue
            event_suggester = event_suggester or Suggester(event_ids)
            close = event_suggester.closest(target)
            add(
                f"This names the timeline event '{target}', but the timeline"
                f"{whose if len(views) > 1 else ''} has no event with that id.",
                (f"Did you mean '{close}'? " if close else "")
                + "'event' takes the id of an event in the timeline; or give the time itself"
                " in 'time'.",
                view.case_path(path),
            )
    _check_figure_links(figures, sorted(owner), add)
    return findings


def _check_figure_links(
    figures: list[dict[str, Any]], known: list[str], add: Callable[..., None]
) -> None:
    """Figures are listed once per file and may show any patient's items (CK013)."""
    for index, figure in enumerate(figures):
        for j, target in enumerate(figure.get("links") or []):
            if target in known:
                continue
            close = difflib.get_close_matches(target, known, n=1)
            add(
                f"Figure '{figure['id']}' points at '{target}', but nothing in the case has"
                " that id.",
                (f"Did you mean '{close[0]}'? " if close else "")
                + "A figure's links use the 'id' of a finding, imaging study, test, event,"
                " sample, diagnosis or intervention.",
                ("figures", index, "links", j),
            )


#: Files in an older format version are read, with CK020, until this version of the
#: format (then 'casekit migrate' is the way to read them).
OLDER_VERSIONS_READ_UNTIL = 3


@cache
def _frozen_validator(version: int) -> Callable[[Any], tuple[JsonPath, str] | None]:
    """For an older format version: where a case first departs from that version and what
    it does there ('holds' a field or value the version lacks, or 'lacks' a field the
    version requires), or None when the case is valid in it."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match, relevance

    schema = frozen_schema(version)
    slow = Draft202012Validator(schema)
    try:
        import jsonschema_rs

        fast: Callable[[Any], bool] = jsonschema_rs.Draft202012Validator(schema).is_valid
    except ImportError:  # pragma: no cover - jsonschema-rs is a dependency
        fast = slow.is_valid

    def first_problem(instance: Any) -> tuple[JsonPath, str] | None:
        if fast(instance):
            return None
        errors = list(slow.iter_errors(instance))
        # A field the version lacks says most: prefer it to what it then misses.
        extra = [e for e in errors if e.validator == "additionalProperties"]
        error = min(extra, key=relevance) if extra else best_match(errors)
        if error is None:
            return (), "holds"
        path: JsonPath = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
            key = next((k for k in error.instance if k not in allowed), None)
            return ((*path, key) if key is not None else path), "holds"
        if error.validator == "required":
            missing = str(error.message).split("'")[1] if "'" in error.message else "?"
            return (*path, missing), "lacks"
        return path, "holds"

    return first_problem


def version_findings(doc: CaseDocument) -> list[Finding]:
    """CK020 for a case in an older format version; CK021 when it uses what only a later
    version allows. Run on a case that the current schema accepts."""
    version = doc.data.get("schema_version")
    current = schema_version()
    if not isinstance(version, int) or version >= current:
        return []
    problem = _frozen_validator(version)(doc.data)
    path: JsonPath = ("schema_version",)
    if problem is not None:
        where, how = problem
        code, rule, severity = "CK021", "version-mismatch", Severity.ERROR
        shown = format_json_path(where)
        if how == "lacks":
            said = f"it has no {shown}, which version {version} requires"
        else:
            said = f"what it holds at {shown} is only allowed from version {current}"
        message = f"The case says it is in format version {version}, but {said}."
        hint = (
            f"Run 'casekit migrate {doc.path}', which sets \"schema_version\": {current} and"
            " changes nothing else; older casekit versions cannot read this case."
        )
    else:
        code, rule, severity = "CK020", "older-format-version", Severity.WARNING
        message = (
            f"The case is written in version {version} of the case format; the current"
            f" version is {current}."
        )
        hint = (
            f"Run 'casekit migrate {doc.path}' to upgrade it (nothing in it is lost). casekit"
            f" reads version {version}, with this warning, until format version"
            f" {OLDER_VERSIONS_READ_UNTIL}."
        )
    line, column = doc.locate(path)
    return [Finding(code, rule, severity, doc.path, message, hint, path, line, column)]


#: Ages over 89 identify (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(C)): they are recorded
#: as 90. The schema bounds an age given as a value; an age in parts is checked here.
_OLDEST_AGE_DAYS = 90 * 365.25


def age_findings(doc: CaseDocument) -> list[Finding]:
    findings = []
    for view in model.patient_views(doc.data):
        age = (view.data.get("patient") or {}).get("age") or {}
        if durations.in_parts(age) and durations.to_days(age) > _OLDEST_AGE_DAYS + 1e-6:
            path = view.case_path(("patient", "age"))
            line, column = doc.locate(path)
            findings.append(
                Finding(
                    "CK022",
                    "age-over-90",
                    Severity.ERROR,
                    doc.path,
                    f"The age {durations.phrase(age)} is over 90 years; ages over 89 identify"
                    " a patient.",
                    'Record the age as 90 years: {"value": 90, "unit": "years"}.',
                    path,
                    line,
                    column,
                )
            )
    return findings


def validate_document(doc: CaseDocument, *, all_errors: bool = False) -> list[Finding]:
    """Schema findings first; integrity checks only once the shape is right."""
    findings = schema_findings(doc, all_errors=all_errors)
    findings.extend(hidden_character_findings(doc))
    if any(f.code in (SCHEMA_CODE, DISAGREEMENT_CODE) for f in findings):
        return findings
    return version_findings(doc) + findings + integrity_findings(doc) + age_findings(doc)
