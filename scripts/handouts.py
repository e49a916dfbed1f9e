"""Printable handouts: one HTML page per lesson, the annotated article, and an index.

    python scripts/handouts.py [--out DIR] [NOTEBOOK_OR_FOLDER ...]

(``make handouts`` runs it: the pages go to ``handouts/``, which git ignores.) The lessons
default to ``notebooks/``, the student edition, with the outputs ``make notebooks`` stored.
Nothing is executed: each page shows the stored outputs.

Each lesson goes through nbconvert's HTMLExporter (the ``lab`` template) with its own
options only:
- TagRemovePreprocessor drops the cells tagged ``nbval-ignore-output`` (the regeneration
  script, scripts/run_notebooks.py, tags exactly the cells whose output is a widget, which
  a page cannot show), ``solution`` (model answers, should a teacher edition be given) and
  ``no-handout`` (anything else a lesson's author wants off paper, e.g. "how to run a cell");
- ``exclude_input`` hides every code input, so a page holds the prose, tables and charts;
- a small template on top of ``lab`` adds a print stylesheet and a line saying what was
  left out, hides the exercise checks' feedback ("No answer yet", class
  ``newsfacts-feedback``), and drops the scripts (MathJax, require.js) the pages do not need.
The one rewrite is of links: a lesson's link to ``NN-name.ipynb`` points to its page.

Below a lesson's prose, its assessment on paper (so a class without computers still has
one): the lesson's quiz questions with their options, and its sorting sentences with the two
questions (who says it, has it happened?) and their choices, from the pack. Neither the
answers nor the feedback are printed: those are in the teacher notebooks.

The annotated article is `newsfacts.views.annotate.annotated_article` as a standalone page.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter
from traitlets.config import Config

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:  # run from a clone without `pip install -e .`
    sys.path.insert(0, str(REPO / "src"))

from newsfacts import load  # noqa: E402
from newsfacts.errors import UnknownNameError  # noqa: E402
from newsfacts.lesson.questions import questions  # noqa: E402
from newsfacts.lesson.quiz import WHO, happened_choices, sorting_items  # noqa: E402
from newsfacts.text import paragraph_words  # noqa: E402
from newsfacts.views.annotate import annotated_article  # noqa: E402

#: Cells left out of a handout, by tag (see the module's docstring).
REMOVE_CELL_TAGS = ("nbval-ignore-output", "solution", "no-handout")
ARTICLE_PAGE = "annotated-article.html"
LEFT_OUT = (
    "A printable copy of a lesson. The code and the interactive parts (explorers, quizzes, "
    "exercise checks) are left out: open the notebook in JupyterLab to use them. The quiz "
    "and the sorting are at the end, on paper."
)

# `lab/index.html.j2` with no scripts, a note under the top and a print stylesheet.
TEMPLATE = r"""
{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}
<style type="text/css">
body.jp-Notebook { max-width: 60em; margin: 0 auto; padding: 1em 1.5em; }
/* Tables of facts: whole (no scrolling box), text to the left, long notes wrapped. */
.jp-OutputArea-output { overflow: visible !important; }
.newsfacts-table { overflow: visible !important; }
.jp-RenderedHTMLCommon table { width: 100%; table-layout: auto; font-size: 0.85em; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: left !important;
  vertical-align: top; white-space: normal; max-width: none; }
.jp-Cell.jp-mod-noInput.jp-mod-noOutputs { display: none; }
/* Links are underlined, not told apart by colour alone (WCAG 1.4.1). */
a, .jp-RenderedHTMLCommon a { text-decoration: underline !important; }
.newsfacts-feedback { display: none; }
.handout-note { font-style: italic; color: #333333; border-bottom: 1px solid #999999;
  padding-bottom: 0.4em; margin: 0 0 1em 0; }
.handout-assessment { border-top: 2px solid #333333; margin-top: 2em; }
.handout-assessment ol.options { list-style-type: upper-alpha; }
.handout-assessment li { margin-bottom: 0.4em; }
.handout-assessment .choices { margin: 0.2em 0 0.6em 1em; }
.handout-footer { font-size: 85%; color: #333333; border-top: 1px solid #999999;
  margin-top: 2em; padding-top: 0.4em; }
@media print {
  body.jp-Notebook { max-width: none; padding: 0; }
  a { color: inherit !important; }
  .jp-Cell { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  img { max-width: 100% !important; break-inside: avoid; }
}
</style>
{%- endblock html_head_css -%}
{%- block body_header -%}
{{ super() }}
<p class="handout-note">{{ resources.handout.note | e }}</p>
{%- endblock body_header -%}
{% block body_footer %}
{{ resources.handout.assessment }}
<p class="handout-footer">{{ resources.handout.credit | e }}</p>
{{ super() }}
{% endblock body_footer %}
"""


def exporter() -> HTMLExporter:
    """nbconvert's HTMLExporter, set up for handouts."""
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = set(REMOVE_CELL_TAGS)
    config.HTMLExporter.exclude_input = True
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    return HTMLExporter(
        config=config,
        template_name="lab",
        template_file="handout.html.j2",
        extra_loaders=[DictLoader({"handout.html.j2": TEMPLATE})],
    )


def lessons(paths: list[str | Path]) -> list[Path]:
    """The notebooks named, or those in the folders named (default: notebooks/)."""
    found: list[Path] = []
    for path in [Path(p) for p in paths] or [REPO / "notebooks"]:
        found.extend(sorted(path.glob("*.ipynb")) if path.is_dir() else [path])
    return [p for p in found if p.suffix == ".ipynb" and ".ipynb_checkpoints" not in p.parts]


def heading(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The lesson's H1 (the first ``# `` line of a markdown cell), as plain text."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def lesson_number(path: Path) -> str:
    """The lesson a notebook is ("04" for 04-venezuela.ipynb), or "" when its name has none."""
    found = re.match(r"(\d\d)-", path.name)
    return found.group(1) if found else ""


#: The lessons whose sorting tells the kinds of not yet apart (``sorting(book, "06", finer=True)``).
FINER = frozenset({"06"})


def assessment_html(book, lesson: str) -> str:
    """A lesson's quiz and sorting on paper: questions, options and sentences, no answers."""
    if not lesson:
        return ""

    def esc(text: str) -> str:  # text between tags: &, < and > only
        return html.escape(text, quote=False)

    parts = []
    try:
        asked = questions(book, lesson)
    except UnknownNameError:  # a notebook whose number is not a lesson of the pack
        return ""
    if asked:
        items = []
        for q in asked:
            options = "".join(f"<li>{esc(option)}</li>" for option in q.options)
            items.append(f'<li><p>{esc(q.prompt)}</p><ol class="options">{options}</ol></li>')
        parts.append(
            "<h2>Quiz on paper</h2><p>Circle one letter for each question. Give your first "
            f"answer: it is the one that counts.</p><ol>{''.join(items)}</ol>"
        )
    sentences = sorting_items(book, lesson)
    if sentences:
        who = " ".join(f"☐ {esc(text)}" for text in WHO.values())
        # the widget's choices: happened / going on / not yet, the kinds of not yet told
        # apart only where the lesson's sorting cell asks for it (lesson 6, finer=True)
        choices = happened_choices([item.modality for item in sentences], lesson in FINER)
        happened = " ".join(f"☐ {esc(text)}" for text in choices.values())
        items = []
        for item in sentences:
            before, quote, after = item.sentence.partition(item.citation.quote)
            if not quote:
                before, quote, after = item.sentence, "", ""
            where = esc(paragraph_words(item.citation.paragraph))
            items.append(
                f"<li><p>({where}) {esc(before)}<strong>{esc(quote)}</strong>{esc(after)}</p>"
                f'<p class="choices">Who says it? {who}</p>'
                f'<p class="choices">Has it happened? {happened}</p></li>'
            )
        parts.append(
            "<h2>Sorting on paper</h2><p>For each sentence, answer two questions about the "
            f"words in bold: tick one box on each line.</p><ol>{''.join(items)}</ol>"
        )
    if not parts:
        return ""
    return f'<section class="handout-assessment">{"".join(parts)}</section>'


def handout(
    path: Path, out: Path, credit: str, pages: dict[str, str], assessment: str = ""
) -> tuple[Path, str]:
    """Write one lesson's page, with its assessment on paper below; return its path and title."""
    nb = nbformat.read(path, as_version=4)
    title = heading(nb, path.stem)
    nb.metadata["title"] = title  # the page's <title>; the file is not written back
    body, _ = exporter().from_notebook_node(
        nb,
        resources={
            "metadata": {"name": path.stem},
            "handout": {"note": LEFT_OUT, "credit": credit, "assessment": assessment},
        },
    )
    for notebook, page in pages.items():  # links between lessons: to their pages
        body = re.sub(
            rf'href="(\./)?{re.escape(notebook)}(#[^"]*)?"',
            lambda m, page=page: f'href="{page}{m.group(2) or ""}"',
            body,
        )
    target = out / f"{path.stem}.html"
    target.write_text(body, encoding="utf-8")
    return target, title


def index_page(entries: list[tuple[str, str]], title: str) -> str:
    """The index: a list of links (href, text)."""
    items = "\n".join(
        f'<li><a href="{html.escape(href, quote=True)}">{html.escape(text)}</a></li>'
        for href, text in entries
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Handouts: {html.escape(title)}</title>\n"
        "<style>body{font-family:sans-serif;max-width:44em;margin:2em auto;padding:0 1em;"
        "line-height:1.6}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>Handouts: {html.escape(title)}</h1>\n"
        "<p>Printable pages: the lessons without their code and interactive parts, and the "
        "article with every fact's words highlighted. Open one and print it (Ctrl+P).</p>\n"
        f"<ul>\n{items}\n</ul>\n</main>\n</body>\n</html>\n"
    )


def build(out: Path, paths: list[str | Path] | None = None) -> list[Path]:
    """Write every handout into `out`; return the pages written (the index last)."""
    out.mkdir(parents=True, exist_ok=True)
    book = load()
    view = annotated_article(book)
    found = lessons(list(paths or []))
    pages = {p.name: f"{p.stem}.html" for p in found}
    written, entries = [], []
    for path in found:
        assessment = assessment_html(book, lesson_number(path))
        page, title = handout(path, out, view.credit(), pages, assessment)
        written.append(page)
        entries.append((page.name, title))
    written.append(view.save(out / ARTICLE_PAGE))
    entries.append((ARTICLE_PAGE, "The annotated article"))
    index = out / "index.html"
    index.write_text(index_page(entries, book.title), encoding="utf-8")
    written.append(index)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="notebooks or folders (default: notebooks/)")
    parser.add_argument("--out", default=str(REPO / "handouts"), help="default: handouts/")
    args = parser.parse_args(argv)
    out = Path(args.out)
    for page in build(out, args.paths):
        print(f"wrote {page}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
