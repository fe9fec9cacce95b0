"""The rules whose exact message no domain's tests pin yet, each in Chinese with
its code, and a sample in English; and a check that every rule is pinned
somewhere in the suite."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import Field

from generator.core.documents import Document
from generator.core.model import Model
from generator.core.typed import parse
from generator.errors import ValidationFailed
from generator.messages.codes import RULES
from generator.pipeline import run
from tests.notices.test_notices import FRONT, write_notice
from tests.results.test_results import SECOND, TABLE, setup
from tests.samples import AS_OF, MINIMAL, RUBRIC, Handbook

P = "standards/demo/2020.yml"
N = "content/notices/demo-gongshi.md"
T = "content/results/tables/ledger.yml"
WITHDRAWN = "        withdrawn: {note: 并入 1.1, moved_to: tiaokuan-yi}"


def standard(old: str, new: str, extra: str = "", *more: str) -> Callable[[Handbook], None]:
    """MINIMAL (and `extra`) with `old` replaced by `new`, and `more` pairs likewise."""

    def write(handbook: Handbook) -> None:
        text = MINIMAL + extra
        for a, b in [(old, new), *zip(more[::2], more[1::2], strict=True)]:
            assert a in text
            text = text.replace(a, b)
        handbook.write(P, text)

    return write


def notice(old: str, new: str) -> Callable[[Handbook], None]:
    def write(handbook: Handbook) -> None:
        assert old in FRONT
        write_notice(handbook, FRONT.replace(old, new))

    return write


def table(old: str, new: str) -> Callable[[Handbook], None]:
    def write(handbook: Handbook) -> None:
        assert old in TABLE
        setup(handbook)
        handbook.write(T, TABLE.replace(old, new))

    return write


def round_(old: str, new: str) -> Callable[[Handbook], None]:
    def write(handbook: Handbook) -> None:
        assert old in SECOND
        setup(handbook, SECOND.replace(old, new))

    return write


def files(**written: str) -> Callable[[Handbook], None]:
    def write(handbook: Handbook) -> None:
        handbook.write(P, MINIMAL)
        for rel, text in written.items():
            handbook.write(rel.replace("__", "/").replace("_dot_", "."), text)

    return write


def mkdocs(old: str, new: str) -> Callable[[Handbook], None]:
    def write(handbook: Handbook) -> None:
        handbook.write(P, MINIMAL)
        config = handbook.root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert old in text
        config.write_text(text.replace(old, new), encoding="utf-8")

    return write


def extension(handbook: Handbook) -> None:
    write_notice(handbook)
    short = FRONT.replace("DEMO-2026-1", "DEMO-2026-2").replace(
        "working_days: 5", "working_days: 3"
    )
    handbook.write(
        "content/notices/yanchang.md", f"---\n{short}extends: demo-gongshi\n---\n\n正文。\n"
    )


def two_tables(handbook: Handbook) -> None:
    setup(handbook)
    handbook.write(T, TABLE)
    handbook.write("content/results/tables/ledger2.yml", TABLE)


def no_mkdocs(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    (handbook.root / "mkdocs.yml").unlink()


CASES: dict[str, tuple[Callable[[Handbook], None], list[str]]] = {
    "HB011": (
        standard("text: 信息安全按标准规定执行。", 'text: "信息安全按标准规定执行。'),
        [
            "standards/demo/2020.yml:20:15: YAML 语法错误：这里开始的引号没有闭合（YAML 读到第 21 行第 1 列时无法继续）；请在这段文字末尾补上同样的引号 [HB011]",
        ],
    ),
    "HB011 closed by a later quote": (
        standard("issuer: 示例委员会", 'issuer: "示例委员会'),
        [
            "standards/demo/2020.yml:7:9: YAML 语法错误：这里开始的引号没有闭合（YAML 读到第 10 行第 14 列时无法继续）；请在这段文字末尾补上同样的引号 [HB011]",
        ],
    ),
    "HB013": (
        standard("issuer: 示例委员会", "issuer: {a: 1"),
        [
            "standards/demo/2020.yml:7:9: YAML 语法错误：这里的花括号 { 没有闭合（直到第 8 行第 9 列也没有找到 }）；请在末尾补上 }，各项之间用逗号分隔 [HB013]",
        ],
    ),
    "HB014": (
        standard("issuer: 示例委员会", "issuer 示例委员会"),
        [
            "standards/demo/2020.yml:7:1: YAML 语法错误：这一行的键后面缺少冒号；应写作“键: 值”（冒号后加一个空格） [HB014]",
        ],
    ),
    "HB015": (
        standard("    title: 一般要求", "   title: 一般要求"),
        [
            "standards/demo/2020.yml:11:4: YAML 语法错误：这里的缩进与上面的键或列表项（- ）对不齐；同一层级的内容必须用相同数量的空格缩进，也请检查上面是否有未闭合的引号 [HB015]",
        ],
    ),
    "HB016": (
        standard("issuer: 示例委员会", "issuer: *weiyuanhui"),
        [
            "standards/demo/2020.yml:7:9: YAML 语法错误：这里用了别名（*名称），但前面没有用 &名称 定义它；请直接写出内容 [HB016]",
        ],
    ),
    "HB017": (
        standard("issuer: 示例委员会", "issuer: @weiyuanhui"),
        [
            "standards/demo/2020.yml:7:9: YAML 语法错误：YAML 中的值不能以 @ 开头；请把整个值放在引号里 [HB017]",
        ],
    ),
    "HB019": (
        standard("issuer: 示例委员会", "issuer: 示例委员会\n%YAML 1.1"),
        [
            "standards/demo/2020.yml:9:1: YAML 语法错误（解析器的原话：did not find expected <document start>）；请检查这一行及上一行的引号、括号、冒号和缩进 [HB019]",
        ],
    ),
    "HB022": (
        standard("issuer: 示例委员会", "issuer: !!int 五"),
        [
            "standards/demo/2020.yml:7:9: issuer: 值 '五' 无法读取 [HB022]",
        ],
    ),
    "HB024": (
        files(content__guide__one_dot_md="---\ntitle: 指南\n\n正文\n"),
        [
            "content/guide/one.md:1:1: 以 '---' 开始的文件头没有用 '---' 结束 [HB024]",
        ],
    ),
    "HB020 in a page's front matter": (
        files(content__guide__one_dot_md="---\ntitle: 指南\ntitle: 又一个\n---\n\n正文\n"),
        [
            "content/guide/one.md:3:1: title: 键 'title' 在同一层中出现了两次（第一次在第 2 行第 1 列）；请只保留一个 [HB020]",
        ],
    ),
    "HB106": (
        standard("issuer: 示例委员会", 'issuer: ""'),
        [
            "standards/demo/2020.yml:7:9: issuer: 应为文字，实际为空值 [HB106]",
        ],
    ),
    "HB109": (
        standard("points: 4", "points: 四", RUBRIC),
        [
            'standards/demo/2020.yml:29:34: rubric.criteria[0].points: 应为数字，实际为"四" [HB109]',
        ],
    ),
    "HB110": (
        notice("working_days: 5", "working_days: 90"),
        [
            "content/notices/demo-gongshi.md:9:17: period.working_days: 应为 1 到 60 之间的数，实际为数字 90 [HB110]",
        ],
    ),
    "HB111": (
        notice("type: 公示", "type: 通告"),
        [
            'content/notices/demo-gongshi.md:3:7: type: 应为以下之一：公示、通报、通知、公告，实际为"通告" [HB111]',
        ],
    ),
    "HB112": (
        round_(
            "scores:\n  - {unit: a, scores: {c1: 4, c2: 4}}\n  - {unit: b, scores: {c1: 4, c2: 6}}\n  - {unit: c, scores: {c1: 4, c2: 4}}\n  - {unit: d, scores: {c1: 2, c2: 4}}\n",
            "scores: []\n",
        ),
        [
            "content/results/rounds/r2025.yml:9:9: scores: 应为至少有一项的列表，实际为空列表 [HB112]",
        ],
    ),
    "HB113": (
        files(content__guide__one_dot_md="---\ntitle: 指南\nimplements: demo\n---\n\n正文\n"),
        [
            "content/guide/one.md:3:13: implements: 应为列表（每项一行，以 '- ' 开头），实际为\"demo\" [HB113]",
        ],
    ),
    "HB114": (
        mkdocs("sample_data: true", "sample_data: 是"),
        [
            'mkdocs.yml:52:18: extra.handbook.sample_data: 应为 true 或 false，实际为"是" [HB114]',
        ],
    ),
    "HB208": (
        standard(
            "        text: 信息安全按标准规定执行。",
            WITHDRAWN.replace("tiaokuan-yi", "tiaokuan-er"),
        ),
        [
            "standards/demo/2020.yml:20:45: sections[0].clauses[1].withdrawn.moved_to: 已删除的条款不能指向自身 [HB208]",
        ],
    ),
    "HB210": (
        standard(
            "        text: 党支部应当按期换届。",
            WITHDRAWN.replace("tiaokuan-yi", "tiaokuan-er"),
            "",
            "        text: 信息安全按标准规定执行。",
            "        withdrawn: {note: 删除}",
        ),
        [
            "standards/demo/2020.yml:16:45: sections[0].clauses[0].withdrawn.moved_to: 条款 'tiaokuan-er' 也已删除；请指向现在承载该内容的条款 [HB210]",
        ],
    ),
    "HB213": (
        standard("{id: c2,", "{id: c1,", RUBRIC),
        [
            "standards/demo/2020.yml:30:12: rubric.criteria[1].id: 评分项标识 'c1' 重复（第一次在第 29 行第 12 列）；标识不得重复 [HB213]",
        ],
    ),
    "HB214": (
        standard("        text: 信息安全按标准规定执行。", WITHDRAWN, RUBRIC),
        [
            "standards/demo/2020.yml:30:47: rubric.criteria[1].clauses[0]: 条款 'tiaokuan-er' 已删除，不能作为评分依据 [HB214]",
        ],
    ),
    "HB216": (
        standard("{name: 达标, min: 6}", "{name: 优秀, min: 6}", RUBRIC),
        [
            "standards/demo/2020.yml:27:14: rubric.grades[1].name: 等级名称 '优秀' 重复（第一次在第 26 行第 14 列）；名称不得重复 [HB216]",
        ],
    ),
    "HB217": (
        files(standards__demo__2020_dot_yaml=MINIMAL),
        [
            "standards/demo/2020.yml:4:10: edition: 版次 'demo/2020' 已在 standards/demo/2020.yaml 中定义 [HB217]",
        ],
    ),
    "HB218": (
        standard("issuer: 示例委员会", "issuer: 示例委员会\nreplaces: [demo/2020]"),
        [
            "standards/demo/2020.yml:8:12: replaces[0]: 版次不能代替自身 [HB218]",
        ],
    ),
    "HB402": (
        notice("  start: 2026-11-18", "  start: 2026-11-10"),
        [
            "content/notices/demo-gongshi.md:8:10: period.start: 公示期开始于 2026-11-10，早于公告发布日期 2026-11-18 [HB402]",
        ],
    ),
    "HB405": (
        notice("  working_days: 5", "  end: 2026-11-10"),
        [
            "content/notices/demo-gongshi.md:9:8: period.end: 公示期结束于 2026-11-10，早于开始日期 2026-11-18 [HB405]",
        ],
    ),
    "HB406": (
        notice("objections:", "outcome: {date: 2026-11-20, text: 无异议}\nobjections:"),
        [
            "content/notices/demo-gongshi.md:10:17: outcome.date: 结果日期为 2026-11-20，但公示期到 2026-11-24 才结束 [HB406]",
        ],
    ),
    "HB409": (
        notice("objections:", "extends: demo-gongshi\nobjections:"),
        [
            "content/notices/demo-gongshi.md:10:10: extends: 公告不能延长自身 [HB409]",
        ],
    ),
    "HB410": (
        extension,
        [
            "content/notices/yanchang.md:13:10: extends: 本公示期结束于 2026-11-20，并不晚于被延长的公示期（2026-11-24） [HB410]",
        ],
    ),
    "HB412": (
        notice("objections:", "rounds: [r2025]\nobjections:"),
        [
            "content/notices/demo-gongshi.md:10:10: rounds[0]: 没有考核轮次 'r2025' [HB412]",
        ],
    ),
    "HB413": (
        notice("objections:", "tables: [ledger]\nobjections:"),
        [
            "content/notices/demo-gongshi.md:10:10: tables[0]: 没有公开的表格 'ledger' [HB413]",
        ],
    ),
    "HB414": (
        notice("  working_days: 5\n", ""),
        [
            "content/notices/demo-gongshi.md:8:3: period: 公示期需要 'end'（结束日期）或 'working_days'（工作日数） [HB414]",
        ],
    ),
    "HB416": (
        notice("objections:\n  department: 组织部\n  phone: 0000-1\n", ""),
        [
            "content/notices/demo-gongshi.md:2:1: 有公示期的公告需要 'objections'：异议的受理方式 [HB416]",
        ],
    ),
    "HB501": (
        round_("id: r2025", "id: r2024"),
        [
            "content/results/rounds/r2025.yml:1:5: id: 轮次标识 'r2024' 重复（第一次在 content/results/rounds/r2024.yml:1:5） [HB501]",
        ],
    ),
    "HB502": (
        two_tables,
        [
            "content/results/tables/ledger2.yml:1:5: id: 表格标识 'ledger' 重复（第一次在 content/results/tables/ledger.yml:1:5） [HB502]",
        ],
    ),
    "HB507": (
        round_(
            "{unit: d, scores: {c1: 2, c2: 4}}",
            "{unit: d, scores: {c1: 2, c2: {points: 4, remark: 缺一次}}}",
        ),
        [
            "content/results/rounds/r2025.yml:13:35: scores[3].scores.c2: 评分中没有字段 'remark'；可用的字段为 points、reason、evidence [HB507]",
        ],
    ),
    "HB516": (
        table("deadline: deadline", "deadline: problem"),
        [
            "content/results/tables/ledger.yml:5:11: deadline: 'problem' 不是本表的日期列 [HB516]",
        ],
    ),
    "HB517": (
        table("{problem: 台账缺页, unit: a,", "{problem: 台账缺页, unti: a,"),
        [
            "content/results/tables/ledger.yml:14:5: rows[0]: 缺少列 'unit'（单位） [HB518]",
            "content/results/tables/ledger.yml:14:21: rows[0].unti: 没有列 'unti'，是否应为 'unit'？ [HB517]",
        ],
    ),
    "HB518": (
        table("{problem: 台账缺页, unit: a, deadline: 2026-11-01,", "{problem: 台账缺页, unit: a,"),
        [
            "content/results/tables/ledger.yml:14:5: rows[0]: 缺少列 'deadline'（时限） [HB518]",
        ],
    ),
    "HB523": (
        round_("start: 2025-01-01, end: 2025-12-31", "start: 2025-12-31, end: 2025-01-01"),
        [
            "content/results/rounds/r2025.yml:1:1: 考核期结束于 2025-01-01，早于开始日期 2025-12-31 [HB523]",
        ],
    ),
    "HB601": (
        no_mkdocs,
        [
            "mkdocs.yml: 缺少网站配置文件 mkdocs.yml [HB601]",
        ],
    ),
    "HB602": (
        mkdocs("sample_data: true", "sample_data: true\n    template_overrides: ../elsewhere"),
        [
            "mkdocs.yml:53:25: extra.handbook.template_overrides: 应为仓库内的文件夹，实际为 '../elsewhere' [HB602]",
        ],
    ),
}


def problems(handbook: Handbook, language: str = "zh") -> list[str]:
    try:
        run(handbook.root, AS_OF, render=False)
    except ValidationFailed as failed:
        return [p.format(language) for p in failed.problems]
    return []


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule(handbook: Handbook, code: str) -> None:
    write, expected = CASES[code]
    write(handbook)
    assert problems(handbook) == expected


class _Bounded(Model):
    at_least: int = Field(0, ge=1)
    at_most: int = Field(0, le=9)
    numbers: set[int] = Field(default_factory=set)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"at_least": 0}, "x.yml:2:3: at_least: 应为不小于 1 的数，实际为数字 0 [HB117]"),
        ({"at_most": 10}, "x.yml:2:3: at_most: 应为不大于 9 的数，实际为数字 10 [HB118]"),
        # A pydantic error no rule maps yet still says what was found, with pydantic's type.
        ({"numbers": "一二"}, 'x.yml:2:3: numbers: 值不符合要求（set_type），实际为"一二" [HB115]'),
    ],
)
def test_bounds_and_errors_no_rule_maps_yet(data: dict[str, object], expected: str) -> None:
    key = next(iter(data))
    doc = Document("x.yml", data, {(key,): (2, 3)})
    model, found = parse(doc, _Bounded)
    assert model is None
    assert [p.format() for p in found] == [expected]


ENGLISH = {
    "HB011": "standards/demo/2020.yml:20:15: YAML syntax error: the quote opened here is not closed (YAML could not go on at line 21, column 1); add the same quote at the end of the text [HB011]",
    "HB110": "content/notices/demo-gongshi.md:9:17: period.working_days: expected a number from 1 to 60, found the number 90 [HB110]",
    "HB111": 'content/notices/demo-gongshi.md:3:7: type: expected one of 公示, 通报, 通知, 公告, found "通告" [HB111]',
    "HB213": "standards/demo/2020.yml:30:12: rubric.criteria[1].id: the criterion id 'c1' is used twice (first at line 29, column 12); the criterion ids must be unique [HB213]",
    "HB501": "content/results/rounds/r2025.yml:1:5: id: the round id 'r2024' is used twice (first at content/results/rounds/r2024.yml:1:5) [HB501]",
    "HB517": "content/results/tables/ledger.yml:14:21: rows[0].unti: unknown column 'unti'; did you mean 'unit'? [HB517]",
}


@pytest.mark.parametrize("code", sorted(ENGLISH))
def test_a_sample_in_english(handbook: Handbook, code: str) -> None:
    CASES[code][0](handbook)
    assert ENGLISH[code] in problems(handbook, "en")


def test_every_rule_has_its_exact_message_pinned_in_the_suite() -> None:
    tests = Path(__file__).resolve().parents[1]
    text = "".join(p.read_text(encoding="utf-8") for p in tests.rglob("*.py"))
    pinned = set(re.findall(r"[\u4e00-\u9fff][^\n]*\[(HB\d{3})\]", text))
    assert set(RULES) - pinned == set()
