"""Heavy routes (exports, evidence, feed pages, export downloads): at most
ADWATCH_EXPORT_CONCURRENCY_PER_KEY in flight per key in this process, 429 with Retry-After
beyond that; and their files sent from disk with the slot held until the last byte (or the
client's departure), never a database connection.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from starlette.responses import FileResponse
from starlette.types import Receive, Scope, Send

from api.deps import Principal

# A heavy request usually ends within seconds; the client may try again after this.
RETRY_AFTER_S = 5


class KeySlots:
    """Counts of heavy requests in flight, per key (a lock, since routes run in threads)."""

    def __init__(self, per_key: int) -> None:
        self.per_key = per_key
        self._lock = threading.Lock()
        self._held: Counter[int] = Counter()

    def take(self, key_id: int) -> Slot | None:
        with self._lock:
            if self._held[key_id] >= self.per_key:
                return None
            self._held[key_id] += 1
        return Slot(self, key_id)

    def give_back(self, key_id: int) -> None:
        with self._lock:
            self._held[key_id] -= 1
            if self._held[key_id] <= 0:
                del self._held[key_id]

    def held(self, key_id: int) -> int:
        with self._lock:
            return self._held[key_id]


class Slot:
    """One heavy request's place; released once, whichever of the response or an error
    comes first."""

    def __init__(self, slots: KeySlots, key_id: int) -> None:
        self._slots, self._key_id = slots, key_id
        self._released = False
        self._lock = threading.Lock()

    def release(self) -> None:
        with self._lock:
            if self._released:
                return
            self._released = True
        self._slots.give_back(self._key_id)

    def __enter__(self) -> Slot:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None:  # no response will release it
            self.release()


def take_slot(request: Request, user: Principal) -> Slot:
    slots: KeySlots = request.app.state.key_slots
    slot = slots.take(user.key_id)
    if slot is None:
        raise HTTPException(
            429,
            f"this key already has {slots.per_key} exports or downloads in flight; "
            "wait for one to finish",
            headers={"Retry-After": str(RETRY_AFTER_S)},
        )
    return slot


class HeldFileResponse(FileResponse):
    """A file from disk; when the response ends, however it ends, the slot is released and a
    one-off (spooled) file removed."""

    def __init__(self, path: Path, slot: Slot, *, remove_after: bool, **kwargs: Any) -> None:
        super().__init__(path, **kwargs)
        self._done: list[Callable[[], None]] = [slot.release]
        if remove_after:
            self._done.append(lambda: path.unlink(missing_ok=True))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            for done in self._done:
                done()
