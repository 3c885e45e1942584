"""nacl-blocks-traffic: a flow the design implies is refused by a network ACL, either way."""

from __future__ import annotations

import pytest

from tests.support.builder import load_example
from tests.validators.reachability.scenarios import acl_rule, two_tier
from validators.rules.nacl_blocks_traffic import RULE

from .helpers import findings


def _acl(subnet, inbound, outbound):
    b = two_tier()
    b.add("NetworkAcl", "acl", "vpc", name="app-acl", inbound=inbound, outbound=outbound)
    b.set(subnet, network_acl="acl")
    return b.diagram


def replies_without_ephemeral_ports():
    """Port 80 allowed both ways: the replies to the load balancer go to ephemeral ports."""
    return _acl("app-a", [acl_rule(100, protocol="tcp", ports=(80, 80))],
                [acl_rule(100, protocol="tcp", ports=(80, 80))])


def https_denied_into_the_public_subnet():
    return _acl("pub-a", [acl_rule(50, "deny", "tcp", (443, 443)), acl_rule(100)], [acl_rule(100)])


TRIGGERS = [
    pytest.param(replies_without_ephemeral_ports(), id="replies-without-ephemeral-ports"),
    pytest.param(https_denied_into_the_public_subnet(), id="https-denied-into-public-subnet"),
]

NEAR_MISSES = [
    pytest.param(two_tier().diagram, id="default-acls"),
    pytest.param(_acl("app-a", [acl_rule(100, protocol="tcp", ports=(80, 80)),
                                acl_rule(110, protocol="tcp", ports=(1024, 65535))],
                      [acl_rule(100, protocol="tcp", ports=(1024, 65535)),
                       acl_rule(110, protocol="tcp", ports=(443, 443)),
                       acl_rule(120, protocol="tcp", ports=(3306, 3306))]), id="ephemeral-ports-allowed"),
    pytest.param(load_example("dual-az-web"), id="dual-az-web"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    found = findings(RULE, diagram)
    assert found and all("network ACL app-acl" in f.message and "SUBNET_ACL_RESTRICTION" in f.message
                         for f in found)


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []


def test_return_traffic_is_reported_with_the_ephemeral_ports():
    found = findings(RULE, replies_without_ephemeral_ports())
    messages = {f.message for f in found}
    assert ("web-alb cannot reach its target web server on tcp/80: network ACL app-acl of subnet app-a "
            "does not let the replies out on the ephemeral ports 1024-65535 (rule * deny all traffic "
            "(nothing matched before it); SUBNET_ACL_RESTRICTION).") in messages
    [target] = [f for f in found if f.message.startswith("web-alb cannot reach its target")]
    assert {"alb", "web", "acl", "app-a"} <= set(target.resources)
    assert "1024-65535" in target.fix


def test_a_forward_deny_names_the_rule():
    found = findings(RULE, https_denied_into_the_public_subnet())
    assert ("The internet cannot reach web-alb on tcp/443: network ACL app-acl of subnet pub-a does not "
            "let it in (rule 50 deny tcp/443 0.0.0.0/0; SUBNET_ACL_RESTRICTION).") in {f.message for f in found}
