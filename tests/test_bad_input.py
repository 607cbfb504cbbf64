"""Table of bad calls across the public API: each raises the right type and the
message names the argument (and what was wrong)."""

import numpy as np
import pytest

import mlhelpers as mh

X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]])
t = np.array([0, 1, 0, 1])
w = np.zeros(2)

BAD_CALLS = [
    # (id, callable, expected exception, regex the message must match)
    ("X 1-D", lambda: mh.logistic_cost(w, 0.0, X[:, 0], t), ValueError, r"X must be a 2-D array.*reshape\(-1, 1\)"),
    ("X 3-D", lambda: mh.logistic_gradient(w, 0.0, X[None], t), ValueError, r"X must be a 2-D array .* got 3-D"),
    ("X empty", lambda: mh.logistic_cost(w, 0.0, np.empty((0, 2)), []), ValueError, r"X is empty"),
    ("X NaN", lambda: mh.logistic_cost(w, 0.0, np.where(X > 2, np.nan, X), t), ValueError, r"X contains 1 NaN or infinite"),
    ("X inf", lambda: mh.LogisticRegression().fit(np.where(X > 2, np.inf, X), t), ValueError, r"X contains 1 NaN or infinite"),
    (
        "X strings",
        lambda: mh.LogisticRegression().fit([["a", "b"]] * 4, t),
        TypeError,
        r"X must be numeric, got an array of dtype",
    ),
    ("X ragged", lambda: mh.LinearRegression().fit([[1.0, 2.0], [1.0]], [1.0, 2.0]), TypeError, r"X must be a numeric array"),
    ("t length", lambda: mh.logistic_cost(w, 0.0, X, t[:3]), ValueError, r"t has length 3 but X has 4"),
    (
        "t (N,1)",
        lambda: mh.LogisticRegression().fit(X, t[:, None]),
        ValueError,
        r"t must be a 1-D array, got shape \(4, 1\).*ravel",
    ),
    (
        "t labels",
        lambda: mh.LogisticRegression().fit(X, [0, 1, 2, 1]),
        ValueError,
        r"t must contain only the labels \(0, 1\), found 2",
    ),
    (
        "t -1/+1 for logistic",
        lambda: mh.logistic_gradient(w, 0.0, X, 2 * t - 1),
        ValueError,
        r"t must contain only.*\(t \+ 1\) // 2",
    ),
    ("t 0/1 for perceptron", lambda: mh.Perceptron().fit(X, t), ValueError, r"t must contain only the labels \(-1, 1\)"),
    ("t float 0.5", lambda: mh.accuracy([0, 0.5], [0, 1]), ValueError, r"t must contain only the labels \(0, 1\), found 0.5"),
    (
        "w length",
        lambda: mh.logistic_cost(np.zeros(3), 0.0, X, t),
        ValueError,
        r"w has length 3 but X's number of columns D has 2",
    ),
    ("b not scalar", lambda: mh.logistic_cost(w, [0.0, 1.0], X, t), TypeError, r"b must be a real number"),
    ("b NaN", lambda: mh.logistic_gradient(w, np.nan, X, t), ValueError, r"b must be finite"),
    ("l2 negative", lambda: mh.logistic_cost(w, 0.0, X, t, l2=-1.0), ValueError, r"l2 must be >= 0, got -1"),
    ("l1 negative", lambda: mh.LogisticRegression(l1=-0.1).fit(X, t), ValueError, r"l1 must be >= 0"),
    ("l2 string", lambda: mh.LinearRegression(l2="big").fit(X, X[:, 0]), TypeError, r"l2 must be a real number"),
    ("lr zero", lambda: mh.LogisticRegression(lr=0.0).fit(X, t), ValueError, r"lr must be > 0, got 0"),
    ("lr negative gd", lambda: mh.gradient_descent(lambda v: v, 1.0, lr=-0.1, n_steps=3), ValueError, r"lr must be > 0"),
    (
        "n_steps zero",
        lambda: mh.gradient_descent(lambda v: v, 1.0, lr=0.1, n_steps=0),
        ValueError,
        r"n_steps must be >= 1, got 0",
    ),
    (
        "n_steps float",
        lambda: mh.gradient_descent(lambda v: v, 1.0, lr=0.1, n_steps=2.5),
        TypeError,
        r"n_steps must be an integer",
    ),
    ("max_iter zero", lambda: mh.LogisticRegression(max_iter=0).fit(X, t), ValueError, r"max_iter must be >= 1"),
    ("batch_size zero", lambda: mh.LogisticRegression(solver="sgd", batch_size=0).fit(X, t), ValueError, r"batch_size must be >= 1"),
    (
        "solver unknown",
        lambda: mh.LogisticRegression(solver="adam").fit(X, t),
        ValueError,
        r"solver must be one of 'gd', 'sgd', 'saga', 'newton', 'lbfgs'; got 'adam'",
    ),
    (
        "newton with l1",
        lambda: mh.LogisticRegression(l1=0.1, solver="newton").fit(X, t),
        ValueError,
        r"solver='newton' .* does not support l1",
    ),
    ("grad not callable", lambda: mh.gradient_descent(3.0, 1.0, lr=0.1, n_steps=1), TypeError, r"grad must be callable"),
    ("f not callable", lambda: mh.numerical_gradient(None, [1.0]), TypeError, r"f must be callable"),
    ("eps zero", lambda: mh.numerical_gradient(np.sum, [1.0], eps=0.0), ValueError, r"eps must be > 0"),
    ("cross_entropy y>1", lambda: mh.cross_entropy([1, 0], [1.2, 0.1]), ValueError, r"y must hold probabilities in \[0, 1\]"),
    (
        "cross_entropy shapes",
        lambda: mh.cross_entropy([1, 0], [0.5]),
        ValueError,
        r"t and y must be .* same shape.*no broadcasting",
    ),
    ("cross_entropy (N,1) vs (N,)", lambda: mh.cross_entropy(np.array([[1], [0]]), [0.5, 0.5]), ValueError, r"t and y must be"),
    (
        "reduction",
        lambda: mh.squared_loss([1.0], [1.0], reduction="avg"),
        ValueError,
        r"reduction must be one of 'mean', 'sum', 'none'",
    ),
    ("hinge labels", lambda: mh.hinge_loss([0, 1], [0.3, 0.2]), ValueError, r"t must contain only the labels \(-1, 1\)"),
    ("metrics lengths", lambda: mh.confusion_matrix([0, 1, 1], [0, 1]), ValueError, r"y_pred has length 2 but t has 3"),
    ("scores NaN", lambda: mh.roc_curve([0, 1], [0.2, np.nan]), ValueError, r"scores contains 1 NaN"),
    (
        "threshold range",
        lambda: mh.LogisticRegression(solver="newton").fit(X, t).predict(X, threshold=1.5),
        ValueError,
        r"threshold must lie strictly between 0 and 1",
    ),
    (
        "prior1 range",
        lambda: mh.LDA.from_params([0, 0], [1, 1], np.eye(2), prior1=1.0),
        ValueError,
        r"prior1 must lie strictly between 0 and 1",
    ),
    ("mu1 length", lambda: mh.LDA.from_params([0, 0], [1, 1, 1], np.eye(2)), ValueError, r"mu1 has length 3 but mu0 has 2"),
    ("LDA one class", lambda: mh.LDA().fit(X, [0, 0, 0, 1]), ValueError, r"t needs at least 2 samples of each class"),
    ("n_per_class zero", lambda: mh.gaussian_clouds(0), ValueError, r"n_per_class must be >= 1"),
    ("clouds cov shape", lambda: mh.gaussian_clouds(5, cov=np.eye(3)), ValueError, r"cov must have shape \(2, 2\)"),
    (
        "random_state str",
        lambda: mh.gaussian_clouds(5, random_state="seed"),
        TypeError,
        r"random_state must be None, an int or a numpy Generator",
    ),
    (
        "test_size 0",
        lambda: mh.train_test_split(X, t, test_size=0.0, random_state=0),
        ValueError,
        r"test_size must lie strictly between 0 and 1",
    ),
    (
        "split lengths",
        lambda: mh.train_test_split(X, t[:3], test_size=0.5, random_state=0),
        ValueError,
        r"t must be 1-D with one value per row of X \(4\)",
    ),
    ("standardize std", lambda: mh.standardize(X, mean=[0, 0], std=[1, 0]), ValueError, r"std must be > 0"),
    ("w0 length", lambda: mh.LogisticRegression().fit(X, t, w0=[0.0]), ValueError, r"w0 has length 1 but X's columns has 2"),
    ("sigmoid empty", lambda: mh.sigmoid([]), ValueError, r"z is empty"),
    ("predict before fit", lambda: mh.LinearRegression().predict(X), mh.NotFittedError, r"LinearRegression is not fitted yet"),
]


@pytest.mark.parametrize(("call", "exc", "pattern"), [c[1:] for c in BAD_CALLS], ids=[c[0] for c in BAD_CALLS])
def test_bad_call_raises_clear_error(call, exc, pattern):
    with pytest.raises(exc, match=pattern):
        call()


def test_table_is_big_enough():
    assert len(BAD_CALLS) >= 30


def test_huge_but_finite_values_are_accepted_without_overflow_warnings():
    import warnings

    X = np.full((3, 2), 1e308)  # the sum overflows, every entry is finite
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert mh.sigmoid(X).shape == (3, 2)


@pytest.fixture
def wasm32_index_type(monkeypatch):
    """Simulate a platform whose index type is 32-bit (Pyodide on wasm32): labels come
    out of the validator as int32, and np.bincount refuses what int32 cannot hold
    safely, raising the TypeError seen in browser Python."""
    import mlhelpers._validation as validation

    monkeypatch.setattr(validation, "LABEL_DTYPE", np.dtype(np.int32), raising=False)
    real_bincount = np.bincount

    def bincount_32bit(x, *args, **kwargs):
        return real_bincount(np.asarray(x).astype(np.int32, casting="safe"), *args, **kwargs)

    monkeypatch.setattr(np, "bincount", bincount_32bit)


@pytest.mark.parametrize("dtype", [np.int32, np.int64, bool])
def test_integer_and_bool_labels_work_with_a_32_bit_index_type(wasm32_index_type, dtype):
    X, t = mh.gaussian_clouds(20, random_state=0)
    labels = t.astype(dtype)
    lda = mh.LDA().fit(X, labels)
    assert lda.w.shape == (2,)
    assert mh.confusion_matrix(labels, lda.predict(X)).sum() == 40
    assert mh.accuracy(labels, labels) == 1.0


@pytest.mark.parametrize("dtype", [np.int32, np.int64, bool])
def test_labels_come_out_in_the_platform_index_type(dtype):
    from mlhelpers._validation import as_labels

    assert as_labels(np.array([0, 1, 1]).astype(dtype)).dtype == np.dtype(np.intp)
