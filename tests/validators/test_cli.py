"""``kumozu validate``: formats, --fail-on and --ignore, and exit codes 0/1/2, both in-process through
main.main and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import main
from model import native_format
from tests.validators.rules.helpers import network

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path, builder, name="design.kumozu.yaml") -> str:
    path = tmp_path / name
    path.write_text(native_format.dumps(builder.diagram), encoding="utf-8")
    return str(path)


@pytest.fixture
def with_error(tmp_path):
    """Two overlapping subnets (an error) and nothing else wrong."""
    b = network()
    b.subnet("web", "az-a", "10.0.0.0/25", route_table="rt-public")
    return write(tmp_path, b, "error.kumozu.yaml")


@pytest.fixture
def with_warning(tmp_path):
    """A subnet CIDR written with host bits set (a warning only)."""
    b = network()
    b.subnet("web", "az-a", "10.0.20.5/24", route_table="rt-public")
    return write(tmp_path, b, "warning.kumozu.yaml")


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_an_error_exits_1_and_the_text_names_file_resource_rule_and_fix(with_error, capsys):
    assert main.main(["validate", with_error]) == 1
    out = capsys.readouterr().out
    assert f"{with_error}: pub-a: error cidr-overlap: Subnets pub-a (10.0.0.0/24) and web" in out
    assert "    fix: Give each subnet its own range" in out
    assert out.rstrip().endswith("1 error, 0 warnings, 0 info in 11 resources")


def test_ignoring_the_rule_exits_0(with_error, capsys):
    assert main.main(["validate", with_error, "--ignore", "cidr-overlap"]) == 0
    assert "cidr-overlap" not in capsys.readouterr().out


def test_warnings_fail_only_with_fail_on_warning(with_warning, capsys):
    assert main.main(["validate", with_warning]) == 0
    assert main.main(["validate", with_warning, "--fail-on", "warning"]) == 1
    assert "warning cidr-not-canonical" in capsys.readouterr().out


def test_an_unknown_rule_id_for_ignore_exits_2(with_error, capsys):
    assert main.main(["validate", with_error, "--ignore", "no-such-rule"]) == 2
    assert "unknown rule id(s) for --ignore: no-such-rule" in capsys.readouterr().err


def test_json_has_exactly_the_documented_finding_keys(with_error, capsys):
    assert main.main(["validate", with_error, "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    [finding] = doc["findings"]
    assert set(finding) == {"rule", "severity", "message", "resources", "fix"}
    assert finding["resources"] == ["pub-a", "web"] and doc["summary"]["errors"] == 1


def test_sarif_is_written_and_keeps_the_exit_code(with_error, capsys):
    assert main.main(["validate", with_error, "--format", "sarif"]) == 1
    log = json.loads(capsys.readouterr().out)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["cidr-overlap"]


@pytest.mark.slow
def test_a_real_process_gives_0_1_and_2(with_error, with_warning, tmp_path):
    clean = run("validate", str(ROOT / "examples" / "dual-az-web.kumozu.yaml"))
    assert clean.returncode == 0, clean.stderr
    failing = run("validate", with_error, "--format", "json")
    assert failing.returncode == 1 and json.loads(failing.stdout)["summary"]["errors"] == 1
    assert run("validate", with_warning, "--fail-on", "warning").returncode == 1
    assert run("validate", with_error, "--ignore", "cidr-overlap").returncode == 0
    sarif = run("validate", with_error, "--format", "sarif")
    assert sarif.returncode == 1 and json.loads(sarif.stdout)["version"] == "2.1.0"
    broken = tmp_path / "broken.kumozu.yaml"
    broken.write_text("format: kumozu\nversion: 1\nresources: [\n", encoding="utf-8")
    unreadable = run("validate", str(broken))
    assert unreadable.returncode == 2 and "Traceback" not in unreadable.stderr
    assert str(broken) in unreadable.stderr
    unknown = run("validate", with_error, "--ignore", "nope")
    assert unknown.returncode == 2 and "nope" in unknown.stderr


CIDR_TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Secondary:
    Type: AWS::EC2::VPCCidrBlock
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.128.0/17
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
  B:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [10.0.0.0/16, 2, 9]]
  C:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [3, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
"""


def test_fn_cidr_computed_blocks_are_checked_in_a_real_template(tmp_path):
    """Blocks computed with Fn::Cidr (from a literal or from the VPC's own CidrBlock) are overlap-
    checked like written ones: A (10.0.0.0/24) inside B (10.0.0.0/23), and the secondary block
    10.0.128.0/17 inside the primary /16; C (10.0.3.0/24) overlaps nothing."""
    path = tmp_path / "cidr.yaml"
    path.write_text(CIDR_TEMPLATE, encoding="utf-8")
    done = run("validate", str(path), "--format", "json")
    assert done.returncode == 1, done.stderr
    overlaps = sorted(tuple(f["resources"]) for f in json.loads(done.stdout)["findings"]
                      if f["rule"] == "cidr-overlap")
    assert overlaps == [("A", "B"), ("Vpc",)]


def test_the_summary_counts_in_english_plurals():
    from validators.report import summary_line
    assert summary_line({"errors": 1, "warnings": 2, "infos": 0}, 1) == "1 error, 2 warnings, 0 info in 1 resource"
    assert summary_line({"errors": 0, "warnings": 1, "infos": 3}, 11) == "0 errors, 1 warning, 3 info in 11 resources"
