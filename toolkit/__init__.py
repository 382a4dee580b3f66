"""Toolkit for analysing news coverage: load, tokenize, quotes, analysis, plot, display.

The pipeline has one module per stage; each imports only the stages before it::

    schema -> load -> tokenize -> quotes -> evaluate / corrections -> analysis -> plot -> display

This module only re-exports the public helpers (no work at import).
"""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("coverage-toolkit")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
