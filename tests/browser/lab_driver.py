"""Drive a notebook in JupyterLab through Chromium, as a student would.

Open it, Run > Run All Cells, wait until the kernel is idle, save, then read the
saved file with nbformat: every code cell must have run, and no output may be an
error or stderr (a warning in a lesson is a bug too; cells tagged
``raises-exception`` may raise). In the page, every widget must have rendered,
and moving each slider of each explorer (``.mlh-explorer``) from the keyboard must
change both its readout and its figure (the PNG bytes behind the ``<img>``,
hashed in the page). Then, on each explorer's first slider, a few timed key
presses (the time from the key's event to the new image, measured in the page:
a MutationObserver on the ``<img>``'s ``src``, ``performance.now()`` clocks; the
times are reported, never asserted), and a mouse drag of its handle across the
track, during which the figure must change at least twice before the mouse is
released: the figure follows the hand.

Each check returns a list of problems (sentences) instead of asserting, so a test
reports all of them at once and the self-tests can check that a broken notebook
is caught.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]

from tools.classroom.course import check_assets  # noqa: E402

VIEWPORT = {"width": 1366, "height": 900}
CHROMIUM = Path("/usr/bin/chromium")
HOW_TO_ENABLE = "install it with `sudo apt-get install chromium` to run the browser tests"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# In-page SHA-256 of the bytes behind an <img> (blob: or data: URL).
_IMAGE_HASH_JS = """async (img) => {
    try {
        const bytes = await (await fetch(img.src)).arrayBuffer();
        const digest = await crypto.subtle.digest('SHA-256', bytes);
        return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
    } catch (e) { return null; }  // the URL was revoked by a redraw in flight
}"""

# A log of a figure's images, kept in the page: a MutationObserver on the <img>'s
# src (the widget's view sets a new blob: URL for each image the kernel sends)
# records when each image was set (performance.now()), hashes its bytes at once
# (before a later image revokes the URL) and notes when it was decoded. Key and
# pointer events are timestamped on the same clock (event.timeStamp), captured on
# the window before the slider sees them.
_WATCH_FIGURE_JS = """(img) => {
    if (!window.__mlhEvents) {
        window.__mlhEvents = {keydown: [], pointerdown: [], pointerup: []};
        for (const kind of Object.keys(window.__mlhEvents))
            window.addEventListener(kind, e => window.__mlhEvents[kind].push(e.timeStamp), true);
    }
    if (img.__mlhLog) return;
    const log = img.__mlhLog = [];
    const hash = async (src) => {
        try {
            const bytes = await (await fetch(src)).arrayBuffer();
            const digest = await crypto.subtle.digest('SHA-256', bytes);
            return Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('');
        } catch (e) { return null; }
    };
    new MutationObserver(() => {
        const entry = {t: performance.now(), hash: null, decoded: null};
        entry.pending = hash(img.src).then(h => { entry.hash = h; });
        img.decode().then(() => { entry.decoded = performance.now(); }, () => {});
        log.push(entry);
    }).observe(img, {attributes: true, attributeFilter: ['src']});
}"""

_FIGURE_LOG_JS = """async (img) => {
    const log = img.__mlhLog || [];
    await Promise.all(log.map(e => e.pending));
    return log.map(({t, hash, decoded}) => ({t, hash, decoded}));
}"""

_LAST_EVENT_JS = "(kind) => { const t = window.__mlhEvents[kind]; return t.length ? t[t.length - 1] : null; }"

# Done when no cell is queued or running ([*]), the kernel is idle, and either
# every code cell has a count or an error stopped the run.
_RUN_FINISHED_JS = """(selector) => {
    const panel = document.querySelector(selector);
    if (!panel) return false;
    const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
    if (!indicator || indicator.getAttribute('data-status') !== 'idle') return false;
    // a cell whose input is collapsed (solutions) shows no prompt: the saved file is checked for it
    const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent).filter(t => t.trim());
    if (prompts.some(p => p.includes('*'))) return false;
    const counted = prompts.filter(p => /\\[\\d+\\]/.test(p)).length;
    const stderr = panel.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]').length;
    return counted === prompts.length || stderr > 0;
}"""


@dataclass
class SliderMove:
    explorer: int
    label: str
    readout_before: str
    readout_after: str
    value_after: float
    hash_before: str | None
    hash_after: str | None


@dataclass
class Drag:
    explorer: int
    label: str
    value_before: float
    value_after: float
    frames_during: int  # new images shown after the mouse went down, before it came up
    frames_after: int  # new images shown after the mouse came up
    seconds: float  # mouse down to mouse up
    mouse_moves: int


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    moves: list[SliderMove] = field(default_factory=list)
    drags: list[Drag] = field(default_factory=list)
    key_to_image_ms: list[float] = field(default_factory=list)  # one per timed key press that changed the figure
    seconds: float = 0.0


def open_notebook(page, url: str, kernel_idle=None, timeout: float = 90) -> None:
    """Load JupyterLab on one notebook and wait for its kernel to be idle: in the
    page, and (``kernel_idle()``, e.g. asking the server's REST API) really
    started, not just "idle" before it began initializing."""
    page.goto(url)
    deadline = time.monotonic() + timeout
    while True:
        page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=timeout * 1000)
        if kernel_idle is None or kernel_idle():
            page.wait_for_timeout(300)
            if page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").count():
                break
        if time.monotonic() > deadline:
            raise TimeoutError(f"the kernel of {url.split('?')[0]} did not become idle within {timeout} s")
        page.wait_for_timeout(250)
    page.keyboard.press("Control+b")  # fold the file browser away: more notebook in the screenshot


def run_all_cells(page, timeout: float = 180) -> None:
    """Run > Run All Cells from the menu bar, then wait for the run to finish."""
    page.click(f"{PANEL} .jp-Cell >> nth=0")  # the notebook must be the current widget
    for _attempt in range(3):
        page.click(".lm-MenuBar-item:has-text('Run')")
        item = page.locator(".lm-Menu-item:not(.lm-mod-disabled)", has_text="Run All Cells").filter(has_not_text="Restart")
        item.wait_for(timeout=10_000)
        item.click()
        try:  # the run has started once some cell is queued or counted
            page.wait_for_function(
                "(p) => [...document.querySelectorAll(p + ' .jp-CodeCell .jp-InputPrompt')]"
                ".some(e => /\\[(\\*|\\d+)\\]/.test(e.textContent))",
                arg=PANEL,
                timeout=15_000,
            )
            break
        except Exception:  # the menu closed before the click landed: try again
            page.keyboard.press("Escape")
    page.wait_for_function(_RUN_FINISHED_JS, arg=PANEL, timeout=timeout * 1000, polling=250)
    page.wait_for_timeout(300)
    page.wait_for_function(
        _RUN_FINISHED_JS, arg=PANEL, timeout=timeout * 1000, polling=250
    )  # still finished, not between two cells


def save(page, timeout: float = 30) -> None:
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => !document.querySelector('.lm-TabBar-tab.jp-mod-current.jp-mod-dirty')", timeout=timeout * 1000, polling=200
    )


def require_chromium() -> Path:
    """Chromium's path, or skip (fail under CI=true) saying how to get it."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"Chromium not found at {CHROMIUM}: {HOW_TO_ENABLE}"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "Python playwright is not installed: run `make` set-up (pip install -e '.[test]')"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{problem} (CI=true: the browser tests must run in CI)", pytrace=False)
        pytest.skip(problem)
    return CHROMIUM


def require_assets() -> None:
    """The npm packages the offline slides and site copy (``npm ci``), or skip
    (fail under CI=true) saying how to get them."""
    try:
        check_assets()
    except (FileNotFoundError, RuntimeError) as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{exc} (CI=true)", pytrace=False)
        pytest.skip(str(exc))


def _tags(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def check_saved_run(path: Path) -> list[str]:
    """Problems in the notebook JupyterLab saved after running it."""
    nb = nbformat.read(path, as_version=4)
    problems = []
    first_error = None
    for k, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        where = f"code cell {k + 1} ({cell.source.strip().splitlines()[0][:60] if cell.source.strip() else 'empty'!r})"
        if not cell.source.strip():
            continue
        if cell.execution_count is None:
            if first_error is None:
                problems.append(f"{where} did not run")
            continue
        for out in cell.outputs:
            if out.output_type == "error" and "raises-exception" not in _tags(cell):
                problems.append(f"{where} raised {out.ename}: {out.evalue}")
                if first_error is None:
                    first_error = k
            elif out.output_type == "stream" and out.name == "stderr":
                problems.append(f"{where} wrote to stderr: {out.text.strip()[:300]}")
    return problems


def expected_widgets(path: Path) -> tuple[int, int]:
    """(widget views, explorers) in the stored notebook's outputs. An explorer's
    text fallback is its repr, ``Explorer(children=...)``."""
    nb = nbformat.read(path, as_version=4)
    views = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if WIDGET_VIEW in o.get("data", {})]
    explorers = [o for o in views if o["data"].get("text/plain", "").startswith("Explorer(")]
    return len(views), len(explorers)


def check_widgets(page, expected_views: int) -> list[str]:
    """Every widget output rendered: a visible widget, no error placeholder."""
    outputs = page.evaluate(
        """(panel) => [...document.querySelectorAll(panel + ' .jp-OutputArea-output')]
            .filter(o => o.classList.contains('jupyter-widgets') || o.querySelector('.jupyter-widgets')
                         || /widget/i.test(o.textContent.slice(0, 200)) && /Error displaying|Loading widget/i.test(o.textContent))
            .map(o => {
                const w = o.classList.contains('jupyter-widgets') ? o : o.querySelector('.jupyter-widgets');
                const box = w ? w.getBoundingClientRect() : {width: 0, height: 0};
                return {text: o.textContent.slice(0, 200), width: box.width, height: box.height};
            })""",
        PANEL,
    )
    problems = []
    if len(outputs) != expected_views:
        problems.append(f"{len(outputs)} widget output(s) in the page, the stored notebook has {expected_views}")
    for k, out in enumerate(outputs):
        if "Error displaying widget" in out["text"] or "Loading widget" in out["text"]:
            problems.append(f"widget {k + 1} did not render: {out['text'].strip()[:150]!r}")
        elif out["width"] < 10 or out["height"] < 10:
            problems.append(f"widget {k + 1} rendered empty ({out['width']:.0f} x {out['height']:.0f} px)")
    return problems


def _number(readout: str) -> float:
    """A slider readout as a number (d3-format writes negatives with U+2212)."""
    return float(readout.replace("\u2212", "-"))


def _image_hash(figure) -> str | None:
    return figure.evaluate(_IMAGE_HASH_JS)


def move_sliders(page, timeout: float = 20) -> tuple[list[SliderMove], list[str]]:
    """For every explorer, press an arrow key on each slider's handle and wait
    for the readout and the figure to change."""
    moves, problems = [], []
    explorers = page.locator(f"{PANEL} .mlh-explorer")
    for e in range(explorers.count()):
        explorer = explorers.nth(e)
        explorer.scroll_into_view_if_needed()
        figure = explorer.locator("img.mlh-explorer-figure").first
        if figure.count() == 0:
            problems.append(f"explorer {e + 1} has no figure (img.mlh-explorer-figure)")
            continue
        sliders = explorer.locator(".widget-slider")
        if sliders.count() == 0:
            problems.append(f"explorer {e + 1} has no slider")
        for s in range(sliders.count()):
            slider = sliders.nth(s)
            label = slider.locator(".widget-label").inner_text().strip()
            handle = slider.locator(".noUi-handle").first
            readout = slider.locator(".widget-readout")
            before_text, before_hash = readout.inner_text().strip(), _image_hash(figure)
            at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
            handle.focus()
            page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
            deadline = time.monotonic() + timeout
            after_text, after_hash = before_text, before_hash
            while time.monotonic() < deadline:
                after_text = readout.inner_text().strip()
                after_hash = _image_hash(figure)
                if after_text != before_text and after_hash not in (None, before_hash):
                    break
                page.wait_for_timeout(200)
            value = float(handle.get_attribute("aria-valuenow"))
            moves.append(SliderMove(e, label, before_text, after_text, value, before_hash, after_hash))
            where = f"explorer {e + 1}, slider {label!r}"
            if after_text == before_text:
                problems.append(f"{where}: the readout still shows {before_text} after the key press")
            else:
                try:
                    shown = _number(after_text)
                except ValueError:
                    problems.append(f"{where}: the readout shows {after_text!r}, not a number")
                else:
                    # noUiSlider rounds aria-valuenow to one decimal; the readout has the widget's format
                    if abs(shown - value) > 0.05 + 0.01 * abs(value):
                        problems.append(f"{where}: the readout shows {after_text}, the slider is at {value}")
                    try:
                        went_up = shown > _number(before_text)
                    except ValueError:
                        went_up = not at_max
                    if went_up == at_max:
                        problems.append(f"{where}: {'ArrowLeft' if at_max else 'ArrowRight'} moved the readout the wrong way")
            if after_hash is None or after_hash == before_hash:
                problems.append(f"{where}: the figure did not change within {timeout:.0f} s of moving the slider")
    return moves, problems


def watch_figures(page) -> None:
    """Start the in-page log of every explorer figure's images (``_WATCH_FIGURE_JS``)."""
    figures = page.locator(f"{PANEL} .mlh-explorer img.mlh-explorer-figure")
    for k in range(figures.count()):
        figures.nth(k).evaluate(_WATCH_FIGURE_JS)


def _figure_log(figure) -> list[dict]:
    return figure.evaluate(_FIGURE_LOG_JS)


def _changes(log: list[dict], previous: str | None) -> list[dict]:
    """The entries of ``log`` that showed an image other than the one before them
    (an image that could not be read, its URL revoked in flight, counts as one)."""
    changed = []
    for entry in log:
        if entry["hash"] is None or entry["hash"] != previous:
            changed.append(entry)
        previous = entry["hash"] if entry["hash"] is not None else previous
    return changed


def settle(page, figure, quiet: float = 0.6, timeout: float = 20) -> None:
    """Wait until the kernel is idle and no new image has come for ``quiet`` s.
    (The kernel reports idle while an explorer draws: the frame is drawn just after
    the value's message has been handled. So ``quiet`` should be longer than a frame.)"""
    deadline = time.monotonic() + timeout
    count, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        n = figure.evaluate("img => (img.__mlhLog || []).length")
        idle = page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']").count() > 0
        if n != count or not idle:
            count, since = n, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return
        page.wait_for_timeout(100)


def _kernel_status(page) -> str:
    """The notebook's kernel status as the page shows it (idle, busy, dead, ...): said
    with a figure that did not change, to tell a slow or dead kernel from a still figure."""
    indicator = page.locator(f"{PANEL} .jp-Notebook-ExecutionIndicator").first
    return (indicator.get_attribute("data-status") if indicator.count() else None) or "unknown"


def _first_slider(explorer):
    figure = explorer.locator("img.mlh-explorer-figure").first
    slider = explorer.locator(".widget-slider").first
    if figure.count() == 0 or slider.count() == 0:
        return None  # move_sliders has reported it
    explorer.scroll_into_view_if_needed()
    return figure, slider, slider.locator(".widget-label").inner_text().strip(), slider.locator(".noUi-handle").first


def _first_sliders(page):
    """``(index, (figure, slider, label, handle))`` of each explorer's first slider."""
    explorers = page.locator(f"{PANEL} .mlh-explorer")
    for e in range(explorers.count()):
        found = _first_slider(explorers.nth(e))
        if found is not None:
            yield e, found


def time_key_presses(page, presses: int = 5, timeout: float = 20) -> tuple[list[float], list[str]]:
    """On each explorer's first slider, ``presses`` key presses (ArrowRight and
    ArrowLeft in turn, so that it stays in range), each once the figure has settled:
    the time in ms from the key event to the changed image's ``src`` being set,
    measured in the page. Returns the times of the presses that changed the figure."""
    times, problems = [], []
    for e, (figure, _slider, label, handle) in _first_sliders(page):
        missed = 0
        for k in range(presses):
            settle(page, figure, timeout=timeout)
            now = handle.get_attribute("aria-valuenow")
            at_max, at_min = now == handle.get_attribute("aria-valuemax"), now == handle.get_attribute("aria-valuemin")
            key = "ArrowLeft" if at_max or (k % 2 and not at_min) else "ArrowRight"
            before = _figure_log(figure)
            previous = (before[-1]["hash"] if before else None) or _image_hash(figure)
            handle.focus()
            page.keyboard.press(key)
            pressed = page.evaluate(_LAST_EVENT_JS, "keydown")
            deadline, changed = time.monotonic() + timeout, []
            while time.monotonic() < deadline:
                changed = _changes(_figure_log(figure)[len(before) :], previous)
                if changed:
                    break
                page.wait_for_timeout(20)
            if changed and pressed is not None:
                times.append(changed[0]["t"] - pressed)
            else:
                missed += 1
        if missed:
            problems.append(
                f"explorer {e + 1}, slider {label!r}: {missed} of {presses} timed key presses"
                f" did not change the figure within {timeout:.0f} s (kernel: {_kernel_status(page)})"
            )
    return times, problems


def drag_sliders(page, moves: int = 12, pause_ms: int = 150, timeout: float = 20) -> tuple[list[Drag], list[str]]:
    """Drag each explorer's first slider handle with the mouse across its track
    and count the changed images shown before the mouse comes up: the figure must
    change at least twice during the drag.

    Mouse down on the handle, ``moves`` moves ``pause_ms`` apart across the track;
    if the figure has not changed twice by then (a slow kernel, a loaded machine),
    the hand keeps moving back and forth until it has or ``timeout`` s have passed
    since the mouse went down, then the mouse comes up. No speed is asserted: a
    figure that only follows on release (``continuous_update=False``) or ignores
    its slider never changes during the drag, however long it lasts."""
    drags, problems = [], []
    for e, (figure, slider, label, handle) in _first_sliders(page):
        where = f"explorer {e + 1}, slider {label!r}"
        settle(page, figure, timeout=timeout)
        hbox, tbox = handle.bounding_box(), slider.locator(".noUi-target").first.bounding_box()
        if not hbox or not tbox:
            problems.append(f"{where}: the slider's handle or track is not on screen")
            continue
        x0, y = hbox["x"] + hbox["width"] / 2, hbox["y"] + hbox["height"] / 2
        # towards the far end of the track, stopping short of it, and back if the drag goes on
        x1 = tbox["x"] + tbox["width"] * (0.9 if x0 < tbox["x"] + tbox["width"] / 2 else 0.1)
        value_before = float(handle.get_attribute("aria-valuenow"))
        values = {value_before}
        before = _figure_log(figure)
        previous = (before[-1]["hash"] if before else None) or _image_hash(figure)
        start = time.perf_counter()
        page.mouse.move(x0, y)
        page.mouse.down()
        down = page.evaluate(_LAST_EVENT_JS, "pointerdown")
        k = 0
        while True:
            k += 1
            phase = k % (2 * moves)
            page.mouse.move(x0 + (x1 - x0) * min(phase, 2 * moves - phase) / moves, y, steps=3)
            page.wait_for_timeout(pause_ms)
            values.add(float(handle.get_attribute("aria-valuenow")))
            if k >= moves:
                shown = _changes(_figure_log(figure)[len(before) :], previous)
                if down is None or sum(1 for c in shown if c["t"] >= down) >= 2:
                    break
                if time.perf_counter() - start > timeout:
                    break
        page.mouse.up()
        seconds = time.perf_counter() - start
        up = page.evaluate(_LAST_EVENT_JS, "pointerup")
        # the last value's frame may still be on its way: wait longer than the longest
        # gap between the drag's frames (the kernel's pace) before counting
        shown = [down or 0.0] + [c["t"] for c in _changes(_figure_log(figure)[len(before) :], previous)]
        gap = max((b - a for a, b in pairwise(shown)), default=0.0) / 1e3
        settle(page, figure, quiet=min(timeout, max(0.6, 1.5 * gap)), timeout=timeout)
        value_after = float(handle.get_attribute("aria-valuenow"))
        changed = _changes(_figure_log(figure)[len(before) :], previous)
        if down is None or up is None or up < down:
            during, after = 0, len(changed)
            problems.append(f"{where}: the page saw no pointerdown and pointerup for the drag")
        else:
            during = sum(1 for c in changed if down <= c["t"] <= up)
            after = sum(1 for c in changed if c["t"] > up)
        drags.append(Drag(e, label, value_before, value_after, during, after, seconds, k))
        if len(values) == 1:
            problems.append(f"{where}: the mouse drag did not move the slider (still at {value_before})")
        elif during < 2:
            problems.append(
                f"{where}: the figure changed {during} time(s) during a {seconds:.1f} s mouse drag"
                f" ({k} moves over {len(values)} slider values; {after} change(s) after the mouse came up),"
                f" not at least twice (kernel: {_kernel_status(page)})"
            )
    return drags, problems


def screenshot(page, path: Path) -> Path:
    """The notebook after the run, its first explorer's cell at the top (the
    notebook's top if it has none)."""
    explorers = page.locator(f"{PANEL} .mlh-explorer")
    if explorers.count():
        explorers.first.evaluate("e => (e.closest('.jp-Cell') || e).scrollIntoView({block: 'start'})")
    else:
        page.locator(f"{PANEL} .jp-Cell").first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    return path


def drive(page, url: str, saved: Path, stored: Path, *, kernel_idle=None, slider_timeout: float = 20) -> Report:
    """The whole student path through one notebook; ``saved`` is the copy the
    server writes, ``stored`` the notebook as committed (what to expect)."""
    start = time.perf_counter()
    report = Report()
    open_notebook(page, url, kernel_idle)
    run_all_cells(page)
    save(page)
    report.problems += check_saved_run(saved)
    views, explorers = expected_widgets(stored)
    report.problems += check_widgets(page, views)
    found = page.locator(f"{PANEL} .mlh-explorer").count()
    if found < explorers:
        report.problems.append(f"{found} explorer(s) (.mlh-explorer) in the page, the stored notebook shows {explorers}")
    watch_figures(page)
    moves, problems = move_sliders(page, timeout=slider_timeout)
    report.moves, report.problems = moves, report.problems + problems
    report.key_to_image_ms, problems = time_key_presses(page, timeout=slider_timeout)
    report.problems += problems
    report.drags, problems = drag_sliders(page, timeout=slider_timeout)
    report.problems += problems
    report.seconds = time.perf_counter() - start
    return report
