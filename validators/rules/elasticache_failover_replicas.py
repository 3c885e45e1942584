"""elasticache-failover-replicas: ElastiCache Multi-AZ or automatic failover without a replica."""

from __future__ import annotations

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record


def check_one(diagram: Diagram, cache):
    if cache.get("engine") == "memcached":
        return
    wants = [w for w, prop in (("Multi-AZ", "multi_az"), ("automatic failover", "automatic_failover"))
             if cache.get(prop)]
    if wants and not cache.get("replicas"):
        yield RULE.finding("ElastiCache cluster {cache} has {wants} on but no read replica to fail over "
                           "to.", [cache.id], cache=cache.label, wants=" / ".join(wants))


RULE = Rule(
    id="elasticache-failover-replicas",
    severity=Severity.ERROR,
    title="ElastiCache failover without a replica",
    fix="Add at least one read replica (in another zone), or turn Multi-AZ and automatic failover off.",
    lesson=("Automatic failover promotes a read replica when the primary node fails, so it needs "
            "at least one replica, ideally in another Availability Zone. Without one there is "
            "nothing to promote and AWS refuses the setting."),
    docs="https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/AutoFailover.html",
    watches=("ElastiCacheCluster",),
    watches_properties={"ElastiCacheCluster": ("engine", "multi_az", "automatic_failover", "replicas")},
    watches_relations=False,
    scope=per_record("ElastiCacheCluster", check_one),
)
