"""target-group-target-kind: targets that do not fit the target group's type."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

FITS = {"instance": ("Instance",), "ip": ("Instance",), "lambda": ("LambdaFunction",),
        "alb": ("LoadBalancer",)}


def check_one(diagram: Diagram, tg):
    kind = tg.get("target_type")
    targets = [t for t in (diagram.get(i) for i in tg.get("targets", ()) if isinstance(i, str)) if t]
    for target in targets:
        fits = target.kind in FITS.get(kind, ()) and not (
            kind == "alb" and target.get("lb_type") != "application")
        if not fits:
            yield RULE.finding("Target group {tg} of type {type} lists {target}, which cannot be a "
                               "target of that type.", [tg.id, target.id], tg=tg.label, type=kind,
                               target=target.label)
    if kind == "lambda" and len(targets) > 1:
        yield RULE.finding("Target group {tg} lists {count} Lambda functions; a lambda target group "
                           "holds exactly one.", [tg.id], tg=tg.label, count=len(targets))


RULE = Rule(
    id="target-group-target-kind",
    severity=Severity.ERROR,
    title="Targets that do not fit the target group's type",
    fix="Register targets of the group's type, or create a group of the right type for them.",
    lesson=("An instance target group holds EC2 instances, an ip group private IP addresses, an alb "
            "group one Application Load Balancer, and a lambda group exactly one function. Each "
            "kind is registered and health-checked differently, which is why the type cannot be "
            "mixed or changed later."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html",
    watches=("TargetGroup", "Instance", "LambdaFunction", "LoadBalancer"),
    watches_properties={"TargetGroup": ("target_type", "targets"), "Instance": (),
                        "LambdaFunction": (), "LoadBalancer": ("lb_type",)},
    watches_relations=False,
    scope=per_record("TargetGroup", check_one, reach=1),
)
