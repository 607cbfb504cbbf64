"""Planted wrong answers for notebook 07's problem set (see tests/grading/__init__.py)."""

WRONG = {
    # the bias penalized too (l2 * b added to db)
    "ps07-p1-answer": (
        "def l2_gradient(w, b, X, t, l2):\n"
        "    r = mh.sigmoid(np.asarray(X) @ w + b) - np.asarray(t)\n"
        "    return np.asarray(X).T @ r / len(t) + l2 * np.asarray(w), float(r.mean() + l2 * b)\n"
    ),
    # the plain sign step: crosses 0 instead of stopping there
    "ps07-p2-answer": "def soft_threshold(w, thr):\n    w = np.asarray(w, dtype=float)\n    return w - thr * np.sign(w)\n",
    # assumes the grid is sorted increasingly: takes the last allowed position
    "ps07-p3-answer": (
        "def choose_strength(strengths, dev_losses, tol):\n"
        "    allowed = np.flatnonzero(np.asarray(dev_losses) <= np.min(dev_losses) + tol)\n"
        "    return float(np.asarray(strengths)[allowed[-1]])\n"
    ),
    # the Laplace scale set to the standard deviation (variance b^2 instead of 2 b^2)
    "ps07-p4-answer": (
        "def neg_log_prior(w, variance, prior):\n"
        "    w = np.asarray(w, dtype=float)\n"
        "    if prior == 'gaussian':\n"
        "        return float(0.5 * w.size * np.log(2 * np.pi * variance) + w @ w / (2 * variance))\n"
        "    b = np.sqrt(variance)\n"
        "    return float(w.size * np.log(2 * b) + np.abs(w).sum() / b)\n"
    ),
    # "zero" up to a tolerance: a tiny weight is counted as a zero
    "ps07-p5-answer": (
        "def sparsity(w):\n    small = np.abs(np.asarray(w)) < 1e-8\n    return int(small.sum()), np.flatnonzero(~small)\n"
    ),
}
