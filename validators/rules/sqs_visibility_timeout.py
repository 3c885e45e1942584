"""sqs-visibility-timeout: a queue feeding a Lambda function with a visibility timeout shorter than
the function's timeout."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, fn):
    timeout = fn.get("timeout")
    for source_id in fn.get("event_sources", ()):
        queue = diagram.get(source_id) if isinstance(source_id, str) else None
        if queue is None or queue.kind != "SqsQueue":
            continue
        visibility = queue.get("visibility_timeout")
        if isinstance(visibility, int) and isinstance(timeout, int) and visibility < timeout:
            yield RULE.finding("Queue {queue} has a visibility timeout of {visibility} s, shorter than "
                               "the {timeout} s timeout of Lambda function {fn} that consumes it.",
                               [queue.id, fn.id], queue=queue.label, visibility=visibility,
                               timeout=timeout, fn=fn.label)


RULE = Rule(
    id="sqs-visibility-timeout",
    severity=Severity.ERROR,
    title="Queue visibility timeout shorter than the function timeout",
    fix="Set the queue's visibility timeout to at least six times the function's timeout.",
    lesson=("While a function works on a message, SQS hides it from other consumers for the "
            "visibility timeout. If that is shorter than the function may run, the message "
            "reappears and is processed twice. AWS asks for a visibility timeout of at least the "
            "function timeout and recommends six times it."),
    docs="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html",
    watches=("LambdaFunction", "SqsQueue"),
    watches_properties={"LambdaFunction": ("timeout", "event_sources"),
                        "SqsQueue": ("visibility_timeout",)},
    watches_relations=False,
    scope=per_record("LambdaFunction", check_one, reach=1),
)
