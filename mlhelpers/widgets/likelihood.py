"""Cross-entropy of a 1-D logistic model (notebook 03)."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from matplotlib.ticker import LinearLocator, NullFormatter
from matplotlib.transforms import ScaledTranslation

from .._validation import as_labels, as_vector
from ..functions import log_sigmoid, sigmoid
from ..plotting import CLASS_COLORS, CLASS_MARKERS, set_labels
from ._explorer import Explorer, Scene, slider
from ._scales import _STEPS, ceiling

__all__ = ["CrossEntropyScene", "draw_cross_entropy", "cross_entropy_explorer", "check_1d_problem", "sample_losses"]


def check_1d_problem(x, t):
    """1-D inputs ``x`` and 0/1 labels ``t`` of the same length, as arrays."""
    x = as_vector(x, "x")
    if x.size == 0:
        raise ValueError("x must hold at least one sample")
    t = as_labels(t, "t", allowed=(0, 1), length=x.shape[0], length_of="x")
    return x, t


def sample_losses(z, t):
    """Cross-entropy ``-log p(t | x)`` of each sample from its logit ``z`` (any leading
    shape, samples last): ``-log_sigmoid(z)`` for t = 1, ``-log_sigmoid(-z)`` for t = 0,
    finite for any finite z."""
    return -log_sigmoid(np.where(t == 1, z, -z))


def _marked(ax, x, y, t, size):
    """One scatter per class (colour AND marker), returned to be moved later."""
    style = {"s": size, "edgecolors": "k", "linewidths": 0.5, "zorder": 3}
    return [
        ax.scatter(x[t == k], y[t == k], c=CLASS_COLORS[k], marker=CLASS_MARKERS[k], label=f"class {k}", **style) for k in (0, 1)
    ]


_N_TICKS = 6  # loss ticks at 0, 1/5, ..., 1 of the axis height: every ceiling step / 5 is a round number
_LABELLED = (2, 4)  # the ticks labelled by a moving text (tick 0 is labelled "0", static)


def _tick_labels(top: float) -> list[str]:
    """The loss axis's labels for the limits ``(0, top)``: ``top * k / 5`` with as few decimals as the step needs."""
    step = top / (_N_TICKS - 1)
    decimals = next(d for d in range(4) if abs(step * 10**d - round(step * 10**d)) < 1e-9 * max(1.0, step * 10**d))
    return [f"{k * step:.{decimals}f}" for k in range(_N_TICKS)]


def _loss_top(losses) -> float:
    """The loss axis's upper limit: head room above the largest loss (and log 2) for the legend, in steps."""
    return ceiling(1.3 * max(float(np.max(losses)), np.log(2.0)))


class CrossEntropyScene(Scene):
    """Samples, axes and bars built once; the curve, the segments, the bar heights,
    the titles and the loss axis's tick labels move.

    The loss axis rescales in steps (:func:`._scales.ceiling`) with its ticks at fixed
    fractions of its height, so the tick marks and the axis label stay in the cached
    background, and only two tick labels (plain texts, at 2/5 and 4/5 of the height;
    "0" is static) are drawn per frame.
    ``max_loss`` (optional) is the largest loss the scene will show: the axis label is
    placed clear of the widest tick label up to it, so that it never has to move.
    """

    def __init__(self, fig, x, t, *, max_loss=None):
        self.x, self.t = x, t
        self.ax, self.ax_loss = ax, ax_loss = fig.subplots(1, 2)
        pad = 0.1 * (x.max() - x.min() + 1.0)
        self.grid = np.linspace(x.min() - pad, x.max() + pad, 300)
        (self.curve,) = ax.plot(self.grid, sigmoid(self.grid), color="k", lw=2, label="$y = \\sigma(w x + b)$")
        _marked(ax, x, t, t, 50)
        self.segments = ax.vlines(x, t, t, colors="grey", linestyles=":", lw=1.5)
        ax.set_ylim(-0.08, 1.38)  # head room above y = 1 for the legend, so it hides no sample
        ax.set_yticks(np.linspace(0.0, 1.0, 6))
        set_labels(ax, " ", "$x$", "$y = P(t = 1 \\mid x)$")
        ax.legend(loc="upper center", ncol=3, fontsize=8, framealpha=0.9)  # static: a legend is costly to redraw
        index = np.arange(x.size)
        self.bars = ax_loss.bar(index, np.ones(x.size), color=[CLASS_COLORS[k] for k in t], edgecolor="k", lw=0.5, alpha=0.8)
        self.tops = _marked(ax_loss, index, np.ones(x.size), t, 40)  # the class marker on top of each bar
        self.coin = ax_loss.axhline(np.log(2.0), ls="--", color="grey", label="$\\log 2$ (a coin flip)")
        ax_loss.set_xticks(index, [f"{v:.3g}" for v in x], fontsize=8)
        set_labels(ax_loss, " ", "sample $x_n$", "loss $-\\log p(t_n \\mid x_n)$")
        ax_loss.legend(loc="upper center", ncol=3, fontsize=8, framealpha=0.9)
        # the loss axis: tick marks at fixed fractions (static), its labels drawn as plain texts (animated)
        ax_loss.yaxis.set_major_locator(LinearLocator(_N_TICKS))
        ax_loss.yaxis.set_major_formatter(NullFormatter())
        tick_pad = mpl.rcParams["ytick.major.size"] + mpl.rcParams["ytick.major.pad"]  # points
        self._tick_font = FontProperties(size=mpl.rcParams["ytick.labelsize"])
        colour = mpl.rcParams["ytick.labelcolor"]
        colour = mpl.rcParams["ytick.color"] if colour == "inherit" else colour
        to_left = ax_loss.transAxes + ScaledTranslation(-tick_pad / 72, 0, fig.dpi_scale_trans)
        style = {"ha": "right", "va": "center_baseline", "fontproperties": self._tick_font, "color": colour}
        # labelled: every other tick (0, 2/5 and 4/5 of the height: 2/5 of every ceiling step is round too);
        # the label "0" never changes, it stays in the background
        ax_loss.text(0.0, 0.0, "0", transform=to_left, **style)
        self.tick_labels = [ax_loss.text(0.0, k / (_N_TICKS - 1), "", transform=to_left, **style) for k in _LABELLED]
        self._label_at = tick_pad + mpl.rcParams["axes.labelpad"]  # from the axes to the label, less the labels' width
        self._label_width, self._label_top = 0.0, 0.0
        self._place_label(_loss_top([max_loss]) if max_loss is not None else 1.0)
        loss_panel = [*self.bars, self.coin, *self.tops, *self.tick_labels, ax_loss.title]
        self.animated = [self.curve, self.segments, ax.title, *loss_panel]

    def _place_label(self, top: float) -> None:
        """Move the loss axis's label clear of the tick labels of every limit up to ``top``
        (a whole redraw, only when a wider label than ever before appears)."""
        if top <= self._label_top:
            return
        self._label_top = top
        decades = range(int(np.floor(np.log10(top))) + 1)
        tops = [s * 10.0**d for d in decades for s in _STEPS if s * 10.0**d <= top * (1 + 1e-12)]
        width = max(
            text_to_path.get_text_width_height_descent(s, self._tick_font, ismath=False)[0]
            for top_ in tops
            for s in _tick_labels(top_)
        )
        if width > self._label_width:
            self._label_width = width
            offset = ScaledTranslation(-(self._label_at + width) / 72, 0, self.ax_loss.figure.dpi_scale_trans)
            self.ax_loss.yaxis.set_label_coords(0.0, 0.5, transform=self.ax_loss.transAxes + offset)
            self.background_changed = True

    def update(self, w=1.0, b=0.0):
        x, t = self.x, self.t
        z = w * x + b
        y = sigmoid(z)
        losses = sample_losses(z, t)
        cost = float(losses.mean())
        wrong = int(np.sum(np.where(t == 1, z, -z) <= 0))  # a score of exactly 0 decides nothing: a mistake
        self.curve.set_ydata(sigmoid(w * self.grid + b))
        self.segments.set_segments([[(xi, ti), (xi, yi)] for xi, ti, yi in zip(x, t, y)])
        self.ax.set_title(f"y = σ({w:.2g} x {b:+.2g}): {wrong} on the wrong side")  # plain text: no mathtext per frame
        for bar, loss in zip(self.bars, losses):
            bar.set_height(loss)
        index = np.arange(x.size)
        for k, top in enumerate(self.tops):
            top.set_offsets(np.column_stack([index[t == k], losses[t == k]]))
        self.ax_loss.set_title(f"cost J = mean loss = {cost:.3f}")
        top = _loss_top(losses)
        self._place_label(top)
        self.ax_loss.set_ylim(0.0, top)
        labels = _tick_labels(top)
        for label, k in zip(self.tick_labels, _LABELLED):
            label.set_text(labels[k])
        return {"cost": cost, "losses": losses, "n_wrong": wrong}


def draw_cross_entropy(fig, x, t, w=1.0, b=0.0):
    """A 1-D logistic model ``y = sigma(w x + b)`` over the samples ``(x_n, t_n)``,
    and the cross-entropy each sample pays.

    Left: the samples at height ``t_n`` (class by colour and marker), the curve
    ``sigma(w x + b)``, and for each sample a dotted segment from its target to its
    output ``y_n``. Right: the per-sample losses ``-[t log y + (1 - t) log(1 - y)]``
    (computed from the logits, :func:`sample_losses`, so finite for any w, b), with
    the total cost (their mean) in the title and ``log 2`` (the loss of a coin
    flip, y = 0.5) dashed.

    Returns ``{"cost": mean loss, "losses": per-sample losses, "n_wrong": samples
    on the wrong side of y = 0.5}`` (a sample with y = 0.5 exactly, a score of 0,
    counts as wrong: it decides nothing, as in :func:`draw_boundary`).
    """
    return CrossEntropyScene(fig, *check_1d_problem(x, t)).update(w=w, b=b)


def cross_entropy_explorer(x, t, *, w=1.0, b=0.0, limit=6.0) -> Explorer:
    """Sliders for ``w`` and ``b`` of ``y = sigma(w x + b)`` on 1-D data; the curve,
    the per-sample cross-entropies and the cost are redrawn (:func:`draw_cross_entropy`)."""
    x, t = check_1d_problem(x, t)
    controls = {"w": slider("w", w, -limit, limit, 0.1), "b": slider("b", b, -limit, limit, 0.25)}
    # each sample's loss is convex in (w, b): its largest value on the sliders' square is at a corner
    corners = [(sw * limit, sb * limit) for sw in (-1, 1) for sb in (-1, 1)] + [(w, b)]
    max_loss = max(float(sample_losses(cw * x + cb, t).max()) for cw, cb in corners)
    scene = lambda fig: CrossEntropyScene(fig, x, t, max_loss=max_loss)  # noqa: E731
    return Explorer(scene, controls, figsize=(9.0, 3.8), scene=True)
