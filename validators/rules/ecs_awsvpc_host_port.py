"""ecs-awsvpc-host-port: an awsvpc container whose host port differs from its container port."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, task):
    if task.get("network_mode") != "awsvpc":
        return
    for container in task.get("containers", ()):
        host, port = container.get("host_port"), container.get("container_port")
        if host not in (0, port):
            yield RULE.finding("Task definition {task}: container {container} maps host port {host} to "
                               "container port {port}; in awsvpc mode they must be the same.",
                               [task.id], task=task.label, container=container.get("name"),
                               host=host, port=port)


RULE = Rule(
    id="ecs-awsvpc-host-port",
    severity=Severity.ERROR,
    title="Container in awsvpc mode with a different host port",
    fix="Leave the host port empty (0) or set it equal to the container port.",
    lesson=("Port mapping exists because containers in bridge mode share the host's address. In "
            "awsvpc mode each task has an address of its own, so there is nothing to map: the host "
            "port is either left out or equal to the container port."),
    docs="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html",
    watches=("TaskDefinition",),
    watches_properties={"TaskDefinition": ("network_mode", "containers")},
    watches_relations=False,
    scope=per_record("TaskDefinition", check_one),
)
