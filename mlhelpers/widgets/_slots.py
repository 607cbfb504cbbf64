"""A title whose words stay in the cached background and whose numbers move.

Written for matplotlib 3.11, which draws text glyph by glyph from Python (about as
much per glyph as a short line costs to draw), so that a title such as
"w = -0.5: J = 1.025; slope -0.8216" costs as much as its length. Here the fixed
words are static texts (drawn once, into the background) and each number is one
small animated text in its slot: the line reads as one title, and a frame draws
only its numbers. With matplotlib 3.10 (pinned, requirements/constraints.txt) a
string is drawn in one call, and plain titles measured the same within noise (a
frame of notebook 04: 15-18 ms with slots, 10-16 ms without; 08: 10-17 ms with,
11-20 ms without). The slots stay so that the next matplotlib does not slow 04
and 08 down, and so that the static twins keep their titles. Numbers are written
at a fixed width (:func:`fixed`: a Unicode minus as wide as the plus sign, figure
spaces as wide as a digit), so the words never need to move.
"""

from __future__ import annotations

import matplotlib as mpl
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.transforms import ScaledTranslation

FIGURE_SPACE = "\u2007"  # as wide as a digit
MINUS = "\u2212"  # as wide as "+"


def fixed(value: float, spec: str, width: int = 0) -> str:
    """``value`` formatted by ``spec``, with a Unicode minus, padded on the left with
    figure spaces to ``width`` characters: numbers of one spec and width line up."""
    text = format(value, spec).replace("-", MINUS)
    return FIGURE_SPACE * (width - len(text)) + text


class TitleSlots:
    """The title of ``ax`` written as ``template`` (``"{}"`` marks a slot), with the
    words static and the slots animated.

    ``widest`` gives each slot's widest text (its width is reserved); the line is
    centred over the axes where the title would be. A slot's text is written from
    its left end, or with ``align[k] == "right"`` up to its right end (for the first
    slot: a shorter text then leaves its room at the line's start, not inside it).
    ``set(*texts)`` fills the slots; ``animated`` lists the slot texts; ``text`` is
    the whole line as it reads.
    """

    def __init__(self, ax, template: str, widest, align=None):
        words = template.split("{}")
        if len(words) != len(widest) + 1:
            raise ValueError(f"template has {len(words) - 1} slots, widest gives {len(widest)}")
        ax.set_title("")
        title = ax.title
        font, dpi = title.get_fontproperties(), ax.figure.dpi
        measure = RendererAgg(1, 1, dpi)  # widths as Agg draws them at this resolution (whole pixels per glyph)

        def width(s):  # in points
            return measure.get_text_width_height_descent(s, font, ismath=False)[0] * 72 / dpi if s else 0.0

        pieces = [p for pair in zip(words, [*widest, ""]) for p in pair][:-1]
        total = sum(width(p) for p in pieces)
        pad = mpl.rcParams["axes.titlepad"]
        style = {"fontproperties": font, "color": title.get_color(), "ha": "left", "va": "baseline"}
        self.words, self.slots = [], []
        align = ["left"] * len(widest) if align is None else list(align)
        x = -total / 2
        for k, piece in enumerate(pieces):
            right = k % 2 == 1 and align[k // 2] == "right"
            at = ax.transAxes + ScaledTranslation((x + width(piece) * right) / 72, pad / 72, ax.figure.dpi_scale_trans)
            text = ax.text(0.5, 1.0, piece if k % 2 == 0 else "", transform=at, **style)
            if right:
                text.set_horizontalalignment("right")
            (self.words if k % 2 == 0 else self.slots).append(text)
            x += width(piece)
        self.animated = list(self.slots)

    def set(self, *texts: str) -> None:
        for slot, text in zip(self.slots, texts, strict=True):
            slot.set_text(text)

    @property
    def text(self) -> str:
        """The line as it reads (figure spaces shown as spaces)."""
        pieces = [p.get_text() for pair in zip(self.words, [*self.slots, None]) for p in pair if p is not None]
        return "".join(pieces).replace(FIGURE_SPACE, " ").replace(MINUS, "-")
