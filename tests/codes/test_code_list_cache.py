"""The parsed code lists kept between processes (casekit.codes.cache): used when they
match their source files, rebuilt when they do not, never in the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casekit.codes import cache

_LINT = (
    "import sys; from casekit.cli import main;"
    " sys.exit(main(['lint', '--select', 'CK8', sys.argv[1]]))"
)
FOUNDING = Path(__file__).resolve().parents[2] / "cases" / "crmo-not-crmo.json"


def _lint_in_new_process(cache_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {"CASEKIT_CACHE_DIR": str(cache_dir), "PATH": "/usr/bin:/bin"}
    if "PYTHONPATH" in os.environ:  # a checkout run with PYTHONPATH=tools tests its own code
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return subprocess.run(
        [sys.executable, "-c", _LINT, str(FOUNDING)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_a_second_process_reads_the_lists_from_the_cache_and_a_damaged_one_is_rebuilt(
    tmp_path: Path,
) -> None:
    first = _lint_in_new_process(tmp_path)
    assert first.returncode == 0, first.stderr
    stored = sorted(p.name.split("-")[0] for p in (tmp_path / "codes").glob("*.marshal"))
    assert stored == ["hpo", "hpo", "icd10"]  # the ontology, its disease names, ICD-10
    for path in (tmp_path / "codes").glob("*.marshal"):
        path.write_bytes(b"not a marshal file")
    again = _lint_in_new_process(tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout


def test_off_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CASEKIT_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert cache.cached("anything", [FOUNDING], lambda: {"a": (1, 2)}) == {"a": (1, 2)}


def test_a_changed_source_file_is_parsed_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path))
    source = tmp_path / "list.txt"
    source.write_text("one", encoding="utf-8")
    assert cache.cached("list", [source], lambda: source.read_text(encoding="utf-8")) == "one"
    source.write_text("two!", encoding="utf-8")
    assert cache.cached("list", [source], lambda: source.read_text(encoding="utf-8")) == "two!"
    assert len(list((tmp_path / "codes").glob("list-*.marshal"))) == 2


def test_the_hpo_records_hold_every_term_as_hp_obo_gives_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The cache keeps each term as its own record, decoded at first use (casekit.codes.hpo).
    from casekit.codes import hpo
    from casekit.codes.shipped import hpo_file

    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path))
    terms, alternatives, release = hpo.parse(hpo_file("hp.obo").read_text(encoding="utf-8"))
    for attempt in ("written", "read back"):
        hpo.ontology.cache_clear()
        onto = hpo.ontology()
        assert len(onto) == len(terms), attempt
        assert {
            t.id: (t.name, t.parents, t.synonyms, t.obsolete, t.replaced_by) for t in onto.terms()
        } == terms
        assert onto.alternatives == alternatives and onto.release == release
        assert onto.get("HP:0003419") == hpo.Term("HP:0003419", *terms["HP:0003419"])
        assert onto.get("HP:9999999") is None
    hpo.ontology.cache_clear()


def test_the_lists_kept_in_parts_read_back_whole_and_in_order(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # ICD-10, ICD-10-CM and the disease names are kept in parts (casekit.codes.sharded),
    # each decoded when a lookup needs it.
    from casekit.codes import diseases, icd

    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path))
    who_titles, who_chapters = icd._parse_who()
    cm_titles, cm_chapters, cm_valid = icd._parse_cm()
    names = diseases._read()
    for attempt in ("written", "read back"):
        for loaded in (icd.icd10, icd.icd10cm, diseases.disease_names):
            loaded.cache_clear()
        assert list(icd.icd10().titles.items()) == list(who_titles.items()), attempt
        assert [tuple(vars(c).values()) for c in icd.icd10().chapters] == who_chapters
        assert list(icd.icd10cm().titles.items()) == list(cm_titles.items()), attempt
        assert [tuple(vars(c).values()) for c in icd.icd10cm().chapters] == cm_chapters
        valid = icd.icd10cm().valid
        assert valid is not None and all(code in valid for code in cm_valid)
        assert "NOT-A-CODE" not in valid
        assert list(diseases.disease_names().items()) == list(names.items()), attempt
        assert "ORPHA:0" not in diseases.disease_names()
    for loaded in (icd.icd10, icd.icd10cm, diseases.disease_names):
        loaded.cache_clear()


def test_a_sharded_map_is_a_read_only_mapping() -> None:
    from casekit.codes.sharded import ShardedMap, split

    table = {f"K{n}": n for n in range(500)}
    shards = ShardedMap[int](split(table))
    assert len(shards) == 500 and list(shards) == list(table) and dict(shards) == table
    assert shards["K7"] == 7 and shards.get("K7") == 7 and shards.get("nope") is None
    assert "K499" in shards and "K500" not in shards and 3 not in shards
    with pytest.raises(KeyError):
        shards["K500"]
    assert dict(ShardedMap[int](split({}))) == {}


def test_a_record_map_decodes_each_value_once() -> None:
    from casekit.codes.sharded import RecordMap, records

    table = {"HP:1": ("one", ("HP:0",)), "HP:2": ("two", ())}
    mapped = RecordMap[tuple[str, tuple[str, ...]]](records(table))
    assert dict(mapped) == table and list(mapped) == list(table) and len(mapped) == 2
    assert mapped["HP:1"] is mapped["HP:1"] and mapped.get("HP:3") is None
    assert "HP:2" in mapped and "HP:3" not in mapped
