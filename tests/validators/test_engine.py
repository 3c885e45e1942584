"""The engine: full runs, live findings with deltas, and re-checking only what a change affects."""

from __future__ import annotations

from model import edits
from tests.validators.rules.helpers import network
from validators.changes import Touched
from validators.engine import FindingsDelta, Validator, validate
from validators.finding import Finding, Severity
from validators.rule import Rule
from validators.rules import cidr_overlap
from validators.scope import per_vpc


def two_vpcs():
    b = network()
    b.vpc("other", "10.1.0.0/16", name="other-vpc")
    b.subnet("o1", "other", "10.1.0.0/24")
    return b


def counting_rule(calls: list):
    """cidr-overlap's check, per VPC, recording which VPCs it was asked to check."""
    def check_vpc(diagram, vpc):
        calls.append(vpc.id)
        return cidr_overlap.check_vpc(diagram, vpc)
    return Rule(id="counting-overlap", severity=Severity.ERROR, title="Counting", fix="Fix it.",
                lesson="One. Two.", docs="https://docs.aws.amazon.com/vpc/", watches=("Vpc", "Subnet"),
                watches_properties={"Vpc": ("cidr_blocks",), "Subnet": ("cidr",)},
                watches_relations=False, scope=per_vpc(check_vpc))


def test_validate_sorts_errors_first_then_by_rule():
    b = network()
    b.subnet("web", "az-a", "10.0.0.5/25")  # overlap (error) and host bits (warning)
    found = validate(b.diagram)
    assert [f.severity for f in found] == sorted((f.severity for f in found), key=lambda s: s.rank)
    assert {f.rule for f in found} >= {"cidr-overlap", "cidr-not-canonical"}


def test_an_edit_emits_one_delta_with_what_was_added_and_removed():
    b = network()
    live = Validator(b.diagram)
    deltas = []
    live.changed.connect(deltas.append)
    b.subnet("web", "az-a", "10.0.0.0/25")
    [delta] = deltas
    assert isinstance(delta, FindingsDelta) and not delta.removed
    assert [f.rule for f in delta.added] == ["cidr-overlap"]
    b.set("web", cidr="10.0.20.0/24")
    assert deltas[1].removed == delta.added and not deltas[1].added
    assert live.findings == []


def test_an_edit_that_changes_no_finding_emits_nothing():
    b = network()
    live = Validator(b.diagram)
    deltas = []
    live.changed.connect(deltas.append)
    b.diagram.apply(edits.move(b.diagram, {"pub-a": (5, 5, 300, 200)}))
    b.set("pub-a", map_public_ip_on_launch=True)
    assert deltas == []


def test_a_rename_rewrites_the_messages_that_name_the_resource():
    b = network()
    b.subnet("web", "az-a", "10.0.0.0/25", name="web-a")
    live = Validator(b.diagram)
    b.diagram.apply(edits.rename(b.diagram, "web", "frontend"))
    [f] = [f for f in live.findings if f.rule == "cidr-overlap"]
    assert "frontend (10.0.0.0/25)" in f.message
    assert live.findings == validate(b.diagram)


def test_a_subnet_edit_rechecks_only_its_own_vpc():
    calls: list = []
    b = two_vpcs()
    live = Validator(b.diagram, [counting_rule(calls)])
    assert sorted(calls) == ["other", "vpc"]
    calls.clear()
    b.set("o1", cidr="10.1.0.0/25")
    assert calls == ["other"]
    calls.clear()
    b.set("pub-a", map_public_ip_on_launch=True)  # a property the rule does not read
    assert calls == []
    live.close()


def test_moving_a_subnet_between_vpcs_rechecks_both_using_the_old_parent():
    calls: list = []
    b = two_vpcs()
    live = Validator(b.diagram, [counting_rule(calls)])
    calls.clear()
    b.diagram.apply(edits.reparent(b.diagram, "o1", "vpc"))
    assert sorted(calls) == ["other", "vpc"]
    assert live.findings == validate(b.diagram, live.rules)


def test_a_rename_rechecks_only_units_that_report_something():
    calls: list = []
    b = two_vpcs()
    b.subnet("clash", "az-a", "10.0.0.0/25")
    Validator(b.diagram, [counting_rule(calls)])
    calls.clear()
    b.diagram.apply(edits.rename(b.diagram, "o1", "renamed"))
    assert calls == []  # the other VPC has no finding whose message could name o1
    b.diagram.apply(edits.rename(b.diagram, "clash", "renamed"))
    assert calls == ["vpc"]


def test_close_stops_following_the_diagram():
    b = network()
    live = Validator(b.diagram)
    live.close()
    b.subnet("web", "az-a", "10.0.0.0/25")
    assert live.findings == []
    delta = live.full()
    assert [f.rule for f in delta.added] == ["cidr-overlap"] and live.findings == validate(b.diagram)


def test_touched_knows_the_state_before_the_change():
    b = network()
    change = b.diagram.apply(edits.Composite((
        edits.set_property(b.diagram, "pub-a", "cidr", "10.0.50.0/24"),
        edits.reparent(b.diagram, "pub-a", "az-b"),
        edits.rename(b.diagram, "pub-b", "B"))))
    touched = Touched(b.diagram, change)
    before = touched.before("pub-a")
    assert before.get("cidr") == "10.0.0.0/24" and before.parent == "az-a"
    assert touched.before("pub-b").name == "pub-b" and touched.is_rename_only("pub-b")
    assert touched.vpcs == {"vpc"} and touched.of_kind("Subnet") == {"pub-a", "pub-b"}


def test_a_finding_renders_from_its_template_for_translation():
    rule = cidr_overlap.RULE
    f = rule.finding("Subnets {a} and {b} overlap.", ["x", "y"], a="web-a", b="web-b")
    assert f.message == "Subnets web-a and web-b overlap."
    assert f.render(lambda t: t.replace("Subnets", "サブネット")) == "サブネット web-a and web-b overlap."
    assert f == Finding("cidr-overlap", Severity.ERROR, f.message, ("x", "y"), rule.fix)
    assert hash(f) == hash(Finding("cidr-overlap", Severity.ERROR, f.message, ("x", "y"), rule.fix))
    literal = rule.finding("Route ANY /{proxy+} is fine.", ["x"])
    assert literal.message == "Route ANY /{proxy+} is fine." and literal.render() == literal.message


def test_moving_a_container_counts_as_moving_everything_inside_it():
    """Found by the random edit test: an ECS cluster moved to another VPC takes its service along,
    and the service's security group is now of another VPC."""
    from validators.rules import sg_other_vpc
    b = network()
    b.vpc("other", "10.1.0.0/16")
    b.add("SecurityGroup", "sg", "vpc")
    b.add("EcsCluster", "cluster", "vpc")
    b.add("EcsService", "svc", "cluster", security_groups=["sg"])
    live = Validator(b.diagram, [sg_other_vpc.RULE])
    assert live.findings == []
    b.diagram.apply(edits.reparent(b.diagram, "cluster", "other"))
    assert [f.resources for f in live.findings] == [("svc", "sg")]
