"""A small parser of the regular-expression syntax indicator patterns are written in.

The trigger index (:mod:`classifier.indicators.prefix_index`) needs the literal text every
match of a pattern starts with.  CPython's own parser (``re._parser``) is private and
changes between releases, so this module parses the subset the patterns use — literals,
escapes, character classes, groups of every kind, alternation, anchors and quantifiers —
into a tree just detailed enough for that question.  Anything it does not understand
becomes :class:`Opaque`, which only makes the index try that pattern more often, never
miss a match.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Branch", "CharSet", "Literal", "Node", "Opaque", "Repeat", "ZeroWidth", "parse"]


@dataclass(frozen=True)
class Literal:
    char: str


@dataclass(frozen=True)
class CharSet:
    """A positive character class; ``chars`` is None when it is large or negated."""

    chars: tuple[str, ...] | None


@dataclass(frozen=True)
class ZeroWidth:
    """\\b, ^, $, look-arounds: consume nothing."""


@dataclass(frozen=True)
class Opaque:
    """Something that consumes text in a way the index does not model (., back-references)."""


@dataclass(frozen=True)
class Branch:
    alternatives: tuple[tuple[Node, ...], ...]


@dataclass(frozen=True)
class Repeat:
    body: tuple[Node, ...]
    low: int
    high: int | None


Node = Literal | CharSet | ZeroWidth | Opaque | Branch | Repeat

_MAX_CLASS = 12
_ESCAPE_LITERALS = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}
_ESCAPE_CLASSES = {"d": tuple("0123456789"), "s": (" ", "\n")}  # normalised text: 2 spaces


class _Parser:
    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0

    def peek(self, n: int = 1) -> str:
        return self.s[self.i : self.i + n]

    def sequence(self) -> tuple[tuple[Node, ...], ...]:
        """Alternatives up to the end of the source or the closing parenthesis."""
        alternatives: list[tuple[Node, ...]] = []
        items: list[Node] = []
        while self.i < len(self.s) and self.peek() != ")":
            if self.peek() == "|":
                self.i += 1
                alternatives.append(tuple(items))
                items = []
                continue
            atom = self.atom()
            items.append(self.quantified(atom))
        alternatives.append(tuple(items))
        return tuple(alternatives)

    def atom(self) -> Node:
        c = self.peek()
        self.i += 1
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape()
        if c in "^$":
            return ZeroWidth()
        if c == ".":
            return Opaque()
        return Literal(c)

    def group(self) -> Node:
        zero_width = False
        if self.peek() == "?":
            for prefix, is_zero in (("?:", False), ("?=", True), ("?!", True), ("?<=", True),
                                    ("?<!", True), ("?P<", False), ("?P=", False)):  # fmt: skip
                if self.s.startswith(prefix, self.i):
                    self.i += len(prefix)
                    zero_width = is_zero
                    if prefix == "?P<":
                        self.i = self.s.index(">", self.i) + 1
                    elif prefix == "?P=":
                        self.i = self.s.index(")", self.i) + 1
                        return Opaque()
                    break
            else:
                raise ValueError(f"unsupported group at {self.i} in {self.s!r}")
        body = self.sequence()
        if self.peek() != ")":
            raise ValueError(f"unbalanced parenthesis in {self.s!r}")
        self.i += 1
        return ZeroWidth() if zero_width else Branch(body)

    def escape(self) -> Node:
        c = self.peek()
        self.i += 1
        if c in "bBAZ":
            return ZeroWidth()
        if c in _ESCAPE_CLASSES:
            return CharSet(_ESCAPE_CLASSES[c])
        if c in "wWDS" or c.isdigit():
            return CharSet(None)
        return Literal(_ESCAPE_LITERALS.get(c, c))

    def char_class(self) -> Node:
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        chars: list[str] = []
        large = negated
        first = True
        while first or self.peek() != "]":
            first = False
            if self.i >= len(self.s):
                raise ValueError(f"unterminated character class in {self.s!r}")
            lo = self.class_char()
            if lo is None:
                large = True
                continue
            if self.peek() == "-" and self.peek(2) != "-]":
                self.i += 1
                hi = self.class_char()
                if hi is None or ord(hi) - ord(lo) >= _MAX_CLASS:
                    large = True
                    continue
                chars.extend(chr(v) for v in range(ord(lo), ord(hi) + 1))
            else:
                chars.append(lo)
        self.i += 1
        if large or len(chars) > _MAX_CLASS:
            return CharSet(None)
        return CharSet(tuple(dict.fromkeys(chars)))

    def class_char(self) -> str | None:
        """One member of a class; None for a class escape such as \\w or \\s."""
        c = self.peek()
        self.i += 1
        if c != "\\":
            return c
        e = self.peek()
        self.i += 1
        if e in "wWdDsS":
            return None
        return _ESCAPE_LITERALS.get(e, e)

    def quantified(self, atom: Node) -> Node:
        c = self.peek()
        bounds: tuple[int, int | None] | None = None
        if c and c in "?*+":
            self.i += 1
            bounds = {"?": (0, 1), "*": (0, None), "+": (1, None)}[c]
        elif c == "{":
            close = self.s.find("}", self.i)
            spec = self.s[self.i + 1 : close] if close > 0 else ""
            parts = spec.split(",")
            if close > 0 and len(parts) <= 2 and all(p.strip().isdigit() or p == "" for p in parts):
                self.i = close + 1
                low = int(parts[0] or 0)
                high = low if len(parts) == 1 else (int(parts[1]) if parts[1] else None)
                bounds = (low, high)
        if bounds is None:
            return atom
        if self.peek() in ("?", "+"):
            self.i += 1  # lazy or possessive: the same strings can start a match
        return Repeat((atom,), bounds[0], bounds[1])


def parse(source: str) -> tuple[tuple[Node, ...], ...]:
    """The alternatives of a whole pattern; raises ValueError on syntax it cannot read."""
    parser = _Parser(source)
    alternatives = parser.sequence()
    if parser.i != len(source):
        raise ValueError(f"unbalanced parenthesis in {source!r}")
    return alternatives
