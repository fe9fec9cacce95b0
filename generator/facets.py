"""What search knows of a page besides its words: its facets and its weight.

Each generated page carries Pagefind filters (`data-pagefind-filter`, written by
`render/templates/_search.j2`) for the search dialog's facets — its kind
(类型), its status (状态: a standard's, or a notice's period), its issuer
(发布机构) and its year (年份) — and metadata for the marks on a result (the
standard's code, the notice's 索引号). The facet names and values are the words
the site already uses (`labels`, the standards' `Status` and the notices' `NoticeStatus`), so
that one vocabulary serves the pages, the filters and the browser script. Each
kind declares its values, statuses and weights (`Kind.search`); this module
puts them together.

Weights (Pagefind's `data-pagefind-weight`, 1 for ordinary text, 7 for a page's
title) rank rules first: a term's definition and a clause's title count more
than the text, and pages that are not rules (unit and round pages, which are
thousands at a province's size) or no longer rules (superseded and repealed
editions) count less. A page's weight is set on its searchable body
(`engine/theme/main.html`, from the front matter's `search.weight`) and
then replaces Pagefind's heading weights inside it, so headings given a weight
of their own take the page's into account (`heading_weight`).
"""

from __future__ import annotations

import types
from collections.abc import Mapping, Sequence

from generator.descriptor import Kind

# The whole page's weight, by what it is (1 when not named here); the kinds add theirs.
PAGE_WEIGHTS: dict[str, float] = {
    "index": 0.5,  # lists of standards and notices, the home page
}

# Headings of rules, in a page of weight 1.
TERM_WEIGHT = 10.0  # a term's heading in 术语和定义 (Pagefind's largest weight)
CLAUSE_WEIGHT = 8.0  # a clause's number and title (an h1 is 7)


def heading_weight(base: float, page_weight: float) -> float:
    """A heading's weight inside a page of `page_weight`."""
    return round(base * page_weight, 2)


def words(kinds: Sequence[Kind]) -> types.SimpleNamespace:
    """What templates know of search (the `search` global): page weights by name,
    the weights of rules' headings, and how a heading's weight is worked out."""
    weights = dict(PAGE_WEIGHTS)
    for kind in kinds:
        weights.update(kind.search.weights)
    return types.SimpleNamespace(
        PAGE_WEIGHTS=weights,
        TERM_WEIGHT=TERM_WEIGHT,
        CLAUSE_WEIGHT=CLAUSE_WEIGHT,
        heading_weight=heading_weight,
    )


def sections(kinds: Sequence[Kind]) -> tuple[str, ...]:
    """The top-level folders of the docs each indexed as one part in the preview."""
    return tuple(kind.search.section for kind in kinds if kind.search.section)


def dialog_settings(labels: Mapping[str, str], kinds: Sequence[Kind]) -> dict[str, object]:
    """What the search dialog's script needs: the facets in their order, the order
    of their values (others follow by count), the badge classes, and which
    statuses rank last."""
    values = sorted((order, labels[key]) for kind in kinds for order, key in kind.search.kinds)
    statuses = sorted((order, word) for kind in kinds for order, word in kind.search.statuses)
    classes = {str(s): name for kind in kinds for s, name in kind.search.classes.items()}
    return {
        "facets": [labels[k] for k in ("facet_kind", "facet_status", "facet_issuer", "facet_year")],
        "order": {
            labels["facet_kind"]: [value for _, value in values],
            labels["facet_status"]: [str(word) for _, word in statuses],
        },
        "descending": [labels["facet_year"]],
        "status": labels["facet_status"],
        "kind": labels["facet_kind"],
        # The kind whose clause titles rank first.
        "rules": next((labels[k.search.rules] for k in kinds if k.search.rules), ""),
        "classes": classes,
        "later": [str(s) for kind in kinds for s in kind.search.later],
    }
