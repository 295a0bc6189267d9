"""PostgreSQL storage: the only package that writes SQL."""

from store.db import StoreError, connect, database_url

__all__ = ["StoreError", "connect", "database_url"]
