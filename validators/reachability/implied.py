"""The flows a design implies, and whether each can flow.

Nobody draws "the load balancer talks to its targets on port 80": the design says so. These are the
flows read from the design itself:

- ``listener``: the internet reaches every listener of an internet-facing load balancer;
- ``target`` / ``health-check``: a load balancer reaches every target of the target groups its
  listeners forward to, on the target port and (when different) the health-check port;
- ``origin``: CloudFront reaches each origin (port 443 for https-only and match-viewer origins, 80 for
  http-only);
- ``alias``: the internet reaches what a public Route 53 alias names (internal load balancers and
  endpoints excepted: a public name for them is meant for clients inside the VPC);
- ``image-pull`` / ``logs``: a Fargate service's tasks reach ECR (or, for images from elsewhere, the
  internet) and CloudWatch Logs when a container sends logs there;
- ``aws-api``: a Lambda function in a VPC that calls AWS services reaches them - through the
  internet (NAT), or through endpoints for the services it is connected to on the canvas;
- ``sg-reference``: when a security group's inbound rule names another group, that group's members
  reach the rule's owners on the rule's port (the app tier -> database pattern);
- ``updates``: instances of an Auto Scaling group reach the internet on 443 for package updates and
  agents, or, in a design without internet access, S3 (the package repositories) and the Systems
  Manager endpoints (ssm, ssmmessages, ec2messages). Kumozu treats this need as soft: only a missing
  route or gateway is reported for it (by ``nat-path-missing``), never a security group or ACL that
  deliberately narrows it;
- ``connection``: every connection drawn on the canvas, with its protocol and port (port 0: the
  destination's usual port), traced through load balancers and CloudFront when that is how the
  destination is reached.

Flows are listed once per (source, destination, protocol, port); a drawn connection comes first, then
the reasons in the order above.

Flows are read per origin and traced once, then kept current as the design is edited: an edit
re-reads the origins and re-traces the flows whose inputs it touched (:mod:`.flowstore`).

Cost: the first call O(n + m) to list them (m: security-group memberships) and O(F) traces with
the index and shared legs; after an edit, O(what the edit touched).
"""

from __future__ import annotations

from model.diagram import Diagram

from .flowstore import ImpliedResult, flow_store
from .producers import OUTBOUND_CATEGORIES, ImpliedFlow

__all__ = ["ImpliedFlow", "ImpliedResult", "implied_flows", "implied_results", "OUTBOUND_CATEGORIES"]


def implied_flows(diagram: Diagram) -> tuple[ImpliedFlow, ...]:
    """Every flow the design implies, connections first, then by reason in the order above."""
    return flow_store(diagram).flows()


def implied_results(diagram: Diagram) -> tuple[ImpliedResult, ...]:
    """Every implied flow traced (the three path rules share them). Flows whose ends cannot be
    traced (a connection to an IAM role...) are left out."""
    return flow_store(diagram).results()
