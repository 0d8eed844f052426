"""The site at scale (issue 17): first-search download, peak memory, rebuild after one change.

    .venv/bin/python bench/site_scale.py                      # 1,000 and 10,000 cases
    .venv/bin/python bench/site_scale.py --sizes 1000         # without the long 10,000 build
    .venv/bin/python bench/site_scale.py --only download,rebuild

Prints a table like bench/run.py. Nothing here is a test. Libraries come from
bench/generate.py; every build starts with empty caches except the rebuild's second build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import write_library  # noqa: E402  (bench/ is not a package)
from run import CACHE, CASEKIT, MKDOCS, Row, _prerendered, print_table  # noqa: E402

#: A reader's browser downloads this many results' records for the first page of results
#: (Pagefind's UI shows five at a time).
RESULTS_SHOWN = 5
#: Pagefind's script, worker and search UI: the same files whatever the library's size.
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-worker.js")


@dataclass
class Peak:
    """Peak resident memory, sampled from /proc every 20 ms."""

    total: int = 0  # of the whole process tree at one moment
    pagefind: int = 0  # of Pagefind's indexing processes at one moment
    others: int = 0  # of everything else (casekit, MkDocs, workers) at one moment


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(c) for c in handle.read().split())
    except (FileNotFoundError, ProcessLookupError, ValueError):
        pass
    return found


def _rss_and_name(pid: int) -> tuple[int, str]:
    rss, name = 0, ""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("Name:"):
                    name = line.split()[1]
                elif line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return rss, name


def run_sampled(cmd: Sequence[str]) -> tuple[float, Peak]:
    """Run ``cmd``; (seconds, peak memory of its process tree, split by Pagefind or not)."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = Peak()
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total = pagefind = 0
            stack = [proc.pid]
            while stack:
                pid = stack.pop()
                rss, name = _rss_and_name(pid)
                total += rss
                if name.startswith("pagefind"):
                    pagefind += rss
                stack.extend(_children(pid))
            peak.total = max(peak.total, total)
            peak.pagefind = max(peak.pagefind, pagefind)
            peak.others = max(peak.others, total - pagefind)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed (exit {proc.returncode}):\n{err.decode()}")
    return elapsed, peak


def build(library: Path, out: Path, *, cold: bool = True) -> tuple[float, Peak]:
    if cold:
        shutil.rmtree(CACHE, ignore_errors=True)
    config = str(ROOT / "mkdocs.yml")
    return run_sampled(
        [CASEKIT, "build", "--library", str(library), "--output", str(out), "--config", config]
    )


def first_search(site: Path) -> tuple[str, int, int]:
    """What a reader's browser downloads for a first one-word search, at most.

    (name of the largest file, its size, the total). Counted: Pagefind's script, worker
    and UI; for every index bundle (one, or several if the index is in parts) its entry
    file, the WebAssembly search code, the page list (``.pf_meta``), every filter file (the
    UI loads them to show the filters), the largest word chunk (a query needs one chunk per
    word) and the largest five page records (one page of results). Sizes are as served
    (Pagefind's files are compressed already).
    """
    sizes: dict[str, int] = {}
    for name in UI_FILES:
        path = site / "pagefind" / name
        sizes[path.relative_to(site).as_posix()] = path.stat().st_size
    for entry in sorted((site / "pagefind").rglob("pagefind-entry.json")):
        bundle = entry.parent

        def add(path: Path) -> None:
            sizes[path.relative_to(site).as_posix()] = path.stat().st_size

        add(entry)
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        for language in languages.values():
            add(bundle / f"wasm.{language['wasm']}.pagefind")
            add(bundle / f"pagefind.{language['hash']}.pf_meta")
        for path in (bundle / "filter").glob("*.pf_filter"):
            add(path)
        chunks = sorted((bundle / "index").glob("*.pf_index"), key=lambda p: p.stat().st_size)
        add(chunks[-1])
        fragments = sorted(
            (bundle / "fragment").glob("*.pf_fragment"), key=lambda p: p.stat().st_size
        )
        for path in fragments[-RESULTS_SHOWN:]:
            add(path)
    largest = max(sizes, key=lambda name: sizes[name])
    return largest, sizes[largest], sum(sizes.values())


def material_index(work: Path, library: Path) -> int:
    """Size of Material's search index for the same pages (plain MkDocs, search on)."""
    shutil.rmtree(work / "plain", ignore_errors=True)  # bench/run.py's site row uses it too
    project = _prerendered(work, library)
    import yaml

    settings = yaml.safe_load((project / "mkdocs.yml").read_text())
    settings["plugins"] = ["search"]  # Material's built-in search, as it comes
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings))
    out = project / "out"
    subprocess.run(
        [MKDOCS, "build", "--quiet", "--site-dir", str(out)],
        cwd=project,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return (out / "search" / "search_index.json").stat().st_size


def _kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB"


def bench_download(work: Path, count: int, *, material: bool) -> tuple[list[Row], Peak]:
    library = work / f"scale-lib{count}"
    shutil.rmtree(library, ignore_errors=True)
    write_library(library, count)
    out = work / f"scale-site{count}"
    elapsed, peak = build(library, out)
    largest, size, total = first_search(out)
    figures = f"largest file {largest} {_kib(size)}; all files of a first search {_kib(total)}"
    if material:
        theirs = material_index(work, library)
        figures += f"; Material's search_index.json for the same pages {_kib(theirs)}"
    rows: list[Row] = [
        (
            f"first search, {count:,} cases",
            figures,
            f"largest file {_kib(size)}",
            "<= 1 MiB at 10,000",
        ),
        (
            f"build, {count:,} cases, peak memory",
            f"{elapsed:.0f} s; all processes at once {peak.total / 2**20:,.0f} MB (Pagefind"
            f" {peak.pagefind / 2**20:,.0f} MB at its peak, the rest"
            f" {peak.others / 2**20:,.0f} MB at theirs)",
            f"{peak.total / 2**20:,.0f} MB",
            "<= 500 MB at 10,000",
        ),
    ]
    shutil.rmtree(out, ignore_errors=True)
    return rows, peak


def _change_one_case(library: Path) -> None:
    path = sorted(library.glob("*.json"))[len(list(library.glob("*.json"))) // 2]
    case = json.loads(path.read_text(encoding="utf-8"))
    case["discussion"] += " The team reviewed the case once more."
    path.write_text(json.dumps(case, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def bench_rebuild(work: Path, count: int) -> list[Row]:
    library = work / f"rebuild-lib{count}"
    shutil.rmtree(library, ignore_errors=True)
    write_library(library, count)
    out = work / f"rebuild-site{count}"
    first, _ = build(library, out)
    _change_one_case(library)
    again, _ = build(library, out, cold=False)
    return [
        (
            f"site, {count:,} cases, rebuild after one case changed",
            f"first build {first:.1f} s (empty caches); rebuild {again:.1f} s",
            f"{again / first:.2f}x the first build",
            "<= 0.3x",
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="library sizes for the download")
    parser.add_argument("--only", default="download,rebuild", help="download, rebuild")
    args = parser.parse_args()
    chosen = set(args.only.split(","))
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="casekit-bench-scale-") as tmp:
        work = Path(tmp)
        if "rebuild" in chosen:
            print("running rebuild at 1,000 ...", file=sys.stderr, flush=True)
            rows.extend(bench_rebuild(work, 1_000))
        if "download" in chosen:
            for count in sizes:
                print(f"running download at {count:,} ...", file=sys.stderr, flush=True)
                found, _ = bench_download(work, count, material=count <= 1_000)
                rows.extend(found)
    print_table(f"casekit site at scale, {time.strftime('%Y-%m-%d %H:%M')}", rows)


if __name__ == "__main__":
    main()
