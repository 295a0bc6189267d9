"""adwatch crawlers: site profiles, pure extraction helpers and Scrapy spiders."""
