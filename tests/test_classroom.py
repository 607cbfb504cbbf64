"""The classroom tooling: course map, slides, static site,
Binder files and issue templates (tools/classroom/, notebooks/course.json).

The builds write into temporary folders; the browser half (decks and site
opened in Chromium, notebooks run in JupyterLab) is in tests/browser/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
import yaml
from browser.lab_driver import _tags, require_assets  # (shared with the browser suite)
from bs4 import BeautifulSoup

from tools.classroom import build_site, build_slides
from tools.classroom.course import (
    WIDGET_VIEW,
    CourseMapError,
    course_map,
    first_heading,
    load_course,
    markdown_table,
    notebook_paths,
    rewrite_notebook_links,
)

ROOT = Path(__file__).resolve().parents[1]

NOTEBOOKS = notebook_paths()
IDS = [p.stem for p in NOTEBOOKS]


# ------------------------------------------------------------------ course map
def test_course_map_and_notebooks_agree():
    """Every notebook is listed in course.json and every listed notebook exists."""
    notebooks = course_map(require_all=True)
    assert [nb.path for nb in notebooks] == NOTEBOOKS
    course = load_course()
    numbers = [e["number"] for e in course["notebooks"]]
    assert numbers == sorted(numbers) == [f"{k:02d}" for k in range(len(numbers))], "numbers run 00, 01, ... in order"
    for entry in course["notebooks"]:
        assert set(entry) == {"number", "title", "learn", "seeds", "minutes"}, entry["number"]
        assert 10 <= entry["minutes"] <= 25, f"{entry['number']}: a notebook is 10 to 25 minutes of class"
        assert entry["learn"].strip() and entry["seeds"], entry["number"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_opens_with_its_course_map_title(path):
    entry = next(nb for nb in course_map() if nb.path == path)
    assert first_heading(nbformat.read(path, as_version=4)) == entry.heading


def test_course_map_rejects_disagreement(tmp_path):
    entry = {"number": "00", "title": "A", "learn": "x", "seeds": ["001"], "minutes": 10}
    (tmp_path / "course.json").write_text(json.dumps({"title": "t", "seeds": {"001": "s"}, "notebooks": [entry]}))
    with pytest.raises(CourseMapError, match="lists notebook"):
        course_map(tmp_path, require_all=True)
    assert course_map(tmp_path) == []  # while the course grows, a missing notebook is left out
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "00_a.ipynb")
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "01_b.ipynb")
    with pytest.raises(CourseMapError, match=r"01_b\.ipynb not listed"):
        course_map(tmp_path)


def test_readme_table_is_generated_from_the_course_map():
    table = markdown_table(course_map(), load_course()["seeds"])
    lines = table.splitlines()
    assert lines[0] == "| # | notebook | what you learn | seeds | minutes |"
    assert len([line for line in lines if line.startswith("| 0") or line.startswith("| 1")]) == len(NOTEBOOKS)
    for path in NOTEBOOKS:
        assert f"(notebooks/{path.name})" in table


def test_readme_shows_the_course_map_and_the_instructor_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = markdown_table(course_map(), load_course()["seeds"]).split("\n\n")[0]
    assert table in readme, "README's course map is stale: paste `python -m tools.classroom.course`"
    missing = [p.name for p in NOTEBOOKS if f"notebooks/{p.name}" not in readme]
    assert not missing, f"README's course map lacks {missing}: paste `python -m tools.classroom.course`"
    for command in ("make slides", "make student", "make site"):
        assert command in readme, f"README's 'for instructors' section should show `{command}`"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see [notebook 03](03_cross_entropy.ipynb).", "see [notebook 03](03_cross_entropy.html)."),
        ("[part](./05_gd.ipynb#Step-size)", "[part](05_gd.html#Step-size)"),
        (
            "[ext](https://example.org/03_x.ipynb) and data/03_x.ipynb",
            "[ext](https://example.org/03_x.ipynb) and data/03_x.ipynb",
        ),
        ("`my.ipynb` stays", "`my.ipynb` stays"),
    ],
)
def test_links_between_notebooks_point_at_the_built_pages(text, expected):
    assert rewrite_notebook_links(text, ".html") == expected


# ------------------------------------------------------------ student edition
# The student edition is nbgrader's release (make assignments / make student); the
# grading-cycle test (tests/test_grading.py) builds it, runs it and grades it.


# ----------------------------------------------------------------------- site
@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    require_assets()
    out = tmp_path_factory.mktemp("site")
    build_site.build(out)
    return out


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _internal_links(page: Path, soup: BeautifulSoup) -> list[str]:
    """Links from ``page`` that do not resolve inside the built folder."""
    broken = []
    refs = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")]
    for tag, attr in refs:
        for el in soup.find_all(tag):
            url = el.get(attr)
            if not url or url.startswith(("data:", "mailto:")):
                continue
            parts = urlsplit(url)
            if parts.scheme in ("http", "https"):
                if tag != "a":  # a script, style or image from the network: not offline
                    broken.append(f"<{tag} {attr}={url}> needs the network")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file():
                broken.append(f"{url}: no file {target.name}")
            elif parts.fragment and target.suffix == ".html":
                ids = (
                    {e.get("id") for e in _soup(target).find_all(id=True)}
                    if target != page
                    else {e.get("id") for e in soup.find_all(id=True)}
                )
                if parts.fragment not in ids and unquote(parts.fragment) not in ids:  # nbconvert writes ids percent-encoded
                    broken.append(f"{url}: no anchor #{parts.fragment} in {target.name}")
    return broken


def test_site_has_the_course_map_and_every_page(site):
    index = _soup(site / "index.html")
    linked = [a["href"] for a in index.select("table a")]
    assert linked == [f"{p.stem}.html" for p in NOTEBOOKS]
    rows = index.select("table tbody tr")
    for row, entry in zip(rows, course_map()):
        cells = [td.get_text() for td in row.find_all("td")]
        assert cells == [entry.number, entry.title, entry.learn, ", ".join(entry.seeds), str(entry.minutes)]
    assert not _internal_links(site / "index.html", index)
    assert (site / "_static" / "mathjax" / "MathJax.js").is_file()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_site_page_is_complete_and_offline(path, site):
    page = site / f"{path.stem}.html"
    soup = _soup(page)
    stored = nbformat.read(path, as_version=4)
    images = soup.find_all("img")
    stored_images = sum("image/png" in o.get("data", {}) for c in stored.cells if c.cell_type == "code" for o in c.outputs)
    assert len(images) >= stored_images, f"{len(images)} images on the page, {stored_images} PNG outputs in the notebook"
    not_embedded = [img.get("src", "")[:60] for img in images if not img.get("src", "").startswith("data:image/")]
    assert not not_embedded, f"images not embedded: {not_embedded}"
    broken = _internal_links(page, soup)
    assert not broken, "\n".join(broken)
    mathjax = [s["src"] for s in soup.find_all("script", src=True) if "MathJax.js" in s["src"]]
    assert mathjax and mathjax[0].startswith("_static/"), mathjax
    # widgets: a note in place of each view, never the widget's text repr
    views = sum(WIDGET_VIEW in o.get("data", {}) for c in stored.cells if c.cell_type == "code" for o in c.outputs)
    notes = soup.select(".mlh-widget-fallback")
    assert len(notes) == views
    assert WIDGET_VIEW not in str(soup) and "Explorer(children=" not in soup.get_text()
    for note in notes:  # its static companion: a figure within three cells of it, in the same part of the page
        cell = note.find_parent(class_="jp-Cell")
        around = cell.find_previous_siblings(class_="jp-Cell", limit=3) + cell.find_next_siblings(class_="jp-Cell", limit=3)
        assert any(c.find("img") for c in around), f"a widget in {path.name} has no static figure beside it"
    # solutions present but folded
    solutions = sum("solution" in _tags(c) for c in stored.cells)
    assert len(soup.select("details.mlh-solution")) == solutions
    assert "HIDDEN TESTS" not in page.read_text() and "with hidden_tests(" not in page.read_text(), "hidden tests leaked"


# --------------------------------------------------------------------- slides
@pytest.fixture(scope="module")
def slides(tmp_path_factory) -> Path:
    require_assets()
    out = tmp_path_factory.mktemp("slides")
    build_slides.build(out)
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_deck_is_offline_and_without_solutions(path, slides):
    deck = slides / f"{path.stem}.slides.html"
    soup = _soup(deck)
    sections = soup.select(".reveal .slides > section")
    assert len(sections) > 1
    assert sections[0].find("h1").contents[0].strip() == first_heading(nbformat.read(path, as_version=4)).removeprefix("# ")
    assert not soup.select(".celltag_solution"), "solution cells belong in the site, not in the slides"
    assert "with hidden_tests(" not in deck.read_text(), "hidden tests stay with the grader"
    assert not _internal_links(deck, soup)
    assert "mermaid" not in " ".join(s.get_text() for s in soup.find_all("script", type="module"))
    for asset in (
        "reveal.js/dist/reveal.js",
        "reveal.js/plugin/notes/notes.js",
        "require.js",
        "jquery.min.js",
        "mathjax/MathJax.js",
    ):
        assert (slides / "_static" / asset).is_file(), asset
    index = _soup(slides / "index.html")
    assert deck.name in [a["href"] for a in index.find_all("a")]


# ---------------------------------------------------------------- Binder, issues
def test_binder_environment_installs_the_course():
    """repo2docker reads environment.yml at the top level (or binder/)."""
    path = next((p for p in (ROOT / "binder" / "environment.yml", ROOT / "environment.yml") if p.exists()), None)
    assert path is not None, "environment.yml (top level or binder/) is what Binder/repo2docker reads"
    env = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "conda-forge" in env["channels"]
    deps = env["dependencies"]
    names = {re.split(r"[=<>!~ ]", d, maxsplit=1)[0].lower() for d in deps if isinstance(d, str)}
    for needed in ("python", "numpy", "matplotlib", "ipywidgets", "jupyterlab", "scikit-learn", "pip"):
        assert needed in names, f"{path.name} lacks {needed}"
    pip = [entry for d in deps if isinstance(d, dict) for entry in d.get("pip", [])]
    post_build = path.parent / "postBuild"
    installs_checkout = any(e.strip() in (".", "-e .", "--editable .", "-e.") for e in pip) or (
        post_build.exists() and re.search(r"pip install[^\n]*(\s-e)?\s\.(\s|$)", post_build.read_text())
    )
    assert installs_checkout, "environment.yml must install mlhelpers from the checkout (pip: ['-e .']) or a postBuild must"


ISSUE_TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"


@pytest.mark.parametrize("name", ["bug_report.yml", "exercise_or_content.yml"])
def test_issue_forms_ask_for_notebook_cell_environment_and_self_check(name):
    form = yaml.safe_load((ISSUE_TEMPLATES / name).read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(form)
    ids = {item.get("id") for item in form["body"]}
    assert {"notebook", "cell", "environment", "self_check"} <= ids
    notebook = next(item for item in form["body"] if item.get("id") == "notebook")
    assert notebook["type"] == "dropdown"
    listed = [f"{e['number']} · {e['title']}" for e in load_course()["notebooks"]]
    assert notebook["attributes"]["options"][:-1] == listed, "the form's notebooks follow notebooks/course.json"
    for item in form["body"]:
        if item["type"] != "markdown":
            assert item["attributes"]["label"].strip() and "id" in item


def test_issue_template_config_requires_a_form():
    config = yaml.safe_load((ISSUE_TEMPLATES / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
