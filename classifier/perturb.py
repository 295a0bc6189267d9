"""Surface perturbations a score must survive: ALL CAPS, look-alike letters, emoji, padding.

Advert writers evade filters by shouting, swapping Latin and Cyrillic look-alikes, sprinkling
emoji and burying the offer in boilerplate.  None of that changes what an advert says, so
none of it should move its score much.  Each function is deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = ["PERTURBATIONS", "all_caps", "emoji", "homoglyphs", "padded"]

_LAT_TO_CYR = str.maketrans("aeopcxyAEOPCXYKMTHB", "аеорсхуАЕОРСХУКМТНВ")
_CYR_TO_LAT = str.maketrans("аеорсхуАЕОРСХУКМТНВ", "aeopcxyAEOPCXYKMTHB")
_EMOJI = ("✅", "🔥", "💰", "✈️", "🌟", "👉", "❗", "💃", "🏠", "📞")
# Neutral boilerplate per language: no indicator, no offer, only the words sites add.
_BOILERPLATE = {
    "en": "Please read the whole description before you reply. We read every message and "
    "answer on working days. Thank you for your interest and have a good day.",
    "ro": "Vă rugăm să citiți toată descrierea înainte de a răspunde. Citim fiecare mesaj și "
    "răspundem în zilele lucrătoare. Vă mulțumim pentru interes și o zi bună.",
    "ru": "Пожалуйста, прочитайте всё описание, прежде чем ответить. Мы читаем каждое "
    "сообщение и отвечаем в рабочие дни. Спасибо за интерес и хорошего дня.",
    "uk": "Будь ласка, прочитайте весь опис, перш ніж відповісти. Ми читаємо кожне "
    "повідомлення і відповідаємо в робочі дні. Дякуємо за інтерес і гарного дня.",
}


def all_caps(text: str, language: str | None, rng: random.Random) -> str:
    return text.upper()


def homoglyphs(text: str, language: str | None, rng: random.Random) -> str:
    """Every third letter that has a look-alike in the other script is swapped for it."""
    table = _CYR_TO_LAT if language in ("ru", "uk") else _LAT_TO_CYR
    return "".join(c.translate(table) if rng.random() < 0.33 else c for c in text)


def emoji(text: str, language: str | None, rng: random.Random) -> str:
    """An emoji after about one word in five."""
    words = text.split(" ")
    return " ".join(w + (" " + rng.choice(_EMOJI) if rng.random() < 0.2 else "") for w in words)


def padded(text: str, language: str | None, rng: random.Random) -> str:
    """Doubled in length with neutral boilerplate in the advert's language."""
    filler = _BOILERPLATE.get(language or "en", _BOILERPLATE["en"])
    extra: list[str] = []
    while sum(len(e) + 1 for e in extra) < len(text):
        extra.append(filler)
    return text + "\n\n" + "\n".join(extra)


Perturbation = Callable[[str, str | None, random.Random], str]
PERTURBATIONS: dict[str, Perturbation] = {
    "all_caps": all_caps,
    "homoglyphs": homoglyphs,
    "emoji": emoji,
    "padded": padded,
}
