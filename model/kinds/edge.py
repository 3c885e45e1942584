"""Edge & DNS, integration and management: CloudFront, Route 53, API Gateway, SQS, SNS, events, logs."""

from __future__ import annotations

from ..schema import ROOT, Kind
from ._fields import choice, flag, longtext, number, records, ref, refs, text, texts

EDGE = "Edge & DNS"
INTEGRATION = "Integration"
MANAGEMENT = "Management"

ORIGIN_KINDS = ("S3Bucket", "LoadBalancer", "Instance", "ApiGateway", "LambdaFunction",
                "LightsailInstance")
ALIAS_KINDS = ("LoadBalancer", "CloudFrontDistribution", "S3Bucket", "ApiGateway", "VpcEndpoint",
               "DnsRecord")

KINDS = (
    Kind("CloudFrontDistribution", "CloudFront distribution", EDGE, (ROOT,),
         cfn_type="AWS::CloudFront::Distribution", description=(
             "A content delivery network and reverse proxy: caches static content at the edge and "
             "forwards dynamic requests to its origins."), fields=(
        texts("aliases", label="Alternate domain names"),
        ref("certificate", ("AcmCertificate",), "uses certificate"),
        choice("viewer_protocol_policy", ("redirect-to-https", "https-only", "allow-all"),
               "redirect-to-https"),
        text("minimum_tls", "TLSv1.2_2021", label="Minimum TLS version"),
        records("origins",
                text("origin_id", "origin"),
                ref("target", ORIGIN_KINDS, "origin"),
                choice("protocol_policy", ("https-only", "http-only", "match-viewer"), "https-only"),
                choice("access_control", ("none", "oac", "oai"), "none",
                       help="Origin access control for S3 origins."),
                flag("vpc_origin", False, label="VPC origin",
                     help="Reach an internal load balancer or instance through a CloudFront VPC origin."),
                label="Origins"),
    )),
    Kind("HostedZone", "Route 53 hosted zone", EDGE, (ROOT,), container=True,
         cfn_type="AWS::Route53::HostedZone", description=(
             "The DNS records of one domain, answered by Route 53."), fields=(
        text("domain", "example.com"),
        flag("private", False, label="Private zone"),
        refs("vpcs", ("Vpc",), "answers in", help="Private zones: the VPCs that can resolve it."),
    )),
    Kind("DnsRecord", "DNS record", EDGE, ("HostedZone",), cfn_type="AWS::Route53::RecordSet",
         description=(
             "One name in a hosted zone. An alias record points at an AWS resource by name and may "
             "sit at the zone apex; a CNAME may not."), fields=(
        text("record_name", "www", help="Relative to the zone; @ or empty for the zone apex."),
        choice("record_type", ("A", "AAAA", "CNAME", "MX", "TXT", "NS", "CAA"), "A", label="Type"),
        ref("alias_target", ALIAS_KINDS, "alias of"),
        texts("values", help="Values of a record that is not an alias."),
        number("ttl", 300, minimum=0, label="TTL (s)"),
    )),
    Kind("ApiGateway", "API Gateway", INTEGRATION, ("Region", ROOT),
         cfn_type="AWS::ApiGateway::RestApi", description=(
             "A managed front door for APIs: a method request becomes an integration request to a "
             "backend, and the integration response becomes the method response."), fields=(
        choice("api_type", ("REST", "HTTP", "WEBSOCKET"), "REST"),
        choice("endpoint_type", ("REGIONAL", "EDGE", "PRIVATE"), "REGIONAL"),
        texts("stages", ("prod",)),
        records("integrations",
                text("route", "ANY /{proxy+}"),
                choice("integration_type", ("lambda", "http", "vpc-link", "aws-service", "mock"),
                       "lambda"),
                ref("target", ("LambdaFunction", "LoadBalancer", "SqsQueue", "SnsTopic",
                               "DynamoDbTable", "Instance"), "integrates with"),
                number("timeout_ms", 29000, minimum=0, label="Timeout (ms)"),
                label="Integrations"),
        text("custom_domain", ""),
        ref("certificate", ("AcmCertificate",), "uses certificate"),
    )),
    Kind("SqsQueue", "SQS queue", INTEGRATION, ("Region", ROOT), cfn_type="AWS::SQS::Queue",
         description="A message queue that decouples producers from consumers.", fields=(
        choice("queue_type", ("standard", "fifo"), "standard", label="Type"),
        number("visibility_timeout", 30, minimum=0, label="Visibility timeout (s)"),
        number("message_retention", 345600, minimum=0, label="Retention (s)"),
        ref("dead_letter_queue", ("SqsQueue",), "sends failures to"),
        number("max_receive_count", 5, minimum=0),
    )),
    Kind("SnsTopic", "SNS topic", INTEGRATION, ("Region", ROOT), cfn_type="AWS::SNS::Topic",
         description="Publishes each message to every subscriber: e-mail, queues, functions, HTTPS.",
         fields=(
        flag("fifo", False, label="FIFO"),
        records("subscriptions",
                choice("protocol", ("email", "sqs", "lambda", "https", "sms"), "email"),
                text("endpoint", ""),
                ref("target", ("SqsQueue", "LambdaFunction"), "sends to"),
                label="Subscriptions"),
    )),
    Kind("EventRule", "EventBridge rule", INTEGRATION, ("Region", ROOT), cfn_type="AWS::Events::Rule",
         description=(
             "A CloudWatch Events (EventBridge) rule: on an event or a schedule, triggers its "
             "targets."), fields=(
        text("schedule_expression", "", help="cron(...) or rate(...); empty for an event pattern."),
        longtext("event_pattern", ""),
        refs("targets", ("LambdaFunction", "SqsQueue", "SnsTopic", "EcsCluster"), "triggers"),
        choice("state", ("ENABLED", "DISABLED"), "ENABLED"),
    )),
    Kind("LogGroup", "CloudWatch log group", MANAGEMENT, ("Region", ROOT), cfn_type="AWS::Logs::LogGroup",
         description="Collects log streams from instances, functions and containers.", fields=(
        text("log_group_name", ""),
        number("retention_days", 0, minimum=0, help="0: keep forever."),
    )),
    Kind("CloudTrailTrail", "CloudTrail trail", MANAGEMENT, ("Region", ROOT),
         cfn_type="AWS::CloudTrail::Trail", description=(
             "Records API calls and console sign-ins and delivers them to S3 (and CloudWatch Logs)."),
         fields=(
        ref("s3_bucket", ("S3Bucket",), "delivers to", label="S3 bucket"),
        ref("log_group", ("LogGroup",), "delivers to"),
        flag("multi_region", True, label="All Regions"),
        flag("log_file_validation", True),
        flag("is_logging", True),
    )),
    Kind("CodeDeployApplication", "CodeDeploy application", MANAGEMENT, ("Region", ROOT),
         cfn_type="AWS::CodeDeploy::Application", description=(
             "Deploys new versions; for ECS it can run a blue/green deployment, shifting a load "
             "balancer from the blue target group to the green one."), fields=(
        choice("compute_platform", ("ECS", "Server", "Lambda"), "ECS"),
        ref("ecs_service", ("EcsService",), "deploys"),
        refs("target_groups", ("TargetGroup",), "shifts traffic between"),
    )),
)
