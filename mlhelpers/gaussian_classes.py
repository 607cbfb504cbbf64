"""Two Gaussian classes with a shared covariance: the setting of notebook 02, and
the error rate of a linear classifier on them."""

from __future__ import annotations

from math import erfc, sqrt

import numpy as np

__all__ = ["lda_setting", "lda_bayes_error"]


def lda_setting(m, rho, angle):
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

    def phi(z):  # standard normal CDF
        return 0.5 * erfc(-z / sqrt(2.0))

    spread = sqrt(float(lda.w @ lda.cov @ lda.w))
    if spread == 0:  # equal means: the classifier always answers the likelier class
        return min(lda.prior1, 1.0 - lda.prior1)
    s0 = float(lda.w @ lda.mu0 + lda.b) / spread
    s1 = float(lda.w @ lda.mu1 + lda.b) / spread
    return (1.0 - lda.prior1) * phi(s0) + lda.prior1 * phi(-s1)
