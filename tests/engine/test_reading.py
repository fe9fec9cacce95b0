"""The reading toolbar (长者模式 / 无障碍) in headless Chromium: its modes change
the computed text size, colours and line spacing, are remembered across pages,
are reached by keyboard, and keep the page at WCAG 2.1 AA (axe-core)."""

from __future__ import annotations

import pytest

from tests.engine.test_browser import AXE, base_url, browser  # noqa: F401  # fixtures

pytestmark = pytest.mark.browser

PAGE = "manuals/yewu-guifan/02-zhuti-dangri/"


def _styles(page):  # type: ignore[no-untyped-def]
    return page.evaluate(
        """() => {
          const p = getComputedStyle(document.querySelector('.md-content .md-typeset p'));
          const header = getComputedStyle(document.querySelector('.md-header'));
          return {
            html: parseFloat(getComputedStyle(document.documentElement).fontSize),
            text: p.color, background: getComputedStyle(document.body).backgroundColor,
            header: header.backgroundColor, line: parseFloat(p.lineHeight) / parseFloat(p.fontSize),
          };
        }"""
    )


def _axe(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['html'][:120]})"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_modes_change_the_page_and_are_remembered(browser, base_url: str, width: int) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base_url + PAGE)
    before = _styles(page)
    # off by default: Material's own sizes and the handbook's colours
    assert page.evaluate("document.documentElement.hasAttribute('data-hb-text')") is False
    assert before["header"] == "rgb(163, 21, 21)"
    toggle = page.locator("[data-hb-reading-toggle]")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    page.get_by_role("button", name="大", exact=True).click()
    larger = _styles(page)["html"]
    page.get_by_role("button", name="特大", exact=True).click()
    largest = _styles(page)["html"]
    assert before["html"] < larger < largest  # two steps
    assert largest >= before["html"] * 1.5
    page.get_by_role("button", name="高对比度").click()
    page.get_by_role("button", name="加大行距").click()
    after = _styles(page)
    assert (after["text"], after["background"], after["header"]) == (
        "rgb(0, 0, 0)",
        "rgb(255, 255, 255)",
        "rgb(0, 0, 0)",
    )
    assert after["line"] >= 2 > before["line"]
    assert page.get_by_role("button", name="高对比度").get_attribute("aria-pressed") == "true"
    assert _axe(page) == []
    # remembered on the next page, applied before it is drawn
    page.goto(base_url)
    assert _styles(page) == {**_styles(page), "html": largest, "header": "rgb(0, 0, 0)"}
    page.locator("[data-hb-reading-toggle]").click()
    assert (
        page.get_by_role("button", name="特大", exact=True).get_attribute("aria-pressed") == "true"
    )
    page.get_by_role("button", name="恢复默认").click()
    page.reload()
    assert _styles(page)["html"] == before["html"]
    assert page.evaluate("localStorage.getItem('hb-reading')") is None
    context.close()


def test_the_toolbar_by_keyboard(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url + PAGE)
    page.focus("[data-hb-reading-toggle]")
    page.keyboard.press("Enter")
    # focus moves into the panel, to the pressed size
    assert page.evaluate("document.activeElement.textContent") == "标准"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # 大
    assert page.evaluate("document.documentElement.getAttribute('data-hb-text')") == "1"
    page.keyboard.press("Escape")
    assert page.locator("#hb-reading-panel").is_hidden()
    assert page.evaluate("document.activeElement.hasAttribute('data-hb-reading-toggle')")
    assert _axe(page) == []
    context.close()
