"""The rule reference page, generated from the rule declarations and knowledge packs."""

from __future__ import annotations

from casekit.lint import all_rules
from casekit.lint.engine import GROUPS
from casekit.lint.knowledge import packs

_GROUP_TITLES = {
    "completeness": "Completeness (CARE checklist)",
    "tissue": "Tissue diagnosis",
    "differential": "Differential diagnosis",
    "knowledge": "Clinical knowledge packs",
    "data-quality": "Data quality",
    "privacy": "Privacy (HIPAA Safe Harbor identifiers) and consent",
    "writing": "Writing",
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
    out += ["", "## Knowledge packs", ""]
    out.append(
        "Rules CK401 and CK402 read these packs (`casekit/knowledge/*.json`). Each claim"
        " cites its sources. How to add a pack: the page 'Knowledge packs' of casekit's"
        " authoring guide (site/authoring/knowledge-packs.md in the casekit repository)."
    )
    for pack in packs():
        raw = pack.data
        out += ["", f"### {raw['title']}", ""]
        out.append(
            "- Matches diagnoses named: "
            + "; ".join(raw["diagnosis"]["names"])
            + (
                " (and " + ", ".join(raw["diagnosis"].get("abbreviations", [])) + ")"
                if raw["diagnosis"].get("abbreviations")
                else ""
            )
        )
        out.append(
            f"- Confirmed by: {raw['confirmation']['test']}."
            f" {raw['confirmation']['when_tissue_expected']}"
        )
        for alt in raw["must_exclude"]:
            kinds = ", ".join(sub["label"] for sub in alt.get("includes", []))
            out.append(
                f"- Must be excluded first: {alt['label']}"
                + (f" (including {kinds})" if kinds else "")
                + f" [{', '.join(alt['sources'])}]"
            )
        for alt in raw.get("also_consider", []):
            note = f" {alt['note']}" if alt.get("note") else ""
            out.append(f"- Also consider: {alt['label']}.{note} [{', '.join(alt['sources'])}]")
        out += ["", "Sources:", ""]
        for key, source in raw["sources"].items():
            link = ""
            if source.get("doi"):
                link = f" doi:[{source['doi']}](https://doi.org/{source['doi']})"
            elif source.get("url"):
                link = f" <{source['url']}>"
            out.append(f"- **{key}**: {source['citation']}{link} — {source['supports']}")
    return "\n".join(out) + "\n"
