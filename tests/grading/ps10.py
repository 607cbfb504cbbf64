WRONG = {
    # columns in order of first appearance: the vocabulary depends on the order of the documents
    "ps10-p1-answer": (
        "def build_vocabulary(docs, min_count):\n"
        "    counts = {}\n"
        "    for doc in docs:\n"
        "        for word in doc:\n"
        "            counts[word] = counts.get(word, 0) + 1\n"
        "    kept = [word for word in counts if counts[word] >= min_count]\n"
        "    return {word: j for j, word in enumerate(kept)}\n"
    ),
    # presence instead of counts: a repeated word is counted once
    "ps10-p2-answer": (
        "def bag_of_words(docs, vocab):\n"
        "    X = np.zeros((len(docs), len(vocab)))\n"
        "    for n, doc in enumerate(docs):\n"
        "        for word in doc:\n"
        "            if word in vocab:\n"
        "                X[n, vocab[word]] = 1\n"
        "    return X\n"
    ),
    # the most negative list is the tail of the descending order, so it comes least negative first
    "ps10-p3-answer": (
        "def top_words(w, vocab, k):\n"
        "    words = sorted(vocab, key=vocab.get)\n"
        "    order = np.argsort(-np.asarray(w), kind='stable')\n"
        "    return [words[j] for j in order[:k]], [words[j] for j in order[-k:]]\n"
    ),
    # forgets the bias
    "ps10-p4-answer": (
        "def score_review(review, vocab, w, b):\n"
        "    x = text.bag_of_words([text.tokenize(review, stop_words='english')], vocab)[0]\n"
        "    return float(mh.sigmoid(x @ np.asarray(w)))\n"
    ),
}
