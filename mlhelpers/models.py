"""Estimators: thin shells over :mod:`losses` and :mod:`solvers`.

Every estimator has ``fit(X, t)`` returning ``self``, readable fitted state
(``w``, ``b``, and ``history`` where training is iterative), ``score`` and a
``__repr__`` that shows its settings. ``X`` is (N, D); the bias ``b`` is kept apart
from ``w``. They follow scikit-learn's conventions (:mod:`mlhelpers.base`): the
constructor only stores, ``fit`` checks; the names map to scikit-learn's as the
table in :mod:`mlhelpers` says.
"""

from __future__ import annotations

import numpy as np

from ._validation import (
    as_labels,
    as_matrix,
    as_scalar,
    as_vector,
    check_choice,
    check_fraction,
    check_nonnegative,
    check_positive,
    check_positive_int,
    rng_from,
)
from .base import Estimator
from .functions import _sigmoid
from .losses import _squared_error_cost, _squared_error_gradient
from .solvers import (
    fit_logistic_gd,
    fit_logistic_lbfgs,
    fit_logistic_newton,
    fit_logistic_saga,
    fit_logistic_sgd,
    proximal_descent,
)

__all__ = ["LDA", "LinearRegression", "LogisticRegression", "Perceptron"]


class _LinearModel(Estimator):
    """Shared parts: the fitted check, the linear score ``X @ w + b`` and the accuracy."""

    _labels = (0, 1)
    w = b = None  # until fit

    def score(self, X, t) -> float:
        """Accuracy of ``predict(X)`` against the labels ``t`` (what scikit-learn's model selection maximizes)."""
        y = self.predict(X)
        return float(np.mean(y == as_labels(t, "t", allowed=self._labels, length=y.shape[0])))

    def _check_X(self, X) -> np.ndarray:
        self._check_fitted()
        X = as_matrix(X)
        if X.shape[1] != self.w.shape[0]:
            raise ValueError(f"X has {X.shape[1]} columns but the model was fitted on {self.w.shape[0]}")
        return X

    def decision_function(self, X) -> np.ndarray:
        """The score ``X @ w + b`` for each row of ``X``; shape (N,)."""
        return self._check_X(X) @ self.w + self.b


class LogisticRegression(_LinearModel):
    """Binary logistic regression ``P(t=1 | x) = sigma(w^T x + b)``.

    Minimizes :func:`mlhelpers.logistic_cost`
    ``1/N sum_n CE(t_n, sigma(w^T x_n + b)) + l2/2 ||w||^2 + l1 ||w||_1``;
    the penalty is none, L2, L1 or elastic net depending on which strengths are > 0.
    scikit-learn's ``C`` corresponds to ``l2 = 1 / (C N)`` (see :mod:`losses`).

    Parameters
    ----------
    l2, l1 : float >= 0
        Penalty strengths.
    solver : {"gd", "sgd", "saga", "newton", "lbfgs"}
        Batch gradient descent (proximal step for L1); mini-batch stochastic
        gradient descent (one iteration = one epoch; with a constant ``lr`` it
        hovers near the optimum rather than reaching it); mini-batch SAGA, SGD with
        variance reduction, which reaches the exact optimum with a constant ``lr``;
        Newton's method; or L-BFGS, a quasi-Newton method that learns the curvature
        from past gradients instead of forming the Hessian (scikit-learn's default
        solver). "newton" and "lbfgs" handle L2/none only: L1 is not
        differentiable, and asking for it raises ValueError.
    lr : float > 0
        Learning rate of "gd", "sgd" and "saga". Ignored by "newton" and "lbfgs"
        (they use a line search).
    max_iter : int >= 1
        Iterations (epochs for "sgd"). Reaching it before ``tol`` gives a
        :class:`mlhelpers.optimize.ConvergenceWarning`.
    tol : float > 0
        Stopping tolerance (see each solver in :mod:`mlhelpers.optimize`).
    batch_size : int >= 1
        Mini-batch size for "sgd" and "saga".
    l1_method : {"proximal", "subgradient"}
        How "gd"/"sgd" treat L1 ("saga" is always proximal): soft-thresholding (exact zeros) or the seed's
        ``l1 * sign(w)`` subgradient (jitters around zero).
    random_state : None, int or numpy Generator
        Seeds the sample order of "sgd" and "saga".
    record_weights : bool
        Keep every iterate of ``w`` in ``w_path`` (for plots of the descent).

    Attributes
    ----------
    w : ndarray of shape (D,)
    b : float
    history : ndarray
        ``history[k]`` is the cost at iterate k (after epoch k for "sgd"/"saga").
    n_iter : int
    converged : bool
    w_path : ndarray of shape (n_iter + 1, D) or None

    Examples
    --------
    >>> X = np.array([[-2.0], [-1.0], [1.0], [2.0]]); t = np.array([0, 1, 0, 1])
    >>> model = LogisticRegression(l2=0.1, solver="newton").fit(X, t)
    >>> model
    LogisticRegression(l2=0.1, l1=0.0, solver='newton')
    >>> model.predict(X).tolist()
    [0, 0, 1, 1]
    """

    _repr_params = ("l2", "l1", "solver")

    def __init__(
        self,
        l2: float = 0.0,
        l1: float = 0.0,
        *,
        solver: str = "gd",
        lr: float = 0.1,
        max_iter: int = 1000,
        tol: float = 1e-6,
        batch_size: int = 32,
        l1_method: str = "proximal",
        random_state=None,
        record_weights: bool = False,
    ):
        self.l2 = l2
        self.l1 = l1
        self.solver = solver
        self.lr = lr
        self.max_iter = max_iter
        self.tol = tol
        self.batch_size = batch_size
        self.l1_method = l1_method
        self.random_state = random_state
        self.record_weights = record_weights

    def _checked_settings(self) -> dict:
        solver = check_choice(self.solver, "solver", ("gd", "sgd", "saga", "newton", "lbfgs"))
        l1 = check_nonnegative(self.l1, "l1")
        if solver == "newton" and l1 > 0:
            raise ValueError("solver='newton' needs a twice-differentiable cost and does not support l1 > 0; use solver='gd'")
        if solver == "lbfgs" and l1 > 0:
            raise ValueError("solver='lbfgs' needs a differentiable cost and does not support l1 > 0; use solver='gd' or 'saga'")
        common = dict(
            l2=check_nonnegative(self.l2, "l2"),
            max_iter=check_positive_int(self.max_iter, "max_iter"),
            tol=check_positive(self.tol, "tol"),
            record_weights=bool(self.record_weights),
        )
        if solver in ("newton", "lbfgs"):
            return common
        common.update(l1=l1, lr=check_positive(self.lr, "lr"))
        if solver in ("sgd", "saga"):
            common.update(batch_size=check_positive_int(self.batch_size, "batch_size"), rng=rng_from(self.random_state))
        if solver in ("gd", "sgd"):
            common.update(l1_method=check_choice(self.l1_method, "l1_method", ("proximal", "subgradient")))
        return common

    def fit(self, X, t, *, w0=None, b0: float = 0.0) -> LogisticRegression:
        """Fit on ``X`` (N, D) and 0/1 targets ``t`` (N,), starting at ``w0`` (zeros) and ``b0``."""
        settings = self._checked_settings()
        X = as_matrix(X)
        t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0]).astype(np.float64)
        w = np.zeros(X.shape[1]) if w0 is None else as_vector(w0, "w0", length=X.shape[1], length_of="X's columns").copy()
        b = as_scalar(b0, "b0")
        solve = {
            "gd": fit_logistic_gd,
            "sgd": fit_logistic_sgd,
            "saga": fit_logistic_saga,
            "newton": fit_logistic_newton,
            "lbfgs": fit_logistic_lbfgs,
        }[self.solver]
        self.w, self.b, self.history, self.n_iter, self.converged, self.w_path = solve(X, t, w, b, **settings)
        return self

    def predict_proba(self, X) -> np.ndarray:
        """``P(t = 1 | x) = sigma(X @ w + b)``, shape (N,) (one column, unlike scikit-learn's two)."""
        return _sigmoid(self.decision_function(X))

    def predict(self, X, threshold: float = 0.5) -> np.ndarray:
        """Labels 0/1: 1 where ``predict_proba(X) > threshold``."""
        return (self.predict_proba(X) > check_fraction(threshold, "threshold")).astype(np.intp)


class Perceptron(_LinearModel):
    """Rosenblatt's perceptron (1958): online, error-driven, targets -1/+1.

    For each sample in turn, if ``t_n (w^T x_n + b) <= 0`` (a mistake; a score of
    exactly 0 counts as one) it updates ``w <- w + t_n x_n`` and, with
    ``fit_bias=True``, ``b <- b + t_n``. One epoch is one pass over the data; it
    stops after an epoch without mistakes (which happens if and only if the data are
    linearly separable, by the perceptron convergence theorem) or after
    ``max_epochs``.

    Parameters
    ----------
    fit_bias : bool
        Learn the bias ``b`` (False keeps ``b = 0``: a boundary through the origin).
    max_epochs : int >= 1
    shuffle : bool
        Visit the samples in a new random order each epoch (default: in order, as in
        the seed's exercise).
    random_state : None, int or numpy Generator

    Attributes
    ----------
    w, b : fitted weights and bias
    mistakes : list of int
        Mistakes (= updates) in each epoch.
    updates : list of tuple
        ``(epoch, n, w_after, b_after)`` for every update, to replay the algorithm.
    converged : bool
        True if the last epoch had no mistakes.

    Examples
    --------
    >>> X = [[2, 1], [1, 2], [3, 1], [3, 2], [1, 3], [2, 3]]; t = [-1, 1, -1, -1, 1, 1]
    >>> p = Perceptron(fit_bias=False).fit(X, t, w0=[0.5, -0.5])
    >>> p.updates[0][2].tolist()
    [-1.5, -1.5]
    """

    _repr_params = ("fit_bias", "max_epochs", "shuffle")
    _labels = (-1, 1)

    def __init__(self, *, fit_bias: bool = True, max_epochs: int = 100, shuffle: bool = False, random_state=None):
        self.fit_bias = fit_bias
        self.max_epochs = max_epochs
        self.shuffle = shuffle
        self.random_state = random_state

    def fit(self, X, t, *, w0=None, b0: float = 0.0) -> Perceptron:
        """Train on ``X`` (N, D) and targets ``t`` in {-1, +1}, from ``w0`` (zeros) and ``b0``."""
        max_epochs = check_positive_int(self.max_epochs, "max_epochs")
        fit_bias, shuffle = bool(self.fit_bias), bool(self.shuffle)
        rng = rng_from(self.random_state)
        X = as_matrix(X)
        t = as_labels(t, "t", allowed=(-1, 1), length=X.shape[0])
        w = np.zeros(X.shape[1]) if w0 is None else as_vector(w0, "w0", length=X.shape[1], length_of="X's columns").copy()
        b = as_scalar(b0, "b0") if fit_bias else 0.0
        if not fit_bias and b0 != 0.0:
            raise ValueError("b0 must be 0 when fit_bias=False")
        self.mistakes, self.updates = [], []
        for epoch in range(max_epochs):
            order = rng.permutation(X.shape[0]) if shuffle else range(X.shape[0])
            errors = 0
            for n in order:
                if t[n] * (X[n] @ w + b) <= 0:
                    w = w + t[n] * X[n]
                    if fit_bias:
                        b = b + t[n]
                    errors += 1
                    self.updates.append((epoch, int(n), w.copy(), float(b)))
            self.mistakes.append(errors)
            if errors == 0:
                break
        self.w, self.b = w, float(b)
        self.converged = self.mistakes[-1] == 0
        return self

    def predict(self, X) -> np.ndarray:
        """Labels -1/+1: the sign of ``X @ w + b`` (a score of exactly 0 gives -1)."""
        return np.where(self.decision_function(X) > 0, 1, -1)


class LDA(_LinearModel):
    """Linear discriminant analysis: the Bayes classifier for two Gaussian classes
    with a shared covariance.

    ``P(t=1 | x) = sigma(w^T x + b)`` with
    ``w = Sigma^-1 (mu1 - mu0)`` and
    ``b = 1/2 mu0^T Sigma^-1 mu0 - 1/2 mu1^T Sigma^-1 mu1 + ln(prior1 / prior0)``.
    The seed writes the last term as ``-ln(alpha / (1 - alpha))`` with
    ``alpha = P(t=0)``: the same number.

    ``fit`` estimates the class means, the pooled within-class covariance and the
    priors as class frequencies, all by maximum likelihood (the covariance divides
    the within-class scatter by N, as scikit-learn's ``LinearDiscriminantAnalysis``
    does, not by N - 2); ``from_params`` takes them as
    given. The linear systems are solved, never inverted explicitly.

    Examples
    --------
    >>> lda = LDA.from_params([-2, -2], [2, 2], np.eye(2))
    >>> lda.w.tolist(), lda.b
    ([4.0, 4.0], 0.0)
    """

    def __repr__(self) -> str:
        if self.w is None:
            return "LDA()"
        return f"LDA(w={np.array2string(self.w, precision=4)}, b={self.b:.4f})"

    @classmethod
    def from_params(cls, mu0, mu1, cov, prior1: float = 0.5) -> LDA:
        """The LDA classifier of known class means, shared covariance and P(t=1)."""
        mu0 = as_vector(mu0, "mu0")
        mu1 = as_vector(mu1, "mu1", length=mu0.shape[0], length_of="mu0")
        cov = as_matrix(cov, "cov")
        d = mu0.shape[0]
        if cov.shape != (d, d):
            raise ValueError(f"cov must have shape ({d}, {d}) to match the means, got {cov.shape}")
        if not np.allclose(cov, cov.T):
            raise ValueError("cov must be symmetric")
        try:
            np.linalg.cholesky(cov)
        except np.linalg.LinAlgError:
            raise ValueError("cov must be positive definite (all eigenvalues > 0)") from None
        prior1 = check_fraction(prior1, "prior1")
        model = cls()
        model.mu0, model.mu1, model.cov, model.prior1 = mu0, mu1, cov, prior1
        model.w = np.linalg.solve(cov, mu1 - mu0)
        quad0 = mu0 @ np.linalg.solve(cov, mu0)
        quad1 = mu1 @ np.linalg.solve(cov, mu1)
        model.b = float(0.5 * quad0 - 0.5 * quad1 + np.log(prior1 / (1.0 - prior1)))
        return model

    def fit(self, X, t) -> LDA:
        """Estimate means, pooled covariance and priors from ``X`` (N, D) and 0/1 ``t``."""
        X = as_matrix(X)
        t = as_labels(t, "t", allowed=(0, 1), length=X.shape[0])
        counts = np.bincount(t, minlength=2)
        if counts.min() < 2 or X.shape[0] < X.shape[1] + 2:
            raise ValueError(
                "t needs at least 2 samples of each class and N >= D + 2 to estimate a covariance; "
                f"class counts {counts.tolist()}, D = {X.shape[1]}"
            )
        X0, X1 = X[t == 0], X[t == 1]
        mu0, mu1 = X0.mean(axis=0), X1.mean(axis=0)
        scatter = (X0 - mu0).T @ (X0 - mu0) + (X1 - mu1).T @ (X1 - mu1)
        cov = scatter / X.shape[0]
        fitted = LDA.from_params(mu0, mu1, cov, prior1=counts[1] / X.shape[0])
        self.__dict__.update(fitted.__dict__)
        return self

    def predict_proba(self, X) -> np.ndarray:
        """Posterior ``P(t = 1 | x)``, shape (N,)."""
        return _sigmoid(self.decision_function(X))

    def predict(self, X) -> np.ndarray:
        """Labels 0/1: the class with the larger posterior."""
        return (self.decision_function(X) > 0).astype(np.intp)


class LinearRegression(_LinearModel):
    """Least squares and ridge regression ``y = X @ w + b``.

    Minimizes :func:`mlhelpers.squared_error_cost`
    ``1/(2N) ||X w + b - t||^2 + l2/2 ||w||^2`` (bias unpenalized). scikit-learn's
    ``Ridge(alpha)`` is ``l2 = alpha / N``; the seed's ``lambda`` is ``N * l2``.

    Parameters
    ----------
    l2 : float >= 0
    solver : {"closed", "gd"}
        ``"closed"`` centres X and t (which takes care of the bias) and solves the
        normal equations ``(Xc^T Xc + N l2 I) w = Xc^T tc`` with a linear solver,
        never an explicit inverse; with ``l2 = 0`` it uses ``np.linalg.lstsq``, which
        equals ``(X^T X)^-1 X^T t`` when X has full column rank and gives the
        minimum-norm solution when it does not (D > N). ``"gd"`` runs gradient
        descent from zero.
    lr, max_iter, tol : gradient-descent settings (ignored by "closed")

    Examples
    --------
    >>> m = LinearRegression().fit([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0])
    >>> round(float(m.w[0]), 6), round(m.b, 6)
    (2.0, 1.0)
    """

    _repr_params = ("l2", "solver")
    _estimator_type = "regressor"

    def __init__(self, l2: float = 0.0, *, solver: str = "closed", lr: float = 0.1, max_iter: int = 10000, tol: float = 1e-10):
        self.l2 = l2
        self.solver = solver
        self.lr = lr
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X, t) -> LinearRegression:
        """Fit on ``X`` (N, D) and real targets ``t`` (N,)."""
        l2 = check_nonnegative(self.l2, "l2")
        solver = check_choice(self.solver, "solver", ("closed", "gd"))
        X = as_matrix(X)
        t = as_vector(t, "t", length=X.shape[0])
        if solver == "closed":
            x_mean, t_mean = X.mean(axis=0), t.mean()
            Xc, tc = X - x_mean, t - t_mean
            if l2 == 0:
                w = np.linalg.lstsq(Xc, tc, rcond=None)[0]
            else:
                A = Xc.T @ Xc
                A[np.diag_indices_from(A)] += X.shape[0] * l2
                w = np.linalg.solve(A, Xc.T @ tc)
            self.w, self.b = w, float(t_mean - x_mean @ w)
            return self

        def smooth(w, b):
            return (_squared_error_cost(w, b, X, t, l2), *_squared_error_gradient(w, b, X, t, l2))

        fitted = proximal_descent(
            smooth,
            np.zeros(X.shape[1]),
            0.0,
            l1=0.0,
            lr=check_positive(self.lr, "lr"),
            max_iter=check_positive_int(self.max_iter, "max_iter"),
            tol=check_positive(self.tol, "tol"),
        )
        self.w, self.b, self.history, self.n_iter, self.converged, _ = fitted
        return self

    def predict(self, X) -> np.ndarray:
        """Predictions ``X @ w + b``, shape (N,)."""
        return self.decision_function(X)

    def score(self, X, t) -> float:
        """Coefficient of determination ``R^2 = 1 - SS_res / SS_tot`` on (X, t)."""
        y = self.predict(X)
        t = as_vector(t, "t", length=y.shape[0])
        ss_tot = np.sum((t - t.mean()) ** 2)
        if ss_tot == 0:
            raise ValueError("R^2 is undefined when t is constant")
        return float(1.0 - np.sum((t - y) ** 2) / ss_tot)
