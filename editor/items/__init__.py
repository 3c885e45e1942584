"""Graphics items of the canvas: resources, containers, the lines between them, and overlays.

Items only draw. They hold a copy of the record they show and never change the model; the scene
(``editor/scene.py``) creates and updates them from the diagram's change sets.
"""

from .base import DiagramItem
from .container import HEADER_ICON, TITLE_HEIGHT, ContainerItem
from .lines import FAINT_DETAIL, LineLayer, ReferenceItem, edge_point
from .resource import ICON, ResourceItem

__all__ = ["DiagramItem", "ResourceItem", "ContainerItem", "ReferenceItem", "LineLayer", "FAINT_DETAIL",
           "edge_point", "ICON", "HEADER_ICON", "TITLE_HEIGHT"]
