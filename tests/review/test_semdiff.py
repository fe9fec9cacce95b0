"""`handbook diff`: what a change means, for a pull-request description."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from generator.pipeline import run
from generator.render.labels import labels_for
from generator.review.semdiff import describe
from tests.samples import AS_OF, MINIMAL, RUBRIC, Handbook

L = labels_for("zh")
P = "standards/demo/2020.yml"


def diff_of(handbook: Handbook, before: str, after: str) -> str:
    handbook.write(P, before)
    base = run(handbook.root, AS_OF, render=False)
    handbook.write(P, after)
    return describe(base, run(handbook.root, AS_OF, render=False), L)


def test_reworded_clause_with_changed_words_marked(handbook: Handbook) -> None:
    out = diff_of(
        handbook, MINIMAL, MINIMAL.replace("党支部应当按期换届。", "党支部应当每三年按期换届。")
    )
    assert (
        "- 修改版本：XX/DJ 009-2020 示例标准\n  - 1.1 第一条（修改）：党支部应当<ins>每三年</ins>按期换届。"
        in out
    )


def test_renumbered_and_withdrawn_clauses(handbook: Handbook) -> None:
    after = MINIMAL.replace('number: "1.2"', 'number: "1.3"').replace(
        "        text: 党支部应当按期换届。", "        withdrawn: {moved_to: tiaokuan-er}"
    )
    out = diff_of(handbook, MINIMAL, after)
    assert "  - 1.1 第一条（删除）：~~党支部应当按期换届。~~" in out
    assert "  - 1.2 → 1.3 第二条（重新编号）" in out


def test_rubric_points_changed(handbook: Handbook) -> None:
    before = MINIMAL + RUBRIC
    after = before.replace("points: 4,", "points: 3,").replace("points: 6,", "points: 7,")
    out = diff_of(handbook, before, after)
    assert "  - 评分细则分值变化：换届 4 → 3" in out and "  - 评分细则分值变化：安全 6 → 7" in out


def test_new_edition_and_status_change(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    base = run(handbook.root, AS_OF, render=False)
    handbook.write(
        "standards/demo/2023.yml",
        MINIMAL.replace('edition: "2020"', 'edition: "2023"')
        .replace("XX/DJ 009-2020", "XX/DJ 009-2023")
        .replace("issued: 2020-01-10", "issued: 2023-01-10")
        .replace("effective: 2020-02-01", "effective: 2023-02-01")
        .replace("信息安全按标准规定执行。", "信息安全按标准执行。"),
    )
    out = describe(base, run(handbook.root, AS_OF, render=False), L)
    assert "- 新增版本：XX/DJ 009-2023 示例标准（2023版，现行）" in out
    assert "  - 1.2 第二条（修改）：信息安全按标准~~规定~~执行。" in out
    assert "- 状态变化：XX/DJ 009-2020 现行 → 被代替" in out


def test_no_change(handbook: Handbook) -> None:
    assert diff_of(handbook, MINIMAL, MINIMAL) == "## 本次修改的内容\n\n数据没有变化。\n"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_diff_against_a_git_ref(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    git(handbook.root, "init", "-q")
    git(handbook.root, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git(
        handbook.root,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-qm",
        "base",
    )
    handbook.write(P, MINIMAL.replace("title: 第二条", "title: 第二条（修订）"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "diff",
            "HEAD",
            "--as-of",
            "2026-11-22",
            "--root",
            str(handbook.root),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "  - 1.2 第二条（修订）（修改）" in done.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "origin/main", "--root", str(handbook.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 1
    assert missing.stderr == (
        "错误：本地仓库中没有 git 引用 'origin/main'；在浅克隆的持续集成环境中请先获取它，"
        "例如 git fetch --depth=1 origin origin/main\n"
    )


def test_new_amendment_sheet_and_erratum(handbook: Handbook) -> None:
    after = MINIMAL + (
        "amendments:\n"
        "  - number: 1\n"
        "    issued: 2021-03-01\n"
        "    effective: 2021-04-01\n"
        "    items: [{clause: tiaokuan-yi, text: 党支部应当每三年按期换届。}]\n"
        "errata: [{date: 2020-03-01, clause: tiaokuan-er, text: 1.2 中“规定”误印为“规则”。}]\n"
    )
    out = diff_of(handbook, MINIMAL, after)
    assert (
        "- 新增修改单：XX/DJ 009-2020 第1号修改单（自2021年4月1日起实施）\n"
        "  - 1.1 第一条（修改）：党支部应当<ins>每三年</ins>按期换届。\n"
        "- 新增勘误：XX/DJ 009-2020 2020年3月1日：1.2 中“规定”误印为“规则”。"
    ) in out
    assert "修改元数据" not in out


def test_new_draft_for_comment_and_its_comments(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    base = run(handbook.root, AS_OF, render=False)
    draft = (
        MINIMAL.replace('edition: "2020"', 'edition: "2027"')
        .replace("XX/DJ 009-2020", "XX/DJ 009-2027")
        .replace("issued: 2020-01-10\neffective: 2020-02-01\n", "stage: 征求意见稿\n")
        + "consultation: {start: 2026-11-16, days: 60}\n"
        "comments_to: {department: 组织部}\n"
        "explanation: 修订。\n"
    )
    handbook.write("standards/demo/drafts/2027.yml", draft)
    middle = run(handbook.root, AS_OF, render=False)
    out = describe(base, middle, L)
    assert (
        "- 新增征求意见稿：XX/DJ 009-2027 示例标准（征求意见稿）"
        "（征求意见期 2026年11月16日—2027年1月14日，征求意见中）"
    ) in out
    handbook.write(
        "standards/demo/drafts/2027.yml",
        draft + "handling: [{source: 某单位, comment: 建议修改, decision: 采纳}]\n",
    )
    out = describe(middle, run(handbook.root, AS_OF, render=False), L)
    assert (
        "- 修改征求意见稿：XX/DJ 009-2027 示例标准（征求意见稿）\n  - 意见汇总处理表：1 条意见"
        in out
    )


def test_composites_added_and_changed_are_said_with_the_results(handbook: Handbook) -> None:
    from tests.composites.test_composites import COMPOSITE, C
    from tests.samples import setup_results

    setup_results(handbook)
    base = run(handbook.root, AS_OF, render=False)
    handbook.write(C, COMPOSITE.format(missing="zero"))
    head = run(handbook.root, AS_OF, render=False)
    out = describe(base, head, L)
    assert "### 考核结果\n\n- 新增综合考评：2025年度综合考评（" in out
    handbook.write(
        C,
        COMPOSITE.format(missing="zero")
        .replace("weight: 60", "weight: 50")
        .replace("weight: 40", "weight: 50"),
    )
    out = describe(head, run(handbook.root, AS_OF, render=False), L)
    assert re.search(r"- 修改综合考评：2025年度综合考评（\d+ 个单位总分变化）", out)
