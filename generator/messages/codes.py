"""The registry of keys: every rule code with the parameters its message is
given and a wrong and a right example (shared by the languages), every phrase
and every text of the command line with their parameters. The catalogues
(`zh.py`, `en.py`) word them; `tests/messages/test_catalogue.py` holds the
three in step with each other and with the call sites."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """A rule a problem can break: the parameters of its message, and examples."""

    params: tuple[str, ...]
    wrong: str
    right: str
    syntax: str = "yaml"  # the examples' language: yaml or markdown


def _r(params: str, wrong: str, right: str, syntax: str = "yaml") -> Rule:
    return Rule(tuple(params.split()), wrong.strip("\n") + "\n", right.strip("\n") + "\n", syntax)


_CLAUSE = """
sections:
  - id: zuzhi-shezhi
    number: "1"
    title: 组织设置
    clauses:
"""

RULES: dict[str, Rule] = {
    # 0: files and YAML syntax
    "HB001": _r("byte guess", "# 用 GBK（ANSI）编码保存的文件", "# 用 UTF-8 编码保存的同一文件"),
    "HB002": _r(
        "",
        "sections:\n\t- id: zuzhi-shezhi   # 行首是 Tab",
        "sections:\n  - id: zuzhi-shezhi   # 行首是两个空格",
    ),
    "HB010": _r("line column", "title: 第一条: 总则", 'title: "第一条: 总则"'),
    "HB011": _r(
        "line column",
        'title: "机关党支部标准\nissuer: 示例委员会',
        'title: "机关党支部标准"\nissuer: 示例委员会',
    ),
    "HB012": _r(
        "line column",
        "methods: [查阅台账, 现场查看\npoints: 5",
        "methods: [查阅台账, 现场查看]\npoints: 5",
    ),
    "HB013": _r(
        "line column",
        "withdrawn: {date: 2023-05-26, note: 并入述职评议\nid: jiancha-pingbi",
        "withdrawn: {date: 2023-05-26, note: 并入述职评议}\nid: jiancha-pingbi",
    ),
    "HB014": _r(
        "line column", "title: 示例标准\nissuer 示例委员会", "title: 示例标准\nissuer: 示例委员会"
    ),
    "HB015": _r(
        "line column",
        'sections:\n  - id: yiban\n    number: "1"\n   title: 一般要求',
        'sections:\n  - id: yiban\n    number: "1"\n    title: 一般要求',
    ),
    "HB016": _r("line column", "grades: *dengji", "grades: [{name: 优秀, min: 90}]"),
    "HB017": _r("char", "owners: @zuzhibu", 'owners: ["@zuzhibu"]'),
    "HB019": _r("detail", "title: [示例]]", 'title: "[示例]"'),
    "HB020": _r(
        "name line column", "title: 示例标准\ntitle: 示例标准（修订）", "title: 示例标准（修订）"
    ),
    "HB021": _r("value why", "effective: 2023-02-30", "effective: 2023-03-01"),
    "HB022": _r("value", "count: !!int 五", "count: 5"),
    "HB023": _r("", "# （文件里什么也没有）", "id: liuhua-24\ntitle: …"),
    "HB024": _r(
        "", "---\ntitle: 第一讲\n\n正文……", "---\ntitle: 第一讲\n---\n\n正文……", "markdown"
    ),
    "HB025": _r(
        "",
        "# standards/x/2023.yml 是指向 /etc/passwd 的符号链接",
        "# standards/x/2023.yml 是仓库里的普通文件",
    ),
    "HB026": _r("", "# 第一讲\n\n正文……", "---\ntitle: 第一讲\n---\n\n正文……", "markdown"),
    # 0: files the system or the reading bounds refuse
    "HB030": _r(
        "size limit",
        "# rounds/all.yml：12 MiB，历年所有轮次写在一个文件里",
        "# rounds/ducha-2025q1.yml、rounds/ducha-2025q2.yml：每轮考核一个文件",
    ),
    "HB031": _r("limit", "points: [[[[[[[[[[[[5]]]]]]]]]]]]   # 括号多写了", "points: 5"),
    "HB032": _r("limit", "# 一个文件里写了上百万个值", "# 按标准、按轮次拆分为几个文件"),
    "HB033": _r(
        "limit",
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "methods: [查阅台账, 现场查看]",
    ),
    "HB034": _r("", "grades: &dengji\n  - *dengji", "grades:\n  - {name: 优秀, min: 90}"),
    "HB035": _r(
        "codepoint",
        "title: 示例标准\\x07   # 复制时带入了看不见的控制字符",
        "title: 示例标准",
    ),
    "HB036": _r(
        "",
        "# standards/liuhua-24/2023.yml/ 是一个文件夹",
        "# standards/liuhua-24/2023.yml 是一个文件",
    ),
    "HB037": _r(
        "",
        "# 读取时另一个程序把 2023.yml 改名为 2023.bak",
        "# 文件保存完毕后再运行 handbook check",
    ),
    "HB038": _r(
        "",
        "# standards/x/2023.yml → standards/x/2024.yml → standards/x/2023.yml",
        "# standards/x/2023.yml 是普通文件",
    ),
    "HB039": _r(
        "",
        "# -rw------- root root standards/x/2023.yml",
        "# -rw-r--r-- 编辑 编辑 standards/x/2023.yml",
    ),
    "HB040": _r("reason", "# 文件所在的网络盘已断开", "# 网络盘重新连接后再运行"),
    # 1: a file's fields against its model
    "HB100": _r("found", "- id: liuhua-24\n- title: 示例标准", "id: liuhua-24\ntitle: 示例标准"),
    "HB101": _r(
        "name",
        'clauses:\n  - number: "1.1"\n    text: ……',
        'clauses:\n  - id: yingjian-jinjian\n    number: "1.1"\n    text: ……',
    ),
    "HB102": _r("name suggestion", "isuer: 示例委员会", "issuer: 示例委员会"),
    "HB103": _r("name allowed", "标题: 第一条", "title: 第一条"),
    "HB104": _r("raw", "number: 1.10", 'number: "1.10"'),
    "HB105": _r("found", "title: [示例]", "title: 示例标准"),
    "HB106": _r("", 'issuer: ""', "issuer: 示例委员会"),
    "HB107": _r("expected found", "id: Liuhua_24", "id: liuhua-24"),
    "HB108": _r("found", "effective: 2023年7月1日", "effective: 2023-07-01"),
    "HB109": _r("found", "points: 五", "points: 5"),
    "HB110": _r("low high found", "period:\n  working_days: 90", "period:\n  working_days: 5"),
    "HB117": _r("low found", "period:\n  working_days: 0", "period:\n  working_days: 5"),
    "HB118": _r("high found", "points: 2000", "points: 20"),
    "HB111": _r("expected found", "type: 通告", "type: 通知"),
    "HB112": _r("", "scores: []", "scores:\n  - unit: bangongshi\n    scores: {dangke: 5}"),
    "HB113": _r("found", "implements: liuhua-24", "implements: [liuhua-24]"),
    "HB114": _r("found", "sample_data: 是", "sample_data: true"),
    "HB115": _r("kind found", "# 一个不符合模型要求的值", "# 按 handbook explain 列出的格式书写"),
    "HB116": _r(
        "",
        _CLAUSE + '      - id: yingjian-jinjian\n        number: "1.1"',
        _CLAUSE
        + '      - id: yingjian-jinjian\n        number: "1.1"\n        text: 有正式党员 3 人以上的处室应单独成立党支部。',
    ),
    # 2: standards
    "HB201": _r(
        "id folder",
        "# standards/liuhua-24/2023.yml\nid: liuhua24",
        "# standards/liuhua-24/2023.yml\nid: liuhua-24",
    ),
    "HB202": _r(
        "edition name",
        '# standards/liuhua-24/2023.yml\nedition: "2024"',
        '# standards/liuhua-24/2023.yml\nedition: "2023"',
    ),
    "HB203": _r(
        "effective issued",
        "issued: 2023-05-26\neffective: 2023-05-01",
        "issued: 2023-05-26\neffective: 2023-07-01",
    ),
    "HB204": _r(
        "repealed effective",
        "effective: 2023-07-01\nrepealed: 2023-07-01",
        "effective: 2023-07-01\nrepealed: 2030-01-01",
    ),
    "HB205": _r(
        "id", "terms:\n  - id: scope\n    term: 范围", "terms:\n  - id: fanwei\n    term: 范围"
    ),
    "HB206": _r(
        "id line column",
        '- id: anqi-huanjie\n  number: "1.3"\n- id: anqi-huanjie\n  number: "1.4"',
        '- id: anqi-huanjie\n  number: "1.3"\n- id: dangyuan-dahui\n  number: "1.4"',
    ),
    "HB207": _r(
        "number line column",
        '- id: anqi-huanjie\n  number: "1.3"\n- id: dangyuan-dahui\n  number: "1.3"',
        '- id: anqi-huanjie\n  number: "1.3"\n- id: dangyuan-dahui\n  number: "1.4"',
    ),
    "HB208": _r(
        "",
        "- id: jiancha-pingbi\n  withdrawn: {date: 2023-05-26, moved_to: jiancha-pingbi}",
        "- id: jiancha-pingbi\n  withdrawn: {date: 2023-05-26, moved_to: shuzhi-pingyi}",
    ),
    "HB209": _r(
        "id hint",
        "criteria:\n  - {id: dangke, points: 5, clauses: [shanghao-dangk]}",
        "criteria:\n  - {id: dangke, points: 5, clauses: [shanghao-dangke]}",
    ),
    "HB210": _r(
        "id",
        "withdrawn: {date: 2023-05-26, moved_to: jiancha-pingbi}   # 它也已删除",
        "withdrawn: {date: 2023-05-26, moved_to: shuzhi-pingyi}   # 现行条款",
    ),
    "HB211": _r(
        "sum total",
        "total: 100\ncriteria:\n  - {id: dangke, points: 60}\n  - {id: zhuti-dangri, points: 39}",
        "total: 100\ncriteria:\n  - {id: dangke, points: 60}\n  - {id: zhuti-dangri, points: 40}",
    ),
    "HB212": _r("pass_mark total", "total: 100\npass_mark: 110", "total: 100\npass_mark: 80"),
    "HB213": _r(
        "id line column",
        "criteria:\n  - {id: dangke, points: 5}\n  - {id: dangke, points: 5}",
        "criteria:\n  - {id: dangke, points: 5}\n  - {id: zhuti-dangri, points: 5}",
    ),
    "HB214": _r("id", "clauses: [jiancha-pingbi]   # 已删除的条款", "clauses: [shuzhi-pingyi]"),
    "HB215": _r(
        "name min total",
        "total: 100\ngrades: [{name: 优秀, min: 120}]",
        "total: 100\ngrades: [{name: 优秀, min: 90}]",
    ),
    "HB216": _r(
        "name line column",
        "grades: [{name: 达标, min: 90}, {name: 达标, min: 80}]",
        "grades: [{name: 优秀, min: 90}, {name: 达标, min: 80}]",
    ),
    "HB217": _r(
        "ref path",
        '# standards/liuhua-24/2023.yml 与 standards/liuhua-24/2023.yaml\nedition: "2023"',
        "# 每个版次只有一个文件：standards/liuhua-24/2023.yml",
    ),
    "HB218": _r(
        "",
        "# standards/liuhua-24/2023.yml\nreplaces: [liuhua-24/2023]",
        "# standards/liuhua-24/2023.yml\nreplaces: [liuhua-24/2019]",
    ),
    "HB219": _r("ref hint", "replaces: [liuhua-24/2018]", "replaces: [liuhua-24/2019]"),
    "HB220": _r(
        "path ref mirror",
        "# standards/xin/2024.yml\nreplaces: [jiu/2019]\n# standards/jiu/2019.yml 中没有 replaced_by",
        "# standards/xin/2024.yml\nreplaces: [jiu/2019]\n# standards/jiu/2019.yml\nreplaced_by: [xin/2024]",
    ),
    "HB221": _r(
        "new new_date old old_date",
        "# xin/2024 effective: 2019-01-01\nreplaces: [jiu/2019]   # jiu/2019 effective: 2020-01-01",
        "# xin/2024 effective: 2024-07-01\nreplaces: [jiu/2019]   # jiu/2019 effective: 2020-01-01",
    ),
    "HB222": _r(
        "id edition",
        '# 2019 版已删除 jiancha-pingbi，2023 版又用了它\n- id: jiancha-pingbi\n  number: "3.3"',
        '- id: jiancha-kaohe\n  number: "3.3"',
    ),
    "HB223": _r(
        "status as_of computed",
        "repealed: 2024-01-01\nstatus: 现行",
        "repealed: 2024-01-01\n# 不写 status，由日期计算",
    ),
    "HB224": _r(
        "",
        "# CODEOWNERS 里的生成段落与标准中的 owners 不一致",
        "# 运行 handbook codeowners 后提交 CODEOWNERS",
    ),
    "HB225": _r("", "# standards/liuhua-24.yml", "# standards/liuhua-24/2023.yml"),
    # issue 25: standards lifecycle (drafts, amendment sheets, errata)
    "HB240": _r(
        "",
        "consultation: {start: 2026-11-20, end: 2027-01-19, days: 60}",
        "consultation: {start: 2026-11-20, days: 60}",
    ),
    "HB241": _r(
        "",
        "- {source: 某机关党委, comment: 建议增加……, decision: 未采纳}",
        "- {source: 某机关党委, comment: 建议增加……, decision: 未采纳, reason: 已在 4.3 规定}",
    ),
    "HB242": _r(
        "end start",
        "consultation: {start: 2026-11-20, end: 2026-10-20}",
        "consultation: {start: 2026-11-20, end: 2027-01-20}",
    ),
    "HB243": _r(
        "id hint",
        "items:\n  - {clause: zhuti-dangr, text: ……}",
        "items:\n  - {clause: zhuti-dangri, text: ……}",
    ),
    "HB244": _r(
        "date issued",
        "issued: 2023-05-26\namendments:\n  - {number: 1, issued: 2023-01-10, …}",
        "issued: 2023-05-26\namendments:\n  - {number: 1, issued: 2024-01-10, …}",
    ),
    "HB245": _r(
        "effective issued",
        "- {number: 1, issued: 2024-01-10, effective: 2023-12-01, …}",
        "- {number: 1, issued: 2024-01-10, effective: 2024-02-01, …}",
    ),
    "HB246": _r(
        "id line column",
        "items:\n  - {clause: zhuti-dangri, text: 甲}\n  - {clause: zhuti-dangri, text: 乙}",
        "items:\n  - {clause: zhuti-dangri, text: 甲乙合并后的条文}",
    ),
    "HB247": _r(
        "id",
        '- {clause: zhuti-dangri, action: 增加, number: "4.9", after: shanghao-dangke, text: ……}',
        '- {clause: zhuti-dangri-jilu, action: 增加, number: "4.9", after: shanghao-dangke, text: ……}',
    ),
    "HB248": _r(
        "",
        "- {clause: zhuti-dangri-jilu, action: 增加, text: ……}",
        '- {clause: zhuti-dangri-jilu, action: 增加, number: "4.9", after: zhuti-dangri, text: ……}',
    ),
    "HB249": _r(
        "number expected",
        "amendments:\n  - {number: 2, …}",
        "amendments:\n  - {number: 1, …}",
    ),
    "HB250": _r(
        "date issued",
        "issued: 2023-05-26\nerrata:\n  - {date: 2023-01-10, text: ……}",
        "issued: 2023-05-26\nerrata:\n  - {date: 2023-08-10, text: ……}",
    ),
    "HB252": _r("found", "# 处理意见：同意", "# 处理意见：采纳"),
    "HB253": _r("number", "# 条款：4.9（征求意见稿中没有）", "# 条款：4.3（或写“总体”）"),
    "HB254": _r("name", "# 意见内容 留空", "# 意见内容：建议明确……"),
    "HB255": _r(
        "ref hint",
        "handbook sheet import 处理表.xlsx --draft liuhua-24/2032",
        "handbook sheet import 处理表.xlsx --draft liuhua-24/2023",
    ),
    "HB256": _r(
        "name",
        "# 表头缺少“处理意见”一列",
        "# 表头：序号 提出单位或个人 条款 意见内容 处理意见 理由",
    ),
    "HB251": _r(
        "end issued path",
        "# drafts/2023.yml: consultation 截止 2023-06-30，但 2023.yml 发布于 2023-05-26",
        "# drafts/2023.yml: consultation 截止 2023-03-31，2023.yml 发布于 2023-05-26",
    ),
    # issue 21: GB/T 1.1 numbering
    "HB226": _r(
        "number expected",
        'gbt_1_1: true\nsections:\n  - id: kaoping-goucheng\n    number: "1"',
        'gbt_1_1: true\nsections:\n  - id: kaoping-goucheng\n    number: "4"',
    ),
    # 3: hand-written pages and citations
    "HB301": _r("id hint", "implements: [liuhua-42]", "implements: [liuhua-24]"),
    "HB302": _r(
        "id edition editions",
        "见 [[liuhua-24@2020#zhuti-dangri]]。",
        "见 [[liuhua-24@2019#zhuti-dangri]]。",
        "markdown",
    ),
    "HB303": _r("", "![[liuhua-24]]", "![[liuhua-24#zhuti-dangri]]", "markdown"),
    "HB304": _r(
        "code anchor hint",
        "见 [[liuhua-24#zhuti-dangr]]。",
        "见 [[liuhua-24#zhuti-dangri]]。",
        "markdown",
    ),
    "HB305": _r(
        "anchor label code moved",
        "见 [[liuhua-24#jiancha-pingbi]]。",
        "见 [[liuhua-24#shuzhi-pingyi]]。",
        "markdown",
    ),
    "HB306": _r("", "[点这里](javascript:alert(1))", "[点这里](https://example.org/)", "markdown"),
    "HB307": _r(
        "",
        '[链接](https://example.org/){ onclick="…" }',
        "[链接](https://example.org/)",
        "markdown",
    ),
    "HB308": _r("text", "见 [[六化标准]]。", "见 [[liuhua-24|六化标准]]。", "markdown"),
    # 4: notices
    "HB401": _r(
        "found", "# content/notices/2026年公示.md", "# content/notices/2026-sigiang-gongshi.md"
    ),
    "HB402": _r(
        "start published",
        "published: 2026-11-18\nperiod: {start: 2026-11-10, working_days: 5}",
        "published: 2026-11-18\nperiod: {start: 2026-11-18, working_days: 5}",
    ),
    "HB403": _r(
        "year calendar",
        "# content/notices/calendar.yml 没有 2027 年\nperiod: {start: 2027-01-04, working_days: 5}",
        "# 在 calendar.yml 中补上 2027 年的 holidays 与 workdays",
    ),
    "HB404": _r(
        "end days start computed",
        "period: {start: 2026-11-18, working_days: 5, end: 2026-11-23}",
        "period: {start: 2026-11-18, working_days: 5}",
    ),
    "HB405": _r(
        "end start",
        "period: {start: 2026-11-18, end: 2026-11-10}",
        "period: {start: 2026-11-18, end: 2026-11-24}",
    ),
    "HB406": _r(
        "date end",
        "period: {start: 2026-11-18, end: 2026-11-24}\noutcome: {date: 2026-11-20, text: 无异议}",
        "period: {start: 2026-11-18, end: 2026-11-24}\noutcome: {date: 2026-12-01, text: 无异议}",
    ),
    "HB407": _r(
        "id path line column",
        "# 两个公告都写了\nid: XZ-GS-2026-0031",
        "# 每个公告一个索引号\nid: XZ-GS-2026-0032",
    ),
    "HB408": _r("name hint", "extends: 2026-sigiang", "extends: 2026-sigiang-gongshi"),
    "HB409": _r(
        "",
        "# content/notices/yanchang.md\nextends: yanchang",
        "# content/notices/yanchang.md\nextends: 2026-sigiang-gongshi",
    ),
    "HB410": _r(
        "end other_end",
        "# 被延长的公示期到 2026-11-24\nperiod: {start: 2026-11-20, end: 2026-11-22}",
        "period: {start: 2026-11-25, end: 2026-12-01}",
    ),
    "HB411": _r(
        "date published",
        "published: 2026-11-18\nremove_after: 2026-11-01",
        "published: 2026-11-18\nremove_after: 2027-11-18",
    ),
    "HB412": _r("name hint", "rounds: [ducha-2025]", "rounds: [ducha-2025q1]"),
    "HB413": _r("name hint", "tables: [zhenggai]", "tables: [zhenggai-taizhang]"),
    "HB414": _r("", "period: {start: 2026-11-18}", "period: {start: 2026-11-18, working_days: 5}"),
    "HB415": _r(
        "",
        "type: 公示\ntitle: 拟命名对象公示",
        "type: 公示\ntitle: 拟命名对象公示\nperiod: {start: 2026-11-18, working_days: 5}",
    ),
    "HB416": _r(
        "",
        "period: {start: 2026-11-18, working_days: 5}",
        "period: {start: 2026-11-18, working_days: 5}\nobjections: {department: 市直机关工委组织部, phone: 0000-1234567}",
    ),
    # 5: results
    "HB501": _r(
        "id first",
        "# rounds/a.yml 与 rounds/b.yml 都写了\nid: ducha-2025q1",
        "# rounds/b.yml\nid: ducha-2025q2",
    ),
    "HB502": _r(
        "id first",
        "# tables/a.yml 与 tables/b.yml 都写了\nid: zhenggai-taizhang",
        "# tables/b.yml\nid: renwu-qingdan",
    ),
    "HB503": _r(
        "id first",
        "units:\n  - {id: bangongshi, name: 办公室}\n  - {id: bangongshi, name: 综合处}",
        "units:\n  - {id: bangongshi, name: 办公室}\n  - {id: zonghechu, name: 综合处}",
    ),
    "HB504": _r(
        "id first",
        "scores:\n  - {unit: bangongshi, scores: {dangke: 5}}\n  - {unit: bangongshi, scores: {dangke: 4}}",
        "scores:\n  - {unit: bangongshi, scores: {dangke: 5}}\n  - {unit: zonghechu, scores: {dangke: 4}}",
    ),
    "HB505": _r(
        "id hint",
        "- {id: zonghechu, name: 综合处, parent: bangongsh}",
        "- {id: zonghechu, name: 综合处, parent: bangongshi}",
    ),
    "HB506": _r(
        "id registry hint", "scores:\n  - unit: bangongsh", "scores:\n  - unit: bangongshi"
    ),
    "HB507": _r(
        "name", "dangke: {points: 4, remark: 缺一次}", "dangke: {points: 4, reason: 缺一次}"
    ),
    "HB508": _r("found", "dangke: 满分", "dangke: 5"),
    "HB509": _r("max found", "dangke: 999   # 该项满分 5", "dangke: 5"),
    "HB510": _r("ref hint", "rubric: liuhua-24@2022", "rubric: liuhua-24@2023"),
    "HB511": _r(
        "code ref", "rubric: dangyuan-jifen@2019   # 这一版没有 rubric", "rubric: liuhua-24@2023"
    ),
    "HB512": _r(
        "assessed start end",
        "period: {kind: 季, start: 2025-01-01, end: 2025-03-31}\nassessed: 2025-04-10",
        "period: {kind: 季, start: 2025-01-01, end: 2025-03-31}\nassessed: 2025-03-28",
    ),
    "HB513": _r(
        "published assessed",
        "assessed: 2025-03-28\npublished: 2025-03-20",
        "assessed: 2025-03-28\npublished: 2025-04-08",
    ),
    "HB514": _r("ref id hint", "scores: {dangk: 5}", "scores: {dangke: 5}"),
    "HB515": _r(
        "missing",
        "scores: {dangke: 5}   # 细则还有 zhuti-dangri",
        'scores: {dangke: 5, zhuti-dangri: "?"}',
    ),
    "HB516": _r(
        "name", "deadline: zerenren   # 这是文字列", "deadline: qixian     # type: date 的列"
    ),
    "HB517": _r(
        "name hint",
        "rows:\n  - {wenti: 台账不全, qixain: 2025-06-30}",
        "rows:\n  - {wenti: 台账不全, qixian: 2025-06-30}",
    ),
    "HB518": _r(
        "name label",
        "rows:\n  - {wenti: 台账不全}",
        "rows:\n  - {wenti: 台账不全, qixian: 2025-06-30}",
    ),
    "HB523": _r(
        "start end",
        "period: {kind: 季, start: 2025-03-31, end: 2025-01-01}",
        "period: {kind: 季, start: 2025-01-01, end: 2025-03-31}",
    ),
    "HB524": _r(
        "id",
        "# composites/a.yml 与 composites/b.yml 都写了\nid: nianzhong-2025",
        "# composites/b.yml\nid: nianzhong-2026",
    ),
    "HB525": _r(
        "id ref hint",
        "method: liuhua-24@2023\nmethod_clause: zonghe-pingdng",
        "method: liuhua-24@2023\nmethod_clause: zonghe-pingding",
    ),
    "HB526": _r(
        "total",
        "components:\n  - {series: jidu-ducha, weight: 60}\n  - {round: nianzhong-2025, weight: 30}",
        "components:\n  - {series: jidu-ducha, weight: 60}\n  - {round: nianzhong-2025, weight: 40}",
    ),
    "HB527": _r("id hint", "previous: nianzhong-224", "previous: nianzhong-2024"),
    "HB528": _r(
        "id hint",
        "components:\n  - {round: ducha-2025q5, weight: 100}",
        "components:\n  - {round: ducha-2025q4, weight: 100}",
    ),
    "HB529": _r(
        "id start end begins ends",
        "period: {start: 2025-01-01, end: 2025-12-31}\ncomponents:\n  - {round: ducha-2026q1, weight: 100}",
        "period: {start: 2025-01-01, end: 2025-12-31}\ncomponents:\n  - {round: ducha-2025q4, weight: 100}",
    ),
    "HB530": _r(
        "id hint",
        "components:\n  - {series: jidu-duhca, weight: 100}",
        "components:\n  - {series: jidu-ducha, weight: 100}",
    ),
    "HB531": _r(
        "id start end",
        "period: {start: 2030-01-01, end: 2030-12-31}\ncomponents:\n  - {series: jidu-ducha, weight: 100}",
        "period: {start: 2025-01-01, end: 2025-12-31}\ncomponents:\n  - {series: jidu-ducha, weight: 100}",
    ),
    "HB532": _r("kind", "kind: 市值单位", "kind: 市直单位"),
    "HB533": _r(
        "n units",
        "# 单位 zonghechu 不在任何一轮中\ncomponents:\n  - {round: ducha-2025q4, weight: 100}",
        "kind: 市直单位   # 只合成这一类单位\ncomponents:\n  - {round: ducha-2025q4, weight: 100}",
    ),
    "HB534": _r(
        "id",
        "series:\n  - {id: jidu-ducha, name: 季度督查}\n  - {id: jidu-ducha, name: 季度检查}",
        "series:\n  - {id: jidu-ducha, name: 季度督查}\n  - {id: jidu-jiancha, name: 季度检查}",
    ),
    "HB535": _r(
        "id file hint",
        "# rounds/ducha-2025q1.yml\nseries: jidu-duhca",
        "# rounds/ducha-2025q1.yml\nseries: jidu-ducha   # series.yml 中有此系列",
    ),
    # 6: the handbook's settings
    "HB601": _r(
        "",
        "# 仓库根目录没有 mkdocs.yml",
        "site_name: 业务规范手册\ntheme:\n  name: material\n  language: zh",
    ),
    "HB602": _r(
        "found",
        "extra:\n  handbook:\n    template_overrides: ../templates",
        "extra:\n  handbook:\n    template_overrides: overrides",
    ),
    "HB603": _r(
        "tag",
        "site_name: !!python/object/apply:os.system [rm -rf ~]",
        "site_name: 业务规范手册",
    ),
    "HB604": _r("found", "docs_dir: docs", "docs_dir: content   # 或删除这一行"),
    "HB605": _r("found", "site_dir: ../site", "site_dir: site   # 或删除这一行"),
    "HB606": _r(
        "",
        "nav:\n  - 首页: index.md\n  - 手册: manuals/index.md",
        "# content/manuals/index.md 的前言\n---\ntitle: 业务手册\norder: 2\n---",
    ),
    "HB607": _r(
        "found",
        "theme:\n  name: material\n  custom_dir: overides",
        "theme:\n  name: material\n  custom_dir: overrides",
    ),
    "HB608": _r("found", "hooks:\n  - hook.py   # 文件不存在", "hooks:\n  - hooks/hook.py"),
    "HB609": _r(
        "",
        "extra:\n  handbook:\n    source_url: https://git.example.org/handbook/src/main/",
        "repo_url: https://git.example.org/handbook\nedit_uri: _edit/branch/main/content/\ntheme:\n  features:\n    - content.action.edit",
    ),
    # issue 24: palette contrast
    "HB615": _r(
        "name text background ratio better better_ratio",
        "theme:\n  palette:\n    primary: red",
        "theme:\n  palette:\n    primary: custom   # extra_css 中写 --md-primary-fg-color",
    ),
    "HB616": _r(
        "name text background ratio better better_ratio",
        "theme:\n  palette:\n    primary: amber",
        "theme:\n  palette:\n    primary: indigo",
    ),
    "HB617": _r(
        "name text background ratio better better_ratio",
        "theme:\n  palette:\n    accent: red",
        "theme:\n  palette:\n    accent: indigo",
    ),
    # issue 26: public site settings and the committee's templates (site_templates/)
    "HB630": _r(
        "found",
        "extra:\n  handbook:\n    public_site:\n      mark: dangzheng.png   # content/ 中没有这个文件",
        "extra:\n  handbook:\n    public_site:\n      mark: images/dangzheng.png",
    ),
    "HB631": _r(
        "detail",
        "{# site_templates/cite_quote.md.j2 #}\n{% if text %}引文：{{ text }}",
        "{# site_templates/cite_quote.md.j2 #}\n{% if text %}引文：{{ text }}{% endif %}",
        "markdown",
    ),
    "HB632": _r(
        "detail",
        "{# site_templates/theme/partials/copyright.html #}\n{% if config.copyright %}{{ config.copyright }}",
        "{# site_templates/theme/partials/copyright.html #}\n{% if config.copyright %}{{ config.copyright }}{% endif %}",
        "markdown",
    ),
    # 7: spreadsheets (a workbook or CSV file imported with handbook sheet import)
    "HB701": _r(
        "",
        "handbook sheet import 评分表.xlsx   # 文件名写错了",
        "handbook sheet import 督查评分表.xlsx",
    ),
    "HB702": _r("found", "handbook sheet import 评分表.docx", "handbook sheet import 评分表.xlsx"),
    "HB703": _r("suffix", "# 损坏的工作簿（打开时提示需要修复）", "# 修复后另存为 .xlsx 文件"),
    "HB704": _r("byte", "# 用其他编码保存的 CSV 文件", "# Excel 中另存为“CSV UTF-8（逗号分隔）”"),
    "HB705": _r(
        "name sheets",
        "# 工作簿中只有工作表 Sheet1",
        "# 工作表名为 评分（由 handbook sheet export 生成）",
    ),
    "HB706": _r(
        "name", "# 第 1 行：序号 | 名称 | 分数", "# 第 1 行：单位标识 | 单位名称 | 1.1 上好党课"
    ),
    "HB707": _r("name table hint", "# 表头：问题 | 时线", "# 表头：问题 | 时限"),
    "HB708": _r("name ref hint", "# 表头：单位标识 | 上好党可", "# 表头：单位标识 | 上好党课"),
    "HB709": _r(
        "name first",
        "# 表头：单位标识 | 上好党课 | 上好党课",
        "# 表头：单位标识 | 上好党课 | 主题党日",
    ),
    "HB710": _r(
        "name id",
        "# 表头：单位标识 | 上好党课   # 缺“主题党日”",
        "# 表头：单位标识 | 上好党课 | 主题党日",
    ),
    "HB711": _r(
        "name sheet",
        "# 理由与依据 表头：单位标识 | 评分项",
        "# 理由与依据 表头：单位标识 | 评分项 | 理由 | 依据",
    ),
    "HB712": _r("name", "# 必填的“问题”列留空", "# 问题：台账不全"),
    "HB713": _r("found", "# 单元格：下月底", "# 单元格：2026-11-30"),
    "HB714": _r("found", "# 单元格：三", "# 单元格：3"),
    "HB715": _r("name registry hint", "# 单位标识：bangongsh", "# 单位标识：bangongshi"),
    "HB716": _r("expected found", "# 状态：搞定", "# 状态：已完成"),
    "HB717": _r("item max found", "# 上好党课（5 分）：五", "# 上好党课（5 分）：5"),
    "HB718": _r("item max found", "# 上好党课（5 分）：8", "# 上好党课（5 分）：5"),
    "HB719": _r("name", "# 单位标识留空，分数已填", "# 单位标识：bangongshi"),
    "HB720": _r("id first", "# 第 3 行与第 5 行都是 bangongshi", "# 每个单位一行"),
    "HB721": _r("item", "# 上好党课 留空", "# 上好党课：5（未评估填 ?）"),
    "HB722": _r(
        "id sheet", "# 理由与依据：zonghechu 在 评分 中没有分数", "# 只为 评分 中有分数的单位写理由"
    ),
    "HB723": _r(
        "id item first",
        "# 第 3 行与第 6 行都是 bangongshi · 上好党课",
        "# 每个单位、每个评分项一行",
    ),
    "HB724": _r("item", "# 评分：?；理由：缺一次", "# 评分：4；理由：缺一次"),
    "HB725": _r("name", "# 说明：考核日期 留空", "# 说明：考核日期 2025-03-28"),
    "HB726": _r("name", "# 说明 工作表中没有“考核日期”一行", "# 说明：考核日期 2025-03-28"),
    "HB727": _r(
        "found wanted",
        "handbook sheet import 二季度.xlsx --round ducha-2025q1",
        "handbook sheet import 二季度.xlsx --round ducha-2025q2",
    ),
    "HB728": _r(
        "id rubric found", "# 说明：评分细则 liuhua-24@2019", "# 说明：评分细则 liuhua-24@2023"
    ),
    "HB729": _r("ref hint", "# 说明：评分细则 liuhua-24@2032", "# 说明：评分细则 liuhua-24@2023"),
    "HB730": _r("", "# 评分 工作表中所有分数都是空的", "# 至少一个单位填了分数"),
    # issue 22: files that are not what their name says, and their limits
    "HB045": _r(
        "", "# 设了打开密码的工作簿（文件→信息→用密码进行加密）", "# 取消密码后另存为 .xlsx"
    ),
    "HB046": _r(
        "suffix",
        "# 办公系统导出的“成绩.xls”，其实是网页（HTML 表格）",
        "# 在 WPS 或 Excel 中打开后另存为 .xlsx",
    ),
    "HB047": _r("suffix", "# 下载到一半中断的 成绩.xlsx", "# 重新下载的完整文件"),
    "HB048": _r(
        "kind suffix", "handbook sheet import 成绩.pdf.xlsx", "handbook sheet import 成绩.xlsx"
    ),
    "HB050": _r(
        "n limit", "# 一个工作表中有 3000 个单元格填错", "# 先改正列出的前 50 个，再运行一次"
    ),
    # issue 22: spreadsheets' bounds (checked before the reader opens the file)
    "HB731": _r(
        "size limit",
        "# 解压后有几个 GB 的工作簿（“压缩炸弹”）",
        "# 正常保存的工作簿，只含要导入的数据",
    ),
    "HB732": _r("member ratio limit", "# 压缩比几千倍的工作表（“压缩炸弹”）", "# 正常保存的工作簿"),
    "HB733": _r("n limit", "# 含有上万个部件的工作簿", "# 只含要导入的工作表的工作簿"),
    "HB734": _r("n limit", "# 30 万行的工作表", "# 每个工作簿不超过 10 万行"),
    "HB735": _r("n last limit", "# 数据一直写到 XFD 列", "# 删去右侧多余的列"),
    "HB736": _r(
        "n limit", "# 一个单元格写在 XFD1048576（第 1048576 行第 16384 列）", "# 删去表格外的单元格"
    ),
    "HB737": _r(
        "member", "# 记录的大小与实际内容不符的工作簿", "# 在 WPS 或 Excel 中重新保存的工作簿"
    ),
    "HB738": _r("size limit", "# 200 MiB 的工作簿", "# 把数据拆分为几个工作簿"),
    # issue 22: links and images leaving the handbook, MkDocs' warnings
    "HB309": _r(
        "url", "![照片](file:///D:/资料/照片.jpg)", "![照片](../images/zhaopian.jpg)", "markdown"
    ),
    "HB310": _r("url", "[办法](/home/zhang/办法.pdf)", "[办法](../files/banfa.pdf)", "markdown"),
    "HB311": _r("url", "![图](../../../secret.png)", "![图](images/tu.png)", "markdown"),
    "HB312": _r(
        "url hint", "[见第二讲](02-zhuti-dangri.md)", "[见第二讲](02-zhuti-dangri.md)", "markdown"
    ),
    "HB313": _r("url", "[见下一讲](../next)", "[见下一讲](02-zhuti-dangri.md)", "markdown"),
    "HB314": _r("url", "[见要求](#yaoqiu)", "[见要求](#jiben-yaoqiu)", "markdown"),
    "HB315": _r("detail", "# 网站引擎报告的其他警告", "# 按提示改正后再生成"),
    # issue 24: workbook places and date serials
    "HB760": _r("found date", "# 单元格（常规格式）：46387", "# 单元格（日期格式）：2026-12-31"),
    # issue 26: handbook audit (what an inspector of government websites checks)
    "HB800": _r(
        "last days limit",
        "# content/index.md 和各栏目最近一次更新在 30 天前",
        "# 两周内至少更新一次首页或其栏目（如发布一则通知）",
    ),
    "HB801": _r(
        "section last days limit",
        "# content/notices/ 中最新的公告发布于 20 天前",
        "# content/notices/ 中两周内有新公告",
    ),
    "HB802": _r(
        "section",
        "# content/guide/ 中只有 index.md",
        "# content/guide/ 中有 index.md 和至少一页内容",
    ),
    "HB803": _r(
        "target",
        "见[第二讲](../dier-jiang.md)。   # 没有这一页",
        "见[第二讲](../di-er-jiang.md)。",
        "markdown",
    ),
    "HB804": _r(
        "target anchor",
        "见[主题党日](../liuhua-24/#zhuti-dangr)。",
        "见[主题党日](../liuhua-24/#zhuti-dangri)。",
        "markdown",
    ),
    "HB805": _r(
        "kib seconds limit",
        "![合影](images/heying.png)   # 一张 4 MB 的照片",
        "![合影](images/heying.jpg)   # 压缩到 200 KB 以内",
        "markdown",
    ),
    "HB806": _r(
        "setting",
        "extra:\n  handbook:\n    public_site:\n      host: 中共某市直属机关工作委员会",
        'extra:\n  handbook:\n    public_site:\n      host: 中共某市直属机关工作委员会\n      site_id_code: "1100000001"\n      icp: 京ICP备12345678号\n      police_record: 京公网安备 11010502000001号',
    ),
    "HB807": _r(
        "src", "![](images/heying.jpg)", "![2026年主题党日合影](images/heying.jpg)", "markdown"
    ),
}

# Pieces of messages, with their parameters.
PHRASES: dict[str, tuple[str, ...]] = {
    "nothing": (),
    "list.separator": (),
    "list.colon": (),
    "did_you_mean": ("name",),
    "encoding.gbk": (),
    "date.no_month": ("month",),
    "date.no_day": ("year", "month", "days"),
    "found.yes_no": ("value",),
    "found.number": ("value",),
    "found.text": ("value",),
    "found.mapping": (),
    "found.list": (),
    "found.empty": (),
    "found.other": ("value",),
    "pattern.slug": (),
    "pattern.font_family": (),
    "pattern.edition_ref": (),
    "pattern.rubric_ref": (),
    "pattern.edition": (),
    "pattern.account": (),
    "pattern.email": (),
    "pattern.other": ("pattern",),
    "status.current": (),
    "status.upcoming": (),
    "status.superseded": (),
    "status.repealed": (),
    "hint.older_edition": ("editions", "citation"),
    "hint.moved_to": ("clause", "citation"),
    "place.line": ("line", "column"),
    "place.file": ("path", "line", "column"),
    "lock.holder": ("command", "pid"),
    "lock.unknown": (),
    "notice.waiting": ("holder",),
    "notice.memory_healed": (),
    "pdf.no_pango": ("detail",),
    "pdf.no_fontconfig": (),
    # issue 24: a stated end past the holiday calendar
    "notices.calendar_end": ("where", "end", "last", "year", "calendar"),
    # issue 24: PDFs required in CI
    "error.pdf_required": ("reason",),
    "pdf.no_font": ("serif", "sans"),
    "fault.a_file": (),
    "csv.utf8_bom": (),
    "csv.utf8": (),
    "csv.gb18030": (),
    "csv.unknown": (),
    # issue 22: what a file really is
    "csv.utf16": (),
    "kind.pdf": (),
    "kind.image": (),
    "kind.archive": (),
    "kind.word": (),
    "kind.slides": (),
    "kind.xml_2003": (),
    "kind.text": (),
    "kind.unknown": (),
}

# The command line's own words, with their parameters.
TEXTS: dict[str, tuple[str, ...]] = {
    "cli.summary": ("n", "outcome"),
    "cli.summary_one": ("outcome",),
    "cli.outcome.nothing_built": (),
    "cli.outcome.preview_kept": (),
    "cli.check_ok": ("standards", "editions"),
    "cli.built": ("pages", "target", "as_of"),
    "cli.built_reused": ("reused", "rendered"),
    "cli.built_end": (),
    "cli.next_change": ("day",),
    "cli.wrote": ("path",),
    "cli.no_handbook": ("start",),
    "cli.not_a_config": ("path",),
    "cli.new_done": ("directory", "files"),
    "cli.schema_stale": ("files",),
    "cli.schema_ok": (),
    "cli.error": ("message",),
    "cli.aborted": (),
    "cli.internal_error": ("kind", "detail"),
    "cli.bad_as_of": ("value",),
    "error.git_ref": ("ref",),
    "error.git": ("detail",),
    "error.engine": ("detail",),
    "error.indexer": ("detail",),
    "error.indexer_missing": (),
    "help.cli": (),
    "help.check": (),
    "help.build": (),
    "help.diff": (),
    "help.serve": (),
    "help.codeowners": (),
    "help.schema": (),
    "help.new": (),
    "help.explain": (),
    "opt.as_of": (),
    "opt.root": (),
    "opt.config_file": (),
    "opt.out": (),
    "opt.sample": (),
    "opt.force": (),
    "opt.no_wait": (),
    "opt.pdf": (),
    "opt.format": (),
    "opt.site_dir": (),
    "opt.clean": (),
    "opt.dev_addr": (),
    "opt.check_only": (),
    "opt.write": (),
    "opt.lang": (),
    "opt.help": (),
    "opt.version": (),
    "click.usage": (),
    "click.options_metavar": (),
    "click.commands_metavar": (),
    "click.options": (),
    "click.commands": (),
    "click.default": ("value",),
    "click.try_help": ("command",),
    "click.version": ("prog", "version"),
    "click.no_such_option": ("name", "hint"),
    "click.no_such_command": ("name", "hint"),
    "click.missing_command": (),
    "click.missing_argument": ("name",),
    "click.missing_option": ("name",),
    "click.requires_value": ("name",),
    "click.takes_no_value": ("name",),
    "click.bad_choice": ("value", "choices"),
    "click.bad_value": ("name", "message"),
    "click.extra_args": ("args",),
    "explain.protects": (),
    "explain.wrong": (),
    "explain.right": (),
    "explain.fix": (),
    "explain.message": (),
    "explain.unknown": ("code", "hint"),
    "explain.list_heading": (),
    "explain.list_hint": (),
    "explain.page_title": (),
    "explain.page_intro": (),
    "explain.page_generated": (),
    "serve.serving": ("url",),
    "serve.building": (),
    "serve.built": ("seconds",),
    "serve.changes": (),
    "serve.reloading": (),
    "serve.browser": ("url",),
    "serve.stopping": (),
    "serve.watching": ("paths",),
    "serve.dirty": (),
    # issue 24: the preview's problems in the browser
    "serve.problems_title": ("n",),
    "serve.problems_hint": (),
    "serve.fixed": (),
    "serve.level.INFO": (),
    "serve.level.WARNING": (),
    "serve.level.ERROR": (),
    "cli.outcome.nothing_written": (),
    "sheet.wrote": ("path", "what"),
    "sheet.table_rows": ("path", "n"),
    "sheet.round_units": ("path", "n"),
    "sheet.new_units": ("n", "criteria"),
    "sheet.reading": ("path", "encoding"),
    "sheet.created": ("path", "counts"),
    "sheet.updated": ("path", "counts"),
    "sheet.changed": ("n",),
    "sheet.added": ("n",),
    "sheet.removed": ("n",),
    "sheet.kept": ("units",),
    "sheet.skipped": ("units",),
    "error.sheet_not_data": ("source", "folder", "hint"),
    "error.sheet_round_exists": ("id",),
    "error.sheet_no_rubric": ("ref", "hint"),
    "error.sheet_no_kind": ("kind", "kinds"),
    "error.sheet_which": ("book",),
    "error.sheet_no_round": ("book", "id"),
    "error.sheet_no_table": ("book", "id", "folder", "hint"),
    "error.sheet_layout": ("path", "name"),
    "error.sheet_not_mapping": ("path",),
    "help.sheet": (),
    "help.sheet_export": (),
    "help.sheet_new": (),
    "help.sheet_import": (),
    "opt.output": (),
    "opt.rubric": (),
    "opt.round_id": (),
    "opt.kind": (),
    "opt.round": (),
    "opt.table": (),
    "opt.draft": (),
    "cli.pdfs_made": ("n",),
    "error.busy": ("holder",),
    "error.pdf_failed": ("kind", "detail"),
    "error.new_not_empty": ("target",),
    "error.new_collisions": ("target", "names"),
    "error.new_no_sample": ("where",),
    "error.new_not_folder": ("target",),
    "fault.disk_full": ("path",),
    "fault.quota": ("path",),
    "fault.read_only": ("path",),
    "fault.access": ("path",),
    "fault.not_permitted": ("path",),
    "fault.vanished": ("path",),
    "fault.loop": ("path",),
    "fault.is_folder": ("path",),
    "fault.not_folder": ("path",),
    "fault.other": ("path", "reason"),
    # issue 26: handbook audit
    "help.audit": (),
    "opt.audit_json": (),
    "opt.strict": (),
    "audit.title": ("as_of",),
    "audit.sections": (),
    "audit.section_line": ("section", "path", "pages", "last", "days"),
    "audit.never": (),
    "audit.no_site": ("site",),
    "audit.clean": (),
    "audit.found": ("n",),
}
