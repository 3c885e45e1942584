"""Every relation the editor issue lists is drawn the same way: select a resource, drag its connect
handle onto another, pick the meaning from the menu if several fit. Each case checks the model
(the reference field or the connection), the line on the canvas where the field is drawn, the
undo step's name, and that one undo takes it all back."""

from __future__ import annotations

import pytest

from model import native_format
from model.frozen import thaw
from tests.support.builder import DesignBuilder

from .helpers import centre_of


def design():
    b = DesignBuilder("ap-northeast-1")
    vpc = b.vpc("vpc", "10.0.0.0/16")
    b.vpc("other-vpc", "10.1.0.0/16")
    b.az("az-a", vpc, "ap-northeast-1a")
    b.subnet("public-a", "az-a", "10.0.0.0/24")
    b.subnet("app-a", "az-a", "10.0.1.0/24")
    b.add("InternetGateway", "igw", vpc)  # not attached yet
    b.add("NatGateway", "nat", "public-a")
    b.add("VpcPeering", "peering", "region", requester=vpc, accepter="other-vpc")
    b.add("VpcEndpoint", "s3-endpoint", vpc, service="com.amazonaws.ap-northeast-1.s3",
          endpoint_type="gateway")
    b.route_table("rt", vpc)
    b.add("SecurityGroup", "web-sg", vpc)
    b.add("Instance", "web", "app-a")
    b.add("LoadBalancer", "alb", vpc, subnets=["public-a"])
    b.add("TargetGroup", "tg", vpc)
    b.add("S3Bucket", "assets", "region")
    b.add("CloudFrontDistribution", "cdn")
    b.add("HostedZone", "zone", domain="example.com")
    b.add("DnsRecord", "www", "zone", record_name="www.example.com")
    b.add("ApiGateway", "api", "region")
    b.add("LambdaFunction", "handler", "region")
    b.add("EventRule", "nightly", "region")
    b.add("SqsQueue", "jobs", "region")
    b.add("TransitGateway", "tgw", "region")
    b.add("TransitGatewayAttachment", "tgw-att", vpc, subnets=["app-a"])
    return b.diagram


def _rows(value) -> list:
    return thaw(value) if value else []


# (source, target, words of the menu option to pick (None: no menu expected), check, undo name)
CASES = [
    ("igw", "vpc", None, lambda d: d["igw"].get("vpc") == "vpc", "Attach igw to vpc"),
    ("tgw-att", "tgw", None, lambda d: d["tgw-att"].get("transit_gateway") == "tgw",
     "Attach tgw-att to transit gateway tgw"),
    ("app-a", "rt", "Associate app-a with route table rt",
     lambda d: d["app-a"].get("route_table") == "rt", "Associate app-a with route table rt"),
    ("rt", "igw", None, lambda d: _rows(d["rt"].get("routes")) == [{"destination": "0.0.0.0/0",
                                                                    "target": "igw"}],
     "Add route 0.0.0.0/0 → igw"),
    ("rt", "nat", None, lambda d: _rows(d["rt"].get("routes")) == [{"destination": "0.0.0.0/0",
                                                                    "target": "nat"}],
     "Add route 0.0.0.0/0 → nat"),
    ("rt", "peering", "Add route",
     lambda d: _rows(d["rt"].get("routes")) == [{"destination": "10.1.0.0/16", "target": "peering"}],
     "Add route 10.1.0.0/16 → peering"),
    # A gateway endpoint's routes (the service's prefix list) come from associating the table.
    ("rt", "s3-endpoint", None, lambda d: d["s3-endpoint"].get("route_tables") == ("rt",),
     "Associate endpoint s3-endpoint with route table rt"),
    ("alb", "tg", "Add listener",
     lambda d: [li.get("target_group") for li in _rows(d["alb"].get("listeners"))][-1:] == ["tg"], None),
    ("tg", "web", None, lambda d: d["tg"].get("targets") == ("web",), "Register web in target group tg"),
    ("web", "web-sg", None, lambda d: d["web"].get("security_groups") == ("web-sg",),
     "Add web to security group web-sg"),
    ("cdn", "assets", "origin",
     lambda d: [o.get("target") for o in _rows(d["cdn"].get("origins"))] == ["assets"],
     "Add assets as an origin of cdn"),
    ("www", "cdn", "alias", lambda d: d["www"].get("alias_target") == "cdn", "Make www an alias of cdn"),
    ("api", "handler", "Integrate", lambda d: [i.get("target") for i in _rows(d["api"].get("integrations"))]
     == ["handler"], None),
    ("nightly", "handler", None, lambda d: d["nightly"].get("targets") == ("handler",),
     "Trigger handler from rule nightly"),
    ("jobs", "handler", "Trigger", lambda d: d["handler"].get("event_sources") == ("jobs",),
     "Trigger handler from jobs"),
    ("web", "nat", None, lambda d: [(r.source, r.target, r.properties.get("port")) for r in d.relations()]
     == [("web", "nat", 443)], "Connect web to nat (tcp/443)"),
]


def drag_from_handle(canvas, mouse, source: str, target: str) -> None:
    mouse.click(canvas, centre_of(canvas, source))
    handle = canvas.handles.connect_handle
    assert handle.isVisible(), f"{source} shows no connect handle"
    view = canvas.view
    grip = view.mapToScene(view.mapFromScene(handle.scenePos()) + handle.centre().toPoint())
    mouse.drag(canvas, grip, centre_of(canvas, target))


@pytest.mark.parametrize("source, target, pick, check, undo_name", CASES,
                         ids=[f"{c[0]}->{c[1]}" for c in CASES])
def test_every_listed_relation_is_drawn_by_dragging_from_the_handle(make_canvas, mouse, source, target,
                                                                     pick, check, undo_name):
    canvas = make_canvas(design(), size=(1400, 1000))
    before = native_format.dumps(canvas.diagram)
    offered: list[list[str]] = []

    def choose(options, _where):
        labels = [o.label for o in options]
        offered.append(labels)
        chosen = [o for o in options if pick and pick in o.label]
        assert chosen, f"no option with {pick!r} among {labels}"
        return chosen[0]

    canvas.choose_option = choose
    drag_from_handle(canvas, mouse, source, target)
    diagram = canvas.diagram
    assert check(diagram), offered
    stack = canvas.document.undo_stack
    assert stack.count() == 1
    if undo_name is not None:
        assert stack.undoText() == undo_name
    owners = {source, target}
    drawn = [line for line in canvas.scene.lines() if {line.source_id, line.target_id} == owners]
    field_drawn = any(canvas.scene.line_for(key) is not None for key in
                      [(o, p) for o in owners for p, t, _r in diagram.references_from(o) if t in owners])
    if field_drawn or diagram.relations():
        assert drawn and all(line.isVisible() for line in drawn)
    stack.undo()
    assert native_format.dumps(canvas.diagram) == before
