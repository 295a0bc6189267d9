"""decode_body, html_to_text and normalise_whitespace."""

from __future__ import annotations

import codecs
import logging
import random
from pathlib import Path

import pytest

from crawlers.extract import text as text_module
from crawlers.extract.decoding import MAX_BODY_BYTES, decode_body
from crawlers.extract.text import html_to_text, normalise_whitespace, single_line

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"

RU = "Требуется няня для ребёнка, зарплата 500 евро в месяц, жильё предоставляется."
UK = "Потрібна няня для дитини, зарплата 500 євро на місяць, житло надається. Їжа є."


def squash(s: str) -> str:
    return " ".join(s.split())


# --------------------------------------------------------------------------- decode_body


def test_charset_from_http_header() -> None:
    body = f"<p>{RU}</p>".encode("cp1251")
    assert RU in decode_body(body, "text/html; charset=windows-1251")
    assert RU in decode_body(body, 'text/html; charset="WINDOWS-1251"')


def test_meta_charset_and_http_equiv() -> None:
    meta = f'<html><head><meta charset="koi8-r"></head><body>{RU}</body></html>'
    assert RU in decode_body(meta.encode("koi8-r"), None)
    equiv = (
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'
        "<p>Zażółć gęślą jaźń</p>"
    )
    assert "Zażółć gęślą jaźń" in decode_body(equiv.encode("iso-8859-2"), "text/html")


def test_cp1251_fixture_with_meta_charset() -> None:
    raw = (FIXTURES / "ru_cp1251.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the fixture really is windows-1251
    html = decode_body(raw, None)
    assert "Работа в Польше для девушек" in html
    assert "жильё предоставляется" in html
    # A header saying text/html without a charset changes nothing.
    assert decode_body(raw, "text/html") == html


def test_header_wins_over_meta() -> None:
    body = f'<meta charset="iso-8859-1"><p>{RU}</p>'.encode("cp1251")
    assert RU in decode_body(body, "text/html; charset=cp1251")


def test_boms() -> None:
    assert decode_body(codecs.BOM_UTF8 + "<p>café</p>".encode(), None) == "<p>café</p>"
    assert decode_body("<p>Київ</p>".encode("utf-16"), None) == "<p>Київ</p>"
    assert decode_body(codecs.BOM_UTF16_BE + "<p>Київ</p>".encode("utf-16-be"), None) == (
        "<p>Київ</p>"
    )
    # A byte-order mark is unambiguous: it beats a contradicting header (as in browsers).
    assert decode_body(codecs.BOM_UTF8 + "é".encode(), "text/html; charset=latin-1") == "é"


def test_utf16_labels_read_as_browsers_do() -> None:
    # A bare "utf-16" label without a BOM is little-endian (w3lib's html_to_unicode says big).
    assert decode_body("<p>Київ</p>".encode("utf-16-le"), "text/html; charset=utf-16") == (
        "<p>Київ</p>"
    )
    # A <meta> readable as ASCII cannot be right about UTF-16: the page is read as UTF-8.
    page = '<meta charset="utf-16"><p>Київ</p>'
    assert decode_body(page.encode(), None) == page


def test_utf8_without_declaration() -> None:
    assert decode_body(UK.encode(), None) == UK
    assert decode_body("Ospătar în München".encode(), None) == "Ospătar în München"


def test_cyrillic_cp1251_without_declaration() -> None:
    assert decode_body(f"<p>{RU}</p>".encode("cp1251"), None) == f"<p>{RU}</p>"
    assert decode_body(UK.encode("cp1251"), None) == UK


def test_latin1_without_declaration() -> None:
    western = "<p>Café Müller, naïve façade, 25 €</p>"
    assert decode_body(western.encode("cp1252"), None) == western
    assert decode_body("Señor Ñandú".encode("latin-1"), None) == "Señor Ñandú"


def test_wrong_or_unknown_declared_charset_falls_back() -> None:
    body = f"<p>{RU}</p>".encode()
    assert decode_body(body, "text/html; charset=x-no-such-charset") == f"<p>{RU}</p>"
    # Declared utf-8 but really cp1251: strict decoding fails, the heuristic takes over.
    assert decode_body(RU.encode("cp1251"), "text/html; charset=utf-8") == RU


def test_never_raises_on_random_bytes() -> None:
    rng = random.Random(1234)
    for size in (0, 1, 2, 3, 7, 100, 1000):
        for _ in range(30):
            body = bytes(rng.randrange(256) for _ in range(size))
            for content_type in (None, "text/html", "text/html; charset=utf-16", "charset=???"):
                assert isinstance(decode_body(body, content_type), str)


def test_cut_multibyte_character_at_the_end() -> None:
    body = "Київ".encode()[:-1]
    assert decode_body(body, "text/html; charset=utf-8") == "Киї"


def test_large_body_is_truncated_with_warning(caplog: pytest.LogCaptureFixture) -> None:
    body = ("я" * (MAX_BODY_BYTES // 2 + 10)).encode()  # > 5 MB, 2 bytes per character
    body = body[:-1] + b"x"  # odd length: the cut lands inside a character
    with caplog.at_level(logging.WARNING, logger="crawlers.extract.text"):
        text = decode_body(body, "text/html; charset=utf-8")
    assert len(text.encode()) <= MAX_BODY_BYTES
    assert set(text) == {"я"}
    assert any("truncated" in r.getMessage() for r in caplog.records)


# --------------------------------------------------------------------------- html_to_text


def test_blocks_become_lines_and_inline_stays_inline() -> None:
    html = (
        "<div><h1>Title <b>bold</b></h1><p>First&nbsp;para\t with   spaces</p>"
        "<p>line<br>break</p><ul><li>one</li><li>two</li></ul>"
        "<table><tr><td>c1</td><td>c2</td></tr><tr><td>c3</td></tr></table>tail</div>"
    )
    assert html_to_text(html) == (
        "Title bold\nFirst para with spaces\nline\nbreak\none\ntwo\nc1 c2\nc3\ntail"
    )


def test_words_split_by_inline_tags_stay_whole() -> None:
    # As a browser shows them: adverts split words and numbers with tags to dodge filters.
    html = "<p>vi<span>sa</span> free, call 07<b></b>22 123<i>456</i></p>"
    assert html_to_text(html) == "visa free, call 0722 123456"


def test_invisible_elements_removed() -> None:
    html = (
        "<html><head><title>Head title</title><style>p{color:red}</style>"
        "<script>var a = 1;</script></head><body><p>Visible</p><script>alert(1)</script>"
        "<noscript>no js</noscript><template><p>tpl</p></template><!-- comment -->"
        "<p>Also visible</p></body></html>"
    )
    assert html_to_text(html) == "Visible\nAlso visible"


def test_script_in_title_and_h1_fixture() -> None:
    html = (FIXTURES / "script_title.html").read_text(encoding="utf-8")
    text = html_to_text(html)
    assert "alert" not in text and "injected" not in text
    assert "enable javascript" not in text and "template text" not in text
    assert "color: red" not in text
    # Escaped text stays literal text (escaping for display is the UI's job).
    assert squash(text).startswith("Cleaner wanted <b>today</b>")
    assert "Office cleaning in Chisinau" in text


def test_title_text_only_page() -> None:
    html = "<title>Job<script>alert(1)</script> &lt;script&gt;x&lt;/script&gt;</title>"
    assert html_to_text(html) == "Job <script>x</script>"


def test_malformed_html() -> None:
    assert html_to_text("<p>unclosed <b>bold <div>x") == "unclosed bold\nx"
    assert html_to_text("<<<>>> <p>a</p></div></div></span>").endswith("a")
    assert html_to_text("</p></p>text") == "text"
    deep = "<div>" * 1000 + "deep" + "</div>" * 1000
    assert html_to_text(deep) == "deep"
    assert isinstance(html_to_text("<div>" * 100_000), str)  # beyond libxml2's depth limit


def test_odd_inputs() -> None:
    assert html_to_text("") == ""
    assert html_to_text("   \n ") == ""
    assert html_to_text("<!-- only a comment -->") == ""
    assert html_to_text("plain   text\n\n\n more") == "plain text\nmore"
    assert html_to_text('<?xml version="1.0" encoding="utf-8"?><p>x</p>') == "x"
    assert html_to_text("a\x00b<p>c</p>") == "ab\nc"
    assert html_to_text("Tom &amp; Jerry &lt;3") == "Tom & Jerry <3"


def test_large_html_is_capped(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(text_module, "MAX_TEXT_CHARS", 1000)
    with caplog.at_level(logging.WARNING, logger="crawlers.extract.text"):
        text = html_to_text("<p>" + "word " * 1000 + "</p>")
    assert len(text) <= 1000
    assert any("truncated" in r.getMessage() for r in caplog.records)


# --------------------------------------------------------------------------- whitespace


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  a  b\t\tc  ", "a b c"),
        ("a\r\n\r\n\r\nb", "a\nb"),
        ("a \n \n  b", "a\nb"),
        ("a\u00a0\u2003b\u200bc", "a bc"),
        ("soft\u00adhyphen", "softhyphen"),
        ("\n\n  x  \n\n", "x"),
        ("", ""),
    ],
)
def test_normalise_whitespace(raw: str, expected: str) -> None:
    assert normalise_whitespace(raw) == expected


def test_single_line() -> None:
    assert single_line(" Cleaner\n wanted \t now ") == "Cleaner wanted now"
