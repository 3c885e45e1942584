"""Draw a Kumozu design with mingrammer's ``diagrams`` (Graphviz), for the PNG export comparison.

    python bench/peers/diagrams_design.py drawing.json -o out.png

``drawing.json`` is what ``bench/peer_cases.py`` extracts from a design: every resource with its
container, and every line the Kumozu canvas draws. Containers that hold something become clusters
(Region, VPC, Availability Zone, subnet, hosted zone, ECS cluster) with the container's own icon
inside, so lines to a VPC or a subnet have a node to end at; empty containers are plain nodes. Only
``json`` and ``diagrams`` are imported, so the timing is the peer's own.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from diagrams import Cluster, Diagram, Edge
from diagrams.aws import compute, database, general, network, security, storage

KIND_NODES = {
    "Vpc": network.VPC, "InternetGateway": network.InternetGateway, "NatGateway": network.NATGateway,
    "RouteTable": network.RouteTable, "VpcEndpoint": network.Endpoint, "VpcPeering": network.VPCPeering,
    "LoadBalancer": network.ElbApplicationLoadBalancer, "TargetGroup": network.ElbApplicationLoadBalancer,
    "CloudFrontDistribution": network.CloudFront, "HostedZone": network.Route53HostedZone,
    "DnsRecord": network.Route53, "SecurityGroup": network.Nacl, "NetworkAcl": network.Nacl,
    "TransitGateway": network.TransitGateway, "Instance": compute.EC2, "AutoScalingGroup": compute.EC2AutoScaling,
    "LambdaFunction": compute.Lambda, "EcsCluster": compute.ECS, "EcsService": compute.ElasticContainerServiceService,
    "TaskDefinition": compute.ElasticContainerServiceContainer, "EcrRepository": compute.ECR,
    "RdsInstance": database.RDS, "DbSubnetGroup": database.RDS, "AuroraCluster": database.Aurora,
    "DynamoDbTable": database.Dynamodb, "ElastiCacheCluster": database.ElastiCache, "S3Bucket": storage.S3,
    "AcmCertificate": security.CertificateManager, "IamRole": security.IAMRole,
}


def _node_class(kind: str, subtitle: str):
    if kind == "Subnet":
        return network.PublicSubnet if "public" in subtitle else network.PrivateSubnet
    return KIND_NODES.get(kind, general.General)


def draw(spec: dict, out: Path) -> None:
    nodes = {n["id"]: n for n in spec["nodes"]}
    children: dict[str | None, list[str]] = {}
    for n in spec["nodes"]:
        children.setdefault(n["parent"], []).append(n["id"])
    made = {}

    def place(rid: str) -> None:
        info = nodes[rid]
        make = _node_class(info["kind"], info.get("subtitle", ""))
        label = f"{info['label']}\n{info['subtitle']}" if info.get("subtitle") else info["label"]
        if children.get(rid):
            with Cluster(label):
                made[rid] = make(info["label"])
                for child in children[rid]:
                    place(child)
        else:
            made[rid] = make(label)

    stem = str(out.with_suffix(""))
    with Diagram(spec.get("title") or "design", filename=stem, outformat="png", show=False):
        for rid in children.get(None, []):
            place(rid)
        for source, target, relation in spec["edges"]:
            made[source] >> Edge(label="", tooltip=relation) >> made[target]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("drawing")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    draw(json.loads(Path(args.drawing).read_text(encoding="utf-8")), Path(args.output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
