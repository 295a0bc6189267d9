"""Contact details a job page shows outside its JobPosting markup.

Boards often leave the phone or e-mail out of the posting's description and print them
beside it ("Apply: call 0700 000 124", a contacts box, a ``mailto:`` button). Those are the
advert's contacts. The site's own header, footer, navigation and sidebars are left out: a
board's support number on every page would link all its adverts into one contact cluster.
"""

from __future__ import annotations

import re
from typing import Any

from crawlers.extract.selectors import contact_link_value
from crawlers.extract.text import visible_text_without

__all__ = ["page_contact_text"]

_SITE_CHROME = frozenset({"header", "footer", "nav", "aside"})
# A line worth handing to the entity extractors: an @, six digits, a messenger or a label.
# The lookahead holds every alternative's first character: most positions fail on it
# instead of trying each alternative (half the time on a page's lines).
_CONTACT_CUE_RE = re.compile(
    r"(?=[@\dadtwvspeтпck])(?:@|(?:\d[\s().\-/]*){6}|\b(?:at|dot)\b|t\.me|wa\.me|telegram|whatsapp"
    r"|viber|signal|skype|tel\b|phone|e-?mail|телеф|почт|contact|kontakt)",
    re.IGNORECASE,
)
_LINK_SCHEMES = ("tel:", "callto:", "sms:", "mailto:")
MAX_LINES = 40  # a contacts box, not a page of them


def _body(root: Any) -> Any:
    for body in root.iter("body"):
        return body
    return root


def _in_site_chrome(element: Any) -> bool:
    return any(
        isinstance(ancestor.tag, str) and ancestor.tag.lower() in _SITE_CHROME
        for ancestor in element.iterancestors()
    )


def _link_targets(body: Any) -> list[str]:
    targets: list[str] = []
    for link in body.iter("a", "area"):
        href = (link.get("href") or "").strip()
        if not href.lower().startswith(_LINK_SCHEMES) or _in_site_chrome(link):
            continue
        value = contact_link_value(href)
        if value:
            targets.append(value)
    return targets


def page_contact_text(root: Any, known_text: str) -> str:
    """Lines of the page's own text (and tel:/mailto: targets) that may hold a contact and
    are not already in ``known_text`` (the advert's title, description and contacts)."""
    body = _body(root)
    lines = visible_text_without(body, _SITE_CHROME).splitlines()
    # A line that is a whole line of the known text (most are: the page prints the posting's
    # description) is in it and left out below anyway: no need to look for a cue in it.
    known_lines = set(known_text.split("\n"))
    cued = [line for line in lines if line not in known_lines and _CONTACT_CUE_RE.search(line)]
    found = cued + _link_targets(body)
    fresh = [line for line in dict.fromkeys(found) if line not in known_text]
    return "\n".join(fresh[:MAX_LINES])
