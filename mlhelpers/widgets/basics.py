"""The sigmoid (notebook 00) and a line through the plane (notebook 01)."""

from __future__ import annotations

import numpy as np

from .._validation import as_labels, as_matrix
from ..functions import sigmoid
from ..plotting import draw_line, scatter_classes
from ._explorer import Explorer, slider

__all__ = ["draw_sigmoid", "sigmoid_explorer", "draw_boundary", "boundary_explorer"]


def draw_sigmoid(fig, slope=1.0, shift=0.0):
    ax = fig.add_subplot()
    z = np.linspace(-8, 8, 400)
    ax.plot(z, sigmoid(slope * z + shift), lw=2, label=f"$\\sigma({slope:.3g}\\,z {shift:+.3g})$")
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
        draw_sigmoid,
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
    ax.legend(loc="best", fontsize="small", framealpha=0.6)  # see-through: points under it stay visible
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
