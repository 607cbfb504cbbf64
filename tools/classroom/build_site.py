"""Build the course as a static HTML site that reads offline.

Usage: python -m tools.classroom.build_site [--out site] [--source notebooks]

``index.html`` is the course map (each notebook, what it teaches, the lecture
notes it comes from, its length), from ``notebooks/course.json``; then one page per
notebook, nbconvert's HTMLExporter (lab template) over the stored outputs, with
a navigation bar. Figures are embedded as data URIs, MathJax and RequireJS are
copied into ``_static/`` (``npm ci`` first), links between notebooks point at
their pages, and a widget, which needs a kernel, is replaced by a note: its
static companion figure beside it carries the picture. Solutions stay in, folded
(``<details>``) as JupyterLab shows them, so the site is a complete reference; hand out
the student edition for exercises.

Why nbconvert and not Jupyter Book: nbconvert is already a dependency, renders
the notebooks exactly as stored (what nbval checks), and needs no second
configuration of the table of contents; the course map is generated from the
same ``course.json`` that the README and the tests read.
"""

from __future__ import annotations

import argparse
import html
import time
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbgrader.preprocessors import ClearHiddenTests
from traitlets.config import Config

from .course import (
    NOTEBOOKS,
    ROOT,
    Notebook,
    NotebookLinks,
    WidgetFallback,
    course_map,
    exporter_config,
    load_course,
    vendor_assets,
)

ASSETS = "_static"


def site_exporter() -> HTMLExporter:
    config = Config()
    config.HTMLExporter = Config(exporter_config(ASSETS, template_name="course_lab"))
    config.NotebookLinks.suffix = ".html"
    exporter = HTMLExporter(config=config)
    exporter.register_preprocessor(ClearHiddenTests(config=config), enabled=True)  # hidden tests stay with the grader
    exporter.register_preprocessor(NotebookLinks(config=config), enabled=True)
    exporter.register_preprocessor(WidgetFallback(config=config), enabled=True)
    return exporter


def _label(entry: Notebook) -> str:
    return f"{entry.number} · {entry.title}"


def build_page(exporter: HTMLExporter, entry: Notebook, prev: Notebook | None, nxt: Notebook | None, out: Path) -> Path:
    nb = nbformat.read(entry.path, as_version=4)
    nb.metadata.pop("widgets", None)
    nb.metadata["title"] = _label(entry)
    nav = {
        "prev": {"href": f"{prev.stem}.html", "label": _label(prev)} if prev else None,
        "next": {"href": f"{nxt.stem}.html", "label": _label(nxt)} if nxt else None,
    }
    resources = {"metadata": {"name": entry.stem, "path": str(entry.path.parent)}, "course_nav": nav}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    target = out / f"{entry.stem}.html"
    target.write_text(body, encoding="utf-8")
    return target


def index_page(course: dict, notebooks: list[Notebook]) -> str:
    esc = html.escape
    rows = "\n".join(
        f'<tr><td>{esc(nb.number)}</td><td><a href="{esc(nb.stem)}.html">{esc(nb.title)}</a></td>'
        f"<td>{esc(nb.learn)}</td><td>{esc(', '.join(nb.seeds))}</td><td>{nb.minutes}</td></tr>"
        for nb in notebooks
    )
    seeds = "\n".join(f"<li><b>{esc(k)}</b>: {esc(v)}</li>" for k, v in sorted(course["seeds"].items()))
    total = sum(nb.minutes for nb in notebooks)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(course["title"])}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 0.4em 0.6em; text-align: left; vertical-align: top; }}
th {{ background: #f3f3f3; }}
td:first-child, td:last-child {{ white-space: nowrap; }}
</style>
</head>
<body>
<main>
<h1>{esc(course["title"])}</h1>
<p>An open course in {len(notebooks)} Jupyter notebooks (about {total} minutes of class). This site shows every notebook
with its stored outputs; to run the code and move the sliders, open the notebooks in JupyterLab.</p>
<h2 id="course-map">Course map</h2>
<table>
<thead><tr><th>#</th><th>notebook</th><th>what you learn</th><th>seeds</th><th>minutes</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<h2 id="seeds">Seeds</h2>
<p>The lecture notes each notebook is built from:</p>
<ul>
{seeds}
</ul>
</main>
</body>
</html>
"""


def build(out: Path, *, folder: Path = NOTEBOOKS) -> list[Path]:
    """Build the site of the notebooks of ``folder`` into ``out``; returns the pages."""
    out.mkdir(parents=True, exist_ok=True)
    vendor_assets(out / ASSETS)
    notebooks = course_map(folder)
    exporter = site_exporter()
    pages = [
        build_page(
            exporter, entry, notebooks[k - 1] if k > 0 else None, notebooks[k + 1] if k + 1 < len(notebooks) else None, out
        )
        for k, entry in enumerate(notebooks)
    ]
    index = out / "index.html"
    index.write_text(index_page(load_course(folder / "course.json"), notebooks), encoding="utf-8")
    return [index, *pages]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument(
        "--source", type=Path, default=NOTEBOOKS, help="folder of NN_*.ipynb and course.json (default: notebooks/)"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    pages = build(args.out, folder=args.source)
    print(f"{len(pages)} page(s) in {args.out}/ ({time.perf_counter() - start:.1f} s); open {args.out / 'index.html'}")


if __name__ == "__main__":
    main()
