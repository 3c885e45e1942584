"""What a line between two resources can mean (editor/tools/links.py), without Qt."""

from __future__ import annotations

import pytest

from editor.tools.links import connection_option, link_options, route_destination, unlink_edit
from tests.support.builder import DesignBuilder


@pytest.fixture
def net():
    b = DesignBuilder()
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.subnet("public", vpc, "10.0.0.0/24")
    b.subnet("private", vpc, "10.0.1.0/24")
    b.internet_gateway("igw", vpc)
    b.add("EgressOnlyInternetGateway", "eigw", vpc, vpc=vpc)
    b.add("NatGateway", "nat", "public")
    b.route_table("rt", vpc)
    b.add("TargetGroup", "tg", vpc, port=8080)
    b.add("LoadBalancer", "alb", vpc)
    b.add("Instance", "web", "private")
    b.add("SecurityGroup", "web-sg", vpc)
    b.add("SecurityGroup", "db-sg", vpc)
    b.add("VpcEndpoint", "s3", vpc, endpoint_type="gateway", service="s3")
    b.vpc("peer-vpc", "10.9.0.0/16")
    b.add("VpcPeering", "pcx", "region", requester="vpc", accepter="peer-vpc")
    return b.diagram


def labels(d, a, b):
    return [o.label for o in link_options(d, a, b)]


@pytest.mark.parametrize("target, destination", [
    ("igw", "0.0.0.0/0"), ("nat", "0.0.0.0/0"), ("eigw", "::/0"), ("pcx", "10.9.0.0/16")])
def test_routes_get_a_sensible_first_destination(net, target, destination):
    assert route_destination(net, "rt", target) == destination
    assert labels(net, "rt", target) == [f"Add route {destination} → {target}"]


def test_a_route_option_adds_one_route_and_its_inverse_removes_it(net):
    option = link_options(net, "rt", "nat")[0]
    net.apply(option.edit)
    assert [dict(r) for r in net["rt"].get("routes")] == [{"destination": "0.0.0.0/0", "target": "nat"}]
    net.apply(option.edit.inverse())
    assert net["rt"].get("routes") == ()


def test_an_existing_destination_is_changed_rather_than_duplicated(net):
    net.apply(link_options(net, "rt", "igw")[0].edit)
    assert labels(net, "rt", "nat") == ["Change route 0.0.0.0/0 from igw to nat"]
    assert labels(net, "rt", "igw") == []  # already there


def test_gateway_endpoints_are_associated_not_routed(net):
    assert labels(net, "rt", "s3") == ["Associate endpoint s3 with route table rt"]
    assert labels(net, "s3", "rt") == ["Associate endpoint s3 with route table rt"]


def test_either_direction_finds_the_field(net):
    expected = ["Register web in target group tg"]
    assert labels(net, "web", "tg") == expected and labels(net, "tg", "web") == expected


def test_load_balancer_to_target_group_adds_a_forwarding_listener(net):
    option = link_options(net, "alb", "tg")[0]
    assert option.label == "Add listener HTTP:80 to alb forwarding to tg"
    net.apply(option.edit)
    listener = net["alb"].get("listeners")[0]
    assert (listener["protocol"], listener["port"], listener["target_group"]) == ("HTTP", 80, "tg")
    # A forward listener without a group is filled in instead of adding another.
    net.apply(unlink_edit(net, "alb", "listeners.0.target_group"))
    assert labels(net, "alb", "tg")[0] == "Forward listener HTTP:80 of alb to tg"


def test_security_group_lines_follow_the_traffic(net):
    assert labels(net, "web-sg", "db-sg") == ["Allow traffic from web-sg out to db-sg (tcp/443)",
                                             "Allow traffic from web-sg into db-sg (tcp/443)"]
    net.apply(link_options(net, "web-sg", "db-sg")[1].edit)
    rule = net["db-sg"].get("ingress")[0]
    assert (rule["source_group"], rule["from_port"], rule["cidr"]) == ("web-sg", 443, "")


def test_subnet_to_gateway_offers_its_own_table_when_it_has_none(net):
    assert labels(net, "private", "nat") == ["Give private its own route table with 0.0.0.0/0 → nat"]
    edit = link_options(net, "private", "nat")[0].edit
    net.apply(edit)
    assert net["private"].get("route_table") == "rt-private"
    assert net["rt-private"].parent == "vpc" and net.geometry("rt-private") is not None
    net.apply(edit.inverse())
    assert "rt-private" not in net


def test_nothing_fits_between_two_instances_but_a_connection_always_does(net):
    assert labels(net, "web", "nat") == []
    option = connection_option(net, "web", "nat")
    assert option.kind == "connection" and option.label == "Connect web to nat (tcp/443)"
    net.apply(option.edit)
    relation = net.relations()[0]
    assert (relation.source, relation.target, relation.get("port")) == ("web", "nat", 443)
    assert connection_option(net, "web", "nat").edit.edits[0].relation.id == "conn-2"


def test_unlink_removes_one_reference(net):
    net.apply(link_options(net, "web", "web-sg")[0].edit)
    assert net["web"].get("security_groups") == ("web-sg",)
    edit = unlink_edit(net, "web", "security_groups.0")
    net.apply(edit)
    assert net["web"].get("security_groups") == ()
    net.apply(unlink_edit(net, "igw", "vpc"))
    assert net["igw"].get("vpc") == ""
