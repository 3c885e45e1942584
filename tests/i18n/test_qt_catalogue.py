"""The editor's Qt catalogue is complete and current: every entry of kumozu_ja.ts (and the English
plurals of kumozu_en.ts) is finished, non-empty and keeps its placeholders; running lupdate over the
sources as they are now adds no entry the catalogue lacks; the committed .qm files are compiled from
the .ts files; and the .qm translates at run time."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QCoreApplication

from editor.translations import update


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_entry_is_finished_and_keeps_its_placeholders(language):
    path = update.CATALOGUES[language]
    assert update.messages(path), f"{path.name} has no messages"
    assert update.problems(path) == []


def test_the_japanese_catalogue_covers_the_editor():
    messages = update.messages(update.CATALOGUES["ja"])
    contexts = {context for context, _source, _comment in messages}
    assert {"WindowActions", "MainWindow", "Palette", "ProblemsPanel", "TracePanel", "Canvas",
            "RuleLessonDialog", "PreferencesDialog"} <= contexts
    assert len(messages) > 400


def test_lupdate_over_the_current_sources_finds_nothing_new_and_the_qm_is_current():
    """``update.py --check``: what a new self.tr() without Japanese, or a stale .qm, would fail."""
    assert update._check() == []


def test_the_compiled_catalogue_translates(qapp, english_afterwards):
    from editor.translations import use_language

    use_language("ja")
    assert QCoreApplication.translate("WindowActions", "&File") == "ファイル(&F)"
    assert QCoreApplication.translate("ProblemsPanel", "%n error(s)", "", 3) == "エラー3件"
    use_language("en")
    assert QCoreApplication.translate("ProblemsPanel", "%n error(s)", "", 1) == "1 error"
    assert QCoreApplication.translate("ProblemsPanel", "%n error(s)", "", 2) == "2 errors"


def test_every_translation_call_of_the_editor_is_in_the_catalogue():
    """A tr() lupdate cannot see (inside an f-string) would stay English in Japanese: none is left."""
    assert update.invisible_calls() == []


def test_a_call_lupdate_cannot_see_is_named_with_its_file_and_line(tmp_path):
    """The real lupdate skips a tr() written inside an f-string; the ast check names it."""
    from editor.translations.calls import unseen_calls

    source = tmp_path / "panel.py"
    source.write_text(
        "class LessonBox(QLabel):\n"
        "    def show(self):\n"
        "        self.setToolTip(self.tr('Seen by lupdate'))\n"
        "        self.setText(f\"<b>{self.tr('Read more')}</b>\")\n", encoding="utf-8")
    catalogue = tmp_path / "kumozu_ja.ts"
    subprocess.run([update._tool("lupdate"), str(source), "-silent", "-ts", str(catalogue)], check=True)
    collected = {(context, text) for context, text, _comment in update.messages(catalogue)}
    assert collected == {("LessonBox", "Seen by lupdate")}
    unseen = unseen_calls([source], update.messages(catalogue))
    assert [(c.line, c.context, c.source) for c in unseen] == [(4, "LessonBox", "Read more")]


def test_qts_own_buttons_speak_japanese_too(qapp, english_afterwards):
    """Qt's qtbase_ja catalogue is installed with Kumozu's: the standard buttons of the editor's
    dialogs (unsaved changes: Save / Discard / Cancel) are Japanese."""
    from PySide6.QtWidgets import QDialogButtonBox

    from editor.translations import use_language

    use_language("ja")
    box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Discard | QDialogButtonBox.Cancel)
    buttons = (QDialogButtonBox.Save, QDialogButtonBox.Discard, QDialogButtonBox.Cancel)
    assert [box.button(b).text() for b in buttons] == ["保存", "変更を破棄", "キャンセル"]
    box.deleteLater()
