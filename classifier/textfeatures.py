"""Language-independent text features: hashed word and character n-grams with stored IDF.

Hashing keeps the fitted state to two float arrays (IDF weights), so a model is saved as
plain arrays, never as pickled Python objects.  The model reads the normalised text the
indicator matcher reads (:func:`model_text`), so ALL CAPS, Cyrillic/Latin look-alikes and
emoji give the same n-grams as plain text.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

N_WORD_FEATURES = 2**17
N_CHAR_FEATURES = 2**17
_DIGITS = re.compile(r"\d")
_MAX_CHARS = 20_000  # adverts longer than this add no signal, only cost


def model_text(normalised: str) -> str:
    """The n-gram layer's input: normalised advert text (see
    :mod:`classifier.indicators.normalise`: case, diacritics, homoglyphs, emoji and spacing
    tricks already undone) with digits masked, so amounts and phone numbers are not words."""
    return _DIGITS.sub("0", normalised[:_MAX_CHARS])


def prepare_text(title: str, body: str) -> str:
    """Linking's text: lower-case, strip diacritics, mask digits.  Stored MinHash signatures
    depend on it, so it stays as it is; the risk model reads :func:`model_text`."""
    text = f"{title}\n{body}"[:_MAX_CHARS].casefold()
    if not text.isascii():  # ASCII has no marks to fold: the common case skips normalisation
        text = _fold_marks(text)
    return _DIGITS.sub("0", text)


def _fold_marks(text: str) -> str:
    # Latin diacritics go (ș → s, ă → a); Cyrillic marks stay (й, ї are letters of their own).
    decomposed = unicodedata.normalize("NFKD", text)
    if _CYRILLIC_MARKS.search(decomposed):
        return unicodedata.normalize("NFC", _fold_marks_slowly(decomposed))
    return unicodedata.normalize("NFC", _marks_pattern().sub("", decomposed))


def _fold_marks_slowly(decomposed: str) -> str:
    """The reference rule: a mark stays only after a kept Cyrillic character."""
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and not (kept and "\u0400" <= kept[-1] <= "\u04ff"):
            continue
        kept.append(char)
    return "".join(kept)


# Marks inside the Cyrillic block (U+0483-U+0489) are the one case where "previous character"
# and "previous kept character" can differ, so text holding them takes the reference loop.
_CYRILLIC_MARKS = re.compile("[\u0483-\u0489]")


@functools.cache
def _marks_pattern() -> re.Pattern[str]:
    """Every combining mark not directly after a Cyrillic character, as one regex."""
    marks = "".join(
        re.escape(chr(c)) for c in range(0x300, sys.maxunicode + 1) if unicodedata.combining(chr(c))
    )
    return re.compile(f"(?<![\u0400-\u04ff])[{marks}]")


_WORD = HashingVectorizer(
    n_features=N_WORD_FEATURES,
    ngram_range=(1, 2),
    alternate_sign=False,
    norm=None,
    token_pattern=r"(?u)\b\w+\b",
    lowercase=False,
)
_CHAR = HashingVectorizer(
    n_features=N_CHAR_FEATURES,
    analyzer="char_wb",
    ngram_range=(3, 5),
    alternate_sign=False,
    norm=None,
    lowercase=False,
)


def hashed_counts(texts: list[str]) -> sp.csr_matrix:
    """Word 1-2-grams and character 3-5-grams, side by side."""
    word, char = _WORD.transform(texts), _CHAR.transform(texts)
    counts: sp.csr_matrix = sp.hstack([word, char], format="csr")
    return counts


def fit_idf(counts: sp.csr_matrix) -> NDArray[np.float32]:
    """Smoothed IDF, as scikit-learn's TfidfTransformer computes it."""
    n_docs = counts.shape[0]
    doc_freq = np.bincount(counts.indices, minlength=counts.shape[1])
    idf: NDArray[np.float32] = (np.log((1 + n_docs) / (1 + doc_freq)) + 1.0).astype(np.float32)
    return idf


def tfidf(counts: sp.csr_matrix, idf: NDArray[np.float32]) -> sp.csr_matrix:
    term_freq = counts.astype(np.float32)
    term_freq.data = 1.0 + np.log(term_freq.data)  # sublinear: repetition is weak evidence
    # Element-wise and sparse (COO) at run time; scipy-stubs types spmatrix.multiply as the
    # matrix product with a dense result, so convert through the constructor, not .tocsr().
    weighted = sp.csr_matrix(term_freq.multiply(idf))
    normalised: sp.csr_matrix = normalize(weighted, norm="l2", copy=False)
    return normalised
