"""What search knows of a page besides its words: its facets and its weight.

Each generated page carries Pagefind filters (`data-pagefind-filter`, written by
`render/templates/_search.j2`) for the search dialog's facets — its kind
(类型), its status (状态: a standard's, or a notice's period), its issuer
(发布机构) and its year (年份) — and metadata for the marks on a result (the
standard's code, the notice's 索引号). The facet names and values are the words
the site already uses (`labels`, the standards' `Status` and the notices' `NoticeStatus`), so
that one vocabulary serves the pages, the filters and the browser script.

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

from generator.notices.status import PERIOD_STATUSES, NoticeStatus
from generator.standards.lifecycle import DRAFT_STAGE
from generator.standards.model import Status
from generator.standards.status import STATUSES

# The whole page's weight, by what it is (1 when not named here).
PAGE_WEIGHTS: dict[str, float] = {
    "old_standard": 0.5,  # an edition not in force on its own page, a repealed standard
    "notice": 0.7,
    "glossary": 0.5,  # repeats the definitions, which rank on the standards
    "index": 0.5,  # lists of standards and notices, the home page
    "result": 0.3,  # rounds, units, ledgers
}

# Headings of rules, in a page of weight 1.
TERM_WEIGHT = 10.0  # a term's heading in 术语和定义 (Pagefind's largest weight)
CLAUSE_WEIGHT = 8.0  # a clause's number and title (an h1 is 7)

# Statuses of a notice's period, in the facet's order.
NOTICE_STATUSES = PERIOD_STATUSES

# Each status word to the badge's class (handbook.css `.hb-status--…`).
STATUS_CLASSES: dict[str, str] = {
    **{status: status.key for status in STATUSES},
    NoticeStatus.NOT_STARTED: "upcoming",
    NoticeStatus.OPEN: "open",
    NoticeStatus.CLOSED: "closed",
    NoticeStatus.DECIDED: "closed",
    DRAFT_STAGE: "draft",  # a draft for comment (征求意见稿): never a rule in force
}

# Statuses whose results go after the others: not (or no longer, or not yet) the rule.
LATER_STATUSES = (Status.SUPERSEDED, Status.REPEALED, DRAFT_STAGE)


def standard_weight(is_main: bool, status: str) -> float:
    """A standard's page: 1 for the edition in force (or coming), less for the others."""
    if is_main and status in (Status.CURRENT, Status.UPCOMING):
        return 1.0
    return PAGE_WEIGHTS["old_standard"]


def heading_weight(base: float, page_weight: float) -> float:
    """A heading's weight inside a page of `page_weight`."""
    return round(base * page_weight, 2)


def dialog_settings(labels: dict[str, str]) -> dict[str, object]:
    """What the search dialog's script needs: the facets in their order, the order
    of their values (others follow by count), the badge classes, and which
    statuses rank last."""
    kinds = [labels[k] for k in ("kind_standard", "kind_manual", "kind_notice")]
    kinds += [labels["kind_result"], labels["kind_term"]]
    return {
        "facets": [labels[k] for k in ("facet_kind", "facet_status", "facet_issuer", "facet_year")],
        "order": {
            labels["facet_kind"]: kinds,
            labels["facet_status"]: [str(s) for s in (*STATUSES, DRAFT_STAGE, *NOTICE_STATUSES)],
        },
        "descending": [labels["facet_year"]],
        "status": labels["facet_status"],
        "kind": labels["facet_kind"],
        "rules": labels["kind_standard"],  # the kind whose clause titles rank first
        "classes": {str(status): name for status, name in STATUS_CLASSES.items()},
        "later": [str(s) for s in LATER_STATUSES],
    }
