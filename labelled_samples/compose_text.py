"""Surface helpers for the labelled-sample generator: contacts, money, layout, noise.

Everything here takes an explicit ``random.Random`` so that a sample is fully
determined by its own seed.  Contacts are always fictional: phone numbers come from
the reserved/fictional ranges below and e-mail addresses end in ``@example.org``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

# Fictional phone formats; "{x}" is three digits, "{y}" two digits.
PHONE_FORMATS: dict[str, tuple[str, ...]] = {
    "md": (
        "+373 600 00 {x}",
        "0600 00 {x}",
        "+37360000{x}",
        "060000{x}",
        "0600-00-{x}",
        "+373-600-00-{x}",
        "+373 600 00-{x}",
        "0 600 00 {x}",
    ),
    "ro": (
        "+40 700 000 {x}",
        "0700 000 {x}",
        "0700000{x}",
        "0700-000-{x}",
        "+40700000{x}",
        "+40-700-000-{x}",
        "+40 700 000-{x}",
    ),
    "us": ("555-01{y}", "555 01{y}"),
}
# Which fictional range each advert language draws from, with weights.
PHONE_MIX: dict[str, tuple[tuple[str, int], ...]] = {
    "en": (("us", 5), ("ro", 3), ("md", 2)),
    "ro": (("ro", 6), ("md", 4)),
    "ru": (("md", 7), ("ro", 3)),
    "uk": (("md", 7), ("ro", 3)),
}

MAIL_WORDS = (
    "anna",
    "maria",
    "elena",
    "olga",
    "irina",
    "diana",
    "alina",
    "vera",
    "nina",
    "lena",
    "jobs",
    "work",
    "career",
    "office",
    "team",
    "staff",
    "hr",
    "info",
    "contact",
    "hello",
    "star",
    "sun",
    "nord",
    "vest",
    "euro",
    "lux",
    "grand",
    "best",
    "smart",
    "new",
)
HANDLE_WORDS = (
    "work",
    "jobs",
    "euro",
    "vip",
    "lady",
    "office",
    "team",
    "dream",
    "star",
    "career",
    "travel",
    "agency",
    "manager",
    "club",
    "line",
    "help",
    "nord",
    "west",
    "gold",
    "trust",
)

EMOJI: dict[str, tuple[str, ...]] = {
    "job": ("✅", "💶", "✈️", "🏠", "📞", "🔥", "❗", "👉", "⭐", "🌍", "💼", "🚌"),
    "bridal": ("💍", "❤️", "🌹", "💌", "✨", "👰", "💑", "🕊️", "☎️", "🌸"),
    "escort": ("🌹", "✨", "🍷", "🥂", "💎", "🌙", "📲", "🎭", "🌟", "☕"),
}
BULLETS = ("- ", "• ", "✅ ", "✔ ", "* ", "👉 ", "▪️ ")

_WORD = re.compile(r"(?<![@\w/.])([^\W\d_]{5,})(?![\w@/]|\.\w)")
_CEDILLA = str.maketrans({"ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"})
_PLAIN = str.maketrans(
    {
        "ă": "a",
        "â": "a",
        "î": "i",
        "ș": "s",
        "ț": "t",
        "ş": "s",
        "ţ": "t",
        "Ă": "A",
        "Â": "A",
        "Î": "I",
        "Ș": "S",
        "Ț": "T",
        "Ş": "S",
        "Ţ": "T",
    }
)


def weighted(rng: random.Random, options: Sequence[tuple[str, int]]) -> str:
    """Pick one option by integer weight."""
    total = sum(w for _, w in options)
    roll = rng.randrange(total)
    for value, weight in options:
        if roll < weight:
            return value
        roll -= weight
    return options[-1][0]


def phone(rng: random.Random, lang: str) -> str:
    """A fictional phone number in a format common for the advert's language."""
    region = weighted(rng, PHONE_MIX[lang])
    fmt = rng.choice(PHONE_FORMATS[region])
    return fmt.format(x=f"{rng.randrange(1000):03d}", y=f"{rng.randrange(100):02d}")


def email(rng: random.Random) -> str:
    """A fictional e-mail address under example.org."""
    first, second = rng.sample(MAIL_WORDS, 2)
    local = rng.choice((f"{first}.{second}", f"{first}{rng.randrange(10, 99)}", first))
    return f"{local}@example.org"


def handle(rng: random.Random) -> str:
    """A fictional messenger handle."""
    first, second = rng.sample(HANDLE_WORDS, 2)
    return rng.choice((f"@{first}_{second}", f"@{first}{second}{rng.randrange(1, 99)}"))


def site(rng: random.Random) -> str:
    """A fictional web address under example.org."""
    path = rng.choice(HANDLE_WORDS)
    return rng.choice((f"www.example.org/{path}", f"example.org/{path}"))


def amount(rng: random.Random, lang: str, value: float, symbol: str) -> str:
    """Format money the way adverts in ``lang`` usually do (no digit runs over 5)."""
    if value != int(value):
        number = f"{value:.2f}"
        if lang != "en":
            number = number.replace(".", ",")
    elif value >= 1000 and rng.random() < 0.5:
        sep = {"en": ",", "ro": "."}.get(lang, " ")
        number = f"{int(value):,}".replace(",", sep)
    else:
        number = str(int(value))
    if symbol in {"€", "£", "$"} and lang == "en":
        return f"{symbol}{number}"
    if symbol in {"€", "$"} and rng.random() < 0.2:
        return number + symbol
    return f"{number} {symbol}"


def years(lang: str, n: int) -> str:
    """An adult age with the noun form the language needs ("31 год", "22 роки")."""
    if lang in {"ru", "uk"}:
        forms = ("год", "года", "лет") if lang == "ru" else ("рік", "роки", "років")
        if n % 10 == 1 and n % 100 != 11:
            return f"{n} {forms[0]}"
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return f"{n} {forms[1]}"
        return f"{n} {forms[2]}"
    return f"{n} de ani" if lang == "ro" else f"{n} years old"


def ensure_stop(text: str) -> str:
    """Close a fragment with a full stop when it has no final punctuation."""
    text = text.rstrip()
    if not text or text[-1] in '.!?:;)»"…' or not text[-1].isalnum():
        return text
    return text + "."


def drop_stop(text: str) -> str:
    """Sloppy line ends: drop a single trailing full stop."""
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def layout(
    rng: random.Random, head: list[str], middle: list[str], tail: list[str], bullets: bool
) -> str:
    """Join the advert's segments as lines, a paragraph, blocks or a bullet list."""
    style = rng.choice(("lines", "lines", "para", "blocks", "bullets" if bullets else "blocks"))
    sloppy = rng.random() < 0.3
    if style == "para":
        return " ".join(ensure_stop(s) for s in head + middle + tail)
    if style == "bullets":
        mark = rng.choice(BULLETS)
        lines = [*head, *(mark + (drop_stop(s) if sloppy else s) for s in middle), *tail]
        return "\n".join(lines)
    if style == "lines":
        segs = head + middle + tail
        return "\n".join(drop_stop(s) if sloppy else s for s in segs)
    blocks = [head + middle[: len(middle) // 2], middle[len(middle) // 2 :], tail]
    return "\n\n".join(" ".join(ensure_stop(s) for s in b) for b in blocks if b)


def add_emoji(rng: random.Random, text: str, kind: str) -> str:
    """Put one to three emoji at line starts or ends."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(lines))
        if not lines[i].strip():
            continue
        mark = rng.choice(EMOJI[kind])
        lines[i] = f"{mark} {lines[i]}" if rng.random() < 0.6 else f"{lines[i]} {mark}"
    return "\n".join(lines)


def shout(rng: random.Random, text: str) -> str:
    """Write one or two words in capitals, as sloppy adverts do."""
    words = list(_WORD.finditer(text))
    if not words:
        return text
    for match in sorted(
        rng.sample(words, min(len(words), rng.randint(1, 2))), key=lambda m: -m.start()
    ):
        text = text[: match.start()] + match.group(1).upper() + text[match.end() :]
    return text


def typo(rng: random.Random, text: str) -> str:
    """Introduce one realistic typo (swap, drop or double a letter) in a long word."""
    words = [m for m in _WORD.finditer(text) if m.group(1)[0].islower()]
    if not words:
        return text
    match = rng.choice(words)
    word = match.group(1)
    i = rng.randrange(1, len(word) - 2)
    op = rng.choice(("swap", "drop", "double"))
    if op == "swap":
        new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif op == "drop":
        new = word[:i] + word[i + 1 :]
    else:
        new = word[: i + 1] + word[i] + word[i + 1 :]
    return text[: match.start()] + new + text[match.end() :]


def romanian_variant(rng: random.Random, text: str, variant: str) -> str:
    """Render Romanian with comma-below, cedilla or no diacritics at all."""
    del rng
    if variant == "cedilla":
        return text.translate(_CEDILLA)
    if variant == "plain":
        return text.translate(_PLAIN)
    return text


def capitalise(text: str) -> str:
    """Upper-case the first letter only."""
    return text[:1].upper() + text[1:] if text else text
