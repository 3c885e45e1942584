"""target-group-health-check: health check settings outside the ranges AWS accepts."""

from __future__ import annotations

import re

from model.diagram import Diagram

from ..finding import Severity
from ..rule import Rule
from ..scope import per_record

RANGES = (("health_check_interval", "interval", 5, 300), ("health_check_timeout", "timeout", 2, 120),
          ("healthy_threshold", "healthy threshold", 2, 10),
          ("unhealthy_threshold", "unhealthy threshold", 2, 10))


def check_one(diagram: Diagram, tg):
    for prop, what, low, high in RANGES:
        value = tg.get(prop)
        if isinstance(value, int) and not low <= value <= high:
            yield RULE.finding("Target group {tg}: health check {what} {value} is outside {low}–{high}.",
                               [tg.id], tg=tg.label, what=what, value=value, low=low, high=high)
    interval, timeout = tg.get("health_check_interval"), tg.get("health_check_timeout")
    if isinstance(interval, int) and isinstance(timeout, int) and 0 < interval <= timeout:
        yield RULE.finding("Target group {tg}: health check timeout {timeout} s must be shorter than the "
                           "interval {interval} s.", [tg.id], tg=tg.label, timeout=timeout,
                           interval=interval)
    matcher = tg.get("matcher")
    if tg.get("health_check_protocol") in ("HTTP", "HTTPS") and isinstance(matcher, str) and matcher:
        codes = [int(c) for c in re.findall(r"\d+", matcher)]
        if not codes or any(not 200 <= c <= 499 for c in codes):
            yield RULE.finding("Target group {tg}: success codes {matcher} must lie within 200–499.",
                               [tg.id], tg=tg.label, matcher=matcher)


RULE = Rule(
    id="target-group-health-check",
    severity=Severity.ERROR,
    title="Health check settings out of range",
    fix="Use an interval of 5–300 s, a shorter timeout of 2–120 s, thresholds of 2–10 and success "
        "codes between 200 and 499.",
    lesson=("A load balancer probes each target on its health check path and only sends traffic to "
            "targets that answered with a success code enough times in a row. AWS bounds the "
            "settings: the interval, the timeout (shorter than the interval), the healthy and "
            "unhealthy thresholds, and success codes between 200 and 499."),
    docs="https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html",
    watches=("TargetGroup",),
    watches_properties={"TargetGroup": ("health_check_interval", "health_check_timeout",
                                        "healthy_threshold", "unhealthy_threshold", "matcher",
                                        "health_check_protocol")},
    watches_relations=False,
    scope=per_record("TargetGroup", check_one),
)
