"""Build a reveal.js slide deck for every notebook, working offline.

Usage: python -m tools.classroom.build_slides [--out slides] [notebooks/NN_*.ipynb ...]

Each deck is nbconvert's SlidesExporter (what ``jupyter nbconvert --to slides``
runs) over the notebook's stored outputs, cut into slides by each cell's
``slideshow.slide_type``. Solution cells are left out. reveal.js, MathJax and
RequireJS are copied from ``node_modules`` (``npm ci``) into ``<out>/_static``, so
the decks open from disk or any web server with no network. Open
``<out>/index.html``; in a deck, ``s`` opens the speaker view when the folder is
served over HTTP (``python -m http.server -d slides``).
"""

from __future__ import annotations

import argparse
import html
import time
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from nbgrader.preprocessors import ClearHiddenTests
from traitlets.config import Config

from .course import NOTEBOOKS, ROOT, NotebookLinks, WidgetFallback, course_map, exporter_config, vendor_assets

ASSETS = "_static"
SUFFIX = ".slides.html"


def slides_exporter() -> SlidesExporter:
    config = Config()
    config.SlidesExporter = Config(
        exporter_config(
            ASSETS,
            template_name="course_reveal",
            reveal_url_prefix=f"{ASSETS}/reveal.js",
            reveal_theme="white",  # its fonts ship with reveal.js; "simple" (the default) loads Google Fonts
            reveal_scroll=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
        )
    )
    config.TagRemovePreprocessor.remove_cell_tags = {"solution"}
    config.NotebookLinks.suffix = SUFFIX
    exporter = SlidesExporter(config=config)
    exporter.register_preprocessor(TagRemovePreprocessor(config=config), enabled=True)
    exporter.register_preprocessor(ClearHiddenTests(config=config), enabled=True)  # hidden tests stay with the grader
    exporter.register_preprocessor(NotebookLinks(config=config), enabled=True)
    exporter.register_preprocessor(WidgetFallback(config=config), enabled=True)
    return exporter


def build_deck(exporter: SlidesExporter, path: Path, out: Path) -> Path:
    nb = nbformat.read(path, as_version=4)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem, "path": str(path.parent)}})
    target = out / f"{path.stem}{SUFFIX}"
    target.write_text(body, encoding="utf-8")
    return target


def write_index(out: Path, decks: list[tuple[str, str, Path]]) -> Path:
    items = "\n".join(
        f'<li><a href="{html.escape(deck.name)}">{html.escape(number)} · {html.escape(title)}</a></li>'
        for number, title, deck in decks
    )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Slides</title>
<style>body {{ font-family: sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.6; }}</style></head>
<body><h1>Slides</h1>
<p>One reveal.js deck per notebook. Arrow keys move, <kbd>Esc</kbd> shows the overview,
<kbd>s</kbd> opens the speaker view (serve this folder over HTTP for it).</p>
<ul>
{items}
</ul></body></html>
"""
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def build(out: Path, paths: list[Path] | None = None, *, folder: Path = NOTEBOOKS) -> list[Path]:
    """Build the decks of ``paths`` (default: every notebook of ``folder``) into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    vendor_assets(out / ASSETS)
    notebooks = course_map(folder)
    if paths:
        wanted = {p.resolve() for p in paths}
        notebooks = [nb for nb in notebooks if nb.path.resolve() in wanted]
    exporter = slides_exporter()
    decks = [(nb.number, nb.title, build_deck(exporter, nb.path, out)) for nb in notebooks]
    write_index(out, decks)
    return [deck for _, _, deck in decks]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "slides", help="output folder (default: slides/)")
    parser.add_argument(
        "--source", type=Path, default=NOTEBOOKS, help="folder of NN_*.ipynb and course.json (default: notebooks/)"
    )
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to convert (default: all)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    decks = build(args.out, args.notebooks, folder=args.source)
    print(f"{len(decks)} deck(s) in {args.out}/ ({time.perf_counter() - start:.1f} s); open {args.out / 'index.html'}")


if __name__ == "__main__":
    main()
