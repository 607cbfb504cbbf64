"""Planted wrong answers for notebook 06's problem set (see tests/grading/__init__.py)."""

WRONG = {
    # the cost summed over samples instead of averaged (the gradient too)
    "ps06-p1-answer": (
        "def cost_and_gradient(w, b, X, t, l2):\n"
        "    X, t, w = np.asarray(X, dtype=float), np.asarray(t, dtype=float), np.asarray(w, dtype=float)\n"
        "    z = X @ w + b\n"
        "    y = mh.sigmoid(z)\n"
        "    J = np.sum(np.logaddexp(0, z) - t * z) + l2 / 2 * w @ w\n"
        "    return float(J), X.T @ (y - t) + l2 * w, float(np.sum(y - t))\n"
    ),
    # the bias is never trained
    "ps06-p2-answer": (
        "def fit(X, t, lr, tol, max_iter, l2):\n"
        "    w, b = np.zeros(np.shape(X)[1]), 0.0\n"
        "    for _ in range(max_iter):\n"
        "        dw, db = mh.logistic_gradient(w, b, X, t, l2=l2)\n"
        "        if np.max(np.abs(dw)) < tol:\n"
        "            break\n"
        "        w = w - lr * dw\n"
        "    return w, b\n"
    ),
    # the sign of b flipped when solving for x2
    "ps06-p3-answer": "def boundary_x2(w, b, x1):\n    return -(w[0] * np.asarray(x1, dtype=float) - b) / w[1]\n",
    # the logit compared with 0.5 instead of the probability
    "ps06-p4-answer": (
        "def predict(w, b, X):\n"
        "    return (np.asarray(X, dtype=float) @ np.asarray(w, dtype=float) + b > 0.5).astype(int)\n"
        "\n\n"
        "def accuracy(t, y_pred):\n"
        "    return float(np.mean(np.asarray(t) == np.asarray(y_pred)))\n"
    ),
    # each set scaled with its own statistics: the test set leaks into its own scaling
    "ps06-p5-answer": (
        "def standardize(X_train, X_other):\n"
        "    def z(A):\n"
        "        A = np.asarray(A, dtype=float)\n"
        "        s = A.std(axis=0)\n"
        "        return (A - A.mean(axis=0)) / np.where(s == 0, 1.0, s)\n"
        "    return z(X_train), z(X_other)\n"
    ),
    # stops on the gradient instead of the cost gap
    "ps06-p6-answer": (
        "def iterations_to_gap(X, t, lr, J_star, eps, max_iter):\n"
        "    w, b = np.zeros(np.shape(X)[1]), 0.0\n"
        "    k = 0\n"
        "    while k < max_iter:\n"
        "        dw, db = mh.logistic_gradient(w, b, X, t)\n"
        "        if max(np.max(np.abs(dw)), abs(db)) < eps:\n"
        "            break\n"
        "        w, b = w - lr * dw, b - lr * db\n"
        "        k += 1\n"
        "    return k\n"
    ),
}
