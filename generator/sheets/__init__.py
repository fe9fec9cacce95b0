"""Results in spreadsheets: rounds and tables out to workbooks for assessors and
back into the data files, and the `.xlsx` downloads of the site.

- `commands`: what `handbook sheet …` does, behind the thin CLI.
- `export`: workbooks to fill in (`handbook sheet export` / `sheet new`), their sheets,
  headers and words.
- `guard`: a workbook looked at before a reader opens it (what it is, zip and sheet bounds).
- `read`: cells out of xlsx/xls/ods (python-calamine) or CSV (encoding detected).
- `import_`: a workbook or CSV back into the data: every problem first, then the checked file.
- `score_cells`, `round_yaml`: a round's scores out of cells, and into the round's YAML text.
- `rows`: a table's rows, out of cells and into the YAML text.
- `handling`: a draft's 意见汇总处理表 back into its `handling:` list.
- `cells`: what those share (cell text, places in messages, the registry read against).
- `yamledit`: the new values written into the YAML text, the rest left as it was.

The site's `.xlsx` downloads are the domains' (`results.downloads`, `composites.downloads`),
written through `core.workbook`.
"""
