"""statuspress: a static status-page generator driven by git."""

#: The one place the version is written (pyproject.toml reads it). ``.devN`` until the
#: release: ``statuspress init`` then pins a commit instead of a version no index has.
__version__ = "0.1.0.dev0"
