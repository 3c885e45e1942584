"""The selector language: each keyword and each kind of property condition picks exactly the
resources it should, and says what it means in English and Japanese."""

from __future__ import annotations

import pytest

from labs.conditions import OPERATORS
from labs.selectors import KEYWORDS
from model import edits
from model import kinds as _kinds
from model.errors import LoadError
from tests.labs.conftest import selector_from


def ids(selector, builder) -> list[str]:
    return sorted(r.id for r in selector.select(builder.diagram))


def test_keywords_and_operators_never_shadow_a_property_of_any_kind():
    fields = {f.name for k in _kinds.ALL_KINDS for f in k.fields}
    assert not (set(KEYWORDS) - {"kind"}) & fields
    record_fields = {s.name for k in _kinds.ALL_KINDS for f in k.fields for s in f.fields}
    assert not set(OPERATORS) & record_fields


def test_a_plain_id_selects_that_resource_only(network):
    assert ids(selector_from("web"), network) == ["web"]
    assert ids(selector_from("nothing-here"), network) == []


def test_kind_and_a_list_of_kinds(network):
    assert ids(selector_from("{kind: Instance}"), network) == ["db", "web"]
    assert ids(selector_from("{kind: [Instance, NatGateway]}"), network) == ["db", "nat", "web"]


def test_in_public_subnet_true_and_false(network):
    assert ids(selector_from("{kind: Instance, in_public_subnet: true}"), network) == ["web"]
    assert ids(selector_from("{kind: Instance, in_public_subnet: false}"), network) == ["db"]


def test_public_applies_to_subnets(network):
    assert ids(selector_from("{public: true}"), network) == ["public-a"]
    assert ids(selector_from("{kind: Subnet, public: false}"), network) == ["private-a"]
    with pytest.raises(LoadError, match="about subnets"):
        selector_from("{kind: Instance, public: true}")


def test_holds_and_in_subnet_relate_subnets_and_what_is_in_them(network):
    assert ids(selector_from("{kind: Subnet, holds: db}"), network) == ["private-a"]
    assert ids(selector_from("{kind: Subnet, holds: {kind: NatGateway}}"), network) == ["public-a"]
    assert ids(selector_from("{kind: Instance, in_subnet: private-a}"), network) == ["db"]
    assert ids(selector_from("{kind: Instance, in_subnet: {public: true}}"), network) == ["web"]


def test_in_vpc_and_in_region(network):
    network.vpc("other", "10.9.0.0/16")
    network.add("AvailabilityZone", "az-x", "other", zone="ap-northeast-1c")
    network.subnet("x", "az-x", "10.9.1.0/24")
    assert ids(selector_from("{kind: Subnet, in_vpc: other}"), network) == ["x"]
    network.add("AcmCertificate", "cert", None, region="us-east-1")
    assert ids(selector_from("{kind: AcmCertificate, in_region: us-east-1}"), network) == ["cert"]
    assert ids(selector_from("{kind: Subnet, in_region: us-east-1}"), network) == []


def test_zones_counts_the_zones_of_a_resources_subnets_and_of_a_target_groups_targets(network):
    network.az("az-c", "vpc", "ap-northeast-1c")
    network.public_subnet("public-c", "az-c", "10.0.3.0/24", "igw")
    network.add("LoadBalancer", "alb", "vpc", subnets=["public-a", "public-c"])
    network.add("Instance", "web-c", "public-c")
    network.add("TargetGroup", "tg", "vpc", targets=["web"])
    two = selector_from("{kind: [LoadBalancer, TargetGroup], zones: {at_least: 2}}")
    assert ids(two, network) == ["alb"]
    network.set("tg", targets=["web", "web-c"])
    assert ids(two, network) == ["alb", "tg"]
    assert ids(selector_from("{kind: TargetGroup, zones: 2}"), network) == ["tg"]


def test_has_route_reads_the_subnets_effective_route_table(network):
    to_igw = selector_from("{kind: Subnet, has_route: {destination: 0.0.0.0/0, "
                           "target: {kind: InternetGateway}}}")
    assert ids(to_igw, network) == ["public-a"]
    local = selector_from("{kind: Subnet, has_route: {destination: 10.0.0.0/16, target: local}}")
    assert ids(local, network) == ["private-a", "public-a"]
    network.add("VpcEndpoint", "s3e", "vpc", endpoint_type="gateway", service="s3", route_tables=["rt-main"])
    assert ids(selector_from("{kind: Subnet, has_route: {destination: pl-s3}}"), network) == ["private-a"]
    with pytest.raises(LoadError, match="neither a CIDR nor a prefix list"):
        selector_from("{kind: Subnet, has_route: {destination: everywhere}}")


def test_has_target_references_and_referenced_by(network):
    network.add("TargetGroup", "tg", "vpc", targets=["web"])
    assert ids(selector_from("{kind: TargetGroup, has_target: {in_public_subnet: true}}"), network) == ["tg"]
    assert ids(selector_from("{kind: TargetGroup, has_target: db}"), network) == []
    assert ids(selector_from("{kind: Instance, references: web-sg}"), network) == ["web"]
    referred = selector_from("{kind: SecurityGroup, referenced_by: {kind: SecurityGroup}}")
    assert ids(referred, network) == ["web-sg"]


def test_at_apex_tells_apex_records_from_the_others(network):
    network.add("HostedZone", "zone", None, domain="example.com")
    network.add("DnsRecord", "apex", "zone", record_name="@")
    network.add("DnsRecord", "www", "zone", record_name="www")
    network.add("DnsRecord", "full", "zone", record_name="example.com.")
    assert ids(selector_from("{kind: DnsRecord, at_apex: true}"), network) == ["apex", "full"]
    assert ids(selector_from("{kind: DnsRecord, at_apex: false}"), network) == ["www"]


def test_not_and_name(network):
    assert ids(selector_from("{kind: Instance, not: {in_public_subnet: true}}"), network) == ["db"]
    assert ids(selector_from("{kind: Instance, name: web server}"), network) == ["web"]


def test_property_conditions_of_every_form(network):
    network.add("LoadBalancer", "alb", "vpc", subnets=["public-a"], listeners=[
        {"protocol": "HTTPS", "port": 443, "target_group": "tg"},
        {"protocol": "HTTP", "port": 80, "action": "redirect"}])
    network.add("TargetGroup", "tg", "vpc", port=8080, targets=["web"])
    one = lambda text: ids(selector_from(text), network)  # noqa: E731
    assert one("{kind: NatGateway, connectivity: public}") == ["nat"]
    assert one("{kind: NatGateway, connectivity: [private]}") == []
    assert one("{kind: TargetGroup, port: {at_least: 8000, at_most: 9000}}") == ["tg"]
    assert one("{kind: TargetGroup, port: {not: 8080}}") == []
    assert one("{kind: Subnet, route_table: {empty: true}}") == ["private-a"]
    assert one("{kind: Subnet, cidr: 10.0.2.0/24}") == ["private-a"]
    assert one("{kind: Instance, security_groups: db-sg}") == ["db"]
    assert one("{kind: Instance, security_groups: {contains: {ingress: {at_least: 1}}}}") == ["db", "web"]
    assert one("{kind: LoadBalancer, subnets: {public: true}}") == ["alb"]
    assert one("{kind: LoadBalancer, listeners: {protocol: HTTPS, target_group: {port: 8080}}}") == ["alb"]
    assert one("{kind: LoadBalancer, listeners: {protocol: HTTPS, port: 80}}") == []
    assert one("{kind: LoadBalancer, listeners: {at_least: 2}}") == ["alb"]
    assert one("{kind: LoadBalancer, listeners: {contains: {action: redirect}}}") == ["alb"]


def test_property_conditions_are_checked_against_the_field_type():
    with pytest.raises(LoadError, match="whole number"):
        selector_from("{kind: TargetGroup, port: eighty}")
    with pytest.raises(LoadError, match="true or false"):
        selector_from("{kind: Subnet, map_public_ip_on_launch: yes please}")
    with pytest.raises(LoadError, match="cannot be counted"):
        selector_from("{kind: NatGateway, connectivity: {at_least: 1}}")
    with pytest.raises(LoadError, match="has no field 'protocl'"):
        selector_from("{kind: LoadBalancer, listeners: {protocl: HTTPS}}")
    with pytest.raises(LoadError, match="unknown operator 'bigger'"):
        selector_from("{kind: TargetGroup, port: {bigger: 1}}")
    # found by fuzzing: an empty condition raised StopIteration instead of saying so
    with pytest.raises(LoadError, match="condition for endpoint_type is empty"):
        selector_from("{kind: VpcEndpoint, endpoint_type: {}}")


def test_a_selector_says_what_it_means_in_both_languages():
    selector = selector_from("{kind: NatGateway, connectivity: public, in_public_subnet: true}")
    noun = selector.noun()
    assert noun.get("en") == "NAT gateway (connectivity: public, in a public subnet)"
    assert noun.get("ja") == "NAT Gateway（connectivity: public，パブリックサブネットにある）"
    assert selector_from("web").noun().get("ja") == "「web」"
    assert selector_from("{kind: TargetGroup}").noun().get("en") == "target group"
    written = ("1", "2", "{at_least: 1}", "{at_most: 1}", "{at_least: 2}", "{at_least: 1, at_most: 3}")
    zones = {text: selector_from(f"{{kind: LoadBalancer, zones: {text}}}").noun().get("en") for text in written}
    assert zones == {"1": "load balancer (in exactly 1 Availability Zone)",
                     "2": "load balancer (in exactly 2 Availability Zones)",
                     "{at_least: 1}": "load balancer (in at least 1 Availability Zone)",
                     "{at_most: 1}": "load balancer (in at most 1 Availability Zone)",
                     "{at_least: 2}": "load balancer (in at least 2 Availability Zones)",
                     "{at_least: 1, at_most: 3}": "load balancer (in 1 to 3 Availability Zones)"}


def test_failed_clause_names_the_first_condition_a_resource_misses(network):
    selector = selector_from("{kind: NatGateway, connectivity: public, in_public_subnet: false}")
    record = network.diagram.get("nat")
    assert selector.failed_clause(network.diagram, record).key == "in_public_subnet"
    network.diagram.apply(edits.set_property(network.diagram, "nat", "connectivity", "private"))
    assert selector.failed_clause(network.diagram, network.diagram.get("nat")).key == "connectivity"
