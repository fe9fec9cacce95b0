"""JSON Schemas exported from the models, for editors' YAML plug-ins."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel

from generator import layout

# File name → (model, title of the schema).
Schemas = Mapping[str, tuple[type[BaseModel], str]]


def schema_text(model: type[BaseModel], title: str) -> str:
    """The model's JSON Schema, as committed."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
