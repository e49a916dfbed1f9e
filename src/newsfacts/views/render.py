"""HTML from the Jinja2 templates in ``newsfacts/templates``, always escaped (but ``.md``), so a
quote holding ``<script>`` shows as written; Jinja2 is imported on the first render."""

from __future__ import annotations

from functools import cache
from typing import Any

from newsfacts.marks import MARKS, mark, mark_label
from newsfacts.text import cell_text

#: How a control's label is laid out: as wide as its words, never cut.
LABEL_STYLE = {"description_width": "initial"}


@cache
def environment() -> Any:
    """The one Jinja2 environment: package templates, autoescaping on, tidy whitespace."""
    import jinja2
    from markupsafe import Markup, escape

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsfacts", "templates"),
        autoescape=jinja2.select_autoescape(disabled_extensions=("md",), default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["text"] = cell_text
    env.filters["lines"] = lambda text: Markup("<br>").join(
        map(escape, cell_text(text).split("\n"))
    )
    env.globals.update(MARKS=MARKS, mark=mark, mark_label=mark_label)
    return env


def render(template: str, **context: Any) -> str:
    """Render one template of ``newsfacts/templates`` with `context` (escaped)."""
    return environment().get_template(template).render(**context)


def macro(template: str, name: str) -> Any:
    """A macro of a template, callable from Python (it returns escaped markup)."""
    return getattr(environment().get_template(template).module, name)
