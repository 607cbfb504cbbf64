"""The explorer: sliders above a figure redrawn on every change, and its static twin."""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


def slider(description: str, value: float, min: float, max: float, step: float, *, integer: bool = False):
    """A slider with readout that fires on release (``continuous_update=False``),
    so every move costs one redraw, not dozens."""
    cls = widgets.IntSlider if integer else widgets.FloatSlider
    kwargs = {} if integer else {"readout_format": ".3g"}
    return cls(
        value=value,
        min=min,
        max=max,
        step=step,
        description=description,
        continuous_update=False,
        style={"description_width": "initial"},
        **kwargs,
    )


class Explorer(widgets.VBox):
    """Sliders plus a figure redrawn by ``draw(fig, **values)`` whenever one moves.

    Parameters
    ----------
    draw : callable
        ``draw(fig, **values)`` draws on a fresh matplotlib Figure (or SubFigure)
        given the current slider values keyed by control name; whatever it returns
        is kept as ``state`` (e.g. the number of misclassified points), so tests
        and notebooks can read what the picture shows.
    controls : dict of name -> ipywidgets value widget
    figsize : (width, height) in inches; dpi : resolution of the PNG.

    Attributes
    ----------
    controls, image, figure, state, n_draws
    """

    def __init__(self, draw, controls: dict, *, figsize=(6.0, 4.5), dpi: int = 80):
        if not callable(draw):
            raise TypeError(f"draw must be callable, got {type(draw).__name__}")
        if not controls:
            raise ValueError("controls must hold at least one widget")
        self.draw = draw
        self.controls = dict(controls)
        self.figure = Figure(figsize=figsize, dpi=dpi, layout="constrained")
        FigureCanvasAgg(self.figure)
        # Shown at its own pixel size: a VBox would stretch it to the output width and blur it.
        self.image = widgets.Image(format="png", layout=widgets.Layout(align_self="flex-start", width="auto"))
        self.image.add_class("mlh-explorer-figure")
        self.n_draws = 0
        self.state = None
        for control in self.controls.values():
            control.observe(self._redraw, names="value")
        self._redraw()
        super().__init__([widgets.VBox(list(self.controls.values())), self.image])
        self.add_class("mlh-explorer")

    @property
    def values(self) -> dict:
        """Current control values, by name."""
        return {name: c.value for name, c in self.controls.items()}

    def _redraw(self, change=None) -> None:
        self.figure.clear()
        self.state = self.draw(self.figure, **self.values)
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png")
        self.image.value = buffer.getvalue()
        self.n_draws += 1


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


__all__ = ["Explorer", "slider", "static_panels"]
