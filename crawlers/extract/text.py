"""Turning HTML into normalised visible text (and whitespace normalisation).

Everything here is pure (no I/O besides logging) and never raises on bad input:
crawled pages are hostile or broken often enough that a crash here would stop a crawl.
Decoding HTTP bodies lives in :mod:`crawlers.extract.decoding`.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

import lxml.etree

__all__ = [
    "MAX_TEXT_CHARS",
    "cap_text",
    "element_to_text",
    "html_to_text",
    "normalise_whitespace",
    "parse_html",
    "sanitise_raw_html",
    "single_line",
    "visible_text_without",
]

logger = logging.getLogger(__name__)

#: HTML / text larger than this many characters is truncated before parsing.
MAX_TEXT_CHARS = 5 * 1024 * 1024

# --------------------------------------------------------------------------- whitespace

# Every Unicode space except newline becomes a plain space.
_SPACES_RE = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Invisible characters used to break up contact details or left over from editors.
_INVISIBLE_RE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_NEWLINES_RE = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What the three substitutions above would change: most text has none of it.
_REMOVED_OR_NEWLINE_RE = re.compile(
    r"[\r\u2028\u2029\x85\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2060\ufeff\u00ad]"
)
# Text in which each of the substitutions below would change something: any character one
# of them removes or replaces, two spaces, a space beside a newline, or two newlines. Most
# text (a title, a table cell) has none, and one scan is cheaper than six.
_NEEDS_NORMALISING_RE = re.compile(
    r"[\r\u2028\u2029\x85\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u2060\ufeff\u00ad"
    r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|\x20\x20|\x20\n|\n\x20|\n\n"
)


def normalise_whitespace(s: str) -> str:
    """Collapse spaces/tabs to one space and blank-line runs to one newline; strip.

    Non-breaking and other Unicode spaces count as spaces; zero-width spaces, soft
    hyphens and control characters are removed.
    """
    if _NEEDS_NORMALISING_RE.search(s) is None:
        return s.strip()
    if _REMOVED_OR_NEWLINE_RE.search(s) is not None:
        s = _NEWLINES_RE.sub("\n", s)
        s = _CONTROL_RE.sub("", s)
        s = _INVISIBLE_RE.sub("", s)
    # The only whitespace left within a line is what _SPACES_RE collapses, so per line
    # split() + join is that collapse and the strip around newlines; empty lines are the
    # blank-line runs. Four times faster than the three whole-text substitutions.
    return "\n".join(filter(None, [" ".join(line.split()) for line in s.split("\n")]))


def single_line(s: str) -> str:
    """Whitespace-normalised text on one line (for titles and short fields)."""
    return " ".join(normalise_whitespace(s).split())


# --------------------------------------------------------------------------- HTML -> text


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


_SKIP_TAGS = _tags(
    "script style noscript template head meta link base iframe object embed svg math canvas"
    " audio video source track param"
)
_BLOCK_TAGS = _tags(
    "address article aside blockquote body br caption center dd details dialog dir div dl dt"
    " fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li"
    " main menu nav ol option p pre section summary table tbody tfoot thead title tr ul"
)
_CELL_TAGS = frozenset({"td", "th"})

_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Raw markup inside <title> is RCDATA for an HTML5 parser (libxml2 >= 2.14 follows that),
# so "<title>x<script>..</script></title>" would survive as literal text. Script-like
# blocks there are removed like script elements; other raw tags are dropped. Escaped
# text ("&lt;script&gt;") is not markup and stays literal.
_TITLE_RE = re.compile(r"(<title\b[^>]{0,512}>)(.{0,8192}?)(</title\s*>)", re.I | re.S)
_TITLE_BLOCK_RE = re.compile(
    r"<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S
)
_RAW_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>?")


def cap_text(text: str, what: str = "text") -> str:
    """Truncate ``text`` to :data:`MAX_TEXT_CHARS` with a logged warning."""
    if len(text) > MAX_TEXT_CHARS:
        logger.warning("%s of %d characters truncated to %d", what, len(text), MAX_TEXT_CHARS)
        return text[:MAX_TEXT_CHARS]
    return text


def _clean_title(match: re.Match[str]) -> str:
    inner = _TITLE_BLOCK_RE.sub("", match.group(2))
    inner = _RAW_TAG_RE.sub("", inner)
    return match.group(1) + inner + match.group(3)


def sanitise_raw_html(html: str) -> str:
    """Prepare raw HTML for lxml: cap its size, drop an XML declaration (lxml refuses
    it in ``str`` input), control characters, and raw tags inside ``<title>``."""
    html = cap_text(html, "HTML")
    html = _XML_DECL_RE.sub("", html, count=1)
    html = _CONTROL_RE.sub("", html)
    if "<title" in html or "<TITLE" in html or "<Title" in html:
        html = _TITLE_RE.sub(_clean_title, html)
    return html


# huge_tree: deep nesting (up to libxml2's hard limit) and very long text nodes. Plain lxml
# elements, not lxml.html's: those are looked up by a Python callback for every element a walk
# touches (a fifth of a page's text walk), and nothing here uses their extra methods.
# One parser per thread: lxml parser objects must not be used by two threads at once.
_LOCAL = threading.local()


def _parser() -> Any:
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = lxml.etree.HTMLParser(huge_tree=True)
    return parser


def parse_html(html: str) -> Any | None:
    """Parse (possibly malformed) HTML into an lxml root element; None if empty."""
    html = sanitise_raw_html(html)
    if not html.strip():
        return None
    try:
        return lxml.etree.fromstring(html, parser=_parser())
    except (lxml.etree.ParserError, ValueError):
        return None


# Tag name -> lower-case local name, for the few hundred names pages use (bounded: a hostile
# page may invent any number); one dict lookup per element instead of a function call.
_NAMES: dict[str, str] = {}
_MAX_NAMES = 4096
# Comments and processing instructions come as events of their own: only their tail is text.
_EVENTS = ("start", "end", "comment", "pi")


def _name(tag: Any) -> str:
    """The lower-case local name; "" for an entity reference (its tag is a function)."""
    name = _NAMES.get(tag)
    if name is None:
        if not isinstance(tag, str):
            return ""
        name = (tag.rsplit("}", 1)[1] if "}" in tag else tag).lower()
        if len(_NAMES) < _MAX_NAMES:
            _NAMES[tag] = name
    return name


# html_text (installed with extruct) is not used for this: it puts a space between inline
# elements, so "vi<span>sa</span>" reads "vi sa" and "07<b></b>22" two numbers. Adverts split
# words and phone numbers with tags to slip past filters; a browser shows them whole.
def _collect_text(root: Any, skip: frozenset[str]) -> str:
    """Visible text of ``root`` (its tail excluded), blocks separated by newlines."""
    root_name = _name(root.tag)
    if not root_name or root_name in skip:  # a comment, an entity, or skipped whole
        return ""
    parts: list[str] = []
    append = parts.append
    walker = lxml.etree.iterwalk(root, events=_EVENTS)
    for event, el in walker:
        if event == "start":
            name = _NAMES.get(el.tag) or _name(el.tag)
            if name in skip or not name:
                walker.skip_subtree()  # its "end" still comes, for the tail
                continue
            if name in _BLOCK_TAGS:
                append("\n")
            if el.text:
                append(el.text)
            continue
        if event == "end":
            name = _NAMES.get(el.tag) or _name(el.tag)
            if name in _BLOCK_TAGS and name not in skip:
                append("\n")
            elif name in _CELL_TAGS and name not in skip:
                append(" ")
            if el is root:
                break
        if el.tail:
            append(el.tail)
    return normalise_whitespace("".join(parts))


def visible_text_without(el: Any, hidden: frozenset[str]) -> str:
    """Visible text of an lxml element, leaving out the elements named in ``hidden`` too."""
    return _collect_text(el, _SKIP_TAGS | hidden)


def element_to_text(el: Any) -> str:
    """Visible text of an lxml element (used for selector results)."""
    if _name(el.tag) == "title":
        return _collect_text(el, _SKIP_TAGS - {"head"})
    return _collect_text(el, _SKIP_TAGS)


def html_to_text(html_or_fragment: str) -> str:
    """Visible text of an HTML document or fragment.

    No script/style/noscript/template content, block elements separated by "\\n",
    runs of spaces collapsed, blank-line runs collapsed, stripped. The ``<head>`` is not
    visible; when the body has no text at all the document ``<title>`` is returned.
    Never raises; malformed HTML is parsed leniently.
    """
    if not html_or_fragment:
        return ""
    if "<" not in html_or_fragment and "&" not in html_or_fragment:
        return normalise_whitespace(cap_text(html_or_fragment))
    root = parse_html(html_or_fragment)
    if root is None:
        return ""
    text = _collect_text(root, _SKIP_TAGS)
    if text:
        return text
    for title in root.iter("title"):
        return element_to_text(title)
    return ""
