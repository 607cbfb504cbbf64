"""Fast kernels: the logistic cost, gradient and Hessian swept over X in row blocks.

Each function here equals a textbook formula of :mod:`mlhelpers.losses` (its
docstring opens with the formula and names the test that proves the equality, all in
``tests/test_kernels.py``). They pay off only on large X: the solvers call them above
:data:`MIN_ROWS` rows, and the textbook formulas below (every notebook's size).
The blocks keep each slice of X in cache between its two products and every
temporary a block long; X is never copied.
"""

from __future__ import annotations

import numpy as np

__all__ = ["MIN_ROWS", "cost_and_gradient", "hessian"]

# The solvers use these kernels only for N > MIN_ROWS rows. Measured on one thread (2026-12):
# the kernel saves about 20-30 % of an evaluation from 1,000 rows on, i.e. 20-30 us at 1,000
# rows, nothing a notebook notices; from a few thousand rows it pays in a fit. Every notebook
# fits fewer than 4,096 rows, so what they run is the textbook formulas of losses.
MIN_ROWS = 4_096
_BLOCK_BYTES = 1 << 21  # X is swept in row blocks of about 2 MB once it is larger than 4 blocks
_HESSIAN_BLOCK_BYTES = 1 << 20  # about 1 MB of scaled rows at a time: Newton's extra memory stays O(1 MB + N)


def _block_rows(n, d):
    """Rows per block of :func:`cost_and_gradient`: all of X when it is small, else about 2 MB of it."""
    rows = max(4096, _BLOCK_BYTES // (8 * d))
    return n if n <= 4 * rows else rows


def cost_and_gradient(w, b, X, t, l2, *, residual=None):
    """``(losses._logistic_cost(w, b, X, t, l2, 0), *losses._logistic_gradient(w, b, X, t, l2))``.

    Proved by ``tests/test_kernels.py::test_cost_and_gradient_equals_the_formulas``.

    One exponential per sample serves both: with z = X w + b, e = exp(-|z|) and
    h = 1 where z >= 0 (else 0),

        log(1 + exp(z)) - t z = z (h - t) + log1p(e),   sigma(z) = [1 or e] / (1 + e),

    where z (h - t) = max(z, 0) - t z is exact for 0/1 targets (|z| where the sign
    of z and t disagree, else 0). No exponent is ever positive, so nothing overflows
    for any finite logit. Large X is swept in row blocks of a few MB, so each block
    is still in cache for ``X_block^T r`` right after ``X_block w``, and every
    temporary is a block long. X is never copied.

    Returns ``(cost, dw, db)``; if ``residual`` (an array of length N) is given,
    the residuals ``sigma(z) - t`` are also written into it.
    """
    n, d = X.shape
    rows = _block_rows(n, d)
    z, e, m = np.empty(rows), np.empty(rows), np.empty(rows)
    r = np.empty(rows) if residual is None else None
    data, r_sum, dw = 0.0, 0.0, None
    for start in range(0, n, rows):
        Xb, tb = X[start : start + rows], t[start : start + rows]
        k = Xb.shape[0]
        zb, eb, mb = z[:k], e[:k], m[:k]
        rb = r[:k] if residual is None else residual[start : start + k]
        np.matmul(Xb, w, out=zb)
        zb += b
        np.greater_equal(zb, 0.0, out=rb)  # h = 1.0 where z >= 0, else 0.0
        np.subtract(rb, tb, out=mb)
        data += zb @ mb  # sum of z (h - t) = max(z, 0) - t z: terms >= 0, each exact
        np.abs(zb, out=eb)
        np.negative(eb, out=eb)
        np.exp(eb, out=eb)  # e = exp(-|z|) in (0, 1]
        np.log1p(eb, out=mb)
        data += mb.sum()
        np.maximum(eb, rb, out=rb)  # 1 where z >= 0, else e
        eb += 1.0
        rb /= eb  # sigma(z)
        rb -= tb  # residual y - t
        r_sum += rb.sum()
        if dw is None:
            dw = rb @ Xb
        else:
            dw += rb @ Xb
    dw /= n
    if l2:
        dw += l2 * w
    return float(data / n + 0.5 * l2 * (w @ w)), dw, float(r_sum / n)


def hessian(X, s, l2):
    """``losses._logistic_hessian``: ``[X 1]^T diag(s) [X 1] + l2 I_w``, for ``s = sigma'(z) / N``.

    Proved by ``tests/test_kernels.py::test_hessian_equals_the_formula``.

    Each block of rows is scaled by sqrt(s) into a buffer ``B = [X_block 1] * sqrt(s)``
    of about 1 MB (it stays in cache), and ``B^T B`` (a symmetric rank-k update, half
    the work of a general product) adds the block's share of every entry, the bias
    row and column included. X is never copied whole. The weights ``s`` come from the
    residuals of :func:`cost_and_gradient`: ``y (1 - y) = |y - t| (1 - |y - t|)`` for
    t in {0, 1}.
    """
    n, d = X.shape
    H = np.zeros((d + 1, d + 1))
    rows = min(n, max(16, _HESSIAN_BLOCK_BYTES // (8 * (d + 1))))
    buf, root = np.empty((rows, d + 1)), np.empty(rows)
    for start in range(0, n, rows):
        Xc = X[start : start + rows]
        k = Xc.shape[0]
        B, rc = buf[:k], root[:k]
        np.sqrt(s[start : start + k], out=rc)
        np.multiply(Xc, rc[:, None], out=B[:, :d])
        B[:, d] = rc
        H += B.T @ B
    H[np.arange(d), np.arange(d)] += l2
    return H
