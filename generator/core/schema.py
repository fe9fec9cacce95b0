"""JSON Schemas exported from the models, for editors' YAML plug-ins."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import layout

# File name → (model, title of the schema).
Schemas = Mapping[str, tuple[type[BaseModel], str]]


def schema_text(model: type[BaseModel], title: str) -> str:
    """The model's JSON Schema, as committed: what an editor's hover shows is the
    fields' Chinese descriptions, so the English titles pydantic makes from field
    names and the models' docstrings (written for developers) are left out."""
    schema = _for_editors(model.model_json_schema())
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    schema.pop("description", None)
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _for_editors(schema: Any) -> Any:
    """A schema without its generated titles, at every level."""
    if isinstance(schema, list):
        return [_for_editors(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {
        k: _for_editors(v) for k, v in schema.items() if k not in ("title", "properties", "$defs")
    }
    for key in ("properties", "$defs"):  # maps of names to schemas: a field may be called title
        if key in schema:
            out[key] = {name: _for_editors(sub) for name, sub in schema[key].items()}
    return out


def write_schemas(schemas: Schemas, target: Path = layout.SCHEMA_DIR) -> list[Path]:
    """Write every schema file; return their paths."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (model, title) in schemas.items():
        path = target / name
        path.write_text(schema_text(model, title), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(schemas: Schemas, target: Path = layout.SCHEMA_DIR) -> list[str]:
    """Names of the schema files that no longer match the models."""
    return [
        name
        for name, (model, title) in schemas.items()
        if not (target / name).is_file()
        or (target / name).read_text(encoding="utf-8") != schema_text(model, title)
    ]
