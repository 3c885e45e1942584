"""rds-single-az-production: a production RDS instance without Multi-AZ."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, db):
    if diagram.metadata("environment") == "production" and not db.get("multi_az"):
        yield RULE.finding("RDS instance {db} runs in a single Availability Zone in a production "
                           "design.", [db.id], db=db.label)


RULE = Rule(
    id="rds-single-az-production",
    severity=Severity.WARNING,
    title="Production database without Multi-AZ",
    fix="Turn on Multi-AZ for the instance (or mark the design's environment as not production).",
    lesson=("A Multi-AZ RDS instance keeps a synchronous standby in another Availability Zone and "
            "fails over to it automatically, typically within a minute or two. A single-AZ instance "
            "is down for as long as its zone or host is, which production workloads rarely accept."),
    docs="https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html",
    watches=("RdsInstance",),
    watches_properties={"RdsInstance": ("multi_az",)},
    watches_metadata=("environment",),
    watches_relations=False,
    scope=per_record("RdsInstance", check_one),
)
