"""sg-open-admin-ports: a security group open to the whole internet on SSH (22) or RDP (3389)."""

from __future__ import annotations

from model.diagram import Diagram

from ..facts import net
from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

ADMIN_PORTS = {22: "SSH", 3389: "RDP"}


def check_one(diagram: Diagram, sg):
    for rule in sg.get("ingress", ()):
        n = net(rule.get("cidr"))
        if n is None or n.prefixlen != 0 or rule.get("protocol") not in ("tcp", "all"):
            continue
        low, high = (0, 65535) if rule.get("protocol") == "all" else (rule.get("from_port"), rule.get("to_port"))
        for port, service in ADMIN_PORTS.items():
            if isinstance(low, int) and isinstance(high, int) and low <= port <= high:
                yield RULE.finding("Security group {sg} lets anyone on the internet ({cidr}) connect to "
                                   "{service} (port {port}).", [sg.id], sg=sg.label, cidr=n,
                                   service=service, port=port)


RULE = Rule(
    id="sg-open-admin-ports",
    severity=Severity.WARNING,
    title="SSH or RDP open to the whole internet",
    fix="Allow SSH/RDP only from your own address range, or use Session Manager and close the port.",
    lesson=("A rule allowing 0.0.0.0/0 (or ::/0) lets anyone on the internet try to log in, and "
            "SSH and RDP ports are scanned constantly. AWS advises authorizing only specific "
            "address ranges for administration, or avoiding open ports entirely with Systems "
            "Manager Session Manager."),
    docs="https://docs.aws.amazon.com/vpc/latest/userguide/security-groups.html",
    watches=("SecurityGroup",),
    watches_properties={"SecurityGroup": ("ingress",)},
    watches_relations=False,
    scope=per_record("SecurityGroup", check_one),
)
