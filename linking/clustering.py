"""Near-duplicate templates: MinHash over word shingles, LSH bands, union-find.

Language-independent: shingles are word 3-grams of the prepared text (case, diacritics and
digits folded), so "the same advert with another name, phone or city" stays close.

The MinHash is computed here, vectorised over a whole batch with numpy, instead of one Python
object per advert: linking a million adverts spends its time in the database, not in hashing.
Shingle hash: CRC-32 of each word, three consecutive word hashes mixed into 32 bits; the
permutations are the affine maps h -> a*h + b (mod 2^32, a odd), which are bijections.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from classifier.textfeatures import prepare_text

NUM_PERM = 60
BANDS = 20
ROWS = NUM_PERM // BANDS
SIMILARITY = 0.5  # estimated Jaccard above which two adverts share a template
SHINGLE = 3
# Texts shorter than this share no template with anything: all image-only or title-only
# adverts would otherwise form one giant false "network".
MIN_TEMPLATE_WORDS = 8
_WORD = re.compile(r"\w+")
_EMPTY = ["<empty>"]  # a text without words still gets a (shared) signature
_PERMUTATION_SEED = 1
_U32 = np.uint32
_U64 = np.uint64
_MIX = np.random.RandomState(20261123).randint(1, 2**62, size=ROWS + BANDS, dtype=np.int64)
_ROW_MIX, _BAND_SALT = _MIX[:ROWS].astype(np.uint64), _MIX[ROWS:].astype(np.uint64)


def _permutations() -> tuple[NDArray[np.uint32], NDArray[np.uint32]]:
    gen = np.random.RandomState(_PERMUTATION_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=_U32) * _U32(2) + _U32(1)  # odd: a bijection
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=_U32)
    return a, b


_PERM_A, _PERM_B = _permutations()


def words(title: str, body: str) -> list[str]:
    found: list[str] = _WORD.findall(prepare_text(title, body))
    return found


def _fmix64(x: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """MurmurHash3's 64-bit finaliser: every input bit moves every output bit."""
    x = x ^ (x >> _U64(33))
    x = x * _U64(0xFF51AFD7ED558CCD)
    x = x ^ (x >> _U64(33))
    x = x * _U64(0xC4CEB9FE1A85EC53)
    return x ^ (x >> _U64(33))


def shingle_hashes(
    texts: Sequence[tuple[str, str]],
) -> tuple[NDArray[np.uint32], NDArray[np.intp], NDArray[np.intp]]:
    """32-bit hashes of every text's word 3-grams (its words, when it has fewer than three),
    concatenated, with the offset where each text's hashes start and its number of words."""
    per_text = [words(t, b) for t, b in texts]
    word_counts = np.fromiter(map(len, per_text), dtype=np.intp, count=len(per_text))
    per_text = [ws or _EMPTY for ws in per_text]
    lengths = np.maximum(word_counts, 1)
    flat = [w.encode() for ws in per_text for w in ws]
    word_hash = np.fromiter(map(zlib.crc32, flat), dtype=_U64, count=len(flat))
    remaining = np.repeat(lengths, lengths) - (
        np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    )  # words from this one to its text's end, itself included
    following = np.concatenate([word_hash[1:], np.zeros(SHINGLE - 1, dtype=_U64)])
    after_next = np.concatenate([word_hash[2:], np.zeros(SHINGLE - 1, dtype=_U64)])[: len(flat)]
    with np.errstate(over="ignore"):
        trigram = _fmix64(
            word_hash * _U64(0x9E3779B97F4A7C15)
            ^ following[: len(flat)] * _U64(0xC2B2AE3D27D4EB4F)
            ^ after_next * _U64(0x165667B19E3779F9)
        ) >> _U64(32)
    short_text = np.repeat(lengths < SHINGLE, lengths)
    keep = (remaining >= SHINGLE) | short_text
    hashes = np.where(remaining >= SHINGLE, trigram, word_hash)[keep].astype(_U32)
    per_text_count = np.where(lengths < SHINGLE, lengths, lengths - SHINGLE + 1)
    return hashes, np.cumsum(per_text_count) - per_text_count, word_counts


def sketches(texts: Sequence[tuple[str, str]]) -> tuple[NDArray[np.uint64], NDArray[np.intp]]:
    """One MinHash signature (NUM_PERM values) per (title, body), and its number of words."""
    out = np.zeros((len(texts), NUM_PERM), dtype=_U64)
    if not texts:
        return out, np.zeros(0, dtype=np.intp)
    hashes, starts, word_counts = shingle_hashes(texts)
    with np.errstate(over="ignore"):
        for perm in range(NUM_PERM):  # one pass per permutation keeps memory at one column
            permuted = hashes * _PERM_A[perm] + _PERM_B[perm]
            out[:, perm] = np.minimum.reduceat(permuted, starts)
    return out, word_counts


def signatures(texts: Sequence[tuple[str, str]]) -> NDArray[np.uint64]:
    return sketches(texts)[0]


def band_buckets(sigs: NDArray[np.uint64]) -> NDArray[np.int64]:
    """(n, BANDS) bucket keys: each band's rows mixed into one signed 64-bit key, salted by
    band so that one key names one (band, bucket) pair."""
    shaped = sigs.reshape(len(sigs), BANDS, ROWS)
    with np.errstate(over="ignore"):
        mixed = (shaped * _ROW_MIX).sum(axis=2, dtype=np.uint64) + _BAND_SALT
    buckets: NDArray[np.int64] = mixed.view(np.int64)
    return buckets


def similarity(a: NDArray[np.uint64], b: NDArray[np.uint64]) -> float:
    return float(np.mean(a == b))
