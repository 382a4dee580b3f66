"""Who is speaking: noun phrases next to a cue, the article's people, and how they resolve.

An :class:`EntityIndex` is built once per article from its capitalised names: each
person gets the fullest name the article gives (``John R. Bolton``), the words the
article attaches to them (title, nationality, organisation, apposition) and, where
known, a gender (from a common first name or a gendered title). Speaker mentions are
then resolved through it:

* names by their last word (``Bolton`` -> ``John R. Bolton``);
* pronouns to the nearest compatible person, sentence by sentence backwards;
* definite descriptions (``the senior U.S. official``) to the person whose attached
  words contain the description's nationality/organisation words and fit its role;
* groups (``both sides``) to the two people most recently in view.
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from dataclasses import dataclass, field

from toolkit.quotes.lexicon import (
    DETERMINERS, FIRST_NAME_GENDER, GENDERED_WORDS, GENERIC_ROLES, GROUP_WORDS, ORGANISATION_HEADS,
    ORGANISATION_WORDS, PLACE_WORDS, ROLE_CLASSES, ROLE_NOUNS, ROLE_SYNONYMS, TITLE_WORDS, stem_place, strip_accents,
)
from toolkit.tokenize import JOINED_INITIALS, NEWS_ABBREVIATIONS

# A word as the mention parser sees it: letters/digits with inner dots, apostrophes and
# hyphens (``U.S.``, ``O'Neil``, ``Russia's``), or one punctuation character.
WORD = re.compile(r"[^\W_](?:[\w.'’\-]*[\w.])?|[^\w\s]")
_TITLES_WITH_STOP = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt", "Adm", "Sgt", "Prof",
                     "Rev", "Amb", "Pres", "St", "Jr", "Sr")
# A capitalised word: an initial (``R.``, ``U.S.``), a title with its full stop (``Sen.``), or a
# word. Written as its capital and then the rest (the title's tail checks the capital behind it),
# so that a run's pattern starts with a character class, which lets ``re`` skip straight to the
# next capital instead of trying the pattern at every character.
_AFTER_CAPITAL = (r"(?:\.(?:[A-Z]\.)*|(?:" + "|".join(f"(?<={t[0]}){t[1:]}" for t in _TITLES_WITH_STOP) + r")\."
                  r"|[\w'’\-]*)")
_NAME_WORD = r"[A-Z]" + _AFTER_CAPITAL
# A run of capitalised words, allowing lower-case particles inside names (``Ludwig van Beethoven``);
# a full stop belongs to a word only after an initial or a title, never at a sentence end. It
# starts after no word character, full stop or apostrophe (checked once the capital is read).
_NAME_RUN = re.compile(
    r"[A-Z](?<![\w.’'][A-Z])" + _AFTER_CAPITAL
    + r"(?:[ \t]+(?:(?:de|del|van|von|der|da|di|du|la|le|bin|al|el|dos|das)[ \t]+)?" + _NAME_WORD + r")*"
)
#: Right before a name that is a preposition's object ("a longtime rival of Ivo Marek"), not an apposition.
OBJECT_OF_PREPOSITION = re.compile(r"\b(?:of|to|with|by|for|from|against)\s+$")
# Capitalised words that start sentences or name times, not people.
_NOT_NAMES = frozenset("""
    the a an but and or so yet in on at as for while when after before this that these those it
    he she they we i you his her their our its my your there here what who whom why how both some
    many most all according if though although despite since because however meanwhile also
    still then now even only just not no yes mr mrs ms dr one two three speaking asked asked
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december today yesterday tomorrow last next earlier
    later during under over with without from to by of into about against between among
    neither either each every another other such more less several few much
""".split()) - {"mr", "mrs", "ms", "dr"}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_PREPOSITIONS = frozenset({"of", "for", "at", "in", "to", "from", "with", "on", "by"})
# A capitalised word made an adjective by a lower-case suffix: "House-style", "Kovask-based"
_ADJECTIVE_COMPOUND = re.compile(r"-[a-z]+$")
# "her Ostravian counterpart Pavel A. Dragunov", "his counterpart, Miriam T. Calloway": right before a name
_COUNTERPART_BEFORE_NAME = re.compile(r"\b(?:his|her)\s+(?:[A-Z][\w.’'\-]*\s+)?counterpart,?\s+")
# A sentence opening with a definite description: ``The foreign minister, who ...``.
_SUBJECT_DESCRIPTION = re.compile(r"\s*The[ \t]+((?:[A-Za-z][\w’'\-]*,?[ \t]+){1,5})")
# An apposition right after a name: ", the Kremlin spokesman," / ", who heads the council,"
# (a long one that is a description, ", Ostravia's deputy minister and a veteran negotiator who had
# sat through three rounds,", is read up to its relative clause)
_APPOSITION_AFTER = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?,\s*(?:((?:the|a|an|his|her|its|their|who|[A-Z])[^,.;:\"“”«»]{0,90})[,.;]"
    r"|((?:the|a|an|his|her|its|their|[A-Z][\w\-]*['’]s)\s[^,.;:\"“”«»]{0,90}?)\s+(?:who|whom|whose)\b)")
# The phrase between the last punctuation and a comma right before a name
# ("his Russian counterpart, Security Council Secretary X").
_APPOSITION_BEFORE = re.compile(r"([^,.;:\"“”«»\n—–()]{2,80}),\s*$")
_APPOSITION_BEFORE_LINK = re.compile(r"\b(?:and|with|between|by|from|as)\s+")
# "an Ostravian team led by Grigor Maslenko": the team's side is its leader's
_LED_BY_BEFORE = re.compile(r"((?:[A-Z][\w\-’']*\s+){1,3})(?:[a-z]+\s+)?(?:delegation|team|side|mission|group)\s+"
                            r"(?:led|headed)\s+by\s+$")


def _title_case_headline_end(text: str) -> int:
    """End of a first line written in Title Case (``Voss Tells Lawmakers Talks Are Likely``), else 0."""
    end = text.find("\n")
    line = text[:end] if end > 0 else ""
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4 or line.rstrip()[-1:] in ".!?":
        return 0
    capitalised = sum(w[0].isupper() for w in words)
    return end if capitalised / len(words) >= 0.6 else 0


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """Lower-case, accent-free, possessive-free form of a word."""
    return _POSSESSIVE.sub("", strip_accents(word).lower()).strip(".")


@lru_cache(maxsize=65536)
def descriptor_key(word: str) -> str:
    """The key under which a descriptive word is compared (``Russian`` ~ ``Russia's``)."""
    if word[:1].isupper():
        return stem_place(word)
    w = norm(word)
    if w.endswith("s") and w[:-1] in ROLE_NOUNS:
        w = w[:-1]  # "heads", "leads" in "who heads the council"
    return ROLE_SYNONYMS.get(w, w)


@dataclass
class Entity:
    """A person or organisation of one article."""

    id: int
    name: str
    type: str  # "person" | "organisation"
    gender: str | None = None
    descriptors: set[str] = field(default_factory=set)
    first_start: int = 0
    first_end: int = 0
    places: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class NameMention:
    start: int
    end: int
    entity: int


@dataclass(frozen=True, slots=True)
class Resolution:
    """A resolved speaker: the name, its type, and how it was found."""

    speaker: str | None
    speaker_type: str | None
    how: str
    entity: int | None = None
    members: tuple[int, ...] = ()


def _is_joined_initials(word: str) -> bool:
    """``J.J.``, ``H.W.``: a person's initials written together, not an abbreviation (``U.S.``)."""
    return JOINED_INITIALS.fullmatch(word) is not None and norm(word).rstrip(".") not in NEWS_ABBREVIATIONS


def _split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Split a capitalised run into (title words, name words): the name is the tail."""
    cut = len(words)
    while cut > 0:
        w = norm(words[cut - 1])
        if w in TITLE_WORDS or w in ORGANISATION_WORDS or _POSSESSIVE.search(words[cut - 1]) or (
                "." in w and len(w) > 2 and not (cut < len(words) and _is_joined_initials(words[cut - 1]))):
            break  # ("U.S. Ambassador X": an abbreviation; "J.J. Goldberg": his initials)
        if (cut < len(words) - 1 and norm(words[cut]) in FIRST_NAME_GENDER and w not in FIRST_NAME_GENDER
                and len(w) > 1 and not _is_joined_initials(words[cut - 1])):
            break  # "Adviser of Norland Miriam Calloway": a country, then the person's first name
        cut -= 1
    return words[:cut], words[cut:]


def _gender_of(name_words: list[str], title_words: list[str]) -> str | None:
    for w in title_words:
        g = GENDERED_WORDS.get(norm(w))
        if g:
            return g
    given = [w for w in name_words[:-1] if len(norm(w)) > 1 and not _is_joined_initials(w)]  # not "A.E."
    if given:
        return FIRST_NAME_GENDER.get(norm(given[0]))
    return None


def _modifier_run(words: list[str], *, complete: bool = False) -> list[str] | None:
    """The last words of ``words`` that may modify a name (at most five); None when every word
    is such a word and ``words`` is not ``complete`` (the run may go on before them)."""
    picked: list[str] = []
    kept = 0  # words counted against the limit: not the "of"/"the" that link capitalised words
    after = None  # the last word kept after the links: a link needs a capitalised word (or the name) after it
    backwards = words[::-1]
    for k, w in enumerate(backwards):
        if (norm(w) in _TITLE_LINKS and (after is None or after[0].isupper()) and k + 1 < len(backwards)
                and (backwards[k + 1][0].isupper() or norm(backwards[k + 1]) in _TITLE_LINKS
                     or (norm(w) == "of" and norm(backwards[k + 1]) in ROLE_NOUNS))):
            # "Secretary of the Security Council of Ostravia Pavel Dragunov" (the name's run may start
            # at "Ostravia", so a link may come first)
            picked.append(w)
            continue
        if kept >= 5 or not is_modifier(w):
            break
        if w.endswith(".") and "." not in w[:-1] and norm(w) not in TITLE_WORDS:
            break  # "... counterpart Lena Aurich. Sergei Tallin": the previous sentence's last word
        picked.append(w)
        kept += 1
        after = w
    else:
        if not complete:
            return None
    while picked and norm(picked[-1]) in _TITLE_LINKS:
        picked.pop()  # a link with nothing before it
    return picked[::-1]


_TITLE_LINKS = frozenset({"of", "the"})


@dataclass(frozen=True, slots=True)
class _Run:
    """What a capitalised run tells by its words alone, the same wherever it stands.
    Offsets are relative to the run's start."""

    kind: str                 # "organisation", "place" (a person-like place name) or "name"
    start: int                # after dropped sentence-initial words ("The", "But")
    end: int                  # before a possessive ("Dragunov's")
    label: str                # the name as written (title words dropped for a person)
    name: tuple[str, ...] = ()
    name_start: int = 0
    name_end: int = 0
    descriptors: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    gender: str | None = None
    titled: bool = False
    has_initial: bool = False  # "John R. Bolton"
    file_key: str = ""        # the key a new person is filed under in EntityIndex._by_last
    last_key: str = ""        # the keys a known person is looked up by
    first_key: str | None = None


_LINKS_IN_A_GROUP_NAME = frozenset({"against", "for", "of", "with", "without", "about"})


@lru_cache(maxsize=65536)
def _read_run(run: str) -> _Run | None:
    """Split a capitalised run into title and name words and classify it (None: no mention)."""
    if _ADJECTIVE_COMPOUND.search(run):
        return None  # "White House-style", "Kovask-based": an adjective, not a name
    words = run.split()
    start, end = 0, len(run)
    # drop sentence-initial function words ("The", "But") and trailing possessive marks
    while words and norm(words[0]) in _NOT_NAMES:
        start = run.index(words[1], start + len(words[0])) if len(words) > 1 else end
        words = words[1:]
    if not words or all(w.isupper() and len(w) > 1 and "." not in w for w in words):
        return None  # empty, or an all-caps dateline ("PORT HALDEN —")
    if words[-1].endswith(("'s", "’s")) and len(words[-1]) > 3:
        words[-1] = words[-1][:-2]  # "Dragunov's remarks": a mention of Dragunov
        end -= 2
    title, name = _split_title(words)
    if not name:
        if any(norm(w) in ORGANISATION_WORDS for w in words):
            return _Run("organisation", start, end, " ".join(words))
        return None
    name_start = end - len(" ".join(name)) if run[start:end].endswith(" ".join(name)) else start
    if name[-1].endswith("."):
        name[-1] = name[-1][:-1]
    if any(norm(w) in ORGANISATION_WORDS for w in name) or (title and norm(name[0]) in _LINKS_IN_A_GROUP_NAME):
        return _Run("organisation", start, end, " ".join(words))  # (and "the Coalition Against Trump")
    if any(norm(w) in PLACE_WORDS for w in name) and not title:
        return _Run("place", start, end, " ".join(name), name_start=name_start)
    return _Run(
        "name", start, end, " ".join(name), tuple(name), name_start, name_start + len(" ".join(name)),
        descriptors=frozenset(descriptor_key(w) for w in title),
        places=frozenset(stem_place(w) for w in title if is_place_word(w)),
        gender=_gender_of(name, title),
        titled=any(norm(w) in TITLE_WORDS for w in title),  # "Norland's Keldmark" is no title
        has_initial=any(len(norm(w)) == 1 or _is_joined_initials(w) for w in name[:-1]),
        file_key=norm(name[-1]),
        last_key=norm(name[-1].rstrip(".")),
        first_key=norm(name[0]) if len(name) > 1 else None,
    )


# An organisation's head word and the link before the rest of its name: "Institute for ", "Ministry of the "
_LINK_ENDINGS = (" for ", " of ", " on ", "the ")  # (a quick test before the pattern)
_ORGANISATION_LINK_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:for|of|on)\s+(?:the\s+)?\Z")


class EntityIndex:
    """The people and organisations an article names, with every name mention's offsets."""

    def __init__(self, text: str, sentence_starts: list[int]):
        self.text = text
        self.entities: list[Entity] = []
        self.mentions: list[NameMention] = []
        self._by_last: dict[str, list[int]] = {}
        self._sentence_starts = sentence_starts
        self._pending: list[tuple[int, int, int]] | None = []  # None once read
        self.counterparts: dict[int, int] = {}  # person id -> the person the article calls their counterpart
        self._modifiers: dict[int, list[str]] = {}  # _context_words by name start, read again for descriptions
        self._harvest()

    # -- building -----------------------------------------------------------------------
    def _harvest(self) -> None:
        text = self.text
        headline_end = _title_case_headline_end(text)
        for match in _NAME_RUN.finditer(text):
            origin = match.start()
            if origin < headline_end:
                continue  # Title Case Headline Words are not names
            run = _read_run(match.group())
            if run is None:
                continue
            start, end = origin + run.start, origin + run.end
            if run.kind == "name" and text.endswith(_LINK_ENDINGS, max(0, origin - 5), origin) and not run.titled \
                    and not run.has_initial and not any(norm(w) in FIRST_NAME_GENDER for w in run.name):
                linked = _ORGANISATION_LINK_BEFORE.search(text, max(0, origin - 40), origin)
                if linked is not None and norm(linked.group(1)) in ORGANISATION_WORDS:
                    # "Institute for Strategic Studies": the rest of an organisation's name, no person
                    # (but "the Security Council of Ostravia Pavel Dragunov" names him)
                    continue
            if run.kind == "organisation":
                self._add_organisation(run.label, start, end)
                continue
            name_start = origin + run.name_start
            if run.kind == "place":
                self._add_organisation(run.label, name_start, end, person_like=True)
                continue
            descriptors = set(run.descriptors)
            places = set(run.places)
            gender = run.gender
            known = self._existing_person(run.last_key, run.first_key)
            # "Elin Torvik, 29,", "Anneke, 29,", "Aksel, a 47-year-old trawlerman,": an age says person
            age_given = known is None and _AGE_AFTER_NAME.match(text, origin + run.name_end) is not None
            aged = age_given or (known is None and _AGED_APPOSITION.match(text, origin + run.name_end) is not None)
            if known is None and len(run.name) == 1 and not run.titled and run.file_key not in FIRST_NAME_GENDER \
                    and not aged:
                # a lone capitalised word nobody was introduced under: a place or an organisation
                self._add_organisation(run.label, name_start, origin + run.name_end, person_like=True)
                continue
            if known is None:
                # a new name: its modifier run decides whether it is a person ("Kremlin spokesman X")
                modifiers = self._context_words(start)
                descriptors |= {descriptor_key(w) for w in modifiers
                                if norm(w) not in DETERMINERS and norm(w) not in _TITLE_LINKS}
                places |= {stem_place(w) for w in modifiers if is_place_word(w)}
                for w in modifiers:
                    gender = gender or GENDERED_WORDS.get(norm(w))
                if aged and len(run.name) == 1:
                    descriptors.add("person")
                if len(run.name) > 1 and not (run.titled or gender or run.has_initial or descriptors & ROLE_NOUNS):
                    # "The mayor, Jorund Halvik," / "Jorund Halvik, the mayor,": a role in apposition says person
                    apposed, _ = self._context_descriptors(start, end)
                    descriptors |= apposed & ROLE_NOUNS
                    if age_given:
                        descriptors.add("person")
            target = self._add_person(run, descriptors, gender, name_start, origin + run.name_end,
                                      places=places, existing=known)
            # appositions and later mentions' context are read only if a description needs them
            self._pending.append((target, start, end))

    def _context_words(self, start: int) -> list[str]:
        """The modifier run right before a name: ``Kremlin spokesman``, ``Norland's senior envoy``."""
        words = self._modifiers.get(start)
        if words is None:
            words = self._modifiers[start] = self._read_context_words(start)
        return list(words)

    def _read_context_words(self, start: int) -> list[str]:
        floor = max(0, start - 80, self.text.rfind("\n", 0, start) + 1)  # (not across a paragraph break)
        # The run usually ends a word or two back, so the words of a short stretch after a space
        # come first. WORD tokenizes from a space exactly as from anywhere before it, so those
        # words are the last words of the whole window; only if the run reaches back past the
        # stretch's first word is the whole window needed.
        space = self.text.rfind(" ", floor, start - 30)
        if space >= 0:
            picked = _modifier_run(WORD.findall(self.text[space + 1:start]))
            if picked is not None:
                return picked
        return _modifier_run(WORD.findall(self.text[floor:start]), complete=True)

    def _context_descriptors(self, start: int, end: int) -> tuple[set[str], set[str]]:
        """(descriptor keys, place keys) the article attaches to the name at ``start:end``."""
        words = self._context_words(start)
        # apposition after the name: ", the Kremlin spokesman," / ", who heads the council,"
        after = _APPOSITION_AFTER.match(self.text[end:end + 120])
        if after:
            words += [w for w in WORD.findall(after.group(1) or after.group(2)) if w[0].isalnum()]
        # apposition before the name: "his Russian counterpart, Security Council Secretary X"
        window = self.text[max(0, start - 100):start]
        comma = len(window.rstrip()) - 1
        # only a comma right before the name can end the match; the phrase before it holds at
        # most 80 characters, so the search starts there (same match, a fraction of the tries)
        before = _APPOSITION_BEFORE.search(window, max(0, comma - 80)) if window[comma:comma + 1] == "," else None
        if before:
            # the phrase between the last punctuation (or "and", "to", ...) and the comma before the name
            segment = _APPOSITION_BEFORE_LINK.split(before.group(1))[-1]
            phrase = [w for w in WORD.findall(segment) if w[0].isalnum()]
            if len(phrase) <= 9 and any(norm(w) in ROLE_NOUNS or ROLE_SYNONYMS.get(norm(w)) for w in phrase):
                words += phrase
        led = _LED_BY_BEFORE.search(window) if window.endswith("by ") else None
        if led:
            words += [w for w in WORD.findall(led.group(1)) if is_place_word(w)]
        keys = {descriptor_key(w) for w in words if norm(w) not in DETERMINERS and norm(w) not in {"and", "of"}}
        return {k for k in keys if k}, {stem_place(w) for w in words if is_place_word(w)}

    def _existing_person(self, last: str, first: str | None) -> Entity | None:
        """The person already introduced under this name (same last name, compatible first),
        given the keys of its last and (if it has more than one word) first word."""
        compatible = []
        for eid in reversed(self._by_last.get(last, [])):
            entity = self.entities[eid]
            if entity.type not in ("person", "unknown"):
                continue
            ent_first = norm(entity.name.split()[0]) if " " in entity.name else None
            if first is None or ent_first is None or ent_first[0] == first[0]:
                if first is not None:
                    return entity
                compatible.append(entity)
        # a bare surname two people share ("Tobias Wrenfield" and his daughter "Agnes Wrenfield"):
        # news copy calls the principal, the one introduced first, by surname alone
        return min(compatible, key=lambda e: e.first_start) if compatible else None

    def promote_to_person(self, entity: Entity) -> bool:
        """Make a lone capitalised word a person, unless the article uses it as a place or
        an organisation (``in Kovask``, ``Kovask's ministry``, a country word)."""
        word = entity.name
        if is_place_word(word) or norm(word) in ORGANISATION_WORDS or norm(word) in PLACE_WORDS:
            return False
        if _written_as_place(self.text, word):
            return False  # "in Kovask", or a country with its people's adjective ("Norland", "Norlandic")
        entity.type = "person"
        self._by_last.setdefault(norm(word), []).append(entity.id)
        return True

    def ensure_descriptors(self) -> None:
        """Read the context of every later name mention (deferred until a description needs it)."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        for eid, start, end in pending:
            entity = self.entities[eid]
            keys, places = self._context_descriptors(start, end)
            entity.descriptors |= keys
            if places and not entity.places:
                entity.places = set(places)
        self._attach_subject_descriptions()
        self._link_counterparts()

    def _link_counterparts(self) -> None:
        """``Calloway and her Ostravian counterpart Pavel A. Dragunov``: the two are each other's
        counterpart, so ``his Norlandic counterpart`` said after Dragunov is Calloway."""
        if "counterpart" not in self.text:
            return  # most articles: no need to scan them with the pattern (which starts with \b, so it is slow)
        starts = [m.start for m in self.mentions]
        for match in _COUNTERPART_BEFORE_NAME.finditer(self.text):
            k = bisect_right(starts, match.end() - 1)
            if k >= len(self.mentions) or self.mentions[k].start != match.end():
                continue
            named = self.mentions[k].entity
            sentence = self.sentence_of(match.start())
            owners = [m.entity for m in self.mentions[:k] if m.start < match.start()
                      and self.sentence_of(m.start) == sentence and self.entities[m.entity].type == "person"
                      and m.entity != named]
            if owners and self.entities[named].type == "person":
                self.counterparts[owners[-1]] = named
                self.counterparts[named] = owners[-1]

    def _attach_subject_descriptions(self) -> None:
        """``Her colleague Helena Voss has taken a different line. The foreign minister, who ...``:
        a sentence that opens with a definite role description, right after a sentence that names
        one person and no other, describes that person (elegant variation), so the role's words
        are attached to them."""
        starts = self._sentence_starts
        for k in range(1, len(starts)):
            m = _SUBJECT_DESCRIPTION.match(self.text, starts[k])
            if not m:
                continue
            words = m.group(1).replace(",", " , ").split()
            # the description ends at its first role noun, which its verb or a clause follows
            head = next((i for i, w in enumerate(words[:4]) if w.islower() and norm(w) in ROLE_NOUNS), None)
            if head is None or head + 1 >= len(words) or not (words[head + 1] == "," or (
                    words[head + 1].islower() and words[head + 1] not in _PREPOSITIONS)):
                continue  # "The head of the council", "The minister Helena Voss": not this pattern
            words = words[:head + 1]
            previous = {e for e in self.entities_named_in(starts[k - 1], starts[k]) if self.entities[e].type == "person"}
            if len(previous) != 1:
                continue
            entity = self.entities[previous.pop()]
            places = {stem_place(w) for w in words if is_place_word(w)}
            if places and entity.places and not places & entity.places:
                continue
            fits = resolve_description(self, ["the", *words], starts[k])
            if fits is not None and fits is not entity:
                continue  # the article already described someone else this way
            entity.descriptors |= {descriptor_key(w) for w in words}
            if places and not entity.places:
                entity.places = places

    def _add_person(self, run: _Run, descriptors: set[str], gender: str | None, start: int, end: int,
                    *, places: set[str], existing: Entity | None) -> int:
        """Record the mention of a person named by ``run``; ``existing`` is :meth:`_existing_person`'s."""
        target = existing.id if existing is not None else None
        if target is None:
            # a person when something says so: a title, a known first name, an initial, a role
            sure = run.titled or gender is not None or run.has_initial or bool(descriptors & ROLE_NOUNS)
            target = len(self.entities)
            self.entities.append(Entity(target, run.label, "person" if sure else "unknown", gender, set(),
                                        start, end))
            self._by_last.setdefault(run.file_key, []).append(target)
        entity = self.entities[target]
        if len(run.label) > len(entity.name):
            entity.name = run.label
        entity.gender = entity.gender or gender
        entity.descriptors |= descriptors
        if places and not entity.places:
            entity.places = set(places)  # the side a person is introduced with is the side they are on
        self.mentions.append(NameMention(start, end, target))
        return target

    def _add_organisation(self, name: str, start: int, end: int, *, person_like: bool = False) -> None:
        key = "org:" + norm(name)
        ids = self._by_last.get(key)
        if ids:
            eid = ids[0]
        else:
            eid = len(self.entities)
            self.entities.append(Entity(eid, name, "organisation" if not person_like else "unknown", None, set(),
                                        start, end))
            self._by_last[key] = [eid]
        self.mentions.append(NameMention(start, end, eid))

    # -- lookups ------------------------------------------------------------------------
    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity whose name mention overlaps ``[start, end)``, preferring the last one."""
        found = None
        for mention in self.mentions:
            if mention.start < end and start < mention.end:
                found = self.entities[mention.entity]
        return found

    def person_by_name(self, words: list[str], before: int) -> Entity | None:
        """The person a written name refers to: last word, compatible first name, most recent."""
        for cut, word in enumerate(words):
            if cut and norm(word) in {"of", "for", "at", "from", "in", "with"}:
                words = words[:cut]  # "Professor Emil Varga of Esterby University"
                break
        words = [w for w in words if w not in {"(", ")", ","}]
        title, name = _split_title(words)
        while len(name) > 1 and not name[0][0].isupper():
            name = name[1:]  # "arms-control analyst Nadia Okafor": the name is the capitalised tail
        cut = max((k for k, w in enumerate(name) if not w[0].isupper()), default=-1)
        name = name[cut + 1:]
        if not name:
            return None
        if not name:
            return None
        last = norm(name[-1])
        first = norm(name[0]) if len(name) > 1 else None
        best = None
        for eid in self._by_last.get(last, []):
            entity = self.entities[eid]
            if entity.type not in ("person", "unknown"):
                continue
            ent_first = norm(entity.name.split()[0]) if " " in entity.name else None
            if first and ent_first and ent_first[0] != first[0]:
                continue
            best = entity
        if best is not None and best.type == "unknown":
            best.type = "person"  # it speaks: a person after all
        return best

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self._sentence_starts, pos) - 1)

    def persons_before(self, pos: int, *, sentences_back: int = 6) -> list[tuple[int, list[NameMention]]]:
        """Person mentions before ``pos`` grouped by sentence, nearest sentence first."""
        current = self.sentence_of(pos)
        groups: dict[int, list[NameMention]] = {}
        # the mentions are in text order: those before the first sentence in reach are skipped at once
        first = current - sentences_back
        i = bisect_left(self.mentions, self._sentence_starts[first], key=_mention_start) if first > 0 else 0
        for mention in itertools.islice(self.mentions, i, None):
            if mention.start >= pos:
                break
            if self.entities[mention.entity].type != "person":
                continue
            sentence = self.sentence_of(mention.start)
            if current - sentence <= sentences_back:
                groups.setdefault(sentence, []).append(mention)
        return sorted(groups.items(), key=lambda item: -item[0])

    def entities_named_in(self, start: int, end: int) -> set[int]:
        """Ids of the entities with a mention starting in ``[start, end)``."""
        mentions = self.mentions
        i = bisect_left(mentions, start, key=_mention_start)
        found = set()
        while i < len(mentions) and mentions[i].start < end:
            found.add(mentions[i].entity)
            i += 1
        return found

    def mentions_in(self, start: int, end: int) -> list[NameMention]:
        """The mentions starting in ``[start, end)``, in text order."""
        mentions = self.mentions
        i = bisect_left(mentions, start, key=_mention_start)
        j = bisect_left(mentions, end, key=_mention_start)
        return mentions[i:j]

    def add_resolved_mention(self, start: int, end: int, entity: int) -> None:
        """Record a resolved pronoun/description so later pronouns see it."""
        index = bisect_right(self.mentions, start, key=_mention_start)
        self.mentions.insert(index, NameMention(start, end, entity))


_AGE_AFTER_NAME = re.compile(r",\s*\d{1,3}\s*,")
_AGED_APPOSITION = re.compile(r",\s*an?\s+\d{1,3}-year-old\b")  # "Aksel, a 47-year-old trawlerman,"
_PLACE_PREPOSITIONS = ("in", "to", "from", "at", "into", "near", "outside", "across", "around", "toward", "towards")
_DEMONYM_ENDINGS = ("ic", "ian", "an", "ese", "ish", "i")


def _written_as_place(text: str, word: str) -> bool:
    r"""Does ``text`` have ``word`` after a preposition of place (``in Kovask``) or with a
    demonym ending (``Norlandic``)? What ``\b(?:in|to|...)\s+WORD\b`` and
    ``\bWORD(?:ic|ian|...)\b`` find, without compiling two patterns per word."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if _at_word_boundary(text, end):
            blank = start
            while blank > 0 and text[blank - 1].isspace():
                blank -= 1
            if blank < start and any(text.endswith(p, 0, blank) and _at_word_boundary(text, blank - len(p))
                                     for p in _PLACE_PREPOSITIONS):
                return True
        if _at_word_boundary(text, start) and any(
                text.startswith(e, end) and _at_word_boundary(text, end + len(e)) for e in _DEMONYM_ENDINGS):
            return True
        start = text.find(word, start + 1)
    return False


def _at_word_boundary(text: str, i: int) -> bool:
    r"""``\b`` at ``text[i]``: a word character on one side only."""
    return (i > 0 and _is_word_char(text[i - 1])) != (i < len(text) and _is_word_char(text[i]))


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _mention_start(mention: NameMention) -> int:
    return mention.start


def description_words(words: list[str]) -> tuple[set[str], str, bool]:
    """(informative keys, head key, definite?) of a description like ``the senior U.S. official``."""
    definite = bool(words) and norm(words[0]) in {"the", "his", "her", "its", "their", "this", "that"}
    keys: set[str] = set()
    for w in words:
        if not w[0].isalnum() or norm(w) in DETERMINERS or norm(w) in {"of", "for", "at", "with", "from", "to"}:
            continue
        if w[0].isupper() or norm(w) in ROLE_NOUNS:
            keys.add(descriptor_key(w))
    head = descriptor_key(description_head(words)) if words else ""
    return keys, head, definite


def description_head(words: list[str]) -> str:
    """The head noun of a description: the last role noun before ``of``/``for``/``at``/``with`` ...
    (``the head of Ostravia's Security Council`` -> ``head``; ``an official familiar with the
    talks`` -> ``official``), else the last word before it, else the last word."""
    for k, w in enumerate(words):
        if k and (norm(w) in {"of", "for", "at", "with", "from", "to", "in", "on", "who", "that"} or (
                w.islower() and w.endswith(("ed", "ing")) and norm(words[k - 1]) in ROLE_NOUNS)):
            # (a participle after a role noun: "three officials briefed on the talks" -> "officials")
            before = words[:k]
            return next((b for b in reversed(before) if norm(b) in ROLE_NOUNS), before[-1])
    return words[-1]


def is_person_description(words: list[str]) -> bool:
    """``the Citadel spokesman``, ``the head of the council``: a person, though an organisation is named."""
    head = norm(description_head(words)) if words else ""
    return head in ROLE_NOUNS and head not in ORGANISATION_HEADS


def resolve_description(index: EntityIndex, words: list[str], pos: int, *, after: int | None = None,
                        headline_end: int = 0, minimum: float = 0.0) -> Entity | None:
    """The earlier-named person a definite description fits best, or None.

    Each person named before ``pos`` is scored by the description's words the article
    attached to them: a capitalised word (nationality, organisation) +1 when attached,
    -0.5 when not; a role word +1 (or +0.75 through its role class, ``diplomat`` ~
    ``ambassador``); a place word that contradicts the person's own side rules them out.
    The best score wins (it must reach ``minimum``), the most recent mention on ties.
    """
    keys, head, definite = description_words(words)
    if not definite:
        return None
    index.ensure_descriptors()
    capital_keys = {descriptor_key(w) for w in words if w[0].isupper() and norm(w) not in DETERMINERS}
    places = {stem_place(w) for w in words if is_place_word(w)}
    role_keys = keys - capital_keys

    def fit(entity: Entity) -> float | None:
        """The description's score for a person, None when it does not fit them at all."""
        if places and entity.places and not places & entity.places:
            return None  # "the Norlandic official" is not the Ostravian one
        known = entity.descriptors | {norm(w) for w in entity.name.split()} | entity.places
        matched = capital_keys & known
        score = len(matched) - 0.5 * len(capital_keys - matched)
        role_fit = False
        for role in role_keys:
            if role in known:
                score += 1.0
                role_fit = True
            elif role in ROLE_CLASSES and known & ROLE_CLASSES[role]:
                score += 0.75
                role_fit = True
            elif role in GENERIC_ROLES or role == "counterpart":
                score += 0.1 if entity.descriptors else 0.0
                role_fit = role_fit or head == role
            elif "counterpart" in entity.descriptors:
                pass  # someone's counterpart holds that someone's office, which may be any role
            else:
                score -= 0.6
        return score if matched or role_fit else None

    scores: dict[int, float | None] = {}  # by entity: every mention of a person scores the same
    best, best_score, best_pos = None, minimum, -1
    for mention in index.mentions:
        if mention.start >= pos:
            break
        if after is not None and (mention.start < after or headline_end <= index.entities[mention.entity].first_start
                                  < after or OBJECT_OF_PREPOSITION.search(index.text, max(0, mention.start - 9),
                                                                           mention.start)):
            continue  # looking ahead: only people first named after the description (or only in the headline),
            # and not as a preposition's object ("The mayor, a longtime rival of Ivo Marek, said")
        entity = index.entities[mention.entity]
        if entity.type != "person":
            continue
        if mention.entity not in scores:
            scores[mention.entity] = fit(entity)
        score = scores[mention.entity]
        if score is None:
            continue
        nearer = mention.start < best_pos if after is not None else mention.start > best_pos
        if score > best_score or (score == best_score and (best is None or nearer)):
            best, best_score, best_pos = entity, score, mention.start  # ties: the nearest mention
    return best


@lru_cache(maxsize=65536)
def is_place_word(word: str) -> bool:
    """A nationality or country word (``Ostravian``, ``Norland's``, ``U.S.``), by its form."""
    if not word[:1].isupper():
        return False
    w = norm(word)
    return stem_place(word) != w or word.endswith(("'s", "’s")) or w in {"u.s", "u.k", "u.n", "e.u"}


@lru_cache(maxsize=65536)
def is_modifier(word: str) -> bool:
    """Words that may stand in the modifier run before a name (``Kremlin spokesman``, ``veteran analyst``).

    >>> is_modifier("veteran"), is_modifier("said")
    (True, False)
    """
    w = norm(word)
    if not word[0].isalnum():
        return False
    return word[0].isupper() or w in ROLE_NOUNS or w in _TITLE_ADJECTIVES or w.endswith("-control")


_TITLE_ADJECTIVES = frozenset("""senior former deputy chief top foreign national security defence defense state press
    junior acting vice prime interim special assistant executive general associate principal presidential
    veteran longtime leading prominent outgoing incoming lead chief-of-staff foreign-policy
""".split())


def is_group_phrase(words: list[str]) -> bool:
    """``both sides``, ``the two envoys``, ``both men``: two people speaking together."""
    lowered = [norm(w) for w in words]
    place = next((k for k in range(2, len(words)) if lowered[k] in {"at", "in"} and all(
        w[0].isupper() for w in words[k + 1:])), None) if len(words) > 3 else None
    if place is not None and place + 1 < len(words):
        lowered = lowered[:place]  # "Both sides at Port Halden": the place says where, the pair is the same
    if lowered in (["the", "sides"], ["the", "parties"]):
        return True  # "The parties stated that S" in a report of two-sided talks
    if not lowered or not (lowered[0] == "both" or lowered[:2] == ["the", "two"]):
        return False  # "two officials who saw the draft" is an unnamed source, not the pair in the news
    return lowered[-1] in GROUP_WORDS or (lowered[-1].endswith(("s", "men")) and lowered[-1] in ROLE_NOUNS)


def is_organisation_phrase(words: list[str]) -> bool:
    head = norm(words[-1]) if words else ""
    if head in ORGANISATION_HEADS:
        return True
    return any(norm(w) in ORGANISATION_WORDS for w in words if w[0].isupper())
