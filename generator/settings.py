"""The handbook's settings, from its `mkdocs.yml`: the site's name and address,
the language (`theme.language`), and the generator's own block `extra.handbook`,
declared as a model so that an unknown key or a wrong type is a located problem."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from generator import layout
from generator.core.contrast import AA, WHITE, is_colour, material_palette, neighbour, ratio
from generator.core.documents import Document, load_yaml
from generator.core.files import inside
from generator.core.model import FONT_FAMILY_PATTERN, Model
from generator.core.typed import parse
from generator.errors import Problem

# MkDocs reads mkdocs.yml with PyYAML's unsafe loader: `!!python/object…` calls
# any Python function while the configuration loads. The one such value a
# handbook needs, pymdownx's slugify for Chinese headings, is allowed; any
# other is refused before the engine reads the file. (`!!python/name:` only
# names a function for MkDocs' extensions, such as Material's emoji index.)
_CALLING_TAGS = "tag:yaml.org,2002:python/object"
ALLOWED_CALLS = ("tag:yaml.org,2002:python/object/apply:pymdownx.slugs.slugify",)

DEFAULT_SITE_NAME = "业务规范手册"
DEFAULT_LANGUAGE = "zh"


FontFamily = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, pattern=FONT_FAMILY_PATTERN)
]


class PdfSettings(Model):
    """`extra.handbook.pdf`: how the PDFs of standards, manuals and the 汇编 are made."""

    enabled: StrictBool = Field(default=True, description="false：不生成 PDF，页面也不链接 PDF。")
    required: StrictBool | None = Field(
        default=None,
        description="true：没有中文字体、无法生成 PDF 时构建失败（而不是只提示一行、发布没有 PDF 的网站）。"
        "不写时，在 CI 中（环境变量 CI=true）为 true，在自己的电脑上为 false。",
    )
    serif: FontFamily = Field(
        default="Noto Serif CJK SC", description="正文字体（fontconfig 中的字体族名称）。"
    )
    sans: FontFamily = Field(
        default="Noto Sans CJK SC",
        description="标题、封面和页眉的字体（fontconfig 中的字体族名称）。",
    )


class PublicSite(Model):
    """`extra.handbook.public_site`: what a government or Party office's website shows
    in its footer and in every page's metadata (国办发〔2017〕47号《政府网站发展指引》)."""

    host: str = Field("", description="主办单位，显示在页脚，也写入每页的 ContentSource。")
    site_id_code: str = Field(
        "", description="网站标识码（如 1100000001），显示在页脚，写入每页的 SiteIDCode。"
    )
    icp: str = Field(
        "", description="ICP 备案号（如 京ICP备12345678号），页脚链接到工信部备案系统。"
    )
    police_record: str = Field(
        "", description="公安机关备案号（如 京公网安备 11010502000001号），页脚链接到备案系统。"
    )
    mark: str = Field(
        "",
        description="党政机关网站标识的图片：content/ 中的一个文件（相对 content/，如 images/dangzheng.png），由主办单位提供。",
    )
    contact: str = Field("", description="联系方式（电话、地址或电子邮箱），显示在页脚。")


class AuditSettings(Model):
    """`extra.handbook.audit`: the thresholds of `handbook audit` (政府网站检查指标)."""

    home_days: int = Field(14, ge=1, description="首页超过多少天未更新即报告（默认 14 天）。")
    notices_days: int = Field(
        14, ge=1, description="公告公示栏目超过多少天未更新即报告（默认 14 天，即两周）。"
    )
    section_days: int = Field(
        180,
        ge=1,
        description="标准和其他栏目（政策文件类）超过多少天未更新即报告（默认 180 天，即 6 个月）。",
    )
    page_kib: int = Field(
        600,
        ge=1,
        description="一页（连同其样式、脚本和图片）超过多少 KiB 即报告（默认 600，约为 1.6 Mbps 下 3 秒）。",
    )


class HandbookSettings(Model):
    """`extra.handbook` in mkdocs.yml: what the generator needs besides MkDocs' own settings."""

    committee: str = Field("", description="编制单位，显示在首页标题下。")
    description: str = Field("", description="首页简介（Markdown），未写 content/index.md 时显示。")
    sample_data: StrictBool = Field(
        False, description="true：每页显示“示例数据”提示（演示用的手册）。"
    )
    template_overrides: str | None = Field(
        None, description="仓库内的一个文件夹，其中的页面模板优先于内置模板。"
    )
    pdf: PdfSettings = Field(
        default_factory=lambda: PdfSettings.model_validate({}),
        description="标准、手册和汇编的 PDF：是否生成，用哪些字体。",
    )
    public_site: PublicSite | None = Field(
        None,
        description="政府网站的页脚和页面元数据：主办单位、网站标识码、备案号、党政机关网站标识、联系方式。写了这一项即表示网站对公众开放（handbook audit 会检查备案信息）。",
    )
    audit: AuditSettings = Field(
        default_factory=lambda: AuditSettings.model_validate({}),
        description="handbook audit 的检查阈值（多少天未更新算过期，一页多大算过重）。",
    )


@dataclass(frozen=True)
class Settings:
    """What the generator needs from `mkdocs.yml`."""

    site_name: str
    site_url: str
    committee: str
    description: str
    sample_data: bool
    template_overrides: Path | None
    language: str = DEFAULT_LANGUAGE
    site_dir: str = layout.SITE_DIR  # mkdocs.yml's `site_dir`, relative to the handbook
    pdf: PdfSettings = field(default_factory=lambda: PdfSettings.model_validate({}))
    site_templates: Path | None = None  # the committee's page templates (site_templates/)
    public_site: PublicSite | None = None
    audit: AuditSettings = field(default_factory=lambda: AuditSettings.model_validate({}))
    site_description: str = ""


def portable(settings: Settings) -> Settings:
    """The settings without the places of the template folders (absolute paths), for
    the build memory's keys: the repository may move; the folders' contents are
    keyed by what they hold."""
    return replace(settings, template_overrides=None, site_templates=None)


def site_folder(root: Path, settings: Settings | None, given: Path | None = None) -> Path:
    """Where the site is published: `--site-dir` when given, else mkdocs.yml's `site_dir`
    (settings that could not be read: the default `site/`)."""
    if given is not None:
        return given
    return root / (settings.site_dir if settings is not None else layout.SITE_DIR)


def load_settings(root: Path) -> tuple[Settings | None, list[Problem]]:
    """Read `mkdocs.yml`; values tagged for MkDocs (`!ENV`, `!!python/…`) are its business."""
    config = root / layout.CONFIG_FILE
    if not config.is_file():
        return None, [Problem.at(layout.CONFIG_FILE, 0, 0, "", "HB601")]
    doc, problems = load_yaml(config, layout.CONFIG_FILE, foreign_tags=True)
    if doc is None or problems:
        return None, problems
    refused = _refused_tags(doc)
    if refused:
        return None, refused
    data: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
    extra: dict[str, Any] = data["extra"] if isinstance(data.get("extra"), dict) else {}
    owned = owned_keys(doc, root) + palette_contrast(doc)
    block, problems = _handbook_block(doc, extra.get("handbook"))
    problems = owned + problems
    if block is None:
        return None, problems
    overrides = None
    if block.template_overrides:
        overrides = root / block.template_overrides
        if not inside(root, overrides) or not overrides.is_dir():
            line, column = doc.where(("extra", "handbook", "template_overrides"))
            problems.append(
                Problem.at(
                    layout.CONFIG_FILE,
                    line,
                    column,
                    "extra.handbook.template_overrides",
                    "HB602",
                    found=block.template_overrides,
                )
            )
            overrides = None
    if block.public_site is not None and block.public_site.mark:
        mark = root / layout.CONTENT_DIR / block.public_site.mark
        if not inside(root / layout.CONTENT_DIR, mark) or not mark.is_file():
            line, column = doc.where(("extra", "handbook", "public_site", "mark"))
            field_name = "extra.handbook.public_site.mark"
            found = block.public_site.mark
            problems.append(
                Problem.at(layout.CONFIG_FILE, line, column, field_name, "HB630", found=found)
            )
    site_templates = root / layout.SITE_TEMPLATES
    theme: dict[str, Any] = data["theme"] if isinstance(data.get("theme"), dict) else {}
    settings = Settings(
        site_name=str(data.get("site_name") or DEFAULT_SITE_NAME),
        site_url=str(data.get("site_url") or ""),
        committee=block.committee,
        description=block.description,
        sample_data=block.sample_data,
        template_overrides=overrides,
        language=str(theme.get("language") or DEFAULT_LANGUAGE),
        site_dir=str(data.get("site_dir") or layout.SITE_DIR),
        pdf=block.pdf,
        site_templates=site_templates if site_templates.is_dir() else None,
        public_site=block.public_site,
        audit=block.audit,
        site_description=str(data.get("site_description") or ""),
    )
    return settings, problems


def _handbook_block(doc: Document, value: object) -> tuple[HandbookSettings | None, list[Problem]]:
    """`extra.handbook` typed, its problems placed in mkdocs.yml with their full key path."""
    if value is None:
        return HandbookSettings.model_validate({}), []
    if isinstance(value, dict) and RETIRED_KEY in value:  # reported by `owned_keys`
        value = {k: v for k, v in value.items() if k != RETIRED_KEY}
    prefix = ("extra", "handbook")
    n = len(prefix)
    sub = Document(
        doc.path,
        value,
        {k[n:]: v for k, v in doc.places.items() if k[:n] == prefix},
        {k[n:]: v for k, v in doc.key_places.items() if k[:n] == prefix},
        {k[n:]: v for k, v in doc.raw.items() if k[:n] == prefix},
    )
    model, problems = parse(sub, HandbookSettings)
    return model, [p.moved(prefix="extra.handbook") for p in problems]


# -- keys of mkdocs.yml the generator owns --------------------------------------------
RETIRED_KEY = "source_url"  # extra.handbook.source_url, replaced by repo_url + edit_uri
# The rule each key the generator owns breaks (its text in the message catalogue).
OWNED_CODES = {
    "docs_dir": "HB604",
    "site_dir": "HB605",
    "nav": "HB606",
    "custom_dir": "HB607",
    "hooks": "HB608",
    RETIRED_KEY: "HB609",
}


def owned_keys(doc: Document, root: Path) -> list[Problem]:
    """Keys of mkdocs.yml that the generator owns or moves: `docs_dir` must be
    content/, `site_dir` is honoured inside the handbook, `nav` is refused (the menu
    comes from the folders and `order:`), `extra.handbook.source_url` is retired;
    the committee's `theme.custom_dir` and `hooks` are layered into the generated
    project (engine/custom.py), so they must exist inside the handbook."""
    data: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
    problems = []

    def refuse(loc: tuple[str, ...], **found: object) -> None:
        line, column = doc.where(loc, key=loc[-1] in ("nav", RETIRED_KEY))
        code = OWNED_CODES[loc[-1]]
        problems.append(Problem.at(layout.CONFIG_FILE, line, column, ".".join(loc), code, **found))

    if "docs_dir" in data and str(data["docs_dir"]).strip("/") != layout.CONTENT_DIR:
        refuse(("docs_dir",), found=data["docs_dir"])
    if "site_dir" in data:
        target = (root / str(data["site_dir"])).resolve()
        sources = (layout.CONTENT_DIR, layout.STANDARDS_DIR, layout.WORK_DIR)
        if (
            target == root.resolve()
            or not inside(root, target)
            or any(inside(root / folder, target) for folder in sources)
        ):
            refuse(("site_dir",), found=data["site_dir"])
    if "nav" in data:
        refuse(("nav",))
    theme = data.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if custom_dir is not None and not (
        inside(root, root / str(custom_dir)) and (root / str(custom_dir)).is_dir()
    ):
        refuse(("theme", "custom_dir"), found=custom_dir)
    hooks = data.get("hooks")
    for i, hook in enumerate(hooks if isinstance(hooks, list) else []):
        if not (inside(root, root / str(hook)) and (root / str(hook)).is_file()):
            line, column = doc.where(("hooks", i))
            problems.append(
                Problem.at(layout.CONFIG_FILE, line, column, f"hooks[{i}]", "HB608", found=hook)
            )
    extra = data.get("extra")
    block = extra.get("handbook") if isinstance(extra, dict) else None
    if isinstance(block, dict) and RETIRED_KEY in block:
        refuse(("extra", "handbook", RETIRED_KEY))
    return problems


class _Extra(BaseModel):
    """`extra` in mkdocs.yml: free for the theme, except the generator's own block."""

    model_config = ConfigDict(extra="allow")

    handbook: HandbookSettings | None = Field(None, description="handbook 自己的设置。")


class MkdocsFile(BaseModel):
    """mkdocs.yml as editors' YAML plug-ins see it: MkDocs' and Material's keys are
    theirs (any value), `extra.handbook` is checked field by field. Only for the
    schema: the file is read by `load_settings` and by MkDocs."""

    model_config = ConfigDict(extra="allow")

    extra: _Extra | None = Field(None, description="主题和 handbook 的附加设置。")


def _refused_tags(doc: Document) -> list[Problem]:
    """The values tagged to call Python, other than the allowed ones."""
    return [
        doc.problem(loc, "HB603", tag=_shown(tag))
        for loc, tag in sorted(doc.tags.items(), key=lambda item: doc.where(item[0]))
        if tag.startswith(_CALLING_TAGS) and tag not in ALLOWED_CALLS
    ]


def _shown(tag: str) -> str:
    """A tag as it is written in the file: `!!python/object/apply:os.system`."""
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


# The pairs of a Material palette colour read as text, by rule: (primary|accent, the
# text's variable, the background's variable or colour, the variable to change).
_PAIRS = (
    ("primary", "--md-primary-bg-color", "--md-primary-fg-color", "HB615"),  # the header
    ("primary", "--md-primary-fg-color", WHITE, "HB616"),  # links on the page
    ("accent", "--md-accent-fg-color", WHITE, "HB617"),  # links under the pointer
)


def palette_contrast(doc: Document) -> list[Problem]:
    """Material's named colours in `theme.palette` whose text falls short of WCAG 2.1 AA
    (`primary: red`: white on red, 3.45:1), each with the nearest colour that reaches it;
    `custom` colours are the handbook's stylesheet's (or the committee's)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    palette = theme.get("palette") if isinstance(theme, dict) else None
    entries: list[tuple[tuple[str | int, ...], object]] = []
    if isinstance(palette, dict):
        entries = [(("theme", "palette"), palette)]
    elif isinstance(palette, list):
        entries = [(("theme", "palette", i), p) for i, p in enumerate(palette)]
    problems: list[Problem] = []
    named = material_palette()
    for loc, entry in entries:
        if not isinstance(entry, dict):
            continue
        done: set[str] = set()
        for kind, text_var, ground, code in _PAIRS:
            name = entry.get(kind)
            values = named.get((kind, str(name).lower().replace(" ", "-")))
            if kind in done or not values or (ground == WHITE and entry.get("scheme") == "slate"):
                continue  # custom, Material's own defaults, or a dark page: not checked here
            text, background = values.get(text_var, ""), values.get(ground, ground)
            if not (is_colour(text) and is_colour(background)) or ratio(text, background) >= AA:
                continue
            changed = background if ground != WHITE else text
            better = neighbour(changed, text if ground != WHITE else ground, text=ground == WHITE)
            pair = (better, background) if ground == WHITE else (text, better)
            problems.append(
                doc.problem(
                    (*loc, kind),
                    code,
                    name=name,
                    text=text,
                    background=background,
                    ratio=f"{ratio(text, background):.2f}",
                    better=better,
                    better_ratio=f"{ratio(*pair):.2f}",
                )
            )
            done.add(kind)
    return problems


def pdf_required(settings: PdfSettings, environ: Mapping[str, str]) -> bool:
    """Whether a build that cannot print its PDFs fails: as set, else in CI (`CI=true`, as
    GitHub, Gitea and Forgejo Actions and most CI services set it), where a site without
    PDFs would be published with only a line in a log nobody reads."""
    if settings.required is not None:
        return settings.required
    return environ.get("CI", "").strip().lower() in ("1", "true", "yes")
