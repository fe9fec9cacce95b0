"""A standard's life in headless Chromium: the home page's drafts open for comment,
the draft's period re-checked against the reader's clock, the amendment mark on a
clause leading to the text before the amendment, the citation's copy button."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.engine.test_browser import AXE, base_url, browser, page  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

BEIJING = dt.timezone(dt.timedelta(hours=8))


def test_the_home_page_lists_the_draft_open_for_comment(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(base_url)
    block = page.locator("#open-drafts + ul.hb-drafts li")
    assert block.all_inner_texts() == [
        "【征求意见稿】XX/DJ 006-2027 党组织书记抓基层党建工作述职评议细则（2027年1月14日截止）"
    ]
    block.locator("a").click()
    page.wait_for_url(re.compile(r"/handbook/standards/shuzhi-pingyi/2027/draft/$"))
    assert page.locator("h1").inner_text().startswith("XX/DJ 006-2027")


def test_the_draft_s_period_follows_the_reader_s_clock(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context()
    tab = context.new_page()
    tab.clock.install(time=dt.datetime(2027, 1, 10, 10, 0, tzinfo=BEIJING))
    tab.goto(base_url + "standards/shuzhi-pingyi/2027/draft/")
    status = tab.locator(".hb-draft-status .admonition-title")
    assert status.inner_text() == "正在征求意见，2027年1月14日截止，还有 5 天"
    assert tab.locator("#comments-to").is_visible()
    tab.clock.set_fixed_time(dt.datetime(2027, 1, 15, 9, 0, tzinfo=BEIJING))
    tab.reload()
    assert status.inner_text() == "征求意见已于2027年1月14日结束，意见正在处理"
    assert not tab.locator("#comments-to").is_visible()
    context.close()


def test_the_amendment_mark_leads_to_the_text_before_it(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(base_url + "standards/liuhua-24/")
    mark = page.locator("#zhuti-dangri + p.hb-amended")
    assert mark.inner_text() == "修改单 第1号修改单修改（自2024年4月1日起实施）· 修改前后对照"
    mark.locator("text=修改前后对照").click()
    page.wait_for_url(re.compile(r"/handbook/standards/liuhua-24/2023/amendment-1/#zhuti-dangri$"))
    redline = page.locator("#zhuti-dangri + p.hb-diff")
    # The insertion is said as such to screen readers ("插入："), not by colour alone.
    assert (
        redline.locator("ins").inner_text()
        == "插入：\n；因集中工作任务不能按时开展的，应在当月内补开"
    )


def test_the_citation_is_copied(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(base_url + "standards/liuhua-24/")
    button = tab.locator(".hb-citation .hb-copy")
    button.click()
    assert button.inner_text() == "已复制"
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied == "XX/DJ 001—2023 机关党支部标准化规范化建设“六化”标准[S]."
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "standards/shuzhi-pingyi/2027/draft/",
        "standards/liuhua-24/2023/draft/",
        "standards/liuhua-24/2023/amendment-1/",
    ],
)
@pytest.mark.parametrize("width", [1280, 375])
def test_lifecycle_pages_meet_wcag_aa(browser, base_url: str, path: str, width: int) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert AXE.is_file(), "axe-core is missing: npm install (see README)"
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(base_url + path)
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    context.close()
    problems = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['html'][:120]})"
        for v in result["violations"]
    ]
    assert problems == []
