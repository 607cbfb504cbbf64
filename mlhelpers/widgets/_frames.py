"""A drawn Agg canvas to PNG bytes, without drawing it again.

``savefig`` draws the whole figure once more before it encodes; here the pixels
the canvas already holds are written as a PNG directly: its RGBA scanlines
without filtering, deflated at zlib's fastest level. The scanlines are the
canvas's own rows, copied whole behind their filter bytes. Dropping the alpha
channel (always 255 in an opaque figure) would make a file 14 % smaller, but
picking 3 bytes of every 4 is a strided copy that took as long as the deflate:
on notebook 10's 800 x 312 frame, 2.6 ms for RGBA against 3.9 ms for RGB (38 kB
against 33 kB). Pillow's encoder (which tries a filter per line) took 8-10 ms at
any level on a 480 x 360 frame.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

COMPRESS_LEVEL = 1
_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(rgba: np.ndarray) -> bytes:
    """An (H, W, 4) uint8 array as PNG bytes (8-bit RGBA, filter type 0 on every line)."""
    rgba = np.asarray(rgba)
    if rgba.ndim != 3 or rgba.shape[2] != 4 or rgba.dtype != np.uint8:
        raise ValueError(f"rgba must be an (H, W, 4) uint8 array, got shape {rgba.shape} of {rgba.dtype}")
    height, width, _ = rgba.shape
    lines = np.empty((height, 1 + 4 * width), dtype=np.uint8)
    lines[:, 0] = 0  # each scanline starts with its filter byte, 0 (none)
    lines[:, 1:] = rgba.reshape(height, 4 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits, colour type 6 (RGBA)
    body = zlib.compress(lines, COMPRESS_LEVEL)
    return _SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")


def encode_png(canvas) -> bytes:
    """The canvas's current pixels as PNG."""
    return png_bytes(np.asarray(canvas.buffer_rgba()))
