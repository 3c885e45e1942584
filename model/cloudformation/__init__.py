"""CloudFormation in and out: open templates with their intrinsics resolved, and export designs
as deployable templates. See ``docs/cloudformation.md``.

>>> result = load_template(b"Resources:\\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\\n",
...                        "t.yaml")
>>> result.diagram["Vpc"].get("cidr_blocks")
('10.0.0.0/16',)
"""

from __future__ import annotations

from .importer import ImportResult, load_template
from .source import MAX_TEMPLATE_BYTES

__all__ = ["MAX_TEMPLATE_BYTES", "ImportResult", "load_template", "export_template"]


def export_template(diagram, fmt: str = "yaml") -> str:
    """The diagram as a deployable template: ``fmt`` is ``yaml`` (short-form tags) or ``json``."""
    from .exporter import export_template as export
    return export(diagram, fmt)
