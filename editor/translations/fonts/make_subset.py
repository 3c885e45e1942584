"""Build the bundled Japanese font: a subset of Noto Sans CJK JP Regular.

    pip install fonttools
    python editor/translations/fonts/make_subset.py NotoSansCJKjp-Regular.otf

The source is Noto Sans CJK JP Regular (SIL Open Font License 1.1): Debian's fonts-noto-cjk, the
noto-cjk release on GitHub, or any copy of it. The subset keeps ASCII, kana, full-width forms and
punctuation, arrows and symbols, the 2,965 JIS X 0208 level-1 kanji, and every character that
Kumozu's Japanese catalogues and labs use, so the interface never needs a glyph it lacks. Run it
again after adding Japanese text with a rarer kanji (tests/i18n/test_fonts.py says which).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TARGET = Path(__file__).resolve().parent / "NotoSansCJKjp-Kumozu-Regular.otf"
#: Ranges kept whole: kana and CJK punctuation, full-width forms, general punctuation, arrows,
#: mathematical operators, box drawing and shapes, circled numbers, Latin-1.
RANGES = "U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203B,U+2190-21FF,U+2200-22FF,U+2460-24FF," \
         "U+2500-25FF,U+2600-26FF,U+2713-2717,U+3000-30FF,U+FF00-FFEF"


def catalogue_texts(root: Path = ROOT) -> str:
    """Every Japanese text Kumozu ships: catalogues, the Qt translation, labs."""
    parts = []
    for pattern in ("model/locale/*.yaml", "validators/locale/*.yaml", "editor/translations/*.ts",
                    "labs/course/*.lab.yaml", "labs/*.py", "editor/translations/__init__.py"):
        for path in sorted(root.glob(pattern)):
            parts.append(path.read_text(encoding="utf-8"))
    return "".join(parts)


def jis_level_one() -> str:
    """Row 1-47 of JIS X 0208 (symbols, kana, Greek, Cyrillic, level-1 kanji)."""
    chars = []
    for first in range(0xA1, 0xD0):
        for second in range(0xA1, 0xFF):
            try:
                chars.append(bytes((first, second)).decode("euc_jp"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    wanted = sorted(set(jis_level_one() + catalogue_texts()) - set("\n\r\t"))
    text_file = TARGET.with_suffix(".chars.txt")
    text_file.write_text("".join(wanted), encoding="utf-8")
    try:
        subprocess.run([sys.executable, "-m", "fontTools.subset", argv[0], f"--text-file={text_file}",
                        f"--unicodes={RANGES}", "--layout-features=*", "--name-IDs=*",
                        # Keep the original OS/2 ranges: Qt reads the writing systems (Japanese) there.
                        "--no-prune-unicode-ranges", "--no-prune-codepage-ranges",
                        "--name-languages=*", f"--output-file={TARGET}"], check=True)
    finally:
        text_file.unlink()
    print(f"{TARGET} ({TARGET.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
