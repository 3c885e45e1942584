"""Japanese renders: the bundled font covers every character Kumozu's Japanese uses, the editor always has
a font that writes Japanese (the system's, else the bundled one), glyphs drawn offscreen are real
glyphs rather than empty boxes, and the Japanese screenshots are made."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication

from editor.translations import ensure_japanese_font, update
from editor.translations.fonts import BUNDLED_FAMILY, BUNDLED_FONT, japanese_families
from tests.support.builder import ROOT

_JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def japanese_texts() -> str:
    """Every Japanese text Kumozu ships (catalogues, Qt translation, labs) as one string."""
    parts = [path.read_text(encoding="utf-8") for pattern in (
        "model/locale/*.yaml", "validators/locale/*.yaml", "labs/course/*.lab.yaml", "labs/*.py")
        for path in sorted(ROOT.glob(pattern))]
    for forms in update.messages(update.CATALOGUES["ja"]).values():
        parts += forms
    return "".join(parts)


def test_the_bundled_font_draws_every_character_of_kumozus_japanese(qapp):
    raw = QRawFont(str(BUNDLED_FONT), 16)
    assert raw.isValid() and raw.familyName() == "Noto Sans CJK JP"
    # Kana, kanji and full-width forms (symbols such as ▸ come from the Latin font, as in English).
    wanted = set(_JAPANESE.findall(japanese_texts()))
    assert len(wanted) > 500  # the texts were found
    lacking = sorted(ch for ch in wanted if not raw.supportsCharacter(ord(ch)))
    assert lacking == [], ("characters missing from the bundled font (run "
                           "editor/translations/fonts/make_subset.py): " + "".join(lacking))


def test_the_bundled_font_and_its_licence_are_shipped():
    assert BUNDLED_FONT.stat().st_size < 3 * 1024 * 1024
    licence = (BUNDLED_FONT.parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence and "Adobe" in licence


def test_the_editor_always_has_a_font_that_writes_japanese(qapp):
    family = ensure_japanese_font()
    # The system's Japanese family, else the bundled subset (which fontconfig does not count as a
    # whole Japanese font, so it is not listed among the system's Japanese families).
    assert family and (family in japanese_families() or family == BUNDLED_FAMILY)
    assert family in QApplication.font().families()  # the application font falls back to it
    raw = QRawFont.fromFont(QFont(family))
    assert all(raw.supportsCharacter(ord(ch)) for ch in "ネットワークACLとセキュリティグループの違い")


def _glyph(text: str, font: QFont) -> QImage:
    image = QImage(40, 40, QImage.Format_ARGB32)
    image.fill(Qt.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.black)
    painter.drawText(QPoint(4, 30), text)
    painter.end()
    return image


def test_japanese_drawn_offscreen_is_glyphs_not_empty_boxes(qapp):
    """A missing glyph is drawn as the same box for every character: distinct kana and kanji drawn
    with the application font must give distinct, non-blank pictures."""
    ensure_japanese_font()
    font = QFont(QApplication.font())
    font.setPointSize(20)
    pictures = [_glyph(ch, font) for ch in "ネ網路設"]
    blank = _glyph(" ", font)
    assert all(p != blank for p in pictures)
    assert len({bytes(p.constBits()) for p in pictures}) == len(pictures)


@pytest.mark.slow
def test_the_japanese_screenshots_are_made(tmp_path):
    """docs/make_screenshots.py writes the Japanese screenshots (look at docs/images/ja-*.png)."""
    done = subprocess.run([sys.executable, str(ROOT / "docs" / "make_screenshots.py"), "--language", "ja",
                           "--out", str(tmp_path), "--size", "1200x800"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    made = sorted(p.name for p in tmp_path.glob("ja-*.png"))
    assert made == ["ja-dual-az-web.png", "ja-problems.png", "ja-trace.png"]
    image = QImage(str(tmp_path / "ja-problems.png"))
    assert (image.width(), image.height()) == (1200, 800)
