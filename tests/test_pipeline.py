"""The pipeline over the registered kinds: PDFs handed over before the pages are
finished after them, and dropped when the build fails in between."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from generator.descriptor import Kind, Made, Rendering
from generator.kinds import KINDS
from generator.messages import Phrase
from generator.pipeline import run
from tests.samples import AS_OF, MINIMAL, Handbook


@dataclass
class _Printed:
    files: dict[str, bytes | None] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    links: dict[str, Any] = field(default_factory=dict)
    note: Phrase | None = None


@dataclass
class _Finishing:
    finished: bool = False
    cancelled: bool = False

    def __call__(self) -> _Printed:
        self.finished = True
        return _Printed(files={"pdf/x.pdf": b"%PDF-"})

    def cancel(self) -> None:
        self.cancelled = True

    def pending(self) -> set[str]:
        return {"pdf/x.pdf"}

    def background(self) -> bool:
        return True


def _printer(finishing: _Finishing) -> Kind:
    return Kind(name="printer", printing=lambda r: (_Printed(), finishing))


def _failing(r: Rendering) -> Made:
    raise RuntimeError("a page failed")


def test_pdfs_handed_over_are_finished_after_the_pages(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    finishing = _Finishing()
    result = run(handbook.root, AS_OF, kinds=(*KINDS, _printer(finishing)))
    assert finishing.finished and not finishing.cancelled
    assert "pdf/x.pdf" in result.pdfs_made


def test_pdfs_handed_over_are_dropped_when_a_page_fails(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    finishing = _Finishing()
    failing = Kind(name="failing", pages=(99, _failing))
    with pytest.raises(RuntimeError, match="a page failed"):
        run(handbook.root, AS_OF, kinds=(*KINDS, _printer(finishing), failing))
    assert finishing.cancelled and not finishing.finished
