"""Small handbook repositories built in tmp_path, the sample copied, and the data
several test modules share."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from generator.errors import ValidationFailed
from generator.pipeline import run

REPO = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2026, 11, 22)

MINIMAL = """\
id: demo
code: XX/DJ 009-2020
title: 示例标准
edition: "2020"
issued: 2020-01-10
effective: 2020-02-01
issuer: 示例委员会
sections:
  - id: yiban
    number: "1"
    title: 一般要求
    clauses:
      - id: tiaokuan-yi
        number: "1.1"
        title: 第一条
        text: 党支部应当按期换届。
      - id: tiaokuan-er
        number: "1.2"
        title: 第二条
        text: 信息安全按标准规定执行。
"""


class Handbook:
    """A handbook repository in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def problems(self, as_of: dt.date = AS_OF) -> list[str]:
        try:
            run(self.root, as_of, render=False)
        except ValidationFailed as failed:
            return [str(p) for p in failed.problems]
        return []


def copy_sample(target: Path) -> Path:
    """The repository's sample handbook (its data, not its code) copied to `target`."""
    for name in ("standards", "content", "site_templates"):
        shutil.copytree(REPO / name, target / name)
    for name in ("mkdocs.yml", "CODEOWNERS"):
        shutil.copy(REPO / name, target / name)
    return target


def clean_copy(root: Path, target: Path) -> Path:
    """The handbook at `root` copied to `target` without what builds left there (its
    memory, its site and the site's spare): built there, it is a clean build."""
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(".handbook", "site", ".site.swap"))
    return target


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site, with its bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


# A rubric for the MINIMAL standard (its criteria cite its clauses).
RUBRIC = """\
rubric:
  title: 验收细则
  total: 10
  pass_mark: 6
  grades:
    - {name: 优秀, min: 9}
    - {name: 达标, min: 6}
  criteria:
    - {id: c1, item: 换届, points: 4, clauses: [tiaokuan-yi]}
    - {id: c2, item: 安全, points: 6, clauses: [tiaokuan-er]}
"""


# Results: four units and two yearly rounds scored with RUBRIC.
UNITS = """\
units:
  - {id: a, name: 甲单位, kind: 市直单位}
  - {id: b, name: 乙单位, kind: 市直单位}
  - {id: c, name: 丙单位, kind: 市直单位}
  - {id: d, name: 丁单位, kind: 市直单位}
"""

ROUND = """\
id: {id}
series: demo
title: {title}
rubric: demo@2020
period: {{kind: 年, start: {year}-01-01, end: {year}-12-31}}
assessed: {year}-12-10
published: {year}-12-20
assessor: 验收组
scores:
"""

FIRST = (
    ROUND.format(id="r2024", title="2024年度验收", year=2024)
    + """\
  - {unit: a, scores: {c1: 4, c2: 5}}
  - {unit: b, scores: {c1: 3, c2: {points: 5, reason: 记录缺页, evidence: 会议记录本}}}
  - {unit: c, scores: {c1: 4, c2: 4}}
  - {unit: d, scores: {c1: 2, c2: "?"}}
"""
)
SECOND = (
    ROUND.format(id="r2025", title="2025年度验收", year=2025)
    + """\
  - {unit: a, scores: {c1: 4, c2: 4}}
  - {unit: b, scores: {c1: 4, c2: 6}}
  - {unit: c, scores: {c1: 4, c2: 4}}
  - {unit: d, scores: {c1: 2, c2: 4}}
"""
)
RESULT_ROUND = "content/results/rounds/r2025.yml"


def setup_results(handbook: Handbook, second: str = SECOND, units: str = UNITS) -> None:
    """The MINIMAL standard with its rubric, four units and two rounds of one series."""
    handbook.write("standards/demo/2020.yml", MINIMAL + RUBRIC)
    handbook.write("content/results/units.yml", units)
    handbook.write("content/results/rounds/r2024.yml", FIRST)
    handbook.write(RESULT_ROUND, second)


def handbook_cmd(
    root: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the `handbook` command on the handbook at `root`, as an editor would
    (in the handbook's language unless `env` sets HANDBOOK_LANG)."""
    environ = {k: v for k, v in os.environ.items() if k != "HANDBOOK_LANG"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args, "--root", str(root)],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        env={**environ, **(env or {})},
    )
