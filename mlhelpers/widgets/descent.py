"""Gradient descent on 2-D surfaces (notebook 05) and on logistic regression (notebook 06)."""

from __future__ import annotations

import numpy as np

from .._validation import as_labels, as_matrix
from ..plotting import draw_line, scatter_classes
from ._explorer import Explorer, slider

__all__ = ["DESCENT_SURFACES", "draw_descent", "descent_explorer", "draw_training", "training_explorer"]


def _quartic(w1, w2):
    return w1**2 + w2**4


def _quartic_grad(w):
    return np.array([2.0 * w[0], 4.0 * w[1] ** 3])


def _elongated(w1, w2):
    return 0.5 * (w1**2 + 8.0 * w2**2)


def _elongated_grad(w):
    return np.array([w[0], 8.0 * w[1]])


#: Cost surfaces of :func:`draw_descent`: name -> (J(w1, w2) vectorized, gradient of a (2,) array, LaTeX label).
DESCENT_SURFACES = {
    "quartic": (_quartic, _quartic_grad, "$J = w_1^2 + w_2^4$"),
    "elongated": (_elongated, _elongated_grad, "$J = (w_1^2 + 8 w_2^2) / 2$"),
}


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
        ``w1^2 + w2^4`` (seed 001's exercise) or ``(w1^2 + 8 w2^2) / 2`` (stable
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
    import warnings

    from ..optimize import gradient_descent
    from ..plotting import contour_path, plot_history

    if surface not in DESCENT_SURFACES:
        raise ValueError(f"surface must be one of {sorted(DESCENT_SURFACES)}, got {surface!r}")
    f, grad, name = DESCENT_SURFACES[surface]
    with warnings.catch_warnings():  # an overflow (lr far too large) is reported in the state instead
        warnings.simplefilter("ignore", RuntimeWarning)
        _, path = gradient_descent(grad, np.array([w1, w2], dtype=float), lr=lr, n_steps=n_steps)
    outside = np.flatnonzero(np.abs(path).max(axis=1) > 10 * lim)
    cut = path.shape[0] < n_steps + 1 or outside.size > 0
    if outside.size:
        path = path[: outside[0] + 1]
    with np.errstate(over="ignore"):
        costs = f(path[:, 0], path[:, 1])
    diverged = bool(cut or costs[-1] > costs[0])
    ax_path, ax_cost = fig.subplots(1, 2) if cost_panel else (fig.add_subplot(), None)
    levels = np.geomspace(1e-3, f(np.array(lim), np.array(lim)), 15)
    title = f"{name}, lr = {lr:.3g}" + (": diverged" if diverged else "" if cost_panel else f": J = {costs[-1]:.2g}")
    contour_path(f, path, ax_path, xlim=(-lim, lim), ylim=(-lim, lim), levels=levels, title=title, resolution=120)
    ax_path.legend(loc="lower right", fontsize="small", framealpha=0.9)
    if cost_panel:
        title = f"$J$ after {path.shape[0] - 1} steps"
        plot_history(np.clip(costs, 1e-12, 1e12), ax_cost, logy=True, xlabel="step $k$", title=title)
    return {"w": path[-1].copy(), "J": float(costs[-1]), "steps": int(path.shape[0] - 1), "diverged": diverged}


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
    return Explorer(lambda fig, **v: draw_descent(fig, surface=surface, lim=lim, **v), controls, figsize=(10.0, 4.2))


# ------------------------------------------ notebook 06: training logistic regression
def _descent_run(X, t, lr, n_iter, l2, w0=None, b0=0.0):
    """``n_iter`` steps of batch gradient descent from (w0, b0); every cost and the final (w, b)."""
    from ..optimize import _cost_and_gradient

    w = np.zeros(X.shape[1]) if w0 is None else np.array(w0, dtype=float)
    b, costs = float(b0), []
    for _ in range(n_iter):
        cost, dw, db = _cost_and_gradient(w, b, X, t, l2)
        costs.append(cost)
        w, b = w - lr * dw, b - lr * db
    costs.append(_cost_and_gradient(w, b, X, t, l2)[0])
    return w, float(b), np.array(costs)


def draw_training(
    fig, X, t, lr=1.0, n_iter=20, l2=0.01, *, w0=None, b0=0.0, reference=None, reference_label="Bayes / LDA", cost_panel=True
):
    """Logistic regression after ``n_iter`` steps of gradient descent from ``(w0, b0)``.

    Left: the data, the boundary ``w^T x + b = 0`` reached so far and, dashed, a
    ``reference = (w, b)`` boundary (e.g. the Bayes solution); right: the cost
    :func:`mlhelpers.logistic_cost` at every iterate up to ``n_iter``.

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
    w, b, costs = _descent_run(X, t, lr, n_iter, l2, w0, b0)
    accuracy = float(np.mean(((X @ w + b) > 0) == (t == 1)))
    ax_data, ax_cost = fig.subplots(1, 2) if cost_panel else (fig.add_subplot(), None)
    steps = "1 step" if n_iter == 1 else f"{n_iter} steps"
    title = f"after {steps}, lr = {lr:.3g}: accuracy {accuracy:.3f}"
    scatter_classes(X, t, ax_data, title=title if cost_panel else f"{title}\ncost {costs[-1]:.4f}")
    pad = 0.5
    ax_data.set_xlim(X[:, 0].min() - pad, X[:, 0].max() + pad)
    ax_data.set_ylim(X[:, 1].min() - pad, X[:, 1].max() + pad)
    if reference is not None:
        draw_line(reference[0], reference[1], ax_data, label_text=reference_label, ls="--", color="grey")
    draw_line(w, b, ax_data, label_text=f"$w = ({w[0]:.2f}, {w[1]:.2f})$, $b = {b:.2f}$")
    ax_data.legend(loc="upper left", fontsize="small", framealpha=0.9)
    state = {"w": w, "b": b, "cost": float(costs[-1]), "accuracy": accuracy, "n_iter": int(n_iter)}
    if not cost_panel:
        return state
    from ..plotting import CLASS_COLORS, plot_history

    plot_history(costs, ax_cost, xlabel="iteration $k$", title=f"cost {costs[-1]:.4f} (l2 = {l2:.3g})", logy=True)
    ax_cost.plot([n_iter], [costs[-1]], "o", color=CLASS_COLORS[1], ms=7)
    ax_cost.set_xlim(0, max(n_iter, 1))
    return state


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
        "l2": slider("l2", l2, 0.0, 0.2, 0.005),
    }
    return Explorer(
        lambda fig, **v: draw_training(fig, X, t, w0=w0, b0=b0, reference=reference, **v), controls, figsize=(10.0, 4.2)
    )
