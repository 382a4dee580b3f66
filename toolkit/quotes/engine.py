"""The quote rules: find cues, read the speaker and content around each, resolve speakers.

One pass over an article, in this order:

1. paragraphs, sentences (the tokenize stage's Punkt) and quotations (:mod:`.marks`);
2. *units*: sentences joined where a quotation runs across their boundary;
3. speech cues outside quotations (:data:`CUE_PATTERN`), each read by one rule:
   ``according to X``, ``X was cited as saying (by Y)``, ``Y quoted X as saying``,
   a participial cue after a comma (``, adding that``) that inherits the main
   clause's speaker, a naming cue with a quotation object (``called it "Q"``), or a
   plain cue with its speaker before (``X said``) or after it (``said X``);
4. content: after the cue (``that``, a colon, a quotation, or a bare clause for verbs
   that allow one), or before it (``S, X said``; ``"Q," said X``); a quotation split
   by its attribution gives two quotes;
5. continuation: a quotation with no cue of its own that opens its sentence, right
   after an attributed quote, belongs to that quote's speaker;
6. speakers are resolved in reading order through :class:`.mentions.EntityIndex`.

No parser model is used; the rules are regular expressions over the text, so
offsets are exact and extraction runs at several MB/s.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from toolkit.quotes.lexicon import (
    AUXILIARIES, BRIDGE_STARTERS, CUE_FORMS, DETERMINERS, NAMING_LEMMAS, NEEDS_MARKED_CONTENT,
    PRONOUNS, ROLE_NOUNS,
)
from toolkit.quotes.marks import Quotation, find_quotations
from toolkit.quotes.mentions import (
    WORD, EntityIndex, Resolution, is_group_phrase, is_organisation_phrase, norm, resolve_description,
)
from toolkit.tokenize import split_paragraphs, split_sentences

_FORMS = sorted(CUE_FORMS, key=len, reverse=True)
#: Every speech cue: phrases first so they win over their single words.
CUE_PATTERN = re.compile(
    r"\b(?:"
    r"(?P<according>according to)"
    r"|(?P<passive>(?:was|were|is|are|has been|have been|had been|being)\s+(?:\w+ly\s+)?(?:cited|quoted|reported)\s+as\s+(?:saying|telling|stating|writing|warning|adding))"
    r"|(?P<quoted_as>quot(?:ed|es|ing)|cit(?:ed|es|ing))(?=\s+[^.;:\"“”«»]{1,80}?\s+as\s+(?:saying|telling|stating|writing|warning|adding)\b)"
    r"|(?P<phrase>(?:point(?:s|ed|ing)?|spell(?:s|ed|ing)?)\s+out|call(?:s|ed|ing)?\s+for|went\s+on\s+to\s+say|made\s+clear)"
    r"|(?P<verb>" + "|".join(map(re.escape, _FORMS)) + r")"
    r")\b",
    re.IGNORECASE,
)
# Nouns that look like verb forms: their base/-s forms are cues only before content.
_NOUNISH = frozenset("""report reports claim claims comment comments remark remarks note notes state states post posts
    charge charges answer answers quote quotes estimate estimates forecast forecasts protest protests
    promise promises pledge pledges demand demands signal signals point points call calls object objects
    reason reasons brief briefs label labels term terms dub joke jokes counter counters dispute disputes
    contest contests hint hints relay tweet tweets reply replies vow vows boast boasts warning warnings
    statement statements question questions continue continues
""".split())
_CLAUSE_END = re.compile(r"[.;!?]")
_THAT = re.compile(r"\s*(?:,\s*)?that\b\s*", re.IGNORECASE)
_PREPOSITIONS_IN_NP = frozenset({"of", "for", "at", "with", "from", "to", "in"})
_STOP_AFTER_SPEAKER = frozenset("""that in on at during after before when while who which whose as to told said says
    and but because since if although though with without by from over about into
""".split())
_TELL_LIKE = frozenset({"tell", "inform", "assure", "brief", "remind", "notify", "advise", "warn", "ask", "urge",
                        "reassure", "instruct"})
_OPENING = "\"“„«‹‘'"
_CLOSING = "\"”»›’'“"


@dataclass(frozen=True)
class Candidate:
    """A quote before speaker resolution."""

    kind: str
    start: int
    end: int
    cue_start: int | None
    cue_end: int | None
    speaker_words: tuple[str, ...]
    speaker_start: int | None
    speaker_end: int | None
    rule: str
    unit_start: int
    unit_end: int
    addressee: str | None = None
    via: str | None = None
    inherit: str | None = None  # "previous" (participial/continuation) or "next" (fronted participial)


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    paragraph: int


class Document:
    """An article prepared for the rules: paragraphs, sentences, quotations, units."""

    def __init__(self, text: str):
        self.text = text
        self.paragraphs = split_paragraphs(text)
        sentences = split_sentences(text)
        self.quotations = find_quotations(text, self.paragraphs)
        self._q_starts = [self._outer(q)[0] for q in self.quotations]
        self.units = self._units(sentences)
        self._unit_starts = [u.start for u in self.units]
        self.sentence_starts = [u.start for u in self.units]

    @staticmethod
    def _outer(q: Quotation) -> tuple[int, int]:
        """The quotation's span with its marks."""
        return (q.open if q.open >= 0 else q.start, q.close + 1 if q.close >= 0 else q.end)

    def _units(self, sentences) -> list[Unit]:
        units: list[Unit] = []
        for sentence in sentences:
            if units and units[-1].paragraph == sentence.paragraph and self._crosses(units[-1].end, sentence.start):
                units[-1] = Unit(units[-1].start, sentence.end, sentence.paragraph)
            else:
                units.append(Unit(sentence.start, sentence.end, sentence.paragraph))
        return units

    def _crosses(self, left_end: int, right_start: int) -> bool:
        """Does a single-paragraph quotation run across this sentence boundary?"""
        for q in self.quotations:
            o_start, o_end = self._outer(q)
            if q.paragraph == q.last_paragraph and o_start < left_end and o_end > right_start:
                return True
        return False

    def unit_at(self, pos: int) -> Unit:
        return self.units[max(0, bisect_right(self._unit_starts, pos) - 1)]

    def quotation_covering(self, pos: int) -> Quotation | None:
        i = bisect_right(self._q_starts, pos) - 1
        while i >= 0:
            q = self.quotations[i]
            o_start, o_end = self._outer(q)
            if o_start <= pos < o_end:
                return q
            if o_end <= pos and i < len(self.quotations) - 1:
                break
            i -= 1
        return None

    def quotation_starting(self, pos: int, limit: int) -> Quotation | None:
        """The quotation whose opening mark is the first non-space character at/after ``pos``."""
        i = pos
        while i < limit and self.text[i].isspace():
            i += 1
        for q in self.quotations:
            if self._outer(q)[0] == i and q.open >= 0:
                return q
        return None


# -- small text helpers ----------------------------------------------------------------------
def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group()) for m in WORD.finditer(text[start:end])]


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding blanks, and a trailing full stop/comma/semicolon outside quotation marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-" or text[end - 2:end] == "--"):
        end -= 1
    return start, end


def _kind_and_span(doc: Document, start: int, end: int) -> tuple[str, int, int]:
    """Kind of a content span; a span that is one quotation shrinks to inside its marks."""
    text = doc.text
    q = doc.quotation_covering(start)
    if q is not None and q.open == start:
        o_start, o_end = doc._outer(q)
        rest = text[o_end:end].strip(" ,.;:")
        if not rest:
            return "direct", q.start, q.end
    if q is not None and q.open < 0 and q.start == start:
        o_start, o_end = doc._outer(q)
        if not text[o_end:end].strip(" ,.;:"):
            return "direct", q.start, q.end
    segment = text[start:end]
    if any(ch in segment for ch in "\"“”«»„"):
        return "mixed", start, end
    for q in doc.quotations:
        if not q.double and start <= q.open < end:
            return "mixed", start, end
    return "indirect", start, end


class Rules:
    """Apply the cue rules to one :class:`Document`."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text

    # -- speaker noun phrases ------------------------------------------------------------
    def speaker_before(self, unit_start: int, cue_start: int) -> tuple[int, int, list[str]] | None:
        """The subject noun phrase that ends right before a cue (auxiliaries skipped)."""
        words = _words(self.text, unit_start, cue_start)
        i = len(words) - 1
        while i >= 0 and norm(words[i][2]) in AUXILIARIES:
            i -= 1
        if i < 0:
            return None
        # a parenthesis right before the cue: "Sen. Jane Roe (D-Vt.) said"
        if words[i][2] == ")":
            j = i
            while j >= 0 and words[j][2] != "(":
                j -= 1
            if j > 0 and i - j <= 8:
                i = j - 1
        end_index = i
        head = words[i][2]
        lowered = norm(head)
        if lowered in PRONOUNS or lowered == "it":
            return words[i][0], words[i][1], [head]
        if not (head[0].isupper() or lowered in ROLE_NOUNS or head[0].isdigit()):
            return None
        best_start = None
        j = i
        while j >= 0:
            word = words[j][2]
            w = norm(word)
            if word[0].isupper() and w not in {"according"}:
                if w in DETERMINERS or w in {"but", "and", "so", "while", "as", "in", "on", "at", "after", "before",
                                             "when", "if", "because", "though", "although", "yet", "also", "then"}:
                    if w in DETERMINERS:
                        best_start = j
                    break
                best_start = j
            elif w in DETERMINERS:
                best_start = j
                break
            elif w in _PREPOSITIONS_IN_NP and j > 0 and j < end_index:
                pass
            elif w == "and" and j > 0 and words[j - 1][2][0].isupper() and words[j + 1][2][0].isupper():
                pass
            elif word[0].isalpha() and word.islower() and (w in ROLE_NOUNS or end_index - j <= 4):
                if w in _STOP_AFTER_SPEAKER or w in AUXILIARIES or CUE_FORMS.get(w):
                    break
            elif word in {"-", "–", "'s", "’s"}:
                pass
            else:
                break
            j -= 1
        if best_start is None:
            return None
        # trim leading prepositions/“and” that the scan may have walked over
        while best_start < end_index and norm(words[best_start][2]) in _PREPOSITIONS_IN_NP | {"and"}:
            best_start += 1
        if words[best_start][2][0].islower() and norm(words[best_start][2]) not in DETERMINERS:
            # a bare lower-case phrase is a speaker only when it is a plural of people ("officials said")
            if not (end_index == best_start and norm(words[end_index][2]).endswith("s")
                    and norm(words[end_index][2]) in ROLE_NOUNS):
                return None
        span_words = [w[2] for w in words[best_start:end_index + 1]]
        return words[best_start][0], words[end_index][1], span_words

    def speaker_after(self, start: int, limit: int) -> tuple[int, int, list[str]] | None:
        """The noun phrase right after a cue (``said Bolton``, ``according to the ministry``)."""
        words = _words(self.text, start, limit)
        picked: list[tuple[int, int, str]] = []
        for k, (s, e, word) in enumerate(words):
            w = norm(word)
            if not word[0].isalnum():
                if word in {"'s", "’s", "-"} or (word == "." and picked and len(picked[-1][2]) == 1):
                    continue
                break
            if picked and (w in _STOP_AFTER_SPEAKER or (w in AUXILIARIES and not word[0].isupper())):
                if w in {"of", "for", "at", "to"} and k + 1 < len(words) and (
                        words[k + 1][2][0].isupper() or norm(words[k + 1][2]) in DETERMINERS):
                    picked.append((s, e, word))
                    continue
                break
            if not picked and w in {"that", "to", "in", "on", "at"}:
                return None
            picked.append((s, e, word))
            if len(picked) >= 12:
                break
        while picked and (norm(picked[-1][2]) in _PREPOSITIONS_IN_NP or norm(picked[-1][2]) in DETERMINERS):
            picked.pop()
        if not picked:
            return None
        return picked[0][0], picked[-1][1], [p[2] for p in picked]

    # -- content -------------------------------------------------------------------------
    def _content_end(self, start: int, unit: Unit, cues: list[re.Match]) -> int:
        """Content runs to the unit's end, or to the next participial or trailing cue clause."""
        end = unit.end
        for cue in cues:
            if cue.start() <= start or cue.start() >= end:
                continue
            before = self.text[start:cue.start()].rstrip()
            if self.doc.quotation_covering(cue.start()) is not None:
                continue
            if cue.group("according") and before.endswith(","):
                return start + len(before) - 1
            form = cue.group().lower()
            if before.endswith(",") and (form.endswith("ing") or cue.group("passive")):
                return start + len(before) - 1
            # "... , the ministry said." closes the clause: a trailing attribution of its own
            comma = before.rfind(",")
            if comma >= 0 and not cue.group("according"):
                np = self.speaker_before(start + comma + 1, cue.start())
                if np and np[0] > start + comma and self._clause_ends_after(cue.end(), unit.end):
                    return start + comma
        return end

    def attribution_ends_clause(self, pos: int, limit: int) -> bool:
        """After ``X said`` / ``said X``: only the sentence end, an adverbial, an apposition,
        a second quotation, or a participial cue may follow."""
        rest = self.text[pos:limit]
        if self._clause_ends_after(pos, limit):
            return True
        if re.match(r"\s*(?:\([^)]*\)\s*)?,\s*(?:[\"“„«‘']|(?:\w+ing|according)\b)", rest):
            return True
        # ", the Kremlin spokesman." / ", a former diplomat, adding that"
        return bool(re.match(r"\s*,\s*(?:the|a|an|his|her|its|their|who|which)\b[^\"“”«»]{0,120}?(?:[.!?]\s*$|,\s*(?:\w+ing\b|[\"“„«‘']))", rest))

    def _clause_ends_after(self, pos: int, limit: int) -> bool:
        rest = self.text[pos:limit]
        return bool(re.match(r"\s*(?:(?:on|in|at|during|after|before|late|earlier|later|last|this|to|from)\b[^,;\"“”«»]{0,60})?[.!?]?\s*$", rest))

    def content_after(self, pos: int, unit: Unit, lemma: str, cues: list[re.Match], *,
                      allow_bare: bool) -> tuple[int, int, str | None] | None:
        """Content introduced by a cue ending at ``pos``; returns (start, end, addressee)."""
        text = self.text
        addressee = None
        rest_start = pos
        if lemma in _TELL_LIKE:
            m = re.match(r"\s+((?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?[\w.’'\-]+(?:\s+[A-Z][\w.’'\-]*){0,4}|reporters|journalists)", text[pos:unit.end])
            if m and norm(m.group(1).split()[0]) not in {"that", "on", "in", "at", "during"} and not m.group(1)[0] in _OPENING:
                addressee = m.group(1)
                rest_start = pos + m.end()
        tail = text[rest_start:unit.end]
        # an optional bridge of time/place words, then "that" or a colon
        bridge = re.match(r"((?:\s*,)?(?:\s+[\w.’'\-]+){0,9}?)\s*(?:(that)\b|(:))", tail)
        if bridge and (bridge.group(2) or bridge.group(3)):
            bridge_words = bridge.group(1).replace(",", " ").split()
            if not bridge_words or norm(bridge_words[0]) in BRIDGE_STARTERS or (
                    addressee is None and lemma in _TELL_LIKE and len(bridge_words) <= 4):
                if addressee is None and lemma in _TELL_LIKE and bridge_words and norm(bridge_words[0]) not in BRIDGE_STARTERS:
                    addressee = " ".join(bridge_words[:3])
                start = rest_start + bridge.end()
                end = self._content_end(start, unit, cues)
                return (*_trim_content(text, start, end), addressee) if end > start else None
        # a quotation right after the cue (optionally after a comma)
        q = self.doc.quotation_starting(rest_start + (1 if tail.lstrip().startswith(",") else 0) +
                                        (len(tail) - len(tail.lstrip()) if tail.lstrip().startswith(",") else 0),
                                        unit.end) if tail.lstrip().startswith(",") else self.doc.quotation_starting(rest_start, unit.end)
        if q is not None:
            start = self.doc._outer(q)[0]
            end = self._content_end(start, unit, cues)
            return (*_trim_content(text, start, end), addressee)
        if not allow_bare:
            return None
        # a bare clause: "said the plan was dead"
        m = re.match(r"\s+", tail)
        start = rest_start + (m.end() if m else 0)
        first = WORD.match(text, start)
        if not first or norm(first.group()) in BRIDGE_STARTERS or first.group() in ",.;:!?)":
            return None
        if norm(first.group()) in {"so", "nothing", "little", "much", "more", "this", "it", "yes", "no", "something", "anything",
                                   "otherwise", "why", "how", "what", "whether", "if"}:
            return None
        end = self._content_end(start, unit, cues)
        start, end = _trim_content(text, start, end)
        if len(WORD.findall(text[start:end])) < 3:
            return None
        return start, end, addressee

    def content_before(self, speaker_start: int, unit: Unit, cue_start: int,
                       previous_end: int) -> tuple[int, int] | None:
        """Content of ``S, X said`` / ``"Q," said X``: the clause before the attribution."""
        text = self.text
        left = text[max(unit.start, previous_end):speaker_start].rstrip()
        if not left:
            return None
        if left.endswith(","):
            left_end = max(unit.start, previous_end) + len(left) - 1
        elif left[-1] in _CLOSING and len(left) >= 2 and left[-2] in ",?!.—-":
            left_end = max(unit.start, previous_end) + len(left)
        elif left[-1] in _CLOSING:
            left_end = max(unit.start, previous_end) + len(left)
        elif left.endswith(("—", "--", ":")):
            left_end = max(unit.start, previous_end) + len(left) - (2 if left.endswith("--") else 1)
        else:
            return None
        start = max(unit.start, previous_end)
        # a quotation that ends at the attribution: take it whole, even when it began in an
        # earlier paragraph
        q = self.doc.quotation_covering(left_end - 1)
        if q is not None and q.open >= 0 and q.open < start:
            start = q.open
        start, end = _trim_content(text, start, left_end)
        if end - start < 2:
            return None
        return start, end


def find_candidates(doc: Document) -> list[Candidate]:
    """Apply every cue rule to the article; candidates are in text order, not overlapping."""
    rules = Rules(doc)
    text = doc.text
    cues = [m for m in CUE_PATTERN.finditer(text) if doc.quotation_covering(m.start()) is None]
    candidates: list[Candidate] = []
    consumed_end = -1
    by_unit: dict[int, list[re.Match]] = {}
    for cue in cues:
        by_unit.setdefault(doc.unit_at(cue.start()).start, []).append(cue)
    for cue in cues:
        if cue.start() < consumed_end:
            continue  # a cue inside an earlier quote's content is part of that content
        unit = doc.unit_at(cue.start())
        unit_cues = by_unit[unit.start]
        found = _read_cue(rules, doc, cue, unit, unit_cues, candidates)
        for candidate in found:
            candidates.append(candidate)
            if candidate.start > cue.start():
                consumed_end = max(consumed_end, candidate.end)
    return candidates


def _previous_end(candidates: list[Candidate], unit: Unit) -> int:
    ends = [c.cue_end for c in candidates if c.unit_start == unit.start and c.cue_end is not None]
    return max(ends) if ends else unit.start


def _read_cue(rules: Rules, doc: Document, cue: re.Match, unit: Unit, unit_cues: list[re.Match],
              candidates: list[Candidate]) -> list[Candidate]:
    text = doc.text
    form = cue.group().lower()
    previous_end = _previous_end(candidates, unit)

    def make(kind_start: int, kind_end: int, speaker, rule: str, **extra) -> Candidate:
        kind, start, end = _kind_and_span(doc, kind_start, kind_end)
        s_start, s_end, words = speaker if speaker else (None, None, [])
        return Candidate(kind, start, end, cue.start(), cue.end(), tuple(words), s_start, s_end, rule,
                         unit.start, unit.end, **extra)

    if cue.group("according"):
        speaker = rules.speaker_after(cue.end(), unit.end)
        if speaker is None:
            return []
        before = text[max(unit.start, previous_end):cue.start()].rstrip()
        if before.endswith(",") or (before and not before.endswith((",", ":")) and len(WORD.findall(before)) >= 3
                                    and not before.split()[-1].lower() in {"and", "but", "that"}):
            content = rules.content_before(cue.start(), unit, cue.start(), previous_end)
            if content is None and before:
                content = _trim_content(text, max(unit.start, previous_end), cue.start())
            if content:
                return [make(*content, speaker, "according_to:after")]
            return []
        after = text[speaker[1]:unit.end]
        m = re.match(r"\s*(?:\([^)]*\)\s*)?,\s*", after)
        if m:
            start = speaker[1] + m.end()
            end = rules._content_end(start, unit, unit_cues)
            start, end = _trim_content(text, start, end)
            if end > start:
                return [make(start, end, speaker, "according_to:before")]
        return []

    if cue.group("passive"):
        speaker = rules.speaker_before(unit.start, cue.start())
        via = None
        after_pos = cue.end()
        by = re.match(r"\s+by\s+", text[after_pos:unit.end])
        if by:
            via_np = rules.speaker_after(after_pos + by.end(), unit.end)
            if via_np:
                via = " ".join(via_np[2])
                after_pos = via_np[1]
        content = rules.content_after(after_pos, unit, "say", unit_cues, allow_bare=True)
        if content:
            return [make(content[0], content[1], speaker, "passive:cited_as_saying", via=via)]
        if speaker:
            before = rules.content_before(speaker[0], unit, cue.start(), previous_end)
            if before:
                return [make(*before, speaker, "passive:cited_as_saying", via=via)]
        return []

    if cue.group("quoted_as"):
        m = re.match(r"\s+(.{1,80}?)\s+as\s+(?:saying|telling|stating|writing|warning|adding)\b", text[cue.end():unit.end])
        if not m:
            return []
        speaker = rules.speaker_after(cue.end(), cue.end() + m.end(1) + 1)
        via_np = rules.speaker_before(unit.start, cue.start())
        via = " ".join(via_np[2]) if via_np else None
        after_pos = cue.end() + m.end()
        content = rules.content_after(after_pos, unit, "say", unit_cues, allow_bare=True)
        if content:
            return [make(content[0], content[1], speaker, "passive:quoted_as_saying", via=via)]
        if via_np:
            before = rules.content_before(via_np[0], unit, cue.start(), previous_end)
            if before:
                return [make(*before, speaker, "passive:quoted_as_saying", via=via)]
        return []

    lemma = CUE_FORMS.get(form.split()[0], form.split()[0]) if not cue.group("phrase") else "say"
    if cue.group("phrase"):
        lemma = "call" if form.startswith("call") else "point"
    # words that only look like cues: "the added cost", "a report", "United States"
    prev_word = re.search(r"([\w’']+)\W*$", text[max(unit.start, cue.start() - 30):cue.start()])
    if prev_word and norm(prev_word.group(1)) in DETERMINERS and not form.endswith("ing"):
        return []
    if cue.group()[0].isupper() and cue.start() != unit.start and not text[cue.start() - 2:cue.start()].strip() in {"", '"', "“"}:
        return []
    if form in _NOUNISH and not re.match(r"\s*(?:,\s*)?(?:that\b|:)", text[cue.end():unit.end]):
        # "claims" as a noun; a verb use would introduce "that" or a colon
        if not (prev_word and (norm(prev_word.group(1)) in PRONOUNS or prev_word.group(1)[0].isupper())):
            return []

    before_text = text[max(unit.start, previous_end):cue.start()]
    stripped = before_text.rstrip()
    participial = form.endswith("ing") and (
        stripped.endswith(",") or not stripped.strip() or
        re.search(r"(?:^|\s)(?:while|after|before|when|in|by|upon)$", stripped, re.IGNORECASE) is not None
    )
    if lemma == "cite" and form == "citing" and stripped.endswith(","):
        # "Y reported, citing X": the quote is X's, Y is the medium
        speaker = rules.speaker_after(cue.end(), unit.end)
        if speaker and candidates and candidates[-1].unit_start == unit.start:
            last = candidates[-1]
            via = " ".join(last.speaker_words) if last.speaker_words else None
            candidates[-1] = replace(last, speaker_words=tuple(speaker[2]), speaker_start=speaker[0],
                                     speaker_end=speaker[1], via=via, rule=last.rule + "+citing")
            return []
        if speaker:
            # "..., citing X, that S" / "S, Y reported, citing X" handled above; else content after
            content = rules.content_after(speaker[1], unit, "say", unit_cues, allow_bare=False)
            if content:
                via_np = rules.speaker_before(unit.start, cue.start())
                return [make(content[0], content[1], speaker, "citing", via=" ".join(via_np[2]) if via_np else None)]
        return []

    if lemma in NAMING_LEMMAS:
        # called it "Q" / described A as "Q" / cited "Q": the quotation is the content
        m = re.match(r"((?:\s+[\w’'\-.]+){0,8}?)\s*(?:as\s+)?(?=[\"“„«‘'])", text[cue.end():unit.end])
        if not m:
            return []
        q = doc.quotation_starting(cue.end() + m.end(), unit.end)
        if q is None or q.close < 0:
            return []
        after_q = text[q.close + 1:unit.end]
        speaker = None if participial else rules.speaker_before(max(unit.start, previous_end), cue.start())
        inherit = None
        if participial:
            inherit = "next" if not stripped.endswith(",") else "previous"
        elif speaker is None:
            return []
        _ = after_q
        return [make(q.open, q.close + 1, speaker, f"naming:{lemma}", inherit=inherit)]

    if participial:
        content = rules.content_after(cue.end(), unit, lemma, unit_cues, allow_bare=lemma not in NEEDS_MARKED_CONTENT)
        if content is None:
            return []
        inherit = "previous" if stripped.endswith(",") else "next"
        return [make(content[0], content[1], None, f"participial:{lemma}", addressee=content[2], inherit=inherit)]

    speaker = rules.speaker_before(max(unit.start, previous_end), cue.start())
    results: list[Candidate] = []
    if speaker is not None:
        # "X said (that) S" / "X said: "Q"" / and "S, X said" when nothing follows
        content = rules.content_after(cue.end(), unit, lemma, unit_cues, allow_bare=lemma not in NEEDS_MARKED_CONTENT)
        before = rules.content_before(speaker[0], unit, cue.start(), previous_end)
        if before is not None and content is not None and not rules.attribution_ends_clause(cue.end(), unit.end):
            before = None  # "Speaking to reporters, X said that S": the content follows
        if before is not None:
            results.append(make(*before, speaker, "trailing:speaker_cue"))
            # "Q1," X said, "Q2."
            after = text[cue.end():unit.end]
            m = re.match(r"((?:\s+(?:on|in|at|to|during|after|before|late|earlier|later|last|this)\b[^,\"“”«»]{0,50})?)\s*,\s*(?=[\"“„«‘'])", after)
            if m:
                q = doc.quotation_starting(cue.end() + m.end(), unit.end)
                if q is not None:
                    end = rules._content_end(doc._outer(q)[0], unit, unit_cues)
                    results.append(make(*_trim_content(text, doc._outer(q)[0], end), speaker, "split:second_part"))
            return results
        if content is not None:
            rule = "forward:speaker_cue_that" if re.match(r"(?:\s+[\w.’'\-]+){0,10}?\s*that\b", text[cue.end():content[0]] + " ") and "that" in text[cue.end():content[0]] else "forward:speaker_cue"
            return [make(content[0], content[1], speaker, rule, addressee=content[2])]
        return []
    # "…," said X — the speaker follows the cue
    if stripped.endswith(",") or (stripped and stripped[-1] in _CLOSING) or stripped.endswith(("—", "--")):
        speaker = rules.speaker_after(cue.end(), unit.end)
        if speaker is None or norm(speaker[2][0]) in {"that", "it"}:
            return []
        if lemma in NEEDS_MARKED_CONTENT - {"continue", "explain", "note", "stress", "emphasise", "emphasize",
                                            "recall", "reply", "respond", "answer", "complain", "remark",
                                            "observe", "counter", "add", "insist", "warn", "ask", "announce",
                                            "concede", "admit", "acknowledge", "declare", "confirm", "predict",
                                            "suggest", "urge", "post", "comment", "argue"}:
            return []
        if not rules.attribution_ends_clause(speaker[1], unit.end):
            return []
        before = rules.content_before(cue.start(), unit, cue.start(), previous_end)
        if before is None:
            return []
        results.append(make(*before, speaker, "trailing:cue_speaker"))
        after = text[speaker[1]:unit.end]
        m = re.match(r"\s*(?:,[^,\"“”«»]{0,80})?,\s*(?=[\"“„«‘'])", after)
        if m:
            q = doc.quotation_starting(speaker[1] + m.end(), unit.end)
            if q is not None:
                end = rules._content_end(doc._outer(q)[0], unit, unit_cues)
                results.append(make(*_trim_content(text, doc._outer(q)[0], end), speaker, "split:second_part"))
        return results
    return []


def add_continuations(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """Quotations with no cue that open their sentence right after an attributed quote."""
    covered = [(c.start, c.end) for c in candidates]
    result = list(candidates)
    for q in doc.quotations:
        o_start, o_end = doc._outer(q)
        if any(s < o_end and o_start < e for s, e in covered):
            continue
        if q.open < 0:
            continue
        unit = doc.unit_at(o_start)
        lead = doc.text[unit.start:o_start].strip()
        if lead:
            continue  # a quotation inside someone's sentence with no cue: a scare quote or a title
        tail = doc.text[o_end:doc.unit_at(max(o_start, o_end - 1)).end].strip(" .,;:!?”\"»")
        if tail:
            continue
        previous = [c for c in result if c.end <= o_start]
        if not previous:
            continue
        last = max(previous, key=lambda c: c.end)
        last_paragraph = doc.unit_at(last.start).paragraph
        if q.paragraph - last_paragraph > 1:
            continue
        result.append(Candidate("direct", q.start, q.end, last.cue_start, last.cue_end, (), None, None,
                                "continuation", unit.start, unit.end, inherit="previous"))
    result.sort(key=lambda c: (c.start, c.end))
    return result


# -- speaker resolution --------------------------------------------------------------------
class Resolver:
    """Turn speaker words into a resolved speaker, in reading order."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.index = EntityIndex(doc.text, doc.sentence_starts)
        self.last_person_speaker: tuple[int, int] | None = None  # (entity id, sentence index)

    def resolve(self, words: tuple[str, ...], start: int, end: int, *, cue_lemma: str | None,
                previous: Resolution | None) -> Resolution:
        if not words:
            return Resolution(None, None, "unresolved")
        lowered = [norm(w) for w in words]
        head = lowered[-1]
        text = " ".join(words)
        if len(words) == 1 and head in PRONOUNS:
            return self._pronoun(head, start, cue_lemma, previous)
        if head == "it" and len(words) == 1:
            if previous is not None and previous.speaker_type == "organisation":
                return replace(previous, how="pronoun")
            return Resolution(None, "organisation", "unresolved")
        # "X and Y said"
        if "and" in lowered and words[0][0].isupper() and words[-1][0].isupper():
            parts, current = [], []
            for w in words:
                if norm(w) == "and":
                    parts.append(current)
                    current = []
                else:
                    current.append(w)
            parts.append(current)
            members = [self.index.person_by_name(p, start) for p in parts if p]
            if all(members):
                names = " and ".join(m.name for m in members)  # type: ignore[union-attr]
                return Resolution(names, "group", "group:names", None, tuple(m.id for m in members))  # type: ignore[union-attr]
        if is_group_phrase(list(words)):
            return self._group(start)
        if words[0][0].isupper() and norm(words[0]) not in {"the", "a", "an", "his", "her", "its", "their"}:
            entity = self.index.person_by_name(list(words), start)
            if entity is not None:
                how = "name" if entity.name == " ".join(w for w in words if w[0].isupper()) else "name:fullest"
                return Resolution(entity.name, "person", how, entity.id)
            overlapping = self.index.entity_at(start, end)
            if overlapping is not None and overlapping.type == "person":
                return Resolution(overlapping.name, "person", "name", overlapping.id)
            if is_organisation_phrase(list(words)) or len(words) == 1 or (overlapping and overlapping.type != "person"):
                return Resolution(_strip_article(text), "organisation", "organisation")
            if all(w[0].isupper() for w in words) and len(words) >= 2:
                return Resolution(_strip_article(text), "person", "name")
        # descriptions
        if lowered[0] in {"a", "an", "one", "some", "several", "many", "two", "three", "four", "other"} or (
                head.endswith("s") and head in ROLE_NOUNS and lowered[0] not in {"the", "his", "her", "its", "their"}):
            return Resolution(_strip_article(text), "unnamed", "unnamed")
        if is_organisation_phrase(list(words)):
            return Resolution(_strip_article(text), "organisation", "organisation")
        entity = resolve_description(self.index, list(words), start)
        if entity is not None:
            self.index.add_resolved_mention(start, end, entity.id)
            return Resolution(entity.name, "person", "description", entity.id)
        return Resolution(_strip_article(text), "unnamed", "unnamed")

    def _pronoun(self, pronoun: str, pos: int, cue_lemma: str | None, previous: Resolution | None) -> Resolution:
        gender = PRONOUNS[pronoun]
        if gender in {"self", "plural_self"}:
            return Resolution(None, "unnamed", "unresolved")
        if gender == "plural":
            if previous is not None and previous.speaker_type in {"group", "organisation"}:
                return replace(previous, how="pronoun")
            return Resolution(None, "group", "unresolved")
        # "she added": the last speaker, when compatible and recent
        if cue_lemma in {"add", "continue", "go"} and previous is not None and previous.entity is not None:
            entity = self.index.entities[previous.entity]
            if entity.type == "person" and entity.gender in (None, gender):
                return Resolution(entity.name, "person", "pronoun:previous_speaker", entity.id)
        speaker_ids = set()
        if previous is not None and previous.entity is not None:
            speaker_ids.add(previous.entity)
        for _sentence, mentions in self.index.persons_before(pos):
            compatible = [m for m in mentions if self.index.entities[m.entity].gender in (None, gender)]
            if not compatible:
                continue
            known = [m for m in compatible if self.index.entities[m.entity].gender == gender]
            pool = known or compatible
            speakers = [m for m in pool if m.entity in speaker_ids]
            chosen = speakers[0] if speakers else pool[0]
            entity = self.index.entities[chosen.entity]
            return Resolution(entity.name, "person", "pronoun", entity.id)
        return Resolution(None, "person", "unresolved")

    def _group(self, pos: int) -> Resolution:
        seen: list[int] = []
        for _sentence, mentions in self.index.persons_before(pos, sentences_back=12):
            for m in mentions:
                if m.entity not in seen:
                    seen.append(m.entity)
            if len(seen) >= 2:
                break
        if len(seen) >= 2:
            members = sorted(seen[:2], key=lambda eid: self.index.entities[eid].first_start)
            names = " and ".join(self.index.entities[eid].name for eid in members)
            return Resolution(names, "group", "group:recent_pair", None, tuple(members))
        return Resolution(None, "group", "unresolved")


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
