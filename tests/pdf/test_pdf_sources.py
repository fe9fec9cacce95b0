"""What goes into the Typst PDFs besides the data: the committee's own print
templates (`site_templates/`), manuals written straight into `content/manuals/`,
and the Markdown of manual pages as the site reads it (line breaks between Chinese
characters join with nothing)."""

from __future__ import annotations

import re

import pytest

from generator import layout
from generator.engine.build import build_site
from generator.errors import ValidationFailed
from tests.pdf.test_pdf import pages_of, pytestmark  # noqa: F401 (the same skip)
from tests.samples import AS_OF, MINIMAL, Handbook


def _own_standard_template(note: str) -> str:
    """The built-in print template of an edition, as a committee copies and edits it:
    a line of their own above the body."""
    built_in = (layout.PDF_TEMPLATES / "pdf_standard.typ.j2").read_text(encoding="utf-8")
    body = '{{ standard_body(info, "") }}'
    assert body in built_in
    return built_in.replace(body, f"{note}\n\n{body}")


def test_the_committee_s_print_template_is_used_and_an_edit_to_it_sets_the_pdf_again(
    handbook: Handbook,
) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write(
        "site_templates/pdf_standard.typ.j2", _own_standard_template("内部资料 注意保存")
    )
    build_site(handbook.root, AS_OF)
    pdf = handbook.root / "site/pdf/standards/demo-2020.pdf"
    assert "内部资料 注意保存" in "\n".join(pages_of(pdf))
    handbook.write(
        "site_templates/pdf_standard.typ.j2", _own_standard_template("内部资料 妥善保存")
    )
    made = build_site(handbook.root, AS_OF).pdfs_made
    assert "pdf/standards/demo-2020.pdf" in made
    text = "\n".join(pages_of(pdf))
    assert "内部资料 妥善保存" in text and "注意保存" not in text


def test_a_mistake_in_the_committee_s_print_template_is_located(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    template = _own_standard_template("{{ unit_name }}")
    handbook.write("site_templates/pdf_standard.typ.j2", template)
    line = template.splitlines().index("{{ unit_name }}") + 1
    with pytest.raises(ValidationFailed) as failed:
        build_site(handbook.root, AS_OF)
    assert [str(p) for p in failed.value.problems] == [
        f"site_templates/pdf_standard.typ.j2:{line}:1: 页面模板有错误（UndefinedError: "
        "'unit_name' is undefined）；请对照 handbook 内置的同名模板修改，或删除这个文件以恢复内置模板 [HB631]"
    ]
    assert not (handbook.root / "site").exists()  # nothing half-written


def test_pages_straight_in_content_manuals_without_an_index_make_one_booklet(
    handbook: Handbook,
) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/manuals/liehui.md", "---\ntitle: 如何召开例会\n---\n\n会前通知。\n")
    handbook.write(
        "content/manuals/taizhang.md", "---\ntitle: 台账怎样记\norder: 1\n---\n\n逐项登记。\n"
    )
    build_site(handbook.root, AS_OF)
    pdf = handbook.root / "site/pdf"
    assert not (pdf / "manuals").exists()  # not a booklet a page
    booklet = re.sub(r"\s", "", "".join(pages_of(pdf / "manuals.pdf")))
    assert "操作手册" in booklet  # titled as the menu calls them
    assert booklet.index("台账怎样记") < booklet.index("如何召开例会")  # in the menu's order
    collection = re.sub(r"\s", "", "".join(pages_of(pdf / "huibian.pdf")))
    assert "如何召开例会" in collection and "台账怎样记" in collection
    for name in ("liehui", "taizhang"):
        page = (handbook.root / f"site/manuals/{name}/index.html").read_text(encoding="utf-8")
        assert "manuals.pdf" in page


def test_a_line_break_between_chinese_characters_joins_with_nothing_on_paper(
    handbook: Handbook,
) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/manuals/guide/index.md", "---\ntitle: 指南\n---\n\n说明。\n")
    handbook.write(
        "content/manuals/guide/01.md",
        "---\ntitle: 第一讲\n---\n\n会议按**议程**\n逐项进行，[记录](02.md)\n当场签字。\n",
    )
    handbook.write("content/manuals/guide/02.md", "---\ntitle: 第二讲\n---\n\n正文。\n")
    build_site(handbook.root, AS_OF)
    text = "\n".join(pages_of(handbook.root / "site/pdf/manuals/guide.pdf"))
    assert "会议按议程逐项进行，记录当场签字。" in text
