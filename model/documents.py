"""Opening any design file: a native Kumozu design or a CloudFormation template.

The format is recognised from the content, not the file name: a native design says
``format: kumozu``; a template has ``AWSTemplateFormatVersion`` or ``AWS::`` resource types.
Every design comes out with a position for every resource (missing ones are laid out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from . import native_format
from .diagram import Diagram
from .errors import LoadError
from .files import read_bytes
from .layout import layout_edit
from .yaml_source import decode_text

__all__ = ["DesignFormat", "OpenedDesign", "open_design", "read_design", "sniff_format"]

_NATIVE = re.compile(r"^format:\s*['\"]?kumozu", re.MULTILINE)
_CFN = re.compile(r"AWSTemplateFormatVersion|[\"']?Type[\"']?\s*:\s*[\"']?AWS::")


class DesignFormat(str, Enum):
    NATIVE = "native"
    CLOUDFORMATION = "cloudformation"


@dataclass
class OpenedDesign:
    diagram: Diagram
    path: str
    format: DesignFormat
    #: Things worth telling the user about the import (unknown types kept, values left symbolic).
    notes: list[str] = field(default_factory=list)


def sniff_format(text: str) -> DesignFormat | None:
    if _NATIVE.search(text):
        return DesignFormat.NATIVE
    if _CFN.search(text):
        return DesignFormat.CLOUDFORMATION
    return None


def open_design(path: str, region: str | None = None, arrange: bool = True) -> OpenedDesign:
    """Read the design at ``path``. Raises :class:`LoadError` naming file, line and column.
    ``arrange``: give a position to every resource without one (a template has none); the editor
    and the pictures need it, validation and tracing never read positions."""
    limit = max(native_format.MAX_FILE_BYTES, _cloudformation_limit())
    data = read_bytes(path, limit, "design file")
    return read_design(data, str(path), region, arrange)


def read_design(data: bytes, path: str, region: str | None = None, arrange: bool = True) -> OpenedDesign:
    text = decode_text(data, path)
    fmt = sniff_format(text)
    if fmt is DesignFormat.CLOUDFORMATION:
        from . import cloudformation
        result = cloudformation.load_template(data, path, region=region or "us-east-1")
        diagram, notes = result.diagram, list(result.notes)
    elif fmt is DesignFormat.NATIVE:
        if len(data) > native_format.MAX_FILE_BYTES:
            raise LoadError("the design file is too large", path)
        diagram, notes = native_format.loads(text, path), []
    else:
        raise LoadError("this is neither a Kumozu design (no 'format: kumozu' line) nor a "
                        "CloudFormation template (no AWSTemplateFormatVersion or AWS:: types)", path)
    if arrange:
        positions = layout_edit(diagram, only_missing=True)
        if positions:
            diagram.apply(positions)
    return OpenedDesign(diagram, path, fmt, notes)


def _cloudformation_limit() -> int:
    try:
        from .cloudformation import MAX_TEMPLATE_BYTES
    except ImportError:
        return 0
    return MAX_TEMPLATE_BYTES
