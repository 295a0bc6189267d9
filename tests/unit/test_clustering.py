"""MinHash signatures and LSH buckets: deterministic, and estimating Jaccard similarity."""

from __future__ import annotations

import random

import numpy as np
import pytest

from linking.clustering import (
    BANDS,
    NUM_PERM,
    band_buckets,
    signatures,
    similarity,
    words,
)

# Letters only: prepare_text masks digits, so "word1" and "word2" would be one word.
VOCABULARY = [
    "".join(random.Random(i).choices("abcdefghijklmnopqrstuvwxyz", k=7)) for i in range(400)
]


def trigrams(title: str, body: str) -> set[tuple[str, ...]]:
    found = words(title, body)
    return {tuple(found[i : i + 3]) for i in range(len(found) - 2)}


def jaccard(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b)


def variant(rng: random.Random, base: list[str], changes: int) -> str:
    edited = list(base)
    for _ in range(changes):
        edited[rng.randrange(len(edited))] = rng.choice(VOCABULARY)
    return " ".join(edited)


def test_signatures_are_deterministic_and_one_row_per_text() -> None:
    texts = [("Waitress", "Work in Milan, travel paid"), ("", ""), ("One", "")]
    first, second = signatures(texts), signatures(list(texts))
    assert first.shape == (3, NUM_PERM) and first.dtype == np.uint64
    assert (first == second).all()
    assert signatures([]).shape == (0, NUM_PERM)
    # The same text gives the same signature whatever batch it is computed in.
    assert (signatures(texts[:1])[0] == first[0]).all()


def test_case_diacritics_and_digits_do_not_change_the_signature() -> None:
    a, b = signatures([("Șofer", "Plată 3000 EUR, Iași"), ("sofer", "plata 4500 eur, iasi")])
    assert similarity(a, b) == 1.0


def test_estimated_similarity_tracks_true_jaccard() -> None:
    rng = random.Random(7)
    errors = []
    for _ in range(60):
        base = rng.choices(VOCABULARY, k=rng.randint(30, 80))
        one, other = " ".join(base), variant(rng, base, rng.randint(0, 25))
        a, b = signatures([("", one), ("", other)])
        errors.append(similarity(a, b) - jaccard(trigrams("", one), trigrams("", other)))
    # 60 permutations: one estimate's standard error is at most 0.065.
    assert abs(float(np.mean(errors))) < 0.03
    assert max(abs(e) for e in errors) < 0.25


def test_unrelated_texts_share_almost_nothing() -> None:
    rng = random.Random(3)
    texts = [("", " ".join(rng.choices(VOCABULARY, k=50))) for _ in range(50)]
    sigs = signatures(texts)
    sims = [similarity(sigs[i], sigs[j]) for i in range(50) for j in range(i + 1, 50)]
    assert max(sims) < 0.2


@pytest.mark.parametrize("changes", [1, 3])
def test_near_duplicates_share_a_band_bucket(changes: int) -> None:
    rng = random.Random(changes)
    base = rng.choices(VOCABULARY, k=60)
    texts = [("", " ".join(base))] + [("", variant(rng, base, changes)) for _ in range(19)]
    buckets = band_buckets(signatures(texts))
    assert buckets.shape == (20, BANDS)
    shared = [bool(set(buckets[0]) & set(buckets[i])) for i in range(1, 20)]
    assert all(shared)
