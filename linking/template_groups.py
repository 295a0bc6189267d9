"""Which adverts of a batch share a template, computed over whole arrays at once.

Nodes are numbered: the batch's adverts are 0..n-1 (in id order), stored adverts n and up.
Each LSH bucket lists its members, stored ones first; a batch advert is compared with the
first `per_bucket` members of each of its buckets (a huge template needs only a few checks
per newcomer), and pairs whose signatures agree on at least SIMILARITY of their values are
joined. The groups are the connected components of those pairs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from linking.clustering import SIMILARITY

_PAIR_CHUNK = 50_000  # signature comparisons per numpy step: bounded memory


def candidate_pairs(
    batch_keys: NDArray[np.int64],
    stored_keys: NDArray[np.int64],
    stored_nodes: NDArray[np.intp],
    per_bucket: int,
    active: NDArray[np.bool_] | None = None,
) -> NDArray[np.intp]:
    """(m, 2) distinct node pairs (low, high) that share a bucket, as described above; batch
    rows not `active` take no part."""
    n, bands = batch_keys.shape
    taking_part = np.repeat(np.ones(n, bool) if active is None else active, bands)
    batch_nodes = np.repeat(np.arange(n, dtype=np.intp), bands)[taking_part]
    keys = np.concatenate([stored_keys, batch_keys.ravel()[taking_part]])
    nodes = np.concatenate([stored_nodes, batch_nodes])
    from_batch = np.arange(len(keys)) >= len(stored_keys)
    order = np.lexsort((np.arange(len(keys)), keys))  # by bucket; stored, then batch order
    keys, nodes, from_batch = keys[order], nodes[order], from_batch[order]
    _, group, group_start = rank_in_runs(keys)
    group_size = np.diff(np.r_[group_start, len(keys)])
    found = []
    for rank in range(per_bucket):  # pair every batch member with the member at this rank
        chosen = from_batch & (group_size[group] > rank)
        heads = nodes[group_start[group[chosen]] + rank]
        members = nodes[chosen]
        differ = heads != members
        found.append(np.stack([members[differ], heads[differ]], axis=1))
    pairs = np.concatenate(found) if found else np.zeros((0, 2), np.intp)
    low, high = pairs.min(axis=1).astype(np.int64), pairs.max(axis=1).astype(np.int64)
    span = int(high.max(initial=0)) + 1
    codes = np.unique(low * span + high)  # one integer per pair: far faster than unique rows
    return np.stack([codes // span, codes % span], axis=1).astype(np.intp)


def bucket_rows_to_store(
    keys: NDArray[np.int64],
    owners: NDArray[np.int64],
    stored_keys: NDArray[np.int64],
    per_bucket: int,
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The (key, owner) rows worth storing: each bucket keeps at most `per_bucket` members,
    counting those stored already (stored_keys lists one entry per stored member)."""
    order = np.lexsort((owners, keys))
    keys, owners = keys[order], owners[order]
    rank, _, _ = rank_in_runs(keys)
    known, counts = np.unique(stored_keys, return_counts=True)
    at = np.searchsorted(known, keys).clip(0, max(len(known) - 1, 0))
    stored = np.where(known[at] == keys, counts[at], 0) if len(known) else np.zeros_like(rank)
    room = rank + stored < per_bucket
    return keys[room], owners[room]


def rank_in_runs(
    sorted_keys: NDArray[np.int64],
) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.intp]]:
    """For keys sorted so that equal ones are adjacent: each one's position within its run of
    equal keys, the run it belongs to, and where each run starts."""
    starts = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]] if len(sorted_keys) else []
    run_start = np.flatnonzero(starts)
    run = np.cumsum(starts, dtype=np.intp) - 1
    rank = np.arange(len(sorted_keys), dtype=np.intp) - run_start[run]
    return rank, run, run_start


def similar_pairs(pairs: NDArray[np.intp], sigs: NDArray[np.uint64]) -> NDArray[np.intp]:
    """The pairs whose signatures (rows of sigs, by node) are similar enough."""
    keep = np.zeros(len(pairs), dtype=bool)
    for start in range(0, len(pairs), _PAIR_CHUNK):
        chunk = pairs[start : start + _PAIR_CHUNK]
        agree = (sigs[chunk[:, 0]] == sigs[chunk[:, 1]]).mean(axis=1)
        keep[start : start + len(chunk)] = agree >= SIMILARITY
    similar: NDArray[np.intp] = pairs[keep]
    return similar


def components(pairs: NDArray[np.intp], n_nodes: int) -> list[NDArray[np.intp]]:
    """Connected components with more than one node, each as a sorted array of nodes."""
    if not len(pairs):
        return []
    graph = coo_matrix(
        (np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(n_nodes, n_nodes)
    )
    _, labels = connected_components(graph, directed=False)
    linked = np.unique(pairs)
    by_label = linked[np.argsort(labels[linked], kind="stable")]
    cuts = np.flatnonzero(np.diff(labels[by_label])) + 1
    return [np.sort(g) for g in np.split(by_label, cuts)]


def linked_groups(pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Groups of ids joined, directly or through others, by the given pairs."""
    if not pairs:
        return []
    ids, nodes = np.unique(np.asarray(pairs, dtype=np.int64), return_inverse=True)
    node_pairs = nodes.reshape(-1, 2).astype(np.intp)
    return [ids[g].tolist() for g in components(node_pairs, len(ids))]
