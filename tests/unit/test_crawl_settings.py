"""Settings every crawl process runs with."""

from __future__ import annotations

from scrapy.settings import Settings

from config.settings import get_settings
from crawlers.options import CrawlOptions
from crawlers.settings import scrapy_settings
from tests.fresh_python import printed_words

REMOTE_CONTROL = "scrapy.extensions.remote_control.RemoteControl"

# In a fresh interpreter, as a crawl process builds its crawler: which extensions it has, and
# whether building them imported aiohttp (which only the remote control needs).
_BUILD_CRAWLER = """
import sys
import scrapy
from scrapy.utils.reactor import install_reactor
install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
from scrapy.crawler import Crawler
from config.settings import get_settings
from crawlers.options import CrawlOptions
from crawlers.settings import scrapy_settings
from tests.fresh_python import printed_words

crawler = Crawler(scrapy.Spider, scrapy_settings(CrawlOptions.from_settings(get_settings())))
crawler._apply_settings()
names = [type(extension).__name__ for extension in crawler.extensions.middlewares]
print("RemoteControl" in names, "TelnetConsole" in names, "aiohttp" in sys.modules)
"""


def test_a_crawl_process_runs_no_remote_control_or_telnet_server() -> None:
    # Scrapy 2.19's remote control would run Python sent to a local port inside a process that
    # holds the database URL; the telnet console likewise.
    settings = Settings(scrapy_settings(CrawlOptions.from_settings(get_settings())))
    assert REMOTE_CONTROL not in settings.getwithbase("EXTENSIONS")
    assert settings.getbool("TELNETCONSOLE_ENABLED") is False
    assert printed_words(_BUILD_CRAWLER) == ["False", "False", "False"]


def test_the_crawl_process_keeps_its_start_up_objects_out_of_garbage_collections() -> None:
    code = (
        "import gc\n"
        "from crawlers import child\n"
        "child._tune_collector()\n"
        "print(gc.get_freeze_count() > 10_000, gc.get_threshold()[0] > 700)\n"
    )
    assert printed_words(code) == ["True", "True"]
