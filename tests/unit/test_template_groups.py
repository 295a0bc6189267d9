"""Vectorised template grouping: candidate pairs per bucket, similarity filter, components."""

from __future__ import annotations

import numpy as np

from linking.template_groups import candidate_pairs, components, linked_groups, similar_pairs


def pairs_of(found: np.ndarray) -> set[tuple[int, int]]:
    return {(int(a), int(b)) for a, b in found}


def test_batch_adverts_pair_with_stored_members_first_and_each_other() -> None:
    # Three batch adverts (nodes 0-2), two bands; stored advert node 3 in bucket 10.
    batch_keys = np.array([[10, 20], [10, 21], [11, 20]], dtype=np.int64)
    stored = np.array([10], dtype=np.int64), np.array([3], dtype=np.intp)
    found = pairs_of(candidate_pairs(batch_keys, *stored, per_bucket=5))
    assert found == {(0, 3), (1, 3), (0, 1), (0, 2)}


def test_a_full_bucket_compares_only_with_its_first_members() -> None:
    # Bucket 7 holds stored nodes 10..14; with per_bucket=3 newcomers see 10, 11 and 12 only.
    batch_keys = np.array([[7], [7]], dtype=np.int64)
    stored_keys = np.full(5, 7, dtype=np.int64)
    stored_nodes = np.arange(10, 15, dtype=np.intp)
    found = pairs_of(candidate_pairs(batch_keys, stored_keys, stored_nodes, per_bucket=3))
    assert found == {(0, 10), (0, 11), (0, 12), (1, 10), (1, 11), (1, 12)}


def test_no_pairs_without_shared_buckets() -> None:
    batch_keys = np.array([[1, 2], [3, 4]], dtype=np.int64)
    empty = np.zeros(0, np.int64), np.zeros(0, np.intp)
    assert candidate_pairs(batch_keys, *empty, per_bucket=20).shape == (0, 2)


def test_similar_pairs_keep_signatures_agreeing_on_half_or_more() -> None:
    sigs = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [1, 9, 9, 9]], dtype=np.uint64)
    pairs = np.array([[0, 1], [0, 2], [1, 2]], dtype=np.intp)
    assert pairs_of(similar_pairs(pairs, sigs)) == {(0, 1), (1, 2)}


def test_components_join_chains_and_leave_out_single_nodes() -> None:
    pairs = np.array([[0, 5], [5, 7], [2, 3]], dtype=np.intp)
    found = sorted(g.tolist() for g in components(pairs, 9))
    assert found == [[0, 5, 7], [2, 3]]
    assert components(np.zeros((0, 2), np.intp), 4) == []


def test_inactive_batch_rows_take_no_part() -> None:
    batch_keys = np.array([[10, 20], [10, 21], [11, 20]], dtype=np.int64)
    stored = np.array([10], dtype=np.int64), np.array([3], dtype=np.intp)
    active = np.array([True, False, True])
    found = pairs_of(candidate_pairs(batch_keys, *stored, per_bucket=5, active=active))
    assert found == {(0, 3), (0, 2)}


def test_linked_groups_join_ids_through_shared_pairs() -> None:
    pairs = [(10, 2), (30, 40), (2, 30), (700, 8), (2**40, 10)]
    assert sorted(linked_groups(pairs)) == [[2, 10, 30, 40, 2**40], [8, 700]]
    assert linked_groups([]) == []
