"""Ridge regression on polynomial features (notebook 09)."""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D

from ..features import polynomial_features
from ._explorer import Explorer, Scene, slider

__all__ = ["RidgeScene", "draw_ridge_fit", "draw_ridge_errors", "ridge_explorer"]

_N_STRENGTHS = 25  # strengths on the error curve
_LEGEND_FONTSIZE = "small"
_TITLE_PAD = 24.0  # points: the title clears the one-row legend above the axes (about 19 points high)


def _legend_above(ax, handles):
    """A one-row legend just above ``ax`` (below its title, padded by ``_TITLE_PAD``)."""
    return ax.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=len(handles),
        fontsize=_LEGEND_FONTSIZE,
        borderaxespad=0.3,
        frameon=False,
    )


def _ridge_weights(F, t, l2s):
    """Ridge weights and biases for every strength in ``l2s`` at once, shape (K, D) and (K,).

    The closed form of :class:`mlhelpers.LinearRegression` (centre X and t, solve
    ``(Xc^T Xc + N l2 I) w = Xc^T tc``, ``b = t_mean - x_mean @ w``), with the K
    systems stacked into one ``np.linalg.solve`` (which runs LAPACK on each, as
    the model's own fit does). Every ``l2`` must be > 0."""
    x_mean, t_mean = F.mean(axis=0), t.mean()
    Fc, tc = F - x_mean, t - t_mean
    A = Fc.T @ Fc
    l2s = np.asarray(l2s, dtype=float)
    stack = np.repeat(A[None], l2s.size, axis=0)
    diag = np.arange(A.shape[0])
    stack[:, diag, diag] += F.shape[0] * l2s[:, None]
    rhs = np.broadcast_to(Fc.T @ tc, (l2s.size, A.shape[0]))[..., None]
    W = np.linalg.solve(stack, rhs)[..., 0]
    return W, t_mean - W @ x_mean


def _mse_rows(F, W, b, t):
    """Mean squared error of each row's predictions ``F @ w_k + b_k``, shape (K,)."""
    return np.mean((W @ F.T + b[:, None] - t) ** 2, axis=1)


def _ridge_errors(F_train, t_train, F_test, t_test, lams):
    W, b = _ridge_weights(F_train, t_train, 10.0**lams)
    return np.column_stack([_mse_rows(F_train, W, b, t_train), _mse_rows(F_test, W, b, t_test)])


def _ridge_mse(degree, l2, x_train, t_train, x_test, t_test):
    from ..models import LinearRegression

    model = LinearRegression(l2=l2).fit(polynomial_features(x_train, degree), t_train)
    train = np.mean((model.predict(polynomial_features(x_train, degree)) - t_train) ** 2)
    test = np.mean((model.predict(polynomial_features(x_test, degree)) - t_test) ** 2)
    return model, float(train), float(test)


def _check_data(x_train, t_train, x_test, t_test):
    from .._validation import as_vector

    x_train, x_test = as_vector(x_train, "x_train"), as_vector(x_test, "x_test")
    t_train = as_vector(t_train, "t_train", length=x_train.size, length_of="x_train")
    t_test = as_vector(t_test, "t_test", length=x_test.size, length_of="x_test")
    return x_train, t_train, x_test, t_test


class RidgeScene(Scene):
    """Both panels built once: points, axes on fixed limits, titles' places, and the two
    legends in a row above each axes (below its title), where no moving artist passes,
    so they are part of the cached background. Per frame only the fitted curve, the fit
    panel's top and bottom spines (a wild fit leaves through them), its title (the
    numbers), and on the error panel the two error curves and the "current l2" line
    are drawn over the cached rest.

    A frame fits the current setting with :class:`mlhelpers.LinearRegression` (the
    state's numbers); the error curves of every degree in ``degrees`` (25 strengths
    each, one stacked closed-form solve per degree) are computed at construction and
    the log y limits hold them all, so a new degree moves only the curves."""

    def __init__(
        self, fig, x_train, t_train, x_test, t_test, *, degree=9, log10_l2=-3.0, lam_range=(-8.0, 1.0), errors=True, degrees=None
    ):
        from ..plotting import CLASS_COLORS

        self.data = _check_data(x_train, t_train, x_test, t_test)
        x_train, t_train, x_test, t_test = self.data
        self.lams = np.linspace(*lam_range, _N_STRENGTHS)
        ax_fit, ax_err = fig.subplots(1, 2) if errors else (fig.subplots(), None)
        self.ax_fit, self.ax_err = ax_fit, ax_err
        ax_fit.scatter(x_test, t_test, s=12, marker="^", color=CLASS_COLORS[1], alpha=0.5, label="test points")
        ax_fit.scatter(x_train, t_train, s=40, marker="o", color=CLASS_COLORS[0], edgecolors="k", label="training points")
        lo, hi = min(x_train.min(), x_test.min()), max(x_train.max(), x_test.max())
        self.grid = np.linspace(lo, hi, 300)
        (self.curve,) = ax_fit.plot(self.grid, np.zeros_like(self.grid), color="k", lw=2, label="fitted curve")
        t_all = np.r_[t_train, t_test]
        pad = 0.5 * (t_all.max() - t_all.min())
        ax_fit.set_ylim(t_all.min() - pad, t_all.max() + pad)  # fixed, so a wild fit does not rescale the picture
        ax_fit.set_xlim(ax_fit.get_xlim())  # the x extent of the points and the grid: frozen
        ax_fit.set_xlabel("$x$")
        ax_fit.set_ylabel("$t$")
        ax_fit.set_title(" ", pad=_TITLE_PAD)
        # The legend in a row between the title and the axes, where no moving artist passes:
        # it is part of the cached background. Its curve handle is a proxy of the same style.
        handles = [*ax_fit.collections, Line2D([], [], color="k", lw=2, label="fitted curve")]
        self.fit_legend = _legend_above(ax_fit, handles)
        ax_fit.locator_params(axis="x", nbins=5)  # fewer x ticks: the labels of a narrow panel no longer collide
        # A wild fit leaves through the top or the bottom, where the spines are drawn over it
        # (zorder 2.5 over 2); it never reaches the sides (the x margins), whose spines are static.
        self.animated = [self.curve, ax_fit.spines["top"], ax_fit.spines["bottom"], ax_fit.title]
        if errors:
            draw_ridge_errors(ax_err, *self.data, degree, marks=[log10_l2], lam_range=lam_range)
            self.train_line, self.test_line, self.mark = ax_err.lines[:3]
            # The error curves of every degree the scene can show, computed once (one stacked
            # solve per degree); the log y limits hold them all, so a new degree moves
            # only the curves, never the axis.
            degrees = sorted({int(degree), *(() if degrees is None else map(int, degrees))})
            self.errors = {d: _ridge_errors(*self._features(d), self.lams) for d in degrees}
            ys = np.concatenate([e.ravel() for e in self.errors.values()])
            ax_err.update_datalim(np.column_stack([np.full(2, self.lams[0]), [ys.min(), ys.max()]]))
            ax_err.set_xlim(ax_err.get_xlim())  # lam_range with margins
            ax_err.autoscale_view(scalex=False)
            ax_err.set_ylim(ax_err.get_ylim())  # frozen
            # The legend above the axes as on the left (it replaces draw_ridge_errors' one
            # inside), its handles proxies of the lines' style.
            lines = (self.train_line, self.test_line, self.mark)
            style = lambda ln: {"color": ln.get_color(), "ls": ln.get_linestyle(), "lw": ln.get_linewidth()}  # noqa: E731
            _legend_above(ax_err, [Line2D([], [], label=ln.get_label(), **style(ln)) for ln in lines])
            ax_err.set_title(ax_err.get_title(), pad=_TITLE_PAD)
            # The "current l2" line spans the axes' height, under the top and bottom spines;
            # nothing reaches the side spines (the x margins), which stay static.
            self.animated += [*lines, ax_err.spines["top"], ax_err.spines["bottom"]]

    def _features(self, degree):
        x_train, t_train, x_test, t_test = self.data
        return polynomial_features(x_train, degree), t_train, polynomial_features(x_test, degree), t_test

    def update(self, log10_l2=-3.0, degree=9):
        x_train, t_train, x_test, t_test = self.data
        degree = int(degree)
        l2 = 10.0**log10_l2
        model, train_mse, test_mse = _ridge_mse(degree, l2, x_train, t_train, x_test, t_test)
        self.curve.set_ydata(model.predict(polynomial_features(self.grid, degree)))
        # Plain text (log10 l2, as on the slider): mathtext would be parsed anew for every value, ~10 ms a frame.
        self.ax_fit.title.set_text(f"degree {degree}, log₁₀ l₂ = {log10_l2:.1f}: test MSE {test_mse:.3f}".replace("-", "−"))
        if self.ax_err is not None:
            self.mark.set_xdata([log10_l2, log10_l2])
            errors = self.errors.get(degree)
            if errors is None:  # a degree outside ``degrees``: fitted now, limits unchanged
                errors = _ridge_errors(*self._features(degree), self.lams)
            self.train_line.set_ydata(errors[:, 0])
            self.test_line.set_ydata(errors[:, 1])
        return {
            "degree": degree,
            "l2": float(l2),
            "train_mse": train_mse,
            "test_mse": test_mse,
            "w_norm": float(np.linalg.norm(model.w)),
        }


def draw_ridge_fit(fig, x_train, t_train, x_test, t_test, log10_l2=-3.0, degree=9, *, lam_range=(-8.0, 1.0), errors=True):
    """Ridge regression on polynomial features of a 1-D input, and its error against the strength.

    Fits :class:`mlhelpers.LinearRegression` with ``l2 = 10 ** log10_l2`` on
    ``x, x^2, ..., x^degree``. Left: training and test points and the fitted
    curve. Right: training and test MSE for strengths across ``lam_range`` (log10
    of l2), the current strength marked by a vertical line (:func:`draw_ridge_errors`).
    ``errors=False`` draws the left panel alone: a static figure of several
    settings then draws the (identical) error curve once, not once per setting.

    Returns
    -------
    state : dict
        ``degree``, ``l2``, ``train_mse``, ``test_mse`` (mean squared errors at the
        current setting) and ``w_norm`` (``||w||``, which ridge shrinks).
    """
    scene = RidgeScene(
        fig, x_train, t_train, x_test, t_test, degree=degree, log10_l2=log10_l2, lam_range=lam_range, errors=errors
    )
    return scene.update(log10_l2=log10_l2, degree=degree)


def draw_ridge_errors(ax, x_train, t_train, x_test, t_test, degree=9, *, marks=(), lam_range=(-8.0, 1.0)):
    """Training and test MSE of ridge on polynomial features against log10(l2), on one axis.

    25 strengths evenly spaced in ``lam_range`` (log10 of l2), each fitted by the
    closed form of :class:`mlhelpers.LinearRegression` (all 25 in one stacked
    solve); a dotted vertical line at each value of ``marks`` (log10 of l2),
    labelled "current $l_2$" when there is one (the explorer's right panel), "the
    settings shown" when there are several.

    Returns
    -------
    errors : ndarray of shape (25, 2)
        The training and test MSE drawn, one row per strength.
    """
    from ..plotting import plot_curves

    x_train, t_train, x_test, t_test = _check_data(x_train, t_train, x_test, t_test)
    lams = np.linspace(*lam_range, _N_STRENGTHS)
    F_train, F_test = polynomial_features(x_train, degree), polynomial_features(x_test, degree)
    errors = _ridge_errors(F_train, t_train, F_test, t_test, lams)
    plot_curves(
        lams,
        {"training MSE": errors[:, 0], "test MSE": errors[:, 1]},
        ax,
        logy=True,
        title="Error against the penalty",
        xlabel="$\\log_{10} l_2$",
        ylabel="mean squared error",
    )
    ax.minorticks_off()  # fewer tick labels to lay out: a faster redraw
    marks = list(marks)
    for k, m in enumerate(marks):  # one legend entry for all the lines
        text = "current $l_2$" if len(marks) == 1 else "the settings shown"
        ax.axvline(m, color="grey", ls=":", lw=2, label=text if k == 0 else None)
    ax.legend(loc="upper center", fontsize="small")  # clear of the test curve, which is high on the left
    return errors


def ridge_explorer(
    x_train, t_train, x_test, t_test, *, log10_l2=-3.0, degree=9, max_degree=15, lam_range=(-8.0, 1.0)
) -> Explorer:
    """Sliders for the ridge strength (log10 l2) and the polynomial degree; the fit and the errors follow.

    ``state`` is :func:`draw_ridge_fit`'s dict (train/test MSE, ``||w||``); the
    figure is a :class:`RidgeScene`, built once.
    """
    data = _check_data(x_train, t_train, x_test, t_test)
    controls = {
        "log10_l2": slider("log10 l2", log10_l2, lam_range[0], lam_range[1], 0.25),
        "degree": slider("degree", degree, 1, max_degree, 1, integer=True),
    }
    degrees = range(1, max_degree + 1)
    scene = lambda fig: RidgeScene(fig, *data, degree=degree, log10_l2=log10_l2, lam_range=lam_range, degrees=degrees)  # noqa: E731
    return Explorer(scene, controls, figsize=(11.0, 4.0), scene=True)
