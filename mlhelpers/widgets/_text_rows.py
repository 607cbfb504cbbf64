"""Rows of one-line text drawn straight by the renderer: the review explorer's word
labels, bar values and tick labels (notebook 10), some 30 strings new in every frame.

A matplotlib ``Text`` lays out each string with all its machinery (wrapping,
rotation, several lines, mathtext, a box) and sets and resets its properties around
every draw: about 0.7 ms for a short label on this machine, where the renderer's
``draw_text`` takes 0.3 ms of it. ``TextRows`` holds many one-line strings in one
artist and draws each with one ``draw_text`` call, at the point ``Text`` would draw it
(the same alignment arithmetic, so the same pixels; the tests compare them). It is
for plain strings only: one line, no rotation, and a ``$`` is drawn as itself (no
mathtext).
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib as mpl
from matplotlib.artist import Artist
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import Bbox

_HA = ("left", "center", "right")
_VA = ("center", "top", "baseline", "bottom")


class TextRows(Artist):
    """One-line strings at points of ``transform``, aligned as ``Text`` aligns them.

    Parameters
    ----------
    transform : matplotlib Transform
        Of the points given to :meth:`set_rows`.
    fontsize : float or str
        As ``Text``'s (points, or a name such as "small").
    va : {"center", "top", "baseline", "bottom"}
        Vertical alignment of every row; the horizontal one is per row.
    color : matplotlib colour
    """

    def __init__(self, transform, *, fontsize, va="center", color=None):
        super().__init__()
        if va not in _VA:
            raise ValueError(f"va must be one of {_VA}, got {va!r}")
        self.set_transform(transform)
        self.set_clip_on(False)  # as Axes.text: labels sit outside the axes
        self.font = FontProperties(size=fontsize)
        self.va = va
        self.color = mpl.rcParams["text.color"] if color is None else color
        self.antialiased = mpl.rcParams["text.antialiased"]
        self.rows: list[tuple[float, float, str, str]] = []
        # Measuring a string costs as much as drawing it; Text keeps a cache of its own too.
        self._measure = lru_cache(maxsize=4096)(self._measure_uncached)

    def set_rows(self, xs, ys, texts, ha="left"):
        """The strings ``texts`` at the points ``(xs[i], ys[i])``; ``ha`` is one
        alignment for all, or one per row."""
        xs, ys, texts = list(xs), list(ys), list(texts)
        has = [ha] * len(texts) if isinstance(ha, str) else list(ha)
        if not len(xs) == len(ys) == len(texts) == len(has):
            raise ValueError(
                f"xs, ys, texts and ha must have one entry per row, got {len(xs)}, {len(ys)}, {len(texts)}, {len(has)}"
            )
        bad = [a for a in has if a not in _HA]
        if bad:
            raise ValueError(f"ha must be one of {_HA}, got {bad[0]!r}")
        if not all(isinstance(s, str) and "\n" not in s for s in texts):
            raise ValueError("texts must be one-line str")
        self.rows = [(float(x), float(y), s, a) for x, y, s, a in zip(xs, ys, texts, has)]
        self.stale = True

    @property
    def texts(self) -> list[str]:
        return [s for _, _, s, _ in self.rows]

    def _measure_uncached(self, renderer, dpi, text):
        """(width, height, descent) of ``text`` in display units (``dpi`` is in the key:
        the renderer measures at the figure's resolution)."""
        return renderer.get_text_width_height_descent(text, self.font, ismath=False)

    def _placed(self, renderer):
        """Each non-empty row as (x, y of the baseline's start in display units, text, w, h, d),
        by ``Text._get_layout``'s arithmetic for one line without rotation."""
        dpi = self.get_figure(root=True).dpi
        _, lp_h, lp_d = self._measure(renderer, dpi, "lp")
        points = self.get_transform().transform([(x, y) for x, y, _, _ in self.rows]) if self.rows else []
        for (px, py), (_, _, text, ha) in zip(points, self.rows):
            if not text:
                continue
            w, h, d = self._measure(renderer, dpi, text)
            h, d = max(h, lp_h), max(d, lp_d)
            top = -(h - d)  # the baseline, below the top of the line
            ymin = top - d
            offset_x = {"left": 0.0, "center": w / 2, "right": w}[ha]
            offset_y = {"center": (ymin + 0.0) / 2, "top": 0.0, "baseline": ymin + d, "bottom": ymin}[self.va]
            yield (0.0 - offset_x) + px, (top - offset_y) + py, text, w, h, d

    def draw(self, renderer):
        if not self.get_visible() or not self.rows:
            return
        renderer.open_group("text rows", self.get_gid())
        gc = renderer.new_gc()
        gc.set_foreground(self.color)
        gc.set_antialiased(self.antialiased)
        self._set_gc_clip(gc)
        height = renderer.get_canvas_width_height()[1]
        for x, y, text, *_ in self._placed(renderer):
            renderer.draw_text(gc, x, height - y if renderer.flipy() else y, text, self.font, 0.0)
        gc.restore()
        renderer.close_group("text rows")
        self.stale = False

    def get_window_extent(self, renderer=None):
        """The box around every row, in display units (for the layout)."""
        renderer = renderer or self.get_figure(root=True)._get_renderer()
        boxes = [Bbox.from_bounds(x, y - d, w, h) for x, y, _, w, h, d in self._placed(renderer)]
        return Bbox.union(boxes) if boxes else Bbox.null()
