"""casekit converts its generated pages to HTML itself; the site must not change because of it.

The pages are converted ahead of MkDocs, on every core and cached between builds (see
casekit.site.prerender). These tests build the same library with that turned on and off and
compare every file a reader or a search engine gets; they also check that a page another
plugin changed is converted by MkDocs, and that a rebuild converts only what changed.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from casefactory import REPO, TODAY, make_library, synthetic_case, write_case

from casekit.cli import main
from casekit.site import hooks, prerender
from casekit.site.cache import PageCache


def _project(
    root: Path,
    *,
    prerender_on: bool = True,
    extra_hook: str = "",
    extensions: list[Any] | None = None,
) -> Path:
    """A library project: the repository's site pages and settings, its own cases."""
    root.mkdir(parents=True, exist_ok=True)
    settings = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    settings["extra"]["casekit"] = {"library": "cases", "prerender": prerender_on}
    settings["markdown_extensions"] += extensions or []
    hook_dir = root / "hooks"
    hook_dir.mkdir(exist_ok=True)
    (hook_dir / "casekit_hooks.py").write_text(
        "from casekit.site.hooks import *  # noqa: F403\n", "utf-8"
    )
    settings["hooks"] = ["hooks/casekit_hooks.py"]
    if extra_hook:
        (hook_dir / "other_plugin.py").write_text(extra_hook, "utf-8")
        settings["hooks"].insert(0, "hooks/other_plugin.py")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), "utf-8")
    if not (root / "site").exists():
        shutil.copytree(REPO / "site", root / "site")
    if not (root / "cases").exists():
        make_library(root / "cases")
    return root / "mkdocs.yml"


def _build(config: Path, output: Path) -> None:
    code = main(["build", "--config", str(config), "--output", str(output), "--today", TODAY])
    assert code == 0


def _site_files(folder: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(folder).as_posix()
        if name.startswith("pagefind/") and path.suffix != ".pf_fragment":
            # Pagefind writes its word and filter tables in hash-map order, which differs
            # from run to run (so do their names); each page's record is compared instead.
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":  # the gzip header holds the time it was written
            data = gzip.decompress(data)
        files[name] = data
    return files


def test_the_site_is_the_same_whoever_converts_the_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = _project(tmp_path / "ours", prerender_on=True)
    _build(ours, tmp_path / "ours-out")
    used = set(hooks._in_use)
    theirs = _project(tmp_path / "theirs", prerender_on=False)
    shutil.rmtree(tmp_path / "theirs" / "cases")
    shutil.copytree(tmp_path / "ours" / "cases", tmp_path / "theirs" / "cases")
    _build(theirs, tmp_path / "theirs-out")
    assert hooks._in_use == set()  # turned off: MkDocs converted every page

    # Every case page, listing page and tag page was converted by casekit ...
    assert "cases/crmo-not-crmo/index.md" in used
    assert "library/index.md" in used
    assert any(src.startswith("library/tags/") for src in used)
    # ... and the two sites are the same to the byte, search index and sitemap included.
    ours_files = _site_files(tmp_path / "ours-out")
    theirs_files = _site_files(tmp_path / "theirs-out")
    assert ours_files.keys() == theirs_files.keys()
    different = [name for name in ours_files if ours_files[name] != theirs_files[name]]
    assert different == []
    capsys.readouterr()


_APPENDING_PLUGIN = """
def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.startswith("cases/"):
        return markdown + "\\n\\nZqx note added by another plugin.\\n"
    return markdown
"""


def test_a_page_another_plugin_changed_is_converted_by_mkdocs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _project(tmp_path / "project", extra_hook=_APPENDING_PLUGIN)
    _build(config, tmp_path / "out")
    page = (tmp_path / "out" / "cases" / "crmo-not-crmo" / "index.html").read_text("utf-8")
    assert "Zqx note added by another plugin." in page
    assert "cases/crmo-not-crmo/index.md" not in hooks._in_use
    assert "library/index.md" in hooks._in_use  # pages the plugin left alone still are
    capsys.readouterr()


def test_a_rebuild_converts_only_the_pages_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _project(tmp_path / "project")
    _build(config, tmp_path / "out")
    converted: list[str] = []  # the Markdown of every page converted
    real = prerender.convert

    def counting(text: str, setup: Any) -> Any:
        converted.append(text)
        return real(text, setup)

    monkeypatch.setattr(prerender, "convert", counting)
    _build(config, tmp_path / "out")
    assert converted == []  # nothing changed: every page came from the cache

    write_case(
        tmp_path / "project" / "cases",
        synthetic_case("synthetic-septic-hip", themes=["tissue diagnosis"], keywords=["zqx"]),
    )
    _build(config, tmp_path / "out")
    assert any("synthetic-septic-hip-abstract.txt" in text for text in converted)
    assert not any("crmo-not-crmo-abstract.txt" in text for text in converted)
    page = tmp_path / "out" / "cases" / "synthetic-septic-hip" / "index.html"
    assert "zqx" in page.read_text("utf-8")
    capsys.readouterr()


def test_a_damaged_cache_entry_is_converted_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _project(tmp_path / "project")
    _build(config, tmp_path / "out")
    entries = sorted((tmp_path / "project" / ".casekit-cache" / "html").glob("*.json"))
    assert entries
    for entry in entries:
        entry.write_text(json.dumps({"not": "a page"}))  # wrong kind: must be ignored
    _build(config, tmp_path / "out2")
    assert _site_files(tmp_path / "out") == _site_files(tmp_path / "out2")
    capsys.readouterr()


def test_a_page_that_pastes_in_another_file_is_never_served_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "project"
    footer = root / "includes" / "footer.md"
    footer.parent.mkdir(parents=True)
    footer.write_text("Zqx footer version 1\n", "utf-8")
    snippets = {"pymdownx.snippets": {"base_path": [str(root)], "auto_append": [str(footer)]}}
    config = _project(root, extensions=[snippets])
    _build(config, tmp_path / "out")
    page = tmp_path / "out" / "cases" / "crmo-not-crmo" / "index.html"
    assert "Zqx footer version 1" in page.read_text("utf-8")
    assert "cases/crmo-not-crmo/index.md" in hooks._in_use  # still converted by casekit
    footer.write_text("Zqx footer version 2\n", "utf-8")
    _build(config, tmp_path / "out")
    assert "Zqx footer version 2" in page.read_text("utf-8")
    assert not list((root / ".casekit-cache" / "html").glob("*.json"))
    capsys.readouterr()


def test_only_extensions_that_read_nothing_else_are_cached() -> None:
    def setup(*extensions: Any) -> prerender.MarkdownSetup:
        return prerender.MarkdownSetup(tuple(extensions), {})

    assert setup("toc", "markdown.extensions.tables", "pymdownx.superfences").cacheable
    assert not setup("toc", "pymdownx.snippets").cacheable
    assert not setup("my_local_extension").cacheable
    assert not setup("toc", "some.package:ExtensionClass").cacheable


def test_anchors_lists_ids_and_link_names() -> None:
    html = '<h2 id="timeline">T</h2><p id="x">a</p><a name="old">o</a><span name="no">s</span>'
    assert prerender.anchors(html) == {"timeline", "x", "old"}
    assert prerender.anchors("") == frozenset()


class _Unshareable:
    """An extension object that cannot travel to a worker process."""

    def __init__(self) -> None:
        self.callback = lambda: None


def test_a_setup_that_cannot_be_shared_is_left_to_mkdocs() -> None:
    shareable: dict[str, Any] = {"markdown_extensions": ["toc", "tables"], "mdx_configs": {}}
    assert prerender.MarkdownSetup.from_config(shareable) is not None
    unshareable = {"markdown_extensions": ["toc", _Unshareable()], "mdx_configs": {}}
    assert prerender.MarkdownSetup.from_config(unshareable) is None


def test_links_of_converted_pages_are_checked_as_mkdocs_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "project"
    config = _project(root)
    (root / "templates").mkdir()
    web = (REPO / "templates" / "web.md.j2").read_text("utf-8")
    (root / "templates" / "web.md.j2").write_text(web + "\n[Zqx](../zqx-nowhere/)\n", "utf-8")
    code = main(["build", "--config", str(config), "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "the generated page 'cases/crmo-not-crmo/index.md' links to '../zqx-nowhere/'" in err


def test_site_links_and_missing_links() -> None:
    html = (
        '<a href="x-abstract.txt">t</a><a href="../../library/tags/a/b/#top">t</a>'
        '<a href="https://doi.org/10.1/x">d</a><a href="#timeline">a</a><a href="/abs">r</a>'
        '<a href="mailto:x@example.org">m</a><a href="x-abstract.txt">again</a>'
    )
    links = prerender.site_links(html)
    assert links == ("x-abstract.txt", "../../library/tags/a/b/")
    known = {"cases/x/x-abstract.txt", "library/tags/a/b", ""}
    assert prerender.missing_links("cases/x/", links, known) == []
    assert prerender.missing_links("cases/x/", ["../y/"], known) == ["../y/"]
    assert prerender.missing_links("cases/x/index.html", ["x-abstract.txt"], known) == []
    assert prerender.missing_links("cases/x/", ["../../"], known) == []  # the home page


def test_converted_pages_past_the_memory_budget_come_back_from_disk_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prerender, "MEMORY_BUDGET", 50)  # room for about one small page
    store = prerender.PageStore(tmp_path / "scratch")
    pages = {
        f"cases/c{n}/index.md": prerender.HtmlPage(
            f"<h2 id='x{n}'>Case {n} \u00b5mol/L</h2>",
            [{"id": f"x{n}"}],
            frozenset({f"x{n}"}),
            f"d{n}",
        )
        for n in range(5)
    }
    for src, page in pages.items():
        store.put(src, page)
        store.put_aside(src, page.html + "<p>after plugins</p>", ["toc of", src])
    assert list((tmp_path / "scratch").iterdir()) == []  # the scratch file has no name
    assert store.digests == {src: page.source_digest for src, page in pages.items()}
    for src, page in pages.items():
        assert store.take(src) == page
        assert store.take_aside(src) == (page.html + "<p>after plugins</p>", ["toc of", src])
        assert store.take(src) is None  # given once
    store.close()


def test_a_large_build_has_its_pages_written_by_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past IN_MEMORY_PAGES the converted pages go from the workers straight to disk."""
    monkeypatch.setattr(prerender, "IN_MEMORY_PAGES", 1)
    setup = prerender.MarkdownSetup(("toc",), {})
    cache: PageCache[prerender.HtmlPage] = PageCache(None, "", prerender.HtmlPage)
    sources = {
        f"cases/c{n}/index.md": f'---\ntitle: "Case {n}"\n---\n\n## Course {n}\n' for n in range(3)
    }
    store = prerender.prerender(sources, setup, cache, prerender.PageStore(tmp_path))
    assert store._held == {}
    (folder,) = tmp_path.iterdir()
    assert len(list(folder.glob("*.pickle"))) == 3
    page = store.take("cases/c1/index.md")
    assert page is not None and 'id="course-1"' in page.html
    assert store.take("cases/c1/index.md") is None  # given once, and its file gone
    assert len(list(folder.glob("*.pickle"))) == 2
    store.close()
    assert not folder.exists()


def test_a_large_library_keeps_no_converted_page_in_memory(tmp_path: Path) -> None:
    store = prerender.PageStore(tmp_path)
    store.spill_all = True
    page = prerender.HtmlPage("<p>x</p>", [], frozenset(), "d")
    store.put("cases/a/index.md", page)
    assert store._held == {}
    assert store.take("cases/a/index.md") == page
    store.close()


def test_a_very_long_page_is_left_to_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The index of a large library is converted by MkDocs, after the workers have ended."""
    monkeypatch.setattr(prerender, "LARGE", 2_000)  # the test library's index is longer
    config = _project(tmp_path / "project")
    _build(config, tmp_path / "out")
    assert "library/index.md" not in hooks._in_use
    assert "cases/crmo-not-crmo/index.md" in hooks._in_use
    index = (tmp_path / "out" / "library" / "index.html").read_text("utf-8")
    assert 'id="casekit-library"' in index
    capsys.readouterr()
