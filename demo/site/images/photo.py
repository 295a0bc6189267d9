"""One picture as an advert shows it: which photo, which edit, which format.

Plain data (no Pillow here): the pixels are made on request by :mod:`.encode`. The
``photo`` id names the source picture (one per fictional person, or per recruiter's
promotion); adverts that show the same ``photo`` share a picture, with ``edit`` saying
how this copy differs from the original, which is what the answer key records.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

__all__ = ["EDITS", "FORMATS", "AdvertImage"]

#: how a copy differs from the photo's original rendition
EDITS: tuple[str, ...] = ("original", "resize", "crop", "reencode", "watermark", "mirror")
#: format -> (file extension, Content-Type)
FORMATS: dict[str, tuple[str, str]] = {
    "jpeg": ("jpg", "image/jpeg"),
    "png": ("png", "image/png"),
    "webp": ("webp", "image/webp"),
}


@dataclass(frozen=True)
class AdvertImage:
    """A picture on an advert page, served at :attr:`path` on the advert's site.

    ``scale`` 2 is the double-size rendition a ``srcset`` offers next to scale 1;
    ``mark`` is the watermark text of a ``watermark`` copy.
    """

    photo: str
    edit: str = "original"
    fmt: str = "jpeg"
    scale: int = 1
    mark: str = ""

    def __post_init__(self) -> None:
        if self.edit not in EDITS:
            raise ValueError(f"unknown edit {self.edit!r}")
        if self.fmt not in FORMATS:
            raise ValueError(f"unknown image format {self.fmt!r}")
        if self.edit == "reencode" and self.fmt == "png":
            raise ValueError("a re-encoded copy is lossy: jpeg or webp, not png")
        if self.scale not in (1, 2):
            raise ValueError("scale is 1 or 2")
        if (self.edit == "watermark") != bool(self.mark):
            raise ValueError("a watermark copy needs its text, and only it has one")

    @property
    def token(self) -> str:
        """A stable, opaque file name: the URL gives nothing of the answer away."""
        key = f"{self.photo}|{self.edit}|{self.fmt}|{self.scale}|{self.mark}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]

    @property
    def path(self) -> str:
        return f"/media/{self.token}.{FORMATS[self.fmt][0]}"

    @property
    def content_type(self) -> str:
        return FORMATS[self.fmt][1]

    @property
    def kind(self) -> str:
        """The edit as the answer key reports it: a double-size original is a resize."""
        if self.edit == "original" and self.scale != 1:
            return "resize"
        return self.edit
