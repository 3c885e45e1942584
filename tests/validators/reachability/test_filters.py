"""Security groups and network ACLs as AWS evaluates them: allow-only stateful groups matched by
protocol, port range, CIDR, group or prefix list; numbered, stateless ACLs where the first match
wins and the replies need the ephemeral ports."""

from __future__ import annotations

import pytest

from validators.reachability import Flow, trace

from .scenarios import acl_rule, egress, ingress, two_tier


def _blocked(d, flow):
    result = trace(d, flow)
    return None if result.reachable else (result.blocked.code, result.blocked.component,
                                          result.blocked.direction)


@pytest.mark.parametrize("rule, reachable", [
    pytest.param(ingress("all", 0, 0, group="alb-sg"), True, id="protocol-all-ignores-ports"),
    pytest.param(ingress("tcp", 0, 65535, group="alb-sg"), True, id="whole-port-range"),
    pytest.param(ingress("tcp", 79, 81, group="alb-sg"), True, id="range-around-the-port"),
    pytest.param(ingress("tcp", 81, 90, group="alb-sg"), False, id="range-beside-the-port"),
    pytest.param(ingress("udp", 80, group="alb-sg"), False, id="other-protocol"),
    pytest.param(ingress("tcp", 80, cidr="10.0.0.0/16"), True, id="cidr-holding-both-lb-subnets"),
    pytest.param(ingress("tcp", 80, cidr="10.0.0.0/24"), False, id="cidr-holding-one-lb-subnet"),
    pytest.param(ingress("tcp", 80, cidr="10.0.0.0/25"), False, id="cidr-holding-half-a-subnet"),
    pytest.param(ingress("tcp", 80, group="db-sg"), False, id="another-group"),
])
def test_security_group_rules_match_by_protocol_port_and_peer(rule, reachable):
    """The load balancer sits in two subnets: a rule must cover every address it may use."""
    b = two_tier()
    b.set("web-sg", ingress=[rule])
    assert trace(b.diagram, Flow("alb", "web", port=80)).reachable is reachable


def test_a_prefix_list_rule_matches_the_service_it_names():
    """Egress restricted to the S3 prefix list lets S3 traffic out (through the gateway endpoint)
    and nothing else."""
    b = two_tier()
    b.add("VpcEndpoint", "s3-gw", "vpc", endpoint_type="gateway", service="s3", route_tables=["rt-app-a"])
    b.set("web-sg", ingress=[ingress(port=80, group="alb-sg")], egress=[egress(port=443, prefix_list="pl-s3")])
    assert trace(b.diagram, Flow("web", "s3")).reachable
    assert _blocked(b.diagram, Flow("web", "dynamodb")) == ("ENI_SG_RULES_MISMATCH", "web-sg", "forward")
    assert _blocked(b.diagram, Flow("web", "internet")) == ("ENI_SG_RULES_MISMATCH", "web-sg", "forward")


def test_the_internet_is_matched_only_by_rules_for_every_address():
    """An office range is not the internet: a group allowing 203.0.113.0/24 refuses a client
    elsewhere, and the hop says which rule was missing."""
    b = two_tier()
    b.set("alb-sg", ingress=[ingress(port=443, cidr="203.0.113.0/24")])
    result = trace(b.diagram, Flow("internet", "alb"))
    assert (result.blocked.code, result.blocked.component) == ("ENI_SG_RULES_MISMATCH", "alb-sg")
    assert "from the internet" in result.blocked.explanation


def test_security_groups_are_stateful():
    """No inbound rule is needed for the replies to an allowed outbound connection."""
    b = two_tier()
    b.set("web-sg", ingress=[ingress(port=80, group="alb-sg")], egress=[egress(port=443, cidr="0.0.0.0/0")])
    result = trace(b.diagram, Flow("web", "internet"))
    assert result.reachable
    assert not any(h.check.startswith("security-group") for h in result.return_hops)


def test_a_resource_without_groups_gets_the_vpc_default_group():
    """Default group: everything out, in only from other members - so the load balancer is refused,
    while another resource with no group gets in."""
    b = two_tier()
    b.set("web", security_groups=[])
    b.add("Instance", "peer", "app-b")
    result = trace(b.diagram, Flow("alb", "web", port=80))
    assert (result.blocked.code, result.blocked.component) == ("ENI_SG_RULES_MISMATCH", "web")
    assert any("default security group" in note for note in result.notes)
    assert trace(b.diagram, Flow("peer", "web", port=22)).reachable
    assert trace(b.diagram, Flow("web", "internet")).reachable


def test_group_with_no_inbound_rules_is_reported_as_such():
    b = two_tier()
    b.set("web-sg", ingress=[])
    assert _blocked(b.diagram, Flow("alb", "web", port=80)) == ("SG_HAS_NO_RULES", "web-sg", "forward")


def test_several_groups_on_one_interface_add_up():
    b = two_tier()
    b.add("SecurityGroup", "ssh-sg", "vpc", ingress=[ingress(port=22, cidr="10.0.0.0/16")])
    b.set("web", security_groups=["web-sg", "ssh-sg"])
    b.add("Instance", "admin", "app-b")
    assert trace(b.diagram, Flow("admin", "web", port=22)).reachable
    assert trace(b.diagram, Flow("alb", "web", port=80)).reachable


# ------------------------------------------------------------------------------- network ACLs
def _with_acl(inbound, outbound, subnet="app-a"):
    b = two_tier()
    b.add("NetworkAcl", "acl", "vpc", inbound=inbound, outbound=outbound)
    b.set(subnet, network_acl="acl")
    return b.diagram


ALLOW_ALL = [acl_rule(100)]


def test_acl_rules_are_read_lowest_number_first():
    """A deny numbered before an allow wins; numbered after it, it is never reached."""
    deny_first = _with_acl([acl_rule(90, "deny", "tcp", (80, 80)), acl_rule(100)], ALLOW_ALL)
    assert _blocked(deny_first, Flow("alb", "web", port=80)) == ("SUBNET_ACL_RESTRICTION", "acl", "forward")
    deny_later = _with_acl([acl_rule(110, "deny", "tcp", (80, 80)), acl_rule(100)], ALLOW_ALL)
    assert trace(deny_later, Flow("alb", "web", port=80)).reachable


def test_an_acl_with_no_matching_rule_denies():
    d = _with_acl([acl_rule(100, protocol="tcp", ports=(443, 443))], ALLOW_ALL)
    result = trace(d, Flow("alb", "web", port=80))
    assert result.blocked.code == "SUBNET_ACL_RESTRICTION"
    assert result.forward_hops[-1].matched.startswith("rule *")


def test_replies_need_the_ephemeral_ports_back():
    """Allowing port 80 both ways is the classic mistake: the reply goes to an ephemeral port."""
    narrow = _with_acl([acl_rule(100, protocol="tcp", ports=(80, 80))],
                       [acl_rule(100, protocol="tcp", ports=(80, 80))])
    result = trace(narrow, Flow("alb", "web", port=80))
    assert (result.blocked.code, result.blocked.direction) == ("SUBNET_ACL_RESTRICTION", "return")
    assert "1024-65535" in result.blocked.explanation
    fixed = _with_acl([acl_rule(100, protocol="tcp", ports=(80, 80))],
                      [acl_rule(100, protocol="tcp", ports=(1024, 65535))])
    assert trace(fixed, Flow("alb", "web", port=80)).reachable


def test_every_ephemeral_port_must_be_allowed():
    """Allowing only the Linux range 32768-60999 back leaves the NAT and load balancer ports out;
    two rules that together cover 1024-65535 are enough."""
    partial = _with_acl(ALLOW_ALL, [acl_rule(100, protocol="tcp", ports=(32768, 60999))])
    assert _blocked(partial, Flow("alb", "web", port=80))[::2] == ("SUBNET_ACL_RESTRICTION", "return")
    split = _with_acl(ALLOW_ALL, [acl_rule(100, protocol="tcp", ports=(1024, 40000)),
                                  acl_rule(110, protocol="tcp", ports=(40001, 65535))])
    assert trace(split, Flow("alb", "web", port=80)).reachable


def test_a_deny_touching_part_of_a_subnet_blocks_it():
    """The instance may get any address of its subnet, so a deny for half of it is a block."""
    d = _with_acl([acl_rule(90, "deny", cidr="10.0.0.0/25"), acl_rule(100)], ALLOW_ALL)
    assert _blocked(d, Flow("alb", "web", port=80)) == ("SUBNET_ACL_RESTRICTION", "acl", "forward")


def test_a_deny_for_one_internet_range_does_not_shut_the_internet_out():
    d = _with_acl([acl_rule(90, "deny", cidr="198.51.100.0/24"), acl_rule(100)], ALLOW_ALL, subnet="pub-a")
    assert trace(d, Flow("internet", "alb")).reachable


def test_traffic_within_one_subnet_skips_its_acl():
    """An ACL with no rules blocks the load balancer in another subnet, but not a neighbour."""
    assert trace(_with_acl([], []), Flow("alb", "web", port=80)).blocked.code == "SUBNET_ACL_RESTRICTION"
    b = two_tier()
    b.add("NetworkAcl", "acl", "vpc")
    b.set("app-a", network_acl="acl")
    b.add("Instance", "neighbour", "app-a")
    b.set("web-sg", ingress=[ingress(port=22, cidr="10.0.10.0/24")])
    result = trace(b.diagram, Flow("neighbour", "web", port=22))
    assert result.reachable
    assert not any(h.kind == "NetworkAcl" for h in result.forward_hops + result.return_hops)


def test_nat_gateway_subnet_acl_needs_the_returning_internet_traffic():
    """The public subnet's ACL sees the reply from the internet on the ephemeral ports."""
    b = two_tier()
    b.add("NetworkAcl", "pub-acl", "vpc", inbound=[acl_rule(100, protocol="tcp", ports=(443, 443))],
          outbound=ALLOW_ALL)
    b.set("pub-a", network_acl="pub-acl")
    result = trace(b.diagram, Flow("web", "internet"))
    assert (result.blocked.code, result.blocked.component, result.blocked.direction) == \
        ("SUBNET_ACL_RESTRICTION", "pub-acl", "return")
