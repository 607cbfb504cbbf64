"""The explorer machinery (``mlhelpers/widgets/_explorer.py``, ``_frames.py``): the PNG it
sends, blitted frames against whole redraws, and how it drops values it cannot draw in time."""

import asyncio
import io

import matplotlib.image as mpimg
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from mlhelpers import widgets
from mlhelpers.widgets import _explorer
from mlhelpers.widgets._frames import encode_png, png_bytes
from mlhelpers.widgets.basics import SigmoidScene


def _pixels(png: bytes) -> np.ndarray:
    return (mpimg.imread(io.BytesIO(png), format="png") * 255).round().astype(np.uint8)


def test_png_bytes_decode_to_the_same_pixels():
    rgba = np.random.default_rng(0).integers(0, 256, size=(7, 5, 4), dtype=np.uint8)
    png = png_bytes(rgba)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    np.testing.assert_array_equal(_pixels(png), rgba)
    np.testing.assert_array_equal(_pixels(png_bytes(rgba[::2, ::-1])), rgba[::2, ::-1])  # any strides


@pytest.mark.parametrize("shape", [(7, 5, 3), (7, 5), (7, 5, 4, 1)])
def test_png_bytes_wants_rgba_rows(shape):
    with pytest.raises(ValueError, match=r"rgba must be an \(H, W, 4\) uint8 array"):
        png_bytes(np.zeros(shape, dtype=np.uint8))
    with pytest.raises(ValueError, match="float64"):
        png_bytes(np.zeros((7, 5, 4)))


def test_encode_png_writes_the_canvas_without_drawing_it_again():
    fig = Figure(figsize=(2, 1.5), dpi=50)
    canvas = FigureCanvasAgg(fig)
    fig.add_subplot().plot([0, 1], [1, 0])
    canvas.draw()
    drawn = np.asarray(canvas.buffer_rgba()).copy()
    fig.axes[0].plot([0, 1], [0, 1])  # not drawn yet: the PNG must show the canvas as it is
    np.testing.assert_array_equal(_pixels(encode_png(canvas)), drawn)


def test_a_blitted_frame_equals_the_same_scene_drawn_whole():
    ex = widgets.sigmoid_explorer()
    ex.controls["slope"].value = -2.25
    ex.controls["shift"].value = 1.5  # two blitted frames after the first, whole one
    fresh = Figure(figsize=ex.figure.get_size_inches(), dpi=ex.figure.dpi, layout="constrained")
    canvas = FigureCanvasAgg(fresh)
    SigmoidScene(fresh).update(slope=-2.25, shift=1.5)
    canvas.draw()
    fresh.set_layout_engine("none")
    whole = np.asarray(canvas.buffer_rgba())
    blitted = _pixels(ex.image.value)
    assert blitted.shape == whole.shape
    # the same artists on the same layout: equal but for anti-aliasing at the edges of
    # the redrawn curve and title, drawn over the cached background instead of a blank one
    assert np.mean(np.any(blitted != whole, axis=2)) < 0.002


@pytest.fixture
def explorer_and_frames(monkeypatch):
    """notebook 00's explorer, and the list of the slopes of the frames it draws."""
    ex, drawn = widgets.sigmoid_explorer(), []
    update = ex.scene.update
    monkeypatch.setattr(ex.scene, "update", lambda **v: drawn.append(v["slope"]) or update(**v))
    return ex, drawn


def test_values_that_come_while_a_frame_waits_are_dropped_and_the_last_is_drawn(explorer_and_frames):
    """The first value of a drag is drawn at once (the explorer was idle); the values
    that come right after it wait for a frame, and only the last of them is drawn."""
    ex, drawn = explorer_and_frames

    async def drag():
        await asyncio.sleep(2 * _explorer.GATHER_SECONDS)  # a pause since the first frame
        for v in np.linspace(-3.0, 3.0, 13):  # a drag: 13 values, faster than frames are drawn
            ex.controls["slope"].value = float(v)
        await asyncio.sleep(10 * _explorer.GATHER_SECONDS)

    asyncio.run(drag())
    assert drawn == [-3.0, 3.0]


def test_a_value_after_a_pause_is_drawn_at_once(explorer_and_frames):
    """A key press: nothing is waiting and the last frame is older than GATHER_SECONDS."""
    ex, drawn = explorer_and_frames

    async def presses():
        for v in (1.5, -0.5):
            await asyncio.sleep(2 * _explorer.GATHER_SECONDS)
            ex.controls["slope"].value = v
            assert drawn[-1] == v and ex._pending is None  # drawn before the setter returned

    asyncio.run(presses())
    assert drawn == [1.5, -0.5]


def test_values_that_keep_coming_still_get_frames(explorer_and_frames):
    """A long drag is not starved: a frame is drawn at most MAX_WAIT_SECONDS after the first value."""
    ex, drawn = explorer_and_frames

    async def drag():
        for v in np.linspace(-3.0, 3.0, 25):
            ex.controls["slope"].value = float(v)
            await asyncio.sleep(_explorer.GATHER_SECONDS / 2)  # never a pause long enough to gather
        await asyncio.sleep(10 * _explorer.GATHER_SECONDS)

    asyncio.run(drag())
    assert 2 <= len(drawn) < 25, drawn
    assert drawn[-1] == 3.0


def test_explorer_argument_errors():
    with pytest.raises(TypeError, match="draw must be callable"):
        widgets.Explorer(None, {"a": widgets.slider("a", 0, 0, 1, 0.1)})
    with pytest.raises(ValueError, match="controls must hold at least one widget"):
        widgets.Explorer(lambda fig: None, {})
    with pytest.raises(ValueError, match="settings must list at least one"):
        widgets.static_panels(lambda f: None, [])
    assert isinstance(widgets.slider("n", 3, 1, 10, 1, integer=True).value, int)


def test_animated_artists_are_drawn_in_the_order_of_a_whole_draw():
    """Whatever the order of ``Scene.animated``: axes by axes, then by zorder, ties in
    the order the axes holds them; the figure's own artists last."""

    class Listed(widgets.Scene):
        def __init__(self, fig):
            left, right = fig.subplots(1, 2)
            self.first, self.second = left.plot([0, 1], [0, 1]), left.plot([0, 1], [1, 0])
            self.under = right.axhline(0.5, zorder=0.5)
            self.over = right.text(0.5, 0.5, "on top", zorder=3)
            self.heading = fig.suptitle(" ")
            self.animated = [self.heading, self.over, *self.second, self.under, *self.first]

        def update(self, v=0):
            self.heading.set_text(f"{v}")

    ex = widgets.Explorer(Listed, {"v": widgets.slider("v", 0, 0, 3, 1, integer=True)}, scene=True)
    s = ex.scene
    assert ex._animated == [*s.first, *s.second, s.under, s.over, s.heading]
