"""The handbook's settings, from its `mkdocs.yml`: the site's name and address,
the language (`theme.language`), and the generator's own block `extra.handbook`,
declared as a model so that an unknown key or a wrong type is a located problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, StrictBool, StringConstraints

from generator import layout
from generator.core.documents import Document, load_yaml
from generator.core.files import inside
from generator.core.model import FONT_FAMILY_PATTERN, Model
from generator.core.typed import parse
from generator.errors import Problem

DEFAULT_SITE_NAME = "业务规范手册"
DEFAULT_LANGUAGE = "zh"


FontFamily = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, pattern=FONT_FAMILY_PATTERN)
]


class PdfSettings(Model):
    """`extra.handbook.pdf`: how the PDFs of standards, manuals and the 汇编 are made."""

    enabled: StrictBool = Field(default=True, description="false：不生成 PDF，页面也不链接 PDF。")
    serif: FontFamily = Field(
        default="Noto Serif CJK SC", description="正文字体（fontconfig 中的字体族名称）。"
    )
    sans: FontFamily = Field(
        default="Noto Sans CJK SC", description="标题、封面和页眉的字体（fontconfig 中的字体族名称）。"
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
    source_url: str = Field(
        "", description="在代码托管平台上查看文件的地址前缀；每页链接到其源文件。留空则不链接。"
    )
    pdf: PdfSettings = Field(
        default_factory=lambda: PdfSettings.model_validate({}),
        description="标准、手册和汇编的 PDF：是否生成，用哪些字体。"
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
    source_url: str = ""  # where the repository's files can be read on the forge
    language: str = DEFAULT_LANGUAGE
    pdf: PdfSettings = field(default_factory=lambda: PdfSettings.model_validate({}))


def load_settings(root: Path) -> tuple[Settings | None, list[Problem]]:
    """Read `mkdocs.yml`; values tagged for MkDocs (`!ENV`, `!!python/…`) are its business."""
    config = root / layout.CONFIG_FILE
    if not config.is_file():
        return None, [
            Problem(layout.CONFIG_FILE, 0, 0, "", "the site configuration mkdocs.yml is missing")
        ]
    doc, problems = load_yaml(config, layout.CONFIG_FILE, foreign_tags=True)
    if doc is None or problems:
        return None, problems
    data: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
    extra: dict[str, Any] = data["extra"] if isinstance(data.get("extra"), dict) else {}
    block, problems = _handbook_block(doc, extra.get("handbook"))
    if block is None:
        return None, problems
    overrides = None
    if block.template_overrides:
        overrides = root / block.template_overrides
        if not inside(root, overrides) or not overrides.is_dir():
            line, column = doc.where(("extra", "handbook", "template_overrides"))
            problems.append(
                Problem(
                    layout.CONFIG_FILE,
                    line,
                    column,
                    "extra.handbook.template_overrides",
                    f"expected a folder inside the repository, found '{block.template_overrides}'",
                )
            )
            overrides = None
    theme: dict[str, Any] = data["theme"] if isinstance(data.get("theme"), dict) else {}
    settings = Settings(
        site_name=str(data.get("site_name") or DEFAULT_SITE_NAME),
        site_url=str(data.get("site_url") or ""),
        committee=block.committee,
        description=block.description,
        sample_data=block.sample_data,
        template_overrides=overrides,
        source_url=block.source_url,
        language=str(theme.get("language") or DEFAULT_LANGUAGE),
        pdf=block.pdf,
    )
    return settings, problems


def _handbook_block(doc: Document, value: object) -> tuple[HandbookSettings | None, list[Problem]]:
    """`extra.handbook` typed, its problems placed in mkdocs.yml with their full key path."""
    if value is None:
        return HandbookSettings.model_validate({}), []
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
    return model, [
        Problem(
            p.path,
            p.line,
            p.column,
            "extra.handbook" + ("." + p.field if p.field else ""),
            p.message,
        )
        for p in problems
    ]
