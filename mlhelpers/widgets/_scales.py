"""Axis limits that move in steps, so that a moving explorer rarely redraws its axes."""

from __future__ import annotations

import math

_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0)


def ceiling(value: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 5, 7.5 times a power of 10 that is >= ``value`` (> 0).

    >>> [ceiling(v) for v in (0.9, 1.0, 1.2, 4.0, 23.0)]
    [1.0, 1.0, 1.5, 5.0, 30.0]
    """
    decade = 10.0 ** math.floor(math.log10(value))
    return next(s * decade for s in _STEPS if s * decade >= value * (1 - 1e-12))


def log_range(low: float, high: float) -> tuple[float, float]:
    """Whole decades around ``[low, high]`` (both > 0), for a logarithmic axis."""
    return 10.0 ** math.floor(math.log10(low)), 10.0 ** math.ceil(math.log10(high) + 1e-12)
