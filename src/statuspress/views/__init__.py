"""The view models templates receive, one module per page kind: every time formatted,
every URL made, every label chosen here, so templates hold only markup.

URLs in views are relative to the site root (``incidents/x/``); templates prefix them
with ``page.root`` (``../../`` on a page two folders deep), which keeps the site working
under any sub-path.
"""
