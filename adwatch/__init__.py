"""adwatch: watch public adverts for trafficking-recruitment indicators."""

from config import __version__

__all__ = ["__version__"]
