"""Kernel-side time per frame: ipympl's Canvas vs. mlhelpers' Explorer, same figure.

Not part of `make bench` (the course does not install ipympl): run it in a venv with
ipympl and this repository on the path, `python benchmarks/ipympl_frame.py [rounds]`.

The figure is notebook 00's sigmoid explorer (SigmoidScene: 5.5 x 3.5 in at dpi 80,
a line updated by set_ydata, its legend text and the title). Run in a venv with
ipympl (no browser): the ipympl Canvas is driven in-process through the messages
its front-end would send ("initialized", "refresh", "draw"); its comm is ipywidgets'
DummyComm (no kernel) and Canvas.send is replaced by a recorder, so the bytes it
would send are counted. A frame:

  ipympl      scene.update(slope=v); canvas.draw_idle()      # sends {"type": "draw"} to the front-end
              manager.handle_json({"type": "draw"})          # the front-end's answer: draw, diff PNG, send
  ipympl-frozen  the same with the layout frozen after the first frame (no constrained layout per draw)
  ipympl-blit    restore_region + draw_artist(animated) + canvas.blit() (ipympl's refresh: diff PNG, send)
  explorer    explorer.controls["slope"].value = v           # our Scene + blitting + _frames.encode_png
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np
from ipympl.backend_nbagg import Canvas, FigureManager
from matplotlib.figure import Figure

from mlhelpers.widgets.basics import SigmoidScene, sigmoid_explorer

VALUES = np.arange(-3.0, 3.0 + 1e-9, 0.25)
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 4


class IpymplFigure:
    def __init__(self, mode: str):
        self.mode = mode
        self.sent: list = []
        self.fig = Figure(figsize=(5.5, 3.5), dpi=80, layout="constrained")
        self.canvas = Canvas(self.fig)
        self.manager = FigureManager(self.canvas, 1)
        self.canvas.send = lambda content=None, buffers=None: self.sent.append((content, buffers))
        self.scene = SigmoidScene(self.fig)
        self.encode_ms: list[float] = []  # get_diff_image: the diff against the last frame and its PNG
        get_diff_image = self.canvas.get_diff_image

        def timed_diff_image():
            t = time.perf_counter()
            out = get_diff_image()
            self.encode_ms.append(1e3 * (time.perf_counter() - t))
            return out

        self.canvas.get_diff_image = timed_diff_image
        if mode == "blit":
            for artist in self.scene.animated:
                artist.set_animated(True)
        self.scene.update(slope=1.0, shift=0.0)
        # the front-end's handshake: initialized (stop syncing the data URL), refresh, draw
        self.canvas._handle_message(self.canvas, {"type": "initialized"}, [])
        self.canvas._handle_message(self.canvas, {"type": "set_device_pixel_ratio", "device_pixel_ratio": 1}, [])
        self.canvas._handle_message(self.canvas, {"type": "refresh"}, [])
        self.canvas._handle_message(self.canvas, {"type": "draw"}, [])
        self.first_bytes = self.last_image_bytes()
        if mode in ("frozen", "blit"):
            self.fig.set_layout_engine("none")
        if mode == "blit":
            self.background = self.canvas.copy_from_bbox(self.fig.bbox)

    def last_image_bytes(self) -> int:
        for _content, buffers in reversed(self.sent):
            if buffers:
                return sum(len(b) for b in buffers)
        return 0

    def frame(self, v: float) -> int:
        n = len(self.sent)
        self.scene.update(slope=v, shift=0.0)
        if self.mode == "blit":
            self.canvas.restore_region(self.background)
            for artist in self.scene.animated:
                self.fig.draw_artist(artist)
            self.canvas.blit(self.fig.bbox)
        else:
            self.canvas.draw_idle()  # -> {"type": "draw"} to the front-end
            self.canvas._handle_message(self.canvas, {"type": "draw"}, [])  # its answer
        images = [b for _, b in self.sent[n:] if b]
        assert len(images) == 1 and self.canvas._current_image_mode == "diff", (len(images), self.canvas._current_image_mode)
        return sum(len(x) for x in images[0])


class Ours:
    def __init__(self):
        self.ex = sigmoid_explorer()
        self.first_bytes = len(self.ex.image.value)

    def frame(self, v: float) -> int:
        n = self.ex.n_draws
        self.ex.controls["slope"].value = v
        assert self.ex.n_draws == n + 1
        return len(self.ex.image.value)


def main():
    t = time.perf_counter()
    makers = {
        "ipympl": lambda: IpymplFigure("draw"),
        "ipympl-frozen": lambda: IpymplFigure("frozen"),
        "ipympl-blit": lambda: IpymplFigure("blit"),
        "explorer": Ours,
    }
    subjects = {}
    for name, make in makers.items():
        t = time.perf_counter()
        subjects[name] = make()
        print(
            f"{name}: built and first frame in {1e3 * (time.perf_counter() - t):.0f} ms,"
            f" first image {subjects[name].first_bytes} bytes"
        )
    wall = {k: [] for k in subjects}
    cpu = {k: [] for k in subjects}
    size = {k: [] for k in subjects}
    for r in range(ROUNDS):
        sweep = VALUES if r % 2 == 0 else VALUES[::-1]
        for v in sweep[1:]:
            for name, s in subjects.items():  # interleaved: the machine's load falls on all alike
                w0, c0 = time.perf_counter(), time.process_time()
                nbytes = s.frame(float(v))
                wall[name].append(1e3 * (time.perf_counter() - w0))
                cpu[name].append(1e3 * (time.process_time() - c0))
                size[name].append(nbytes)
    print(f"{ROUNDS * (len(VALUES) - 1)} frames each (slope swept over its slider positions)")
    print(f"{'path':15s} {'wall med':>9s} {'wall p95':>9s} {'cpu med':>8s} {'cpu p95':>8s} {'bytes med':>10s}")
    for name in subjects:
        w, c = np.array(wall[name]), np.array(cpu[name])
        print(
            f"{name:15s} {np.median(w):9.1f} {np.percentile(w, 95):9.1f} {np.median(c):8.1f}"
            f" {np.percentile(c, 95):8.1f} {statistics.median(size[name]):10.0f}"
        )
    for name, s in subjects.items():
        if hasattr(s, "encode_ms"):
            print(f"{name}: of which get_diff_image (diff + Pillow PNG) median {np.median(s.encode_ms[1:]):.1f} ms")
    import mlhelpers.widgets._frames as frames

    ex = subjects["explorer"].ex
    ts = []
    for _ in range(50):
        t = time.perf_counter()
        frames.encode_png(ex.canvas)
        ts.append(1e3 * (time.perf_counter() - t))
    print(f"explorer: of which encode_png median {np.median(ts):.1f} ms")


if __name__ == "__main__":
    main()
