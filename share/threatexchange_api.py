"""adwatch as an exchange for python-threatexchange (pytx) and Hasher-Matcher-Actioner.

Install with the `threatexchange` extra; nothing else in adwatch imports this module. pytx or
HMA loads it as an extension (`threatexchange config extensions add share.threatexchange_api`,
which reads ``TX_MANIFEST``) and fetches a partner's feed through it:

- records are keyed by advert id: a confirmation stores the advert's signals, a retraction
  deletes the record, so a contact shared by two confirmed adverts stays until both are
  retracted (pytx's ``naive_convert_to_signal_type`` gathers signals across records);
- signals: the advert URL as pytx's own ``URLSignal`` (as the feed gives it, names in the
  slug replaced) and each contact as
  :class:`~share.threatexchange_signals.AdwatchContactHmacSignal`, the deployment's keyed
  HMAC-SHA256, never the contact itself; each photo as pytx's ``PdqSignal`` (its PDQ hash,
  never the photo), so HMA matches the photos on the platform's side;
- the checkpoint is the feed cursor, so a fetch resumes where the last one stopped;
- opinions go back to adwatch's partner opinions (positive / negative / disputed).

All HTTP parsing of the feed sits in :func:`fetch_feed_page`, the one place to change when the
feed contract changes.
"""

from __future__ import annotations

import typing as t
from dataclasses import dataclass, field
from datetime import datetime

import httpx
from threatexchange.exchanges import auth
from threatexchange.exchanges import fetch_state as state
from threatexchange.exchanges.collab_config import CollaborationConfigWithDefaults
from threatexchange.exchanges.signal_exchange_api import SignalExchangeAPI
from threatexchange.extensions.manifest import ThreatExchangeExtensionManifest
from threatexchange.signal_type import signal_base
from threatexchange.signal_type.pdq.signal import PdqSignal
from threatexchange.signal_type.url import URLSignal

from share.threatexchange_signals import AdwatchContactHmacSignal

API_NAME = "adwatch"
# pytx's categories in adwatch's words; INVESTIGATION_SEED ("needs checking") is "disputed"
_OPINIONS = {
    state.SignalOpinionCategory.POSITIVE_CLASS: "positive",
    state.SignalOpinionCategory.NEGATIVE_CLASS: "negative",
    state.SignalOpinionCategory.INVESTIGATION_SEED: "disputed",
}


class AdwatchError(Exception):
    """adwatch answered with an error (its problem details' detail), or not with a feed."""


@dataclass
class AdwatchCollabConfig(CollaborationConfigWithDefaults):
    """One adwatch deployment's feed, as a partner's key sees it."""

    base_url: str = field(default="", metadata={"help": "e.g. https://adwatch.example.org"})
    page_size: int = field(default=500, metadata={"help": "feed items per request (1-10000)"})
    api: str = field(init=False, default=API_NAME)


@dataclass
class AdwatchCredentials(auth.CredentialHelper):
    ENV_VARIABLE: t.ClassVar[str] = "TX_ADWATCH_API_KEY"
    FILE_NAME: t.ClassVar[str] = "~/.tx_adwatch_api_key"

    api_key: str = field(metadata={"help": "the partner's adwatch API key"})

    @classmethod
    def _from_str(cls, s: str) -> AdwatchCredentials:
        return cls(s.strip())

    def _are_valid(self) -> bool:
        return bool(self.api_key)


@dataclass
class AdwatchCheckpoint(state.FetchCheckpointBase):
    """The feed cursor, and the latest event time seen (never moves back)."""

    cursor: str
    event_ts: int | None = None

    def get_progress_timestamp(self) -> int | None:
        return self.event_ts


@dataclass
class AdwatchItem:
    """What a confirmation shares: enough to act on, nothing personal."""

    advert_id: int
    url: str
    kind: str
    band: str | None
    tlp: str
    contact_hashes: tuple[str, ...]
    event_ts: int
    pdq_hashes: tuple[str, ...] = ()


@dataclass
class AdwatchOpinion(state.SignalOpinion):
    """An opinion that knows the adverts behind its signal, so it can be reported back."""

    advert_ids: set[int] = field(default_factory=set)


@dataclass
class AdwatchSignalMetadata(state.FetchedSignalMetadata):
    """Analysts confirmed every advert behind a signal: a positive opinion, tagged with the
    advert kinds, bands and TLPs."""

    advert_ids: set[int] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)

    def get_as_opinions(self) -> t.Sequence[AdwatchOpinion]:
        positive = state.SignalOpinionCategory.POSITIVE_CLASS
        return [AdwatchOpinion(False, positive, set(self.tags), set(self.advert_ids))]


@dataclass(frozen=True)
class FeedPage:
    events: list[tuple[str, AdwatchItem]]  # ("confirmed" | "retracted", item)
    next_cursor: str
    more: bool


def _item(raw: t.Any) -> tuple[str, AdwatchItem]:
    """One feed item; AdwatchError when it is not the shape adwatch sends."""
    try:
        event = str(raw["event"])
        contacts = tuple(str(c["hmac_sha256"]) for c in raw.get("contacts") or ())
        photos = tuple(str(i["pdq"]) for i in raw.get("images") or ())
        item = AdwatchItem(
            advert_id=int(raw["advert_id"]),
            url=str(raw.get("url") or ""),
            kind=str(raw.get("kind") or ""),
            band=raw.get("band"),
            tlp=str(raw.get("tlp") or ""),
            contact_hashes=contacts,
            pdq_hashes=photos,
            event_ts=int(datetime.fromisoformat(str(raw["event_at"])).timestamp()),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise AdwatchError(f"unexpected feed item: {type(exc).__name__}: {exc}") from None
    if event not in ("confirmed", "retracted"):
        raise AdwatchError(f"unexpected feed event {event!r}")
    return event, item


def _taken_down(raw: dict[str, t.Any]) -> bool:
    return raw.get("event") == "taken_down"


def fetch_feed_page(
    http: httpx.Client, collab: AdwatchCollabConfig, api_key: str, cursor: str | None
) -> FeedPage:
    """GET one page of the JSON feed after `cursor`: the only code that knows its shape."""
    params = {"format": "json", "limit": str(collab.page_size)}
    if cursor:
        params["cursor"] = cursor
    url = collab.base_url.rstrip("/") + "/api/v1/feed"
    reply = http.get(url, params=params, headers={"Authorization": f"Bearer {api_key}"})
    if reply.status_code != 200:
        raise AdwatchError(f"adwatch feed: HTTP {reply.status_code} {_detail(reply)}".strip())
    try:
        body = reply.json()
        # takedown notes change no signal: the URL and hashes stay what was confirmed
        items = [r for r in body["items"] if not (isinstance(r, dict) and _taken_down(r))]
        events = [_item(raw) for raw in items]
        next_cursor = str(body["next_cursor"] or cursor or "")
    except (ValueError, KeyError, TypeError) as exc:
        raise AdwatchError(f"adwatch feed: not a feed page ({type(exc).__name__})") from None
    # Pages say whether more items wait; without that flag, an empty page is the end.
    more = bool(body.get("more", bool(events)))
    return FeedPage(events, next_cursor, more)


def _detail(reply: httpx.Response) -> str:
    """The problem details' `detail`, if adwatch sent one."""
    try:
        body = reply.json()
    except ValueError:
        return ""
    return str(body.get("detail", "")) if isinstance(body, dict) else ""


_Delta = state.FetchDelta[str, AdwatchItem, AdwatchCheckpoint]


class AdwatchSignalExchangeAPI(
    auth.SignalExchangeWithAuth[AdwatchCollabConfig, AdwatchCredentials],
    SignalExchangeAPI[
        AdwatchCollabConfig, AdwatchCheckpoint, AdwatchSignalMetadata, str, AdwatchItem
    ],
):
    """pytx's SignalExchangeAPI over an adwatch partner feed (records keyed by advert id)."""

    def __init__(
        self, collab: AdwatchCollabConfig, api_key: str, http: httpx.Client | None = None
    ) -> None:
        self.collab = collab
        self._api_key = api_key
        self._http = http or httpx.Client(timeout=30.0, follow_redirects=False)

    @classmethod
    def for_collab(
        cls, collab: AdwatchCollabConfig, credentials: AdwatchCredentials | None = None
    ) -> AdwatchSignalExchangeAPI:
        credentials = credentials or AdwatchCredentials.get(cls)
        return cls(collab, credentials.api_key)

    @classmethod
    def get_name(cls) -> str:
        return API_NAME

    @staticmethod
    def get_config_cls() -> type[AdwatchCollabConfig]:
        return AdwatchCollabConfig

    @staticmethod
    def get_checkpoint_cls() -> type[AdwatchCheckpoint]:
        return AdwatchCheckpoint

    @staticmethod
    def get_record_cls() -> type[AdwatchSignalMetadata]:
        return AdwatchSignalMetadata

    @staticmethod
    def get_credential_cls() -> type[AdwatchCredentials]:
        return AdwatchCredentials

    def fetch_iter(
        self,
        supported_signal_types: t.Sequence[type[signal_base.SignalType]],
        checkpoint: AdwatchCheckpoint | None,
    ) -> t.Iterator[_Delta]:
        """One delta per feed page, in feed order, until a page says nothing more waits."""
        cursor = checkpoint.cursor if checkpoint else None
        latest = checkpoint.event_ts if checkpoint else None
        while True:
            page = fetch_feed_page(self._http, self.collab, self._api_key, cursor)
            updates: dict[str, AdwatchItem | None] = {}
            for event, item in page.events:  # in order: a later retraction wins
                updates[str(item.advert_id)] = item if event == "confirmed" else None
                latest = max(latest or item.event_ts, item.event_ts)
            cursor = page.next_cursor
            yield _Delta(updates, AdwatchCheckpoint(cursor, latest))
            if not page.more:
                return

    @classmethod
    def naive_convert_to_signal_type(
        cls,
        signal_types: t.Sequence[type[signal_base.SignalType]],
        collab: AdwatchCollabConfig,
        fetched: t.Mapping[str, AdwatchItem],
    ) -> dict[type[signal_base.SignalType], dict[str, AdwatchSignalMetadata]]:
        """Signals of every advert still confirmed; one signal in several adverts carries
        all of their ids and tags."""
        ret: dict[type[signal_base.SignalType], dict[str, AdwatchSignalMetadata]] = {}
        for item in fetched.values():
            for signal_type, signal in _signals(item):
                if signal_type not in signal_types:
                    continue
                meta = ret.setdefault(signal_type, {}).setdefault(signal, AdwatchSignalMetadata())
                meta.advert_ids.add(item.advert_id)
                meta.tags.update(_tags(item))
        return ret

    def report_opinion(
        self, s_type: type[signal_base.SignalType], signal: str, opinion: state.SignalOpinion
    ) -> None:
        """Send the opinion on each advert behind the signal (from the fetched metadata's
        opinion) to adwatch's partner opinions; tags travel as the comment."""
        if not isinstance(opinion, AdwatchOpinion) or not opinion.advert_ids:
            raise ValueError("report an AdwatchOpinion taken from the fetched signal's metadata")
        body = {"opinion": _OPINIONS[opinion.category], "comment": ", ".join(sorted(opinion.tags))}
        for advert_id in sorted(opinion.advert_ids):
            url = f"{self.collab.base_url.rstrip('/')}/api/v1/adverts/{advert_id}/opinion"
            headers = {"Authorization": f"Bearer {self._api_key}"}
            reply = self._http.post(url, json=body, headers=headers)
            if reply.status_code != 204:
                raise AdwatchError(f"adwatch opinion: HTTP {reply.status_code} {_detail(reply)}")


def _signals(item: AdwatchItem) -> t.Iterator[tuple[type[signal_base.SignalType], str]]:
    if item.url:
        yield URLSignal, item.url
    for digest in item.contact_hashes:
        yield AdwatchContactHmacSignal, digest
    for pdq in item.pdq_hashes:  # photos leave adwatch only as PDQ hashes
        yield PdqSignal, pdq


def _tags(item: AdwatchItem) -> set[str]:
    tags = {f"kind:{item.kind}", f"tlp:{item.tlp}"}
    return tags | ({f"band:{item.band}"} if item.band else set())


TX_MANIFEST = ThreatExchangeExtensionManifest(
    signal_types=(AdwatchContactHmacSignal,),
    apis=(AdwatchSignalExchangeAPI,),
)
