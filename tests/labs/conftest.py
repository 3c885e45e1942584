"""Helpers for the lab tests: a small network built in code, and checks or selectors parsed from YAML
snippets exactly as a lab file would hold them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from labs.checks import parse_check
from labs.reading import Reader
from labs.selectors import parse_selector
from model.yaml_source import read_yaml
from tests.support.builder import DesignBuilder

DATA = Path(__file__).resolve().parent / "data"
COURSE = Path(__file__).resolve().parents[2] / "labs" / "course"


def check_from(text: str):
    """The check written under ``check:`` in ``text`` (indented YAML, as in a goal)."""
    doc = read_yaml("check:\n" + textwrap.indent(textwrap.dedent(text).strip(), "  ") + "\n", "goal.yaml")
    return parse_check(Reader("goal.yaml"), doc, "check", "goal 'g'")


def selector_from(text: str):
    doc = read_yaml(f"selector: {text}\n", "selector.yaml")
    return parse_selector(Reader("selector.yaml"), doc, "selector", "selector")


def small_network() -> DesignBuilder:
    """One VPC in one zone: a public subnet (own route table to the internet gateway) holding a web
    server with a public IP and a NAT gateway; a private subnet (main, local-only table) holding a
    database server that only the web server's group may reach."""
    b = DesignBuilder("ap-northeast-1")
    vpc = b.vpc("vpc", "10.0.0.0/16")
    igw = b.internet_gateway("igw", vpc)
    az = b.az("az-a", vpc, "ap-northeast-1a")
    b.public_subnet("public-a", az, "10.0.1.0/24", igw, map_public_ip_on_launch=True)
    b.subnet("private-a", az, "10.0.2.0/24")
    b.route_table("rt-main", vpc, main=True)
    b.add("SecurityGroup", "web-sg", vpc, ingress=[
        {"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr": "0.0.0.0/0"}])
    b.add("SecurityGroup", "db-sg", vpc, ingress=[
        {"protocol": "tcp", "from_port": 5432, "to_port": 5432, "source_group": "web-sg"}])
    b.add("Instance", "web", "public-a", name="web server", security_groups=["web-sg"])
    b.add("Instance", "db", "private-a", name="db server", security_groups=["db-sg"])
    b.add("NatGateway", "nat", "public-a")
    return b


@pytest.fixture
def network() -> DesignBuilder:
    return small_network()


START_DESIGN = """\
format: kumozu
version: 1
region: ap-northeast-1
resources:
  vpc: {kind: Vpc, properties: {cidr_blocks: [10.0.0.0/16]}}
  a: {kind: Subnet, parent: vpc, properties: {cidr: 10.0.1.0/24}}
"""

GOOD_LAB = """\
format: kumozu-lab
version: 1
id: tiny
title: {en: Tiny, ja: 小さなラボ}
story: {en: A tiny lab., ja: 小さなラボである．}
start: start.kumozu.yaml
solution: solution.kumozu.yaml
goals:
  - id: has-subnet
    description: {en: There is a subnet., ja: サブネットがある．}
    check: {type: resource, kind: Subnet}
hints:
  - {en: Add a subnet., ja: サブネットを追加しよう．}
"""


@pytest.fixture
def lab_folder(tmp_path) -> Path:
    """A folder holding start and solution designs, ready for a lab file."""
    (tmp_path / "start.kumozu.yaml").write_text(START_DESIGN, encoding="utf-8")
    (tmp_path / "solution.kumozu.yaml").write_text(START_DESIGN, encoding="utf-8")
    return tmp_path
