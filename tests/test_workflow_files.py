"""The example CI and pre-commit files call commands that exist."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from generator.cli import cli

REPO = Path(__file__).resolve().parent.parent


def test_workflows_use_the_real_commands() -> None:
    pr = yaml.safe_load((REPO / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    steps = "\n".join(str(s.get("run", "")) for s in pr["jobs"]["check"]["steps"])
    assert "handbook check --format github" in steps and 'handbook diff "origin/' in steps
    deploy = yaml.safe_load((REPO / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    assert any(
        "handbook build --as-of" in str(s.get("run", "")) for s in deploy["jobs"]["deploy"]["steps"]
    )
    assert any(  # the daily run checks the site as an inspector would
        "handbook audit --as-of" in str(s.get("run", "")) for s in deploy["jobs"]["deploy"]["steps"]
    )
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [h["entry"] for r in hooks["repos"] for h in r["hooks"]]
    assert "handbook check" in entries and "handbook schema --check" in entries
    runner = CliRunner()
    for args in (
        ["check", "--help"],
        ["diff", "--help"],
        ["build", "--help"],
        ["codeowners", "--help"],
        ["audit", "--help"],
    ):
        assert runner.invoke(cli, args).exit_code == 0, args


def test_benchmark_script_parses_its_options() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "--size {S,M,L}" in done.stdout and "--serve" in done.stdout
