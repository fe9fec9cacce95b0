"""The registered kinds of content, one line each, in the order the pipeline
runs their stages (a kind reads what the kinds before it made). A new kind is a
package with a `kind.py` (see `generator/descriptor.py`) and one line here."""

from __future__ import annotations

from collections.abc import Sequence

from generator import layout
from generator.composites.kind import KIND as COMPOSITES
from generator.content.kind import KIND as CONTENT
from generator.core.schema import Schemas
from generator.descriptor import Kind, SchemaFile
from generator.home.kind import KIND as HOME
from generator.notices.kind import KIND as NOTICES
from generator.pdf.kind import KIND as PDF
from generator.results.kind import KIND as RESULTS
from generator.settings import MkdocsFile
from generator.standards.kind import KIND as STANDARDS

KINDS: tuple[Kind, ...] = (
    STANDARDS,
    CONTENT,
    NOTICES,
    RESULTS,
    COMPOSITES,
    HOME,
    PDF,
)

# The handbook's part of mkdocs.yml, described for editors like the data files.
SETTINGS_SCHEMA = SchemaFile(
    "mkdocs.schema.json",
    MkdocsFile,
    "网站设置中 handbook 的部分（mkdocs.yml 的 extra.handbook）",
    layout.CONFIG_FILE,
)


def schema_files(kinds: Sequence[Kind] = KINDS) -> list[SchemaFile]:
    """Every JSON Schema editors' plug-ins read: the kinds', then the settings'."""
    return [s for kind in kinds for s in kind.schemas] + [SETTINGS_SCHEMA]


def schemas(kinds: Sequence[Kind] = KINDS) -> Schemas:
    """File name → (model, title), for `handbook schema` and `handbook new`."""
    return {s.name: (s.model, s.title) for s in schema_files(kinds)}


def editor_wiring(folder: str, kinds: Sequence[Kind] = KINDS) -> dict[str, str]:
    """`.vscode/settings.json`'s `yaml.schemas`: each schema (under `folder`) → its files."""
    return {f"./{folder}/{s.name}": s.sources for s in schema_files(kinds)}
