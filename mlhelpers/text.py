"""Text for the sentiment case study: a review-file reader and the bag of words.

The pipeline of seed 001's sentiment analyzer, in two passes over the tokens:

1. :func:`load_reviews` reads the labelled reviews, :func:`tokenize` splits each
   text into lowercase words;
2. pass 1, :func:`build_vocabulary`: every word of the TRAINING texts gets a
   column index;
3. pass 2, :func:`bag_of_words`: every text becomes a row of word counts, a matrix
   ``X`` of shape (N, V) that any classifier of the course takes;
4. after fitting a logistic regression, :func:`top_words` reads the most positive
   and most negative words off its weights.

The file format
---------------
The reader understands the files of the Multi-Domain Sentiment Dataset (Blitzer,
Dredze and Pereira, 2007; ``sorted_data_acl/<domain>/positive.review`` and
``negative.review``). They look like XML but are not: there is no root element and
a raw ``&`` or ``<`` may appear in the text, so an XML parser rejects them. The
seed reads them with BeautifulSoup; this module uses a small line-based reader
instead (standard library only). Each review is a block::

    <review>
    <unique_id>
    B000...:some_title:reviewer
    </unique_id>
    <rating>
    5.0
    </rating>
    <title>
    ...
    </title>
    <review_text>
    free text, any number of lines
    </review_text>
    </review>

with every tag on a line of its own. Rules, decided once:

* blank lines between blocks and between fields are ignored;
* inside a field, every line is text (a raw ``&`` or ``<``, even a line such as
  ``<br>``) until the field's closing tag; a line that is exactly the tag of a
  known field (``<title>``, ``</date>``, ``<review>``, ...) is taken as a sign that
  a closing tag is missing, and is an error;
* character references are decoded as BeautifulSoup would (``&lt;`` becomes
  ``<``, ``&amp;`` becomes ``&``); a lone ``&`` stays as it is;
* a field that occurs twice in one block keeps its first value, except
  ``<review_text>``: two texts in one block mean two reviews were merged, an error;
* a block without ``<review_text>``, an unclosed block or field, a nested
  ``<review>``, a closing tag without its opening tag, text outside any field, a
  rating that is not a number and a file without any review are errors:
  ``ValueError("<file>, line <n>: <what is wrong>")``.

Encoding: the real files mix UTF-8 with Windows-1252 (cp1252) bytes. By default
(``encoding=None``) each line is decoded as UTF-8, and a line that is not valid
UTF-8 as cp1252 (a byte that cp1252 leaves undefined as Latin-1), so any file
reads without an error and without losing a character. Pass ``encoding="utf-8"``
(or any codec name) to be strict: an undecodable line is then a ``ValueError``
naming the file and the line.

The shipped corpus
------------------
``load_reviews()`` with no argument reads a small corpus that ships with the
package (``mlhelpers/data_files/reviews/electronics``: 500 positive and 500
negative electronics reviews in exactly this format). They were WRITTEN FOR THIS
COURSE by a seeded generator (``tools/make_review_corpus.py``); no real review is
in them. To use the real data instead, download and unpack the dataset yourself
and pass its folder: ``load_reviews("path/to/sorted_data_acl/electronics")``.
"""

from __future__ import annotations

import codecs
import html
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from ._validation import as_vector, check_positive_int

__all__ = [
    "ENGLISH_STOP_WORDS",
    "Review",
    "bag_of_words",
    "build_vocabulary",
    "load_reviews",
    "read_reviews",
    "tokenize",
    "top_words",
    "vocabulary_words",
]

# The header fields of the real files. Inside a field, a line that is exactly one of
# these tags means a closing tag is missing; any other tag-like line is text.
_KNOWN_FIELDS = frozenset(
    {
        "unique_id",
        "asin",
        "product_name",
        "product_type",
        "helpful",
        "rating",
        "title",
        "date",
        "reviewer",
        "reviewer_location",
        "review_text",
    }
)
_TAG = re.compile(r"<(/?)([A-Za-z_][A-Za-z0-9_]*)>")
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Review:
    """One ``<review>`` block of a ``.review`` file.

    Attributes
    ----------
    text : str
        The ``<review_text>``: its lines joined by newlines (a blank line between
        paragraphs is kept), surrounding blank space stripped, character
        references decoded.
    title : str
        The ``<title>``, or "" if the block has none.
    rating : float or None
        The ``<rating>`` (1.0 to 5.0 in the real files), None if absent or empty.
    line : int
        The line of the file where the block's ``<review>`` tag stands (1-based).
    fields : dict of str to str
        Every field of the block by tag name (first occurrence), e.g.
        ``fields["product_name"]``; multi-line values keep their newlines.
    """

    text: str
    title: str
    rating: float | None
    line: int
    fields: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


def _decode_lines(data: bytes, name: str, encoding: str | None) -> list[str]:
    """Split raw bytes into decoded lines (see the module docstring on encodings)."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    # Lines end at b"\n" only (as grep -n and editors count them); a "\r" before it is dropped.
    raw_lines = data.split(b"\n")
    if raw_lines[-1] == b"":
        raw_lines.pop()
    lines = []
    for number, raw in enumerate((r.removesuffix(b"\r") for r in raw_lines), start=1):
        if encoding is not None:
            try:
                lines.append(raw.decode(encoding))
            except UnicodeDecodeError as exc:
                raise ValueError(
                    f"{name}, line {number}: not valid {encoding} ({exc.reason} at byte {exc.start}); "
                    "pass encoding=None to fall back to cp1252 on such lines"
                ) from None
            continue
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                lines.append(raw.decode("cp1252"))
            except UnicodeDecodeError:  # the 5 bytes cp1252 leaves undefined
                lines.append(raw.decode("latin-1"))
    return lines


def _check_encoding(encoding) -> str | None:
    if encoding is None:
        return None
    if not isinstance(encoding, str):
        raise TypeError(f"encoding must be None or a codec name such as 'utf-8', got {type(encoding).__name__}")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"encoding={encoding!r} is not a codec Python knows; try 'utf-8', 'cp1252' or None") from None
    return encoding


def _parse(lines: list[str], name: str) -> list[Review]:
    """The state machine: outside a block, inside a block, inside a field."""
    reviews: list[Review] = []
    review_line = 0  # line of the open <review>, 0 when outside a block
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}  # where each kept field opened, for error messages
    open_field = None  # (tag name, line) of the open field
    value: list[str] = []

    def fail(number: int, what: str):
        raise ValueError(f"{name}, line {number}: {what}")

    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        tag = _TAG.fullmatch(stripped)
        closing, tag_name = (tag.group(1) == "/", tag.group(2)) if tag else (False, None)

        if open_field is not None:  # inside a field: text until its closing tag
            field_name, field_line = open_field
            if closing and tag_name == field_name:
                text = html.unescape("\n".join(value).strip())
                if field_name == "review_text" and field_name in fields:
                    fail(field_line, f"a second <review_text> in the <review> opened at line {review_line}")
                if field_name not in fields:
                    fields[field_name], field_lines[field_name] = text, field_line
                open_field, value = None, []
            elif tag_name == "review" or tag_name in _KNOWN_FIELDS:
                fail(number, f"found {stripped} but the <{field_name}> opened at line {field_line} is not closed")
            else:
                value.append(line.rstrip())
        elif not stripped:
            continue
        elif review_line == 0:  # outside any block
            if tag_name == "review" and not closing:
                review_line, fields, field_lines = number, {}, {}
            elif tag_name == "review":
                fail(number, "</review> without an opening <review>")
            elif tag:
                fail(number, f"{stripped} outside any <review> block")
            else:
                fail(number, f"text outside any <review> block: {stripped[:40]!r}")
        elif tag_name == "review" and not closing:
            fail(number, f"nested <review>: the <review> opened at line {review_line} is not closed")
        elif tag_name == "review":
            reviews.append(_make_review(fields, field_lines, review_line, name))
            review_line = 0
        elif tag and not closing:
            open_field, value = (tag_name, number), []
        elif tag:
            fail(number, f"{stripped} without an opening <{tag_name}>")
        else:
            fail(number, f"text outside any field of the <review> opened at line {review_line}: {stripped[:40]!r}")

    end = len(lines)
    if open_field is not None:
        fail(open_field[1], f"<{open_field[0]}> is never closed (the file ends at line {end})")
    if review_line:
        fail(review_line, f"<review> is never closed (the file ends at line {end})")
    if not reviews:  # any other content would have raised above
        raise ValueError(f"{name}: the file is empty (or holds only blank lines); expected <review> ... </review> blocks")
    return reviews


def _make_review(fields: dict[str, str], field_lines: dict[str, int], line: int, name: str) -> Review:
    if "review_text" not in fields:
        raise ValueError(f"{name}, line {line}: the <review> opened here has no <review_text>")
    rating = None
    if fields.get("rating"):
        try:
            rating = float(fields["rating"])
        except ValueError:
            rating = float("nan")
        if not np.isfinite(rating):
            raise ValueError(f"{name}, line {field_lines['rating']}: <rating> is not a number: {fields['rating']!r}")
    return Review(text=fields["review_text"], title=fields.get("title", ""), rating=rating, line=line, fields=fields)


def _as_source(path, argname: str):
    """A pathlib.Path for str/PathLike, or an importlib.resources Traversable as is."""
    if isinstance(path, str | os.PathLike):
        return Path(path)
    if hasattr(path, "read_bytes") and hasattr(path, "joinpath"):  # importlib.resources.abc.Traversable
        return path
    raise TypeError(f"{argname} must be a path (str or os.PathLike), got {type(path).__name__}")


def read_reviews(path, *, encoding: str | None = None) -> list[Review]:
    """Read every ``<review>`` block of one ``.review`` file.

    Parameters
    ----------
    path : str or os.PathLike
        A file in the Multi-Domain Sentiment Dataset's format (see the module
        docstring), e.g. ``sorted_data_acl/electronics/positive.review``.
    encoding : str or None
        None (default): UTF-8, with a cp1252 fallback line by line, never an
        error. A codec name: strict; an undecodable line is a ValueError.

    Returns
    -------
    list of Review
        In file order. ``[r.text for r in reviews]`` are the texts.

    Raises
    ------
    ValueError
        Malformed input, as ``"<path>, line <n>: <what>"`` (see the module
        docstring for the rules); a file without any review.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "tiny.review"
    >>> _ = p.write_text("<review>\\n<rating>\\n5.0\\n</rating>\\n<review_text>\\nFast & quiet.\\n</review_text>\\n</review>\\n")
    >>> read_reviews(p)
    [Review(text='Fast & quiet.', title='', rating=5.0, line=1)]
    """
    source = _as_source(path, "path")
    encoding = _check_encoding(encoding)
    name = str(path)
    return _parse(_decode_lines(source.read_bytes(), name, encoding), name)


def _shipped_corpus():
    return resources.files("mlhelpers").joinpath("data_files", "reviews", "electronics")


def load_reviews(folder=None, *, encoding: str | None = None) -> tuple[list[str], np.ndarray]:
    """The labelled review texts of one domain, and their 0/1 targets.

    Parameters
    ----------
    folder : str, os.PathLike or None
        A folder holding ``negative.review`` and ``positive.review``. None (default)
        is the small corpus that ships with mlhelpers (1000 electronics reviews
        written for this course, 500 of each class). For the real dataset, pass
        its domain folder, e.g. ``"sorted_data_acl/electronics"`` (1000 reviews of
        each class).
    encoding : str or None
        Passed to :func:`read_reviews`.

    Returns
    -------
    texts : list of str, length N
        The ``<review_text>`` of every review: all of ``negative.review`` first,
        then all of ``positive.review``, each in file order (deterministic).
    t : ndarray of np.intp, shape (N,)
        0 for a review from ``negative.review``, 1 for one from ``positive.review``
        (the label comes from the file, as in the dataset).

    Examples
    --------
    >>> texts, t = load_reviews()
    >>> len(texts), int(t.sum())
    (1000, 500)
    """
    source = _shipped_corpus() if folder is None else _as_source(folder, "folder")
    texts: list[str] = []
    labels: list[int] = []
    for label, filename in ((0, "negative.review"), (1, "positive.review")):
        path = source.joinpath(filename)
        if not path.is_file():
            raise FileNotFoundError(
                f"{path} not found: folder must hold negative.review and positive.review, "
                "like sorted_data_acl/electronics of the Multi-Domain Sentiment Dataset"
            )
        reviews = read_reviews(path, encoding=encoding)
        texts.extend(r.text for r in reviews)
        labels.extend([label] * len(reviews))
    return texts, np.array(labels, dtype=np.intp)


# A short English list for reviews: articles, pronouns, auxiliaries, prepositions,
# conjunctions. Deliberately NOT in it: negations (not, no, never, don't, isn't, ...),
# "but", "very", "too", "only" and "against": they carry sentiment in reviews, and
# general-purpose lists (e.g. scikit-learn's) that drop them hurt this task.
ENGLISH_STOP_WORDS = frozenset(
    """
    a about above after again all also am an and any are as at be because been before being below between
    both by could did do does doing down during each few for from further had has have having he he'd he'll
    he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is it it's its
    itself let's me more most my myself of off on once or other our ours ourselves out over own same she she'd
    she'll she's should so some such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've this those through to under until up was we we'd we'll we're
    we've were what what's when when's where where's which while who who's whom why why's will with would you
    you'd you'll you're you've your yours yourself yourselves
    """.split()
)

# A token is a run of letters and digits, apostrophes allowed inside (don't, it's);
# [^\W_] is \w without the underscore, so accented letters count as letters.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def tokenize(text: str, *, stop_words=None, min_length: int = 1) -> list[str]:
    """Split a text into lowercase word tokens.

    A token is a run of letters and digits with apostrophes allowed inside, so
    "don't" stays one token (its negation matters for sentiment) and typographic
    apostrophes count as "'". Tokens without any letter (numbers such as "2" or
    "30") are dropped; tokens mixing both ("mp3", "4th") are kept. All other
    characters (punctuation, "$", "&", ...) separate tokens. No stemming.

    Parameters
    ----------
    text : str
    stop_words : None, "english" or iterable of str
        Words to drop after lowercasing. None (default) keeps every word;
        "english" uses :data:`ENGLISH_STOP_WORDS` (pronouns, articles,
        auxiliaries, prepositions; it keeps negations such as "not" and "don't").
    min_length : int >= 1
        Drop tokens with fewer characters (seed 001's tutorial keeps words longer
        than 2 characters, i.e. ``min_length=3``).

    Returns
    -------
    list of str, in text order (repeats kept: they are counted later).

    Examples
    --------
    >>> tokenize("Don't buy it: it broke after 2 days & the MP3 player died!")
    ["don't", 'buy', 'it', 'it', 'broke', 'after', 'days', 'the', 'mp3', 'player', 'died']
    >>> tokenize("Don't buy it: it broke after 2 days!", stop_words="english")
    ["don't", 'buy', 'broke', 'days']
    """
    if not isinstance(text, str):
        hint = " (tokenize one text at a time: [tokenize(s) for s in texts])" if isinstance(text, list | tuple) else ""
        raise TypeError(f"text must be a str, got {type(text).__name__}{hint}")
    min_length = check_positive_int(min_length, "min_length")
    stop = _stop_word_set(stop_words)
    tokens = _TOKEN.findall(text.translate(_APOSTROPHES).lower())
    return [tok for tok in tokens if len(tok) >= min_length and tok not in stop and not _no_letter(tok)]


def _no_letter(token: str) -> bool:
    return not any(ch.isalpha() for ch in token)


def _stop_word_set(stop_words) -> frozenset:
    if stop_words is None:
        return frozenset()
    if isinstance(stop_words, str):
        if stop_words != "english":
            raise ValueError(f"stop_words must be None, 'english' or a collection of words; got the string {stop_words!r}")
        return ENGLISH_STOP_WORDS
    try:
        words = frozenset(stop_words)
    except TypeError:
        raise TypeError(f"stop_words must be None, 'english' or a collection of words, got {type(stop_words).__name__}") from None
    bad = [w for w in words if not isinstance(w, str)]
    if bad:
        raise TypeError(f"stop_words must contain only str, found {bad[0]!r} ({type(bad[0]).__name__})")
    return frozenset(w.lower() for w in words)


def _check_token_lists(token_lists) -> list:
    """A non-empty list of documents, each a list of str tokens."""
    if isinstance(token_lists, str | bytes) or not isinstance(token_lists, Iterable):
        raise TypeError(f"token_lists must be a list of token lists, got {type(token_lists).__name__}")
    docs = list(token_lists)
    if not docs:
        raise ValueError("token_lists is empty; at least one document is needed")
    for i, doc in enumerate(docs):
        if isinstance(doc, str):
            raise TypeError(
                f"token_lists[{i}] is a str, not a list of tokens; tokenize first: [tokenize(s) for s in texts]"
            )
        if not isinstance(doc, list | tuple):
            raise TypeError(f"token_lists[{i}] must be a list of str tokens, got {type(doc).__name__}")
        for j, tok in enumerate(doc):
            if not isinstance(tok, str):
                raise TypeError(f"token_lists[{i}][{j}] must be a str token, got {type(tok).__name__}")
    return docs


def build_vocabulary(token_lists, *, min_count: int = 1, max_size: int | None = None) -> dict[str, int]:
    """Pass 1: give every word of the (training) documents a column index.

    Parameters
    ----------
    token_lists : list of list of str
        Tokenized documents, e.g. ``[tokenize(s) for s in texts_train]``. Build the
        vocabulary from the TRAINING documents only: test words must not shape
        the features (information would leak from the test set).
    min_count : int >= 1
        Keep words that occur at least this often in all documents together.
    max_size : int >= 1 or None
        Keep at most this many words, the most frequent ones.

    Returns
    -------
    dict of str to int
        ``word -> column``, columns 0..V-1, ordered by descending count, ties
        broken alphabetically (so column 0 is the most frequent word, and the
        result never depends on the order of the documents). Python dicts keep
        insertion order: iterating the dict gives the words by column.

    Examples
    --------
    >>> build_vocabulary([["good", "cable"], ["bad", "cable"], ["good"]])
    {'cable': 0, 'good': 1, 'bad': 2}
    >>> build_vocabulary([["good", "cable"], ["bad", "cable"], ["good"]], min_count=2)
    {'cable': 0, 'good': 1}
    """
    docs = _check_token_lists(token_lists)
    min_count = check_positive_int(min_count, "min_count")
    if max_size is not None:
        max_size = check_positive_int(max_size, "max_size")
    counts = Counter(tok for doc in docs for tok in doc)
    if not counts:
        raise ValueError("token_lists has no tokens at all (every document is empty); nothing to build a vocabulary from")
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    kept = [word for word, count in ranked if count >= min_count][:max_size]
    if not kept:
        top, top_count = ranked[0]
        raise ValueError(f"no word occurs min_count={min_count} times (the most frequent, {top!r}, occurs {top_count})")
    return {word: j for j, word in enumerate(kept)}


def _check_vocabulary(vocabulary) -> int:
    """A non-empty dict word -> column whose columns are exactly 0..V-1; returns V."""
    if not isinstance(vocabulary, dict):
        raise TypeError(f"vocabulary must be a dict word -> column (from build_vocabulary), got {type(vocabulary).__name__}")
    if not vocabulary:
        raise ValueError("vocabulary is empty")
    for word, j in vocabulary.items():
        if not isinstance(word, str) or isinstance(j, bool) or not isinstance(j, int | np.integer):
            raise TypeError(f"vocabulary must map str to int, found {word!r}: {j!r}")
    n = len(vocabulary)
    if sorted(vocabulary.values()) != list(range(n)):
        raise ValueError(f"vocabulary columns must be 0..{n - 1}, each used once (as build_vocabulary returns)")
    return n


def bag_of_words(token_lists, vocabulary, *, binary: bool = False, normalize: bool = False) -> np.ndarray:
    """Pass 2: one row of word counts per document.

    ``X[n, j]`` is how often the word of column ``j`` occurs in document ``n``.
    Words that are not in the vocabulary (seen only in the test set, or rarer
    than ``min_count``) are dropped: the columns are fixed by the training set,
    which is what every bag-of-words model does (scikit-learn's
    ``CountVectorizer.transform`` too).

    Parameters
    ----------
    token_lists : list of list of str, length N
    vocabulary : dict of str to int
        From :func:`build_vocabulary` (columns 0..V-1).
    binary : bool
        Record presence (1) instead of the count.
    normalize : bool
        Divide each row by its sum, so it holds the fraction of the document's
        (known) words, as seed 001's tutorial does (``x = x / x.sum()``); a row
        without any known word stays all zeros.

    Returns
    -------
    X : ndarray of float64, shape (N, V)

    Examples
    --------
    >>> vocab = {"good": 0, "cable": 1}
    >>> bag_of_words([["good", "good", "cable"], ["bad", "cable"]], vocab).tolist()
    [[2.0, 1.0], [0.0, 1.0]]
    >>> bag_of_words([["good", "good", "cable"], ["bad", "cable"]], vocab, binary=True, normalize=True).tolist()
    [[0.5, 0.5], [0.0, 1.0]]
    """
    docs = _check_token_lists(token_lists)
    v = _check_vocabulary(vocabulary)
    for value, argname in ((binary, "binary"), (normalize, "normalize")):
        if not isinstance(value, bool | np.bool_):
            raise TypeError(f"{argname} must be True or False, got {type(value).__name__}")
    rows = [n for n, doc in enumerate(docs) for tok in doc if tok in vocabulary]
    cols = [vocabulary[tok] for doc in docs for tok in doc if tok in vocabulary]
    X = np.zeros((len(docs), v))
    # np.add.at accumulates repeated (row, column) pairs; X[rows, cols] += 1 would not.
    np.add.at(X, (np.asarray(rows, dtype=np.intp), np.asarray(cols, dtype=np.intp)), 1.0)
    if binary:
        X = np.minimum(X, 1.0)
    if normalize:
        sums = X.sum(axis=1, keepdims=True)
        X = np.divide(X, sums, out=np.zeros_like(X), where=sums > 0)
    return X


def vocabulary_words(vocabulary) -> list[str]:
    """The words in column order: ``vocabulary_words(vocab)[j]`` is column j's word.

    Examples
    --------
    >>> vocabulary_words({"good": 1, "cable": 0})
    ['cable', 'good']
    """
    v = _check_vocabulary(vocabulary)
    words = [""] * v
    for word, j in vocabulary.items():
        words[j] = word
    return words


def top_words(w, vocabulary, k: int = 10) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """The words with the largest and the smallest weights of a linear model.

    With targets 1 = positive review, a large positive ``w[j]`` pushes
    ``P(t=1 | x) = sigma(w^T x + b)`` up each time word j occurs: a "positive"
    word; a large negative weight, a "negative" word.

    Parameters
    ----------
    w : array_like of shape (V,)
        Weights, one per vocabulary column (e.g. ``LogisticRegression(...).w``).
    vocabulary : dict of str to int
    k : int, 1 <= k <= V

    Returns
    -------
    most_positive : list of (word, weight)
        The k largest weights, largest first.
    most_negative : list of (word, weight)
        The k smallest weights, most negative first.
        Equal weights keep column order (the more frequent word first).

    Examples
    --------
    >>> pos, neg = top_words([0.5, -2.0, 1.5], {"works": 0, "broke": 1, "great": 2}, k=1)
    >>> pos, neg
    ([('great', 1.5)], [('broke', -2.0)])
    """
    words = vocabulary_words(vocabulary)
    w = as_vector(w, "w", length=len(words), length_of="the vocabulary")
    k = check_positive_int(k, "k")
    if k > len(words):
        raise ValueError(f"k={k} is larger than the vocabulary ({len(words)} words)")
    up = np.argsort(-w, kind="stable")[:k]
    down = np.argsort(w, kind="stable")[:k]
    return [(words[j], float(w[j])) for j in up], [(words[j], float(w[j])) for j in down]
