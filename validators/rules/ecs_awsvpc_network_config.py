"""ecs-awsvpc-network-config: an awsvpc service without subnets or security groups."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import uses_awsvpc
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, service):
    if not uses_awsvpc(diagram, service):
        return
    missing = [what for what, prop in (("subnets", "subnets"), ("security groups", "security_groups"))
               if not service.get(prop)]
    if missing:
        yield RULE.finding("ECS service {service} runs awsvpc tasks but has no {missing}.", [service.id],
                           service=service.label, missing=" / ".join(missing))


RULE = Rule(
    id="ecs-awsvpc-network-config",
    severity=Severity.ERROR,
    title="Service in awsvpc mode without subnets or security groups",
    fix="Give the service's network configuration its subnets (one per zone) and security groups.",
    lesson=("In awsvpc mode every task gets its own network interface, so the service must say "
            "where to put them and how to protect them: one or more subnets and one or more security "
            "groups. Without a network configuration the service cannot start tasks."),
    docs="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html",
    watches=("EcsService", "TaskDefinition"),
    watches_properties={"EcsService": ("task_definition", "launch_type", "subnets", "security_groups"),
                        "TaskDefinition": ("network_mode",)},
    watches_relations=False,
    scope=per_record("EcsService", check_one, reach=1),
)
