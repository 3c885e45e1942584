"""Deterministic designs of any size for tests that need volume (not the benchmark generator)."""

from __future__ import annotations

from model import edits
from model.diagram import Diagram


def sized_design(vpcs: int = 4, subnets_per_vpc: int = 6, instances_per_subnet: int = 5,
                 seed_name: str = "net") -> Diagram:
    """``vpcs`` VPCs in one Region, each with two AZs, an internet gateway, a public route table,
    subnets and instances. About vpcs * subnets * (instances + 1) resources."""
    d = Diagram()
    batch = [edits.add_resource(d, "Region", "region", properties={"region": "us-east-1"})]
    for v in range(vpcs):
        vpc = f"{seed_name}{v}"
        batch.append(edits.add_resource(d, "Vpc", vpc, parent="region",
                                        properties={"cidr_blocks": [f"10.{v}.0.0/16"]}))
        batch.append(edits.add_resource(d, "InternetGateway", f"{vpc}-igw", parent=vpc,
                                        properties={"vpc": vpc}))
        batch.append(edits.add_resource(d, "RouteTable", f"{vpc}-rt", parent=vpc, properties={
            "routes": [{"destination": "0.0.0.0/0", "target": f"{vpc}-igw"}]}))
        for z in "ab":
            batch.append(edits.add_resource(d, "AvailabilityZone", f"{vpc}-az{z}", parent=vpc,
                                            properties={"zone": f"us-east-1{z}"}))
        for s in range(subnets_per_vpc):
            subnet = f"{vpc}-s{s}"
            batch.append(edits.add_resource(d, "Subnet", subnet, parent=f"{vpc}-az{'ab'[s % 2]}",
                                            properties={"cidr": f"10.{v}.{s}.0/24",
                                                        "route_table": f"{vpc}-rt"}))
            for i in range(instances_per_subnet):
                batch.append(edits.add_resource(d, "Instance", f"{subnet}-i{i}", parent=subnet,
                                                geometry=(20 + 140 * i, 60)))
    d.apply(edits.Composite(tuple(batch), "Generate"))
    return d
