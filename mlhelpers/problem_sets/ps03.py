"""Public checks of notebook 03's problem set: the coin's log-likelihood and its maximum,
the cross-entropy from logits, and the log-likelihood of a data set under a logistic model."""

from __future__ import annotations

import warnings

import numpy as np

from ..exercises import call, expect, expect_close, public_check
from ..functions import log_sigmoid

__all__ = [
    "check_coin_log_likelihood",
    "check_cross_entropy_from_logits",
    "check_data_log_likelihood",
    "check_mle",
]


def _quiet_call(function, *args, case):
    """Call the student's function without printing numpy's warnings (overflow, log of 0):
    the checks look at the values that come out (inf, nan) instead."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with np.errstate(all="ignore"):
            return call(function, *args, case=case)


def _float_array(value, case, what):
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        expect(False, case, f"the result is not {what}", "return numbers (a float or a numpy array)")


def _coin_reference(p, heads, tails):
    return heads * np.log(p) + tails * np.log1p(-p)


@public_check("Problem 1", "coin_log_likelihood")
def check_coin_log_likelihood(coin_log_likelihood):
    cases = 0
    # one value of p, then a whole grid of p: the result has the shape of p
    for heads, tails in [(4, 9), (15, 2)]:
        case = f"heads = {heads}, tails = {tails}, p = 0.35"
        got = _float_array(_quiet_call(coin_log_likelihood, 0.35, heads, tails, case=case), case, "a number")
        expect(got.ndim == 0, case, "the result for one p is not one number", "return a single log-probability for a single p")
        expect(np.isfinite(got) and got < 0, case, "the result is not a negative number", "a log-probability is below 0")
        grid = np.linspace(0.05, 0.95, 7)
        case = f"heads = {heads}, tails = {tails}, an array of 7 values of p"
        got = _float_array(_quiet_call(coin_log_likelihood, grid, heads, tails, case=case), case, "an array")
        expect(
            got.shape == grid.shape,
            case,
            f"the result has shape {got.shape}, not one value per p",
            "work elementwise on p (np.log works on arrays)",
        )
        expect(
            not np.allclose(got, _coin_reference(grid[::-1], heads, tails)),
            case,
            "heads and tails are swapped",
            "each head has probability p, each tail 1 - p",
        )
        cases += 2
    case = "no tosses at all (heads = 0, tails = 0), p = 0.3"
    got = _float_array(_quiet_call(coin_log_likelihood, 0.3, 0, 0, case=case), case, "a number")
    expect_close(got, 0.0, case, "the result is not log 1 = 0", "an empty sequence is certain: its probability is 1", atol=1e-12)
    # independence: two sequences one after the other have the product of their probabilities
    case = "3 heads and 5 tails followed by 6 heads and 1 tail, p = 0.6"
    parts = [_quiet_call(coin_log_likelihood, 0.6, h, t, case=case) for h, t in [(3, 5), (6, 1), (9, 6)]]
    first, second, joined = (float(_float_array(v, case, "a number")) for v in parts)
    expect_close(
        joined,
        first + second,
        case,
        "the log-likelihood of the two sequences together is not the sum of their log-likelihoods",
        "the probability of ONE particular ordered sequence has no binomial coefficient: it is a product of one factor per toss",
        rtol=1e-9,
        atol=1e-12,
    )
    # symmetry: heads with p are tails with 1 - p
    case = "heads <-> tails with p <-> 1 - p, for 7 heads, 2 tails, p = 0.2"
    a = float(_float_array(_quiet_call(coin_log_likelihood, 0.2, 7, 2, case=case), case, "a number"))
    b = float(_float_array(_quiet_call(coin_log_likelihood, 0.8, 2, 7, case=case), case, "a number"))
    expect_close(a, b, case, "the two values differ", "swapping the names of the faces changes nothing", rtol=1e-9)
    # the values themselves, also far from p = 1/2
    for heads, tails, p in [(12, 30, 0.01), (1, 1, 0.999), (40, 3, 0.9)]:
        case = f"heads = {heads}, tails = {tails}, p = {p}"
        got = float(_float_array(_quiet_call(coin_log_likelihood, p, heads, tails, case=case), case, "a number"))
        expect_close(
            got,
            _coin_reference(p, heads, tails),
            case,
            "the value is not the log of the probability of the sequence",
            "log of a product is a sum of logs: one term per face, weighted by how often it came up",
            rtol=1e-7,
            atol=1e-12,
        )
    return cases + 6


@public_check("Problem 2", "mle")
def check_mle(mle):
    def estimate(heads, tails, case):
        got = _float_array(_quiet_call(mle, heads, tails, case=case), case, "a number")
        expect(got.ndim == 0, case, "the result is not one number", "return the estimate p-hat as a float")
        return float(got)

    cases = [(3, 11), (8, 1), (250, 750), (1, 2), (123457, 86421)]
    for heads, tails in cases:
        case = f"heads = {heads}, tails = {tails}"
        p = estimate(heads, tails, case)
        expect(
            0 < p < 1, case, "the estimate is not strictly between 0 and 1", "p-hat is a probability, and both faces were seen"
        )
        slope = heads / p - tails / (1 - p)  # d/dp log L at the student's p, scaled by the number of tosses
        expect(
            abs(slope) * p * (1 - p) <= 1e-6 * (heads + tails),
            case,
            "the derivative of the log-likelihood does not vanish there: it is not the maximum",
            "solve d/dp log L(p) = 0 exactly, on paper, for any counts (a grid only gets close)",
        )
        mirror = estimate(tails, heads, f"heads = {tails}, tails = {heads} (the faces swapped)")
        expect_close(
            mirror,
            1 - p,
            f"heads = {heads}, tails = {tails} and the faces swapped",
            "the two estimates do not add up to 1",
            "the estimate of P(tails) is 1 - p-hat",
            rtol=1e-9,
            atol=1e-12,
        )
    for heads, tails in [(0, 5), (6, 0)]:
        case = f"heads = {heads}, tails = {tails} (one face never seen)"
        p = estimate(heads, tails, case)
        expect(
            np.isfinite(p) and 0 <= p <= 1,
            case,
            "the estimate is not a probability between 0 and 1",
            "with one face never seen the maximum of log L sits at an end of [0, 1]",
        )
        expect(
            p in (0.0, 1.0) and (p == 1.0) == (heads > 0),
            case,
            "the estimate is not at the end of [0, 1] where log L is largest",
            "log L only rises towards the end of [0, 1] that favours the face you saw",
        )
    return len(cases) + 2


def _ce_reference(t, z):
    return -(t * log_sigmoid(z) + (1 - t) * log_sigmoid(-z))


@public_check("Problem 3", "cross_entropy_from_logits")
def check_cross_entropy_from_logits(cross_entropy_from_logits):
    rng = np.random.default_rng(303)
    z = rng.normal(scale=3.0, size=9)
    t = rng.integers(0, 2, size=9)
    case = "9 samples with moderate logits"
    got = _float_array(_quiet_call(cross_entropy_from_logits, t, z, case=case), case, "an array")
    expect(
        got.shape == z.shape,
        case,
        f"the result has shape {got.shape}, not one loss per sample",
        "return the per-sample losses, not their mean",
    )
    expect(np.all(got >= 0), case, "a loss is negative", "a cross-entropy is -log of a probability, so it is never below 0")
    expect_close(
        got,
        _ce_reference(t, z),
        case,
        "the losses are not -log p(t | z)",
        "for t = 1 the loss is -log sigma(z), for t = 0 it is -log(1 - sigma(z))",
        rtol=1e-9,
        atol=1e-12,
    )
    case = "t = 1 and t = 0 at the mirrored logits z and -z"
    ones = _float_array(_quiet_call(cross_entropy_from_logits, np.ones(9, dtype=int), z, case=case), case, "an array")
    zeros = _float_array(_quiet_call(cross_entropy_from_logits, np.zeros(9, dtype=int), -z, case=case), case, "an array")
    expect_close(ones, zeros, case, "the losses differ", "1 - sigma(z) = sigma(-z)", rtol=1e-9, atol=1e-12)
    big = np.array([-800.0, 800.0, -800.0, 800.0, -45.0, 45.0, 0.0])
    t_big = np.array([1, 0, 0, 1, 1, 0, 1])
    case = "logits z = -800, 800, -800, 800, -45, 45, 0 (targets 1, 0, 0, 1, 1, 0, 1)"
    got = _float_array(_quiet_call(cross_entropy_from_logits, t_big, big, case=case), case, "an array")
    expect(got.shape == big.shape, case, "the result has the wrong shape", "one loss per sample")
    expect(
        np.all(np.isfinite(got)),
        case,
        "a loss is inf or nan: sigma(z) overflowed or rounded to 0 or 1 before the log",
        "never compute sigma(z) first: rewrite the loss in z with np.logaddexp",
    )
    expect_close(
        got,
        _ce_reference(t_big, big),
        case,
        "the losses are finite but not right for large |z|",
        "a sure right answer costs almost 0 (but more than 0 for |z| = 45), a sure wrong one about |z|",
        rtol=1e-9,
        atol=1e-300,
    )
    expect(
        got[5] > 0, "t = 0, z = 45", "the loss is exactly 0", "sigma(45) is 1 - 3e-20, not 1: keep the loss in z, not in sigma(z)"
    )
    return 4


@public_check("Problem 4", "data_log_likelihood")
def check_data_log_likelihood(data_log_likelihood):
    rng = np.random.default_rng(304)
    X = rng.normal(size=(13, 3))
    t = rng.integers(0, 2, size=13)
    w, b = np.array([0.8, -1.5, 0.3]), 0.4

    def reference(w, b, X, t):
        z = X @ w + b
        return float(np.sum(t * log_sigmoid(z) + (1 - t) * log_sigmoid(-z)))

    def value(w, b, X, t, case):
        got = _float_array(_quiet_call(data_log_likelihood, w, b, X, t, case=case), case, "a number")
        expect(got.ndim == 0, case, "the result is not one number", "sum the log-probabilities of all N samples into one number")
        return float(got)

    case = "13 samples, 3 features"
    ll = value(w, b, X, t, case)
    expect(
        np.isfinite(ll) and ll < 0, case, "the result is not a negative number", "the log of a probability below 1 is negative"
    )
    case2 = "the same 13 samples, each listed twice"
    ll2 = value(w, b, np.vstack([X, X]), np.r_[t, t], case2)
    expect_close(
        ll2,
        2 * ll,
        case2,
        "the log-likelihood did not double",
        "independent samples multiply their probabilities, so their logs add up: a sum, not a mean",
        rtol=1e-9,
    )
    case3 = "the same samples with the bias b changed to -2"
    expect(
        not np.isclose(value(w, -2.0, X, t, case3), ll, rtol=1e-9),
        case3,
        "the bias b changed nothing",
        "the logit of sample n is x_n . w + b",
    )
    expect_close(
        ll,
        reference(w, b, X, t),
        case,
        "the value is not the log of the probability of the targets",
        "each sample contributes log p(t_n | x_n): log sigma(z_n) if t_n = 1, log sigma(-z_n) if t_n = 0",
        rtol=1e-9,
    )
    case4 = "huge weights (w = 300 times the one above), many samples sure and wrong"
    big = value(300 * w, b, X, t, case4)
    expect(
        np.isfinite(big),
        case4,
        "the result is -inf or nan",
        "work from the logits with mh.log_sigmoid, never take the log of sigma(z)",
    )
    expect_close(
        big,
        reference(300 * w, b, X, t),
        case4,
        "the value is not right for huge weights",
        "log(1 - sigma(z)) = log sigma(-z)",
        rtol=1e-9,
    )
    return 4
