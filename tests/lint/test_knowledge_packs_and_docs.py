"""Knowledge packs are checked when loaded; the rule reference is generated from the rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casekit.lint import all_rules
from casekit.lint.docs import rule_reference_markdown
from casekit.lint.knowledge import PACK_DIR, PackError, pack_for, packs, parse_pack


def _pack() -> dict[str, object]:
    data: dict[str, object] = json.loads((PACK_DIR / "cno-crmo.json").read_text(encoding="utf-8"))
    return data


SHIPPED = {
    "adult-onset-stills-disease",
    "cno-crmo",
    "growing-pains",
    "igg4-related-disease",
    "immune-thrombocytopenia",
    "juvenile-idiopathic-arthritis",
    "kawasaki-disease",
    "sarcoidosis",
    "transient-synovitis",
}


def test_the_shipped_packs_load_and_cite_their_sources() -> None:
    loaded = packs()
    assert {p.id for p in loaded} == SHIPPED
    for pack in loaded:
        for source in pack.data["sources"].values():
            assert source["citation"] and source["supports"]
            # every source can be found again: a DOI, a PMID or an address
            assert source.get("doi") or source.get("pmid") or source.get("url"), pack.id


def test_every_red_flag_pattern_compiles() -> None:
    # lint compiles a feature's patterns only when a case is checked for it (lazily), so a
    # broken one in red_flags.json would otherwise surface only in a case that needs it.
    from casekit.lint.redflags import features

    for feature in features().values():
        assert len(feature.text) == len(feature.patterns), feature.id
        assert all(p.flags & re.IGNORECASE for p in feature.text), feature.id


@pytest.mark.parametrize(
    "name",
    [
        "Chronic recurrent multifocal osteomyelitis",
        "chronic non-bacterial osteomyelitis of the clavicle",
        "CRMO",
        "Presumed CNO",
    ],
)
def test_the_cno_pack_matches_its_names(name: str) -> None:
    assert pack_for(name) is not None


@pytest.mark.parametrize("name", ["Acute osteomyelitis", "Acute lymphoblastic leukaemia", "cno"])
def test_the_cno_pack_does_not_match_other_diagnoses(name: str) -> None:
    assert pack_for(name) is None


def test_a_pack_failing_its_schema_is_refused(tmp_path: Path) -> None:
    data = _pack()
    del data["must_exclude"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PackError, match=r"must_exclude.* is a required property"):
        parse_pack(path)


def test_a_pack_citing_an_undeclared_source_is_refused(tmp_path: Path) -> None:
    data = _pack()
    sources = data["sources"]
    assert isinstance(sources, dict)
    del sources["zhao2025"]
    path = tmp_path / "uncited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PackError, match="undeclared sources: zhao2025"):
        parse_pack(path)


def test_the_rule_reference_documents_every_rule_and_the_pack() -> None:
    page = rule_reference_markdown()
    for declared in all_rules():
        assert f"### {declared.code}" in page
        assert declared.rationale in page
    assert "Chronic non-bacterial osteomyelitis" in page
    assert "doi:[10.1016/j.ard.2024.11.006]" in page


def test_every_rule_declares_its_teaching_parts() -> None:
    for declared in all_rules():
        assert declared.summary and declared.rationale and declared.bad and declared.good
        assert declared.name == declared.name.lower() and " " not in declared.name
