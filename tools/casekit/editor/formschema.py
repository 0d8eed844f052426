"""The form, derived from the case schema each time the app starts.

Nothing here names a field except the section plan (which top-level fields go under
which CARE heading): titles, descriptions, pick-lists and lists all come from the
schema, so a field added to the schema appears in the form without a code change. A
top-level field the plan does not name joins the section of the field before it in the
schema; a shape the form does not special-case is left to the form library.

What the form library is told beyond the schema (its own keywords, ignored by
validators):

* every pick-list starts with an empty choice, so that nothing is chosen for the author;
* a field that points at other parts of the case (a ``local_id`` or ``id_list`` other
  than an ``id`` itself) gets ``format: casekit-link(s)``: the browser offers the ids the
  case holds;
* longer text gets a text box; list items get a heading from their first text field;
* constraints that only validate (``anyOf`` of ``required``, ``if``/``then``) are left to
  casekit's own checks, which show them beside the form in plain words;
* a list is not told how few items it needs: the form library would otherwise fill a new
  case with that many empty items (two whole patients for a series), and the author's own
  choice of what to add is what the form is for. casekit's checks still say when a list is
  too short.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from casekit.resources import case_schema

#: CARE 2013 item numbers, from the CARE checklist (Gagnier et al. 2013, care-statement.org),
#: as used in the schema's descriptions and casekit's CARE checklist output.
SECTION_PLAN: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("report", "The report", ("id", "status", "embargo_until", "authors", "specialty", "themes",
                               "presentations", "source")),
    ("title", "CARE 1\u20132 · Title and keywords", ("title", "keywords")),
    ("introduction", "CARE 4 · Introduction", ("introduction",)),
    ("patient", "CARE 5 · Patient information", ("patient",)),
    ("findings", "CARE 6 · Clinical findings", ("findings",)),
    ("timeline", "CARE 7 · Timeline", ("timeline",)),
    ("diagnostic", "CARE 8 · Diagnostic assessment",
     ("investigations", "tissue_samples", "diagnoses", "differential", "figures")),
    ("interventions", "CARE 9 · Therapeutic interventions", ("interventions",)),
    ("outcome", "CARE 10 · Follow-up and outcomes", ("outcome",)),
    ("discussion", "CARE 11 · Discussion", ("discussion", "learning_points")),
    ("perspective", "CARE 12 · Patient perspective", ("patient_perspective",)),
    ("consent", "CARE 13 · Informed consent", ("consent",)),
    ("references", "References", ("references",)),
    ("checks", "Checks switched off", ("lint",)),
)  # fmt: skip

#: Top-level fields that are bookkeeping, not content: kept as they are, never shown.
HIDDEN = frozenset({"$schema", "schema_version"})

_LINK_DEFS = {"#/$defs/local_id": "casekit-link", "#/$defs/id_list": "casekit-links"}
_VALIDATION_ONLY = frozenset(
    {"required", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum",
     "pattern", "not", "uniqueItems", "minProperties", "maxProperties", "dependentRequired",
     "$comment", "description", "title"}
)  # fmt: skip
#: A string longer than this (or unbounded) gets a text box rather than a one-line field.
_ONE_LINE_MAX = 120
_LABEL_KEYS = (
    "name", "test", "diagnosis", "description", "kind", "venue", "title", "code", "modality"
)  # fmt: skip


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    fields: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "heading": self.heading, "fields": list(self.fields)}


def sections(schema: dict[str, Any] | None = None) -> list[Section]:
    """The form's sections in CARE order, every shown top-level field in exactly one."""
    schema = schema or case_schema()
    names = [key for key in schema.get("properties", {}) if key not in HIDDEN]
    placed: dict[str, list[str]] = {key: [] for key, _, _ in SECTION_PLAN}
    home = {field: key for key, _, fields in SECTION_PLAN for field in fields}
    current = SECTION_PLAN[0][0]
    for name in names:
        current = home.get(name, current)
        placed[current].append(name)
    ordered = []
    for key, heading, fields in SECTION_PLAN:
        known = [f for f in fields if f in placed[key]]
        extra = [f for f in placed[key] if f not in fields]
        # a field the plan does not know goes right after the field before it in the schema
        for name in extra:
            before = names[: names.index(name)]
            anchor = max((known.index(f) for f in before if f in known), default=len(known) - 1)
            known.insert(anchor + 1, name)
        if known:
            ordered.append(Section(key, heading, tuple(known)))
    return ordered


def _validation_only(node: Any) -> bool:
    """A node that only constrains values (its nested ``properties`` and ``items`` too)."""
    if isinstance(node, bool):  # ``false`` forbids a field, ``true`` allows anything
        return True
    if not isinstance(node, dict) or not set(node) <= _VALIDATION_ONLY | {"properties", "items"}:
        return False
    nested = [*node.get("properties", {}).values(), *([node["items"]] if "items" in node else [])]
    return all(_validation_only(sub) for sub in nested)


def _conditional_only(node: Any) -> bool:
    """An ``if``/``then``/``else`` that only adds validation (say, more required fields)."""
    if not isinstance(node, dict) or "if" not in node:
        return False
    branches = [node.get("then", {}), node.get("else", {})]
    words = {"if", "then", "else", "description", "$comment", "title"}
    return set(node) <= words and all(_validation_only(b) for b in branches)


def _text_box(node: dict[str, Any]) -> bool:
    if node.get("type") != "string" or any(k in node for k in ("pattern", "format", "enum")):
        return False
    return int(node.get("maxLength", _ONE_LINE_MAX + 1)) > _ONE_LINE_MAX


def _label_key(node: dict[str, Any]) -> str | None:
    properties = node.get("properties", {})
    for key in _LABEL_KEYS:
        if key in properties:
            return key
    return None


def _adapt(node: Any, *, is_property: bool = False, key: str = "") -> Any:
    """A copy of one schema node, told what the form needs (see the module docstring)."""
    if isinstance(node, list):
        return [_adapt(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _adapt(v, is_property=False) for k, v in node.items() if k != "properties"}
    if "properties" in node:
        out["properties"] = {
            name: _adapt(sub, is_property=True, key=name)
            for name, sub in node["properties"].items()
        }
    for combiner in ("anyOf", "oneOf"):
        if combiner in out and all(_validation_only(b) for b in out[combiner]):
            del out[combiner]
    if "allOf" in out:
        kept = [b for b in out["allOf"] if not _conditional_only(b) and not _validation_only(b)]
        if kept:
            out["allOf"] = kept
        else:
            del out["allOf"]
    if _conditional_only({k: out[k] for k in ("if", "then", "else") if k in out}):
        for k in ("if", "then", "else"):
            out.pop(k, None)
    if out.get("type") == "array":
        out.pop("minItems", None)
    options = dict(out.get("options", {}))
    ref = out.get("$ref")
    if is_property and key != "id" and ref in _LINK_DEFS:
        out["format"] = _LINK_DEFS[ref]
    if "enum" in out and all(isinstance(v, str) for v in out["enum"]):
        out.setdefault("type", "string")  # a list of such values becomes a set of tick boxes
        if is_property:
            options["enum_titles"] = ["— choose —", *out["enum"]]
            out["enum"] = ["", *out["enum"]]
    if "const" in out and is_property:
        options["hidden"] = True
    if _text_box(out):
        out["format"] = "textarea"
    if out.get("type") == "boolean":
        out["format"] = "checkbox"
    items = out.get("items")
    if out.get("type") == "array" and isinstance(items, dict) and "enum" in items:
        # json-editor turns a set of more than eight choices into a multiple-select box,
        # which hides the choices; tick boxes show them all, however many the schema has.
        out["format"] = "checkbox"
    if out.get("type") == "array" and isinstance(items, dict):
        label = _label_key(_resolved(items))
        if label:
            items.setdefault("headerTemplate", f"{{{{ i1 }}}}. {{{{ self.{label} }}}}")
    if options:
        out["options"] = options
    return out


def _resolved(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        found = case_schema().get("$defs", {}).get(ref.removeprefix("#/$defs/"))
        if isinstance(found, dict):
            return found
    return node


def form_schemas(schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """One form schema per shown top-level field, each carrying the adapted ``$defs``."""
    schema = copy.deepcopy(schema or case_schema())
    definitions = {
        name: _adapt(sub, is_property=False) for name, sub in schema.get("$defs", {}).items()
    }
    forms: dict[str, Any] = {}
    for name, sub in schema.get("properties", {}).items():
        if name not in HIDDEN:
            forms[name] = {"$defs": definitions, **_adapt(sub, is_property=True, key=name)}
    return forms
