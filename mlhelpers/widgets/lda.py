"""Gaussian classes and the LDA boundary (notebook 02)."""

from __future__ import annotations

import itertools

import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib.collections import PolyCollection
from matplotlib.colors import BoundaryNorm

from ..gaussian_classes import lda_bayes_error, lda_setting
from ..models import LDA
from ..plotting import ellipse_points, line_points, scatter_classes
from ._bands import LEVELS, LOGITS, band
from ._explorer import Explorer, Scene, slider

__all__ = ["LdaScene", "draw_lda", "lda_explorer"]

_ALPHA = 0.35  # the shading's opacity: points, ellipses and the legend show through


class LdaScene(Scene):
    """Axes, colour bar and legend built once; the shading (an image of the
    posterior in 10 bands), the points, the ellipses and the boundary move.

    The posterior ``sigma(w^T x + b)`` is constant along the boundary's direction,
    so its 10 bands are parallel strips: the shading is one collection of (at most)
    10 polygons, the square clipped between the lines where the posterior crosses
    0.1, 0.2, ..., 0.9 (an image of the posterior, resampled to the screen every
    frame, cost 5 to 10 times as much). Two bands meet on antialiased edges: the
    pixels they share are a shade lighter (opacity 0.32 for 0.35 at worst), not
    visible; without antialiasing they would be drawn twice, a dark seam."""

    def __init__(self, fig, *, n_points=200, lim=6.0, random_state=0):
        self.n_points, self.lim = n_points, lim
        rng = np.random.default_rng(random_state)
        self.z0, self.z1 = rng.standard_normal((n_points, 2)), rng.standard_normal((n_points, 2))
        self.ax = ax = fig.add_subplot()
        colours = ScalarMappable(norm=BoundaryNorm(LEVELS, 256), cmap="PuOr_r")
        self.band_colours = colours.to_rgba(0.5 * (LEVELS[:-1] + LEVELS[1:]), alpha=_ALPHA)
        self.square = np.array([[-lim, -lim], [lim, -lim], [lim, lim], [-lim, lim]])
        self.shade = PolyCollection([], linewidths=0, zorder=0)
        ax.add_collection(self.shade, autolim=False)
        fig.colorbar(colours, ax=ax, label="$P(t=1 \\mid x)$", alpha=_ALPHA)  # pale, as the shading
        X = np.vstack([self.z0[:1], self.z1[:1]])
        scatter_classes(X, np.array([0, 1]), ax, title=" ", s=14, alpha=0.6)
        self.clouds = ax.collections[-2:]
        style = {"lw": 1.2, "ls": "--"}
        self.ellipses = [[ax.plot([], [], color=c, **style)[0] for _ in (1, 2)] for c in ("#0072B2", "#B35900")]
        self.means = [ax.plot([], [], marker="x", color=c, ms=10, mew=2.5, ls="none")[0] for c in ("#0072B2", "#B35900")]
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ax.set_aspect("equal")
        (self.line,) = ax.plot([], [], color="#000000", lw=2, label="LDA boundary")
        ax.legend(loc="upper left", fontsize="small", framealpha=0.9)
        lines = [e for pair in self.ellipses for e in pair]
        self.animated = [self.shade, *self.clouds, *lines, *self.means, self.line, ax.title]  # the legend stays static: costly

    def update(self, m=2.0, rho=0.0, prior1=0.5, angle=45.0):
        if not -1 < rho < 1:
            raise ValueError(f"rho must lie strictly between -1 and 1 (a valid correlation), got {rho:g}")
        if m < 0:
            raise ValueError(f"m must be >= 0, got {m:g}")
        mu0, mu1, cov = lda_setting(m, rho, angle)
        lda = LDA.from_params(mu0, mu1, cov, prior1=prior1)
        error = lda_bayes_error(lda)
        bands = [(k, band(self.square, lda.w, lda.b, low, high)) for k, (low, high) in enumerate(itertools.pairwise(LOGITS))]
        bands = [(k, polygon) for k, polygon in bands if len(polygon) >= 3]
        self.shade.set_verts([polygon for _, polygon in bands])
        self.shade.set_facecolors(self.band_colours[[k for k, _ in bands]])
        chol = np.linalg.cholesky(cov)
        n, n1 = self.n_points, round(self.n_points * prior1)
        self.clouds[0].set_offsets(mu0 + self.z0[: n - n1] @ chol.T)
        self.clouds[1].set_offsets(mu1 + self.z1[:n1] @ chol.T)
        for mu, pair, mean in zip((mu0, mu1), self.ellipses, self.means):
            for r, line in zip((1.0, 2.0), pair):
                line.set_data(*ellipse_points(mu, chol, r))
            mean.set_data([mu[0]], [mu[1]])
        w1, w2, b = float(lda.w[0]), float(lda.w[1]), float(lda.b)
        self.line.set_data(*line_points(lda.w, b, (-self.lim, self.lim), (-self.lim, self.lim)))
        self.ax.set_title(f"w = ({w1:.2f}, {w2:.2f}), b = {b:.2f}; error rate {error:.1%}")  # plain text: no mathtext per frame
        return {"w": (w1, w2), "b": b, "mu0": tuple(mu0.tolist()), "mu1": tuple(mu1.tolist()), "bayes_error": error}


def draw_lda(fig, m=2.0, rho=0.0, prior1=0.5, angle=45.0, *, n_points=200, lim=6.0, random_state=0):
    """Two Gaussian classes with a shared covariance and their LDA (= Bayes) classifier.

    The means are ``mu0 = -mu1`` and ``mu1 = m sqrt(2) (cos angle, sin angle)`` (at the
    default 45 degrees, ``(-m, -m)`` and ``(m, m)``: the course's clouds for ``m = 2``);
    the shared covariance is ``[[1, rho], [rho, 1]]``; ``prior1 = P(t=1)``. Draws the
    posterior ``P(t=1 | x)`` as shading in 10 bands, the 1- and 2-sigma ellipses of
    both classes, ``n_points`` sample points (``round(n_points * prior1)`` of class 1;
    the same seeded standard-normal draws are reused, so points move smoothly as the
    sliders move), and the boundary ``w^T x + b = 0``.

    Returns
    -------
    state : dict
        ``w`` (tuple of 2 floats), ``b``, ``mu0``, ``mu1`` (tuples) and
        ``bayes_error`` (the error rate of this classifier on these classes; see
        :func:`mlhelpers.gaussian_classes.lda_bayes_error`).
    """
    scene = LdaScene(fig, n_points=n_points, lim=lim, random_state=random_state)
    return scene.update(m=m, rho=rho, prior1=prior1, angle=angle)


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
    return Explorer(LdaScene, controls, figsize=(6.5, 5.0), scene=True)
