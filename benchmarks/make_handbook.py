"""Synthetic but realistic handbooks for the benchmarks: Chinese text, standards
with editions and rubrics, units, rounds, ledgers, notices and manual pages.

    python benchmarks/make_handbook.py --size M /tmp/handbook-m
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Roughly 300, 2,000 and 10,000 pages.
SIZES = {
    "S": {
        "standards": 10,
        "units": 150,
        "rounds": 4,
        "per_round": 100,
        "notices": 80,
        "pages": 20,
        "tables": 4,
    },
    "M": {
        "standards": 40,
        "units": 1200,
        "rounds": 8,
        "per_round": 600,
        "notices": 520,
        "pages": 100,
        "tables": 10,
    },
    "L": {
        "standards": 100,
        "units": 6200,
        "rounds": 12,
        "per_round": 1500,
        "notices": 3000,
        "pages": 400,
        "tables": 30,
    },
}

WORDS = [
    "党支部",
    "组织生活",
    "三会一课",
    "主题党日",
    "谈心谈话",
    "民主评议",
    "党员教育",
    "台账",
    "标准化",
    "规范化",
    "信息安全",
    "标准规定",
    "责任落实",
    "年度计划",
    "述职评议",
    "阵地建设",
    "志愿服务",
    "整改",
    "督查",
    "考核",
    "发展党员",
    "党费收缴",
    "学习研讨",
    "现场教学",
    "会议记录",
    "支部委员会",
    "党小组",
    "换届选举",
    "廉政教育",
    "服务群众",
]


def sentence(rng: random.Random, n: int = 14) -> str:
    return "，".join("".join(rng.choice(WORDS) for _ in range(2)) for _ in range(n // 2)) + "。"


def standard(rng: random.Random, i: int, edition: int, year: int, prev: int | None) -> str:
    sid = f"biaozhun-{i:03d}"
    lines = [
        f"id: {sid}",
        f"code: SJ/DJ {i:03d}-{year}",
        f"title: {rng.choice(WORDS)}{rng.choice(WORDS)}工作规范（合成{i}）",
        f'edition: "{year}"',
        f"issued: {year}-03-01",
        f"effective: {year}-04-01",
        "issuer: 合成委员会",
        f"foreword: {sentence(rng)}",
        f"scope: {sentence(rng)}",
        "sections:",
    ]
    clause_ids = []
    for s in range(1, 7):
        lines += [
            f"  - id: s{s}",
            f'    number: "{s}"',
            f"    title: {rng.choice(WORDS)}",
            "    clauses:",
        ]
        for c in range(1, 6):
            cid = f"s{s}-c{c}"
            clause_ids.append(cid)
            text = sentence(rng, 20 + edition * 2)
            lines += [
                f"      - id: {cid}",
                f'        number: "{s}.{c}"',
                f"        title: {rng.choice(WORDS)}",
                f"        text: {text}",
            ]
    lines += [
        "rubric:",
        "  title: 评分细则",
        "  total: 100",
        "  pass_mark: 80",
        "  grades:",
        "    - {name: 优秀, min: 90}",
        "    - {name: 达标, min: 80}",
        "    - {name: 未达标, min: 0}",
        "  criteria:",
    ]
    points = [5] * 20
    for k, p in enumerate(points):
        lines.append(
            f"    - {{id: k{k + 1}, item: {rng.choice(WORDS)}, points: {p}, clauses: [{clause_ids[k]}], methods: [查阅台账]}}"
        )
    return "\n".join(lines) + "\n"


def make(size: str, target: Path, seed: int = 7) -> Path:
    spec, rng = SIZES[size], random.Random(seed)
    shutil.rmtree(target, ignore_errors=True)
    (target / "content" / "notices").mkdir(parents=True)
    (target / "content" / "results" / "rounds").mkdir(parents=True)
    (target / "content" / "results" / "tables").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy(
        REPO / "content" / "notices" / "calendar.yml",
        target / "content" / "notices" / "calendar.yml",
    )
    for i in range(1, spec["standards"] + 1):
        folder = target / "standards" / f"biaozhun-{i:03d}"
        folder.mkdir(parents=True)
        (folder / "2019.yml").write_text(standard(rng, i, 1, 2019, None), encoding="utf-8")
        (folder / "2023.yml").write_text(standard(rng, i, 2, 2023, 2019), encoding="utf-8")
    units = [f"danwei-{n:05d}" for n in range(spec["units"])]
    (target / "content" / "results" / "units.yml").write_text(
        "units:\n"
        + "".join(
            f"  - {{id: {u}, name: 合成单位{n}, kind: 党支部}}\n" for n, u in enumerate(units)
        ),
        encoding="utf-8",
    )
    for r in range(spec["rounds"]):
        year = 2023 + r // 4
        q = r % 4
        start = dt.date(year, 3 * q + 1, 1)
        end = (
            (dt.date(year + (q == 3), (3 * q + 4) % 12 or 12, 1) - dt.timedelta(days=1))
            if q < 3
            else dt.date(year, 12, 31)
        )
        chosen = rng.sample(units, min(spec["per_round"], len(units)))
        std = f"biaozhun-{(r % spec['standards']) + 1:03d}"
        rows = "".join(
            f"  - {{unit: {u}, scores: {{{', '.join(f'k{k}: {rng.randint(2, 5)}' for k in range(1, 21))}}}}}\n"
            for u in chosen
        )
        (target / "content" / "results" / "rounds" / f"r{r:02d}.yml").write_text(
            f"id: r{r:02d}\nseries: jidu\ntitle: {year}年第{q + 1}季度督查（合成）\nrubric: {std}@2023\n"
            f"period: {{kind: 季, start: {start}, end: {end}}}\nassessed: {end - dt.timedelta(days=5)}\n"
            f"published: {end}\nassessor: 督查组\nscores:\n{rows}",
            encoding="utf-8",
        )
    for t in range(spec["tables"]):
        rows = "".join(
            f"  - {{problem: {sentence(rng, 6)}, unit: {rng.choice(units)}, deadline: 2026-{rng.randint(1, 12):02d}-15}}\n"
            for _ in range(40)
        )
        (target / "content" / "results" / "tables" / f"t{t:02d}.yml").write_text(
            f"id: t{t:02d}\nkind: 整改台账\ntitle: 整改台账{t}\npublished: 2026-01-01\ndeadline: deadline\n"
            "columns:\n  - {key: problem, label: 问题}\n  - {key: unit, label: 单位, type: unit}\n"
            f"  - {{key: deadline, label: 时限, type: date}}\nrows:\n{rows}",
            encoding="utf-8",
        )
    for n in range(spec["notices"]):
        day = dt.date(2024, 1, 2) + dt.timedelta(days=n % 900)
        kind = "公示" if n % 3 == 0 else "通报"
        period = (
            f"period: {{start: {day}, working_days: 5}}\nobjections: {{department: 组织部}}\n"
            if kind == "公示"
            else ""
        )
        (target / "content" / "notices" / f"n{n:05d}.md").write_text(
            f"---\nid: HC-{n:05d}\ntype: {kind}\ntitle: 关于{rng.choice(WORDS)}情况的{kind}（{n}）\nissuer: 合成委员会\n"
            f"published: {day}\n{period}---\n\n{sentence(rng, 40)}\n\n依据 [[biaozhun-001#s1-c1]]。\n",
            encoding="utf-8",
        )
    manual = target / "content" / "manuals"
    manual.mkdir(parents=True)
    for n in range(spec["pages"]):
        (manual / f"p{n:04d}.md").write_text(
            f"---\ntitle: 第{n + 1}讲\norder: {n}\n---\n\n## {rng.choice(WORDS)}\n\n{sentence(rng, 60)}\n\n"
            f"见 [[biaozhun-{(n % spec['standards']) + 1:03d}#s2-c3]]。\n\n## {rng.choice(WORDS)}要求\n\n{sentence(rng, 60)}\n",
            encoding="utf-8",
        )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="S")
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    print(make(args.size, args.target))


if __name__ == "__main__":
    main()
