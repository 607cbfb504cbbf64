"""Builders of the course's ipywidgets explorers.

Every explorer is an :class:`Explorer`: sliders above an ``ipywidgets.Image``
that shows a matplotlib figure rendered to PNG with the Agg canvas (no pyplot, so
no inline-backend state and no leaked figures). Moving a slider calls the draw
function again and replaces the PNG. The explorer is driven from code exactly as
from the mouse::

    ex = boundary_explorer(X, t)
    ex.controls["w1"].value = 2.0      # redraws
    ex.image.value                     # the new PNG bytes
    ex.state                           # whatever the draw function reported

CSS classes ``mlh-explorer`` (the box) and ``mlh-explorer-figure`` (the image) let
the browser tests find them. Each builder has a static companion: call
:func:`static_panels` with a few chosen settings to draw the same picture as an
ordinary inline figure, which reads without a kernel (GitHub, the HTML site).

The package holds the machinery (``_explorer``) and one small module per topic
(``basics``, ``lda``, ``likelihood``, ``gradient``, ``descent``, ``regularization``,
``threshold``, ``regression``, ``sentiment``); every name is re-exported here, so
notebooks write ``from mlhelpers import widgets`` and ``widgets.lda_explorer()``.
The model and data code the explorers show lives outside this package
(``mlhelpers.features``, ``mlhelpers.gaussian_classes``, ``mlhelpers.regularization_path``,
``mlhelpers.descent_path``); its names stay importable from here for the notebooks.
"""

from ..features import polynomial_features
from ..gaussian_classes import lda_bayes_error
from ..regularization_path import PENALTIES, fit_regularized, penalty_strengths
from ._explorer import Explorer, Scene, slider, static_panels
from .basics import boundary_explorer, draw_boundary, draw_sigmoid, sigmoid_explorer
from .descent import DESCENT_SURFACES, descent_explorer, draw_descent, draw_training, training_explorer
from .gradient import draw_gradient_check, gradient_check_explorer
from .lda import draw_lda, lda_explorer
from .likelihood import cross_entropy_explorer, draw_cross_entropy
from .regression import draw_ridge_errors, draw_ridge_fit, ridge_explorer
from .regularization import draw_regularization, regularization_explorer
from .sentiment import draw_review, review_explorer
from .threshold import draw_threshold, threshold_explorer

__all__ = [
    "Explorer",
    "Scene",
    "slider",
    "static_panels",
    "draw_sigmoid",
    "sigmoid_explorer",
    "draw_boundary",
    "boundary_explorer",
    "draw_threshold",
    "threshold_explorer",
    "draw_cross_entropy",
    "cross_entropy_explorer",
    "PENALTIES",
    "penalty_strengths",
    "fit_regularized",
    "draw_regularization",
    "regularization_explorer",
    "DESCENT_SURFACES",
    "draw_descent",
    "descent_explorer",
    "draw_training",
    "training_explorer",
    "lda_bayes_error",
    "draw_lda",
    "lda_explorer",
    "polynomial_features",
    "draw_ridge_fit",
    "draw_ridge_errors",
    "ridge_explorer",
    "draw_gradient_check",
    "gradient_check_explorer",
    "draw_review",
    "review_explorer",
]
