"""The PDFs, read back as a reader's tools read them (poppler's pdftotext,
pdfinfo, pdffonts, pdftohtml): covers, 目次 with page numbers, running headers,
annexes, bookmarks, embedded fonts, links from the pages, reuse and reproducibility."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.content.kind import PAGES
from generator.engine.build import build_site
from generator.render.markup import file_size
from generator.standards.kind import CATALOG
from tests.samples import AS_OF, MINIMAL, Handbook, copy_sample

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None
    or not subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout,
    reason="needs poppler-utils and a CJK font (make test installs them)",
)


def pages_of(pdf: Path) -> list[str]:
    """The text of each page, laid out (pdftotext -layout), without empty lines."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [
        "\n".join(line for line in page.splitlines() if line.strip()) for page in text.split("\f")
    ][:-1]


def info_of(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def outline_of(pdf: Path) -> list[str]:
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-stdout", "-i", "-q", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.findall(r'<item page="\d+">([^<]*)</item>', xml)


def footer(page: str) -> str:
    return page.splitlines()[-1].strip()


@pytest.fixture(scope="module")
def pdf_dir(built_site: Path) -> Path:
    return built_site / "pdf"


@pytest.fixture(scope="module")
def liuhua(pdf_dir: Path) -> list[str]:
    return pages_of(pdf_dir / "standards/liuhua-24-2023.pdf")


def test_every_edition_and_manual_has_a_pdf_and_the_collection_too(pdf_dir: Path) -> None:
    assert sorted(p.relative_to(pdf_dir).as_posix() for p in pdf_dir.rglob("*.pdf")) == [
        "huibian.pdf",
        "manuals/yewu-guifan.pdf",
        "standards/dangyuan-jifen-2019.pdf",
        "standards/jiguan-zhibu-gongzuo-2017.pdf",
        "standards/kaoping-banfa-2024.pdf",
        "standards/liuhua-24-2019.pdf",
        "standards/liuhua-24-2023-amendment-1.pdf",  # its amendment sheet
        "standards/liuhua-24-2023-draft.pdf",  # the draft it was published for comment as
        "standards/liuhua-24-2023.pdf",
        "standards/shuzhi-pingyi-2024.pdf",
        "standards/shuzhi-pingyi-2027-draft.pdf",
        "standards/wuhao-dangzhibu-2020.pdf",
        "standards/wuhao-dangzhibu-2026.pdf",
    ]


def test_cover_after_gb_t_1_1(liuhua: list[str]) -> None:
    cover = liuhua[0]
    assert "XX/DJ 001-2023" in cover
    assert "代替 XX/DJ 001-2019" in cover
    assert "机关党支部标准化规范化建设“六化”标准" in cover.replace("\n", "").replace(" ", "")
    assert "Standardization of Party branches in government offices" in cover
    assert re.search(r"2023-05-26 发布\s+2023-07-01 实施", cover)  # on one line
    assert re.search(r"中共某市直属机关工作委员会\s+发布", cover)
    assert "示例数据" in cover
    assert not re.search(r"^\s*(I|1)\s*$", cover, re.M)  # no page number on the cover


def test_superseded_edition_says_so_on_its_cover(pdf_dir: Path) -> None:
    cover = pages_of(pdf_dir / "standards/liuhua-24-2019.pdf")[0]
    assert "本版本已被代替，不再执行。被代替为 XX/DJ 001-2023" in cover
    current = pages_of(pdf_dir / "standards/liuhua-24-2023.pdf")[0]
    assert "本版本已被代替" not in current


def test_toc_entries_lead_to_the_pages_they_name(liuhua: list[str]) -> None:
    toc = liuhua[1]
    assert re.sub(r"\s", "", toc.splitlines()[1]) == "目次"
    found = re.findall(r"^\s*(\S.*?) ?\.{5,} ?(\S+)$", toc, re.M)
    entries = {re.sub(r"\s+", " ", name): number for name, number in found}
    assert list(entries) == [
        "前言",
        "范围",
        "规范性引用文件",
        "术语和定义",
        "1 组织设置标准化",
        "2 职责任务明晰化",
        "3 工作机制科学化",
        "4 组织生活严格化",
        "5 党员作用常态化",
        "6 保障机制精准化",
        "附录A（规范性）验收细则",
    ]
    assert entries["前言"] == "II"  # Roman in the front matter
    assert entries["范围"] == "1"  # Arabic from 范围 on
    numbered = {footer(page): page for page in liuhua[1:]}
    for entry, number in entries.items():
        heading = re.sub(r"\s", "", entry).replace("附录A（规范性）验收细则", "附录A")
        assert heading in re.sub(r"\s", "", numbered[number]), f"{entry} is not on page {number}"


def test_running_header_is_the_code_and_pages_are_numbered(liuhua: list[str]) -> None:
    # I 目次, II 前言 (ending with the amendment sheets it includes), then the text.
    footers = [footer(p) for p in liuhua[1:]]
    assert footers[:2] == ["I", "II"]
    assert footers[2:] == [str(n) for n in range(1, len(footers) - 1)]
    for page in liuhua[1:]:
        assert page.splitlines()[0].strip() == "XX/DJ 001-2023"


def test_body_keeps_numbers_and_prints_withdrawn_clauses_as_deleted(liuhua: list[str]) -> None:
    body = "\n".join(liuhua[3:])
    assert re.search(r"^3\.3\s+（删除）$", body, re.M)
    # pdftotext may run a number into its title where a page begins (the page shows a gap)
    assert re.search(r"^4\.3\s*主题党日$", body, re.M)
    assert "GB/T 1.1—2020" in body  # a dated reference
    assert "下列术语和定义适用于本文件。" in body


def test_rubric_is_annex_a_with_points_total_and_pass_mark(liuhua: list[str]) -> None:
    annex = liuhua[-1]
    lines = [line.strip() for line in annex.splitlines()]
    assert lines[1:4] == ["附录A", "（规范性）", "验收细则"]
    assert re.search(r"合计\s+100", annex)
    assert "达标分数线：80分。" in annex
    assert re.search(r"党课按期开展\s+\d+\s+4\.1", annex)  # item, points, the clause it checks


def test_bookmarks_follow_the_sections(pdf_dir: Path) -> None:
    outline = outline_of(pdf_dir / "standards/liuhua-24-2023.pdf")
    assert outline[:6] == [
        "目次",
        "前言",  # ends with the amendment sheets the text includes
        "范围",
        "规范性引用文件",
        "术语和定义",
        "1　组织设置标准化",
    ]
    assert "4.3　主题党日" in outline
    assert outline[-1] == "附录A（规范性）验收细则"


def test_fonts_are_cjk_embedded_and_subset(pdf_dir: Path) -> None:
    out = subprocess.run(
        ["pdffonts", str(pdf_dir / "standards/liuhua-24-2023.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    names = {row[0].split("+", 1)[1].split("-", 1)[0] for row in rows}
    assert {"NotoSerifCJKsc", "NotoSansCJKsc"} <= names
    for row in rows:  # emb, sub: yes yes
        assert row[-5:-3] == ["yes", "yes"], row


def test_metadata_dates_come_from_the_data(pdf_dir: Path) -> None:
    info = info_of(pdf_dir / "standards/liuhua-24-2023.pdf")
    assert info["Title"] == "XX/DJ 001-2023 机关党支部标准化规范化建设“六化”标准"
    assert info["Author"] == "中共某市直属机关工作委员会"
    assert info["CreationDate"].startswith("Fri May 26 00:00:00 2023")


def test_manual_booklet_prints_citations_with_their_target_and_quotes(pdf_dir: Path) -> None:
    pages = pages_of(pdf_dir / "manuals/yewu-guifan.pdf")
    toc = pages[1]
    titles = re.findall(r"^\s*(\S.*?) \.{5,} \S+$", toc, re.M)
    assert titles == [
        "说明",
        "第一讲 三会一课",
        "第二讲 主题党日",
        "第三讲 谈心谈话",
        "第四讲 民主评议党员",
    ]
    text = re.sub(r"\s+", "", "".join(pages))
    assert "“三会一课（见XX/DJ001-2023T.2）”" in text  # a term, with where it is defined
    assert "4.3主题党日党支部每月固定1天开展主题党日活动" in text  # a quoted clause
    assert "——引自XX/DJ001-2023机关党支部标准化规范化建设“六化”标准（2023版）4.3" in text
    assert pages[3].splitlines()[0].strip().endswith("机关党建业务规范讲义")  # running header


def test_collection_holds_what_is_in_force_with_one_toc(pdf_dir: Path) -> None:
    pages = pages_of(pdf_dir / "huibian.pdf")
    assert "汇编" in pages[0] and "2026年版" in pages[0]
    found = re.findall(r"^\s*(\S.*?) ?\.{5,} ?(\d+)$", pages[1], re.M)
    entries = [(re.sub(r"\s+", " ", name), number) for name, number in found]
    names = [name for name, _ in entries]
    assert names == [
        "标准",
        "XX/DJ 001-2023 机关党支部标准化规范化建设“六化”标准",
        "XX/DJ 002-2020 “五好党支部”创建标准",
        "XX/DJ 005-2024 落实基层党建主体责任考评办法",
        "XX/DJ 006-2024 党组织书记抓基层党建工作述职评议细则",
        "操作手册",
        "机关党建业务规范讲义",
        "第一讲 三会一课",
        "第二讲 主题党日",
        "第三讲 谈心谈话",
        "第四讲 民主评议党员",
    ]
    # Each part keeps its own page numbers; the 目次 gives the 汇编's, which a
    # reader's PDF viewer shows as the page labels.
    with pikepdf.open(pdf_dir / "huibian.pdf") as pdf:
        labels = [page.label for page in pdf.pages]
    numbered = dict(zip(labels, pages, strict=True))
    start = numbered[dict(entries)["XX/DJ 002-2020 “五好党支部”创建标准"]]
    assert "XX/DJ 002-2020" in start and "“五好党支部”创建标准" in start  # its own cover
    after = pages[labels.index(dict(entries)["XX/DJ 002-2020 “五好党支部”创建标准"]) + 1]
    assert after.splitlines()[0].strip() == "XX/DJ 002-2020"  # its own running header


def test_pages_link_their_pdf_with_its_size(built_site: Path) -> None:
    pdf = built_site / "pdf/standards/liuhua-24-2023.pdf"
    size = file_size(pdf.stat().st_size)
    for url in ("standards/liuhua-24/index.html", "standards/liuhua-24/2023/index.html"):
        html = (built_site / url).read_text(encoding="utf-8")
        prefix = "../" * url.count("/")
        assert (
            f'<a href="{prefix}pdf/standards/liuhua-24-2023.pdf" download>下载PDF</a>（PDF，{size}）'
            in html
        )
        assert '<p class="hb-pdf" data-pagefind-ignore>' in html  # "PDF" finds no page by its link
    old = (built_site / "standards/liuhua-24/2019/index.html").read_text(encoding="utf-8")
    assert "pdf/standards/liuhua-24-2019.pdf" in old
    manual = (built_site / "manuals/yewu-guifan/02-zhuti-dangri/index.html").read_text("utf-8")
    assert '<a href="../../../pdf/manuals/yewu-guifan.pdf" download>下载PDF</a>' in manual
    home = (built_site / "index.html").read_text(encoding="utf-8")
    size = file_size((built_site / "pdf/huibian.pdf").stat().st_size)
    assert f'<a href="pdf/huibian.pdf" download>下载汇编PDF</a>（PDF，{size}）' in home


def test_two_clean_builds_give_the_same_pdf_bytes(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    build_site(handbook.root, AS_OF, handbook.root / "one", full=True)
    build_site(handbook.root, AS_OF, handbook.root / "two", full=True)
    for pdf in ("pdf/standards/demo-2020.pdf", "pdf/huibian.pdf"):  # set, and put together
        one = (handbook.root / "one" / pdf).read_bytes()
        assert one.startswith(b"%PDF-")
        assert one == (handbook.root / "two" / pdf).read_bytes()


def test_without_a_cjk_font_the_site_is_built_without_pdfs(
    handbook: Handbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)  # outside CI: a note, and the site
    handbook.write("standards/demo/2020.yml", MINIMAL)
    config = handbook.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  handbook:\n", "  handbook:\n    pdf: {serif: No Such Font, sans: No Such Sans}\n"
        ),
        encoding="utf-8",
    )
    done = CliRunner().invoke(cli, ["build", "--root", str(handbook.root), "--as-of", str(AS_OF)])
    assert done.exit_code == 0, done.output
    assert (
        "未生成 PDF：字体 'No Such Font' 和 'No Such Sans' 均未安装（fc-list :lang=zh）；"
        "请运行 sudo apt-get install fonts-noto-cjk 安装（Debian、Ubuntu），"
        "或在 mkdocs.yml 的 extra.handbook.pdf.serif 中指定已安装的字体\n"
    ) in done.stderr
    assert "PDF 文件" not in done.output
    assert not (handbook.root / "site/pdf").exists()
    page = (handbook.root / "site/standards/demo/index.html").read_text(encoding="utf-8")
    assert "下载PDF" not in page


def test_bad_pdf_settings_are_located_problems(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    config = handbook.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  handbook:\n", '  handbook:\n    pdf: {enable: false, serif: "Noto\\"Serif"}\n'
        ),
        encoding="utf-8",
    )
    line = config.read_text(encoding="utf-8").splitlines().index("  handbook:") + 2
    assert handbook.problems() == [
        f"mkdocs.yml:{line}:11: extra.handbook.pdf.enable: 字段 'enable' 不存在，是否应为 'enabled'？ [HB102]",
        f'mkdocs.yml:{line}:33: extra.handbook.pdf.serif: 应为不带引号、反斜杠、分号或花括号的字体名（如 Noto Serif CJK SC），实际为"Noto"Serif" [HB107]',
    ]
    problems = run_problems(handbook, "en")
    assert problems[0] == (
        f"mkdocs.yml:{line}:11: extra.handbook.pdf.enable: unknown field 'enable'; did you mean 'enabled'? [HB102]"
    )


def run_problems(handbook: Handbook, language: str) -> list[str]:
    from generator.errors import ValidationFailed
    from generator.pipeline import run

    try:
        run(handbook.root, AS_OF, render=False)
    except ValidationFailed as failed:
        return [p.format(language) for p in failed.problems]
    return []


def test_the_build_says_how_many_pdfs_it_made(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    args = ["build", "--root", str(handbook.root), "--as-of", str(AS_OF)]
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 0, done.output
    assert "生成了 2 个 PDF 文件。\n" in done.stdout
    again = CliRunner().invoke(cli, [*args, "--lang", "en"])
    assert again.exit_code == 0, again.output
    assert "PDF file(s)" not in again.stdout  # nothing changed: none made again


def test_pdfs_are_made_again_only_when_what_they_show_changed(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    assert len(build_site(root, AS_OF).pdfs_made) == 13  # two drafts and a sheet included
    docs = root / ".handbook/build/docs/pdf"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*.pdf")}
    rounds = root / "content/results/rounds/ducha-2025q1.yml"
    rounds.write_text(rounds.read_text("utf-8").replace("huanjie: 5", "huanjie: 2", 1), "utf-8")
    again = build_site(root, AS_OF)
    assert again.pdfs_made == []  # a score is in no PDF
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*.pdf")} == before
    standard = root / "standards/liuhua-24/2023.yml"
    text = standard.read_text("utf-8")
    # The clause and its amendment sheet's text (what is in force and quoted) both change.
    standard.write_text(text.replace("每月固定 1 天", "每月固定一天"), "utf-8")
    made = {path for path, data in build_site(root, AS_OF).files.items() if data is not None}
    # the edition and its amendment sheet, the manual quoting that clause, and the 汇编
    assert {p for p in made if p.endswith(".pdf")} == {
        "pdf/standards/liuhua-24-2023.pdf",
        "pdf/standards/liuhua-24-2023-amendment-1.pdf",
        "pdf/manuals/yewu-guifan.pdf",
        "pdf/huibian.pdf",
    }
    assert "每月固定一天" in "".join(pages_of(root / "site/pdf/manuals/yewu-guifan.pdf"))


def test_a_preview_without_pdf_links_none(handbook: Handbook) -> None:
    from generator.pipeline import run

    handbook.write("standards/demo/2020.yml", MINIMAL)
    result = run(handbook.root, AS_OF, pdf=False)
    assert not [path for path in result.files if path.endswith(".pdf")]
    page = next(p for p in result.pages if p.path == "standards/demo/index.md")
    assert page.content is not None and "下载PDF" not in page.content


def test_a_booklet_takes_images_from_content_only(handbook: Handbook) -> None:
    from generator.messages import Phrase
    from generator.pdf.fonts import find_fonts
    from generator.pdf.html import PrintPages, manuals
    from generator.pipeline import run
    from generator.render.labels import labels_for

    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("content/manuals/讲义/index.md", "---\ntitle: 示例讲义\n---\n\n说明文字。\n")
    handbook.write(
        "content/manuals/讲义/第一讲.md",
        "---\ntitle: 第一讲\n---\n\n![本地](图/流程.png) ![远程](http://example.org/x.png)\n\n"
        "见 [[demo#tiaokuan-yi|换届要求]]。\n",
    )
    handbook.write("content/manuals/讲义/图/流程.png", _png())
    result = run(handbook.root, AS_OF)
    assert "pdf/manuals/讲义.pdf" in result.files
    fonts = find_fonts(result.settings.pdf)
    assert not isinstance(fonts, Phrase)
    printer = PrintPages(
        result.store[CATALOG], result.settings, labels_for("zh"), fonts, handbook.root
    )
    (book,) = manuals(result.store[PAGES], "操作手册")
    printer.prepare(book, {})
    html = printer.chapter(book, book.chapters[0], 1)
    assert '#hb-image("/manuals/讲义/图/流程.png")' in html  # a path under content/
    assert "example.org" not in html
    text = re.sub(r"\s", "", "".join(pages_of_bytes(result.files["pdf/manuals/讲义.pdf"])))
    assert "换届要求（见XX/DJ009-20201.1）" in text


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(out, "PNG")
    return out.getvalue()


def pages_of_bytes(data: object) -> list[str]:
    assert isinstance(data, bytes)
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8").split("\f")


def test_a_pdf_that_cannot_be_made_stops_the_build_and_keeps_the_site(
    handbook: Handbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.errors import BuildFailed
    from generator.pdf import stage

    handbook.write("standards/demo/2020.yml", MINIMAL)
    build_site(handbook.root, AS_OF)
    before = (handbook.root / "site/pdf/standards/demo-2020.pdf").read_bytes()

    def fail(source: str, allowed: Path, fonts: tuple[str, ...] = ()) -> bytes:
        raise RuntimeError("no room on the page")

    monkeypatch.setattr(stage.os, "cpu_count", lambda: 1)  # set in this process
    monkeypatch.setattr(stage, "write_pdf", fail)
    handbook.write("standards/demo/2020.yml", MINIMAL.replace("按期换届", "按时换届"))
    with pytest.raises(
        BuildFailed, match="^无法生成 PDF：RuntimeError: no room on the page；已发布的网站保持不变$"
    ):
        build_site(handbook.root, AS_OF)
    assert (handbook.root / "site/pdf/standards/demo-2020.pdf").read_bytes() == before


def test_manuals_written_where_the_scaffold_puts_them_get_a_booklet(tmp_path: Path) -> None:
    from generator.pipeline import run
    from generator.scaffold.new import write_handbook

    root = tmp_path / "weiyuanhui"
    write_handbook(root)
    result = run(root, AS_OF)
    assert "pdf/manuals.pdf" in result.files
    text = re.sub(r"\s", "", "".join(pages_of_bytes(result.files["pdf/manuals.pdf"])))
    assert "操作手册" in text and "如何召开例会" in text
    collection = re.sub(r"\s", "", "".join(pages_of_bytes(result.files["pdf/huibian.pdf"])))
    assert "如何召开例会" in collection
    index = next(p for p in result.pages if p.path == "manuals/index.md")
    assert index.content is not None and "manuals.pdf" in index.content


def test_an_edit_sets_again_only_what_shows_it_and_reassembles_the_rest(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    build_site(root, AS_OF)
    parts = root / ".handbook/cache/pdf-parts"
    chapters = {p.name: p.stat().st_mtime_ns for p in parts.glob("*.pdf")}
    assert len(chapters) == 4  # the booklet's four chapters, each set alone
    # A clause no booklet quotes: its edition is set again, the 汇编 put together again.
    standard = root / "standards/kaoping-banfa/2024.yml"
    standard.write_text(standard.read_text("utf-8").replace("权重 40%", "权重四成", 1), "utf-8")
    made = {p for p, data in build_site(root, AS_OF).files.items() if p.endswith(".pdf") and data}
    assert made == {"pdf/standards/kaoping-banfa-2024.pdf", "pdf/huibian.pdf"}
    collection = pages_of(root / "site/pdf/huibian.pdf")
    assert "权重四成" in re.sub(r"\s", "", "".join(collection))
    assert re.search(
        r"^\s*第二讲 主题党日 ?\.{5,}", collection[1], re.M
    )  # the kept booklet's chapters
    # A clause the second chapter quotes: that chapter alone is set again.
    standard = root / "standards/liuhua-24/2023.yml"
    text = standard.read_text("utf-8")
    # The clause and its amendment sheet's text (what is in force and quoted) both change.
    standard.write_text(text.replace("每月固定 1 天", "每月固定一天"), "utf-8")
    build_site(root, AS_OF)
    now = {p.name: p.stat().st_mtime_ns for p in parts.glob("*.pdf")}
    assert len(now) == 4
    assert len(set(now) - set(chapters)) == 1  # one chapter new, the others kept as they were
    assert all(now[name] == chapters[name] for name in set(now) & set(chapters))


@pytest.mark.parametrize(
    ("environ", "setting"), [({"CI": "true"}, ""), ({}, "    pdf: {required: true}\n")]
)
def test_in_ci_a_build_that_cannot_print_fails_and_publishes_nothing(
    handbook: Handbook, monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], setting: str
) -> None:
    monkeypatch.delenv("CI", raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    handbook.write("standards/demo/2020.yml", MINIMAL)
    config = handbook.root / "mkdocs.yml"
    fonts = (
        "    pdf: {serif: No Such Font, sans: No Such Sans"
        + (", required: true" if setting else "")
        + "}\n"
    )
    config.write_text(
        config.read_text(encoding="utf-8").replace("  handbook:\n", "  handbook:\n" + fonts),
        encoding="utf-8",
    )
    from generator.errors import BuildFailed

    with pytest.raises(BuildFailed) as failed:
        build_site(handbook.root, AS_OF)
    assert (
        "未生成 PDF：字体 'No Such Font' 和 'No Such Sans' 均未安装（fc-list :lang=zh）；"
        "请运行 sudo apt-get install fonts-noto-cjk 安装（Debian、Ubuntu），"
        "或在 mkdocs.yml 的 extra.handbook.pdf.serif 中指定已安装的字体。"
        "PDF 必须生成（在 CI 中，或 mkdocs.yml 的 extra.handbook.pdf.required: true），"
        "因此构建失败，已发布的网站保持不变"
    ) in str(failed.value)
    assert not (handbook.root / "site").exists()
