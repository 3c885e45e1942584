"""Fixtures for the language tests: isolated settings, and English restored after every test (the
interface language is application-wide, and other tests expect English)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Never read or write the user's real settings or recovery folder."""
    monkeypatch.setenv("KUMOZU_SETTINGS_DIR", str(tmp_path / "settings"))
    monkeypatch.setenv("KUMOZU_RECOVERY_DIR", str(tmp_path / "recovery"))


@pytest.fixture
def english_afterwards(qapp):
    """Speak English again after the test, whatever it switched to."""
    yield
    from editor.translations import use_language
    use_language("en")
    qapp.processEvents()
