"""The course map and the offline web assets shared by the classroom builds.

The course map lives in ``notebooks/course.json``: one entry per notebook with its
number, title, what it teaches, the lecture notes (seeds) it comes from and its
length in minutes. Files are found by number (``notebooks/NN_*.ipynb``), so a
notebook can be renamed without touching the map; :func:`course_map` fails if the
map and the folder disagree.

The slides and the site must work offline, so the JavaScript they load (reveal.js,
MathJax 2, RequireJS, jQuery) comes from npm packages pinned in ``package.json``
(``npm ci`` puts them in ``node_modules/``) and is copied next to the HTML by
:func:`vendor_assets`. MathJax 2 is the version nbconvert's templates are written
for (``MathJax.Hub``); only the part its ``TeX-AMS_CHTML-full`` configuration loads
is copied (about 1.6 MB instead of 73 MB).

Run ``python -m tools.classroom.course`` to print the README's course-map table.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from nbconvert.preprocessors import Preprocessor
from traitlets import Unicode

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
COURSE_JSON = NOTEBOOKS / "course.json"
NODE_MODULES = ROOT / "node_modules"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"

# MathJax 2 configuration used by every page: TeX input, CommonHTML output, and
# the Safe extension (no javascript: links or styles smuggled in through TeX).
MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"

# (source inside node_modules, destination inside the assets folder); a trailing
# slash copies a whole folder.
_ASSET_FILES = [
    ("reveal.js/dist/", "reveal.js/dist/"),
    ("reveal.js/plugin/notes/", "reveal.js/plugin/notes/"),
    ("reveal.js/LICENSE", "reveal.js/LICENSE"),
    ("requirejs/require.js", "require.js"),
    ("jquery/dist/jquery.min.js", "jquery.min.js"),
    ("mathjax/MathJax.js", "mathjax/MathJax.js"),
    ("mathjax/LICENSE", "mathjax/LICENSE"),
    ("mathjax/config/TeX-AMS_CHTML-full.js", "mathjax/config/TeX-AMS_CHTML-full.js"),
    ("mathjax/config/Safe.js", "mathjax/config/Safe.js"),
    ("mathjax/extensions/*.js", "mathjax/extensions/"),
    ("mathjax/extensions/TeX/", "mathjax/extensions/TeX/"),
    ("mathjax/jax/input/TeX/", "mathjax/jax/input/TeX/"),
    ("mathjax/jax/output/CommonHTML/", "mathjax/jax/output/CommonHTML/"),
    ("mathjax/jax/element/", "mathjax/jax/element/"),
    ("mathjax/fonts/HTML-CSS/TeX/woff/", "mathjax/fonts/HTML-CSS/TeX/woff/"),
    ("mathjax/localization/en/", "mathjax/localization/en/"),
]


@dataclass(frozen=True)
class Notebook:
    """One row of the course map, with the notebook file it describes."""

    number: str
    title: str
    learn: str
    seeds: tuple[str, ...]
    minutes: int
    path: Path

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def heading(self) -> str:
        """The first line every notebook starts with: ``# NN · Title``."""
        return f"# {self.number} · {self.title}"


class CourseMapError(ValueError):
    """notebooks/course.json and the notebooks folder disagree."""


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The course's notebooks, ``NN_*.ipynb``, in order."""
    return sorted(folder.glob(NOTEBOOK_GLOB))


def load_course(path: Path = COURSE_JSON) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def course_map(folder: Path = NOTEBOOKS, course_json: Path | None = None, *, require_all: bool = False) -> list[Notebook]:
    """The notebooks that exist in ``folder``, each with its course-map entry.

    Raises :class:`CourseMapError` when a notebook has no entry (or two files share
    a number). With ``require_all=True`` every entry must also have its notebook;
    otherwise entries whose notebook is not written yet are left out, so the builds
    work while the course grows.
    """
    course = load_course(course_json or folder / "course.json")
    entries = {e["number"]: e for e in course["notebooks"]}
    if len(entries) != len(course["notebooks"]):
        raise CourseMapError("course.json lists a notebook number twice")
    by_number: dict[str, Path] = {}
    for path in notebook_paths(folder):
        number = path.name[:2]
        if number in by_number:
            raise CourseMapError(f"two notebooks share the number {number}: {by_number[number].name} and {path.name}")
        by_number[number] = path
    unlisted = sorted(set(by_number) - set(entries))
    if unlisted:
        names = ", ".join(by_number[n].name for n in unlisted)
        raise CourseMapError(f"{names} not listed in {COURSE_JSON.name}: add an entry (number, title, learn, seeds, minutes)")
    missing = sorted(set(entries) - set(by_number))
    if require_all and missing:
        raise CourseMapError(
            f"{COURSE_JSON.name} lists notebook(s) {', '.join(missing)} but notebooks/ has no {missing[0]}_*.ipynb"
        )
    unknown_seeds = {s for e in entries.values() for s in e["seeds"]} - set(course["seeds"])
    if unknown_seeds:
        raise CourseMapError(f"unknown seed(s) {sorted(unknown_seeds)}; known: {sorted(course['seeds'])}")
    return [
        Notebook(n, e["title"], e["learn"], tuple(e["seeds"]), int(e["minutes"]), by_number[n])
        for n, e in sorted(entries.items())
        if n in by_number
    ]


def first_heading(nb) -> str:
    """The first line of the notebook's first markdown cell."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            return cell.source.strip().splitlines()[0].strip() if cell.source.strip() else ""
    return ""


def markdown_table(notebooks: list[Notebook], seeds: dict[str, str], link_prefix: str = "notebooks/") -> str:
    """The README's course map: notebook, what you learn, seeds, minutes."""
    rows = ["| # | notebook | what you learn | seeds | minutes |", "|---|---|---|---|---|"]
    for nb in notebooks:
        rows.append(
            f"| {nb.number} | [{nb.title}]({link_prefix}{nb.path.name}) | {nb.learn} | {', '.join(nb.seeds)} | {nb.minutes} |"
        )
    legend = "; ".join(f"{k}: {v}" for k, v in sorted(seeds.items()))
    return "\n".join(rows) + f"\n\nSeeds are the lecture notes each notebook is built from: {legend}."


def rewrite_notebook_links(text: str, suffix: str) -> str:
    """Point links to course notebooks (``03_x.ipynb``, ``./03_x.ipynb#part``) at
    the built pages (``03_x`` + suffix), leaving every other link alone."""
    return re.sub(r"(?<![\w/.-])(\./)?(\d\d_[\w.-]+?)\.ipynb\b", lambda m: m.group(2) + suffix, text)


class NotebookLinks(Preprocessor):
    """nbconvert preprocessor: markdown links to course notebooks point at the
    built pages (``.html`` for the site, ``.slides.html`` for the decks)."""

    suffix = Unicode(".html").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown":
            cell.source = rewrite_notebook_links(cell.source, self.suffix)
        return cell, resources


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = (
    '<div class="mlh-widget-fallback"><p><strong>Interactive explorer.</strong> Its sliders need a running kernel: '
    "open this notebook in JupyterLab (or on Binder) to move them. The static figure next to it shows the same "
    "picture for a few settings.</p></div>"
)


class WidgetFallback(Preprocessor):
    """nbconvert preprocessor: a widget view needs a kernel (and, offline, its
    renderer is not there), so pages without one show a short note in its place
    instead of the widget's text repr. The explorer's static companion figure,
    an ordinary image output next to it, is what the reader sees."""

    def preprocess_cell(self, cell, resources, index):
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                output["data"] = {"text/html": WIDGET_NOTE}
        return cell, resources


TEMPLATES = Path(__file__).resolve().parent / "templates"


def exporter_config(assets: str, **extra) -> dict:
    """nbconvert settings shared by the slides and the site: every script from
    ``assets`` (a relative URL), our templates, images embedded."""
    return {
        "extra_template_basedirs": [str(TEMPLATES)],
        "embed_images": True,
        "mathjax_url": f"{assets}/mathjax/MathJax.js?config={MATHJAX_CONFIG}",
        "require_js_url": f"{assets}/require.js",
        "jquery_url": f"{assets}/jquery.min.js",
        **extra,
    }


# ------------------------------------------------------------------- assets
def _package_version(name: str) -> str:
    with open(NODE_MODULES / name / "package.json", encoding="utf-8") as f:
        return json.load(f)["version"]


def check_assets() -> dict[str, str]:
    """Versions of the npm packages the offline pages need; a clear error if they
    are missing or differ from ``package.json`` (run ``npm ci``)."""
    with open(ROOT / "package.json", encoding="utf-8") as f:
        wanted = json.load(f)["dependencies"]
    found = {}
    for name, version in wanted.items():
        if not (NODE_MODULES / name / "package.json").exists():
            raise FileNotFoundError(f"node_modules/{name} is missing: run `npm ci` in {ROOT} (the slides and the site need it)")
        found[name] = _package_version(name)
        if found[name] != version:
            raise RuntimeError(f"node_modules/{name} is {found[name]}, package.json wants {version}: run `npm ci`")
    return found


def vendor_assets(dest: Path) -> Path:
    """Copy the offline JavaScript (reveal.js, MathJax, RequireJS, jQuery) into
    ``dest`` (created) and return it."""
    check_assets()
    for src, dst in _ASSET_FILES:
        source, target = NODE_MODULES / src, dest / dst
        if src.endswith("/"):
            shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.map"))
        elif "*" in src:
            target.mkdir(parents=True, exist_ok=True)
            for file in sorted(source.parent.glob(source.name)):
                shutil.copy2(file, target / file.name)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


if __name__ == "__main__":
    course = load_course()
    print(markdown_table(course_map(), course["seeds"]))
