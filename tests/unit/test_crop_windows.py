"""The crop signal beside PDQ: a copy cropped by up to a tenth of the area (centred, one side,
a corner) is found through the window band index, in both directions; different pictures
are not; unreadable or flat pictures get no windows."""

from __future__ import annotations

import io

import numpy as np
import pdqhash
import pytest
from PIL import Image

from demo.site.images.draw import draw_photo
from demo.site.images.encode import crop_box
from linking.crop_linker import CropIndex
from linking.crop_windows import (
    CROP_MATCH_DISTANCE,
    MAX_CROP_AREA,
    WINDOWS,
    window_hashes,
)
from linking.pdq import MATCH_DISTANCE
from tests.image_support import flat_png

CROPS = {
    "centred": (0.0256, 0.0256, 0.0256, 0.0256),
    "left": (0.10, 0.0, 0.0, 0.0),
    "top": (0.0, 0.10, 0.0, 0.0),
    "right": (0.0, 0.0, 0.10, 0.0),
    "bottom": (0.0, 0.0, 0.0, 0.10),
    "corner": (0.0, 0.051, 0.051, 0.0),
    "two sides": (0.03, 0.0, 0.07, 0.0),
}


def jpeg(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=80)
    return out.getvalue()


def pdq_bits(data: bytes) -> np.ndarray:
    bits, _ = pdqhash.compute(np.asarray(Image.open(io.BytesIO(data)).convert("RGB")))
    return np.asarray(bits, dtype=bool)


def index_of(files: list[bytes]) -> CropIndex:
    hashes = [window_hashes(data) for data in files]
    assert all(h is not None for h in hashes)
    return CropIndex(
        np.arange(1, len(files) + 1, dtype=np.int64), b"".join(h or b"" for h in hashes)
    )


def test_the_grid_covers_crops_up_to_a_tenth_of_the_area() -> None:
    assert WINDOWS[0] == (0.0, 0.0, 0.0, 0.0) and len(WINDOWS) == len(set(WINDOWS)) == 126
    for left, top, right, bottom in WINDOWS:
        assert (1 - left - right) * (1 - top - bottom) >= 1 - MAX_CROP_AREA - 1e-9
    assert CROP_MATCH_DISTANCE <= MATCH_DISTANCE


@pytest.mark.parametrize("cut", list(CROPS.values()), ids=list(CROPS))
def test_a_cropped_copy_links_to_its_original_either_way_round(cut: tuple[float, ...]) -> None:
    master = draw_photo("crop-test:1")
    removed = 1 - (1 - cut[0] - cut[2]) * (1 - cut[1] - cut[3])
    assert 0.095 <= removed <= MAX_CROP_AREA + 1e-9
    original = jpeg(master)
    copy = jpeg(master.crop(crop_box(master.size, (cut[0], cut[1], cut[2], cut[3]))))
    if cut[0] != cut[2] or cut[1] != cut[3]:  # PDQ alone misses an uneven crop of this size
        assert np.count_nonzero(pdq_bits(original) != pdq_bits(copy)) > MATCH_DISTANCE
    index = index_of([original, copy])
    # the copy arriving after its original finds it, and the original arriving later finds
    # the copy stored before it
    assert index.pairs([2], CROP_MATCH_DISTANCE) == {(2, 1)}
    assert index.pairs([1], CROP_MATCH_DISTANCE) == {(1, 2)}


def test_different_pictures_and_their_crops_do_not_link() -> None:
    masters = [draw_photo(f"crop-test:{n}") for n in range(2, 10)]
    files = [jpeg(m) for m in masters]
    files += [jpeg(m.crop(crop_box(m.size, (0.1, 0.0, 0.0, 0.0)))) for m in masters]
    index = index_of(files)
    count = len(masters)
    pairs = index.pairs(list(range(1, 2 * count + 1)), CROP_MATCH_DISTANCE)
    # each original with its own crop, both ways round, and nothing else
    expected = {(n, n + count) for n in range(1, count + 1)}
    assert pairs == expected | {(b, a) for a, b in expected}


def test_unreadable_and_flat_pictures_get_no_windows() -> None:
    assert window_hashes(b"") is None
    assert window_hashes(b"GIF89a not really") is None
    assert window_hashes(flat_png((200, 200))) is None
