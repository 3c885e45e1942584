"""ecs-awsvpc-target-type: an awsvpc service registered in a target group that is not of type ip."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import uses_awsvpc
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, service):
    if not uses_awsvpc(diagram, service):
        return
    for entry in service.get("load_balancers", ()):
        tg = diagram.get(entry.get("target_group")) if isinstance(entry.get("target_group"), str) else None
        if tg is not None and tg.kind == "TargetGroup" and tg.get("target_type") != "ip":
            yield RULE.finding("ECS service {service} runs awsvpc tasks but is registered in target "
                               "group {tg} of type {type}; it must be ip.", [service.id, tg.id],
                               service=service.label, tg=tg.label, type=tg.get("target_type"))


RULE = Rule(
    id="ecs-awsvpc-target-type",
    severity=Severity.ERROR,
    title="Tasks in awsvpc mode in a target group not of type ip",
    fix="Register the service in a target group whose target type is ip.",
    lesson=("An awsvpc task is not an EC2 instance: it is a network interface with its own private "
            "address. A load balancer reaches such tasks by IP address, so their target group must "
            "have the ip target type, and only Application and Network Load Balancers can be used."),
    docs="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html",
    watches=("EcsService", "TaskDefinition", "TargetGroup"),
    watches_properties={"EcsService": ("task_definition", "launch_type", "load_balancers"),
                        "TaskDefinition": ("network_mode",), "TargetGroup": ("target_type",)},
    watches_relations=False,
    scope=per_record("EcsService", check_one, reach=1),
)
