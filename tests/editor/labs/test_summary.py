"""How long a lab took, as the summary says it."""

from __future__ import annotations

import pytest

from editor.labs.summary import format_duration


@pytest.mark.parametrize("seconds, text", [(0, "0 s"), (44.6, "45 s"), (65, "1 min 05 s"),
                                           (3599, "59 min 59 s"), (3720, "1 h 02 min"), (-3, "0 s")])
def test_durations_read_naturally(qtbot, seconds, text):
    assert format_duration(seconds) == text
