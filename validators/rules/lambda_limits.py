"""lambda-limits: a Lambda timeout above 900 s or memory outside 128–10,240 MB."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, fn):
    timeout, memory = fn.get("timeout"), fn.get("memory")
    if isinstance(timeout, int) and not 1 <= timeout <= 900:
        yield RULE.finding("Lambda function {fn}: a timeout of {timeout} s is outside 1–900 s.", [fn.id],
                           fn=fn.label, timeout=timeout)
    if isinstance(memory, int) and not 128 <= memory <= 10240:
        yield RULE.finding("Lambda function {fn}: {memory} MB of memory is outside 128–10,240 MB.",
                           [fn.id], fn=fn.label, memory=memory)


RULE = Rule(
    id="lambda-limits",
    severity=Severity.ERROR,
    title="Lambda timeout or memory out of range",
    fix="Keep the timeout at 900 s (15 minutes) or less and memory between 128 and 10,240 MB; move "
        "longer jobs to ECS or Step Functions.",
    lesson=("Lambda runs short tasks: one invocation may last at most 15 minutes (900 s), and a "
            "function gets between 128 MB and 10,240 MB of memory, with CPU in proportion. Work "
            "that needs longer belongs on containers or in a Step Functions workflow."),
    docs="https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
    watches=("LambdaFunction",),
    watches_properties={"LambdaFunction": ("timeout", "memory")},
    watches_relations=False,
    scope=per_record("LambdaFunction", check_one),
)
