"""fargate-requires-awsvpc: a Fargate task definition whose network mode is not awsvpc."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, task):
    if task.get("compatibility") == "FARGATE" and task.get("network_mode") != "awsvpc":
        yield RULE.finding("Fargate task definition {task} uses network mode {mode}; Fargate requires "
                           "awsvpc.", [task.id], task=task.label, mode=task.get("network_mode"))


RULE = Rule(
    id="fargate-requires-awsvpc",
    severity=Severity.ERROR,
    title="Fargate task definition not in awsvpc mode",
    fix="Set the task definition's network mode to awsvpc.",
    lesson=("On Fargate there is no host of yours to share: each task gets its own elastic network "
            "interface with a private address in your subnet. That is the awsvpc network mode, and "
            "Fargate task definitions must use it (bridge and host modes exist only on EC2)."),
    docs="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html",
    watches=("TaskDefinition",),
    watches_properties={"TaskDefinition": ("compatibility", "network_mode")},
    watches_relations=False,
    scope=per_record("TaskDefinition", check_one),
)
