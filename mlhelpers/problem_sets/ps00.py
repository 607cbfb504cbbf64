"""Public checks of notebook 00's problem set: the shapes of the data and the model."""

from __future__ import annotations

import numpy as np

from ..exercises import call, expect, expect_close, public_check
from ..functions import sigmoid

__all__ = ["check_model_outputs", "check_n_features"]


@public_check("Problem 1", "n_features")
def check_n_features(n_features):
    shapes = [(4, 3), (7, 2), (1, 6)]
    for n, d in shapes:
        case = f"a data matrix of shape ({n}, {d})"
        got = call(n_features, np.ones((n, d)), case=case)
        expect(np.ndim(got) == 0, case, "the result is not a single number", "D is one number, not an array")
        expect(
            got != n or n == d,
            case,
            "the result is N, the number of samples",
            "X has one ROW per sample and one COLUMN per feature",
        )
        expect(got == d, case, "the result is not the number of features", "X.shape is the tuple (N, D)")
    return len(shapes)


@public_check("Problem 2", "model_outputs")
def check_model_outputs(model_outputs):
    rng = np.random.default_rng(2024)
    X = rng.normal(size=(5, 3))
    w, b = rng.normal(size=3), 0.4
    case = "5 samples with 3 features"
    y = np.asarray(call(model_outputs, X, w, b, case=case), dtype=float)
    expect(
        y.shape == (5,),
        case,
        f"the result has shape {y.shape}, not one value per sample",
        "compute all N outputs at once with X @ w + b, then the sigmoid: no loop, no sum over samples",
    )
    expect(
        np.all((y > 0) & (y < 1)), case, "some outputs are not probabilities (outside 0 to 1)", "apply mh.sigmoid to the logits"
    )
    case0 = "w = 0 and b = 0"
    y0 = np.asarray(call(model_outputs, X, np.zeros(3), 0.0, case=case0), dtype=float)
    expect_close(y0, 0.5, case0, "the outputs are not all one half", "sigma(0) = 1/2 for every sample")
    case_b = "the same data with a larger bias b"
    y_big = np.asarray(call(model_outputs, X, w, b + 1.0, case=case_b), dtype=float)
    expect(np.all(y_big > y), case_b, "the outputs did not all grow", "b is added to every logit: z = X @ w + b")
    expect_close(
        y,
        sigmoid(X @ w + b),
        case,
        "the outputs are probabilities of the right shape but not sigma(X w + b)",
        "the logit of sample n is the dot product of row n of X with w, plus b",
        rtol=1e-9,
        atol=1e-12,
    )
    return 3
