"""Turn a parsed document into a typed model, translating pydantic's errors
(by their `type` and `ctx`) into our rules, placed at the line and column they concern."""

from __future__ import annotations

import enum
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.core.documents import Document, load_yaml
from generator.core.memory import BuildCache, memoized
from generator.core.model import FONT_FAMILY_PATTERN, SLUG_PATTERN
from generator.core.places import Loc, format_loc
from generator.errors import Problem, RuleBroken, did_you_mean
from generator.messages import Phrase, phrase

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
    doc, problems = load_yaml(path, rel, places=False)  # found again for a problem
    if doc is None:
        return None, None, problems
    typed, found = parse(doc, model)
    return doc, typed, problems + found


def parse(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a parsed document against `model`; every error becomes a placed problem."""
    if not isinstance(doc.data, dict):
        return None, [doc.problem((), "HB100", found=_found(doc, (), doc.data))]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = [e for e in exc.errors() if tuple(e["loc"]) not in doc.unreadable]
    problems = [_problem(doc, model, err) for err in errors]
    # "字段 'isuer' 不存在，是否应为 'issuer'？" already says that 'issuer' is missing.
    suggested = {
        (p.field.rsplit(".", 1)[0] + "." if "." in p.field else "")
        + str(dict(p.params)["suggestion"])
        for p in problems
        if p.code == "HB102"
    }
    return None, [p for p in problems if not (p.code == "HB101" and p.field in suggested)]


# What each pattern of the models asks for (matched on how the pattern starts), as a phrase.
_PATTERNS = (
    (SLUG_PATTERN, "pattern.slug"),
    (FONT_FAMILY_PATTERN, "pattern.font_family"),
    ("^[a-z0-9]+(?:-[a-z0-9]+)*/", "pattern.edition_ref"),
    ("^[a-z0-9]+(?:-[a-z0-9]+)*@", "pattern.rubric_ref"),
    ("^[0-9A-Za-z]", "pattern.edition"),
    ("^@", "pattern.account"),
    ("^[^@", "pattern.email"),
)


def _found(doc: Document, loc: Loc, value: Any) -> Phrase:
    """What was found, as a phrase (found.number: “数字 1.10”)."""
    raw = doc.raw.get(tuple(loc))
    return found_phrase(value, raw)


def found_phrase(value: Any, raw: str | None = None) -> Phrase:
    """A value as an editor wrote it, described: text in quotes, the number 1.10, a list…"""
    if isinstance(value, bool):
        return phrase("found.yes_no", value=raw or str(value).lower())
    if isinstance(value, int | float):
        return phrase("found.number", value=raw if raw is not None else f"{value:g}")
    if isinstance(value, str):
        return phrase("found.text", value=value if len(value) <= 60 else f"{value[:57]}…")
    if isinstance(value, dict):
        return phrase("found.mapping")
    if isinstance(value, list):
        return phrase("found.list")
    if value is None:
        return phrase("found.empty")
    return phrase("found.other", value=raw or str(value))


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


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _problem(doc: Document, model: type[BaseModel], err: Any) -> Problem:
    """pydantic's error, by its `type` and `ctx` (never its English `msg`), as our rule."""
    loc: Loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
    kind = err["type"]
    ctx = err.get("ctx", {})
    value = err.get("input")
    found = _found(doc, loc, value)
    name = loc[-1] if loc else ""
    if kind == "missing":
        line, column = doc.where(loc[:-1])
        return Problem.at(doc.path, line, column, format_loc(loc), "HB101", name=name)
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = did_you_mean(str(name), allowed)
        if close.params:
            return doc.problem(loc, "HB102", key=True, name=name, suggestion=close.params[0][1])
        return doc.problem(loc, "HB103", key=True, name=name, allowed=allowed)
    if kind == "string_type":
        if isinstance(value, int | float) and not isinstance(value, bool):
            raw = doc.raw.get(loc, str(value))
            return doc.problem(loc, "HB104", raw=raw)
        return doc.problem(loc, "HB105", found=found)
    if kind == "string_too_short":
        return doc.problem(loc, "HB106")
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        expected = next(
            (phrase(key) for start, key in _PATTERNS if pattern.startswith(start)),
            phrase("pattern.other", pattern=pattern),
        )
        return doc.problem(loc, "HB107", expected=expected, found=found)
    if kind in (
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
    ):
        return doc.problem(loc, "HB108", found=found)
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        return doc.problem(loc, "HB109", found=found)
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _bounds(model, loc)
        low, high = ctx.get("ge", low), ctx.get("le", high)
        if low is None:
            return doc.problem(loc, "HB118", high=_number(high), found=found)
        if high is None:
            return doc.problem(loc, "HB117", low=_number(low), found=found)
        return doc.problem(loc, "HB110", low=_number(low), high=_number(high), found=found)
    if kind in ("literal_error", "enum"):
        choices = tuple(
            str(getattr(choice, "value", choice)) for choice in _choices(model, loc, ctx)
        )
        return doc.problem(loc, "HB111", expected=choices, found=found)
    if kind == "too_short":
        return doc.problem(loc, "HB112")
    if kind == "list_type":
        return doc.problem(loc, "HB113", found=found)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return doc.problem(loc, "HB100", found=found)
    if kind in ("bool_type", "bool_parsing"):
        return doc.problem(loc, "HB114", found=found)
    error = ctx.get("error")
    if kind == "value_error" and isinstance(error, RuleBroken):
        return Problem(doc.path, *doc.where(loc), format_loc(loc), error.code, error.params)
    return doc.problem(loc, "HB115", kind=kind, found=found)


def _bounds(model: type[BaseModel], loc: Loc) -> tuple[Any, Any]:
    """The lower and upper bound (ge, le) the model declares for the field at `loc`;
    pydantic's `ctx` names only the one that was crossed."""
    parent = _model_at(model, loc[:-1]) if loc else None
    info = parent.model_fields.get(str(loc[-1])) if parent and loc else None
    low = high = None
    for item in info.metadata if info else []:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    return low, high


def _choices(model: type[BaseModel], loc: Loc, ctx: dict[str, Any]) -> list[Any]:
    """The allowed values of a Literal or an enum field, from the model (pydantic's
    `ctx.expected` is English prose: "'a', 'b' or 'c'")."""
    parent = _model_at(model, loc[:-1]) if loc else None
    info = parent.model_fields.get(str(loc[-1])) if parent and loc else None
    annotation = _unwrap(info.annotation) if info else None
    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return list(annotation)
    return [ctx.get("expected", "")]
