"""Gradient descent on 2-D surfaces (notebook 05) and on logistic regression (notebook 06)."""

from __future__ import annotations

import numpy as np

from .._validation import as_labels, as_matrix, check_positive
from ..descent_path import descent_steps, logistic_descent_path, path_costs
from ..plotting import draw_line, line_points, scatter_classes
from ._explorer import Explorer, Scene, slider
from ._scales import log_range

__all__ = [
    "DescentScene",
    "TrainingScene",
    "DESCENT_SURFACES",
    "draw_descent",
    "descent_explorer",
    "draw_training",
    "training_explorer",
]


def _quartic(w1, w2):
    return w1**2 + w2**4


def _quartic_grad(w):
    return np.array([2.0 * w[0], 4.0 * w[1] ** 3])


def _elongated(w1, w2):
    return 0.5 * (w1**2 + 8.0 * w2**2)


def _elongated_grad(w):
    return np.array([w[0], 8.0 * w[1]])


#: The bottom of the explorer's fixed cost axis (notebook 05): descent on these
#: surfaces can reach J = 0 exactly (from w2 = 0, or lr = 0.5 on w1^2), so no
#: slider position gives a lower bound; lower costs are marked at the bottom edge.
_COST_FLOOR = 1e-8


class _OutsideMarks:
    """Costs beyond a fixed logarithmic axis, marked on its edge: a down-triangle
    at the bottom for every step whose cost is below the axis, an up-triangle at
    the top for one above it (the curve itself leaves the axes there)."""

    def __init__(self, ax, color):
        from matplotlib.transforms import blended_transform_factory

        edge = blended_transform_factory(ax.transData, ax.transAxes)  # x in steps, y in axes fractions
        style = dict(ls="none", color=color, ms=5, transform=edge)
        (self.below,) = ax.plot([], [], "v", **style)
        (self.above,) = ax.plot([], [], "^", **style)
        self.ax = ax
        self.artists = [self.below, self.above]

    def update(self, steps, costs):
        low, high = self.ax.get_ylim()
        for line, outside, y in ((self.below, costs < low, 0.025), (self.above, costs > high, 0.975)):
            line.set_data(steps[outside], np.full(np.count_nonzero(outside), y))
            line.set_visible(outside.any())  # an invisible artist costs nothing to draw


#: Cost surfaces of :func:`draw_descent`: name -> (J(w1, w2) vectorized, gradient of a (2,) array, LaTeX label).
DESCENT_SURFACES = {
    "quartic": (_quartic, _quartic_grad, "$J = w_1^2 + w_2^4$"),
    "elongated": (_elongated, _elongated_grad, "$J = (w_1^2 + 8 w_2^2) / 2$"),
}


def _show_costs(scene, steps, costs) -> None:
    """A scene's cost panel for these costs: with no fixed range (the static twins) the axis
    spans the whole decades around them, and a change of decade redraws the frame whole;
    with one (the explorers) the axis stays and the costs beyond it are marked at its edge."""
    if scene.cost_range is None:
        ylim = log_range(costs.min(), costs.max())
        if scene.ax_cost.get_ylim() != ylim:
            scene.ax_cost.set_ylim(*ylim)
            scene.background_changed = True
    else:
        scene.outside.update(steps, costs)


class DescentScene(Scene):
    """Contours built once (they depend on the surface only); the path, its ends,
    the cost curve and the titles move. Paths are run to ``max_steps`` once per
    (lr, start) and sliced for the number of steps.

    ``cost_range=None`` fits the log cost axis to each run in whole decades (a
    static figure); an explorer passes a fixed ``(low, high)``, so that the axis,
    its ticks and the background never change, and costs beyond it are marked on
    its edge (:class:`_OutsideMarks`)."""

    def __init__(self, fig, *, surface="quartic", lim=3.0, cost_panel=True, max_steps=100, cost_range=None):
        from ..plotting import contour_path

        if surface not in DESCENT_SURFACES:
            raise ValueError(f"surface must be one of {sorted(DESCENT_SURFACES)}, got {surface!r}")
        self.f, self.grad, self.name = DESCENT_SURFACES[surface]
        self.lim, self.cost_panel, self.max_steps = lim, cost_panel, max_steps
        self.ax, self.ax_cost = ax, ax_cost = fig.subplots(1, 2) if cost_panel else (fig.add_subplot(), None)
        levels = np.geomspace(1e-3, self.f(np.array(lim), np.array(lim)), 15)
        start = np.zeros((1, 2))
        contour_path(self.f, start, ax, xlim=(-lim, lim), ylim=(-lim, lim), levels=levels, title=" ", resolution=120)
        self.path, self.start, self.end = ax.get_lines()[-3:]
        self.path.set_label("path")
        ax.set_title(self.name, loc="left", fontsize="medium")
        ax.legend(loc="lower right", fontsize="small", framealpha=0.9)  # static: a legend is costly to redraw
        self.animated = [self.path, self.start, self.end, ax.title]
        if cost_panel:
            (self.costs,) = ax_cost.plot([0], [1.0], lw=2)
            ax_cost.set_yscale("log")
            ax_cost.set_xlim(0, max_steps)
            ax_cost.set_xlabel("step $k$")
            ax_cost.set_ylabel("cost $J$")
            self.animated += [self.costs, ax_cost.title]
            self.cost_range = cost_range
            if cost_range is not None:
                ax_cost.set_ylim(*cost_range)
                self.outside = _OutsideMarks(ax_cost, self.costs.get_color())
                self.animated += self.outside.artists
        self._runs = {}

    def _run(self, lr, w1, w2):
        """Up to ``max_steps`` iterates from (w1, w2), cut where the run leaves the
        picture (``|w| > 10 lim``) or overflows; and whether it was cut."""
        import warnings

        from ..optimize import gradient_descent

        key = (lr, w1, w2)
        if key not in self._runs:
            with warnings.catch_warnings():  # an overflow (lr far too large) is reported in the state instead
                warnings.simplefilter("ignore", RuntimeWarning)
                _, path = gradient_descent(self.grad, np.array([w1, w2], dtype=float), lr=lr, n_steps=self.max_steps)
            outside = np.flatnonzero(~(np.abs(path).max(axis=1) <= 10 * self.lim))
            if outside.size:
                path = path[: outside[0] + 1]
            with np.errstate(over="ignore", invalid="ignore"):
                costs = self.f(path[:, 0], path[:, 1])
            self._runs = {key: (path, costs)}  # the last run only: a slider moves one value at a time
        return self._runs[key]

    def update(self, lr=0.1, n_steps=20, w1=-2.5, w2=1.5):
        if n_steps > self.max_steps:
            self.max_steps, self._runs = n_steps, {}
        path, costs = self._run(lr, w1, w2)
        cut = path.shape[0] < n_steps + 1
        path, costs = path[: n_steps + 1], costs[: n_steps + 1]
        diverged = bool(cut or costs[-1] > costs[0])
        self.path.set_data(path[:, 0], path[:, 1])
        self.start.set_data(path[:1, 0], path[:1, 1])
        self.end.set_data(path[-1:, 0], path[-1:, 1])
        verdict = ": diverged" if diverged else "" if self.cost_panel else f": J = {costs[-1]:.2g}"
        self.ax.set_title(f"lr = {lr:.3g}{verdict}", loc="center")
        if self.cost_panel:
            shown, steps = np.clip(costs, 1e-12, 1e12), np.arange(costs.size)
            self.costs.set_data(steps, shown)
            _show_costs(self, steps, shown)
            self.ax_cost.set_title(f"J after {path.shape[0] - 1} steps")
        return {"w": path[-1].copy(), "J": float(costs[-1]), "steps": int(path.shape[0] - 1), "diverged": diverged}


def draw_descent(fig, lr=0.1, n_steps=20, w1=-2.5, w2=1.5, *, surface="quartic", lim=3.0, cost_panel=True):
    """Gradient descent on a two-weight cost: the path on the contours and J per step.

    Left: contours of the surface over ``[-lim, lim]^2`` with the path from
    ``(w1, w2)`` (:func:`mlhelpers.plotting.contour_path`); right: the cost at every
    iterate on a log scale. A run that leaves the picture (``|w| > 10 lim``) or
    overflows is cut there and reported as diverged.

    Parameters
    ----------
    fig : matplotlib Figure or SubFigure
    lr : float > 0
    n_steps : int >= 1
    w1, w2 : float
        The starting point.
    surface : {"quartic", "elongated"}
        ``w1^2 + w2^4`` (the classic exercise) or ``(w1^2 + 8 w2^2) / 2`` (stable
        for ``lr < 0.25``), see :data:`DESCENT_SURFACES`.
    cost_panel : bool
        Draw the right-hand panel of J per step (False: the contours only, with the
        final J in the title; lighter for static figures of several settings).

    Returns
    -------
    state : dict
        ``w`` (last iterate shown, (2,) array), ``J`` (its cost), ``steps`` (steps
        shown) and ``diverged`` (True if the run was cut or ended above its start).
    """
    scene = DescentScene(fig, surface=surface, lim=lim, cost_panel=cost_panel, max_steps=n_steps)
    return scene.update(lr=lr, n_steps=n_steps, w1=w1, w2=w2)


def descent_explorer(*, surface="quartic", lr=0.1, n_steps=20, w1=-2.5, w2=1.5, lim=3.0, max_lr=0.6, max_steps=100) -> Explorer:
    """Sliders for the learning rate, the number of steps and the starting point;
    the descent path and its costs redrawn (see :func:`draw_descent`)."""
    if surface not in DESCENT_SURFACES:
        raise ValueError(f"surface must be one of {sorted(DESCENT_SURFACES)}, got {surface!r}")
    controls = {
        "lr": slider("learning rate lr", lr, 0.01, max_lr, 0.01),
        "n_steps": slider("steps", n_steps, 1, max_steps, 1, integer=True),
        "w1": slider("start w1", w1, -lim, lim, 0.1),
        "w2": slider("start w2", w2, -lim, lim, 0.1),
    }
    # The cost axis is fixed: from _COST_FLOOR to the whole decade above the largest
    # cost inside the square |w| <= 10 lim where a run is cut (both surfaces grow with
    # |w1| and |w2|: the corner); only the cut iterate of a diverging run lies above.
    f = DESCENT_SURFACES[surface][0]
    cost_range = log_range(_COST_FLOOR, float(f(np.array(10.0 * lim), np.array(10.0 * lim))))
    scene = lambda fig: DescentScene(fig, surface=surface, lim=lim, max_steps=max_steps, cost_range=cost_range)  # noqa: E731
    return Explorer(scene, controls, figsize=(10.0, 4.2), scene=True)


# ------------------------------------------ notebook 06: training logistic regression
_L2_MAX = 0.2  # the end of the explorer's l2 slider


class TrainingScene(Scene):
    """Data and reference built once; the boundary, the cost curve and the titles
    move. The descent runs per (lr, l2) as far as the number of iterations shown,
    and is continued (not run again) when that number grows.
    ``cost_range``: as in :class:`DescentScene` (None: fitted to each run)."""

    def __init__(
        self,
        fig,
        X,
        t,
        *,
        w0=None,
        b0=0.0,
        reference=None,
        reference_label="Bayes / LDA",
        cost_panel=True,
        max_iter=200,
        cost_range=None,
    ):
        from ..plotting import CLASS_COLORS

        self.X, self.t, self.w0, self.b0, self.max_iter, self.cost_panel = X, t, w0, b0, max_iter, cost_panel
        self.ax, self.ax_cost = ax, ax_cost = fig.subplots(1, 2) if cost_panel else (fig.add_subplot(), None)
        scatter_classes(X, t, ax, title=" ")
        pad = 0.5
        ax.set_xlim(X[:, 0].min() - pad, X[:, 0].max() + pad)
        ax.set_ylim(X[:, 1].min() - pad, X[:, 1].max() + pad)
        if reference is not None:
            draw_line(reference[0], reference[1], ax, label=reference_label, ls="--", color="grey")
        (self.line,) = ax.plot([], [], color="#000000", lw=2, label="boundary after these steps")
        ax.legend(loc="upper left", fontsize="small", framealpha=0.9)  # static: a legend is costly to redraw
        self.animated = [self.line, ax.title]
        if cost_panel:
            (self.curve,) = ax_cost.plot([0], [1.0], lw=2)
            (self.mark,) = ax_cost.plot([0], [1.0], "o", color=CLASS_COLORS[1], ms=7)
            ax_cost.set_yscale("log")
            ax_cost.set_xlim(0, max(max_iter, 1))
            ax_cost.set_xlabel("iteration $k$")
            ax_cost.set_ylabel("cost $J$")
            self.animated += [self.curve, self.mark, ax_cost.title]
            self.cost_range = cost_range
            if cost_range is not None:
                ax_cost.set_ylim(*cost_range)
                self.outside = _OutsideMarks(ax_cost, self.curve.get_color())
                self.animated += self.outside.artists
        start = np.zeros(X.shape[1]) if w0 is None else np.array(w0, dtype=float)
        self._start = np.append(start, float(b0))
        self._key, self._path = None, None

    def _iterates(self, lr, l2, n_iter):
        """Iterates 0..n_iter of the descent at (lr, l2), as rows (w, b): the path of
        the last (lr, l2) only (a slider moves one value at a time), run as far as
        a frame has shown and continued from its last iterate when the number of
        iterations grows (the same numbers as one longer run)."""
        if self._key != (lr, l2):
            self._key, self._path = (lr, l2), self._start[None, :]
        missing = n_iter + 1 - self._path.shape[0]
        if missing > 0:
            more = descent_steps(self.X, self.t, self._path[-1], lr=check_positive(lr, "lr"), n_steps=missing, l2=l2)
            self._path = np.vstack([self._path, more])
        return self._path[: n_iter + 1]

    def update(self, lr=1.0, n_iter=20, l2=0.01):
        path = self._iterates(lr, l2, n_iter)
        n_iter = path.shape[0] - 1  # fewer if the descent overflowed (it warned)
        W, B = path[:, :-1], path[:, -1]
        costs = path_costs(self.X, self.t, W, B, l2)  # every shown iterate, as logistic_descent_path computes them
        w, b, cost = W[n_iter].copy(), float(B[n_iter]), float(costs[n_iter])
        X = self.X
        accuracy = float(np.mean(((X @ w + b) > 0) == (self.t == 1)))
        self.line.set_data(*line_points(w, b, self.ax.get_xlim(), self.ax.get_ylim()))
        steps = "1 step" if n_iter == 1 else f"{n_iter} steps"
        title = f"after {steps}, lr = {lr:.3g}: accuracy {accuracy:.3f}\nw = ({w[0]:.2f}, {w[1]:.2f}), b = {b:.2f}"
        self.ax.set_title(title if self.cost_panel else f"{title}, cost {cost:.4f}")
        if self.cost_panel:
            steps = np.arange(n_iter + 1)
            self.curve.set_data(steps, costs)
            self.mark.set_data([n_iter], [cost])
            _show_costs(self, steps, costs)
            self.ax_cost.set_title(f"cost {cost:.4f} (l2 = {l2:.3g})")
        return {"w": w, "b": b, "cost": cost, "accuracy": accuracy, "n_iter": int(n_iter)}


def draw_training(
    fig, X, t, lr=1.0, n_iter=20, l2=0.01, *, w0=None, b0=0.0, reference=None, reference_label="Bayes / LDA", cost_panel=True
):
    """Logistic regression after ``n_iter`` steps of gradient descent from ``(w0, b0)``.

    Left: the data, the boundary ``w^T x + b = 0`` reached so far and, dashed, a
    ``reference = (w, b)`` boundary (e.g. the Bayes solution); right: the cost
    :func:`mlhelpers.logistic_cost` at every iterate up to ``n_iter``
    (:func:`mlhelpers.descent_path.logistic_descent_path`).

    Parameters
    ----------
    fig : matplotlib Figure or SubFigure
    X : ndarray of shape (N, 2)
    t : ndarray of shape (N,), labels 0/1
    lr : float > 0
    n_iter : int >= 0
    l2 : float >= 0
    w0, b0 : starting point (default w = 0, b = 0)
    reference : (w, b), optional
    cost_panel : bool
        Draw the cost curve on the right (False: the data panel only, with the cost
        in its title; lighter for static figures of several settings).

    Returns
    -------
    state : dict
        ``w``, ``b``, ``cost`` (at the last iterate), ``accuracy`` (on X, t) and
        ``n_iter``.
    """
    X = as_matrix(X)
    t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0]).astype(float)
    scene = TrainingScene(
        fig, X, t, w0=w0, b0=b0, reference=reference, reference_label=reference_label, cost_panel=cost_panel, max_iter=n_iter
    )
    return scene.update(lr=lr, n_iter=n_iter, l2=l2)


def training_explorer(X, t, *, lr=1.0, n_iter=20, l2=0.01, w0=None, b0=0.0, reference=None, max_iter=200, max_lr=5.0) -> Explorer:
    """Sliders for the learning rate, the number of iterations and ``l2``; the
    boundary and the cost curve redrawn (see :func:`draw_training`)."""
    X = as_matrix(X)
    if X.shape[1] != 2:
        raise ValueError(f"X must have 2 columns, got {X.shape[1]}")
    t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0]).astype(float)
    controls = {
        "lr": slider("learning rate lr", lr, 0.05, max_lr, 0.05),
        "n_iter": slider("iterations", n_iter, 0, max_iter, 1, integer=True),
        "l2": slider("l2", l2, 0.0, _L2_MAX, 0.005),
    }
    # The cost axis is fixed, in whole decades around the costs of the two most
    # extreme runs the sliders allow: the largest rate without penalty (the lowest
    # costs) and with the largest (the highest: oscillation, and the penalty on w0).
    # Any other setting's costs beyond it are marked on the axis's edge.
    extremes = [logistic_descent_path(X, t, lr=max_lr, n_iter=max_iter, l2=l2, w0=w0, b0=b0)[2] for l2 in (0.0, _L2_MAX)]
    cost_range = log_range(min(c.min() for c in extremes), max(c.max() for c in extremes))
    scene = lambda fig: TrainingScene(  # noqa: E731
        fig, X, t, w0=w0, b0=b0, reference=reference, max_iter=max_iter, cost_range=cost_range
    )
    return Explorer(scene, controls, figsize=(10.0, 4.2), scene=True)
