"""Model features that carry the evidence: indicator hits and the advert's structure.

Two families, kept apart because the model treats them differently:

* **evidence** (:data:`RISK_FEATURES` and :data:`MITIGATING_FEATURES`): which indicators
  fired, how many distinct ones, their weights, how many speak of third-party control.  The
  model's coefficients on risk evidence are constrained to be ≥ 0 and on mitigating evidence
  to be ≤ 0, so one more risk indicator never lowers a score;
* **structure**: what kind of advert it is and how it is put together — a named company
  with a legal form, a destination abroad, the contact channels, who speaks (I / we / she /
  you), money amounts, length.  These carry no sign constraint and are regularised.

Both are computed from the normalised text (:mod:`classifier.indicators.normalise`), so
case, homoglyphs, emoji and spacing tricks change nothing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from classifier.indicators import IndicatorHit, Taxonomy
from classifier.indicators.normalise import normalise, normalise_pattern
from classifier.indicators.taxonomy import KINDS

__all__ = [
    "CONTROL_INDICATORS",
    "MITIGATING_FEATURES",
    "RISK_FEATURES",
    "evidence_features",
    "feature_names",
    "structure_features",
]

# Indicators that speak of someone else holding the person's documents, money, movement,
# contact or marriage: the core of the ILO and UNODC definitions, not merely a lure.
CONTROL_INDICATORS = frozenset(
    {
        "documents_held",
        "agency_keeps_documents",
        "debt_repaid_from_wages",
        "restricted_movement",
        "recruitment_fee",
        "contract_on_arrival",
        "wages_cut_for_costs",
        "third_person_voice",
        "multiple_workers_one_contact",
        "unlicensed_agency",
        "deployment_unnamed_employer",
        "payment_to_family",
        "sham_marriage",
        "bride_catalogue",
        "tourist_visa_work",
    }
)
RISK_FEATURES = ("n_risk", "n_risk_ge2", "n_risk_ge3", "risk_weight", "n_control")
MITIGATING_FEATURES = ("n_mitigating", "mitigating_weight")
STRUCTURE_FEATURES = (
    *(f"kind:{k}" for k in KINDS),
    "named_company",
    "abroad",
    "money",
    "has_email",
    "has_url",
    "has_phone",
    "has_messenger",
    "voice_i",
    "voice_we",
    "voice_she",
    "voice_you",
    "log_words",
)


def feature_names(taxonomy: Taxonomy) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(risk evidence, mitigating evidence, structure) feature names, in a fixed order."""
    risk = [f"ind:{i}" for i, ind in sorted(taxonomy.indicators.items()) if ind.polarity == "risk"]
    mitigating = [
        f"ind:{i}" for i, ind in sorted(taxonomy.indicators.items()) if ind.polarity == "mitigating"
    ]
    return (*risk, *RISK_FEATURES), (*mitigating, *MITIGATING_FEATURES), STRUCTURE_FEATURES


def evidence_features(hits: Iterable[IndicatorHit], taxonomy: Taxonomy) -> dict[str, float]:
    """Indicator evidence: ``ind:<id>`` per fired indicator and the aggregates above."""
    fired = {h.indicator_id for h in hits if h.indicator_id in taxonomy.indicators}
    risk = {i for i in fired if taxonomy.indicators[i].polarity == "risk"}
    mitigating = {i for i in fired if taxonomy.indicators[i].polarity == "mitigating"}
    features = {f"ind:{i}": 1.0 for i in risk | mitigating}
    features["n_risk"] = float(len(risk))
    features["n_risk_ge2"] = float(len(risk) >= 2)
    features["n_risk_ge3"] = float(len(risk) >= 3)
    features["risk_weight"] = sum(taxonomy.indicators[i].weight for i in risk)
    features["n_control"] = float(len(risk & CONTROL_INDICATORS))
    features["n_mitigating"] = float(len(mitigating))
    features["mitigating_weight"] = sum(-taxonomy.indicators[i].weight for i in mitigating)
    return features


def _words(*groups: str) -> frozenset[str]:
    return frozenset(normalise(w) for group in groups for w in group.split())


# Pronouns per voice in en, ro, ru and uk: who speaks, about whom, to whom.
_VOICE_WORDS = {
    "voice_i": _words(
        "i i'm me my mine myself", "eu ma mine meu mea mele",
        "я меня мне мной мой моя мои моё", "я мене мені мною мій моя мої моє",
    ),
    "voice_we": _words(
        "we we're us our ours", "noi nostru noastra nostri noastre",
        "мы нас нам наш наша наши", "ми нас нам наш наша наші",
    ),
    "voice_she": _words(
        "she her hers herself", "ea ei dansa", "она её ее ей неё нее", "вона її їй неї"
    ),
    "voice_you": _words(
        "you your you're yours", "tu voi va dumneavoastra tau ta",
        "вы вас вам ваш ваша ты тебя тебе", "ви вас вам ваш ваша ти тебе",
    ),
}  # fmt: skip
_COMPANY = re.compile(
    normalise_pattern(
        r"\b(?:gmbh|ltd|llc|inc|plc|s\.?\s?r\.?\s?l|b\.\s?v|sp\. z o\.\s?o|s\.a\.s|oy|ab|kft"
        r"|s\.r\.o"
        r"|ооо|тов|тзов|ао|пао|зао|ип|фоп|пп)\b"
    )
)
_ABROAD = re.compile(
    normalise_pattern(
        r"\b(?:abroad|overseas|in europe|to europe|in the eu|gulf|middle east|emirates|dubai|qatar"
        r"|strainatate|in europa|peste hotare|afara"
        r"|за границ\w*|за рубеж\w*|зарубеж\w*|в европ\w*|в эмират\w*|в дуба\w*"
        r"|за кордон\w*|закордон\w*|до європ\w*|в європ\w*)\b"
    )
)
_MONEY = re.compile(r"(?:€|\$|£)\s?\d|\d\s?(?:€|\$|£|eur|euro|usd|lei|ron|mdl|gbp|chf|pln|руб|грн)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|#email#|\bat example dot")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|eu|ro|md|ua|ru)\b|#url#")
_PHONE = re.compile(r"(?:\+|\b)\d[\d \-().]{6,}\d|#phone#")
_MESSENGER = re.compile(
    normalise_pattern(
        r"\b(?:telegram|whatsapp|viber|signal|wechat|tg|телеграм\w*|вайбер|вотсап|ватсап)\b"
    )
)
_TOKEN = re.compile(r"\w+(?:'\w+)?")


def structure_features(kind: str, normalised_text: str) -> dict[str, float]:
    """How the advert is put together (see the module docstring); input is normalised."""
    tokens = _TOKEN.findall(normalised_text)
    n = max(len(tokens), 1)
    features = {f"kind:{kind}": 1.0}
    token_counts = Counter(tokens)
    counts = {name: sum(token_counts[w] for w in words) for name, words in _VOICE_WORDS.items()}
    for name, count in counts.items():
        features[name] = min(25.0 * count / n, 2.0)  # share of words, capped
    checks = (
        ("named_company", _COMPANY),
        ("abroad", _ABROAD),
        ("money", _MONEY),
        ("has_email", _EMAIL),
        ("has_url", _URL),
        ("has_phone", _PHONE),
        ("has_messenger", _MESSENGER),
    )
    for name, pattern in checks:
        features[name] = float(pattern.search(normalised_text) is not None)
    features["log_words"] = math.log1p(len(tokens)) / 5.0
    return features
