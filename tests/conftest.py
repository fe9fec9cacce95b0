"""Fixtures shared by the suites: a handbook in tmp_path, the sample built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.samples import AS_OF, Handbook, copy_sample


@pytest.fixture
def handbook(tmp_path: Path) -> Handbook:
    return Handbook(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's sample handbook, copied and built once, as of AS_OF."""
    from generator.engine.build import build_site

    root = copy_sample(tmp_path_factory.mktemp("sample"))
    build_site(root, AS_OF)
    return root / "site"
