"""Planted wrong answers for notebook 03's problem set (see tests/grading/__init__.py)."""

WRONG = {
    # the probability of the counts in any order (with the binomial coefficient), not of one sequence
    "ps03-p1-answer": (
        "import math\n\n"
        "def coin_log_likelihood(p, heads, tails):\n"
        "    p = np.asarray(p, dtype=float)\n"
        "    return np.log(math.comb(heads + tails, heads)) + heads * np.log(p) + tails * np.log(1 - p)\n"
    ),
    # the maximum read off a grid of step 0.001 instead of solved exactly
    "ps03-p2-answer": (
        "def mle(heads, tails):\n"
        "    grid = np.linspace(0.001, 0.999, 999)\n"
        "    return float(grid[np.argmax(heads * np.log(grid) + tails * np.log(1 - grid))])\n"
    ),
    # the naive route through sigma(z): inf and nan for large |z|
    "ps03-p3-answer": (
        "def cross_entropy_from_logits(t, z):\n    y = mh.sigmoid(z)\n    return -(t * np.log(y) + (1 - t) * np.log(1 - y))\n"
    ),
    # the mean over the samples instead of the sum
    "ps03-p4-answer": (
        "def data_log_likelihood(w, b, X, t):\n"
        "    z = np.asarray(X) @ np.asarray(w) + b\n"
        "    return float(np.mean(t * mh.log_sigmoid(z) + (1 - t) * mh.log_sigmoid(-z)))\n"
    ),
}
