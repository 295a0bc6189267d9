"""`adwatch images ...`: upkeep of stored advert pictures."""

from __future__ import annotations

import typer

from config.settings import get_settings
from crawlers.rehash import pool_hasher, rehash_images
from store.bootstrap import open_ready
from store.image_files import images_root

images_app = typer.Typer(help="Stored advert pictures.", no_args_is_help=True)


@images_app.command("rehash")
def rehash(
    batch: int = typer.Option(500, "--batch", min=1, help="Images per transaction."),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="Re-hash at most this many images (default: all)."
    ),
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Hashing processes (default: one a core)."
    ),
) -> None:
    """Re-hash pictures hashed before 2026-12-07 (shrunk to 512 px) with the full-size PDQ
    partners compute, from the bytes still kept; safe to interrupt and run again."""
    settings = get_settings()
    root = images_root(settings.data_dir)
    with pool_hasher(root, workers) as hash_batch, open_ready(autocommit=True) as conn:
        counts = rehash_images(conn, hash_batch, settings.pdq_min_quality, batch=batch, limit=limit)
    typer.echo(counts.line())
