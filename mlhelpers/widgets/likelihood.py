"""Cross-entropy of a 1-D logistic model (notebook 03)."""

from __future__ import annotations

import numpy as np

from .._validation import as_labels
from ..functions import sigmoid
from ._explorer import Explorer, slider

__all__ = ["draw_cross_entropy", "cross_entropy_explorer"]


def _check_1d_problem(x, t):
    from .._validation import as_vector

    x = as_vector(x, "x")
    if x.size == 0:
        raise ValueError("x must hold at least one sample")
    t = as_labels(t, "t", allowed=(0, 1), length=x.shape[0], length_of="x")
    return x, t


def draw_cross_entropy(fig, x, t, w=1.0, b=0.0):
    """A 1-D logistic model ``y = sigma(w x + b)`` over the samples ``(x_n, t_n)``,
    and the cross-entropy each sample pays.

    Left: the samples at height ``t_n`` (class by colour and marker), the curve
    ``sigma(w x + b)``, and for each sample a dotted segment from its target to its
    output ``y_n``. Right: the per-sample losses ``-[t log y + (1 - t) log(1 - y)]``
    (computed from the logits, so finite for any w, b), with the total cost (their
    mean) in the title and ``log 2`` (the loss of a coin flip, y = 0.5) dashed.

    Returns ``{"cost": mean loss, "losses": per-sample losses, "n_wrong": samples
    strictly on the wrong side of y = 0.5}`` (a sample with y = 0.5 exactly is
    undecided, not wrong).
    """
    from ..plotting import CLASS_COLORS, CLASS_MARKERS, label

    x, t = _check_1d_problem(x, t)
    z = w * x + b
    y = sigmoid(z)
    losses = np.logaddexp(0.0, z) - t * z  # = -[t log y + (1-t) log(1-y)], stable
    cost = float(losses.mean())
    wrong = int(np.sum(np.where(t == 1, z < 0, z > 0)))
    ax, ax_loss = fig.subplots(1, 2)
    pad = 0.1 * (x.max() - x.min() + 1.0)
    grid = np.linspace(x.min() - pad, x.max() + pad, 300)
    ax.plot(grid, sigmoid(w * grid + b), color="k", lw=2, label=f"$y = \\sigma({w:.2g} x {b:+.2g})$")
    for k in (0, 1):
        rows = t == k
        style = {"c": CLASS_COLORS[k], "marker": CLASS_MARKERS[k], "s": 50, "edgecolors": "k", "linewidths": 0.5}
        ax.scatter(x[rows], t[rows], zorder=3, label=f"class {k}", **style)
    ax.vlines(x, np.minimum(t, y), np.maximum(t, y), colors="grey", linestyles=":", lw=1.5)
    ax.set_ylim(-0.08, 1.38)  # head room above y = 1 for the legend, so it hides no sample
    ax.set_yticks(np.linspace(0.0, 1.0, 6))
    label(ax, f"$w = {w:.2g}$, $b = {b:.2g}$: {wrong} on the wrong side", "$x$", "$y = P(t = 1 \\mid x)$")
    ax.legend(loc="upper center", ncol=3, fontsize=8, framealpha=0.9)
    index = np.arange(x.size)
    ax_loss.bar(index, losses, color=[CLASS_COLORS[k] for k in t], edgecolor="k", lw=0.5, alpha=0.8)
    for k in (0, 1):  # the class marker on top of each bar, so colour is not the only cue
        rows = t == k
        style = {"c": CLASS_COLORS[k], "marker": CLASS_MARKERS[k], "s": 40, "edgecolors": "k", "linewidths": 0.5}
        ax_loss.scatter(index[rows], losses[rows], zorder=3, label=f"class {k}", **style)
    ax_loss.axhline(np.log(2.0), ls="--", color="grey", label="$\\log 2$ (a coin flip)")
    ax_loss.set_xticks(index, [f"{v:.3g}" for v in x], fontsize=8)
    label(ax_loss, f"cost $J$ = mean loss = {cost:.3f}", "sample $x_n$", "loss $-\\log p(t_n \\mid x_n)$")
    ax_loss.set_ylim(0, 1.3 * max(losses.max(), np.log(2.0)))  # head room for the legend
    ax_loss.legend(loc="upper center", ncol=3, fontsize=8, framealpha=0.9)
    return {"cost": cost, "losses": losses, "n_wrong": wrong}


def cross_entropy_explorer(x, t, *, w=1.0, b=0.0, limit=6.0) -> Explorer:
    """Sliders for ``w`` and ``b`` of ``y = sigma(w x + b)`` on 1-D data; the curve,
    the per-sample cross-entropies and the cost are redrawn (:func:`draw_cross_entropy`)."""
    x, t = _check_1d_problem(x, t)
    controls = {"w": slider("w", w, -limit, limit, 0.1), "b": slider("b", b, -limit, limit, 0.25)}
    return Explorer(lambda fig, **v: draw_cross_entropy(fig, x, t, **v), controls, figsize=(9.0, 3.8))
