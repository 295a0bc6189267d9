"""The bottom layer: settings and errors. Imports nothing of the project."""

__version__ = "0.1.0"
