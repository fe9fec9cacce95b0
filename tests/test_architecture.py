"""The house rules of generator/, read from the code with `ast`: imports run one
way (core ← each domain's stages ← pipeline ← engine ← cli; between domains only
standards ← content/results ← notices, and results ← composites), only engine/ imports MkDocs, and only
layout.py spells a path of the layout."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# Who may import whom, by top-level room. A room may always import itself
# (inside a domain, the stage order below applies).
BASE = {"errors", "layout", "messages"}
ALLOWED: dict[str, set[str]] = {
    "errors": {"messages"},
    "layout": set(),
    "core": BASE,
    "settings": BASE | {"core"},
    "render": BASE | {"core", "settings"},
    "standards": BASE | {"core", "settings", "render"},
    "content": BASE | {"core", "settings", "render", "standards"},
    "results": BASE | {"core", "settings", "render", "standards"},
    "notices": BASE | {"core", "settings", "render", "standards", "content", "results"},
    "composites": BASE | {"core", "settings", "render", "standards", "results"},
    "facets": BASE | {"core", "settings", "render", "standards", "notices"},
    # The PDFs print standards and hand-written pages (content) through the renderer.
    "pdf": BASE | {"core", "settings", "render", "standards", "content"},
    "pipeline": BASE
    | {
        "core",
        "settings",
        "render",
        "standards",
        "content",
        "results",
        "notices",
        "composites",
        "facets",
        "pdf",
    },
    "report": BASE,
    "messages": set(),
}
ALLOWED["engine"] = ALLOWED["pipeline"] | {"pipeline"}
ALLOWED["review"] = ALLOWED["pipeline"] | {"pipeline"}
ALLOWED["sheets"] = ALLOWED["pipeline"] | {"pipeline"}
ALLOWED["scaffold"] = ALLOWED["pipeline"] | {"pipeline"}  # `handbook new`
ALLOWED["audit"] = ALLOWED["pipeline"] | {"pipeline"}  # `handbook audit`
ALLOWED["cli"] = set(ALLOWED) | {"engine", "review", "sheets", "scaffold", "audit"}
DOMAINS = {"standards", "content", "results", "notices", "composites"}

# Inside a domain: model ← load ← check ← compute ← pages. Modules that only
# state rules of the model (status by date, citation syntax, working days,
# SVG drawing) stand with the model.
STAGES = {
    "model": 0,
    "status": 0,
    "citations": 0,
    "workdays": 0,
    "charts": 0,
    "series": 0,
    "periods": 0,
    "headings": 0,
    "load": 1,
    "check": 2,
    "codeowners": 2,
    "catalog": 3,
    "compare": 3,
    "scoring": 3,
    "score": 3,
    "downloads": 4,
    "feeds": 4,
    "pages": 4,
}
# notices/status.py computes (it reads loaded notices), unlike standards/status.py.
STAGE_OVERRIDES = {("notices", "status"): 3}

# A path of the layout: a top-level folder of the sources, the build's memory,
# the generated site, or the configuration file.
_PATH = re.compile(
    r"^/?(standards|content|notices|results|glossary|assets|pagefind|site)/"
    r"|^\.handbook\b|^mkdocs\.yml$|(^|/)index\.md$"
)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _name(path: Path) -> tuple[str, ...]:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "generator":
                found += [(node.lineno, f"generator.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def _room(parts: tuple[str, ...]) -> str:
    return parts[0] if parts else "__init__"


def _stage(parts: tuple[str, ...]) -> int:
    if len(parts) < 2:
        return 0
    return STAGE_OVERRIDES.get((parts[0], parts[1]), STAGES.get(parts[1], 0))


def arrows_back() -> list[str]:
    """Every import that breaks the one-way order, as `module:line → target`."""
    wrong = []
    for path in _modules():
        here = _name(path)
        room = _room(here)
        if room in ("__init__", "__main__"):
            continue
        for line, target in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if not target.startswith("generator."):
                continue
            there = tuple(target.split(".")[1:])
            other = _room(there)
            if other == room:
                if room in DOMAINS and _stage(there) > _stage(here):
                    wrong.append(f"{'.'.join(here)}:{line} → {target} (a later stage)")
                continue
            if other not in ALLOWED.get(room, set()):
                wrong.append(f"{'.'.join(here)}:{line} → {target}")
    return wrong


def mkdocs_outside_engine() -> list[str]:
    """Imports of MkDocs or Material outside engine/."""
    wrong = []
    for path in _modules():
        if _room(_name(path)) == "engine":
            continue
        for line, target in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if target.split(".")[0] in ("mkdocs", "material"):
                wrong.append(f"{'.'.join(_name(path))}:{line} → {target}")
    return wrong


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def path_literals() -> list[str]:
    """Strings (or the fixed parts of f-strings) outside layout.py that spell a
    path of the layout. Sentences (messages with spaces) are for people."""
    wrong = []
    for path in _modules():
        if _name(path) == ("layout",):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and " " not in node.value
                and _PATH.search(node.value)
            ):
                wrong.append(f"{'.'.join(_name(path))}:{node.lineno}: {node.value!r}")
    return wrong


def test_imports_run_one_way() -> None:
    assert arrows_back() == []


def test_only_the_engine_imports_mkdocs() -> None:
    assert mkdocs_outside_engine() == []


def test_only_layout_spells_paths() -> None:
    assert path_literals() == []


@pytest.mark.parametrize(
    ("source", "rule"),
    [
        ("from generator.pipeline import run\n", arrows_back),
        ("from generator.notices.load import Notice\n", arrows_back),
        ("from generator.results.pages import results_pages\n", arrows_back),
        ("import mkdocs.config\n", mkdocs_outside_engine),
        ('CACHE = ".handbook/cache"\n', path_literals),
    ],
)
def test_the_rules_catch_a_breach(source: str, rule: object) -> None:
    """Each rule fails on a breach planted in a domain's model module."""
    planted = PACKAGE / "results" / "_planted_breach.py"
    assert callable(rule)
    clean = rule()
    planted.write_text(source, encoding="utf-8")
    try:
        assert len(rule()) == len(clean) + 1
    finally:
        planted.unlink()
