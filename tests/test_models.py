"""Estimators against scikit-learn (the oracle) and against the seeds' numbers."""

import warnings

import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.linear_model import LinearRegression as SkLinearRegression
from sklearn.linear_model import LogisticRegression as SkLogisticRegression
from sklearn.linear_model import Ridge

import mlhelpers as mh
from mlhelpers.optimize import ConvergenceWarning

SEEDS = [0, 1, 2]


def overlapping_problem(seed, n=300, d=5):
    """Standardized Gaussian features, labels drawn from a logistic model: not separable."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    w_true = rng.normal(size=d)
    t = (rng.uniform(size=n) < mh.sigmoid(X @ w_true + 0.5)).astype(int)
    return X, t


def sklearn_fit(X, t, l2, l1):
    """scikit-learn's LogisticRegression for our (l2, l1) strengths: C = 1 / ((l1 + l2) N)."""
    n = X.shape[0]
    if l1 == l2 == 0:
        model = SkLogisticRegression(C=np.inf, solver="lbfgs", tol=1e-12, max_iter=10000)
    else:
        model = SkLogisticRegression(
            C=1.0 / ((l1 + l2) * n), l1_ratio=l1 / (l1 + l2), solver="saga" if l1 else "lbfgs", tol=1e-12, max_iter=100000
        )
    model.fit(X, t)
    return model.coef_[0], model.intercept_[0]


SOLVER_SETTINGS = {
    "gd": dict(lr=1.0, max_iter=100000, tol=1e-10),
    "saga": dict(lr=0.1, batch_size=16, max_iter=20000, tol=1e-10, random_state=0),
    "newton": dict(max_iter=100, tol=1e-12),
    "lbfgs": dict(max_iter=1000, tol=1e-10),
}
PENALTIES = {"none": (0.0, 0.0), "l2": (0.01, 0.0), "l1": (0.0, 0.02), "elasticnet": (0.01, 0.02)}
CASES = [
    (penalty, solver, seed)
    for penalty in PENALTIES
    for solver in SOLVER_SETTINGS
    for seed in SEEDS
    if not (solver in ("newton", "lbfgs") and PENALTIES[penalty][1] > 0)  # smooth costs only
]


@pytest.mark.parametrize(("penalty", "solver", "seed"), CASES)
def test_logistic_regression_matches_sklearn(penalty, solver, seed):
    l2, l1 = PENALTIES[penalty]
    X, t = overlapping_problem(seed)
    ours = mh.LogisticRegression(l2=l2, l1=l1, solver=solver, **SOLVER_SETTINGS[solver]).fit(X, t)
    w_ref, b_ref = sklearn_fit(X, t, l2, l1)
    tol = 1e-5 if l1 == 0 else 1e-4
    assert ours.converged
    assert_allclose(ours.w, w_ref, atol=tol)
    assert_allclose(ours.b, b_ref, atol=tol)
    if l1 > 0:
        np.testing.assert_array_equal(ours.w == 0, np.abs(w_ref) < 1e-12)


def test_l1_gives_exact_zeros_on_useless_features():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(200, 20))
    t = (X[:, 0] + X[:, 1] + 0.5 * rng.normal(size=200) > 0).astype(int)
    w = mh.LogisticRegression(l1=0.05, solver="gd", lr=1.0, max_iter=20000, tol=1e-9).fit(X, t).w
    assert np.sum(w == 0) >= 10 and w[0] != 0 and w[1] != 0
    w2 = mh.LogisticRegression(l2=0.05, solver="newton").fit(X, t).w
    assert np.sum(w2 == 0) == 0


def test_subgradient_jitters_and_warns():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(100, 5))
    t = (X[:, 0] > 0).astype(int)
    model = mh.LogisticRegression(l1=0.1, solver="gd", lr=0.5, max_iter=300, l1_method="subgradient", record_weights=True)
    with pytest.warns(ConvergenceWarning, match="max_iter=300"):
        model.fit(X, t)
    tail = model.w_path[-50:, 1:]
    assert np.sum(tail == 0) == 0  # never exactly zero
    assert np.max(np.abs(tail)) < 0.5 * 0.1 * 2  # but within ~lr * l1 of it


def test_sgd_decreases_cost_and_is_seeded():
    X, t = overlapping_problem(0)
    kwargs = dict(l2=0.01, solver="sgd", lr=0.05, batch_size=8, max_iter=30, tol=1e-12, random_state=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # constant-lr SGD only hovers near the optimum
        a = mh.LogisticRegression(**kwargs).fit(X, t)
        b = mh.LogisticRegression(**kwargs).fit(X, t)
    np.testing.assert_array_equal(a.w, b.w)
    assert a.history[-1] < 0.8 * a.history[0]
    w_ref, _ = sklearn_fit(X, t, 0.01, 0.0)
    assert np.max(np.abs(a.w - w_ref)) < 0.1


def test_history_and_stopping():
    X, t = overlapping_problem(1)
    model = mh.LogisticRegression(l2=0.1, solver="gd", lr=1.0, tol=1e-8, max_iter=10000).fit(X, t)
    assert model.converged and model.history.shape == (model.n_iter + 1,)
    assert np.all(np.diff(model.history) <= 1e-12)  # monotone for a small enough lr
    assert_allclose(model.history[-1], mh.logistic_cost(model.w, model.b, X, t, l2=0.1))
    with pytest.warns(ConvergenceWarning, match="gradient descent stopped after max_iter=5"):
        mh.LogisticRegression(solver="gd", max_iter=5).fit(X, t)
    newton = mh.LogisticRegression(l2=0.1, solver="newton").fit(X, t)
    assert newton.n_iter <= 10 and newton.converged


def test_newton_on_separable_data_without_penalty_stays_finite():
    # No minimum exists; the weights grow until the gradient (about exp(-margin))
    # falls below tol. The run must stay finite, without overflow warnings.
    X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    t = np.array([0, 0, 1, 1])
    model = mh.LogisticRegression(solver="newton", max_iter=100, tol=1e-10).fit(X, t)
    assert np.all(np.isfinite(model.w)) and model.w[0] > 10
    assert np.all(np.diff(model.history) < 0)


def test_predictions_and_repr():
    X, t = overlapping_problem(2)
    model = mh.LogisticRegression(l2=0.01, solver="newton").fit(X, t)
    p = model.predict_proba(X)
    assert p.shape == (300,) and np.all((p > 0) & (p < 1))
    np.testing.assert_array_equal(model.predict(X), (p > 0.5).astype(int))
    np.testing.assert_array_equal(model.predict(X, threshold=0.9), (p > 0.9).astype(int))
    assert repr(model) == "LogisticRegression(l2=0.01, l1=0.0, solver='newton')"
    with pytest.raises(ValueError, match="X has 3 columns but the model was fitted on 5"):
        model.predict(X[:, :3])
    with pytest.raises(mh.NotFittedError, match="not fitted yet"):
        mh.LogisticRegression().predict(X)


def test_warm_start_from_w0():
    X, t = overlapping_problem(0)
    opt = mh.LogisticRegression(l2=0.01, solver="newton").fit(X, t)
    again = mh.LogisticRegression(l2=0.01, solver="newton").fit(X, t, w0=opt.w, b0=opt.b)
    assert again.n_iter == 0


# ------------------------------------------------------------------ perceptron
SEED_002_X = np.array([[2, 1], [1, 2], [3, 1], [3, 2], [1, 3], [2, 3]], dtype=float)
SEED_002_T = np.array([-1, 1, -1, -1, 1, 1])


def test_perceptron_seed_002_exercise():
    p = mh.Perceptron(fit_bias=False).fit(SEED_002_X, SEED_002_T, w0=[0.5, -0.5])
    epoch, n, w_after, b_after = p.updates[0]
    assert (epoch, n, b_after) == (0, 0, 0.0)
    assert_allclose(w_after, [-1.5, -1.5])
    assert p.converged and p.mistakes[-1] == 0
    assert np.all(p.predict(SEED_002_X) == SEED_002_T)


def test_perceptron_converges_on_separable_and_not_on_xor():
    X, t = mh.gaussian_clouds(50, mu0=(-3, -3), mu1=(3, 3), random_state=0)
    p = mh.Perceptron().fit(X, 2 * t - 1)
    assert p.converged
    Xx, tx = mh.xor(10, random_state=0)
    q = mh.Perceptron(max_epochs=50, shuffle=True, random_state=0).fit(Xx, 2 * tx - 1)
    assert not q.converged and min(q.mistakes) > 0 and len(q.mistakes) == 50


def test_perceptron_rejects_01_labels_with_a_hint():
    with pytest.raises(ValueError, match=r"t must contain only the labels \(-1, 1\), found 0.*2 \* t - 1"):
        mh.Perceptron().fit(SEED_002_X, (SEED_002_T + 1) // 2)


# ------------------------------------------------------------------ LDA
def test_lda_seed_001_closed_form_is_exact():
    lda = mh.LDA.from_params([-2, -2], [2, 2], np.eye(2))
    assert lda.w.tolist() == [4.0, 4.0] and lda.b == 0.0


@pytest.mark.parametrize("prior1", [0.1, 0.3, 0.8])
def test_lda_prior_shifts_bias_by_log_ratio(prior1):
    lda = mh.LDA.from_params([-2, -2], [2, 2], np.eye(2), prior1=prior1)
    alpha = 1 - prior1  # the seed's alpha = p(y = 0)
    assert_allclose(lda.b, -np.log(alpha / (1 - alpha)), rtol=1e-12)


def test_lda_posterior_equals_bayes_rule():
    from scipy.stats import multivariate_normal

    mu0, mu1, cov = np.array([0.0, 1.0]), np.array([2.0, -1.0]), np.array([[2.0, 0.6], [0.6, 1.0]])
    lda = mh.LDA.from_params(mu0, mu1, cov, prior1=0.3)
    x = np.random.default_rng(0).normal(size=(20, 2))
    p1 = multivariate_normal(mu1, cov).pdf(x) * 0.3
    p0 = multivariate_normal(mu0, cov).pdf(x) * 0.7
    assert_allclose(lda.predict_proba(x), p1 / (p0 + p1), rtol=1e-10)


def test_lda_from_10000_samples_is_close_to_4_4():
    X, t = mh.gaussian_clouds(5000, random_state=0)
    lda = mh.LDA().fit(X, t)
    assert_allclose(lda.w, [4, 4], atol=0.25)
    assert abs(lda.b) < 0.25


@pytest.mark.parametrize("seed", SEEDS)
def test_lda_matches_sklearn(seed):
    rng = np.random.default_rng(seed)
    cov = np.array([[1.5, 0.4, 0.0], [0.4, 1.0, 0.3], [0.0, 0.3, 0.8]])
    X, t = mh.gaussian_clouds(150 + 50 * seed, mu0=(0, 0, 0), mu1=(1, 0.5, -1), cov=cov, random_state=rng)
    keep = np.r_[np.arange(150 + 50 * seed), np.arange(150 + 50 * seed, 150 + 50 * seed + 100)]  # unequal priors
    X, t = X[keep], t[keep]
    ours = mh.LDA().fit(X, t)
    ref = LinearDiscriminantAnalysis(solver="lsqr").fit(X, t)
    np.testing.assert_array_equal(ours.predict(X), ref.predict(X))
    assert_allclose(ours.w, ref.coef_[0], rtol=1e-10)
    assert_allclose(ours.b, ref.intercept_[0], rtol=1e-10, atol=1e-12)
    assert_allclose(ours.predict_proba(X), ref.predict_proba(X)[:, 1], rtol=1e-10)


def test_lda_bad_covariance():
    with pytest.raises(ValueError, match="cov must be positive definite"):
        mh.LDA.from_params([0, 0], [1, 1], [[1, 2], [2, 1]])
    with pytest.raises(ValueError, match="cov must be symmetric"):
        mh.LDA.from_params([0, 0], [1, 1], [[1, 0.5], [0, 1]])
    with pytest.raises(ValueError, match=r"cov must have shape \(2, 2\)"):
        mh.LDA.from_params([0, 0], [1, 1], np.eye(3))
    assert repr(mh.LDA()) == "LDA()"
    assert repr(mh.LDA.from_params([-2, -2], [2, 2], np.eye(2))) == "LDA(w=[4. 4.], b=0.0000)"


# ------------------------------------------------------------ linear regression
def regression_problem(seed, n=80, d=6):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3, d) + rng.normal(size=d)
    return X, X @ rng.normal(size=d) + 2.0 + 0.3 * rng.normal(size=n)


@pytest.mark.parametrize("seed", SEEDS)
def test_ols_matches_sklearn(seed):
    X, t = regression_problem(seed)
    ours = mh.LinearRegression().fit(X, t)
    ref = SkLinearRegression().fit(X, t)
    assert_allclose(ours.w, ref.coef_, rtol=1e-8, atol=1e-8)
    assert_allclose(ours.b, ref.intercept_, rtol=1e-8, atol=1e-8)
    assert_allclose(ours.score(X, t), ref.score(X, t), rtol=1e-10)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("l2", [0.01, 1.0])
def test_ridge_matches_sklearn(seed, l2):
    X, t = regression_problem(seed)
    ours = mh.LinearRegression(l2=l2).fit(X, t)
    ref = Ridge(alpha=l2 * X.shape[0], solver="cholesky").fit(X, t)
    assert_allclose(ours.w, ref.coef_, rtol=1e-8, atol=1e-8)
    assert_allclose(ours.b, ref.intercept_, rtol=1e-8, atol=1e-8)


def test_linear_regression_gradient_descent_reaches_the_closed_form():
    X, t = regression_problem(0, d=3)
    X = (X - X.mean(0)) / X.std(0)
    closed = mh.LinearRegression(l2=0.1).fit(X, t)
    gd = mh.LinearRegression(l2=0.1, solver="gd", lr=0.3, tol=1e-12).fit(X, t)
    assert gd.converged
    assert_allclose(gd.w, closed.w, atol=1e-9)
    assert_allclose(gd.b, closed.b, atol=1e-9)
    assert gd.history[0] > gd.history[-1]


def test_minimum_norm_solution_when_fat():
    rng = np.random.default_rng(0)
    X, t = rng.normal(size=(10, 30)), rng.normal(size=10)
    model = mh.LinearRegression().fit(X, t)
    assert_allclose(model.predict(X), t, atol=1e-10)  # interpolates
    Xc = X - X.mean(0)
    assert_allclose(model.w, np.linalg.pinv(Xc) @ (t - t.mean()), atol=1e-10)  # the min-norm one


def test_linear_regression_errors():
    with pytest.raises(ValueError, match="R\\^2 is undefined when t is constant"):
        mh.LinearRegression().fit([[0.0], [1.0]], [1.0, 2.0]).score([[0.0], [1.0]], [3.0, 3.0])
    with pytest.raises(FloatingPointError, match="diverged"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mh.LinearRegression(solver="gd", lr=50.0, max_iter=2000).fit([[1.0], [2.0], [3.0]], [1.0, 2.0, 3.0])


def test_newton_reaches_a_tolerance_below_the_costs_rounding_error():
    # Near the optimum the Armijo decrease is smaller than the cost's rounding error;
    # Newton must still take its (quadratically convergent) step instead of stalling.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 6))
    t = (rng.uniform(size=400) < mh.sigmoid(X @ rng.normal(size=6) + 0.3)).astype(int)
    model = mh.LogisticRegression(l2=0.01, solver="newton", tol=1e-12, max_iter=50).fit(X, t)
    assert model.converged and model.n_iter < 15


def test_no_warnings_anywhere_in_a_typical_pipeline():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        X, t = mh.gaussian_clouds(200, random_state=0)
        X_tr, X_te, t_tr, t_te = mh.train_test_split(X, t, test_size=0.3, random_state=1)
        model = mh.LogisticRegression(l2=0.01, solver="newton").fit(X_tr, t_tr)
        assert mh.accuracy(t_te, model.predict(X_te)) > 0.95
        assert mh.roc_auc(t_te, model.predict_proba(X_te)) > 0.99
