"""Results in spreadsheets: rounds and tables out to workbooks for assessors and
back into the data files, and the `.xlsx` downloads of the site.

- `layout`: the workbooks' sheets, headers and the words in them (one place).
- `export`: workbooks to fill in (`handbook sheet export` / `sheet new`).
- `downloads`: the site's `.xlsx` downloads, byte-identical across builds.
- `read`: cells out of xlsx/xls/ods (python-calamine) or CSV (encoding detected).
- `import_`: cells → scores or rows, every problem located at its cell.
- `yamledit`: the new values written into the YAML text, the rest left as it was.
"""
