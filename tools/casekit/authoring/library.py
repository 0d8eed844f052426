"""The files of a new, empty case library (``casekit init``).

Every file is listed here with its content, so a test can build the library and check
that each one is written, and that nothing existing is ever overwritten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from casekit.fsutil import atomic_write
from casekit.resources import schema_path

_HOOKS = '''\
"""MkDocs hooks for this case library: casekit generates the case pages on every build.

The work is done by casekit itself (``casekit.site.hooks``); this file only makes its
hooks available to MkDocs, which loads hooks from a file named in mkdocs.yml.
"""

from casekit.site.hooks import *  # noqa: F403  (MkDocs looks up every on_* function)
'''


def _mkdocs_yml(name: str) -> str:
    return f"""\
# The case library site. Build it with `casekit build` (checks every case first) or
# preview it with `mkdocs serve`. The hooks file generates the case pages from the
# case folder on every build.
site_name: {json.dumps(name, ensure_ascii=False)}
site_description: Clinical case reports, checked against the CARE guideline.
docs_dir: docs
site_dir: site_build
use_directory_urls: true

theme:
  name: material
  # No fonts from Google's servers (a reader's browser would tell them which case it reads):
  # the reader's own system fonts.
  font: false
  features:
    - content.code.copy

# Search is Pagefind's, made by casekit after every build (see the Search page).
plugins:
  - search:
      enabled: false

hooks:
  - hooks/casekit_site.py

extra:
  casekit:
    # The folder of case files, relative to this file.
    library: cases

markdown_extensions:
  - tables
  - toc:
      permalink: true
  - admonition
  - attr_list

nav:
  - Home: index.md
  - Case library: library/index.md
  - Browse by tag: library/tags/index.md
  - Search: search/index.md
  - How to add a case: authoring.md
  - Reference:
      - Case file fields: reference/case-fields.md
      - Lint rules: reference/lint-rules.md

validation:
  nav:
    omitted_files: info
    not_found: warn
  links:
    not_found: warn
    unrecognized_links: info
"""


def _index_md(name: str) -> str:
    return f"""\
# {name}

Clinical case reports written as structured case files, checked against the
[CARE guideline](https://www.care-statement.org/) and published here only when they are
ready: marked as published, past any embargo, with consent for publication recorded, and
free of errors.

- **[Browse the case library](library/index.md)**
- **[Browse by tag](library/tags/index.md)**
- **[How to add a case](authoring.md)**
"""


_AUTHORING_MD = """\
# How to add a case

1. Start a case: `casekit new my-case-name` creates `cases/my-case-name.json` with every
   section of the CARE guideline and a `TODO:` note in each.
2. Fill it in. Your editor (Visual Studio Code, with the settings in `.vscode/`) shows
   what each field means when you hover over it and completes the allowed values.
3. Check it: `casekit validate` (is the file readable and complete?) and `casekit lint`
   (is the reasoning sound, is the patient unidentifiable?).
4. Tidy it: `casekit fmt` lays the file out in the standard order.
5. Publish it: set `"status": "published"` once consent is recorded, then
   `casekit build` builds the site into `site_build/`.

The [case file fields](reference/case-fields.md) page lists every field, and the
[lint rules](reference/lint-rules.md) page every check.
"""

_CASES_README = """\
# Cases

One JSON file per case, named after its `id` (for example `my-case.json`).
Start a new one with:

    casekit new my-case

Never use the patient's name, initials or record number in a file name.
"""

_TEMPLATES_README = """\
# Templates

A place for your own versions of casekit's templates (abstract, case page). Use them with

    casekit render my-case.json --templates templates

casekit looks for a template here first and falls back to its own, so a file with the
same name as one of casekit's replaces it. Leave the folder empty to use casekit's.
"""

_PYPROJECT = """\
# Settings for casekit. This folder is a case library, not a Python package.
[tool.casekit]

[tool.casekit.lint]
# Which checks run (codes, code prefixes or group names) and how severe they are:
# select = ["ALL"]
# ignore = ["CK113"]
# severity = { CK109 = "info" }

[tool.casekit.render]
# Word documents are A4; for US Letter:
# paper = "letter"
"""

_VSCODE_SETTINGS = (
    json.dumps(
        {
            "json.schemas": [{"fileMatch": ["cases/*.json"], "url": "./schema/case.schema.json"}],
            "files.encoding": "utf8",
            "files.insertFinalNewline": True,
            "[json]": {"editor.tabSize": 2, "editor.insertSpaces": True},
        },
        indent=2,
    )
    + "\n"
)

_PUBLISH_WORKFLOW = """\
# Example: check every case on each push and publish the site to GitHub Pages from main.
# In the repository settings, set Pages > Source to "GitHub Actions".
name: Publish the case library

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read
  pages: write
  id-token: write

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install casekit
      - run: casekit validate
      - run: casekit fmt --check
      - run: casekit lint
      - run: casekit build
      - uses: actions/upload-pages-artifact@v3
        if: github.ref == 'refs/heads/main'
        with:
          path: site_build

  deploy:
    if: github.ref == 'refs/heads/main'
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
    steps:
      - uses: actions/deploy-pages@v4
"""

_GITIGNORE = """\
# The built site (casekit build), its lock and any half-built copy beside it
site_build/
.site_build.*
# Pages casekit keeps to rebuild faster: they hold published cases' text, which must not
# stay in the history after a case is withdrawn
.casekit-cache/
"""

_PRE_COMMIT = """\
# Check cases before each commit: pip install pre-commit && pre-commit install
repos:
  - repo: local
    hooks:
      - id: casekit-fmt
        name: casekit fmt --check
        entry: casekit fmt --check
        language: system
        files: ^cases/.*\\.json$
      - id: casekit-lint
        name: casekit lint
        entry: casekit lint
        language: system
        files: ^cases/.*\\.json$
"""


def library_files(name: str) -> dict[str, str]:
    """Relative path -> text of every file in a new library called ``name``."""
    return {
        "pyproject.toml": _PYPROJECT,
        "mkdocs.yml": _mkdocs_yml(name),
        "hooks/casekit_site.py": _HOOKS,
        "docs/index.md": _index_md(name),
        "docs/authoring.md": _AUTHORING_MD,
        "cases/README.md": _CASES_README,
        "templates/README.md": _TEMPLATES_README,
        "schema/case.schema.json": schema_path().read_text(encoding="utf-8"),
        ".vscode/settings.json": _VSCODE_SETTINGS,
        ".github/workflows/publish-site.yml": _PUBLISH_WORKFLOW,
        ".pre-commit-config.yaml": _PRE_COMMIT,
        ".gitignore": _GITIGNORE,
    }


@dataclass
class InitReport:
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def create_library(folder: Path, name: str | None = None) -> InitReport:
    """Write the library's files into ``folder``; files that already exist are kept."""
    report = InitReport()
    title = name or folder.resolve().name.replace("-", " ").replace("_", " ").strip().title()
    for relative, content in library_files(title or "Case library").items():
        target = folder / relative
        if target.exists() or target.is_symlink():
            report.kept.append(target)
            continue
        atomic_write(target, content)
        report.written.append(target)
    return report
