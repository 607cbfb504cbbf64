"""mlhelpers.review_files: the review reader and the shipped corpus."""

import re
import zipfile
from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import mlhelpers as mh
from mlhelpers import review_files, text
from mlhelpers.review_files import Review, load_reviews, read_reviews
from mlhelpers.text import bag_of_words, build_vocabulary, tokenize, vocabulary_words

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "mlhelpers" / "data_files" / "reviews" / "electronics"


def block(review_text="Works fine.", rating="5.0", title="Fine", extra=""):
    """One well-formed <review> block with the header fields of the real files."""
    return (
        "<review>\n<unique_id>\nSYN0000001:fine:a._tester\n</unique_id>\n<asin>\nSYN0000001\n</asin>\n"
        "<product_name>\nTest Cable: Electronics\n</product_name>\n<product_type>\nelectronics\n</product_type>\n"
        f"<helpful>\n\n</helpful>\n<rating>\n{rating}\n</rating>\n<title>\n{title}\n</title>\n"
        f"<date>\nMarch 1, 2006\n</date>\n<reviewer>\nA. Tester\n</reviewer>\n{extra}"
        f"<review_text>\n{review_text}\n</review_text>\n</review>\n"
    )


def write(tmp_path, content, name="test.review"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# ---------------------------------------------------------------- the shipped corpus


def test_load_reviews_reads_the_balanced_shipped_corpus():
    texts, t = load_reviews()
    assert len(texts) == t.shape[0] >= 400
    assert t.dtype == np.intp and set(np.unique(t)) == {0, 1}
    assert int(t.sum()) == len(texts) // 2  # exactly balanced
    assert_array_equal(t, np.sort(t))  # negative.review first, then positive.review
    assert all(isinstance(s, str) and s for s in texts)
    assert len(set(texts)) == len(texts), "duplicate texts would sit on both sides of a train/test split"


def test_shipped_files_hold_the_labels_the_ratings_say():
    for name, ratings in (("positive", {4.0, 5.0}), ("negative", {1.0, 2.0})):
        reviews = read_reviews(CORPUS / f"{name}.review")
        assert len(reviews) >= 200
        assert {r.rating for r in reviews} == ratings
        assert all(r.fields["product_type"] == "electronics" for r in reviews)
        assert all(r.fields["asin"].startswith("SYN") for r in reviews), "synthetic ids are marked SYN"
        assert all(r.fields["unique_id"].startswith(r.fields["asin"] + ":") for r in reviews)
        assert all(r.title for r in reviews)


def test_load_reviews_default_equals_the_files_in_the_package_folder():
    texts, t = load_reviews()
    texts2, t2 = load_reviews(CORPUS)
    assert texts == texts2
    assert_array_equal(t, t2)


def test_corpus_is_installed_as_package_data():
    folder = resources.files("mlhelpers").joinpath("data_files", "reviews", "electronics")
    for name in ("positive.review", "negative.review"):
        assert folder.joinpath(name).is_file()
        assert folder.joinpath(name).read_bytes() == (CORPUS / name).read_bytes()


def _generator():
    from tools import make_review_corpus

    return make_review_corpus


def test_shipped_files_are_exactly_what_the_generator_writes():
    corpus = _generator().make_corpus()
    for label in ("positive", "negative"):
        assert (CORPUS / f"{label}.review").read_text(encoding="utf-8") == corpus[label], (
            "the shipped corpus differs from tools/make_review_corpus.py: run it to rewrite the files"
        )


def test_generator_check_mode_reports_up_to_date(capsys):
    assert _generator().main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_corpus_is_learnable_but_not_trivially_separable():
    """The case study's whole pipeline: words that should carry sentiment do, and the
    test accuracy is well above chance yet below 100%."""
    texts, t = load_reviews()
    idx = np.arange(len(texts)).reshape(-1, 1)
    i_train, i_test, t_train, t_test = mh.train_test_split(idx, t, test_size=0.25, random_state=0)
    tokens = [tokenize(s, stop_words="english") for s in texts]
    train = [tokens[int(i)] for i in i_train.ravel()]
    test = [tokens[int(i)] for i in i_test.ravel()]
    vocab = build_vocabulary(train, min_count=2)
    model = mh.LogisticRegression(l2=0.01, solver="newton").fit(bag_of_words(train, vocab), t_train)
    accuracy = mh.accuracy(t_test, model.predict(bag_of_words(test, vocab)))
    assert 0.75 <= accuracy < 1.0
    weight = dict(zip(vocabulary_words(vocab), model.w))
    for word in ("great", "works", "love", "excellent"):
        assert weight[word] > 0, word
    for word in ("waste", "disappointed", "poor", "stopped", "broke", "not"):
        assert weight[word] < 0, word


# ---------------------------------------------------------------- reading well-formed files


def test_read_reviews_fields_and_attributes(tmp_path):
    path = write(tmp_path, block("Good cable.", rating="4.0", title="Solid") + "\n\n" + block("Bad.", rating="1.0"))
    first, second = read_reviews(path)
    assert first == Review(text="Good cable.", title="Solid", rating=4.0, line=1)
    assert first.fields["product_name"] == "Test Cable: Electronics"
    assert first.fields["helpful"] == ""  # an empty field, as in the real files
    assert second.text == "Bad." and second.rating == 1.0
    assert second.line == 1 + block().count("\n") + 2  # after two blank lines


def test_raw_ampersand_and_angle_bracket_and_references_in_text(tmp_path):
    raw = "Plug & play, < 2 minutes to set up.\n<rant>\nR&B & rock sound fine.\n</rant>\nArrived in &lt;3 days &amp; works."
    (review,) = read_reviews(write(tmp_path, block(raw, title="Big & Fast!")))
    assert review.text == (
        "Plug & play, < 2 minutes to set up.\n<rant>\nR&B & rock sound fine.\n</rant>\nArrived in <3 days & works."
    )
    assert review.title == "Big & Fast!"


def test_multi_line_text_keeps_paragraphs_and_strips_the_edges(tmp_path):
    content = block("\n  First paragraph.   \n\nSecond paragraph,\nsame paragraph.\n\n")
    (review,) = read_reviews(write(tmp_path, content))
    assert review.text == "First paragraph.\n\nSecond paragraph,\nsame paragraph."


def test_crlf_line_endings_bom_and_blank_lines_between_blocks(tmp_path):
    content = "\n\n" + block("Line one.\nLine two.") + "\n" + block("Other.")
    data = b"\xef\xbb\xbf" + content.replace("\n", "\r\n").encode("utf-8")
    first, second = read_reviews(write(tmp_path, data))
    assert (first.text, first.line) == ("Line one.\nLine two.", 3)
    assert second.text == "Other."


def test_repeated_and_unknown_fields(tmp_path):
    extra = "<unique_id>\n2075\n</unique_id>\n<product_type>\nother\n</product_type>\n<color>\nred\n</color>\n"
    (review,) = read_reviews(write(tmp_path, block(extra=extra)))
    assert review.fields["unique_id"] == "SYN0000001:fine:a._tester"  # the first occurrence wins
    assert review.fields["product_type"] == "electronics"
    assert review.fields["color"] == "red"


def test_minimal_block_without_title_or_rating(tmp_path):
    (review,) = read_reviews(write(tmp_path, "<review>\n<review_text>\nJust text.\n</review_text>\n</review>"))
    assert (review.text, review.title, review.rating, review.line) == ("Just text.", "", None, 1)
    (empty,) = read_reviews(write(tmp_path, "<review>\n<rating>\n\n</rating>\n<review_text>\n</review_text>\n</review>"))
    assert (empty.text, empty.rating) == ("", None)


def test_encoding_default_falls_back_to_cp1252_line_by_line(tmp_path):
    body = "caf\u00e9 \u2014 utf-8 line".encode() + b"\ncp1252: don\x92t \xe9t\xe9\nundefined in cp1252: \x81"
    data = b"<review>\n<review_text>\n" + body + b"\n</review_text>\n</review>\n"
    (review,) = read_reviews(write(tmp_path, data))
    assert review.text == "caf\u00e9 \u2014 utf-8 line\ncp1252: don\u2019t \u00e9t\u00e9\nundefined in cp1252: \x81"
    assert tokenize(review.text)[4] == "don't"
    (strict,) = read_reviews(write(tmp_path, data.replace(b"\x81", b"")), encoding="cp1252")
    assert "don\u2019t" in strict.text


def test_strict_encoding_names_file_and_line(tmp_path):
    path = write(tmp_path, b"<review>\n<review_text>\nok\nbad \xe9\n</review_text>\n</review>\n", "latin.review")
    with pytest.raises(ValueError, match=r"latin\.review, line 4: not valid utf-8.*encoding=None"):
        read_reviews(path, encoding="utf-8")


def test_read_reviews_accepts_str_paths_and_traversables(tmp_path):
    path = write(tmp_path, block("From a str."))
    assert read_reviews(str(path))[0].text == "From a str."
    archive = tmp_path / "corpus.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("d/positive.review", block("Zipped good."))
        z.writestr("d/negative.review", block("Zipped bad.", rating="1.0") + block("Also bad.", rating="2.0"))
    assert read_reviews(zipfile.Path(archive, "d/positive.review"))[0].text == "Zipped good."
    texts, t = load_reviews(zipfile.Path(archive, "d/"))
    assert texts == ["Zipped bad.", "Also bad.", "Zipped good."]
    assert_array_equal(t, [0, 0, 1])


def test_load_reviews_from_a_folder_like_sorted_data_acl(tmp_path):
    folder = tmp_path / "sorted_data_acl" / "electronics"
    folder.mkdir(parents=True)
    write(folder, block("Love it.") + block("Great."), "positive.review")
    write(folder, block("Broke.", rating="1.0"), "negative.review")
    write(folder, block("Unlabeled, ignored.", rating="3.0"), "unlabeled.review")
    texts, t = load_reviews(str(folder))
    assert texts == ["Broke.", "Love it.", "Great."]
    assert_array_equal(t, [0, 1, 1])


def test_load_reviews_missing_file_names_it(tmp_path):
    write(tmp_path, block(), "positive.review")
    with pytest.raises(FileNotFoundError, match=r"negative\.review not found.*sorted_data_acl/electronics"):
        load_reviews(tmp_path)


def test_load_reviews_passes_encoding_on(tmp_path):
    write(tmp_path, block("fine"), "positive.review")
    write(tmp_path, b"<review>\n<review_text>\n\xe9\n</review_text>\n</review>\n", "negative.review")
    assert load_reviews(tmp_path)[0][0] == "\u00e9"
    with pytest.raises(ValueError, match=r"negative\.review, line 3"):
        load_reviews(tmp_path, encoding="utf-8")


# ---------------------------------------------------------------- malformed files

GOOD = block()
N_GOOD = GOOD.count("\n")  # lines of one well-formed block
TEXT_LINE = GOOD.splitlines().index("<review_text>") + 1

MALFORMED = {
    "unclosed review at end of file": (GOOD + "<review>\n<review_text>\nx\n</review_text>\n", N_GOOD + 1, "never closed"),
    "closing review_text without opening": ("<review>\n</review_text>\n</review>\n", 2, "without an opening <review_text>"),
    "nested review": ("<review>\n<review>\n", 2, "nested <review>: the <review> opened at line 1"),
    "text outside any review": (GOOD + "stray words\n", N_GOOD + 1, "text outside any <review> block"),
    "closing review without opening": (GOOD + "</review>\n", N_GOOD + 1, "</review> without an opening <review>"),
    "field outside any review": ("<title>\nx\n</title>\n", 1, "<title> outside any <review> block"),
    "field never closed": ("<review>\n<review_text>\nno end\n", 2, "<review_text> is never closed"),
    "field not closed before the review ends": (
        "<review>\n<review_text>\ntext\n</review>\n",
        4,
        "found </review> but the <review_text> opened at line 2",
    ),
    "known tag inside a field": ("<review>\n<title>\nx\n<date>\n", 4, "found <date> but the <title> opened at line 2"),
    "text inside a review outside fields": ("<review>\nloose text\n</review>\n", 2, "text outside any field"),
    "review without review_text": ("<review>\n<title>\nx\n</title>\n</review>\n", 1, "has no <review_text>"),
    "two review_text in one review": (
        "<review>\n<review_text>\na\n</review_text>\n<review_text>\nb\n</review_text>\n</review>\n",
        5,
        "a second <review_text>",
    ),
    "rating that is not a number": (
        GOOD.replace("5.0", "five stars"),
        GOOD.splitlines().index("<rating>") + 1,
        "<rating> is not a number: 'five stars'",
    ),
    "rating that is not finite": (
        GOOD.replace("5.0", "nan"),
        GOOD.splitlines().index("<rating>") + 1,
        "<rating> is not a number",
    ),
}


@pytest.mark.parametrize("content, line, what", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_file_is_an_error_naming_file_and_line(tmp_path, content, line, what):
    path = write(tmp_path, content, "broken_input.review")
    with pytest.raises(ValueError, match=rf"broken_input\.review, line {line}: .*{re.escape(what)}"):
        read_reviews(path)


@pytest.mark.parametrize("content", ["", "\n\n  \n"], ids=["empty", "blank lines only"])
def test_file_without_reviews_is_an_error_naming_the_file(tmp_path, content):
    with pytest.raises(ValueError, match=r"nothing\.review: the file is empty"):
        read_reviews(write(tmp_path, content, "nothing.review"))


def test_text_line_of_the_malformed_cases_is_reported_where_the_problem_is(tmp_path):
    # the unclosed <review_text> of a full block: reported at its own opening line
    content = GOOD.replace("</review_text>\n</review>\n", "")
    with pytest.raises(ValueError, match=rf"line {TEXT_LINE}: <review_text> is never closed"):
        read_reviews(write(tmp_path, content))


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"path": 3}, TypeError, "path must be a path"),
        ({"path": None}, TypeError, "path must be a path"),
        ({"encoding": 8}, TypeError, "encoding must be None or a codec name"),
        ({"encoding": "klingon"}, ValueError, "not a codec Python knows"),
    ],
)
def test_read_reviews_bad_arguments(tmp_path, kwargs, error, match):
    kwargs = {"path": write(tmp_path, GOOD), **kwargs}
    with pytest.raises(error, match=match):
        read_reviews(**kwargs)


def test_load_reviews_bad_folder_type():
    with pytest.raises(TypeError, match="folder must be a path"):
        load_reviews(["positive.review"])


def test_missing_file_is_the_usual_oserror(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_reviews(tmp_path / "nope.review")


def test_text_re_exports_the_reader():
    assert text.read_reviews is review_files.read_reviews and text.load_reviews is review_files.load_reviews
    assert text.Review is review_files.Review
