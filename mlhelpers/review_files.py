"""The review-file reader: the Multi-Domain Sentiment Dataset's files, and the corpus shipped with mlhelpers.

:func:`read_reviews` reads one file into :class:`Review` records and
:func:`load_reviews` a folder's ``positive.review`` and ``negative.review`` into
texts and 0/1 labels. The bag-of-words pipeline that students read is in
:mod:`mlhelpers.text` (which re-exports these three names).

The file format
---------------
The reader understands the files of the Multi-Domain Sentiment Dataset (Blitzer,
Dredze and Pereira, 2007; ``sorted_data_acl/<domain>/positive.review`` and
``negative.review``). They look like XML but are not: there is no root element and
a raw ``&`` or ``<`` may appear in the text, so an XML parser rejects them. The
course's source tutorial reads them with BeautifulSoup; this module uses a small line-based reader
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
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

__all__ = ["Review", "load_reviews", "read_reviews"]

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
