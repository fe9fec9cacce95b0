"""Editors' YAML support, checked with the real yaml-language-server (the engine of
VS Code's YAML extension) driven over stdio: the schemas and the settings that
`handbook new` writes report a misspelt field and a wrong type in every kind of
data file, accept the files as written, and complete and explain the fields."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.kinds import schemas
from generator.scaffold.new import write_handbook
from tests.lsp_client import LanguageServer

REPO = Path(__file__).resolve().parents[2]
SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"

# Per kind of file: the file in the new handbook; a field misspelt (old → new
# line); a value of the wrong type (old → new line); a document to complete in,
# the place of the cursor and fields the completion must offer.
CASES: dict[str, dict[str, Any]] = {
    "standard": {
        "file": "standards/huiyi-guanli/2026.yml",
        "misspelt": ("issuer: 示例委员会", "isuer: 示例委员会"),
        "wrong_type": ('edition: "2026"', "edition: 2026"),
        "complete": ("id: x\n", (1, 0)),
        "offers": {"code", "title", "edition", "issued", "effective", "sections", "rubric"},
    },
    "units": {
        "file": "content/results/units.yml",
        "misspelt": ("    kind: 工作机构", "    kin: 工作机构"),
        "wrong_type": ("    name: 秘书处", "    name: 3"),
        "complete": ("units:\n  - id: a\n    \n", (2, 4)),
        "offers": {"name", "kind", "parent", "former_names", "merged_into"},
    },
    "round": {
        "file": "content/results/rounds/jiancha-2026.yml",
        "misspelt": ("series: jiancha", "seriess: jiancha"),
        "wrong_type": ("assessed: 2026-06-20", "assessed: 20260620"),
        "complete": ("id: x\n", (1, 0)),
        "offers": {
            "series",
            "title",
            "rubric",
            "period",
            "assessed",
            "published",
            "assessor",
            "scores",
        },
    },
    "table": {
        "file": "content/results/tables/zhenggai-2026.yml",
        "misspelt": ("published: 2026-07-01", "publised: 2026-07-01"),
        "wrong_type": ("title: 2026年会议管理检查问题整改台账", "title: [2026]"),
        "complete": ("id: x\n", (1, 0)),
        "offers": {"kind", "title", "published", "columns", "deadline", "done", "rows", "private"},
    },
    "series": {
        "file": "content/results/series.yml",
        "misspelt": ("    name: 会议管理检查", "    nam: 会议管理检查"),
        "wrong_type": ("    description: 每年一次的会议管理检查", "    description: [每年一次]"),
        "complete": ("series:\n  - id: a\n    \n", (2, 4)),
        "offers": {"name", "description"},
    },
    "composite": {
        # `handbook new` writes none: the sample's, copied into the new handbook.
        "file": "content/results/composites/kaoping-2025.yml",
        "sample": True,
        "misspelt": ("published: 2026-01-20", "publish: 2026-01-20"),
        "wrong_type": ("missing: reweight", "missing: 0"),
        "complete": ("id: x\n", (1, 0)),
        "offers": {
            "title",
            "method",
            "method_clause",
            "period",
            "components",
            "grades",
            "previous",
        },
    },
    "calendar": {
        "file": "content/notices/calendar.yml",
        "misspelt": ("holidays:", "holiday:"),
        "wrong_type": ("workdays:", "workdays: 5"),
        "complete": ("\n", (0, 0)),
        "offers": {"holidays", "workdays"},
    },
    "settings": {
        "file": "mkdocs.yml",
        "misspelt": ("    sample_data: false", "    sampel_data: false"),
        "wrong_type": ("    committee: 示例委员会", "    committee: [示例委员会]"),
        "complete": ("extra:\n  handbook:\n    \n", (2, 4)),
        "offers": {"committee", "description", "sample_data", "template_overrides"},
    },
}


def _line(lines: list[str], start: str) -> int:
    """The first line that starts with `start` (comments may follow the value)."""
    return next(i for i, line in enumerate(lines) if line.startswith(start))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editor") / "handbook"
    write_handbook(root)
    return root


@pytest.fixture(scope="module")
def server(workspace: Path) -> Iterator[LanguageServer]:
    node = shutil.which("node")
    assert node, "Node.js is missing (see README: Tests)"
    assert SERVER.is_file(), "yaml-language-server is missing: npm install (see README)"
    # What VS Code's YAML extension sends: .vscode/settings.json's yaml.* settings,
    # with the schema paths resolved against the workspace folder.
    vscode = json.loads((workspace / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = {
        (workspace / path).resolve().as_uri(): glob for path, glob in vscode["yaml.schemas"].items()
    }
    settings = {
        "yaml": {
            "schemas": schemas,
            "customTags": vscode["yaml.customTags"],
            "validate": True,
            "completion": True,
            "hover": True,
        }
    }
    lsp = LanguageServer([node, str(SERVER), "--stdio"], workspace, settings)
    yield lsp
    lsp.close()


def test_every_kind_of_data_file_is_wired(workspace: Path) -> None:
    vscode = json.loads((workspace / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    wired = {Path(path).name for path in vscode["yaml.schemas"]}
    assert wired == set(schemas())
    for path in vscode["yaml.schemas"]:
        assert (workspace / path).is_file(), path


@pytest.mark.parametrize("kind", sorted(CASES))
def test_mistakes_are_reported_and_fields_completed(
    kind: str, server: LanguageServer, workspace: Path
) -> None:
    case = CASES[kind]
    path = workspace / case["file"]
    if case.get("sample"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((REPO / case["file"]).read_bytes())
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    (old_name, new_name), (old_type, new_type) = case["misspelt"], case["wrong_type"]
    name_line, type_line = _line(lines, old_name), _line(lines, old_type)
    lines[name_line] = new_name + lines[name_line][len(old_name) :]
    lines[type_line] = new_type + lines[type_line][len(old_type) :]
    server.show(path, "\n".join(lines) + "\n")
    found = server.diagnostics_of(path)
    where = {(d["range"]["start"]["line"], d["message"]) for d in found}
    field = new_name.split(":")[0].strip()
    assert (name_line, f"Property {field} is not allowed.") in where, found
    assert any(line == type_line and m.startswith("Incorrect type.") for line, m in where), found

    server.show(path, text)  # the file as `handbook new` wrote it is accepted
    assert server.diagnostics_of(path) == []

    document, (line, column) = case["complete"]
    server.show(path, document)
    items = server.request(
        "textDocument/completion",
        {"textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": column}},
    )
    labels = {item["label"] for item in (items["items"] if isinstance(items, dict) else items)}
    assert case["offers"] <= labels, labels


def test_the_hover_explains_a_field_in_chinese(server: LanguageServer, workspace: Path) -> None:
    path = workspace / CASES["round"]["file"]
    text = path.read_text(encoding="utf-8")
    server.show(path, text)
    line = _line(text.splitlines(), "series: jiancha")
    hover = server.request(
        "textDocument/hover",
        {"textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": 2}},
    )
    contents = hover["contents"]
    shown = contents["value"] if isinstance(contents, dict) else str(contents)
    assert "所属系列：同一系列的各轮相互比较" in shown
