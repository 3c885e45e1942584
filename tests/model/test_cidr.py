"""Address arithmetic: Fn::Cidr as CloudFormation computes it, overlaps, free blocks."""

from __future__ import annotations

import pytest

from model import cidr


@pytest.mark.parametrize("block,count,bits,expected", [
    ("10.0.0.0/16", 3, 8, ["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"]),
    # the AWS documentation's example: 6 blocks with 5 host bits out of 192.168.0.0/24
    ("192.168.0.0/24", 6, 5, ["192.168.0.0/27", "192.168.0.32/27", "192.168.0.64/27",
                               "192.168.0.96/27", "192.168.0.128/27", "192.168.0.160/27"]),
    ("10.0.0.0/16", 2, 12, ["10.0.0.0/20", "10.0.16.0/20"]),
    ("2600:1f18:abcd:1200::/56", 2, 64, ["2600:1f18:abcd:1200::/64", "2600:1f18:abcd:1201::/64"]),
])
def test_fn_cidr_matches_cloudformation(block, count, bits, expected):
    assert cidr.fn_cidr(block, count, bits) == expected


@pytest.mark.parametrize("block,count,bits", [
    ("10.0.0.0/24", 3, 9),     # blocks bigger than the range
    ("10.0.0.0/24", 300, 2),   # more than 256 blocks
    ("10.0.0.0/28", 32, 1),    # more blocks than fit
])
def test_fn_cidr_refuses_what_cloudformation_refuses(block, count, bits):
    with pytest.raises(ValueError):
        cidr.fn_cidr(block, count, bits)


def test_parse_accepts_host_bits_but_reports_non_canonical_text():
    assert str(cidr.parse("100.68.0.18/18")) == "100.68.0.0/18"
    assert not cidr.is_canonical("100.68.0.18/18")
    assert cidr.is_canonical("10.0.0.0/16")
    assert cidr.parse("10.0.0.0/33") is None
    assert cidr.parse("not a cidr") is None
    assert cidr.parse_v4("fd00::/64") is None and cidr.parse_v6("fd00::/64") is not None


def test_overlap_and_containment_never_mix_families():
    a, b = cidr.parse("10.0.0.0/24"), cidr.parse("10.0.1.0/24")
    assert not cidr.overlaps(a, b)
    assert cidr.overlaps(cidr.parse("10.0.0.0/16"), a)
    assert cidr.contains(cidr.parse("10.0.0.0/16"), a)
    assert not cidr.overlaps(a, cidr.parse("fd00::/64"))


def test_usable_addresses_leave_five_to_aws():
    assert cidr.usable_addresses(cidr.parse("10.0.0.0/28")) == 11
    assert cidr.usable_addresses(cidr.parse("10.0.0.0/24")) == 251


def test_free_block_skips_taken_ranges_and_gives_up_when_full():
    assert cidr.free_block(["10.0.0.0/16"], ["10.0.0.0/24", "10.0.1.0/24"], 24) == "10.0.2.0/24"
    assert cidr.free_block(["10.0.0.0/16", "10.1.0.0/16"], ["10.0.0.0/16"], 24) == "10.1.0.0/24"
    assert cidr.free_block(["10.0.0.0/24"], ["10.0.0.0/24"], 24) is None
    assert cidr.free_block(["garbage"], [], 24) is None


def test_prefix_lists_are_recognised():
    assert cidr.is_prefix_list("pl-s3") and cidr.is_prefix_list("pl-63a5400a")
    assert not cidr.is_prefix_list("0.0.0.0/0")
