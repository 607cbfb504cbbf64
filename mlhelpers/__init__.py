"""mlhelpers: vectorized numpy routines for the course on linear classifiers.

The core names are importable from the top level; plotting, widgets and the
exercise checks are modules of their own (``from mlhelpers import plotting``), so
importing the numerical core never imports matplotlib or ipywidgets (nor
scikit-learn, ever).

The names of scikit-learn, for the course's (written here once):

==============================  =================================================
mlhelpers                       scikit-learn
==============================  =================================================
``model.w``                     ``model.coef_[0]`` (shape (1, D) there)
``model.b``                     ``model.intercept_[0]``
``t`` (targets)                 ``y`` / ``y_true``
``y_pred``, ``scores``          ``y_pred``, ``y_score``
``predict_proba(X)`` (N,)       ``predict_proba(X)[:, 1]`` (N, 2 there)
``roc_auc(t, scores)``          ``roc_auc_score(y_true, y_score)``
``accuracy``                    ``accuracy_score``
``l2`` (mean cost)              ``C = 1 / (l2 N)`` in ``LogisticRegression``
``l1`` (mean cost)              ``C = 1 / (l1 N)`` with ``penalty="l1"``
``LinearRegression(l2=l2)``     ``Ridge(alpha=l2 N)``
``max_iter``, ``tol``           the same names (the stopping tests differ)
``NotFittedError``              ``sklearn.exceptions.NotFittedError``
==============================  =================================================

The derivation of ``C`` and ``alpha`` (and of elastic net's ``l1_ratio``) is in
:mod:`mlhelpers.losses`.
"""

from .base import NotFittedError
from .data import donut, gaussian_clouds, standardize, train_test_indices, train_test_split, xor
from .functions import log_sigmoid, sigmoid
from .losses import (
    absolute_loss,
    cross_entropy,
    hinge_loss,
    logistic_cost,
    logistic_gradient,
    penalty,
    penalty_gradient,
    soft_threshold,
    squared_error_cost,
    squared_error_gradient,
    squared_loss,
    zero_one_loss,
)
from .metrics import (
    UndefinedMetricWarning,
    accuracy,
    auc,
    confusion_matrix,
    confusion_rates,
    f1_score,
    precision,
    recall,
    roc_auc,
    roc_curve,
    sensitivity,
    specificity,
)
from .models import LDA, LinearRegression, LogisticRegression, Perceptron
from .optimize import ConvergenceWarning, gradient_check, gradient_descent, numerical_gradient

__version__ = "0.1.0"

__all__ = [
    "LDA",
    "ConvergenceWarning",
    "LinearRegression",
    "LogisticRegression",
    "NotFittedError",
    "Perceptron",
    "UndefinedMetricWarning",
    "absolute_loss",
    "accuracy",
    "auc",
    "confusion_matrix",
    "confusion_rates",
    "cross_entropy",
    "donut",
    "f1_score",
    "gaussian_clouds",
    "gradient_check",
    "gradient_descent",
    "hinge_loss",
    "log_sigmoid",
    "logistic_cost",
    "logistic_gradient",
    "numerical_gradient",
    "penalty",
    "penalty_gradient",
    "precision",
    "recall",
    "roc_auc",
    "roc_curve",
    "sensitivity",
    "sigmoid",
    "soft_threshold",
    "specificity",
    "squared_error_cost",
    "squared_error_gradient",
    "squared_loss",
    "standardize",
    "train_test_indices",
    "train_test_split",
    "xor",
    "zero_one_loss",
]
