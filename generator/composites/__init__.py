"""Composite assessments (综合考评) and the names of series.

- `load`: the files, and the checks against rounds, series, units and the method's standard.
- `score`: each unit's component scores, contributions, total, rank, grade, change.
- `pages`: the composite's page, its stacked bar chart and its downloads.
"""
