"""Composite assessments (综合考评): annual results made of rounds, or of whole
series within their period, each with a weight (series' names are the results'
own, `results.series`).

- `model`, `load`: the files (`content/results/composites/<id>.yml`).
- `check`: against the rounds, the series, the units and the method's standard.
- `score`: each unit's component scores, contributions, total, rank, grade, change.
- `pages`: the composite's page and its stacked bar chart; `downloads`: its CSV, JSON, XLSX.
"""
