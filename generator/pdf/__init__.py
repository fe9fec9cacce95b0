"""Print: every edition of every standard as a PDF laid out after GB/T 1.1-2020,
each manual folder as a booklet, and a 汇编 of everything in force. The settings
are `extra.handbook.pdf` in mkdocs.yml (`settings.PdfSettings`).

- `fonts`: the CJK fonts, found through fontconfig;
- `html`: the print source of each PDF (Jinja2 templates of Typst in `templates/`, the page
  layout in `print.typ`);
- `typst_markup`: data as Typst strings, Markdown fields' HTML as Typst content;
- `render`: Typst source → PDF with Typst (one compiler per process keeps the fonts);
- `assemble`: the 汇编 put together from the PDFs of its parts (pikepdf);
- `books`: the booklets (their chapters set in runs) and the 汇编, put together from other PDFs;
- `stage`: the pipeline's PDF stage, which makes a PDF again only when what it shows changed;
  it hands the PDFs to set to worker processes, which set them while the pages are rendered
  (and, in a build, while the engine and search run: `engine/finish.py`);
- `workers`: those processes, kept for the next build of the same process.
"""
