"""Signal types adwatch shares that python-threatexchange has none for (loaded with
:mod:`share.threatexchange_api`, under the `threatexchange` extra)."""

from __future__ import annotations

import re
import typing as t

from threatexchange.content_type.content_base import ContentType
from threatexchange.content_type.text import TextContent
from threatexchange.signal_type import signal_base

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class AdwatchContactHmacSignal(signal_base.SimpleSignalType, signal_base.MatchesStr):
    """A contact (phone, e-mail, handle) as adwatch shares it: HMAC-SHA256 keyed with the
    deployment secret, 64 hex digits. Matches only the same keyed hash: a plain hash of a phone
    number could be reversed by trying every number, so the value itself never travels."""

    @classmethod
    def get_name(cls) -> str:
        return "adwatch_contact_hmac_sha256"

    @classmethod
    def get_content_types(cls) -> list[type[ContentType]]:
        return [TextContent]

    @classmethod
    def get_index_cls(cls) -> type[signal_base.TrivialSignalTypeIndex[t.Any]]:
        return signal_base.TrivialSignalTypeIndex

    @classmethod
    def validate_signal_str(cls, signal_str: str) -> str:
        normalized = signal_str.strip().lower()
        if not _HEX64.match(normalized):
            raise ValueError("an adwatch contact hash is 64 hexadecimal digits")
        return normalized

    @classmethod
    def matches_str(cls, signal: str, haystack: str) -> signal_base.SignalComparisonResult:
        return signal_base.SignalComparisonResult.from_bool_only(signal == haystack.strip())

    @staticmethod
    def get_examples() -> list[str]:
        return ["5" * 64]
