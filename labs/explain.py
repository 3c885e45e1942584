"""Why a traced flow is blocked, told to a student in English or Japanese.

The tracer explains a blocked path with an explanation code (the names AWS Reachability Analyzer
uses), the component that drops the traffic and the direction. Its own sentences are English; here
each code also gets its meaning and usual fix in Japanese, so a goal can say why it failed in the
student's language. Every code the tracer can emit must be listed (a test checks it).
"""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram
from validators.i18n import catalogue as _validators_catalogue
from validators.reachability import CODES, SERVICES, Blocked, TraceResult

from .text import LocalText, pair

__all__ = ["untraceable", "code_meaning", "code_fix", "describe_blocked", "describe_path",
           "direction_text", "place_name", "JA_CODES"]

#: code -> (meaning, usual fix), in Japanese: the validators' catalogue (validators/locale/ja.yaml),
#: where every explanation code is translated once for the labs, the command line and the editor.
JA_CODES: dict[str, tuple[str, str]] = {
    code: (entry["meaning"], entry["fix"])
    for code, entry in (_validators_catalogue("ja").get("codes") or {}).items()}


def code_meaning(code: str) -> LocalText:
    """What an explanation code means; the code itself for one neither side knows."""
    en = CODES[code].meaning if code in CODES else code
    ja = JA_CODES[code][0] if code in JA_CODES else en
    return LocalText(en, ja)


def code_fix(code: str) -> LocalText:
    en = CODES[code].fix if code in CODES else ""
    ja = JA_CODES[code][1] if code in JA_CODES else en
    return LocalText(en, ja)


def direction_text(direction: str) -> LocalText:
    if direction == "return":
        return pair("on the way back", "戻りの通信")
    return pair("on the way there", "行きの通信")


def place_name(d: Diagram, name: str) -> LocalText:
    """A flow end or hop as people call it: a resource's name, "the internet", a service name."""
    if name == "internet":
        return pair("the internet", "インターネット")
    shown = q.display(d, name)
    return pair(shown, f"「{shown}」")


def describe_blocked(d: Diagram, blocked: Blocked) -> LocalText:
    """``blocked at route table 1 (on the way there, NO_ROUTE_TO_DESTINATION): <the tracer's own
    sentence>``, and in Japanese the same built from the code's meaning."""
    where = place_name(d, blocked.component) if blocked.component else pair("?", "?")
    en = (f"blocked at {where.en} ({direction_text(blocked.direction).en}, {blocked.code}): "
          f"{blocked.explanation or code_meaning(blocked.code).en}")
    ja = (f"{where.ja}で止められている（{direction_text(blocked.direction).ja}，{blocked.code}）．"
          f"{code_meaning(blocked.code).ja}")
    return LocalText(en, ja)


def describe_path(d: Diagram, result: TraceResult) -> LocalText:
    """The way a reachable flow goes, as names: ``the internet → igw → web-alb → web``."""
    names = [place_name(d, rid).en for rid in result.locations()]
    return pair(" → ".join(names), " → ".join("インターネット" if rid == "internet" else name
                                            for rid, name in zip(result.locations(), names)))


def untraceable(d: Diagram, source: str, destination: str, error: Exception) -> LocalText:
    """Why a flow cannot be traced at all (the tracer's :class:`FlowError`), in both languages.
    The usual situations are recognised from the design; anything else keeps the tracer's words."""
    for name in (source, destination):
        record = d.get(name)
        if record is None and name != "internet" and _service(name) is None:
            return LocalText(str(error), f"「{name}」という名前のリソースやサービスが設計の中にない．")
    record = d.get(destination)
    seen: set[str] = set()
    while record is not None and record.kind == "DnsRecord" and record.id not in seen:
        seen.add(record.id)
        target = record.get("alias_target")
        if not target:
            return LocalText(str(error), f"DNSレコード「{record.label}」はエイリアスではない．値がIPアドレスや"
                                         f"DNS名なので，Kumozuにはその先のリソースが分からない．")
        if d.get(target) is None:
            return LocalText(str(error), f"DNSレコード「{record.label}」のエイリアス先「{target}」が存在しない．")
        record = d.get(target)
    for name in (source, destination):
        record = d.get(name)
        if record is not None and record.kind != "Subnet" and not q.subnets_of(d, name) \
                and record.kind in _PLACED_IN_SUBNETS:
            return LocalText(str(error), f"「{record.label}」はどのサブネットにも置かれていないため，"
                                         f"ネットワークインターフェースがない．")
    return LocalText(str(error), f"この通信はトレースできない（{error}）．")


#: Kinds that need a subnet to have a network interface (a Lambda function may run outside a VPC).
_PLACED_IN_SUBNETS = ("Instance", "AutoScalingGroup", "EcsService", "RdsInstance", "AuroraCluster",
                      "ElastiCacheCluster", "LoadBalancer", "VpcEndpoint")


def _service(name: str) -> str | None:
    short = name.rsplit(".", 1)[-1] if name.startswith("com.amazonaws.") else name
    return short if short in SERVICES else None
