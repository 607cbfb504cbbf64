"""The explorer: sliders above a figure that follows them, and its static twin.

A frame costs what changed, not the whole figure: an explorer is built from a
*scene* (:class:`Scene`), which builds the figure, its axes and every artist that
does not move once, then ``update(**values)`` changes data, titles and text. The
first frame is laid out (constrained layout) and drawn whole; the layout is then
frozen, and the static part of the picture is kept as a pixel buffer, so a later
frame only restores that buffer and draws the scene's ``animated`` artists over it
(blitting). The PNG is encoded from the canvas's own buffer (:mod:`._frames`), not
by ``savefig``, which would draw the figure a second time.

Sliders send their value while they are dragged (``continuous_update=True``). In a
kernel, the first value after a pause (a key press, the start of a drag) is drawn at
once; a value that comes soon after a frame only asks for one, drawn a few
milliseconds later (``GATHER_SECONDS``) with the controls' latest values: the value
messages that arrived while the kernel was drawing are all read first, so the
intermediate values are dropped, not queued. Without a running event loop (tests,
scripts) every change draws at once.
"""

from __future__ import annotations

import asyncio
import time

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ._frames import encode_png


def slider(description: str, value: float, min: float, max: float, step: float, *, integer: bool = False):
    """A slider with readout that sends its value while it is dragged
    (``continuous_update=True``); the explorer drops the values it cannot draw in time."""
    cls = widgets.IntSlider if integer else widgets.FloatSlider
    kwargs = {} if integer else {"readout_format": ".3g"}
    return cls(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        continuous_update=True,
        style={"description_width": "initial"},
        **kwargs,
    )


class Scene:
    """A figure built once, then updated: subclass, build in ``__init__(fig, ...)``,
    change artists in ``update(**values)`` (which returns the state).

    ``animated`` lists the artists ``update`` changes; the explorer draws only those
    over a cached background, in the order a whole draw would draw them
    (:func:`_in_drawing_order`), whatever the order of the list. An update that
    changes anything else (limits, a static artist) sets
    ``self.background_changed = True`` and the next frame is drawn whole. Used
    outside an explorer (static twins), a scene is an ordinary figure:
    ``Scene(fig, ...).update(**values)``.
    """

    animated: tuple = ()
    background_changed = False

    def update(self, **values):  # pragma: no cover - every scene defines it
        raise NotImplementedError


class _Redraw(Scene):
    """A plain ``draw(fig, **values)`` function as a scene: clear and draw everything."""

    def __init__(self, fig, draw):
        self.fig, self.draw = fig, draw

    def update(self, **values):
        self.fig.clear()
        self.background_changed = True
        return self.draw(self.fig, **values)


# A value that comes GATHER_SECONDS or more after the last frame, with none waiting, is
# drawn at once. Otherwise a frame is drawn once no further value has come for
# GATHER_SECONDS, so that the messages queued while the kernel was busy (a drag sends
# one per mouse move) are all read first and only the latest value is drawn;
# MAX_WAIT_SECONDS bounds the wait while values keep coming. Measured in a kernel with
# a 200 ms frame: 10 value messages sent at once gave 10 frames when each asked for a
# frame at once, 6 with a fixed 5 ms wait, and 3 with the gathering wait, the last of
# them with the last value. Drawing the first value at once saves a key press the wait.
GATHER_SECONDS = 0.005
MAX_WAIT_SECONDS = 0.05


def _running_loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Explorer(widgets.VBox):
    """Sliders plus a figure that follows them.

    Parameters
    ----------
    draw : callable
        Either ``draw(fig, **values)``, which draws on a cleared Figure every frame,
        or, with ``scene=True``, ``draw(fig) -> Scene`` (built once, then updated).
        Whatever the draw or ``update`` returns is kept as ``state`` (e.g. the
        number of misclassified points), so tests and notebooks can read what the
        picture shows.
    controls : dict of name -> ipywidgets value widget
    figsize : (width, height) in inches; dpi : resolution of the PNG.

    Attributes
    ----------
    controls, image, figure, state, n_draws
    """

    def __init__(self, draw, controls: dict, *, figsize=(6.0, 4.5), dpi: int = 80, scene: bool = False):
        if not callable(draw):
            raise TypeError(f"draw must be callable, got {type(draw).__name__}")
        if not controls:
            raise ValueError("controls must hold at least one widget")
        self.draw = draw
        self.controls = dict(controls)
        self.figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        self.canvas = FigureCanvasAgg(self.figure)
        self.scene = draw(self.figure) if scene else _Redraw(self.figure, draw)
        self._animated = _in_drawing_order(self.figure, self.scene.animated)
        for artist in self._animated:
            artist.set_animated(True)
        self._background = None
        self._pending = None  # the frame asked for, not drawn yet
        self._drawn_at = -np.inf  # when the last frame was done (time.monotonic, as asyncio's loop.time)
        # Shown at its own pixel size: a VBox would stretch it to the output width and blur it.
        self.image = widgets.Image(format="png", layout=widgets.Layout(align_self="flex-start", width="auto"))
        self.image.add_class("mlh-explorer-figure")
        self.n_draws = 0
        self.state = None
        for control in self.controls.values():
            control.observe(self._request, names="value")
        self._redraw()
        super().__init__([widgets.VBox(list(self.controls.values())), self.image])
        self.add_class("mlh-explorer")

    @property
    def values(self) -> dict:
        """Current control values, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def _request(self, change=None) -> None:
        """A control moved: draw now (no kernel, or after a pause), or once no further
        value has come for ``GATHER_SECONDS`` (at most ``MAX_WAIT_SECONDS`` after the first)."""
        loop = _running_loop()
        now = time.monotonic()
        if loop is None or (self._pending is None and now - self._drawn_at >= GATHER_SECONDS):
            self._redraw()
            return
        if self._pending is None:
            self._first = now
        elif now - self._first < MAX_WAIT_SECONDS:
            self._pending.cancel()
        else:
            return  # waited long enough: the frame already asked for draws the latest values
        self._pending = loop.call_later(GATHER_SECONDS, self._flush)

    def _flush(self) -> None:
        self._pending = None
        self._redraw()

    def _redraw(self) -> None:
        self.state = self.scene.update(**self.values)
        if self._background is None or self.scene.background_changed:
            self.scene.background_changed = False
            self.canvas.draw()  # the static part (animated artists are skipped); lays out the first frame
            if isinstance(self.scene, _Redraw):
                self._background = None
            else:
                self.figure.set_layout_engine("none")  # frozen: later frames keep the first frame's layout
                self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.canvas.restore_region(self._background)
        if self._background is not None:
            for artist in self._animated:
                self.figure.draw_artist(artist)
        self.image.value = encode_png(self.canvas)
        self.n_draws += 1
        self._drawn_at = time.monotonic()


def _in_drawing_order(fig, artists) -> list:
    """``artists`` sorted as a whole draw of ``fig`` draws them: axes by axes (then the
    figure's own artists), by zorder, ties in the order of their parent's children.

    Blitting draws the animated artists after every static one; drawn in this order,
    they at least overlap each other as in a whole draw (a bar under its number, the
    probability bar under the threshold line).
    """
    axes = fig.axes

    def key(artist):
        parent = artist.axes if artist.axes is not None and artist is not artist.axes else None
        children = parent.get_children() if parent is not None else fig.get_children()
        place = next((i for i, child in enumerate(children) if child is artist), len(children))
        return (axes.index(parent) if parent is not None else len(axes), artist.get_zorder(), place)

    return sorted(artists, key=key)


def static_panels(draw, settings: list[dict], *, ncols: int | None = None, panel_size=(4.5, 3.6), suptitle=None):
    """Draw ``draw(subfig, **s)`` for each settings dict ``s`` side by side, as an
    ordinary pyplot figure: the static companion of an explorer. Returns
    ``(fig, states)``."""
    if not settings:
        raise ValueError("settings must list at least one dict of control values")
    ncols = len(settings) if ncols is None else ncols
    nrows = int(np.ceil(len(settings) / ncols))
    fig = plt.figure(figsize=(panel_size[0] * ncols, panel_size[1] * nrows), layout="constrained")
    subfigs = np.atleast_1d(fig.subfigures(nrows, ncols)).ravel()
    states = [draw(sub, **s) for sub, s in zip(subfigs, settings)]
    for sub in subfigs[len(settings) :]:
        sub.set_visible(False)
    if suptitle:
        fig.suptitle(suptitle)
    return fig, states


__all__ = ["Explorer", "Scene", "slider", "static_panels"]
