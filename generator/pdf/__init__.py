"""Print: every edition of every standard as a PDF laid out after GB/T 1.1-2020,
each manual folder as a booklet, and a 汇编 of everything in force. The settings
are `extra.handbook.pdf` in mkdocs.yml (`settings.PdfSettings`).

- `fonts`: the CJK fonts, found through fontconfig;
- `html`: the print HTML of each PDF (templates in `templates/`, paged media in `print.css`);
- `render`: HTML → PDF with WeasyPrint;
- `stage`: the pipeline's PDF stage, which makes a PDF again only when what it shows changed.
"""
