WRONG = {
    # the prior term with the box's alpha = P(t=0) plugged in as if it were P(t=1)
    "ps02-p1-answer": (
        "def lda_params(mu0, mu1, cov, prior1):\n"
        "    mu0, mu1, cov = (np.asarray(a, dtype=float) for a in (mu0, mu1, cov))\n"
        "    w = np.linalg.solve(cov, mu1 - mu0)\n"
        "    b = 0.5 * mu0 @ np.linalg.solve(cov, mu0) - 0.5 * mu1 @ np.linalg.solve(cov, mu1) - np.log(prior1 / (1 - prior1))\n"
        "    return w, b\n"
    ),
    # b right, but the boundary said to move by the change of b itself, not divided by ||w||
    "ps02-p2-answer": (
        "def prior_shift(w, b, prior_old, prior_new):\n"
        "    b_new = b + np.log(prior_new / (1 - prior_new)) - np.log(prior_old / (1 - prior_old))\n"
        "    return b_new, -(b_new - b)\n"
    ),
    # the densities themselves, then Bayes' rule as a ratio: 0/0 far from both classes
    "ps02-p3-answer": (
        "def qda_posterior(X_train, t_train, X):\n"
        "    X_train, X = np.asarray(X_train, dtype=float), np.asarray(X, dtype=float)\n"
        "    joint = []\n"
        "    for k in (0, 1):\n"
        "        P = X_train[np.asarray(t_train) == k]\n"
        "        mu = P.mean(axis=0)\n"
        "        cov = (P - mu).T @ (P - mu) / len(P)\n"
        "        diff = X - mu\n"
        "        m2 = np.sum(diff * np.linalg.solve(cov, diff.T).T, axis=1)\n"
        "        joint.append(np.exp(-0.5 * m2) / np.sqrt(np.linalg.det(2 * np.pi * cov)) * len(P) / len(X_train))\n"
        "    return joint[1] / (joint[0] + joint[1])\n"
    ),
    # standard deviations where the problem gives variances
    "ps02-p4-answer": (
        "def naive_bayes_log_odds(X, mu0, var0, mu1, var1, prior1):\n"
        "    X = np.asarray(X, dtype=float)\n"
        "    def log_normal(x, mu, sd):\n"
        "        return -0.5 * (x - mu) ** 2 / sd ** 2 - np.log(np.sqrt(2 * np.pi) * sd)\n"
        "    return (log_normal(X, mu1, var1) - log_normal(X, mu0, var0)).sum(axis=1) + np.log(prior1 / (1 - prior1))\n"
    ),
}
