"""Builders of the course's ipywidgets explorers.

Every explorer is an :class:`Explorer`: sliders above an ``ipywidgets.Image``
that shows a matplotlib figure rendered to PNG with the Agg canvas (no pyplot, so
no inline-backend state and no leaked figures). Moving a slider calls the draw
function again and replaces the PNG. The explorer is driven from code exactly as
from the mouse::

    ex = boundary_explorer(X, t)
    ex.controls["w1"].value = 2.0      # redraws
    ex.image.value                     # the new PNG bytes
    ex.state                           # whatever the draw function reported

CSS classes ``mlh-explorer`` (the box) and ``mlh-explorer-figure`` (the image) let
the browser tests find them. Each builder has a static companion: call
:func:`static_panels` with a few chosen settings to draw the same picture as an
ordinary inline figure, which reads without a kernel (GitHub, the HTML site).
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ._validation import as_labels, as_matrix
from .functions import sigmoid
from .plotting import draw_line, scatter_classes

__all__ = ["Explorer", "slider", "static_panels", "sigmoid_explorer", "draw_boundary", "boundary_explorer"]


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
        self.image = widgets.Image(format="png")
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


# ------------------------------------------------------------------- explorers
def _draw_sigmoid(fig, slope=1.0, shift=0.0):
    ax = fig.add_subplot()
    z = np.linspace(-8, 8, 400)
    ax.plot(z, sigmoid(slope * z + shift), lw=2, label=f"$\\sigma({slope:.2g} z + {shift:.2g})$")
    ax.axhline(0.5, ls=":", color="grey")
    ax.set_ylim(-0.05, 1.05)
    ax.set_title("The sigmoid squashes any number into (0, 1)")
    ax.set_xlabel("$z$")
    ax.set_ylabel("$\\sigma$")
    ax.legend(loc="upper left")
    return {"slope": slope, "shift": shift}


def sigmoid_explorer() -> Explorer:
    """Notebook 00's self-check that widgets work: slope and shift of sigma(a z + c)."""
    return Explorer(
        _draw_sigmoid,
        {"slope": slider("slope a", 1.0, -3.0, 3.0, 0.25), "shift": slider("shift c", 0.0, -4.0, 4.0, 0.5)},
        figsize=(5.5, 3.5),
    )


def draw_boundary(fig, X, t, w1=1.0, w2=1.0, b=0.0):
    """The line ``w1 x1 + w2 x2 + b = 0`` over the data, misclassified points circled.

    Targets may be 0/1 or -1/+1; a point is misclassified when the sign of its score
    disagrees with its label (score 0 counts as wrong). Returns
    ``{"misclassified": count}``.
    """
    ax = fig.add_subplot()
    signed = np.where(t > 0, 1, -1)
    score = X @ np.array([w1, w2]) + b
    wrong = signed * score <= 0
    scatter_classes(X, t, ax, title=f"$w = ({w1:.2g}, {w2:.2g})$, $b = {b:.2g}$: {int(wrong.sum())} misclassified")
    pad = 0.5
    ax.set_xlim(X[:, 0].min() - pad, X[:, 0].max() + pad)
    ax.set_ylim(X[:, 1].min() - pad, X[:, 1].max() + pad)
    ax.scatter(X[wrong, 0], X[wrong, 1], s=180, facecolors="none", edgecolors="#CC0000", linewidths=1.5, label="misclassified")
    draw_line([w1, w2], b, ax)
    ax.legend(loc="best", framealpha=0.9)
    return {"misclassified": int(wrong.sum())}


def boundary_explorer(X, t, *, w1=1.0, w2=1.0, b=0.0, limit=5.0) -> Explorer:
    """Sliders for ``w1``, ``w2``, ``b``; the line and the misclassified points redrawn.

    ``t`` may be 0/1 or -1/+1. ``state["misclassified"]`` counts the mistakes.
    """
    X = as_matrix(X)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns, got {X.shape[1]}")
    t = np.asarray(t)
    as_labels(t, "t", allowed=(-1, 0, 1), length=X.shape[0])
    controls = {
        "w1": slider("w1", w1, -limit, limit, 0.1),
        "w2": slider("w2", w2, -limit, limit, 0.1),
        "b": slider("b", b, -2 * limit, 2 * limit, 0.25),
    }
    return Explorer(lambda fig, **v: draw_boundary(fig, X, t, **v), controls)
