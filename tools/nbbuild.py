"""Tiny authoring helpers for writing a notebook from a Python script.

    from nbbuild import md, code, write
    write("notebooks/01_x.ipynb", [md("# Title", "slide"), code("import numpy as np")])

Every cell gets ``slideshow.slide_type`` (markdown defaults to "slide" for a
heading, "-" otherwise; code defaults to "-"). ``tags`` adds cell tags;
``solution=True`` tags the cell "solution" and collapses its input. Execute the
result with ``tools/execute_notebooks.py`` afterwards.
"""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def md(text: str, slide: str | None = None):
    text = text.strip("\n")
    if slide is None:
        slide = "slide" if text.startswith("#") else "-"
    return new_markdown_cell(text, metadata={"slideshow": {"slide_type": slide}})


def code(src: str, slide: str = "-", *, tags=(), solution: bool = False):
    meta = {"slideshow": {"slide_type": slide}}
    tags = list(tags) + (["solution"] if solution else [])
    if tags:
        meta["tags"] = tags
    if solution:
        meta["jupyter"] = {"source_hidden": True}
    return new_code_cell(src.strip("\n"), metadata=meta)


def write(path: str, cells) -> None:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.validate(nb)
    nbformat.write(nb, path)
