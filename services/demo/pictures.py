"""Calm placeholder pictures drawn with Pillow: doctor portraits and treatment illustrations.

Drawing is deterministic (fixed seeds), so loading the demo twice produces the same bytes
and the same content-hashed file names.
"""

import math
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

PORTRAIT_SIZE = (1200, 1500)
HERO_SIZE = (1600, 900)
HERO_PALETTES = {
    # background top, background bottom, liver, artery, beads
    "warm": ((253, 246, 236), (244, 228, 210), (214, 150, 132), (190, 90, 80), (242, 196, 92)),
    "cool": ((238, 245, 250), (220, 234, 242), (196, 150, 140), (92, 122, 170), (120, 180, 170)),
}
LIVER_OUTLINE = [
    (330, 420), (420, 320), (600, 245), (820, 215), (1040, 225), (1230, 260), (1360, 300),
    (1330, 360), (1200, 420), (1040, 490), (880, 570), (720, 640), (560, 680), (430, 650),
    (350, 560),
]  # fmt: skip


def portrait(palette: tuple[tuple[int, int, int], tuple[int, int, int]]) -> bytes:
    """A calm head-and-shoulders silhouette without letters: one photo serves both languages."""
    background, accent = palette
    image = _vertical_gradient(PORTRAIT_SIZE, background, _shade(background, 0.92))
    draw = ImageDraw.Draw(image)
    width, height = PORTRAIT_SIZE
    # A soft head-and-shoulders silhouette, the usual sign for "photo to come".
    draw.ellipse((width * 0.32, height * 0.2, width * 0.68, height * 0.49), fill=_shade(accent, 1.25))
    draw.ellipse((width * 0.12, height * 0.55, width * 0.88, height * 1.25), fill=_shade(accent, 1.25))
    return _jpeg(image.filter(ImageFilter.GaussianBlur(2)))


def hero(seed: int, palette_name: str) -> bytes:
    top, bottom, liver, artery, beads = HERO_PALETTES[palette_name]
    rng = random.Random(seed)
    image = _vertical_gradient(HERO_SIZE, top, bottom)
    # Transparent pixels carry the background colour so that blurring leaves no grey seams.
    layer = Image.new("RGBA", HERO_SIZE, (*top, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(14):
        x, y, r = rng.randint(0, 1600), rng.randint(0, 900), rng.randint(40, 160)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*_shade(top, 0.96), 120))
    draw.polygon(LIVER_OUTLINE, fill=(*liver, 235))
    tumour = (760, 420, 70)
    draw.ellipse(_circle(tumour), fill=(*_shade(liver, 0.85), 255))
    path = [(200, 860), (380, 760), (520, 640), (640, 530), (720, 460)]
    draw.line(path, fill=(*artery, 255), width=18, joint="curve")
    for index in range(len(path) - 1):
        (x1, y1), (x2, y2) = path[index], path[index + 1]
        for step in range(4):
            t = step / 4
            bead = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t, 9.0)
            draw.ellipse(_circle(bead), fill=(*beads, 255))
    for _ in range(40):
        angle, distance = rng.uniform(0, 6.283), rng.uniform(0, tumour[2] * 0.9)
        spot = (
            tumour[0] + distance * math.cos(angle),
            tumour[1] + distance * math.sin(angle),
            rng.randint(5, 9),
        )
        draw.ellipse(_circle(spot), fill=(*beads, 255))
    layer = layer.filter(ImageFilter.GaussianBlur(1.5))
    image.paste(layer, mask=layer.getchannel("A"))
    return _jpeg(image)


def _vertical_gradient(
    size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> Image.Image:
    column = Image.new("RGB", (1, 256))
    for y in range(256):
        t = y / 255
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return column.resize(size, Image.Resampling.BILINEAR)


def _shade(colour: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, round(channel * factor))) for channel in colour)  # type: ignore[return-value]


def _circle(centre_and_radius: tuple[float, float, float]) -> tuple[float, float, float, float]:
    x, y, r = centre_and_radius
    return (x - r, y - r, x + r, y + r)


def _jpeg(image: Image.Image) -> bytes:
    output = BytesIO()
    image.convert("RGB").save(output, "JPEG", quality=88)
    return output.getvalue()
