"""`handbook sheet import BOOK --draft <id>/<edition>`: a filled-in 意见汇总处理表 (the
columns of its download) back into the draft's `handling:` list."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.standards.downloads import HANDLING_COLUMNS
from tests.samples import MINIMAL, Handbook, handbook_cmd

P = "standards/demo/2020.yml"
D = "standards/demo/drafts/2024.yml"
DRAFT = (
    MINIMAL.replace('edition: "2020"', 'edition: "2024"')
    .replace("XX/DJ 009-2020", "XX/DJ 009-2024")
    .replace("issued: 2020-01-10\neffective: 2020-02-01\n", "stage: 征求意见稿\n")
    + "consultation: {start: 2026-11-16, days: 60}  # 六十天\n"
    "comments_to: {department: 组织部}\n"
    "explanation: 修订。\n"
)
HEADER = ",".join(HANDLING_COLUMNS)


def _setup(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    handbook.write(D, DRAFT)


def test_a_filled_in_table_becomes_the_draft_s_handling_list(
    handbook: Handbook, tmp_path: Path
) -> None:
    _setup(handbook)
    csv = tmp_path / "处理表.csv"
    csv.write_text(
        f"{HEADER}\n1,甲单位,1.1,建议写明时限,采纳,\n2,乙单位,总体,建议简化,未采纳,已足够简明\n\n",
        encoding="utf-8-sig",
    )
    done = handbook_cmd(handbook.root, "sheet", "import", str(csv), "--draft", "demo/2024")
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(f"已更新 {D}：修改 0 项、新增 2 项。\n")
    text = (handbook.root / D).read_text(encoding="utf-8")
    assert text.startswith(DRAFT.rstrip("\n"))  # the rest, comments included, as it was
    assert text.endswith(
        "handling:\n"
        "  - {source: 甲单位, clause: tiaokuan-yi, comment: 建议写明时限, decision: 采纳}\n"
        "  - {source: 乙单位, comment: 建议简化, decision: 未采纳, reason: 已足够简明}\n"
    )
    assert len(yaml.safe_load(text)["handling"]) == 2
    # Again, one decision changed: the list is rewritten in place.
    csv.write_text(
        f"{HEADER}\n1,甲单位,1.1,建议写明时限,部分采纳,时限由各单位定\n2,乙单位,总体,建议简化,未采纳,已足够简明\n",
        encoding="utf-8-sig",
    )
    done = handbook_cmd(handbook.root, "sheet", "import", str(csv), "--draft", "demo/2024")
    assert done.stdout.endswith(f"已更新 {D}：修改 1 项、新增 0 项。\n")
    handling = yaml.safe_load((handbook.root / D).read_text(encoding="utf-8"))["handling"]
    assert handling[0]["decision"] == "部分采纳"


def test_bad_cells_are_located_and_nothing_is_written(handbook: Handbook, tmp_path: Path) -> None:
    _setup(handbook)
    csv = tmp_path / "处理表.csv"
    csv.write_text(f"{HEADER}\n1,,9.9,建议,同意,\n2,乙单位,1.2,,部分采纳,\n", encoding="utf-8")
    done = handbook_cmd(handbook.root, "sheet", "import", str(csv), "--draft", "demo/2024")
    assert done.returncode == 1
    assert done.stderr == (
        f"{csv}:B2: “提出单位或个人”为空；每条意见都要填写 [HB254]\n"
        f"{csv}:C2: 征求意见稿中没有条款“9.9”；请写条款号（如 4.3），总体意见写“总体” [HB253]\n"
        f"{csv}:E2: 处理意见应为“采纳”“部分采纳”或“未采纳”，实际为“同意” [HB252]\n"
        f"{csv}:D3: “意见内容”为空；每条意见都要填写 [HB254]\n"
        f"{csv}:F3: 部分采纳或未采纳的意见须写明 reason（处理理由） [HB241]\n"
        "发现 5 个问题，未写入任何文件。\n"
    )
    assert (handbook.root / D).read_text(encoding="utf-8") == DRAFT
    done = handbook_cmd(handbook.root, "sheet", "import", str(csv), "--draft", "demo/2042")
    assert done.stderr.startswith(
        f"{csv}: 没有征求意见稿 'demo/2042'，是否应为 'demo/2024'？ [HB255]\n"
    )


def test_a_table_without_its_columns_is_refused(handbook: Handbook, tmp_path: Path) -> None:
    _setup(handbook)
    csv = tmp_path / "处理表.csv"
    csv.write_text("序号,提出单位或个人,条款,意见内容,理由\n1,甲单位,1.1,建议,\n", encoding="utf-8")
    done = handbook_cmd(handbook.root, "sheet", "import", str(csv), "--draft", "demo/2024")
    assert done.stderr == (
        f"{csv}:A1: 缺少“处理意见”一列；请使用下载的意见汇总处理表的表头 [HB256]\n"
        "发现 1 个问题，未写入任何文件。\n"
    )
