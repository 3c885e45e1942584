"""elasticache-failover-replicas: failover needs a replica."""

from __future__ import annotations

import pytest

from validators.rules.elasticache_failover_replicas import RULE

from .helpers import findings, network


def cache(replicas, multi_az=True, failover=True, engine="redis"):
    b = network()
    b.add("ElastiCacheCluster", "cache", "vpc", engine=engine, replicas=replicas, multi_az=multi_az,
          automatic_failover=failover, subnets=["priv-a", "priv-b"])
    return b.diagram


TRIGGERS = [pytest.param(cache(0), id="no-replica"), pytest.param(cache(0, multi_az=False), id="failover-only")]
NEAR_MISSES = [
    pytest.param(cache(1), id="one-replica"),
    pytest.param(cache(0, multi_az=False, failover=False), id="single-node-by-choice"),
    pytest.param(cache(0, engine="memcached"), id="memcached-has-no-replicas"),
]


@pytest.mark.parametrize("diagram", TRIGGERS)
def test_triggers(diagram):
    assert [f.resources for f in findings(RULE, diagram)] == [("cache",)]


@pytest.mark.parametrize("diagram", NEAR_MISSES)
def test_near_misses(diagram):
    assert findings(RULE, diagram) == []
