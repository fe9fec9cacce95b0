"""What reading a workbook costs, normal and hostile: time and peak memory of
`read_book` (the guard, then python-calamine) against python-calamine alone
(under a 2 GiB memory limit), each in a fresh process.

    python benchmarks/hostile_books.py [--dir /tmp/hostile]

The books: a small one (40 rows), a large one (50,000 rows × 20 columns, a million
cells), a 3 GiB zip bomb of 3 MB, the same bomb declaring 4,000 bytes (forged
sizes), and a 5 KB sheet with one cell at XFD1048576.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import xlsxwriter

REPO = Path(__file__).resolve().parent.parent

GUARDED = """
import resource, time
from pathlib import Path
from generator.sheets.read import read_book
from generator.errors import ValidationFailed
t = time.perf_counter()
try:
    book = read_book(Path({path!r}), "x")
    out = f"read {{sum(len(s.rows) for s in book.sheets.values())}} rows"
except ValidationFailed as failed:
    out = f"refused {{failed.problems[0].code}}"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{{out}}, {{time.perf_counter() - t:.2f}} s, {{peak}} MiB peak")
"""

ALONE = """
import resource, time
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from python_calamine import CalamineWorkbook
t = time.perf_counter()
try:
    with open({path!r}, "rb") as f:
        rows = CalamineWorkbook.from_filelike(f).get_sheet_by_index(0).to_python()
    out = f"read {{len(rows)}} rows"
except Exception as exc:
    out = f"failed: {{type(exc).__name__}}"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{{out}}, {{time.perf_counter() - t:.2f}} s, {{peak}} MiB peak")
"""


def _table(path: Path, rows: int, columns: int) -> None:
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("评分")
    sheet.write_row(0, 0, ["单位编号"] + [f"c{i}" for i in range(columns - 1)])
    for r in range(1, rows):
        sheet.write_string(r, 0, f"unit{r}")
        for c in range(1, columns):
            sheet.write_number(r, c, (r * c) % 7)
    book.close()


def make(folder: Path) -> list[Path]:
    """The books, made in `folder`."""
    sys.path.insert(0, str(REPO))
    from tests.sheets.test_hostile_books import _bomb_stream, _with_sheet

    folder.mkdir(parents=True, exist_ok=True)
    _table(folder / "small.xlsx", 40, 12)
    _table(folder / "large.xlsx", 50_000, 20)
    normal = (folder / "small.xlsx").read_bytes()
    data, crc = _bomb_stream(3 << 30)
    (folder / "bomb.xlsx").write_bytes(_with_sheet(normal, (data, crc, 3 << 30)))
    (folder / "forged.xlsx").write_bytes(_with_sheet(normal, (data, crc, 4000)))
    far = xlsxwriter.Workbook(folder / "far.xlsx")
    sheet = far.add_worksheet("评分")
    sheet.write(0, 0, "单位编号")
    sheet.write(1_048_575, 16_383, 1)
    far.close()
    return [folder / f"{n}.xlsx" for n in ("small", "large", "bomb", "forged", "far")]


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False
    )
    first = (done.stderr.strip().splitlines() or [""])[0][:100]
    return done.stdout.strip() or f"died (exit {done.returncode}): {first}"


def main() -> None:
    """Make the books (in a process of their own: a process's peak memory is passed on
    to the processes it starts) and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/hostile-books"))
    parser.add_argument("--make-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_only:
        make(args.dir)
        return
    subprocess.run([sys.executable, __file__, "--make-only", "--dir", str(args.dir)], check=True)
    for name in ("small", "large", "bomb", "forged", "far"):
        path = args.dir / f"{name}.xlsx"
        size = path.stat().st_size / 1024
        print(f"{path.name} ({size:,.0f} KiB)")
        print(f"  guarded read_book:        {_run(GUARDED.format(path=str(path)))}")
        print(f"  python-calamine alone:    {_run(ALONE.format(path=str(path)))}")


if __name__ == "__main__":
    main()
