"""The estimator conventions of scikit-learn, without importing scikit-learn.

* ``__init__`` only stores its arguments, under their own names; every check and
  every derived state (the random generator, say) happens in ``fit``, so a
  setting changed after construction is honoured, or rejected, by the next fit.
* :meth:`Estimator.get_params` / :meth:`Estimator.set_params` read and write those
  settings, which is all scikit-learn's ``clone``, ``cross_val_score``,
  ``GridSearchCV`` and ``Pipeline`` need (with ``score`` and the tags below).
* ``fit`` never changes its inputs, and refitting with the same integer
  ``random_state`` gives the same result.
* Using a fitted attribute before ``fit`` raises :class:`NotFittedError`.
"""

from __future__ import annotations

import inspect
import sys

__all__ = ["Estimator", "NotFittedError"]


class NotFittedError(ValueError, AttributeError):
    """``predict`` (or another fitted method) before ``fit``; like scikit-learn's, both a ValueError and an AttributeError."""


class Estimator:
    """Base class: ``get_params``/``set_params`` from the signature of ``__init__``, and the repr.

    ``_repr_params`` names the settings the repr always shows (the others are read
    with :meth:`get_params`); ``_estimator_type`` is "classifier" or "regressor".
    """

    _repr_params: tuple[str, ...] = ()
    _estimator_type = "classifier"

    @classmethod
    def _param_names(cls) -> list[str]:
        if cls.__init__ is object.__init__:
            return []
        parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]  # after self
        return sorted(p.name for p in parameters if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD))

    def get_params(self, deep: bool = True) -> dict:
        """The constructor's settings, ``{name: value}`` (``deep`` is accepted for scikit-learn; nothing nests)."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params):
        """Change settings by name; checked by the next ``fit``. Returns ``self``."""
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(f"{name!r} is not a setting of {type(self).__name__}; valid settings: {', '.join(valid)}")
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._repr_params)
        return f"{type(self).__name__}({args})"

    def __sklearn_is_fitted__(self) -> bool:
        return getattr(self, "w", None) is not None

    def _check_fitted(self) -> None:
        if not self.__sklearn_is_fitted__():
            raise NotFittedError(f"this {type(self).__name__} is not fitted yet; call fit(X, t) first")

    def __sklearn_tags__(self):
        # Only scikit-learn calls this, so it is loaded already: mlhelpers never imports it.
        sk = sys.modules["sklearn.utils"]
        classifier = self._estimator_type == "classifier"
        return sk.Tags(
            estimator_type=self._estimator_type,
            target_tags=sk.TargetTags(required=True),
            classifier_tags=sk.ClassifierTags(multi_class=False) if classifier else None,
            regressor_tags=None if classifier else sk.RegressorTags(),
        )
