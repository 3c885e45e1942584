"""ecs-essential-container: a task definition with no essential container."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, task):
    containers = task.get("containers", ())
    if containers and not any(c.get("essential") for c in containers):
        yield RULE.finding("Task definition {task} has no essential container.", [task.id],
                           task=task.label)


RULE = Rule(
    id="ecs-essential-container",
    severity=Severity.ERROR,
    title="Task definition without an essential container",
    fix="Mark the main container of the task as essential.",
    lesson=("ECS stops a task when an essential container exits, which is how it notices a crashed "
            "application and replaces the task. A task definition must mark at least one container "
            "as essential; sidecars such as log routers usually are not."),
    docs="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html",
    watches=("TaskDefinition",),
    watches_properties={"TaskDefinition": ("containers",)},
    watches_relations=False,
    scope=per_record("TaskDefinition", check_one),
)
