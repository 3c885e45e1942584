"""SQS, SNS, EventBridge rules, CloudWatch Logs, CloudTrail and CodeDeploy."""

from __future__ import annotations

import json
from typing import Any

from ..context import ImportContext
from ..intrinsics import to_form
from ..values import as_list, is_unknown, text
from . import maps
from .common import choice, fold_target, get_flag, get_number, get_text, is_ref_to, plan_fold

__all__ = ["queue", "topic", "subscription", "event_rule", "log_group", "trail",
           "codedeploy_application", "deployment_group"]


def _redrive(value: Any) -> dict:
    """``RedrivePolicy``, written as a mapping or (in older templates) as a JSON string."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


@maps("AWS::SQS::Queue", kind="SqsQueue")
def queue(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    redrive = _redrive(p.get("RedrivePolicy"))
    ctx.new(logical, queue_type="fifo" if get_flag(ctx, logical, p, "FifoQueue") is True else "standard",
            visibility_timeout=get_number(ctx, logical, p, "VisibilityTimeout", 30),
            message_retention=get_number(ctx, logical, p, "MessageRetentionPeriod", 345600),
            dead_letter_queue=ctx.ref(logical, "deadLetterTargetArn",
                                      redrive.get("deadLetterTargetArn"), ("SqsQueue",)),
            max_receive_count=get_number(ctx, logical, redrive, "maxReceiveCount", 5))


_SNS_PROTOCOLS = ("email", "sqs", "lambda", "https", "sms")


def _subscription(ctx: ImportContext, logical: str, item: dict) -> dict:
    endpoint = item.get("Endpoint")
    target = ""
    if is_ref_to(ctx, endpoint, "AWS::SQS::Queue", "AWS::Lambda::Function"):
        target = ctx.ref(logical, "Endpoint", endpoint, ("SqsQueue", "LambdaFunction"))
        endpoint = None
    return ctx.record("SnsTopic", "subscriptions",
                      protocol=choice(ctx, logical, "Protocol", item.get("Protocol"), _SNS_PROTOCOLS,
                                      "email"),
                      endpoint=ctx.attempt(logical, "Endpoint", text, endpoint, ""), target=target)


@maps("AWS::SNS::Topic", kind="SnsTopic")
def topic(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    items = as_list(p.get("Subscription"))
    ctx.new(logical, fifo=get_flag(ctx, logical, p, "FifoTopic"),
            subscriptions=[_subscription(ctx, logical, i) for i in
                           (items if not is_unknown(items) else []) if isinstance(i, dict)])


@maps("AWS::SNS::Subscription", plan=plan_fold("TopicArn", "AWS::SNS::Topic"))
def subscription(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    owner = fold_target(ctx, p.get("TopicArn"), "SnsTopic")
    ctx.fold(logical, owner.id)
    owner.props["subscriptions"].append(_subscription(ctx, logical, p))


@maps("AWS::Events::Rule", kind="EventRule")
def event_rule(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    pattern = p.get("EventPattern")
    targets = []
    items = as_list(p.get("Targets"))
    for item in items if not is_unknown(items) else []:
        if isinstance(item, dict):
            found = ctx.ref(logical, "Targets", item.get("Arn"),
                            ("LambdaFunction", "SqsQueue", "SnsTopic", "EcsCluster"))
            if found != "":
                targets.append(found)
    ctx.new(logical, schedule_expression=get_text(ctx, logical, p, "ScheduleExpression"),
            event_pattern=json.dumps(to_form(pattern), indent=2) if isinstance(pattern, dict)
            else ctx.attempt(logical, "EventPattern", text, pattern, ""),
            targets=targets,
            state=choice(ctx, logical, "State", p.get("State"), ("ENABLED", "DISABLED"), "ENABLED"))


@maps("AWS::Logs::LogGroup", kind="LogGroup")
def log_group(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    ctx.new(logical, log_group_name=get_text(ctx, logical, p, "LogGroupName"),
            retention_days=get_number(ctx, logical, p, "RetentionInDays", 0))


@maps("AWS::CloudTrail::Trail", kind="CloudTrailTrail")
def trail(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    ctx.new(logical, s3_bucket=ctx.ref(logical, "S3BucketName", p.get("S3BucketName"), ("S3Bucket",)),
            log_group=ctx.ref(logical, "CloudWatchLogsLogGroupArn",
                              p.get("CloudWatchLogsLogGroupArn"), ("LogGroup",)),
            multi_region=get_flag(ctx, logical, p, "IsMultiRegionTrail"),
            log_file_validation=get_flag(ctx, logical, p, "EnableLogFileValidation"),
            is_logging=get_flag(ctx, logical, p, "IsLogging", True))


@maps("AWS::CodeDeploy::Application", kind="CodeDeployApplication")
def codedeploy_application(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    ctx.new(logical, compute_platform=choice(ctx, logical, "ComputePlatform", p.get("ComputePlatform"),
                                             ("ECS", "Server", "Lambda"), "Server"))


@maps("AWS::CodeDeploy::DeploymentGroup",
      plan=plan_fold("ApplicationName", "AWS::CodeDeploy::Application"))
def deployment_group(ctx: ImportContext, logical: str) -> None:
    p = ctx.props(logical)
    application = fold_target(ctx, p.get("ApplicationName"), "CodeDeployApplication")
    ctx.fold(logical, application.id)
    services = as_list(p.get("ECSServices"))
    for item in services if not is_unknown(services) else []:
        if isinstance(item, dict) and item.get("ServiceName") is not None:
            application.props["ecs_service"] = ctx.ref(logical, "ServiceName", item["ServiceName"],
                                                       ("EcsService",))
            break
    info = p.get("LoadBalancerInfo") if isinstance(p.get("LoadBalancerInfo"), dict) else {}
    pairs = info.get("TargetGroupPairInfoList")
    groups = []
    if isinstance(pairs, list) and pairs and isinstance(pairs[0], dict):
        for item in as_list(pairs[0].get("TargetGroups")):
            if isinstance(item, dict):
                found = ctx.ref(logical, "TargetGroups", item.get("Name"), ("TargetGroup",))
                if found != "":
                    groups.append(found)
    application.props["target_groups"] = groups
