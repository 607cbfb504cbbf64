"""The slide decks and the static site, opened from disk in Chromium, offline.

Builds the first notebook's deck (``tools/classroom/build_slides.py``) and the site
(``tools/classroom/build_site.py``) into a temporary folder, opens them through
``file://`` and checks that they work with no request leaving the folder: reveal.js
starts, the deck has more than one slide and its first slide carries the
notebook's title; MathJax typesets the formulas; nothing fails to load.
"""

from __future__ import annotations

import nbformat
import pytest

from tools.classroom import build_site, build_slides
from tools.classroom.course import course_map

from .lab_driver import VIEWPORT, require_assets

pytestmark = pytest.mark.browser

LOCAL = ("file:", "data:", "blob:", "about:")


class PageWatch:
    """Everything a page asked for, failed to load, or threw."""

    def __init__(self, page):
        self.requests, self.failed, self.errors = [], [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url}: {r.failure}"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def problems(self) -> list[str]:
        remote = sorted({u for u in self.requests if not u.startswith(LOCAL)})
        return (
            [f"network request: {u}" for u in remote]
            + [f"failed: {f}" for f in self.failed]
            + [f"error: {e}" for e in self.errors]
        )


def _has_math(path) -> bool:
    nb = nbformat.read(path, as_version=4)
    return any("$" in c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.fixture(scope="module")
def first_notebook():
    notebooks = course_map()
    if not notebooks:
        pytest.skip("no notebooks/NN_*.ipynb yet")
    return notebooks[0]


def test_first_deck_works_offline(browser, first_notebook, tmp_path):
    require_assets()
    decks = build_slides.build(tmp_path / "slides", [first_notebook.path])  # all decks: tests/test_classroom.py
    assert [d.name for d in decks] == [f"{first_notebook.stem}.slides.html"]
    page = browser.new_page(viewport=VIEWPORT)
    watch = PageWatch(page)
    page.goto((tmp_path / "slides" / f"{first_notebook.stem}.slides.html").as_uri())
    page.wait_for_selector(".reveal.ready", timeout=30_000)  # reveal.js adds "ready" once initialized
    total = page.evaluate("require('_static/reveal.js/dist/reveal.js').getTotalSlides()")
    title = page.evaluate("document.querySelector('.reveal .slides section h1').firstChild.textContent")
    assert total > 1, f"the deck of {first_notebook.path.name} has {total} slide(s)"
    assert title.strip() == f"{first_notebook.number} · {first_notebook.title}"
    if _has_math(first_notebook.path):
        page.wait_for_function("document.querySelectorAll('.mjx-chtml').length > 0", timeout=20_000)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("require('_static/reveal.js/dist/reveal.js').getIndices().h === 1", timeout=5_000)
    page.wait_for_timeout(500)
    assert not watch.problems(), "\n".join(watch.problems())
    page.close()


def test_site_reads_offline(browser, first_notebook, tmp_path):
    require_assets()
    build_site.build(tmp_path / "site")
    page = browser.new_page(viewport=VIEWPORT)
    watch = PageWatch(page)
    page.goto((tmp_path / "site" / "index.html").as_uri())
    page.click(f"a[href='{first_notebook.stem}.html']")
    page.wait_for_load_state("load")
    assert page.title() == f"{first_notebook.number} · {first_notebook.title}"
    if _has_math(first_notebook.path):
        page.wait_for_function("document.querySelectorAll('.mjx-chtml').length > 0", timeout=20_000)
    images = page.evaluate("[...document.images].map(i => [i.complete && i.naturalWidth > 0, i.src.slice(0, 30)])")
    assert images and all(ok for ok, _ in images), images
    page.wait_for_timeout(500)
    assert not watch.problems(), "\n".join(watch.problems())
    page.close()
