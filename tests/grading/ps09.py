WRONG = {
    # the explicit inverse the problem rules out (the public check switches np.linalg.inv off)
    "ps09-p1-answer": (
        "def least_squares(X, t):\n"
        "    X1 = np.column_stack([np.ones(len(X)), X])\n"
        "    coef = np.linalg.inv(X1.T @ X1) @ X1.T @ t\n"
        "    return coef[1:], coef[0]\n"
    ),
    # the sum-form strength used as if it were l2: the penalty is N times too weak
    "ps09-p2-answer": (
        "def ridge(X, t, l2):\n"
        "    x_mean, t_mean = X.mean(axis=0), t.mean()\n"
        "    Xc, tc = X - x_mean, t - t_mean\n"
        "    w = np.linalg.solve(Xc.T @ Xc + l2 * np.eye(X.shape[1]), Xc.T @ tc)\n"
        "    return w, t_mean - x_mean @ w\n"
    ),
    # test R^2 measured against the training targets' mean
    "ps09-p3-answer": (
        "def r2(t, y):\n"
        "    return 1.0 - np.sum((t - y) ** 2) / np.sum((t - np.mean(t)) ** 2)\n"
        "\n\n"
        "def noise_r2(X, t, X_test, t_test, noise, noise_test, k):\n"
        "    A, A_test = np.c_[X, noise[:, :k]], np.c_[X_test, noise_test[:, :k]]\n"
        "    fit = mh.LinearRegression().fit(A, t)\n"
        "    y_test = fit.predict(A_test)\n"
        "    return r2(t, fit.predict(A)), 1.0 - np.sum((t_test - y_test) ** 2) / np.sum((t_test - t.mean()) ** 2)\n"
    ),
    # the bias penalized as well
    "ps09-p4-answer": (
        "def sgd_step(w, b, x_n, t_n, lr, l2):\n"
        "    r = w @ x_n + b - t_n\n"
        "    return w - lr * (r * x_n + l2 * w), b - lr * (r + l2 * b)\n"
    ),
    # the mean, the minimizer of the squared error, not of the absolute error
    "ps09-p5-answer": "def mae_constant(t):\n    return float(np.mean(t))\n",
}
