"""Fixtures for the presenter tests: the Labs tests' isolated settings and real main windows."""

from tests.editor.labs.conftest import _private_settings, course, make_window  # noqa: F401 - fixtures
