"""The crawler-trap rules as pure functions: path loops and patterns, query variety, the
visible words of a page and their simhash, and the near-duplicate store."""

from __future__ import annotations

import pytest

from crawlers.options import TrapLimits
from crawlers.trap_rules import (
    NearDuplicates,
    QueryVariety,
    VarietyCut,
    hamming,
    path_pattern,
    repeated_block,
    simhash,
    visible_words,
)


@pytest.mark.parametrize(
    ("path", "block"),
    [
        ("/a/b/a/b/a/b", ("a", "b")),
        ("/shop/week/week/week/", ("week",)),
        ("/x/a/b/c/a/b/c/a/b/c/y", ("a", "b", "c")),
        ("/a/b/a/b", None),  # twice is not yet a loop
        ("/cal/2026/01/01", None),
        ("/jobs/123456", None),
    ],
)
def test_a_path_repeating_a_block_three_times_is_a_loop(
    path: str, block: tuple[str, ...] | None
) -> None:
    assert repeated_block([s for s in path.split("/") if s]) == block


def test_the_pattern_of_a_path_generalises_segments_with_digits() -> None:
    assert path_pattern("/cal/2031/01/07/") == "/cal/*/*/*"
    assert path_pattern("/jobs/id-17/apply") == "/jobs/*/apply"
    assert path_pattern("/") == "/"


def test_query_values_past_the_limit_are_refused_per_path_and_parameter() -> None:
    variety = QueryVariety(TrapLimits(max_values_per_parameter=3))
    admitted = [variety.admit("x.example.org", "/calendar", f"date=2031-01-0{d}") for d in range(5)]
    assert admitted == [None, None, None, VarietyCut("date", 3), VarietyCut("date", 3)]
    assert variety.admit("x.example.org", "/calendar", "date=2031-01-00") is None  # seen before
    assert variety.admit("x.example.org", "/other", "date=2031-01-04") is None  # another path
    assert variety.admit("y.example.org", "/calendar", "date=2031-01-04") is None  # another site


def test_query_strings_past_the_limit_are_refused_and_a_refusal_records_nothing() -> None:
    variety = QueryVariety(TrapLimits(max_values_per_parameter=2, max_queries_per_path=3))
    for query in ("a=1&b=1", "a=1&b=2", "a=2&b=1"):
        assert variety.admit("x.example.org", "/search", query) is None
    assert variety.admit("x.example.org", "/search", "a=2&b=2") == VarietyCut(None, 3)
    assert variety.admit("x.example.org", "/search", "b=1&a=1") is None  # same query, reordered
    assert variety.admit("x.example.org", "/search", "a=3") == VarietyCut("a", 2)
    assert variety.admit("x.example.org", "/search", "") is None


def test_visible_words_leave_out_scripts_styles_comments_and_markup_and_blur_numbers() -> None:
    html = (
        "<html><head><style>p { color: red }</style><SCRIPT>var secret = 1;</SCRIPT></head>"
        "<body><p class='x'>Events on 2031-01-07</p><!-- hidden --><b>Bold</b></body></html>"
    )
    assert visible_words(html) == ["events", "on", "0", "0", "0", "bold"]


def test_an_unclosed_script_hides_the_rest_of_the_page_and_stray_brackets_are_text() -> None:
    assert visible_words("<p>before</p><script>var a = '<b>after</b>'") == ["before"]
    assert visible_words("a < b <<< c") == ["a", "b", "c"]


def calendar_day(day: int) -> str:
    return (
        "<nav>Home Events Concerts Fairs About us</nav>"
        f"<h1>Events on 2031-01-{day:02d}</h1><p>There are no events on this day.</p>"
        f"<a href='?date=2031-01-{day + 1:02d}'>next day</a><footer>Example town hall</footer>"
    )


def listing(names: list[str]) -> str:
    cards = "".join(f"<div><a>{name}</a> likes music and travel</div>" for name in names)
    return f"<nav>Home Members About us</nav><h1>Our members</h1>{cards}<footer>Agency</footer>"


def fingerprint(html: str) -> int:
    return simhash(visible_words(html))


def test_calendar_pages_differing_only_in_dates_are_near_duplicates() -> None:
    assert hamming(fingerprint(calendar_day(7)), fingerprint(calendar_day(8))) <= 3


def test_listing_pages_with_other_adverts_are_not_near_duplicates() -> None:
    first = listing(["Ana Lungu", "Daria Rusu", "Elena Popa", "Irina Ceban"])
    second = listing(["Maria Rotaru", "Nadia Sirbu", "Olga Melnic", "Vera Botnaru"])
    assert hamming(fingerprint(first), fingerprint(second)) > 3
    assert fingerprint(first) == fingerprint(first) and fingerprint("") == 0


def test_the_near_duplicate_store_counts_up_to_the_limit_and_then_stops_growing() -> None:
    store = NearDuplicates(TrapLimits(max_near_duplicates=3), capacity=2)
    counts = [store.count(fingerprint(calendar_day(day))) for day in range(1, 7)]
    assert counts == [(0, False), (1, False), (2, False), (3, True), (3, True), (3, True)]
    assert store.size == 3  # a trap's pages stop adding to the store
    assert store.count(fingerprint(listing(["Ana Lungu", "Daria Rusu"]))) == (0, False)
    assert store.size == 4


def test_near_duplicates_make_a_trap_only_when_they_are_a_share_of_the_pages_seen() -> None:
    """A template-heavy site's pages match by chance at a low rate: a few matches among
    many pages are no trap; a trap's pages match each other nearly always."""
    store = NearDuplicates(TrapLimits(max_near_duplicates=3, near_duplicate_share=0.05))
    for n in range(100):
        store._add(n << 32)  # 100 pages seen, all far from the ones below
    for day in range(1, 5):
        assert store.count(fingerprint(calendar_day(day))) == (day - 1, False)
    near, trap = store.count(fingerprint(calendar_day(9)))
    assert (near, trap) == (4, False)  # under 5% of 104 pages
    assert store.count(fingerprint(calendar_day(10))) == (5, False)
    assert store.count(fingerprint(calendar_day(11)))[1]  # 6 of 106: over 5%
