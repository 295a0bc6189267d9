"""prepare_text (linking): its fast paths give exactly what the reference character loop gives;
model_text (the risk model): normalised text with digits masked."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from classifier.indicators.normalise import normalise
from classifier.textfeatures import model_text, prepare_text

SAMPLES = Path(__file__).resolve().parents[2] / "labelled_samples" / "samples.jsonl"


def reference(title: str, body: str) -> str:
    """The rule as first written: one character at a time."""
    text = f"{title}\n{body}"[:20_000].casefold()
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char) and not (kept and "\u0400" <= kept[-1] <= "\u04ff"):
            continue
        kept.append(char)
    return re.sub(r"\d", "0", unicodedata.normalize("NFC", "".join(kept)))


EDGE_CASES = [
    ("", ""),
    ("ASCII only 123", "Plain text, 4500 EUR"),
    ("Șofer în Iași", "Căutăm fete, plată 3000 lei"),
    ("Работа в Москве", "Йошкар-Ола, ёлка, їжак, ґанок, й"),
    ("Mixed", "й\u0301 and e\u0301\u0302 and \u0438\u0306"),  # marks after Cyrillic and Latin
    ("Titlo", "a\u0483\u0301 b\u0301\u0483 \u0430\u0483\u0301"),  # Cyrillic-block marks
    ("Full-width", "ＡＢＣ１２３ ﬁ ½ ① ٣"),  # compatibility forms and non-ASCII digits
    ("Greek", "ΆΈΉ ὰ"),
    ("Emoji", "💼 work 🇮🇹 " + "x" * 30_000),  # over the length cap
]


@pytest.mark.parametrize(("title", "body"), EDGE_CASES)
def test_prepare_text_matches_the_reference_on_edge_cases(title: str, body: str) -> None:
    assert prepare_text(title, body) == reference(title, body)


def test_prepare_text_matches_the_reference_on_every_labelled_sample() -> None:
    rows = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 1000
    mismatched = [
        r["id"]
        for r in rows
        if prepare_text(r["title"], r["text"]) != reference(r["title"], r["text"])
    ]
    assert mismatched == []


def test_prepare_text_folds_latin_diacritics_but_keeps_cyrillic_letters() -> None:
    assert prepare_text("Iași", "șofer 25") == "iasi\nsofer 00"
    assert prepare_text("Йод", "їжак") == "йод\nїжак"


def test_model_text_masks_digits_and_caps_length() -> None:
    assert model_text("plata 3000 lei, tel 0600 00 123") == "plata 0000 lei, tel 0000 00 000"
    assert len(model_text("x " * 30_000)) == 20_000


def test_model_text_is_the_same_for_case_homoglyph_and_emoji_tricks() -> None:
    plain = model_text(normalise("Passport kept by the manager, salary 3000 EUR"))
    disguised = model_text(normalise("PАSSPОRT 🔥 kept by the MАNАGЕR, salary 3000 EUR"))
    assert plain == disguised


def test_model_text_folds_latin_diacritics_and_keeps_cyrillic_letters() -> None:
    assert model_text(normalise("Iași șofer 25")) == "iasi sofer 00"
    assert model_text(normalise("Йод їжак")) == "йод їжак"
