"""The page cache and what `casekit init` keeps out of git (issue 12, item 8)."""

from __future__ import annotations

import pickle
from pathlib import Path

from reliability_project import synthetic_case

from casekit.site.cache import PageCache
from casekit.site.prerender import HtmlPage


def test_init_keeps_the_cache_out_of_git(cli, tmp_path: Path) -> None:
    assert cli("init", str(tmp_path / "library")).code == 0
    lines = (tmp_path / "library" / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".casekit-cache/" in lines


class _Planted:
    """A pickle that, when loaded, creates the file ``flag``: any code could run there."""

    def __init__(self, flag: Path) -> None:
        self.flag = flag

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (Path.touch, (self.flag,))


def test_a_planted_pickle_is_never_loaded(tmp_path: Path) -> None:
    flag = tmp_path / "code-ran"
    payload = pickle.dumps(_Planted(flag))
    pickle.loads(payload)  # the payload works: loading it does create the file
    assert flag.exists()
    flag.unlink()
    cache: PageCache[dict[str, str | bytes]] = PageCache(tmp_path, "fingerprint")
    key = cache.key("{}", directory_urls=True)
    for name in (f"{key}.pickle", f"{key}.json"):
        (tmp_path / name).write_bytes(payload)
    assert cache.get(key) is None
    assert not flag.exists(), "loading the cache ran code"


def test_entries_come_back_as_they_went_in(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"a/index.md": "Text \u00e9", "a/x.docx": b"\x00\xff PK"}
    cache: PageCache[dict[str, str | bytes]] = PageCache(tmp_path, "f")
    cache.put("k", files)
    assert PageCache(tmp_path, "f").get("k") == files
    page = HtmlPage("<p>x</p>", [{"id": "x", "children": []}], frozenset({"x"}), "d", ("a/",))
    pages: PageCache[HtmlPage] = PageCache(tmp_path, "f", HtmlPage)
    pages.put("p", page)
    assert PageCache(tmp_path, "f", HtmlPage).get("p") == page
    assert synthetic_case("synthetic-cache")["id"] == "synthetic-cache"
