"""Settings every crawl process runs with."""

from __future__ import annotations

from scrapy.settings import Settings

from config.settings import get_settings
from crawlers.options import CrawlOptions
from crawlers.settings import scrapy_settings


def test_a_crawl_process_runs_no_remote_control_or_telnet_server() -> None:
    # Scrapy 2.19's remote control would run Python sent to a local port inside a process that
    # holds the database URL; the telnet console likewise.
    settings = Settings(scrapy_settings(CrawlOptions.from_settings(get_settings())))
    extensions = settings.getwithbase("EXTENSIONS")
    assert extensions["scrapy.extensions.remote_control.RemoteControl"] is None
    assert settings.getbool("REMOTE_CONTROL_ENABLED") is False
    assert settings.getbool("TELNETCONSOLE_ENABLED") is False
