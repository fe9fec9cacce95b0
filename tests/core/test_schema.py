"""The JSON Schema that editors' YAML plug-ins use agrees with the models."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from generator.core.schema import stale_schemas
from generator.layout import SCHEMA_DIR
from generator.pipeline import SCHEMAS

REPO = Path(__file__).resolve().parents[2]


def _as_json(value: Any) -> Any:
    return json.loads(
        json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else v)
    )


def test_committed_schema_is_up_to_date() -> None:
    assert stale_schemas(SCHEMAS) == [], "run 'handbook schema' and commit the result"


def test_sample_files_satisfy_the_schema() -> None:
    schema = json.loads((SCHEMA_DIR / "standard.schema.json").read_text(encoding="utf-8"))
    files = sorted((REPO / "standards").glob("*/*.yml"))
    assert len(files) == 8
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(_as_json(data), schema)


def test_schema_rejects_a_number_where_text_is_needed() -> None:
    schema = json.loads((SCHEMA_DIR / "standard.schema.json").read_text(encoding="utf-8"))
    clause = schema["$defs"]["Clause"]
    errors = list(
        jsonschema.Draft202012Validator(clause).iter_errors({"id": "a", "number": 1.1, "text": "x"})
    )
    assert [e.json_path for e in errors] == ["$.number"]


def test_vscode_is_wired_to_the_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {
        "./generator/schemas/standard.schema.json": "standards/*/*.yml"
    }
