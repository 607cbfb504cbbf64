"""The bands of a probability map ``sigma(w^T x + b)`` over a convex polygon, cut exactly.

The map is constant along the lines ``w^T x + b = logit(P)``, so the band between two
levels is the polygon clipped to a strip between two parallel lines: what a filled
contour of the map on a grid draws, without the grid. The LDA explorer (notebook 02)
and the regularization explorer (07) shade their maps with these bands.
"""

from __future__ import annotations

import numpy as np

LEVELS = np.linspace(0, 1, 11)  # the shading's levels of P: 0, 0.1, ..., 1
with np.errstate(divide="ignore"):
    LOGITS = np.log(LEVELS) - np.log1p(-LEVELS)  # the scores w^T x + b where P crosses each level (-inf, ..., inf)


def _half_plane(polygon, w, b, level, sign):
    """The part of a convex polygon where ``sign * (w^T x + b - level) >= 0`` (one
    Sutherland-Hodgman step); ``level`` may be infinite (no cut)."""
    if not np.isfinite(level):
        return polygon if sign * level < 0 else polygon[:0]
    side = sign * (polygon @ w + b - level)
    out = []
    for k in range(len(polygon)):
        p, q, sp, sq = polygon[k - 1], polygon[k], side[k - 1], side[k]
        if (sp >= 0) != (sq >= 0):
            out.append(p + (q - p) * (sp / (sp - sq)))
        if sq >= 0:
            out.append(q)
    return np.array(out).reshape(-1, 2)


def band(polygon, w, b, low, high):
    """The part of a convex ``polygon`` (K, 2) where ``low <= w^T x + b <= high`` (an empty
    (0, 2) array if none; ``low`` and ``high`` may be infinite)."""
    return _half_plane(_half_plane(polygon, w, b, low, 1.0), w, b, high, -1.0)
