"""The crop signal's index at scale: N stored images of 126 window hashes each, in memory
(linking.crop_linker.CropIndex), and M queued images looked up both ways.

python -m bench.images_crop_index --stored 10000 40000 --queued 1000

Window hashes are random 256-bit strings (each probe then meets N x 126 / 65,536 stored
windows, the hardest case); every tenth queued image is a planted crop: its whole-picture
hash is a stored image's window with 1-31 bits flipped, which must be found. Prints the build
time, the index's memory and the lookup time a queued image.
"""

from __future__ import annotations

import argparse
import os
import resource
import time

import numpy as np

from bench.common import machine_description
from bench.images_matching import near_copies
from linking.crop_linker import CropIndex
from linking.crop_windows import CROP_MATCH_DISTANCE, HASH_BYTES, WINDOWS


def index_bytes(index: CropIndex) -> int:
    return index.words.nbytes + index.ids.nbytes + index.windows.nbytes + index.wholes.nbytes


def run(stored: int, queued: int, seed: int = 16) -> None:
    rng = np.random.default_rng(seed)
    count = len(WINDOWS)
    windows = rng.integers(0, 256, size=(stored + queued, count, HASH_BYTES), dtype=np.uint8)
    planted = list(range(0, queued, 10))
    sources = rng.integers(0, stored, size=len(planted))
    picked = rng.integers(1, count, size=len(planted))
    wholes = near_copies(rng, windows[sources, picked])
    windows[stored + np.array(planted), 0] = wholes
    ids = np.arange(1, stored + queued + 1, dtype=np.int64)
    started = time.perf_counter()
    cpu = time.process_time()
    index = CropIndex(ids, windows.tobytes())
    built, built_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    pairs = index.pairs(ids[stored:].tolist(), CROP_MATCH_DISTANCE)
    looked, looked_cpu = time.perf_counter() - started, time.process_time() - cpu
    want = {(stored + 1 + q, int(s) + 1) for q, s in zip(planted, sources, strict=True)}
    print(
        f"  stored {stored:>7,} ({stored * count:,} windows), queued {queued:,}: build "
        f"{built:.1f} s ({built_cpu:.1f} s CPU), index {index_bytes(index) / 2**20:,.0f} MiB; "
        f"lookups {1000 * looked / queued:.1f} ms a queued image ({1000 * looked_cpu / queued:.1f}"
        f" ms CPU); planted crops found {len(want & pairs)}/{len(want)}, other pairs "
        f"{len(pairs - want - {(b, a) for a, b in want})}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stored", type=int, nargs="+", default=[10_000, 40_000])
    parser.add_argument("--queued", type=int, default=1000)
    args = parser.parse_args()
    print(machine_description())
    print(f"  load average {os.getloadavg()}; {len(WINDOWS)} windows, {HASH_BYTES} bytes each")
    for stored in args.stored:
        run(stored, args.queued)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory {peak:,.0f} MiB; load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
