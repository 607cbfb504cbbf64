"""Gaussian classes and the LDA boundary (notebook 02)."""

from __future__ import annotations

import numpy as np

from ..plotting import draw_line, scatter_classes
from ._explorer import Explorer, slider

__all__ = ["lda_bayes_error", "draw_lda", "lda_explorer"]


def _lda_setting(m, rho, angle):
    """Means ``-mu1`` and ``mu1 = m * sqrt(2) * (cos angle, sin angle)`` (so (m, m) at
    45 degrees) and the shared covariance ``[[1, rho], [rho, 1]]``."""
    theta = np.radians(angle)
    mu1 = m * np.sqrt(2.0) * np.array([np.cos(theta), np.sin(theta)])
    return -mu1, mu1, np.array([[1.0, rho], [rho, 1.0]])


def lda_bayes_error(lda) -> float:
    """The error rate of an LDA classifier on the Gaussian classes it was built from:
    ``P(t=0) Phi((w^T mu0 + b) / s) + P(t=1) Phi(-(w^T mu1 + b) / s)`` with
    ``s = sqrt(w^T Sigma w)``, since the score ``w^T x + b`` of class k is Gaussian
    with mean ``w^T mu_k + b`` and variance ``w^T Sigma w``. ``lda`` is an
    :class:`mlhelpers.LDA` made with ``from_params`` (it keeps ``mu0``, ``mu1``, ``cov``,
    ``prior1``)."""
    from math import erfc, sqrt

    def phi(z):  # standard normal CDF
        return 0.5 * erfc(-z / sqrt(2.0))

    spread = sqrt(float(lda.w @ lda.cov @ lda.w))
    if spread == 0:  # equal means: the classifier always answers the likelier class
        return min(lda.prior1, 1.0 - lda.prior1)
    s0 = float(lda.w @ lda.mu0 + lda.b) / spread
    s1 = float(lda.w @ lda.mu1 + lda.b) / spread
    return (1.0 - lda.prior1) * phi(s0) + lda.prior1 * phi(-s1)


def draw_lda(fig, m=2.0, rho=0.0, prior1=0.5, angle=45.0, *, n_points=200, lim=6.0, random_state=0):
    """Two Gaussian classes with a shared covariance and their LDA (= Bayes) classifier.

    The means are ``mu0 = -mu1`` and ``mu1 = m sqrt(2) (cos angle, sin angle)`` (at the
    default 45 degrees, ``(-m, -m)`` and ``(m, m)``: seed 001's clouds for ``m = 2``);
    the shared covariance is ``[[1, rho], [rho, 1]]``; ``prior1 = P(t=1)``. Draws the
    posterior ``P(t=1 | x)`` as shading, the 1- and 2-sigma ellipses of both classes,
    ``n_points`` sample points (``round(n_points * prior1)`` of class 1; the same
    seeded standard-normal draws are reused, so points move smoothly as the sliders
    move), and the boundary ``w^T x + b = 0``.

    Returns
    -------
    state : dict
        ``w`` (tuple of 2 floats), ``b``, ``mu0``, ``mu1`` (tuples) and
        ``bayes_error`` (the error rate of this classifier on these classes; see
        :func:`lda_bayes_error`).
    """
    from ..models import LDA
    from ..plotting import draw_gaussian

    if not -1 < rho < 1:
        raise ValueError(f"rho must lie strictly between -1 and 1 (a valid correlation), got {rho:g}")
    if m < 0:
        raise ValueError(f"m must be >= 0, got {m:g}")
    mu0, mu1, cov = _lda_setting(m, rho, angle)
    lda = LDA.from_params(mu0, mu1, cov, prior1=prior1)
    error = lda_bayes_error(lda)

    ax = fig.add_subplot()
    g1, g2 = np.meshgrid(np.linspace(-lim, lim, 120), np.linspace(-lim, lim, 120))
    post = lda.predict_proba(np.column_stack([g1.ravel(), g2.ravel()])).reshape(g1.shape)
    img = ax.contourf(g1, g2, post, levels=np.linspace(0, 1, 11), cmap="PuOr_r", alpha=0.35, vmin=0, vmax=1)
    fig.colorbar(img, ax=ax, label="$P(t=1 \\mid x)$")

    rng = np.random.default_rng(random_state)
    z0, z1 = rng.standard_normal((n_points, 2)), rng.standard_normal((n_points, 2))
    chol = np.linalg.cholesky(cov)
    n1 = round(n_points * prior1)
    X = np.vstack([mu0 + z0[: n_points - n1] @ chol.T, mu1 + z1[:n1] @ chol.T])
    t = np.repeat([0, 1], [n_points - n1, n1])
    w1, w2, b = float(lda.w[0]), float(lda.w[1]), float(lda.b)
    scatter_classes(X, t, ax, title=f"$w = ({w1:.2f}, {w2:.2f})$, $b = {b:.2f}$; error rate {error:.1%}", s=14, alpha=0.6)
    draw_gaussian(mu0, cov, ax, color="#0072B2")
    draw_gaussian(mu1, cov, ax, color="#B35900")
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    ax.set_aspect("equal")
    draw_line(lda.w, b, ax, label_text="LDA boundary")
    ax.legend(loc="upper left", fontsize="small", framealpha=0.9)
    return {"w": (w1, w2), "b": b, "mu0": tuple(mu0.tolist()), "mu1": tuple(mu1.tolist()), "bayes_error": error}


def lda_explorer(*, m=2.0, rho=0.0, prior1=0.5, angle=45.0) -> Explorer:
    """Sliders for the mean offset ``m``, the direction ``angle`` (degrees) of
    ``mu1 - mu0``, the correlation ``rho`` of the shared covariance and the prior
    ``P(t=1)``; the clouds, the posterior shading and the LDA boundary are redrawn
    (see :func:`draw_lda`). ``state`` reports ``w``, ``b`` and the error rate."""
    controls = {
        "m": slider("mean offset m", m, 0.0, 3.0, 0.25),
        "angle": slider("angle of μ1 − μ0 (°)", angle, 0.0, 180.0, 15.0),
        "rho": slider("correlation ρ", rho, -0.9, 0.9, 0.1),
        "prior1": slider("prior P(t=1)", prior1, 0.05, 0.95, 0.05),
    }
    return Explorer(lambda fig, **v: draw_lda(fig, **v), controls, figsize=(6.5, 5.0))
