"""Write the synthetic electronics review corpus that ships with mlhelpers.

    python tools/make_review_corpus.py           # (re)write the two files
    python tools/make_review_corpus.py --check   # exit 1 if the shipped files differ

Every review in the corpus was WRITTEN FOR THIS COURSE: this script combines
hand-written word and phrase lists (the data files in ``tools/review_corpus/``) with a
seeded numpy Generator; no sentence comes from a real review. The output mimics the
format of the Multi-Domain Sentiment Dataset (Blitzer et al. 2007,
``sorted_data_acl/electronics``): pseudo-XML blocks with the same header fields, one tag
a line, the label given by the file (``positive.review``: ratings 4-5,
``negative.review``: ratings 1-2). Product ids start with "SYN" to mark them as
synthetic; brands, models and reviewers are invented.

How it tries to look like real reviews rather than like templates:

* most sentences are composed from parts (a product part, an adjective, an intensifier,
  an activity, a place, a person, a time, ...), each part drawn from a long list with
  Zipf-distributed probabilities: a few words are common, most are rare, and a test
  review's sentences are rarely found word for word in the training reviews;
* a review's length is drawn from a long-tailed (log-normal) law: one-liners and
  rambling stories;
* a review mixes praise, complaints and neutral facts; how mixed it is varies from
  review to review, and sentiment words are negated now and then ("not sturdy at all");
* label noise: about 5% of the reviews in each file are written with the other class's
  sentiment (the reviewer who gives 5 stars and complains throughout, or 1 star for a
  product the text praises), as the star ratings of real reviews sometimes are;
* typos (random letter swaps, drops and doublings on some reviewers' words, plus
  common misspellings), lowercase reviews and typographic apostrophes.

The files are UTF-8; a few texts contain a raw "&", a character reference (&lt;) and a
line that looks like a tag (<rant>), as the real files do.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import string
import sys
from pathlib import Path

import numpy as np

SEED = 20070607  # the dataset's ACL year and month; any fixed seed would do
N_PER_CLASS = 500
LABEL_NOISE = 0.05  # fraction of each file's reviews written with the other class's sentiment
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "mlhelpers" / "data_files" / "reviews" / "electronics"
BANKS = Path(__file__).resolve().parent / "review_corpus"


# ---------------------------------------------------------------------------
# The data files
# ---------------------------------------------------------------------------
def read_word_lists(path: Path) -> dict[str, list[str]]:
    """``## name`` headers, one item a line, ``#`` comments and blank lines ignored."""
    lists: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = lists.setdefault(line[3:].strip(), [])
        elif line.strip() and not line.startswith("#"):
            current.append(line.strip())
    return lists


def load_banks(folder: Path = BANKS):
    categories = json.loads((folder / "categories.json").read_text(encoding="utf-8"))
    phrases = json.loads((folder / "phrases.json").read_text(encoding="utf-8"))
    words = read_word_lists(folder / "words.txt")
    return categories, phrases, words


CATEGORIES, PHRASES, WORDS = load_banks()


# ---------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------
_ZIPF: dict[int, np.ndarray] = {}


def zipf(rng, seq, s: float = 1.0):
    """One item of seq, the k-th (1-based) with probability proportional to 1/k^s."""
    n = len(seq)
    key = (n, s)
    if key not in _ZIPF:
        w = 1.0 / np.arange(1, n + 1) ** s
        _ZIPF[key] = np.cumsum(w) / w.sum()
    return seq[min(int(np.searchsorted(_ZIPF[key], rng.random(), side="right")), n - 1)]


def pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def sample(rng, seq, k):
    return [seq[int(i)] for i in rng.choice(len(seq), size=min(k, len(seq)), replace=False)]


def chance(rng, p: float) -> bool:
    return bool(rng.random() < p)


def W(rng, name: str, s: float = 0.7) -> str:
    return zipf(rng, WORDS[name], s)


def cap(sentence: str) -> str:
    return sentence[0].upper() + sentence[1:] if sentence else sentence


def lower_first(sentence: str) -> str:
    """'The cord is short.' -> 'the cord is short.' (keeps 'I', 'I'm', acronyms)."""
    if re.match(r"I\b|[A-Z]{2}|[A-Z][a-z]*[A-Z]", sentence):
        return sentence
    return sentence[0].lower() + sentence[1:]


def article(phrase: str) -> str:
    return ("an " if phrase[0].lower() in "aeiou" else "a ") + phrase


# The grammar forms that follow the product noun: (singular, plural).
_NUMBER_FORMS = {
    "this": ("this", "these"),
    "This": ("This", "These"),
    "it": ("it", "they"),
    "It": ("It", "They"),
    "them": ("it", "them"),
    "its": ("its", "their"),
    "was": ("was", "were"),
    "has": ("has", "have"),
    "does": ("does", "do"),
    "is": ("is", "are"),
    "s": ("s", ""),
    "es": ("es", ""),
    "doesnt": ("doesn't", "don't"),
    "isnt": ("isn't", "aren't"),
    "itis": ("it's", "they're"),
    "Itis": ("It's", "They're"),
}


class Slots(dict):
    """format_map mapping for the phrase banks: grammar forms of the product noun, and
    fillers drawn afresh at every occurrence (two {short_time} in one text may differ)."""

    def __init__(self, rng, cat, brand):
        number = 1 if cat["plural"] else 0
        super().__init__({key: forms[number] for key, forms in _NUMBER_FORMS.items()})
        self.update(
            noun=cat["noun"],
            a_noun=cat["a_noun"],
            one=cat["one"],
            brand=brand,
            Brand=brand,
            their_own=f"a {cat['one']} of their own",
        )
        self.rng, self.cat = rng, cat

    def __missing__(self, key):
        rng = self.rng
        if key == "Person":
            return cap(W(rng, "people"))
        pools = {
            "device": self.cat["devices"],
            "person": PHRASES["people"] + WORDS["people"],
            "price": PHRASES["prices"],
            "short_time": PHRASES["short_times"] + WORDS["durations"],
            "long_time": PHRASES["long_times"],
        }
        return zipf(rng, pools[key])


# ---------------------------------------------------------------------------
# Sentences composed from parts. pol = +1 praise, -1 complaint.
# ---------------------------------------------------------------------------
def part(rng, cat) -> str:
    return W(rng, "features") if chance(rng, 0.45) else zipf(rng, cat["parts"], 0.8)


def is_(phrase: str) -> str:
    return "are" if phrase.endswith("s") and not phrase.endswith(("ss", "us")) else "is"


def adjective(rng, pol: int) -> str:
    return W(rng, "adj_pos" if pol > 0 else "adj_neg", 0.9)


def intens(rng) -> str:
    return W(rng, "intensifiers") + " " if chance(rng, 0.45) else ""


def feature_sentence(rng, cat, sl, pol: int) -> str:
    p = part(rng, cat)
    form = int(rng.integers(9))
    if form == 0:
        return f"The {p} {is_(p)} {intens(rng)}{adjective(rng, pol)}."
    if form == 1:
        verb = pick(rng, ["feels", "looks", "seems"]) if is_(p) == "is" else pick(rng, ["feel", "look", "seem"])
        return f"The {p} {verb} {intens(rng)}{adjective(rng, pol)}{', ' + W(rng, 'hedges') if chance(rng, 0.3) else ''}."
    if form == 2:
        like = pick(rng, ["like", "love", "really like", "appreciate"] if pol > 0 else ["hate", "dislike", "can't stand"])
        return f"I {like} the {p}, which {is_(p)} {intens(rng)}{adjective(rng, pol)} for {W(rng, 'activities')}."
    if form == 3:  # negation of the other polarity
        return f"The {p} {is_(p)} not {adjective(rng, -pol)}{pick(rng, [' at all', '', '', ' in the least'])}."
    if form == 4:
        a1, a2 = adjective(rng, pol), adjective(rng, pol)
        return cap(f"{a1} {p}{' and ' + a2 if a2 != a1 else ''}, {W(rng, 'hedges')}.")
    if form == 5:
        best = "best" if pol > 0 else "worst"
        return f"{cap(W(rng, 'hedges'))}, the {p} {is_(p)} the {best} part of {sl['this']} {sl['noun']}."
    if form == 6:
        old = f"Compared to {article(adjective(rng, -pol))} {p} on my old {sl['one']}"
        return f"{old}, this one {is_(p)} {intens(rng)}{adjective(rng, pol)}."
    if form == 7:
        return f"For {W(rng, 'activities')} in {W(rng, 'places')}, the {p} {is_(p)} {intens(rng)}{adjective(rng, pol)}."
    return f"{cap(intens(rng) or 'pretty ')}{adjective(rng, pol)} {p} and {article(adjective(rng, pol))} {part(rng, cat)}."


def usage_sentence(rng, cat, sl) -> str:
    form = int(rng.integers(6))
    if form == 0:
        return f"I use {sl['them']} {W(rng, 'frequencies')} for {W(rng, 'activities')} in {W(rng, 'places')}."
    if form == 1:
        return f"I bought {sl['them']} {W(rng, 'occasions')} at {W(rng, 'stores')} {W(rng, 'time_ago')}."
    if form == 2:
        return f"{W(rng, 'life_events')}, so I needed {sl['a_noun']} for {W(rng, 'activities')}."
    if form == 3:
        return f"{cap(W(rng, 'people'))} uses {sl['them']} for {W(rng, 'activities')} {W(rng, 'frequencies')}."
    if form == 4:
        return f"We live near {where(rng)}, and I take {sl['them']} along to {W(rng, 'places')} {W(rng, 'frequencies')}."
    return f"I got {sl['them']} to go with {zipf(rng, cat['devices'])} in {W(rng, 'places')} {W(rng, 'time_ago')}."


def model_code(rng) -> str:
    """An invented model number such as "KX-T4500" or "WR54G", as real reviews quote them."""
    letters = "".join(rng.choice(list(string.ascii_uppercase), int(rng.integers(1, 4))))
    digits = str(int(rng.integers(10, 9999)))
    tail = "".join(rng.choice(list(string.ascii_uppercase), int(rng.integers(0, 3))))
    return letters + pick(rng, ["", "", "-"]) + digits + tail


def mention_sentence(rng, cat, sl, pol: int) -> str:
    brand = zipf(rng, PHRASES["brands"] + WORDS["brands_extra"])
    form = int(rng.integers(4))
    if form == 0:
        return f"Before this I had the {brand} {model_code(rng)}, which was {intens(rng)}{adjective(rng, -pol)}."
    if form == 1:
        return f"It replaced {article(brand)} {model_code(rng)} that I used for {W(rng, 'activities')}."
    if form == 2:
        return f"I also looked at the {model_code(rng)} and the {model_code(rng)}, but they cost more."
    return f"Mine is the {model_code(rng)} version, bought {W(rng, 'time_ago')} in {where(rng)}."


def where(rng) -> str:
    return W(rng, "cities") if chance(rng, 0.5) else W(rng, "towns")


def object_sentence(rng, cat, sl, pol: int) -> str:
    form = int(rng.integers(5))
    adv = W(rng, "adverbs_pos" if pol > 0 else "adverbs_neg")
    if form == 0:
        return f"{cap(sl['it'])} sit{sl['s']} on the {W(rng, 'objects')} next to the {W(rng, 'objects')} and work{sl['s']} {adv}."
    if form == 1:
        held = "and still work" + sl["s"] + " " + adv if pol > 0 else "and " + W(rng, "failures")
        return f"I dropped {sl['them']} on the {W(rng, 'surfaces')} {W(rng, 'time_ago')} {held}."
    if form == 2:
        with_ = f"with {zipf(rng, cat['devices'])} and the {W(rng, 'objects')} in {W(rng, 'places')}"
        return f"{cap(sl['it'])} work{sl['s']} {adv} {with_}."
    if form == 3:
        friend = f"My friend {zipf(rng, PHRASES['first'] + WORDS['first_extra'])} in {where(rng)}"
        return f"{friend} has the same one, and {pick(rng, ['hers', 'his'])} runs {adv} too."
    return f"We took {sl['them']} from {where(rng)} to {where(rng)} {W(rng, 'occasions')}, and {sl['it']} held up {adv}."


def story_sentence(rng, cat, sl, pol: int) -> str:
    r = rng.random()
    if r < 0.35:
        return object_sentence(rng, cat, sl, pol)
    if r < 0.62:
        return mention_sentence(rng, cat, sl, pol)
    form = int(rng.integers(6))
    if pol < 0 and form < 3:
        fix = f"; support {W(rng, 'support_neg')}" if chance(rng, 0.4) else ""
        return f"After {W(rng, 'durations')} the {part(rng, cat)} {W(rng, 'failures')}{fix}."
    if pol > 0 and form == 0:
        return f"The {part(rng, cat)} {W(rng, 'failures')} once, but support {W(rng, 'support_pos')}."
    if form in (0, 1, 2):
        have = "has" if sl["it"] == "it" else "have"
        return f"{cap(sl['it'])} {have} survived {W(rng, 'durations')} of {W(rng, 'activities')} in {where(rng)}."
    if form == 3:
        comp = W(rng, "comparatives_pos" if pol > 0 else "comparatives_neg")
        brand = zipf(rng, PHRASES["brands"] + WORDS["brands_extra"])
        return f"{cap(sl['itis'])} {comp} than the {brand} {sl['one']} I had {W(rng, 'time_ago')}."
    if form == 4:
        verdict = W(rng, "verdict_pos" if pol > 0 else "verdict_neg")
        return f'{cap(W(rng, "people"))} tried {sl["them"]} for {W(rng, "activities")} and told me: "{cap(verdict)}."'
    support = W(rng, "support_pos" if pol > 0 else "support_neg")
    return f"I called support {W(rng, 'time_ago')} about the {part(rng, cat)} and they {support}."


def verdict_sentence(rng, pol: int) -> str:
    lead = pick(rng, ["Overall, ", "All in all, ", "In short, ", "Bottom line: ", "", "", "So ", "Long story short, "])
    v = W(rng, "verdict_pos" if pol > 0 else "verdict_neg", 0.8)
    tail = pick(rng, [f" for {W(rng, 'activities')}", f", {W(rng, 'hedges')}", f" after {W(rng, 'durations')}", ""])
    return cap(lead + v + tail) + pick(rng, [".", ".", ".", "!"])


def bank_sentence(rng, cat, pol: int) -> str:
    """A sentence of the hand-written phrase banks (old stock phrases: these repeat)."""
    if pol > 0:
        name = pick(rng, ["pos_open", "pos_body", "pos_close", "pos_negated", "cat"])
        return pick(rng, cat["pos"]) if name == "cat" else pick(rng, PHRASES[name])
    name = pick(rng, ["neg_open", "neg_body", "neg_close", "neg_negated", "cat", "cat_fail"])
    if name.startswith("cat"):
        return pick(rng, cat["fail" if name == "cat_fail" else "neg"])
    return pick(rng, PHRASES[name])


def neutral_sentence(rng, cat, sl) -> str:
    if chance(rng, 0.06):
        return pick(rng, cat["details"] + cat["context"] + PHRASES["neutral"])
    return usage_sentence(rng, cat, sl)


def review_text(rng, cat, sl, pol: int) -> tuple[list[str], str]:
    """The sentences of one review whose text has sentiment pol; and its layout."""
    n = int(np.clip(np.round(np.exp(rng.normal(1.85, 0.75))), 1, 40))  # log-normal length in sentences
    purity = float(rng.beta(6, 1.6))  # share of the evaluative sentences that agree with pol
    if n == 1:
        one = (
            bank_sentence(rng, cat, pol)
            if chance(rng, 0.35)
            else (feature_sentence(rng, cat, sl, pol) if chance(rng, 0.5) else verdict_sentence(rng, pol))
        )
        return [one], "prose"
    s: list[str] = []
    if chance(rng, 0.08):
        s.append(bank_sentence(rng, cat, pol))
    for _ in range(n - 1):
        r = rng.random()
        p = pol if chance(rng, purity) else -pol
        if r < 0.30:
            s.append(neutral_sentence(rng, cat, sl))
        elif r < 0.72:
            s.append(feature_sentence(rng, cat, sl, p))
        elif r < 0.97:
            s.append(story_sentence(rng, cat, sl, p))
        else:
            s.append(bank_sentence(rng, cat, p))
    if pol < 0 and chance(rng, 0.01):
        sarcasm = pick(rng, PHRASES["sarcasm"])
        return ["<rant>", " ".join([sarcasm, *s]), "</rant>"], "lines"
    s.append(verdict_sentence(rng, pol) if chance(rng, 0.9) else bank_sentence(rng, cat, pol))
    if chance(rng, 0.08) and len(s) > 2:
        pros = ", ".join(sample(rng, cat["pros"], 2))
        cons = ", ".join(sample(rng, cat["cons"], 1 if pol > 0 else 2))
        s.insert(len(s) - 1, f"Pros: {pros} & more. Cons: {cons}.")
    return s, "prose"


def title_of(rng, pol: int, mixed: bool) -> str:
    if chance(rng, 0.45):
        key = ("mixed_pos_titles" if pol > 0 else "mixed_neg_titles") if mixed else ("pos_titles" if pol > 0 else "neg_titles")
        return pick(rng, PHRASES[key])
    return cap(f"{intens(rng)}{adjective(rng, pol)}{pick(rng, ['', '', '!', ' for ' + W(rng, 'activities')])}")


# ---------------------------------------------------------------------------
# A reviewer's quirks
# ---------------------------------------------------------------------------
def typo(rng, word: str) -> str:
    i = int(rng.integers(1, len(word) - 1))
    kind = int(rng.integers(3))
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swap two letters
    if kind == 1:
        return word[:i] + word[i + 1 :]  # drop one
    return word[:i] + word[i] + word[i:]  # double one


def style(rng, parts: list[str], layout: str) -> str:
    """Join the sentences (or lines) and add a reviewer's quirks."""
    if layout == "lines":
        text = "\n".join(parts)
    elif len(parts) >= 6 and chance(rng, 0.5):  # prose in paragraphs
        cuts = sorted(set(int(c) for c in rng.integers(2, len(parts) - 1, size=max(1, len(parts) // 6))))
        chunks, last = [], 0
        for c in [*cuts, len(parts)]:
            chunks.append(" ".join(parts[last:c]))
            last = c
        text = "\n\n".join(ch for ch in chunks if ch)
    else:
        text = " ".join(parts)
    if chance(rng, 0.45):  # a sloppy typist
        rate = float(rng.uniform(0.01, 0.08))
        text = re.sub(r"\b[a-z]{5,}\b", lambda m: typo(rng, m.group(0)) if rng.random() < rate else m.group(0), text)
    if chance(rng, 0.10):
        for right, wrong in PHRASES["typos"].items():
            text = re.sub(rf"\b{right}\b", wrong, text)
    if chance(rng, 0.12):
        text = text.replace(". ", ".  ")  # two spaces after a period
    if chance(rng, 0.08):
        text = re.sub(r"\.(\s|$)", lambda m: "!" + m.group(1) if rng.random() < 0.3 else m.group(0), text)
    if chance(rng, 0.05):
        text = text.lower()
    if chance(rng, 0.06):
        text = text.replace("'", "\u2019")  # typographic apostrophes
    if chance(rng, 0.01):
        text = text.replace(" & ", " &lt;&amp;&gt; ", 1)
    return text


def slug(s: str) -> str:
    return s.strip().lower().replace(" ", "_")


def reviewer_name(rng) -> str:
    first, last = zipf(rng, PHRASES["first"] + WORDS["first_extra"]), zipf(rng, PHRASES["last"])
    form = int(rng.integers(6))
    if form == 0:
        return f"{first[0]}. {last}"
    if form == 1:
        return f"{first} {rng.choice(list(string.ascii_uppercase))}. {last}"
    if form == 2:
        return f'{first} {last} "{pick(rng, PHRASES["nicknames"])}"'
    if form == 3:
        return pick(rng, PHRASES["nicknames"]).title().replace(" ", "")
    return f"{first} {last}"


def make_products(rng):
    """Two or three invented products per category, each with its share of fans."""
    products = []
    brands = PHRASES["brands"] + WORDS["brands_extra"]
    for key, cat in CATEGORIES.items():
        for model in sample(rng, cat["models"], int(rng.integers(2, 4))):
            brand = pick(rng, brands)
            code = "".join(rng.choice(list(string.ascii_uppercase), 2)) + "-" + str(int(rng.integers(100, 990)))
            products.append(
                dict(
                    key=key,
                    brand=brand,
                    asin=f"SYN{len(products) + 1:07d}",
                    name=f"{brand} {code} {model}: Electronics",
                    p_pos=float(rng.choice([0.3, 0.5, 0.5, 0.7])),  # how likely a review of it is positive
                )
            )
    return products


def make_corpus(seed: int = SEED, *, with_noise: bool = False):
    """The two files' contents, {"positive": str, "negative": str}; with
    ``with_noise=True`` also {label: [index in the file of each review whose text has
    the other class's sentiment]}."""
    rng = np.random.default_rng(seed)
    products = make_products(rng)
    start, days = datetime.date(2004, 1, 1), (datetime.date(2007, 6, 30) - datetime.date(2004, 1, 1)).days
    blocks: dict[str, list[str]] = {"positive": [], "negative": []}
    noisy: dict[str, list[int]] = {"positive": [], "negative": []}
    seen: set[str] = set()
    for label in ("positive", "negative") * N_PER_CLASS:
        weights = np.array([p["p_pos"] if label == "positive" else 1 - p["p_pos"] for p in products])
        flipped = chance(rng, LABEL_NOISE)
        pol = (1 if label == "positive" else -1) * (-1 if flipped else 1)
        while True:
            product = products[int(rng.choice(len(products), p=weights / weights.sum()))]
            cat = CATEGORIES[product["key"]]
            slots = Slots(rng, cat, product["brand"])
            parts, layout = review_text(rng, cat, slots, pol)
            parts = list(dict.fromkeys(p.format_map(slots) for p in parts))  # a sentence drawn twice is said once
            text = style(rng, parts, layout)
            if text not in seen:  # no duplicate texts: they would sit on both sides of a split
                seen.add(text)
                break
        if flipped:
            noisy[label].append(len(blocks[label]))
        high = 5.0 if label == "positive" else 1.0
        rating = high if chance(rng, 0.65) else (4.0 if label == "positive" else 2.0)
        title = title_of(rng, pol, mixed=rating in (2.0, 4.0)).format_map(slots)
        name = reviewer_name(rng) if chance(rng, 0.95) else ""
        place = pick(rng, PHRASES["places"]) if chance(rng, 0.8) else ""
        date = start + datetime.timedelta(days=int(rng.integers(days)))
        total = int(rng.integers(0, 25))
        helpful = f"{int(rng.integers(0, total + 1))} of {total}" if total and chance(rng, 0.7) else ""
        fields = [
            ("unique_id", f"{product['asin']}:{slug(title)}:{slug(name)}"),
            ("asin", product["asin"]),
            ("product_name", product["name"]),
            ("product_type", "electronics"),
            ("helpful", helpful),
            ("rating", f"{rating:.1f}"),
            ("title", title),
            ("date", f"{date:%B} {date.day}, {date.year}"),
            ("reviewer", name),
            ("reviewer_location", place),
            ("review_text", text),
        ]
        lines = ["<review>"]
        for tag, value in fields:
            lines += [f"<{tag}>", value, f"</{tag}>"]
        lines.append("</review>")
        blocks[label].append("\n".join(lines) + "\n")
    corpus = {label: "".join(b) for label, b in blocks.items()}
    return (corpus, noisy) if with_noise else corpus


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped files instead of writing")
    args = parser.parse_args(argv)
    corpus = make_corpus()
    if args.check:
        stale = [
            label
            for label, text in corpus.items()
            if not (OUT / f"{label}.review").is_file() or (OUT / f"{label}.review").read_text("utf-8") != text
        ]
        print("up to date" if not stale else f"differs from the generator: {', '.join(stale)}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for label, text in corpus.items():
        (OUT / f"{label}.review").write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {OUT / f'{label}.review'}: {text.count('<review>')} reviews")
    return 0


if __name__ == "__main__":
    sys.exit(main())
