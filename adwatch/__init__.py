"""adwatch: watch public adverts for trafficking-recruitment indicators."""

__version__ = "0.1.0"
