"""Presenter mode: the editor made for a projector, keyboard-driven, stepping through a traced path
hop by hop. ``install_presenter(window)`` adds View ▸ Presenter Mode (F5)."""

from .mode import NEXT_KEYS, PREVIOUS_KEYS, PresenterMode, install_presenter
from .steps import Step, chosen_path, steps_of

__all__ = ["PresenterMode", "install_presenter", "Step", "steps_of", "chosen_path", "NEXT_KEYS",
           "PREVIOUS_KEYS"]
