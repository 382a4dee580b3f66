"""Speaker resolution: the words before or after a cue become a named speaker.

:class:`Resolver` turns a speaker mention (``she``, ``the senior Norlandic official``,
``both sides``, ``Ostra-Press's account``) into the entity it stands for, through what the
article itself says: the people and organisations :class:`.mentions.EntityIndex` found in
it, the nationality, title and role words attached to them, the unnamed sources the
article introduced, and the speakers resolved before (calls come in reading order).
:mod:`.engine` finds the cues, contents and speaker mentions; this module only names them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from toolkit.quotes.engine import (
    GROUP_NOUNS, _ACCOUNT_NOUNS, _DOCUMENT_NOUN, _DOCUMENT_WORDS, _PREPOSITIONS_IN_NP, _PRONOUN_FORMS,
    _QUESTION_LEMMAS, _SOURCE_LINKS, _VERBISH, _WITH_KNOWLEDGE_OF, Document, Rules, _is_people_plural,
    _strip_article,
)
from toolkit.quotes.lexicon import (
    DETERMINERS, FIRST_NAME_GENDER, GENDERED_WORDS, ORGANISATION_HEADS, ORGANISATION_WORDS, PLACE_WORDS, PRONOUNS,
    ROLE_NOUNS, ROLE_SYNONYMS, TITLE_WORDS, stem_place,
)
from toolkit.quotes.mentions import (
    OBJECT_OF_PREPOSITION, WORD, Entity, EntityIndex, Resolution, description_head, is_group_phrase,
    is_organisation_phrase, is_person_description, is_place_word, norm, resolve_description,
)

_DESCRIBES_A_NAME_BEFORE = re.compile(r"(?:,|\b(?:is|was|are|were|as|became|becomes|remains|being)"
                                      r"(?:\s+(?:once|also|still|now|\w+ly))?)\s*$")

# "Sergei Tallin, Ostravia's deputy foreign minister and a veteran negotiator": a second apposition
_SECOND_APPOSITION_BEFORE = re.compile(r",\s*(?:the|his|her|[A-Z][\w\-]*['’]s)\s[^,.;:]{0,50}\band\s*$")

_ASKED_OPENING = re.compile(r"(?:(?:[Ww]hen|[Aa]fter\s+being|[Oo]nce)\s+)?[Aa]sked\b")
_OPENING_PRONOUN = re.compile(r"\s*(He|She)\b")

_SOURCE_LINK_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(_SOURCE_LINKS)).replace(" ", r"\s+") + "|"
                                + _WITH_KNOWLEDGE_OF + r")\b")

# After a name: the person said nothing ("X has not commented", "X declined to comment")
_SILENT_AFTER_NAME = re.compile(r"(?:\s+(?:himself|herself|itself))?\s+(?:(?:has|had|did|does|have|could|would)\s+not|"
                                r"(?:has|had)\s+yet\s+to|never|declined|refused)\s+(?:\w+\s+){0,2}?"
                                r"(?:comment|commented|spoken|spoke|speak|said|say|respond|responded|been\s+reached|"
                                r"be\s+reached|to\s+comment)\b", re.IGNORECASE)

# The two sides an article names: "talks between Norland and Ostravia"
_SIDES = re.compile(r"\bbetween\s+(?:the\s+)?([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)?)\s+and\s+(?:the\s+)?"
                    r"([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)?)")

# Where an article says who issued a document: "a statement issued by the Norlandic mission",
# "the Citadel said in a statement"
_DOCUMENT_ISSUER = re.compile(
    r"(?i:" + _DOCUMENT_WORDS + r"\s+(?:(?:issued|released|published|put\s+out|sent|circulated)\s+)?(?:by|from))\s+"
    r"(?P<by>(?:the\s+)?[A-Z])"
    r"|(?P<subject>(?:[Tt]he\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,4}(?:\s+(?:mission|ministry|embassy|office|"
    r"government|campaign|delegation|council|committee|agency|department|party))?"
    # "the prime minister's office said in a statement"
    r"|[Tt]he\s+(?:[\w’'\-]+\s+){0,3}?(?:mission|ministry|embassy|office|government|campaign|delegation|council|"
    r"committee|agency|department|party|service)),?\s+(?:(?:said|says|announced|added)\s+"
    r"(?:\w+\s+)?in\s+an?|(?:(?:has|have|had)\s+)?(?:issued|released|published|put\s+out|circulated|sent)(?:\s+out)?\s+"
    r"(?:an?|its|their|his|her)"
    r")\s+(?:[\w\-]+,?\s+){0,3}?(?i:" + _DOCUMENT_WORDS + r")")

_AGE_DESCRIPTION = re.compile(r"(?:the|The)\s+(\d{1,3})-year-old(?:\s+[a-z]+)?")

# Nouns for an outlet ("the paper added") and words that end an outlet's name ("Kovask Herald")
_MEDIA_NOUNS = frozenset("paper newspaper daily weekly tabloid agency broadcaster network channel station outlet "
                         "magazine website".split())

_MEDIA_NAME = re.compile(r"\b(?:Herald|Times|Post|Press|Tribune|Journal|Gazette|Ledger|Courier|Chronicle|Telegraph|"
                         r"Daily|News|Wire|Broadcasting|Radio|TV|Television|Today|Express|Mirror|Observer|Guardian|"
                         r"Standard|Star|Sun|Review|Weekly|Agency|Lantern)\b")

# Endings of adjectives of nationality ("the Ostravian statement"): such a word names no issuer itself
_NATIONALITY_ENDINGS = ("ian", "ic", "ese", "ish", "ean", "an", "i")

_DEFINITE_OR_INDEFINITE = frozenset({"the", "a", "an", "his", "her", "its", "their"})

# Cues whose speaker only passed the words on ("citing a diplomat", "quoted by X"); "according to" has no lemma
_MEDIUM_LEMMAS = frozenset({"cite", "quote"})

# Words that make what follows them no apposed name: "advisers to Mr. Obama", "the gap between what Trump"
_NOT_BEFORE_A_NAME = frozenset("""to of for at from in with by about before after between what that which who whom
    during than like as and or but on over under against without within among through""".split())

_ASKING = re.compile(r"\b(?:ask|asks|asked|asking|questioned|pressed|wanted\s+to\s+know)\b")

# "54 percent of Norlandic voters": the group a poll's share is taken from
_SHARE_OF = re.compile(r"(?:percent|%)\s+of\s+(.+)$", re.IGNORECASE)
# The heads of the descriptions news gives its unnamed sources ("a senior official", "a person familiar with ...")
_UNNAMED_SOURCE_HEADS = frozenset("""official diplomat source spokesman spokeswoman spokesperson aide adviser advisor
    representative member participant reporter person witness resident lawmaker officer analyst negotiator delegate
    insider staffer envoy""".split())
# Nouns for a country's outlets together: "the Ostravian press", "state media"
_MEDIA_COLLECTIVES = frozenset({"press", "media", "newspapers", "papers", "tabloids", "broadcasters"})
_SOURCE_DESCRIPTION = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w\-’'.]+\s+){0,4}?(?:" + "|".join(sorted(
    _UNNAMED_SOURCE_HEADS)) + r")\b")

# The group or body a described person belongs to: "(a member) of the Ostravian delegation", "(an aide) to Marek"
_ATTACHED_GROUP = re.compile(r"\s+(?:of|for|to|from|at|in)\s+(?:the\s+)?(?:[A-Z][\w’'.\-]*\s+){0,4}"
                             r"(?:[A-Z][\w’'.\-]*|delegation|team|mission|ministry|embassy|office|government|"
                             r"council|staff|party|campaign|committee)(?=[\s,])")

_BYLINE = re.compile(r"^(?:By\s+|[A-Z][A-Z ]{2,20}\|\s*)(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3})\s*(?:,|\||$)",
                     re.MULTILINE)  # ("By Jonah Whitlock | Northern Broadcast Online | 15 March")

def _byline(text: str) -> str | None:
    """The author named in a byline among the first lines (``By Hollis Vane``, ``OPINION | Hollis Vane, Daily Lantern``)."""
    m = _BYLINE.search(text, 0, min(len(text), 400))
    return m.group("name") if m else None

# Unnamed people who ask: the "he said" after them is an answer, someone else's
_ASKING_ROLES = frozenset({"reporter", "journalist", "correspondent", "questioner", "interviewer", "host", "moderator",
                           "anchor", "presenter"})


class Resolver:
    """Turn speaker words into a resolved speaker, in reading order."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.index = EntityIndex(doc.text, doc.sentence_starts)
        self.unnamed: list[tuple[int, str, str]] = []  # (position, description, head) of unnamed sources
        self.quote_spans: list[tuple[int, int]] = []
        self.named_in_quote: set[int] = set()  # people named inside the quote being attributed
        self._quote_starts: list[int] = []
        self._organisations: list[tuple[int, str]] = []  # (position, name) of organisations resolved so far
        self._author = _byline(doc.text)  # the byline's writer, if any
        self._infer_genders()

    def _organisation_opening_sentence_before(self, pos: int) -> Entity | None:
        """The organisation that opens the sentence before the one ``pos`` opens, if any."""
        unit = self.doc.unit_at(pos)
        k = bisect_right(self.doc.sentence_starts, unit.start) - 1
        if k < 1 or self.doc.body_start(unit) < pos - 1:
            return None  # only "It" that opens its sentence looks back
        before = self.doc.units[k - 1]
        opening = self.doc.body_start(before)
        for eid in self.index.entities_named_in(opening, opening + 5):
            entity = self.index.entities[eid]
            if entity.type == "organisation":
                return entity
        return None

    def _infer_genders(self) -> None:
        """``Wrenfield joined the foreign service at 24. He liked to say ...``: a person of unknown
        gender who opens a sentence takes the gender of a pronoun that opens the next one."""
        starts = self.doc.sentence_starts
        entities = self.index.entities
        for mention in self.index.mentions:
            entity = entities[mention.entity]
            if entity.type != "person" or entity.gender is not None:
                continue
            k = bisect_right(starts, mention.start) - 1
            if k < 0 or k + 1 >= len(starts) or any(
                    entities[e].type == "person" for e in self.index.entities_named_in(starts[k], mention.start)):
                continue  # someone else is named first in the sentence
            if any(entities[e].type == "person" and e != mention.entity
                   for e in self.index.entities_named_in(mention.end, starts[k + 1])):
                continue  # another person in the same sentence could be the one the pronoun means
            opening = _OPENING_PRONOUN.match(self.doc.text, starts[k + 1])
            if opening:
                entity.gender = "male" if opening.group(1) == "He" else "female"

    def set_quotes(self, spans: list[tuple[int, int]]) -> None:
        """The article's quote spans, so pronouns can discount people named inside quotes."""
        self.quote_spans = sorted(spans)
        self._quote_starts = [s for s, _ in self.quote_spans]
        # the last speaker resolved, with its mention's span and its cue's lemma
        self.last_resolved: tuple[Resolution, int, int, str | None] | None = None

    def resolve(self, words: tuple[str, ...], start: int, end: int, *, cue_lemma: str | None,
                previous: Resolution | None) -> Resolution:
        """The speaker ``words`` (a mention at ``start:end``) stand for; calls come in reading order."""
        resolution = self._resolve_words(words, start, end, cue_lemma=cue_lemma, previous=previous)
        self.last_resolved = (resolution, start, end, cue_lemma)
        if resolution.speaker_type != "organisation" or not resolution.speaker:
            return resolution
        fuller = self._fuller_organisation(resolution.speaker, start)
        if fuller is not None:
            resolution = replace(resolution, speaker=fuller, how=resolution.how + ":fuller")
        if len(resolution.speaker.split()) > 1:
            self._organisations.append((start, resolution.speaker))
        return resolution

    def _fuller_organisation(self, name: str, pos: int) -> str | None:
        """``HISS`` -> ``Halden Institute for Strategic Studies`` (spelled out with it in brackets);
        ``Institute``, ``press service`` -> the fuller name of the one the article spoke of before."""
        if _ABBREVIATION.fullmatch(name):
            for match in re.compile(r"\(" + re.escape(name) + r"\)").finditer(self.doc.text, 0, pos):
                spelled = _SPELLED_OUT_BEFORE.search(self.doc.text, max(0, match.start() - 120), match.start())
                if spelled and "".join(w[0] for w in spelled.group(1).split() if w[0].isupper() and w != "The") == name:
                    return _strip_article(spelled.group(1).strip())
            return None
        words = name.split()
        if len(words) > 3 or not all(w.islower() or norm(w) in ORGANISATION_WORDS for w in words):
            return None  # a proper name ("Granite House") stands as written
        wanted = [w.lower() for w in words]
        for _, earlier in reversed(self._organisations):
            tokens = earlier.lower().split()
            if len(tokens) > len(wanted) and any(tokens[k:k + len(wanted)] == wanted for k in range(len(tokens))):
                return earlier
        return None

    def _resolve_words(self, words: tuple[str, ...], start: int, end: int, *, cue_lemma: str | None,
                       previous: Resolution | None) -> Resolution:
        if not words:
            return Resolution(None, None, "unresolved")
        lowered = [norm(w) for w in words]
        head = lowered[-1]
        text = " ".join(words)
        if len(words) == 1 and head in _PRONOUN_FORMS:
            head = _PRONOUN_FORMS[head]  # "according to him"
        if len(words) == 1 and head in PRONOUNS:
            return self._pronoun(head, start, cue_lemma, previous)
        if "percent" in lowered or "%" in lowered:
            return self._share(text, words, lowered, start)  # "54 percent of voters", "Thirty-one percent": a poll's share
        if len(words) >= 2 and head in _MEDIA_COLLECTIVES and not words[-1][0].isupper() and lowered[0] not in {
                "a", "an"} and not any(w.endswith(("'s", "’s")) for w in words):
            # "the Ostravian press", "state media": the outlets together, no person of that nationality
            return Resolution(_strip_article(text), "organisation", "organisation:media")
        if len(words) >= 2 and words[-1][0].isupper() and (words[0].islower() or lowered[0] in _DEFINITE_OR_INDEFINITE):
            # "former Rep. George Miller", "the cartoonist Garry Trudeau", "his campaign manager Jeff Weaver":
            # lower-case words before a name are its description, the name says who (not "an adviser to
            # Trump", "a month before Justice Scalia", "the National Labor Relations Board")
            phrase = list(words)
            if "of" in lowered[1:] and all(w[0].isupper() for w in phrase[lowered.index("of", 1) + 1:]):
                phrase = phrase[:lowered.index("of", 1)]  # "former Gov. Bill Richardson of New Mexico"
            tail = len(phrase)
            while tail > 0 and phrase[tail - 1][0].isupper():
                tail -= 1
            prefix, name = lowered[:tail], phrase[tail:]
            person_signal = (any(w in ROLE_NOUNS for w in prefix) or any(norm(w) in TITLE_WORDS for w in name)
                             or (len(name) >= 2 and norm(name[0]) in FIRST_NAME_GENDER))  # not "the Chicago Sun-Times"
            named = None
            if 0 < tail < len(phrase) and person_signal and not any(w in _NOT_BEFORE_A_NAME for w in prefix) \
                    and prefix[-1] not in ORGANISATION_HEADS and not any(  # not "the activist group Mosul Eye"
                        norm(w) in ORGANISATION_WORDS or norm(w) in ORGANISATION_HEADS or norm(w) in PLACE_WORDS
                        for w in name[-2:]):
                named = self.index.person_by_name(name, start)
            elif 0 < tail < len(phrase) - 1 and prefix[-1] == "of" and person_signal and (
                    is_place_word(name[0]) or norm(name[0]) in PLACE_WORDS) and name[1][0].isupper():
                # "the Secretary of the Security Council of Ostravia Pavel A. Dragunov": the country ends the
                # title, the name comes after it (not "the wife of Bill Clinton", where "of" names her husband)
                named = self.index.person_by_name(name[1:], start)
            if named is not None and named.type == "person":
                return Resolution(named.name, "person", "name:fullest", named.id)
        if head == "it" and len(words) == 1:
            current = self.index.sentence_of(start)
            if current > 0 and _DOCUMENT_ISSUER.search(self.doc.text, self.doc.sentence_starts[current - 1], start):
                issuer = self._document_issuer(start)
                if issuer is not None:
                    # "Helena Voss has issued a statement in Esterby. It says S": the statement's issuer
                    return replace(issuer, how="pronoun:document")
            subject = self._organisation_opening_sentence_before(start)
            if subject is not None:
                # "The council, in a statement, made no mention of it. It said S": the last sentence's subject
                return Resolution(subject.name, "organisation", "pronoun:subject", subject.id)
            if previous is not None and previous.speaker_type == "organisation":
                return replace(previous, how="pronoun")
            return Resolution(None, "organisation", "unresolved")
        if len(words) >= 3 and lowered[0] in {"he", "she"} and lowered[1] == "and" and words[-1][0].isupper():
            # "he and Mr. Allen said": the pronoun's person and the named one
            one = self._pronoun(lowered[0], start, cue_lemma, previous)
            other = self.index.person_by_name(list(words[2:]), start)
            if one.entity is not None and other is not None and one.entity != other.id:
                members = sorted((self.index.entities[one.entity], other), key=lambda e: e.first_start)
                return Resolution(" and ".join(m.name for m in members), "group", "group:pronoun_and_name", None,
                                  tuple(m.id for m in members))
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
        if lowered in (["one", "of", "them"], ["one", "of", "those"]) or (
                lowered in (["that", "person"], ["this", "person"], ["the", "person"])
                and previous is not None and previous.how == "description:one_of"):
            # "Two people familiar with the talks said S. One of them said T. '...,' that person said"
            if previous is not None and previous.how == "description:one_of":
                return previous
            last = self.last_resolved
            if last is not None and last[0].speaker_type == "unnamed" and last[0].speaker and \
                    _is_people_plural(norm(description_head(last[0].speaker.split()))):
                group = last[0].speaker
                return Resolution(f"one of {group[0].lower()}{group[1:]}", "unnamed", "description:one_of")
        if "and" in lowered[1:-1] and not words[-1][0].isupper():
            # "Norland's national security adviser and Ostravia's top security official": each, then both
            k = lowered.index("and")
            first, second = words[:k], words[k + 1:]
            if is_person_description(list(first)) and is_person_description(list(second)):
                second_start = self.doc.text.find(second[0], start, end)
                one = self._resolve_words(first, start, second_start, cue_lemma=None, previous=None)
                other = self._resolve_words(second, second_start, end, cue_lemma=None, previous=None)
                if one.entity is not None and other.entity is not None and one.entity != other.entity:
                    members = sorted((self.index.entities[one.entity], self.index.entities[other.entity]),
                                     key=lambda e: e.first_start)
                    return Resolution(" and ".join(m.name for m in members), "group", "group:descriptions", None,
                                      tuple(m.id for m in members))
        if is_group_phrase(list(words)):
            return self._group(start, words)
        if len(words) == 2 and lowered[0] in {"the", "that", "this"} and _DOCUMENT_NOUN.fullmatch(words[1]):
            # "The statement said": the body that issued the statement the article mentioned before
            issuer = self._document_issuer(start)
            if issuer is not None:
                return replace(issuer, how="description:document")
        named_document = self._named_document_issuer(words, start, end)
        if named_document is not None:
            return named_document
        if (lowered[0] == "the" and len(words) >= 3 and words[1][0].isupper()
                and norm(description_head(list(words))) in ORGANISATION_HEADS - {"delegation", "side", "sides"}):
            return Resolution(_strip_article(text), "organisation", "organisation")  # "The Norlandic mission in X"
        if len(words) >= 2 and words[0][0].isupper() and words[0].endswith(("'s", "’s")) and (
                head in ORGANISATION_HEADS or head in _MEDIA_NOUNS) and not is_group_phrase(list(words)):
            return Resolution(_strip_article(text), "organisation", "organisation")  # "Calloway's office", "Voss's campaign"
        media = self._media_antecedent(words, start)
        if media is not None:
            return media
        if len(words) >= 2 and lowered[0] in {"his", "her"} and head == "counterpart":
            # "his Norlandic counterpart": the person the article made the counterpart of "him"
            owner = self._pronoun("he" if lowered[0] == "his" else "she", start, None, previous)
            self.index.ensure_descriptors()
            other = self.index.counterparts.get(owner.entity) if owner.entity is not None else None
            if other is not None:
                return Resolution(self.index.entities[other].name, "person", "description:counterpart", other)
        possessive_description = (words[0][0].isupper() and words[0].endswith(("'s", "’s")) and len(words) > 1
                                  and is_person_description(list(words)))
        if possessive_description:
            # "Ostravia's chief security official", "Norland's ambassador": a description, made definite
            entity = resolve_description(self.index, ["the", *words], start)
            if entity is not None:
                self.index.add_resolved_mention(start, end, entity.id)
                return Resolution(entity.name, "person", "description", entity.id)
            if self.index.person_by_name([words[0][:-2]], start) is not None:
                return self._named_ahead(words, end) or self._unnamed(text, words, start)  # "Cameron's spokesman"
            return self._nearest_or_ahead(words, start, end) or self._unnamed(text, words, start)
        if ((lowered[0].endswith("s") or lowered[0] == "people") and lowered[0] in ROLE_NOUNS | GROUP_NOUNS
                and norm(description_head(list(words))) == lowered[0]):
            # "Officials said", "People familiar with the talks said": capitalised only as a sentence's first word
            return self._unnamed(text, words, start, introduce=True)
        if words[0][0].isupper() and norm(words[0]) not in _DEFINITE_OR_INDEFINITE and not (
                lowered[:2] == ["one", "of"] and not words[-1][0].isupper()):  # (not "One of the Norlandic officials")
            entity = self.index.person_by_name(list(words), start)
            if entity is not None:
                how = "name" if entity.name == " ".join(w for w in words if w[0].isupper()) else "name:fullest"
                return Resolution(entity.name, "person", how, entity.id)
            overlapping = self.index.entity_at(start, end)
            if overlapping is not None and overlapping.type == "person":
                return Resolution(overlapping.name, "person", "name", overlapping.id)
            if (overlapping is not None and overlapping.type == "unknown" and len(words) == 1
                    and self.index.promote_to_person(overlapping)):
                # "Dragunov said": a lone surname that speaks, never written as a place ("in Kovask")
                return Resolution(overlapping.name, "person", "name", overlapping.id)
            if is_organisation_phrase(list(words)) or len(words) == 1 or (overlapping and overlapping.type != "person"):
                return Resolution(_strip_article(text), "organisation", "organisation")
            if all(w[0].isupper() for w in words) and len(words) >= 2:
                if norm(words[-1]) in ROLE_NOUNS and is_person_description(list(words)):
                    # a headline's "Defence Secretary tells ...": the office, then its holder
                    entity = resolve_description(self.index, ["the", *words], start)
                    if entity is not None:
                        return Resolution(entity.name, "person", "description", entity.id)
                    ahead = self._named_ahead(words, end)
                    if ahead is not None:
                        return ahead
                return Resolution(_strip_article(text), "person", "name")
        # descriptions
        if (len(words) == 2 and lowered[0] == "the" and is_place_word(words[1]) and lowered[1] not in ORGANISATION_WORDS
                and lowered[1].endswith(_NATIONALITY_ENDINGS)):
            # "the Ostravian said later": the person of that side named last, in the last three sentences
            side = stem_place(words[1])
            self.index.ensure_descriptors()
            nearby = self.index.persons_before(start, sentences_back=3)
            for _sentence, mentions in nearby:
                fitting = [m.entity for m in mentions if side in self.index.entities[m.entity].places]
                if fitting:
                    entity = self.index.entities[fitting[-1]]
                    return Resolution(entity.name, "person", "description:side", entity.id)
            # nobody named with that side: the one person of the nearest sentence naming anyone,
            # when nothing says they are of another side ("Across from her, Pavel A. Dragunov was not
            # reading. '...,' the Ostravian said")
            if nearby and len({m.entity for m in nearby[0][1]}) == 1 and nearby[0][0] >= self.index.sentence_of(start) - 1:
                entity = self.index.entities[nearby[0][1][0].entity]
                if not entity.places:
                    return Resolution(entity.name, "person", "description:side_nearest", entity.id)
        age = _AGE_DESCRIPTION.fullmatch(" ".join(words))
        if age is not None:
            # "the 61-year-old": the person the article gave that age ("Dragunov, 61, a former officer")
            given = re.compile(r"([A-Z][\w’'\-]+),\s+" + age.group(1) + r"\s*,")
            for named in reversed(list(given.finditer(self.doc.text, 0, start))):
                entity = self.index.person_by_name([named.group(1)], named.end())
                if entity is not None:
                    return Resolution(entity.name, "person", "description:age", entity.id)
        if lowered[0] in {"a", "an", "one", "some", "several", "many", "two", "three", "four", "other"} or (
                head.endswith("s") and head in ROLE_NOUNS and lowered[0] not in {"the", "his", "her", "its", "their"}):
            return self._unnamed(text, words, start, introduce=True)
        if is_organisation_phrase(list(words)) and not is_person_description(list(words)):
            return Resolution(_strip_article(text), "organisation", "organisation")
        earlier_unnamed = self._unnamed_antecedent(words, start)
        plural = norm(description_head(list(words)))
        entity = None if plural.endswith("s") and plural[:-1] in ROLE_NOUNS else (  # "the officials": no one person
            resolve_description(self.index, list(words), start))
        last_speaker_unnamed = (earlier_unnamed is not None and previous is not None
                                and previous.speaker_type == "unnamed" and previous.speaker == earlier_unnamed[1])
        if entity is not None and not last_speaker_unnamed and (
                earlier_unnamed is None or (self._last_mention(entity.id, start) > earlier_unnamed[0]
                                            and not self._unnamed_fits_exactly(words, earlier_unnamed))):
            self.index.add_resolved_mention(start, end, entity.id)
            return Resolution(entity.name, "person", "description", entity.id)
        if earlier_unnamed is not None:
            # "a spokesperson for the Granite House said ... the spokesperson said"
            return Resolution(earlier_unnamed[1], "unnamed", "description:unnamed")
        one_person = not (plural.endswith("s") and plural[:-1] in ROLE_NOUNS)  # not "the Valmoran hosts"
        if (lowered[0] in {"the", "his", "her", "its", "their"} or words[0].endswith(("'s", "’s"))) \
                and is_person_description(list(words)) and one_person:
            found = self._nearest_or_ahead(words, start, end)
            if found is not None:
                return found
        return self._unnamed(text, words, start)

    def _nearest_or_ahead(self, words, start: int, end: int) -> Resolution | None:
        """A definite role nobody was introduced with: the person the text is about right now,
        if only one person was named in the last two sentences and nothing contradicts it ..."""
        nearest = None
        author = self._author
        nearby = {m.entity for _sentence, mentions in self.index.persons_before(start, sentences_back=2)
                  for m in mentions if self.index.entities[m.entity].name != author}  # (not the byline's writer)
        if len(nearby) == 1:
            self.index.ensure_descriptors()
            entity = self.index.entities[nearby.pop()]
            places = {stem_place(w) for w in words if is_place_word(w)}
            if not (places and entity.places and not places & entity.places):
                nearest = Resolution(entity.name, "person", "description:nearest", entity.id)
        # ... unless someone named just after carries the role itself (not only one of its class),
        # or is named in the same sentence ("The host of the meeting, Foreign Minister Lena Aurich,")
        ahead = self._named_ahead(words, end)
        if ahead is not None and nearest is not None and ahead.entity != nearest.entity and not (
                self._named_ahead(words, end, strict=True) or self.index.sentence_of(
                    self.index.entities[ahead.entity].first_start) == self.index.sentence_of(start)):  # type: ignore[index]
            ahead = None
        return ahead or nearest

    def _media_antecedent(self, words: tuple[str, ...], start: int) -> Resolution | None:
        """``The paper added``, ``the newspaper wrote``: the outlet the article named last before ``start``."""
        if len(words) != 2 or norm(words[0]) not in {"the", "that", "this"} or norm(words[1]) not in _MEDIA_NOUNS:
            return None
        best = None
        for mention in self.index.mentions:
            if mention.start >= start:
                break
            entity = self.index.entities[mention.entity]
            if entity.type != "person" and _MEDIA_NAME.search(entity.name):
                best = entity
        return Resolution(best.name, "organisation", "description:media", best.id) if best is not None else None

    def _named_document_issuer(self, words: tuple[str, ...], start: int, end: int) -> Resolution | None:
        """``the Granite House statement said``: the body named before the document noun speaks;
        ``the Ostravian statement``, named by an adjective, is the last statement's issuer."""
        if len(words) < 2 or not (_DOCUMENT_NOUN.fullmatch(words[-1]) or norm(words[-1]) in _ACCOUNT_NOUNS):
            return None
        name = [w for w in (words[1:-1] if norm(words[0]) in {"the", "that", "this", "a", "an"} else words[:-1])
                if norm(w) != "own"]  # "Voss's own statement"
        if len(name) == 1 and name[0].islower() and name[0].endswith(("'s", "’s")) and \
                norm(name[0][:-2]) in ORGANISATION_HEADS:
            # "The ministry's statement said": the ministry the article named in full before
            named = None
            full_name = re.compile(r"(?:[A-Z][\w\-]*(?:['’]s)?\s+){1,4}(?i:" + re.escape(name[0][:-2]) + r")\b")
            for named in full_name.finditer(self.doc.text, max(0, start - 3000), start):
                pass
            if named is not None:
                return Resolution(_strip_article(named.group()), "organisation", "description:document")
            return None
        if not name or not all(w[0].isupper() for w in name):
            return None
        if name[-1].endswith(("'s", "’s")):
            name[-1] = name[-1][:-2]  # "the Citadel's readout": the Citadel's
        if len(name) == 1 and norm(name[0]).endswith(_NATIONALITY_ENDINGS):
            issuer = self._document_issuer(start, named=name[0])
            if issuer is not None:
                return replace(issuer, how="description:document")
        name_start = self.doc.text.find(name[0], start, end)
        if name_start < 0:
            name_start = self.doc.text.rfind(name[0], 0, start)  # (a relative "which" stands for it)
        if name_start < 0:
            return None
        resolution = self.resolve(tuple(name), name_start, name_start + len(" ".join(name)), cue_lemma=None,
                                  previous=None)
        return replace(resolution, how="description:document") if resolution.speaker else None

    def _document_issuer(self, pos: int, named: str | None = None) -> Resolution | None:
        """Who issued the last statement (report, letter ...) mentioned before ``pos``:
        ``a statement issued by the Norlandic mission``, ``the Citadel said in a statement``;
        with ``named`` (``Ostravian``), the last one whose issuer has that word."""
        text = self.doc.text
        found = None
        for match in _DOCUMENT_ISSUER.finditer(text, max(0, pos - 3000), pos):
            if named is None or named in match.group():
                found = match
        if found is None:
            return None
        rules, unit = Rules(self.doc), self.doc.unit_at(found.start())
        if found.group("by"):
            phrase = rules.speaker_after(found.start("by"), unit.end)
        else:
            phrase = rules.speaker_before(unit.start, found.end("subject"))
        if phrase is None:
            return None
        resolution = self.resolve(tuple(phrase[2]), phrase[0], phrase[1], cue_lemma=None, previous=None)
        return resolution if resolution.speaker else None

    def _named_ahead(self, words, end: int, *, strict: bool = False) -> Resolution | None:
        """``The Foreign Minister of Valmora said ... Lena Aurich, the Valmoran minister, ...``:
        a description that no one earlier fits, and a person named just after it who does
        (``strict``: who carries one of its own words, not only a word of its class)."""
        definite = ["the", *words] if words[0][0].isupper() else list(words)
        headline = self.doc.units[0]
        headline_end = headline.end if self.doc.is_headline(headline) and end > headline.end else 0
        entity = resolve_description(self.index, definite, min(len(self.doc.text), end + 700), after=end,
                                     headline_end=headline_end, minimum=1.0 if strict else 0.0)
        if entity is None and self._in_lead(end) and not strict:
            # "Norland's national security adviser said on Thursday ..." and then "Miriam T. Calloway told
            # reporters ...": a lead describes the person the next paragraph names first
            # (or names first since the headline: "... Lena Aurich on hosting Port Halden")
            places = {stem_place(w) for w in words if is_place_word(w)}
            named_in_body = set()
            for mention in self.index.mentions:
                if mention.start < headline_end:
                    continue
                if mention.start <= end:
                    named_in_body.add(mention.entity)
                    continue
                candidate = self.index.entities[mention.entity]
                if candidate.type != "person" or OBJECT_OF_PREPOSITION.search(
                        self.doc.text, max(0, mention.start - 9), mention.start):
                    continue  # (not "The mayor, a longtime rival of Ivo Marek, said")
                if mention.start > end + 700:
                    break
                if mention.entity not in named_in_body and not (
                        places and candidate.places and not places & candidate.places):
                    entity = candidate
                break
        return Resolution(entity.name, "person", "description:ahead", entity.id) if entity else None

    def _in_lead(self, pos: int) -> bool:
        """Is ``pos`` in the article's first paragraph of body text (after a headline, if any)?"""
        paragraph = self.doc.unit_at(pos).paragraph
        first_body = 1 if self.doc.is_headline(self.doc.units[0]) else 0
        return paragraph == first_body

    def _share(self, text: str, words, lowered: list[str], start: int) -> Resolution:
        """A share of a poll's sample: ``54 percent of voters`` is remembered; a later bare ``31
        percent`` is a share of the same group (``31 percent of voters``), never an earlier share."""
        if "of" in lowered:
            return self._unnamed(text, words, start, introduce=True)
        for position, description, _ in reversed(self.unnamed):
            group = _SHARE_OF.search(description) if position < start else None
            if group is not None:
                return Resolution(f"{text} of {group.group(1)}", "unnamed", "description:share")
        return self._unnamed(text, words, start)

    def _unnamed(self, text: str, words, start: int, *, introduce: bool = False) -> Resolution:
        """An unnamed source keeps its description; an indefinite one is remembered for later
        definite references to it (``a Norlandic diplomat`` ... ``the diplomat``)."""
        if introduce:
            self.unnamed.append((start, text, description_head(list(words))))
        return Resolution(text, "unnamed", "unnamed")

    def _unnamed_antecedent(self, words, start: int) -> tuple[int, str] | None:
        head = norm(description_head(list(words)))
        same_head = [(position, text) for position, text, other_head in reversed(self.unnamed)
                     if position < start and norm(other_head).rstrip("s") == head.rstrip("s")]
        names = [w for w in words[1:] if w[0].isupper()]
        if same_head:
            # "the senior official": the last one introduced with "senior", else the last one ...
            modifiers = self._modifiers_of(words)
            chosen = next((found for found in same_head if modifiers and modifiers <= self._modifiers_of(
                found[1].split())), same_head[0])
            introduced = self._introduced_unnamed(head, start, names, since=chosen[0] + 1)
            middle = introduced[1].split()[1:-1] if introduced is not None else []
            if introduced is not None and introduced[0] > chosen[0] and not head.endswith("s") and not any(
                    norm(w) in _PREPOSITIONS_IN_NP | {"by"} for w in middle) and not (
                    modifiers and modifiers <= self._modifiers_of(chosen[1].split())):
                return introduced  # ... unless another was introduced since ("A second official was blunter")
            return chosen
        return self._introduced_unnamed(head, start, names)

    def _unnamed_fits_exactly(self, words, antecedent: tuple[int, str]) -> bool:
        """Does the unnamed antecedent carry every modifier of the description (``senior``)?"""
        modifiers = self._modifiers_of(words)
        return bool(modifiers) and modifiers <= self._modifiers_of(antecedent[1].split())

    @staticmethod
    def _modifiers_of(words) -> set[str]:
        """The lower-case words before a description's head: ``senior`` in ``the senior official``."""
        words = list(words)
        head = description_head(words) if words else ""
        before = words[:words.index(head)] if head in words else []
        return {norm(w) for w in before if w.islower() and w.isalpha() and norm(w) not in DETERMINERS}

    def _introduced_unnamed(self, head: str, start: int, names: list[str], since: int = 0) -> tuple[int, str] | None:
        """``A Valmoran diplomat involved in the talks offered a reading. ... the diplomat said``:
        an unnamed person the article introduced outside any quote, within the last 1,500 characters
        (and after ``since``)."""
        if not head.isalpha() or head not in ROLE_NOUNS or head in ORGANISATION_HEADS:
            return None
        text = self.doc.text
        found = None
        for match in re.compile(r"\b[Aa]n?\s+(?:[\w\-’']+\s+){0,3}?" + head + r"\b").finditer(
                text, max(0, start - 1500, since), start):
            if not (_DESCRIBES_A_NAME_BEFORE.search(text, max(0, match.start() - 24), match.start()) or (
                    text.endswith("and ", 0, match.start())
                    and _SECOND_APPOSITION_BEFORE.search(text, max(0, match.start() - 80), match.start()))):
                found = match  # not "Sergei Tallin, a career diplomat," nor "Tallin is a diplomat"
        if found is None or not all(name in found.group() for name in names):
            return None  # "the Citadel spokesman" is not "a Granite House spokesman"
        end = found.end()
        link = _SOURCE_LINK_AFTER.match(text, end, start)
        if link is not None:  # "involved in organising the meeting", up to the verb that follows
            end = link.end()
            for word in WORD.finditer(text, end, start):
                if not word.group()[0].isalnum() or _VERBISH.fullmatch(word.group()):
                    break
                end = word.end()
        return found.start(), text[found.start():end]

    def _last_mention(self, entity_id: int, before: int) -> int:
        positions = [m.start for m in self.index.mentions if m.entity == entity_id and m.start < before]
        return max(positions) if positions else -1

    def _pronoun(self, pronoun: str, pos: int, cue_lemma: str | None, previous: Resolution | None) -> Resolution:
        gender = PRONOUNS[pronoun]
        if gender == "self" and not self._inside_quote(pos) and self.doc.quotation_covering(pos) is None:
            author = self._author  # "I argued in this space that S": the column's author
            if author is not None:
                return Resolution(author, "person", "pronoun:byline")
        if gender in {"self", "plural_self"}:
            return Resolution(None, "unnamed", "unresolved")
        if gender == "plural":
            if previous is not None and previous.speaker_type in {"group", "organisation"}:
                return replace(previous, how="pronoun")
            if previous is not None and previous.speaker_type == "unnamed" and previous.speaker and \
                    _is_people_plural(norm(description_head(previous.speaker.split()))) and \
                    not norm(previous.speaker.split()[0]) == "one":
                return replace(previous, how="pronoun:unnamed_group")  # "the officials said. ..., they said"
            pair = self._joined_pair(pos)
            if pair is not None:
                return pair
            return Resolution(None, "group", "unresolved")
        # "she added": the last speaker, when compatible and recent
        if cue_lemma in {"add", "continue", "go"} and previous is not None and previous.entity is not None:
            entity = self.index.entities[previous.entity]
            if entity.type == "person" and entity.gender in (None, gender):
                return Resolution(entity.name, "person", "pronoun:previous_speaker", entity.id)
        unnamed = self._unnamed_person_before(pos, gender)
        if unnamed is not None:
            return unnamed
        described = self._described_subject_before(pos, gender)
        if described is not None:
            return described
        # nearest compatible person, sentence by sentence backwards; a person of unknown gender
        # counts as if mentioned two sentences further back (unless they open the previous
        # sentence), the last speaker one sentence nearer, and within a sentence the
        # first-mentioned (the subject) wins
        current = self.index.sentence_of(pos)
        unit = self.doc.unit_at(pos)
        # "Asked whether Belan would meet Norland's leader, he said": who is asked about does not answer
        asked_end = pos if (_ASKED_OPENING.match(self.doc.text, self.doc.body_start(unit))
                            and self.doc.text[max(0, pos - 4):pos].rstrip().endswith(",")) else -1
        last_speaker = previous.entity if previous is not None else None
        best, best_key = None, None
        for sentence, mentions in self.index.persons_before(pos, sentences_back=12):
            for order, mention in enumerate(mentions):
                entity = self.index.entities[mention.entity]
                if entity.gender not in (None, gender) or mention.entity in self.named_in_quote:
                    continue  # wrong gender, or named in the very words attributed ("Belan is raising ...")
                if mention.entity == last_speaker:
                    distance = current - sentence - 1.0  # the last speaker, whatever we know of their gender
                elif entity.gender is None and not (order == 0 and sentence == current - 1):
                    distance = current - sentence + 2.0
                else:  # known gender, or the previous sentence's subject ("Halvik was not convinced. He ...")
                    distance = current - sentence
                if (order == 0 and sentence == current - 1 and mention.entity != last_speaker
                        and self.index.sentence_of(entity.first_start) == sentence):
                    distance -= 1.0  # introduced as the subject just before: "Elin Torvik, 29, was hopeful. '...,' she said"
                if self._inside_quote(mention.start):
                    distance += 1.0  # named inside someone's words, not the topic of the paragraph
                if _SILENT_AFTER_NAME.match(self.doc.text, mention.end):
                    distance += 2.0  # "Belan himself has not commented": not who speaks next
                if unit.start <= mention.start < asked_end:
                    distance += 3.0  # named in the question the speaker was asked
                key = (distance, order)
                if best_key is None or key < best_key:
                    best, best_key = entity, key
        if best is not None:
            return Resolution(best.name, "person", "pronoun", best.id)
        return Resolution(None, "person", "unresolved")

    def _unnamed_person_before(self, pos: int, gender: str) -> Resolution | None:
        """``One of the interpreters ... said S. She said T``: the one unnamed person who spoke last,
        in this sentence or the one before, with nobody of the pronoun's gender named since."""
        if self.last_resolved is None:
            return None
        resolution, start, end, lemma = self.last_resolved
        words = (resolution.speaker or "").split()
        person = words[3:] if [norm(w) for w in words[:3]] == ["one", "of", "the"] else words  # "One of the X"
        head = norm(description_head(person)) if person else ""
        if not (resolution.speaker_type == "unnamed" and len(words) > 1
                and resolution.how in {"unnamed", "pronoun:unnamed", "pronoun:described_subject"}  # (a chain: "He said")
                and norm(words[0]) in {"a", "an", "one"} and lemma not in _QUESTION_LEMMAS
                # (no lemma, "according to a diplomat briefed on the call", or "citing": who passed it on)
                and lemma is not None and lemma not in _MEDIUM_LEMMAS
                and head.rstrip("s") in ROLE_NOUNS  # not "A number"
                and head not in _ASKING_ROLES  # "a reporter": the answer is someone else's
                and not any(w[0].isupper() and not is_place_word(w) for w in words[1:])  # no name in it
                and self.index.sentence_of(pos) - 1 <= self.index.sentence_of(start)):
            return None
        said_gender = next((GENDERED_WORDS[norm(w)] for w in words if norm(w) in GENDERED_WORDS), None)
        if said_gender not in (None, gender):
            return None  # "a woman from the delegation" is no "he"
        if self._person_named_between(end, pos, gender, in_quotes=False):
            return None  # someone named since could be meant (not inside the source's own words)
        return Resolution(resolution.speaker, "unnamed", "pronoun:unnamed")

    def _described_subject_before(self, pos: int, gender: str) -> Resolution | None:
        """``A senior Ostravian official did not rule it out. Speaking on condition of anonymity, he
        said ...``: an unnamed person who is the subject of the sentence before (``a senior official``,
        or ``the senior official`` pointing back at one) is who the pronoun means, when nobody of the
        pronoun's gender is named since."""
        k = bisect_right(self.doc.sentence_starts, pos) - 1
        if k < 1:
            return None
        before = self.doc.units[k - 1]
        if not _SOURCE_DESCRIPTION.search(self.doc.text, before.start, before.end):
            return None  # (a quick test: no unnamed source's description in the sentence at all)
        subject = Rules(self.doc).clause_subject(before, before.end)
        if subject is None:
            return None
        start, end, words = subject
        lowered = [norm(w) for w in words]
        head = norm(description_head(list(words)))
        if (lowered[0] not in {"a", "an", "the"} or head not in _UNNAMED_SOURCE_HEADS
                or not is_person_description(list(words)) or self.doc.quotation_covering(start) is not None):
            return None
        earlier = self._unnamed_antecedent(words, start) if lowered[0] == "the" else None
        if lowered[0] == "the" and earlier is None:
            return None  # (a definite description that names someone is left to the nearest-person search,
            # which on real news found the right person more often than reading the description did)
        said_gender = next((GENDERED_WORDS[w] for w in lowered if w in GENDERED_WORDS), None)
        if said_gender not in (None, gender):
            return None
        if head in _ASKING_ROLES and _ASKING.search(self.doc.text, end, before.end):
            return None  # "A reporter asked whether she trusted him. '...,' she said": the answer is someone else's
        if self._person_named_between(end, pos, gender, in_quotes=True):
            return None  # someone named since could be meant ("A spokesman, Christopher Abboud, said")
        if earlier is not None:
            # "The senior Norlandic official was more hopeful. '...,' he said": the unnamed source it points back to
            return Resolution(earlier[1], "unnamed", "pronoun:described_subject")
        attached = _ATTACHED_GROUP.match(self.doc.text, end)
        if attached is not None:  # "a member of the Ostravian delegation"
            end, words = attached.end(), [*words, *attached.group().split()]
        unnamed = self._unnamed(" ".join(words), words, start, introduce=True)
        return replace(unnamed, how="pronoun:described_subject")

    def _person_named_between(self, start: int, end: int, gender: str, *, in_quotes: bool) -> bool:
        """Is a person the pronoun's ``gender`` may mean named in ``[start, end)`` (not in the quote
        being attributed; with ``in_quotes=False``, not inside any quote either)?"""
        for mention in self.index.mentions_in(start, end):
            entity = self.index.entities[mention.entity]
            if (entity.type == "person" and entity.gender in (None, gender) and mention.entity not in self.named_in_quote
                    and (in_quotes or not self._inside_quote(mention.start))):
                return True
        return False

    def _inside_quote(self, pos: int) -> bool:
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self.quote_spans[i][1]

    def _joined_pair(self, pos: int) -> Resolution | None:
        """``Voss and Strand left. They said ...``: two people named together in the sentence before."""
        for _sentence, mentions in self.index.persons_before(pos, sentences_back=1)[:1]:
            for first, second in zip(mentions, mentions[1:]):
                between = self.doc.text[first.end:second.start]
                if re.fullmatch(r"\s+and\s+", between) and first.entity != second.entity:
                    members = (first.entity, second.entity)
                    names = " and ".join(self.index.entities[e].name for e in members)
                    return Resolution(names, "group", "pronoun:group", None, members)
        return None

    def _group(self, pos: int, words: tuple[str, ...] = ()) -> Resolution:
        """``both sides``, ``the two envoys``: two people among those most named in the article
        and in view (the last dozen sentences; the whole article for a lead paragraph), ties to
        the one introduced first. A pair that holds the phrase's role (``the two ministers``) comes first,
        then one person from each of the two sides the article names (``talks between Norland and
        Ostravia``), then the two most named."""
        lowered = [norm(w) for w in words]
        if len(words) >= 2 and lowered[0] in {"both", "the"} and _is_people_plural(lowered[-1]):
            # "according to two Norlandic officials ... Both officials said": that unnamed pair, not the principals
            for position, description, head in reversed(self.unnamed):
                if position < pos and norm(head) == lowered[-1] and _A_PAIR.match(description):
                    return Resolution(description, "unnamed", "group:unnamed_pair")
        if tuple(lowered) in _BARE_PAIRS:
            k = bisect_right(self.doc.sentence_starts, pos) - 1
            if k >= 1:
                before = self.doc.units[k - 1]
                places = _TWO_PLACES_AS_SUBJECT.match(self.doc.text, self.doc.body_start(before), before.end)
                if places is not None and all(
                        is_place_word(places.group(g)) or norm(places.group(g)) in PLACE_WORDS or (
                            (entity := self.index.entity_at(places.start(g), places.end(g))) is not None
                            and entity.type in ("organisation", "unknown")
                            and self.index.person_by_name([places.group(g)], pos) is None) for g in (1, 2)):
                    # "Esterby and Kovask did agree on one thing. Both said S": the two capitals
                    return Resolution(f"{places.group(1)} and {places.group(2)}", "group", "group:places_together")
            # "Calloway ... and Dragunov ... spent four hours together. ... though both said": the two
            # people a recent sentence names together
            for _sentence, mentions in self.index.persons_before(pos, sentences_back=3):
                named = list(dict.fromkeys(m.entity for m in mentions))
                if len(named) == 2:
                    members = sorted(named, key=lambda eid: self.index.entities[eid].first_start)
                    names = " and ".join(self.index.entities[eid].name for eid in members)
                    return Resolution(names, "group", "group:named_together", None, tuple(members))
                if len(named) > 2:
                    break
        counts: dict[int, int] = {}
        for m in self.index.mentions:
            if self.index.entities[m.entity].type == "person":
                counts[m.entity] = counts.get(m.entity, 0) + 1
        in_view: list[int] = []
        for _sentence, mentions in self.index.persons_before(pos, sentences_back=12):
            for m in mentions:
                if m.entity not in in_view:
                    in_view.append(m.entity)
        # ties go to the person introduced first: a story names its principals early
        ranked = sorted(in_view, key=lambda eid: (-counts.get(eid, 0), self.index.entities[eid].first_start))
        how = "group:principal_pair"
        if len(ranked) < 2:
            # "both sides" before anyone is named (a lead paragraph): the people most named
            ranked = sorted(counts, key=lambda eid: -counts[eid])
            how = "group:most_named_pair"
        if len(ranked) < 2:
            return Resolution(None, "group", "unresolved")
        self.index.ensure_descriptors()
        entities = self.index.entities
        head = norm(words[-1]).rstrip("s") if words else ""
        role = ROLE_SYNONYMS.get(head, head)
        fits_role = [eid for eid in ranked[:6] if role in entities[eid].descriptors]
        two_sides = None
        sides = _SIDES.search(self.doc.text, 0, pos + 400)
        if sides is not None:
            # "talks between Norland and Ostravia ... both sides": one person from each side named
            first, second = stem_place(sides.group(1)), stem_place(sides.group(2))
            one = [eid for eid in ranked[:6] if first in entities[eid].places]
            other = [eid for eid in ranked[:6] if second in entities[eid].places]
            if one and other and one[0] != other[0]:
                two_sides = (one[0], other[0])
        if len(fits_role) >= 2:
            pair = fits_role[:2]
        elif two_sides is not None:
            pair = list(two_sides)
        else:
            pair = ranked[:2]
        members = sorted(pair, key=lambda eid: entities[eid].first_start)
        names = " and ".join(entities[eid].name for eid in members)
        return Resolution(names, "group", how, None, tuple(members))


# Two capitals or countries as a sentence's subject: "Esterby and Kovask did agree"
_TWO_PLACES_AS_SUBJECT = re.compile(r"([A-Z][\w’'\-]+)\s+and\s+([A-Z][\w’'\-]+)\s+(?:\w+ly\s+)?[a-z]")
_A_PAIR = re.compile(r"(?:the\s+)?(?:two|both|a\s+pair\s+of)\b", re.IGNORECASE)
# Phrases for two people that point back at a pair just named, not at the sides of a conflict
_BARE_PAIRS = frozenset({("both",), ("the", "two"), ("the", "two", "men"), ("the", "two", "women"), ("the", "pair"),
                         ("the", "two", "officials")})
_ABBREVIATION = re.compile(r"[A-Z]{2,6}")
# The capitalised words right before "(ABBR)": "the Halden Institute for Strategic Studies (HISS)"
_SPELLED_OUT_BEFORE = re.compile(r"((?:[A-Z][\w’'\-]*\s+(?:(?:of|for|and|on|the|de)\s+)*){2,10})\s*$")
