WRONG = {
    # the number of samples instead of the number of features
    "ps00-p1-answer": "def n_features(X):\n    return np.shape(X)[0]\n",
    # a loop that sums the logits over samples instead of one output per sample
    "ps00-p2-answer": "def model_outputs(X, w, b):\n    return mh.sigmoid(np.sum(np.asarray(X) @ w) + b)\n",
}
