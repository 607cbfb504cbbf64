"""mlhelpers.base: the estimators follow scikit-learn's conventions (scikit-learn itself is the judge here)."""

import inspect
import subprocess
import sys
import warnings

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import mlhelpers as mh

X, T01 = mh.gaussian_clouds(40, mu0=(-1.0, -1.0), mu1=(1.0, 1.0), random_state=3)
TARGETS = {"classifier01": T01, "perceptron": 2 * T01 - 1, "regression": X @ [1.5, -2.0] + 0.5}

# Every estimator, with settings that fit the data above quickly and the targets it takes.
ESTIMATORS = {
    "logistic gd": (lambda: mh.LogisticRegression(l2=0.1, solver="gd", lr=1.0), "classifier01", {"l2": [0.01, 0.1]}),
    "logistic sgd": (
        lambda: mh.LogisticRegression(l2=0.1, solver="sgd", max_iter=30, random_state=0),
        "classifier01",
        {"lr": [0.05, 0.1]},
    ),
    "logistic saga": (
        lambda: mh.LogisticRegression(l2=0.1, solver="saga", max_iter=300, random_state=0),
        "classifier01",
        {"l2": [0.1, 1.0]},
    ),
    "logistic newton": (lambda: mh.LogisticRegression(l2=0.1, solver="newton"), "classifier01", {"l2": [0.01, 0.1]}),
    "logistic lbfgs": (lambda: mh.LogisticRegression(l2=0.1, solver="lbfgs"), "classifier01", {"l2": [0.01, 0.1]}),
    "perceptron": (lambda: mh.Perceptron(shuffle=True, random_state=0, max_epochs=20), "perceptron", {"fit_bias": [True, False]}),
    "lda": (mh.LDA, "classifier01", {}),
    "linear closed": (lambda: mh.LinearRegression(l2=0.01), "regression", {"l2": [0.0, 0.01]}),
    "linear gd": (lambda: mh.LinearRegression(solver="gd", lr=0.5, max_iter=5000, tol=1e-8), "regression", {"lr": [0.2, 0.5]}),
}


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", mh.ConvergenceWarning)  # SGD's budget, on purpose
        yield


def _case(name):
    make, target, grid = ESTIMATORS[name]
    return make(), TARGETS[target], grid


# ------------------------------------------------------------ __init__ only stores
@pytest.mark.parametrize("name", sorted(ESTIMATORS))
def test_init_only_stores_its_arguments(name):
    est, _, _ = _case(name)
    params = est.get_params()
    init = type(est).__init__
    arguments = [] if init is object.__init__ else [p for p in inspect.signature(init).parameters if p != "self"]
    assert sorted(params) == sorted(arguments)
    assert vars(est) == params  # nothing derived, nothing checked, nothing else
    assert type(est)(**params).get_params() == params


def test_a_setting_changed_after_construction_is_used_by_fit():
    # The defect: l1 set after construction was silently ignored by Newton's method.
    m = mh.LogisticRegression(solver="newton")
    m.l1 = 0.5
    with pytest.raises(ValueError, match=r"solver='newton' .* does not support l1"):
        m.fit(X, T01)
    m = mh.LogisticRegression(solver="newton")
    m.lr = -1.0  # Newton ignores lr: nothing to check
    m.fit(X, T01)
    m = mh.LogisticRegression()
    m.lr = 0.0
    with pytest.raises(ValueError, match="lr must be > 0"):
        m.fit(X, T01)
    later = mh.LogisticRegression(solver="gd").set_params(l1=0.05, lr=0.5).fit(X, T01)
    direct = mh.LogisticRegression(l1=0.05, lr=0.5, solver="gd").fit(X, T01)
    np.testing.assert_array_equal(later.w, direct.w)


def test_set_params_rejects_an_unknown_name():
    with pytest.raises(ValueError, match="'alpha' is not a setting of LogisticRegression"):
        mh.LogisticRegression().set_params(alpha=1.0)


# ------------------------------------------------------------ fit: reproducible, inputs untouched
@pytest.mark.parametrize("name", ["logistic sgd", "logistic saga", "perceptron"])
def test_refit_with_the_same_integer_random_state_is_identical(name):
    est, t, _ = _case(name)
    first = est.fit(X, t).w.copy()
    second = est.fit(X, t).w.copy()
    np.testing.assert_array_equal(first, second)
    np.testing.assert_array_equal(first, clone(est).fit(X, t).w)


@pytest.mark.parametrize("name", sorted(ESTIMATORS))
def test_fit_never_changes_its_inputs(name):
    est, t, _ = _case(name)
    X_in, t_in = X.copy(), t.copy()
    X_in.flags.writeable = t_in.flags.writeable = False  # a write would raise
    est.fit(X_in, t_in)
    np.testing.assert_array_equal(X_in, X)
    np.testing.assert_array_equal(t_in, t)
    if "w0" in inspect.signature(est.fit).parameters:
        w0 = np.array([0.1, -0.1])
        w0.flags.writeable = False
        est.fit(X_in, t_in, w0=w0)
        np.testing.assert_array_equal(w0, [0.1, -0.1])


# ------------------------------------------------------------ not fitted
@pytest.mark.parametrize("name", sorted(ESTIMATORS))
def test_predict_before_fit_raises_not_fitted_error(name):
    est, _, _ = _case(name)
    for error in (mh.NotFittedError, ValueError, AttributeError):
        with pytest.raises(error, match="is not fitted yet; call fit"):
            est.predict(X)


def test_not_fitted_error_is_both_value_and_attribute_error():
    assert issubclass(mh.NotFittedError, ValueError) and issubclass(mh.NotFittedError, AttributeError)


# ------------------------------------------------------------ scikit-learn accepts every estimator
@pytest.mark.parametrize("name", sorted(ESTIMATORS))
def test_clone_gives_an_unfitted_copy_with_the_same_settings(name):
    est, t, _ = _case(name)
    est.fit(X, t)
    copy = clone(est)
    assert copy is not est and copy.get_params() == est.get_params() and copy.w is None


@pytest.mark.parametrize("name", sorted(ESTIMATORS))
def test_cross_val_score_grid_search_and_pipeline(name):
    est, t, grid = _case(name)
    scores = cross_val_score(est, X, t, cv=3)
    assert scores.shape == (3,) and np.all(scores > 0.5)
    search = GridSearchCV(est, grid or {}, cv=3).fit(X, t)
    assert set(search.best_params_) == set(grid)
    pipe = make_pipeline(StandardScaler(), est).fit(X, t)
    assert pipe.score(X, t) > 0.5 and pipe.predict(X).shape == t.shape


def test_importing_mlhelpers_never_imports_sklearn():
    code = "import sys, mlhelpers, mlhelpers.models, mlhelpers.solvers; assert 'sklearn' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# ------------------------------------------------------------ warnings point at the user's line
def _caught(fit):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit()
    (warning,) = [w for w in caught if issubclass(w.category, mh.ConvergenceWarning)]
    return warning


@pytest.mark.parametrize(
    "make",
    [
        lambda: mh.LinearRegression(solver="gd", max_iter=2),  # the defect: it pointed at sys:1
        lambda: mh.LogisticRegression(solver="gd", max_iter=2),
        lambda: mh.LogisticRegression(solver="newton", max_iter=1, tol=1e-12),
        lambda: mh.LogisticRegression(solver="lbfgs", max_iter=1, tol=1e-12),
        lambda: mh.LogisticRegression(solver="sgd", max_iter=1, random_state=0),
    ],
)
def test_convergence_warning_points_at_the_line_calling_fit(make):
    est = make()
    t = TARGETS["regression"] if isinstance(est, mh.LinearRegression) else T01
    line = inspect.currentframe().f_lineno + 1
    warning = _caught(lambda: est.fit(X, t))
    assert warning.filename == __file__ and warning.lineno == line
