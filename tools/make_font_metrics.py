"""Write the advance-width tables that text fitting measures with, from the font files themselves.

    pip install fonttools
    python tools/make_font_metrics.py            # Debian's font paths
    python tools/make_font_metrics.py --dejavu DIR --liberation DIR

The tables are data (src/buyin_cli/render/pptx/textfit/advances.json) rather than
read from the system's fonts at run time, so a deck measures, wraps and shrinks
the same on every machine and stays byte-identical. Two families:

- DejaVu Sans, the widest common sans-serif, which LibreOffice falls back to
  when a deck's font is missing: text frames are measured in it, so text that
  fits in DejaVu fits in Arial too. Advances are rounded up, to stay on the
  safe side.
- Liberation Sans, metric-compatible with Arial: tables on templates whose
  theme font is Arial are measured in it, rounded to the nearest unit (Arial's
  own design widths).

Advances are in thousandths of an em, for every character the font has in the
blocks below: Latin (with its extensions), Greek, Cyrillic, punctuation,
currency, arrows, mathematical operators and common symbols.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from fontTools.ttLib import TTFont

BLOCKS = [(0x0020, 0x024F), (0x0250, 0x02FF), (0x0370, 0x03FF), (0x0400, 0x052F),
          (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F),
          (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x25A0, 0x25FF),
          (0x2600, 0x26FF), (0x2700, 0x27BF)]
FACES = {
    "dejavu-sans": ("dejavu", {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}, math.ceil),
    "liberation-sans": ("liberation", {"regular": "LiberationSans-Regular.ttf",
                                       "bold": "LiberationSans-Bold.ttf"}, round),
}
OUT = Path(__file__).resolve().parents[1] / "src/buyin_cli/render/pptx/textfit/advances.json"


def advances(path: Path, rounding) -> list[list]:
    """[first code point, [advance, …]] for each run of consecutive characters the font has."""
    font = TTFont(path)
    cmap, hmtx, upm = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    runs: list[list] = []
    for first, last in BLOCKS:
        for code in range(first, last + 1):
            if code not in cmap or code == 0xAD:  # the soft hyphen is never drawn
                continue
            width = int(rounding(hmtx[cmap[code]][0] * 1000 / upm))
            if runs and runs[-1][0] + len(runs[-1][1]) == code:
                runs[-1][1].append(width)
            else:
                runs.append([code, [width]])
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dejavu", type=Path, default=Path("/usr/share/fonts/truetype/dejavu"))
    parser.add_argument("--liberation", type=Path, default=Path("/usr/share/fonts/truetype/liberation"))
    args = parser.parse_args()
    data = {}
    for family, (folder, files, rounding) in FACES.items():
        base = getattr(args, folder)
        data[family] = {weight: advances(base / name, rounding) for weight, name in files.items()}
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
