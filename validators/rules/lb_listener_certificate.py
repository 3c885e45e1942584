"""lb-listener-certificate: an HTTPS or TLS listener without a certificate."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, lb):
    for listener in lb.get("listeners", ()):
        if listener.get("protocol") in ("HTTPS", "TLS") and listener.get("certificate") == "":
            yield RULE.finding("Load balancer {lb}: the {protocol} listener on port {port} has no "
                               "certificate.", [lb.id], lb=lb.label, protocol=listener.get("protocol"),
                               port=listener.get("port"))


RULE = Rule(
    id="lb-listener-certificate",
    severity=Severity.ERROR,
    title="HTTPS or TLS listener without a certificate",
    fix="Attach an ACM certificate for the site's name (in the load balancer's Region) to the listener.",
    lesson=("A load balancer that terminates TLS presents a server certificate to every client, so "
            "an HTTPS (ALB) or TLS (NLB) listener cannot be created without one. AWS Certificate "
            "Manager issues and renews such certificates for free."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/create-https-listener.html",
    watches=("LoadBalancer",),
    watches_properties={"LoadBalancer": ("listeners",)},
    watches_relations=False,
    scope=per_record("LoadBalancer", check_one),
)
