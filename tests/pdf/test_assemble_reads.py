"""What the 汇编 needs of each part (its pages, bookmarks and destinations) is
kept between builds by the part's bytes, so that an edit reads again only the
parts that changed; what is kept gives the same as reading the part."""

from __future__ import annotations

from pathlib import Path

from generator.pdf.assemble import Part, Reads, read
from tests.pdf.test_pdf import pytestmark  # noqa: F401 (the same skip)


def _part(built_site: Path) -> Part:
    pdf = next(p for p in sorted((built_site / "pdf").rglob("*.pdf")) if p.name != "huibian.pdf")
    return Part("标准", pdf.read_bytes())


def test_a_part_s_bookmarks_are_kept_and_given_back_as_read(
    built_site: Path, tmp_path: Path
) -> None:
    fresh = read(_part(built_site))
    assert fresh.pages > 1 and fresh.marks
    file = tmp_path / "reads.pickle"
    first = Reads(file)
    first.read(_part(built_site))
    first.save()
    kept = Reads(file)
    again = kept.read(_part(built_site))
    assert (again.pages, again.marks, again.anchors) == (fresh.pages, fresh.marks, fresh.anchors)
    # A damaged file is not trusted: the part is read again.
    file.write_bytes(b"not a pickle")
    damaged = Reads(file).read(_part(built_site))
    assert (damaged.pages, damaged.marks) == (fresh.pages, fresh.marks)
