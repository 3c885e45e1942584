"""``kumozu trace``: the story in text, the JSON document, and the exit status (0 reachable, 1 not,
2 bad input) - through main.main and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import main
from tests.support.builder import ROOT

DUAL = str(ROOT / "examples" / "dual-az-web.kumozu.yaml")
ROUTES = str(ROOT / "examples" / "route-tables.kumozu.yaml")


def run(capsys, *argv):
    code = main.main(["trace", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_reachable_flow_is_told_hop_by_hop_and_exits_0(capsys):
    code, out, err = run(capsys, DUAL, "--from", "internet", "--to", "web")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == f"Tracing internet -> web server (web) on tcp/443 in {DUAL}"
    assert "Way: via web-alb" in lines
    assert any(line.startswith("  1. the internet sends tcp/443 to web-alb") for line in lines)
    assert any(line.endswith(". web-alb (Load balancer): security group alb-sg allows inbound tcp/443 "
                             "from the internet [ingress rule 1: tcp/443 from 0.0.0.0/0]") for line in lines)
    assert "Back (the reply):" in lines and "Verdict: REACHABLE" in lines
    assert "  TLS ends at web-alb (Load balancer), with an ACM certificate; it can hold an ACM certificate." \
        in lines


def test_a_blocked_flow_gives_the_code_the_reason_and_a_fix_and_exits_1(capsys):
    code, out, _ = run(capsys, ROUTES, "--from", "app", "--to", "internet")
    assert code == 1
    assert "  4. internal server (EC2 instance, subnet 2): route table 1 (used by subnet 2) has no route " \
           "that matches the internet  <-- BLOCKED" in out
    assert "Verdict: NOT REACHABLE - blocked on the way there at route table 1 (Route table)" in out
    assert "Code: NO_ROUTE_TO_DESTINATION - " in out
    assert "Fix: Add a route for 0.0.0.0/0 in route table 1" in out


def test_the_default_port_is_the_destinations_own(capsys):
    code, out, _ = run(capsys, DUAL, "--from", "web", "--to", "db")
    assert code == 0 and "on tcp/3306" in out.splitlines()[0]


def test_json_output_has_the_documented_shape(capsys):
    code, out, _ = run(capsys, DUAL, "--from", "internet", "--to", "db", "--port", "3306",
                       "--format", "json")
    assert code == 1
    doc = json.loads(out)
    assert set(doc) == {"file", "flow", "reachable", "route", "blocked", "locations", "paths", "notes", "tls"}
    assert doc["flow"] == {"source": "internet", "destination": "db", "protocol": "tcp", "port": 3306}
    assert doc["reachable"] is False and doc["route"] == "direct"
    assert doc["blocked"]["code"] == "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"
    assert doc["blocked"]["direction"] == "forward" and "db" in doc["blocked"]["resources"]
    path = doc["paths"][0]
    assert set(path) == {"label", "reachable", "locations", "forward", "return", "blocked"}
    assert set(path["forward"][0]) == {"location", "component", "kind", "check", "detail", "matched", "passed"}
    assert path["forward"][-1]["passed"] is False
    assert doc["tls"] is None


def test_json_of_a_reachable_https_flow_carries_the_tls_report(capsys):
    code, out, _ = run(capsys, DUAL, "--from", "internet", "--to", "www", "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["locations"][:3] == ["www", "internet", "cdn"]
    assert doc["tls"]["termination"] == "cdn" and doc["tls"]["certificate"] == "acm"
    assert doc["tls"]["pattern"] == "Route 53 → CloudFront(+ACM)"


@pytest.mark.parametrize("argv, message", [
    (["--from", "internt", "--to", "web"], "no resource or service called 'internt'; did you mean internet"),
    (["--from", "web", "--to", "db-sb"], "did you mean db-sg"),
    (["--from", "web", "--to", "web-role"], "'web-role' is an IAM role, not a place traffic starts or ends"),
    (["--from", "web", "--to", "db", "--port", "70000"], "port must be a number from 0 to 65535"),
])
def test_bad_input_exits_2_with_a_clear_message(capsys, argv, message):
    code, out, err = run(capsys, DUAL, *argv)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err


def test_an_unreadable_file_exits_2(capsys, tmp_path):
    bad = tmp_path / "bad.kumozu.yaml"
    bad.write_text("format: kumozu\nversion: 1\nresources: [oops\n", encoding="utf-8")
    code, _, err = run(capsys, str(bad), "--from", "a", "--to", "b")
    assert code == 2 and "bad.kumozu.yaml" in err


def test_trace_runs_as_a_real_process_without_qt():
    """The installed command path: a separate interpreter, exit status 1, and PySide6 never loaded."""
    probe = ("import sys, main; code = main.main(['trace', %r, '--from', 'app', '--to', 'internet']); "
             "assert 'PySide6' not in sys.modules; sys.exit(code)") % ROUTES
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1, done.stderr
    assert "Verdict: NOT REACHABLE" in done.stdout
