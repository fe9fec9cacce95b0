"""The house rules of generator/, read from the code with `ast`: imports run one
way (core ← each domain's stages ← pipeline ← engine ← cli; between domains only
standards ← content/results ← notices, and results ← composites), only engine/ imports MkDocs, only
layout.py spells a path of the layout, and no module is longer than one sitting's reading."""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Callable
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
    # What a kind declares (generator/descriptor.py): the kinds' packages import it.
    "descriptor": BASE | {"core", "settings", "render"},
    "standards": BASE | {"core", "settings", "render", "descriptor"},
    "content": BASE | {"core", "settings", "render", "descriptor", "standards"},
    "results": BASE | {"core", "settings", "render", "descriptor", "standards"},
    "notices": BASE
    | {"core", "settings", "render", "descriptor", "standards", "content", "results"},
    "composites": BASE | {"core", "settings", "render", "descriptor", "standards", "results"},
    "home": BASE | {"core", "settings", "render", "descriptor", "standards", "content", "notices"},
    # The PDFs print standards and hand-written pages (content) through the renderer.
    "pdf": BASE | {"core", "settings", "render", "descriptor", "standards", "content"},
    # The registry: one line per kind (generator/kinds.py).
    "kinds": BASE
    | {"core", "settings", "descriptor", "standards", "content", "results", "notices"}
    | {"composites", "home", "pdf"},
    # Search's vocabulary, from what each kind declares.
    "facets": BASE | {"core", "settings", "render", "descriptor"},
    # The pipeline goes over the registered kinds: it names none of them.
    "pipeline": BASE | {"core", "settings", "render", "descriptor", "kinds", "facets"},
    "report": BASE,
    "messages": set(),
}
KINDS = {"standards", "content", "results", "notices", "composites", "home", "pdf"}
ALLOWED["engine"] = ALLOWED["pipeline"] | {"pipeline"}  # names no kind either
ALLOWED["review"] = ALLOWED["pipeline"] | {"pipeline"}  # `handbook diff`: the kinds say their lines
ALLOWED["sheets"] = ALLOWED["pipeline"] | KINDS | {"pipeline"}
ALLOWED["scaffold"] = ALLOWED["pipeline"] | {"pipeline"}  # `handbook new`
ALLOWED["audit"] = ALLOWED["pipeline"] | KINDS | {"pipeline"}  # `handbook audit`
ALLOWED["cli"] = set(ALLOWED) | {"engine", "review", "sheets", "scaffold", "audit"}
DOMAINS = {"standards", "content", "results", "notices", "composites", "home"}

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
    "lifecycle": 0,
    "derived": 0,
    "load": 1,
    "check": 2,
    "codeowners": 2,
    "lifecycle_check": 2,
    "catalog": 3,
    "compare": 3,
    "scoring": 3,
    "score": 3,
    "downloads": 4,
    "feeds": 4,
    "pages": 4,
    "rows": 4,  # results: a round's rows, as its pages and downloads write them
    "lifecycle_pages": 4,
    "menu": 4,
    "diff": 4,
    "kind": 5,  # the descriptor: every stage of its kind
}
# notices/status.py computes (it reads loaded notices), unlike standards/status.py.
STAGE_OVERRIDES = {("notices", "status"): 3}

# A path of the layout: a top-level folder of the sources, the build's memory,
# the generated site, or the configuration file.
_PATH = re.compile(
    r"^/?(standards|content|notices|results|glossary|assets|pagefind|site)/"
    r"|^\.handbook\b|^mkdocs\.yml$|(^|/)index\.md$"
)


def _modules(package: Path) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def _name(package: Path, path: Path) -> tuple[str, ...]:
    parts = path.relative_to(package).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def _is_module(package: Path, dotted: str) -> bool:
    """Whether `generator.a.b` names a module or package of the tree at `package`."""
    folder = package.joinpath(*dotted.split(".")[1:])
    return folder.with_suffix(".py").is_file() or (folder / "__init__.py").is_file()


def _absolute(package: Path, path: Path, node: ast.ImportFrom) -> str:
    """The module an ImportFrom reads from, relative forms (`from ..x import y`) resolved."""
    if not node.level:
        return node.module or ""
    here = ("generator", *_name(package, path))
    if path.name != "__init__.py":
        here = here[:-1]  # a module's package
    base = here[: len(here) - (node.level - 1)]
    return ".".join(base + ((node.module,) if node.module else ()))


_DYNAMIC = {"import_module", "__import__"}


def _imports(package: Path, path: Path, tree: ast.AST) -> list[tuple[int, str]]:
    """Every import of a module, with its line: `import a`, `from a import b`
    (b itself when b is a module), relative forms, and `importlib.import_module`
    or `__import__` (a name the test cannot read is reported as `<dynamic>`)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(package, path, node)
            for alias in node.names:
                whole = f"{module}.{alias.name}"
                sub = whole.startswith("generator.") and _is_module(package, whole)
                found.append((node.lineno, whole if sub else module))
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in _DYNAMIC:
                arg = node.args[0] if node.args else None
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append((node.lineno, arg.value))
                else:
                    found.append((node.lineno, "<dynamic>"))
    return found


def _room(parts: tuple[str, ...]) -> str:
    return parts[0] if parts else "__init__"


def _stage(parts: tuple[str, ...]) -> int:
    if len(parts) < 2:
        return 0
    return STAGE_OVERRIDES.get((parts[0], parts[1]), STAGES.get(parts[1], 0))


def arrows_back(package: Path = PACKAGE) -> list[str]:
    """Every import that breaks the one-way order, as `module:line → target`."""
    wrong = []
    for path in _modules(package):
        here = _name(package, path)
        room = _room(here)
        if room in ("__init__", "__main__"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, target in _imports(package, path, tree):
            if target == "<dynamic>":
                wrong.append(f"{'.'.join(here)}:{line} → an import the test cannot read")
                continue
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


def mkdocs_outside_engine(package: Path = PACKAGE) -> list[str]:
    """Imports of MkDocs or Material outside engine/."""
    wrong = []
    for path in _modules(package):
        if _room(_name(package, path)) == "engine":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, target in _imports(package, path, tree):
            if target.split(".")[0] in ("mkdocs", "material"):
                wrong.append(f"{'.'.join(_name(package, path))}:{line} → {target}")
    return wrong


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def path_literals(package: Path = PACKAGE) -> list[str]:
    """Strings (or the fixed parts of f-strings) outside layout.py that spell a
    path of the layout. Sentences (messages with spaces) are for people."""
    wrong = []
    for path in _modules(package):
        if _name(package, path) == ("layout",):
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
                wrong.append(f"{'.'.join(_name(package, path))}:{node.lineno}: {node.value!r}")
    return wrong


# One role per module, readable in one sitting. The message catalogues are data.
MAX_LINES = 400
LONG_EXEMPT = {"messages"}


def long_modules(package: Path = PACKAGE) -> list[str]:
    """Modules over MAX_LINES lines, as `module: N lines`."""
    wrong = []
    for path in _modules(package):
        rel = path.relative_to(package)
        if rel.parts[0] in LONG_EXEMPT or rel.as_posix() in LONG_EXEMPT:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            wrong.append(f"{rel.as_posix()}: {lines} lines")
    return wrong


# A quoted string in a template (a Jinja literal or an attribute) that spells a path.
_QUOTED = re.compile(r"""(?P<q>['"])(?P<text>[^'"\s{}]*)(?P=q)""")
TEMPLATES = ("*.j2", "*.html")


def template_paths(package: Path = PACKAGE) -> list[str]:
    """Paths of the layout spelt in the package's templates (pages, theme, PDFs):
    they get them from the `paths` global, which reads layout.py."""
    wrong = []
    for pattern in TEMPLATES:
        for path in sorted(package.rglob(pattern)):
            if path.is_relative_to(package / "engine" / "theme" / "hb-material"):
                continue  # Material's own text, its asset paths its own (tests/engine/test_shell.py)
            text = path.read_text(encoding="utf-8")
            for match in _QUOTED.finditer(text):
                if _PATH.search(match["text"]):
                    line = text.count("\n", 0, match.start()) + 1
                    wrong.append(f"{path.relative_to(package)}:{line}: {match['text']!r}")
    return wrong


def test_imports_run_one_way() -> None:
    assert arrows_back() == []


def test_only_the_engine_imports_mkdocs() -> None:
    assert mkdocs_outside_engine() == []


def test_only_layout_spells_paths() -> None:
    assert path_literals() == []


def test_templates_spell_no_paths() -> None:
    assert template_paths() == []


def test_no_module_is_too_long() -> None:
    assert long_modules() == []


PLANTED = "results/_planted_breach.py"


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package to plant breaches in."""
    copy = tmp_path_factory.mktemp("house") / "generator"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "sample"))
    (copy / "engine/theme/partials").mkdir(parents=True, exist_ok=True)
    return copy


@pytest.mark.parametrize(
    ("where", "source", "rule", "found"),
    [
        (PLANTED, "from generator.pipeline import run\n", arrows_back, "generator.pipeline"),
        (PLANTED, "from ..pipeline import run\n", arrows_back, "generator.pipeline"),
        (PLANTED, "from . import pages\n", arrows_back, "generator.results.pages (a later"),
        (PLANTED, "from generator.results import pages\n", arrows_back, "results.pages (a later"),
        (PLANTED, "from generator.notices.load import Notice\n", arrows_back, "notices.load"),
        # A kind reads the registry (it is registered there, not the other way round).
        (PLANTED, "from generator.kinds import KINDS\n", arrows_back, "generator.kinds"),
        # A kind's declaration is its last stage: its pages may not read it.
        (
            "results/lifecycle_pages.py",
            "from generator.results.kind import RESULTS\n",
            arrows_back,
            "(a later",
        ),
        (
            PLANTED,
            "import importlib\nimportlib.import_module('generator.engine.run')\n",
            arrows_back,
            "generator.engine.run",
        ),
        (
            PLANTED,
            "import importlib\nNAME = 'x'\nimportlib.import_module(NAME)\n",
            arrows_back,
            "cannot read",
        ),
        (PLANTED, "import mkdocs.config\n", mkdocs_outside_engine, "mkdocs.config"),
        (PLANTED, "from .. import engine\nimport material\n", mkdocs_outside_engine, "material"),
        (PLANTED, 'CACHE = ".handbook/cache"\n', path_literals, ".handbook/cache"),
        (PLANTED, "X = 1\n" * 401, long_modules, "results/_planted_breach.py: 401 lines"),
        (
            "render/templates/_planted.html.j2",
            "<a href=\"{{ url('standards/index.md') }}\">x</a>\n",
            template_paths,
            "standards/index.md",
        ),
        (
            "engine/theme/partials/_planted.html",
            '<link href="/assets/handbook/x.css">\n',
            template_paths,
            "/assets/handbook/x.css",
        ),
    ],
)
def test_the_rules_catch_a_breach(
    package_copy: Path, where: str, source: str, rule: Callable[[Path], list[str]], found: str
) -> None:
    """Each rule, run over a copy of the package with one breach planted, reports
    exactly that breach (the source tree is never written)."""
    assert rule(package_copy) == []
    planted = package_copy / where
    planted.write_text(source, encoding="utf-8")
    try:
        breaches = rule(package_copy)
    finally:
        planted.unlink()
    assert len(breaches) == 1, breaches
    assert found in breaches[0]
