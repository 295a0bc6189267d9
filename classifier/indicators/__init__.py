"""Trafficking-recruitment indicators: taxonomy, multilingual matchers, agency register.

Public API::

    from classifier.indicators import (
        IndicatorHit, load_taxonomy, match_indicators,
        AgencyRegister, load_register_csv, find_agency_claims,
    )
"""

from classifier.indicators.matcher import (
    Indicator,
    IndicatorHit,
    Taxonomy,
    load_taxonomy,
    match_indicators,
)
from classifier.indicators.register import (
    AgencyRegister,
    RegisterEntry,
    find_agency_claims,
    load_register_csv,
)

__all__ = [
    "AgencyRegister",
    "Indicator",
    "IndicatorHit",
    "RegisterEntry",
    "Taxonomy",
    "find_agency_claims",
    "load_register_csv",
    "load_taxonomy",
    "match_indicators",
]
