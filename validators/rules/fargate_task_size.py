"""fargate-task-size: a Fargate task definition whose CPU/memory pair AWS does not allow."""

from __future__ import annotations

from model.diagram import Diagram
from model.kinds.compute import FARGATE_SIZES

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, task):
    if task.get("compatibility") != "FARGATE":
        return
    cpu, memory = task.get("cpu"), task.get("memory")
    if not isinstance(cpu, int) or not isinstance(memory, int):
        return
    allowed = FARGATE_SIZES.get(cpu)
    if allowed is None:
        yield RULE.finding("Fargate task definition {task}: {cpu} CPU units is not a Fargate size "
                           "(256, 512, 1024, 2048, 4096, 8192 or 16384).", [task.id],
                           task=task.label, cpu=cpu)
    elif memory not in allowed:
        yield RULE.finding("Fargate task definition {task}: {memory} MiB is not allowed with {cpu} "
                           "CPU units ({low}–{high} MiB).", [task.id], task=task.label,
                           memory=memory, cpu=cpu, low=allowed[0], high=allowed[-1])


RULE = Rule(
    id="fargate-task-size",
    severity=Severity.ERROR,
    title="Fargate task size AWS does not offer",
    fix="Pick a CPU value Fargate offers and a memory size from its range, e.g. 256 CPU units with "
        "512, 1024 or 2048 MiB.",
    lesson=("Fargate sells task sizes, not arbitrary machines: each CPU value (256 units is a "
            "quarter vCPU) comes with a fixed set of memory sizes. A task definition with any other "
            "pair is refused when it is registered, so size the task from the table."),
    docs="https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html",
    watches=("TaskDefinition",),
    watches_properties={"TaskDefinition": ("compatibility", "cpu", "memory")},
    watches_relations=False,
    scope=per_record("TaskDefinition", check_one),
)
