"""What in a case teaches, as casekit's clinical knowledge packs see it.

Two questions the composer asks when it ranks sentences, both answered from the packs
(``casekit/knowledge/*.json``, every claim with its sources) and the case itself, never
from knowledge written here:

- which features the packs call red flags for the alternatives that the case's
  diagnoses require excluded (night pain, weight loss, pallor, blasts ... for the
  malignancy a presumed CRMO must exclude), so a sentence naming one outranks a routine
  finding;
- which confirming tests the case went without (a tissue sample not performed or still
  pending, or a pack's confirming test with no sample of its kind performed), so the
  statement that a diagnosis was made without one stays, and the learning point about
  that test closes a short abstract.

The lint modules are imported only when a case has diagnoses to look up, so rendering
a case pays for them once and ``casekit`` starts no slower.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casekit.compose import wording as w

if TYPE_CHECKING:
    from casekit.lint.knowledge import Alternative, Pack
    from casekit.lint.redflags import Feature


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _names(data: dict[str, Any]) -> list[str]:
    return [
        str(dx["name"])
        for dx in _list(data.get("diagnoses"))
        if isinstance(dx, dict) and isinstance(dx.get("name"), str) and dx["name"].strip()
    ]


def _packs(data: dict[str, Any]) -> list[Pack]:
    """The packs for every diagnosis the case names, working, revised or final: a red flag
    for what a presumed diagnosis had to exclude teaches even after it was revised."""
    if not _names(data):
        return []
    from casekit.discover import UsageError
    from casekit.lint.knowledge import pack_for

    found: list[Pack] = []
    for name in _names(data):
        try:
            pack = pack_for(name)
        except UsageError:  # a malformed pack is lint's to report, not the abstract's
            return []
        if pack is not None and pack not in found:
            found.append(pack)
    return found


def _alternatives(alternatives: tuple[Alternative, ...]) -> list[Alternative]:
    out: list[Alternative] = []
    for alt in alternatives:
        out.append(alt)
        out.extend(_alternatives(alt.includes))
    return out


@dataclass(frozen=True)
class Teaching:
    """What the packs say matters in this case."""

    red_flags: tuple[Feature, ...] = ()
    missing_tests: tuple[str, ...] = ()

    def red_flags_in(self, text: str) -> list[str]:
        """The labels of the red flags ``text`` names, not negated ('no blast cells')."""
        return [f.label for f in self.red_flags if _names_feature(f, text)]

    def names_missing_test(self, text: str) -> bool:
        """Whether ``text`` names a confirming test the case went without."""
        return any(w.coverage(test, text) >= 0.99 for test in self.missing_tests)


def _names_feature(feature: Feature, text: str) -> bool:
    from casekit.lint.redflags import features, negated

    for pattern in feature.text:
        for match in pattern.finditer(text):
            if not (feature.negatable and negated(text, match.start(), match.end())):
                return True
    everything = features()
    return any(_names_feature(everything[sub], text) for sub in feature.any_of if sub in everything)


def teaching(data: dict[str, Any]) -> Teaching:
    """The red flags and missing confirming tests of one patient (a single-patient case or
    a patient's view in a series)."""
    packs = _packs(data)
    flags: list[Feature] = []
    if packs:
        from casekit.lint.redflags import features

        everything = features()
        for pack in packs:
            for alt in _alternatives(pack.must_exclude):
                for flag in alt.red_flags:
                    feature = everything[flag.feature]
                    # Measured features (a low platelet count) are told by the results,
                    # which rank by their own judgement; here only what words can name.
                    if feature not in flags and (feature.text or feature.any_of):
                        flags.append(feature)
    return Teaching(tuple(flags), tuple(_missing_tests(data, packs)))


def _missing_tests(data: dict[str, Any], packs: list[Pack]) -> list[str]:
    samples = [s for s in _list(data.get("tissue_samples")) if isinstance(s, dict)]
    tests = [
        w.lower_first(str(s.get("kind") or ""))
        for s in samples
        if s.get("status") in ("not-performed", "pending") and s.get("kind")
    ]
    for pack in packs:
        confirmation = pack.confirmation
        if not confirmation:
            continue
        done = any(
            s.get("status") == "performed"
            and any(p.search(str(s.get("kind") or "")) for p in pack.tissue_kinds)
            for s in samples
        )
        if not done:
            tests.append(str(confirmation["test"]))
    return list(dict.fromkeys(t for t in tests if re.search(r"\w", t)))
