#!/usr/bin/env python3
"""Draws every sample picture of the sample people again, from their profiles:
each portrait, photo and document that a profile.ron references.

    python3 tests/sample_pictures.py profiles

The pictures are flat illustrations, not photographs, as befits a sample.
Everything is drawn from what the profile says (name, gender, born, sector,
work unit, position, honours, and each medium's kind, caption and year), so it
still fits after the texts are rewritten, and deterministically: each picture
is seeded from the person's folder name and the file name.

- A portrait shows the person at the age of their first honour: a face of its
  own (shape, eyes, brows, nose, mouth, ears, hair by gender, era and age, grey
  hair and wrinkles for the old, glasses now and then, skin within a natural
  range), clothes of their trade and era, a background of their workplace,
  and a medal on the chest only when a medal was conferred by then.
- A photo is the scene its caption describes, chosen by trade and by the
  caption's words (lathe, counter, bus, classroom, ward, building site, bank
  window, switchboard, stage, laboratory, pylon, rooftop mast, hutong...),
  with the person and others in the clothes of the day, composed afresh from
  the seed, and toned by era: black-and-white or sepia before 1980, faded
  colour in the 1980s and 1990s, colour after.
- A document is what its caption says, legible and in Chinese: a certificate
  with the person's name, the honour's exact title, the issuer of that year
  and level, the date in Chinese and a red seal; a newspaper page with the
  caption's headline; a letter, a notebook page, a work permit, a medal; or
  else a plain page headed with the caption.

At the end every written file is hashed: no two may be byte-identical. One
line per person, then a summary; the exit status is non-zero on any failure.
Needs Pillow and NumPy (pip install pillow numpy).
"""

import datetime
import hashlib
import math
import random
import re
import sys
import time
import traceback
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

QUALITY = 85
SS = 2  # supersampling: drawn at twice the size, then reduced

# ---------------------------------------------------------------- profile.ron


class RonError(Exception):
    pass


def parse_ron(text):
    """The subset of RON that profile.ron uses: named tuples, lists, strings,
    numbers, bare words (enum values, booleans) and // or /* */ comments."""
    pos = 0
    n = len(text)

    def skip():
        nonlocal pos
        while pos < n:
            ch = text[pos]
            if ch in " \t\r\n\ufeff\u3000":
                pos += 1
            elif text.startswith("//", pos):
                e = text.find("\n", pos)
                pos = n if e < 0 else e + 1
            elif text.startswith("/*", pos):
                e = text.find("*/", pos + 2)
                pos = n if e < 0 else e + 2
            else:
                break

    def word():
        nonlocal pos
        m = re.compile(r"[^\s,:()\[\]\"/]+").match(text, pos)
        if not m:
            raise RonError(f"unexpected {text[pos:pos + 10]!r} at {pos}")
        pos = m.end()
        return m.group(0)

    def string():
        nonlocal pos
        pos += 1
        out = []
        while pos < n:
            ch = text[pos]
            if ch == "\\" and pos + 1 < n:
                nxt = text[pos + 1]
                out.append({"n": "\n", "t": "\t", "\"": "\"", "\\": "\\"}.get(nxt, nxt))
                pos += 2
            elif ch == "\"":
                pos += 1
                return "".join(out)
            else:
                out.append(ch)
                pos += 1
        raise RonError("unterminated string")

    def value():
        nonlocal pos
        skip()
        if pos >= n:
            raise RonError("unexpected end")
        ch = text[pos]
        if ch == "\"":
            return string()
        if ch in "([":
            close = ")" if ch == "(" else "]"
            pos += 1
            named, items = {}, []
            while True:
                skip()
                if pos < n and text[pos] == close:
                    pos += 1
                    break
                start = pos
                if ch == "(":
                    m = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*:").match(text, pos)
                    if m:
                        pos = m.end()
                        named[m.group(1)] = value()
                    else:
                        pos = start
                        items.append(value())
                else:
                    items.append(value())
                skip()
                if pos < n and text[pos] == ",":
                    pos += 1
                elif pos < n and text[pos] == close:
                    pos += 1
                    break
                else:
                    raise RonError(f"expected , or {close} at {pos}")
            if ch == "[":
                return items
            return named if named or not items else (items[0] if len(items) == 1 else items)
        w = word()
        skip()
        if pos < n and text[pos] == "(":  # Some(x) and the like
            return value()
        if re.fullmatch(r"-?\d+", w):
            return int(w)
        if re.fullmatch(r"-?\d+\.\d*", w):
            return float(w)
        return {"true": True, "false": False}.get(w, w)

    v = value()
    return v


SECTORS = {
    "工业制造": "Manufacturing", "建筑建设": "Construction", "商业服务": "Commerce",
    "交通运输": "Transport", "医疗卫生": "Health", "教育": "Education", "金融": "Finance",
    "公共服务": "PublicService", "科学技术": "Science", "文化艺术": "Culture",
    "能源电力": "Energy", "邮电通信": "Communications",
}
LEVELS = {"全国": "N", "国家级": "N", "National": "N", "北京市": "M", "市级": "M",
          "Municipal": "M", "区级": "D", "District": "D"}


def zh(v):
    if isinstance(v, dict):
        return str(v.get("zh") or v.get("en") or "")
    return "" if v is None else str(v)


class Person:
    def __init__(self, slug, data):
        self.slug = slug
        self.name = zh(data.get("name")) or slug
        g = str(data.get("gender", "男"))
        self.female = g in ("女", "Female")
        self.born = int(data.get("born", 1950))
        s = str(data.get("sector", "PublicService"))
        self.sector = SECTORS.get(s, s)
        self.unit = zh(data.get("work_unit"))
        self.position = zh(data.get("position"))
        self.honours = []
        for h in data.get("honors", []) or []:
            if isinstance(h, dict):
                self.honours.append(dict(year=int(h.get("year", 0) or 0), title=zh(h.get("title")),
                                         level=LEVELS.get(str(h.get("level", "")), "D")))
        self.honours.sort(key=lambda h: h["year"])
        self.first = self.honours[0]["year"] if self.honours else self.born + 35
        self.story = zh(data.get("story"))
        self.summary = zh(data.get("summary"))
        self.portrait = str(data.get("portrait") or "portrait.jpg")
        self.media = []
        for m in data.get("media", []) or []:
            if isinstance(m, dict) and m.get("file"):
                k = str(m.get("kind", "照片"))
                year = m.get("year")
                cap = zh(m.get("caption"))
                if not isinstance(year, int):
                    mm = re.search(r"(1[89]\d\d|20\d\d)", cap)
                    year = int(mm.group(1)) if mm else self.first
                self.media.append(dict(file=str(m["file"]), doc=k in ("资料", "Document"),
                                       caption=cap, year=year))

    def role(self):
        """The kind of worker, from the position first, then the sector."""
        p = self.position
        table = [
            ("doctor", ["医生", "医师", "主任医师", "外科主任", "内科"]),
            ("nurse", ["护士", "护理"]),
            ("conductor", ["售票", "乘务"]),
            ("driver", ["驾驶", "司机"]),
            ("shop", ["售货", "营业员", "柜组", "服务台"]),
            ("teacher", ["教师", "校长", "教研"]),
            ("performer", ["演员", "演唱", "曲艺", "单弦", "快板", "相声"]),
            ("lighting", ["灯光", "舞台技术"]),
            ("sweeper", ["清扫", "保洁", "环卫"]),
            ("welder", ["焊"]),
            ("machinist", ["车工", "铣工", "数控", "加工中心", "工艺"]),
            ("lineworker", ["线路工", "电工", "带电", "巡线", "抢修", "线务"]),
            ("operator", ["话务"]),
            ("mastworker", ["基站", "网络", "移动通信", "电话机务", "机务"]),
            ("builder", ["瓦工", "钢筋", "施工队", "盾构"]),
            ("manager", ["施工员", "项目"]),
            ("clerk", ["储蓄", "营业部", "营业所"]),
            ("scientist", ["化验", "研究", "实验", "分析", "工程师", "监测"]),
            ("culture", ["辅导员", "文化"]),
        ]
        for role, words in table:
            if any(w in p for w in words):
                if role == "doctor" and "护士" in p:
                    return "nurse"
                return role
        return {"Manufacturing": "machinist", "Construction": "builder", "Commerce": "shop",
                "Transport": "conductor", "Health": "doctor", "Education": "teacher",
                "Finance": "clerk", "PublicService": "sweeper", "Science": "scientist",
                "Culture": "performer", "Energy": "lineworker",
                "Communications": "mastworker"}.get(self.sector, "culture")


# ---------------------------------------------------------------- drawing


FONT_DIRS = [Path(__file__).resolve().parent.parent / "assets" / "fonts"]
_fonts = {}


def font(kind, size):
    key = (kind, int(size))
    if key in _fonts:
        return _fonts[key]
    cands = {
        "sans": [("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
                 (FONT_DIRS[0] / "NotoSansSC-Regular.otf", 0)],
        "sansb": [("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
                  (FONT_DIRS[0] / "NotoSansSC-Regular.otf", 0)],
        "serif": [("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
                  (FONT_DIRS[0] / "NotoSansSC-Regular.otf", 0)],
        "serifb": [(FONT_DIRS[0] / "NotoSerifSC-Bold.otf", 0),
                   ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2)],
    }[kind]
    for path, index in cands:
        try:
            f = ImageFont.truetype(str(path), max(6, int(size)), index=index)
            _fonts[key] = f
            return f
        except OSError:
            continue
    raise SystemExit(f"no CJK font for {kind}")


def mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def shade(c, f):
    if f >= 1:
        return mix(c, (255, 255, 255), f - 1)
    return tuple(int(round(v * f)) for v in c[:3])


def jitter(rng, c, amount=12):
    return tuple(max(0, min(255, v + rng.randint(-amount, amount))) for v in c)


class Canvas:
    """Drawing in output pixels on a supersampled image."""

    def __init__(self, w, h, bg=(255, 255, 255)):
        self.w, self.h = w, h
        self.im = Image.new("RGB", (w * SS, h * SS), bg)
        self.d = ImageDraw.Draw(self.im)

    def _p(self, pts):
        return [(x * SS, y * SS) for x, y in pts]

    def poly(self, pts, fill, outline=None, width=1):
        self.d.polygon(self._p(pts), fill=fill, outline=outline,
                       width=max(1, int(width * SS)) if outline else 0)

    def rect(self, x0, y0, x1, y1, fill, outline=None, width=1, r=0):
        box = [x0 * SS, y0 * SS, x1 * SS, y1 * SS]
        if box[2] < box[0]:
            box[0], box[2] = box[2], box[0]
        if box[3] < box[1]:
            box[1], box[3] = box[3], box[1]
        if r:
            self.d.rounded_rectangle(box, r * SS, fill=fill, outline=outline,
                                     width=max(1, int(width * SS)) if outline else 0)
        else:
            self.d.rectangle(box, fill=fill, outline=outline,
                             width=max(1, int(width * SS)) if outline else 0)

    def ell(self, cx, cy, rx, ry, fill, outline=None, width=1):
        rx, ry = abs(rx), abs(ry)
        self.d.ellipse([(cx - rx) * SS, (cy - ry) * SS, (cx + rx) * SS, (cy + ry) * SS],
                       fill=fill, outline=outline, width=max(1, int(width * SS)) if outline else 0)

    def line(self, pts, fill, width=1):
        self.d.line(self._p(pts), fill=fill, width=max(1, int(round(width * SS))), joint="curve")

    def limb(self, pts, fill, width):
        """A thick line with round ends (arms, legs)."""
        self.line(pts, fill, width)
        for x, y in pts:
            self.ell(x, y, width / 2, width / 2, fill)

    def arc(self, cx, cy, rx, ry, a0, a1, fill, width=1):
        rx, ry = abs(rx), abs(ry)
        self.d.arc([(cx - rx) * SS, (cy - ry) * SS, (cx + rx) * SS, (cy + ry) * SS], a0, a1,
                   fill=fill, width=max(1, int(round(width * SS))))

    def text(self, x, y, s, size, fill, kind="sans", anchor="la", spacing=0):
        f = font(kind, size * SS)
        if spacing:
            cx = x
            total = sum(self.tw(ch, size, kind) for ch in s) + spacing * (len(s) - 1)
            if anchor[0] == "m":
                cx = x - total / 2
            elif anchor[0] == "r":
                cx = x - total
            for ch in s:
                self.d.text((cx * SS, y * SS), ch, font=f, fill=fill, anchor="l" + anchor[1])
                cx += self.tw(ch, size, kind) + spacing
            return
        self.d.text((x * SS, y * SS), s, font=f, fill=fill, anchor=anchor)

    def tw(self, s, size, kind="sans"):
        return font(kind, size * SS).getlength(s) / SS

    def paste(self, img, x, y):
        self.im.paste(img, (int(x * SS), int(y * SS)))

    def final(self):
        return self.im.resize((self.w, self.h), Image.Resampling.LANCZOS)


def cn_num(n):
    """一九七八 for years, 十二 for days and months."""
    digits = "〇一二三四五六七八九"
    if n >= 1000:
        return "".join(digits[int(ch)] for ch in str(n))
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


def cn_date(y, m=None, d=None):
    s = cn_num(y) + "年"
    if m:
        s += cn_num(m) + "月"
        if d:
            s += cn_num(d) + "日"
    return s


def caption_date(caption, year):
    """The year, month and day a caption names (month and day may be None)."""
    m = re.search(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?", caption)
    if m and int(m.group(1)) == year:
        return year, int(m.group(2)), int(m.group(3)) if m.group(3) else None
    m = re.search(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?", caption)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None
    return year, None, None


def wrap(c, text, width, size, kind="sans"):
    """Splits text into lines that fit width, keeping punctuation off line starts."""
    lines, cur = [], ""
    for ch in text:
        if ch == "\n":
            lines.append(cur)
            cur = ""
            continue
        if c.tw(cur + ch, size, kind) > width and cur:
            if ch in "，。、；：！？）》”’":
                cur += ch
                lines.append(cur)
                cur = ""
                continue
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


# ---------------------------------------------------------------- toning


def era_of(year):
    return "old" if year < 1980 else ("faded" if year < 2000 else "colour")


def tone(img, year, rng, border=True, grain=None):
    """Black-and-white or sepia before 1980, faded colour to 1999, colour after."""
    a = np.asarray(img).astype(np.float32)
    h, w = a.shape[:2]
    era = era_of(year)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    if era == "old":
        lum = a[..., 0] * 0.299 + a[..., 1] * 0.587 + a[..., 2] * 0.114
        lo_, hi_ = min(np.percentile(lum, 2), 70.0), max(np.percentile(lum, 98), 200.0)
        lum = (lum - lo_) / max(hi_ - lo_, 1) * rng.uniform(200, 225) + rng.uniform(18, 30)
        sepia = rng.random() < (0.65 if year < 1966 else 0.35)
        if sepia:
            tint = np.array([1.0, 0.86, 0.68]) if rng.random() < 0.6 else np.array([1.0, 0.9, 0.76])
            lo = np.array([38, 26, 16]) * rng.uniform(0.8, 1.2)
        else:
            tint = np.array([1.0, 1.0, 0.97])
            lo = np.array([14, 14, 16])
        t = np.clip(lum, 0, 255)[..., None] / 255.0
        a = lo + t * (255 * tint - lo)
        g = grain if grain is not None else rng.uniform(2.4, 3.4)
    elif era == "faded":
        lum = (a[..., 0] * 0.299 + a[..., 1] * 0.587 + a[..., 2] * 0.114)[..., None]
        a = lum + (a - lum) * rng.uniform(0.55, 0.78)
        cast = rng.choice([(1.06, 1.0, 0.86), (1.05, 0.97, 0.9), (1.0, 1.02, 0.9), (1.07, 0.99, 0.95)])
        a = a * np.array(cast)
        a = 22 + a * 0.86
        g = grain if grain is not None else rng.uniform(1.6, 2.2)
    else:
        a = a * np.array([rng.uniform(0.98, 1.02), 1.0, rng.uniform(0.98, 1.02)])
        g = grain if grain is not None else rng.uniform(0.6, 1.0)
    # vignette
    yy, xx = np.mgrid[0:h, 0:w]
    r = ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2) ** 0.5
    vig = 1 - rng.uniform(0.1, 0.25 if era != "colour" else 0.12) * np.clip(r * 1.6 - 0.25, 0, 1) ** 1.5
    a = a * vig[..., None]
    a = a + grain_field(nrng, w, h, g)
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if era == "old" and border:
        out = deckle(out, rng)
    elif era == "faded" and border and rng.random() < 0.35:
        out = white_border(out, rng)
    return out


def grain_field(nrng, w, h, amount):
    """Film grain."""
    return nrng.normal(0, amount, (h, w, 1)).astype(np.float32)


def deckle(img, rng):
    """A white, deckle-edged print border, as old prints had."""
    w, h = img.size
    b = rng.randint(14, 24)
    paper = mix((246, 242, 230), (236, 228, 208), rng.random())
    inner = img.resize((w - 2 * b, h - 2 * b), Image.Resampling.LANCZOS)
    out = Image.new("RGB", (w, h), paper)
    out.paste(inner, (b, b))
    d = ImageDraw.Draw(out)
    for x in range(0, w, 5):
        for y0, sgn in ((b, -1), (h - b, 1)):
            if rng.random() < 0.5:
                dd = rng.randint(0, 3)
                d.rectangle([x, min(y0, y0 - sgn * dd), x + 4, max(y0, y0 - sgn * dd)], fill=paper)
    for y in range(0, h, 5):
        for x0, sgn in ((b, -1), (w - b, 1)):
            if rng.random() < 0.5:
                dd = rng.randint(0, 3)
                d.rectangle([min(x0, x0 - sgn * dd), y, max(x0, x0 - sgn * dd), y + 4], fill=paper)
    return out


def white_border(img, rng):
    w, h = img.size
    b = rng.randint(10, 16)
    inner = img.resize((w - 2 * b, h - 2 * b), Image.Resampling.LANCZOS)
    out = Image.new("RGB", (w, h), mix((248, 246, 240), (240, 236, 226), rng.random()))
    out.paste(inner, (b, b))
    return out


# ---------------------------------------------------------------- people


SKIN_LIGHT, SKIN_DARK = (246, 214, 186), (190, 140, 104)
BLACK_HAIRS = [(28, 24, 24), (36, 30, 28), (22, 22, 26), (48, 36, 30)]
OUTDOOR = {"builder", "manager", "sweeper", "lineworker", "mastworker", "conductor", "driver"}


def skin_tone(rng, role=None):
    t = rng.uniform(0.12, 0.62)
    if role in OUTDOOR:
        t += rng.uniform(0.05, 0.2)
    c = mix(SKIN_LIGHT, SKIN_DARK, min(t, 0.9))
    return jitter(rng, c, 6)


def hair_colour(rng, age, year, female):
    base = rng.choice(BLACK_HAIRS)
    if year >= 2000 and age < 45 and rng.random() < (0.4 if female else 0.15):
        base = rng.choice([(74, 50, 36), (60, 42, 32), (88, 60, 40)])
    grey = (168, 166, 162) if age < 66 else (214, 212, 208)
    if age < 42:
        t = 0
    elif age < 52:
        t = rng.uniform(0.15, 0.35)
    elif age < 62:
        t = rng.uniform(0.4, 0.7)
    else:
        t = rng.uniform(0.7, 1.0)
    if female and age >= 45 and year >= 1985 and rng.random() < 0.4:
        t *= 0.3  # dyed
    return mix(base, grey, t)


def hair_style(rng, female, age, year, role):
    if not female:
        if age >= 52 and rng.random() < 0.45:
            return "bald"
        if year < 1980:
            return rng.choice(["short", "short", "side", "crop"])
        if year < 2000:
            return rng.choice(["short", "side", "side", "back" if age > 40 else "crop"])
        return rng.choice(["short", "crop", "side", "fringe" if age < 35 else "back"])
    if role in ("nurse", "clerk") and year >= 1980 and rng.random() < 0.7:
        return "bun"
    if year < 1980:
        if age < 30:
            return rng.choice(["braids", "bob", "bob", "braids"])
        return rng.choice(["bob", "bob", "short", "bun"] if age < 50 else ["short", "bun", "bob"])
    if year < 2000:
        if age < 30:
            return rng.choice(["bob", "ponytail", "perm", "long"])
        return rng.choice(["perm", "perm", "bob", "short"] if age < 55 else ["perm", "short"])
    if age < 40:
        return rng.choice(["ponytail", "long", "bob", "bun"])
    return rng.choice(["bob", "short", "perm", "bun"])


CIVIL = {
    "old": [(52, 70, 104), (78, 84, 90), (66, 80, 62), (40, 50, 74), (96, 90, 80), (110, 96, 84), (58, 64, 80)],
    "faded": [(120, 60, 50), (150, 120, 80), (60, 80, 120), (210, 200, 180), (90, 100, 70), (160, 60, 60),
              (70, 70, 80), (200, 150, 90)],
    "colour": [(200, 40, 50), (240, 240, 240), (40, 40, 46), (60, 120, 170), (230, 180, 60), (70, 150, 130),
               (150, 90, 160), (230, 120, 60), (110, 140, 90)],
}
WORK_BLUE = [(44, 70, 118), (52, 78, 124), (40, 62, 104), (58, 84, 122)]


def outfit(role, year, female, rng, civilian=False):
    era = era_of(year)
    o = dict(top=(60, 80, 120), kind="jacket", collar="shirt", shirt=(236, 234, 226),
             trousers=(48, 52, 64), hat=None, hat_col=None, vest=None, apron=None, sleeves=None,
             bag=False, stetho=False, tie=None, scarf=None, long=False, skirt=False, headset=False,
             badge=False, pockets=True, buttons=True, belt=False)
    if civilian:
        o["top"] = jitter(rng, rng.choice(CIVIL[era]), 10)
        o["trousers"] = jitter(rng, rng.choice([(40, 44, 56), (60, 60, 66), (50, 60, 80), (90, 80, 70)]), 8)
        o["collar"] = rng.choice(["shirt", "stand", "lapel"] if era == "old" else ["shirt", "lapel", "none"])
        o["kind"] = rng.choice(["jacket", "shirt"])
        if female and era != "old" and rng.random() < 0.35:
            o["skirt"] = True
            o["trousers"] = jitter(rng, rng.choice(CIVIL[era]), 10)
        if era == "old" and not female and rng.random() < 0.25:
            o["hat"] = "softcap"
            o["hat_col"] = shade(o["top"], 0.9)
        return o
    blue = jitter(rng, rng.choice(WORK_BLUE), 8)
    if role in ("machinist", "welder", "lighting"):
        o["top"] = blue if era != "colour" else jitter(rng, rng.choice([(40, 62, 104), (70, 80, 96), (30, 50, 90)]), 8)
        o["trousers"] = shade(o["top"], 0.85)
        if era == "old" or rng.random() < 0.4:
            o["hat"] = "workcap" if female else "softcap"
            o["hat_col"] = shade(o["top"], 0.95)
        if role == "welder":
            o["top"] = jitter(rng, (92, 92, 84), 8)
    elif role in ("builder", "manager"):
        o["top"] = rng.choice([blue, jitter(rng, (96, 96, 80), 8), jitter(rng, (70, 80, 70), 8)])
        o["trousers"] = shade(o["top"], 0.8)
        o["hat"] = "helmet"
        if era == "old":
            o["hat_col"] = rng.choice([(208, 178, 108), (200, 196, 184), (190, 60, 40)])
        elif role == "manager":
            o["hat_col"] = rng.choice([(238, 238, 236), (206, 40, 36)])
        else:
            o["hat_col"] = rng.choice([(238, 190, 30), (206, 40, 36), (238, 190, 30), (40, 90, 170)])
        if era == "colour" and rng.random() < 0.55:
            o["vest"] = rng.choice([(240, 110, 30), (200, 220, 40)])
    elif role == "shop":
        if era == "old":
            o["top"] = rng.choice([(236, 236, 230), blue, (70, 84, 110)])
            o["sleeves"] = (40, 52, 80)
            o["apron"] = rng.choice([(240, 240, 236), (60, 84, 130)]) if rng.random() < 0.6 else None
        elif era == "faded":
            o["top"] = rng.choice([(240, 240, 236), (180, 40, 50), (60, 90, 140)])
            o["sleeves"] = (40, 52, 80) if rng.random() < 0.6 else None
            o["apron"] = (240, 240, 236) if rng.random() < 0.3 else None
        else:
            o["top"] = (240, 240, 240)
            o["vest"] = rng.choice([(170, 30, 44), (40, 60, 110), (30, 100, 80)])
            o["badge"] = True
            o["tie"] = o["vest"] if not female else None
            o["scarf"] = o["vest"] if female else None
        o["trousers"] = (44, 48, 62)
    elif role in ("conductor", "driver"):
        if era == "old":
            o["top"] = jitter(rng, rng.choice([(62, 76, 96), (52, 64, 84), (80, 88, 96)]), 6)
            o["hat"] = "peaked" if rng.random() < 0.7 else None
        elif era == "faded":
            o["top"] = jitter(rng, rng.choice([(40, 52, 86), (60, 70, 90)]), 6)
            o["hat"] = "peaked" if rng.random() < 0.5 else None
        else:
            o["top"] = rng.choice([(40, 56, 100), (160, 190, 220)])
            o["tie"] = (40, 56, 100) if o["top"][0] > 100 else (120, 30, 40)
            o["kind"] = "shirt" if o["top"][0] > 100 else "jacket"
        o["hat_col"] = shade(o["top"], 0.85)
        o["trousers"] = shade(o["top"], 0.8) if o["top"][0] < 100 else (40, 50, 80)
        o["bag"] = role == "conductor"
        o["badge"] = True
        o["collar"] = "lapel"
    elif role in ("doctor", "nurse", "scientist"):
        o["top"] = (246, 246, 244)
        o["kind"] = "coat"
        o["long"] = True
        o["collar"] = "lapel"
        o["shirt"] = rng.choice([(200, 210, 230), (236, 236, 236), (120, 130, 150), (170, 190, 170)])
        o["stetho"] = role == "doctor"
        if role == "nurse":
            o["hat"] = "nurse"
            o["collar"] = "shirt"
            if era == "colour" and rng.random() < 0.35:
                o["top"] = rng.choice([(246, 214, 222), (206, 228, 240)])
        o["trousers"] = (230, 230, 228) if role == "nurse" else (56, 60, 72)
    elif role == "teacher" or role == "culture":
        if era == "old":
            o["top"] = jitter(rng, rng.choice([(70, 80, 96), (52, 64, 96), (90, 90, 86), (40, 44, 56)]), 6)
            o["collar"] = "stand" if not female else rng.choice(["lapel", "shirt"])
            o["kind"] = "zhongshan" if not female else "jacket"
        elif era == "faded":
            o["top"] = jitter(rng, rng.choice([(110, 90, 70), (80, 90, 110), (150, 130, 100), (120, 60, 60)]), 8)
            o["collar"] = "lapel"
            o["shirt"] = (236, 236, 230)
            o["kind"] = "blazer" if rng.random() < 0.5 else "sweater"
        else:
            o["top"] = jitter(rng, rng.choice([(50, 56, 80), (120, 120, 126), (140, 40, 50), (96, 70, 60), (60, 90, 120)]), 8)
            o["kind"] = rng.choice(["blazer", "sweater", "shirt"])
            o["collar"] = "lapel"
            o["shirt"] = (240, 240, 238) if o["kind"] != "shirt" else shade(o["top"], 1.2)
        o["trousers"] = (50, 54, 64)
    elif role == "clerk":
        if era == "old":
            o["top"] = blue
            o["sleeves"] = (40, 52, 80)
        elif era == "faded":
            o["top"] = rng.choice([(40, 50, 80), (110, 40, 50), blue])
            o["kind"] = "blazer"
            o["collar"] = "lapel"
        else:
            o["top"] = rng.choice([(34, 40, 62), (40, 44, 50), (60, 30, 40)])
            o["kind"] = "blazer"
            o["collar"] = "lapel"
            o["tie"] = None if female else (140, 30, 40)
            o["scarf"] = rng.choice([(190, 40, 50), (40, 90, 160), (220, 160, 40)]) if female else None
            o["badge"] = True
        o["trousers"] = (44, 46, 58)
    elif role == "sweeper":
        o["top"] = blue
        o["trousers"] = shade(blue, 0.85)
        if year >= 1985:
            if era == "colour" and rng.random() < 0.5:
                o["top"] = (236, 110, 30)
            else:
                o["vest"] = (240, 112, 30)
            o["hat"] = "softcap" if rng.random() < 0.5 else None
            o["hat_col"] = (236, 110, 30) if era == "colour" else shade(blue, 0.95)
        else:
            o["hat"] = "softcap"
            o["hat_col"] = shade(blue, 0.9)
            o["apron"] = (200, 196, 186) if rng.random() < 0.4 else None
    elif role == "performer":
        if not female and rng.random() < 0.75:
            o["top"] = jitter(rng, rng.choice([(60, 80, 120), (90, 90, 96), (120, 90, 60), (50, 70, 90), (110, 40, 40)]), 8)
            o["kind"] = "gown"
            o["long"] = True
            o["collar"] = "stand"
            o["pockets"] = False
        elif female:
            o["top"] = jitter(rng, rng.choice([(170, 40, 50), (40, 80, 140), (200, 140, 60), (120, 40, 90)]), 8)
            o["kind"] = "qipao"
            o["collar"] = "stand"
            o["pockets"] = False
        else:
            o["top"] = (36, 36, 44)
            o["kind"] = "blazer"
            o["collar"] = "lapel"
            o["tie"] = (150, 30, 40)
    elif role == "lineworker":
        o["top"] = blue if era != "colour" else jitter(rng, rng.choice([(40, 80, 140), (30, 60, 110)]), 6)
        o["trousers"] = shade(o["top"], 0.85)
        o["hat"] = "helmet"
        o["hat_col"] = (200, 180, 120) if era == "old" and rng.random() < 0.5 else rng.choice(
            [(238, 238, 236), (206, 40, 36), (238, 190, 30)])
        o["belt"] = True
    elif role == "operator":
        o["top"] = rng.choice([(236, 236, 230), blue, (90, 100, 110)])
        o["headset"] = True
    elif role == "mastworker":
        o["top"] = blue if era != "colour" else jitter(rng, rng.choice([(40, 80, 140), (50, 60, 70), (200, 90, 30)]), 6)
        o["trousers"] = shade(o["top"], 0.85)
        if era == "old":
            o["hat"] = "softcap"
            o["hat_col"] = shade(o["top"], 0.9)
    if role in ("machinist",) and female and era == "old":
        o["sleeves"] = None
    return o


def make_spec(rng, female, age, year, role=None, civilian=False):
    return dict(female=female, age=age, skin=skin_tone(rng, role),
                hair=hair_colour(rng, age, year, female),
                style=hair_style(rng, female, age, year, role or ""),
                o=outfit(role or "culture", year, female, rng, civilian=civilian),
                glasses=rng.random() < (0.12 + (0.2 if age > 50 else 0)))


def draw_hat_small(c, o, hx, hy, rx, ry, facing):
    hat, col = o["hat"], o["hat_col"] or (60, 70, 90)
    if hat == "helmet":
        base = hy - ry * 0.3
        c.poly([(hx + math.cos(t) * rx * 1.18, base + math.sin(t) * ry * 0.85)
                for t in [math.pi + math.pi * k / 20 for k in range(21)]], col)
        c.rect(hx - rx * 1.3, hy - ry * 0.4, hx + rx * 1.3, hy - ry * 0.25, shade(col, 0.85))
    elif hat in ("softcap", "workcap"):
        c.ell(hx, hy - ry * 0.55, rx * 1.08, ry * 0.55, col)
        c.rect(hx - rx * 1.06, hy - ry * 0.55, hx + rx * 1.06, hy - ry * 0.3, col)
        bx = hx + facing * rx * 0.6
        c.ell(bx, hy - ry * 0.3, rx * (0.9 if facing == 0 else 0.7), ry * 0.14, shade(col, 0.7))
    elif hat == "peaked":
        c.ell(hx, hy - ry * 0.75, rx * 1.2, ry * 0.35, col)
        c.rect(hx - rx * 1.0, hy - ry * 0.75, hx + rx * 1.0, hy - ry * 0.35, col)
        c.ell(hx + facing * rx * 0.6, hy - ry * 0.33, rx * 0.8, ry * 0.12, (20, 20, 24))
        c.ell(hx + facing * rx * 0.3, hy - ry * 0.62, rx * 0.16, rx * 0.16, (220, 180, 60))
    elif hat == "nurse":
        c.poly([(hx - rx * 0.8, hy - ry * 0.7), (hx + rx * 0.8, hy - ry * 0.7), (hx + rx * 0.6, hy - ry * 1.15),
                (hx - rx * 0.6, hy - ry * 1.15)], (250, 250, 250))


def draw_hair_small(c, sp, hx, hy, rx, ry, facing, back):
    col, st = sp["hair"], sp["style"]
    if back:
        if st in ("bob", "braids", "long", "perm"):
            down = {"bob": 0.75, "braids": 0.55, "long": 1.9, "perm": 0.6}[st]
            c.ell(hx - facing * rx * 0.15, hy + ry * (down - 0.7) * 0.5, rx * 1.18, ry * (0.85 + down * 0.35), col)
        if st == "braids":
            for s in (-1, 1):
                c.limb([(hx + s * rx * 0.95, hy + ry * 0.2), (hx + s * rx * 1.05, hy + ry * 2.2)], col, rx * 0.32)
        if st in ("bun", "ponytail"):
            c.ell(hx - facing * rx * 0.9, hy - ry * 0.35, rx * 0.42, rx * 0.42, col)
            if st == "ponytail":
                c.limb([(hx - facing * rx * 1.0, hy - ry * 0.3), (hx - facing * rx * 1.2, hy + ry * 0.8)], col, rx * 0.35)
        return
    if st == "bald":
        c.ell(hx - rx * 0.88, hy - ry * 0.05, rx * 0.22, ry * 0.36, col)
        c.ell(hx + rx * 0.88, hy - ry * 0.05, rx * 0.22, ry * 0.36, col)
        return
    if sp["o"]["hat"] in ("helmet", "softcap", "workcap", "peaked"):
        return
    c.ell(hx, hy - ry * 0.5, rx * 1.04, ry * 0.52, col)
    if st == "perm":
        for k in range(7):
            a = math.pi + k * math.pi / 6
            c.ell(hx + math.cos(a) * rx * 0.95, hy - ry * 0.25 + math.sin(a) * ry * 0.75, rx * 0.32, rx * 0.32, col)
    if facing != 0:
        c.ell(hx - facing * rx * 0.68, hy - ry * 0.2, rx * 0.36, ry * 0.4, col)


def draw_arms(c, arms, o, sleeve, skin, u):
    for arm in arms:
        c.limb(arm[:2], sleeve, 0.4 * u)
        c.limb(arm[1:], o["sleeves"] or sleeve, 0.36 * u)
        c.ell(arm[2][0], arm[2][1], 0.2 * u, 0.2 * u, skin)


def draw_figure(c, x, ground, height, sp, pose="stand", facing=0, target=None, sit=False, face=True):
    """A standing (or, behind a desk, seated) person in the flat style."""
    o = sp["o"]
    u = height / 7.4
    top = ground - height
    hx, hy = x + facing * u * 0.08, top + 0.6 * u
    rx, ry = 0.43 * u, 0.56 * u
    sy = top + 1.45 * u
    sw = (0.82 if sp["female"] else 0.95) * u
    hipy = top + 3.95 * u
    hw = (0.78 if sp["female"] else 0.72) * u
    skin = sp["skin"]
    topc = o["top"]
    if o["kind"] == "coat" or o["long"]:
        hem = top + (6.9 if o["kind"] == "gown" else 5.4) * u
    else:
        hem = hipy + 0.25 * u
    draw_hair_small(c, sp, hx, hy, rx, ry, facing, back=True)
    # legs
    if not sit:
        lw = 0.5 * u
        step = 0.35 * u if facing else 0
        for s in (-1, 1):
            lx = x + s * 0.3 * u
            fx = lx + (s * step if facing else 0)
            legc = o["trousers"]
            if o["skirt"]:
                legc = shade(skin, 0.95)
            c.limb([(lx, hipy), (fx, ground - 0.2 * u)], legc, lw if not o["skirt"] else lw * 0.7)
            c.ell(fx + facing * 0.15 * u, ground - 0.12 * u, 0.34 * u, 0.15 * u, (30, 28, 28))
        if o["skirt"]:
            c.poly([(x - hw, hipy - 0.2 * u), (x + hw, hipy - 0.2 * u), (x + hw * 1.3, top + 5.4 * u),
                    (x - hw * 1.3, top + 5.4 * u)], o["trousers"])
    if not face and pose == "hold":
        pose = "stand"
    # arms: shoulder -> elbow -> hand
    arms = []
    for s in (-1, 1):
        shx = x + s * sw * 0.9
        if pose == "reach" and target:
            tx, ty = target
            ex = (shx + tx) / 2 + s * 0.1 * u
            ey = max(sy + 0.9 * u, (sy + ty) / 2 + 0.4 * u)
            arms.append([(shx, sy + 0.2 * u), (ex, ey), (tx + s * 0.25 * u, ty)])
        elif pose == "point" and s == (facing or 1):
            arms.append([(shx, sy + 0.2 * u), (shx + s * 0.9 * u, sy - 0.2 * u), (shx + s * 1.7 * u, sy - 0.9 * u)])
        elif pose == "hand" and s == (facing or 1):
            arms.append([(shx, sy + 0.2 * u), (shx + s * 0.5 * u, sy + 1.2 * u), (shx + s * 1.5 * u, sy + 1.1 * u)])
        elif pose == "write" and s == (facing or 1):
            arms.append([(shx, sy + 0.2 * u), (shx + s * 0.7 * u, sy + 0.2 * u), (shx + s * 1.2 * u, sy - 0.8 * u)])
        elif pose == "sweep":
            arms.append([(shx, sy + 0.2 * u), (x + facing * 0.6 * u + s * 0.2 * u, sy + 1.3 * u),
                         (x + facing * 1.0 * u, sy + (1.2 if s < 0 else 2.0) * u)])
        elif pose == "fold":
            arms.append([(shx, sy + 0.2 * u), (shx + s * 0.1 * u, sy + 1.4 * u), (x - s * 0.4 * u, sy + 1.5 * u)])
        elif pose == "hold":
            arms.append([(shx, sy + 0.2 * u), (shx + s * 0.05 * u, sy + 1.4 * u), (x + s * 0.12 * u, sy + 2.05 * u)])
        else:
            arms.append([(shx, sy + 0.2 * u), (shx + s * 0.15 * u, sy + 1.4 * u), (shx + s * 0.1 * u, hipy + 0.2 * u)])
    if not face:
        draw_arms(c, arms, o, topc, skin, u)
    # torso
    torso = [(x - sw, sy + 0.15 * u), (x - sw * 0.7, sy - 0.1 * u), (x + sw * 0.7, sy - 0.1 * u), (x + sw, sy + 0.15 * u),
             (x + hw * (1.25 if o["long"] else 1.0), hem), (x - hw * (1.25 if o["long"] else 1.0), hem)]
    c.rect(hx - 0.16 * u, hy + ry * 0.6, hx + 0.16 * u, sy + 0.1 * u, shade(skin, 0.88))
    c.poly(torso, topc)
    if o["kind"] in ("coat", "blazer") or o["collar"] == "lapel":
        c.poly([(x - 0.28 * u, sy - 0.08 * u), (x + 0.28 * u, sy - 0.08 * u), (x, sy + 0.75 * u)], o["shirt"])
        if o["tie"]:
            c.poly([(x - 0.08 * u, sy), (x + 0.08 * u, sy), (x + 0.1 * u, sy + 0.7 * u), (x - 0.1 * u, sy + 0.7 * u)], o["tie"])
    if o["kind"] == "coat":
        c.line([(x, sy + 0.75 * u), (x, hem)], shade(topc, 0.85), 0.06 * u)
    if o["vest"]:
        c.poly([(x - sw * 0.85, sy + 0.1 * u), (x - 0.25 * u, sy), (x - 0.05 * u, hipy + 0.2 * u), (x - hw, hipy + 0.2 * u)], o["vest"])
        c.poly([(x + sw * 0.85, sy + 0.1 * u), (x + 0.25 * u, sy), (x + 0.05 * u, hipy + 0.2 * u), (x + hw, hipy + 0.2 * u)], o["vest"])
        if o["vest"][0] > 200:
            for k in (0.45, 0.7):
                yy = sy + (hipy - sy) * k
                c.rect(x - sw * 0.9, yy, x + sw * 0.9, yy + 0.12 * u, (226, 226, 220))
    if o["apron"]:
        c.poly([(x - 0.45 * u, sy + 0.6 * u), (x + 0.45 * u, sy + 0.6 * u), (x + hw * 1.1, top + 5.2 * u),
                (x - hw * 1.1, top + 5.2 * u)], o["apron"])
    if o["belt"]:
        c.rect(x - hw * 1.02, hipy - 0.2 * u, x + hw * 1.02, hipy + 0.05 * u, (150, 110, 50))
    if o["bag"]:
        c.line([(x - sw * 0.7, sy), (x + hw * 0.8, hipy - 0.1 * u)], (60, 40, 30), 0.12 * u)
        c.rect(x + hw * 0.5, hipy - 0.3 * u, x + hw * 1.2, hipy + 0.4 * u, (90, 60, 40), r=0.1 * u)
    if o["stetho"]:
        c.line([(x - 0.3 * u, sy), (x - 0.35 * u, sy + 0.9 * u), (x + 0.1 * u, sy + 1.1 * u)], (50, 50, 56), 0.07 * u)
    # arms drawn over the torso (seen from behind, the torso hides them)
    if face:
        draw_arms(c, arms, o, topc, skin, u)
    # head
    c.ell(hx, hy, rx, ry, skin)
    if face and height > 90:
        ey = hy + ry * 0.14
        dot = max(0.6, 0.06 * u)
        if facing == 0:
            for s in (-1, 1):
                c.ell(hx + s * rx * 0.38, ey, dot, dot * 1.1, (30, 26, 26))
            c.line([(hx - rx * 0.22, hy + ry * 0.5), (hx + rx * 0.22, hy + ry * 0.5)], shade(skin, 0.7), max(0.5, 0.05 * u))
        else:
            c.ell(hx + facing * rx * 0.5, ey, dot, dot * 1.1, (30, 26, 26))
            c.poly([(hx + facing * rx * 0.95, hy + ry * 0.05), (hx + facing * rx * 1.12, hy + ry * 0.32),
                    (hx + facing * rx * 0.95, hy + ry * 0.35)], skin)
        if sp.get("glasses") and height > 140:
            for s in ((-1, 1) if facing == 0 else (facing,)):
                c.ell(hx + s * rx * (0.38 if facing == 0 else 0.5), ey, rx * 0.22, rx * 0.18, None, (40, 40, 40), 0.04 * u)
    draw_hair_small(c, sp, hx, hy, rx, ry, facing, back=False)
    if not face and sp["style"] != "bald":
        c.ell(hx, hy - ry * 0.08, rx * 1.04, ry * 0.9, sp["hair"])
    if o["hat"]:
        draw_hat_small(c, o, hx, hy, rx, ry, facing)
    if o["headset"]:
        c.arc(hx, hy - ry * 0.1, rx * 1.1, ry * 1.0, 180, 360, (30, 30, 30), 0.1 * u)
        c.ell(hx - rx * 1.05, hy, rx * 0.25, ry * 0.25, (30, 30, 30))
    return dict(head=(hx, hy), hands=[a[2] for a in arms], u=u, sy=sy, hipy=hipy)


# ---------------------------------------------------------------- portraits


def medal_kind(person):
    """The medal worn in the portrait: one conferred by the first honour's year."""
    for h in person.honours:
        if h["year"] > person.first:
            break
        t = h["title"]
        if "五一劳动奖章" in t:
            return "mayday"
        if "首都劳动奖章" in t:
            return "capital"
        if "奖章" in t:
            return "other"
        if h["level"] == "N" and any(w in t for w in ("劳动模范", "先进生产者", "先进工作者")):
            return "national"
    return None


def draw_medal(c, x, y, r, kind, rng):
    ribbons = {
        "mayday": [(200, 30, 36), (240, 200, 60), (200, 30, 36)],
        "capital": [(200, 30, 36), (250, 250, 250), (200, 30, 36)],
        "national": [(200, 30, 36), (200, 30, 36), (200, 30, 36)],
        "other": [(190, 40, 40), (60, 90, 160), (190, 40, 40)],
    }[kind]
    bw = r * 1.3
    c.rect(x - bw / 2, y - r * 2.2, x + bw / 2, y - r * 0.7, ribbons[0])
    c.rect(x - bw / 6, y - r * 2.2, x + bw / 6, y - r * 0.7, ribbons[1])
    c.rect(x - bw / 2, y - r * 2.35, x + bw / 2, y - r * 2.15, (200, 160, 50))
    gold = (226, 178, 56)
    if kind == "national":
        star(c, x, y + r * 0.1, r * 1.15, gold)
        star(c, x, y + r * 0.1, r * 0.55, (200, 30, 36))
    else:
        c.ell(x, y, r, r, gold, shade(gold, 0.75), r * 0.12)
        c.ell(x, y, r * 0.72, r * 0.72, (236, 196, 80))
        if kind == "mayday":
            c.text(x, y, "五一", r * 0.62, (190, 30, 30), kind="sansb", anchor="mm")
        else:
            star(c, x, y, r * 0.55, (200, 30, 36))


def star(c, x, y, r, fill, rot=0.0):
    pts = []
    for k in range(10):
        a = -math.pi / 2 + rot + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.4
        pts.append((x + math.cos(a) * rr, y + math.sin(a) * rr))
    c.poly(pts, fill)


def face_outline(cx, cy, a, b, n_low, taper, npts=90):
    pts = []
    for k in range(npts):
        t = 2 * math.pi * k / npts
        ct, st = math.cos(t), math.sin(t)
        if st > 0:
            e = 2 / n_low
            x = a * math.copysign(abs(ct) ** e, ct) * (1 - taper * st ** 2)
            y = b * abs(st) ** e * 1.0
        else:
            x = a * ct
            y = b * 0.92 * st
        pts.append((cx + x, cy + y))
    return pts


def portrait_background(c, rng, person, role, year):
    """The workplace behind the sitter, simplified; blurred afterwards."""
    W, H = c.w, c.h
    sec = person.sector
    if role in ("performer",) or sec == "Culture" and role != "teacher":
        base = jitter(rng, rng.choice([(150, 36, 40), (120, 30, 50), (60, 50, 90)]), 10)
        c.rect(0, 0, W, H, base)
        for k in range(0, W + 40, rng.randint(34, 50)):
            c.rect(k, 0, k + 14, H, shade(base, 0.8))
        c.ell(W * rng.uniform(0.3, 0.7), H * 0.3, W * 0.5, H * 0.4, shade(base, 1.25))
        c.rect(0, 0, W, H * 0.08, shade(base, 0.6))
    elif role in ("builder", "manager"):
        c.rect(0, 0, W, H, jitter(rng, (176, 200, 220), 10))
        gx = rng.uniform(0, 80)
        for i in range(4):
            x0 = gx + i * rng.uniform(100, 140)
            c.rect(x0, H * rng.uniform(0.15, 0.3), x0 + 12, H, (150, 150, 146))
        for j in range(6):
            y0 = H * 0.25 + j * 70
            c.rect(0, y0, W, y0 + 10, (160, 160, 156))
        cx = rng.uniform(W * 0.7, W * 0.95)
        c.rect(cx, H * 0.05, cx + 10, H, (230, 190, 40))
        c.rect(cx - 200, H * 0.05, cx + 60, H * 0.07, (230, 190, 40))
    elif role in ("machinist", "welder", "lighting") or sec == "Manufacturing":
        c.rect(0, 0, W, H, jitter(rng, (150, 156, 150), 10))
        for i in range(rng.randint(2, 3)):
            x0 = i * W / 2.5 + rng.uniform(0, 40)
            c.rect(x0, 30, x0 + 140, 250, (210, 220, 214))
            for k in range(1, 4):
                c.line([(x0 + k * 35, 30), (x0 + k * 35, 250)], (130, 136, 130), 4)
            c.line([(x0, 140), (x0 + 140, 140)], (130, 136, 130), 4)
        c.rect(0, 380, W, 520, (90, 110, 100))
        c.rect(rng.uniform(0, 100), 330, rng.uniform(200, 300), 470, (70, 90, 84))
    elif role in ("shop",) or sec == "Commerce":
        c.rect(0, 0, W, H, jitter(rng, (200, 186, 160), 10))
        for j in range(5):
            y0 = 40 + j * 95
            c.rect(0, y0 + 70, W, y0 + 80, (120, 90, 60))
            x = rng.uniform(-20, 10)
            while x < W:
                w = rng.uniform(24, 56)
                col = jitter(rng, rng.choice([(200, 60, 60), (60, 100, 160), (220, 200, 120), (90, 140, 90), (230, 230, 220)]), 20)
                h = rng.uniform(35, 68)
                c.rect(x, y0 + 70 - h, x + w - 4, y0 + 70, col)
                x += w
    elif role in ("conductor", "driver"):
        c.rect(0, 0, W, H, jitter(rng, (196, 200, 190), 8))
        for i in range(3):
            x0 = i * 170 + rng.uniform(-30, 10)
            c.rect(x0, 80, x0 + 150, 300, (170, 200, 220))
            c.rect(x0 + 20, 200, x0 + 100, 260, (120, 150, 130))
        c.rect(0, 60, W, 72, (200, 200, 196))
        for i in range(5):
            c.line([(i * 110 + 40, 0), (i * 110 + 40, 60)], (170, 170, 170), 5)
    elif role in ("doctor", "nurse"):
        c.rect(0, 0, W, H, jitter(rng, (214, 230, 222), 8))
        c.rect(0, H * 0.55, W, H, (180, 206, 196))
        dx = rng.uniform(20, 320)
        c.rect(dx, 110, dx + 110, 420, (190, 200, 206))
        c.rect(dx + 90, 250, dx + 100, 280, (120, 120, 120))
        cx = rng.uniform(40, 440)
        c.rect(cx - 20, 50, cx + 20, 60, (200, 50, 50))
        c.rect(cx - 5, 35, cx + 5, 75, (200, 50, 50))
    elif role == "teacher" or sec == "Education":
        c.rect(0, 0, W, H, jitter(rng, (226, 222, 204), 8))
        c.rect(-10, 60, W + 10, 330, jitter(rng, (40, 70, 56), 6))
        c.rect(-10, 330, W + 10, 340, (150, 110, 70))
        words = rng.choice(["好好学习 天天向上", "a² + b² = c²", "第十二课", "春  晓", "欧姆定律 I = U / R"])
        c.text(rng.uniform(40, 200), rng.uniform(120, 220), words, 36, (230, 230, 220))
    elif role == "clerk" or sec == "Finance":
        c.rect(0, 0, W, H, jitter(rng, (206, 196, 176), 8))
        c.rect(0, 300, W, H, (150, 110, 76))
        for i in range(3):
            x0 = i * 170 + rng.uniform(-30, 20)
            c.rect(x0, 90, x0 + 140, 300, (230, 226, 214))
            for k in range(6):
                c.line([(x0 + k * 28, 90), (x0 + k * 28, 300)], (160, 140, 100), 3)
    elif role == "sweeper" or sec == "PublicService":
        c.rect(0, 0, W, H, jitter(rng, (196, 210, 222), 10))
        c.rect(0, 200, W, H, jitter(rng, (150, 150, 150), 8))
        for k in range(12):
            c.line([(0, 220 + k * 30), (W, 220 + k * 30)], (136, 136, 136), 3)
        c.rect(0, 190, W, 215, (70, 70, 76))
        tx = rng.uniform(0, W)
        c.ell(tx, 120, 150, 110, jitter(rng, (90, 130, 80), 10))
        if rng.random() < 0.6:
            gx = rng.uniform(260, 400)
            c.rect(gx, 280, gx + 120, H, (150, 40, 36))
    elif role == "scientist" or sec == "Science":
        c.rect(0, 0, W, H, jitter(rng, (220, 226, 228), 8))
        for j in range(3):
            y0 = 120 + j * 110
            c.rect(0, y0, W, y0 + 8, (160, 150, 130))
            x = rng.uniform(0, 30)
            while x < W:
                col = jitter(rng, rng.choice([(150, 190, 210), (200, 170, 110), (170, 200, 170), (230, 230, 230)]), 15)
                h = rng.uniform(40, 80)
                if rng.random() < 0.5:
                    c.rect(x, y0 - h, x + 22, y0, col)
                else:
                    c.ell(x + 18, y0 - 20, 18, 20, col)
                    c.rect(x + 12, y0 - h, x + 24, y0 - 30, col)
                x += rng.uniform(34, 60)
    elif role == "lineworker" or sec == "Energy":
        c.rect(0, 0, W, H, jitter(rng, (170, 200, 226), 10))
        px = rng.uniform(40, 440)
        for s in (-1, 1):
            c.line([(px, 20), (px + s * 90, 500)], (120, 126, 130), 8)
        for k in range(6):
            y = 80 + k * 70
            c.line([(px - 90 * (y - 20) / 480, y), (px + 90 * (y - 20) / 480, y)], (120, 126, 130), 5)
        c.rect(px - 120, 90, px + 120, 100, (120, 126, 130))
        for k in range(3):
            c.line([(0, 100 + k * 30 + rng.uniform(-10, 10)), (W, 130 + k * 30)], (80, 80, 84), 2)
        c.rect(0, 500, W, H, (130, 150, 110))
    else:  # communications and the rest
        if year < 1990:
            c.rect(0, 0, W, H, jitter(rng, (180, 180, 166), 8))
            for i in range(4):
                x0 = i * 125
                c.rect(x0 + 4, 60, x0 + 120, 480, (110, 90, 66))
                for r_ in range(8):
                    for k in range(6):
                        c.ell(x0 + 18 + k * 18, 90 + r_ * 40, 4, 4, (30, 30, 30))
        else:
            c.rect(0, 0, W, H, jitter(rng, (176, 204, 228), 10))
            c.rect(0, 420, W, H, (170, 170, 170))
            mx = rng.uniform(80, 400)
            c.rect(mx - 5, 60, mx + 5, 430, (150, 150, 156))
            for s in (-1, 1):
                c.rect(mx + s * 30 - 10, 90, mx + s * 30 + 10, 190, (236, 236, 236))


EYE_DARK = (34, 28, 26)


def draw_face(c, rng, person, sp, age, year, role):
    """The head: ears, hair, face, features, wrinkles, glasses, hat."""
    W, H = c.w, c.h
    cx = W / 2 + rng.uniform(-12, 12)
    cy = H * rng.uniform(0.43, 0.47)
    female = person.female
    a = rng.uniform(70, 82) * (0.95 if female else 1.0)
    b = a * rng.uniform(1.2, 1.36)
    n_low = rng.uniform(2.0, 3.3) if not female else rng.uniform(1.8, 2.5)
    taper = rng.uniform(0.0, 0.28)
    skin = sp["skin"]
    dark = shade(skin, 0.82)
    o = sp["o"]
    hair = sp["hair"]
    st = sp["style"]
    # neck
    nw = a * (0.55 if female else 0.66)
    c.rect(cx - nw, cy + b * 0.5, cx + nw, cy + b * 1.6, dark)
    # hair behind the head
    if st in ("bob", "braids", "long", "perm", "bun", "ponytail"):
        if st == "long":
            c.poly([(cx - a * 1.2, cy - b * 0.3), (cx + a * 1.2, cy - b * 0.3), (cx + a * 1.45, cy + b * 1.65),
                    (cx - a * 1.45, cy + b * 1.65)], hair)
        elif st == "bob":
            ln = rng.uniform(0.45, 0.85)
            c.ell(cx, cy - b * 0.1, a * 1.2, b * (0.95 + ln * 0.2), hair)
            c.rect(cx - a * 1.2, cy - b * 0.1, cx + a * 1.2, cy + b * ln, hair)
        elif st == "perm":
            for k in range(16):
                t = math.pi * 0.85 + k * math.pi * 1.3 / 15
                c.ell(cx + math.cos(t) * a * 1.08, cy - b * 0.05 + math.sin(t) * b * 0.95, a * 0.34, a * 0.34, hair)
            for s in (-1, 1):
                c.ell(cx + s * a * 1.05, cy + b * 0.1, a * 0.32, b * 0.42, hair)
        elif st == "braids":
            for s in (-1, 1):
                bx = cx + s * a * 1.0
                for k in range(7):
                    c.ell(bx + s * k * 3, cy + b * 0.3 + k * 26, 17, 18, hair)
                c.rect(bx + s * 18 - 9, cy + b * 0.3 + 7 * 26 - 8, bx + s * 18 + 9, cy + b * 0.3 + 7 * 26, (200, 60, 60))
        elif st in ("bun", "ponytail"):
            if st == "ponytail":
                side = rng.choice((-1, 1))
                c.ell(cx + side * a * 1.05, cy + b * 0.15, a * 0.28, b * 0.55, hair)
            else:
                c.ell(cx, cy - b * 1.05, a * 0.42, a * 0.36, hair)
    # shoulders and clothes, over the neck and the hair that falls behind
    draw_bust(c, rng, person, sp, cx, cy, a, b, year, role)
    # ears
    ear_r = a * rng.uniform(0.17, 0.24)
    ear_y = cy + b * rng.uniform(0.0, 0.1)
    for s in (-1, 1):
        c.ell(cx + s * a * 0.98, ear_y, ear_r, ear_r * 1.55, skin)
        c.ell(cx + s * a * 1.0, ear_y, ear_r * 0.5, ear_r * 0.95, dark)
    # face
    c.poly(face_outline(cx, cy, a, b, n_low, taper), skin)
    # shadow side of the face
    if rng.random() < 0.7:
        side = rng.choice((-1, 1))
        pts = [p for p in face_outline(cx, cy, a, b, n_low, taper) if (p[0] - cx) * side > a * 0.55]
        if len(pts) > 3:
            c.poly(pts, shade(skin, 0.93))
    # eyes
    ey = cy + b * rng.uniform(-0.02, 0.08)
    esp = a * rng.uniform(0.36, 0.46)
    ew = a * rng.uniform(0.2, 0.28)
    eh = ew * rng.uniform(0.32, 0.5)
    kind = rng.choice(["almond", "almond", "narrow", "round"])
    tilt = rng.uniform(-0.06, 0.12)
    iris = rng.choice([(40, 28, 22), (56, 36, 26), (30, 24, 22)])
    for s in (-1, 1):
        ex = cx + s * esp
        if kind == "narrow":
            c.line([(ex - ew, ey + eh * 0.1 + s * -tilt * ew), (ex, ey - eh * 0.5), (ex + ew, ey - s * tilt * ew)], EYE_DARK, 3)
            c.ell(ex + rng.uniform(-1, 1), ey - eh * 0.05, eh * 0.55, eh * 0.55, iris)
        else:
            hh = eh * (1.3 if kind == "round" else 1.0)
            pts = []
            for k in range(24):
                t = 2 * math.pi * k / 24
                px = ex + ew * math.cos(t)
                py = ey + hh * math.sin(t) * (0.9 if math.sin(t) < 0 else 0.7) - s * tilt * ew * math.cos(t)
                pts.append((px, py))
            c.poly(pts, (246, 244, 238))
            c.ell(ex, ey - hh * 0.05, hh * 0.78, hh * 0.85, iris)
            c.ell(ex, ey - hh * 0.05, hh * 0.35, hh * 0.38, (12, 10, 10))
            c.ell(ex + hh * 0.25, ey - hh * 0.3, hh * 0.16, hh * 0.16, (250, 250, 250))
            upper = [pts[k] for k in range(12, 24)] + [pts[0]]
            c.line(upper, EYE_DARK, 3.2 if female else 2.6)
            if rng.random() < 0.5:
                c.line([(px, py - hh * 0.45) for px, py in upper[2:-2]], shade(skin, 0.72), 1.2)
        if age >= 45:
            c.arc(ex, ey + eh * 1.1, ew * 0.8, eh * 0.6, 20, 160, shade(skin, 0.8), 1.2)
        if age >= 55:
            for k in range(2):
                c.line([(ex + s * ew * 1.15, ey - 2 + k * 6), (ex + s * ew * 1.55, ey - 6 + k * 9)], shade(skin, 0.78), 1.2)
    # brows
    by = ey - b * rng.uniform(0.2, 0.28)
    bt = rng.uniform(4, 8) if not female else rng.uniform(2.8, 4.5)
    arch = rng.uniform(0.0, 6)
    bang = rng.uniform(-4, 6)
    browc = mix(hair, (20, 18, 18), 0.3) if age < 55 else mix(hair, (90, 86, 82), 0.3)
    bl = ew * rng.uniform(1.1, 1.35)
    for s in (-1, 1):
        bx = cx + s * esp
        p0 = (bx - s * bl * 0.9, by + bang * 0.4)
        p1 = (bx, by - arch)
        p2 = (bx + s * bl * 1.05, by - bang + 2)
        c.poly([(p0[0], p0[1] - bt * 0.5), (p1[0], p1[1] - bt * 0.6), (p2[0], p2[1] - bt * 0.2),
                (p2[0], p2[1] + bt * 0.2), (p1[0], p1[1] + bt * 0.45), (p0[0], p0[1] + bt * 0.6)], browc)
    # nose
    ny = cy + b * rng.uniform(0.36, 0.46)
    nw2 = a * rng.uniform(0.17, 0.27)
    nk = rng.choice(["line", "wide", "shadow"])
    ns = rng.choice((-1, 1))
    nc = shade(skin, 0.72)
    if nk == "line":
        c.line([(cx + ns * a * 0.08, ey + b * 0.08), (cx + ns * a * 0.12, ny - 4), (cx, ny + 3)], nc, 2.2)
    elif nk == "shadow":
        c.poly([(cx + ns * a * 0.04, ey + b * 0.05), (cx + ns * nw2 * 0.9, ny), (cx, ny + 4)], shade(skin, 0.88))
    c.arc(cx, ny, nw2, nw2 * 0.5, 10, 170, nc, 2.2)
    for s in (-1, 1):
        c.ell(cx + s * nw2 * 0.45, ny + 1, 3.2, 2.2, shade(skin, 0.6))
    # mouth
    my = cy + b * rng.uniform(0.64, 0.72)
    mw = a * rng.uniform(0.3, 0.42)
    lip = mix(skin, (176, 70, 70), rng.uniform(0.35, 0.6) if female else rng.uniform(0.15, 0.35))
    smile = rng.uniform(-1, 5)
    c.poly([(cx - mw, my), (cx - mw * 0.3, my - 5), (cx, my - 3), (cx + mw * 0.3, my - 5), (cx + mw, my),
            (cx, my + 1 + smile * 0.3)], shade(lip, 0.9))
    c.poly([(cx - mw * 0.9, my + 1), (cx + mw * 0.9, my + 1), (cx + mw * 0.4, my + 9 + smile * 0.4),
            (cx - mw * 0.4, my + 9 + smile * 0.4)], lip)
    c.line([(cx - mw, my - smile * 0.3), (cx, my + smile * 0.4), (cx + mw, my - smile * 0.3)], shade(lip, 0.6), 2)
    # lines of age
    wc = shade(skin, 0.8)
    if age >= 42:
        for s in (-1, 1):
            c.line([(cx + s * nw2 * 1.3, ny - 8), (cx + s * (mw + 8), my + 6)], wc, 1.3 if age < 55 else 2.2)
    if age >= 48:
        for k in range(1 if age < 55 else 3):
            fy = by - b * 0.16 - k * 11
            c.arc(cx, fy + 30, a * 0.55, 30, 240, 300, wc, 1.5)
    if age >= 62:
        for s in (-1, 1):
            c.line([(cx + s * a * 0.6, my + 20), (cx + s * a * 0.45, my + 40)], wc, 1.6)
    if female and rng.random() < 0.7:
        for s in (-1, 1):
            c.ell(cx + s * esp * 1.1, ny + 6, a * 0.16, a * 0.09, mix(skin, (230, 120, 120), 0.18))
    # hair in front
    draw_front_hair(c, rng, sp, cx, cy, a, b, female, st, hair)
    # glasses
    if sp["glasses"]:
        frame = rng.choice([(30, 28, 28), (90, 60, 40), (150, 140, 120)] if year >= 1980 else [(30, 28, 28), (110, 90, 60)])
        gw, gh = min(ew * 1.55, esp * 0.8), eh * 2.6 if kind != "narrow" else ew * 0.9
        gh = max(gh, ew * 0.9)
        round_ = year < 1970 or rng.random() < 0.3
        for s in (-1, 1):
            ex = cx + s * esp
            if round_:
                c.ell(ex, ey, gw * 0.85, gw * 0.85, None, frame, 2.6)
            else:
                c.rect(ex - gw, ey - gh * 0.55, ex + gw, ey + gh * 0.6, None, frame, 3, r=8)
            c.line([(ex + s * gw * (0.85 if round_ else 1), ey - 2), (cx + s * a * 0.98, ey - 6)], frame, 2.4)
        c.arc(cx, ey, esp - gw * (0.85 if round_ else 1), 6, 190, 350, frame, 2.4)
    if o["hat"]:
        draw_hat_big(c, rng, o, cx, cy, a, b)
    if o["headset"]:
        c.arc(cx, cy - b * 0.1, a * 1.12, b * 1.0, 180, 360, (40, 40, 40), 6)
        c.ell(cx - a * 1.05, cy + b * 0.05, a * 0.2, b * 0.2, (40, 40, 40))
        c.line([(cx - a * 1.0, cy + b * 0.15), (cx - a * 0.4, cy + b * 0.7)], (40, 40, 40), 4)
    return cx, cy, a, b


def draw_front_hair(c, rng, sp, cx, cy, a, b, female, st, hair):
    hl = cy - b * rng.uniform(0.42, 0.55)  # hairline
    if st == "bald":
        c.poly([(cx - a * 1.02, cy - b * 0.05), (cx - a * 0.95, cy - b * 0.5), (cx - a * 0.8, cy - b * 0.45),
                (cx - a * 0.86, cy + b * 0.02)], hair)
        c.poly([(cx + a * 1.02, cy - b * 0.05), (cx + a * 0.95, cy - b * 0.5), (cx + a * 0.8, cy - b * 0.45),
                (cx + a * 0.86, cy + b * 0.02)], hair)
        for k in range(5):
            c.arc(cx, cy - b * 0.55, a * (0.5 + k * 0.06), b * 0.35, 200, 340, shade(hair, 1.05), 1.2)
        return
    volume = rng.uniform(0.08, 0.2) * b
    top = cy - b * 0.93 - volume
    # the cap of hair
    pts = []
    for k in range(41):
        t = math.pi + math.pi * k / 40
        pts.append((cx + math.cos(t) * a * 1.06, cy - b * 0.2 + math.sin(t) * (cy - b * 0.2 - top)))
    if st == "fringe" or (female and st in ("bob", "braids") and rng.random() < 0.6):
        fringe = hl + b * rng.uniform(0.1, 0.22)
        pts += [(cx + a * 1.02, cy - b * 0.1), (cx + a * 0.8, fringe - 6)]
        for k in range(7):
            x = cx + a * 0.8 - k * a * 1.6 / 6
            pts.append((x, fringe + (6 if k % 2 else -2)))
        pts += [(cx - a * 0.8, fringe), (cx - a * 1.02, cy - b * 0.1)]
    else:
        part = rng.uniform(-0.45, 0.45) * a
        sideburn = b * (0.05 if female else rng.uniform(0.0, 0.15))
        pts += [(cx + a * 1.02, cy + sideburn), (cx + a * 0.9, cy + sideburn), (cx + a * 0.86, hl + b * 0.12),
                (cx + a * 0.5, hl), (cx + part, hl - b * 0.04), (cx - a * 0.5, hl + (b * 0.03 if st == "side" else 0)),
                (cx - a * 0.86, hl + b * 0.12), (cx - a * 0.9, cy + sideburn), (cx - a * 1.02, cy + sideburn)]
        if st == "side":
            c.poly(pts, hair)
            c.poly([(cx + part, hl - b * 0.04), (cx + part + a * 0.9, hl + b * 0.02), (cx + part + a * 0.6, top + 10)],
                   shade(hair, 1.1))
            return
    c.poly(pts, hair)
    if female and st in ("bob", "short") and rng.random() < 0.5:
        side = rng.choice((-1, 1))
        c.rect(cx + side * a * 0.55 - 12, hl + 4, cx + side * a * 0.55 + 12, hl + 10, rng.choice([(200, 60, 60), (40, 40, 40), (220, 200, 120)]))
    if st == "perm":
        for k in range(9):
            t = math.pi + math.pi * (k + 0.5) / 9
            c.ell(cx + math.cos(t) * a * 0.95, cy - b * 0.25 + math.sin(t) * b * 0.72, a * 0.22, a * 0.22, shade(hair, 1.08))
    # a few strands for texture
    for k in range(4):
        x0 = cx + rng.uniform(-0.6, 0.6) * a
        c.arc(x0, top + b * 0.35, a * 0.35, b * 0.3, 200, 320, shade(hair, 1.18), 1.4)


def draw_hat_big(c, rng, o, cx, cy, a, b):
    col = o["hat_col"] or (60, 70, 90)
    hat = o["hat"]
    if hat == "helmet":
        base = cy - b * 0.4
        dome = [(cx + math.cos(t) * a * 1.2, base + math.sin(t) * b * 0.78)
                for t in [math.pi + math.pi * k / 40 for k in range(41)]]
        c.poly(dome, col)
        c.poly([(cx - a * 0.14, base - b * 0.76), (cx + a * 0.14, base - b * 0.76), (cx + a * 0.2, base),
                (cx - a * 0.2, base)], shade(col, 1.12))
        c.rect(cx - a * 1.34, base - 4, cx + a * 1.34, base + b * 0.1, shade(col, 0.86), r=5)
        c.line([(cx - a * 0.98, base + b * 0.1), (cx - a * 0.98, cy + b * 0.55)], (40, 40, 40), 2)
        c.line([(cx + a * 0.98, base + b * 0.1), (cx + a * 0.98, cy + b * 0.55)], (40, 40, 40), 2)
    elif hat in ("softcap", "workcap"):
        c.ell(cx, cy - b * 0.68, a * 1.15, b * 0.5, col)
        c.rect(cx - a * 1.08, cy - b * 0.68, cx + a * 1.08, cy - b * 0.45, col)
        c.line([(cx - a * 1.0, cy - b * 0.55), (cx + a * 1.0, cy - b * 0.55)], shade(col, 0.8), 2)
        if hat == "softcap":
            c.poly([(cx - a * 0.85, cy - b * 0.46), (cx + a * 0.85, cy - b * 0.46), (cx + a * 0.7, cy - b * 0.34),
                    (cx - a * 0.7, cy - b * 0.34)], shade(col, 0.7))
    elif hat == "peaked":
        c.ell(cx, cy - b * 0.85, a * 1.3, b * 0.3, col)
        c.rect(cx - a * 1.05, cy - b * 0.85, cx + a * 1.05, cy - b * 0.5, col)
        c.rect(cx - a * 1.06, cy - b * 0.6, cx + a * 1.06, cy - b * 0.5, (30, 30, 34))
        c.poly([(cx - a * 0.95, cy - b * 0.5), (cx + a * 0.95, cy - b * 0.5), (cx + a * 0.7, cy - b * 0.36),
                (cx - a * 0.7, cy - b * 0.36)], (24, 24, 28))
        c.ell(cx, cy - b * 0.72, a * 0.16, a * 0.16, (220, 180, 60))
    elif hat == "nurse":
        c.poly([(cx - a * 0.75, cy - b * 0.72), (cx + a * 0.75, cy - b * 0.72), (cx + a * 0.62, cy - b * 1.05),
                (cx - a * 0.62, cy - b * 1.05)], (252, 252, 252))
        c.line([(cx - a * 0.7, cy - b * 0.8), (cx + a * 0.7, cy - b * 0.8)], (120, 170, 210), 3)


def draw_bust(c, rng, person, sp, cx, cy, a, b, year, role):
    """Shoulders and clothes, down to the bottom of the picture."""
    H = c.h
    o = sp["o"]
    sy = cy + b * 1.35
    sw = a * (2.15 if not person.female else 1.95)
    topc = o["top"]
    body = [(cx - sw, H + 5), (cx - sw, sy + 70), (cx - sw * 0.82, sy + 18), (cx - a * 0.6, sy - 6),
            (cx + a * 0.6, sy - 6), (cx + sw * 0.82, sy + 18), (cx + sw, sy + 70), (cx + sw, H + 5)]
    c.poly(body, topc)
    edge = shade(topc, 0.8)
    # the arms' seams
    for s in (-1, 1):
        c.line([(cx + s * sw * 0.72, sy + 30), (cx + s * sw * 0.76, H)], edge, 2)
    kind, collar = o["kind"], o["collar"]
    skin = sp["skin"]
    if o["vest"] and kind != "coat":
        inner = [(cx - sw * 0.68, H), (cx - sw * 0.6, sy + 20), (cx - a * 0.7, sy - 2), (cx - a * 0.1, sy + 120), (cx, H)]
        c.poly(inner, o["vest"])
        c.poly([(2 * cx - x, y) for x, y in inner], o["vest"])
        if o["vest"][0] > 200 and o["vest"][1] < 180:
            for yy in (sy + 120, sy + 165):
                c.rect(cx - sw * 0.66, yy, cx - 8, yy + 12, (228, 228, 222))
                c.rect(cx + 8, yy, cx + sw * 0.66, yy + 12, (228, 228, 222))
    if collar == "stand":
        c.rect(cx - a * 0.62, sy - 16, cx + a * 0.62, sy + 10, shade(topc, 0.92), r=6)
        c.line([(cx, sy + 10), (cx, H)], edge, 2)
        if kind == "gown" or kind == "qipao":
            c.line([(cx - a * 0.2, sy + 8), (cx + sw * 0.5, sy + 70), (cx + sw * 0.55, H)], edge, 3)
            for k in range(3):
                c.line([(cx + a * 0.1 + k * 38, sy + 16 + k * 19), (cx + a * 0.1 + k * 38 + 16, sy + 24 + k * 19)], shade(topc, 1.3), 3)
        else:
            for k in range(4):
                c.ell(cx, sy + 30 + k * 42, 5, 5, shade(topc, 0.6))
    elif kind in ("coat", "blazer") or collar == "lapel":
        vd = sy + rng.uniform(95, 140)
        c.poly([(cx - a * 0.62, sy - 4), (cx + a * 0.62, sy - 4), (cx, vd)], o["shirt"])
        if o["tie"]:
            c.poly([(cx - 9, sy + 4), (cx + 9, sy + 4), (cx + 14, vd + 30), (cx, vd + 44), (cx - 14, vd + 30)], o["tie"])
            c.poly([(cx - 12, sy - 4), (cx + 12, sy - 4), (cx + 8, sy + 10), (cx - 8, sy + 10)], shade(o["tie"], 0.85))
        elif o["scarf"]:
            c.poly([(cx - 30, sy - 2), (cx + 30, sy - 2), (cx + 10, sy + 40), (cx - 34, sy + 70), (cx - 10, sy + 30)], o["scarf"])
        else:
            c.poly([(cx - a * 0.5, sy - 6), (cx - 4, sy + 24), (cx - a * 0.62, sy + 22)], shade(o["shirt"], 0.95))
            c.poly([(cx + a * 0.5, sy - 6), (cx + 4, sy + 24), (cx + a * 0.62, sy + 22)], shade(o["shirt"], 0.95))
        lap = shade(topc, 0.9)
        for s in (-1, 1):
            c.poly([(cx + s * a * 0.62, sy - 6), (cx + s * a * 0.95, sy + 40), (cx + s * a * 0.55, sy + 60),
                    (cx + s * 4, vd)], lap)
        c.line([(cx, vd), (cx, H)], edge, 2)
        if kind in ("blazer", "jacket") and rng.random() < 0.6:
            c.ell(cx - 6, vd + 40, 5, 5, shade(topc, 0.6))
    else:  # shirt collar
        c.poly([(cx - a * 0.62, sy - 8), (cx - 2, sy + 26), (cx - a * 0.85, sy + 30)], shade(topc, 1.12))
        c.poly([(cx + a * 0.62, sy - 8), (cx + 2, sy + 26), (cx + a * 0.85, sy + 30)], shade(topc, 1.12))
        c.poly([(cx - a * 0.45, sy - 6), (cx + a * 0.45, sy - 6), (cx, sy + 24)], shade(skin, 0.85))
        c.line([(cx, sy + 26), (cx, H)], edge, 2)
        if o["buttons"]:
            for k in range(3):
                c.ell(cx + 6, sy + 60 + k * 48, 4.5, 4.5, shade(topc, 0.6))
    if o["pockets"] and kind in ("jacket", "zhongshan", "coat", "shirt") and not o["vest"]:
        for s in (-1, 1):
            px = cx + s * sw * 0.42
            py = sy + rng.uniform(85, 105)
            c.rect(px - 30, py, px + 30, py + 52, None, edge, 2)
            c.poly([(px - 32, py - 2), (px + 32, py - 2), (px + 32, py + 14), (px - 32, py + 14)], shade(topc, 0.95))
            c.line([(px - 32, py + 14), (px + 32, py + 14)], edge, 2)
    if kind == "coat" and not o["stetho"] and rng.random() < 0.6:
        px = cx + sw * 0.42
        c.rect(px - 12, sy + 70, px - 7, sy + 110, (40, 80, 160))
        c.rect(px - 3, sy + 74, px + 2, sy + 110, (200, 40, 40))
    if o["stetho"]:
        sc = (40, 40, 46)
        c.line([(cx - a * 0.6, sy - 2), (cx - a * 0.85, sy + 70), (cx - a * 0.4, sy + 150)], sc, 5)
        c.line([(cx + a * 0.6, sy - 2), (cx + a * 0.8, sy + 60)], sc, 5)
        c.ell(cx - a * 0.4, sy + 158, 13, 13, (170, 170, 176), sc, 3)
    if o["apron"] and kind != "coat":
        c.poly([(cx - a * 0.85, sy + 80), (cx + a * 0.85, sy + 80), (cx + a * 1.1, H), (cx - a * 1.1, H)], o["apron"])
        for s in (-1, 1):
            c.line([(cx + s * a * 0.8, sy + 82), (cx + s * a * 0.5, sy - 2)], o["apron"], 8)
    if o["bag"]:
        c.line([(cx - sw * 0.7, sy + 10), (cx + sw * 0.55, H)], (86, 58, 40), 14)
    if o["belt"]:
        c.line([(cx - sw * 0.6, sy + 20), (cx - sw * 0.55, H)], (150, 110, 50), 10)
        c.line([(cx + sw * 0.6, sy + 20), (cx + sw * 0.55, H)], (150, 110, 50), 10)
    if o["badge"]:
        bx = cx - sw * 0.45
        c.rect(bx - 28, sy + 74, bx + 28, sy + 92, (240, 236, 226) if topc[0] < 150 else (190, 160, 60), r=3)
    if o["sleeves"]:
        for s in (-1, 1):
            c.poly([(cx + s * sw, H), (cx + s * sw, H - 50), (cx + s * sw * 0.8, H - 50), (cx + s * sw * 0.8, H)], o["sleeves"])
    mk = medal_kind(person)
    if mk:
        draw_medal(c, cx + sw * 0.45, sy + rng.uniform(150, 170), 22, mk, rng)


def draw_portrait(person, rng):
    year = person.first
    age = max(18, year - person.born)
    role = person.role()
    W, H = 480, 600
    bg = Canvas(W, H, (200, 200, 200))
    portrait_background(bg, rng, person, role, year)
    back = bg.final().filter(ImageFilter.GaussianBlur(rng.uniform(3.5, 6)))
    back = Image.blend(back, Image.new("RGB", back.size, (236, 232, 224)), rng.uniform(0.15, 0.3))
    c = Canvas(W, H)
    c.im = back.resize((W * SS, H * SS))
    c.d = ImageDraw.Draw(c.im)
    sp = make_spec(rng, person.female, age, year, role)
    if role in ("teacher", "scientist") or person.sector in ("Science",):
        sp["glasses"] = rng.random() < (0.45 if age < 45 else 0.65)
    if role == "builder" or person.sector == "Construction":
        sp["o"]["hat"] = "helmet"
        if not sp["o"]["hat_col"]:
            sp["o"]["hat_col"] = (238, 190, 30)
    if sp["o"]["hat"] in ("softcap", "peaked") and rng.random() < 0.35:
        sp["o"]["hat"] = None
    if role in ("performer",) and sp["o"]["kind"] == "gown":
        sp["style"] = rng.choice(["side", "back", "short"]) if sp["style"] != "bald" else "bald"
    draw_face(c, rng, person, sp, age, year, role)
    img = c.final()
    return tone(img, year, rng, border=True)


# ---------------------------------------------------------------- photos


class Ctx:
    def __init__(self, c, rng, person, year, caption):
        self.c, self.rng, self.person, self.year, self.caption = c, rng, person, year, caption
        self.era = era_of(year)
        self.age = max(17, year - person.born)
        self.role = person.role()
        self.main = make_spec(rng, person.female, self.age, year, self.role)
        if self.role in ("teacher", "scientist") and rng.random() < 0.4:
            self.main["glasses"] = True
        m = re.search(r"（([左右中])(下|上)?）", caption) or re.search(r"\(([左右中])", caption)
        self.side = {"左": -1, "右": 1, "中": 0}.get(m.group(1)) if m else None

    def has(self, *words):
        return any(w in self.caption for w in words)

    def other(self, role=None, civilian=False, female=None, age=None):
        rng = self.rng
        f = rng.random() < 0.5 if female is None else female
        a = age if age is not None else rng.randint(20, 60)
        return make_spec(rng, f, a, self.year, role, civilian=civilian)

    def colleague(self):
        return self.other(self.role, female=None)

    def main_x(self, default_choices):
        W = self.c.w
        if self.side == -1:
            return W * self.rng.uniform(0.2, 0.34)
        if self.side == 1:
            return W * self.rng.uniform(0.66, 0.8)
        if self.side == 0:
            return W * 0.5
        return W * self.rng.choice(default_choices) + self.rng.uniform(-30, 30)


def sky(c, rng, y1, era, top=None, bottom=None):
    top = top or jitter(rng, (150, 186, 220), 14)
    bottom = bottom or jitter(rng, (214, 226, 232), 10)
    steps = 24
    for k in range(steps):
        c.rect(0, y1 * k / steps, c.w, y1 * (k + 1) / steps + 1, mix(top, bottom, k / steps))
    for k in range(rng.randint(0, 3)):
        x, y = rng.uniform(0, c.w), rng.uniform(20, y1 * 0.5)
        for j in range(4):
            c.ell(x + j * 30, y + rng.uniform(-8, 8), rng.uniform(30, 50), rng.uniform(14, 22), (244, 246, 248))


def floor(c, rng, y0, col, lines=True):
    c.rect(0, y0, c.w, c.h, col)
    if lines:
        vx = c.w * rng.uniform(0.3, 0.7)
        for k in range(-8, 9):
            c.line([(vx + k * 30, y0), (vx + k * 180, c.h)], shade(col, 0.92), 1.5)


def tree(c, rng, x, ground, h):
    c.rect(x - 8, ground - h * 0.55, x + 8, ground, (90, 70, 56))
    green = jitter(rng, (90, 130, 80), 14)
    for k in range(rng.randint(5, 8)):
        c.ell(x + rng.uniform(-h * 0.3, h * 0.3), ground - h * rng.uniform(0.6, 0.95), h * rng.uniform(0.15, 0.25),
              h * rng.uniform(0.12, 0.18), jitter(rng, green, 16))


def banner(c, x, y, text, rng, red=(190, 36, 36)):
    size = 26
    w = c.tw(text, size, "sansb") + 60
    c.rect(x - w / 2, y, x + w / 2, y + 44, red)
    c.text(x, y + 22, text, size, (250, 236, 200), kind="sansb", anchor="mm")


def workshop_slogan(year, rng):
    if 1966 <= year <= 1976:
        return rng.choice(["抓革命  促生产", "安全生产"])
    if 1958 <= year < 1966:
        return rng.choice(["鼓足干劲  力争上游", "安全生产"])
    if year < 1958:
        return rng.choice(["安全生产", "提高质量  厉行节约"])
    if year < 2000:
        return rng.choice(["质量第一", "安全第一  预防为主", "安全生产"])
    return rng.choice(["安全第一  预防为主", "精益求精", "质量是企业的生命"])


def scene_workshop(x):
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(190, 196, 190), (200, 192, 176), (176, 190, 196)]), 10)
    c.rect(0, 0, W, H, wall)
    hz = H * rng.uniform(0.52, 0.62)
    nwin = rng.randint(3, 6)
    ww = W / nwin
    wy = rng.uniform(30, 70)
    for i in range(nwin):
        x0 = i * ww + ww * 0.12
        c.rect(x0, wy, x0 + ww * 0.76, wy + hz * 0.45, jitter(rng, (224, 232, 230), 6))
        for k in range(1, 4):
            c.line([(x0 + ww * 0.76 * k / 4, wy), (x0 + ww * 0.76 * k / 4, wy + hz * 0.45)], shade(wall, 0.7), 3)
        c.line([(x0, wy + hz * 0.22), (x0 + ww * 0.76, wy + hz * 0.22)], shade(wall, 0.7), 3)
    c.rect(0, 0, W, 18, shade(wall, 0.6))
    if rng.random() < 0.5:
        c.rect(0, wy + hz * 0.5, W, wy + hz * 0.5 + 14, (200, 170, 50))  # crane rail
    if x.has("大赛", "技能"):
        banner(c, W / 2, wy + hz * 0.5 + 24, "全市职工数控技能大赛" if x.has("数控") else "职工技能大赛", rng)
    elif rng.random() < 0.55:
        banner(c, rng.uniform(W * 0.3, W * 0.7), wy + hz * 0.5 + 24, workshop_slogan(x.year, rng), rng)
    floor(c, rng, hz, jitter(rng, (140, 140, 130), 10))
    cnc = x.has("数控", "加工中心") or (x.year >= 2000 and not x.has("车床"))
    robot = x.has("机器人")
    weld = x.has("焊")
    mx = x.main_x([0.3, 0.62])
    # machines in the back
    for k in range(rng.randint(1, 3)):
        bx = rng.uniform(0, W)
        by = hz + rng.uniform(5, 30)
        mc = jitter(rng, (100, 130, 120) if not cnc else (200, 204, 200), 10)
        c.rect(bx, by - 70, bx + 150, by, mc)
        c.rect(bx + 10, by - 90, bx + 60, by - 70, shade(mc, 0.9))
    ground = H - rng.uniform(40, 80)
    mc = jitter(rng, rng.choice([(90, 120, 110), (70, 100, 120), (120, 126, 110)]), 10)
    side = 1 if mx < W / 2 else -1
    mach_x = mx + side * rng.uniform(150, 210)
    if not (x.has("数控", "加工中心", "机器人", "焊") or x.year >= 2000 and not x.has("车床")):
        mach_x = mx + side * rng.uniform(230, 260)
    if robot or weld:
        # a welding robot at a fixture, sparks
        fx = mach_x
        c.rect(fx - 140, ground - 130, fx + 140, ground - 100, (90, 90, 96))
        c.rect(fx - 120, ground - 100, fx - 100, ground, (70, 70, 76))
        c.rect(fx + 100, ground - 100, fx + 120, ground, (70, 70, 76))
        c.rect(fx - 110, ground - 170, fx + 60, ground - 130, (150, 156, 160))
        if robot:
            rb = (236, 140, 30)
            c.rect(fx + 120, ground - 60, fx + 190, ground, shade(rb, 0.8))
            c.limb([(fx + 155, ground - 60), (fx + 170, ground - 250), (fx + 40, ground - 200)], rb, 34)
        sx, sy = fx - 20 if robot else fx - 60, ground - 175
        for k in range(24):
            a = rng.uniform(0, 2 * math.pi)
            r = rng.uniform(10, 60)
            c.line([(sx, sy), (sx + math.cos(a) * r, sy + math.sin(a) * r)], (255, 230, 140), 2)
        c.ell(sx, sy, 10, 10, (255, 250, 220))
        pose, target = "reach", (fx - 60 * side, ground - 180)
    elif cnc:
        mw = rng.uniform(280, 340)
        x0 = mach_x - mw / 2
        body = jitter(rng, rng.choice([(214, 218, 216), (200, 206, 210), (222, 222, 214)]), 6)
        c.rect(x0, ground - 300, x0 + mw, ground, body, r=8)
        c.rect(x0, ground - 300, x0 + mw, ground - 270, shade(body, 0.8))
        c.rect(x0 + 30, ground - 250, x0 + mw * 0.62, ground - 110, (70, 90, 100))
        c.rect(x0 + 40, ground - 240, x0 + mw * 0.62 - 10, ground - 120, (120, 150, 160))
        c.rect(x0 + mw * 0.3, ground - 235, x0 + mw * 0.36, ground - 160, (180, 180, 180))
        c.rect(x0 + mw * 0.66, ground - 250, x0 + mw - 20, ground - 150, (40, 44, 50))
        c.rect(x0 + mw * 0.68, ground - 240, x0 + mw - 30, ground - 200, (60, 140, 120))
        for i in range(3):
            for j in range(3):
                c.rect(x0 + mw * 0.68 + i * 18, ground - 190 + j * 12, x0 + mw * 0.68 + i * 18 + 12, ground - 182 + j * 12, (200, 200, 200))
        c.rect(x0 + 20, ground - 80, x0 + mw - 20, ground - 40, shade(body, 0.85))
        target = (x0 + (mw * 0.72 if side < 0 else mw * 0.7), ground - 200)
        if side < 0:
            target = (x0 + mw * 0.7, ground - 210)
        pose = "reach"
    else:
        # a lathe: bed, headstock, chuck, carriage, tailstock
        lw = rng.uniform(360, 440)
        x0 = mach_x - lw / 2
        by = ground - rng.uniform(150, 175)
        c.rect(x0, by, x0 + lw, by + 34, mc)
        c.rect(x0 + 10, by + 34, x0 + 70, ground, shade(mc, 0.85))
        c.rect(x0 + lw - 70, by + 34, x0 + lw - 10, ground, shade(mc, 0.85))
        head_left = side < 0  # the headstock at the far end, the chuck towards the turner
        hx0 = x0 if head_left else x0 + lw - 110
        c.rect(hx0, by - 110, hx0 + 110, by, shade(mc, 1.08))
        chx = hx0 + 110 if head_left else hx0
        c.ell(chx + (14 if head_left else -14), by - 50, 16, 46, (150, 150, 150))
        wlen = rng.uniform(90, 170)
        wx0 = chx + (28 if head_left else -28)
        c.rect(min(wx0, wx0 + (wlen if head_left else -wlen)), by - 58, max(wx0, wx0 + (wlen if head_left else -wlen)), by - 42, (200, 200, 196))
        tx0 = x0 + lw - 60 if head_left else x0 - 10
        c.rect(tx0, by - 66, tx0 + 70, by, shade(mc, 0.95))
        c.rect(tx0 - 10 if head_left else tx0 + 70, by - 54, tx0 if head_left else tx0 + 80, by - 46, (170, 170, 170))
        cx0 = x0 + 70 if side > 0 else x0 + lw - 70
        c.rect(cx0 - 40, by - 30, cx0 + 40, by, shade(mc, 1.15))
        c.rect(cx0 - 10, by - 52, cx0 + 10, by - 30, (60, 60, 60))
        c.ell(cx0, by + 10, 14, 14, None, (60, 60, 60), 3)
        if x.has("刀", "试切"):
            for k in range(6):
                c.arc(wx0 + (wlen if head_left else -wlen) * 0.9, by - 38 + k * 3, 8 + k * 2, 6 + k, 0, 180, (170, 150, 110), 1.5)
        target = (cx0, by - 5)
        pose = "reach"
    person_h = rng.uniform(320, 380)
    if x.has("徒弟", "同事", "工友", "示范", "和"):
        ox = mx - side * rng.uniform(110, 150)
        sp2 = x.other(x.role, age=rng.randint(18, 26) if x.has("徒弟", "示范") else None)
        draw_figure(c, ox, ground + rng.uniform(-10, 10), person_h * rng.uniform(0.9, 1.02), sp2, "hold" if rng.random() < 0.5 else "stand",
                    facing=side)
    draw_figure(c, mx, ground + 10, person_h, x.main, pose, facing=side, target=target)


def scene_counter(x):
    if x.rng.random() < 0.5:
        return scene_shop_floor(x)
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(214, 200, 176), (206, 206, 196), (222, 212, 190)]), 8)
    c.rect(0, 0, W, H, wall)
    cloth = x.has("布", "量布")
    wool = x.has("毛线", "针织")
    sy0 = rng.uniform(50, 90)
    rows = rng.randint(3, 4)
    for j in range(rows):
        y0 = sy0 + j * 95
        c.rect(0, y0 + 80, W, y0 + 90, (130, 96, 64))
        xx = rng.uniform(-30, 0)
        while xx < W:
            if cloth:
                w = rng.uniform(30, 44)
                col = jitter(rng, rng.choice([(60, 80, 140), (180, 50, 50), (90, 120, 90), (200, 180, 140), (120, 100, 140), (230, 230, 220)]), 20)
                c.rect(xx, y0 + 10, xx + w - 3, y0 + 80, col)
                c.line([(xx + w / 2, y0 + 10), (xx + w / 2, y0 + 80)], shade(col, 0.85), 2)
            elif wool:
                w = 32
                col = jitter(rng, rng.choice([(200, 60, 80), (240, 200, 90), (90, 140, 200), (150, 90, 160), (230, 230, 230)]), 20)
                c.ell(xx + 15, y0 + 64, 15, 14, col)
                c.ell(xx + 15, y0 + 38, 15, 14, shade(col, 0.95))
            else:
                w = rng.uniform(26, 60)
                col = jitter(rng, rng.choice([(200, 60, 60), (60, 100, 160), (220, 200, 120), (90, 140, 90), (236, 236, 226), (240, 150, 60)]), 22)
                h = rng.uniform(30, 70)
                if rng.random() < 0.3:
                    c.rect(xx + 4, y0 + 80 - h * 1.1, xx + w - 8, y0 + 80, col, r=8)
                else:
                    c.rect(xx, y0 + 80 - h, xx + w - 4, y0 + 80, col)
            xx += w
    label = "布匹" if cloth else "毛线针织" if wool else "服务台" if x.has("服务台") else \
        "小百货" if x.has("小百货") else "日用百货" if x.has("日用") else rng.choice(["百货", "日用百货", "小百货"])
    if x.era == "colour" and x.has("服务台"):
        label = "顾客服务台"
    sx = rng.uniform(W * 0.25, W * 0.75)
    c.rect(sx - 90, 10, sx + 90, 52, (170, 30, 36) if x.era != "colour" else (30, 70, 130))
    c.text(sx, 31, label, 26, (250, 240, 210), kind="sansb", anchor="mm")
    for k in range(rng.randint(2, 4)):
        lx = rng.uniform(0, W)
        c.line([(lx, 0), (lx, 8)], (80, 80, 80), 2)
        c.rect(lx - 40, 8, lx + 40, 16, (250, 250, 236))
    floor(c, rng, H * 0.72, jitter(rng, (170, 150, 120), 10))
    # the shop assistant behind the counter
    mx = x.main_x([0.3, 0.45, 0.62])
    facing = 1 if mx < W / 2 else -1
    ch = rng.uniform(480, 520)
    ctop = H * rng.uniform(0.6, 0.66)
    pose = "hand"
    info = draw_figure(c, mx, ctop + ch * 0.62, ch * 0.95, x.main, pose, facing=facing)
    # counter (glass in front)
    cx0 = -20
    c.rect(cx0, ctop, W + 20, H, jitter(rng, (150, 110, 70), 8))
    c.rect(cx0, ctop, W + 20, ctop + 14, (110, 80, 50))
    c.rect(cx0 + 30, ctop + 26, W - 10, H - 40, (196, 214, 214))
    for k in range(rng.randint(6, 12)):
        ix = rng.uniform(40, W - 60)
        iy = rng.uniform(ctop + 40, H - 70)
        c.rect(ix, iy, ix + rng.uniform(20, 50), iy + rng.uniform(14, 26),
               jitter(rng, rng.choice([(200, 80, 80), (220, 210, 160), (100, 130, 180), (240, 240, 240)]), 20))
    hand = info["hands"][1 if facing > 0 else 0]
    item = jitter(rng, rng.choice([(200, 60, 60), (60, 100, 160), (230, 210, 120), (236, 236, 226)]), 12)
    if cloth:
        c.rect(hand[0] - 70, hand[1] - 6, hand[0] + 60, hand[1] + 6, item)
        c.rect(hand[0] - 20, hand[1] - 20, hand[0] + 10, hand[1] - 8, (230, 200, 120))
    else:
        c.rect(hand[0] - 18, hand[1] - 30, hand[0] + 18, hand[1] + 4, item)
    # customers on the near side of the counter, at the edge of the picture
    n = rng.randint(1, 2)
    for k in range(n):
        px = mx + facing * (rng.uniform(230, 280) + k * 130)
        if px < 30 or px > W - 30:
            break
        sp = x.other(civilian=True)
        draw_figure(c, px, H + rng.uniform(60, 120), rng.uniform(470, 520), sp,
                    "reach" if k == 0 else "stand", facing=-facing,
                    target=(hand[0] + facing * 40, hand[1] + 10) if k == 0 else None)


def scene_shop_floor(x):
    """A wider view of the shop floor: counters down one side, pillars, signs,
    customers; the assistant serving at the nearest counter."""
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(214, 204, 186), (206, 210, 204), (224, 214, 196)]), 8)
    c.rect(0, 0, W, H, wall)
    vx, vy = W * rng.uniform(0.55, 0.7), H * rng.uniform(0.4, 0.46)
    left = rng.random() < 0.5
    if not left:
        vx = W - vx
    # ceiling, far wall, floor
    c.poly([(0, 0), (W, 0), (vx + 160, vy - 150), (vx - 160, vy - 150)], shade(wall, 1.1))
    c.rect(vx - 160, vy - 150, vx + 160, vy + 60, shade(wall, 0.92))
    c.poly([(0, H), (W, H), (vx + 160, vy + 60), (vx - 160, vy + 60)], jitter(rng, (170, 150, 120), 8))
    for k in range(1, 8):
        t = k / 8
        c.line([(vx - 160 + (0 - (vx - 160)) * t, vy + 60 + (H - vy - 60) * t),
                (vx + 160 + (W - vx - 160) * t, vy + 60 + (H - vy - 60) * t)], shade((170, 150, 120), 0.9), 1.5)
    for k in range(rng.randint(3, 5)):
        t = (k + 0.5) / 5
        ly = vy - 150 - (vy - 150) * t * 0.9
        lx = vx + (rng.uniform(-1, 1)) * 400 * t
        c.rect(lx - 50 * t - 10, ly, lx + 50 * t + 10, ly + 8 * t + 3, (250, 250, 236))
    # counters along one side, in perspective, with shelves behind
    side = -1 if left else 1
    edge = 0 if left else W
    far = vx + side * 160
    for k in range(3):
        t0, t1 = k / 3, (k + 0.85) / 3
        xa, xb = edge + (far - edge) * t0 ** 0.8, edge + (far - edge) * t1 ** 0.8
        ya, yb = H * 0.62 + (vy + 40 - H * 0.62) * t0 ** 0.8, H * 0.62 + (vy + 40 - H * 0.62) * t1 ** 0.8
        ha, hb = 150 * (1 - t0 * 0.75), 150 * (1 - t1 * 0.75)
        glass = jitter(rng, (196, 214, 214), 6)
        c.poly([(xa, ya), (xb, yb), (xb, yb + hb * 0.8), (xa, ya + ha * 0.8)], glass)
        c.poly([(xa, ya), (xb, yb), (xb, yb + 8), (xa, ya + 10)], (110, 80, 50))
        for j in range(4):
            ja = ya - ha * (0.8 + j * 0.6)
            jb = yb - hb * (0.8 + j * 0.6)
            c.line([(xa, ja), (xb, jb)], (130, 96, 64), 3)
            for g in range(5):
                gt = (g + 0.5) / 5
                gx = xa + (xb - xa) * gt
                gy = ja + (jb - ja) * gt
                gh = (ha + (hb - ha) * gt) * 0.45
                c.rect(gx - gh * 0.3, gy - gh, gx + gh * 0.3, gy,
                       jitter(rng, rng.choice([(200, 60, 60), (60, 100, 160), (220, 200, 120), (90, 140, 90), (236, 236, 226)]), 20))
    label = "布匹" if x.has("布") else "毛线针织" if x.has("毛线", "针织") else "服务台" if x.has("服务台") else \
        "小百货" if x.has("小百货") else "日用百货" if x.has("日用") else rng.choice(["百货", "日用百货", "小百货", "文具"])
    sx = edge + (far - edge) * 0.12
    c.line([(sx, 0), (sx, 40)], (80, 80, 80), 2)
    c.rect(sx - 70, 40, sx + 70, 80, (170, 30, 36) if x.era != "colour" else (30, 70, 130))
    c.text(sx, 60, label, 22, (250, 240, 210), kind="sansb", anchor="mm")
    if rng.random() < 0.6:
        px_ = vx - side * rng.uniform(120, 260)
        c.rect(px_ - 16, 0, px_ + 16, vy + 60 + rng.uniform(80, 200), jitter(rng, (200, 190, 170), 8))
    # far customers
    for k in range(rng.randint(2, 4)):
        t = rng.uniform(0.3, 0.8)
        fx = vx + rng.uniform(-150, 150) * t - side * 60
        draw_figure(c, fx, vy + 60 + (H - vy - 60) * (1 - t) * 0.5, 380 * (1 - t * 0.7), x.other(civilian=True), "stand",
                    facing=rng.choice((-1, 0, 1)))
    # the assistant behind the nearest counter, serving a customer
    ax = edge + (far - edge) * rng.uniform(0.2, 0.26)
    top_y = H * 0.64
    draw_figure(c, ax, top_y + 230, 430, x.main, "hand", facing=-side, sit=True)
    cx1 = edge + (far - edge) * 0.42
    cy1 = top_y + (vy + 40 - top_y) * 0.42
    counter = jitter(rng, (150, 110, 70), 8)
    low = cy1 + (H - top_y) * 0.62
    c.poly([(edge, top_y), (cx1, cy1), (cx1, low), (edge, H + 10)], jitter(rng, (150, 110, 70), 8))
    c.poly([(edge, top_y + 20), (cx1, cy1 + 12), (cx1, low - 40), (edge, H - 40)], jitter(rng, (196, 214, 214), 6))
    c.poly([(edge, top_y), (cx1, cy1), (cx1, cy1 + 12), (edge, top_y + 14)], shade(counter, 0.75))
    for k in range(rng.randint(3, 6)):
        t = rng.uniform(0.1, 0.9)
        gx, gy = edge + (cx1 - edge) * t, top_y + (cy1 - top_y) * t + 30
        c.rect(gx - 16, gy, gx + 16, gy + 20, jitter(rng, rng.choice([(200, 80, 80), (220, 210, 160), (100, 130, 180)]), 20))
    cx_ = ax - side * rng.uniform(230, 280)
    draw_figure(c, cx_, H - rng.uniform(0, 20), rng.uniform(420, 450), x.other(civilian=True), "reach", facing=side,
                target=(ax - side * 100, top_y + 10))


def bus_window_view(c, rng, x0, y0, x1, y1, era):
    sky_c = jitter(rng, (190, 210, 226), 10)
    c.rect(x0, y0, x1, y1, sky_c)
    xx = x0 + rng.uniform(-40, 0)
    while xx < x1:
        w = rng.uniform(40, 90)
        h = rng.uniform(0.3, 0.8) * (y1 - y0)
        col = jitter(rng, rng.choice([(170, 160, 150), (200, 190, 170), (150, 140, 140), (120, 130, 120)]), 12)
        c.rect(xx, y1 - h, min(xx + w, x1), y1, col)
        if rng.random() < 0.4:
            c.ell(min(xx + w / 2, x1 - 10), y1 - h * 0.4, 22, 26, jitter(rng, (100, 140, 90), 12))
        xx += w + rng.uniform(0, 20)


def scene_bus(x):
    if x.rng.random() < 0.5:
        return scene_bus_aisle(x)
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    old = x.year < 1980
    inner = jitter(rng, (176, 156, 120) if old and rng.random() < 0.5 else rng.choice([(200, 204, 200), (186, 196, 206), (214, 210, 200)]), 8)
    c.rect(0, 0, W, H, inner)
    wy0, wy1 = rng.uniform(80, 120), rng.uniform(300, 340)
    nw = rng.randint(3, 4)
    pitch = W / nw
    for i in range(nw):
        x0 = i * pitch + 12
        bus_window_view(c, rng, x0, wy0, x0 + pitch - 24, wy1, x.era)
        c.rect(x0, wy0, x0 + pitch - 24, wy1, None, shade(inner, 0.7), 6)
    c.rect(0, 0, W, 40, shade(inner, 0.9))
    rail_y = rng.uniform(48, 64)
    c.line([(0, rail_y), (W, rail_y)], (170, 170, 168), 7)
    for k in range(rng.randint(5, 8)):
        sx = rng.uniform(0, W)
        c.line([(sx, rail_y), (sx, rail_y + 50)], (90, 80, 60), 4)
        c.ell(sx, rail_y + 58, 10, 10, None, (90, 80, 60), 3)
    route = re.search(r"(\d{1,3})路", x.caption)
    if route:
        c.rect(W - 200, 6, W - 30, 36, (30, 30, 30))
        c.text(W - 115, 21, f"{route.group(1)}路", 22, (250, 170, 50), kind="sansb", anchor="mm")
    floor(c, rng, H * 0.8, jitter(rng, (110, 100, 90), 8), lines=False)
    ground = H - rng.uniform(20, 50)
    # seats with passengers
    seat_c = jitter(rng, (120, 80, 56) if old else rng.choice([(60, 90, 140), (160, 60, 50), (90, 90, 100)]), 8)
    mx = x.main_x([0.35, 0.6])
    facing = rng.choice((-1, 1))
    xs = [k * rng.uniform(150, 190) + rng.uniform(20, 80) for k in range(5)]
    for sxp in xs:
        if abs(sxp - mx) < 90 or sxp > W - 30:
            continue
        seat_y = ground - 110
        c.rect(sxp - 55, seat_y - 110, sxp + 55, seat_y - 10, seat_c, r=10)
        sp = x.other(civilian=True)
        draw_figure(c, sxp, seat_y + 110, 300, sp, "hold", facing=0, sit=True)
        c.rect(sxp - 60, seat_y, sxp + 60, seat_y + 30, shade(seat_c, 0.85), r=8)
        c.rect(sxp - 56, seat_y + 30, sxp - 46, ground, (70, 70, 70))
        c.rect(sxp + 46, seat_y + 30, sxp + 56, ground, (70, 70, 70))
    # a standing passenger taking the ticket
    px = mx + facing * rng.uniform(120, 160)
    psp = x.other(civilian=True)
    draw_figure(c, px, ground + 5, rng.uniform(360, 400), psp, "reach", facing=-facing, target=(mx + facing * 60, ground - 230))
    info = draw_figure(c, mx, ground + 10, rng.uniform(370, 410), x.main, "hand", facing=facing)
    hx, hy = info["hands"][1 if facing > 0 else 0]
    c.rect(hx - 6, hy - 16, hx + 10, hy + 2, (240, 230, 200))


def scene_bus_aisle(x):
    """Looking down the aisle of the bus, seats on both sides."""
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    old = x.year < 1980
    inner = jitter(rng, (176, 156, 120) if old and rng.random() < 0.5 else rng.choice([(200, 204, 200), (186, 196, 206), (214, 210, 200)]), 8)
    c.rect(0, 0, W, H, inner)
    vx, vy = W * rng.uniform(0.42, 0.58), H * rng.uniform(0.36, 0.44)
    # the far end: the driver's window
    c.rect(vx - 110, vy - 90, vx + 110, vy + 40, jitter(rng, (190, 210, 226), 8))
    c.rect(vx - 110, vy + 40, vx + 110, vy + 70, shade(inner, 0.8))
    route = re.search(r"(\d{1,3})路", x.caption)
    if route:
        c.rect(vx - 60, vy - 120, vx + 60, vy - 94, (30, 30, 30))
        c.text(vx, vy - 107, f"{route.group(1)}路", 18, (250, 170, 50), kind="sansb", anchor="mm")
    # side windows in perspective
    for s_ in (-1, 1):
        edge = 0 if s_ < 0 else W
        for k in range(4):
            t0, t1 = k / 4, (k + 0.8) / 4
            xa = edge + (vx - 110 * s_ - edge) * t0 ** 0.7
            xb = edge + (vx - 110 * s_ - edge) * t1 ** 0.7
            ya0, ya1 = 60 + (vy - 90 - 60) * t0 ** 0.7, 330 + (vy + 20 - 330) * t0 ** 0.7
            yb0, yb1 = 60 + (vy - 90 - 60) * t1 ** 0.7, 330 + (vy + 20 - 330) * t1 ** 0.7
            c.poly([(xa, ya0), (xb, yb0), (xb, yb1), (xa, ya1)], jitter(rng, (186, 206, 222), 10))
    c.poly([(0, H), (W, H), (vx + 110, vy + 70), (vx - 110, vy + 70)], jitter(rng, (110, 100, 90), 8))
    for s_ in (-1, 1):
        c.line([(vx + s_ * 60, 0), (vx + s_ * 60, vy - 94)], (170, 170, 168), 5)
    seat_c = jitter(rng, (120, 80, 56) if old else rng.choice([(60, 90, 140), (160, 60, 50), (90, 90, 100)]), 8)
    # rows of seats, far to near, with passengers' heads above the backs
    for row in range(4, -1, -1):
        t = (row + 1) / 5.5
        sc = 1 - t * 0.75
        for s_ in (-1, 1):
            sx = vx + s_ * (130 + 260 * sc)
            sy = vy + 70 + (H - vy - 70) * (1 - t) * 0.9
            if rng.random() < 0.75:
                sp = x.other(civilian=True)
                draw_figure(c, sx, sy + 60 * sc, 420 * sc, sp, "hold", facing=0, sit=True, face=False)
            c.rect(sx - 120 * sc, sy - 120 * sc, sx + 120 * sc, sy, seat_c, r=12 * sc)
            c.rect(sx - 120 * sc, sy - 120 * sc, sx + 120 * sc, sy - 100 * sc, shade(seat_c, 1.15), r=10 * sc)
    # the conductor in the aisle, a passenger handing over the fare
    mx = vx + rng.uniform(-40, 40)
    info = draw_figure(c, mx, H - rng.uniform(10, 40), rng.uniform(420, 470), x.main, "hand", facing=rng.choice((-1, 1)))
    hx, hy = info["hands"][0] if info["hands"][0][0] != info["hands"][1][0] and rng.random() < 0.5 else info["hands"][1]
    c.rect(hx - 6, hy - 16, hx + 10, hy + 2, (240, 230, 200))


def scene_classroom(x):
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(222, 220, 200), (210, 220, 210), (226, 214, 196)]), 8)
    c.rect(0, 0, W, H, wall)
    c.rect(0, H * 0.55, W, H, shade(wall, 0.85))
    bx0, bx1 = rng.uniform(60, 200), rng.uniform(W - 200, W - 60)
    by0, by1 = rng.uniform(120, 160), rng.uniform(360, 400)
    board = jitter(rng, (40, 70, 56) if x.year < 2005 else (30, 50, 46), 6)
    c.rect(bx0 - 10, by0 - 10, bx1 + 10, by1 + 10, (130, 96, 60))
    c.rect(bx0, by0, bx1, by1, board)
    q = re.search(r"“([^”]{2,16})”", x.caption)
    slogan = None
    if x.has("好好学习"):
        slogan = "好好学习  天天向上"
    if slogan:
        c.rect((bx0 + bx1) / 2 - 200, 40, (bx0 + bx1) / 2 + 200, 96, (200, 40, 40))
        c.text((bx0 + bx1) / 2, 68, slogan, 32, (255, 240, 200), kind="sansb", anchor="mm")
    elif rng.random() < 0.5:
        kx = rng.uniform(bx0 + 40, bx1 - 40)
        c.ell(kx, 70, 30, 30, (250, 250, 246), (60, 60, 60), 4)
        c.line([(kx, 70), (kx, 50)], (40, 40, 40), 3)
        c.line([(kx, 70), (kx + rng.uniform(-18, 18), 80)], (40, 40, 40), 3)
    chalk = (236, 236, 228)
    lesson = re.search(r"第[一二三四五六七八九十]+课", x.caption)
    lines = []
    if x.has("数学"):
        lines = [lesson.group(0) if lesson else "复习", rng.choice(["a² - b² = (a + b)(a - b)", "S = a × h ÷ 2", "x² + 2x - 3 = 0", "sin²α + cos²α = 1"]),
                 rng.choice(["公差  ±0.02", "解：设 x =", "例 3"])]
    elif x.has("语文", "作文", "课文", "识字"):
        lines = [lesson.group(0) if lesson else rng.choice(["第七课", "复习", "作文"]),
                 rng.choice(["《白杨礼赞》", "《春》", "《荷塘月色》", "《背影》", "人  口  手", "《小橘灯》"]),
                 rng.choice(["中心思想", "生字：", "段落大意"])]
    elif x.has("电工", "物理"):
        lines = ["复习", "欧姆定律  I = U / R", "P = U · I"]
    else:
        lines = [lesson.group(0) if lesson else "复习", q.group(1) if q and not slogan else "", ""]
    ty = by0 + 40
    for k, t in enumerate(lines):
        if t:
            c.text(bx0 + 40 + k * 20, ty + k * 70, t, 36 if k else 40, chalk)
    if rng.random() < 0.7:
        wx = rng.choice([20, W - 140])
        c.rect(wx, 140, wx + 120, 380, jitter(rng, (200, 220, 230), 8), (130, 96, 60), 6)
    mx = x.main_x([0.3, 0.7])
    if mx < bx0 + 40 or mx > bx1 - 40:
        mx = min(max(mx, bx0 + 60), bx1 - 60)
    facing = 1 if mx < (bx0 + bx1) / 2 else -1
    ground = H * rng.uniform(0.78, 0.82)
    pose = rng.choice(["point", "write", "hand"])
    if pose == "write":
        facing = -facing
    draw_figure(c, mx, ground, rng.uniform(360, 400), x.main, pose, facing=facing)
    # pupils seen from behind, rows of desks
    adults = x.has("电工", "职业", "识字", "学员") or "职业" in x.person.unit
    for row in range(2):
        dy = H - 150 + row * 110
        c.rect(-10, dy + 40, W + 10, dy + 70, jitter(rng, (150, 110, 70), 6))
        n = rng.randint(4, 6)
        for k in range(n):
            px = (k + rng.uniform(0.2, 0.8)) * W / n
            sp = x.other(civilian=True, age=rng.randint(17, 40) if adults else rng.randint(8, 15))
            if x.era == "old" and not adults and rng.random() < 0.6:
                sp["o"]["top"] = rng.choice([(230, 230, 226), (60, 80, 120)])
            draw_figure(c, px, dy + 280, 300 + row * 30, sp, "hold", facing=0, face=False)
            c.rect(px - 60, dy + 60, px + 60, dy + 90, jitter(rng, (150, 110, 70), 6))


def scene_ward(x):
    if x.rng.random() < 0.5:
        return scene_ward_row(x)
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(214, 230, 220), (226, 228, 214), (220, 226, 232)]), 8)
    c.rect(0, 0, W, H, wall)
    c.rect(0, H * 0.45, W, H * 0.47, shade(wall, 0.85))
    c.rect(0, H * 0.47, W, H, shade(wall, 0.93))
    if rng.random() < 0.7:
        wx = rng.uniform(100, W - 300)
        c.rect(wx, 80, wx + 200, 280, jitter(rng, (200, 220, 230), 6), (240, 240, 240), 8)
        c.line([(wx + 100, 80), (wx + 100, 280)], (240, 240, 240), 6)
    floor(c, rng, H * 0.72, jitter(rng, (180, 184, 176), 8))
    maternity = x.has("产科", "产妇")
    drip = x.has("输液", "吊瓶")
    nbeds = rng.randint(1, 2)
    beds = []
    for k in range(nbeds):
        bxc = rng.uniform(0.35, 0.65) * W if nbeds == 1 else (0.28 + k * 0.48) * W + rng.uniform(-30, 30)
        beds.append(bxc)
    ground = H - rng.uniform(30, 60)
    staff_x = []
    for i, bxc in enumerate(beds):
        bw = rng.uniform(300, 360) if nbeds == 1 else 300
        by = ground - 150
        c.rect(bxc - bw / 2, by - 30, bxc + bw / 2, by + 40, (246, 246, 244))
        c.rect(bxc - bw / 2 - 8, by - 120, bxc - bw / 2 + 4, ground, (180, 186, 190))
        c.rect(bxc + bw / 2 - 4, by - 60, bxc + bw / 2 + 8, ground, (180, 186, 190))
        c.rect(bxc - bw / 2, by + 40, bxc + bw / 2, by + 50, (180, 186, 190))
        c.ell(bxc - bw / 2 + 40, by - 40, 36, 18, (250, 250, 250))
        psp = x.other(civilian=True, female=True if maternity else None, age=rng.randint(22, 34) if maternity else rng.randint(30, 75))
        c.ell(bxc - bw / 2 + 50, by - 52, 24, 26, psp["skin"])
        c.ell(bxc - bw / 2 + 42, by - 64, 24, 16, psp["hair"])
        blanket = jitter(rng, rng.choice([(236, 236, 232), (190, 210, 230), (230, 220, 200)]), 6)
        c.rect(bxc - bw / 2 + 70, by - 50, bxc + bw / 2, by - 10, blanket, r=14)
        if drip and i == 0:
            dx = bxc - bw / 2 - 40
            c.line([(dx, ground), (dx, by - 250)], (150, 156, 160), 5)
            c.line([(dx - 30, by - 250), (dx + 30, by - 250)], (150, 156, 160), 4)
            c.rect(dx + 14, by - 248, dx + 40, by - 200, (230, 240, 246), (170, 180, 190), 2, r=4)
            c.line([(dx + 27, by - 200), (dx + 40, by - 100), (bxc - bw / 2 + 100, by - 40)], (200, 210, 220), 2)
        if i == nbeds - 1 and bxc + bw / 2 + 60 < W:
            bedside(c, rng, bxc + bw / 2 + 50, ground, x.year)
        elif maternity and i == 0 and rng.random() < 0.6:
            cx = bxc + bw / 2 + 70
            if cx < W - 40:
                c.rect(cx - 50, ground - 130, cx + 50, ground - 80, (240, 240, 236), (190, 190, 190), 3)
                c.ell(cx, ground - 118, 14, 12, (246, 200, 180))
        staff_x.append(bxc + rng.choice((-1, 1)) * bw * 0.2)
    mx = x.main_x([0.3, 0.7]) if x.side is not None else staff_x[0] + rng.uniform(-40, 40)
    h = rng.uniform(400, 440)
    facing = rng.choice((-1, 1))
    second = x.has("查房", "和护士", "和医生", "同事")
    if second:
        other_role = "nurse" if x.role == "doctor" or x.has("和护士") else "doctor"
        ox = mx + (-1 if (x.side or -1) > 0 else 1) * rng.uniform(130, 160)
        ox = min(max(ox, 60), W - 60)
        sp2 = x.other(other_role, female=True if other_role == "nurse" else None)
        draw_figure(c, ox, ground + 30, h * rng.uniform(0.94, 1.02), sp2, "hold", facing=1 if ox < W / 2 else -1)
    info = draw_figure(c, mx, ground + 30, h, x.main, "hold" if second else "reach", facing=facing,
                       target=(mx + facing * 120, ground - 230))
    if second:
        hx, hy = info["hands"][0]
        c.rect(hx - 20, hy - 40, hx + 24, hy + 10, (200, 180, 140))
        c.rect(hx - 16, hy - 34, hx + 20, hy + 6, (250, 250, 246))


def bedside(c, rng, x0, ground, year):
    """A bedside cabinet with a vacuum flask, a cup and, lately, flowers."""
    c.rect(x0 - 40, ground - 110, x0 + 40, ground, (214, 206, 190), (170, 160, 140), 2)
    c.line([(x0 - 40, ground - 60), (x0 + 40, ground - 60)], (170, 160, 140), 2)
    fl = rng.choice([(200, 60, 50), (60, 120, 170), (230, 200, 80)])
    c.rect(x0 - 30, ground - 170, x0 - 6, ground - 110, fl, r=6)
    c.rect(x0 - 26, ground - 180, x0 - 10, ground - 170, (60, 60, 60))
    c.rect(x0 + 6, ground - 134, x0 + 26, ground - 110, (240, 240, 236))
    if year >= 1985 and rng.random() < 0.5:
        for k in range(4):
            c.ell(x0 + 18 + rng.uniform(-12, 12), ground - 160 - rng.uniform(0, 30), 8, 8, jitter(rng, (230, 120, 140), 20))


def scene_ward_row(x):
    """Beds end-on, their feet towards us, in a row down the ward."""
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(214, 230, 220), (226, 228, 214), (220, 226, 232)]), 8)
    c.rect(0, 0, W, H, wall)
    hz = H * rng.uniform(0.5, 0.56)
    c.rect(0, hz - 10, W, hz, shade(wall, 0.85))
    floor(c, rng, hz, jitter(rng, (186, 188, 180), 8))
    for k in range(rng.randint(2, 3)):
        wx = 60 + k * 300 + rng.uniform(-20, 40)
        c.rect(wx, 70, wx + 170, 240, jitter(rng, (200, 220, 230), 6), (240, 240, 240), 8)
    maternity = x.has("产科", "产妇")
    drip = x.has("输液", "吊瓶") or rng.random() < 0.3
    n = rng.randint(2, 3)
    pitch = W / n
    ground = H - rng.uniform(40, 80)
    beds = []
    for k in range(n):
        bx = (k + 0.5) * pitch + rng.uniform(-20, 20)
        top_y = hz - 40
        c.rect(bx - 90, top_y - 60, bx + 90, top_y + 20, (190, 196, 200))
        blanket = jitter(rng, rng.choice([(236, 236, 232), (190, 210, 230), (230, 220, 200), (214, 226, 214)]), 6)
        c.poly([(bx - 90, top_y + 20), (bx + 90, top_y + 20), (bx + 130, ground - 60), (bx - 130, ground - 60)], blanket)
        c.ell(bx, top_y + 10, 54, 22, (250, 250, 250))
        psp = x.other(civilian=True, female=True if maternity else None, age=rng.randint(22, 34) if maternity else rng.randint(30, 80))
        c.ell(bx, top_y + 8, 26, 28, psp["skin"])
        c.ell(bx, top_y - 6, 27, 18, psp["hair"])
        c.rect(bx - 134, ground - 60, bx + 134, ground - 30, (180, 186, 190))
        c.rect(bx - 134, ground - 30, bx - 124, ground, (150, 156, 160))
        c.rect(bx + 124, ground - 30, bx + 134, ground, (150, 156, 160))
        c.rect(bx - 30, ground - 100, bx + 30, ground - 64, (250, 250, 246), (160, 160, 160), 1)
        beds.append(bx)
        if k < n - 1:
            bedside(c, rng, bx + pitch / 2, hz + 60, x.year)
    b0 = rng.choice(beds)
    if drip:
        dx = b0 + 110
        c.line([(dx, hz + 90), (dx, hz - 190)], (150, 156, 160), 5)
        c.line([(dx - 26, hz - 190), (dx + 26, hz - 190)], (150, 156, 160), 4)
        c.rect(dx + 8, hz - 186, dx + 30, hz - 146, (230, 240, 246), (170, 180, 190), 2, r=4)
        c.line([(dx + 19, hz - 146), (dx + 10, hz - 60), (b0 + 20, hz - 10)], (200, 210, 220), 2)
    mx = b0 + rng.choice((-1, 1)) * 170
    if x.side is not None:
        mx = W * (0.3 if x.side < 0 else 0.7)
    mx = min(max(mx, 70), W - 70)
    facing = 1 if mx < b0 else -1
    if x.has("查房", "和护士", "和医生", "同事"):
        other_role = "nurse" if x.role == "doctor" or x.has("和护士") else "doctor"
        ox = mx + (-facing) * 130
        ox = min(max(ox, 60), W - 60)
        draw_figure(c, ox, ground + 20, 440, x.other(other_role, female=True if other_role == "nurse" else None), "hold",
                    facing=facing)
    draw_figure(c, mx, ground + 40, 470, x.main, "reach", facing=facing, target=(mx + facing * 150, ground - 250))


def building_frame(c, rng, x0, ground, floors, bays, fh, bw, done, col=(180, 176, 168)):
    brick = jitter(rng, (170, 90, 70), 10)
    for f in range(floors):
        y1 = ground - f * fh
        y0 = y1 - fh
        for b in range(bays):
            bx = x0 + b * bw
            if f < done or (f == done and b < bays // 2):
                c.rect(bx, y0, bx + bw, y1, brick)
                for k in range(1, 6):
                    c.line([(bx, y0 + k * fh / 6), (bx + bw, y0 + k * fh / 6)], shade(brick, 0.85), 1)
                if rng.random() < 0.7:
                    c.rect(bx + bw * 0.3, y0 + fh * 0.25, bx + bw * 0.7, y0 + fh * 0.7, (60, 60, 70))
        c.rect(x0 - 6, y0 - 8, x0 + bays * bw + 6, y0, col)
        for b in range(bays + 1):
            c.rect(x0 + b * bw - 5, y0, x0 + b * bw + 5, y1, col)


def crane(c, rng, x, ground, h, load=None):
    yc = (236, 190, 40) if rng.random() < 0.7 else (200, 60, 40)
    c.rect(x - 10, ground - h, x + 10, ground, yc)
    for k in range(int(h / 30)):
        c.line([(x - 10, ground - k * 30), (x + 10, ground - k * 30 - 30)], shade(yc, 0.8), 2)
    jib_l, jib_r = rng.uniform(200, 320), rng.uniform(80, 120)
    top = ground - h
    c.rect(x - jib_r, top - 12, x + jib_l, top, yc)
    c.rect(x - jib_r, top, x - jib_r + 50, top + 26, (120, 120, 120))
    c.line([(x, top - 50), (x + jib_l, top - 6)], shade(yc, 0.8), 2)
    c.line([(x, top - 50), (x - jib_r, top - 6)], shade(yc, 0.8), 2)
    c.rect(x - 6, top - 50, x + 6, top, yc)
    hx = x + jib_l * rng.uniform(0.5, 0.9)
    hy = top + rng.uniform(80, 200)
    c.line([(hx, top), (hx, hy)], (60, 60, 60), 2)
    if load == "rebar":
        for k in range(5):
            c.line([(hx - 50 + k * 25, hy), (hx - 50 + k * 25, hy + 60)], (120, 80, 60), 3)
        for k in range(3):
            c.line([(hx - 52, hy + k * 30), (hx + 52, hy + k * 30)], (120, 80, 60), 3)
    else:
        c.rect(hx - 30, hy, hx + 30, hy + 30, (140, 130, 120))


def scene_site(x):
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    hz = H * rng.uniform(0.68, 0.74)
    sky(c, rng, hz, x.era)
    ground = hz
    floors = rng.randint(3, 6)
    fh = rng.uniform(60, 80)
    bays = rng.randint(3, 6)
    bw = rng.uniform(70, 100)
    bx0 = rng.uniform(-40, W - bays * bw + 40)
    building_frame(c, rng, bx0, ground, floors, bays, fh, bw, rng.randint(1, floors - 1))
    # scaffolding
    if rng.random() < 0.7:
        sx0 = bx0 - 30 if rng.random() < 0.5 else bx0 + bays * bw + 10
        for k in range(3):
            c.line([(sx0 + k * 10, ground), (sx0 + k * 10, ground - floors * fh)], (120, 110, 100), 3)
        for f in range(floors * 2):
            c.line([(sx0 - 5, ground - f * fh / 2), (sx0 + 30, ground - f * fh / 2)], (120, 110, 100), 3)
    if x.has("塔吊", "吊") or rng.random() < 0.5:
        crane(c, rng, rng.uniform(40, W - 300), ground, rng.uniform(420, 520), "rebar" if x.has("钢筋") else None)
    c.rect(0, ground, W, H, jitter(rng, (170, 150, 120), 8))
    for k in range(rng.randint(2, 4)):
        px, py = rng.uniform(0, W), rng.uniform(ground + 20, H - 40)
        if x.has("钢筋"):
            for j in range(6):
                c.line([(px, py + j * 4), (px + 160, py + j * 4 - 10)], (110, 70, 50), 3)
        else:
            for j in range(4):
                for i in range(5 - j):
                    c.rect(px + i * 24 + j * 12, py - j * 12, px + i * 24 + j * 12 + 22, py - j * 12 + 10, jitter(rng, (170, 90, 70), 8))
    if x.has("标语") or rng.random() < 0.35:
        text = "安全第一  质量第一" if x.year >= 1980 else ("鼓足干劲  力争上游" if 1958 <= x.year <= 1965 else "安全生产")
        banner(c, W * rng.uniform(0.3, 0.7), ground - floors * fh * 0.5, text, rng)
    mx = x.main_x([0.25, 0.7])
    facing = 1 if mx < W / 2 else -1
    # workers at the wall
    for k in range(rng.randint(2, 4)):
        wx = bx0 + rng.uniform(0, bays * bw)
        if abs(wx - mx) < 100:
            continue
        sp = x.other("builder", female=rng.random() < (0.1 if x.year > 1980 else 0.25))
        draw_figure(c, wx, ground + rng.uniform(0, 20), rng.uniform(200, 250), sp,
                    rng.choice(["reach", "hold", "stand"]), facing=rng.choice((-1, 1)),
                    target=(wx + 40, ground - 150))
    draw_figure(c, mx, H - rng.uniform(20, 50), rng.uniform(380, 440), x.main, "point", facing=facing)


def scene_shed(x):
    """Winter bricklaying in a heated shed."""
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    tarp = jitter(rng, (170, 160, 130), 10)
    c.rect(0, 0, W, H, tarp)
    for k in range(0, W, rng.randint(90, 130)):
        c.line([(k, 0), (k + 20, H * 0.7)], shade(tarp, 0.85), 8)
    c.rect(0, 0, W, 60, shade(tarp, 0.8))
    floor(c, rng, H * 0.7, jitter(rng, (150, 130, 110), 8), lines=False)
    wall_y = H * 0.7
    wx0, wx1 = rng.uniform(60, 200), rng.uniform(W - 200, W - 40)
    rows = rng.randint(8, 12)
    for r in range(rows):
        off = 0 if r % 2 else 20
        xx = wx0 + off
        while xx < wx1 - 40:
            c.rect(xx, wall_y - (r + 1) * 22, xx + 38, wall_y - r * 22 - 3, jitter(rng, (168, 84, 64), 10))
            xx += 42
    sx = rng.choice([rng.uniform(40, 120), rng.uniform(W - 120, W - 40)])
    c.rect(sx - 30, H * 0.7 - 90, sx + 30, H * 0.7, (60, 56, 54))
    c.ell(sx, H * 0.7 - 95, 26, 10, (240, 140, 40))
    c.line([(sx, H * 0.7 - 90), (sx, 40)], (80, 76, 74), 10)
    n = rng.randint(3, 5)
    mx = x.main_x([0.3, 0.5, 0.7])
    for k in range(n):
        px = wx0 + (k + 0.5) * (wx1 - wx0) / n
        sp = x.main if abs(px - mx) < (wx1 - wx0) / n / 2 else x.other("builder", female=False)
        if sp is x.main:
            px = mx
        main = sp is x.main
        draw_figure(c, px, H - rng.uniform(30, 70), rng.uniform(300, 360), sp, "reach",
                    facing=rng.choice((-1, 1)) if main else 0, face=main,
                    target=(px + rng.uniform(-30, 30), H - rng.uniform(240, 290)))


def scene_group(x):
    """A team photograph: a row of people with the workplace behind."""
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    tunnel = x.has("隧道", "盾构", "贯通")
    if tunnel:
        c.rect(0, 0, W, H, (60, 62, 66))
        for k in range(6):
            r = 520 - k * 70
            c.ell(W / 2, H * 0.45, r, r * 0.85, shade((140, 140, 136), 1 - k * 0.08))
        for k in range(12):
            a = k * math.pi / 6
            c.line([(W / 2 + math.cos(a) * 160, H * 0.45 + math.sin(a) * 136),
                    (W / 2 + math.cos(a) * 520, H * 0.45 + math.sin(a) * 442)], (100, 100, 100), 3)
        c.ell(W / 2, H * 0.45, 150, 128, (230, 220, 180))
        if x.has("贯通"):
            banner(c, W / 2, 40, "热烈庆祝区间隧道贯通", rng)
        c.rect(0, H * 0.8, W, H, (90, 86, 80))
    else:
        hz = H * 0.62
        sky(c, rng, hz, x.era)
        building_frame(c, rng, rng.uniform(-50, 200), hz, rng.randint(2, 4), rng.randint(5, 8), 70, 90, 1)
        c.rect(0, hz, W, H, jitter(rng, (170, 150, 120), 8))
    m = re.search(r"([一二三四五六七八九十\d]+)人", x.caption)
    nums = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
    n = rng.randint(5, 8)
    if m:
        g = m.group(1)
        n = int(g) if g.isdigit() else nums.get(g, n)
    if m and re.search(r"与[一二三四五六七八九十\d]+人", x.caption):
        n += 1  # the leader and his team of n
    n = max(3, min(n, 10))
    centre = n // 2 if x.side in (0, None) else (0 if x.side < 0 else n - 1)
    role = x.role if x.role in ("builder", "manager") else "builder"
    for k in range(n):
        px = (k + 0.5) * W / n + rng.uniform(-8, 8)
        sp = x.main if k == centre else x.other(role, female=rng.random() < (0.1 if x.year >= 1980 else 0.2))
        h = rng.uniform(400, 440) if k != centre else 430
        draw_figure(c, px, H - 30 + rng.uniform(-6, 6), h, sp, rng.choice(["stand", "fold", "hold"]), facing=0)


def scene_bank(x):
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(220, 212, 192), (206, 212, 206), (230, 226, 214)]), 8)
    c.rect(0, 0, W, H, wall)
    old = x.year < 1980
    ctop = H * rng.uniform(0.55, 0.6)
    mx = x.main_x([0.32, 0.5, 0.66])
    # the clerk sits behind the counter
    draw_figure(c, mx, ctop + 260, 420, x.main, "reach", facing=0, target=(mx, ctop + 10))
    # counter, glass and window
    wood = jitter(rng, (150, 106, 70), 8) if x.year < 2000 else jitter(rng, rng.choice([(200, 200, 196), (120, 120, 126)]), 6)
    if old or x.has("窗口") and x.year < 1990:
        # a wooden screen with barred windows
        c.rect(0, ctop - 250, W, ctop - 220, wood)
        pitch = rng.uniform(220, 280)
        for k in range(-1, int(W / pitch) + 2):
            wx = mx + k * pitch
            c.rect(wx - pitch / 2, ctop - 220, wx - 100, ctop, wood)
            c.rect(wx + 100, ctop - 220, wx + pitch / 2, ctop, wood)
            for j in range(7):
                c.line([(wx - 100 + j * 33, ctop - 220), (wx - 100 + j * 33, ctop - 40)], (90, 80, 60), 3)
        label = "储蓄" if x.has("储蓄") or True else "营业"
        c.rect(mx - 70, ctop - 290, mx + 70, ctop - 250, (190, 40, 40))
        c.text(mx, ctop - 270, label if not x.has("邮政") else "邮政储蓄", 24, (250, 240, 210), kind="sansb", anchor="mm")
    else:
        c.rect(0, ctop - 264, W, ctop - 250, (180, 190, 196))
        for k in range(-2, 4):
            wx = mx + k * 260
            c.rect(wx - 130, ctop - 260, wx - 120, ctop, (180, 190, 196))
            c.line([(wx - 60, ctop - 240), (wx - 100, ctop - 200)], (240, 246, 248), 3)
            c.rect(wx - 40, ctop - 290, wx + 40, ctop - 262, (40, 60, 100))
            c.text(wx, ctop - 276, f"{k + 3}号", 18, (240, 240, 240), anchor="mm")
        c.rect(mx - 100, ctop - 330, mx + 100, ctop - 296, (170, 30, 40))
        c.text(mx, ctop - 313, "储蓄" if x.has("储蓄") else "个人业务", 22, (250, 240, 210), kind="sansb", anchor="mm")
    c.rect(0, ctop, W, H, wood)
    c.rect(0, ctop, W, ctop + 16, shade(wood, 0.8))
    if x.has("算盘") or (x.year < 1995 and rng.random() < 0.6):
        ax = mx + rng.choice((-1, 1)) * 80
        c.rect(ax - 60, ctop - 30, ax + 60, ctop + 4, (90, 60, 40))
        for k in range(9):
            c.line([(ax - 50 + k * 12.5, ctop - 28), (ax - 50 + k * 12.5, ctop + 2)], (60, 40, 30), 1.5)
            for j in range(4):
                c.ell(ax - 50 + k * 12.5, ctop - 22 + j * 6 + (4 if j else 0), 5, 2.5, (40, 30, 20))
    if x.year >= 1995 and rng.random() < 0.8:
        px = mx + rng.choice((-1, 1)) * 110
        c.rect(px - 40, ctop - 80, px + 40, ctop - 20, (60, 60, 66))
        c.rect(px - 34, ctop - 74, px + 34, ctop - 28, (110, 160, 190))
    c.rect(mx - 50, ctop - 12, mx + 20, ctop + 2, (240, 236, 220))
    # customers, backs to us
    side = rng.choice((-1, 1))
    for k in range(rng.randint(1, 3)):
        px = mx + side * (rng.uniform(150, 200) + k * 150)
        if px < 40 or px > W - 40:
            px = mx - side * (rng.uniform(170, 220) + k * 60)
        sp = x.other(civilian=True)
        draw_figure(c, px, H + rng.uniform(100, 160), rng.uniform(470, 520), sp, "hold", facing=0, face=False)


def scene_switchboard(x):
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, (214, 210, 196), 8)
    c.rect(0, 0, W, H, wall)
    floor(c, rng, H * 0.75, jitter(rng, (150, 130, 110), 8))
    n = rng.randint(3, 5)
    pw = W / n
    top = rng.uniform(60, 100)
    desk = H * rng.uniform(0.56, 0.6)
    wood = jitter(rng, (130, 96, 60), 8)
    ops = []
    for k in range(n):
        x0 = k * pw
        c.rect(x0 + 4, top, x0 + pw - 4, desk, wood)
        c.rect(x0 + 16, top + 16, x0 + pw - 16, desk - 20, (50, 46, 42))
        for r in range(rng.randint(6, 8)):
            for j in range(int((pw - 40) / 18)):
                yy = top + 30 + r * 30
                if yy > desk - 40:
                    break
                c.ell(x0 + 26 + j * 18, yy, 3.5, 3.5, (210, 200, 170))
                if rng.random() < 0.06:
                    c.ell(x0 + 26 + j * 18, yy - 10, 3, 3, (250, 200, 80))
        ops.append(x0 + pw / 2)
    seated = []
    for k, ox in enumerate(ops):
        if k % 2 and rng.random() < 0.5:
            continue
        sp = x.other("operator", female=rng.random() < 0.85)
        sp["o"]["headset"] = True
        seated.append(ox)
        px = ox + rng.uniform(-20, 20)
        draw_figure(c, px, desk + 300, 520, sp, "reach", facing=0, face=False, sit=True,
                    target=(ox + rng.uniform(-40, 40), desk - rng.uniform(40, 160)))
    c.rect(0, desk, W, desk + 60, shade(wood, 1.1))
    for ox in seated:
        c.rect(ox - 70, desk + 90, ox + 70, desk + 210, jitter(rng, (90, 66, 46), 6), r=10)
        c.rect(ox - 8, desk + 210, ox + 8, H, (60, 60, 60))
    for k in range(rng.randint(6, 12)):
        x0 = rng.uniform(0, W)
        x1, y1 = x0 + rng.uniform(-70, 70), desk - rng.uniform(60, 220)
        c.line([(x0, desk + 12), ((x0 + x1) / 2 + rng.uniform(-10, 10), desk - 20), (x1, y1)], (30, 30, 30), 2.5)
        c.ell(x1, y1, 4, 4, (200, 170, 90))
    if x.role in ("operator",) and not x.has("维护"):
        return
    mx = x.main_x([0.15, 0.85])
    draw_figure(c, mx, H - 20, 420, x.main, "point" if rng.random() < 0.5 else "hold", facing=1 if mx < W / 2 else -1)


def scene_stage(x):
    if x.role != "lighting" and (x.has("工地", "俱乐部", "文化馆", "小品", "朗诵") or x.rng.random() < 0.45):
        return scene_stage_club(x)
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    curtain = jitter(rng, rng.choice([(150, 30, 40), (110, 26, 50), (40, 40, 80)]), 10)
    c.rect(0, 0, W, H, shade(curtain, 0.5))
    stage_y = H * rng.uniform(0.66, 0.72)
    c.rect(0, 0, W, stage_y, shade(curtain, 0.7))
    for k in range(0, W, 36):
        c.rect(k, 0, k + 16, stage_y, shade(curtain, 0.62))
    for s in (0, 1):
        xw = rng.uniform(100, 170)
        x0 = 0 if s == 0 else W - xw
        c.rect(x0, 0, x0 + xw, stage_y, curtain)
        for k in range(5):
            c.rect(x0 + k * xw / 5, 0, x0 + k * xw / 5 + 8, stage_y, shade(curtain, 0.82))
    c.rect(0, 0, W, rng.uniform(50, 80), curtain)
    if x.has("小剧场"):
        c.text(W / 2, 30, "相声专场" if x.has("相声", "大褂") else "曲艺专场", 24, (240, 210, 140), kind="sansb", anchor="mm")
    c.rect(0, stage_y, W, H, jitter(rng, (120, 84, 56), 8))
    c.rect(0, stage_y, W, stage_y + 10, (80, 56, 40))
    mx = x.main_x([0.42, 0.5, 0.58])
    if x.role == "lighting":
        mx = rng.uniform(0.3, 0.7) * W
    lx = rng.choice([-100, W + 100])
    spot = Image.new("L", c.im.size, 0)
    ImageDraw.Draw(spot).polygon([(lx * SS, -40 * SS), ((mx - 110) * SS, stage_y * SS), ((mx + 110) * SS, stage_y * SS)], fill=90)
    c.im.paste((255, 246, 210), (0, 0), spot.filter(ImageFilter.GaussianBlur(14)))
    c.ell(mx, stage_y + 8, 120, 18, shade((255, 240, 200), 0.9))
    performer = x.main if x.role != "lighting" else x.other("performer")
    pose = rng.choice(["point", "hand"]) if not x.has("朗诵") else "point"
    info = draw_figure(c, mx, stage_y + 10, rng.uniform(340, 380), performer, pose, facing=rng.choice((-1, 1)))
    if x.has("快板"):
        hx, hy = info["hands"][0]
        for k in range(2):
            c.rect(hx - 8 + k * 7, hy - 30, hx - 2 + k * 7, hy + 6, (170, 130, 70))
    elif x.has("单弦"):
        hx, hy = info["hands"][0]
        c.ell(hx, hy + 20, 28, 24, (150, 110, 60))
        c.line([(hx, hy + 10), (hx + 90, hy - 120)], (120, 80, 40), 5)
    if x.has("小品") or rng.random() < 0.3:
        draw_figure(c, mx + rng.choice((-1, 1)) * 170, stage_y + 10, rng.uniform(320, 360), x.other(civilian=True), "hold", facing=0)
    # audience heads
    for row in range(2):
        for k in range(9):
            hx = k * W / 8 + rng.uniform(-20, 20) + row * 40
            hy = H - 20 - row * 50 + rng.uniform(-6, 6)
            c.ell(hx, hy, 30, 36, (24, 20, 22))
            c.rect(hx - 46, hy + 24, hx + 46, H + 40, (30, 26, 28))
    if x.role == "lighting":
        sx = W - 120 if lx < 0 else 120
        c.rect(sx - 90, 120, sx + 90, 134, (60, 60, 60))
        sp = x.main
        draw_figure(c, sx, 120, 200, sp, "reach", facing=1 if sx < W / 2 else -1, target=(sx + (40 if sx < W / 2 else -40), 60))
        c.rect(sx + (20 if sx < W / 2 else -80), 40, sx + (80 if sx < W / 2 else -20), 80, (40, 40, 44))


def scene_stage_club(x):
    """A club hall's small stage with a painted backdrop, or boards on a building site."""
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    outdoor = x.has("工地")
    stage_y = H * rng.uniform(0.6, 0.66)
    px0, px1 = rng.uniform(40, 140), W - rng.uniform(40, 140)
    if outdoor:
        sky(c, rng, stage_y, x.era)
        building_frame(c, rng, rng.uniform(-40, W - 500), stage_y - 40, 4, 5, 60, 90, 2)
        c.rect(px0, stage_y - 20, px1, stage_y + 30, jitter(rng, (150, 110, 70), 8))
        for k in range(int((px1 - px0) / 40)):
            c.line([(px0 + k * 40, stage_y - 20), (px0 + k * 40, stage_y + 30)], (110, 80, 50), 2)
        c.rect(px0 + 30, 80, px0 + 40, stage_y - 20, (110, 80, 50))
        c.rect(px1 - 40, 80, px1 - 30, stage_y - 20, (110, 80, 50))
        banner(c, (px0 + px1) / 2, 70, rng.choice(["送戏到工地", "慰问演出"]), rng)
        c.rect(0, stage_y + 30, W, H, jitter(rng, (170, 150, 120), 8))
    else:
        hall = jitter(rng, rng.choice([(200, 190, 170), (180, 190, 196), (210, 200, 186)]), 8)
        c.rect(0, 0, W, H, hall)
        frame = jitter(rng, rng.choice([(120, 40, 40), (110, 80, 50), (60, 60, 90)]), 8)
        c.rect(px0 - 30, 30, px1 + 30, stage_y + 40, frame)
        c.rect(px0, 70, px1, stage_y, jitter(rng, (150, 190, 220), 10))
        hz = stage_y - rng.uniform(80, 150)
        for k in range(rng.randint(3, 5)):
            mx0 = rng.uniform(px0, px1)
            mw = rng.uniform(120, 260)
            c.poly([(mx0 - mw, hz), (mx0, hz - rng.uniform(60, 140)), (mx0 + mw, hz)], jitter(rng, (120, 150, 130), 14))
        c.rect(px0, hz, px1, stage_y, jitter(rng, (150, 170, 120), 10))
        if rng.random() < 0.6:
            c.ell(rng.uniform(px0 + 80, px1 - 80), 140, 34, 34, (250, 220, 140))
        curtain = jitter(rng, (160, 36, 44), 10)
        for s_ in (-1, 1):
            cw = rng.uniform(70, 120)
            xa = px0 if s_ < 0 else px1 - cw
            c.rect(xa, 70, xa + cw, stage_y, curtain)
            for k in range(4):
                c.rect(xa + k * cw / 4, 70, xa + k * cw / 4 + 6, stage_y, shade(curtain, 0.8))
        c.rect(px0, 70, px1, 110, curtain)
        title = rng.choice(["文艺晚会", "曲艺专场", "迎新春文艺演出", "职工文艺汇演"]) if not x.has("朗诵") else "诗歌朗诵会"
        c.text((px0 + px1) / 2, 90, title, 24, (250, 230, 170), kind="sansb", anchor="mm", spacing=6)
        c.rect(px0 - 30, stage_y, px1 + 30, stage_y + 40, jitter(rng, (130, 92, 60), 8))
        for k in range(12):
            c.ell(px0 + (k + 0.5) * (px1 - px0) / 12, stage_y + 6, 6, 4, (250, 220, 120))
        c.rect(0, stage_y + 40, W, H, shade(hall, 0.7))
    mx = x.main_x([0.4, 0.5, 0.6])
    mx = min(max(mx, px0 + 100), px1 - 100)
    facing = rng.choice((-1, 1))
    if x.year >= 1960 and rng.random() < 0.7:
        sx = mx - facing * 70
        c.line([(sx, stage_y - 4), (sx, stage_y - 200)], (40, 40, 40), 3)
        c.ell(sx, stage_y - 206, 7, 10, (40, 40, 40))
        c.line([(sx - 30, stage_y - 2), (sx + 30, stage_y - 2)], (40, 40, 40), 4)
    info = draw_figure(c, mx, stage_y + 4, rng.uniform(300, 340), x.main, rng.choice(["point", "hand"]), facing=facing)
    if x.has("快板"):
        hx, hy = info["hands"][0]
        for k in range(2):
            c.rect(hx - 8 + k * 7, hy - 30, hx - 2 + k * 7, hy + 6, (170, 130, 70))
    if x.has("小品") or x.has("和") and rng.random() < 0.5:
        ox = mx + facing * rng.uniform(140, 180)
        draw_figure(c, ox, stage_y + 4, rng.uniform(290, 330), x.other(civilian=True), "reach", facing=-facing,
                    target=(ox - facing * 60, stage_y - 200))
    # the audience, backs to us, on benches
    rows = rng.randint(2, 3)
    for r in range(rows):
        y0 = H - 10 - (rows - 1 - r) * 60
        sc = 0.8 + 0.2 * r / max(1, rows - 1)
        n = rng.randint(6, 9)
        for k in range(n):
            hx = (k + rng.uniform(0.1, 0.9)) * W / n
            sp = x.other("builder" if outdoor and rng.random() < 0.5 else None, civilian=not outdoor or rng.random() < 0.5)
            draw_figure(c, hx, y0 + 300 * sc, 360 * sc, sp, "stand", facing=0, sit=True, face=False)


def scene_lab(x):
    if x.rng.random() < 0.5 and not x.has("显微镜"):
        return scene_lab_hood(x)
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(220, 226, 226), (226, 222, 210), (210, 222, 214)]), 8)
    c.rect(0, 0, W, H, wall)
    for j in range(rng.randint(1, 3)):
        y0 = 120 + j * 100
        x0, x1 = rng.uniform(0, W * 0.4), rng.uniform(W * 0.6, W)
        c.rect(x0, y0, x1, y0 + 8, (150, 140, 120))
        xx = x0 + 10
        while xx < x1 - 30:
            col = jitter(rng, rng.choice([(150, 190, 210), (200, 170, 110), (170, 200, 170), (230, 230, 230), (120, 80, 60)]), 15)
            if rng.random() < 0.5:
                c.rect(xx, y0 - 50, xx + 22, y0, col)
                c.rect(xx + 6, y0 - 58, xx + 16, y0 - 50, (60, 60, 60))
            else:
                c.ell(xx + 16, y0 - 18, 16, 18, col)
                c.rect(xx + 11, y0 - 50, xx + 21, y0 - 30, col)
            xx += rng.uniform(30, 50)
    if rng.random() < 0.6:
        wx = rng.uniform(W * 0.6, W - 200)
        c.rect(wx, 60, wx + 180, 260, jitter(rng, (200, 220, 230), 6), (240, 240, 240), 8)
    bench = H * rng.uniform(0.6, 0.66)
    mx = x.main_x([0.3, 0.65])
    micro = x.has("显微镜", "菌种")
    fac = 1 if mx < W / 2 else -1
    # a colleague
    if x.has("同事", "和"):
        ox = mx + fac * rng.uniform(190, 240)
        draw_figure(c, ox, bench + 260, 420, x.other(x.role if x.role == "scientist" else "scientist"), "reach", facing=-fac,
                    target=(ox - fac * 60, bench - 40))
    target = (mx + fac * 70, bench - 60)
    draw_figure(c, mx, bench + 260, 420, x.main, "reach", facing=fac, target=target)
    top = jitter(rng, rng.choice([(40, 44, 50), (230, 230, 226), (120, 130, 120)]), 6)
    c.rect(0, bench, W, bench + 20, top)
    c.rect(0, bench + 20, W, H, jitter(rng, (190, 170, 130), 8))
    for k in range(3):
        c.rect(k * W / 3 + 20, bench + 40, (k + 1) * W / 3 - 20, H - 30, None, shade((190, 170, 130), 0.8), 3)
    if micro:
        mcx = mx + fac * 70
        c.rect(mcx - 40, bench - 12, mcx + 40, bench, (40, 40, 44))
        c.line([(mcx - fac * 20, bench - 10), (mcx - fac * 20, bench - 100), (mcx + fac * 10, bench - 130)], (50, 50, 56), 14)
        c.rect(mcx - 30, bench - 50, mcx + 30, bench - 42, (80, 80, 86))
    xx = rng.uniform(20, 80)
    while xx < W - 40:
        if abs(xx - mx) < 90 and micro:
            xx += 100
            continue
        kind = rng.random()
        col = jitter(rng, rng.choice([(180, 220, 230), (230, 200, 120), (200, 230, 190), (240, 180, 180)]), 12)
        if kind < 0.35:
            c.poly([(xx, bench), (xx + 40, bench), (xx + 24, bench - 40), (xx + 24, bench - 70), (xx + 16, bench - 70), (xx + 16, bench - 40)], (230, 240, 244))
            c.poly([(xx + 4, bench - 2), (xx + 36, bench - 2), (xx + 28, bench - 20), (xx + 12, bench - 20)], col)
        elif kind < 0.6:
            c.rect(xx, bench - 44, xx + 30, bench, (230, 240, 244))
            c.rect(xx + 2, bench - 24, xx + 28, bench - 2, col)
        elif kind < 0.75:
            c.rect(xx + 10, bench - 160, xx + 14, bench, (120, 120, 120))
            c.rect(xx - 4, bench - 8, xx + 40, bench, (60, 60, 60))
            c.rect(xx + 20, bench - 150, xx + 26, bench - 60, (230, 240, 244))
        else:
            for k in range(5):
                c.rect(xx + k * 10, bench - 40, xx + k * 10 + 6, bench - 4, col if k % 2 else (230, 240, 244))
        xx += rng.uniform(60, 110)


def scene_lab_hood(x):
    """A fume cupboard and a sink along the wall; one holds a flask to the light."""
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(226, 230, 226), (230, 224, 212), (214, 224, 230)]), 8)
    c.rect(0, 0, W, H, wall)
    c.rect(0, 0, W, rng.uniform(30, 60), shade(wall, 0.9))
    hz = H * rng.uniform(0.62, 0.68)
    floor(c, rng, hz + 40, jitter(rng, (176, 176, 170), 8))
    hx0 = rng.choice([rng.uniform(20, 120), rng.uniform(W - 380, W - 280)])
    hood = jitter(rng, (214, 214, 206), 6) if x.year >= 1980 else jitter(rng, (170, 140, 100), 8)
    c.rect(hx0, 60, hx0 + 260, hz + 40, hood)
    c.rect(hx0 + 20, 110, hx0 + 240, hz - 60, (180, 200, 206))
    c.rect(hx0 + 20, hz - 60, hx0 + 240, hz - 40, shade(hood, 0.8))
    for k in range(rng.randint(2, 4)):
        fx = hx0 + 40 + k * 50
        c.poly([(fx, hz - 60), (fx + 30, hz - 60), (fx + 20, hz - 100), (fx + 20, hz - 130), (fx + 10, hz - 130), (fx + 10, hz - 100)],
               jitter(rng, (200, 220, 230), 10))
    bench_x0 = hx0 + 280 if hx0 < W / 2 else 20
    bench_x1 = bench_x0 + (W - 300)
    c.rect(bench_x0, hz - 20, bench_x1, hz, jitter(rng, (60, 64, 70), 6))
    c.rect(bench_x0, hz, bench_x1, hz + 40, jitter(rng, (190, 170, 130), 8))
    sk = rng.uniform(bench_x0 + 40, bench_x1 - 140)
    c.rect(sk, hz - 24, sk + 100, hz - 14, (180, 186, 190))
    c.line([(sk + 80, hz - 24), (sk + 80, hz - 90), (sk + 60, hz - 90)], (160, 166, 170), 5)
    for k in range(rng.randint(4, 8)):
        bx = rng.uniform(bench_x0 + 10, bench_x1 - 40)
        if sk - 30 < bx < sk + 110:
            continue
        col = jitter(rng, rng.choice([(180, 220, 230), (230, 200, 120), (200, 230, 190), (240, 180, 180)]), 12)
        c.rect(bx, hz - 60, bx + 26, hz - 20, (230, 240, 244))
        c.rect(bx + 2, hz - 40, bx + 24, hz - 22, col)
    for j in range(rng.randint(1, 2)):
        y0 = 130 + j * 90
        c.rect(bench_x0 + 20, y0, bench_x1 - 20, y0 + 8, (150, 140, 120))
        xx = bench_x0 + 30
        while xx < bench_x1 - 40:
            col = jitter(rng, rng.choice([(150, 190, 210), (200, 170, 110), (230, 230, 230), (120, 80, 60)]), 15)
            c.rect(xx, y0 - rng.uniform(30, 50), xx + 20, y0, col)
            xx += rng.uniform(28, 44)
    mx = x.main_x([0.4, 0.6])
    mx = min(max(mx, bench_x0 + 80), bench_x1 - 80)
    facing = rng.choice((-1, 1))
    info = draw_figure(c, mx, H - rng.uniform(20, 40), rng.uniform(420, 460), x.main, "point", facing=facing)
    hx, hy = info["hands"][1 if facing > 0 else 0]
    c.poly([(hx - 14, hy + 40), (hx + 14, hy + 40), (hx + 5, hy + 10), (hx + 5, hy - 8), (hx - 5, hy - 8), (hx - 5, hy + 10)], (220, 236, 240))
    c.poly([(hx - 12, hy + 38), (hx + 12, hy + 38), (hx + 7, hy + 26), (hx - 7, hy + 26)], jitter(rng, (120, 180, 210), 20))
    if x.has("同事", "和"):
        ox = mx - facing * rng.uniform(180, 240)
        ox = min(max(ox, 60), W - 60)
        draw_figure(c, ox, H - rng.uniform(30, 60), rng.uniform(400, 440), x.other("scientist"), "hold", facing=facing)


def lattice_tower(c, rng, x, ground, h, w, col=(110, 116, 120)):
    top = ground - h
    for s in (-1, 1):
        c.line([(x + s * w / 2, ground), (x + s * w * 0.08, top)], col, 6)
    levels = 9
    for k in range(levels):
        y0 = ground - h * k / levels
        y1 = ground - h * (k + 1) / levels
        w0 = w / 2 - (w / 2 - w * 0.08) * k / levels
        w1 = w / 2 - (w / 2 - w * 0.08) * (k + 1) / levels
        c.line([(x - w0, y0), (x + w1, y1)], col, 2.5)
        c.line([(x + w0, y0), (x - w1, y1)], col, 2.5)
        c.line([(x - w1, y1), (x + w1, y1)], col, 2.5)
    arms = []
    for k, frac in enumerate((0.86, 0.72)):
        y = ground - h * frac
        aw = w * (1.1 + 0.2 * k)
        c.rect(x - aw, y - 6, x + aw, y + 4, col)
        for s in (-1, 1):
            c.line([(x + s * aw, y + 4), (x + s * aw, y + 40)], (200, 200, 190), 4)
            arms.append((x + s * aw, y + 40))
    return arms


def scene_pylon(x):
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    hz = H * rng.uniform(0.7, 0.78)
    sky(c, rng, hz, x.era)
    for k in range(rng.randint(2, 5)):
        tree(c, rng, rng.uniform(0, W), hz, rng.uniform(80, 140))
    c.rect(0, hz, W, H, jitter(rng, (130, 150, 100), 10))
    tx = rng.uniform(W * 0.35, W * 0.65)
    th = rng.uniform(520, 600)
    arms = lattice_tower(c, rng, tx, hz + 10, th, rng.uniform(150, 190))
    for ax, ay in arms:
        c.line([(ax, ay), (-20, ay + rng.uniform(20, 60))], (50, 50, 54), 2)
        c.line([(ax, ay), (W + 20, ay + rng.uniform(20, 60))], (50, 50, 54), 2)
    far = rng.choice([-1, 1])
    lattice_tower(c, rng, tx + far * rng.uniform(300, 380), hz, th * 0.35, 60, (150, 156, 160))
    # workers on the tower
    nclimb = 2 if x.has("两名") else rng.randint(1, 2)
    for k in range(nclimb):
        fy = hz - th * rng.uniform(0.45, 0.8)
        fx = tx + rng.uniform(-30, 30)
        draw_figure(c, fx, fy + 90, 90, x.other("lineworker", female=x.person.female and rng.random() < 0.5), "reach", facing=0,
                    target=(fx, fy - 10), face=False)
    if x.has("斗臂车", "高空作业车", "作业车") or rng.random() < 0.3:
        side = -1 if x.has("左边") else rng.choice((-1, 1))
        vx = tx + side * rng.uniform(240, 320)
        vx = min(max(vx, 120), W - 120)
        col = rng.choice([(230, 230, 226), (236, 200, 40)])
        c.rect(vx - 110, hz + 10, vx + 110, hz + 80, col, r=8)
        c.rect(vx + side * 50 - 50, hz - 40, vx + side * 50 + 50, hz + 20, col, r=6)
        c.rect(vx + side * 50 - 40, hz - 32, vx + side * 50 + 40, hz, (150, 190, 210))
        for wx in (vx - 70, vx + 70):
            c.ell(wx, hz + 84, 24, 24, (30, 30, 30))
        bx, by = vx - side * 40, hz - rng.uniform(200, 300)
        c.line([(vx - side * 60, hz + 10), (bx, by + 40)], (200, 120, 30), 12)
        c.rect(bx - 30, by, bx + 30, by + 40, (240, 240, 240))
    mx = x.main_x([0.2, 0.8])
    if abs(mx - tx) < 120:
        mx = tx + (1 if mx > tx else -1) * 160
    mx = min(max(mx, 60), W - 60)
    draw_figure(c, mx, H - rng.uniform(20, 40), rng.uniform(360, 400), x.main, "point", facing=1 if mx < tx else -1)
    for k in range(rng.randint(0, 2)):
        ox = mx + rng.choice((-1, 1)) * rng.uniform(100, 150)
        draw_figure(c, ox, H - rng.uniform(40, 70), rng.uniform(300, 340), x.other("lineworker"), "hold", facing=1 if ox < tx else -1)


def scene_rooftop(x):
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    hz = H * rng.uniform(0.58, 0.66)
    sky(c, rng, hz, x.era)
    xx = -20
    while xx < W:
        w = rng.uniform(50, 120)
        h = rng.uniform(40, 200) * (0.7 if x.year < 2000 else 1.2)
        col = jitter(rng, (170, 176, 184), 14)
        c.rect(xx, hz - h, xx + w, hz, col)
        for r in range(int(h / 24)):
            for k in range(int(w / 20)):
                c.rect(xx + 6 + k * 20, hz - h + 8 + r * 24, xx + 16 + k * 20, hz - h + 18 + r * 24, shade(col, 0.85))
        xx += w + rng.uniform(0, 20)
    c.rect(0, hz, W, H, jitter(rng, (170, 166, 160), 8))
    c.rect(0, hz - 20, W, hz + 6, jitter(rng, (196, 192, 184), 6))
    masts = [rng.uniform(W * 0.35, W * 0.75)]
    if rng.random() < 0.4:
        masts.append(masts[0] + rng.choice((-1, 1)) * rng.uniform(220, 300))
    for i, mxx in enumerate(masts):
        mtop = rng.uniform(40, 90) + i * 60
        c.rect(mxx - 7, mtop, mxx + 7, hz + 40, (160, 164, 170))
        nsect = 1 if x.year < 1995 else rng.randint(1, 2)
        for k, y in enumerate((mtop + 30, mtop + 150)[:nsect]):
            c.line([(mxx - 70, y), (mxx + 70, y)], (150, 150, 156), 5)
            for s_ in ((-1, 1) if rng.random() < 0.7 else (-1, 0, 1)):
                c.rect(mxx + s_ * 60 - 14, y - 50, mxx + s_ * 60 + 14, y + 50, (240, 240, 240), (170, 170, 170), 2, r=6)
        c.rect(mxx - 40, hz + 20, mxx + 40, hz + 70, (120, 120, 126))
        c.line([(mxx + 8, hz + 30), (mxx + 200, hz + 90)], (40, 40, 40), 3)
    mast_x = masts[0]
    mtop = 60
    if rng.random() < 0.5:
        tx = rng.choice([60, W - 160])
        c.rect(tx, hz - 160, tx + 100, hz, jitter(rng, (150, 150, 150), 8))
        for k in range(4):
            c.line([(tx + 5, hz - 150 + k * 40), (tx + 95, hz - 150 + k * 40)], (120, 120, 120), 2)
    cab_x = mast_x + rng.choice((-1, 1)) * 200
    c.rect(cab_x - 60, hz - 70, cab_x + 60, hz + 60, (210, 210, 206), (150, 150, 150), 2)
    helper = x.other("mastworker")
    helper["o"]["hat"], helper["o"]["hat_col"] = "helmet", rng.choice([(238, 238, 236), (238, 190, 30), (206, 40, 36)])
    if rng.random() < 0.55:
        fx = mast_x + rng.choice((-1, 1)) * 40
        fy = mtop + rng.uniform(150, 230)
        draw_figure(c, fx, fy + 150, 150, helper, "reach", facing=0, target=(mast_x, fy - 40), face=False)
    else:
        fx = mast_x + rng.choice((-1, 1)) * 90
        draw_figure(c, fx, hz + 120, 300, helper, "reach", facing=1 if fx < mast_x else -1, target=(mast_x, hz - 120))
    mx = x.main_x([0.2, 0.8])
    if abs(mx - mast_x) < 150:
        mx = mast_x + (1 if mx > mast_x else -1) * 200
    mx = min(max(mx, 60), W - 60)
    if x.side == -1 and x.has("左下"):
        mx = W * 0.18
    sp = x.main
    if x.year >= 1990:
        sp["o"]["hat"] = "helmet"
        sp["o"]["hat_col"] = sp["o"]["hat_col"] or rng.choice([(238, 238, 236), (206, 40, 36), (238, 190, 30)])
        if sp["o"]["hat_col"] in [(60, 70, 90)] or sp["o"]["hat_col"][0] < 100:
            sp["o"]["hat_col"] = (238, 238, 236)
    draw_figure(c, mx, H - rng.uniform(20, 40), rng.uniform(380, 420), sp, "point", facing=1 if mx < mast_x else -1)


def scene_hutong(x):
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    hz = H * rng.uniform(0.74, 0.8)
    sky(c, rng, hz * 0.4, x.era)
    wall = jitter(rng, (150, 150, 150), 10)
    wall_top = hz * rng.uniform(0.28, 0.4)
    c.rect(0, wall_top, W, hz, wall)
    for k in range(int((hz - wall_top) / 14)):
        c.line([(0, wall_top + 30 + k * 14), (W, wall_top + 30 + k * 14)], shade(wall, 0.92), 1.5)
    c.rect(0, wall_top - 10, W, wall_top + 28, (74, 74, 80))
    for k in range(0, W, 14):
        c.line([(k, wall_top - 10), (k, wall_top + 28)], (60, 60, 66), 2)
    gx = rng.uniform(W * 0.15, W * 0.75)
    red = x.has("红") or rng.random() < 0.6
    gate = (150, 40, 36) if red else (90, 70, 56)
    c.rect(gx - 10, wall_top - 30, gx + 170, wall_top + 10, (70, 70, 76))
    c.rect(gx, wall_top + 10, gx + 160, hz, (96, 90, 84))
    c.rect(gx + 15, wall_top + 40, gx + 145, hz, gate)
    c.line([(gx + 80, wall_top + 40), (gx + 80, hz)], shade(gate, 0.7), 3)
    for s in (-1, 1):
        c.ell(gx + 80 + s * 14, (wall_top + hz) / 2, 5, 5, (220, 180, 60))
    c.rect(gx - 10, hz - 24, gx + 170, hz, (130, 130, 130))
    for k in range(rng.randint(1, 2)):
        tree(c, rng, rng.uniform(0, W), hz, rng.uniform(260, 340))
    c.rect(0, hz, W, H, jitter(rng, (176, 168, 150), 8))
    mx = x.main_x([0.35, 0.6])
    facing = rng.choice((-1, 1))
    # the cart
    cx_ = mx - facing * rng.uniform(170, 240)
    cx_ = min(max(cx_, 90), W - 90)
    cy = H - rng.uniform(60, 100)
    if x.year < 1985:
        cc = jitter(rng, (110, 100, 80), 10)
        c.rect(cx_ - 80, cy - 90, cx_ + 80, cy - 10, cc)
        c.ell(cx_, cy, 30, 30, (40, 36, 34))
        c.line([(cx_ + 80, cy - 60), (cx_ + 150, cy - 30)], (90, 70, 50), 6)
    else:
        cc = rng.choice([(40, 120, 80), (60, 110, 160), (220, 120, 40)]) if x.year >= 2000 else jitter(rng, (90, 110, 90), 10)
        narrow = x.has("窄")
        wdt = 60 if narrow else 80
        c.rect(cx_ - wdt, cy - 110, cx_ + wdt, cy - 20, cc, r=6)
        for wx in (cx_ - wdt * 0.6, cx_ + wdt * 0.6):
            c.ell(wx, cy - 5, 20, 20, (30, 30, 30))
        c.line([(cx_ + wdt, cy - 100), (cx_ + wdt + 50, cy - 140)], (60, 60, 60), 5)
    if rng.random() < 0.5 and x.year >= 1970:
        bx = rng.uniform(0, W)
        for wx in (bx - 50, bx + 50):
            c.ell(wx, hz + 30, 34, 34, None, (40, 40, 40), 3)
        c.line([(bx - 50, hz + 30), (bx, hz - 10), (bx + 50, hz + 30), (bx - 10, hz + 30), (bx - 50, hz + 30)], (40, 40, 40), 3)
    talk = x.has("交谈", "看望", "谈心", "说服") and not x.has("清扫", "扫")
    if talk:
        ox = mx + facing * rng.uniform(150, 190)
        ox = min(max(ox, 60), W - 60)
        draw_figure(c, ox, H - rng.uniform(30, 50), rng.uniform(330, 370), x.other(civilian=True, age=rng.randint(55, 80)),
                    rng.choice(["stand", "hold"]), facing=-facing)
        draw_figure(c, mx, H - rng.uniform(20, 40), rng.uniform(360, 400), x.main, "hand", facing=facing)
        return
    if x.has("居民", "老人", "看望", "交谈") or rng.random() < 0.25:
        ox = mx + facing * 150
        draw_figure(c, ox, hz + 40, 300, x.other(civilian=True, age=rng.randint(55, 80)), "stand", facing=-facing)
    info = draw_figure(c, mx, H - rng.uniform(20, 40), rng.uniform(360, 400), x.main, "sweep", facing=facing)
    hx, hy = info["hands"][1 if facing > 0 else 0]
    bx, by = hx + facing * 80, H - rng.uniform(20, 40) - 10
    c.line([(hx - facing * 40, hy - 60), (bx, by - 20)], (150, 120, 70), 5)
    c.poly([(bx - 30, by), (bx + 30, by), (bx + 10, by - 30), (bx - 10, by - 30)], (170, 150, 90))


def scene_cab(x):
    """A control cab: a shield machine's or any with screens."""
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    c.rect(0, 0, W, H, jitter(rng, (70, 74, 80), 6))
    desk = H * 0.62
    for k in range(rng.randint(3, 4)):
        sx = 80 + k * 220 + rng.uniform(-20, 20)
        c.rect(sx, 120, sx + 190, 300, (30, 32, 36))
        c.rect(sx + 8, 128, sx + 182, 292, (20, 50, 60))
        for j in range(6):
            c.rect(sx + 20, 150 + j * 22, sx + 20 + rng.uniform(40, 150), 160 + j * 22, (60, 200, 160) if j % 2 else (220, 200, 80))
        c.text(sx + 95, 278, f"{rng.uniform(1, 9):.2f} MPa" if k == 0 else f"{rng.randint(20, 60)} mm/min", 14, (200, 230, 220), anchor="mm")
    mx = x.main_x([0.35, 0.6])
    draw_figure(c, mx, desk + 250, 520, x.main, "reach", facing=0, target=(mx, desk + 20))
    c.rect(0, desk, W, H, (110, 114, 120))
    for k in range(12):
        c.ell(rng.uniform(40, W - 40), desk + rng.uniform(30, 200), 10, 10, rng.choice([(200, 40, 40), (40, 160, 60), (230, 200, 60)]))


def scene_office(x):
    """The fallback: the person at work at a desk in their unit."""
    c, rng = x.c, x.rng
    W, H = c.w, c.h
    wall = jitter(rng, rng.choice([(220, 214, 200), (206, 214, 214), (224, 220, 210)]), 10)
    c.rect(0, 0, W, H, wall)
    wx = rng.uniform(60, W - 320)
    c.rect(wx, 70, wx + 260, 330, jitter(rng, (200, 220, 230), 6), (240, 240, 240), 8)
    c.line([(wx + 130, 70), (wx + 130, 330)], (240, 240, 240), 6)
    if rng.random() < 0.6:
        c.rect(W - 220, 60, W - 60, 300, (150, 110, 70))
        for k in range(4):
            c.rect(W - 210, 80 + k * 56, W - 70, 120 + k * 56, jitter(rng, (200, 190, 160), 20))
    desk = H * 0.62
    mx = x.main_x([0.35, 0.6])
    draw_figure(c, mx, desk + 300, 480, x.main, "reach", facing=0, target=(mx + 40, desk + 10))
    c.rect(0, desk, W, H, jitter(rng, (150, 110, 70), 8))
    c.rect(mx - 40, desk - 8, mx + 90, desk + 8, (240, 236, 226))
    if x.year >= 1995:
        c.rect(mx + 140, desk - 110, mx + 260, desk - 20, (50, 50, 56))
        c.rect(mx + 148, desk - 102, mx + 252, desk - 30, (120, 170, 200))
    else:
        c.rect(mx - 200, desk - 30, mx - 130, desk, (60, 60, 60))
        c.ell(mx - 165, desk - 34, 30, 8, (40, 40, 40))


SCENES = [
    ("group", scene_group, ["合影"]),
    ("shed", scene_shed, ["暖棚"]),
    ("cab", scene_cab, ["操作室", "监看", "盾构"]),
    ("switchboard", scene_switchboard, ["交换台", "交换室", "转接电话", "话务"]),
    ("rooftop", scene_rooftop, ["基站", "天线", "楼顶"]),
    ("pylon", scene_pylon, ["铁塔", "线路", "抢修", "登塔", "巡线", "带电", "变电", "电缆", "电杆"]),
    ("stage", scene_stage, ["舞台", "演出", "演唱", "快板", "单弦", "朗诵", "小品", "表演", "追光", "剧场", "相声"]),
    ("ward", scene_ward, ["病房", "查房", "病床", "输液", "产妇", "病人", "护理"]),
    ("lab", scene_lab, ["实验室", "化验", "显微镜", "分析室", "样品", "检测", "菌种", "试验", "水样"]),
    ("classroom", scene_classroom, ["教室", "上课", "讲台", "黑板", "课堂", "语文课", "数学课", "复习课", "第十"]),
    ("bank", scene_bank, ["储蓄", "储户", "银行", "营业厅", "存款", "算盘"]),
    ("bus", scene_bus, ["车厢", "售票", "公共汽车", "电车", "乘客", "票夹", "票包"]),
    ("counter", scene_counter, ["柜台", "服务台", "售货", "商品", "量布", "拿货", "门市部", "顾客"]),
    ("workshop", scene_workshop, ["车床", "车削", "车刀", "机床", "加工中心", "数控", "铣", "卡盘", "车间", "焊", "技能大赛", "机器人"]),
    ("site", scene_site, ["工地", "施工", "砌", "塔吊", "钢筋", "住宅楼"]),
    ("hutong", scene_hutong, ["胡同", "清扫", "院门", "保洁", "垃圾", "扫"]),
]
SECTOR_SCENE = {
    "Manufacturing": "workshop", "Construction": "site", "Commerce": "counter", "Transport": "bus",
    "Health": "ward", "Education": "classroom", "Finance": "bank", "PublicService": "hutong",
    "Science": "lab", "Culture": "stage", "Energy": "pylon", "Communications": "switchboard",
}


def choose_scene(person, caption):
    best, score = None, 0
    pref = SECTOR_SCENE.get(person.sector)
    for name, fn, words in SCENES:
        s = sum(len(w) for w in words if w in caption)
        if s and name == pref:
            s += 1
        if s and name in ("group", "shed", "cab"):
            s += 10  # a team photograph, a winter shed, a cab: whatever the trade's usual scene
        if s > score:
            best, score = (name, fn), s
    if best:
        return best
    if person.sector == "Communications" and person.role() == "mastworker" and "基站" in person.position:
        return "rooftop", scene_rooftop
    for name, fn, _ in SCENES:
        if name == pref:
            return name, fn
    return "office", scene_office


def draw_photo(person, medium, rng):
    caption = medium["caption"]
    year = medium["year"]
    W, H = 960, 720
    c = Canvas(W, H)
    x = Ctx(c, rng, person, year, caption)
    name, fn = choose_scene(person, caption)
    fn(x)
    img = c.final()
    return tone(img, year, rng, border=True), name


# ---------------------------------------------------------------- documents


XUANWU = ("宣武", "天桥", "大栅栏", "牛街", "菜市口", "陶然亭", "琉璃厂", "广安门内")
CONFERENCE_MONTH = {1950: 9, 1956: 4, 1959: 11, 1960: 6, 1977: 5, 1978: 4, 1979: 12, 1989: 9, 1995: 4,
                    2000: 4, 2005: 4, 2010: 4, 2015: 4, 2020: 11, 2025: 4}


def beijing_government(y):
    if y <= 1954:
        return "北京市人民政府"
    if y < 1967:
        return "北京市人民委员会"
    if y <= 1979:
        return "北京市革命委员会"
    return "北京市人民政府"


def district_name(person, y):
    if y < 2010 and any(w in person.unit for w in XUANWU):
        return "宣武区"
    return "西城区"


def district_government(person, y):
    d = "北京市" + district_name(person, y)
    if y <= 1954:
        return d + "人民政府"
    if y < 1967:
        return d + "人民委员会"
    if y <= 1979:
        return d + "革命委员会"
    return d + "人民政府"


def issuer_of(person, h):
    """Who issued an honour's certificate, by title, level and year."""
    t, y, lv = h["title"], h["year"], h["level"]
    if "五一劳动奖章" in t:
        return "中华全国总工会"
    if "首都劳动奖章" in t:
        return "北京市总工会"
    if "优秀教师" in t and lv == "N":
        return "国家教育委员会" if y < 1998 else "中华人民共和国教育部"
    if lv == "N":
        # From 2005 the conferences were held by the Party's Central
        # Committee and the State Council together.
        if y >= 2005:
            return "中共中央　国务院"
        return "中央人民政府" if y < 1954 else "中华人民共和国国务院"
    if lv == "M":
        return beijing_government(y)
    if t.startswith("区") or "西城" in t or "宣武" in t or "区级" in t:
        return district_government(person, y)
    return person.unit or district_government(person, y)


def caption_issuer(caption):
    """The issuer a caption names ("1995年北京市人民政府颁发的…"): the
    certificate must say what its caption says."""
    m = re.search(r"^(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)?(.{2,20}?)(?:颁发|授予)", caption)
    return m.group(1).strip("，、 ") if m else None


def honour_for(person, caption, year):
    best = None
    for h in person.honours:
        if h["title"] and h["title"] in caption:
            if best is None or len(h["title"]) > len(best["title"]) or (
                    len(h["title"]) == len(best["title"]) and h["year"] == year):
                best = h
    if best:
        return best
    same = [h for h in person.honours if h["year"] == year]
    if same:
        return same[0]
    for words in (["五一"], ["首都"], ["全国"], ["北京市"], ["区"]):
        for h in person.honours:
            if any(w in caption and w in h["title"] for w in words):
                return h
    return person.honours[0] if person.honours else None


def paper_colour(year, rng):
    age = max(0, 2026 - year)
    t = min(1.0, age / 70)
    return jitter(rng, mix((250, 249, 244), (230, 214, 178), t), 4)


def age_paper(img, year, rng, strength=1.0):
    """Stains, foxing and grain, more for older paper."""
    w, h = img.size
    age = max(0, 2026 - year)
    amount = min(1.0, age / 60) * strength
    stains = Image.new("L", (w // 8, h // 8), 0)
    d = ImageDraw.Draw(stains)
    for k in range(int(3 + amount * 10)):
        x, y = rng.uniform(0, w / 8), rng.uniform(0, h / 8)
        r = rng.uniform(2, 12)
        d.ellipse([x - r, y - r, x + r, y + r], fill=int(rng.uniform(10, 40) * amount + 4))
    stains = stains.filter(ImageFilter.GaussianBlur(4)).resize((w, h), Image.Resampling.BILINEAR)
    a = np.asarray(img).astype(np.float32)
    s = np.asarray(stains).astype(np.float32)[..., None] / 255.0
    a = a * (1 - s * np.array([0.25, 0.4, 0.7]))
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    a = a + grain_field(nrng, w, h, 0.5 + 1.0 * amount)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def seal(c, x, y, r, text, rng, colour=(206, 30, 36)):
    """A round red seal: the issuer's name around a star, inked over the
    words beneath it (multiplied, so they still read)."""
    col = jitter(rng, colour, 8)
    layer = Canvas(c.w, c.h, (0, 0, 0))
    layer.im = Image.new("L", c.im.size, 0)
    layer.d = ImageDraw.Draw(layer.im)
    ink = 235
    layer.ell(x, y, r, r, None, ink, r * 0.07)
    star(layer, x, y, r * 0.3, ink, rot=rng.uniform(-0.05, 0.05))
    n = max(1, len(text))
    span = min(270, 22 * n + 40)
    size = min(r * 0.3, 2 * math.pi * r * 0.72 * span / 360 / n * 0.95)
    start = -90 - span / 2
    fsz = int(size * SS)
    f = font("sansb", fsz)
    for i, ch in enumerate(text):
        ang = start + span * (i + 0.5) / n
        rad = math.radians(ang)
        px = x + math.cos(rad) * r * 0.72
        py = y + math.sin(rad) * r * 0.72
        tile = Image.new("L", (fsz * 2, fsz * 2), 0)
        ImageDraw.Draw(tile).text((fsz, fsz), ch, font=f, fill=ink, anchor="mm")
        tile = tile.rotate(-(ang + 90), resample=Image.Resampling.BICUBIC)
        layer.im.paste(tile, (int(px * SS - fsz), int(py * SS - fsz)), tile)
    # worn ink
    for k in range(rng.randint(4, 10)):
        a = rng.uniform(0, 2 * math.pi)
        rr = rng.uniform(0, r)
        layer.ell(x + math.cos(a) * rr, y + math.sin(a) * rr, rng.uniform(1.5, 4), rng.uniform(1.5, 4), 0)
    tint = Image.new("RGB", c.im.size, (255, 255, 255))
    tint.paste(col, (0, 0), layer.im)
    c.im = ImageChops.multiply(c.im, tint)
    c.d = ImageDraw.Draw(c.im)


def mat(doc, size, rng):
    """The scan: the sheet on a dark mat with a soft shadow."""
    W, H = size
    bg = jitter(rng, rng.choice([(52, 50, 48), (60, 58, 54), (44, 46, 50)]), 4)
    out = Image.new("RGB", (W, H), bg)
    dw, dh = doc.size
    scale = min((W - 70) / dw, (H - 70) / dh)
    doc = doc.resize((int(dw * scale), int(dh * scale)), Image.Resampling.LANCZOS)
    x0, y0 = (W - doc.size[0]) // 2, (H - doc.size[1]) // 2
    sh = Image.new("L", (W, H), 0)
    ImageDraw.Draw(sh).rectangle([x0 + 6, y0 + 8, x0 + doc.size[0] + 6, y0 + doc.size[1] + 8], fill=120)
    sh = sh.filter(ImageFilter.GaussianBlur(8))
    out.paste((20, 20, 20), (0, 0), sh)
    out.paste(doc, (x0, y0))
    return out


def cert_text(person, h):
    t = h["title"]
    if "奖章" in t:
        return f"荣获{t}。", "特发此证。"
    if h["level"] == "N" and any(w in t for w in ("劳动模范", "先进生产者", "先进工作者")):
        return f"被授予“{t}”荣誉称号。", "特发此证，以资鼓励。"
    return f"被评为{t}。", "特发此证，以资鼓励。"


def draw_certificate(person, medium, rng):
    caption, year = medium["caption"], medium["year"]
    h = honour_for(person, caption, year)
    if h is None:
        return draw_plain(person, medium, rng)
    hy = h["year"]
    cy_, cm, _ = caption_date(caption, hy)
    month = cm if cy_ == hy and cm else CONFERENCE_MONTH.get(hy) if h["level"] == "N" and "奖章" not in h["title"] \
        else rng.choice([4, 4, 5]) if "奖章" in h["title"] else rng.choice([1, 4, 5, 9, 12])
    issuer = caption_issuer(caption) or issuer_of(person, h)
    if "奖状" in caption:
        title = "奖状"
    elif "证书" in caption:
        title = "荣誉证书"
    else:
        title = "奖状" if hy < 1980 else "荣誉证书"
    old = hy < 1980 or title == "奖状"
    W, H = 960, 720
    paper = paper_colour(hy, rng)
    c = Canvas(W, H, paper)
    red = jitter(rng, (190, 36, 40), 8)
    gold = jitter(rng, (214, 170, 70), 8)
    style = "booklet" if not old and rng.random() < 0.5 else "sheet"
    line1, line2 = cert_text(person, h)
    if title == "奖状":
        line2 = line2.replace("此证", "此状")
    if style == "booklet":
        c.rect(0, 0, W, H, red)
        c.rect(18, 18, W / 2 - 6, H - 18, shade(red, 0.9))
        c.rect(W / 2 + 6, 18, W - 18, H - 18, paper)
        c.rect(W / 2 + 26, 38, W - 38, H - 38, None, gold, 3)
        lx = W / 4
        if rng.random() < 0.5:
            for k in range(3):
                c.rect(40 + k * 12, 40 + k * 12, W / 2 - 28 - k * 12, H - 40 - k * 12, None, gold, 1.5)
        for k in range(12):
            a = math.pi + k * math.pi / 11
            c.line([(lx, 250), (lx + math.cos(a) * 90, 250 + math.sin(a) * 90)], gold, 3)
        star(c, lx, 230, 46, gold)
        c.text(lx, 400, title, 64, gold, kind="serifb", anchor="mm", spacing=12)
        c.text(lx, 480, "CERTIFICATE OF HONOR" if hy >= 1990 and rng.random() < 0.5 else "", 18, gold, anchor="mm")
        x0, x1 = W / 2 + 60, W - 60
        y = 110
        c.text(x0, y, f"{person.name} 同志：", 30, (30, 26, 24), kind="serif")
        y += 70
        body = "　　" + line1
        for ln in wrap(c, body, x1 - x0, 28, "serif"):
            c.text(x0, y, ln, 28, (30, 26, 24), kind="serif")
            y += 48
        c.text(x0, y, "　　" + line2, 28, (30, 26, 24), kind="serif")
        ix = (x0 + x1) / 2 + 40
        c.text(ix, H - 200, issuer, 26, (30, 26, 24), kind="serif", anchor="mm")
        c.text(ix, H - 150, cn_date(hy, month), 26, (30, 26, 24), kind="serif", anchor="mm")
        seal(c, ix + rng.uniform(30, 70), H - 185, 70, issuer, rng)
    else:
        m = 28
        border = rng.choice(["band", "band", "meander"]) if old else rng.choice(["double", "double", "meander", "corners"])
        if border == "meander":
            c.rect(m, m, W - m, H - m, gold if not old else red)
            c.rect(m + 26, m + 26, W - m - 26, H - m - 26, paper)
            ink_ = paper
            step = 26
            for xx in range(int(m + 6), int(W - m - 20), step):
                for yy in (m + 4, H - m - 22):
                    c.line([(xx, yy + 16), (xx, yy + 4), (xx + 16, yy + 4), (xx + 16, yy + 12), (xx + 8, yy + 12)], ink_, 2.5)
            for yy in range(int(m + 30), int(H - m - 40), step):
                for xx in (m + 4, W - m - 22):
                    c.line([(xx + 16, yy), (xx + 4, yy), (xx + 4, yy + 16), (xx + 12, yy + 16), (xx + 12, yy + 8)], ink_, 2.5)
            c.rect(m + 34, m + 34, W - m - 34, H - m - 34, None, red, 2)
            for k in range(14):
                a = math.pi + (k + 1) * math.pi / 15
                c.line([(W / 2, 150), (W / 2 + math.cos(a) * 70, 150 + math.sin(a) * 70)], gold, 2)
            star(c, W / 2, 130, 32, red)
            ty = 225
        elif border == "corners":
            c.rect(m + 10, m + 10, W - m - 10, H - m - 10, None, red, 4)
            for cx_, cy_, sx, sy in ((m + 10, m + 10, 1, 1), (W - m - 10, m + 10, -1, 1), (m + 10, H - m - 10, 1, -1),
                                     (W - m - 10, H - m - 10, -1, -1)):
                for k in range(3):
                    c.arc(cx_ + sx * 30, cy_ + sy * 30, 30 + k * 14, 30 + k * 14, 0, 360, gold, 2)
                star(c, cx_ + sx * 30, cy_ + sy * 30, 14, red)
            c.rect(W / 2 - 200, 176, W / 2 + 200, 180, gold)
            for s_ in (-1, 1):
                for k in range(6):
                    c.ell(W / 2 + s_ * (70 + k * 22), 140 - k * 5, 12, 6, gold)
            star(c, W / 2, 135, 30, red)
            ty = 235
        elif old:
            c.rect(m, m, W - m, H - m, red)
            c.rect(m + 26, m + 26, W - m - 26, H - m - 26, paper)
            k = 0
            x = m + 40
            while x < W - m - 40:
                for yy in (m + 13, H - m - 13):
                    if k % 2:
                        star(c, x, yy, 8, gold)
                    else:
                        c.poly([(x - 7, yy), (x, yy - 7), (x + 7, yy), (x, yy + 7)], gold)
                x += 26
                k += 1
            y = m + 40
            while y < H - m - 40:
                for xx in (m + 13, W - m - 13):
                    c.poly([(xx - 7, y), (xx, y - 7), (xx + 7, y), (xx, y + 7)], gold)
                y += 26
            for xx, yy in ((m + 13, m + 13), (W - m - 13, m + 13), (m + 13, H - m - 13), (W - m - 13, H - m - 13)):
                c.ell(xx, yy, 18, 18, gold)
                star(c, xx, yy, 12, red)
            # flags and star
            fx = W / 2
            for s in (-1, 1):
                c.line([(fx, 170), (fx + s * 120, 90)], (150, 110, 40), 4)
                c.poly([(fx + s * 120, 90), (fx + s * 200, 86), (fx + s * 190, 140), (fx + s * 112, 130)], red)
            for k in range(9):
                a = math.pi + (k + 1) * math.pi / 10
                c.line([(fx, 150), (fx + math.cos(a) * 60, 150 + math.sin(a) * 60)], gold, 2)
            star(c, fx, 140, 26, gold)
            ty = 235
        else:
            c.rect(m, m, W - m, H - m, None, gold, 10)
            c.rect(m + 20, m + 20, W - m - 20, H - m - 20, None, red, 3)
            for xx, yy in ((m + 20, m + 20), (W - m - 20, m + 20), (m + 20, H - m - 20), (W - m - 20, H - m - 20)):
                c.ell(xx, yy, 22, 22, red)
                star(c, xx, yy, 14, gold)
            for k in range(14):
                a = math.pi + (k + 1) * math.pi / 15
                c.line([(W / 2, 150), (W / 2 + math.cos(a) * 70, 150 + math.sin(a) * 70)], gold, 2)
            star(c, W / 2, 130, 32, red)
            ty = 225
        c.text(W / 2, ty, title, 72, red, kind="serifb", anchor="mm", spacing=30 if len(title) == 2 else 10)
        x0 = 160
        c.text(x0, ty + 85, f"{person.name} 同志：", 32, (30, 26, 24), kind="serifb")
        y = ty + 150
        if old and rng.random() < 0.5:
            c.text(x0 + 64, y, f"在{cn_num(hy)}年度工作中成绩显著，", 28, (30, 26, 24), kind="serif")
            y += 52
        c.text(x0 + 64, y, line1, 30, (30, 26, 24), kind="serif")
        y += 60
        c.text(x0 + 64, y, line2, 28, (30, 26, 24), kind="serif")
        ix = W - 270
        iy = H - 150
        isz = 28 if len(issuer) <= 10 else 24
        c.text(ix, iy, issuer, isz, (30, 26, 24), kind="serif", anchor="mm")
        c.text(ix, iy + 46, cn_date(hy, month), 26, (30, 26, 24), kind="serif", anchor="mm")
        seal(c, ix + rng.uniform(40, 80), iy + 10, 74, issuer, rng)
    img = age_paper(c.final(), hy, rng)
    # folded in four, long ago
    if hy < 1990 and style == "sheet" and rng.random() < 0.7:
        d = ImageDraw.Draw(img)
        d.line([(W // 2, 0), (W // 2, H)], fill=shade(paper, 0.9), width=2)
        d.line([(0, H // 2), (W, H // 2)], fill=shade(paper, 0.92), width=2)
    return mat(img, (W, H), rng)


def weekday(y, m, d):
    try:
        return "星期" + "一二三四五六日"[datetime.date(y, m, d).weekday()]
    except ValueError:
        return ""


def first_person(person, text):
    t = text.replace(person.name, "我").replace("他", "我").replace("她", "我")
    return t


def story_sentences(person, before=None, strict=True):
    """The story's sentences up to a year; strict leaves out those no diary or
    letter would say (birth, honours, retirement, the press)."""
    out = []
    for s in re.split(r"(?<=[。！？])", person.story):
        s = s.strip()
        if not s:
            continue
        if any(w in s for w in ("那一页", "这一页", "报道", "为题", "报纸", "通讯")):
            continue
        if strict and any(w in s for w in ("后来", "从那以后", "此后", "至今", "如今", "多年")):
            continue
        if strict and any(w in s for w in ("生于", "退休", "被评为", "授予", "荣获", "评为", "获得", "称号", "奖章", "劳动模范")):
            continue
        ys = [int(y) for y in re.findall(r"(1[89]\d\d|20\d\d)年", s)]
        if before and ys and max(ys) > before:
            continue
        out.append(s)
    return out


SCENE_WORDS = {
    "workshop": "在车间里工作", "counter": "在柜台前接待顾客", "bus": "在车厢里为乘客售票", "classroom": "在课堂上",
    "ward": "在病房里", "site": "在工地上指挥施工", "shed": "和工友们在砌墙", "group": "和同事们在一起",
    "bank": "在营业窗口为储户办理业务", "switchboard": "在电话交换室", "stage": "在舞台上演出", "lab": "在实验室里",
    "pylon": "在铁塔下指挥检修", "rooftop": "在楼顶基站", "hutong": "在胡同里清扫", "cab": "在操作室里",
}


def draw_newspaper(person, medium, rng):
    caption, year = medium["caption"], medium["year"]
    y, m, d = caption_date(caption, year)
    m = m or rng.randint(1, 12)
    d = d or rng.randint(1, 28)
    titles = re.findall(r"《([^》]+)》", caption)
    paper_name = next((t for t in titles if t.endswith("报") and len(t) <= 8), None)
    heads = [t for t in titles if t != paper_name]
    headline = heads[0] if heads else f"记{person.name}同志"
    page = re.search(r"第([一二三四五六七八九十\d]+)版", caption)
    page = page.group(1) if page else rng.choice(["二", "三", "四"])
    if page.isdigit():
        page = cn_num(int(page))
    W, H = 720, 960
    paper = paper_colour(y, rng)
    paper = mix(paper, (226, 220, 200), 0.3)
    c = Canvas(W, H, paper)
    ink = (36, 34, 32)
    m0 = 40
    date = (f"{cn_date(y, m, d)}　{weekday(y, m, d)}" if y < 1990 else f"{y}年{m}月{d}日　{weekday(y, m, d)}")
    top = 0
    if paper_name:
        c.text(W / 2, 16, paper_name, 44, ink, kind="serifb", anchor="ma", spacing=10)
        top = 70
    c.text(m0, 30 + top, date, 15, ink)
    c.text(W - m0, 30 + top, f"第{page}版", 15, ink, anchor="ra")
    c.line([(m0, 56 + top), (W - m0, 56 + top)], ink, 3)
    c.line([(m0, 61 + top), (W - m0, 61 + top)], ink, 1)
    hs = 40
    while c.tw(headline, hs, "serifb") > W - 2 * m0 and hs > 22:
        hs -= 2
    lines = wrap(c, headline, W - 2 * m0, hs, "serifb")
    yy = 80 + top
    for ln in lines:
        c.text(W / 2, yy, ln, hs, ink, kind="serifb", anchor="ma")
        yy += hs + 12
    reporter = rng.choice(["本报记者", "本报通讯员"]) + " " + rng.choice("王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林")
    c.text(W / 2, yy + 4, reporter + rng.choice(["明", "华", "平", "军", "红", "伟", "文", "强"]), 15, ink, anchor="ma")
    yy += 36
    c.line([(m0, yy), (W - m0, yy)], ink, 1)
    yy += 14
    # the picture
    pic_caption = caption.split("配图")[1] if "配图" in caption else ""
    with_pic = bool(pic_caption) or rng.random() < 0.6
    text = "　　" + ("".join(story_sentences(person, before=y, strict=False)) or person.summary)
    size = 14
    col_w = (W - 2 * m0 - 24) / 2
    if with_pic:
        pw = W - 2 * m0 if rng.random() < 0.5 else col_w
        ph = pw * (0.62 if pw > col_w else 0.75)
        sub = Ctx(Canvas(960, 720), random.Random(rng.random()), person, y, pic_caption or caption)
        name, fn = choose_scene(person, pic_caption or caption)
        fn(sub)
        pic = sub.c.final().convert("L").resize((int(pw), int(ph)), Image.Resampling.LANCZOS)
        pic = Image.eval(pic, lambda v: int(50 + v * 0.7))
        px = m0 if pw > col_w * 1.5 or rng.random() < 0.5 else m0 + col_w + 24
        c.paste(pic.convert("RGB").resize((int(pw * SS), int(ph * SS))), px, yy)
        cap = pic_caption.strip("是，。 ")
        if cap:
            cap = person.name + cap.lstrip("他她") if cap.startswith(("他", "她")) else cap
        else:
            cap = person.name + SCENE_WORDS.get(name, "在工作中")
        cap_y = yy + ph + 6
        c.text(px, cap_y, ("图为" + cap + "。")[:44], 12, ink)
        pic_box = (px, yy, px + pw, cap_y + 22)
    else:
        pic_box = None
    # the article in two columns, flowing round the picture
    cols = [m0, m0 + col_w + 24]
    lh = size + 7
    tokens = re.findall(r"[0-9A-Za-z.%]+|.", text, re.S)
    ci = 0
    bottom = H - 70
    ends = []
    for k, x0 in enumerate(cols):
        y0 = yy
        while y0 + lh < bottom and ci < len(tokens):
            if pic_box and pic_box[0] < x0 + col_w and pic_box[2] > x0 and pic_box[1] - lh <= y0 <= pic_box[3]:
                y0 = pic_box[3] + 6
                continue
            line = ""
            while ci < len(tokens) and c.tw(line + tokens[ci], size, "serif") <= col_w:
                line += tokens[ci]
                ci += 1
            while ci < len(tokens) and tokens[ci] in "，。、；：！？）》”":
                line += tokens[ci]
                ci += 1
            c.text(x0, y0, line, size, ink, kind="serif")
            y0 += lh
        ends.append(y0)
    rule_top = pic_box[3] + 4 if pic_box and pic_box[2] - pic_box[0] > col_w * 1.5 else yy
    c.line([(m0 + col_w + 12, rule_top), (m0 + col_w + 12, bottom)], shade(paper, 0.7), 1)
    # the rest of the page: the start of other articles, too small to read
    for k, x0 in enumerate(cols):
        y0 = ends[k] + 18
        if pic_box and pic_box[0] < x0 + col_w and pic_box[2] > x0 and y0 <= pic_box[3] + 6:
            y0 = pic_box[3] + 24
        if y0 + 60 < bottom:
            c.line([(x0, y0 - 8), (x0 + col_w, y0 - 8)], ink, 1)
            c.rect(x0 + col_w * 0.15, y0 + 4, x0 + col_w * 0.85, y0 + 20, shade(paper, 0.55))
            y0 += 34
            while y0 + 10 < bottom:
                c.rect(x0 + (24 if rng.random() < 0.15 else 0), y0, x0 + col_w - (rng.uniform(0, 80) if rng.random() < 0.2 else 0),
                       y0 + 8, shade(paper, 0.75))
                y0 += lh
    c.line([(m0, H - 62), (W - m0, H - 62)], ink, 1)
    for k in range(2):
        c.rect(m0, H - 50 + k * 18, W - m0 - rng.uniform(0, 200), H - 42 + k * 18, shade(paper, 0.72))
    img = age_paper(c.final(), y, rng, 0.8)
    return mat(img, (W, H), rng)


def letter_sender(person, caption):
    m = re.search(r"[，,]\s*([^，,]*?)写给", caption) or re.search(r"^([^，,]*?)写给", caption)
    if m:
        s = re.sub(r"^\d{4}年(\d{1,2}月)?(\d{1,2}日)?", "", m.group(1)).strip("，, ")
        if s:
            return s
    m = re.search(r"([^，,]*?)(?:写的|发来的|寄来的)", caption)
    if m:
        return re.sub(r"^\d{4}年(\d{1,2}月)?(\d{1,2}日)?", "", m.group(1)).strip("，, ")
    return person.unit


def full_unit(person, name, y):
    if name.startswith("区"):
        return "北京市" + district_name(person, y) + name[1:]
    return name


def letter_body(person, caption, kind, sender, y):
    you = "您"
    summ = person.summary.strip("。") or "在平凡的岗位上做出了不平凡的成绩"
    summ = summ.replace(person.name, you).replace("他", you).replace("她", you)
    if you not in summ and summ.startswith(("从", "在", "把", "用", "为", "让", "带", "当", "以", "自", "几十年", "三十", "二十", "四十")):
        summ = you + summ
    us = "我校全体师生" if any(w in sender for w in ("学校", "小学", "中学", "学院")) else \
        "我馆全体同志" if sender.endswith("馆") else "我所全体职工" if sender.endswith("所") else "全体同志"
    deeds = []
    for st in story_sentences(person, before=y)[-3:]:
        if person.name in st or st.startswith(("他", "她")) or re.match(r"^\d{4}年(\d{1,2}月)?，(他|她)", st):
            deeds.append(st.replace(person.name, you).replace("他", you).replace("她", you))
    deeds = ["".join(deeds[-2:])] if deeds else []
    if kind == "student":
        dest = re.search(r"去([^前，。]{2,6})前", caption)
        place = dest.group(1) if dest else "外地"
        return [f"明天我就要去{place}了，临走前给您写这封信。",
                "您教我们的那些年，我一直记在心里。您常说，不管到了哪里，书不能丢，字要写工整，做人要踏实。",
                "到了那边，我会常给您写信。请您多保重身体。"], "此致", "敬礼！", "您的学生"
    if kind == "literacy":
        return ["我今年识字班结业了，现在能自己写信了，这封信就是我自己写的。",
                "以前我连自己的名字都不会写，是您一个字一个字地教会了我。您白天上课，晚上还来教我们，从来没有误过一次。",
                "我代表识字班的全体学员，向您说一声谢谢！"], "此致", "敬礼！", "您的学员"
    if kind == "invite":
        what = re.search(r"(?:邀请他|邀请她|请他|请她)([^，。]+)", caption)
        what = what.group(1) if what else "参加有关工作"
        return [f"{summ}。" + (deeds[0] if deeds else ""), f"经研究，特邀请{you}{what}。具体时间另行通知，望{you}拨冗支持。"], "此致", "敬礼！", None
    if kind == "sympathy":
        if "春节" in caption:
            return [f"值此新春佳节来临之际，全校教职工向{you}致以节日的问候！",
                    f"{summ}。{you}在外工作辛苦，学校一切都好，请{you}放心。", f"祝{you}和家人新春愉快，身体健康！"], "此致", "敬礼！", None
        return [f"惊悉{you}因病住院，全体同志十分挂念。", f"{summ}。",
                f"请{you}安心养病，工作上的事大家会安排好。祝{you}早日康复！"], "此致", "敬礼！", None
    if kind == "commend":
        return [f"{summ}。"] + deeds + [f"为此，特提出表扬，并号召{us}向{you}学习。"], "此致", "敬礼！", None
    return [f"{summ}。"] + deeds + [f"{us}向{you}表示衷心的感谢！希望{you}继续发扬成绩，再接再厉。"], "此致", "敬礼！", None


def draw_letter(person, medium, rng):
    caption, year = medium["caption"], medium["year"]
    y, m, d = caption_date(caption, year)
    m = m or rng.randint(1, 12)
    d = d or rng.randint(1, 28)
    if "学生" in caption or "学员" in caption:
        kind = "literacy" if "识字" in caption else "student"
    elif "邀请" in caption or "请他" in caption or "请她" in caption:
        kind = "invite"
    elif "慰问" in caption:
        kind = "sympathy"
    elif "表扬" in caption:
        kind = "commend"
    elif "感谢" in caption:
        kind = "thanks"
    else:
        kind = "letter"
    title = {"thanks": "感谢信", "commend": "表扬信", "sympathy": "慰问信"}.get(kind)
    sender = letter_sender(person, caption)
    W, H = 720, 960
    paper = paper_colour(y, rng)
    c = Canvas(W, H, paper)
    red = jitter(rng, (196, 40, 40), 8)
    ink = rng.choice([(30, 40, 90), (30, 30, 34), (40, 50, 100)]) if kind in ("student", "literacy") else (32, 30, 30)
    kindf = "serif"
    m0 = 64
    letterhead = full_unit(person, sender, y)
    if kind in ("student", "literacy"):
        letterhead = full_unit(person, person.unit, y) if "信纸" in caption or "信笺" in caption else None
    yy = 60
    if letterhead:
        c.text(W / 2, yy, letterhead, 28 if len(letterhead) < 16 else 22, red, kind="serifb", anchor="ma")
        yy += 50
        c.line([(m0 - 10, yy), (W - m0 + 10, yy)], red, 3)
        c.line([(m0 - 10, yy + 6), (W - m0 + 10, yy + 6)], red, 1)
    yy += 34
    lh = 46
    # ruled lines
    for k in range(int((H - yy - 40) / lh)):
        c.line([(m0, yy + 40 + k * lh), (W - m0, yy + 40 + k * lh)], mix(paper, red, 0.35), 1)
    if title:
        c.text(W / 2, yy - 6, title, 34, ink, kind="serifb", anchor="ma", spacing=14)
        yy += lh
    body, close1, close2, sign = letter_body(person, caption, kind, sender, y)
    salute = f"{person.name[0]}老师：" if kind in ("student", "literacy") else f"{person.name}同志："
    size = 24
    c.text(m0, yy + 6, salute, size, ink, kind=kindf)
    yy += lh
    for para in body:
        for ln in wrap(c, "　　" + para, W - 2 * m0, size, kindf):
            c.text(m0, yy + 6, ln, size, ink, kind=kindf)
            yy += lh
    c.text(m0 + 2 * size, yy + 6, close1, size, ink, kind=kindf)
    yy += lh
    c.text(m0, yy + 6, close2, size, ink, kind=kindf)
    yy += lh * 1.4
    if sign:
        student = re.search(r"学生([\u4e00-\u9fff]{2,3})", caption)
        who = student.group(1) if student else rng.choice(["王秀兰", "刘淑珍", "赵德明", "孙桂英"])
        sign = f"{sign}　{who}"
    else:
        sign = full_unit(person, sender, y)
    c.text(W - m0, yy + 6, sign, size, ink, kind=kindf, anchor="ra")
    yy += lh
    c.text(W - m0, yy + 6, cn_date(y, m, d) if y < 2000 or rng.random() < 0.6 else f"{y}年{m}月{d}日", size, ink,
           kind=kindf, anchor="ra")
    if kind not in ("student", "literacy"):
        seal(c, W - m0 - 130 + rng.uniform(-20, 20), yy - 10, 62, full_unit(person, sender, y), rng)
    img = age_paper(c.final(), y, rng)
    return mat(img, (W, H), rng)


def gear_sketch(c, x, y, r, teeth, rng, ink):
    pts = []
    n = teeth * 4
    for k in range(n + 1):
        a = 2 * math.pi * k / n
        rr = r if (k % 4) in (1, 2) else r * 0.9
        pts.append((x + math.cos(a) * rr + rng.uniform(-0.6, 0.6), y + math.sin(a) * rr + rng.uniform(-0.6, 0.6)))
    c.line(pts, ink, 1.6)
    c.ell(x, y, r * 0.25, r * 0.25, None, ink, 1.6)
    c.rect(x - r * 0.05, y - r * 0.3, x + r * 0.05, y - r * 0.22, None, ink, 1.2)
    c.line([(x - r - 20, y), (x + r + 20, y)], ink, 1)
    c.line([(x, y - r - 20), (x, y + r + 20)], ink, 1)


def notebook_topic(caption):
    for key, words in (("gear", ["齿轮", "棘轮"]), ("tool", ["车刀", "刃磨", "断屑"]), ("map", ["线路图", "沿线"]),
                       ("data", ["数据", "变形", "测量"]), ("innovation", ["革新", "改造", "做法"]),
                       ("memo", ["备忘", "准备", "清单"]), ("study", ["学习心得", "心得"]),
                       ("manual", ["口袋书", "手稿", "要领", "手册"]), ("diary", ["日记", "日志"])):
        if any(w in caption for w in words):
            return key
    return "notes"


ROUTES = [
    (["西直门", "新街口", "平安里", "西四", "缸瓦市", "西单", "宣武门"], False),
    (["阜成门", "白塔寺", "西四", "西安门", "北海"], True),
]
XICHENG_STOPS = ["西直门", "新街口", "护国寺", "平安里", "西四", "缸瓦市", "西单", "宣武门", "白塔寺", "阜成门",
                 "甘家口", "百万庄", "展览路", "德胜门", "鼓楼", "北海", "府右街", "复兴门", "月坛", "三里河"]

MANUAL_ITEMS = {
    "Construction": ["开工前，先看图纸，再看现场。", "每班交底：今天干什么、怎么干、哪里有危险。", "安全帽戴正，帽带系紧。",
                     "发现异常，先停机，后报告。", "交班时把数据记清楚，下一班才接得住。"],
    "Manufacturing": ["开车前检查润滑，听声音。", "量具每天校一次。", "首件必检，合格再批量。", "切削液要够，铁屑及时清。"],
    "Transport": ["报站要清楚，先普通话，后提醒。", "老人、孩子、孕妇先上车，主动让座。", "零钱备足，找零当面点清。"],
    "Energy": ["登杆前检查安全带、脚扣。", "停电、验电、挂地线，一样不能少。", "工作票、操作票，票票要对。"],
    "Communications": ["每周巡检一次，记下电压、温度。", "接头要包好，防水防潮。", "故障两小时内到场。"],
}


def draw_notebook(person, medium, rng):
    caption, year = medium["caption"], medium["year"]
    y, m, d = caption_date(caption, year)
    topic = notebook_topic(caption)
    W, H = 720, 960
    paper = paper_colour(y, rng)
    c = Canvas(W, H, paper)
    ink = rng.choice([(30, 40, 90), (34, 34, 40), (50, 40, 80), (60, 30, 30)])
    rule = mix(paper, (120, 150, 200), 0.35)
    lh = rng.choice([36, 38, 40])
    top = rng.choice([110, 120])
    margin = rng.uniform(80, 110)
    for k in range(int((H - top - 30) / lh) + 1):
        c.line([(0, top + k * lh), (W, top + k * lh)], rule, 1)
    c.line([(margin, 0), (margin, H)], mix(paper, (210, 80, 80), 0.5), 1.5)
    if rng.random() < 0.6:
        for k in range(6):
            c.ell(24, 120 + k * 140, 10, 10, shade(paper, 0.6))
    size = rng.choice([21, 22, 23])
    kindf = "serif"
    if m and d:
        date = f"{y}年{m}月{d}日" if y >= 1980 or rng.random() < 0.5 else cn_date(y, m, d)
    elif m:
        date = f"{y}年{m}月"
    else:
        date = f"{y}年"
    if topic == "diary" and m and d:
        date += "　" + rng.choice(["晴", "阴", "多云", "小雪", "雨"])
    q = re.search(r"[《“]([^》”]{2,16})[》”]", caption)
    by_word = next((h for w, h in (("备忘", "备忘"), ("日记", "工作日记"), ("施工日志", "施工日志"), ("日志", "工作日志"), ("学习心得", "学习心得"), ("工作笔记", "工作笔记"),
                                    ("笔记", "笔记"), ("革新", "技术革新记录")) if w in caption), None)
    heading = q.group(1) if q else by_word or {"gear": "工作笔记", "tool": "车刀刃磨要领", "map": "线路图", "data": "变形记录",
                                    "innovation": "技术革新记录", "memo": "备忘", "study": "学习心得", "manual": "工作手册",
                                    "diary": "工作日记", "notes": "工作笔记"}[topic]
    c.text(W - 50, top - lh - 10, date, size, ink, kind=kindf, anchor="ra")
    c.text(margin + 20, top - 8, heading, size + 6, ink, kind="serifb", anchor="ls")
    lines = []
    sketch = None
    if topic == "gear":
        dm = re.search(r"(\d{2,4})\s*毫米", caption)
        dia = int(dm.group(1)) if dm else rng.choice([64, 96, 120, 146, 180])
        mod = rng.choice([1, 1.5, 2, 2.5, 3]) if dia > 80 else rng.choice([1, 1.25, 1.5])
        z = max(12, int(round(dia / mod)) - 2)
        what = re.search(r"画着([^，。]*?)(?:的|上)?(?:齿轮|棘轮)", caption)
        what = what.group(1).rstrip("的上") if what else ""
        lines = [f"{what}{'棘轮' if '棘轮' in caption else '齿轮'}测绘：" if what else "齿轮测绘：",
                 f"外径 D = {dia} mm", f"模数 m = {mod:g}", f"齿数 z = {z}", f"齿宽 b = {rng.choice([12, 15, 18, 20, 25])} mm",
                 f"材料：{rng.choice(['45号钢', '40Cr', '铸铁', '尼龙'])}", rng.choice(["原件磨损，照样加工一只。", "试装合适，再做两只备用。", "齿面淬火。"])]
        sketch = ("gear", dia, z)
    elif topic == "tool":
        lines = ["一、前角：粗车 10°～15°，精车 15°～20°。", "二、后角：6°～8°，不宜过大。", "三、断屑槽：宽 3 mm，深 0.5 mm。",
                 "四、刃口用油石修光。", "五、磨时勤蘸水，防止退火。"]
        sketch = ("tool",)
    elif topic == "map":
        lines = []
        sketch = ("map",)
    elif topic == "data":
        lines = ["件号　　壁厚　　变形量（mm）"]
        for k in range(8):
            lines.append(f"{k + 1:>2}　　　{rng.choice([1.5, 2.0, 2.5])}　　　{rng.uniform(0.005, 0.06):.3f}")
        lines.append("结论：夹紧力减半，变形明显减小。")
    elif topic in ("innovation", "memo", "study", "manual", "notes", "diary"):
        what = re.search(r"写下了([^，。]+)", caption) or re.search(r"列着([^，。]+)", caption)
        if what:
            lines.append(("项目：" if topic == "innovation" else "") + what.group(1) + "。")
        if topic == "manual" or topic == "memo":
            items = MANUAL_ITEMS.get(person.sector) or [s for s in story_sentences(person, before=y)[-4:]]
            lines += [f"{k + 1}. {first_person(person, t)}" for k, t in enumerate(items[:6])]
        else:
            sents = story_sentences(person, before=y)
            for s in sents[-5:]:
                lines.append(first_person(person, s))
    y0 = top + lh
    x0 = margin + 16
    sk_h = 0
    if sketch:
        sk_h = 360 if sketch[0] != "map" else 620
        sy = y0 + (0 if rng.random() < 0.5 else len(lines) * lh * 0.55)
        if sketch[0] == "gear":
            gx = rng.uniform(W * 0.45, W * 0.7)
            r = 120
            gear_sketch(c, gx, sy + 160, r, min(sketch[2], 60), rng, ink)
            c.line([(gx - r, sy + 160 + r + 30), (gx + r, sy + 160 + r + 30)], ink, 1.2)
            for s in (-1, 1):
                c.line([(gx + s * r, sy + 160 + r + 24), (gx + s * r, sy + 160 + r + 36)], ink, 1.2)
            c.text(gx, sy + 160 + r + 28, f"φ{sketch[1]}", 20, ink, kind="serif", anchor="md")
        elif sketch[0] == "tool":
            tx, ty = W * 0.5, sy + 140
            c.line([(tx - 200, ty + 40), (tx + 60, ty + 40), (tx + 140, ty - 20), (tx + 60, ty - 40), (tx - 200, ty - 40), (tx - 200, ty + 40)], ink, 2)
            c.arc(tx + 140, ty - 20, 60, 60, 150, 200, ink, 1.5)
            c.text(tx + 70, ty - 90, "前角 15°", 18, ink)
            c.text(tx + 150, ty + 20, "后角 6°", 18, ink)
            c.arc(tx + 90, ty - 36, 20, 10, 0, 180, ink, 1.5)
            c.text(tx - 60, ty + 60, "断屑槽", 18, ink)
        elif sketch[0] == "map":
            stops, across = rng.choice(ROUTES)
            if rng.random() < 0.5:
                stops = stops[::-1]
            route = re.search(r"(\d{1,3})路", caption)
            c.text(margin + 20, y0 + 20, f"{route.group(1) + '路' if route else ''}沿线各站", size, ink, kind=kindf)
            pts = []
            n = len(stops)
            for k, s_ in enumerate(stops):
                if across:
                    px, py = margin + 50 + k * (W - margin - 120) / (n - 1), y0 + 300 + rng.uniform(-10, 10)
                    c.text(px, py + 30 if k % 2 else py - 30, s_, 19, ink, kind=kindf, anchor="mm")
                else:
                    px, py = margin + 160 + rng.uniform(-10, 10), y0 + 100 + k * 480 / (n - 1)
                    c.text(px + 18, py, s_, 19, ink, kind=kindf, anchor="lm")
                pts.append((px, py))
            c.line(pts, ink, 2)
            for px, py in pts:
                c.ell(px, py, 7, 7, paper, ink, 2)
            c.text(W - 80, y0 + 60, "北", 20, ink, anchor="mm")
            c.line([(W - 80, y0 + 110), (W - 80, y0 + 76)], ink, 2)
        if sy <= y0 + 1:
            y0 += sk_h
    for ln in lines:
        for piece in wrap(c, ln, W - x0 - 40, size, kindf):
            if y0 > H - 40:
                break
            if sketch and sketch[0] != "map" and sy > top + lh and sy - lh < y0 < sy + sk_h:
                y0 = sy + sk_h
            c.text(x0 + rng.uniform(-2, 2), y0 - 8, piece, size, ink, kind=kindf, anchor="ls")
            y0 += lh
    img = age_paper(c.final(), y, rng, 0.8)
    return mat(img, (W, H), rng)


def draw_permit(person, medium, rng):
    caption, year = medium["caption"], medium["year"]
    W, H = 960, 720
    c = Canvas(W, H, (60, 58, 56))
    card = jitter(rng, (240, 236, 222), 6)
    x0, y0, x1, y1 = 160, 140, 800, 580
    c.rect(x0, y0, x1, y1, card, r=14)
    red = (180, 36, 40)
    unit = full_unit(person, person.unit, year)
    c.rect(x0, y0, x1, y0 + 70, red, r=14)
    c.text((x0 + x1) / 2, y0 + 35, unit, 26 if len(unit) < 16 else 20, (250, 240, 220), kind="sansb", anchor="mm")
    c.text((x0 + x1) / 2, y0 + 110, "工作证" if "出入" not in caption else "出入证", 34, (30, 30, 30), kind="serifb", anchor="mm", spacing=20)
    face = draw_portrait(person, random.Random(rng.random())).resize((150, 188))
    face = face.convert("L").convert("RGB") if year < 1980 else face
    c.paste(face.resize((150 * SS, 188 * SS)), x0 + 50, y0 + 160)
    rows = [("姓　　名", person.name), ("性　　别", "女" if person.female else "男"),
            ("职　　务", person.position.split("，")[0].split("、")[0]), ("编　　号", f"{rng.randint(1, 9999):04d}"),
            ("发证日期", cn_date(year, rng.randint(1, 12)))]
    for k, (a, b) in enumerate(rows):
        yy = y0 + 175 + k * 50
        c.text(x0 + 240, yy, a, 22, (60, 60, 60), kind="serif")
        c.text(x0 + 370, yy, b, 22, (20, 20, 20), kind="serif")
        c.line([(x0 + 365, yy + 32), (x1 - 40, yy + 32)], (170, 170, 160), 1)
    seal(c, x0 + 150, y0 + 330, 60, unit, rng)
    img = age_paper(c.final(), year, rng, 0.5)
    return img


def draw_medal_photo(person, medium, rng):
    caption, year = medium["caption"], medium["year"]
    W, H = 960, 720
    c = Canvas(W, H, (40, 36, 34))
    box = jitter(rng, (150, 30, 36), 10)
    c.rect(200, 90, 760, 630, shade(box, 0.7), r=20)
    c.rect(230, 120, 730, 600, box, r=12)
    kind = "mayday" if "五一" in caption else "capital" if "首都" in caption else "national" if "全国" in caption else "other"
    draw_medal(c, 480, 400, 110, kind, rng)
    img = c.final()
    return tone(img, year, rng, border=False, grain=2)


def draw_plain(person, medium, rng):
    caption, year = medium["caption"], medium["year"]
    W, H = 720, 960
    paper = paper_colour(year, rng)
    c = Canvas(W, H, paper)
    ink = (34, 32, 30)
    y = 90
    heading = re.sub(r"^\d{4}年(\d{1,2}月)?(\d{1,2}日)?[，,]", "", caption).strip() or caption
    for ln in wrap(c, heading, W - 140, 30, "serifb"):
        c.text(W / 2, y, ln, 30, ink, kind="serifb", anchor="ma")
        y += 46
    y += 20
    c.line([(70, y), (W - 70, y)], ink, 2)
    y += 30
    for ln in [f"姓名：{person.name}", f"单位：{full_unit(person, person.unit, year)}", f"职务：{person.position}"]:
        for piece in wrap(c, ln, W - 140, 22, "serif"):
            c.text(70, y, piece, 22, ink, kind="serif")
            y += 40
    y += 10
    for s in story_sentences(person, before=year)[:6]:
        for piece in wrap(c, "　　" + s, W - 140, 20, "serif"):
            if y > H - 140:
                break
            c.text(70, y, piece, 20, ink, kind="serif")
            y += 36
    c.text(W - 70, H - 90, cn_date(year), 22, ink, kind="serif", anchor="ra")
    img = age_paper(c.final(), year, rng)
    return mat(img, (W, H), rng)


def draw_document(person, medium, rng):
    cap = medium["caption"]
    if any(w in cap for w in ("证书", "奖状")):
        return draw_certificate(person, medium, rng), "certificate"
    if "报" in cap and ("版" in cap or "报纸" in cap or "剪报" in cap or re.search(r"《[^》]{1,6}报》", cap)
                       or "《" in cap and "报道" in cap):
        return draw_newspaper(person, medium, rng), "newspaper"
    if re.search(r"(信|信笺|表扬信|感谢信|慰问信)([，。]|$)|写给|来信", cap):
        return draw_letter(person, medium, rng), "letter"
    if any(w in cap for w in ("笔记", "记录", "日记", "日志", "备忘", "手稿", "口袋书", "心得", "要领", "本", "线路图", "手绘")):
        return draw_notebook(person, medium, rng), "notebook"
    if any(w in cap for w in ("工作证", "出入证", "上岗证", "证件")):
        return draw_permit(person, medium, rng), "permit"
    if "奖章" in cap:
        return draw_medal_photo(person, medium, rng), "medal"
    return draw_plain(person, medium, rng), "plain"


# ---------------------------------------------------------------- main


def save(img, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    ext = path.suffix.lower()
    if ext in (".jpg", ".jpeg"):
        img.save(path, "JPEG", quality=QUALITY, optimize=True)
    elif ext == ".png":
        img.save(path, "PNG", optimize=True)
    elif ext == ".webp":
        img.save(path, "WEBP", quality=QUALITY)
    else:
        raise ValueError(f"cannot write a {ext} picture")


def safe_target(folder, name):
    p = Path(name)
    if p.is_absolute() or ".." in p.parts or "\\" in name:
        raise ValueError(f"{name}: not a file inside the person's folder")
    return folder / p


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 tests/sample_pictures.py PROFILES_DIR")
    root = Path(sys.argv[1])
    if not root.is_dir():
        sys.exit(f"{root}: not a folder")
    started = time.time()
    written = {}
    failures = 0
    people = skipped = 0
    counts = {"portrait": 0, "photo": 0, "document": 0}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        ron = folder / "profile.ron"
        if not ron.is_file():
            continue
        slug = folder.name
        try:
            data = parse_ron(ron.read_text(encoding="utf-8-sig"))
            if not isinstance(data, dict):
                raise RonError("not a profile")
        except (RonError, UnicodeDecodeError, ValueError) as e:
            print(f"{slug}: FAILED to read profile.ron: {e}", flush=True)
            failures += 1
            continue
        if data.get("sample") is not True:
            print(f"{slug}: not a sample person, pictures left alone", flush=True)
            skipped += 1
            continue
        person = Person(slug, data)
        people += 1
        done, kinds, size, errors = set(), [], 0, []
        jobs = [("portrait", person.portrait, None)] + [("document" if m["doc"] else "photo", m["file"], m)
                                                        for m in person.media]
        for kind, name, medium in jobs:
            if name in done:
                continue
            done.add(name)
            try:
                target = safe_target(folder, name)
                rng = random.Random(f"{slug}/{name}")
                if kind == "portrait":
                    img, what = draw_portrait(person, rng), "portrait"
                elif kind == "photo":
                    img, what = draw_photo(person, medium, rng)
                else:
                    img, what = draw_document(person, medium, rng)
                save(img, target)
                data_ = target.read_bytes()
                written[target] = hashlib.sha256(data_).hexdigest()
                size += len(data_)
                counts[kind] += 1
                kinds.append(what)
            except Exception as e:  # one bad picture must not stop the others
                errors.append(f"{name}: {e}")
                traceback.print_exc()
        failures += len(errors)
        line = f"{slug}: {len(kinds)} pictures, {size / 1024:.0f} KB ({', '.join(kinds)})"
        if errors:
            line += " FAILED: " + "; ".join(errors)
        print(line, flush=True)
    # no two pictures may be the same bytes
    seen = {}
    for path, digest in written.items():
        if digest in seen:
            print(f"FAILED: {path} is byte-identical to {seen[digest]}")
            failures += 1
        seen.setdefault(digest, path)
    total = sum(p.stat().st_size for p in written)
    print(f"{people} sample people: {counts['portrait']} portraits, {counts['photo']} photos, "
          f"{counts['document']} documents; {len(written)} files, {total / 1e6:.1f} MB "
          f"(average {total / max(1, len(written)) / 1024:.0f} KB), all different; "
          f"{skipped} other {'person' if skipped == 1 else 'people'} left alone; {time.time() - started:.0f} s; "
          f"{failures} failure{'s' if failures != 1 else ''}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
