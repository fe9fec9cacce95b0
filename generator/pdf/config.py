"""The PDF settings in `mkdocs.yml`, under `extra.handbook.pdf`."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from generator.errors import Problem

# A font family name as fontconfig knows it; it is written into a CSS string.
FontFamily = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, pattern=r'^[^"\\;{}<>\n]+$')
]


class PdfSettings(BaseModel):
    """How the PDFs of standards, manuals and the 汇编 are made."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(default=True, description="Make the PDFs (false: the site has none).")
    serif: FontFamily = Field(
        default="Noto Serif CJK SC", description="Family of the body text (fontconfig's name)."
    )
    sans: FontFamily = Field(
        default="Noto Sans CJK SC",
        description="Family of the headings, the cover and the running header.",
    )


def parse_pdf_settings(value: Any, config_file: str) -> tuple[PdfSettings, list[Problem]]:
    """`extra.handbook.pdf` as settings, or the defaults and what is wrong with it."""
    if value is None:
        return PdfSettings(), []
    if not isinstance(value, dict):
        return PdfSettings(), [
            Problem(
                config_file,
                0,
                0,
                "extra.handbook.pdf",
                f"expected a mapping (enabled, serif, sans), found {type(value).__name__} {value!r}",
            )
        ]
    try:
        return PdfSettings.model_validate(value), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            if error["type"] == "extra_forbidden":
                message = f"unknown field '{where}'; expected enabled, serif or sans"
            elif error["type"] == "string_pattern_mismatch":
                message = f"expected a font family name without quotes, backslashes or braces, found {error['input']!r}"
            else:
                message = f"{error['msg'].lower()}, found {error['input']!r}"
            problems.append(Problem(config_file, 0, 0, f"extra.handbook.pdf.{where}", message))
        return PdfSettings(), problems
