"""The rule reference page, generated from the rule declarations and knowledge packs."""

from __future__ import annotations

from typing import Any

from casekit.lint import all_rules, data, labvalues
from casekit.lint.engine import GROUPS
from casekit.lint.knowledge import Pack, packs
from casekit.render.units import with_unit

_GROUP_TITLES = {
    "completeness": "Completeness (CARE checklist)",
    "tissue": "Tissue diagnosis",
    "differential": "Differential diagnosis",
    "knowledge": "Clinical knowledge packs",
    "data-quality": "Data quality",
    "privacy": "Privacy (HIPAA Safe Harbor identifiers) and consent",
    "writing": "Writing",
    "coding": "Codes (HPO, ICD-10, ICD-10-CM, ICD-11, ORPHA, OMIM, SNOMED CT, LOINC)",
    "run": "Findings about the lint run itself",
}


def _code_block(text: str) -> str:
    fence = "````" if "```" in text else "```"
    return f"{fence}text\n{text}\n{fence}"


def rule_reference_markdown() -> str:
    """Markdown for the site's lint rule reference (one section per group, one per rule)."""
    rules = all_rules()
    out = [
        "# Lint rule reference",
        "",
        "`casekit lint` first checks each case against the schema (codes CK001 to CK022;"
        " CK020, a case in an older format version, is a warning), then runs the rules below."
        " A case series is checked patient by patient. Run `casekit rules` for the same list"
        " in a terminal.",
        "Select or ignore rules by code (`CK101`), prefix (`CK1`) or group (`privacy`) with"
        " `--select`/`--ignore`, or in `[tool.casekit.lint]` in your library's"
        " `pyproject.toml`. To switch a rule off for one case, add an entry to"
        " `lint.suppress` in the case with the code, an optional JSON path and a reason:"
        ' `{"code": "CK109", "reason": "The source abstract reports no outcome."}`.',
        "",
        "| Code | Name | Group | Severity | What it checks |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rules:
        anchor = r.code.lower()
        out.append(
            f"| [{r.code}](#{anchor}) | {r.name} | {r.group} | {r.severity.value} | {r.summary} |"
        )
    for group in GROUPS:
        members = [r for r in rules if r.group == group]
        if not members:
            continue
        out += ["", f"## {_GROUP_TITLES.get(group, group)}"]
        for r in members:
            out += [
                "",
                f"### {r.code}",
                "",
                f"**{r.name}** · default severity: {r.severity.value}",
                "",
                r.summary,
                "",
                f"*Why:* {r.rationale}",
                "",
                "Problem:",
                "",
                _code_block(r.bad),
                "",
                "Better:",
                "",
                _code_block(r.good),
            ]
    out += knowledge_reference_lines()
    return "\n".join(out) + "\n"


def _source_lines(sources: dict[str, dict[str, Any]]) -> list[str]:
    out = []
    for key, source in sources.items():
        link = ""
        if source.get("doi"):
            link = f" doi:[{source['doi']}](https://doi.org/{source['doi']})"
        elif source.get("url"):
            link = f" <{source['url']}>"
        out.append(f"- **{key}**: {source['citation']}{link} — {source['supports']}")
    return out


def _keys(sources: list[str]) -> str:
    return f" [{', '.join(sources)}]"


def _pack_lines(pack: Pack) -> list[str]:
    raw = pack.data
    diagnosis = raw["diagnosis"]
    out = ["", f"### {raw['title']}", ""]
    abbreviations = diagnosis.get("abbreviations", [])
    out.append(
        "- Matches diagnoses named: "
        + "; ".join(diagnosis["names"])
        + (f" (and {', '.join(abbreviations)})" if abbreviations else "")
    )
    if diagnosis.get("criteria"):
        out.append(f"- How it is diagnosed: {diagnosis['criteria']}{_keys(diagnosis['sources'])}")
    confirmation = raw.get("confirmation")
    if confirmation:
        out.append(
            f"- Confirmed by: {confirmation['test']}. {confirmation['when_tissue_expected']}"
            + _keys(confirmation["sources"])
        )
    else:
        out.append("- Confirmed by: no test of its own (clinical criteria); CK401 does not apply.")
    for alt, alt_raw in zip(pack.must_exclude, raw["must_exclude"], strict=True):
        kinds = ", ".join(sub["label"] for sub in alt_raw.get("includes", []))
        when = (
            "always (CK402)" if alt.required == "always" else "when a red flag is recorded (CK403)"
        )
        out.append(
            f"- Must be excluded, {when}: {alt.label}"
            + (f" (including {kinds})" if kinds else "")
            + _keys(alt_raw["sources"])
        )
        if alt_raw.get("note"):
            out.append(f"    - Note: {alt_raw['note']}")
        if alt.how_excluded:
            out.append(
                f"    - Usually excluded by: {alt.how_excluded}{_keys(list(alt.how_sources))}"
            )
        if alt.red_flags:
            out.append("    - Red flags:")
            for flag, raw_flag in zip(alt.red_flags, alt_raw["red_flags"], strict=True):
                note = f" ({raw_flag['note']})" if raw_flag.get("note") else ""
                out.append(f"        - {flag.describe()}{_keys(list(flag.sources))}{note}")
    for alt in raw.get("also_consider", []):
        note = f" {alt['note']}" if alt.get("note") else ""
        out.append(f"- Also consider: {alt['label']}.{note}{_keys(alt['sources'])}")
    out += ["", "Sources:", ""]
    out += _source_lines(raw["sources"])
    return out


def knowledge_reference_lines() -> list[str]:
    """The knowledge packs, the clinical-criteria list and the possible laboratory values,
    each with its sources (for the rule reference page)."""
    out = ["", "## Knowledge packs", ""]
    out.append(
        "Rules CK401, CK402 and CK403 read these packs (`casekit/knowledge/*.json`). Each claim"
        " cites its sources, by the keys listed under the pack. How to add a pack: the page"
        " 'Knowledge packs' of casekit's authoring guide (site/authoring/knowledge-packs.md in"
        " the casekit repository)."
    )
    for pack in packs():
        out += _pack_lines(pack)
    clinical = data.load("clinical_diagnoses.json")
    out += ["", "## Diagnoses made on clinical criteria", ""]
    out.append(
        "CK201 does not ask whether a biopsy was taken for these diagnoses (nor for any"
        " diagnosis whose basis includes 'published-criteria'), and CK202 never asks for"
        " tissue (`casekit/lint/data/clinical_diagnoses.json`)."
    )
    out.append("")
    for entry in clinical["diagnoses"]:
        out.append(f"- **{entry['label']}**: {entry['criteria']}{_keys(entry['sources'])}")
    out += ["", "Sources:", ""]
    out += _source_lines(clinical["sources"])
    out += ["", "## Possible laboratory values", ""]
    out.append(
        "CK520 and CK521 judge a value in its analyte's own unit against these limits"
        " (`casekit/lint/data/lab_values.json`). A 'physical' limit cannot be passed; a"
        " 'reported' limit is the most extreme value in the cited sources. Where no source"
        " was found, no limit is given."
    )
    out.append("")
    for analyte in labvalues.analytes():
        limits = [
            f"{lim.side} {with_unit(labvalues.shown(lim.value), analyte.unit)} ({lim.kind}"
            + (f"; {', '.join(lim.sources)}" if lim.sources else "")
            + ")"
            for lim in analyte.limits
        ]
        out.append(
            f"- **{analyte.label}** ({with_unit('', analyte.unit).strip() or analyte.unit}):"
            f" {'; '.join(limits) if limits else 'no limit'}"
        )
    out += ["", "Sources:", ""]
    out += _source_lines(labvalues.sources())
    return out
