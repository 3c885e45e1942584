"""Why a traced flow is blocked, told to a student in English or Japanese.

The tracer explains a blocked path with an explanation code (the names AWS Reachability Analyzer
uses), the component that drops the traffic and the direction. Its own sentences are English; here
each code also gets its meaning and usual fix in Japanese, so a goal can say why it failed in the
student's language. Every code the tracer can emit must be listed (a test checks it).
"""

from __future__ import annotations

from model import queries as q
from model.diagram import Diagram
from validators.reachability import CODES, SERVICES, Blocked, TraceResult

from .text import LocalText, pair

__all__ = ["untraceable", "code_meaning", "code_fix", "describe_blocked", "describe_path",
           "direction_text", "place_name", "JA_CODES"]

#: code -> (meaning, usual fix), in Japanese.
JA_CODES: dict[str, tuple[str, str]] = {
    "NO_ROUTE_TO_DESTINATION": (
        "ルートテーブルに宛先と一致するルートがないため，パケットは破棄される．",
        "宛先へ向かうゲートウェイや接続へのルートを追加する．"),
    "BAD_STATE_ROUTE": (
        "一致したルートのターゲットが存在しない（ブラックホールになったルート）．",
        "存在するターゲットを指すようにルートを直すか，ルートを削除する．"),
    "CANNOT_ROUTE": (
        "一致したルートのターゲットが，この通信を運べないものになっている．",
        "この通信を転送できるターゲットを使う（インターネット向けのIPv4ならインターネットゲートウェイかNAT Gateway，"
        "別のVPCならピアリング接続）．"),
    "MORE_SPECIFIC_ROUTE": (
        "より具体的な（プレフィックスの長い）ルートが優先され，宛先に届くはずのルートが使われない．",
        "具体的なほうのルートを削除するか範囲を狭める，またはそのルートも宛先に届くようにする．"),
    "DISCONNECTED_VPCS": (
        "送信元と宛先が別々のVPCにあり，その間にピアリング接続もTransit Gatewayもない．",
        "VPC同士を接続し（ピアリングかTransit Gateway），両側にルートを追加する．"),
    "SUBNET_ACL_RESTRICTION": (
        "途中のサブネットのネットワークACLがこの通信を拒否している（ルール番号の小さい順に評価され，"
        "最初に一致したルールで決まる．どれにも一致しなければ拒否）．",
        "拒否ルールより小さい番号で，このプロトコルとポートを許可するルールを追加する．戻りの通信には"
        "エフェメラルポート1024-65535を許可する．"),
    "ENI_SG_RULES_MISMATCH": (
        "ネットワークインターフェースに付いたセキュリティグループに，この通信を許可するルールがない．",
        "相手からの（または相手への）このプロトコルとポートを許可するルールを追加する．"),
    "SG_HAS_NO_RULES": (
        "ネットワークインターフェースのセキュリティグループに，この向きのルールが一つもないため，何も通さない．",
        "この向きのルールを追加する．セキュリティグループは許可したもの以外をすべて拒否する．"),
    "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS": (
        "通信はインターネットゲートウェイから出ていくが，送信元にPublic IPv4アドレスがないため，"
        "インターネットゲートウェイがNAT（静的NAT）できない．",
        "送信元にPublic IP（またはElastic IP）を付けるか，プライベートサブネットからNAT Gatewayを経由させる．"),
    "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS": (
        "インターネットから入ってくる通信だが，宛先にPublic IPv4アドレスがなく，"
        "インターネットゲートウェイが変換する先がない．",
        "前段にインターネット向けのロードバランサー（またはCloudFront）を置くか，"
        "パブリックサブネットでPublic IPを付ける．"),
    "NGW_REQUIRES_SOURCE_IN_VPC": (
        "NAT Gatewayは自分と同じVPCの送信元しか扱わない．",
        "送信元と同じVPCにあるNAT Gatewayを使う．"),
    "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR": (
        "ピアリング接続は，相手VPCのCIDRブロック内が宛先の通信しか運ばない．ピアリングは推移的ではなく，"
        "相手側のゲートウェイも使えない．",
        "宛先へは専用の接続を用意するか，Transit Gatewayを使う．"),
    "ELBV2_LISTENER_PORT_RESTRICTION": (
        "ロードバランサーに，このポートとプロトコルのリスナーがない．",
        "このポートのリスナーを追加するか，ロードバランサーが受け付けるポートに送る．"),
    "ELBV2_LISTENER_HAS_NO_TG": (
        "リスナーがターゲットグループに転送していない（リダイレクトや固定レスポンス，または転送先なし）"
        "ため，通信がターゲットに届かない．",
        "リスナーに，宛先を含むターゲットグループへの転送（forward）アクションを設定する．"),
    "TARGET_PORT_RESTRICTION": (
        "ロードバランサーはターゲットに対して，ターゲットグループのポート（とヘルスチェックのポート）"
        "でしか送信しない．",
        "ターゲットグループのポートでトレースするか，ターゲットグループのポートを変える．"),
    "ELB_INSTALLED_AZ_RESTRICTION": (
        "ターゲットが，ロードバランサーを有効にしていないアベイラビリティゾーンにあるため，通信を受け取れない．",
        "ターゲットのアベイラビリティゾーンにも，ロードバランサーのサブネットを追加する．"),
    "VPCE_GATEWAY_PROTOCOL_RESTRICTION": (
        "ゲートウェイ型エンドポイントはTCPとICMPのエコーしか運ばない．",
        "ゲートウェイ型エンドポイント経由では，TCP（HTTPS）でサービスに接続する．"),
    "ENI_SOURCE_DEST_CHECK_RESTRICTION": (
        "ルートの送り先のインスタンスで送信元/送信先チェックが有効なため，自分宛てでない通信を破棄する．",
        "NATインスタンスやアプライアンスの送信元/送信先チェックを無効にする．"),
    "TGW_ROUTE_AZ_RESTRICTION": (
        "Transit Gatewayアタッチメントに送信元のアベイラビリティゾーンのサブネットがないため，"
        "そのゾーンのリソースはTransit Gatewayに届かない．",
        "クライアントがいるすべてのアベイラビリティゾーンに，アタッチメント用のサブネットを追加する．"),
    "TGW_RTB_CANNOT_ROUTE": (
        "Transit Gatewayに宛先へのルートがない（Kumozuはアタッチされた各VPCから伝播したルートを扱う）．",
        "宛先のVPCを，ルート伝播を有効にしてTransit Gatewayにアタッチする．"),
    "PROTOCOL_RESTRICTION": (
        "このコンポーネントはこのプロトコルを受け付けない．",
        "受け付けるプロトコルを使う（ALBとCloudFrontはTCP）．"),
    "EDGE_LISTENER_PORT_RESTRICTION": (
        "CloudFrontとLightsailが利用者からの接続を受け付けるのは，ポート80と443だけである．",
        "ポート443（HTTPS）か80（HTTP）で接続する．"),
}


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
