"""Planted wrong answers for notebook 08's problem set (see tests/grading/__init__.py)."""

WRONG = {
    # FP and FN swapped: rows and columns of the confusion matrix confused
    "ps08-p1-answer": (
        "def confusion_counts(t, t_hat):\n"
        "    t, t_hat = np.asarray(t).astype(int), np.asarray(t_hat).astype(int)\n"
        "    tn = int(np.sum((t == 0) & (t_hat == 0)))\n"
        "    fp = int(np.sum((t == 1) & (t_hat == 0)))\n"
        "    fn = int(np.sum((t == 0) & (t_hat == 1)))\n"
        "    tp = int(np.sum((t == 1) & (t_hat == 1)))\n"
        "    return tn, fp, fn, tp\n"
    ),
    # no zero-denominator handling
    "ps08-p2-answer": (
        "def rates(tn, fp, fn, tp):\n"
        "    precision, recall = tp / (tp + fp), tp / (tp + fn)\n"
        "    return recall, tn / (tn + fp), precision, 2 * precision * recall / (precision + recall)\n"
    ),
    # predicts positive for score > c instead of >= c: one threshold too low
    "ps08-p3-answer": (
        "def threshold_for_recall(t, scores, target):\n"
        "    t, scores = np.asarray(t), np.asarray(scores, dtype=float)\n"
        "    for c in np.unique(scores)[::-1]:\n"
        "        if np.sum((scores > c) & (t == 1)) / np.sum(t == 1) >= target:\n"
        "            return float(c)\n"
        "    return float(scores.min())\n"
    ),
    # one point per sample: tied scores not grouped
    "ps08-p4-answer": (
        "def roc_points(t, scores):\n"
        "    order = np.argsort(-np.asarray(scores, dtype=float), kind='mergesort')\n"
        "    t = np.asarray(t)[order]\n"
        "    tp, fp = np.r_[0, np.cumsum(t == 1)], np.r_[0, np.cumsum(t == 0)]\n"
        "    return fp / fp[-1], tp / tp[-1]\n"
    ),
    # ties counted as lost pairs
    "ps08-p5-answer": (
        "def auc_by_pairs(t, scores):\n"
        "    t, scores = np.asarray(t), np.asarray(scores, dtype=float)\n"
        "    return float(np.mean(scores[t == 1][:, None] > scores[t == 0][None, :]))\n"
    ),
}
