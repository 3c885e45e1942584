"""Short constructors for field declarations, so each kind reads like a table."""

from __future__ import annotations

from ..schema import Field, FieldType as T

PROTOCOLS = ("tcp", "udp", "icmp", "icmpv6", "all")


def text(name, default="", **kw) -> Field:
    return Field(name, T.STR, default, **kw)


def longtext(name, default="", **kw) -> Field:
    return Field(name, T.TEXT, default, **kw)


def number(name, default=0, minimum=None, maximum=None, **kw) -> Field:
    return Field(name, T.INT, default, minimum=minimum, maximum=maximum, **kw)


def port(name, default=0, **kw) -> Field:
    return Field(name, T.INT, default, minimum=0, maximum=65535, **kw)


def flag(name, default=False, **kw) -> Field:
    return Field(name, T.BOOL, default, **kw)


def choice(name, choices, default=None, **kw) -> Field:
    return Field(name, T.ENUM, choices[0] if default is None else default, choices=tuple(choices), **kw)


def cidr4(name, default="", **kw) -> Field:
    return Field(name, T.CIDR4, default, **kw)


def cidr6(name, default="", **kw) -> Field:
    return Field(name, T.CIDR6, default, **kw)


def cidr(name, default="", **kw) -> Field:
    return Field(name, T.CIDR, default, **kw)


def cidr4_list(name, default=(), **kw) -> Field:
    return Field(name, T.CIDR4_LIST, tuple(default), **kw)


def texts(name, default=(), **kw) -> Field:
    return Field(name, T.STR_LIST, tuple(default), **kw)


def ref(name, kinds, relation, **kw) -> Field:
    return Field(name, T.REF, "", ref_kinds=tuple(kinds), relation=relation, **kw)


def refs(name, kinds, relation, **kw) -> Field:
    return Field(name, T.REF_LIST, (), ref_kinds=tuple(kinds), relation=relation, **kw)


def records(name, *fields, default=(), **kw) -> Field:
    return Field(name, T.RECORDS, tuple(default), fields=tuple(fields), **kw)


def anything(name, default=None, **kw) -> Field:
    return Field(name, T.ANY, default, **kw)


def destination(name, default="", **kw) -> Field:
    return Field(name, T.DESTINATION, default, **kw)


def sg_rule_fields(peer_field: str, peer_label: str) -> tuple[Field, ...]:
    """The fields of one security-group rule; ``peer_field`` is source_group or destination_group."""
    return (
        choice("protocol", PROTOCOLS, "tcp"),
        port("from_port", 443, label="From port"),
        port("to_port", 443, label="To port"),
        cidr("cidr", "", help="An IPv4 or IPv6 range. Leave empty when the peer is a security group."),
        ref(peer_field, ("SecurityGroup",), peer_label, drawn=False,
            help="Another security group whose members are allowed."),
        text("prefix_list", "", help="A managed prefix list such as pl-s3."),
        text("description", ""),
    )


def nacl_rule_fields() -> tuple[Field, ...]:
    return (
        number("rule_number", 100, minimum=0),
        choice("protocol", PROTOCOLS, "all"),
        port("from_port", 0, label="From port"),
        port("to_port", 65535, label="To port"),
        cidr("cidr", "0.0.0.0/0"),
        choice("action", ("allow", "deny"), "allow"),
    )
