"""SQS, SNS, EventBridge rules, CloudWatch Logs, CloudTrail and CodeDeploy."""

from __future__ import annotations

import json

from ...resources import Resource
from ...schema import Unresolved
from ..writer import Writer
from . import writes
from .compute import invoke_permission
from .security import trust_policy

__all__ = ["RETENTION_DAYS", "queue", "topic", "event_rule", "log_group", "trail", "codedeploy"]

#: The retention periods CloudWatch Logs accepts, in days.
RETENTION_DAYS = (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192,
                  2557, 2922, 3288, 3653)


@writes("SqsQueue")
def queue(w: Writer, r: Resource) -> None:
    dead_letter = w.ref(r.get("dead_letter_queue"), "Arn") if r.get("dead_letter_queue") else None
    w.add(w.main(r), "AWS::SQS::Queue", {
        "FifoQueue": True if r.get("queue_type") == "fifo" else None,
        "VisibilityTimeout": w.value(r.get("visibility_timeout")),
        "MessageRetentionPeriod": w.value(r.get("message_retention")),
        "RedrivePolicy": {"deadLetterTargetArn": dead_letter,
                          "maxReceiveCount": w.value(r.get("max_receive_count"))}
        if dead_letter is not None else None}, r)


@writes("SnsTopic")
def topic(w: Writer, r: Resource) -> None:
    logical = w.main(r)
    subscriptions = []
    for item in r.get("subscriptions", ()):
        target = w.d.get(item.get("target")) if isinstance(item.get("target"), str) else None
        if target is not None and target.id in w.logical:
            endpoint = w.ref(target.id, "Arn")
            if target.kind == "LambdaFunction":
                invoke_permission(w, target.id, "sns.amazonaws.com", r, {"Ref": logical})
        else:
            endpoint = w.value(item.get("endpoint"))
        if endpoint:
            subscriptions.append({"Protocol": w.value(item.get("protocol")), "Endpoint": endpoint})
    w.add(logical, "AWS::SNS::Topic", {"FifoTopic": True if r.get("fifo") is True else None,
                                       "Subscription": subscriptions or None}, r)


_TARGET_ATTRIBUTES = {"LambdaFunction": "Arn", "SqsQueue": "Arn", "SnsTopic": None, "EcsCluster": "Arn"}


@writes("EventRule")
def event_rule(w: Writer, r: Resource) -> None:
    logical = w.main(r)
    targets = []
    for i, target in enumerate(r.get("targets", ()), start=1):
        record = w.d.get(target) if isinstance(target, str) else None
        if record is None or record.id not in w.logical:
            continue
        targets.append({"Id": f"Target{i}", "Arn": w.ref(record.id, _TARGET_ATTRIBUTES[record.kind])})
        if record.kind == "LambdaFunction":
            invoke_permission(w, record.id, "events.amazonaws.com", r,
                              {"Fn::GetAtt": [logical, "Arn"]})
    pattern = None
    if isinstance(r.get("event_pattern"), Unresolved):
        pattern = w.value(r.get("event_pattern"))
    elif r.get("event_pattern"):
        try:
            pattern = json.loads(r.get("event_pattern"))
        except ValueError:
            pattern = None
    schedule = w.value(r.get("schedule_expression")) or None
    if pattern is None and schedule is None:
        schedule = w.parameter(f"{logical}Schedule", "String",
                               f"When {r.label} runs: cron(...) or rate(...)")
    w.add(logical, "AWS::Events::Rule", {"ScheduleExpression": schedule, "EventPattern": pattern,
                                         "State": w.value(r.get("state")),
                                         "Targets": targets or None}, r)


@writes("LogGroup")
def log_group(w: Writer, r: Resource) -> None:
    days = r.get("retention_days")
    if isinstance(days, int) and days and days not in RETENTION_DAYS:
        days = next((d for d in RETENTION_DAYS if d >= days), RETENTION_DAYS[-1])
    w.add(w.main(r), "AWS::Logs::LogGroup", {
        "LogGroupName": w.value(r.get("log_group_name")) or None,
        "RetentionInDays": w.value(days) or None}, r,
        DeletionPolicy="Retain", UpdateReplacePolicy="Retain")


@writes("CloudTrailTrail")
def trail(w: Writer, r: Resource) -> None:
    logical = w.main(r)
    bucket = w.ref(r.get("s3_bucket")) if r.get("s3_bucket") else None
    depends = []
    if bucket is None:
        bucket = w.parameter(f"{logical}Bucket", "String", f"The bucket {r.label} delivers to")
    elif r.get("s3_bucket") in w.logical:
        depends.append(_bucket_policy(w, r, w.logical[r.get("s3_bucket")]))
    group = w.ref(r.get("log_group"), "Arn") if r.get("log_group") else None
    role = None
    if group is not None:
        role = w.add(w.helper_id(r, "LogsRole"), "AWS::IAM::Role", {
            "AssumeRolePolicyDocument": trust_policy("cloudtrail.amazonaws.com"),
            "Policies": [{"PolicyName": "deliver-to-logs", "PolicyDocument": {
                "Version": "2012-10-17", "Statement": [{
                    "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                    "Resource": group}]}}]}, r, metadata=w.implied())
    w.add(logical, "AWS::CloudTrail::Trail", {
        "IsLogging": w.value(r.get("is_logging")), "S3BucketName": bucket,
        "CloudWatchLogsLogGroupArn": group,
        "CloudWatchLogsRoleArn": {"Fn::GetAtt": [role, "Arn"]} if role else None,
        "IsMultiRegionTrail": w.value(r.get("multi_region")),
        "EnableLogFileValidation": w.value(r.get("log_file_validation"))}, r, depends_on=depends)


def _bucket_policy(w: Writer, r: Resource, bucket: str) -> str:
    """The bucket policy CloudTrail needs before a trail can deliver to a bucket."""
    arn = {"Fn::GetAtt": [bucket, "Arn"]}
    return w.add(w.helper_id(r, "BucketPolicy"), "AWS::S3::BucketPolicy", {
        "Bucket": {"Ref": bucket}, "PolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
             "Action": "s3:GetBucketAcl", "Resource": arn},
            {"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
             "Action": "s3:PutObject",
             "Resource": {"Fn::Sub": f"${{{bucket}.Arn}}/AWSLogs/${{AWS::AccountId}}/*"},
             "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}}]}},
        r, metadata=w.implied())


@writes("CodeDeployApplication")
def codedeploy(w: Writer, r: Resource) -> None:
    logical = w.add(w.main(r), "AWS::CodeDeploy::Application",
                    {"ComputePlatform": w.value(r.get("compute_platform"))}, r)
    service = w.d.get(r.get("ecs_service")) if isinstance(r.get("ecs_service"), str) else None
    groups = [g for g in r.get("target_groups", ()) if isinstance(g, str) and g in w.logical]
    if service is None or service.id not in w.logical:
        return
    cluster = w.d.get(service.parent)
    listeners = sorted({l for g in groups for l in w.listeners_forwarding_to.get(g, ())})
    role = w.add(w.helper_id(r, "Role"), "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": trust_policy("codedeploy.amazonaws.com"),
        "ManagedPolicyArns": [{"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/AWSCodeDeployRoleForECS"}]},
        r, metadata=w.implied())
    w.add(w.helper_id(r, "DeploymentGroup"), "AWS::CodeDeploy::DeploymentGroup", {
        "ApplicationName": {"Ref": logical}, "ServiceRoleArn": {"Fn::GetAtt": [role, "Arn"]},
        "DeploymentConfigName": "CodeDeployDefault.ECSAllAtOnce",
        "DeploymentStyle": {"DeploymentType": "BLUE_GREEN", "DeploymentOption": "WITH_TRAFFIC_CONTROL"},
        "BlueGreenDeploymentConfiguration": {
            "DeploymentReadyOption": {"ActionOnTimeout": "CONTINUE_DEPLOYMENT"},
            "TerminateBlueInstancesOnDeploymentSuccess": {"Action": "TERMINATE",
                                                          "TerminationWaitTimeInMinutes": 5}},
        "ECSServices": [{"ClusterName": w.ref(cluster.id) if cluster is not None
                         and cluster.id in w.logical else "default",
                         "ServiceName": {"Fn::GetAtt": [w.logical[service.id], "Name"]}}],
        "LoadBalancerInfo": {"TargetGroupPairInfoList": [{
            "TargetGroups": [{"Name": {"Fn::GetAtt": [w.logical[g], "TargetGroupName"]}}
                             for g in groups],
            "ProdTrafficRoute": {"ListenerArns": [{"Ref": l} for l in listeners]}}]}
        if groups and listeners else None}, r)
