"""What decided a hop (a hop's ``matched``: the security-group rule, network ACL rules, listener or
policy the tracer names) in the user's language.

The tracer writes these in a fixed English shape (``ingress rule 1: tcp/443 from group alb-sg``,
``rule 100 allow tcp/443 0.0.0.0/0; rule 110 allow ...``, ``listener HTTPS:443 forward web-tg``),
so they are read back by that shape and said again with the catalogue's ``matched`` texts. Routes
(``0.0.0.0/0 -> igw``) carry no words. A text of a shape this module does not know is kept as it is.
"""

from __future__ import annotations

import re

from ..i18n import catalogue

__all__ = ["matched_text", "MATCHED_KEYS"]

#: The texts a catalogue's ``matched`` section must have.
MATCHED_KEYS = ("ingress", "egress", "acl_rule", "acl_no_match", "acl_ports_no_match", "default_acl",
                "listener", "viewer_policy", "all_traffic", "allow", "deny", "group", "nothing", "joiner")

_SG = re.compile(r"^(ingress|egress) rule (\d+): (.+) (?:from|to) (.+)$")
_ACL = re.compile(r"^rule (\d+) (allow|deny) (.+) (\S+)$")
_ACL_NONE = "rule * deny all traffic (nothing matched before it)"
_ACL_PORTS = re.compile(r"^rule \* deny all traffic \(ports (.+) matched no rule\)$")
_DEFAULT_ACL = "the VPC's default network ACL (allows all traffic)"
_LISTENER = re.compile(r"^listener (.+)$")
_POLICY = re.compile(r"^viewer protocol policy (.+)$")


def matched_text(matched: str, language: str) -> str:
    """``matched`` in ``language`` (English: as the tracer wrote it). Several network ACL rules
    (joined by ``; ``) are said one by one."""
    if language == "en" or not matched:
        return matched
    words = catalogue(language).get("matched") or {}
    if not words:
        return matched
    return words["joiner"].join(_one(part, words) for part in matched.split("; "))


def _one(text: str, words: dict) -> str:
    def traffic(what: str) -> str:
        return words["all_traffic"] if what == "all traffic" else what

    if text == _DEFAULT_ACL:
        return words["default_acl"]
    if text == _ACL_NONE:
        return words["acl_no_match"]
    found = _SG.match(text)
    if found:
        direction, number, what, peer = found.groups()
        if peer.startswith("group "):
            peer = words["group"].format(name=peer[6:])
        elif peer == "nothing":
            peer = words["nothing"]
        return words[direction].format(n=number, what=traffic(what), peer=peer)
    found = _ACL.match(text)
    if found:
        number, action, what, cidr = found.groups()
        return words["acl_rule"].format(n=number, action=words[action], what=traffic(what), cidr=cidr)
    found = _ACL_PORTS.match(text)
    if found:
        return words["acl_ports_no_match"].format(ports=found.group(1))
    found = _LISTENER.match(text)
    if found:
        return words["listener"].format(listener=found.group(1))
    found = _POLICY.match(text)
    if found:
        return words["viewer_policy"].format(policy=found.group(1))
    return text
