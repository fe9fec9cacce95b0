"""The renderer: a page is made again exactly when something it shows changed,
its links work from where it is served, and the environment treats values as text."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest

from generator.core.memory import BuildCache
from generator.render.renderer import (
    NOINDEX,
    Page,
    Renderer,
    make_environment,
    relative_url,
)
from generator.settings import Settings

AS_OF = dt.date(2026, 11, 22)
SETTINGS = Settings(
    site_name="业务规范手册",
    site_url="",
    committee="示例委员会",
    description="",
    sample_data=False,
    template_overrides=None,
)
PAGE = "standards/demo/index.md"
SOURCE = "standards/demo/2020.yml"


class Maker:
    """A page's `make()` that counts its calls."""

    def __init__(self, text: str = "# 示例标准\n\n正文。\n") -> None:
        self.text = text
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return self.text


class Builds:
    """Consecutive builds of one page from one source file, sharing a build memory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs"
        self.source = root / SOURCE
        self.source.parent.mkdir(parents=True, exist_ok=True)
        self.source.write_text("title: 示例标准\n", encoding="utf-8")

    def memory(self) -> BuildCache:
        memory = BuildCache(self.root, self.docs)
        memory.file_digest(self.source, SOURCE)  # what loading the standard does
        return memory

    def page(
        self,
        settings: Settings = SETTINGS,
        as_of: dt.date = AS_OF,
        make: Callable[[], str] | None = None,
        dates: dict[str, dt.date] | None = None,
    ) -> Page:
        """One build: the page made or reused, written when made, and remembered."""
        memory = self.memory()
        renderer = Renderer(settings, as_of, memory, dates=dates)
        page = renderer.page(PAGE, "示例标准", make or Maker(), deps=[SOURCE], source=SOURCE)
        if page.content is not None:
            target = self.docs / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.content, encoding="utf-8")
        memory.record_pages([(page.path, page.key, page.search)])
        memory.save_pages()
        memory.close()
        return page


def test_without_build_memory_every_page_is_made() -> None:
    make = Maker()
    page = Renderer(SETTINGS, AS_OF).page(PAGE, "示例标准", make, deps=[SOURCE], source=SOURCE)
    assert page.content == make.text
    assert make.calls == 1
    assert (page.path, page.title, page.source, page.key) == (PAGE, "示例标准", SOURCE, "")


def test_an_unchanged_page_is_left_as_the_previous_build_wrote_it(tmp_path: Path) -> None:
    builds = Builds(tmp_path)
    first = builds.page()
    assert first.content is not None and first.key
    make = Maker()
    second = builds.page(make=make)
    assert second.content is None
    assert make.calls == 0
    assert (second.key, second.search) == (first.key, first.search)


def test_a_changed_dependency_makes_the_page_again(tmp_path: Path) -> None:
    builds = Builds(tmp_path)
    first = builds.page()
    builds.source.write_text("title: 示例标准（修订）\n", encoding="utf-8")
    second = builds.page(make=Maker("# 示例标准（修订）\n"))
    assert second.content == "# 示例标准（修订）\n"
    assert second.key != first.key


def test_another_as_of_day_makes_the_page_again(tmp_path: Path) -> None:
    # Statuses (in force, superseded) are computed for the as-of day.
    builds = Builds(tmp_path)
    builds.page()
    assert builds.page(as_of=AS_OF + dt.timedelta(days=1)).content is not None


def test_changed_settings_make_the_page_again(tmp_path: Path) -> None:
    builds = Builds(tmp_path)
    builds.page()
    renamed = dataclasses.replace(SETTINGS, site_name="另一个手册")
    assert builds.page(settings=renamed).content is not None
    assert builds.page(settings=renamed).content is None


def test_a_new_commit_of_the_source_makes_the_page_again(tmp_path: Path) -> None:
    # The footer says when the source last changed.
    builds = Builds(tmp_path)
    builds.page(dates={SOURCE: dt.date(2025, 3, 4)})
    assert builds.page(dates={SOURCE: dt.date(2025, 3, 4)}).content is None
    again = builds.page(dates={SOURCE: dt.date(2025, 6, 1)})
    assert again.content is not None and "2025年6月1日" in again.content


def test_a_page_file_touched_since_the_last_build_is_made_again(tmp_path: Path) -> None:
    builds = Builds(tmp_path)
    builds.page()
    (builds.docs / PAGE).write_text("edited by hand\n", encoding="utf-8")
    again = builds.page()
    assert again.content == Maker().text


def test_pages_without_dependencies_are_made_each_time_and_rewritten_only_when_changed(
    tmp_path: Path,
) -> None:
    builds = Builds(tmp_path)
    written = []
    for text in ("# 标准目录\n", "# 标准目录\n", "# 标准目录（新）\n"):
        memory = builds.memory()
        make = Maker(text)
        page = Renderer(SETTINGS, AS_OF, memory).page("standards/index.md", "标准目录", make)
        assert make.calls == 1  # an index lists everything: it is made every time
        if page.content is not None:
            (builds.docs / page.path).parent.mkdir(parents=True, exist_ok=True)
            (builds.docs / page.path).write_text(page.content, encoding="utf-8")
        memory.record_pages([(page.path, page.key, page.search)])
        memory.save_pages()
        memory.close()
        written.append(page.content is not None)
    assert written == [True, False, True]  # the same index is not written (nor counted) again


def test_a_changed_template_override_makes_the_page_again(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "standard.html.j2").write_text("one", encoding="utf-8")
    settings = dataclasses.replace(SETTINGS, template_overrides=overrides)
    builds = Builds(tmp_path)
    builds.page(settings=settings)
    assert builds.page(settings=settings).content is None
    (overrides / "standard.html.j2").write_text("two", encoding="utf-8")
    assert builds.page(settings=settings).content is not None


def file_build(root: Path, deps: list[str], text: str = "a,b\n1,2\n") -> tuple[str | None, int]:
    """One build of a download: what `file()` gave and how often it was made."""
    memory = BuildCache(root, root / "docs")
    source = root / SOURCE
    memory.file_digest(source, SOURCE)
    renderer = Renderer(SETTINGS, AS_OF, memory)
    path = "results/r1/scores.csv"
    make = Maker(text)
    made = renderer.file(path, make, deps)
    assert renderer.file_keys[path]
    if made is not None:
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(made, encoding="utf-8")
    memory.record_pages([(path, renderer.file_keys[path], "")])
    memory.save_pages()
    memory.close()
    return made, make.calls


def test_a_download_is_made_again_only_when_its_sources_change(tmp_path: Path) -> None:
    Builds(tmp_path)  # writes the source
    assert file_build(tmp_path, [SOURCE]) == ("a,b\n1,2\n", 1)
    assert file_build(tmp_path, [SOURCE]) == (None, 0)
    (tmp_path / SOURCE).write_text("title: 改了\n", encoding="utf-8")
    assert file_build(tmp_path, [SOURCE], "a,b\n3,4\n") == ("a,b\n3,4\n", 1)


def test_without_build_memory_a_download_is_always_made() -> None:
    make = Maker("x\n")
    assert Renderer(SETTINGS, AS_OF).file("results/r1/scores.csv", make, [SOURCE]) == "x\n"
    assert make.calls == 1


def test_a_part_is_computed_once_per_name(tmp_path: Path) -> None:
    memory = BuildCache(tmp_path, tmp_path / "docs")
    renderer = Renderer(SETTINGS, AS_OF, memory)
    calls: list[str] = []

    def shown(value: str) -> Callable[[], object]:
        def give() -> object:
            calls.append(value)
            return value

        return give

    assert renderer.part("rubric:demo", shown("a")) == "rubric:demo"
    assert renderer.part("rubric:demo", shown("b")) == "rubric:demo"
    assert renderer.part("title:demo", shown("c")) == "title:demo"
    assert calls == ["a", "c"]
    assert memory.digest_of("rubric:demo") != memory.digest_of("title:demo")
    memory.close()


def test_without_build_memory_a_part_is_never_computed() -> None:
    def shown() -> object:
        raise AssertionError("computed for nothing")

    assert Renderer(SETTINGS, AS_OF).part("rubric:demo", shown) == "rubric:demo"


def test_a_page_showing_a_part_is_made_again_when_the_part_changes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"

    def build(part: str) -> Page:
        memory = BuildCache(tmp_path, docs)
        renderer = Renderer(SETTINGS, AS_OF, memory)
        dep = renderer.part("rubric:demo", lambda: part)
        page = renderer.page("results/r1/index.md", "第一轮", Maker(), deps=[dep])
        if page.content is not None:
            (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
            (docs / page.path).write_text(page.content, encoding="utf-8")
        memory.record_pages([(page.path, page.key, page.search)])
        memory.save_pages()
        memory.close()
        return page

    assert build("10 分").content is not None
    assert build("10 分").content is None
    assert build("12 分").content is not None


@pytest.mark.parametrize(
    ("here", "target", "anchor", "expected"),
    [
        ("standards/demo/index.md", "standards/other/index.md", "", "../other/"),
        ("standards/demo/index.md", "standards/demo/2020/index.md", "c1", "2020/#c1"),
        ("standards/demo/2020/index.md", "standards/demo/index.md", "", "../"),
        ("index.md", "standards/demo/index.md", "", "standards/demo/"),
        ("standards/demo/index.md", "index.md", "", "../../"),
        # a page that is not an index is served from its own folder
        (
            "guide/one.md",
            "standards/demo/index.md",
            "tiaokuan-yi",
            "../../standards/demo/#tiaokuan-yi",
        ),
        ("guide/one.md", "guide/two.md", "", "../two/"),
        ("standards/demo/index.md", "standards/demo/index.md", "x", "./#x"),
    ],
)
def test_url_links_pages_relative_to_where_they_are_served(
    here: str, target: str, anchor: str, expected: str
) -> None:
    assert Renderer(SETTINGS, AS_OF).helpers(here)["url"](target, anchor) == expected


@pytest.mark.parametrize(
    ("here", "target", "anchor", "expected"),
    [
        (
            "guide/one.md",
            "standards/demo/index.md",
            "tiaokuan-yi",
            "../standards/demo/index.md#tiaokuan-yi",
        ),
        ("guide/one.md", "guide/two.md", "", "two.md"),
        ("index.md", "guide/one.md", "", "guide/one.md"),
        ("standards/demo/2020/index.md", "standards/demo/index.md", "", "../index.md"),
    ],
)
def test_md_links_markdown_files_relative_to_the_page_file(
    here: str, target: str, anchor: str, expected: str
) -> None:
    assert Renderer(SETTINGS, AS_OF).helpers(here)["md"](target, anchor) == expected


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        (".", ".", "./"),
        (".", "a/b", "a/b/"),
        ("a/b", ".", "../../"),
        ("a/b", "a/c", "../c/"),
        ("a/b", "a/b/c", "c/"),
        ("ab", "a", "../a/"),  # folders compared whole, not by their first letters
    ],
)
def test_relative_url(here: str, there: str, expected: str) -> None:
    assert relative_url(here, there) == expected


def test_a_page_names_its_source_first_in_its_front_matter() -> None:
    """The engine's hook turns it into the theme's 编辑此页 link (repo_url + edit_uri)."""
    made = Maker("---\ntitle: 示例标准\n---\n\n# 示例标准\n")
    page = Renderer(SETTINGS, AS_OF).page(PAGE, "示例标准", made, deps=[SOURCE], source=SOURCE)
    assert (
        page.content
        == '---\nhb_source: "standards/demo/2020.yml"\ntitle: 示例标准\n---\n\n# 示例标准\n'
    )
    index = Renderer(SETTINGS, AS_OF).page("standards/index.md", "标准目录", made)
    assert index.content is not None
    assert index.content.startswith("---\nhb_source: null\n")  # made from many files


def test_the_footer_shows_the_day_of_the_last_commit() -> None:
    renderer = Renderer(SETTINGS, AS_OF, dates={SOURCE: dt.date(2025, 3, 4)})
    page = renderer.page(PAGE, "示例标准", Maker(), deps=[SOURCE], source=SOURCE)
    assert page.content is not None
    assert '最后更新：<time datetime="2025-03-04">2025年3月4日</time>' in page.content


def test_no_footer_without_a_commit_date_or_a_source() -> None:
    plain = Renderer(SETTINGS, AS_OF).page(PAGE, "示例标准", Maker(), deps=[SOURCE], source=SOURCE)
    assert plain.content == Maker().text
    dated = Renderer(SETTINGS, AS_OF, dates={SOURCE: dt.date(2025, 3, 4)})
    index = dated.page("standards/index.md", "标准目录", Maker())
    assert index.content == Maker().text  # made from many files: no single source


def test_the_footer_is_not_part_of_what_search_indexes() -> None:
    dated = Renderer(SETTINGS, AS_OF, dates={SOURCE: dt.date(2025, 3, 4)})
    with_footer = dated.page(PAGE, "示例标准", Maker(), deps=[], source=SOURCE)
    without = Renderer(SETTINGS, AS_OF).page(PAGE, "示例标准", Maker(), deps=[], source=SOURCE)
    assert with_footer.content != without.content
    assert with_footer.search == without.search


def test_search_sees_a_page_up_to_what_it_should_not_index() -> None:
    renderer = Renderer(SETTINGS, AS_OF)

    def made(text: str) -> Page:
        return renderer.page(PAGE, "示例标准", Maker(text), deps=[], source=SOURCE)

    searchable = "# 示例标准\n\n党支部应当按期换届。\n"
    scores = made(f"{searchable}{NOINDEX}得分 80</div>\n")
    assert made(f"{searchable}{NOINDEX}得分 95</div>\n").search == scores.search
    assert made(f"{searchable}新增一句。{NOINDEX}得分 80</div>\n").search != scores.search


def test_an_undefined_name_in_a_template_is_an_error() -> None:
    env = make_environment()
    with pytest.raises(jinja2.UndefinedError, match="tittle"):
        env.from_string("{{ tittle }}").render(title="示例")
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ page.tittle }}").render(page={"title": "示例"})


def test_values_are_html_escaped() -> None:
    env = make_environment()
    rendered = env.from_string("<p>{{ title }}</p>").render(title='<script>x()</script> & "q"')
    assert rendered == "<p>&lt;script&gt;x()&lt;/script&gt; &amp; &#34;q&#34;</p>"


def test_a_template_override_wins_over_the_built_in_one(tmp_path: Path) -> None:
    built_in = make_environment().get_template("cite_quote.md.j2")
    (tmp_path / "cite_quote.md.j2").write_text("本委员会的引文：{{ text }}", encoding="utf-8")
    env = make_environment(overrides=tmp_path)
    assert env.get_template("cite_quote.md.j2").render(text="<b>") == "本委员会的引文：&lt;b&gt;"
    assert env.get_template("cite_quote.md.j2").filename != built_in.filename
    # templates it does not override still come from the package
    assert (
        env.get_template("notice.md.j2").filename
        == make_environment().get_template("notice.md.j2").filename
    )


def test_a_renderer_renders_with_its_overrides_and_links(tmp_path: Path) -> None:
    (tmp_path / "cite_quote.md.j2").write_text(
        "{{ settings.site_name }} {{ url('index.md') }} {{ L.home }}", encoding="utf-8"
    )
    renderer = Renderer(dataclasses.replace(SETTINGS, template_overrides=tmp_path), AS_OF)
    assert renderer.render("cite_quote.md.j2", "guide/one.md") == "业务规范手册 ../../ 首页"
