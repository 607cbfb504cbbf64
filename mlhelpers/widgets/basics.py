"""The sigmoid (notebook 00) and a line through the plane (notebook 01)."""

from __future__ import annotations

import numpy as np

from .._validation import as_labels, as_matrix
from ..functions import sigmoid
from ..plotting import line_points, scatter_classes
from ._explorer import Explorer, Scene, slider

__all__ = ["SigmoidScene", "BoundaryScene", "draw_sigmoid", "sigmoid_explorer", "draw_boundary", "boundary_explorer"]


class SigmoidScene(Scene):
    """The curve sigma(a z + c); the curve and its legend entry move."""

    def __init__(self, fig):
        ax = fig.add_subplot()
        self.z = np.linspace(-8, 8, 400)
        (self.curve,) = ax.plot(self.z, sigmoid(self.z), lw=2, label=" ")
        ax.axhline(0.5, ls=":", color="grey")
        ax.set_ylim(-0.05, 1.05)
        ax.set_xlabel("$z$")
        ax.set_ylabel("$\\sigma$")
        self.ax = ax
        self.legend = ax.legend(loc="upper left")
        self.animated = [self.curve, self.legend, ax.title]

    def update(self, slope=1.0, shift=0.0):
        self.curve.set_ydata(sigmoid(slope * self.z + shift))
        self.legend.get_texts()[0].set_text(f"σ({slope:.3g} z {shift:+.3g})")  # plain text: no mathtext per frame
        # each panel its own title: the steepness a sets the slope a/4 at the midpoint sigma = 1/2
        self.ax.set_title(f"a = {slope:.3g}, c = {shift:+.3g}: slope {slope / 4:.3g} at σ = 1/2")
        return {"slope": slope, "shift": shift}


def draw_sigmoid(fig, slope=1.0, shift=0.0):
    return SigmoidScene(fig).update(slope=slope, shift=shift)


def sigmoid_explorer() -> Explorer:
    """Notebook 00's self-check that widgets work: slope and shift of sigma(a z + c)."""
    return Explorer(
        SigmoidScene,
        {"slope": slider("slope a", 1.0, -3.0, 3.0, 0.25), "shift": slider("shift c", 0.0, -4.0, 4.0, 0.5)},
        figsize=(5.5, 3.5),
        scene=True,
    )


class BoundaryScene(Scene):
    """The data once; the line, the circled mistakes and the title move."""

    def __init__(self, fig, X, t):
        self.X, self.signed = X, np.where(t > 0, 1, -1)
        self.ax = ax = fig.add_subplot()
        scatter_classes(X, t, ax, title=" ")
        pad = 0.5
        ax.set_xlim(X[:, 0].min() - pad, X[:, 0].max() + pad)
        ax.set_ylim(X[:, 1].min() - pad, X[:, 1].max() + pad)
        style = {"s": 180, "facecolors": "none", "edgecolors": "#CC0000", "linewidths": 1.5}
        self.circles = ax.scatter(X[:0, 0], X[:0, 1], label="misclassified", **style)
        (self.line,) = ax.plot([], [], color="#000000", lw=2, label="boundary $w^T x + b = 0$")
        self.legend = ax.legend(loc="best", fontsize="small", framealpha=0.6)  # see-through: points under it stay visible
        self.animated = [self.circles, self.line, ax.title]

    def update(self, w1=1.0, w2=1.0, b=0.0):
        """The line ``w1 x1 + w2 x2 + b = 0``; a point is misclassified when the sign
        of its score disagrees with its label (score 0 counts as wrong)."""
        wrong = self.signed * (self.X @ np.array([w1, w2]) + b) <= 0
        self.circles.set_offsets(self.X[wrong])
        self.line.set_data(*line_points([w1, w2], b, self.ax.get_xlim(), self.ax.get_ylim()))
        n = int(wrong.sum())
        self.ax.set_title(f"w = ({w1:.2g}, {w2:.2g}), b = {b:.2g}: {n} misclassified")  # plain text: no mathtext per frame
        return {"misclassified": n}


def draw_boundary(fig, X, t, w1=1.0, w2=1.0, b=0.0):
    """The line ``w1 x1 + w2 x2 + b = 0`` over the data, misclassified points circled.

    Targets may be 0/1 or -1/+1; a point is misclassified when the sign of its score
    disagrees with its label (score 0 counts as wrong). Returns
    ``{"misclassified": count}``.
    """
    return BoundaryScene(fig, as_matrix(X), np.asarray(t)).update(w1=w1, w2=w2, b=b)


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
    return Explorer(lambda fig: BoundaryScene(fig, X, t), controls, scene=True)
