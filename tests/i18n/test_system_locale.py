"""The editor follows the system locale until the user chooses a language: a real editor process
started under a Japanese locale speaks Japanese, under an English one English, and a language chosen
in Preferences wins over the locale at the next start."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.builder import ROOT

# Start the editor as `python main.py` does (create_application reads the saved preference) and
# report the language in use and the title of the first menu.
SCRIPT = """
from editor.app import create_application
from editor.main_window import MainWindow
from editor.translations import current_language
app = create_application()
window = MainWindow()
print(current_language(), window.menuBar().actions()[0].text())
window.close()
"""


def start_editor(tmp_path, locale: str, saved_language: str | None = None) -> str:
    settings = tmp_path / "settings"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    env.update(QT_QPA_PLATFORM="offscreen", LANG=locale, LC_ALL=locale, KUMOZU_SETTINGS_DIR=str(settings),
               KUMOZU_RECOVERY_DIR=str(tmp_path / "recovery"), PYTHONPATH=str(ROOT))
    if saved_language is not None:
        prepare = ("from editor.settings import Preferences\n"
                   f"p = Preferences.load(); p.language = {saved_language!r}; p.save()\n")
        subprocess.run([sys.executable, "-c", prepare], env=env, cwd=ROOT, check=True, timeout=60)
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("locale, expected", [("ja_JP.UTF-8", "ja ファイル(&F)"), ("en_US.UTF-8", "en &File"),
                                              ("C", "en &File")])
def test_without_a_choice_the_editor_speaks_the_system_locales_language(tmp_path, locale, expected):
    assert start_editor(tmp_path, locale) == expected


def test_a_language_chosen_in_preferences_wins_over_the_locale(tmp_path):
    assert start_editor(tmp_path, "ja_JP.UTF-8", saved_language="en") == "en &File"
    assert start_editor(tmp_path, "en_US.UTF-8", saved_language="ja") == "ja ファイル(&F)"
