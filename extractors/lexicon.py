"""Phrase lists found by one tokenising pass and dictionary lookups, not one regex scan each.

A text is split once into tokens (runs of word characters, and single other characters),
each word kept with its positions. A list's phrases are indexed by first token, so its
matches come from the positions of those words: a list of single words needs no walk at
all, a list of phrases only a walk over the places where one may start, following the
tokens there word by word through a trie of the phrases (many spellings of one phrase
share their first words), so that only phrases whose words are all there are tried. The
matches are those of the whole-word regex the lists used to be compiled to: the longest
phrase at a position, whole words only, a space in a phrase matching any whitespace, ``'``
and ``’`` alike, left to right without overlap.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, KeysView, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

_TOKEN = re.compile(r"\s*(?:\w+|\S)")
_WORD_CHAR = re.compile(r"\w")

Spans = tuple[list[int], list[int]]
"""Starts and ends of the matches of one list, in text order."""


def _norm(text: str) -> str:
    return text.replace("’", "'")


def _lower(text: str) -> str:
    """Lowercase without changing any offset (a few characters grow when lowercased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def first_word(phrase: str) -> str:
    """The first token of ``phrase``, as :class:`Tokens` holds it."""
    match = _TOKEN.match(_norm(_lower(phrase)))
    return match.group().lstrip() if match else ""


def last_word(phrase: str) -> str:
    """The last token of ``phrase``, as :class:`Tokens` holds it."""
    tokens = _TOKEN.findall(_norm(_lower(phrase)))
    return tokens[-1].lstrip() if tokens else ""


@dataclass(frozen=True, slots=True)
class _Phrase:
    """One phrase of a list: its tokens and whether whitespace precedes each."""

    words: tuple[str, ...]
    spaced: tuple[bool, ...]
    exact: tuple[str, ...] | None
    """The tokens as written, for a case-sensitive list."""
    open_start: bool
    """Starts with a non-word character: the character before must not be a word one."""
    open_end: bool
    length: int
    extra: int
    """How many tokens follow the first."""
    simple: bool
    """One whole word, any case: a token equal to it is a match."""
    sentence_case: bool
    """A case-sensitive phrase that opens in lower case may open a sentence capitalised."""


def _capitalised(raw: str, word: str) -> bool:
    """Whether ``raw`` is the lower-case ``word`` capitalised, as a sentence opens with it
    ("Французская Total ...", for "французская"): case-sensitive lists keep capitals from
    matching lower case ("Turkey" is not "turkey"), not lower case from opening a sentence."""
    return raw[:1].isupper() and raw[:1].lower() + raw[1:] == word


def _phrase(phrase: str, case_sensitive: bool, sentence_case: bool = False) -> _Phrase:
    raw = _TOKEN.findall(_norm(phrase))
    tokens = tuple(r.lstrip() for r in raw)
    words = tuple(t.lower() for t in tokens)
    open_start = not _WORD_CHAR.match(tokens[0])
    return _Phrase(
        words=words,
        spaced=tuple(len(r) != len(t) for r, t in zip(raw, tokens, strict=True)),
        exact=tokens if case_sensitive else None,
        open_start=open_start,
        open_end=not _WORD_CHAR.match(tokens[-1][-1]),
        length=len(phrase),
        extra=len(words) - 1,
        simple=len(words) == 1 and not case_sensitive and not open_start,
        sentence_case=case_sensitive and sentence_case and tokens[0][:1].islower(),
    )


@dataclass(frozen=True, slots=True)
class _Node:
    """Where a list's phrases are matched word by word: the node of a run of tokens holds
    the phrases whose words are all in the run (these alone can match), longest first."""

    phrases: tuple[_Phrase, ...]
    after: dict[str, _Node]
    """Next token → the node of the run one token longer."""


def _trie(
    ps: Sequence[_Phrase], rank: Mapping[int, int], above: tuple[_Phrase, ...], depth: int
) -> _Node:
    """The node of the run of ``depth`` tokens that ``ps`` (in list order) start with;
    ``above``: the phrases of the shorter runs."""
    ending = (p for p in ps if len(p.words) == depth)
    here = tuple(sorted((*above, *ending), key=lambda p: rank[id(p)]))
    longer: dict[str, list[_Phrase]] = {}
    for p in ps:
        if len(p.words) > depth:
            longer.setdefault(p.words[depth], []).append(p)
    return _Node(here, {w: _trie(more, rank, here, depth + 1) for w, more in longer.items()})


@dataclass(frozen=True, slots=True)
class _List:
    """One phrase list, indexed by first token."""

    options: dict[str, tuple[_Phrase, ...]]
    """First token → the phrases starting with it, longest first."""
    plain: bool
    """Every phrase is one whole word, any case: its matches are the tokens equal to one."""
    roots: dict[str, _Node]
    """First token → the node of its phrases, from which the tokens after it are followed;
    only for first tokens that open a phrase of more than one word."""


def _list(phrases: list[_Phrase]) -> _List:
    """A list of phrases indexed by their first token, and word by word after it."""
    first: dict[str, list[_Phrase]] = {}
    for p in phrases:
        first.setdefault(p.words[0], []).append(p)
    options = {
        w: tuple(sorted(ps, key=lambda p: p.length, reverse=True)) for w, ps in first.items()
    }
    roots = {}
    for w, ps in options.items():
        if any(p.extra for p in ps):
            roots[w] = _trie(ps, {id(p): k for k, p in enumerate(ps)}, (), 1)
    return _List(options=options, plain=all(p.simple for p in phrases), roots=roots)


class Lexicon:
    """Named phrase lists, indexed by first token for :class:`TokenIndex`."""

    def __init__(
        self,
        lists: Mapping[str, Iterable[str]],
        case_sensitive: Iterable[str] = (),
        sentence_case: Iterable[str] = (),
    ) -> None:
        """``case_sensitive``: the lists matched as written; of those, ``sentence_case``: the
        lists whose lower-case phrases may open a sentence capitalised (words, not names)."""
        exact = frozenset(case_sensitive)
        opening = frozenset(sentence_case)
        self.lists: dict[str, _List] = {
            key: _list(
                [
                    _phrase(text, key in exact, key in opening)
                    for text in sorted({" ".join(p.split()) for p in phrases if p.strip()})
                ]
            )
            for key, phrases in lists.items()
        }

    def index(self, text: str, *, memo: bool = True) -> TokenIndex:
        """The matches of every list in ``text`` (memoised for the last few texts; not with
        ``memo=False``, for a short text read once, such as a speaker tag, which would
        otherwise push the article out of the memo while the article is being read)."""
        return _index(self, text) if memo else TokenIndex(self, _tokenise(text))


@dataclass(frozen=True, slots=True)
class Tokens:
    """The tokens of a text: lowercased (``’`` as ``'``), with their offsets."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    slots: dict[str, list[int]]
    """Each distinct token → the indices (into ``words``) of its occurrences."""
    digit_starts: list[int]
    """Starts of the tokens that open with a digit."""

    @property
    def vocabulary(self) -> KeysView[str]:
        """Every distinct token."""
        return self.slots.keys()

    def words_between(self, lo: int, hi: int) -> list[str]:
        """The tokens that start in [lo, hi)."""
        return self.words[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def between(self, words: Iterable[str], lo: int, hi: int) -> list[int]:
        """Starts of the occurrences of any of ``words`` in [lo, hi), in text order."""
        starts, slots = self.starts, self.slots
        first, last = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        found = []
        for word in words:
            at = slots.get(word)
            if at:
                found += at[bisect.bisect_left(at, first) : bisect.bisect_left(at, last)]
        return [starts[i] for i in sorted(found)]

    def word_before(self, pos: int) -> str | None:
        """The token that ends last before the token starting at ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        return self.words[i - 1] if i > 0 else None

    def word_after(self, pos: int) -> str | None:
        """The first token that starts at or after ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        return self.words[i] if i < len(self.words) else None


@lru_cache(maxsize=8)
def tokenise(text: str) -> Tokens:
    """Split ``text`` into runs of word characters and single other characters (memoised:
    every lexicon and step reads the same tokens)."""
    return _tokenise(text)


def _tokenise(text: str) -> Tokens:
    raw = _TOKEN.findall(_norm(_lower(text)))
    words = [r.lstrip() for r in raw]
    ends = list(accumulate(map(len, raw)))
    starts = [e - len(w) for e, w in zip(ends, words, strict=True)]
    slots: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        slots.setdefault(word, []).append(i)
    digit_starts = sorted(starts[i] for w, at in slots.items() if w[0].isdigit() for i in at)
    return Tokens(text, words, starts, ends, slots, digit_starts)


class TokenIndex:
    """The matches of the lists of a lexicon in one text, found per list when first asked."""

    def __init__(self, lexicon: Lexicon, tokens: Tokens) -> None:
        self.tokens = tokens
        self.lexicon = lexicon
        self._found: dict[str, Spans] = {}
        self._merged: dict[tuple[str, ...], tuple[list[int], list[tuple[int, int, int]]]] = {}

    def _match(self, name: str) -> Spans:
        """Leftmost-longest matches of list ``name``, without overlap, in text order."""
        spec = self.lexicon.lists[name]
        tokens = self.tokens
        slots, words, starts, ends = tokens.slots, tokens.words, tokens.starts, tokens.ends
        if len(spec.options) <= len(slots):
            present = [w for w in spec.options if w in slots]
        else:  # a short text (a tag) against a long list (the gazetteer's names)
            present = [w for w in slots if w in spec.options]
        if spec.plain:  # a match is a token: no overlap, no phrase to follow
            at = sorted(i for w in present for i in slots[w])
            return [starts[i] for i in at], [ends[i] for i in at]
        options, roots = spec.options, spec.roots
        n = len(words)
        out: Spans = ([], [])
        free = 0
        for i in sorted(i for w in present for i in slots[w]):
            if i < free:
                continue  # inside a longer match
            node, j = roots.get(words[i]), i + 1
            if node is None:
                phrases = options[words[i]]  # of one word each
            else:
                while node.after and j < n and (deeper := node.after.get(words[j])) is not None:
                    node, j = deeper, j + 1
                phrases = node.phrases
            for p in phrases:
                last = i + p.extra
                if p.simple or self._fits(p, i):
                    free = last + 1
                    out[0].append(starts[i])
                    out[1].append(ends[last])
                    break
        return out

    def _fits(self, p: _Phrase, i: int) -> bool:
        """Whether phrase ``p``, whose words are the tokens from ``i`` on (its node in the
        trie says so), is written there as in the list: spacing, case, word edges."""
        tokens = self.tokens
        text, starts, ends = tokens.text, tokens.starts, tokens.ends
        for j in range(1, len(p.words)):
            if (starts[i + j] != ends[i + j - 1]) != p.spaced[j]:
                return False
        last = i + len(p.words) - 1
        if p.exact is not None:
            for j, w in enumerate(p.exact):
                raw = text[starts[i + j] : ends[i + j]]
                if (
                    raw != w
                    and _norm(raw) != w
                    and not (j == 0 and p.sentence_case and _capitalised(raw, w))
                ):
                    return False
        if p.open_start and starts[i] > 0 and _WORD_CHAR.match(text, starts[i] - 1):
            return False
        return not (p.open_end and _WORD_CHAR.match(text, ends[last]))

    def spans(self, name: str) -> Spans:
        """Starts and ends of the matches of list ``name`` (matched when first asked; the
        lookups below read ``_found`` first, as they run for every figure)."""
        found = self._found.get(name)
        if found is None:
            found = self._found[name] = self._match(name)
        return found

    def within(self, name: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """(start, end) of the matches of ``name`` that lie in [lo, hi)."""
        starts, ends = self._found.get(name) or self.spans(name)
        out = []
        i = bisect.bisect_left(starts, lo)
        n = len(starts)
        while i < n and starts[i] < hi:
            if ends[i] <= hi:
                out.append((starts[i], ends[i]))
            i += 1
        return out

    def first(self, name: str, lo: int, hi: int) -> int | None:
        """Start of the first match of ``name`` that lies in [lo, hi), if any."""
        starts, ends = self._found.get(name) or self.spans(name)
        i = bisect.bisect_left(starts, lo)
        while i < len(starts) and starts[i] < hi:
            if ends[i] <= hi:
                return starts[i]
            i += 1
        return None

    def within_lists(self, names: tuple[str, ...], lo: int, hi: int) -> list[list[tuple[int, int]]]:
        """For each of ``names``, what :meth:`within` gives for it: one bisection in the
        matches of all the lists (merged once per text) instead of one per list, for steps
        that ask several lists about every figure."""
        merged = self._merged.get(names)
        if merged is None:
            spans = sorted(
                (start, end, k)
                for k, name in enumerate(names)
                for start, end in zip(*self.spans(name), strict=True)
            )
            merged = self._merged[names] = ([start for start, _, _ in spans], spans)
        starts, spans = merged
        out: list[list[tuple[int, int]]] = [[] for _ in names]
        i = bisect.bisect_left(starts, lo)
        while i < len(starts) and starts[i] < hi:
            start, end, k = spans[i]
            if end <= hi:
                out[k].append((start, end))
            i += 1
        return out

    def has(self, name: str, lo: int, hi: int) -> bool:
        """Whether a match of ``name`` lies in [lo, hi)."""
        starts, ends = self._found.get(name) or self.spans(name)
        i = bisect.bisect_left(starts, lo)
        while i < len(starts) and starts[i] < hi:
            if ends[i] <= hi:
                return True
            i += 1
        return False


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, ..., endpos)``, trying only ``starts`` (sorted): the positions
    where a match can begin, found from the tokens, so that the pattern does not scan all
    the text."""
    last_end = 0
    end = len(text) if endpos is None else endpos
    for pos in starts:
        if pos < last_end:
            continue
        match = pattern.match(text, pos, end)
        if match is not None:
            last_end = match.end()
            yield match


def starts_near(
    tokens: Tokens,
    anchors: Iterable[int],
    firsts: frozenset[str],
    reach: int,
    *,
    lo: int = 0,
    capitalised: bool = False,
) -> list[int]:
    """Starts of the tokens in ``firsts`` (or, with ``capitalised``, opening with A-Z) from
    ``reach`` tokens before each anchor (a token start) up to it, none before ``lo``: where
    a phrase built around the anchor's word can begin."""
    text, starts, words = tokens.text, tokens.starts, tokens.words
    found: set[int] = set()
    for anchor in anchors:
        k = bisect.bisect_left(starts, anchor)
        for j in range(max(0, k - reach), k + 1):
            if starts[j] >= lo and (
                words[j] in firsts or (capitalised and "A" <= text[starts[j]] <= "Z")
            ):
                found.add(starts[j])
    return sorted(found)


def starts_of(tokens: Tokens, firsts: frozenset[str], *, digits: bool = False) -> list[int]:
    """Starts of the tokens in ``firsts`` (and, with ``digits``, of those opening with a
    digit)."""
    starts, slots = tokens.starts, tokens.slots
    found = [starts[i] for w in firsts & slots.keys() for i in slots[w]]
    if digits:
        found += tokens.digit_starts
    return sorted(found)


@lru_cache(maxsize=8)
def _index(lexicon: Lexicon, text: str) -> TokenIndex:
    return TokenIndex(lexicon, tokenise(text))
