"""``casekit build`` as an editor runs it: exit codes, messages, and what ends up online."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from casefactory import (
    REPO,
    SECRET_MARKERS,
    BuiltSite,
    build_site,
    make_library,
    synthetic_case,
    write_case,
)

from casekit.cli import main

PUBLISHED = (
    "crmo-not-crmo",
    "synthetic-septic-hip",
    "synthetic-past-embargo",
    "synthetic-hostile-text",
)
LEFT_OUT = tuple(f"synthetic-{m}" for m in SECRET_MARKERS)


def _all_text(folder: Path) -> dict[Path, str]:
    """Every file of the built site as text, compressed files opened up."""
    texts: dict[Path, str] = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if path.suffix == ".gz" or raw.startswith(b"\x1f\x8b"):  # Pagefind's files are gzip
            raw = gzip.decompress(raw)
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                raw = b"".join(archive.read(name) for name in archive.namelist())
        texts[path] = raw.decode("utf-8", errors="replace").casefold()
    return texts


def test_the_build_succeeds_and_names_every_case_left_out(built_site: BuiltSite) -> None:
    assert built_site.exit_code == 0, built_site.stderr
    assert "4 case(s) published, 5 left out" in built_site.stdout
    for case_id in LEFT_OUT:
        assert f"skipped case '{case_id}'" in built_site.stderr
    assert "'draft'" in built_site.stderr
    assert "embargo until 2999-01-01" in built_site.stderr
    assert "CK6" in built_site.stderr, "the lint-failing case is left out for its privacy error"


def test_every_published_case_has_a_page_and_downloads(built_site: BuiltSite) -> None:
    for case_id in PUBLISHED:
        folder = built_site.output / "cases" / case_id
        assert (folder / "index.html").is_file()
        for name in ("-abstract.txt", "-abstract.docx", "-care-checklist.txt", ".json"):
            assert (folder / f"{case_id}{name}").stat().st_size > 0
    index = (built_site.output / "library" / "index.html").read_text(encoding="utf-8")
    assert "Acute lymphoblastic leukaemia first labelled" in index
    assert 'id="casekit-library"' in index


def test_nothing_of_a_case_left_out_appears_anywhere(built_site: BuiltSite) -> None:
    texts = _all_text(built_site.output)
    assert any(p.suffix == ".pf_fragment" for p in texts)  # the search index was read
    assert any(p.name.startswith("sitemap") for p in texts)
    for path, text in texts.items():
        for marker in SECRET_MARKERS:
            assert marker not in text, f"{marker} found in {path}"


def test_case_pages_do_not_list_other_cases(built_site: BuiltSite) -> None:
    # Output must grow linearly: a case page names no other case (no case list in the nav).
    page = (built_site.output / "cases" / "synthetic-septic-hip" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "crmo-not-crmo" not in page
    assert "Acute lymphoblastic leukaemia first labelled" not in page


def test_strict_fails_when_a_case_is_left_out(tmp_path: Path) -> None:
    library = make_library(tmp_path / "cases")
    assert main(build_site(library, tmp_path / "out", "--strict")) == 1


def test_strict_passes_when_every_case_is_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    write_case(library, synthetic_case("synthetic-only-case"))
    assert main(build_site(library, tmp_path / "out", "--strict")) == 0
    assert "1 case(s) published, 0 left out" in capsys.readouterr().out


def test_an_unpublished_case_disappears_from_the_next_build(tmp_path: Path) -> None:
    library = tmp_path / "cases"
    library.mkdir()
    write_case(library, synthetic_case("synthetic-stays"))
    leaving = write_case(library, synthetic_case("synthetic-leaves"))
    out = tmp_path / "out"
    assert main(build_site(library, out)) == 0
    assert (out / "cases" / "synthetic-leaves" / "index.html").is_file()
    data = json.loads(leaving.read_text(encoding="utf-8"))
    data["status"] = "draft"
    leaving.write_text(json.dumps(data), encoding="utf-8")
    assert main(build_site(library, out)) == 0
    assert not (out / "cases" / "synthetic-leaves").exists()
    assert "synthetic-leaves" not in (out / "library" / "index.html").read_text(encoding="utf-8")
    leaving.unlink()
    assert main(build_site(library, out)) == 0
    assert not (out / "cases" / "synthetic-leaves").exists()


def test_a_missing_case_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(build_site(tmp_path / "nowhere", tmp_path / "out")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_plain_mkdocs_build_works_on_the_repository(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(REPO / "mkdocs.yml"),
            "-d",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "cases" / "crmo-not-crmo" / "index.html").is_file()


def _raw_payloads(folder: Path) -> list[str]:
    """Pages where a payload of the hostile case survives as live markup."""
    found = []
    for page in folder.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for payload in ("<script>window.casekitPwned", "<img src=x onerror", "<b onmouseover"):
            if payload in html:
                found.append(f"{page}: {payload}")
    return found


def test_hostile_case_text_never_becomes_markup(built_site: BuiltSite) -> None:
    assert (built_site.output / "cases" / "synthetic-hostile-text" / "index.html").is_file()
    assert _raw_payloads(built_site.output) == []


def _zensical() -> str | None:
    return shutil.which("zensical") or shutil.which(
        "zensical", path=str(Path(sys.executable).parent)
    )


@pytest.mark.skipif(
    _zensical() is None,
    reason="Zensical is not installed (pip install zensical, then put 'zensical' on PATH)",
)
def test_zensical_builds_the_same_site(tmp_path: Path) -> None:
    library = make_library(tmp_path / "cases")
    output = tmp_path / "zensical-site"
    assert main([*build_site(library, output), "--engine", "zensical"]) == 0
    for case_id in PUBLISHED:
        assert (output / "cases" / case_id / "index.html").is_file()
        assert (output / "cases" / case_id / f"{case_id}-abstract.docx").is_file()
    page = (output / "cases" / "crmo-not-crmo" / "index.html").read_text(encoding="utf-8")
    assert 'id="case-timeline"' in page
    assert 'id="lab-table"' in page
    assert 'id="casekit-library"' in (output / "library" / "index.html").read_text("utf-8")
    assert _raw_payloads(output) == []
    for path, text in _all_text(output).items():
        for marker in SECRET_MARKERS:
            assert marker not in text, f"{marker} found in {path}"
