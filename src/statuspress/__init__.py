"""statuspress: a static status-page generator driven by git."""

__version__ = "0.1.0"
