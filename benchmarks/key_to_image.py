"""Where a key press's time goes, from the key to the explorer's new image, in JupyterLab.

Not part of `make bench` (it starts JupyterLab and Chromium, as the browser tests do):
`python -m benchmarks.key_to_image [explorer call] [presses]`, for example
`python -m benchmarks.key_to_image "sigmoid_explorer()" 8`.

One notebook with one explorer (``mlhelpers.widgets.<call>``) runs in JupyterLab on
127.0.0.1 with a token, in Debian's Chromium (the browser tests' server and driver,
``tests/browser``). The page logs, on its own clock (``performance.now()``), each key
event, every WebSocket message it sends and receives, and each new ``src`` of the
figure's ``<img>``; the kernel logs how long it waited before drawing and how long the
frame took, wall and CPU. Printed per press: when the value message left, when each
message came back (its size in bytes: the kernel's busy/idle status and the slider's
echo are about 0.6 kB, the image is the large one), when the image was set, and the
kernel's times.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

import nbformat

from tests.browser.conftest import start_lab, stop_lab
from tests.browser.lab_driver import CHROMIUM_ARGS, VIEWPORT, open_notebook, require_chromium, run_all_cells

# Wraps the explorer's request and frame to log their times to a file (the kernel's clock).
KERNEL_PROBE = """import time
from mlhelpers import widgets
from mlhelpers.widgets import _explorer

_requested = []
_request, _redraw = _explorer.Explorer._request, _explorer.Explorer._redraw

def _timed_request(self, change=None):
    _requested.append(time.perf_counter())
    _request(self, change)

def _timed_redraw(self):
    wall, cpu = time.perf_counter(), time.process_time()
    _redraw(self)
    waited = 1e3 * (wall - _requested[-1]) if _requested else float("nan")
    with open({log!r}, "a") as f:
        print(f"{{waited:.1f}} {{1e3 * (time.perf_counter() - wall):.1f}} {{1e3 * (time.process_time() - cpu):.1f}}", file=f)

_explorer.Explorer._request, _explorer.Explorer._redraw = _timed_request, _timed_redraw
"""

# The page's log: key events, WebSocket traffic, installed before JupyterLab loads.
PAGE_PROBE = """
window.__probe = {keys: [], ws: [], src: []};
window.addEventListener('keydown', e => window.__probe.keys.push(e.timeStamp), true);
const NativeWebSocket = window.WebSocket;
const size = d => d.byteLength || d.length || d.size || 0;
window.WebSocket = function (...args) {
    const ws = new NativeWebSocket(...args);
    const send = ws.send.bind(ws);
    ws.send = d => { window.__probe.ws.push({kind: 'sent', t: performance.now(), n: size(d)}); return send(d); };
    ws.addEventListener('message', e => window.__probe.ws.push({kind: 'received', t: performance.now(), n: size(e.data)}));
    return ws;
};
window.WebSocket.prototype = NativeWebSocket.prototype;
Object.assign(window.WebSocket, NativeWebSocket);
"""

WATCH_IMAGE = """(img) => new MutationObserver(() => window.__probe.src.push(performance.now()))
    .observe(img, {attributes: true, attributeFilter: ['src']})"""


def main(call: str = "sigmoid_explorer()", presses: int = 8) -> None:
    from playwright.sync_api import sync_playwright

    chromium = require_chromium()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root, log = work / "notebooks", work / "kernel.log"
        root.mkdir()
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(KERNEL_PROBE.format(log=str(log))), nbformat.v4.new_code_cell(f"widgets.{call}")]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, root / "probe.ipynb")
        lab = start_lab(root, work)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
                page = browser.new_context(viewport=VIEWPORT).new_page()
                page.add_init_script(PAGE_PROBE)
                url = f"{lab.url}/lab/tree/probe.ipynb?reset&token={lab.token}"
                open_notebook(page, url, kernel_idle=lambda: lab.kernel_idle("probe.ipynb"))
                run_all_cells(page)
                image = page.locator("img.mlh-explorer-figure").first
                image.wait_for(timeout=60_000)
                page.wait_for_timeout(1000)
                page.evaluate(WATCH_IMAGE, image.element_handle())
                handle = page.locator(".noUi-handle").first
                log.write_text("")
                to_image = []
                for k in range(presses):
                    handle.focus()
                    page.evaluate("() => { for (const v of Object.values(window.__probe)) v.length = 0; }")
                    page.keyboard.press("ArrowRight" if k % 2 == 0 else "ArrowLeft")
                    page.wait_for_timeout(800)
                    seen = page.evaluate("() => window.__probe")
                    key = seen["keys"][0]
                    sent = [f"{m['t'] - key:.0f}" for m in seen["ws"] if m["kind"] == "sent"]
                    received = [f"{m['t'] - key:.0f} ({m['n']} B)" for m in seen["ws"] if m["kind"] == "received"]
                    images = [t - key for t in seen["src"]]
                    to_image += images[:1]
                    shown = ", ".join(f"{t:.0f}" for t in images)
                    print(f"press {k + 1}: sent at {', '.join(sent)} ms; received at {', '.join(received)}; ", end="")
                    print(f"image set at {shown} ms")
                browser.close()
        finally:
            stop_lab(lab)
        for line in log.read_text().split("\n")[:-1]:
            waited, wall, cpu = line.split()
            print(f"kernel: waited {waited} ms before drawing; the frame took {wall} ms (wall), {cpu} ms (CPU)")
    if to_image:
        print(f"key to image: median {statistics.median(to_image):.0f} ms, {min(to_image):.0f}-{max(to_image):.0f} ms")


if __name__ == "__main__":
    main(*(sys.argv[1:2] or ["sigmoid_explorer()"]), *[int(a) for a in sys.argv[2:3]])
