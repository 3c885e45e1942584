"""Canvas tools and the editing logic behind them.

Tools (Qt): ``select`` (:mod:`.select`: click, rubber band, move, resize, nudge), ``connect``
(:mod:`.connecting`), ``place:<Kind>`` (:mod:`.placing`) and ``trace`` (:mod:`.tracing`).
Editing logic without Qt, testable on its own: :mod:`.creation` (new resources and where they may
go), :mod:`.links` (what a line between two resources means), :mod:`.arrange` (align, distribute,
nudge), :mod:`.geometry` (containers growing to fit), :mod:`.removal` (what a deletion takes along).
"""
__all__: list[str] = []
