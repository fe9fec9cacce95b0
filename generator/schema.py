"""JSON Schemas exported from the models, for editors' YAML plug-ins."""

from __future__ import annotations

import json
from pathlib import Path

from generator.models.standard import StandardEdition

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SCHEMAS = {"standard.schema.json": StandardEdition}


def schema_text(model: type[StandardEdition]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Standard edition (standards/<id>/<edition>.yml)"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(target: Path = SCHEMA_DIR) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = target / name
        path.write_text(schema_text(model), encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(target: Path = SCHEMA_DIR) -> list[str]:
    """Names of the schema files that no longer match the models."""
    return [
        name
        for name, model in SCHEMAS.items()
        if not (target / name).is_file()
        or (target / name).read_text(encoding="utf-8") != schema_text(model)
    ]
