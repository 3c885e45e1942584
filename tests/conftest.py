"""Shared test setup: Qt runs offscreen, and the examples and builder are at hand."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def builder():
    """A fresh :class:`tests.support.builder.DesignBuilder`."""
    from tests.support.builder import DesignBuilder
    return DesignBuilder()
