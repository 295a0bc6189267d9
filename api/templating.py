"""Jinja2 templates (autoescape on: advert text is only ever rendered escaped)."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.autoescape = True
STATIC_DIR = HERE / "static"
