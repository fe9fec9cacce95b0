"""Turn a parsed document into a typed model, translating pydantic's errors
into plain sentences placed at the line and column they concern."""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.core.documents import Document, Loc, format_loc, load_yaml
from generator.core.memory import BuildCache, memoized
from generator.core.model import FONT_FAMILY_PATTERN, SLUG_PATTERN
from generator.errors import Problem, did_you_mean

M = TypeVar("M", bound=BaseModel)


def load_typed(
    path: Path, rel: str, model: type[M], memory: BuildCache | None = None
) -> tuple[Document | None, M | None, list[Problem]]:
    """Read a YAML file into `model`: the document (for places), the record, the problems.
    An unchanged file gives what it gave in the previous build (see `core.memory`)."""
    return memoized(
        memory, path, rel, f"yaml:{model.__name__}", lambda: _load_typed(path, rel, model)
    )


def _load_typed(
    path: Path, rel: str, model: type[M]
) -> tuple[Document | None, M | None, list[Problem]]:
    doc, problems = load_yaml(path, rel)
    if doc is None:
        return None, None, problems
    typed, found = parse(doc, model)
    return doc, typed, problems + found


def parse(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a parsed document against `model`; every error becomes a placed problem."""
    if not isinstance(doc.data, dict):
        return None, [
            doc.problem(
                (), f"expected a mapping of fields (key: value), found {_found(doc, (), doc.data)}"
            )
        ]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = [e for e in exc.errors() if tuple(e["loc"]) not in doc.unreadable]
    problems = [_problem(doc, model, err) for err in errors]
    # "unknown field 'isuer'; did you mean 'issuer'?" already says that 'issuer' is missing.
    suggested = {
        (p.field.rsplit(".", 1)[0] + "." if "." in p.field else "") + p.message.rsplit("'", 2)[-2]
        for p in problems
        if p.message.startswith("unknown field") and "did you mean" in p.message
    }
    return None, [
        p for p in problems if not (p.message.startswith("missing field") and p.field in suggested)
    ]


# What each pattern of the models asks for, in words (matched on how the pattern starts).
_PATTERNS = (
    (SLUG_PATTERN, "an id of lowercase Latin letters, digits and hyphens (like liuhua-24)"),
    (
        FONT_FAMILY_PATTERN,
        "a font family name without quotes, backslashes, semicolons or braces "
        "(like Noto Serif CJK SC)",
    ),
    (
        "^[a-z0-9]+(?:-[a-z0-9]+)*/",
        "a reference written as <standard-id>/<edition> (like liuhua-24/2019)",
    ),
    (
        "^[a-z0-9]+(?:-[a-z0-9]+)*@",
        "a rubric written as <standard-id>@<edition> (like liuhua-24@2023)",
    ),
    ("^[0-9A-Za-z]", 'an edition of Latin letters, digits, dots and hyphens (like "2019")'),
    ("^@", "a forge account or team (like @zuzhibu or @org/team)"),
    ("^[^@", "an e-mail address (like name@example.org)"),
)


def _found(doc: Document, loc: Loc, value: Any) -> str:
    raw = doc.raw.get(tuple(loc))
    if isinstance(value, bool):
        return f"the yes/no value {raw or value}"
    if isinstance(value, int | float):
        return f"the number {raw if raw is not None else value}"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}…"'
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return f"'{raw or value}'"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that the mapping at `loc` is validated against."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        elif origin is list or origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _problem(doc: Document, model: type[BaseModel], err: Any) -> Problem:
    loc: Loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
    kind = err["type"]
    value = err.get("input")
    found = _found(doc, loc, value)
    name = loc[-1] if loc else ""
    if kind == "missing":
        line, column = doc.where(loc[:-1])
        return Problem(doc.path, line, column, format_loc(loc), f"missing field '{name}'")
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        hint = did_you_mean(str(name), allowed) or f"; the allowed fields are: {', '.join(allowed)}"
        return doc.problem(loc, f"unknown field '{name}'{hint}", key=True)
    if kind == "string_type":
        if isinstance(value, int | float) and not isinstance(value, bool):
            raw = doc.raw.get(loc, str(value))
            return doc.problem(
                loc,
                f"expected text, found {found}; YAML reads unquoted {raw} as a number "
                f'(1.10 becomes 1.1), so write it in quotes: "{raw}"',
            )
        return doc.problem(loc, f"expected text, found {found}")
    if kind == "string_too_short":
        return doc.problem(loc, "expected text, found an empty value")
    if kind == "string_pattern_mismatch":
        pattern = str(err.get("ctx", {}).get("pattern", ""))
        expected = next(
            (text for start, text in _PATTERNS if pattern.startswith(start)),
            f"text of the form {pattern}",
        )
        return doc.problem(loc, f"expected {expected}, found {found}")
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return doc.problem(
            loc, f"expected a date written as YYYY-MM-DD (like 2023-05-26), found {found}"
        )
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return doc.problem(loc, f"expected a number, found {found}")
    if kind in ("greater_than_equal", "less_than_equal"):
        ctx = err.get("ctx", {})
        return doc.problem(
            loc,
            f"expected a number from {ctx.get('ge', 0):g} to {ctx.get('le', 1000):g}, found {found}",
        )
    if kind in ("literal_error", "enum"):
        return doc.problem(loc, f"expected one of {err['ctx']['expected']}, found {found}")
    if kind in ("list_type", "too_short"):
        if kind == "too_short":
            return doc.problem(loc, "expected a list with at least one entry, found an empty list")
        return doc.problem(loc, f"expected a list (lines starting with '- '), found {found}")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return doc.problem(loc, f"expected a mapping of fields (key: value), found {found}")
    if kind == "value_error":
        return doc.problem(loc, str(err["ctx"]["error"]))
    return doc.problem(loc, f"{err['msg']}, found {found}")
