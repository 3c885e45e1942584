"""Where TLS ends, for the eight patterns of the notes' table, and what certificate it needs there:
ACM where AWS terminates (CloudFront, ALB, NLB TLS listeners), Lightsail's own on Lightsail, and a
certificate brought from outside on an EC2 instance (which cannot hold an ACM one)."""

from __future__ import annotations

import pytest

from tests.support.builder import DesignBuilder, load_example
from validators.reachability.tls import tls_paths


def _base():
    b = DesignBuilder("us-east-1")
    b.vpc("vpc", "10.0.0.0/16")
    b.az("az-a", "vpc", "us-east-1a")
    b.az("az-b", "vpc", "us-east-1b")
    b.internet_gateway("igw", "vpc")
    b.subnet("pub-a", "az-a", "10.0.0.0/24")
    b.subnet("pub-b", "az-b", "10.0.1.0/24")
    b.route_table("rt", "vpc", routes=[("0.0.0.0/0", "igw")], subnets=["pub-a", "pub-b"])
    b.add("AcmCertificate", "cert", b.region_id, domain_name="www.example.com")
    b.add("HostedZone", "zone", domain="example.com")
    return b


def _ec2(b, external=False):
    return b.add("Instance", "ec2", "pub-a", public_ip="assign",
                 tls_certificate="external" if external else "none")


def _alb(b, tg_protocol="HTTP", tg_port=80):
    b.add("TargetGroup", "tg", "vpc", protocol=tg_protocol, port=tg_port, targets=["ec2"])
    return b.add("LoadBalancer", "alb", "vpc", subnets=["pub-a", "pub-b"], listeners=[
        {"protocol": "HTTPS", "port": 443, "certificate": "cert", "action": "forward", "target_group": "tg"}])


def _record(b, target):
    return b.add("DnsRecord", "www", "zone", alias_target=target)


def route53_alb_ec2():
    b = _base()
    _ec2(b)
    _record(b, _alb(b))
    return b.diagram, "www"


def route53_alb_ec2_external():
    b = _base()
    _ec2(b, external=True)
    _record(b, _alb(b, "HTTPS", 443))
    return b.diagram, "www"


def route53_nlb_ec2_external():
    b = _base()
    _ec2(b, external=True)
    b.add("TargetGroup", "tg", "vpc", protocol="TCP", port=443, targets=["ec2"])
    _record(b, b.add("LoadBalancer", "nlb", "vpc", lb_type="network", subnets=["pub-a", "pub-b"],
                     listeners=[{"protocol": "TCP", "port": 443, "action": "forward", "target_group": "tg"}]))
    return b.diagram, "www"


def route53_ec2_external():
    """Route 53 cannot alias an instance: its A record holds the address, so the path starts at it."""
    b = _base()
    _ec2(b, external=True)
    return b.diagram, "ec2"


def _cdn(b, target, policy="http-only"):
    return b.add("CloudFrontDistribution", "cdn", aliases=["www.example.com"], certificate="cert",
                 origins=[{"origin_id": "o", "target": target, "protocol_policy": policy}])


def route53_cloudfront_alb_ec2():
    b = _base()
    _ec2(b)
    b.add("TargetGroup", "tg", "vpc", port=80, targets=["ec2"])
    b.add("LoadBalancer", "alb", "vpc", subnets=["pub-a", "pub-b"], listeners=[
        {"protocol": "HTTP", "port": 80, "action": "forward", "target_group": "tg"}])
    _record(b, _cdn(b, "alb"))
    return b.diagram, "www"


def route53_cloudfront_ec2():
    b = _base()
    _ec2(b)
    _record(b, _cdn(b, "ec2"))
    return b.diagram, "www"


def route53_cloudfront_s3():
    b = _base()
    b.add("S3Bucket", "bucket", b.region_id)
    _record(b, _cdn(b, "bucket", "https-only"))
    return b.diagram, "www"


def route53_lightsail():
    """Lightsail's name is its own A record too; the path starts at the instance."""
    b = _base()
    b.add("LightsailInstance", "box", b.region_id, managed_certificate=True)
    return b.diagram, "box"


PATTERNS = [
    # design, pattern as the notes write it, where TLS ends, certificate there, ACM possible there
    pytest.param(route53_alb_ec2, "Route 53 → ALB(+ACM) → EC2", "alb", "acm", True, id="r53-alb-ec2"),
    pytest.param(route53_alb_ec2_external, "Route 53 → ALB(+ACM) → EC2(+external)", "ec2", "external",
                 False, id="r53-alb-ec2-external"),
    pytest.param(route53_nlb_ec2_external, "Route 53 → NLB → EC2(+external)", "ec2", "external", False,
                 id="r53-nlb-ec2-external"),
    pytest.param(route53_ec2_external, "EC2(+external)", "ec2", "external", False, id="r53-ec2-external"),
    pytest.param(route53_cloudfront_alb_ec2, "Route 53 → CloudFront(+ACM) → ALB → EC2", "cdn", "acm", True,
                 id="r53-cloudfront-alb-ec2"),
    pytest.param(route53_cloudfront_ec2, "Route 53 → CloudFront(+ACM) → EC2", "cdn", "acm", True,
                 id="r53-cloudfront-ec2"),
    pytest.param(route53_cloudfront_s3, "Route 53 → CloudFront(+ACM) → S3", "cdn", "acm", True,
                 id="r53-cloudfront-s3"),
    pytest.param(route53_lightsail, "Lightsail(+Lightsail certificate)", "box", "lightsail", False,
                 id="r53-lightsail"),
]


@pytest.mark.parametrize("build, pattern, termination, certificate, acm", PATTERNS)
def test_the_notes_patterns_terminate_where_the_table_says(build, pattern, termination, certificate, acm):
    diagram, entry = build()
    [report] = tls_paths(diagram, entry)
    assert report.pattern == pattern
    assert (report.termination, report.certificate, report.acm_possible) == (termination, certificate, acm)
    assert report.amazon_issued is (certificate in ("acm", "lightsail"))
    assert report.problems == ()
    assert report.segments[0].client == "internet" and report.segments[0].encrypted


def test_after_the_termination_the_traffic_is_plain_or_aws_encrypted():
    diagram, entry = route53_cloudfront_alb_ec2()
    [report] = tls_paths(diagram, entry)
    assert [(s.server, s.encrypted) for s in report.segments] == [("cdn", True), ("alb", False), ("ec2", False)]
    diagram, entry = route53_cloudfront_s3()
    [report] = tls_paths(diagram, entry)
    assert report.segments[-1].certificate == "aws" and report.termination == "cdn"


def test_an_nlb_passes_tls_through_without_decrypting():
    diagram, entry = route53_nlb_ec2_external()
    [report] = tls_paths(diagram, entry)
    nlb = report.segments[0]
    assert nlb.server == "nlb" and nlb.encrypted and not nlb.terminated


def test_a_server_certificate_is_not_used_by_a_connection_made_in_plain_http():
    """Found by lab 10: an instance holding its own certificate was counted as the end of TLS even
    when the load balancer's target group, or CloudFront's origin policy, spoke plain HTTP to it."""
    b = _base()
    _ec2(b, external=True)
    _record(b, _alb(b, "HTTP", 80))
    [report] = tls_paths(b.diagram, "www")
    assert (report.termination, report.certificate) == ("alb", "acm")
    assert report.segments[-1].server == "ec2" and not report.segments[-1].encrypted
    assert report.pattern == "Route 53 → ALB(+ACM) → EC2"
    b = _base()
    _ec2(b, external=True)
    _record(b, _cdn(b, "ec2", "http-only"))
    [report] = tls_paths(b.diagram, "www")
    assert (report.termination, report.certificate) == ("cdn", "acm")
    b = _base()
    _ec2(b, external=True)
    _record(b, _cdn(b, "ec2", "https-only"))
    [report] = tls_paths(b.diagram, "www")
    assert (report.termination, report.certificate) == ("ec2", "external")


def test_an_nlb_tls_listener_terminates_with_acm():
    b = _base()
    _ec2(b)
    b.add("TargetGroup", "tg", "vpc", protocol="TCP", port=80, targets=["ec2"])
    b.add("LoadBalancer", "nlb", "vpc", lb_type="network", subnets=["pub-a", "pub-b"], listeners=[
        {"protocol": "TLS", "port": 443, "certificate": "cert", "action": "forward", "target_group": "tg"}])
    [report] = tls_paths(b.diagram, "nlb")
    assert (report.pattern, report.termination, report.certificate) == ("NLB(+ACM) → EC2", "nlb", "acm")


def test_problems_are_named():
    """An HTTPS target group to an instance without a certificate; an HTTPS listener without one;
    CloudFront aliases without a certificate; HTTPS to an S3 website endpoint."""
    b = _base()
    _ec2(b)
    _alb(b, "HTTPS", 443)
    b.set("alb", listeners=[{"protocol": "HTTPS", "port": 443, "action": "forward", "target_group": "tg"}])
    [report] = tls_paths(b.diagram, "alb")
    assert any("cannot hold an ACM certificate" in p for p in report.problems)
    assert any("has no certificate" in p for p in report.problems)
    b.add("S3Bucket", "site", b.region_id, website=True)
    b.add("CloudFrontDistribution", "cdn", aliases=["www.example.com"],
          origins=[{"origin_id": "o", "target": "site", "protocol_policy": "https-only"}])
    [report] = tls_paths(b.diagram, "cdn")
    assert any("no ACM certificate" in p for p in report.problems)
    assert any("website endpoint" in p for p in report.problems)


def test_a_distribution_with_two_origins_gives_two_paths():
    reports = tls_paths(load_example("dual-az-web"), "www")
    assert {r.pattern for r in reports} == {"Route 53 → CloudFront(+ACM) → ALB(+ACM) → EC2",
                                            "Route 53 → CloudFront(+ACM) → S3"}
    by_end = {r.chain[-1]: r for r in reports}
    assert by_end["web-asg"].termination == "alb", "https-only origin to the ALB's HTTPS listener"
    assert by_end["static"].termination == "cdn"


def test_an_unknown_entry_gives_nothing():
    assert tls_paths(load_example("dual-az-web"), "nowhere") == ()


def test_a_path_can_stop_where_a_trace_stops():
    """A trace that ends at CloudFront cares about the viewer's TLS, not about each origin."""
    [report] = tls_paths(load_example("dual-az-web"), "www", until="cdn")
    assert (report.pattern, report.termination, report.certificate) == \
        ("Route 53 → CloudFront(+ACM)", "cdn", "acm")
    assert tls_paths(load_example("dual-az-web"), "www", until="nowhere") == ()


def test_a_path_cut_where_tls_passes_through_goes_on_to_where_it_ends():
    """Route 53 -> NLB (TCP listener) -> EC2(+external): a trace to the NLB still learns that TLS
    ends on the instance, with a certificate from outside; cut at an ALB, it ends at the ALB."""
    diagram, entry = route53_nlb_ec2_external()
    [report] = tls_paths(diagram, entry, until="nlb")
    assert (report.pattern, report.termination, report.certificate) == \
        ("Route 53 → NLB → EC2(+external)", "ec2", "external")
    diagram, entry = route53_alb_ec2_external()
    [report] = tls_paths(diagram, entry, until="alb")
    assert (report.pattern, report.termination) == ("Route 53 → ALB(+ACM)", "alb")
