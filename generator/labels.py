"""Every text the site shows that does not come from the data, in one place.

Add a language by adding a mapping with the same keys; `theme.language` in
mkdocs.yml picks it.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "home": "首页",
        "standards": "标准",
        "standards_index": "标准目录",
        "sample_data_text": "示例数据：本站内容依据公开报道改写，单位、数字与文号均为虚构，仅用于演示。",
        "in_force_heading": "现行标准",
        "upcoming_heading": "即将实施的标准",
        "none_in_force": "目前没有现行标准。",
        "as_of": "状态计算日期",
        "code": "编号",
        "title": "标准名称",
        "status": "状态",
        "edition": "版本",
        "edition_suffix": "版",
        "issued": "发布日期",
        "effective": "实施日期",
        "repealed": "废止日期",
        "issuer": "发布机构",
        "document": "批准文号",
        "replaces": "代替",
        "replaced_by": "被代替为",
        "english_title": "英文名称",
        "filter_label": "按状态筛选",
        "filter_all": "全部",
        "count_suffix": "项",
        "no_match": "没有符合条件的标准。",
        "this_edition": "本版本",
        "edition_in_force": "现行版本",
        "previous_edition": "上一版本",
        "all_editions": "全部版本",
        "editions_nav": "版本导航",
        "foreword": "前言",
        "scope": "范围",
        "references": "规范性引用文件",
        "references_intro": "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。"
        "其中，注日期的引用文件，仅该日期对应的版本适用于本文件；"
        "不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。",
        "terms": "术语和定义",
        "rubric": "评分细则",
        "criterion_number": "序号",
        "criterion_item": "评分内容",
        "criterion_points": "分值",
        "criterion_clauses": "对应条款",
        "criterion_methods": "检查方式",
        "criterion_scoring": "评分标准",
        "rubric_total": "合计",
        "pass_mark": "达标分数线",
        "points_unit": "分",
        "grades": "等级划分",
        "grade_name": "等级",
        "grade_range": "总分范围",
        "grade_from": "分及以上",
        "editions": "版本历史",
        "withdrawn": "已删除",
        "withdrawn_on": "删除日期",
        "moved_to": "内容移至",
        "banner_upcoming_new": "本标准的新版本（{edition}版）将于{date}实施。",
        "banner_view_new": "查看新版本",
        "banner_repealed": "本标准已于{date}废止，仅供查阅。",
        "banner_superseded": "本版本已被代替，不再执行。",
        "banner_view_current": "查看现行版本",
        "banner_not_yet": "本版本尚未实施，将于{date}实施。",
        "banner_old_edition": "您正在查看历史版本（{edition}版）。",
        "view_edition": "查看",
        "this_is_current": "当前显示",
        "search": "搜索",
        "search_placeholder": "搜索标准和条款",
        "search_close": "关闭搜索",
        "search_loading": "正在加载搜索索引……",
        "search_none": "没有找到匹配的内容",
        "search_count": "找到 {n} 个页面",
        "search_failed": "搜索暂不可用：请通过网站服务器访问本站（直接打开文件时无法搜索）。",
        "about": "关于本手册",
        "glossary": "术语",
        "glossary_intro": "下列术语摘自各项标准的“术语和定义”章，按标准排列；点击来源可查看原文。",
        "term": "术语",
        "definition": "定义",
        "source": "来源",
        "cited_by": "被引用",
        "cite_outdated": "（{edition}版，{status}）",
        "quote_from": "引自",
        "page_issuer": "发布机构",
        "page_date": "发布日期",
        "page_implements": "对应标准",
    }
}

STATUS_CLASSES = {
    "现行": "current",
    "即将实施": "upcoming",
    "被代替": "superseded",
    "废止": "repealed",
}


def labels_for(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["zh"])
