"""Public checks of notebook 02's problem set: LDA's w and b, what a prior does to the
boundary, QDA from scratch, and naive Bayes as a sum over features."""

from __future__ import annotations

import numpy as np

from ..exercises import call, expect, expect_close, fail, public_check
from ..functions import sigmoid
from ..models import LDA

__all__ = ["check_lda_params", "check_naive_bayes_log_odds", "check_prior_shift", "check_qda_posterior"]


def _logpdf(X, mu, cov):
    diff = X - mu
    m2 = np.sum(diff * np.linalg.solve(cov, diff.T).T, axis=1)
    return -0.5 * m2 - 0.5 * np.linalg.slogdet(2 * np.pi * cov)[1]


def _qda(X_train, t_train, X):
    log_joint = []
    for k in (0, 1):
        P = X_train[t_train == k]
        mu = P.mean(axis=0)
        cov = (P - mu).T @ (P - mu) / len(P)
        log_joint.append(_logpdf(X, mu, cov) + np.log(len(P) / len(X_train)))
    return sigmoid(log_joint[1] - log_joint[0])


def _spd(rng, d):
    A = rng.normal(size=(d, d))
    return A @ A.T + 0.5 * np.eye(d)


def _pair(got, case):
    try:
        w, b = got
        w = np.asarray(w, dtype=float)
        b = float(np.asarray(b, dtype=float).reshape(-1)[0]) if np.size(b) == 1 else None
    except (TypeError, ValueError):
        fail(case, "the result is not a pair (w, b)", "return w, b")
    expect(b is not None, case, "b is not a single number", "b is one number; w is the vector")
    return w, b


# ------------------------------------------------------------------ Problem 1
@public_check("Problem 1", "lda_params")
def check_lda_params(lda_params):
    rng = np.random.default_rng(201)
    cases = []
    for d, prior1 in [(2, 0.5), (3, 0.3), (2, 0.8)]:
        cases.append(
            (
                f"D = {d}, random means and covariance, P(t=1) = {prior1}",
                rng.normal(size=d) * 2,
                rng.normal(size=d) * 2,
                _spd(rng, d),
                prior1,
            )
        )
    for case, mu0, mu1, cov, prior1 in cases:
        got = call(lda_params, mu0.copy(), mu1.copy(), cov.copy(), prior1, case=case)
        w, b = _pair(got, case)
        d = len(mu0)
        expect(w.shape == (d,), case, f"w has shape {w.shape}, not ({d},)", "w = Sigma^-1 (mu1 - mu0) is one vector of D weights")
        ref = LDA.from_params(mu0, mu1, cov, prior1=prior1)
        if not np.allclose(w, ref.w, rtol=1e-6, atol=1e-9):
            hint = (
                "w points from class 0 towards class 1"
                if np.allclose(w, -ref.w, rtol=1e-6)
                else "multiply by the INVERSE covariance: solve Sigma w = mu1 - mu0"
            )
            fail(case, "w is wrong", hint)
        if not np.isclose(b, ref.b, rtol=1e-6, atol=1e-9):
            flipped = LDA.from_params(mu0, mu1, cov, prior1=1 - prior1).b
            hint = (
                "the prior term has the wrong sign or uses P(t=0) where P(t=1) belongs"
                if np.isclose(b, flipped, rtol=1e-6, atol=1e-9) and prior1 != 0.5
                else "b has two quadratic terms mu^T Sigma^-1 mu, one per class, and the prior term"
            )
            fail(case, "b is wrong", hint)
        X = rng.normal(size=(50, d)) * 3
        direct = np.exp(_logpdf(X, mu1, cov)) * prior1
        direct = direct / (direct + np.exp(_logpdf(X, mu0, cov)) * (1 - prior1))
        expect_close(
            sigmoid(X @ w + b),
            direct,
            case,
            "sigma(w^T x + b) is not the Bayes posterior",
            "re-derive the constant term",
            rtol=1e-6,
            atol=1e-9,
        )
    return len(cases)


# ------------------------------------------------------------------ Problem 2
@public_check("Problem 2", "prior_shift")
def check_prior_shift(prior_shift):
    w, b = np.array([3.0, -1.0]), 0.5
    case = "w = (3, -1), b = 0.5, the prior P(t=1) unchanged at 0.4"
    b_new, shift = (float(v) for v in call(prior_shift, w.copy(), b, 0.4, 0.4, case=case))
    expect(
        np.isclose(b_new, b) and np.isclose(shift, 0.0, atol=1e-12),
        case,
        "b or the boundary moved though the prior did not change",
        "only the change of the prior's log-odds matters",
    )
    cases = [
        ("w = (3, -1), b = 0.5, P(t=1) from 0.5 to 0.8", w, b, 0.5, 0.8),
        ("w = (0.5, 2, -1), b = -1, P(t=1) from 0.7 to 0.2", np.array([0.5, 2.0, -1.0]), -1.0, 0.7, 0.2),
    ]
    for case, w_, b_, p_old, p_new in cases:
        got = call(prior_shift, w_.copy(), b_, p_old, p_new, case=case)
        try:
            b_new, shift = (float(v) for v in got)
        except (TypeError, ValueError):
            fail(case, "the result is not a pair of numbers (b_new, shift)", "return b_new, shift")
        delta = np.log(p_new / (1 - p_new)) - np.log(p_old / (1 - p_old))
        expect(
            np.sign(b_new - b_) == np.sign(delta),
            case,
            "b moved the wrong way",
            "a more frequent class 1 makes every score larger: the posterior of class 1 grows with P(t=1)",
        )
        expect_close(
            b_new - b_,
            delta,
            case,
            "b changed by the wrong amount",
            "b contains ln(P(t=1) / P(t=0)); the rest of b does not depend on the prior",
            rtol=1e-6,
        )
        u = w_ / np.linalg.norm(w_)
        x_old = -b_ / np.linalg.norm(w_) * u  # a point on the old boundary
        expect(
            np.sign(shift) == -np.sign(delta),
            case,
            "the boundary moved the wrong way",
            "a more probable class 1 gets a larger region: the boundary moves towards class 0, against w",
        )
        expect_close(
            (x_old + shift * u) @ w_ + b_new,
            0.0,
            case,
            "moving a point of the old boundary by shift along w/||w|| does not land on the new boundary",
            "the score changes by ||w|| per unit of distance along w/||w||",
            atol=1e-9,
        )
    return 1 + len(cases)


# ------------------------------------------------------------------ Problem 3
@public_check("Problem 3", "qda_posterior")
def check_qda_posterior(qda_posterior):
    rng = np.random.default_rng(202)
    cases = []
    for d, n0, n1 in [(2, 40, 60), (3, 50, 30)]:
        L0, L1 = np.linalg.cholesky(_spd(rng, d)), np.linalg.cholesky(_spd(rng, d))
        X_train = np.vstack([rng.normal(size=(n0, d)) @ L0.T, rng.normal(size=(n1, d)) @ L1.T + 1.5])
        t_train = np.repeat([0, 1], [n0, n1])
        cases.append(
            (f"D = {d}, {n0} + {n1} training points, different covariances", X_train, t_train, rng.normal(size=(25, d)) * 2)
        )
    for case, X_train, t_train, X in cases:
        got = np.asarray(call(qda_posterior, X_train.copy(), t_train.copy(), X.copy(), case=case), dtype=float)
        expect(
            got.shape == (len(X),),
            case,
            f"the result has shape {got.shape}, not one value per row of X",
            "compute P(t=1 | x) for every row of X, the new points (not the training points)",
        )
        expect(np.all((got >= 0) & (got <= 1)), case, "some results are not probabilities", "the posterior lies between 0 and 1")
        ref = _qda(X_train, t_train, X)
        if not np.allclose(got, ref, rtol=1e-6, atol=1e-9):
            hint = (
                "each class needs its OWN mean and covariance (divide by N_k), and the prior N_k / N; "
                "the normalizers ln|2 pi Sigma_k| differ between the classes and do not cancel"
            )
            fail(case, "the posteriors are not QDA's", hint)
        perm = rng.permutation(len(X_train))
        again = np.asarray(
            call(qda_posterior, X_train[perm], t_train[perm], X.copy(), case=case + ", training rows shuffled"), dtype=float
        )
        expect_close(
            again,
            got,
            case + ", training rows shuffled",
            "the result depends on the order of the training points",
            "select each class with t_train == k",
            rtol=1e-6,
            atol=1e-9,
        )
    X_train, t_train = cases[0][1], cases[0][2]
    far = np.array([[400.0, -400.0], [-600.0, 250.0]])
    case = "two points very far from both classes"
    got = np.asarray(call(qda_posterior, X_train, t_train, far, case=case), dtype=float)
    expect(
        np.all(np.isfinite(got)),
        case,
        "the result is not a number (nan): both densities underflowed to 0",
        "work with log densities and take sigma of their difference; never exp, then divide",
    )
    expect_close(
        got,
        _qda(X_train, t_train, far),
        case,
        "the posteriors are not QDA's",
        "compute the log-odds from log densities",
        atol=1e-9,
    )
    return len(cases) + 1


# ------------------------------------------------------------------ Problem 4
@public_check("Problem 4", "naive_bayes_log_odds")
def check_naive_bayes_log_odds(naive_bayes_log_odds):
    rng = np.random.default_rng(203)
    X = rng.normal(size=(30, 3)) * 2
    mu0, mu1 = np.array([0.0, -1.0, 2.0]), np.array([1.0, 1.0, -0.5])
    var0, var1 = np.array([0.5, 2.0, 1.0]), np.array([1.5, 0.7, 3.0])
    case = "30 points, 3 features, different variances, P(t=1) = 0.3"
    z = np.asarray(call(naive_bayes_log_odds, X.copy(), mu0, var0, mu1, var1, 0.3, case=case), dtype=float)
    expect(
        z.shape == (30,),
        case,
        f"the result has shape {z.shape}, not one log-odds per row",
        "sum over the features, not over samples",
    )
    ref = _logpdf(X, mu1, np.diag(var1)) - _logpdf(X, mu0, np.diag(var0)) + np.log(0.3 / 0.7)
    if not np.allclose(z, ref, rtol=1e-6, atol=1e-9):
        if np.allclose(z, ref - np.log(0.3 / 0.7), rtol=1e-6, atol=1e-9):
            fail(case, "the prior is missing", "add ln(P(t=1) / P(t=0))")
        fail(
            case,
            "the log-odds are wrong",
            "each feature adds ln N(x_d; mu1_d, var1_d) - ln N(x_d; mu0_d, var0_d); var is a variance, not a standard deviation",
        )
    case_lda = "the same points, both classes with the same variances (1, 2, 0.5)"
    var = np.array([1.0, 2.0, 0.5])
    z_s = np.asarray(call(naive_bayes_log_odds, X.copy(), mu0, var, mu1, var.copy(), 0.6, case=case_lda), dtype=float)
    lda = LDA.from_params(mu0, mu1, np.diag(var), prior1=0.6)
    expect_close(
        z_s,
        X @ lda.w + lda.b,
        case_lda,
        "the log-odds are not LDA's w^T x + b with the diagonal covariance",
        "with equal variances the terms in x_d^2 cancel, feature by feature",
        rtol=1e-6,
        atol=1e-9,
    )
    return 2
