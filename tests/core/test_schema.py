"""The JSON Schema that editors' YAML plug-ins use agrees with the models."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from generator import layout
from generator.core.schema import stale_schemas
from generator.kinds import schemas
from generator.layout import SCHEMA_DIR

REPO = Path(__file__).resolve().parents[2]


def _as_json(value: Any) -> Any:
    return json.loads(
        json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, dt.date) else v)
    )


def test_committed_schema_is_up_to_date() -> None:
    assert stale_schemas(schemas()) == [], "run 'handbook schema' and commit the result"


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


def test_vscode_is_wired_to_every_schema() -> None:
    """This repository's editor settings name every schema, each for files that exist;
    the scaffold's name the same globs (tests/core/test_yaml_language_server.py drives them)."""
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    wired = settings["yaml.schemas"]
    assert {Path(path).name for path in wired} == set(schemas())
    for path, glob in wired.items():
        assert (REPO / path).is_file(), path
        assert list(REPO.glob(glob)), glob
    scaffold = REPO / "generator" / "scaffold" / "files" / "dot-vscode" / "settings.json"
    theirs = json.loads(scaffold.read_text(encoding="utf-8"))
    assert sorted(theirs["yaml.schemas"].values()) == sorted(wired.values())
    assert theirs["yaml.customTags"] == settings["yaml.customTags"]


def test_every_sample_file_satisfies_its_schema() -> None:
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for path, glob in settings["yaml.schemas"].items():
        schema = json.loads((REPO / path).read_text(encoding="utf-8"))
        for data_file in sorted(REPO.glob(glob)):
            data = yaml.load(data_file.read_text(encoding="utf-8"), Loader=_Tolerant)
            jsonschema.validate(_as_json(data), schema)


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml's `!!python/…` values read as None."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_editor_wiring_is_the_registered_kinds() -> None:
    """The editors' settings are what the kinds declare: this repository's, and the
    ones `handbook new` writes (made from the kinds, whatever its template says)."""
    from generator.kinds import editor_wiring
    from generator.scaffold.new import planned_files

    mine = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert mine["yaml.schemas"] == editor_wiring(layout.TOOL_SCHEMAS)
    theirs = json.loads(planned_files()[layout.EDITOR_SETTINGS])
    assert theirs["yaml.schemas"] == editor_wiring(layout.EDITOR_SCHEMAS)
    assert theirs["yaml.customTags"] == mine["yaml.customTags"]
