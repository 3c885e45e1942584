"""sqs-dlq-type: a dead-letter queue of the other type (FIFO vs standard) or in another Region."""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, queue):
    dlq = diagram.get(queue.get("dead_letter_queue")) if isinstance(queue.get("dead_letter_queue"), str) else None
    if dlq is None or dlq.kind != "SqsQueue":
        return
    if dlq.get("queue_type") != queue.get("queue_type"):
        yield RULE.finding("Queue {queue} ({type}) sends failed messages to {dlq}, a {dlq_type} queue.",
                           [queue.id, dlq.id], queue=queue.label, type=queue.get("queue_type"),
                           dlq=dlq.label, dlq_type=dlq.get("queue_type"))
    here, there = q.region_of(diagram, queue.id), q.region_of(diagram, dlq.id)
    if here != there:
        yield RULE.finding("Queue {queue} in {region} sends failed messages to {dlq} in {dlq_region}.",
                           [queue.id, dlq.id], queue=queue.label, region=here, dlq=dlq.label,
                           dlq_region=there)


RULE = Rule(
    id="sqs-dlq-type",
    severity=Severity.ERROR,
    title="Dead-letter queue of another type or Region",
    fix="Use a dead-letter queue of the same type (FIFO for FIFO) in the same Region and account.",
    lesson=("A dead-letter queue receives the messages its source queue could not deliver. The "
            "dead-letter queue of a FIFO queue must itself be FIFO (and of a standard queue, "
            "standard), and it must live in the same account and Region as the source queue."),
    docs="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
    watches=("SqsQueue", "Region"),
    watches_properties={"SqsQueue": ("queue_type", "dead_letter_queue"), "Region": ("region",)},
    watches_metadata=("region",),
    watches_relations=False,
    scope=per_record("SqsQueue", check_one, reach=2),
)
