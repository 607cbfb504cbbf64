WRONG = {
    # a score of exactly 0 taken as right (t * z < 0 instead of <= 0)
    "ps01-p1-answer": (
        "def perceptron_pass(X, t, w):\n"
        "    weights = []\n"
        "    w = np.array(w, dtype=float)\n"
        "    for x_n, t_n in zip(np.asarray(X, dtype=float), t):\n"
        "        if t_n * (x_n @ w) < 0:\n"
        "            w = w + t_n * x_n\n"
        "            weights.append(w.copy())\n"
        "    return weights\n"
    ),
    # stops at the first epoch without mistakes, so the list is too short
    "ps01-p2-answer": (
        "def mistakes_per_epoch(X, t, n_epochs):\n"
        "    X = np.asarray(X, dtype=float)\n"
        "    w, b = np.zeros(X.shape[1]), 0.0\n"
        "    counts = []\n"
        "    for _ in range(n_epochs):\n"
        "        errors = 0\n"
        "        for x_n, t_n in zip(X, t):\n"
        "            if t_n * (x_n @ w + b) <= 0:\n"
        "                w, b = w + t_n * x_n, b + t_n\n"
        "                errors += 1\n"
        "        counts.append(errors)\n"
        "        if errors == 0:\n"
        "            break\n"
        "    return counts\n"
    ),
    # the score, not divided by ||w||
    "ps01-p3-answer": (
        "def project_to_boundary(X, w, b):\n"
        "    X, w = np.asarray(X, dtype=float), np.asarray(w, dtype=float)\n"
        "    d = X @ w + b\n"
        "    return d, X - np.outer(d, w / np.linalg.norm(w))\n"
    ),
    # the bias left out of R and gamma
    "ps01-p4-answer": (
        "def mistake_bound(X, t, w, b):\n"
        "    X = np.asarray(X, dtype=float)\n"
        "    margins = np.asarray(t) * (X @ w + b)\n"
        "    if np.min(margins) <= 0:\n"
        "        return np.inf\n"
        "    return (np.max(np.linalg.norm(X, axis=1)) / (np.min(margins) / np.linalg.norm(w))) ** 2\n"
    ),
}
