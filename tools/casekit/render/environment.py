"""The one place where casekit's Jinja environment is built.

Templates are looked up first in the user's folders, then in casekit's ``templates/``,
so a user overrides a template by saving one with the same name. Templates whose names
end in ``.html.j2`` or ``.md.j2`` are autoescaped, and every value they print passes
through :func:`casekit.render.escape.escape_text`, which also neutralises Markdown and
Jinja syntax. Plain-text templates (``.txt.j2``) print text as it is: that output is for
pasting into submission forms. Case text is only ever passed to templates as values,
never compiled as a template.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.nodes import EvalContext
from markupsafe import Markup

from casekit.render import text
from casekit.render.escape import escape_inline, escape_text, markdown_text
from casekit.resources import data_dir

_ESCAPED_SUFFIXES = ("html.j2", "md.j2", "svg.j2")


@jinja2.pass_eval_context
def _finalize(eval_ctx: EvalContext, value: Any) -> Any:
    if value is None:
        return ""
    if eval_ctx.autoescape and not isinstance(value, Markup):
        return escape_text(value)
    return value


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith(_ESCAPED_SUFFIXES)


def template_search_path(template_dirs: Sequence[Path] = ()) -> list[Path]:
    return [*(Path(d) for d in template_dirs), data_dir("templates")]


def build_environment(template_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    """The environment for these template folders, built once per process.

    Compiling the templates is most of the cost of rendering a page, so environments
    (and the templates they have compiled) are reused; Jinja still notices a template
    file changed on disk (``auto_reload``), so ``mkdocs serve`` sees edits.
    """
    return _cached_environment(tuple(str(Path(d).resolve()) for d in template_dirs))


@functools.lru_cache(maxsize=16)
def _cached_environment(template_dirs: tuple[str, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(
            [str(p) for p in template_search_path([Path(d) for d in template_dirs])]
        ),
        autoescape=_autoescape,
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        {
            "md": escape_text,
            "md_inline": escape_inline,
            "md_text": markdown_text,
            "when": text.time_phrase,
            "age": text.age_phrase,
            "sex": text.sex_word,
            "lab_value": text.lab_value,
            "humanize": text.humanize,
        }
    )
    return env
