#!/usr/bin/env python3
"""A copy of a profiles folder whose every picture is a 12-megapixel phone
photo stored sideways or mirrored, with the EXIF orientation that turns it
upright: the acceptance run of "curators' photos as they really come".

    python3 tests/phone_photos.py profiles /tmp/phone-profiles
    kiosk --profiles /tmp/phone-profiles

Each photo is the sample picture enlarged to 12 MP with sensor-like grain
(so it is as large and as slow to decode as a real one), stored turned by
one of the eight EXIF orientations in turn. Shown correctly, the kiosk looks
exactly as with the samples. Needs Pillow (pip install pillow).
"""

import random
import shutil
import sys
from pathlib import Path

from PIL import Image, ImageOps

# What to do to an upright picture so that a viewer applying EXIF
# orientation N shows it upright again (the inverse of each orientation).
STORE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def twelve_megapixels(size):
    w, h = size
    scale = (12_000_000 / (w * h)) ** 0.5
    return round(w * scale), round(h * scale)


def phone_photo(src: Path, dst: Path, orientation: int, grain: Image.Image):
    upright = Image.open(src).convert("RGB")
    big = upright.resize(twelve_megapixels(upright.size), Image.Resampling.BICUBIC)
    noise = grain.resize(big.size) if grain.size != big.size else grain
    big = Image.blend(big, noise, 0.12)
    stored = big if STORE[orientation] is None else big.transpose(STORE[orientation])
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(dst, "JPEG", quality=90, exif=exif.tobytes())
    # The kiosk must show what a viewer honouring EXIF shows.
    check = ImageOps.exif_transpose(Image.open(dst))
    assert check.size == big.size, (dst, check.size, big.size)


def main():
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    rng = random.Random(1958)
    grain = Image.effect_noise((4000, 3000), 64).convert("RGB")
    pictures = sorted(p for p in dst.rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png"})
    for i, picture in enumerate(pictures):
        orientation = 1 + (i % 8)
        target = picture.with_suffix(".jpg")
        if target != picture:
            sys.exit(f"{picture}: only JPEG samples are replaced")
        phone_photo(picture, target, orientation, grain.rotate(rng.choice([0, 180])))
        print(f"{i + 1}/{len(pictures)} {target.relative_to(dst)} (EXIF {orientation})", flush=True)


if __name__ == "__main__":
    main()
