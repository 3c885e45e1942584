"""ecs-launch-type-compatibility: a Fargate service running a task definition not made for Fargate."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import task_definition_of
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, service):
    task = task_definition_of(diagram, service)
    if task is not None and service.get("launch_type") == "FARGATE" and task.get("compatibility") != "FARGATE":
        yield RULE.finding("ECS service {service} uses the Fargate launch type, but task definition "
                           "{task} is for {compatibility}.", [service.id, task.id],
                           service=service.label, task=task.label,
                           compatibility=task.get("compatibility"))


RULE = Rule(
    id="ecs-launch-type-compatibility",
    severity=Severity.ERROR,
    title="Fargate service with a task definition not for Fargate",
    fix="List FARGATE in the task definition's required compatibilities, or run the service on EC2.",
    lesson=("A task definition declares which launch types it is made for; AWS validates it against "
            "Fargate's rules (awsvpc mode, task-level CPU and memory) only if FARGATE is listed. A "
            "Fargate service can only run task definitions that require Fargate compatibility."),
    docs="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html",
    watches=("EcsService", "TaskDefinition"),
    watches_properties={"EcsService": ("task_definition", "launch_type"),
                        "TaskDefinition": ("compatibility",)},
    watches_relations=False,
    scope=per_record("EcsService", check_one, reach=1),
)
