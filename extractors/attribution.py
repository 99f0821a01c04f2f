"""Who says what: frames of reported speech and the speakers of quotations.

A frame is a verb or phrase of saying with its speaker: ``X said``, ``said X``, ``according
to X``, ``X was quoted as saying``, ``..., claiming that`` (the sentence's subject), and the
nominal ``X's remarks``. A quotation's speaker is named after it (``..." he went on``) or
before it (``X said: "...``); every sentence inside the quotation, however many, gets it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extractors.absence import absences, inside
from extractors.cues import Cues, norm_key
from extractors.people import Mention
from extractors.sentences import Quote, Segmentation, Sentence, clause
from extractors.tags import tag_speakers

_NOUN_BEFORE = re.compile(r"(?:['’]s|\b(?:the|a|an|his|her|its|their|these|those|such))\s+$", re.I)
_MAX_SUBJECT_GAP = 90
_HEAD_WINDOW = 40
_VERB_AFTER_QUOTE = 20
"""How many characters after a quotation a verb-final clause's verb of saying is looked for
("» اعلام کرد")."""
_OWNED_STANCE = 3
"""A possessive this close before a stance owns it: "the Kremlin's refusal to confirm"."""
_APPOSITION_GAP = 3
"""At most ", " between an apposition and the verb after it."""
_INTRODUCED_GAP = 40
"""At most this many characters (the role's owner: "روس‌اتم، ") between a role phrase and the
name it introduces between commas."""
_COMMA = re.compile("[,\u060c]")
_COLON = re.compile(":")
_RELATIVE_GAP = 40
"""At most this many characters (a short adverbial: "later", "после переговоров") between a
relative pronoun and the verb of saying it is the subject of."""
_ANTECEDENT_GAP = re.compile(r"[\s,\u060c]*")
"""What may stand between a name and the relative pronoun or participle that follows it."""
_CLAUSE_MARK = re.compile("[,;:.\u060c\u061b]")
_CLAUSE_STOP = re.compile("[;:\u061b]")
"""Colons and semicolons (Latin and Arabic-script): what follows them is a clause of its own."""
_COLON_BEFORE = re.compile(r":[\s\u00a0]*$")
"""A colon that opens what follows it (a quotation's opening mark comes right after)."""
_TITLE_GAP = 60
"""How far a coordinated clause's speaker may stand after the clause break: a title's length
("Russian Deputy Prime Minister ")."""
_CLAUSE_INNER = re.compile("[,;:\u060c\u061b]")
_NAME_OPENERS = frozenset(' \t«"„“')
"""What may stand between a preposition and the name it governs ("в «Газпроме»")."""
_QUESTION_TAG = re.compile(r"\W{0,3}\w{1,12}\.?:")
"""An interviewer's tag opening a paragraph ("Q:", "Вопрос:", "س:")."""
_NAMED_TURN = re.compile(r"\W{0,3}[A-ZА-ЯЁ]{3,}(?:[ .-]+[A-ZА-ЯЁ]+)*[^:\n]{0,60}:")
"""A transcript's turn opened by its speaker's name in capitals ("HARPER:", "DANIEL HARPER,
CNN CORRESPONDENT:"): a text with such turns is a transcript, whose answers are no guest's."""
_ASIDE_OPENING = re.compile(r"[,\s]+|\b(?:an?|the)\b", re.IGNORECASE)
"""What may stand before the role that opens an aside: its comma and an article."""
_DASH_OPENED = re.compile(r"\s*[\u2014\u2013-]\s")
"""A paragraph opened by a dash: a turn of a dialogue ("— Господин посол, ...")."""
_AGENT_REACH = 80
"""How far after a passive verb its agent ("by X") may stand in its clause."""
_AGENT_ARTICLE = 5
"""Room for an article between "by" and the agent's name ("by the National ...")."""
_OWNER_WINDOW = 80
"""How far before an owner's name its noun of saying may end, description included."""
_OWNER_WORDS = 4
"""How many words may describe an owner between its noun of saying and its name ("a report
by Iran's semi-official Tasnim news agency")."""
_WORD_BEFORE = re.compile(r"[^\W\d][\w'’-]*\s+$")
_WORD_AFTER = re.compile(r"\s+[^\W\d][\w'’-]*")
"""Punctuation that would put something other than a title between a break and a speaker."""
_TAG_OPENING = re.compile("[,\u060c]['\"\u2019\u201d\u00bb]?\\s*(?:[\u2014\u2013-]\\s*)?$")
"""How a closing tag is set off from what it reports: a comma (and a closing quote or a dash)
right before it."""
_SENTENCE_CLOSERS = " \n.!?'\"’”»)\u061f"
"""What may end a sentence after its last word: a stop, closing quotes and brackets."""
_QUESTION_MARKS = ("?", "\u061f", "\uff1f")
"""Latin, Arabic-script and full-width question marks: punctuation, not words of a language."""
_FRAME_LISTS = ("passive", "prefix", "report_prefix", "participle", "relative_participle", "saying")
"""The phrase lists whose matches open a frame of saying."""


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb or phrase of saying at ``start`` and who says it."""

    start: int
    end: int
    speaker: Mention
    nominal: bool = False
    reported: bool = False
    """A report's source ("به گزارش تسنیم، ..."): yields to anyone in the sentence who says."""
    relative: bool = False
    """Said inside a relative or participial clause ("Y, who said that"): what follows is
    Y's, whoever speaks earlier in the sentence."""


def _in_aside(asides: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in asides)


def _gap_outside(asides: list[tuple[int, int]], start: int, end: int) -> int:
    """Characters from ``start`` to ``end`` that no aside after ``start`` covers."""
    return end - start - sum(b - a for a, b in asides if a >= start)


def _reports(m: Mention) -> bool:
    """A news outlet reports or is told a stance; it never takes one about a claim."""
    return m.entity is not None and m.entity.is_outlet


def _speaking(m: Mention) -> bool:
    return m.kind in ("person", "org", "group", "role", "unknown") or (
        m.kind == "pronoun" and m.entity is not None
    )


class Attributor:
    """Frames and quotation speakers of one text."""

    def __init__(self, text: str, seg: Segmentation, mentions: list[Mention], cues: Cues) -> None:
        self.text = text
        self.seg = seg
        self.cues = cues
        self.words = cues.lexicon.index(text)
        self.absent = absences(text, self.words, cues)
        """Stance cues that note an absence of speech: their verbs frame no one."""
        self.mentions = [m for m in mentions if _speaking(m)]
        self.starts = [m.start for m in self.mentions]
        self.sentence_starts = [s.start for s in seg.sentences]
        self.quote_starts = [q.start for q in seg.quotes]
        self._quote_speaker: dict[int, Mention | None] = {}
        self._frames: dict[tuple[int, int, bool | None], list[Frame]] = {}
        self._parts: dict[int, list[Quote]] = {}
        self._tags: dict[int, Mention] | None = None
        self._answers: dict[int, Mention] | None = None
        for quote in seg.quotes:
            self._parts.setdefault(quote.group, []).append(quote)
        self._groups = sorted(self._parts)
        self._group_index = {quote.group: i for i, quote in enumerate(seg.quotes)}
        """A part's index in ``seg.quotes`` for each quotation (its last part's)."""

    # -- lookups -------------------------------------------------------------------
    def between(self, lo: int, hi: int) -> list[Mention]:
        """Speaker-like mentions starting in [lo, hi)."""
        return self.mentions[
            bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)
        ]

    def previous_sentence(self, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence`` in the same paragraph."""
        i = bisect.bisect_left(self.sentence_starts, sentence.start) - 1
        if i >= 0 and self.seg.sentences[i].paragraph == sentence.paragraph:
            return self.seg.sentences[i]
        return None

    def sentence_before(self, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence`` in its paragraph or the paragraph before."""
        i = bisect.bisect_left(self.sentence_starts, sentence.start) - 1
        if i >= 0 and self.seg.sentences[i].paragraph >= sentence.paragraph - 1:
            return self.seg.sentences[i]
        return None

    def sentence_after(self, sentence: Sentence) -> Sentence | None:
        """The sentence after ``sentence`` in its paragraph or the next one."""
        i = bisect.bisect_right(self.sentence_starts, sentence.start)
        if (
            i < len(self.seg.sentences)
            and self.seg.sentences[i].paragraph <= sentence.paragraph + 1
        ):
            return self.seg.sentences[i]
        return None

    def question_before(self, sentence: Sentence) -> tuple[int, int] | None:
        """The span of the paragraph before ``sentence``'s when it asks a question (a sentence
        of it ends with a question mark): in a transcript or an interview, an answer is about
        what was asked. A sentence just before that reports a question put to someone
        ("Пескова спросили о цифрах Пакнежада.") is one too."""
        before = self.sentence_before(sentence)
        if (
            before is not None
            and self.cues.asking_re is not None
            and self.cues.asking_re.search(self.text, before.start, before.end)
        ):
            return before.start, before.end
        sentences = self.seg.sentences
        i = j = bisect.bisect_left(self.sentence_starts, sentence.start)
        while j > 0 and sentences[j - 1].paragraph >= sentence.paragraph - 1:
            j -= 1
        asked = [s for s in sentences[j:i] if s.paragraph == sentence.paragraph - 1]
        if not any(self.asks(s) for s in asked):
            return None
        return asked[0].start, asked[-1].end

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence holding offset ``pos``."""
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return self.seg.sentences[i] if i >= 0 else None

    def quote_at(self, pos: int) -> int | None:
        """Index of the quotation part holding ``pos``, if any."""
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        if i >= 0 and self.seg.quotes[i].start < pos < self.seg.quotes[i].end:
            return i
        return None

    # -- frames --------------------------------------------------------------------
    def frames(self, lo: int, hi: int, *, in_quote: bool | None = None) -> list[Frame]:
        """Frames whose verb lies in [lo, hi); ``in_quote`` filters by quotation membership
        (memoised: every figure of a sentence asks for the sentence's frames)."""
        memo = (lo, hi, in_quote)
        if memo not in self._frames:
            self._frames[memo] = self._find_frames(lo, hi, in_quote)
        return self._frames[memo]

    def _find_frames(self, lo: int, hi: int, in_quote: bool | None) -> list[Frame]:
        text, cues = self.text, self.cues
        out: list[Frame] = []
        found = self.words.within_lists(_FRAME_LISTS, lo, hi)
        passive_spans, prefixes, reports, participles, relatives, verbs = found
        for start, end in passive_spans:
            before = [m for m in self.between(lo, start) if not (m.possessive or m.oblique)]
            if before:
                out.append(Frame(start, end, before[-1]))
        for start, end in prefixes:
            after = self._after(end, prefix=True)
            if after:
                out.append(Frame(start, end, after[0]))
        for start, end in reports:
            after = self._after(end, prefix=True)
            if after:
                out.append(Frame(start, end, after[0], reported=True))
        for start, end in participles:
            subject = next(
                (m for m in self.between(lo, start) if not (m.possessive or m.oblique)), None
            )
            if subject is not None:
                out.append(Frame(start, end, subject))
        for start, end in relatives:
            antecedent = self._antecedent(lo, start)
            if antecedent is not None:
                out.append(Frame(start, end, antecedent, relative=True))
        for start, end in verbs:
            if any(a <= start < b for a, b in passive_spans) or inside(self.absent, start, end):
                continue
            if _NOUN_BEFORE.search(text, max(lo, start - 12), start):
                continue
            antecedent = self._relative_subject(lo, start)
            if antecedent is not None:
                out.append(Frame(start, end, antecedent, relative=True))
                continue
            speaker = self._subject(lo, start, end)
            if speaker is not None:
                out.append(Frame(start, end, speaker))
        previous: Mention | None = None
        for m in self.between(lo, hi):
            if (m.possessive and cues.nominal_re.match(text, m.end)) or self._owns_noun_before(
                m, previous
            ):
                out.append(Frame(m.end, m.end, m, nominal=True))
            previous = m
        out.extend(self._pronoun_frames(lo, hi))
        out.extend(self._agent_frames(lo, hi))
        if in_quote is not None:
            out = [f for f in out if (self.quote_at(f.start) is not None) == in_quote]
        out.sort(key=lambda f: f.start)
        return out

    def _owns_noun_before(self, m: Mention, previous: Mention | None) -> bool:
        """Whether ``m`` owns a noun of saying written before it ("a report by Iran's Tasnim
        agency that ...", "заявления Велаяти"); a possessive name right before ``m`` is part
        of its description."""
        owned = self.cues.nominal_before_re
        if owned is None or m.kind == "pronoun":
            return False
        start = m.start
        if (
            previous is not None
            and previous.possessive
            and not self.text[previous.end : start].strip()
        ):
            start = previous.start
        if owned.search(self.text, max(0, start - 40), start) is not None:
            return True
        anywhere = self.cues.nominal_before_any_re
        if anywhere is None:
            return False
        if not anywhere.search(self.text, max(0, start - _OWNER_WINDOW), start):
            return False
        for _ in range(_OWNER_WORDS):
            word = _WORD_BEFORE.search(self.text, max(0, start - 40), start)
            if word is None:
                return False
            start = word.start()
            if owned.search(self.text, max(0, start - 40), start) is not None:
                return True
        return False

    def _pronoun_frames(self, lo: int, hi: int) -> list[Frame]:
        """Frames with the speaker's possessive pronoun inside ("по его словам"): the
        pronoun, resolved to its person, speaks."""
        pattern = self.cues.pronoun_prefix_re
        if pattern is None or not self.words.has("pronouns", lo, hi):
            return []
        out = []
        for match in pattern.finditer(self.text, lo, hi):
            who = next(g for g, v in match.groupdict().items() if v is not None)
            speaker = next(
                (m for m in self.between(match.start(who), match.end(who)) if m.kind == "pronoun"),
                None,
            )
            if speaker is not None:
                out.append(Frame(match.start(), match.end(), speaker))
        return out

    def _agent_frames(self, lo: int, hi: int) -> list[Frame]:
        """Passive verbs of saying or valuing whose agent follows in their clause: "The deal
        was put at $742 million by the National Iranian Oil Company" (NIOC speaks)."""
        passive, agent = self.cues.agent_passive_re, self.cues.agent_re
        if passive is None or agent is None:
            return []
        if not self.words.tokens.between(self.cues.agent_words, lo, hi):
            return []  # no "by" in the span: no agent (a cheap test before the regex)
        out = []
        for verb in passive.finditer(self.text, lo, hi):
            verb_start, verb_end = verb.span()
            end = min(hi, verb_end + _AGENT_REACH)
            stop = _CLAUSE_MARK.search(self.text, verb_end, end)
            for by in agent.finditer(self.text, verb_end, stop.start() if stop else end):
                after = [
                    m
                    for m in self.between(by.end(), by.end() + _AGENT_ARTICLE)
                    if not m.possessive or m.kind in ("org", "group")
                ]
                if after:
                    out.append(Frame(verb_start, verb_end, after[0]))
                    break
        return out

    def _antecedent(self, lo: int, at: int) -> Mention | None:
        """The name right before ``at`` (commas and spaces between), whatever its case: what
        a relative pronoun or participle there refers to. A role phrase in apposition that
        resolved to no one gives way to the name it follows ("Новаком, вице-премьером, ...")."""
        before = [m for m in self.between(lo, at) if not m.possessive]
        if not before or not _ANTECEDENT_GAP.fullmatch(self.text, before[-1].end, at):
            return None
        found = before[-1]
        if found.kind == "role" and found.entity is None and len(before) > 1:
            named = before[-2]
            if named.entity is not None and _ANTECEDENT_GAP.fullmatch(
                self.text, named.end, found.start
            ):
                return named
        return found

    def _relative_subject(self, lo: int, verb_start: int) -> Mention | None:
        """The speaker of a verb of saying whose subject is a relative pronoun ("..., who
        later said", "..., который заявил", "... که گفت"): the name the pronoun follows."""
        pattern = self.cues.relative_subject_re
        if pattern is None:
            return None
        window = max(lo, verb_start - _RELATIVE_GAP - 12)
        last = None
        for match in pattern.finditer(self.text, window, verb_start):
            last = match
        if last is None or _CLAUSE_MARK.search(self.text, last.end(), verb_start):
            return None
        if verb_start - last.end() > _RELATIVE_GAP:
            return None
        return self._antecedent(lo, last.start())

    def _first_subject(self, lo: int, verb_start: int) -> Mention | None:
        """The subject of a verb-final clause: its first name that no preposition governs and
        no object marker follows, after any earlier verb of saying ("X said that Y stressed")
        and outside the frames of "according to Z". A clause opened by a complementizer
        before the verb ("نقشه راهی که سچین ... برآورد کرده بود") is the verb's own when a
        subject stands in it; else the verb closes the clause the complementizer interrupted
        ("پسکوف که با ولایتی دیدار کرد، گفت")."""
        _, prefixes, reports, _, _, verbs = self.words.within_lists(_FRAME_LISTS, lo, verb_start)
        relative = False
        for start, end in verbs:
            if self._closes_relative(lo, start, verbs):
                relative = True  # the aside's verb: the subject before it stays the subject
            else:
                lo = max(lo, end)
        opened = self.words.within("context:complementizer", lo, verb_start)
        if opened and not relative:
            inner = self._first_name(opened[-1][1], verb_start, prefixes, reports)
            if inner is not None:
                return inner
        return self._first_name(lo, verb_start, prefixes, reports)

    def _closes_relative(self, lo: int, start: int, verbs: list[tuple[int, int]]) -> bool:
        """Whether the verb of saying at ``start`` ends a relative clause ("درباره رقمی که
        آقای ولایتی اعلام کرده بود گفت"): a complementizer opens its clause after a noun, not
        right after another verb of saying ("گفت که"). Its clause is an aside of the subject
        before it, which stays the subject of the verb after it."""
        opened = self.words.within("context:complementizer", lo, start)
        if not opened:
            return False
        begin, end_ = opened[-1]
        after_verb = any(0 <= begin - end <= 1 for _, end in verbs)
        closed_before = any(end_ <= other < start for other, _ in verbs)
        return not after_verb and not closed_before

    def _first_name(
        self,
        lo: int,
        verb_start: int,
        prefixes: list[tuple[int, int]],
        reports: list[tuple[int, int]],
    ) -> Mention | None:
        """The first name of [lo, verb_start) that can be the subject; ``prefixes`` and
        ``reports``: the matches of those lists that end by ``verb_start``."""
        tokens = self.words.tokens
        framed = [end for start, end in prefixes if start >= lo]
        reported = [end for start, end in reports if start >= lo]
        # the outlet a report prefix names ("به گزارش خبرگزاری تسنیم"), past its kind
        objects = {found[0].start for end in reported if (found := self.between(end, end + 20))}
        verb_quoted = self.quote_at(verb_start) is not None
        for m in self.between(lo, verb_start):
            if m.possessive or m.in_quote != verb_quoted:
                continue
            if any(0 <= m.start - end <= 4 for end in framed) or m.start in objects:
                continue
            if self._governed(m):
                continue
            if tokens.word_after(m.end) in self.cues.non_subject_after:
                continue
            return self._named_after(m, verb_start) if m.kind == "role" and not m.entity else m
        return None

    def _governed(self, m: Mention) -> bool:
        """Whether a preposition (or an outlet's dative) right before ``m``, or before the
        honorifics it has ("هنگام سفر آقای پوتین"), governs it."""
        tokens = self.words.tokens
        i = bisect.bisect_left(tokens.starts, m.start)
        while i > 1 and tokens.words[i - 1] in self.cues.honorifics:
            i -= 1
        return i > 0 and tokens.words[i - 1] in self.cues.non_subject_before

    def _named_after(self, role: Mention, verb_start: int) -> Mention:
        """The person a role phrase opening the clause introduces between commas ("مدیرعامل
        روس‌اتم، الکسی لیخاچف، ... تأیید کرد"), else the role itself."""
        for m in self.between(role.end, verb_start):
            if m.start - role.end > _INTRODUCED_GAP:
                break
            if m.kind == "person" and _COMMA.search(self.text, role.end, m.start):
                return m
        return role

    def _subject(self, lo: int, verb_start: int, verb_end: int) -> Mention | None:
        if self.cues.subject_first:
            return self._first_subject(lo, verb_start)
        before_text = self.text[lo:verb_start]
        after = self._after(verb_end)
        telling = self.cues.telling_re
        asides = self._asides(lo, verb_start)
        if (
            self.cues.inverted_re.search(before_text)
            and after
            and not self._told(after[0])
            and not (telling is not None and telling.match(self.text, verb_start, verb_end))
            and not self._apposed(lo, verb_start)
            # "X, who met Putin, said the president ...": the comma closes an aside
            and not any(not self.text[b:verb_start].strip() for _, b in asides)
        ):
            return after[0]  # "..., said Peskov"
        verb_quoted = self.quote_at(verb_start) is not None
        coordinated = self.cues.predicate_coordinator_re
        if coordinated is not None and coordinated.search(self.text, lo, verb_start):
            # "Velayati met Putin in Moscow and told reporters": the first predicate's subject
            first = self._first_conjunct_subject(lo, verb_start, asides, verb_quoted)
            if first is not None:
                return first
        for m in reversed(self.between(lo, verb_start)):
            if _in_aside(asides, m.start):
                continue  # "X, who met the Russian leader, said": the subject is X
            if _gap_outside(asides, m.end, verb_start) > _MAX_SUBJECT_GAP:
                break
            if _CLAUSE_STOP.search(self.text, m.end, verb_start):
                break  # "... in Tehran; Russia put it at ...": a subject stays in its clause
            if self._governed(m):
                continue  # "talks in Tehran went well and Russia would put ...": not a subject
            if not (m.possessive or m.oblique) and m.in_quote == verb_quoted:
                return m
        if self.cues.subject_after_verb and after:
            return after[0]  # "Как заявил журналистам Песков"
        return self._apposed_role(asides, verb_start)

    def _apposed_role(self, asides: list[tuple[int, int]], verb_start: int) -> Mention | None:
        """The role an aside right before the verb opens with, when no name is the subject:
        "One of the sources, a Russian official who asked not to be named, said" is the
        official's, whose description sets off the words that name nobody."""
        for a, b in asides:
            if self.text[b:verb_start].strip():
                continue
            first = next(iter(self.between(a, b)), None)
            if (
                first is not None
                and first.kind in ("role", "group")
                and not (first.possessive or first.oblique)
                and not _ASIDE_OPENING.sub("", self.text[a : first.start])
            ):
                return first
        return None

    def _first_conjunct_subject(
        self, lo: int, verb_start: int, asides: list[tuple[int, int]], verb_quoted: bool
    ) -> Mention | None:
        """The subject of the first of two coordinated predicates: the clause's first name
        that no preposition governs, when no clause break stands between it and the verb."""
        for m in self.between(lo, verb_start):
            if _in_aside(asides, m.start) or self._governed(m):
                continue
            if m.possessive or m.oblique or m.in_quote != verb_quoted:
                continue
            if _CLAUSE_STOP.search(self.text, m.end, verb_start):
                return None
            return m
        return None

    def _asides(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Asides between commas in [lo, hi) ("X, who met the Russian leader, said", "Rosneft,
        one of the companies Tehran names, declined"): their names are no subject."""
        return [match.span() for match in self.cues.relative_re.finditer(self.text, lo, hi)]

    def _apposed(self, lo: int, verb_start: int) -> bool:
        """Whether the comma before the verb closes an apposition of a name and its role
        ("Velayati, adviser to the Supreme Leader, cited Putin as ...", "The senior adviser,
        Ali Akbar Velayati, said Putin had ..."): they are the subject, not whoever follows
        the verb."""
        before = [m for m in self.between(lo, verb_start) if not (m.possessive or m.oblique)]
        return (
            len(before) >= 2
            and "role" in (before[-1].kind, before[-2].kind)
            and before[-1].label == before[-2].label
            and verb_start - before[-1].end <= _APPOSITION_GAP
        )

    def _told(self, m: Mention) -> bool:
        """Whether ``m``, right after a verb of saying, is told rather than telling: a
        complementizer follows it ("Jalali, told IRNA that trade grew")."""
        tokens = self.words.tokens
        i = bisect.bisect_left(tokens.starts, m.end)
        return i < len(tokens.starts) and self.words.has(
            "context:complementizer", tokens.starts[i], tokens.ends[i]
        )

    def _after(self, verb_end: int, *, prefix: bool = False) -> list[Mention]:
        """Speakers starting within reach after a verb of saying, people and roles first
        ("заявил РИА Новости Песков": the agency is told, the spokesman speaks)."""
        far = self.cues.reach_after_verb
        hi = verb_end + (self.cues.reach_after if prefix or far is None else far)
        own = self.sentence_at(verb_end)
        if own is not None and own.end > verb_end:
            hi = min(hi, own.end)  # the next sentence's subject does not speak here
        stop = self.cues.after_stop_re
        if stop is not None and (opened := stop.search(self.text, verb_end, hi)):
            hi = opened.start()  # "заявил, что Кремль ...": the Kremlin is reported on
        if not prefix:
            # "сообщило агентство Reuters со ссылкой на источники": who is cited is no subject
            prefixes, reports = self.words.within_lists(("prefix", "report_prefix"), verb_end, hi)
            hi = min((start for start, _ in (*prefixes, *reports)), default=hi)
        reach = self.between(verb_end, hi)
        if prefix and reach:
            # a prefix's owner ends at the comma that closes its phrase: "По оценке NIOC, его
            # стоимость ..." is NIOC's, not the pronoun's after the comma
            comma = self.text.find(",", reach[0].end, hi)
            if comma >= 0:
                reach = [m for m in reach if m.start < comma]
        before = self.words.tokens.word_before
        words_of = [m for m in reach if before(m.start) in self.cues.words_of]
        if words_of:
            return words_of  # "— приводит агентство слова министра": the minister speaks
        # after a verb the speaker is a subject ("сообщил Пескову Ушаков"); after a prefix,
        # in its case ("по словам Пескова")
        found = [m for m in reach if prefix or not m.oblique]
        people = [m for m in found if m.kind != "org"]
        return people + [m for m in found if m.kind == "org"] if people else found

    def tagged(self, sentence: Sentence) -> Mention | None:
        """The speaker a tag gives the sentence's paragraph ("ПУТИН (синхрон): ..."), or, in
        an interview, the interviewee who gives its answers."""
        return self._turns().get(sentence.paragraph) or self._answerer(sentence)

    def _turns(self) -> dict[int, Mention]:
        """Paragraph → the person a speaker tag gives it to (extractors.tags)."""
        if self._tags is None:
            self._tags = tag_speakers(self.text, self.seg, self.cues, self.mentions)
        return self._tags

    def _interview(self) -> dict[int, Mention]:
        """Paragraph → the interviewee, for the answers of an interview: a text with two
        paragraphs or more that end with a question, whose introduction (before the first of
        them) names a person: the last it names. Every paragraph after the first question that
        asks none is an answer."""
        opened: dict[int, int] = {}
        last: dict[int, Sentence] = {}
        for s in self.seg.sentences:
            opened.setdefault(s.paragraph, s.start)
            last[s.paragraph] = s
        # a question paragraph ends with its question, or opens with an interviewer's tag
        # ("Q: And the gas? Tehran speaks of 55 bcm."); "Почему так? Во-первых, ..." is a
        # writer's rhetorical question answered in the same paragraph
        asking = {s.paragraph for s in self.seg.sentences if self.asks(s)}
        questions = {
            p
            for p in asking
            if self.asks(last[p]) or _QUESTION_TAG.match(self.text, opened[p]) is not None
        }
        if len(questions) < 2:
            return {}
        first = min(questions)
        dialogue = any(_DASH_OPENED.match(self.text, opened[p]) for p in questions)
        if (
            not dialogue
            and not self.words.has("context:interview", 0, opened[first])
            and not any(_QUESTION_TAG.match(self.text, opened[p]) for p in questions)
        ):
            return {}  # an explainer's question headings: the writer answers them
        # the person the introduction names last, nearest the first question: "Putin and
        # Pezeshkian signed a treaty. We asked Nadia Karimova what it means." A dialogue's
        # introduction ends at its first turn, which may ask and go on ("— Господин посол,
        # когда ...? Его обсуждают два года."): the answer after it names no guest.
        intro_end = (
            min(opened[p] for p in asking if _DASH_OPENED.match(self.text, opened[p]))
            if dialogue
            else opened[first]
        )
        guest = self._spoken_to(intro_end) or self._named_last(intro_end)
        # the interview ends at a section break ("* * *", then the outlet's background box)
        end = next((p for p in self.seg.section_breaks(self.text) if p > first), max(opened) + 1)
        answers = [p for p in opened if first < p < end and p not in questions]
        if any(_NAMED_TURN.match(self.text, opened[p]) for p in answers):
            return {}  # a transcript: each turn is its tagged speaker's, carried on untagged
        # an answer tagged with its speaker's name ("ولایتی: ...") is his, whoever the
        # introduction names last (the reporter who "spoke with him")
        tags = self._turns()
        found = {p: tags.get(p) or guest for p in answers}
        return {p: m for p, m in found.items() if m is not None}

    def _named_last(self, end: int) -> Mention | None:
        """The person named last before ``end``, not as the interviewer ("Interview by ...")."""
        credit = self.cues.interviewer_credit_re
        return next(
            (
                m
                for m in reversed(self.between(0, end))
                if m.kind in ("person", "unknown")
                and m.entity
                and (credit is None or not credit.search(self.text, max(0, m.start - 40), m.start))
            ),
            None,
        )

    def _spoken_to(self, end: int) -> Mention | None:
        """The person an introduction says it spoke to by a pronoun ("Kazem Jalali has been
        ambassador since 2021. We spoke to him days after Pezeshkian won ..."): named before the
        pronoun, whoever the introduction names after it."""
        for start, stop in reversed(self.words.within("context:interview", 0, end)):
            after = self.words.tokens.word_after(stop)
            if after is not None and norm_key(after) in self.cues.pronouns:
                return self._named_last(start)
        return None

    def _answerer(self, sentence: Sentence) -> Mention | None:
        """The interviewee, if ``sentence`` is in one of an interview's answers."""
        if self._answers is None:
            self._answers = self._interview()
        return self._answers.get(sentence.paragraph)

    def asks(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` is a question."""
        return self.text[sentence.start : sentence.end].rstrip().endswith(_QUESTION_MARKS)

    # -- quotations ----------------------------------------------------------------
    def quote_speaker(self, index: int) -> Mention | None:
        """Speaker of the quotation that part ``index`` belongs to (cached per quotation)."""
        group = self.seg.quotes[index].group
        if group in self._quote_speaker:
            return self._quote_speaker[group]
        parts = self._parts[group]
        speaker = None
        last = parts[-1]
        tail_sentence = self.sentence_at(max(last.end - 1, 0))
        if tail_sentence is not None and last.end < tail_sentence.end:
            tail = [f for f in self.frames(last.end, tail_sentence.end) if not f.nominal]
            if tail:
                speaker = tail[0].speaker
        if speaker is None:
            first = parts[0]
            head_sentence = self.sentence_at(first.start)
            lo = head_sentence.start if head_sentence else max(0, first.start - 200)
            head = [
                f
                for f in self.frames(lo, first.start)
                if not f.nominal and first.start - f.end <= _HEAD_WINDOW
            ]
            speaker = head[-1].speaker if head else self._colon_speaker(lo, first.start)
            if speaker is None and self._verb_closes(last.end):
                # "وزیر نفت ارزش قراردادها را «حدود ۴ میلیارد دلار» اعلام کرد": a verb-final
                # clause's verb right after the quotation, its subject before it
                speaker = self._first_subject(lo, first.start)
        if speaker is None:
            speaker = self._speaker_going_on(group)
        self._quote_speaker[group] = speaker
        return speaker

    def _speaker_going_on(self, group: int) -> Mention | None:
        """The speaker of the quotation before, in the same paragraph: '"...," said Tobias
        Lindqvist, an analyst. "If Moscow were to lend even half ..."' goes on quoting him."""
        i = bisect.bisect_left(self._groups, group)
        if i == 0:
            return None
        earlier = self._groups[i - 1]
        here = self.sentence_at(self._parts[group][0].start)
        there = self.sentence_at(max(self._parts[earlier][-1].end - 1, 0))
        if here is None or there is None or there.paragraph != here.paragraph:
            return None
        return self.quote_speaker(self._group_index[earlier])

    def _verb_closes(self, quote_end: int) -> bool:
        """Whether a verb of saying of a verb-final language follows the quotation ending at
        ``quote_end`` at once."""
        if not self.cues.subject_first:
            return False
        verbs = self.words.within("saying", quote_end, quote_end + _VERB_AFTER_QUOTE)
        return bool(verbs) and not self.text[quote_end : verbs[0][0]].strip()

    def _colon_speaker(self, lo: int, quote_start: int) -> Mention | None:
        """Who a colon right before a quotation introduces, with no verb: "Песков на брифинге:
        «Я не могу подтвердить сроки»", 'Gazprom press service: "We do not comment"': the
        first name of the clause before the colon that no preposition governs."""
        colon = _COLON_BEFORE.search(self.text, lo, quote_start)
        if colon is None:
            return None
        return next(
            (
                m
                for m in self.between(lo, colon.start())
                if m.entity is not None and not m.possessive and not self._governed(m)
            ),
            None,
        )

    # -- public ---------------------------------------------------------------------
    def claimant(self, pos: int, sentence: Sentence) -> tuple[Mention | None, Mention | None]:
        """(claimant, attributed_to) of a figure at ``pos`` in ``sentence``."""
        qi = self.quote_at(pos)
        if qi is not None:
            speaker = self.quote_speaker(qi)
            lo = max(sentence.start, self.seg.quotes[qi].start)
            if speaker is not None:
                inner = [f for f in self.frames(lo, pos) if f.speaker.label != speaker.label]
                return speaker, inner[-1].speaker if inner else None
            # '"During the meeting, President Putin said that Russia is prepared to invest
            # $50 billion"', its speaker named later or not at all: whoever is quoted relays
            # the one the quotation names; that one is no claimant
            relayed = [f for f in self.frames(lo, pos) if not f.nominal]
            if relayed:
                return self.tagged(sentence), relayed[-1].speaker
        if qi is None and (guest := self._answerer(sentence)) is not None:
            # an interviewee's answer is his, like a quotation: whom he reports is relayed
            inner = [
                f
                for f in self.frames(sentence.start, pos)
                if not f.nominal and f.speaker.label != guest.label
            ]
            return guest, inner[-1].speaker if inner else None
        frames = self.frames(sentence.start, sentence.end, in_quote=qi is not None)
        if qi is not None and self._reported_fragment(qi, sentence):
            # 'Sanaei said investment "could reach $20 billion"': a fragment quoted inside
            # reported speech is the reporting verb's
            frames = self.frames(sentence.start, sentence.end)
        verbal = [f for f in frames if not f.nominal]
        if not verbal:
            owner = self._clause_owner(pos, frames) or self._said_next(sentence)
            return owner or self.tagged(sentence), None
        if (sayer := self._relative_sayer(pos, sentence, verbal)) is not None:
            return sayer, None
        before = [f for f in verbal if f.start < pos]
        if any(not f.reported for f in before):
            before = [f for f in before if not f.reported]
        colons = [m.end() for m in _COLON.finditer(self.text, sentence.start, pos)]
        if colons and (past := [f for f in before if f.start >= colons[-1]]):
            # "officials cited bigger figures: the ambassador spoke of up to 55 bcm": a verb
            # past the colon heads the figure's clause (a semicolon only lists what the same
            # voice says: "..., he said, ...; and Putin had spoken of $50 billion" is relayed)
            before = past
        if not before and (owner := self._clause_owner(pos, frames)) is not None:
            # "Asked about a report by Tasnim that Russia would invest $25 billion, Peskov
            # said ...": the clause spells out the report's claim, which the answerer only hears
            return owner, None
        if not before:
            # "..., he said" speaks for what precedes it; a verb past a colon or a semicolon
            # heads a clause of its own ("...: the UN put the total at $5 billion")
            verbal = [f for f in verbal if not _CLAUSE_STOP.search(self.text, pos, f.start)]
            if not verbal:
                return self.tagged(sentence), None
            if any(not f.reported for f in verbal):
                # "..., сообщило агентство Reuters со ссылкой на источники": who reports speaks
                verbal = [f for f in verbal if not f.reported]
        relative = [f for f in before if f.relative]
        if before and not relative and (tag := self._closing_tag(pos, sentence, verbal)):
            # "Gazprom has pledged $10 billion, he added": the tag speaks for the sentence
            inner = [f for f in before if f.speaker.label != tag.speaker.label]
            return tag.speaker, inner[-1].speaker if inner else None
        main = relative[-1] if relative else before[0] if before else verbal[0]
        later = [
            f
            for f in frames
            if main.start < f.start < pos and f.speaker.label != main.speaker.label
        ]
        if later and self._coordinated(main, later[-1]):
            return later[-1].speaker, None
        return main.speaker, later[-1].speaker if later else None

    def _coordinated(self, main: Frame, frame: Frame) -> bool:
        """Whether ``frame`` heads a clause coordinated with ``main``'s, not one inside what
        ``main`` reports: a clause break other than a semicolon stands between them with only
        the speaker's title after it ("Jalali said trade grew, and Deputy Prime Minister
        Alexander Novak has said ..."), and no complementizer ("..., and that Novak had
        promised" is still reported)."""
        start = frame.speaker.start
        breaks = [
            b
            for b in self.cues.clause_break_re.finditer(self.text, main.end, start)
            if not _CLAUSE_STOP.search(b.group())
        ]
        if not breaks:
            return False  # a semicolon lists what the same voice relays
        opening = breaks[-1].start()
        return (
            start - breaks[-1].end() <= _TITLE_GAP
            and not _CLAUSE_INNER.search(self.text, breaks[-1].end(), start)
            and not self.words.has("context:complementizer", opening, start)
        )

    def _reported_fragment(self, index: int, sentence: Sentence) -> bool:
        """Whether quotation part ``index`` is a fragment inside a sentence's reported speech:
        a verb of saying outside quotation marks comes before it in the sentence."""
        start = self.seg.quotes[index].start
        return any(not f.nominal for f in self.frames(sentence.start, start, in_quote=False))

    def _relative_sayer(self, pos: int, sentence: Sentence, verbal: list[Frame]) -> Mention | None:
        """In a verb-final language, the sayer of a relative clause that holds the figure:
        "نمی‌تواند رقمی را که ولایتی درباره سرمایه‌گذاری ۵۰ میلیارد دلاری مطرح کرده، تأیید کند"
        (cannot confirm the figure Velayati raised about $50 billion) is Velayati's figure,
        not the main clause's. A complementizer right after a verb of saying ("گفت که")
        opens what that verb reports, no relative clause."""
        if not self.cues.subject_first:
            return None
        opened = self.words.within("context:complementizer", sentence.start, pos)
        if not opened:
            return None
        begin, end = opened[-1]
        if any(0 <= begin - f.end <= 1 for f in verbal):
            return None
        closing = next((f for f in verbal if f.start > pos), None)
        if (
            closing is None
            or any(end <= f.start < pos for f in verbal)
            or not end <= closing.speaker.start < pos
            or _CLAUSE_MARK.search(self.text, pos, closing.start)
        ):
            return None
        return closing.speaker

    def _said_next(self, sentence: Sentence) -> Mention | None:
        """Who the next sentence, in the same paragraph, says said this one: "Russian
        companies will invest $50 billion. Об этом заявил Велаяти."."""
        back = self.cues.back_reference_re
        after = self.sentence_after(sentence)
        if back is None or after is None or after.paragraph != sentence.paragraph:
            return None
        if not back.match(self.text, after.start):
            return None
        verbal = [f for f in self.frames(after.start, after.end) if not f.nominal]
        return verbal[0].speaker if verbal else None

    def _clause_owner(self, pos: int, frames: list[Frame]) -> Mention | None:
        """Whose claim, statement or estimate the clause holding ``pos`` spells out: "the
        broadcast repeated Velayati's claim that trade had grown 36 percent"."""
        opens = self.cues.complementiser_re
        if opens is None:
            return None
        for frame in reversed([f for f in frames if f.nominal and f.start < pos]):
            # the noun follows a possessive owner; an owner after its noun ends the phrase
            noun = self.cues.nominal_re.match(self.text, frame.start)
            phrase_end = noun.end() if noun is not None else frame.end
            for _ in range(_OWNER_WORDS if noun is None else 0):
                # an owner's description after its name ("by Tasnim news agency that")
                if opens.match(self.text, phrase_end) or not (
                    word := _WORD_AFTER.match(self.text, phrase_end)
                ):
                    break
                phrase_end = word.end()
            if opens.match(self.text, phrase_end) and not _CLAUSE_STOP.search(
                self.text, phrase_end, pos
            ):
                return frame.speaker
        return None

    def _closing_tag(self, pos: int, sentence: Sentence, verbal: list[Frame]) -> Frame | None:
        """The frame of saying set off by a comma after the figure at ``pos`` that closes its
        sentence ("..., he added.", "..., said Velayati on Thursday."), if a person speaks it:
        whoever speaks earlier in the sentence, that person relays it."""
        tag = verbal[-1]
        if tag.speaker.kind in ("org", "group"):
            return None  # "..., Iranian state media reported": an outlet reports the speaker
        head = min(tag.start, tag.speaker.start)
        if head <= pos or _CLAUSE_STOP.search(self.text, pos, head):
            return None
        if not _TAG_OPENING.search(self.text, pos, head):
            return None
        rest = self.text[max(tag.end, tag.speaker.end) : sentence.end].rstrip(_SENTENCE_CLOSERS)
        return None if _CLAUSE_MARK.search(rest) else tag

    def speaker_at(
        self, pos: int, sentence: Sentence, *, impersonal: bool = False
    ) -> Mention | None:
        """Who takes the stance whose cue starts at ``pos`` (for Kremlin statements).

        ``impersonal``: the cue's grammatical subject is the thing reported, not a person
        ("сообщения о сделке с NIOC не соответствуют действительности", "меморандум
        действительно подписан"), so a name before it is part of what is said and the
        speaker is whoever says the sentence."""
        speaker = self._stance_taker(pos, sentence, impersonal=impersonal)
        if speaker is not None and speaker.entity is not None and speaker.entity.is_outlet:
            # "Interfax quoted presidential spokesman Dmitry Peskov as saying ...": an outlet
            # takes no stance; the person it quotes, named after it, does
            quoted = next(
                (
                    m
                    for m in self.between(speaker.end, pos)
                    if m.kind in ("person", "role", "unknown") and m.entity is not None
                ),
                None,
            )
            return quoted or speaker
        return speaker

    def relayed_by(self, speaker: Mention, sentence: Sentence) -> Mention | None:
        """Who says, before ``speaker`` in ``sentence``, what ``speaker`` did ("Velayati said
        that President Putin confirmed ..."): the sayer of a verb of saying before the name,
        not an outlet (outlets report)."""
        return next(
            (
                f.speaker
                for f in self.frames(sentence.start, speaker.start)
                if not f.nominal
                and not f.reported
                and f.end <= speaker.start
                and f.speaker.label != speaker.label
                and not (f.speaker.entity is not None and f.speaker.entity.is_outlet)
            ),
            None,
        )

    def _stance_taker(self, pos: int, sentence: Sentence, *, impersonal: bool) -> Mention | None:
        qi = self.quote_at(pos)
        if qi is not None:
            speaker = self.quote_speaker(qi)
            if speaker is not None:
                return speaker
        if impersonal:
            return self._sayer(pos, sentence)
        if self._commented(pos, sentence):
            return None
        if self.cues.subject_first:
            # the stance verb ends its clause and its subject opens it, after any verb of
            # saying ("X said Y did not confirm"); else the speaker of the sentence's frame
            own = self._first_subject(sentence.start, pos)
            if own is not None:
                return own
            said = [f for f in self.frames(sentence.start, pos + 1) if not f.nominal]
            # an interview's answer with no subject of its own ("من نمی‌توانم رقم مشخصی را
            # تأیید کنم", I cannot confirm) is the interviewee's, as a tag's turn is its own
            return said[-1].speaker if said else self.tagged(sentence)
        far = self.cues.stance_subject_reach
        if far is not None and (place := self._place_after(pos, sentence)) is not None:
            return place
        asides = self._asides(sentence.start, pos)
        for m in reversed(self.between(sentence.start, pos)):
            if _reports(m):
                continue  # "В пресс-службе ... ТАСС сообщили": the agency is told
            if _in_aside(asides, m.start):
                continue  # "Rosneft, one of the companies Tehran names, declined to comment"
            if _gap_outside(asides, m.end, pos) > (far or 30):
                break
            if far is None and self._governed(m):
                continue  # "a Gazprom spokesman in Moscow confirmed": a place, not the subject
            if m.possessive and pos - m.end <= _OWNED_STANCE:
                return m  # "the Kremlin's refusal to confirm"
            if far is not None and (m.possessive or (m.oblique and not self._opens(m, sentence))):
                # "Пескову задали вопрос": the addressee is no subject; but a group that
                # opens its clause in its place ("В Кремле не подтвердили") speaks for a
                # verb with no subject, and so does an institution named as a place after
                # a fronted object ("Информацию о сделке в Кремле опровергли")
                if not m.possessive and self._fronted_place(m, sentence):
                    return m
                continue
            if not m.possessive and (self.quote_at(m.start) is None) == (qi is None):
                return m
        if far is not None and (inside := self._subject_inside(pos, sentence)) is not None:
            return inside
        return self._sayer(pos, sentence)

    def _subject_inside(self, pos: int, sentence: Sentence) -> Mention | None:
        """The subject between the parts of a stance that opens its clause with its
        infinitive: "Уточнять цифры он не стал", "Подтвердить эти данные Песков не смог"."""
        lo, hi = clause(self.text, sentence, pos, self.cues)
        if any(c.isalnum() for c in self.text[lo:pos]):
            return None
        return next(
            (
                m
                for m in self.between(pos, hi)
                if m.kind in ("person", "pronoun", "role")
                and not (m.possessive or m.oblique or _reports(m))
            ),
            None,
        )

    def _commented(self, pos: int, sentence: Sentence) -> bool:
        """Whether commentators ("analysts", "экономисты") are the subject of the clause of
        the stance cue at ``pos``, no name between them and the cue: "В Кремле цифру не
        подтвердили, а экономисты называют ее политической" is the economists' verdict."""
        lo = clause(self.text, sentence, pos, self.cues)[0]
        found = self.words.within("commentators", lo, pos)
        if not found:
            return False
        # a place after them is no subject of its own ("economists in Moscow denied")
        return all(self._governed(m) for m in self.between(found[-1][1], pos))

    def coordinated_with(self, speaker: Mention) -> list[Mention]:
        """The names coordinated with ``speaker`` before it as one subject, of its kind
        ("Rosneft, Lukoil, Gazprom Neft and Zarubezhneft all declined"): each speaks too."""
        joiner = self.cues.coordinator_re
        if joiner is None or speaker.entity is None:
            return []
        out: list[Mention] = []
        current, joined = speaker, False
        for m in reversed(self.between(max(0, speaker.start - 200), speaker.start)):
            if m.end > current.start:
                continue
            gap = joiner.fullmatch(self.text, m.end, current.start)
            if gap is None or m.entity is None or m.possessive:
                break
            if m.entity.kind != speaker.entity.kind or m.label == speaker.label:
                break  # "Dmitry Peskov, the Kremlin spokesman, denied": one person
            joined = joined or bool(gap.group().strip(" ,"))
            out.append(m)
            current = m
        # commas alone set off an apposition; a list ends with "and"
        return out[::-1] if joined else []

    def _sayer(self, pos: int, sentence: Sentence) -> Mention | None:
        """The speaker of the verb of saying nearest before ``pos`` in ``sentence`` (else the
        first after it), or the speaker a tag or an interview gives the sentence."""
        frames = [
            f
            for f in self.frames(sentence.start, sentence.end)
            if not f.nominal and not _reports(f.speaker)
        ]
        before = [f for f in frames if f.start <= pos]
        if before:
            return before[-1].speaker
        if frames:
            return frames[0].speaker
        # "В пресс-службе «Лукойла» заявили, что информация «не соответствует
        # действительности»": the institution named as the place of a verb with no subject
        place = next(
            (m for m in self.between(sentence.start, pos) if self._fronted_place(m, sentence)),
            None,
        )
        return place or self.tagged(sentence)

    def _opens(self, m: Mention, sentence: Sentence) -> bool:
        """Whether group ``m``, or an institution named as a place ("В пресс-службе
        Кремля"), stands first in its clause of ``sentence``."""
        lo = clause(self.text, sentence, m.start, self.cues)[0]
        if m.kind == "org" and (place := self._place_words(m)) is not None:
            return not any(c.isalnum() for c in self.text[lo:place])
        if m.kind != "group":
            return False
        return not any(c.isalnum() for c in self.text[lo : m.start])

    def _fronted_place(self, m: Mention, sentence: Sentence) -> bool:
        """Whether ``m`` names a Russian institution as a place ("в Кремле") with no name
        before it in its clause that could be the subject: only an object stands there."""
        if m.country != "RU" and (m.entity is None or m.entity.country != "RU"):
            return False
        if self._place_words(m) is None:
            return False
        lo = clause(self.text, sentence, m.start, self.cues)[0]
        return all(o.possessive or o.oblique or _reports(o) for o in self.between(lo, m.start))

    def _place_words(self, m: Mention) -> int | None:
        """Where the words naming institution ``m`` as a place begin ("в пресс-службе
        Кремля", "в Кремле"), if they do."""
        pattern = self.cues.place_before_re
        if pattern is None or m.kind not in ("group", "org"):
            return None
        if m.kind == "group":
            head = m.text.split(maxsplit=1)[0]
            return m.start if m.oblique and pattern.search(m.text, 0, len(head)) else None
        # a name that does not decline ("в пресс-службе Минэнерго") is in a case all the same
        end = m.start
        while end > 0 and self.text[end - 1] in _NAME_OPENERS:
            end -= 1  # "в «Газпроме»": the quotation marks of a company's name
        found = pattern.search(self.text, max(0, end - 40), end)
        return found.start() if found else None

    def _place_after(self, pos: int, sentence: Sentence) -> Mention | None:
        """The Russian institution named as a place after a stance cue opening its clause,
        with no subject before it: "Подтвердить эти данные в пресс-службе Кремля не
        смогли" (an impersonal plural verb, said by the institution)."""
        lo, hi = clause(self.text, sentence, pos, self.cues)
        if any(
            not (m.possessive or m.oblique or _reports(m)) or self._fronted_place(m, sentence)
            for m in self.between(lo, pos)
        ):
            # "Песков эти оценки комментировать не стал": a subject before; "В пресс-службе
            # «Роснефти» от комментариев отказались, в «Лукойле» ...": a place opening it
            return None
        return next(
            (
                m
                for m in self.between(pos, hi)
                if m.country == "RU" or (m.entity is not None and m.entity.country == "RU")
                if self._place_words(m) is not None
            ),
            None,
        )

    def referenced_claimant(self, lo: int, hi: int) -> Mention | None:
        """Whose claims a statement in [lo, hi) means: ``X's claims``, ``the envoy's remarks``."""
        for m in self.between(lo, hi):
            if m.possessive and self.cues.nominal_re.match(self.text, m.end):
                return m
        owned = self.cues.nominal_before_re
        if owned is not None:  # "the claims of X": the claim noun stands before its owner
            for m in self.between(lo, hi):
                if m.kind != "pronoun" and owned.search(self.text, max(lo, m.start - 40), m.start):
                    return m
        return None
