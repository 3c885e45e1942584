"""``kumozu check-lab``: many submissions graded at once (native designs and CloudFormation
templates), unreadable ones reported as rows, text and CSV output, and the exit codes."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import main
from tests.labs.conftest import COURSE, DATA

ROOT = Path(__file__).resolve().parents[2]
LAB = COURSE / "01-public-private-subnets.lab.yaml"
START = COURSE / "01-public-private-subnets.start.kumozu.yaml"
SOLUTION = COURSE / "01-public-private-subnets.solution.kumozu.yaml"
TEMPLATE = DATA / "lab1-solved.cfn.yaml"


@pytest.fixture
def submissions(tmp_path) -> dict[str, Path]:
    """A passing and a failing native design, a passing template, a failing template and a broken
    file, under student names."""
    folder = tmp_path / "class"
    folder.mkdir()
    paths = {"alice": folder / "alice.kumozu.yaml", "bob": folder / "bob.kumozu.yaml",
             "carol": folder / "carol.cfn.yaml", "dave": folder / "dave.cfn.yaml",
             "erin": folder / "erin.kumozu.yaml"}
    shutil.copy(SOLUTION, paths["alice"])
    shutil.copy(START, paths["bob"])
    shutil.copy(TEMPLATE, paths["carol"])
    # dave forgot to give the web server's subnet public addresses
    paths["dave"].write_text(TEMPLATE.read_text(encoding="utf-8").replace(
        ", MapPublicIpOnLaunch: true", ""), encoding="utf-8")
    paths["erin"].write_text("format: kumozu\nversion: 1\nresources:\n  vpc: {kind: Vpcc}\n",
                             encoding="utf-8")
    return paths


def test_a_class_is_graded_as_a_table_with_reasons_and_exit_1(submissions, capsys):
    code = main.main(["check-lab", str(LAB), *map(str, submissions.values()), "--language", "en"])
    out = capsys.readouterr().out
    assert code == 1
    rows = {line.split()[0].rsplit("/", 1)[-1]: line.split()[1:] for line in out.splitlines()
            if line.startswith(str(submissions["alice"].parent))}
    assert rows["alice.kumozu.yaml"] == ["4/4", "✓", "✓", "✓", "✓"]
    assert rows["bob.kumozu.yaml"] == ["2/4", "✓", "✗", "✗", "✓"]
    assert rows["carol.cfn.yaml"] == ["4/4", "✓", "✓", "✓", "✓"]
    assert rows["dave.cfn.yaml"] == ["3/4", "✓", "✓", "✗", "✓"]
    assert rows["erin.kumozu.yaml"][0] == "error" and "unknown kind 'Vpcc'" in out and ":4:" in out
    assert "Why goals failed" in out and "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS" in out
    assert "2 of 5 submissions meet every goal." in out


def test_csv_has_one_row_per_submission_and_one_column_per_goal(submissions, capsys):
    code = main.main(["check-lab", "public-private-subnets", str(submissions["alice"].parent),
                      "--format", "csv", "--language", "ja"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert code == 1
    by_name = {Path(r["submission"]).name: r for r in rows}
    assert sorted(by_name) == ["alice.kumozu.yaml", "bob.kumozu.yaml", "carol.cfn.yaml", "dave.cfn.yaml",
                               "erin.kumozu.yaml"]
    alice = by_name["alice.kumozu.yaml"]
    assert alice["status"] == "pass" and alice["score"] == "1.00"
    bob = by_name["bob.kumozu.yaml"]
    assert (bob["status"], bob["passed"], bob["db-subnet-private"]) == ("fail", "2", "fail")
    assert "db-subnet-private: サブネット「private-a」はパブリックサブネットである" in bob["failed_reasons"]
    erin = by_name["erin.kumozu.yaml"]
    assert erin["status"] == "error" and "Vpcc" in erin["error"] and erin["web-subnet-public"] == ""


def test_exit_0_when_every_submission_meets_every_goal(submissions, capsys):
    assert main.main(["check-lab", str(LAB), str(submissions["alice"]), str(submissions["carol"])]) == 0
    assert "2 of 2 submissions meet every goal." in capsys.readouterr().out
    assert main.main(["check-lab", str(LAB), str(submissions["alice"])]) == 0
    assert "1 of 1 submission meets every goal." in capsys.readouterr().out


def test_a_lab_that_cannot_be_read_exits_2(tmp_path, capsys):
    broken = tmp_path / "broken.lab.yaml"
    shutil.copy(START, tmp_path / START.name)
    shutil.copy(SOLUTION, tmp_path / SOLUTION.name)
    broken.write_text(LAB.read_text(encoding="utf-8").replace("type: subnet", "type: subnett", 1),
                      encoding="utf-8")
    assert main.main(["check-lab", str(broken), str(SOLUTION)]) == 2
    err = capsys.readouterr().err
    assert f"{broken}:" in err and "unknown check type 'subnett'" in err


def test_check_lab_runs_as_a_command_without_qt_and_answers_in_japanese(submissions):
    code = ("import sys, main\n"
            f"code = main.main(['check-lab', {str(LAB)!r}, {str(submissions['alice'])!r}, "
            f"{str(submissions['bob'])!r}, '--language', 'ja'])\n"
            "print('QT' if 'PySide6' in sys.modules else 'NO-QT', code, file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT),
                                              "PYTHONIOENCODING": "utf-8"})
    assert result.stderr.strip().splitlines()[-1] == "NO-QT 1", result.stderr
    assert "提出物" in result.stdout and "達成できなかったゴールとその理由" in result.stdout
    assert "2件中1件がすべてのゴールを達成．" in result.stdout


def test_without_language_check_lab_follows_the_locale(submissions):
    """LANG=ja_JP answers in Japanese, LC_ALL=en_US (which outranks LANG) in English."""
    def run(**locale):
        return subprocess.run([sys.executable, "main.py", "check-lab", str(LAB), str(submissions["alice"])],
                              cwd=ROOT, capture_output=True, text=True, timeout=120,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT), "PYTHONIOENCODING": "utf-8",
                                   **locale}).stdout
    assert "1件中1件がすべてのゴールを達成．" in run(LANG="ja_JP.UTF-8")
    assert "1 of 1 submission meets every goal." in run(LANG="ja_JP.UTF-8", LC_ALL="en_US.UTF-8")
