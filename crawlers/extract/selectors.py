"""Profile selector strings ("css:..." / "xpath:..."), compiled once and applied to lxml trees."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import lxml.etree
from cssselect import SelectorError
from parsel import Selector
from parsel.csstranslator import css2xpath

from crawlers.extract.text import element_to_text, normalise_whitespace

__all__ = [
    "CompiledSelector",
    "SelectorSyntaxError",
    "base_url",
    "compile_selector",
    "select_contact_text",
    "select_links",
    "select_results",
    "select_text",
    "select_values",
]


class SelectorSyntaxError(ValueError):
    """A selector string that cannot be compiled."""


@dataclass(frozen=True)
class CompiledSelector:
    source: str
    xpath: str
    yields_strings: bool  # ::text / ::attr(x) / /text() / /@x: strings, otherwise elements


_CSS_STRING_RE = re.compile(r"::(?:text|attr\([^)]*\))\s*$")
_XPATH_STRING_RE = re.compile(r"(?:/text\(\)|/@[\w:.\-*]+)\s*$")
_XPATH_FUNCTION_RE = re.compile(r"^\s*(?:string|normalize-space|concat|substring[\w-]*|count)\(")


@functools.lru_cache(maxsize=1024)
def compile_selector(spec: str) -> CompiledSelector:
    """Compile ``css:EXPR``, ``xpath:EXPR`` or bare ``EXPR`` (CSS). Raises
    SelectorSyntaxError with a readable message."""
    source = spec.strip()
    lowered = source.lower()
    if lowered.startswith("xpath:"):
        expr = source[6:].strip()
        if not expr:
            raise SelectorSyntaxError("empty XPath selector")
        try:
            lxml.etree.XPath(expr)
        except lxml.etree.XPathSyntaxError as exc:
            raise SelectorSyntaxError(f"invalid XPath {expr!r}: {exc}") from exc
        strings = bool(_XPATH_STRING_RE.search(expr) or _XPATH_FUNCTION_RE.match(expr))
        return CompiledSelector(source, expr, strings)
    expr = source[4:].strip() if lowered.startswith("css:") else source
    if not expr:
        raise SelectorSyntaxError("empty CSS selector")
    try:
        xpath = css2xpath(expr)
    except SelectorError as exc:
        raise SelectorSyntaxError(f"invalid CSS selector {expr!r}: {exc}") from exc
    return CompiledSelector(source, xpath, bool(_CSS_STRING_RE.search(expr)))


@functools.lru_cache(maxsize=1024)
def _evaluator(xpath: str) -> lxml.etree.XPath:
    """What parsel's Selector.xpath evaluates (its namespaces, plain strings), compiled once:
    wrapping the tree and every result in a Selector cost more than the query itself."""
    return lxml.etree.XPath(xpath, namespaces=Selector._default_namespaces, smart_strings=False)


def select_results(root: Any, spec: str) -> list[Any]:
    """Raw xpath results: lxml elements or strings."""
    compiled = compile_selector(spec)
    try:
        selected = _evaluator(compiled.xpath)(root)
    except lxml.etree.XPathError:  # evaluation errors (unknown function, ...)
        return []
    return selected if isinstance(selected, list) else [selected]


def select_values(root: Any, spec: str) -> list[str]:
    """Each match as text: strings normalised, elements through html_to_text."""
    values: list[str] = []
    for item in select_results(root, spec):
        if isinstance(item, str):
            text = normalise_whitespace(item)
        elif isinstance(item, bool | int | float):
            text = str(item)
        else:
            text = element_to_text(item)
        if text:
            values.append(text)
    return values


def select_text(root: Any, spec: str | None) -> str | None:
    """All matches joined with a single space; None when nothing (non-empty) matched."""
    if not spec:
        return None
    values = select_values(root, spec)
    return " ".join(values) if values else None


def base_url(root: Any, url: str) -> str:
    """The page's <base href> resolved against its URL, or the URL (root: the parsed page's
    root element; walked with iter, a tenth of an XPath query's cost compiled per call)."""
    for base in root.iter("base"):
        href = base.get("href")
        if isinstance(href, str) and href.strip():
            return urljoin(url, href.strip())
    return url


def select_links(root: Any, spec: str | None, url: str) -> list[str]:
    """Absolute http(s) links (fragment dropped, order kept, de-duplicated)."""
    if not spec:
        return []
    base = base_url(root, url)
    links: list[str] = []
    for item in select_results(root, spec):
        if isinstance(item, str):
            raw = item
        elif hasattr(item, "get"):
            raw = item.get("href") or item.get("data-href") or item.get("src") or ""
        else:
            continue
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        absolute = urldefrag(urljoin(base, raw))[0]
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        if absolute not in links:
            links.append(absolute)
    return links


_CONTACT_SCHEMES = ("tel:", "callto:", "sms:", "mailto:", "viber:", "tg:", "whatsapp:", "signal:")


def contact_link_value(href: str) -> str | None:
    """The contact a tel:/callto:/sms:/mailto: link holds ("+40700000124"), or a messenger
    link itself (viber:, tg:, ...); None for any other link."""
    href = href.strip()
    lowered = href.lower()
    for scheme in ("tel:", "callto:", "sms:", "mailto:"):
        if lowered.startswith(scheme):
            value = unquote(href[len(scheme) :]).split("?", 1)[0].strip()
            return value or None
    return href if lowered.startswith(_CONTACT_SCHEMES) else None


def _contact_href(href: str, base: str) -> str | None:
    value = contact_link_value(href)
    if value is not None or href.strip().lower().startswith(_CONTACT_SCHEMES):
        return value
    absolute = urljoin(base, href.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def select_contact_text(root: Any, spec: str | None, url: str) -> str | None:
    """Like select_text, plus the targets of links inside matched elements (``tel:``,
    ``mailto:``, wa.me, t.me ...), one per line: contact buttons often hide the number
    or address in the link, not in the visible text."""
    if not spec:
        return None
    base = base_url(root, url)
    parts: list[str] = []
    for item in select_results(root, spec):
        if isinstance(item, str):
            text = normalise_whitespace(item)
            if text:
                parts.append(text)
            continue
        if isinstance(item, bool | int | float) or not hasattr(item, "iter"):
            continue
        text = element_to_text(item)
        if text:
            parts.append(text)
        for link in item.iter("a", "area"):
            href = link.get("href")
            target = _contact_href(href, base) if href else None
            if target and target not in parts:
                parts.append(target)
    return "\n".join(parts) if parts else None
