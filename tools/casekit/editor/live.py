"""What the author sees beside the form, for the case as it stands: findings, abstracts, page.

Each result is what the commands would give for the case as it will be saved (the same
text, so line numbers match the file): ``casekit lint`` for the findings, ``casekit
render --profile NAME`` for each abstract, and the case page of ``casekit build``
converted to HTML with the library's Markdown settings (from its ``mkdocs.yml``).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml  # type: ignore[import-untyped]  # PyYAML (an MkDocs dependency) ships no type hints

from casekit.editor.document import merge_into
from casekit.findings import Finding, Severity
from casekit.loader import CaseDocument, LoadError, parse_text
from casekit.resources import data_dir

if TYPE_CHECKING:
    from casekit.lint import LintConfig

# lint, render and the site's Markdown set-up are imported when first used (by the
# warm-up in the background, as the browser builds the form): start-up stays short.


@dataclass(frozen=True)
class MarkdownSetup:
    """The Markdown extensions and their settings (as in casekit.site.prerender)."""

    extensions: tuple[Any, ...]
    configs: dict[str, Any]


#: The Markdown extensions MkDocs always adds to those ``mkdocs.yml`` names.
_MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
#: Used when the case is in no library (no ``mkdocs.yml`` above it): casekit's own site's.
_DEFAULT_SETUP = MarkdownSetup(
    (*_MKDOCS_BUILTINS, "admonition", "attr_list"), {"toc": {"permalink": True}}
)


@dataclass(frozen=True)
class Library:
    """Where the case lives: its ``mkdocs.yml`` folder (if any) and what that folder sets."""

    root: Path | None
    template_dirs: tuple[Path, ...] = ()
    markdown: MarkdownSetup = _DEFAULT_SETUP
    lint_config: LintConfig | None = field(default=None)

    @classmethod
    def around(cls, folder: Path, lint_config: LintConfig | None = None) -> Library:
        start = folder.absolute()
        for candidate in (start, *start.parents):
            config = candidate / "mkdocs.yml"
            if config.is_file():
                templates = candidate / "templates"
                bundled = data_dir("templates").resolve()
                own = (templates,) if templates.is_dir() and templates.resolve() != bundled else ()
                return cls(candidate, own, markdown_setup(config), lint_config)
        return cls(None, (), _DEFAULT_SETUP, lint_config)


class _TolerantLoader(yaml.SafeLoader):  # type: ignore[misc]  # untyped base class
    """Reads mkdocs.yml without running its Python tags (they do not concern Markdown)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def markdown_setup(config_file: Path) -> MarkdownSetup:
    """The Markdown extensions and settings a ``mkdocs.yml`` gives, as MkDocs reads them.

    Loading the configuration through MkDocs takes seconds (it imports the theme and the
    plugins); the two settings that shape the HTML are read here directly.
    """
    try:
        loaded = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return _DEFAULT_SETUP
    extensions: list[str] = list(_MKDOCS_BUILTINS)
    configs: dict[str, Any] = {}
    raw = loaded.get("markdown_extensions") if isinstance(loaded, dict) else None
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, str):
            name, settings = item, None
        elif isinstance(item, dict) and len(item) == 1:
            name, settings = next(iter(item.items()))
        else:
            continue
        if name not in extensions:
            extensions.append(name)
        if isinstance(settings, dict):
            configs[name] = settings
    return MarkdownSetup(tuple(extensions), configs)


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding for the browser: the usual fields, plus the path as a list for the form."""
    return {**finding.to_dict(), "path": list(finding.json_path)}


def _page_html(case: dict[str, Any], library: Library) -> str:
    import markdown

    from casekit.render import render

    page = render(case, "web", template_dirs=library.template_dirs).content
    assert isinstance(page, str)
    setup = library.markdown
    converter = markdown.Markdown(
        extensions=list(setup.extensions), extension_configs=dict(setup.configs)
    )
    converted: str = converter.convert(page)
    return converted


def profiles_summary() -> list[dict[str, Any]]:
    """The shipped abstract profiles, for the venue picker."""
    from casekit.render.profiles import list_profiles

    return [
        {"name": p.name, "title": p.title, "venue": p.venue, "limit": p.limit_text()}
        for p in list_profiles()
    ]


def prepare(data: Any, *, base_text: str | None, path: Path) -> CaseDocument:
    """The case as it would be saved at ``path``: :class:`LoadError` if it cannot be read."""
    try:
        text = merge_into(base_text, data)
    except (ValueError, TypeError) as exc:
        raise LoadError(
            Finding(
                code="CK006",
                rule="malformed-json",
                severity=Severity.ERROR,
                file=path,
                message=f"The form's data cannot be written as a case ({exc}).",
                hint="Undo the last change; if this persists, report it as a bug in casekit.",
            )
        ) from None
    return parse_text(path, text)


def check(
    data: Any,
    *,
    base_text: str | None,
    path: Path,
    library: Library,
    profiles: Sequence[str],
) -> dict[str, Any]:
    """Findings and abstracts for the form's ``data`` (as it would be saved at ``path``)."""
    started = time.perf_counter()
    try:
        doc = prepare(data, base_text=base_text, path=path)
    except LoadError as exc:
        return {"findings": [finding_dict(exc.finding)], "valid": False, "abstracts": []}
    from casekit.lint import lint_document
    from casekit.render.profiles import list_profiles

    findings = lint_document(doc, library.lint_config)
    valid = not any(f.code.startswith("CK0") and f.severity == "error" for f in findings)
    shipped = {p.name for p in list_profiles()}
    abstracts = [_abstract(doc.data, name, library) for name in profiles if name in shipped]
    return {
        "findings": [finding_dict(f) for f in sorted(findings, key=_order)],
        "valid": valid,
        "abstracts": abstracts,
        "seconds": round(time.perf_counter() - started, 4),
    }


def page(data: Any, *, base_text: str | None, path: Path, library: Library) -> dict[str, Any]:
    """The case page as the site shows it (HTML), or a note saying why it cannot be shown."""
    from casekit.render import RenderError

    try:
        doc = prepare(data, base_text=base_text, path=path)
        return {"page": _page_html(doc.data, library), "page_note": ""}
    except LoadError:
        return {"page": None, "page_note": "The page appears when the case can be read."}
    except RenderError as exc:
        return {"page": None, "page_note": str(exc)}
    except Exception:  # an invalid case can trip the renderer anywhere; the checks say why
        return {
            "page": None,
            "page_note": "The page appears when the errors in the checks are fixed.",
        }


def _order(finding: Finding) -> tuple[int, int, int]:
    return (-finding.severity.rank, finding.line, finding.column)


def _abstract(case: dict[str, Any], name: str, library: Library) -> dict[str, Any]:
    from casekit.render import RenderError, render

    try:
        result = render(
            case, "abstract", to="txt", profile=name, template_dirs=library.template_dirs
        )
    except RenderError as exc:
        return {"profile": name, "error": str(exc)}
    except Exception:  # an invalid case can trip the renderer anywhere; lint says why
        return {
            "profile": name,
            "error": "The abstract appears when the errors in the checks are fixed.",
        }
    report = result.report.to_dict() if result.report is not None else {}
    text = result.content if isinstance(result.content, str) else ""
    return {"profile": name, "report": report, "text": text}
