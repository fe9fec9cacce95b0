"""The site's home page: the committee's introduction, open notices and drafts,
the standards in force and coming (a kind with a page and a menu place only)."""
