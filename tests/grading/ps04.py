"""Planted wrong answers for notebook 04's problem set (see tests/grading/__init__.py)."""

WRONG = {
    # a forward (one-sided) difference: error of order eps, not eps**2
    "ps04-p1-answer": (
        "def numerical_gradient(f, w, eps=1e-6):\n"
        "    w = np.asarray(w, dtype=float)\n"
        "    grad = np.empty_like(w)\n"
        "    for i in range(w.size):\n"
        "        step = np.zeros_like(w)\n"
        "        step[i] = eps\n"
        "        grad[i] = (f(w + step) - f(w)) / eps\n"
        "    return grad\n"
    ),
    # sigma (1 - sigma) as written: 1 - sigma(z) rounds to 0 for large z
    "ps04-p2-answer": "def sigmoid_derivative(z):\n    s = mh.sigmoid(z)\n    return s * (1 - s)\n",
    # 1 - sigma(z): right on paper, but loses every digit for large z
    "ps04-p3-answer": "def dlog_sigmoid(z):\n    return 1 - mh.sigmoid(z)\n",
    # the gradient of the summed cost, not of the mean
    "ps04-p4-answer": (
        "def mean_logistic_gradient(w, b, X, t):\n"
        "    r = mh.sigmoid(np.asarray(X) @ np.asarray(w) + b) - np.asarray(t)\n"
        "    return np.asarray(X).T @ r, float(r.sum())\n"
    ),
}
