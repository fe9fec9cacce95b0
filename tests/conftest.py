"""Fixtures shared by the suites: a handbook in tmp_path, the sample built once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.samples import AS_OF, Handbook, copy_sample


@pytest.fixture(autouse=True)
def _no_pdf_workers_kept() -> Iterator[None]:
    """A build keeps its PDF workers for the process's next build (pdf/workers.py):
    each test starts without any, as `handbook build` does."""
    yield
    from generator.pdf import workers

    workers.stop()


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
