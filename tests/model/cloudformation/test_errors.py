"""Templates that cannot be read are refused with the file, the line and the resource, exit code 2,
and never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import main
from model import edits
from model.cloudformation import export_template
from model.errors import LoadError, PropertyError
from tests.support.builder import load_example

from .support import load

ROOT = Path(__file__).resolve().parents[3]

_VPC = "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n"

BAD_TEMPLATES = {
    "ref-to-nothing": (_VPC + "  Net:\n    Type: AWS::EC2::Subnet\n    Properties:\n"
                              "      VpcId: !Ref Vpcc\n      CidrBlock: 10.0.1.0/24\n",
                       8, ["resource 'Net'", "Ref names 'Vpcc'", "neither a parameter nor a resource"]),
    "getatt-to-nothing": (_VPC + "  Net:\n    Type: AWS::EC2::Subnet\n    Properties:\n"
                                 "      VpcId: !Ref Vpc\n      CidrBlock: !GetAtt Missing.CidrBlock\n",
                          9, ["resource 'Net'", "Fn::GetAtt names 'Missing'"]),
    "sub-to-nothing": (_VPC + "  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n"
                              "    Properties:\n      VpcId: !Ref Vpc\n"
                              "      HealthCheckPath: !Sub '/${Nowhere}/x'\n",
                       9, ["resource 'Tg'", "Fn::Sub names 'Nowhere'"]),
    "depends-on-nothing": (_VPC + "  Igw:\n    Type: AWS::EC2::InternetGateway\n    DependsOn: [Vpc, Gone]\n",
                           7, ["resource 'Igw'", "DependsOn names 'Gone'"]),
    "circular-refs": ("Resources:\n  SgA:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n"
                      "      GroupDescription: a\n      SecurityGroupIngress:\n"
                      "        - {IpProtocol: tcp, FromPort: 1, ToPort: 1, SourceSecurityGroupId: !Ref SgB}\n"
                      "  SgB:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n"
                      "      GroupDescription: !Sub 'from ${SgA}'\n",
                      7, ["circular dependency", "SgA → SgB → SgA"]),
    "circular-depends-on": (_VPC + "  A:\n    Type: AWS::EC2::InternetGateway\n    DependsOn: B\n"
                                   "  B:\n    Type: AWS::EC2::InternetGateway\n    DependsOn: C\n"
                                   "  C:\n    Type: AWS::EC2::InternetGateway\n    DependsOn: A\n",
                            7, ["circular dependency", "A → B → C → A", "DependsOn"]),
    "unknown-intrinsic-yaml": (_VPC + "  Igw:\n    Type: AWS::EC2::InternetGateway\n    Properties:\n"
                                      "      Tags: [{Key: Name, Value: !Concat [a, b]}]\n",
                               8, ["unknown intrinsic function !Concat"]),
    "unknown-intrinsic-long-form": (_VPC + "  Igw:\n    Type: AWS::EC2::InternetGateway\n    Properties:\n"
                                           "      Tags: [{Key: Name, Value: {'Fn::Concat': [a, b]}}]\n",
                                    8, ["resource 'Igw'", "unknown intrinsic function Fn::Concat"]),
    "malformed-yaml": ("Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16\n",
                       5, ["not valid YAML"]),
    "no-resources": ("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", 2,
                     ["has no resources"]),
    "no-type": ("Resources:\n  Vpc:\n    Properties: {CidrBlock: 10.0.0.0/16}\n", 2,
                ["resource 'Vpc' has no Type"]),
    "bad-logical-id": ("Resources:\n  my-vpc:\n    Type: AWS::EC2::VPC\n", 2,
                       ["'my-vpc' is not a valid logical id"]),
    "output-ref-to-nothing": (_VPC + "Outputs:\n  Id:\n    Value: !Ref Vcp\n", 7,
                              ["output 'Id'", "Ref names 'Vcp'"]),
    "missing-mapping": (_VPC + "  Igw:\n    Type: AWS::EC2::InternetGateway\n    Properties:\n"
                               "      Tags: [{Key: Name, Value: !FindInMap [Nope, a, b]}]\n",
                        8, ["resource 'Igw'", "there is no mapping 'Nope'"]),
    "mapping-not-a-mapping": ("Mappings:\n  Sizes: 5\n" + _VPC +
                              "  Igw:\n    Type: AWS::EC2::InternetGateway\n    Properties:\n"
                              "      Tags: [{Key: Name, Value: !FindInMap [Sizes, a, b]}]\n",
                              10, ["resource 'Igw'", "the mapping 'Sizes' must map keys to mappings"]),
    "ref-to-excluded-resource": ("Conditions:\n  Never: !Equals [a, b]\n" + _VPC +
                                 "  Igw:\n    Type: AWS::EC2::InternetGateway\n    Condition: Never\n"
                                 "  Attach:\n    Type: AWS::EC2::VPCGatewayAttachment\n"
                                 "    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}\n",
                                 12, ["resource 'Attach'", "'Igw'", "condition 'Never' is false"]),
}


@pytest.mark.parametrize("name", sorted(BAD_TEMPLATES))
def test_bad_template_is_refused_with_its_line_and_a_clear_message(name):
    text, line, phrases = BAD_TEMPLATES[name]
    with pytest.raises(LoadError) as caught:
        load(text, "bad.yaml")
    error = caught.value
    assert error.path == "bad.yaml"
    assert error.line == line, str(error)
    for phrase in phrases:
        assert phrase in error.message, error.message


def test_malformed_json_template_is_refused_with_its_position():
    with pytest.raises(LoadError) as caught:
        load('{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": }}}}',
             "bad.json")
    assert caught.value.line == 1 and caught.value.column == 77
    assert "not valid JSON" in caught.value.message


@pytest.mark.parametrize("name", ["ref-to-nothing", "circular-refs", "unknown-intrinsic-yaml",
                                  "malformed-yaml"])
def test_validate_exits_2_and_names_the_file_and_line(name, tmp_path, capsys):
    text, line, phrases = BAD_TEMPLATES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text("AWSTemplateFormatVersion: '2010-09-09'\n" + text)
    assert main.main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{line + 1}" in err
    assert phrases[-1] in err


def test_export_of_a_bad_template_exits_2(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text("AWSTemplateFormatVersion: '2010-09-09'\n" + BAD_TEMPLATES["circular-depends-on"][0])
    assert main.main(["export", str(path), "-o", str(tmp_path / "out.cfn.yaml")]) == 2
    assert "circular dependency" in capsys.readouterr().err
    assert not (tmp_path / "out.cfn.yaml").exists()


@pytest.mark.slow
def test_a_10_mb_template_is_refused_by_the_command_line_without_a_traceback(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "w") as handle:
        handle.write("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n")
        line = "  Igw{n}:\n    Type: AWS::EC2::InternetGateway\n"
        n = 0
        while handle.tell() < 10 * 1024 * 1024:
            handle.write(line.format(n=n))
            n += 1
    done = subprocess.run([sys.executable, "main.py", "validate", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert str(path) in done.stderr and "CloudFormation accepts templates of up to 1 MB" in done.stderr


def test_an_address_no_template_could_hold_never_reaches_a_design():
    """No template can hold 'zz::/64' (and no native file either), so the model refuses it on the
    edit, naming the resource and property, and an export never meets one."""
    design = load_example("route-tables")
    with pytest.raises(PropertyError, match="subnet-2: 'ipv6_cidr' zz::/64 is not a valid IPv6"):
        design.apply(edits.set_property(design, "subnet-2", "ipv6_cidr", "zz::/64"))
    assert "zz::/64" not in export_template(design)