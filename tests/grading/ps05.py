"""Planted wrong answers for notebook 05's problem set (see tests/grading/__init__.py)."""

WRONG = {
    # the start is left out of the path
    "ps05-p1-answer": (
        "def descend(grad, w0, lr, tol, max_steps):\n"
        "    w = np.asarray(w0, dtype=float)\n"
        "    path = []\n"
        "    for _ in range(max_steps):\n"
        "        g = grad(w)\n"
        "        if np.linalg.norm(g) < tol:\n"
        "            break\n"
        "        w = w - lr * g\n"
        "        path.append(w)\n"
        "    return np.array(path)\n"
    ),
    # the largest diagonal entry instead of the largest eigenvalue: right only for a diagonal A
    "ps05-p2-answer": "def lr_max(A):\n    return float(2 / np.max(np.diag(np.asarray(A, dtype=float))))\n",
    # the bias is never updated
    "ps05-p3-answer": (
        "def logistic_path(X, t, w0, b0, lr, n_steps):\n"
        "    w, b = np.array(w0, dtype=float), float(b0)\n"
        "    path = [np.append(w, b)]\n"
        "    for _ in range(n_steps):\n"
        "        dw, db = mh.logistic_gradient(w, b, X, t)\n"
        "        w = w - lr * dw\n"
        "        path.append(np.append(w, b))\n"
        "    return np.array(path)\n"
    ),
    # the penalty forgotten
    "ps05-p4-answer": (
        "def logistic_lr_limit(X, l2):\n"
        "    X = np.asarray(X, dtype=float)\n"
        "    A = np.column_stack([X, np.ones(X.shape[0])])\n"
        "    return float(2 / np.linalg.eigvalsh(A.T @ A / (4 * X.shape[0])).max())\n"
    ),
}
