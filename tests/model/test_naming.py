"""How kinds and names read in sentences: articles, and a kind's label inside a sentence."""

from __future__ import annotations

import pytest

from model import kinds
from model.naming import in_sentence, with_article


@pytest.mark.parametrize("label, expected", [
    ("Target group", "target group"), ("Load balancer", "load balancer"), ("Route table", "route table"),
    ("Other resource", "other resource"),
    ("EC2 instance", "EC2 instance"), ("NAT gateway", "NAT gateway"), ("VPC", "VPC"),
    ("CloudFront distribution", "CloudFront distribution"), ("DynamoDB table", "DynamoDB table"),
    ("Auto Scaling group", "Auto Scaling group"), ("Availability Zone", "Availability Zone"),
    ("Route 53 hosted zone", "Route 53 hosted zone"), ("Lambda function", "Lambda function"),
    ("Lightsail instance", "Lightsail instance"), ("Aurora cluster", "Aurora cluster"),
])
def test_a_generic_first_word_loses_its_capital_and_names_keep_theirs(label, expected):
    assert in_sentence(label) == expected


def test_every_kind_label_reads_as_it_did_or_with_a_small_first_letter():
    for k in kinds.ALL_KINDS:
        assert in_sentence(k.label) in (k.label, k.label[0].lower() + k.label[1:])


def test_articles_follow_the_sound():
    assert with_article("Availability Zone") == "an Availability Zone"
    assert with_article("S3 bucket") == "an S3 bucket"
    assert with_article("NAT gateway") == "a NAT gateway"
    assert with_article("Load balancer") == "a Load balancer"
