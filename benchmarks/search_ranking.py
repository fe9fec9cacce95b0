"""How often search puts the right answer first: a fixed set of queries, each with
the answer a member looking for the rule expects, searched in Chromium through
the site's own search dialog.

    python benchmarks/search_ranking.py site/                 # the sample, built with --as-of 2026-11-22
    python benchmarks/search_ranking.py --size M /tmp/hb-m/site

The first answer of a query is the first result's first clause (its first
sub-result) when it has one, else the first result's page. For the sample each
query has one right answer, written down below. For the synthetic handbooks
(benchmarks/make_handbook.py) a right answer is any clause of an edition in
force whose title is the query (each word titles many clauses there).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# The sample handbook, statuses as of 2026-11-22 (the tests' day): query → the
# address (under the site's root) of the right first answer, and why.
SAMPLE: list[tuple[str, str]] = [
    ("主题党日", "standards/liuhua-24/#zhuti-dangri"),  # the clause titled so, in force
    ("三会一课", "standards/liuhua-24/#sanhui-yike"),  # its definition (术语和定义 T.2)
    ("党支部", "standards/liuhua-24/#dang-zhibu"),  # its definition (T.1)
    ("换届", "standards/liuhua-24/#anqi-huanjie"),  # 1.3 按期换届
    ("台账", "standards/liuhua-24/#taizhang-guifan"),  # 6.1 台账规范, the rule for ledgers
    ("积分", "standards/wuhao-dangzhibu/#jifen-guanli"),  # 积分管理 in force (the 细则 is 废止)
    ("谈心谈话", "standards/wuhao-dangzhibu/#lingdao-tanhua"),  # the clause titled so, in force
    ("党员领导干部", "standards/wuhao-dangzhibu/#guanjian-shaoshu"),  # a term of another standard
    ("Party branch", "standards/liuhua-24/#dang-zhibu"),  # the term's English name
    ("PDF", "standards/liuhua-24/#taizhang-guifan"),  # an English word in a clause
    # A clause number, in the edition in force. (4.3 is ambiguous since 考评办法 follows
    # GB/T 1.1 and numbers its own chapters from 4: either standard's 4.3 is a right answer.)
    ("4.4", "standards/liuhua-24/#huifeng-yanjin"),
    ("1.3", "standards/liuhua-24/#anqi-huanjie"),
    ("6.1", "standards/liuhua-24/#taizhang-guifan"),
]

# Words of the synthetic handbooks (make_handbook.WORDS) that title clauses, and
# clause numbers (every standard has them: any edition in force will do).
SYNTHETIC = ["主题党日", "三会一课", "换届选举", "台账", "谈心谈话", "党小组", "整改", "督查"]
SYNTHETIC += ["2.3", "5.1"]

FIRST = """() => {
  const item = document.querySelector('.hb-search .md-search-result__item');
  if (!item) return '';
  const links = item.querySelectorAll('a.md-search-result__link');
  const a = links.length > 1 ? links[1] : links[0];
  return a ? a.pathname + a.hash : '';
}"""


@contextmanager
def served(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def first_answers(page: object, base_url: str, queries: list[str]) -> dict[str, str]:
    """Each query's first answer (a path with its anchor) in the search dialog of
    a Playwright `page` on the site at `base_url`."""
    found: dict[str, str] = {}
    page.goto(base_url)  # type: ignore[attr-defined]
    for query in queries:
        page.fill(".hb-search .md-search__input", "")  # type: ignore[attr-defined]
        page.fill(".hb-search .md-search__input", query)  # type: ignore[attr-defined]
        page.wait_for_function(  # type: ignore[attr-defined]
            "q => document.querySelector('.hb-search').getAttribute('data-shown') === q",
            arg=query,
            timeout=30000,
        )
        found[query] = page.evaluate(FIRST)  # type: ignore[attr-defined]
    return found


def synthetic_answers(root: Path) -> Callable[[str, str], bool]:
    """Whether an answer is right in a synthetic handbook: a clause of the main
    page of a standard (the edition in force there) whose title is the query."""
    titles: dict[tuple[str, str], str] = {}
    for path in sorted((root / "standards").glob("*/2023.yml")):
        text = path.read_text(encoding="utf-8")
        for cid, title in re.findall(r"- id: (s\d+-c\d+)\n.*\n +title: (.+)", text):
            titles[(path.parent.name, cid)] = title

    def right(query: str, answer: str) -> bool:
        m = re.search(r"/standards/([^/]+)/#(.+)$", answer)
        if not m:
            return False
        if re.fullmatch(r"\d+\.\d+", query):
            section, clause = query.split(".")
            return m.group(2) == f"s{section}-c{clause}"
        return titles.get((m.group(1), m.group(2))) == query

    return right


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--size", choices=["sample", "S", "M", "L"], default="sample")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    if args.size == "sample":
        queries = [q for q, _ in SAMPLE]
        expected = dict(SAMPLE)

        def right(query: str, answer: str) -> bool:
            return answer.lstrip("/") == expected[query]
    else:
        queries = SYNTHETIC
        right = synthetic_answers(args.site.resolve().parent)
    with served(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        found = first_answers(page, base, queries)
        browser.close()
    hits = 0
    for query in queries:
        ok = right(query, found[query])
        hits += ok
        print(
            f"| {query} | {urllib.parse.unquote(found[query]) or '—'} | {'yes' if ok else 'no'} |"
        )
    print(f"first: {hits} of {len(queries)}")


if __name__ == "__main__":
    main()
