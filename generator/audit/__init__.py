"""`handbook audit`: the checks an inspector of government websites makes
(国办秘函〔2019〕19号, 政府网站与政务新媒体检查指标) that can be made from the
repository and the built site: how fresh the home page and each menu section
are, empty sections, dead links and anchors, heavy pages, missing record
numbers on a public site, images without alternative text."""
