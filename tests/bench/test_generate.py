"""The benchmark generator: exact sizes, same bytes for the same input, templates cfn-lint accepts,
and native designs free of the addressing errors a generator could easily get wrong."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bench.cfn_writer import count_cfn, template_text, templates
from bench.generate import main as generate_main
from bench.native_writer import build_diagram, native_text
from bench.plan import TEMPLATE_LIMIT, make_plan, template_plan
from model import native_format
from validators.engine import validate

ADDRESSING_RULES = {"cidr-overlap", "subnet-outside-vpc", "route-blackhole", "peering-overlap"}


class _AnyTagLoader(yaml.SafeLoader):
    """Reads a template's YAML, taking ``!Ref X`` and friends as opaque values."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: suffix)


def _template_resources(text: str) -> dict:
    return yaml.load(text, Loader=_AnyTagLoader)["Resources"]


@pytest.mark.parametrize("n", [100, 1000])
def test_native_design_has_exactly_the_requested_number_of_resources(n):
    diagram = build_diagram(make_plan(n))
    assert len(diagram) == n
    assert all(diagram.geometry(rid) is not None for rid in diagram.ids()), "every resource laid out"


def test_same_size_and_seed_give_the_same_bytes_and_another_seed_does_not():
    assert native_text(make_plan(300)) == native_text(make_plan(300))
    assert templates(make_plan(300)) == templates(make_plan(300))
    assert template_text(template_plan(500).stacks[0]) == template_text(template_plan(500).stacks[0])
    assert native_text(make_plan(300, seed=8)) != native_text(make_plan(300))


def test_native_text_reads_back_to_the_same_design():
    text = native_text(make_plan(200))
    again = native_format.loads(text)
    assert len(again) == 200
    assert native_format.dumps(again) == text


def test_designs_have_several_vpcs_with_distinct_cidrs_and_peering():
    diagram = build_diagram(make_plan(1000))
    vpcs = diagram.of_kind("Vpc")
    cidrs = [v.get("cidr_blocks")[0] for v in vpcs]
    assert len(vpcs) >= 10 and len(set(cidrs)) == len(cidrs)
    assert diagram.count("VpcPeering") >= len(vpcs) // 2
    zones_per_vpc = {len([c for c in diagram.children(v.id) if c.kind == "AvailabilityZone"]) for v in vpcs}
    assert zones_per_vpc == {2, 3}
    for kind in ("NatGateway", "LoadBalancer", "AutoScalingGroup", "RdsInstance", "DbSubnetGroup",
                 "VpcEndpoint", "LambdaFunction", "EcsService", "CloudFrontDistribution", "DnsRecord"):
        assert diagram.count(kind) > 0, kind


@pytest.mark.parametrize("n", [100, 1000])
def test_native_design_has_no_addressing_or_routing_errors(n):
    findings = validate(build_diagram(make_plan(n)))
    wrong = [f"{f.rule}: {f.message}" for f in findings if f.rule in ADDRESSING_RULES]
    assert wrong == []


def test_templates_stay_within_cloudformation_limit_and_the_template_plan_is_exact():
    plan = make_plan(10_000)
    assert len(plan.stacks) > 1
    assert all(count_cfn(stack) <= TEMPLATE_LIMIT for stack in plan.stacks)
    resources = _template_resources(template_text(template_plan(500).stacks[0]))
    assert len(resources) == 500


def test_too_small_a_design_is_refused_with_a_message(tmp_path, capsys):
    assert generate_main(["--resources", "10", "--out", str(tmp_path)]) == 2
    assert "too few" in capsys.readouterr().err


def test_command_line_writes_native_and_template_files(tmp_path):
    assert generate_main(["--resources", "100", "--template-resources", "500", "--out", str(tmp_path)]) == 0
    assert len(native_format.load(str(tmp_path / "design-100.kumozu.yaml"))) == 100
    assert sorted(p.name for p in (tmp_path / "design-100.cfn").iterdir()) == ["stack-00.cfn.yaml"]
    assert len(_template_resources((tmp_path / "template-500.cfn.yaml").read_text())) == 500
    assert (tmp_path / "template-500.kumozu.yaml").exists()


def _cfn_lint(paths) -> subprocess.CompletedProcess:
    """cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational; anything else (1)
    means it could not run."""
    exe = shutil.which("cfn-lint") or str(Path(sys.executable).with_name("cfn-lint"))
    return subprocess.run([exe, "--format", "parseable", *map(str, paths)],
                          capture_output=True, text=True, timeout=600)


def _lint_errors(result: subprocess.CompletedProcess) -> list[str]:
    assert result.returncode & ~(4 | 8) in (0, 2), f"cfn-lint did not run: {result.stderr}"
    return [line for line in result.stdout.splitlines() if ":E" in line]


@pytest.mark.slow
def test_cfn_lint_check_catches_a_subnet_outside_its_vpc(tmp_path):
    """The lint check below can fail: a subnet moved out of its VPC's range is reported."""
    text = template_text(make_plan(100).stacks[0]).replace("CidrBlock: '10.0.16.0/22'",
                                                            "CidrBlock: '10.99.16.0/22'", 1)
    broken = tmp_path / "broken.cfn.yaml"
    broken.write_text(text)
    result = _cfn_lint([broken])
    assert result.returncode & 2 and any("E3059" in e for e in _lint_errors(result)), result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("n", [100, 500])
def test_templates_pass_cfn_lint_without_errors(tmp_path, n):
    """cfn-lint's exit code has bit 2 set for errors; its parseable lines name the rule (E....)."""
    generate_main(["--resources", str(n), "--out", str(tmp_path)])
    files = sorted((tmp_path / f"design-{n}.cfn").glob("*.cfn.yaml"))
    assert files
    result = _cfn_lint(files)
    assert _lint_errors(result) == [] and not result.returncode & 2, result.stdout + result.stderr


@pytest.mark.slow
def test_the_500_resource_template_passes_cfn_lint_without_errors(tmp_path):
    generate_main(["--template-resources", "500", "--out", str(tmp_path)])
    result = _cfn_lint([tmp_path / "template-500.cfn.yaml"])
    assert _lint_errors(result) == [] and not result.returncode & 2, result.stdout + result.stderr
