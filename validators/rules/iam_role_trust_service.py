"""iam-role-trust-service: a role used by a service that the role does not trust."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

#: Kind -> (role properties, the service principal the role must trust).
USES = {
    "LambdaFunction": (("role",), "lambda.amazonaws.com"),
    "Instance": (("iam_role",), "ec2.amazonaws.com"),
    "AutoScalingGroup": (("iam_role",), "ec2.amazonaws.com"),
    "TaskDefinition": (("execution_role", "task_role"), "ecs-tasks.amazonaws.com"),
}


def check_one(diagram: Diagram, record):
    props, principal = USES[record.kind]
    for prop in props:
        role = diagram.get(record.get(prop)) if isinstance(record.get(prop), str) else None
        if role is None or role.kind != "IamRole":
            continue
        trusted = role.get("trusted_service")
        if isinstance(trusted, str) and trusted != principal:
            yield RULE.finding("{resource} uses role {role}, which trusts {trusted} instead of "
                               "{principal}.", [record.id, role.id], resource=record.label,
                               role=role.label, trusted=trusted or "nobody", principal=principal)


RULE = Rule(
    id="iam-role-trust-service",
    severity=Severity.ERROR,
    title="Role that does not trust the service using it",
    fix="Make the role's trust policy allow the service principal (lambda.amazonaws.com, "
        "ec2.amazonaws.com or ecs-tasks.amazonaws.com).",
    lesson=("A role has two policies: its permissions, and a trust policy naming who may assume "
            "it. A Lambda function can only use a role that trusts lambda.amazonaws.com, an EC2 "
            "instance one that trusts ec2.amazonaws.com, and ECS tasks one that trusts "
            "ecs-tasks.amazonaws.com; otherwise the service cannot get credentials."),
    docs="https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
    watches=tuple(USES) + ("IamRole",),
    watches_properties={**{k: props for k, (props, _) in USES.items()}, "IamRole": ("trusted_service",)},
    watches_relations=False,
    scope=per_record(tuple(USES), check_one, reach=1),
)
