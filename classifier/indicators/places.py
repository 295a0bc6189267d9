"""Where an advert sends people, and which country it comes from.

Two questions the indicators need answered from text alone:

* does the advert offer work or marriage **abroad** (an explicit "abroad" word or a usual
  destination country, in English, Romanian, Russian or Ukrainian)?
* which **countries** might the advertiser be in (phone country codes, the language), so a
  licence is only called invalid where the imported register covers that country?

All patterns run on normalised text (:mod:`classifier.indicators.normalise`).
"""

from __future__ import annotations

import re

from classifier.indicators.normalise import normalise_pattern

__all__ = ["country_hints", "offers_abroad"]

_ABROAD_WORDS = (
    r"abroad|overseas|in europe|to europe|across europe|in the eu|the gulf|middle east"
    r"|strainatate|peste hotare|in europa|in ue|in afara tarii"
    r"|за границ\w*|за рубеж\w*|зарубеж\w*|в европ\w*|европейск\w* стран\w*"
    r"|за кордон\w*|закордон\w*|до європ\w*|в європ\w*|у європ\w*|європейськ\w* країн\w*"
)
_DESTINATIONS = (
    r"germany|poland|czech\w*|netherlands|holland|italy|spain|united kingdom|england|britain"
    r"|israel|turkey|uae|emirates|dubai|qatar|saudi\w*|cyprus|greece|japan|korea|canada|france"
    r"|belgium|austria|switzerland|norway|sweden|denmark|finland|portugal|ireland|usa|america"
    r"|germania|polonia|cehia|olanda|italia|spania|marea britanie|anglia|turcia|emiratele|cipru"
    r"|grecia|japonia|coreea|franta|belgia|elvetia|norvegia|suedia|danemarca|finlanda"
    r"|portugalia|irlanda"
    r"|германи\w*|польш\w*|чехи\w*|нидерланд\w*|голланди\w*|итали\w*|испани\w*|англи[яию]|англией"
    r"|великобритани\w*|израил\w*|турци\w*|оаэ|эмират\w*|дуба\w*|катар\w*|кипр\w*|греци\w*"
    r"|япони\w*|коре[яию]|сша|америк\w*|канад\w*|франци\w*|бельги\w*|австри\w*|швейцари\w*"
    r"|норвеги\w*|швеци\w*|дани[яюие]|финлянди\w*|португали\w*|ирланди\w*"
    r"|німеччин\w*|польщ\w*|чехі\w*|нідерланд\w*|голланді\w*|італі\w*|іспані\w*|англі[яїю]|англією"
    r"|великобритані\w*|ізраїл\w*|туреччин\w*|оае|емірат\w*|кіпр\w*|греці\w*|японі\w*|корея|кореї"
    r"|франці\w*|бельгі\w*|австрі\w*|швейцарі\w*|норвегі\w*|швеці\w*|фінлянді\w*"
    r"|португалі\w*|ірланді\w*"
)
_ABROAD_RE = re.compile(normalise_pattern(rf"\b(?:{_ABROAD_WORDS}|{_DESTINATIONS})\b"))
_PHONE_COUNTRY = (
    (re.compile(r"\+\s?373|\b00\s?373"), "MD"),
    (re.compile(r"\+\s?40(?!\d{9,})|\b00\s?40"), "RO"),
    (re.compile(r"\+\s?380|\b00\s?380"), "UA"),
    (re.compile(r"\+\s?7[\s(-]?\d{3}"), "RU"),
)
_LANGUAGE_COUNTRIES = {"ro": ("RO", "MD"), "ru": ("MD", "UA", "RU"), "uk": ("UA",)}


def offers_abroad(normalised: str) -> bool:
    """Whether the text names "abroad" or a usual destination country."""
    return _ABROAD_RE.search(normalised) is not None


def country_hints(normalised: str, language: str | None) -> frozenset[str]:
    """Countries the advertiser may be in: phone country codes, then the language."""
    hints = {country for pattern, country in _PHONE_COUNTRY if pattern.search(normalised)}
    hints.update(_LANGUAGE_COUNTRIES.get((language or "").lower()[:2], ()))
    return frozenset(hints)
