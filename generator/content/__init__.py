"""Hand-written pages under content/ (manuals, guides): model → load → citations resolved in check → pages with links, quotes and backlinks."""
