"""Ridge regression on polynomial features (notebook 09)."""

from __future__ import annotations

import numpy as np

from ..features import polynomial_features
from ._explorer import Explorer, slider

__all__ = ["draw_ridge_fit", "draw_ridge_errors", "ridge_explorer"]


def _ridge_mse(degree, l2, x_train, t_train, x_test, t_test):
    from ..models import LinearRegression

    model = LinearRegression(l2=l2).fit(polynomial_features(x_train, degree), t_train)
    train = np.mean((model.predict(polynomial_features(x_train, degree)) - t_train) ** 2)
    test = np.mean((model.predict(polynomial_features(x_test, degree)) - t_test) ** 2)
    return model, float(train), float(test)


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
    from .._validation import as_vector
    from ..plotting import CLASS_COLORS, set_labels

    x_train, x_test = as_vector(x_train, "x_train"), as_vector(x_test, "x_test")
    t_train = as_vector(t_train, "t_train", length=x_train.size, length_of="x_train")
    t_test = as_vector(t_test, "t_test", length=x_test.size, length_of="x_test")
    l2 = 10.0**log10_l2
    model, train_mse, test_mse = _ridge_mse(degree, l2, x_train, t_train, x_test, t_test)
    ax_fit, ax_err = fig.subplots(1, 2) if errors else (fig.subplots(), None)
    ax_fit.scatter(x_test, t_test, s=12, marker="^", color=CLASS_COLORS[1], alpha=0.5, label="test points")
    ax_fit.scatter(x_train, t_train, s=40, marker="o", color=CLASS_COLORS[0], edgecolors="k", label="training points")
    lo, hi = min(x_train.min(), x_test.min()), max(x_train.max(), x_test.max())
    grid = np.linspace(lo, hi, 300)
    ax_fit.plot(grid, model.predict(polynomial_features(grid, degree)), color="k", lw=2, label="fitted curve")
    t_all = np.r_[t_train, t_test]
    pad = 0.5 * (t_all.max() - t_all.min())
    ax_fit.set_ylim(t_all.min() - pad, t_all.max() + pad)  # fixed, so a wild fit does not rescale the picture
    set_labels(ax_fit, f"degree {degree}, $l_2 = 10^{{{log10_l2:.1f}}}$: test MSE {test_mse:.3f}", "$x$", "$t$", legend=True)
    ax_fit.locator_params(axis="x", nbins=5)  # fewer x ticks: the labels of a narrow panel no longer collide
    if errors:
        draw_ridge_errors(ax_err, x_train, t_train, x_test, t_test, degree, marks=[log10_l2], lam_range=lam_range)
    return {
        "degree": int(degree),
        "l2": float(l2),
        "train_mse": train_mse,
        "test_mse": test_mse,
        "w_norm": float(np.linalg.norm(model.w)),
    }


def draw_ridge_errors(ax, x_train, t_train, x_test, t_test, degree=9, *, marks=(), lam_range=(-8.0, 1.0)):
    """Training and test MSE of ridge on polynomial features against log10(l2), on one axis.

    25 strengths evenly spaced in ``lam_range`` (log10 of l2), each fitted with
    :class:`mlhelpers.LinearRegression`; a dotted vertical line at each value of
    ``marks`` (log10 of l2), labelled "current $l_2$" when there is one (the
    explorer's right panel), "the settings shown" when there are several.

    Returns
    -------
    errors : ndarray of shape (25, 2)
        The training and test MSE drawn, one row per strength.
    """
    from .._validation import as_vector
    from ..plotting import plot_curves

    x_train, x_test = as_vector(x_train, "x_train"), as_vector(x_test, "x_test")
    t_train = as_vector(t_train, "t_train", length=x_train.size, length_of="x_train")
    t_test = as_vector(t_test, "t_test", length=x_test.size, length_of="x_test")
    lams = np.linspace(*lam_range, 25)
    errors = np.array([_ridge_mse(degree, 10.0**lam, x_train, t_train, x_test, t_test)[1:] for lam in lams])
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
    """Sliders for the ridge strength (log10 l2) and the polynomial degree; the fit and the errors redrawn.

    ``state`` is :func:`draw_ridge_fit`'s dict (train/test MSE, ``||w||``).
    """
    from .._validation import as_vector

    x_train, x_test = as_vector(x_train, "x_train"), as_vector(x_test, "x_test")
    t_train = as_vector(t_train, "t_train", length=x_train.size, length_of="x_train")
    t_test = as_vector(t_test, "t_test", length=x_test.size, length_of="x_test")
    controls = {
        "log10_l2": slider("log10 l2", log10_l2, lam_range[0], lam_range[1], 0.25),
        "degree": slider("degree", degree, 1, max_degree, 1, integer=True),
    }
    return Explorer(
        lambda fig, **v: draw_ridge_fit(fig, x_train, t_train, x_test, t_test, lam_range=lam_range, **v),
        controls,
        figsize=(11.0, 4.0),
    )
