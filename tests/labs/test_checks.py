"""Each goal check passes when it should, fails when it should, and says why in both languages."""

from __future__ import annotations

import pytest

from labs.checks import FlowCheck, NoFindingsCheck, ResourceCheck, SubnetCheck, TlsCheck
from model import edits
from model.errors import LoadError
from tests.labs.conftest import check_from


def evaluate(check_text: str, builder):
    return check_from(check_text).evaluate(builder.diagram)


def has_japanese(text: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)


# ----------------------------------------------------------------------------- flow
def test_flow_reachable_passes_with_the_path_and_unreachable_fails(network):
    outcome = evaluate("{type: flow, from: internet, to: web, port: 443, expect: reachable}", network)
    assert isinstance(check_from("{type: flow, from: internet, to: web, expect: reachable}"), FlowCheck)
    assert outcome.passed and "is reachable" in outcome.reason.get("en")
    assert "到達できる" in outcome.reason.get("ja") and outcome.traces[0].reachable
    assert {"web", "igw"} <= set(outcome.resources)
    wrong = evaluate("{type: flow, from: internet, to: web, port: 443, expect: unreachable}", network)
    assert not wrong.passed and "must not be" in wrong.reason.get("en")


def test_a_blocked_flow_names_the_component_direction_and_code_in_both_languages(network):
    outcome = evaluate("{type: flow, from: internet, to: web, port: 22, expect: reachable}", network)
    assert not outcome.passed
    assert "web-sg" in outcome.reason.get("en") and "ENI_SG_RULES_MISMATCH" in outcome.reason.get("en")
    assert "「web-sg」で止められている" in outcome.reason.get("ja") and "行きの通信" in outcome.reason.get("ja")
    assert "web-sg" in outcome.resources
    expected_block = evaluate("{type: flow, from: internet, to: db, port: 5432, expect: unreachable}",
                              network)
    assert expected_block.passed


def test_a_flow_to_selected_resources_passes_only_when_all_or_any_do(network):
    all_text = "{type: flow, from: internet, to: {kind: Instance}, port: 443, expect: reachable}"
    outcome = evaluate(all_text, network)
    assert not outcome.passed and "1 of 2 flows as expected" in outcome.reason.get("en")
    assert "2通りのうち1通りが期待どおり" in outcome.reason.get("ja")
    assert evaluate(all_text.replace("expect", "match: any, expect"), network).passed


def test_a_flow_whose_selector_matches_nothing_fails(network):
    outcome = evaluate("{type: flow, from: internet, to: {kind: RdsInstance}, expect: reachable}", network)
    assert not outcome.passed and "Nothing in the design matches RDS instance" in outcome.reason.get("en")


def test_a_flow_that_cannot_be_traced_fails_with_a_reason_in_japanese(network):
    outcome = evaluate("{type: flow, from: internet, to: gone, port: 80, expect: unreachable}", network)
    assert not outcome.passed and "cannot be traced" in outcome.reason.get("en")
    assert "「gone」という名前のリソースやサービスが設計の中にない" in outcome.reason.get("ja")


def test_a_flow_to_an_aws_service_uses_the_tracers_service_names(network):
    private_to_s3 = "{type: flow, from: db, to: s3, port: 443, expect: reachable}"
    assert not evaluate(private_to_s3, network).passed
    network.add("VpcEndpoint", "s3e", "vpc", endpoint_type="gateway", service="s3", route_tables=["rt-main"])
    assert evaluate(private_to_s3, network).passed


# ----------------------------------------------------------------------------- no_findings
def test_no_findings_of_given_rules(network):
    check = check_from("{type: no_findings, rules: [nat-in-private-subnet]}")
    assert isinstance(check, NoFindingsCheck)
    assert check.evaluate(network.diagram).passed
    network.diagram.apply(edits.reparent(network.diagram, "nat", "private-a"))
    outcome = check.evaluate(network.diagram)
    assert not outcome.passed and outcome.findings[0].rule == "nat-in-private-subnet"
    assert "nat" in outcome.resources and "指摘が1件ある" in outcome.reason.get("ja")
    assert outcome.reason.get("en").startswith("1 finding (nat-in-private-subnet): ")


def test_a_no_findings_reason_quotes_the_finding_in_the_chosen_language(network):
    """The Japanese reason gives the finding's Japanese message, not the English one."""
    from validators.i18n import finding_message

    network.diagram.apply(edits.reparent(network.diagram, "nat", "private-a"))
    outcome = evaluate("{type: no_findings, rules: [nat-in-private-subnet]}", network)
    finding = outcome.findings[0]
    assert finding.message in outcome.reason.get("en")
    assert finding_message(finding, "ja") in outcome.reason.get("ja")
    assert finding.message not in outcome.reason.get("ja")
    severity = evaluate("{type: no_findings, severity: warning}", network).reason.get("ja")
    assert "重要度「警告」以上" in severity and "warning" not in severity


def test_no_findings_without_rules_means_no_errors_of_any_rule(network):
    check = check_from("{type: no_findings}")
    assert check.evaluate(network.diagram).passed
    network.subnet("overlap", "az-a", "10.0.1.0/25")
    outcome = check.evaluate(network.diagram)
    assert not outcome.passed and any(f.rule == "cidr-overlap" for f in outcome.findings)
    with pytest.raises(LoadError, match="not both"):
        check_from("{type: no_findings, rules: [cidr-overlap], severity: warning}")


# ----------------------------------------------------------------------------- resource
def test_resource_count_at_least_with_near_misses(network):
    text = "{type: resource, kind: NatGateway, where: {in_public_subnet: true}, count_at_least: 2}"
    check = check_from(text)
    assert isinstance(check, ResourceCheck)
    outcome = check.evaluate(network.diagram)
    assert not outcome.passed and "Only 1 NAT gateway" in outcome.reason.get("en")
    network.add("NatGateway", "nat-2", "private-a")
    outcome = check.evaluate(network.diagram)
    assert "nat-2 is not “in a public subnet”" in outcome.reason.get("en")
    assert "「nat-2」は条件「パブリックサブネットにある」を満たしていない" in outcome.reason.get("ja")
    assert "nat-2" in outcome.resources
    network.diagram.apply(edits.reparent(network.diagram, "nat-2", "public-a"))
    assert check.evaluate(network.diagram).passed


def test_resource_count_at_most_and_exact_count(network):
    none = check_from("{type: resource, kind: NatGateway, count: 0}")
    outcome = none.evaluate(network.diagram)
    assert not outcome.passed and "at most 0 allowed" in outcome.reason.get("en")
    network.remove("nat")
    assert none.evaluate(network.diagram).passed
    assert "は設計の中にない" in none.evaluate(network.diagram).reason.get("ja")
    with pytest.raises(LoadError, match="not both"):
        check_from("{type: resource, kind: NatGateway, count: 1, count_at_least: 1}")


def test_resource_goals_reach_relations_through_references(network):
    text = ("{type: resource, kind: DnsRecord, where: {at_apex: true, alias_target: "
            "{kind: LoadBalancer}}}")
    network.add("HostedZone", "zone", None, domain="example.com")
    network.add("DnsRecord", "apex", "zone", record_name="@", record_type="CNAME", values=["x.example.net"])
    assert not evaluate(text, network).passed
    network.add("LoadBalancer", "alb", "vpc", subnets=["public-a"])
    network.set("apex", record_type="A", values=[], alias_target="alb")
    assert evaluate(text, network).passed


# ----------------------------------------------------------------------------- subnet
def test_subnet_public_and_private_with_the_deciding_route(network):
    check = check_from("{type: subnet, subnet: {holds: web}, expect: public}")
    assert isinstance(check, SubnetCheck)
    outcome = check.evaluate(network.diagram)
    assert outcome.passed and "sends 0.0.0.0/0 to internet gateway igw" in outcome.reason.get("en")
    private = check_from("{type: subnet, subnet: private-a, expect: public}").evaluate(network.diagram)
    assert not private.passed and "has no route to an internet gateway" in private.reason.get("en")
    assert "VPCのメインルートテーブル" in private.reason.get("ja")


def test_subnet_goals_over_several_subnets_use_all_or_any(network):
    every = "{type: subnet, subnet: {kind: Subnet}, expect: private}"
    assert not evaluate(every, network).passed
    assert evaluate(every.replace("expect", "match: any, expect"), network).passed


def test_a_subnet_goal_by_id_only_matches_subnets(network):
    outcome = evaluate("{type: subnet, subnet: web, expect: public}", network)
    assert not outcome.passed and "に当たるサブネットがない" in outcome.reason.get("ja")


# ----------------------------------------------------------------------------- tls
def tls_design(network):
    """An internet-facing ALB with an HTTPS listener and an ACM certificate, in front of web."""
    network.az("az-c", "vpc", "ap-northeast-1c")
    network.public_subnet("public-c", "az-c", "10.0.3.0/24", "igw")
    network.add("AcmCertificate", "cert", "region")
    network.add("TargetGroup", "tg", "vpc", targets=["web"])
    network.add("LoadBalancer", "alb", "vpc", subnets=["public-a", "public-c"], listeners=[
        {"protocol": "HTTPS", "port": 443, "certificate": "cert", "target_group": "tg"}])
    network.add("HostedZone", "zone", None, domain="example.com")
    network.add("DnsRecord", "www", "zone", record_name="www", alias_target="alb")
    return network


def test_tls_terminating_at_the_load_balancer_with_acm(network):
    tls_design(network)
    check = check_from("{type: tls, entry: www, terminates_at: {kind: LoadBalancer}, certificate: acm}")
    assert isinstance(check, TlsCheck)
    outcome = check.evaluate(network.diagram)
    assert outcome.passed and "ends at alb" in outcome.reason.get("en")
    assert "ALB(+ATS証明書)" in outcome.reason.get("ja") and outcome.tls


def test_tls_at_the_wrong_place_or_with_the_wrong_certificate_fails(network):
    tls_design(network)
    at_ec2 = check_from("{type: tls, entry: www, terminates_at: {kind: Instance}}").evaluate(network.diagram)
    assert not at_ec2.passed and "It should end at EC2 instance" in at_ec2.reason.get("en")
    external = check_from("{type: tls, entry: www, terminates_at: alb, certificate: external}")
    outcome = external.evaluate(network.diagram)
    assert not outcome.passed and "外部証明書が必要" in outcome.reason.get("ja")


def test_tls_with_a_problem_on_the_path_fails(network):
    tls_design(network)
    network.diagram.apply(edits.set_property(network.diagram, "alb", "listeners", [
        {"protocol": "HTTPS", "port": 443, "target_group": "tg"}]))
    outcome = evaluate("{type: tls, entry: www, terminates_at: alb}", network)
    assert not outcome.passed and "no certificate" in outcome.reason.get("en")
    assert "証明書がない" in outcome.reason.get("ja") and "no certificate" not in outcome.reason.get("ja")


@pytest.mark.parametrize("text", [
    "{type: flow, from: internet, expect: reachable}",
    "{type: flow, from: internet, to: web, expect: maybe}",
    "{type: flow, from: internet, to: web, port: 70000, expect: reachable}",
    "{type: flow, from: internet, to: web, protocol: sctp, expect: reachable}",
    "{type: subnet, subnet: {kind: Instance}, expect: public}",
    "{type: tls, entry: www, terminates_at: alb, certificate: self-signed}",
    "{kind: Subnet}",
])
def test_malformed_checks_are_refused(text):
    with pytest.raises(LoadError):
        check_from(text)


def test_every_reason_is_written_in_both_languages(network):
    texts = ["{type: flow, from: internet, to: web, port: 22, expect: reachable}",
             "{type: no_findings}", "{type: resource, kind: NatGateway, count_at_least: 3}",
             "{type: subnet, subnet: private-a, expect: public}"]
    for text in texts:
        reason = evaluate(text, network).reason
        assert reason.get("en") != reason.get("ja") and has_japanese(reason.get("ja"))
