"""The quote rules: find cues, read the speaker and content around each, resolve speakers.

One pass over an article, in this order:

1. paragraphs, sentences (the tokenize stage's Punkt) and quotations (:mod:`.marks`);
   an unclosed quotation that runs into its own attribution (``"Q, X said``) is
   closed there;
2. *units*: sentences joined where a quotation runs across their boundary;
3. speech cues outside quotations (:data:`CUE_PATTERN`), each read by one rule:
   ``according to X``, ``X was cited as saying (by Y)``, ``Y quoted X as saying``,
   a participial cue after a comma (``, adding that``) or a coordinated one
   (``... and said``) that inherits the main clause's speaker, a naming cue with a
   quotation object (``called it "Q"``), a plain cue with its speaker before
   (``X said``) or after it (``said X``), or a main-clause cue whose subject is the
   antecedent of an earlier relative one (``X, who said S, told reporters T``), or an
   ``as`` clause before its content (``As X said on Monday, S``), or ``in her words``;
4. content: after the cue (``that``, a colon, a quotation, or a bare clause), or
   before it (``S, X said``; ``"Q," said X``); a quotation split by its attribution
   gives two quotes; content stops where another attribution takes over;
5. continuation: a quotation with no cue of its own that opens its sentence, right
   after an attributed quote, belongs to that quote's speaker;
6. speakers are resolved in reading order by :class:`.resolve.Resolver`, through
   :class:`.mentions.EntityIndex`.

No parser model is used; the rules are regular expressions over the text, so
offsets are exact; ``benchmarks/bench_quotes.py`` measures the speed (docs/scale.md).
"""
from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass, replace
from functools import lru_cache

from toolkit.quotes.lexicon import (
    AUXILIARIES, BRIDGE_STARTERS, CUE_FORMS, DETERMINERS, FIRST_NAME_GENDER, NAMING_LEMMAS, ORGANISATION_WORDS,
    PLACE_WORDS, PRONOUNS, ROLE_NOUNS, TITLE_WORDS, trie_pattern,
)
from toolkit.quotes.marks import Quotation, find_quotations
from toolkit.quotes.mentions import WORD, description_head, is_modifier, is_person_description, norm
from toolkit.tokenize import NEWS_ABBREVIATIONS, paragraph_sentences, split_paragraphs

_FORMS = sorted(CUE_FORMS, key=len, reverse=True)
_AS_SAYING = r"as\s+(?:saying|telling|stating|writing|warning|adding|declaring|arguing|claiming|insisting|noting|suggesting)"
#: Every speech cue: phrases first so they win over their single words. Every alternative
#: starts with a letter, so ``\b`` can only match at a word's start; saying so with
#: ``(?<!\w)`` spares the alternation a try at every word's end (about twice as fast).
CUE_PATTERN = re.compile(
    r"\b(?<!\w)(?:"
    r"(?P<according>according to)"
    # "was cited as saying", "was quoted by Ostra-Press as saying"
    r"|(?P<passive>(?:was|were|is|are|has been|have been|had been|being)\s+(?:\w+ly\s+)?(?:cited|quoted|reported)"
    r"(?:\s+by\s+(?P<passive_by>[^.;:\"“”«»]{1,60}?))?\s+" + _AS_SAYING + r")"
    # "Ostra-Press quoted Dragunov as saying"
    r"|(?P<quoted_as>quot(?:ed|es|ing)|cit(?:ed|es|ing))(?=\s+[^.;:\"“”«»]{1,80}?\s+" + _AS_SAYING + r"\b)"
    r"|(?P<phrase>(?:point(?:s|ed|ing)?|spell(?:s|ed|ing)?)\s+out|went\s+on\s+to\s+say|went\s+on(?=\s*:)|made\s+clear"
    r"|put(?:s|ting)?\s+it"
    r"|(?:shot|shoots|fired|fires)\s+back)"
    # "in her words", "in Okafor's own words"
    r"|(?P<words>in\s+(?P<owner>his|her|their|[\w’'\-]+(?:'s|’s))\s+(?:own\s+)?words)"
    r"|(?P<verb>" + trie_pattern(_FORMS) + r")"
    r")\b",
    re.IGNORECASE,
)
# _find_cues scans the lower-cased text with the same pattern matched case-sensitively, which
# finds the same spans about twice as fast: ignoring case, ``re`` cannot reject a branch by its
# first letter at once. There its ``\b(?<!\w)`` is read as the non-word character before the cue,
# and the scan runs on the text after one added space, so that a match starts where the cue does
# in the text: a pattern that starts with a character class lets ``re`` skip ahead to the next
# non-word character instead of trying the pattern at every position (a quarter faster). Every
# alternative starts and ends with a letter, so that character is just what ``(?<!\w)`` asked
# for and is never part of the match before: the two scans step through the same matches.
_BOUNDARY = r"\b(?<!\w)"
assert CUE_PATTERN.pattern.startswith(_BOUNDARY)
_CUE_FINDER = re.compile(r"\W" + CUE_PATTERN.pattern[len(_BOUNDARY):])
assert not re.search("[A-Z]", CUE_PATTERN.pattern.replace("(?P<", "")), "CUE_PATTERN's letters must be lower case"
_CUE_PUNCTUATION = frozenset(".;:\"“”«»")
_ANY_ASCII_LETTER = re.compile("[a-z]", re.IGNORECASE)  # also matches K (Kelvin), ſ, ı, İ
_ASCII = frozenset(map(chr, range(128)))
_WORD_CHAR = re.compile(r"\w")
_SPACE_CHAR = re.compile(r"\s")


@lru_cache(maxsize=4096)
def _lowers_safely(char: str) -> bool:
    """Does CUE_PATTERN, ignoring case, treat the non-ASCII ``char`` as its case-sensitive copy
    treats ``char.lower()``: one character, no ASCII letter to either, the same word/space class?"""
    low = char.lower()
    return (len(low) == 1 and not low.isascii() and _ANY_ASCII_LETTER.match(char) is None
            and (_WORD_CHAR.match(char) is None) == (_WORD_CHAR.match(low) is None)
            and (_SPACE_CHAR.match(char) is None) == (_SPACE_CHAR.match(low) is None)
            and (low == char or low not in _CUE_PUNCTUATION))


def _find_cues(text: str) -> list[re.Match]:
    """``list(CUE_PATTERN.finditer(text))``, found in the lower-cased text when lowering changes
    nothing the pattern looks at; each match is then taken again on ``text`` for its groups."""
    if not (text.isascii() or all(map(_lowers_safely, set(text) - _ASCII))):
        return list(CUE_PATTERN.finditer(text))
    matches = [CUE_PATTERN.match(text, m.start()) for m in _CUE_FINDER.finditer(" " + text.lower())]
    assert all(m is not None for m in matches)
    return matches  # type: ignore[return-value]


# Nouns that look like verb forms: their base/-s forms are cues only before content.
_NOUNISH = frozenset("""report reports claim claims comment comments remark remarks note notes state states post posts
    charge charges answer answers quote quotes estimate estimates forecast forecasts protest protests
    promise promises pledge pledges demand demands signal signals point points call calls object objects
    reason reasons brief briefs label labels term terms dub joke jokes counter counters dispute disputes
    contest contests hint hints relay tweet tweets reply replies vow vows boast boasts warning warnings
    statement statements question questions continue continues press
""".split())
_PREPOSITIONS_IN_NP = frozenset({"of", "for", "at", "with", "from", "to", "in"})
_STOP_AFTER_SPEAKER = frozenset("""that in on at during after before when while who which whose as to told said says
    and but because since if although though with without by from over about into upon
""".split())
_TELL_LIKE = frozenset({"tell", "inform", "assure", "brief", "remind", "notify", "advise", "warn", "ask", "urge",
                        "reassure", "instruct"})
_OPENING = "\"“„«‹‘'"
_CLOSING = "\"”»›’'“"
_CLOSING_MARKS = frozenset(_CLOSING)
_QUOTE_CHARS = frozenset("\"“”„«»‹›‘’'")
_DOUBLE_QUOTE_CHARS = frozenset("\"“”„«»")
# Words that may open the parenthetical of "X, <it>, said".
_PARENTHETICAL_OPENERS = frozenset("""who whom which whose the a an another his her its their one now then until himself herself
    never always ever
    itself speaking a former also still once like as in meanwhile however though too instead likewise through via
    when while if although unless who's who’s
""".split())  # ("Powell's office, when contacted by Reuters, said")
# Capitalised sentence openers that end a subject scan ("In Kovask, officials said").
_CLAUSE_OPENERS = frozenset("""but and so while as in on at after before when if because though although yet also then
    speaking asked meanwhile however still later earlier separately for with from during
""".split())
_NOT_SUBJECT_STARTS = frozenset({"asked", "speaking", "pressed", "questioned"})
# Words that open a sentence before its subject (clause_subject skips them)
_COORDINATORS = frozenset({"but", "and", "yet", "so", "or", "still", "now", "then"})
_SUBORDINATORS = frozenset({"although", "though", "because", "since", "while", "when", "if", "after", "before", "as",
                            "once", "unless", "until", "whereas", "absent", "despite"})
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve".split())
_TIME_UNITS = frozenset({"years", "months", "weeks", "days", "hours", "year", "month", "week", "day"})
# "... and said" / "... but maintained": a cue sharing the subject of the one before.
_COORDINATED = re.compile(r"\s(?:and|but)\s+(?:(?:also|later|then|did|does|do|has|have|had|would|will|\w+ly|"
                          r"(?:on|last|this|earlier|later)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                          r"week|month|year|morning|evening))\s+)*$", re.IGNORECASE)
# A cue followed by explicit content: "that", a colon, or a quotation.
_FORWARD_MARK = re.compile(r"(?:\s+(?:on|in|at|to|during|after|before|late|earlier|later|last|this)\b[^,;:\"“”«»]{0,40}?)?"
                           r"\s*(?:that\b|:|,?\s*[\"“„«‘])", re.IGNORECASE)
# What may follow "X said" when the attribution closes the sentence.
_ADVERBIAL_TO_END = re.compile(
    r"\s*(?:(?:on|upon|in|at|during|after|before|late|earlier|later|last|this|to|from|of|as|when|while|outside|inside|"
    r"shortly|briefly|afterwards?|then|again|too|also|yesterday|today|tonight|with|without|via|through|by|who|whose|"
    r"in\s+a|in\s+an|once|twice|back|over|for|"
    # a bare day or date, an adverb, a lapse of time: "said Monday.", "said privately.", "said hours later."
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:jan|feb|mar|apr|aug|sept?|oct|nov|dec)(?=\.)|january|february|march|april|june|july|august|september|october|"
    r"november|december|"
    r"(?!(?:family|rally|supply|assembly|reply|ally|italy|only|anomaly|monopoly)\b)[a-z]{2,}ly|"
    r"(?:a|an|one|two|three|four|five|six|several|some|many|\d+)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)"
    r"\s+(?:later|ago|earlier|after|before)|hours|days|weeks|months|years|minutes|moments|"
    r"the\s+(?:next|following|same|previous)\s+(?:day|week|month|morning|evening|night))\b[^\"“”«»]{0,200})?[.!?]?\s*$",
    re.IGNORECASE)
# Plural nouns of people that may head a speaker phrase beyond ROLE_NOUNS.
GROUP_NOUNS = frozenset("""allies friends advisers aides supporters critics opponents backers donors voters
    residents protesters demonstrators organizers organisers participants attendees members leaders
    republicans democrats conservatives liberals progressives analysts economists observers insiders
    people americans russians europeans citizens workers families parents teachers students doctors
    lawyers judges investigators prosecutors activists campaigners""".split())
# Words that follow a plural noun without being its verb ("the talks in", "his friends and").
_NOT_VERBS_AFTER_PLURAL = frozenset("""in on at of for with from to by and or but as than about into over under
    between among after before during through against without within near like including such""".split())
_SEMICOLON = re.compile(r";")
_SOURCE_LINKS = frozenset({"familiar with", "close to", "briefed on", "involved in", "knowledgeable about"})
_N_IN_N = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+in\s+(?:\d+|two|three|four|five|"
                    r"six|seven|eight|nine|ten)\s+$", re.IGNORECASE)
_CLOCK_COLON = re.compile(r"\d:\d")
_PARTICIPLE_LINK = re.compile(r",\s*(?:before|after|while|without|then)$")
_BARE_ANTECEDENTS = frozenset({"those", "people", "anyone", "everyone", "others", "many", "some", "few"})
_NEXT_WORD = re.compile(r"\s+(\w+)")
_SOURCE_LINK_FIRST_WORDS = frozenset(link.split()[0] for link in _SOURCE_LINKS)
_WITH_KNOWLEDGE_OF = r"with\s+(?:[a-z\-]+\s+)?knowledge\s+of"  # "an official with (direct) knowledge of the talks"
_WITH_KNOWLEDGE_OF_AT = re.compile(_WITH_KNOWLEDGE_OF + r"\b")
_BLANKS = re.compile(r"\s+")
_ASIDE_WORDS = frozenset({"however", "though", "too", "also", "again", "then"})
_ASIDE_ADVERB = re.compile(r"\s*(?:,\s*(?:" + "|".join(sorted(_ASIDE_WORDS)) + r")\s*,)?\s*")
_UP_TO_COMMA = re.compile(r"[^,;:\"“”«»]{0,200}?,\s*")
# "S, many economists say, because R": a subordinate clause that goes on with the content
_SUBORDINATE_AFTER_ATTRIBUTION = re.compile(r"\s*,\s+(?:because|since|although|though|even\s+though|unless|"
                                            r"so\s+that|given\s+that|(?:perhaps\s+|possibly\s+|partly\s+)?by\s+\w+ing)\s")
# The last break before a clause that an attribution interrupts: "He had a rally - and the permit, X said, ..."
_LAST_CLAUSE_OPENING = re.compile(r"(?:\s(?:-|--|—|–)\s+(?:and\s+|but\s+)?|\(|;\s*)(?=[^-—–(;]*$)")
# Documents that carry their author's words
_DOCUMENT_WORDS = (r"(?:statement|letter|memo|e-?mail|release|readout|transcript|communiqu[eé]|note|message|tweet|"
                   r"post|video|article|report|op-ed|column|essay|filing|brief|document|summary|notice|ad|advertisement|"
                   r"version|data|figures)")
# What a speaker is said not to have said: "did not elaborate", "would not go into"
_NOT_SAYING = r"elaborate|say|specify|explain|comment|go\s+into|disclose"
# ", referring to the convention", ", in an apparent reference to X": the writer's gloss on the words
_WRITER_GLOSS = re.compile(r"(?P<lead>,[\"”»’']|[\"”»’']?,)\s+(?:(?:apparently|presumably|likely|seemingly|clearly|"
                           r"an?\s+apparent|in\s+an?\s+(?:(?:apparent|veiled|oblique|thinly\s+veiled|clear)\s+)?)?"
                           r"(?:referring|reference|alluding|allusion|a\s+reference|a\s+nod|a\s+swipe|a\s+dig)\s+"
                           r"(?:to|at)\b)")
# 'said the talks had been "serious" but declined to go into details': what the speaker left out
_LEFT_OUT_AFTER = re.compile(r"\s+but\s+(?:(?:declined|refused)\s+to\s+(?:comment|elaborate|go\s+into|give|provide|"
                             r"say|discuss|answer|specify)|(?:did|would|could)(?:\s+not|n['’]t)\s+(?:" + _NOT_SAYING
                             + r"|give\s+details))\b")
# "her lawyers in a court filing", "officials in an interview": the words came through it, it holds no one
_IN_A_MEDIUM = re.compile(r"\s+(?:a|an|the|his|her|its|their)?\s*(?:[\w\-]+\s+){0,2}?(?:" + _DOCUMENT_WORDS[3:-1] +
                          r"|interview|remarks|speech|briefing|conference|call|hearing)s?\b", re.IGNORECASE)
# "sent out a statement reassuring voters that S": the author speaks through the document
_DOCUMENT_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,2}?" + _DOCUMENT_WORDS +
                              r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
                              r"yesterday|last\s+week|this\s+week))?$", re.IGNORECASE)
# "obtained by X" right before a speaker phrase: X is an agent inside the subject, not the subject
_AGENT_BEFORE = re.compile(r"\s(?:obtained|seen|reviewed|released|published|issued|posted|filed|signed|sent|"
                           r"circulated|leaked)\s+(?:to\s+|by\s+)$")
# A clause that cannot stand alone: it opens with a subordinator ...
_SUBORDINATE_START = re.compile(r"(?:And\s+|But\s+)?(?i:If|When|Whenever|Although|Though|Even\s+if|Even\s+though|Because|"
                                r"After|Before|Despite|"
                                r"Unless|Until|While|Whereas|Once|Rather\s+than|Instead\s+of|So\s+long\s+as|As\s+long\s+as)\b")
# ... or ends on a word that needs more: "he supported a bigger tent and,"
# or on a copula or modal that needs its complement: "It was, he said, one of the worst days"
_DANGLING_END = re.compile(r"\b(?:and|or|but|so|yet|to|of|for|with|than|that|which|whom|the|a|an|is|was|are|were|will|would|can|could|"
                           r"should|must|may|might)\s*,$", re.IGNORECASE)
# A relative clause between a speaker and the cue: "an official who spoke on condition of anonymity said"
_WHO_CLAUSE_BEFORE_CUE = re.compile(r"\s+(?:who|whose)\s+(?:[\w’'\-.]+\s+){1,14}?(?:\w+ly\s+)?$")
# "X, citing a source in the council, reported": the aside between a medium and its cue
_CITING_ASIDE = re.compile(r"\s*,\s*citing\s+([^,;:\"“”«»]{2,120}?)\s*,\s*(?:\w+ly\s+)?$")
# Other forms of a subject pronoun that can name a speaker ("according to him", "in his words")
_PRONOUN_FORMS = {"him": "he", "her": "she", "them": "they", "his": "he", "their": "they"}
_SENTENCE_ADVERBS = frozenset({"even", "only", "but", "and", "yet", "so", "also", "still"})
# An aside set off by dashes right before a cue: "X — after a long pause — told me"
_ANY_DASH = re.compile(r"—|–|--| - ")
_DASH_ASIDE = re.compile(r"\s(?:—|–|--|-(?=\s))\s*([^—–\n]{1,200}?)\s*(?:—|–|--|(?<=\s)-)\s*$")
# A name opening an aside, up to its comma or end: "Ivo Marek, who lost in 2012"
_NAME_AT_START = re.compile(r"[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){1,4}(?=\s*(?:,|$))")
# "X, who said (that) S, ...": content that opens inside a relative clause about its speaker
_RELATIVE_CUE_BEFORE = re.compile(r",\s*who\s+(?:has\s+|had\s+)?(?:\w+ly\s+)?[a-z]+\s+(?:(?:in|on|last|this)\s+[\w’'\-]+\s+)?"
                                  r"(?:that\s*)?$")
_MAIN_VERB_AFTER_COMMA = re.compile(r",(?P<mark>[”\"’])?\s+([a-z]+)\b")
# Words that end a speaker phrase after its cue: "said the ministry late Friday"
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Nouns for someone's telling of events, which speak for their author: "Ostra-Press's account"
_ACCOUNT_NOUNS = frozenset({"account", "accounts", "version", "versions"})
_MONTHS = frozenset("january february march april may june july august september october november december".split())
# The names of weekdays and months, as written: "(?:Friday|March|...)" ("in March" names no outlet or place)
_CALENDAR_NAMES = "|".join(sorted(w.capitalize() for w in _WEEKDAYS | _MONTHS))
_TIME_WORDS = frozenset("late early earlier later last this yesterday today tonight".split()) | _WEEKDAYS
# 'as "frank" and "useful"': a second quotation joined to a naming cue's first
_AND_QUOTATION = re.compile(r"\s+(?:and|or)\s+(?=[\"“„«‘'])")
# A work whose title may follow in quotation marks: "in her memoir, "Rooms Without Windows", that"
_WORK_TITLED = re.compile(r"(?i:memoir|book|novel|paper|speech|interview|programme|program|show|podcast|film|"
                          + _DOCUMENT_WORDS + r")")
# 'wrote in her memoir, "Hard Winters."': after the cue, a work and its title, to the sentence's end
_IN_A_TITLED_WORK = re.compile(r"\s+in\s+(?:[\w’'\-]+\s+){1,3}?" + _WORK_TITLED.pattern
                              + r"s?(?:,|\s+(?:titled|entitled|called))\s*[\"“‘']"
                              r"(?:[A-Z0-9][\w’'\-]*|[a-z]{1,3})(?:[\s:,]+(?:[A-Z0-9][\w’'\-]*|[a-z]{1,3}))*"  # Title Case
                              r"[.!?]?[\"”’'][.!?]?\s*$")
# "a statement released by X", "a report from X": a document and its author
_DOCUMENT_NOUN = re.compile(r"\b" + _DOCUMENT_WORDS + r"s?\b", re.IGNORECASE)
_BEFORE_A_DOCUMENT_NOUN = re.compile(r"\s+" + _DOCUMENT_WORDS + r"s?\b", re.IGNORECASE)
_DOCUMENT_BY = re.compile(r"(?:\s+(?:released|issued|published|posted|put\s+out|sent|circulated|distributed))?"
                          r"\s+(?:by|from)\s+")
# after "S, he said,": a phrase that carries S on ("by the upcoming calendar", "especially in ...")
_CLAUSE_GOES_ON = re.compile(r"(?:by|especially|particularly|mainly|largely|partly|mostly)\s+[a-z]")
# ... but not how, where or when the words were said: "he said, in a statement", "she said, with a shrug"
_ATTRIBUTION_CIRCUMSTANCE = re.compile(
    r"(?:in|at|on|during|with|by|via|over|from|after|before|through)\s+(?:(?:a|an|the|his|her|their|its|this|that)\s+)?"
    r"(?:[a-z\-]+\s+)?(?:statement|interview|e-?mail|letter|tweet|post|news\s+conference|conference|briefing|rally|"
    r"event|speech|hearing|meeting|call|phone|telephone|shrug|smile|laugh|sigh|grin|nod|video|radio|television|"
    r"morning|afternoon|evening|night|week|weekend|time|[A-Z])")
# A verb that continues a sentence after an aside: "One of the decisions, according to X, is ..."
_FINITE_AUXILIARY = re.compile(r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might)\b")
# '"Q," veteran analyst X wrote': role words between the quotation and the name
_ROLE_WORDS_BEFORE = re.compile(r"[,”\"’'»]\s+((?:[a-z][\w\-]*\s+)(?:(?:[a-z][\w\-]*|[A-Z]{2,5})\s+){0,2})$")  # ("super PAC spokeswoman")
# Between an attribution and the "according to" that names its medium: ", " or " on Monday, "
_AS_PASSED_ON = frozenset({"quoted", "cited", "reported"})
_AS_PASSED_ON_BY = re.compile(r"\s+by\s+")
_ATTRIBUTION_TAIL = re.compile(r"[^,;.:\"“”«»]{0,40}?,\s*")
# "Dragunov said S, Ostra-Press reported": cues that pass on someone else's words
_SECONDHAND_LEMMAS = frozenset({"report", "say", "write"})
_WITH_COMPANION = re.compile(r"\s+with\s+(?:his|her|their|a|an|the|my|our)\b")
_COLON_AFTER = re.compile(r"\s*:\s*")  # "As one diplomat put it: ..."
_THAT_THEN_AUXILIARY = re.compile(r"\s*that\s+(?:have|has|had|is|are|was|were|will|would|can|could)\b")
_CUE_WORD_AND_COMMA = re.compile(r"\s+([a-z]+)\s*,\s*$")  # "Ostra-Press reported, citing X"
_BLANK_OR_ADVERB = re.compile(r"\s*(?:(?:has|had|have)\s+)?(?:\w+ly\s+)?")
_COMMA_AFTER = re.compile(r"\s*,?")
# "..., and as Comey noted, S": the cue's clause after a clause of the writer's
_AS_AFTER_A_CLAUSE = re.compile(r",\s+(?:and\s+|but\s+|yet\s+|so\s+)?as\s+\Z")
# "As X said, S" / "But as X told reporters, S": the cue's clause opens the sentence
_AS_OPENER = re.compile(r"\s*(?:(?:And|But|Yet|So)\s+as|As)\s+")
# "..., he said, is ...": an attribution set off by commas in the middle of its sentence
_PARENTHETICAL_ATTRIBUTION = re.compile(r"(?:\s+(?:on|in|at|last|this|earlier|later)\s+\w+(?:\s+\w+)?)?\s*,\s+(?=[A-Za-z])")
# an adverbial that may open a sentence before "he said," ("In the end,", "For now,", "Ultimately,")
_FRONTED_ADVERBIAL = re.compile(r"(?:(?:In|At|For|By|Over|Within|Until|Since|After|Before|During)\s+(?:(?:the|a|an|this|"
                                r"that|its|his|her|their|our|any|some|each)\s+)?[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*){0,2}"
                                r"|Ultimately|Eventually|Still|Now|Today|Instead|Meanwhile|Overall|Otherwise|Privately|"
                                r"Publicly|Already|Increasingly|Ironically|Finally|Indeed|Even so|Either way|If anything|"
                                r"Of course|After all|Above all|In other words|As a result|On the other hand)\s*,")
_QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who", "which"})
_QUESTION_LEMMAS = frozenset({"ask", "question", "wonder", "explain", "inquire", "query"})
_SUBORDINATE_OPENING = re.compile(r"(?:When|After|Before|While|If|Although|Though|Because|Since|As|Once|Until|Asked)\b")
# "However, while the party says S, T": a subordinate clause after a fronted adverb
_FRONTED_SUBORDINATE = re.compile(r"(?:However|But|And|Still|Yet|Meanwhile|Now),?\s+(?:when|while|although|though|"
                                  r"because|since|if|as)\b")
# "Noting that S, Trump reminded ...": a participial cue that opens the sentence, its content ends at the main clause
_PARTICIPLE_OPENING = re.compile(r"(?:Noting|Saying|Arguing|Insisting|Warning|Adding|Claiming|Stressing|Citing|"
                                 r"Acknowledging|Explaining|Suggesting|Declaring|Recalling)\b")
_SUBORDINATE_AFTER_A_CLAUSE = re.compile(r",\s+(?:but\s+|and\s+|yet\s+)?(?:when|after|before|while|once|because|"
                                         r"although|though)\s+(?:(?:a|an|the|his|her|their|one|two)\s+)?[\w’'.\-]+\s+"
                                         r"(?:[\w’'.\-]+\s+){0,3}?(?:asked|said|told|wrote|added|noted|insisted|argued|"
                                         r"warned|claimed|suggested|replied|explained)\b[^,;]*$")
_ANY_QUOTE_MARK = re.compile(r"[\"“”„«»‹›‘’']")
_QUICK_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")
# ", remarks that ...", ", a claim which ...": the writer's comment on the content, not part of it
_SUMMATIVE_APPOSITIVE = re.compile(r"(?:,(?P<marks>”|\"|''|’)?|\s+—|\s+–|\s+--)\s+(?:(?:a|an|the)\s+)?(?:remarks?|comments?|claims?|statements?|assertions?|"
                                   r"acknowledgment|acknowledgement|admission|warning|message|position|view|move|"
                                   r"step|sign|charge|accusation|allegation|phrase|expression|refrain|formula|slogan|"
                                   r"description|line)\s+(?:that|which|(?:he|she|they|it|some|many|others|critics)\s+\w+)\b",
                                   re.IGNORECASE)
# Quantifiers that stand alone as a subject: "some say", "others argue".
_QUANTIFIER_SUBJECTS = frozenset({"some", "many", "others", "most", "few", "several", "both", "all", "one", "another"})
# ", and Tallin ...", ", but officials ...": where a new clause with a subject of its own may start
# (the comma may sit inside a quotation's closing mark: 'are "about right," though voters ...'; "cut" is where S ends)
_NEW_CLAUSE = re.compile(r",(?P<mark>[”\"’])?(?P<cut>)\s+(?:and|but|while|whereas|although|though|yet)\s+(?!that\b|to\b)"
                         r"|\s+(?:—|–|--)\s+", re.IGNORECASE)
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"})
_CONTRAST_OPENING = re.compile(r"(?:while|whereas|and|but)\s+", re.IGNORECASE)
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "these", "those", "there",
                               "everything", "something", "someone", "somebody", "nobody", "everyone"})
# Cues after which a bare clause (no "that") is common: "X said the plan was dead".
_BARE_CLAUSE_LEMMAS = frozenset("""say tell add write warn insist argue claim predict suggest note explain stress
    emphasise emphasize agree acknowledge admit concede declare assert maintain reply respond tweet post
    caution complain contend confirm estimate reckon believe hint indicate report reveal testify concur
    reiterate repeat remind assure inform observe remark joke quip boast lament announce recall
""".split())
# cues whose bare object is mostly a noun phrase ("announced his candidacy", "recalled the talks"): a bare
# clause after them must open with a subject-like word ("announced she was not coming")
_NOUN_OBJECT_LEMMAS = frozenset({"announce", "recall"})
_THAT_IS_DETERMINER = frozenset({"is", "was", "would", "will", "could", "has", "had", "have", "are", "were", "can"})
# "told the Ledger", "told reporters", "told Valmora Today": the addressee of a tell-like cue.
_ADDRESSEE = re.compile(r"\s+(The\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2}\s+of\s+[A-Z][\w.’'\-]*|"  # "The Ledger of Esterby"
                        r"(?:(?:the|a|an|his|her|their|its|The)\s+(?:[a-z][\w\-]*\s+)?|(?:host|anchor|interviewer|"
                        r"moderator|presenter|correspondent|reporter|columnist|commentator|state|national|public|local|regional)\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}"
                        r"(?:\s+of\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2}(?=\s*[,:]))?"  # "Chris Wallace of Fox News,"
                        r"(?:\s+(?:panel|committee|subcommittee|hearing|audience|delegation|caucus|forum|rally|crowd))?|"
                        r"(?:the|a|an|his|her|their|its)\s+(?!(?:the|a|an|this|that|these|those|he|she|they|we|it|"
                        r"there)\s)"  # not "her the plan", "her she would win"
                        r"(?:[a-z][\w\-]*\s+)?(?!(?:the|a|an|this|that|these|those|in|on|at|of|for|with|from|by|"
                        r"about|after|before|during|last|over|via|he|she|they|we|it|there|you)\b)[a-z][\w\-]*"  # ("a biographer in 2022", "his aides he planned")
                        r"(?:\s+of\s+(?:the\s+)?[a-z][\w\-]*(?=\s+that\b))?|"  # "the head of state that"
                        r"him|her|them|me|us|you|reporters|journalists|lawmakers|senators|supporters|officials|"
                        r"colleagues|aides|diplomats|donors|voters|listeners|viewers|readers|delegates|audiences|crowds|"
                        r"[a-z]{3,}(?:ers|ists|ians|ents|ants))(?=[\s,.:;])")
# "on Saturday", "in an interview on Monday": time and place between a cue and its content.
_DOCUMENT_BRIDGE = re.compile(r"(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+)?" + _DOCUMENT_WORDS + r"s?"
                              r"(?:\s+(?:on|to|in|via)\s+[\w.’'\-]+(?:\s+[\w.’'\-]+){0,3})?", re.IGNORECASE)
# "two days earlier", "a week ago": a lapse of time between a cue and its "that"
_TIME_AGO_WORDS = (r"(?:a|an|one|two|three|four|five|six|seven|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)"
                   r"\s+(?:earlier|later|ago|before)")
_TIME_AGO = re.compile(_TIME_AGO_WORDS, re.IGNORECASE)
# 'said of the senator, "Q"': whom the words are about, then the quotation
_SAID_OF = re.compile(r"\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?[\w’'.\-]+(?:\s+[\w’'.\-]+){0,3}\s*,\s*")
_TIME_BRIDGE = re.compile(r"(?:\s+(?:on|in|at|during|late|early|last|this|earlier|later|after|following)\s+"
                          r"(?:(?!to\s)[\w’'\-]+\s+){0,3}?"
                          r"(?:[A-Z][\w’'\-]*|morning|afternoon|evening|night|week|weekend|month|year|interview|"
                          r"statement|briefing|conference|today|yesterday|listings?|speech(?:es)?|remarks|letters?|notes?|"
                          r"posts?|tweets?|e-?mails?|memos?|videos?|op-eds?|columns?|essays?|books?|appearances?|"
                          r"address|messages?|meetings?|talks|sessions?|summit|call|hearings?|visit)"
                          # a bare day: "said Thursday she would leave"
                          r"|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
                          r"|\s+" + _TIME_AGO_WORDS +  # "announced two days earlier that", "said a week ago that"
                          r")+(?=\s)")
# the same time words closed by a comma or colon: 'said Wednesday, "Q"'
_TIME_BEFORE_PUNCTUATION = re.compile(_TIME_BRIDGE.pattern.removesuffix(r"(?=\s)") + r"(?=\s*[,:])")
# Words that are no content alone ("said nothing", "this week") but are the subject before a verb
_PRONOUN_SUBJECTS_NOT_CONTENT = frozenset({"this", "nothing", "something", "much", "little", "more"})
_NOT_CONTENT_STARTS = frozenset("""so nothing little much more yes something anything otherwise why how what whether
    if which who whom goodbye hello thanks thank sorry please farewell and or nor but
""".split())
# A condition that may open a bare content ("said if the talks fail, S"), up to its comma.
_CONDITIONAL_OPENERS = frozenset({"if", "unless", "once"})
_CONDITION_THEN_COMMA = re.compile(r"[^,;:.!?\"“”«»]{3,150}?,\s*")
_CONDITION_THEN_PRONOUN = re.compile(r"[^,;:.!?\"“”«»]{3,150}?\s(?=(?:it|he|she|they|we|I|there|you)\s+(?:would|will|"
                                     r"could|can|should|might|may|must|won['’]t|wouldn['’]t)\b)"
                                     # 'says if elected president "I will work closely with Congress."'
                                     r"|[^,;:.!?\"“”«»]{3,80}?\s(?=[\"“«](?:it|he|she|they|we|I|there|you)\s)")
# Fronted adverbials: "Speaking after the meeting, X said" has no content before the cue.
# "During the meeting the parties exchanged views": a fronted phrase with no comma, then the clause's subject
_FRONTED_THEN_SUBJECT = re.compile(r"(?:during|in|on|at|following)\s+(?:(?!(?:after|before|when|while|since|as|until|"
                                   r"because|if|once)\b)[\w’'\-]+\s+){1,4}?((?:the|he|she|they|we)\s)", re.IGNORECASE)
_FRONTED = frozenset("""speaking asked in at on after before while when as late early during following responding
    addressing writing talking commenting questioned pressed interviewed later earlier separately meanwhile
    also however elsewhere describing calling asked answering replying reacting
""".split())
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|will|would|can|could|shall|should|may|might|must|do|does|"
    r"did|\w+n't|\w+n’t|\w{2,}ed|says|wants|needs|goes|makes|remains|seems|becomes|looks|works|knows|thinks|means|includes|"
    r"shows|stays|lies|depends|comes|gives|takes|gets|faces|plans|hopes|expects|continues|belongs|matters|exists|"
    r"lacks|helps|holds|stands|sees|puts|keeps|leaves|brings|runs|tends|risks|deserves|requires|reflects|suits|"
    r"began|begun|went|gone|came|made|took|taken|gave|given|got|saw|seen|knew|known|told|said|left|kept|held|"
    r"brought|thought|felt|found|meant|paid|sent|spent|stood|understood|won|lost|met|led|set|put|cut|hit|let|"
    r"become|became|done|sold|built|fell|fallen|broke|broken|chose|chosen|drew|drawn|grew|grown|rose|risen|"
    r"spoke|spoken|wrote|written|need|want|know|think|believe|agree|work|remain|exist|matter|happen|mean|"
    # more irregular pasts ("the dinner ran late", "the convoy drove north"); not those that are nouns
    # too ("shot", "bet", "split") or names ("Fed")
    r"ran|drove|driven|flew|flown|ate|eaten|drank|sat|slept|wore|worn|sang|rode|ridden|threw|thrown|caught|taught|"
    r"fought|bought|sought|struck|swore|sworn|woke|woken|shook|shaken|forgot|forgotten|forgave|forgiven|sank|stole|"
    r"stolen|hid|hidden|fled|dealt|dug|wept|swept|heard|arose|arisen|withdrew|withdrawn|overcame|undertook|"
    r"undertaken|upheld|withheld|oversaw|overseen|overtook|mistook|mistaken|froze|frozen|"
    r"(?:(?<=\bit)|(?<=\bhe)|(?<=\bshe)|(?<=\bthat)|(?<=\bthere)|(?<=\bwhat)|(?<=\bhere)|(?<=\bwho)|(?<=\bthis)|"
    r"(?<=\bwhere)|(?<=\bwhich)|(?<=\beveryone)|(?<=\bnobody)|(?<=\bsomeone))['’]s|"  # "it's", not "Meridian's"
    r"'re|’re|'ll|’ll|'ve|’ve|'m|’m)\b", re.IGNORECASE)
# "PORT HALDEN, March 14 (Meridian Wire) -": a dateline is not part of the content.
_DATELINE = re.compile(r"[A-Z][A-Z.'’\- ]{2,}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?){0,2}(?:\s*\([^)]{1,40}\))?"
                       r"\s*(?:—|–|-{1,2})\s*")


# After a gerund subject ("running the talks is tough") the verb is one of these.
_GERUND_SUBJECT_VERBS = frozenset({"is", "was", "has", "will", "would", "can", "could", "remains", "isn't", "wasn't",
                                   "isn’t", "wasn’t", "won't", "won’t", "makes", "made", "requires", "takes", "took"})
_CLAUSE_STOPS = frozenset({",", ";", ":", ".", "—", "–", "?", "!", '"', "“", "”"})
# Patterns of the cue rules below, compiled once (they run for every cue).
_LAST_WORD = re.compile(r"([\w’']+)\s*$")
_THAT_OR_COLON = re.compile(r"\s*(?:,\s*)?(?:that\b|:)")
_PARTICIPLE_CONJUNCTION = re.compile(r"(?:^|\s)(?:while|after|before|when|in|by|upon|of|for|without)$", re.IGNORECASE)
_MID_SENTENCE_CONJUNCTION = re.compile(r"(?:^|\s)(?:while|after|before|when|by|upon|in|of|for|without)$", re.IGNORECASE)
_AS_PASSIVE_OPENER = re.compile(r"\s*(?:(?:but|and|yet)\s+)?as\s+(?:\w+ly\s+|first\s+|earlier\s+)?", re.IGNORECASE)
# "state" before these is an adjective ("state media", "state-run"), not the verb "to state"
_STATE_MODIFIES = re.compile(r"[\s\-]+(?:news|media|television|tv|radio|agency|agencies|broadcaster|press|"
                             r"run|owned|controlled|department|secretary|officials?|visit|dinner|level|funeral|"
                             r"legislators?|lawmakers?|senators?|governments?|capitals?|budgets?|law|laws|court)\b",
                             re.IGNORECASE)
# Cue words that modify a noun in a speaker's noun phrase: "Western press agencies", "state media"
_NOUN_MODIFIERS = frozenset({"press", "state", "report", "statement", "comment", "post", "answer", "call"})
# ", two days after S" closing a sentence: the writer's timing, not the speaker's words
_TRAILING_TIME_PHRASE = re.compile(r",\s+(?:(?:just|only|barely|some|about|nearly|more\s+than)\s+)?"
                                   r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few)\s+"
                                   r"(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:after|before)\s", re.IGNORECASE)
# After the subject, up to "to" before a cue: a verb of acting ("stepped in at one point", "used her speech",
# "took the floor"), not of wanting, refusing, being asked or expected ("wants", "declined", "was asked")
_CONTACT_CLAUSE = re.compile(r"\s+(?:I|we)\s+(?:spoke|talked|interviewed|reached|met)(?:\s+(?:to|with))?"
                             r"(?:\s+(?:this|last|on|earlier|recently|in)(?:\s+[A-Za-z]+)?)?\s*$")
_ACTED_TO_SPEAK = re.compile(
    r"(?:,[^,]{1,80},)?\s+(?:also\s+|then\s+|later\s+|quickly\s+|[a-z]+ly\s+)?"
    r"(?!(?:wanted|planned|hoped|refused|declined|expected|asked|urged|told|tried|failed|decided|agreed|promised|"
    r"vowed|threatened|seemed|appeared|needed|had|has|have|was|were|is|are|did|does|would|will|could|can|should|may|"
    r"might|must|chose|preferred|liked|loved|intended|meant|led|prompted|caused|forced|pushed|pressed|invited|"
    r"allowed|encouraged|hesitated)\b)"
    r"(?:[a-z]+ed|took|rose|went|came|stood|spoke|got|returned|stepped|paused|broke|set|sat|left|met|made|ran|held|"
    r"began)\b[^.;:\"“”]{0,60}?"
    r"(?<!efforts)(?<!plans)(?<!attempts)(?<!bid)(?<!ability)(?<!right)(?<!chance)(?<!decision)(?<!move)"
    r"\s+to\s+$")
_NAME_RUN = r"((?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w’'\-]*)"
_TWO_NAMES_WITH_APPOSITIONS = (r"\s*" + _NAME_RUN + r"\s*,[^,;:\"“”]{1,80},\s+and\s+" + _NAME_RUN
                               + r"(?:\s*,[^,;:\"“”]{1,80},)?\s+")
_BOTH_AFTER_APPOSITIONS = re.compile(_TWO_NAMES_WITH_APPOSITIONS + r"both\s+(?:\w+ly\s+)?")
# "Calloway, the adviser, and Dragunov, the secretary, emerged ...": two names with their appositions, a subject
_PAIR_ACROSS_APPOSITIONS = re.compile(_TWO_NAMES_WITH_APPOSITIONS + r"(?:\w+ly\s+)?[a-z]+")
# the same adverbial, then ", but" and a clause of its own (the attribution ends its own clause there)
_ADVERBIAL_THEN_NEW_CLAUSE = re.compile(_ADVERBIAL_TO_END.pattern.replace(r"{0,200})?[.!?]?\s*$", r"{0,140}?)?")
                                        + r",\s+(?:but|and|while|whereas|yet)\s+", re.IGNORECASE)
assert _ADVERBIAL_THEN_NEW_CLAUSE.pattern.endswith(r"{0,140}?)?,\s+(?:but|and|while|whereas|yet)\s+")
# ", though few expected ...": a concession whose subject is a quantifier, the writer's
# ", however he did not exclude ...": translated copy's new clause of the writer's, about the speaker
_COMPARED_WITH = re.compile(r",\s+(?:compared\s+(?:with|to)|as\s+compared\s+(?:with|to))\s")
_HOWEVER_THEN_PRONOUN = re.compile(r",\s+however\s+(?:he|she|they)\s+[a-z]+")
_CONCESSION_BY_QUANTIFIER = re.compile(r",\s+(?:though|although)\s+(?:few|many|most|some|none|others|nobody|neither)\s+"
                                       r"(?:(?:has|have|had|is|are|was|were)\s+)?[a-z]+(?:ed|s|aid)\b")  # ("neither has said")
# a quotation closed with its comma, then the writer's "which ..." or the speaker's next act ("then kept them
# waiting", "and shared a link")
_CLOSED_THEN_WRITER = re.compile(r"(?<=,[”\"’])(?=\s+(?:which\s|(?:and\s+|but\s+)?then\s+[a-z]+\b"
                                 r"|(?:and|but)\s+(?:also\s+|later\s+)?[a-z]+(?:ed|s)\b))")
_ASPECT_FRAME = re.compile(r"\s(?:(?:has|have|had)\s+)?(?:also\s+)?(?:begun|began|begins|begin|started|starts|kept|keeps|"
                           r"continued|continues|taken\s+to|took\s+to|takes\s+to)\s+$")
_ASPECT_LAST_WORDS = frozenset("begun began begins begin started starts kept keeps continued continues to".split())
_DATELINE_MARKS = frozenset({"-", "—", "–", "--", ",", "("})
_TO_ADDRESSEE = re.compile(r"\s+to\s+((?:(?:the|a|an|his|her|their|its|my|our)\s+)?[\w.’'\-]+(?:,\d{3})*"
                           r"(?:\s+[\w.’'\-]+){0,3}?)\s*[,:]\s*")
# the last "and"/"but" before a cue, with the words after it: "S1 and | Marek said S2"
_LAST_CONJUNCTION = re.compile(r"\s(?:and|but|while|whereas)\s+(?!.*\s(?:and|but|while|whereas)\s)", re.IGNORECASE)
_LEAD_SPACE = re.compile(r"\s*")
_LEAD_ADVERB = re.compile(r"(?:\s+[a-z]+ly\b)?\s*,?\s*")
_COMMA_THEN_QUOTE_OR_PARTICIPLE = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*(?:[\"“„«‘']|(?:\w+ing|according)\b)")
# (the apposition may hold a title in quotation marks: ', author of "Beyond the Thaw," a history of ...')
_APPOSITION_TO_END = re.compile(r"\s*,\s*(?:[^\"“”«»]|[“\"][^\"“”«»]{1,60}?[”\"]){0,300}?"
                                r"(?:[.!?]\s*$|,\s*(?:\w+ing\b|[\"“„«‘']))")
# what may follow the cue of a sentence that is only an attribution: "said Marek.", "Marek said on Friday."
_BARE_ATTRIBUTION_END = re.compile(r"(?:\s+(?:on|in|at|late|early|this|last|yesterday|today|[A-Z][\w.’'\-]*)){0,4}"
                                   r"\s*[.!]?\s*")
# "Rep. Ana Ruiz, R-Esterby, said": a party and state tag, not a name
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][\w.]*")
# ", and referred questions to ...": after the content, the speaker's next act (a past verb without a subject)
_MAIN_SUBJECT_ACTS = re.compile(r",[”\"’]?\s+(?:and|but)\s+(?:then\s+|later\s+)?(?:referred|declined|refused|left|walked|went|"
                                r"drove|flew|headed|returned|"
                                r"ended|turned|moved|urged|called|promised|vowed|pledged|accused|thanked|criticised|"
                                r"criticized|praised|dismissed|rejected|denied|offered|asked|invited|"
                                # ", but did not elaborate": what the speaker left out, in the writer's words
                                r"(?:(?:did|would|could)(?:\s+not|n['’]t)\s+(?:" + _NOT_SAYING + r"|name|detail)"
                                r"|(?:(?:did|would|could)(?:\s+not|n['’]t)\s+"
                                r"(?:give|provide|offer)|gave\s+no|provided\s+no)\s+(?:any\s+|further\s+|more\s+)?"
                                r"(?:details|specifics|information|timeline|evidence|proof|examples)))\b")
# ", though she did not discuss their terms": the writer's remark on what the speaker left out
_CONCESSION_BY_PRONOUN = re.compile(r",[”\"’]?\s+(?:though|although|but)\s+(?:he|she|they)\s+(?:did|does|do|would|could|"
                                    r"has|have|had|was|were|is|are)(?:\s+not|n['’]t)\s+(?:say|said|elaborate|"
                                    r"elaborated|discuss|discussed|explain|explained|specify|specified|give|gave|"
                                    r"provide|provided|offer|offered|detail|detailed|name|named|answer|respond|comment|"
                                    r"commented|disclose|disclosed|reveal|revealed|go\s+into)\b", re.IGNORECASE)
# "According to Ostra-Press, Dragunov said": the medium before a speaker
_ACCORDING_TO_MEDIUM = re.compile(r"\s*[Aa]ccording\s+to\s+([^,;:\"“”«»]{2,80}?),\s*")
# Between a subject and its cue: "was quick to add", "went on to say", "took pains to note"
_INFINITIVE_FRAME = re.compile(r"\s(?:(?:was|were|is|are|has\s+been|have\s+been)\s+(?:quick|careful|eager|keen|swift|"
                               r"at\s+pains|happy|glad|sure)|went\s+on|goes\s+on|go\s+on|took\s+pains|takes\s+pains|"
                               r"made\s+a\s+point|liked|likes|loved|loves|used)\s+to\s+$")  # "he liked to say that"
_WH_WORDS = frozenset({"where", "who", "which", "whether", "how", "what", "why"})
_BRACKETED_ASIDE = re.compile(r"\s*\([^()\n]{1,40}\)")
_BY_AGENT = re.compile(r"\s+by\s")
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:when|as|after|because|while|since|whereas|although|though|once|until|before)\s+")
_RELATIVE_BEFORE_SPEAKER = re.compile(r"\b(?:that|which|who|whom)\s+$", re.IGNORECASE)
# the last word before ", according to X, S" that leaves its clause open: S comes after X ("The AP reported that,
# according to an analysis, S", "He crossed the border after, according to him, S")
_OPENS_A_CLAUSE_AHEAD = frozenset("""that after while because when before as if since although though whether""".split())
_COMMA_OR_COLON = re.compile(r"\s*[,:]?\s*")
# ", who ..." on the speaker, also after an apposition: 'said Scott Reed, the group's strategist, who added'
_RELATIVE_ON_SPEAKER = re.compile(r"\s*,\s*(?:[^,;:\"“”«»()]{1,80},\s*)?who\b")
_BY = re.compile(r"\s+by\s+")
_COMMA_THEN_CUE = re.compile(r"\s*,\s*")
_TITLE_LINK_WORDS = frozenset({"the", "of", "for", "and"})
_PREPOSITIONS_AFTER_A_CUE = frozenset({"on", "in", "at", "about", "of", "for", "with", "to", "from", "by", "upon", "over",
                                       "against", "into"})
# ", according to Ostra-Press," between a subject and its cue: the medium the words came through
_ACCORDING_TO_ASIDE = re.compile(r"\s*,\s*according\s+to\s+([^,;:]{2,80}?)\s*,\s*")
_THAT_AFTER_COMMA = re.compile(r"\s*,\s*that\b")

# ", a man called Bruno," right before a cue: the apposition names the speaker
_NAMED_APPOSITION_BEFORE_CUE = re.compile(r",\s*(?:a|an|one)\s+(?:[a-z\-]+\s+){1,2}(?:called|named)\s+"
                                          r"([A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2}),\s*$")
# What stands before a passive cue with an agent: "It", "This", "As", "» — it", "» —", "», as", ", as"
_PASSIVE_SUBJECT = re.compile(r"(?:(?P<mark>[,—–”\"»]|\s-)\s*)?(?P<pronoun>\b(?:[Ii]t|[Tt]his|[Aa]s)\s+)?\Z")
# An auxiliary and an adverb before a passive cue: "It was further emphasised by", "was also noted by"
_AUXILIARY_AND_ADVERB = re.compile(r"\b(?:was|were|is|are|been|be)\s+(?:also|further|again|once\s+again|"
                                   r"repeatedly|later|earlier|then|[a-z]+ly)\s+\Z")
# "who has been", "which was": a relative clause's auxiliaries before a passive cue
_RELATIVE_BEFORE_AUXILIARY = re.compile(r"\b(?:who|which|that)\s+(?:(?:has|have|had|is|are|was|were)\s+)?\Z",
                                        re.IGNORECASE)
# What may stand before "Asked by X whether S, ...": nothing, a conjunction, "When"
_ASKED_BY_OPENER = re.compile(r"(?:(?:but|and|yet)\s+)?(?:when\s+)?", re.IGNORECASE)
_QUESTION_WORD = re.compile(r"\b(?:whether|if|why|how|what|when|where|who)\b")
# Between the asker and the question's wh-word, at most a short time or place phrase ("reporters on Monday whether")
_SHORT_PHRASE = re.compile(r"[^,;:.!?\"“”«»\n]{0,40}")
_COMMA = re.compile(",")
# The subject of a naming cue in a relative clause, after the content it comments on: ", which he", ", and
# warned against what she" (the cue follows)
_RELATIVE_NAMING = re.compile(r",\s*(?:which\s+|and\s+[a-z]+(?:\s+(?:against|of|about|for|to|on))?\s+what\s+)"
                              r"(?:he|she|they|[A-Z][\w’'\-]+)(?:\s+(?:has|had|have))?\s*\Z")
# A fronted adverbial and nothing more (no comma, so no clause after it): "After five hours in Port Halden",
# "A day after their security chiefs sat across a table" (not "During the meeting the parties exchanged views",
# where translated copy runs the main clause on without a comma)
_ADVERBIAL_ONLY = re.compile(r"(?:(?:after|before|since|until|once)\b"
                             r"|(?:a|an|one|two|three|several|some|the)\s+(?:day|days|week|weeks|month|months|"
                             r"year|years|hour|hours|night|morning|evening)\s+(?:after|before|later|earlier|since)\b)"
                             r"[^,;:]*", re.IGNORECASE)
# "(a report) in the Kovask Herald that", "(reports) in the Ostravian press that": the outlet, then "that"
_REPORT_IN_AN_OUTLET = re.compile(r"\s+(?:in|by|from)\s+(?!(?:the\s+)?(?:" + _CALENDAR_NAMES + r")\b)(?P<outlet>(?:the\s+)?(?:[A-Z][\w’'.\-]*\s+){0,4}"
                                  r"(?:[A-Z][\w’'.\-]*|press|media|newspapers?|papers?))(?=\s+that\b)")
# A headline's two sides with a comma for "and", and perhaps their role: "URGENT: Norland, Ostravia security chiefs"
_HEADLINE_PAIR = re.compile(r"(?:[A-Z]{2,}:\s+)?([A-Z][\w’'\-]+),\s+([A-Z][\w’'\-]+)(?P<role>(?:\s+[a-z]+){1,2})?"
                            r"(?=\s+[a-z])")
_PLACE_PREPOSITIONS = frozenset("at in from into onto outside inside near on".split())
_MODAL = re.compile(r"\b(?:would|will)\b", re.IGNORECASE)
# "that" or a colon after a cue, past a short addressee or time phrase: "would tell senators on Monday that"
_FORWARD_THAT_OR_COLON = re.compile(r"[^,;:.\"“”«»]{0,40}?(?:\bthat\b|:)")
# A pronoun alone as a passive cue's agent: "by him.", "by her as «Q»", "by them, that"
_OBJECT_PRONOUN_AGENT = re.compile(r"(?:him|her|them)(?=\s*[,.;:]|\s+(?:as|to|that|in|on|at|after|during)\b)")
# The agent's "as" and the quotation it names: "was described by her as «Q»"
_AS_QUOTATION = re.compile(r"\s+as\s+(?=[\"“„«‘'])")
# The cues whose passive with an agent reports speech ("This was stated by X", not "This was denied by X")
_PASSIVE_SAYING = frozenset("""say state announce note emphasize emphasise stress declare report underline underscore
    confirm mention add explain indicate tell""".split())  # (not "written by": a song has an author, not a speaker)
# "stated on Saturday by", "said by": a passive cue's agent, after a short time phrase
_PASSIVE_AGENT = re.compile(r"(?:\s+(?:on|in|at|during)\s+[\w.]+(?:\s+[\w.]+)?|\s+(?:earlier|today|yesterday|later|"
                            r"also)|\s+to\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)?"  # ("reported to OSTA by")
                            r"\s+by\s+(?!(?:the\s+)?way\b)")
# "by P. A. Dragunov in a conversation with journalists that S": the occasion between the agent and "that"
_AGENT_OCCASION_THEN_THAT = re.compile(r"\s+(?:in|to|during|at|on|with)\s+[^,;:«»\"“”]{1,60}?(?=\s+that\b)")
_QUOTED_SOURCE_TAIL = re.compile(r"\s+(?:in|at|on|from|close\s+to|familiar\s+with|inside|within)\s+"
                                 r"(?!(?:" + _CALENDAR_NAMES + r"|this|last|"
                                 r"that|the\s+(?:morning|evening|afternoon|weekend|day|night))\b)[^,;:]{2,60}")
_BEFORE_SECOND_PART = re.compile(r"[^\"“”«».;!?]{0,100}?[,:]\s*(?=[\"“„«‘'])")
# The object of a naming cue up to its quotation; after "as" it may be longer
# ('described his talks with the adviser in Port Halden as "frank"')
# "said the Minister to the journalists": an audience after a speaker, not part of the speaker's title
_TO_AN_AUDIENCE = re.compile(r"to\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+)?(?:reporters|journalists|press|media|audiences?|"
                             r"crowds?|lawmakers|parliament|supporters|students|delegates|listeners|viewers|readers)\b",
                             re.IGNORECASE)
# "The talks, Voss said, now have a chance": adverbs between a parenthetical attribution and the verb
_ADVERBS_BEFORE_A_VERB = re.compile(r"(?:(?:now|also|still|already|only|just|never|always|often|soon|[a-z]+ly)\s+)*")
# '"Q," has said the Minister' (translated copy): an auxiliary before an inverted cue, after the content's comma
_INVERTED_AUXILIARY = re.compile(r"(?<=,|[\"”»’](?<=,[\"”»’]))\s*(?:has|have|had)$")
# a share of a group of people: "74 percent of voters", "half of respondents", "a majority of Democrats"
_SHARE_WORDS = frozenset({"percent", "half", "third", "thirds", "quarter", "quarters", "fourths", "fifths", "majority",
                          "minority", "plurality", "share", "number", "proportion"})
# "one of her aides": one of a group, not the group
_PART_OF_A_GROUP = frozenset({"one", "two", "three", "four", "some", "several", "many", "most", "each", "none", "few"})
# 'warned against "illusions"', 'hinted at "new proposals"': a cue whose object is a quotation
_QUOTED_OBJECT_LEMMAS = frozenset({"warn", "caution", "complain", "hint", "boast", "joke", "mention", "insist"})
_PREPOSITION_THEN_QUOTATION = re.compile(r"\s+(?:of|against|about|on|at)\s+(?=[\"“„«‘])")
_NAMING_OBJECT = re.compile(r"((?:\s+[\w’'\-.]+){0,8}?)(?:,(?:\s+(?:more|than|once|twice|again|repeatedly|often|"
                            r"at|one|point|in|an|a|interview|private|public|publicly|privately|then|also|even|later|"
                            r"earlier|several|times|on|occasion|occasions)){1,4},)?"  # (", more than once,")
                            r"(?:\s+(?:as|of))?\s+(?=[\"“„«‘'])"
                            r"|((?:\s+[\w’'\-.,]+){9,24}?)\s+as\s+(?=[\"“„«‘'])")


_QUANTITY_SUBJECT = re.compile(r"\s*(?:(?:much|many|most|some|all|none|each|few|part|half)\s+of\s+(?:the|his|her|its|their|"
                               r"this|that|these|those|our|my)\b|(?:more|fewer|less)\s+than\s+(?:\d|one|two|three|"
                               r"a\s+(?:dozen|third|quarter|half)|half))", re.IGNORECASE)
# A time word's possessive opening a clause: "Monday's vote was close", "last week's talks failed"
_POSSESSIVE_OPENING = re.compile(r"\s*(?:(?:last|this|next|past)\s+)?[^\W\d_][\w\-]*['’]s\s", re.IGNORECASE)


_QUANTIFYING_ADVERBS = frozenset({"nearly", "almost", "roughly", "about", "only", "just", "barely", "fully"})


def _starts_with_clause(text: str, start: int, limit: int, *, strict_subject: bool = False) -> bool:
    """Does ``text[start:]`` open with subject + finite verb (``the plan was dead``), not an object
    noun phrase (``his candidacy in June``)? The verb must come within ten words and before a
    comma, except a comma that opens a parenthetical (``the delegation, headed by X, would``); a
    relative ``that``/``which``/``who`` needs a second finite verb after it."""
    # quotation marks inside the clause are transparent: 'he "cannot walk down the street"'
    words = [w for w in WORD.findall(text[start:min(limit, start + 400)])[:40] if w not in _QUOTE_CHARS]
    if len(words) > 2 and norm(words[0]) in _QUANTIFYING_ADVERBS and (
            norm(words[1]) in DETERMINERS | {"every", "each"} or words[1][0].isdigit() or norm(words[1]) in _SHARE_WORDS):
        words = words[1:]  # "nearly every conversation centers on ...", "almost half of them agree"
    if not words:
        return False
    first = norm(words[0])
    if _PRONOUN_CONTRACTION.fullmatch(words[0]):
        return True  # "he’ll still back", "they're ready": a subject and its verb in one word
    if first in _PRONOUN_SUBJECTS_NOT_CONTENT and len(words) > 1 and words[1].islower() and _VERBISH.fullmatch(words[1]):
        return True  # "this was the only chance" (not "this week"), "nothing was promised" (not "said nothing")
    if _QUANTITY_SUBJECT.match(text, start):
        first = ""  # "much of his discussion was", "more than 1 million donors made": a quantity as subject
    if (first in BRIDGE_STARTERS and not _POSSESSIVE_OPENING.match(text, start)) or first in _NOT_CONTENT_STARTS \
            or first == "to" or (words[0].islower() and first.endswith("ly")):
        return False  # "on Monday the plan ..." opens no clause; "Monday's vote was close" does
    if words[0].islower() and first.endswith("ing") and not any(
            norm(w) in _GERUND_SUBJECT_VERBS for w in itertools.takewhile(lambda w: w not in _CLAUSE_STOPS, words[1:10])):
        return False  # "running the talks is tough" and "funding is needed" are clauses; "during the talks" is not
    if strict_subject:
        # after ", and": a new clause of someone else's ("and Tallin declined"), not more of the content
        # ("and identified specific areas", "but no agreement had been reached")
        second = norm(words[1]) if len(words) > 1 else ""
        person_subject = (words[0][0].isupper() and first not in DETERMINERS) \
            or first in GROUP_NOUNS or first in ROLE_NOUNS or (first in DETERMINERS and (
                second in ROLE_NOUNS or second in GROUP_NOUNS or (len(words) > 2 and norm(words[2]) in ROLE_NOUNS)))
        if not person_subject:
            return False
    relative = False
    relative_pronoun = ""
    k = 1
    while k < min(len(words), 36):
        word = words[k]
        sentence_end = len(word) > 1 and word.endswith(".") and word[:-1].isalpha() and not (
            word[0].isupper() and len(word) <= 4)
        if sentence_end:
            word = word[:-1]  # "the meeting failed.": the verb, then the sentence ends
        w = norm(word)
        if word == "," and words[k - 1][0].isupper() and k + 1 < len(words) and words[k + 1][0].isupper():
            k += 1  # a list of names in the subject: "comments from Rice, Rhodes and Panetta were"
            continue
        if word == ",":
            nxt = norm(words[k + 1]) if k + 1 < len(words) else ""
            if nxt in {"who", "which", "headed", "led", "based", "including", "like", "such", "the", "a", "an", "his",
                       "her", "its", "their", "also", "formerly", "now", "in", "at", "from", "with", "for", "by",
                       "according"} or nxt.endswith(("ed", "ing")) or (
                    k + 1 < len(words) and words[k + 1][0].isupper() and "," in words[k + 2:k + 6]):
                k += 1
                while k < len(words) and words[k] != ",":
                    k += 1  # skip the parenthetical to its closing comma
                k += 1
                continue
            return False
        if word == "(":
            while k < len(words) and words[k] != ")":
                k += 1  # "(though he does support it)": an aside inside the clause
            k += 1
            continue
        if word in {"—", "–"} and word in words[k + 1:k + 16]:
            k = words.index(word, k + 1) + 1  # "Marek — often the easiest to provoke — has been": an aside
            continue
        if word in {";", ":", ".", "—", "–", "?", "!"}:
            return False
        if w in {"that", "which", "who", "whom", "whose"}:
            relative = True
            relative_pronoun = w
        elif (k == 1 and first in _SUBJECT_PRONOUNS and word.replace("-", "").isalpha() and word.islower()
              and not relative):
            return True  # "she respects", "they want": after a subject pronoun comes the verb
        elif (word.islower() and w.endswith("s") and not w.endswith("ss") and words[k - 1][0].isupper()
              and not relative and norm(words[k - 1]) not in DETERMINERS and w not in DETERMINERS
              and norm(words[k - 1]) not in _COUNT_WORDS  # "Six months ago" is no "Norland wants"
              and w not in _NOT_VERBS_AFTER_NAME):
            return True  # "Norland wants", "the Kremlin insists"; not "Like his", "Among its"
        elif (word.islower() and w.endswith("s") and not w.endswith("ss") and _is_adverb(words[k - 1])
              and not relative):
            return True  # "the defence secretary fully supports"
        elif (2 <= k <= 3 and word.islower() and w.endswith("s") and not w.endswith("ss") and words[k - 1].isalpha()
              and words[k - 1].islower() and norm(words[k - 2]) in DETERMINERS | {"every", "each"} and not relative
              and words[k - 1] not in _NUMBER_WORDS):
            return True  # "the committee appears"; not "the two sides"
        elif (k == 2 and first in DETERMINERS and words[1].islower() and norm(words[1]).endswith("s")
              and word.isalpha() and word.islower() and w not in _NOT_VERBS_AFTER_PLURAL and not relative):
            return True  # "his friends feel", "the talks went"
        elif (_VERBISH.fullmatch(word) and not (w.endswith("ed") and norm(words[k - 1]) in DETERMINERS
                                                and not (k == 1 and first in _QUANTIFIER_SUBJECTS))) or word in {
                "'s", "’s", "'re", "’re", "'ll", "’ll", "'d", "’d"}:  # "the sealed envelope" is no verb
            if k == 1 and word in {"'s", "’s"} and first not in _SUBJECT_PRONOUNS:
                k += 1
                continue  # "his party's": a possessive, not "is"
            if not relative:
                return True
            relative = False  # the relative clause's own verb; the main one must follow
            while relative_pronoun != "that" and k + 1 < len(words) and words[k + 1].islower() and (
                    _VERBISH.fullmatch(words[k + 1]) or _is_adverb(words[k + 1])):
                k += 1  # ("mothers who have lost children": "lost" is still the relative clause's verb)
        if sentence_end:
            return False
        k += 1
    return False


# After "say" an object noun phrase is rare ("said the same thing", "said a lot"): an opening that is no
# adverbial, object or verb is enough, so verbs the clause test does not know ("the system favors") still count.
_LOOSE_CLAUSE_LEMMAS = frozenset({"say"})
_OBJECT_ONLY_WORDS = frozenset("""same thing things lot opposite word words goodbye nothing anything something
    everything them him me us no none exactly morning afternoon evening night back
""".split())
_CLAUSE_PUNCTUATION = frozenset({";", ":", ".", "—", "–", "?", "!"})
# "a rule change that he said would make it harder": the relative's gap is the content's subject
_GAP_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who|whom)\s+(?:[\w.’'\-]+\s+){1,5}?(?:has\s+|have\s+|had\s+)?"
                                  r"(?:also\s+|now\s+|repeatedly\s+)?(?:said|says|say)\s*$", re.IGNORECASE)


def _opens_said_clause(text: str, start: int, limit: int, unit_start: int) -> bool:
    """After ``say``: does ``text[start:]`` open a clause, not an object or an adverbial
    (``said the same``, ``said pleasantly``, ``said on TV``)? A verb opens one only in a relative
    clause whose gap is its subject (``the rule that he said would fail``).

    >>> _opens_said_clause("the system favors the wealthy.", 0, 30, 0)
    True
    >>> _opens_said_clause("the same thing about it.", 0, 24, 0)
    False
    """
    words = [w for w in WORD.findall(text[start:min(limit, start + 200)])[:12] if w not in _QUOTE_CHARS]
    words = list(itertools.takewhile(lambda w: w not in _CLAUSE_PUNCTUATION, words))
    if len(words) < 3:
        return False
    first, second = norm(words[0]), norm(words[1])
    before_match = _last_word(text[max(unit_start, start - 40):start])
    before = before_match.group(1) if before_match else ""
    if text.startswith(("'s", "’s"), start) or before.endswith(("'s", "’s")) or (
            words[0][0].isupper() and before[:1].isupper() and norm(before) not in _WEEKDAYS
            and norm(before) not in CUE_FORMS):
        return False  # a bridge that stopped inside a name: "said on Glenn | Beck's show", "at Okafor's | remarks"
    if (first in BRIDGE_STARTERS or first in _NOT_CONTENT_STARTS
            or any(norm(w) in _OBJECT_ONLY_WORDS for w in words[:4])):
        return False
    if words[0].islower() and first.endswith("ly") and second not in DETERMINERS and not second[0].isdigit():
        return False  # "said pleasantly"; not "said nearly every conversation"
    if words[0].islower() and (_VERBISH.fullmatch(words[0]) or first.endswith("ed")):
        return bool(_GAP_RELATIVE_BEFORE.search(text, max(unit_start, start - 80), start))
    if words[0].islower() and first.endswith("ing"):
        # "cutting the output must come first"; not "said adding more inspectors, which ..."
        return any(_VERBISH.fullmatch(w) for w in itertools.takewhile(lambda w: w != ",", words[2:]))
    if words[0].islower() and not (first in DETERMINERS or first in _SUBJECT_PRONOUNS or first in _QUANTIFIER_SUBJECTS
                                   or any(norm(w).endswith("s") or norm(w) == "people"
                                          for w in itertools.takewhile(lambda w: w != ",", words[:3]))):
        return False  # a bare singular noun is no subject: "said ... in this lakeside | city, but"
    return _may_hold_its_verb(words)


def _may_hold_its_verb(words: list[str]) -> bool:
    """Is a word after the first one that can be a verb: lower-case, neither a determiner nor a preposition?"""
    return any(w.islower() and w.isalpha() and norm(w) not in DETERMINERS and norm(w) not in BRIDGE_STARTERS
               and norm(w) not in _PREPOSITIONS_IN_NP for w in words[1:])


def _after_addressee(text: str, pos: int, limit: int) -> int:
    """Where the words after ``told`` go on once its addressee (``told reporters``) is passed."""
    m = _ADDRESSEE.match(text, pos, limit)
    return m.end() if m else pos


def _is_people_plural(word: str) -> bool:
    """A plural noun of people: the lists' plurals, or a plural of the agent endings
    (``specialists``, ``historians``) or of kin (``brothers``)."""
    return word in _COLLECTIVE_PEOPLE or (word.endswith("s") and (
        word in ROLE_NOUNS or word in GROUP_NOUNS or word in _KIN_PLURALS or word.endswith(("ists", "ians"))))


def _is_agent_plural(word: str) -> bool:
    """A plural that may name people by what they do (``traders``, ``investors``, ``fishermen``);
    many such words name things (``banners``), so they count only where a subject starts."""
    return (word.endswith(("ers", "ors")) and len(word) > 5 and word not in _THINGS_IN_ERS) or (
        word.endswith("men") and len(word) > 4) or (word.endswith("ees") and word not in _THINGS_IN_EES)


# Plurals in -ers/-ors that name things, not people ("traders", "investors" do)
_THINGS_IN_ERS = frozenset("""others papers numbers letters orders matters centers centres borders waters powers
    answers factors sectors errors doors floors colors colours mirrors corners chambers headquarters quarters
    computers servers meters metres filters markers layers towers tractors motors rumors rumours helicopters banners
    posters stickers fliers flyers containers trailers headers""".split())
_COUNT_WORDS = _NUMBER_WORDS | frozenset("""thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
    thirty forty fifty sixty seventy eighty ninety hundred""".split())
_THINGS_IN_EES = frozenset("fees trees degrees guarantees decrees knees coffees bees".split())
_COLLECTIVE_PEOPLE = frozenset({"police", "staff", "personnel", "groups", "campaigners", "advocates", "unions", "fans", "people",
                                "respondents", "participants", "attendees",
                                "media", "agencies", "outlets", "newspapers", "broadcasters", "tabloids"})


_NOT_VERBS_AFTER_NAME = frozenset("his its this thus was has is as us yes plus".split())
_PRONOUN_CONTRACTION = re.compile(r"(?i:he|she|it|they|we|i|you|that|there|this|what|who)['’](?:ll|s|re|ve|d|m)")
_KIN_PLURALS = frozenset("brothers sisters siblings sons daughters cousins relatives neighbours neighbors".split())


def _is_role_run(words: list[str]) -> bool:
    """Lower-case words that describe the name after them: ``veteran analyst``, ``political
    scientist`` (any adjective before a role noun), not ``then`` or ``also``."""
    if all(is_modifier(w) or (w.count("-") >= 2 and w.replace("-", "").isalpha() and w.islower()) for w in words):
        return True  # (a hyphenated compound is an adjective: '"Q," warm-and-fuzzy Voss said')
    return norm(words[-1]) in ROLE_NOUNS and all(
        w.replace("-", "").isalpha() and norm(w) not in _NOT_ROLE_MODIFIERS for w in words[:-1])


_NOT_ROLE_MODIFIERS = AUXILIARIES | DETERMINERS | frozenset(
    """and or but then also now later still so as at in on of for to from with by not never""".split())


def _lower_run_to_a_role(words: list[tuple[int, int, str]], j: int, end_index: int) -> bool:
    """Do plain lower-case words run from ``words[j]`` to a role noun before the name
    (``foreign affairs ministry spokesman`` in ``... ministry spokesman Benali Cherif``)?"""
    role = False
    for k in range(j + 1, end_index + 1):
        word = words[k][2]
        if word[0].isupper():
            return role  # the name begins: a role noun must have come right before it
        if not (word.isalpha() and word.islower()) or norm(word) in _PREPOSITIONS_IN_NP:
            return False
        role = norm(word) in ROLE_NOUNS
    return False


def _time_adjective(previous: str, word: str) -> bool:
    """``earlier`` / ``later`` right after a determiner (``an earlier report``) is an adjective, not
    the adverb of ``X earlier said`` that the auxiliaries list holds."""
    return norm(word) in {"earlier", "later"} and norm(previous) in DETERMINERS


def _is_noun_after_determiner(before: list[str]) -> bool:
    """Do the words before a cue word end in a determiner and adjectives only (``a``, ``a
    short written``), so that the cue word is a noun (``a short written note``)?"""
    for k in range(len(before) - 1, -1, -1):
        w = norm(before[k])
        if w in DETERMINERS and w not in _QUANTIFIER_SUBJECTS:
            return k >= len(before) - 3 and (k == 0 or norm(before[k - 1]) not in _PASSIVE_AUX)
        if not before[k].isalpha() or not before[k].islower() or w in PRONOUNS or w in _PRONOUN_FORMS:
            return False
        if (w in AUXILIARIES or w in _NOT_ROLE_MODIFIERS or w.endswith("ly")) and not (
                k and _time_adjective(before[k - 1], w)):
            return False  # (but "an earlier report": an adjective)
    return False


def _last_word(segment: str) -> re.Match | None:
    """``_LAST_WORD.search(segment)``, begun after the last blank: no match can start before it
    (a blank is neither in the word nor followed by the blanks alone that may end the match)."""
    stripped = segment.rstrip()
    if not stripped:
        return None
    return _LAST_WORD.search(segment, len(stripped) - len(stripped.rsplit(None, 1)[-1]))


def _mid_sentence(before: str) -> bool:
    """``the minister paused before replying``: a participle after the main clause, not fronted."""
    m = _MID_SENTENCE_CONJUNCTION.search(before)
    return m is not None and len(WORD.findall(before[:m.start()])) >= 2


def _is_adverb(word: str) -> bool:
    w = norm(word)
    return word.islower() and w.endswith("ly") and len(w) > 4 and w not in {"family", "italy", "supply", "rally", "ally"}


# Time words between a subject and its cue: "X, who ran in 2012, last week said".
_TIME_BEFORE_CUE = re.compile(
    r"(?:\s*,)?\s+(?:(?:last|this|next|earlier|later)\s+(?:week|month|year|weekend|spring|summer|fall|autumn|winter|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?:night|morning|evening|afternoon))?|(?:yesterday|today|tonight|recently|previously|"
    r"earlier|later|again|then))\s*$", re.IGNORECASE)

# The last words _TIME_BEFORE_CUE can end on, for a quick test before its search: the
# search tries every position of the text before the cue, and most cues have none of these.
_TIME_WORD_ENDINGS = ("week", "month", "year", "weekend", "spring", "summer", "fall", "autumn", "winter", "monday",
                      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
                      "tonight", "recently", "previously", "earlier", "later", "again", "then", "night", "morning",
                      "evening", "afternoon")


def _time_words_before(text: str, start: int, end: int) -> re.Match | None:
    """``_TIME_BEFORE_CUE.search(text, start, end)``, skipped when the text cannot end on a time word."""
    last = end
    while last > start and text[last - 1].isspace():
        last -= 1
    tail = text[max(start, last - 10):last]
    # ignoring case, re also takes a few non-ASCII letters for ASCII ones (ſ for s): those go to the search
    if tail.isascii() and not tail.lower().endswith(_TIME_WORD_ENDINGS):
        return None
    return _TIME_BEFORE_CUE.search(text, start, end)


def _is_fronted(word: str) -> bool:
    """A word that opens a fronted adverbial (``Finally,``; ``In Kovask,``; ``Asked about it,``)."""
    w = norm(word)
    return (w in _FRONTED or w in _PREPOSITIONS_IN_NP or w in BRIDGE_STARTERS or (w.endswith("ly") and len(w) > 3)
            or (word[:1].isupper() and w.endswith(("ing", "ed")) and w not in {"united"}))


def _may_be_a_clause(text: str) -> bool:
    """Loosely, for where a noun phrase alone is rare: four words or more, a subject-like
    first word, and a lower-case word after it that may be a verb (not a determiner or a
    preposition): ``most voters approve of Voss``."""
    words = [w for w in WORD.findall(text) if w.isalnum() or "-" in w or "'" in w or "’" in w]
    first = norm(words[0]) if words else ""
    if len(words) < 4 or first in _NOT_CONTENT_STARTS or first.endswith("ly") or (
            first in BRIDGE_STARTERS and not words[1][0].isdigit()):
        return False  # "Over the long term", "But the next day", "Notably absent"; not "About 58 percent"
    return _may_hold_its_verb(words)


def _looks_like_clause(text: str) -> bool:
    """Has a finite verb (or something that reads like one): content, not a bare noun phrase."""
    return _VERBISH.search(text) is not None or _starts_with_clause(text, 0, len(text))


def _is_skippable(word: str) -> bool:
    """Between subject and cue: auxiliaries, adverbs, reflexives (``has also``, ``himself``)."""
    w = norm(word)
    return w in AUXILIARIES or (w.endswith("ly") and len(w) > 3 and word.islower()) or w in {
        "himself", "herself", "itself", "themselves", "too", "nonetheless", "nevertheless", "however", "instead",
        "therefore", "thus", "meanwhile", "though", "alone", "both", "all", "personally", "yesterday", "today",
        "since"}  # "He has since said"


@dataclass(frozen=True)
class Content:
    """A content span found by a rule; ``marked`` when ``that``/colon/quotation announced it."""

    start: int
    end: int
    addressee: str | None
    marked: bool


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
        self.cues = _find_cues(text)
        sentences = self._sentences()
        self.quotations = self._close_at_attribution(find_quotations(text, self.paragraphs))
        self._q_starts = [self.outer(q)[0] for q in self.quotations]
        self._q_ends = [self.outer(q)[1] for q in self.quotations]
        # the furthest end of the quotations up to each one: past it, none covers a position
        self._q_reach = list(accumulate(self._q_ends, max))
        self.units = self._units(sentences)
        self.sentence_starts = [u.start for u in self.units]  # the units are the sentences pronouns count
        self._paragraph_starts = [p[0] for p in self.paragraphs]

    def _sentences(self) -> list[tuple[int, int, int]]:
        """Punkt's sentences where quotes can be (a paragraph with a cue or a quotation mark);
        elsewhere a quick split at sentence-final punctuation, which only counts distances for
        pronouns. Punkt is the slowest step, and most paragraphs hold no quote. Each sentence
        is a (paragraph, start, end) tuple."""
        text = self.text
        cue_starts = [c.start() for c in self.cues]
        sentences: list[tuple[int, int, int]] = []
        for paragraph, (start, end) in enumerate(self.paragraphs):
            i = bisect_right(cue_starts, start)
            if (i < len(cue_starts) and cue_starts[i] < end) or _ANY_QUOTE_MARK.search(text, start, end):
                spans = paragraph_sentences(text, paragraph, start, end)
            else:
                spans, cursor = [], start
                for m in _QUICK_SENTENCE_END.finditer(text, start, end):
                    spans.append((cursor, m.start() + 1))
                    cursor = m.end()
                spans.append((cursor, end))
            sentences.extend((paragraph, s, e) for s, e in spans if e > s)
        return sentences

    @staticmethod
    def outer(q: Quotation) -> tuple[int, int]:
        """The quotation's span with its marks."""
        return (q.open if q.open >= 0 else q.start, q.close_end if q.close >= 0 else q.end)

    def _close_at_attribution(self, quotations: list[Quotation]) -> list[Quotation]:
        """``"We are ready, Marek said.``: a missing closing mark is put before the attribution."""
        fixed = []
        for q in quotations:
            if q.recovered == "unclosed" and q.paragraph == q.last_paragraph:
                segment = self.text[q.start:q.end]
                for cue in CUE_PATTERN.finditer(segment):
                    m = re.search(r"[,?!]\s+((?:[\w.’'\-]+\s+){0,5}?(?:[A-Z][\w.’'\-]*|he|she|they)|"
                                  r"(?:the|a|an|his|her)\s+(?:[\w.’'\-]+\s+){0,4}?[\w’'\-]+)\s+(?:\w+ly\s+)?$",
                                  segment[:cue.start()])
                    if m:
                        end = q.start + m.start() + 1
                        fixed.append(replace(q, end=end, recovered="unclosed:attribution"))
                        break
                else:
                    fixed.append(q)
            else:
                fixed.append(q)
        return fixed

    def _units(self, sentences: list[tuple[int, int, int]]) -> list[Unit]:
        spans: list[list[int]] = []  # [start, end, paragraph], a Unit once complete
        for paragraph, start, end in sentences:
            if spans and spans[-1][2] == paragraph and (
                    self._crosses(spans[-1][1], start) or self._attribution_follows(spans[-1][1], start, end)):
                spans[-1][1] = end
            else:
                spans.append([start, end, paragraph])
        return [Unit(start, end, paragraph) for start, end, paragraph in spans]

    def _attribution_follows(self, left_end: int, right_start: int, right_end: int) -> bool:
        """``"Why now?" Tallin said.``: Punkt ends a sentence at ``?"``, but the attribution belongs to it.

        After ``."`` only a bare attribution is joined (``"We are ready." Marek said.``), never
        a sentence with content of its own (``"We won." Marek said the count was fair.``).
        """
        mark = self.text[left_end - 2:left_end - 1]
        if mark not in ("?", "!", ".") or self.text[left_end - 1] not in _CLOSING:
            return False
        m = CUE_PATTERN.search(self.text, right_start, min(right_end, right_start + 80))
        if m is None or len(WORD.findall(self.text[right_start:m.start()])) > 5 or re.search(
                r"[,;:\"“”«»]", self.text[right_start:m.start()]):
            return False
        return mark != "." or _BARE_ATTRIBUTION_END.fullmatch(self.text, m.end(), right_end) is not None

    def _crosses(self, left_end: int, right_start: int) -> bool:
        """Does a single-paragraph quotation run across this sentence boundary?"""
        i = bisect_right(self._q_starts, left_end) - 1
        while i >= 0:
            q = self.quotations[i]
            o_start, o_end = self.outer(q)
            if q.paragraph == q.last_paragraph and o_start < left_end and o_end > right_start:
                return True
            if o_end < left_end - 2000:
                break
            i -= 1
        return False

    def unit_at(self, pos: int) -> Unit:
        return self.units[max(0, bisect_right(self.sentence_starts, pos) - 1)]

    def body_start(self, unit: Unit) -> int:
        """Where a unit's text begins once a dateline (``PORT HALDEN, March 14 -``) is skipped."""
        if unit.start not in self._paragraph_starts[:5]:
            return unit.start
        m = _DATELINE.match(self.text, unit.start, unit.end)
        return m.end() if m else unit.start

    def is_headline(self, unit: Unit) -> bool:
        """A first paragraph of a few words with no closing full stop: headline grammar
        (``Calloway says second round likely``) drops verbs and articles."""
        if unit.paragraph != 0 or len(self.paragraphs) < 2:
            return False
        line = self.text[self.paragraphs[0][0]:self.paragraphs[0][1]].rstrip()
        words = WORD.findall(line)
        if len(words) > 25:
            return False
        if line[-1:] not in ".!?\"”»":
            return True
        # Title Case keeps a headline one even with a full stop: "Voss Says Talks Made Progress."
        long_words = [w for w in words if len(w) > 3 and w.isalpha()]
        return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)

    def quotation_covering(self, pos: int) -> Quotation | None:
        i = bisect_right(self._q_starts, pos) - 1
        if i < 0 or self._q_reach[i] <= pos:
            return None  # every quotation that starts before pos has ended
        while i >= 0:
            q = self.quotations[i]
            o_end = self._q_ends[i]
            if self._q_starts[i] <= pos < o_end:
                return q
            if q.paragraph == q.last_paragraph and o_end < pos - 5000:
                break
            i -= 1
        return None

    def quotation_starting(self, pos: int, limit: int) -> Quotation | None:
        """The quotation whose opening mark is the first non-space character at/after ``pos``."""
        while pos < limit and self.text[pos].isspace():
            pos += 1
        i = bisect_right(self._q_starts, pos) - 1
        if i >= 0 and self._q_starts[i] == pos and self.quotations[i].open == pos:
            return self.quotations[i]
        return None

    def paragraph_after(self, pos: int) -> int:
        """Index of the first paragraph that starts after ``pos`` (may be out of range)."""
        return bisect_right(self._paragraph_starts, pos)

    def quotation_opening_paragraph(self, index: int) -> Quotation | None:
        if index >= len(self.paragraphs):
            return None
        start = self.paragraphs[index][0]
        return self.quotation_starting(start, self.paragraphs[index][1])


# -- small text helpers ----------------------------------------------------------------------


def _addressee_before_question(words: list[tuple[int, int, str]]) -> bool:
    """``asked him``, ``asked the Defence Secretary, Owen Strand,``: at most four words, and
    commas only around a name in apposition."""
    if words and words[-1][2] == "," and "," in [w[2] for w in words[:-1]]:
        opening = max(k for k in range(len(words) - 1) if words[k][2] == ",")
        if all(w[2][0].isupper() for w in words[opening + 1:-1]) and opening + 1 < len(words) - 1:
            words = words[:opening]  # the name between the commas
    return len(words) <= 4 and not any(w[2] == "," for w in words)


# "people briefed on the move said", "voters surveyed in Ohio say": a past participle on a source
_SOURCE_PARTICIPLES = frozenset("""briefed involved interviewed surveyed polled questioned contacted consulted reached
    assigned stationed based posted employed aligned allied affiliated associated connected opposed""".split())


_STATE_NAME_STARTS = frozenset({"New", "North", "South", "West", "Rhode"})  # "in Concord, New Hampshire,"
_CLOSING_AFTER_COMMA = frozenset("\"”»'")


def _first_name_not_modal(words: list[tuple[int, int, str]], i: int) -> bool:
    """'"Q," Will wrote', 'In particular, Will wrote': after a quotation mark or a comma, "Will" (or
    "May", "Can") is a first name, not the modal."""
    return words[i][2] in {"Will", "May", "Can"} and i > 0 and words[i - 1][2] in _QUOTE_CHARS | {","}


def _double_marks(words: list[tuple[int, int, str]], start: int, end: int) -> int:
    """The double quotation marks among ``words[start:end]``; two apostrophes in a row (``''``,
    one newspaper's way of writing them) count as one."""
    count, k = 0, start
    while k < end:
        word = words[k][2]
        if word in _DOUBLE_QUOTE_CHARS:
            count += 1
        elif word == "'" and k + 1 < end and words[k + 1][2] == "'" and words[k + 1][0] == words[k][1]:
            count += 1
            k += 1
        k += 1
    return count


def _participle_after_a_source(words: list[tuple[int, int, str]], j: int) -> int | None:
    """The index of the participle in ``a diplomat attending a reception at the embassy`` (a role
    noun, an -ing participle, then up to eight words without punctuation up to ``words[j]``)."""
    for k in range(j - 1, max(0, j - 9), -1):
        word = words[k][2]
        if not word[0].isalnum():
            return None
        if word.islower() and ((word.endswith("ing") and len(word) > 5) or norm(word) in _SOURCE_PARTICIPLES) and (
                norm(words[k - 1][2]) in ROLE_NOUNS | GROUP_NOUNS or _is_people_plural(norm(words[k - 1][2]))):
            return k
    return None


def _knowledge_link_start(words: list[tuple[int, int, str]], j: int) -> int | None:
    """The index of ``with`` in ``with [direct] knowledge of`` right before ``words[j]``, else None."""
    if j < 3 or norm(words[j - 1][2]) != "of" or norm(words[j - 2][2]) != "knowledge":
        return None
    k = j - 3
    if k >= 1 and norm(words[k][2]) != "with" and words[k][2].isalpha() and words[k][2].islower():
        k -= 1
    return k if norm(words[k][2]) == "with" else None


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    # WORD looks neither behind nor at the string's ends, so bounds give what a slice would
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def _without_quoted_titles(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop a programme's or paper's title in quotation marks after a name or ``on``/``in``
    (``said on Valmora Today's "Morning Hour" that``), so a bridge can run past it."""
    kept: list[tuple[int, int, str]] = []
    k = 0
    while k < len(words):
        word = words[k][2]
        if word in _OPENING and kept and (kept[-1][2][0].isupper() or norm(kept[-1][2]) in {"on", "in"}
                                          or kept[-1][2] in {"'s", "’s"} or _WORK_TITLED.fullmatch(kept[-1][2]) or (
                    kept[-1][2] == "," and len(kept) > 1 and _WORK_TITLED.fullmatch(kept[-2][2]))):
            close = next((m for m in range(k + 1, min(len(words), k + 9)) if words[m][2] in _CLOSING), None)
            if close is not None and close > k + 1 and all(w[2][0].isupper() or not w[2][0].isalpha()
                                                           for w in words[k + 1:close]):
                k = close + 1
                continue
        kept.append(words[k])
        k += 1
    return kept


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding blanks, a leading comma (``said that, while ...``), and a trailing full
    stop/comma/semicolon outside quotation marks."""
    while start < end and (text[start].isspace() or text[start] == ","):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-"):
        end -= 1
    return start, end


def _kind_and_span(doc: Document, start: int, end: int) -> tuple[str, int, int]:
    """Kind of a content span; a span that is one quotation shrinks to inside its marks."""
    text = doc.text
    q = doc.quotation_covering(start)
    if q is not None and (q.open == start or (q.open < 0 and q.start == start)):
        o_start, o_end = doc.outer(q)
        if not text[o_end:end].strip(" ,.;:!?"):
            return "direct", q.start, q.end
    segment = text[start:end]
    if any(ch in segment for ch in "\"“”«»„"):
        return "mixed", start, end
    i = bisect_right(doc._q_starts, start)
    while i < len(doc.quotations) and doc._q_starts[i] < end:
        if not doc.quotations[i].double:
            return "mixed", start, end
        i += 1
    return "indirect", start, end


class Rules:
    """Apply the cue rules to one :class:`Document`."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text

    # -- speaker noun phrases ------------------------------------------------------------
    def speaker_before(self, unit_start: int, cue_start: int) -> tuple[int, int, list[str]] | None:
        """The subject noun phrase that ends right before a cue.

        Auxiliaries and adverbs (``has also``, ``briefly``) are skipped, and so are
        parentheticals between subject and cue (``X, the Kremlin spokesman, said``;
        ``X, who led the talks, said``; ``X, during a visit to Esterby, Valmora, said``).
        """
        if " I " in self.text[max(unit_start, cue_start - 40):cue_start] or " we " in self.text[
                max(unit_start, cue_start - 40):cue_start]:
            contact = _CONTACT_CLAUSE.search(self.text, max(unit_start, cue_start - 40), cue_start)
            if contact is not None:
                # "A retired ambassador I spoke to this week called it ...": the writer's contact clause
                return self.speaker_before(unit_start, contact.start())
        if self.text.find("ed ", max(unit_start, cue_start - 40), cue_start) >= 0:
            named = _NAMED_APPOSITION_BEFORE_CUE.search(self.text, max(unit_start, cue_start - 80), cue_start)
            if named is not None:
                # "The taxi driver who took me to the ferry, a man called Bruno, said": the name speaks
                return named.start(1), named.end(1), named.group(1).split()
        # (the searches below run for every cue: a cheap look for "who" or a dash comes first)
        relative_clause = (_WHO_CLAUSE_BEFORE_CUE.search(self.text, unit_start, cue_start)
                           if self.text.find("who", unit_start, cue_start) >= 0 else None)
        if relative_clause is not None:
            # "a diplomat from a third country who was briefed on the talks said": the antecedent speaks
            antecedent = self.speaker_before(unit_start, relative_clause.start())
            if antecedent is not None and len(antecedent[2]) == 1 and norm(antecedent[2][0]) in _BARE_ANTECEDENTS:
                # "Those who know both women say": the pronoun is nobody without its clause
                clause_end = relative_clause.start() + len(relative_clause.group().rstrip())
                clause_words = [w.group() for w in WORD.finditer(self.text, antecedent[0], clause_end)]
                return antecedent[0], clause_end, clause_words
            if antecedent is not None and (antecedent[2][0][0].isupper() or norm(antecedent[2][-1]) in ROLE_NOUNS
                                           or norm(description_head(antecedent[2])) in ROLE_NOUNS):
                return antecedent
        time_words = _time_words_before(self.text, unit_start, cue_start)
        if time_words and time_words.start() > unit_start:
            comma = self.text.find(",", time_words.start(), time_words.end())
            if comma >= 0:
                # "X, who met Y, later said": the comma may close a parenthetical on the subject
                subject = self.speaker_before(unit_start, comma + 1)
                if subject is not None:
                    return subject
            cue_start = time_words.start()  # "X last week said": the subject comes before the time words
        aside = None
        if _ANY_DASH.search(self.text, unit_start, cue_start):
            aside_end = cue_start
            for s, _, word in reversed(_words(self.text, max(unit_start, cue_start - 40), cue_start)):
                if not _is_skippable(word):
                    break
                aside_end = s  # "X — long proud of it — both said": the aside ends before "both"
            aside = _DASH_ASIDE.search(self.text, unit_start, aside_end)
            if aside is not None and self.text[aside.start() + 1:aside.start() + 3] == "- " and not (
                    self.text[unit_start:aside.start()].rstrip().split() or [""])[-1][:1].isupper():
                aside = None  # spaced hyphens set off an aside only after a name ("Deborah Reyna - his partner - told")
        if aside is not None:
            # "A former rival -- Ivo Marek, who lost in 2012 -- said": the name set off by dashes speaks;
            # "Tallin — after a long pause — told me": the subject before the dashes does
            name = _NAME_AT_START.match(aside.group(1))
            first = norm(name.group().split()[0]) if name is not None else ""
            if name is not None and first not in _CLAUSE_OPENERS and first not in DETERMINERS:
                words = name.group().split()
                return aside.start(1), aside.start(1) + name.end(), words
            return self.speaker_before(unit_start, aside.start())
        words = _words(self.text, unit_start, cue_start)
        i = len(words) - 1
        while i >= 0 and _is_skippable(words[i][2]) and not _first_name_not_modal(words, i):
            if norm(words[i][2]) in {"both", "all"} and (i == 0 or words[i - 1][2] in {".", ";"} or norm(
                    words[i - 1][2]) in _CLAUSE_OPENERS | _SUBORDINATORS):
                return words[i][0], words[i][1], [words[i][2]]  # "though both said": "both" is the subject
            i -= 1
        if i < 0:
            return None
        relative = None
        if norm(words[i][2]) in {"who", "which"} and i > 0:
            # "said one former staffer, who said ...", "four in 10 who said": the antecedent speaks,
            # and the mention is the relative pronoun (resolved through the antecedent, like "he")
            relative = words[i]
            i -= 2 if words[i - 1][2] == "," else 1
            while i >= 0 and _is_skippable(words[i][2]):
                i -= 1
            if i < 0:
                return None
            if norm(words[i][2]) in _WEEKDAYS or norm(words[i][2]) in _MONTHS:
                # "Ostra-Press's account, published on Saturday, which described": the noun before the participle
                comma = next((m for m in range(i - 1, max(-1, i - 8), -1) if words[m][2] == ","), None)
                if comma is not None and comma > 0 and words[comma + 1][2].endswith("ed"):
                    i = comma - 1
        elif words[i][2] == "," and i > 0:
            comma = i
            i = self._before_parenthetical(words, i)
            if i is None and words[comma - 1][2] == ")":
                i = comma - 1  # "Sen. Jack Reed (D-R.I.), said": a stray comma after the party tag
            if i is None:
                return None
        elif i > 1 and words[i][2] in _CLOSING_AFTER_COMMA and (words[i - 1][2] == "," or words[i - 1][2] == "'" == words[
                i][2] and words[i - 2][2] == ",") and _double_marks(words, 0, i + 1) % 2 == 0:
            # 'Manafort, citing "the unique magic of Trump," said': the parenthetical's comma sits inside the marks
            i = self._before_parenthetical(words, i - 1 if words[i - 1][2] == "," else i - 2, marks_end=i + 1)
            if i is None:
                return None
        found = self._np_ending_at(words, i)
        if found is None:
            return None
        start_index, end_index = found
        if relative is not None and start_index >= 2 and norm(words[start_index - 1][2]) == "of" and (
                norm(words[start_index - 2][2]) in _ACCOUNT_NOUNS or _DOCUMENT_NOUN.fullmatch(words[start_index - 2][2])):
            # "Ostra-Press's account of the meeting, ..., which described": the account, not the meeting
            found = self._np_ending_at(words, start_index - 2) or found
            start_index, end_index = found
        np_start = words[start_index][0]
        agent = (_AGENT_BEFORE.search(self.text, unit_start, np_start)
                 if self.text[unit_start:np_start].rstrip().endswith(("by", "to")) else None)
        if agent is not None and relative is None:
            # "A letter from the Legion obtained by Ostra-Press warns": the letter warns, not Ostra-Press
            holder = self.speaker_before(unit_start, agent.start())
            if holder is not None:
                return holder
        antecedent = [w[2] for w in words[start_index:end_index + 1]]
        if relative is not None:
            return relative[0], relative[1], antecedent
        if start_index >= 2 and norm(words[start_index - 1][2]) == "and" and is_person_description(antecedent):
            other = self._np_ending_at(words, start_index - 2)
            if other is not None and (other[0] == 0 or words[other[0] - 1][2] in {",", ";", ":"}) and \
                    is_person_description([w[2] for w in words[other[0]:other[1] + 1]]):
                # "Norland's national security adviser and Ostravia's top security official said": both
                return words[other[0]][0], words[end_index][1], [w[2] for w in words[other[0]:end_index + 1]]
        return words[start_index][0], words[end_index][1], antecedent

    def _before_parenthetical(self, words: list[tuple[int, int, str]], comma: int, *,
                              marks_end: int | None = None) -> int | None:
        """Index of the subject's last word, given the comma that closes a parenthetical (and,
        when a closing mark follows that comma, ``marks_end`` just past the mark)."""
        commas = [k for k in range(comma - 1, max(-1, comma - 45), -1) if words[k][2] == ","]
        # a parenthetical may hold a quoted title ("author of "Beyond the Thaw","), not an open quotation
        commas = [k for k in commas if _double_marks(words, k, marks_end or comma) % 2 == 0]
        relative = next((k for k in commas[1:4] if norm(words[k + 1][2]) == "who"), None)
        if relative is not None and relative > 0 and words[relative - 1][2].isalpha() and \
                words[relative - 1][2].islower() and norm(words[relative - 1][2]) in ROLE_NOUNS:
            # "The Ostravian official, who has met Calloway's predecessor, Anton Reyes, said": the relative
            # clause runs to the cue, and the name inside it is not the speaker
            return relative - 1
        fallback = None
        for hop, k in enumerate(commas[:4]):
            opener = words[k + 1][2]
            valid = (norm(opener) in _PARENTHETICAL_OPENERS or norm(opener) in ROLE_NOUNS or opener[0].isupper()
                     or norm(opener) in TITLE_WORDS  # "X, vice chairman of Y, told"
                     # "X, associate professor of Y,", "X, longtime party operative,"
                     or (opener.isalpha() and opener.islower() and norm(opener) not in AUXILIARIES
                         and any(norm(w[2]) in ROLE_NOUNS for w in words[k + 2:min(comma, k + 4)]))
                     or opener.endswith(("ing", "ed")) or norm(opener) in {"clad", "flanked", "seated", "dressed"}
                     or opener[0].isdigit() or norm(opener) in _PREPOSITIONS_IN_NP | {"during", "after", "before",
                                                                                       "for", "like", "on"})
            if not valid and hop == 0:
                return None
            # the segment between this comma and the next one: an apposed name speaks
            # ("Norland's ambassador, Thomas Brennick, who attended, said")
            upto = next((m for m in range(k + 1, comma + 1) if words[m][2] == ","), comma)
            segment = [w[2] for w in words[k + 1:upto]]
            name = [w for w in segment if norm(w) not in TITLE_WORDS or not w[0].isupper() or w.endswith(".")]
            tail = len(segment) - next((m for m in range(len(segment) - 1, -1, -1) if not segment[m][0].isupper()), -1) - 1
            if 2 <= tail < len(segment) <= 9 and all(is_modifier(w) or w.endswith(("'s", "’s"))
                                                      for w in segment[:-tail]):
                segment = segment[-tail:]  # "His counterpart, Norland's national security adviser Miriam T. Calloway,"
                name = segment
            if (0 < len(segment) <= 6 and all(w[0].isupper() for w in segment) and name
                    and not any(norm(w) in ORGANISATION_WORDS or norm(w) in PLACE_WORDS for w in segment)
                    # (not "a woman in Worcester, Massachusetts,": a place and its state)
                    and not (k >= 2 and norm(words[k - 2][2]) in {"in", "from", "of", "at", "near"} and words[k - 1][2][0].isupper()
                             and (len(segment) == 1 or (len(segment) == 2 and segment[0] in _STATE_NAME_STARTS)))
                    and not (len(segment) == 1 and (norm(segment[0]) in TITLE_WORDS or _PARTY_TAG.fullmatch(segment[0])))
                    and (self._np_ending_at(words, k - 1) is not None  # "Another delegate on the slate, Jim Poolman,"
                         or any(norm(w[2]) in ROLE_NOUNS for w in words[max(0, k - 8):k]))):
                return upto - 1
            j = k - 1
            while j >= 0 and _is_skippable(words[j][2]):
                j -= 1
            if j < 0:
                continue
            found = self._np_ending_at(words, j)
            if found is None or (found[0] == found[1] and words[j][2].isdigit()):
                continue  # (", 44, a marine engineer,": an age, the name is before it)
            if found[0] == 0 or words[found[0] - 1][2] in {",", ":", "—", "–", "-", "(", ";"} | _QUOTE_CHARS or (
                    found[0] == 1 and norm(words[0][2]) in _SENTENCE_ADVERBS) or (  # "Even the Granite House, in ...,"
                    # "reported that X, who ..., said", "As Akhil Amar, professor of law, put it": a name after "that"/"as"
                    norm(words[found[0] - 1][2]) in _SUBORDINATORS | {"that"}
                    and all(w[2][0].isupper() or not w[2].isalpha() or norm(w[2]) in DETERMINERS | ROLE_NOUNS
                            or norm(w[2]) in _PREPOSITIONS_IN_NP or is_modifier(w[2])
                            for w in words[found[0]:found[1] + 1])) or (
                    found[0] >= 2 and norm(words[found[0] - 1][2]) in {"and", "but"} and words[found[0] - 2][2] == ",") or (
                    found[0] >= 2 and words[found[0] - 1][2].islower() and norm(words[found[0] - 1][2]) in ROLE_NOUNS
                    and words[found[0] - 2][2] == ","):  # ("café, owner Yasmin Tellander, 39, said")
                # (", and Lena Aurich, who hosted the talks, said": a new clause's subject)
                if found[0] == 0:
                    return j
                fallback = fallback if fallback is not None else j
        return fallback

    def _np_ending_at(self, words: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
        """(start, end) word indexes of a speaker noun phrase whose last word is ``words[i]``."""
        if words[i][2] == ")":
            # "Sen. Jane Roe (D-Vt.) said"
            j = i
            while j >= 0 and words[j][2] != "(":
                j -= 1
            if j > 0 and i - j <= 25:  # "Sen. Ivo Marek (a Norlandic Democrat so boyish he ...) says"
                i = j - 1
        end_index = i
        head = words[i][2]
        if head == "%" and i > 0 and words[i - 1][2][0].isdigit():
            return i - 1, i  # "42% say"
        if i > 1 and norm(words[i - 1][2]) == "in" and (head.isdigit() or norm(head) in _COUNT_WORDS) and (
                words[i - 2][2].isdigit() or norm(words[i - 2][2]) in _COUNT_WORDS):
            return i - 2, i  # "Two in three said", "four in 10 say"
        if norm(head) == "percent" and i > 0 and (words[i - 1][2][0].isdigit() or norm(words[i - 1][2]).replace(
                "-", " ").split()[-1] in _COUNT_WORDS):
            if i > 1 and norm(words[i - 2][2]) in DETERMINERS | {"another", "some", "only", "about", "nearly", "just"}:
                return i - 2, i  # "Another 19 percent said"
            return i - 1, i  # "Sixty-six percent said", "42 percent say"
        if head.isdigit() and i > 1 and words[i - 1][2] == "," and words[i - 2][1] == words[i - 1][0] == words[i][0] - 1:
            return i - 2, i  # "at least 21,000 said": the whole number, its comma is no clause's
        lowered = norm(head)
        if lowered in {"it", "them"} and i >= 2 and words[i - 1][2].islower() and words[i - 1][2].endswith(("ing", "ed")):
            # "a Valmoran diplomat involved in arranging it said": the pronoun is the participle's object
            for k in range(i - 1, max(0, i - 9), -1):
                word = words[k][2]
                if not word[0].isalnum():
                    break
                if word.islower() and (norm(word) in _SOURCE_PARTICIPLES or (word.endswith("ing") and len(word) > 5)) \
                        and (norm(words[k - 1][2]) in ROLE_NOUNS | GROUP_NOUNS or _is_people_plural(norm(words[k - 1][2]))):
                    found = self._np_ending_at(words, k - 1)
                    return (found[0], i) if found is not None else None
        if lowered in PRONOUNS or lowered == "it" or lowered in _QUANTIFIER_SUBJECTS:
            return i, i  # "he said", "some say", "others argue"
        # "the report says", "the Herald's report says", "the Herald report says": a noun after its determiner
        noun = lowered in _NOUNISH and i > 0 and (
            norm(words[i - 1][2]) in DETERMINERS or words[i - 1][2].endswith(("'s", "’s"))
            or _is_noun_after_determiner([x[2] for x in words[max(0, i - 4):i]])  # "An earlier report says"
            or (i > 1 and words[i - 1][2][0].isupper() and norm(words[i - 2][2]) in {"the", "a", "an"})
            or (i > 1 and norm(words[i - 1][2]) == "of" and norm(words[i - 2][2]) in ROLE_NOUNS))  # "secretary of state"
        if not head[0].isalnum() or (lowered in AUXILIARIES and not _first_name_not_modal(words, i)) or (
                lowered in _STOP_AFTER_SPEAKER) or (
                lowered in CUE_FORMS and not noun and not (head[0].isupper() and i > 0)):  # "The Washington Post"
            return None
        best_start = None
        accepted = None  # the leftmost word the scan accepted
        near = end_index  # where the noun phrase's own words end (before "in the ministry")
        j = i
        while j >= 0:
            word = words[j][2]
            w = norm(word)
            if word.isupper() and len(word) > 4 and "." not in word and word.isalpha() and (
                    j + 1 < len(words) and words[j + 1][2] in _DATELINE_MARKS):
                break  # an all-caps dateline word ("ESTERBY -"), not part of a name; "BFMTV reported" is one
            if word[0].isupper():
                if w in DETERMINERS and not word.endswith("."):  # "A." is an initial, not "a"
                    best_start = j
                    break
                if w in _CLAUSE_OPENERS or (j == 0 and w in _NOT_SUBJECT_STARTS):
                    break
                best_start = j
            elif (word.isdigit() and len(word) == 4 and j < end_index and words[j + 1][2][0].isupper()
                  and word[:2] in {"19", "20"}):
                break  # "In 2018 Dragunov told": a year before the name, no number of people
            elif w == "that" and j < end_index and (words[j + 1][2][0].isupper() or words[j + 1][2][0].isdigit()):
                break  # "reported that Michael Bloomberg ... said", "found that 54 percent of voters say": a clause opens
            elif w in DETERMINERS or word[0].isdigit():
                if j >= 2 and norm(words[j - 1][2]) in {"of", "for", "at", "from"} and (
                        words[j - 2][2][0].isupper() or norm(words[j - 2][2]) in ROLE_NOUNS):
                    j -= 1  # "the director of the Halden Institute": go on past "of the"
                    continue
                if (j >= 2 and norm(w) == "the" and norm(words[j - 1][2]) == "and" and words[j - 2][2][0].isupper()
                        and words[j + 1][2][0].isupper() and words[j - 2][2] not in {"'s", "’s"}):
                    j -= 1  # "The Granite House and the Citadel": two organisations
                    continue
                if j >= 2 and norm(words[j - 1][2]) in {"in", "inside", "on"} and (
                        norm(words[j - 2][2]) in ROLE_NOUNS or _is_people_plural(norm(words[j - 2][2]))):
                    j -= 2  # "a Norlandic official in the room", "officials on both sides": the officials
                    near = j + 1  # their modifiers are counted from here ("a senior official in the foreign ministry")
                    continue
                if j >= 3 and f"{norm(words[j - 2][2])} {norm(words[j - 1][2])}" in _SOURCE_LINKS and (
                        norm(words[j - 3][2]) in ROLE_NOUNS | GROUP_NOUNS or words[j - 3][2][0].isupper()
                        or _is_people_plural(norm(words[j - 3][2]))):
                    j -= 3  # "a Norlandic official familiar with the document": the source is the official
                    continue
                participle = _participle_after_a_source(words, j)
                if participle is not None:
                    # "a Norlandic diplomat attending a reception at the embassy": the diplomat
                    end_index = near = j = participle - 1
                    continue
                knowledge = _knowledge_link_start(words, j)
                if knowledge is not None and knowledge >= 1 and (
                        norm(words[knowledge - 1][2]) in ROLE_NOUNS | GROUP_NOUNS or words[knowledge - 1][2][0].isupper()
                        or _is_people_plural(norm(words[knowledge - 1][2]))):
                    j = knowledge - 1  # "an Ostravian official with knowledge of the talks": the official
                    continue
                best_start = j
                if j >= 1 and norm(words[j - 1][2]) in DETERMINERS and not words[j - 1][2].endswith(".") and not (
                        norm(words[j - 1][2]) == "that" and word[0].isdigit()):  # ("found that 54 percent of voters")
                    best_start = j - 1  # "the two envoys", "all three ministers"
                if best_start >= 2 and norm(words[best_start - 1][2]) == "of" and \
                        norm(words[best_start - 2][2]) in _PART_OF_A_GROUP:
                    best_start -= 2  # "one of her aides", "one of the two officials": one of them, not the aides
                break
            elif w in _PREPOSITIONS_IN_NP and 0 < j < end_index:
                pass
            elif w == "and" and 0 < j < end_index and norm(words[j - 1][2]) in {"he", "she", "i", "we"} and (
                    j - 1 == 0 or not words[j - 2][2][0].isalnum() or norm(words[j - 2][2]) in _CLAUSE_OPENERS) \
                    and words[j + 1][2][0].isupper():
                return j - 1, end_index  # "he and Mr. Allen said"
            elif w == "and" and 0 < j < end_index and words[j - 1][2][0].isupper() and (
                    words[j + 1][2][0].isupper() or (norm(words[j + 1][2]) == "the" and j + 1 < end_index
                                                     and words[j + 2][2][0].isupper())):
                pass  # "Calloway and Dragunov", "The Granite House and the Citadel"
            elif w == "and" and 0 < j < end_index and norm(words[j - 1][2]) in ROLE_NOUNS | GROUP_NOUNS:
                pass  # "her advisers and allies"
            elif w == "and" and 0 < j < end_index and words[j - 1][2].islower() and words[j + 1][2].islower() and (
                    norm(words[end_index][2]) in ROLE_NOUNS or _is_people_plural(norm(words[end_index][2]))
                    or _is_agent_plural(norm(words[end_index][2])) or any(
                        norm(x[2]) in ROLE_NOUNS for x in words[j + 1:end_index + 1])):
                near = j  # "three current and former employees", "The front-runner and former secretary of state"
            elif word[0].isalpha() and word.islower() and (w in ROLE_NOUNS or end_index - j <= 4 or near - j <= 3 or (
                    w in _SHARE_WORDS and norm(words[j + 1][2]) == "of") or (  # "74 percent of voters in Ohio"
                    # "Valmoran foreign affairs ministry spokesman Benali Cherif": a longer run before a role
                    end_index - j <= 7 and word.isalpha() and _lower_run_to_a_role(words, j, end_index)) or (
                    j > 0 and ((w.endswith("ed") and norm(words[j - 1][2]) in DETERMINERS)
                               or _time_adjective(words[j - 1][2], w))) or (
                    # ("the sealed envelope", "An earlier report in a New Hampshire paper")
                    norm(words[j + 1][2]) in ROLE_NOUNS and words[j + 1][2].islower() and j + 2 <= end_index
                    and norm(words[j + 2][2]) == "of")):  # "the press service of the council"
                if w in _STOP_AFTER_SPEAKER or (w in AUXILIARIES and not (
                        j > 0 and _time_adjective(words[j - 1][2], w))) or (w in CUE_FORMS and not (j == end_index and noun) and not (
                        j < end_index and w in _NOUNISH and _is_noun_after_determiner([x[2] for x in words[max(0, j - 4):j]]))
                        and not (j < end_index and norm(words[j + 1][2]) in ROLE_NOUNS)
                        and not (0 < j < end_index and w.endswith("ed") and norm(words[j - 1][2]) in DETERMINERS)
                        and not (j < end_index and w in _NOUN_MODIFIERS and words[j + 1][2].islower())):
                    break  # (but "a widely shared post on social media", "state delegate X", "an informed source")
            elif word in {"-", "–", "'s", "’s"} or (word in {"'", "’"} and j > 0 and words[j - 1][2].endswith("s")):
                pass  # possessives, "Sanders' team"
            elif word == "&" and 0 < j < end_index and words[j - 1][2][0].isupper() and words[j + 1][2][0].isupper():
                pass  # "the Halvard & Roe team"
            else:
                break
            accepted = j
            j -= 1
        if best_start is None:
            if accepted is None:
                return None
            best_start = accepted
        elif accepted is not None and accepted < best_start and any(
                norm(w[2]) in _PREPOSITIONS_IN_NP for w in words[accepted:best_start]) and (
                norm(words[accepted][2]) in ROLE_NOUNS or _is_people_plural(norm(words[accepted][2]))):
            best_start = accepted  # "officials at Valmora's foreign ministry": the officials, not the ministry
        while best_start < end_index and norm(words[best_start][2]) in _PREPOSITIONS_IN_NP | {"and"}:
            best_start += 1
        first_word = words[best_start][2]
        head_index = next((k - 1 for k in range(best_start + 1, end_index + 1)
                           if norm(words[k][2]) in _PREPOSITIONS_IN_NP or (  # "people briefed on the move"
                               k < end_index and f"{norm(words[k][2])} {norm(words[k + 1][2])}" in _SOURCE_LINKS)),
                          end_index)
        if best_start < head_index < end_index and f"{norm(words[head_index][2])} {norm(words[head_index + 1][2])}" in _SOURCE_LINKS:
            head_index -= 1  # "people familiar with the talks": the head is "people"
        if head_index > best_start and norm(words[head_index][2]) in _SOURCE_PARTICIPLES:
            head_index -= 1  # "voters surveyed in Ohio"
        if norm(words[head_index][2]) in _SHARE_WORDS and head_index + 2 <= end_index and \
                norm(words[head_index + 1][2]) == "of":
            # "Seventy-four percent of Democratic voters (in Ohio)", "about half of voters": the voters
            # (not "half of what researchers say": a clause, not a group)
            people = next((k for k in range(head_index + 2, end_index + 1) if _is_people_plural(norm(words[k][2]))), None)
            if people is not None and not any(norm(x[2]) in _QUESTION_WORDS for x in words[head_index + 2:people]):
                head_index = people
        head_word = norm(words[head_index][2])  # "officials" in "officials from both countries"
        starts_with_determiner = (norm(first_word) in DETERMINERS and not first_word.endswith(".")) or first_word[0].isdigit() \
            or any(words[k][2].endswith(("'s", "’s")) for k in range(best_start, head_index))  # "Voss's boosters"
        at_clause_start = best_start == 0 or words[best_start - 1][2] in {",", ";", ":"} or norm(
            words[best_start - 1][2]) in _SUBORDINATORS | {"but"}
        if first_word[0].islower() and not starts_with_determiner:
            # a bare lower-case phrase is a speaker only when it is a plural of people ("officials said";
            # ", traders said" where a subject starts)
            if not (_is_people_plural(head_word) or (at_clause_start and _is_agent_plural(head_word))):
                return None
        if not (words[head_index][2][0].isupper() or head_word in ROLE_NOUNS or head_word in GROUP_NOUNS
                or words[head_index][2][0].isdigit() or _is_people_plural(head_word)
                or (head_word in _SHARE_WORDS and at_clause_start and head_index == end_index)  # "Almost half said"
                or (at_clause_start and _is_agent_plural(head_word))):
            # "the friends", "the billionaire businessman": any noun after a determiner, briefly
            if not starts_with_determiner or end_index - best_start > 6 or head_word.endswith("ly"):
                return None
        return best_start, end_index

    def speaker_after(self, start: int, limit: int) -> tuple[int, int, list[str]] | None:
        """The noun phrase right after a cue (``said Bolton``, ``according to the ministry``)."""
        words = _words(self.text, start, limit)
        picked: list[tuple[int, int, str]] = []
        for k, (s, e, word) in enumerate(words):
            w = norm(word)
            if not word[0].isalnum():
                if word in {"'s", "’s", "-"}:
                    continue
                break
            if picked and w in _TIME_WORDS and (word.islower() or w in _WEEKDAYS):
                break  # "by the Granite House late Friday"
            if picked and (w in _STOP_AFTER_SPEAKER or (w in AUXILIARIES and not word[0].isupper())):
                if f"{norm(picked[-1][2])} {w}" in _SOURCE_LINKS or (w == "with" and _WITH_KNOWLEDGE_OF_AT.match(
                        self.text, s)):
                    picked.append((s, e, word))  # "said one official familiar with the talks"
                    continue
                if w in {"to", "with"} and (word.endswith(".") or (k + 1 < len(words) and words[k + 1][2] in {",", ";"})) \
                        and picked[-1][2].islower() and norm(picked[-1][2]) not in DETERMINERS | _PREPOSITIONS_IN_NP:
                    return picked[0][0], s + len(w), [p[2] for p in picked] + [w]  # "everyone the Ledger spoke to."
                if w == "to" and _TO_AN_AUDIENCE.match(self.text, s):
                    break  # "said the Minister to the journalists": the audience, not the minister's office
                if (w in {"of", "for", "at", "to"} or (w in {"from", "in", "inside", "within"}
                                                        and norm(picked[-1][2]) in ROLE_NOUNS
                                                        and not _DOCUMENT_NOUN.fullmatch(picked[-1][2])
                                                        and not (w != "from" and _IN_A_MEDIUM.match(
                                                            self.text, e)))) and k + 1 < len(words) and (
                        words[k + 1][2][0].isupper() or norm(words[k + 1][2]) in DETERMINERS):
                    picked.append((s, e, word))
                    continue
                break
            if not picked and (w in {"that", "to", "in", "on", "at", "for", "of", "with", "from", "by", "about", "into",
                                     "over", "after", "before", "up", "out", "down", "off"} or (
                    w in AUXILIARIES and not (word[0].isupper() and k + 1 < len(words) and words[k + 1][2][0].isupper()))):
                return None  # "asks for second meeting": a verb's object, not a speaker ("said Will Doyle" is one)
            picked.append((s, e, word))
            if len(picked) >= 12 and not all(p[2][0].isupper() or norm(p[2]) in _TITLE_LINK_WORDS for p in picked):
                break  # (a title may run longer: "the Secretary of the Security Council of the Republic of ...")
            if len(picked) >= 18:
                break
        while picked and (norm(picked[-1][2]) in _PREPOSITIONS_IN_NP or norm(picked[-1][2]) in DETERMINERS):
            picked.pop()
        if not picked:
            return None
        s, e, last = picked[-1]
        if last.endswith(".") and len(last) > 3 and "." not in last[:-1] and norm(last) not in NEWS_ABBREVIATIONS:
            picked[-1] = (s, e - 1, last[:-1])  # the sentence's full stop, not an abbreviation
        return picked[0][0], picked[-1][1], [p[2] for p in picked]

    def clause_subject(self, unit: Unit, limit: int) -> tuple[int, int, list[str]] | None:
        """The subject that opens a unit's main clause (after a fronted adverbial, if any)."""
        start = max(self.doc.body_start(unit), self.text.rfind(";", unit.start, limit) + 1)
        colon = self.text.rfind(":", start, limit)
        if colon >= 0 and self.doc.quotation_covering(colon) is None and not _CLOCK_COLON.match(self.text, colon - 1):
            start = colon + 1  # "... had not expected: she smiled, and told reporters that S"
        words = _words(self.text, start, limit)
        k = 0
        while k < len(words):
            word = norm(words[k][2])
            if word in _COORDINATORS:
                k += 1  # "But a few days later, Trump ...": a conjunction, then the clause
            elif _is_fronted(words[k][2]) or word in _SUBORDINATORS or words[k][2][0].isdigit() or (
                    word in _NUMBER_WORDS and k + 1 < len(words) and norm(words[k + 1][2]) in _TIME_UNITS) or (
                    any(norm(w[2]) in {"later", "ago", "earlier"} and words[m + 1][2] == ","
                        for m, w in enumerate(words[k:k + 6], start=k) if m + 1 < len(words))):
                # skip fronted adverbials: "Finally, asked about it, she laughed and said";
                # "Although X, Y ..."; "Eight years ago, he ..."
                comma = next((m for m in range(k, min(len(words), k + 25)) if words[m][2] == ","), None)
                if comma is None:
                    return None
                k = comma + 1
            else:
                break
        if k >= len(words):
            return None
        first = words[k][2]
        if norm(first) in PRONOUNS:
            return words[k][0], words[k][1], [first]
        picked = []
        if norm(first) in DETERMINERS and first.lower() == first or norm(first) in {"the", "a", "an", "his", "her"} or (
                norm(first) in DETERMINERS and k + 1 < len(words) and words[k + 1][2].islower()):
            picked.append(words[k])
            k += 1
            # "The departments", "One operative inside the tower": the noun after the determiner
            while k < len(words) and len(picked) < 4 and words[k][2].isalpha() and words[k][2].islower() and (
                    norm(words[k][2]) not in AUXILIARIES and not _VERBISH.fullmatch(words[k][2])
                    and norm(words[k][2]) not in _PREPOSITIONS_IN_NP and not words[k][2].endswith("ed")):
                picked.append(words[k])
                k += 1
                if norm(picked[-1][2]) in ROLE_NOUNS and k < len(words) and words[k][2].islower() and (
                        norm(words[k][2]) not in ROLE_NOUNS and norm(words[k][2]) not in BRIDGE_STARTERS):
                    break  # "Her counterpart struck a cooler tone": the verb after the role noun is not the subject
        while k < len(words) and len(picked) < 8:
            word = words[k][2]
            if word[0].isupper() or (picked and norm(word) in ROLE_NOUNS) or word in {"'s", "’s"}:
                picked.append(words[k])
                k += 1
                continue
            if norm(word) in {"of", "for"} and k + 1 < len(words) and words[k + 1][2][0].isupper():
                picked.append(words[k])
                k += 1
                continue
            if picked and picked[-1][2].endswith(("'s", "’s")):
                # "Valmora's foreign minister": lower-case words up to a role noun after a possessive
                run = list(itertools.takewhile(lambda w: w[2].isalpha() and w[2].islower(), words[k:k + 4]))
                role = next((n for n in range(len(run) - 1, -1, -1) if norm(run[n][2]) in ROLE_NOUNS), None)
                if role is not None:
                    picked.extend(run[:role + 1])
                    k += role + 1
                    continue
            break
        while picked and norm(picked[-1][2]) in DETERMINERS | {"of", "for"}:
            picked.pop()
        if not picked or not (picked[-1][2][0].isupper() or norm(picked[-1][2]) in ROLE_NOUNS or (
                len(picked) >= 2 and norm(picked[0][2]) in DETERMINERS)):
            return None
        if norm(picked[-1][2]) in ROLE_NOUNS and k + 2 < len(words) and words[k][2] == ",":
            # "Our national security adviser, Miriam Calloway, came out to tell": the apposed name
            name = list(itertools.takewhile(lambda w: w[2][0].isupper(), words[k + 1:k + 6]))
            if name and k + 1 + len(name) < len(words) and words[k + 1 + len(name)][2] == "," and (
                    len(name) >= 2 or norm(name[0]) not in PLACE_WORDS):
                return name[0][0], name[-1][1], [w[2] for w in name]
        return picked[0][0], picked[-1][1], [w[2] for w in picked]

    def subordinate_subject(self, unit: Unit, limit: int) -> tuple[int, int, list[str]] | None:
        """The subject of the subordinate clause a coordinated cue belongs to: in "There were
        jabs, such as when Cruz knocked Rubio on trade and called him "Q"", Cruz, not "There"."""
        opening = None
        for opening in _SUBORDINATOR_BEFORE.finditer(self.text, unit.start, limit):
            pass
        if opening is None or "," in self.text[opening.end():limit]:
            return None  # ("When Marek arrived, Voss left and said": that clause closed at its comma)
        words = _words(self.text, opening.end(), limit)
        names = list(itertools.takewhile(lambda w: w[2][0].isupper() and norm(w[2]) not in DETERMINERS, words[:4]))
        if words and norm(words[0][2]) in PRONOUNS:
            names = words[:1]
        if not names or len(names) >= len(words):
            return None
        verb = words[len(names)][2]
        if not (verb.islower() and (_VERBISH.fullmatch(verb) or verb.endswith("s"))):
            return None  # "when Cruz knocked ...", "as she left ...": a name, then its verb
        return names[0][0], names[-1][1], [w[2] for w in names]

    # -- content -------------------------------------------------------------------------
    def content_end(self, start: int, unit: Unit, cues: list[re.Match]) -> int:
        """Content runs to the unit's end, or to where another attribution takes over:
        a participial cue (``, adding that``), ``, according to``, a cue with a subject of
        its own (``, while X has warned that``; ``, the ministry said.``), or a cue that
        shares the subject (``... but maintained that``)."""
        text = self.text
        end = unit.end
        semicolon = _SEMICOLON.search(text, start, end)
        if semicolon and self.doc.quotation_covering(semicolon.start()) is None:
            end = semicolon.start()
        opening = (_SUBORDINATE_OPENING.match(text, self.doc.body_start(unit))
                   or _FRONTED_SUBORDINATE.match(text, self.doc.body_start(unit), start)
                   # "He did not stop, but when a reporter asked whether S, he replied ...": mid-sentence
                   or _SUBORDINATE_AFTER_A_CLAUSE.search(text, max(unit.start, start - 100), start)
                   or _PARTICIPLE_OPENING.match(text, self.doc.body_start(unit)))
        if opening and "," not in text[opening.end():start]:
            # (not when the subordinate clause closed before the content: "As the Ledger reported, even if S1, S2")
            # "When X said that S, Y replied ...": S ends where the main clause begins
            comma = text.find(",", start, end)
            while comma >= 0:
                after = comma + 1 + (len(text[comma + 1:end]) - len(text[comma + 1:end].lstrip()))
                pronoun = WORD.match(text, after)
                if self.doc.quotation_covering(comma) is None and (
                        _starts_with_clause(text, after, end, strict_subject=True)
                        or (pronoun is not None and norm(pronoun.group()) in _SUBJECT_PRONOUNS
                            and _starts_with_clause(text, after, end))):
                    end = comma  # the main clause, whoever its subject: "..., it is not receiving help"
                    break
                comma = text.find(",", comma + 1, end)
        if _RELATIVE_CUE_BEFORE.search(text, max(unit.start, start - 60), start):
            # "X, who said S, recounted ...": S ends where the main clause's verb takes over
            for main in _MAIN_VERB_AFTER_COMMA.finditer(text, start, end):
                cut = main.end("mark") if main.group("mark") else main.start()  # ('"the easy part," said')
                if self.doc.quotation_covering(cut) is None and (
                        _VERBISH.fullmatch(main.group(2)) or main.group(2).endswith("ed")):
                    end = cut
                    break
        when = _TRAILING_TIME_PHRASE.search(text, start, end)
        if when and "," not in text[when.end():end] and self.doc.quotation_covering(when.start()) is None:
            end = when.start()  # '... "where they were last week", two days after the deal was signed': the writer's
        summary = _SUMMATIVE_APPOSITIVE.search(text, start, end)
        if summary and self.doc.quotation_covering(summary.start()) is None:
            end = summary.start()  # "..., remarks that were featured on state television"
        elif summary and summary.group("marks"):
            end = summary.end("marks")  # '"a step forward," a phrase she has used since May
        gloss = _WRITER_GLOSS.search(text, start, end)
        if gloss and self.doc.quotation_covering(gloss.end("lead")) is None:
            # '... "by Cleveland," referring to the party's convention': the writer explains; the
            # content ends at the comma, or after the closing mark beside it
            mark = next((k for k, char in enumerate(gloss.group("lead")) if char != ","), None)
            end = gloss.start() + (mark + 1 if mark is not None else 0)
        compared = _COMPARED_WITH.search(text, start, end)
        if compared and self.doc.quotation_covering(compared.start()) is None:
            end = compared.start()  # '74 percent say S, compared with 64 percent who ...': the writer's comparison
        however = _HOWEVER_THEN_PRONOUN.search(text, start, end)
        if however and self.doc.quotation_covering(however.start()) is None:
            end = however.start()  # '..., however he did not exclude such a possibility': the writer goes on
        left_out = _LEFT_OUT_AFTER.search(text, start, end)
        if left_out and self.doc.quotation_covering(left_out.start()) is None:
            end = left_out.start()  # '... had been "serious" but declined to go into details': the writer's
        after_close = _CLOSED_THEN_WRITER.search(text, start, end)
        if after_close and self.doc.quotation_covering(after_close.start() - 1) is not None:
            end = after_close.start()  # '... “listened,” which from him amounts to ...': the writer goes on
        clause = _NEW_CLAUSE.search(text, start, end)
        while clause is not None:
            cut = clause.end("cut") if clause.group("mark") else clause.start()
            # ", though she did not discuss", ", though few expected it to change their lives": the writer's aside
            concession = (_CONCESSION_BY_PRONOUN.match(text, clause.start())
                          or _CONCESSION_BY_QUANTIFIER.match(text, clause.start()))
            if self.doc.quotation_covering(cut) is None and (_starts_with_clause(
                    text, clause.end(), end, strict_subject=True) or _MAIN_SUBJECT_ACTS.match(text, clause.start())
                    or concession is not None):
                end = cut  # "..., and Sergei Tallin declined to comment"; "..., and referred questions to"
                break
            clause = _NEW_CLAUSE.search(text, clause.end(), end)
        unit = Unit(unit.start, end, unit.paragraph)
        for cue in cues:
            if cue.start() <= start or cue.start() >= unit.end:
                continue
            if self.doc.quotation_covering(cue.start()) is not None:
                continue
            before = text[start:cue.start()].rstrip()
            form = cue.group().lower()
            if before.endswith(",") and (cue.group("according") or cue.group("passive") or form.split()[0].endswith("ing")):
                return start + len(before) - 1  # (", pointing out that": a phrase cue's participle too)
            linked = _PARTICIPLE_LINK.search(before) if form.split()[0].endswith("ing") else None
            if linked and self.doc.quotation_covering(start + linked.start()) is None:
                return start + linked.start()  # '"...", before adding that ...': the next quote's cue
            if (form in _AS_PASSED_ON and before.endswith(", as") and _AS_PASSED_ON_BY.match(text, cue.end())
                    and self.doc.quotation_covering(start + len(before) - 4) is None):
                return start + len(before) - 4  # "..., as reported by Ostra-Press": the medium, not the content
            if (len(before) > 1 and before[-1] in _CLOSING and before[-2] == "," and form.split()[0].endswith("ing")
                    and self.doc.quotation_covering(start + len(before) - 2) is not None):
                return start + len(before)  # '... "around the clock," adding that': the quotation's comma
            relative_naming = _RELATIVE_NAMING.search(before) if self.names_a_quotation(cue, unit) else None
            if relative_naming is not None and self.doc.quotation_covering(start + relative_naming.start()) is None:
                # '..., which he called "Q"', '..., and warned against what she called "Q"': the speaker's own
                # naming is a quote of its own
                return start + relative_naming.start()
            coordinated = _COORDINATED.search(text[start:cue.start()])
            if coordinated and _MODAL.search(coordinated.group()) and not _FORWARD_THAT_OR_COLON.match(text, cue.end()):
                coordinated = None  # "... that it "welcomes scrutiny" and would brief senators ...": still the content
            if coordinated and (self.clause_follows(cue.end(), unit.end) or self.names_a_quotation(cue, unit)
                                or cue.group("quoted_as")):
                return start + coordinated.start()  # "... and maintained that" / '... and accused X of "Q"'
                # / "... and quoted Dragunov as saying: "Q"'
            comma = before.rfind(",")
            if comma < 0:
                joined = _LAST_CONJUNCTION.search(before)
                np = self.speaker_before(start + joined.end(), cue.start()) if joined else None
                if (np is not None and np[0] == start + joined.end() and not form.endswith("ing")
                        and cue.group().islower() and CUE_FORMS.get(form) != "ask"
                        and norm(np[2][0]) not in {"that", "which", "who", "it", "this", "there"}
                        and (self.clause_follows(cue.end(), unit.end)
                             or self.bridge(cue.end(), unit.end, CUE_FORMS.get(form, form)) is not None
                             or self.doc.quotation_starting(_LEAD_SPACE.match(text, cue.end()).end(), unit.end))):
                    return start + joined.start()  # "S1 and Marek said S2": a second attribution of its own
                continue
            if comma == len(before) - 1 and form.islower() and not form.endswith("ing"):
                lemma = CUE_FORMS.get(form, form)
                if lemma in _BARE_CLAUSE_LEMMAS and self.content_after(cue.end(), unit, lemma, cues, allow_bare=True):
                    return start + comma  # "X, who said S, told reporters T": the main clause's cue ends S
            np = self.speaker_before(start + comma + 1, cue.start())
            if np is None or np[0] <= start + comma:
                continue
            between = text[start + comma + 1:np[0]]
            quoted = self.doc.quotation_covering(start + comma)
            if (quoted is not None and quoted.open > start and not between.strip(_CLOSING + " ")
                    and text[start:quoted.open].rstrip().endswith(":")):
                # 'he said S: "Q," he wrote.': the quotation after the colon has its own attribution
                return start + len(text[start:quoted.open].rstrip()) - 1
            if not between.strip():
                if self.attribution_ends_clause(cue.end(), unit.end) or self.clause_follows(cue.end(), unit.end):
                    return start + comma  # "..., the ministry said." / "..., 39 have said they ..."
            elif re.fullmatch(r"\s*(?:and|but|while|whereas|although|though|as|yet)\s+", between, re.IGNORECASE) \
                    and norm(np[2][0]) != "that" \
                    and (self.clause_follows(cue.end(), unit.end)
                         or self.bridge(cue.end(), unit.end, CUE_FORMS.get(form, form)) is not None):
                return start + comma  # ", while X has warned that ..."; ", and she warned colleagues that ..."
        return unit.end

    def names_a_quotation(self, cue: re.Match, unit: Unit) -> bool:
        """Is ``cue`` a naming cue with its quotation (``called it "Q"``, ``accused X of "Q"``)?"""
        form = cue.group().lower()
        if CUE_FORMS.get(form, form) not in NAMING_LEMMAS:
            return False
        named = _NAMING_OBJECT.match(self.text, cue.end(), unit.end)
        return named is not None and self.doc.quotation_starting(named.end(), unit.end) is not None

    def attribution_opens(self, start: int, unit: Unit, cues: list[re.Match]) -> bool:
        """Does a clause at ``start`` open with its own speaker and speech cue (``Dragunov said S``)?"""
        for cue in cues:
            if cue.start() <= start or self.doc.quotation_covering(cue.start()) is not None:
                continue
            if cue.start() > start + 150:
                return False
            form = cue.group().lower()
            if not form.islower() or CUE_FORMS.get(form, form) in NAMING_LEMMAS or cue.group("according"):
                return False
            if form in _NOUNISH and norm(self.text[max(start, cue.start() - 4):cue.start()].strip()) in {"of", "for"}:
                continue  # "the head of state regards": a noun after "of", not a cue
            speaker = self.speaker_before(start, cue.start())
            return (speaker is not None and not self.text[start:speaker[0]].strip()
                    and (self.clause_follows(cue.end(), unit.end) or self.bridge(cue.end(), unit.end, "say") is not None))
        return False

    def clause_follows(self, pos: int, limit: int) -> bool:
        """Is a cue at ``pos`` followed by content: ``that``, a colon, a quotation or a clause?"""
        if _FORWARD_MARK.match(self.text, pos):
            return True
        m = _BLANKS.match(self.text, pos)
        return m is not None and _starts_with_clause(self.text, m.end(), limit)

    def attribution_ends_clause(self, pos: int, limit: int) -> bool:
        """After ``X said`` / ``said X``: only the sentence end, an adverbial, an apposition,
        a second quotation, or a participial cue may follow."""
        bracketed = _BRACKETED_ASIDE.match(self.text, pos, limit)
        if bracketed:
            pos = bracketed.end()  # 'said Sen. Jane Roe (D-Vt.) in an interview', 'said Voss (pictured).'
        time_words = _TIME_BRIDGE.match(self.text, pos, limit)
        rest = self.text[time_words.end() if time_words else pos:limit]  # "wrote this week, adding that"
        if _ADVERBIAL_TO_END.match(rest) or (time_words and _ADVERBIAL_TO_END.match(self.text, pos, limit)):
            return True  # (from the cue: "said in a joint statement released on Monday.")
        if _COMMA_THEN_QUOTE_OR_PARTICIPLE.match(rest) or _IN_A_TITLED_WORK.match(self.text, pos, limit):
            return True
        closed = _TIME_BEFORE_PUNCTUATION.match(self.text, pos, limit)  # "said in a statement on Thursday, warning"
        if closed and _COMMA_THEN_QUOTE_OR_PARTICIPLE.match(self.text, closed.end(), limit):
            return True
        joined = _ADVERBIAL_THEN_NEW_CLAUSE.match(self.text, pos, limit)
        if joined and _starts_with_clause(self.text, joined.end(), limit):
            return True  # "..., X said on Friday after the talks, but the two sides remained apart": a new clause
        # ", the Kremlin spokesman." / ", Republican of South Carolina." / ", who ..., adding that"
        # / ', who called it "a farce."' (a relative clause on the speaker, whatever it holds)
        return bool(_APPOSITION_TO_END.match(rest) or _RELATIVE_ON_SPEAKER.match(rest))

    def bridge(self, pos: int, limit: int, lemma: str) -> tuple[int, str | None, bool] | None:
        """After a cue: (content start, addressee, marked) when ``that`` or a colon follows a
        short bridge of time/place words or (for ``tell``) an addressee."""
        words = _without_quoted_titles(_words(self.text, pos, min(limit, pos + 240)))
        aside = _ACCORDING_TO_ASIDE.search(self.text, pos, min(limit, pos + 160))
        if aside is not None and self.text[aside.end():aside.end() + 5].startswith("that"):
            # "told him, according to a diplomat briefed on the call, that S": the aside is no part of the bridge
            words = [x for x in words if not aside.start() <= x[0] < aside.end() - 1]
        for k, (s, e, word) in enumerate(words[:16]):
            w = word.lower()
            if w in _QUESTION_WORDS and lemma in _QUESTION_LEMMAS and (
                    k == 0 or (lemma in _TELL_LIKE and k <= 8 and _addressee_before_question(words[:k]))):
                # "asked whether S", "asked him why S": the question is the content, its wh-word included
                addressee = " ".join(x[2] for x in words[:k]) or None
                return s, addressee, True
            if w == ":" and k and words[k - 1][2][-1:].isdigit() and k + 1 < len(words) and words[k + 1][2][:1].isdigit():
                continue  # "at 14:52": a clock time, not a colon before content
            if w == "that" and k >= 1 and norm(words[k - 1][2]) in _PREPOSITIONS_AFTER_A_CUE and not \
                    _starts_with_clause(self.text, e, limit):
                return None  # "insisted on that point": "that" after a preposition points, it opens no clause
            if w in {"that", ":"}:
                if w == "that" and k >= 2 and norm(words[k - 1][2]) in CUE_FORMS and words[k - 1][2].islower() and not (
                        _DOCUMENT_NOUN.fullmatch(words[k - 1][2]) and norm(words[0][2]) in {"in", "on", "via"}) and not (
                        k >= 3 and norm(words[k - 3][2]) in {"after", "before", "following", "during", "at"}) and not (
                        norm(words[k - 1][2]) == "call" and any(norm(x[2]) in {"on", "in", "during"}
                                                                for x in words[max(0, k - 5):k - 1])) and not (
                        norm(words[k - 2][2]) == "of" and lemma in _TELL_LIKE):
                    # "replied with a demand that S": the noun's "that"; not "after the briefing that" nor
                    # "told reporters on a conference call that S" nor "told the head of state that S"
                    return None
                commas = [n for n, x in enumerate(words[:k]) if x[2] == ","]
                if w == "that" and commas and commas[-1] + 1 < k and norm(words[commas[-1] + 1][2]) in DETERMINERS:
                    return None  # "vowed to repeal the rule, a provision that prohibits ...": a relative clause
                bridge = [x[2] for x in words[:k] if x[2] != ","]
                subject = next((n for n, b in enumerate(bridge) if norm(b) in PRONOUNS), None)
                if subject is not None and not any(norm(b) in _SUBORDINATORS or norm(b) in _WH_WORDS
                                                   for b in bridge[:subject]):
                    # "told reporters she had made it clear that S": the content opens at "she" (but not in
                    # "told the Herald before he spoke that S" or "said on Radio 4, where he is a guest, that S")
                    return None
                addressee = None
                if w == ":" and not self.text[e:limit].strip() and self.doc.quotation_opening_paragraph(
                        self.doc.paragraph_after(e)) is not None:
                    return e, None, True  # "She recalled the first minutes:" and the quotation below
                if bridge and norm(bridge[0]) not in BRIDGE_STARTERS and not _is_adverb(bridge[0]) and not (
                        len(bridge) == 1 and norm(bridge[0]) in _ASIDE_WORDS) and not (  # "said, however, that"
                        _TIME_AGO.fullmatch(" ".join(bridge))) and not (  # "announced two days earlier that"
                        w == ":" and _DOCUMENT_BRIDGE.fullmatch(" ".join(bridge))):  # "posted a statement on X:"
                    if lemma not in _TELL_LIKE:
                        return None
                    cut = next((n for n, b in enumerate(bridge) if n and norm(b) in BRIDGE_STARTERS), len(bridge))
                    addressee = " ".join(bridge[:cut])
                if w == "that" and k + 1 < len(words) and norm(words[k + 1][2]) in _THAT_IS_DETERMINER:
                    return None  # "said that plan was dead" is rare; "said that was it" is not content
                if w == "that" and k + 1 < len(words) and words[k + 1][2].rstrip(".").isalpha() \
                        and words[k + 1][2].islower() and norm(words[k + 1][2]) not in PRONOUNS and norm(words[k + 1][2]) not in DETERMINERS and (
                            words[k + 1][2].endswith(".") or k + 2 == len(words) or words[k + 2][2] in {".", ";"} or (
                                words[k + 2][2] == "," and k + 3 < len(words) and words[k + 3][2].endswith("ing"))):
                    return None  # "disputed that account, saying S", "denied that claim.": a determiner
                return e, addressee, True
            if w == "state" and _STATE_MODIFIES.match(self.text, e):
                continue  # "told Ostra-Press, the state news agency, ...": not a cue
            if word in {"’", "'"} and self.text[e:e + 2].isdigit():
                continue  # "said in ’08 that": a year, not a quotation mark
            if word in {"—", "–", "-"}:
                after = next((x[2] for x in words[k + 1:k + 3] if x[2][0].isalnum()), "")
                if norm(after) in {"a", "an"}:
                    return None  # "reported on Tuesday -- a development that ...": the writer's summary, no bridge
            if w in CUE_FORMS and k > 0 and norm(words[k - 1][2]) in {"when", "if", "after", "once"} and next(
                    (x[2] for x in words[k + 1:16] if x[2] in {":", "that"}), None) == ":":
                continue  # 'told Congress when asked about it: "Q"': the occasion, not another cue
            if word in _QUOTE_CHARS or word in {";", ".", "!", "?"} or (
                    w in CUE_FORMS and k > 0 and word.islower() and not (w in _NOUNISH and _is_noun_after_determiner(
                        [x[2] for x in words[max(0, k - 4):k]])) and norm(words[k - 1][2]) not in DETERMINERS
                    and norm(words[k - 1][2]) != "of"  # "told the head of state that": a noun after "of"
                    and not (_BEFORE_A_DOCUMENT_NOUN.match(self.text, e)
                             and _is_noun_after_determiner([x[2] for x in words[max(0, k - 4):k]]))):
                return None  # another cue; "at a briefing for", "in a short written note" are nouns: the bridge goes on
        return None

    def content_after(self, pos: int, unit: Unit, lemma: str, cues: list[re.Match], *,
                      allow_bare: bool) -> Content | None:
        """Content introduced by a cue that ends at ``pos``."""
        text = self.text
        bridged = self.bridge(pos, unit.end, lemma)
        if bridged is not None:
            start, addressee, _ = bridged
            if not text[start:unit.end].strip():
                # "X told reporters:" closing its paragraph: the next paragraph's quotation
                q = self.doc.quotation_opening_paragraph(self.doc.paragraph_after(unit.end))
                if q is None:
                    return None
                o_start, o_end = self.doc.outer(q)
                return Content(o_start, o_end, addressee, True)
            end = self.content_end(start, unit, cues)
            start, end = _trim_content(text, start, end)
            return Content(start, end, addressee, True) if end > start else None
        tail = text[pos:unit.end]
        lead = _LEAD_ADVERB.match(tail)  # "replied evenly, "..." "
        aside = _ASIDE_ADVERB.match(text, pos)  # "acknowledged, however, "...""
        q = self.doc.quotation_starting(max(pos + lead.end(), aside.end()), unit.end)
        addressee = None
        if q is None:
            # 'said Wednesday, "Q"': a time phrase, a comma or colon, then the quotation
            when = _TIME_BEFORE_PUNCTUATION.match(text, pos, unit.end)
            gap = _COMMA_OR_COLON.match(text, when.end()) if when else None
            if gap is not None and gap.group().strip():
                q = self.doc.quotation_starting(gap.end(), unit.end)
        if q is None and lemma in _TELL_LIKE:
            # 'told Politico, "Q"' / 'told the Ledger on Friday: "Q"': the quotation after the addressee
            told = _ADDRESSEE.match(text, pos, unit.end)
            if told is not None:
                after = (_TIME_BEFORE_PUNCTUATION.match(text, told.end(), unit.end)
                         or _TIME_BRIDGE.match(text, told.end(), unit.end))
                gap = _COMMA_OR_COLON.match(text, after.end() if after else told.end())
                # a comma or colon first: in 'told ABC's "Morning Hour"' the quotation is a programme's title
                q = self.doc.quotation_starting(gap.end(), unit.end) if gap.group().strip() else None
                addressee = told.group(1) if q is not None else None
        if q is None and lemma not in _TELL_LIKE:
            # 'wrote to his 20,000 followers, "Q"': an addressee after "to", then the quotation
            to = _TO_ADDRESSEE.match(text, pos, unit.end)
            q = self.doc.quotation_starting(to.end(), unit.end) if to else None
            addressee = to.group(1) if q is not None else None
        if q is None and lemma == "say":
            # 'said of the senator, "Q"': whom the words are about, then the quotation
            about = _SAID_OF.match(text, pos, unit.end)
            q = self.doc.quotation_starting(about.end(), unit.end) if about else None
        if q is not None:
            start = self.doc.outer(q)[0]
            end = self.content_end(start, unit, cues)
            return Content(*_trim_content(text, start, end), addressee, True)
        if not allow_bare:
            return None
        # a bare clause: "said the plan was dead"; "told the Ledger on Saturday the plan ..."
        cursor, addressee = pos, None
        if lemma in _TELL_LIKE:
            m = _ADDRESSEE.match(text, pos, unit.end)
            if not m:
                return None
            addressee, cursor = m.group(1), m.end()
        m = _TIME_BRIDGE.match(text, cursor, unit.end)
        if m:
            cursor = m.end()
        if addressee is not None and text.startswith(",", cursor):
            comma = _COMMA_OR_COLON.match(text, cursor)  # "Trump told Meridian TV, his policy would be S"
            if _starts_with_clause(text, comma.end(), unit.end):
                cursor = comma.end()
        m = _ASIDE_ADVERB.match(text, cursor)  # "He conceded, however, S"
        start = m.end() if m else cursor
        first = WORD.match(text, start)
        if first and lemma != "ask" and norm(first.group()) in _CONDITIONAL_OPENERS:
            # "said if the talks fail, the sanctions stay": the condition opens the content
            comma = (_CONDITION_THEN_COMMA.match(text, first.end(), unit.end)
                     or _CONDITION_THEN_PRONOUN.match(text, first.end(), unit.end))  # "said if X won he would quit"
            if comma is None or not _starts_with_clause(text, comma.end(), unit.end):
                return None
            end = self.content_end(comma.end(), unit, cues)
            start, end = _trim_content(text, start, end)
            return Content(start, end, addressee, False)
        # ("told reporters this was the only chance": "this" is the content's subject, not "this week")
        demonstrative_subject = (first is not None and norm(first.group()) in _PRONOUN_SUBJECTS_NOT_CONTENT
                                 and _starts_with_clause(text, start, unit.end))
        possessive = _POSSESSIVE_OPENING.match(text, start) is not None  # "said Monday's vote was ...": a subject
        possessive = possessive or _QUANTITY_SUBJECT.match(text, start) is not None  # "said much of it was ..."
        if not first or (norm(first.group()) in BRIDGE_STARTERS | _NOT_CONTENT_STARTS and not demonstrative_subject
                         and not possessive) or not first.group()[0].isalnum():
            return None
        if lemma in _NOUN_OBJECT_LEMMAS and not (norm(first.group()) in _SUBJECT_PRONOUNS | _SINGULAR_DETERMINERS
                                                  or first.group()[0].isupper()):
            return None  # "announced new support from mothers who have lost children": a noun phrase
        if not self.doc.is_headline(unit) and (
                lemma not in _BARE_CLAUSE_LEMMAS or not (_starts_with_clause(text, start, unit.end) or (
                    lemma in _LOOSE_CLAUSE_LEMMAS and _opens_said_clause(text, start, unit.end, unit.start)))):
            return None
        end = self.content_end(start, unit, cues)
        start, end = _trim_content(text, start, end)
        if len(WORD.findall(text[start:end])) < 2:
            return None
        return Content(start, end, addressee, False)

    def content_before(self, speaker_start: int, unit: Unit, previous_end: int, *,
                       loose: bool = False) -> Content | None:
        """Content of ``S, X said`` / ``"Q," said X``: the clause before the attribution. ``loose``
        (before ``according to``, which follows little else) takes any clause-like shape, so a
        verb the clause test does not know (``most voters approve of Voss``) still counts."""
        text = self.text
        floor = max(unit.start, previous_end, self.doc.body_start(unit))
        left = text[floor:speaker_start].rstrip()
        if not left:
            return None
        last = left[-1]
        if last == ",":
            left_end = floor + len(left) - 1
        elif last in _CLOSING:
            left_end = floor + len(left)
        elif left.endswith("--"):
            left_end = floor + len(left) - 2
        elif last in "—–:":
            left_end = floor + len(left) - 1
        else:
            return None
        start = floor
        closing = self.doc.quotation_covering(floor)
        if closing is not None and closing.close == floor:
            start = floor + 1  # 'called it "insanity," and Marek, who says': past the last quote's closing mark
        colon = max(text.rfind(":", floor, left_end), text.rfind(";", floor, left_end))
        if colon >= 0 and self.doc.quotation_covering(colon) is None and not _CLOCK_COLON.match(text, colon - 1):
            start = colon + 1  # "At the same time, X is true: S, according to Y" - S only
        q = self.doc.quotation_covering(left_end - 1)
        if q is not None and q.open >= 0 and q.open < start and previous_end <= unit.start:
            start = q.open  # a quotation that began in an earlier paragraph
        start, end = _trim_content(text, start, left_end)
        joined = None
        if floor > unit.start and text[floor] == "," and not text[floor + 1:start].strip():
            # "S1, KOVTV reported, while in Kovask S2, the Herald reported": S2 after its conjunction
            joined = _CONTRAST_OPENING.match(text, start, end)
            if joined:
                start = joined.end()
        if end - start < 2:
            return None
        segment = text[start:end]
        is_quotation = segment[0] in _OPENING or (q is not None and q.open < 0 and q.start == start)
        if not is_quotation and self.doc.is_headline(unit) and len(WORD.findall(segment)) < 3:
            return None  # "Norland, Ostravia agree ...": in a headline the comma means "and"
        if not is_quotation and not self.doc.is_headline(unit):
            first_match = WORD.match(segment)
            first = first_match.group() if first_match else ""
            fronted_then_clause = _FRONTED_THEN_SUBJECT.match(segment)
            if fronted_then_clause and not _starts_with_clause(text, start + fronted_then_clause.start(1), end):
                fronted_then_clause = None
            participle = first[:1].isupper() and norm(first).endswith(("ing", "ed")) and norm(first) not in {
                "united", "during"} and not fronted_then_clause  # ("Following the talks the sides agreed")
            if participle:
                opening_stretch, _, rest = segment.partition(",")
                if _VERBISH.search(opening_stretch[len(first):]) and not _VERBISH.fullmatch(
                        WORD.findall(opening_stretch)[1] if len(WORD.findall(opening_stretch)) > 1 else ""):
                    participle = False  # "Fundraising was stagnant ...": a gerund subject and its verb
                elif rest.strip()[:1] in _OPENING or any(_starts_with_clause(piece, 0, len(piece))
                                                           for piece in rest.split(", ") if piece.strip()):
                    participle = False  # 'Based on her actions, "I don't see how ...," X said': S after it
            if norm(first) in _SUBORDINATORS and "," not in segment and not joined:
                return None  # "Although there is no such overlap, X said, "Q"": a subordinate clause alone
            if (norm(first) in _FRONTED and "," not in segment and not joined and not fronted_then_clause) \
                    or participle or not (
                    _looks_like_clause(segment) or (loose and _may_be_a_clause(segment))):
                return None  # "Speaking after the meeting, X said ..." / "Asked about it, X said" is no content
            if norm(first) in _FRONTED and not joined and not fronted_then_clause and not any(
                    _starts_with_clause(piece, 0, len(piece))
                                                   for piece in segment.split(", ")[1:]):
                return None  # "On Oct. 23, during a visit to the resort, now called Doral, X boasted": no clause
        return Content(start, end, None, is_quotation)


def find_candidates(doc: Document) -> list[Candidate]:
    """Apply every cue rule to the article; candidates are in text order, not overlapping."""
    rules = Rules(doc)
    cues = [m for m in doc.cues if doc.quotation_covering(m.start()) is None]
    candidates: list[Candidate] = []
    consumed_end = -1
    by_unit: dict[int, list[re.Match]] = {}
    for cue in cues:
        by_unit.setdefault(doc.unit_at(cue.start()).start, []).append(cue)
    for cue in cues:
        if cue.start() < consumed_end:
            continue  # a cue inside an earlier quote's content is part of that content
        unit = doc.unit_at(cue.start())
        for candidate in _read_cue(rules, doc, cue, unit, by_unit[unit.start], candidates):
            if candidate.end <= candidate.start:
                continue  # an empty quotation ('said “'), nothing to report
            candidates.append(candidate)
            if candidate.start > cue.start():
                consumed_end = max(consumed_end, candidate.end)
    return candidates


def _passive_by_agent(rules: Rules, doc: Document, cue: re.Match, unit: Unit, unit_cues: list[re.Match],
                      aux_start: int, floor: int, previous_end: int, candidates: list[Candidate], lemma: str
                      ) -> tuple[Content | tuple[int, int], tuple[int, int, list[str]], str] | None:
    """Translated agency copy's passive cue with its agent, the source: ``It was emphasized by
    the Secretary that S``; ``«Q» — it was said by P.A. Dragunov to journalists``; ``S. This was
    stated on Saturday by the Secretary``, whose content is the sentence before; ``«Q», as was
    stated by X``, ``S, as was noted by X``, ``As was underlined by him, S``; and a naming cue's
    quotation: ``The talks were characterised by the Ostravian side as «Q»``."""
    text = doc.text
    naming = lemma in NAMING_LEMMAS
    agent = _PASSIVE_AGENT.match(text, cue.end(), unit.end) if lemma in _PASSIVE_SAYING or naming else None
    if agent is None:
        return None
    speaker = rules.speaker_after(agent.end(), unit.end)
    lone = _OBJECT_PRONOUN_AGENT.match(text, agent.end(), unit.end) if speaker is None else None
    if lone is not None:
        speaker = (lone.start(), lone.end(), [lone.group()])  # "by her as «Q»" ("her" reads as a determiner)
    if speaker is None or (norm(speaker[2][0]) in _PRONOUN_FORMS and (
            len(speaker[2]) > 1 or norm(speaker[2][0]) in {"his", "their"})):
        return None  # ("by his aides": a description for another rule; "by him" is the pronoun)
    if naming:
        # "A was described by her as «Q»": the quotation is the agent's, whatever the subject (but not in
        # "The minister, who has been described by diplomats as "patient", told ...": an aside on the subject)
        if _RELATIVE_BEFORE_AUXILIARY.search(text, floor, aux_start):
            return None
        named = _AS_QUOTATION.match(text, speaker[1], unit.end)
        quotation = doc.quotation_starting(named.end(), unit.end) if named else None
        if quotation is None or quotation.close < 0:
            return None
        return (quotation.open, quotation.close + 1), speaker, "passive:naming_by_agent"
    subject = _PASSIVE_SUBJECT.search(text, floor, aux_start)
    pronoun = norm((subject.group("pronoun") or "").strip()) if subject else ""
    if subject is None or (subject.start() > floor and not subject.group("mark")):
        return None
    occasion = _AGENT_OCCASION_THEN_THAT.match(text, speaker[1], unit.end)
    if _THAT_OR_COLON.match(text[occasion.end() if occasion else speaker[1]:unit.end]):
        opening = WORD.match(text, floor)
        fronted = subject.group("mark") == "," and opening is not None and _is_fronted(opening.group())
        if pronoun != "it" or (subject.start() > floor and not fronted):
            return None  # (but "In an interview on Sunday, it was stated by X that S")
        content = rules.content_after(occasion.end() if occasion else speaker[1], unit, lemma, unit_cues,
                                      allow_bare=False)
        return (content, speaker, "passive:by_agent") if content is not None else None
    if pronoun == "as" and subject.start() == doc.body_start(unit) and not subject.group("mark"):
        # "As was underlined by him, S": the clause after the attribution's comma
        comma = _UP_TO_COMMA.match(text, speaker[1], unit.end)
        if comma is None or len(WORD.findall(text[speaker[1]:comma.end()])) > 8:
            return None
        start, end = _trim_content(text, comma.end(), rules.content_end(comma.end(), unit, unit_cues))
        if any(start <= c.start() < end for c in unit_cues):
            return None  # "As was reported by the Wire, X stated that S": X's quote, by its own cue
        return ((start, end), speaker, "passive:as_by_agent") if _looks_like_clause(text[start:end]) else None
    if not rules.attribution_ends_clause(speaker[1], unit.end):
        return None
    if subject.start() > floor and pronoun in {"it", "", "as"}:
        # '«Q» — it was said by X', '«Q», as was stated by X': the quotation before the attribution
        # (which may hold sentences)
        close = len(text[:subject.start("mark") + 1].rstrip(" ,—–-\n")) - 1
        quotation = doc.quotation_covering(close) if text[close:close + 1] in _CLOSING else None
        if quotation is not None and quotation.open >= 0 and quotation.close == close and \
                quotation.start >= previous_end:
            return (quotation.open, quotation.close + 1), speaker, "passive:by_agent_after"
        if pronoun == "as" and subject.group("mark") == "," and quotation is None:
            # "S, as was noted by X.": the clause before the comma
            start, end = _trim_content(text, floor, subject.start("mark"))
            if end > start and _looks_like_clause(text[start:end]) and not any(
                    start <= c.start() < end for c in unit_cues):
                return (start, end), speaker, "passive:as_by_agent_after"
        return None
    if pronoun == "this" and subject.start() == unit.start:
        # "S. This was stated by X": the sentence before, if no quote holds it already
        previous = doc.unit_at(unit.start - 1) if unit.start > 0 else None
        if previous is None or previous.paragraph != unit.paragraph or (
                candidates and candidates[-1].end > previous.start):
            return None
        start, end = _trim_content(text, previous.start, previous.end)
        return ((start, end), speaker, "passive:this_by_agent") if end > start else None
    return None


def _asked_by(rules: Rules, doc: Document, cue: re.Match, unit: Unit, floor: int
              ) -> tuple[tuple[int, int], tuple[int, int, list[str]]] | None:
    """``Asked by reporters on Monday whether S, X said ...``: the question is the asker's quote,
    from its wh-word to the comma that ends the fronted clause (the answer is the next cue's)."""
    text = doc.text
    if not _ASKED_BY_OPENER.fullmatch(text, max(floor, doc.body_start(unit)), cue.start()):
        return None
    by = _BY.match(text, cue.end(), unit.end)
    wh = _QUESTION_WORD.search(text, by.end(), min(unit.end, by.end() + 120)) if by else None
    asker = rules.speaker_after(by.end(), wh.start()) if by and wh else None
    if asker is None or not _SHORT_PHRASE.fullmatch(text, asker[1], wh.start()):
        return None
    start = wh.start()
    for comma in _COMMA.finditer(text, start, unit.end):
        if doc.quotation_covering(comma.start()) is None:
            start, end = _trim_content(text, start, comma.start())
            return ((start, end), asker) if end > start else None
    return None  # no main clause after the question


def _headline_pair(doc: Document, unit: Unit, cue: re.Match, speaker: tuple[int, int, list[str]] | None
                   ) -> tuple[int, int, list[str]] | None:
    """Headline-ese, where a comma stands for "and": ``Norland, Ostravia cite 'progress'`` is said by
    Norland and Ostravia, ``Norland, Ostravia security chiefs ... say 'Q'`` by the two chiefs."""
    if speaker is None or unit.paragraph != 0 or not doc.is_headline(unit):
        return speaker
    pair = _HEADLINE_PAIR.match(doc.text, unit.start, unit.end)
    if pair is None or pair.end() > cue.start() or not pair.start(1) <= speaker[0] < pair.end(2):
        return speaker
    role = pair.group("role")
    if role and _is_people_plural(norm(role.split()[-1])):
        # the mention is the headline's words; it is resolved as "the two security chiefs" would be
        return pair.start(1), pair.end("role"), ["the", "two", *role.split()]
    return pair.start(1), pair.end(2), [pair.group(1), "and", pair.group(2)]


def _previous_end(candidates: list[Candidate], unit: Unit) -> int:
    ends = [max(c.cue_end or 0, c.end) for c in candidates if c.unit_start == unit.start and c.cue_end is not None]
    return max(ends) if ends else unit.start


def _read_cue(rules: Rules, doc: Document, cue: re.Match, unit: Unit, unit_cues: list[re.Match],
              candidates: list[Candidate]) -> list[Candidate]:
    text = doc.text
    form = cue.group().lower()
    previous_end = _previous_end(candidates, unit)
    floor = max(unit.start, previous_end, doc.body_start(unit))

    defaults: dict[str, str] = {}  # fields every candidate of this cue gets unless given ("via")

    def make(content: Content | tuple[int, int], speaker, rule: str, **extra) -> Candidate:
        extra = {**defaults, **extra}
        c_start, c_end = (content.start, content.end) if isinstance(content, Content) else content
        kind, start, end = _kind_and_span(doc, c_start, c_end)
        s_start, s_end, words = speaker if speaker else (None, None, [])
        if isinstance(content, Content) and content.addressee and "addressee" not in extra:
            extra["addressee"] = content.addressee
        return Candidate(kind, start, end, cue.start(), cue.end(), tuple(words), s_start, s_end, rule,
                         unit.start, unit.end, **extra)

    last = candidates[-1] if candidates and candidates[-1].unit_start == unit.start else None
    if last is not None and last.via is None and last.speaker_start is not None and form in _AS_PASSED_ON:
        medium = _AS_PASSED_ON_BY.match(text, cue.end(), unit.end)
        if (medium and text[max(floor, cue.start() - 4):cue.start()].lower().rstrip().endswith("as")
                and _ATTRIBUTION_TAIL.fullmatch(text, max(last.end, last.cue_end or 0, last.speaker_end),
                                                cue.start() - 3)):
            speaker = rules.speaker_after(medium.end(), unit.end)
            if speaker is not None and rules.attribution_ends_clause(speaker[1], unit.end):
                # '"Q," Dragunov told reporters, as quoted by Ostra-Press': secondhand, through its medium
                candidates[-1] = replace(last, via=" ".join(speaker[2]))
                return []
    if cue.group("according"):
        speaker = rules.speaker_after(cue.end(), unit.end)
        if speaker is None:
            return []
        author = _DOCUMENT_BY.match(text, speaker[1]) if _DOCUMENT_NOUN.search(" ".join(speaker[2][:4])) else None
        if author is not None:
            # "according to a statement released by the Granite House": the Granite House speaks
            issuer = rules.speaker_after(author.end(), unit.end)
            speaker = issuer if issuer is not None and not issuer[2][0][0].isdigit() else speaker  # (not "from 2010")
        subject_before = text[floor:cue.start()].rstrip()
        if subject_before.endswith(",") and _THAT_AFTER_COMMA.match(text, speaker[1], unit.end) and any(
                floor <= c.start() < cue.start() for c in unit_cues):
            return []  # "She told him, according to a diplomat, that S": the cue before reads it, through X
        closing_comma = _COMMA_THEN_CUE.match(text, speaker[1], unit.end)
        if (subject_before.endswith(",") and closing_comma and 0 < len(WORD.findall(subject_before)) <= 9
                and not _is_fronted(subject_before.split()[0])  # (not "Since last November, according to X, S")
                and any(c.start() == closing_comma.end() and c.group().lower() not in _NOUNISH for c in unit_cues)
                and not any(floor <= c.start() < cue.start() for c in unit_cues)):
            return []  # "Dragunov, according to the Citadel's account, told Calloway that S": the cue after reads it
        if (last is not None and last.via is None and last.speaker_start is not None
                and _ATTRIBUTION_TAIL.fullmatch(text, max(last.end, last.cue_end or 0, last.speaker_end), cue.start())
                and rules.attribution_ends_clause(speaker[1], unit.end)):
            # "S, X said, according to Ostra-Press": the report is secondhand, through its medium
            candidates[-1] = replace(last, via=" ".join(speaker[2]))
            return []
        before = text[floor:cue.start()].rstrip()
        if before.endswith(":") and cue.group()[0].isupper():
            floor, before = cue.start(), ""  # "It has not gone unnoticed: According to X, S"
        last_before = (before.rstrip(" ,—–-").split() or [""])[-1].lower()
        if before and len(WORD.findall(before)) >= 3 and before.split()[-1].lower() not in {"and", "but", "that"} \
                and last_before not in _OPENS_A_CLAUSE_AHEAD:
            aside = _PARENTHETICAL_ATTRIBUTION.match(text, speaker[1], unit.end)
            if aside and before.endswith(",") and (_FINITE_AUXILIARY.match(text, aside.end()) or (
                    not _looks_like_clause(before) and _VERBISH.match(text, aside.end())) or (
                    _SUBORDINATE_START.match(before) and _starts_with_clause(text, aside.end(), unit.end))):
                # "One of the decisions, according to a person close to the process, is to ...": around it
                end = rules.content_end(aside.end(), unit, unit_cues)
                return [make(_trim_content(text, floor, end), speaker, "according_to:parenthetical")]
            content = rules.content_before(cue.start(), unit, previous_end, loose=True)
            if content is None and _looks_like_clause(before):
                content = Content(*_trim_content(text, floor, cue.start()), None, False)
            if content is not None or not before.endswith(","):
                return [make(content, speaker, "according_to:after")] if content else []
            # "In addition, according to the ministry, S": a fronted phrase, then S after X
        comma = _UP_TO_COMMA.match(text, speaker[1], unit.end)
        if not comma:
            return []  # "According to X, S": S starts after the comma that closes X
        start = comma.end()
        if rules.attribution_opens(start, unit, unit_cues):
            return []  # "According to Ostra-Press, Dragunov said S": Dragunov's quote, through Ostra-Press
        start, end = _trim_content(text, start, rules.content_end(start, unit, unit_cues))
        return [make((start, end), speaker, "according_to:before")] if end > start else []

    if cue.group("words"):
        # "The hotline is, in her words, 'a floor, not a ceiling'": the owner of the words speaks
        owner = cue.group("owner")
        after = _COMMA_AFTER.match(text, cue.end()).end()  # "In Okafor's words, S"
        content = rules.content_after(after, unit, "say", unit_cues, allow_bare=True)
        if content is None:
            return []
        word = owner[:-2] if owner.endswith(("'s", "’s")) else owner
        return [make(content, (cue.start("owner"), cue.start("owner") + len(word), [word]), "in_words")]

    if cue.group("passive"):
        speaker = rules.speaker_before(floor, cue.start())
        via = cue.group("passive_by")
        after_pos = cue.end()
        by = _BY.match(text[after_pos:unit.end])
        if by:
            via_np = rules.speaker_after(after_pos + by.end(), unit.end)
            if via_np:
                via, after_pos = " ".join(via_np[2]), via_np[1]
        lemma = "tell" if cue.group("passive").rstrip().endswith("telling") else "say"  # "as telling X that S"
        content = rules.content_after(after_pos, unit, lemma, unit_cues, allow_bare=True)
        if content is None and speaker:
            content = rules.content_before(speaker[0], unit, previous_end)
        return [make(content, speaker, "passive:cited_as_saying", via=via)] if content else []

    if cue.group("quoted_as"):
        m = re.match(r"\s+(.{1,80}?)\s+" + _AS_SAYING + r"\b", text[cue.end():unit.end])
        if not m:
            return []
        speaker = rules.speaker_after(cue.end(), cue.end() + m.end(1) + 1)
        if speaker is not None and norm(speaker[2][0]) not in _PRONOUN_FORMS and _QUOTED_SOURCE_TAIL.fullmatch(
                text, speaker[1], cue.end() + m.end(1)):
            # "quoted sources in the Security Council as saying": the whole phrase names the source
            speaker = (speaker[0], cue.end() + m.end(1), text[speaker[0]:cue.end() + m.end(1)].split())
        via_np = rules.speaker_before(floor, cue.start())
        via = " ".join(via_np[2]) if via_np else None
        lemma = "tell" if m.group().rstrip().endswith("telling") else "say"  # "quoted X as telling Y that S"
        content = rules.content_after(cue.end() + m.end(), unit, lemma, unit_cues, allow_bare=True)
        if content is None and via_np:
            content = rules.content_before(via_np[0], unit, previous_end)
        return [make(content, speaker, "passive:quoted_as_saying", via=via)] if content else []

    if cue.group("phrase"):
        lemma = "point" if form.startswith(("point", "spell")) else "say"
    else:
        lemma = CUE_FORMS.get(form, form)
    # words that only look like cues: "the added cost", "a report", "the United States"
    if form == "state" and _STATE_MODIFIES.match(text, cue.end()):
        return []  # "state media", "the Ostravian state news agency": an adjective, not a cue
    prev_word = _last_word(text[max(unit.start, cue.start() - 30):cue.start()])
    if form in {"report", "reports"} and prev_word and (norm(prev_word.group(1)) in DETERMINERS or (
            form == "reports" and prev_word.group(1).islower() and norm(prev_word.group(1)) not in PRONOUNS)):
        outlet = _REPORT_IN_AN_OUTLET.match(text, cue.end(), unit.end)
        if outlet is not None:
            # "a report in the Kovask Herald that S", "reports in the Ostravian press that S": the outlet's words
            content = rules.content_after(outlet.end("outlet"), unit, "report", unit_cues, allow_bare=False)
            if content is not None:
                words = outlet.group("outlet").split()
                return [make(content, (outlet.start("outlet"), outlet.end("outlet"), words), "noun:report_in")]
    if prev_word and norm(prev_word.group(1)) in DETERMINERS and norm(prev_word.group(1)) not in _QUANTIFIER_SUBJECTS \
            and not _N_IN_N.search(text, max(unit.start, cue.start() - 30), cue.start()):
        return []  # "the added cost", "a briefing for journalists": a noun, not a cue ("Two in three said" is)
    if form in _NOUNISH and prev_word and prev_word.group(1).islower() and _is_noun_after_determiner(
            WORD.findall(text[max(unit.start, cue.start() - 40):cue.start()])[-4:]) and not (
                form.endswith("s") and _nounish_used_as_a_verb(text, cue, unit, form, prev_word)):
        return []  # "in a short written note": a noun after a determiner and adjectives (not "the suit claims that")
    if _BEFORE_A_DOCUMENT_NOUN.match(text, cue.end()) and _is_noun_after_determiner(
            WORD.findall(text[max(unit.start, cue.start() - 40):cue.start()])[-4:]):
        return []  # "a short written note", "the prepared statement": a participle used as an adjective
    if cue.group()[0].isupper() and cue.start() != unit.start and text[cue.start() - 2:cue.start()].strip() not in {
            "", '"', "“", "«"} and not doc.is_headline(unit):
        return []  # "the United States"; a Title Case headline ("Senator Says ...") is another matter
    subject_pronoun = prev_word is not None and norm(prev_word.group(1)) in PRONOUNS
    if form in _NOUNISH and not subject_pronoun and not (  # (", warning that S": a participle, not a noun)
            form.endswith("ing") and text[max(unit.start, cue.start() - 3):cue.start()].rstrip().endswith(",")
            and _THAT_OR_COLON.match(text[cue.end():unit.end])) and not _nounish_used_as_a_verb(
                text, cue, unit, form, prev_word):
        return []  # "the fifth state that", "Editor's note:": a verb use has a subject and "that"/a colon
    if form in _NOUNISH and _THAT_THEN_AUXILIARY.match(text, cue.end(), unit.end):
        return []  # "Rust Belt states that have suffered": a relative clause on a plural noun
    following = _NEXT_WORD.match(text, cue.end()) if form in _SOURCE_LINK_FIRST_WORDS else None
    if following and f"{form} {following.group(1).lower()}" in _SOURCE_LINKS:
        return []  # "two diplomats briefed on the plans said": part of the speaker, not a cue
    if text[max(0, cue.start() - 3):cue.start()].lower() == "so-":
        return []  # "so-called": a scare quote, nobody is said to say it
    adverb_aux = _AUXILIARY_AND_ADVERB.search(text, max(unit.start, cue.start() - 40), cue.start()) if (
        prev_word and norm(prev_word.group(1)) not in _PASSIVE_AUX and form.endswith(("ed", "said"))
        and _BY_AGENT.match(text, cue.end())) else None
    if adverb_aux is not None:
        # "It was further emphasised by X that S": the adverb hides the auxiliary from prev_word
        by_agent = _passive_by_agent(rules, doc, cue, unit, unit_cues, adverb_aux.start(), floor, previous_end,
                                     candidates, lemma)
        if by_agent is not None:
            content, speaker, rule = by_agent
            return [make(content, speaker, rule)]
    if prev_word and norm(prev_word.group(1)) in _PASSIVE_AUX and form.endswith(("ed", "en", "told", "said", "wrote")):
        aux_start = max(unit.start, cue.start() - 30) + prev_word.start(1)  # (prev_word matched a slice)
        by_agent = _passive_by_agent(rules, doc, cue, unit, unit_cues, aux_start, floor, previous_end,
                                     candidates, lemma)
        if by_agent is not None:
            content, speaker, rule = by_agent
            return [make(content, speaker, rule)]
        return []  # "was written off", "was warned about": passive, the subject is not the speaker
    if form == "asked" and _BY_AGENT.match(text, cue.end()):
        question = _asked_by(rules, doc, cue, unit, floor)
        if question is not None:
            return [make(question[0], question[1], "asked_by:question")]
    if form.endswith(("ed", "en")) and _BY_AGENT.match(text, cue.end()) and not (
            prev_word and norm(prev_word.group(1)) == "as"):
        return []  # "a biography written by the Post": a participle with its agent, not a cue

    before_text = text[floor:cue.start()]
    stripped = before_text.rstrip()
    # 'X said, "Q1," adding that "Q2"': the quote before ended with its comma inside the closing mark
    after_quotes_comma = 0 < len(stripped.strip()) <= 2 and set(stripped.strip()) <= _CLOSING_MARKS and \
        text[floor - 1:floor] == ","
    participial = form.split()[0].endswith("ing") and (
        stripped.endswith(",") or not stripped.strip() or after_quotes_comma
        or _PARTICIPLE_CONJUNCTION.search(stripped) is not None or _DOCUMENT_BEFORE.search(stripped) is not None)
    coordinated = not participial and _COORDINATED.search(" " + text[unit.start:cue.start()]) is not None
    # "Marek has taken to calling it "Q"", "The Granite House has begun describing it as": the subject speaks
    aspect = (_ASPECT_FRAME.search(text, floor, cue.start()) if form.endswith("ing") and not participial
              and prev_word is not None and norm(prev_word.group(1)) in _ASPECT_LAST_WORDS else None)
    speaker_end = aspect.start() if aspect else cue.start()

    if lemma == "cite" and form == "citing" and not stripped.strip() and cue.group()[0].isupper():
        # "Citing an Ostravian delegation member, Ostra-Press reported that S": the source speaks, through the medium
        source = rules.speaker_after(cue.end(), unit.end)
        comma = _COMMA_THEN_CUE.match(text, source[1], unit.end) if source is not None else None
        reporting = next((c for c in unit_cues if comma is not None and c.start() > comma.end()
                          and c.group().islower() and CUE_FORMS.get(c.group().lower()) in _SECONDHAND_LEMMAS), None)
        medium = rules.speaker_before(comma.end(), reporting.start()) if reporting is not None else None
        if medium is not None and medium[0] == comma.end():
            content = rules.content_after(reporting.end(), unit, CUE_FORMS[reporting.group().lower()], unit_cues,
                                          allow_bare=True)
            if content is not None:
                return [make(content, source, "citing:fronted", via=_strip_article(" ".join(medium[2])))]
    if lemma == "cite" and form == "citing" and stripped.endswith(","):
        # "Y reported, citing X": the quote is X's, Y is the medium
        speaker = rules.speaker_after(cue.end(), unit.end)
        if speaker and candidates and candidates[-1].unit_start == unit.start:
            last = candidates[-1]
            via = " ".join(last.speaker_words) if last.speaker_words else None
            candidates[-1] = replace(last, speaker_words=tuple(speaker[2]), speaker_start=speaker[0],
                                     speaker_end=speaker[1], via=via, rule=last.rule + "+citing",
                                     inherit=None)
            return []
        if speaker:
            content = rules.content_after(speaker[1], unit, "say", unit_cues, allow_bare=False)
            if content:
                reported = _CUE_WORD_AND_COMMA.search(text, floor, cue.start())
                medium_end = reported.start() if reported and reported.group(1) in CUE_FORMS else cue.start()
                via_np = rules.speaker_before(floor, medium_end)  # "Ostra-Press reported, citing X, that S"
                return [make(content, speaker, "citing", via=" ".join(via_np[2]) if via_np else None)]
        return []

    if lemma in NAMING_LEMMAS or (lemma in _QUOTED_OBJECT_LEMMAS and _PREPOSITION_THEN_QUOTATION.match(text, cue.end())):
        # called it "Q" / described A as "Q" / cited "Q" / warned against "Q": the quotation is the content
        m = _NAMING_OBJECT.match(text[cue.end():unit.end])
        if not m:
            return []
        q = doc.quotation_starting(cue.end() + m.end(), unit.end)
        if q is None or q.close < 0:
            return []
        if lemma in {"call", "term", "dub", "label"} and not (m.group(1) or "").strip() and m.group(2) is None \
                and form.endswith("ed") and prev_word and (
                prev_word.group(1).islower() and norm(prev_word.group(1)) not in AUXILIARIES | set(PRONOUNS)):
            return []  # 'a class called "Perception"', 'what is typically called "X"': a name, not a quote
        named = Document.outer(q)
        joined = _AND_QUOTATION.match(text, named[1], unit.end)
        second = doc.quotation_starting(joined.end(), unit.end) if joined else None
        if second is not None and second.close >= 0:
            named = (named[0], Document.outer(second)[1])  # 'described the talks as "frank" and "useful"': both
        if participial or coordinated:
            inherit = "previous" if (stripped.endswith(",") or coordinated or _mid_sentence(stripped)
                                  or _DOCUMENT_BEFORE.search(stripped) or after_quotes_comma) else "next"
            if inherit == "previous" and not any(c.unit_start == unit.start for c in candidates):
                subject = (rules.subordinate_subject(unit, cue.start()) if coordinated else None) or \
                    rules.clause_subject(unit, cue.start())
                if subject is not None:
                    return [make(named, subject, f"naming:{lemma}:subject")]
            return [make(named, None, f"naming:{lemma}", inherit=inherit)]
        speaker = _headline_pair(doc, unit, cue, (
            _both_across_appositions(text, doc.body_start(unit) if floor == unit.start else floor, cue.start())
            or rules.speaker_before(floor, speaker_end)))
        if speaker is None:
            return []
        return [make(named, speaker, f"naming:{lemma}")]

    if participial or coordinated:
        content = rules.content_after(cue.end(), unit, lemma, unit_cues, allow_bare=True)
        if content is None:
            return []
        inherit = "previous" if (stripped.endswith(",") or coordinated or _mid_sentence(stripped)
                                  or _DOCUMENT_BEFORE.search(stripped) or after_quotes_comma
                                  or (not stripped and previous_end > unit.start)
                                  # '"Q," Voss said, while arguing S': after a quote of this sentence
                                  or (last is not None and _MID_SENTENCE_CONJUNCTION.search(stripped))) else "next"
        kind = "coordinated" if coordinated else "participial"
        if inherit == "previous" and not any(c.unit_start == unit.start for c in candidates):
            # "X left the hall, saying that S": the main clause is not speech; its subject speaks
            subject = (rules.subordinate_subject(unit, cue.start()) if coordinated else None) or \
                rules.clause_subject(unit, cue.start())
            if subject is not None:
                return [make(content, subject, f"{kind}:{lemma}:subject")]
        if inherit == "previous" and not any(c.unit_start == unit.start for c in candidates):
            inherit = None  # no subject found and no quote earlier in the sentence: unresolved, not guessed
        if inherit == "next" and not stripped and text[content.end:content.end + 1] == "," and not any(
                c.start() >= content.end for c in unit_cues):
            # "Noting that S, Trump reminded Americans of ...": the main clause's subject, after the content
            # (when the main clause has a cue of its own, "Emphasizing it, Trump said, "Q"", its quote comes next)
            subject = rules.clause_subject(Unit(content.end + 1, unit.end, unit.paragraph), unit.end)
            if subject is not None and subject[0] > content.end:
                return [make(content, subject, f"{kind}:{lemma}:subject")]
        return [make(content, None, f"{kind}:{lemma}", inherit=inherit)]

    if form.endswith("ed") and _AS_PASSIVE_OPENER.fullmatch(text, doc.body_start(unit), cue.start()):
        # "As reported by the Herald, S", "As explained to OSTA by a source, «Q»": the agent speaks, the
        # content is the clause after the comma
        by = _PASSIVE_AGENT.match(text, cue.end(), unit.end)
        agent = rules.speaker_after(by.end(), unit.end) if by else None
        comma = _UP_TO_COMMA.match(text, agent[1], unit.end) if agent else None
        if agent is None or comma is None or len(WORD.findall(text[agent[1]:comma.end()])) > 8:
            return []
        start, end = _trim_content(text, comma.end(), rules.content_end(comma.end(), unit, unit_cues))
        return [make((start, end), agent, "as_cue:passive")] if _looks_like_clause(text[start:end]) else []
    # "X was quick to add that S": X speaks (the frame is searched for only when "to" comes right before the cue)
    infinitive = stripped.endswith("to") and stripped[-3:-2].isspace()
    frame = _INFINITIVE_FRAME.search(text, floor, cue.start()) if infinitive else None
    if infinitive and frame is None and not participial and not coordinated:
        # "Moen stepped in at one point to say that S", "Voss used her speech to argue that S": the subject
        # acted in order to speak; not "wants to say", "declined to say", "asked Marek to say"
        subject = rules.clause_subject(unit, cue.start())
        if subject is not None and subject[1] < cue.start() and (
                _ACTED_TO_SPEAK.match(text, subject[1], cue.start()) or (text.startswith(",", subject[1]) and (
                    _ACTED_TO_SPEAK.match(text, subject[1] + 1, cue.start())))):  # (after an apposed name's comma)
            content = rules.content_after(cue.end(), unit, lemma, unit_cues, allow_bare=True)
            if content is not None and rules.clause_follows(cue.end(), unit.end):
                return [make(content, subject, "infinitive:subject")]
    speaker = (_both_across_appositions(text, doc.body_start(unit) if floor == unit.start else floor, cue.start())
               or rules.speaker_before(floor, frame.start() if frame else speaker_end))
    speaker = _headline_pair(doc, unit, cue, speaker)
    if speaker is not None and form.endswith("ing") and speaker[0] > floor:
        word_before = _LAST_WORD.search(text, max(floor, speaker[0] - 30), speaker[0])
        head = norm(description_head(list(speaker[2])))
        if word_before is not None and norm(word_before.group(1)) in _PLACE_PREPOSITIONS and not (
                head in ROLE_NOUNS or head in GROUP_NOUNS or _is_people_plural(head)
                or any(norm(w) in FIRST_NAME_GENDER for w in speaker[2])):
            # "... emerged from the talks at the Harbour Pavilion saying that S": a place before the participle;
            # the clause's subject speaks (after a verb the noun phrase may speak: "left 62 percent of voters
            # saying S", so only a place)
            pair = _PAIR_ACROSS_APPOSITIONS.match(text, doc.body_start(unit), word_before.start(1))
            subject = (pair.start(1), pair.end(2), pair.group(1).split() + ["and"] + pair.group(2).split()) \
                if pair is not None else rules.clause_subject(unit, speaker[0])
            if subject is not None and subject[1] <= word_before.start(1) and not (
                    len(subject[2]) == 1 and text[subject[1]:subject[1] + 1] == ","):  # (not "Worse, ...")
                speaker = subject
    medium = _ACCORDING_TO_MEDIUM.fullmatch(text, floor, speaker[0]) if speaker is not None else None
    if medium is not None:
        defaults["via"] = _strip_article(medium.group(1))  # "According to Ostra-Press, Dragunov said S"
    aside = _ACCORDING_TO_ASIDE.fullmatch(text, speaker[1], speaker_end) if speaker is not None else None
    if aside is None:
        aside = _ACCORDING_TO_ASIDE.search(text, cue.end(), min(unit.end, cue.end() + 160))
        if aside is not None and not text[aside.end():aside.end() + 5].startswith("that"):
            aside = None
    if aside is not None:
        # "Dragunov, according to Ostra-Press, said S", "She told him, according to a diplomat, that S"
        defaults["via"] = _strip_article(aside.group(1))
    if (speaker is not None and last is not None and last.via is None and last.speaker_start is not None
            and lemma in _SECONDHAND_LEMMAS and not text[previous_end:speaker[0]].strip(" ,")
            and last.rule != "asked_by:question"  # ("Asked by Y whether S, X said": X answers, not passes on)
            and text[previous_end:speaker[0]].count(",") == 1 and rules.attribution_ends_clause(cue.end(), unit.end)):
        # "Dragunov said S, Ostra-Press reported": Dragunov's quote, through Ostra-Press
        candidates[-1] = replace(last, via=" ".join(speaker[2]))
        return []
    citing = _CITING_ASIDE.match(text, speaker[1], cue.start()) if speaker is not None else None
    if citing is not None:
        # "Kovask Broadcasting, citing a source in the council, reported that S": the source speaks
        source = (citing.start(1), citing.end(1), citing.group(1).split())  # the whole aside names the source
        head = description_head(source[2]) if source[2] else ""
        if source[2] and (head[:1].isupper() or norm(head) in ROLE_NOUNS | GROUP_NOUNS or _is_people_plural(norm(head))
                          or _DOCUMENT_NOUN.fullmatch(head)):  # (not "Manafort, citing the unique magic of Trump,")
            content = rules.content_after(cue.end(), unit, lemma, unit_cues, allow_bare=True)
            if content is not None:
                return [make(content, source, "citing:aside", via=" ".join(speaker[2]))]
    as_clause = speaker is not None and _AS_OPENER.fullmatch(
        text, doc.body_start(unit) if floor == unit.start else floor, speaker[0]) is not None
    if speaker is not None and not as_clause and _AS_AFTER_A_CLAUSE.search(text, floor, speaker[0]):
        # "..., and as Comey noted, S": only when a new clause follows (not "The irony, as X put it, is that")
        comma = _UP_TO_COMMA.match(text, cue.end(), unit.end)
        as_clause = comma is not None and _starts_with_clause(text, comma.end(), unit.end)
    elif as_clause:
        comma = _UP_TO_COMMA.match(text, cue.end(), unit.end) or _COLON_AFTER.match(text, cue.end())
    if as_clause:
        # "As X said on Monday, S": the content is the main clause after the comma
        if comma is None or len(WORD.findall(text[cue.end():comma.end()])) > 8 or _WITH_COMPANION.match(text, cue.end()):
            return []  # (not "As Freddy joked with his friend at the table, his brother grew impatient": a time)
        start, end = _trim_content(text, comma.end(), rules.content_end(comma.end(), unit, unit_cues))
        return [make((start, end), speaker, "as_cue")] if _looks_like_clause(text[start:end]) else []
    if speaker is not None:
        aside = _PARENTHETICAL_ATTRIBUTION.match(text, cue.end(), unit.end)
        if aside is None and lemma in _TELL_LIKE:
            # "The solution, the partner told them, was simple": past the addressee, the predicate goes on
            aside = _PARENTHETICAL_ATTRIBUTION.match(text, _after_addressee(text, cue.end(), unit.end), unit.end)
            aside = aside if aside is not None and _VERBISH.match(text, aside.end()) else None
        first_part = text[floor:speaker[0]].strip()
        # the words before the attribution are no sentence of their own: "If China can build a wall,
        # he said, ...", "Rather than wait and, he argued, ...", "The bigger risk, he said, is ..."
        unfinished = _SUBORDINATE_START.match(first_part) is not None or _DANGLING_END.search(first_part) is not None
        predicate = _ADVERBS_BEFORE_A_VERB.match(text, aside.end()).end() if aside else 0  # "..., he said, now have"
        # "In the end, he said, voters always come home": an adverbial alone before the attribution
        unfinished = unfinished or (aside is not None and _FRONTED_ADVERBIAL.fullmatch(first_part) is not None
                                    and len(WORD.findall(text, aside.end(), unit.end)) >= 3)
        if (aside and first_part.endswith(",") and not first_part.startswith(tuple(_OPENING))
                and not re.match(r"\w+ing\b|according\b", text[aside.end():unit.end])
                and (unfinished or (not _looks_like_clause(first_part) and (
                    _starts_with_clause(text, aside.end(), unit.end) or _VERBISH.match(text, predicate)))
                     or (_FINITE_AUXILIARY.match(text, predicate) and len(WORD.findall(first_part)) <= 12)
                     # "The argument would be aided, Devine said, by the upcoming calendar": the clause goes on
                     or (_looks_like_clause(first_part) and _CLAUSE_GOES_ON.match(text, aside.end())
                         and not _ATTRIBUTION_CIRCUMSTANCE.match(text, aside.end())
                         and "," not in text[aside.end():rules.content_end(aside.end(), unit, unit_cues)]))):
            # ("Cost estimates, he added, were based on ...": a short subject, then its verb after the attribution)
            # "The bigger risk, he said, is a clash at sea": the attribution sits inside its content
            end = rules.content_end(aside.end(), unit, unit_cues)
            opening = _LAST_CLAUSE_OPENING.search(text, floor, speaker[0])  # "... - all of whom, she explained,"
            begin = opening.end() if opening and _DANGLING_END.search(first_part) else floor
            if text[begin - 1:begin] == "(" and text.find(")", aside.end(), end) >= 0:
                end = text.find(")", aside.end(), end)  # "(the existence of which, X say, represents ...)"
            return [make(_trim_content(text, begin, end), speaker, "parenthetical:speaker_cue")]
        # "X said (that) S" / "X said: "Q"" / "S, X said" / ""Q," X said"
        content = rules.content_after(cue.end(), unit, lemma, unit_cues, allow_bare=True)
        before = rules.content_before(speaker[0], unit, previous_end)
        if before is None:
            # '"Q," veteran analyst Ruth Delacroix wrote': lower-case role words before the name
            role = _ROLE_WORDS_BEFORE.search(text, floor, speaker[0])
            # (the mention may hold the rest of the role: "super" before "PAC spokeswoman Kellyanne Conway")
            rest_of_role = list(itertools.takewhile(lambda w: w.islower() or (w.isupper() and 2 <= len(w) <= 5),
                                                    speaker[2])) if speaker[2][0].isupper() else []
            if role and _is_role_run(role.group(1).split() + rest_of_role):
                before = rules.content_before(role.start(1), unit, previous_end)
                if before is not None:
                    speaker = (role.start(1), speaker[1], role.group(1).split() + speaker[2])
        if before is not None and content is not None:
            forward_marked = rules.bridge(cue.end(), unit.end, lemma) is not None  # "that" or a colon
            if before.marked and not forward_marked:
                content = None  # ""Q," X said of the plan": the quotation is the content
            elif forward_marked or not rules.attribution_ends_clause(cue.end(), unit.end):
                before = None  # "Speaking to reporters, X said that S": the content follows
            else:
                content = None
        if before is not None and content is None and not before.marked and (
                text[speaker[0]:speaker[1]].lower() in {"who", "which", "that"}
                or _RELATIVE_BEFORE_SPEAKER.search(text, max(floor, speaker[0] - 12), speaker[0])):
            before = None  # "Democrats, who highlighted comments ...": a relative clause's cue has no content before it
        if before is not None and not before.marked and _ADVERBIAL_ONLY.fullmatch(text, before.start, before.end):
            before = None  # "After five hours in Port Halden, Norland and Ostravia agree to ...": a fronted adverbial
        if before is not None and content is None and not before.marked and not rules.attribution_ends_clause(
                _after_addressee(text, cue.end(), unit.end) if lemma in _TELL_LIKE else cue.end(), unit.end):
            before = None  # "Though S, Clinton maintains a lock on ...": the verb has an object, it attributes nothing
        if before is not None:
            addressee = None
            if lemma in _TELL_LIKE:
                m = _ADDRESSEE.match(text, cue.end(), unit.end)
                addressee = m.group(1) if m else None
            because = _SUBORDINATE_AFTER_ATTRIBUTION.match(text, cue.end(), unit.end)
            if because and not before.marked:
                # "S, many economists say, because R": the attribution sits inside its content
                end = rules.content_end(because.end(), unit, unit_cues)
                return [make(_trim_content(text, before.start, end), speaker, "parenthetical:speaker_cue")]
            results = [make(before, speaker, "trailing:speaker_cue", addressee=addressee)]
            results.extend(_second_part(rules, doc, cue.end(), unit, unit_cues, speaker, make))
            return results
        if content is not None and not content.marked and norm(WORD.match(text, content.start).group()) in {
                "the", "a", "an", "this", "these", "those", "his", "her", "its", "their"} and \
                len(WORD.findall(text, content.start, content.end)) <= 4 and \
                not _looks_like_clause(text[content.start:content.end]):
            return []  # "Tallin confirmed the call but said ...": a noun phrase, a speech act without content
        if content is not None:
            rule = "forward:speaker_cue_that" if content.marked else "forward:speaker_cue"
            return [make(content, speaker, rule)]
        return []
    last = candidates[-1] if candidates and candidates[-1].unit_start == unit.start else None
    if (last is not None and (stripped.strip() == "," or (not stripped.strip() and text[last.end - 2:last.end] in {
            ',"', ",”", ",’"})) and last.speaker_start is not None
            and text[last.speaker_start:last.speaker_end].lower() == "who"
            and _BLANK_OR_ADVERB.fullmatch(text, last.speaker_end, last.cue_start)):
        # "X, who said S, said T": the main clause's cue has the relative clause's antecedent as subject
        content = rules.content_after(cue.end(), unit, lemma, unit_cues, allow_bare=True)
        antecedent = " ".join(last.speaker_words)
        found = text.rfind(antecedent, unit.start, last.speaker_start)
        if content is not None and found >= 0:
            speaker = (found, found + len(antecedent), list(last.speaker_words))
            return [make(content, speaker, "relative:main_cue")]
    if not stripped and cue.group()[0].isupper() and lemma in _BARE_CLAUSE_LEMMAS:
        # 'Said Comey, "The thought that ..."': a sentence that opens with its cue, then the speaker and the quotation
        speaker = rules.speaker_after(cue.end(), unit.end)
        gap = _COMMA_OR_COLON.match(text, speaker[1]) if speaker is not None else None
        q = doc.quotation_starting(gap.end(), unit.end) if gap is not None and gap.group().strip() else None
        if q is not None:
            o_start = Document.outer(q)[0]
            return [make(_trim_content(text, o_start, rules.content_end(o_start, unit, unit_cues)), speaker,
                         "inverted:cue_speaker")]
    # "…," said X — the speaker follows the cue
    speaker_side = cue.start()
    inverted = _INVERTED_AUXILIARY.search(stripped)
    if inverted:
        # '"Q," has said the Minister' / 'S, has communicated the ministry': translated copy
        stripped = stripped[:inverted.start()]
        speaker_side = floor + len(stripped)
    if stripped.endswith((",", "—", "–", "--")) or (stripped and stripped[-1] in _CLOSING):
        speaker = rules.speaker_after(cue.end(), unit.end)
        if speaker is None or norm(speaker[2][0]) in {"that", "it"}:
            return []
        author = _DOCUMENT_BY.match(text, speaker[1]) if _DOCUMENT_NOUN.search(" ".join(speaker[2][:4])) else None
        if author is not None:
            # '"Q," said a statement from the Ostravian Security Council': the council speaks
            issuer = rules.speaker_after(author.end(), unit.end)
            speaker = issuer if issuer is not None and not issuer[2][0][0].isdigit() else speaker
        if any(w.islower() and _VERBISH.fullmatch(w) and norm(speaker[2][k - 1]) not in DETERMINERS
               and f"{norm(w)} {norm(speaker[2][k + 1]) if k + 1 < len(speaker[2]) else ''}" not in _SOURCE_LINKS
               for k, w in enumerate(speaker[2]) if k):
            return []  # "..., says the talks failed": a clause, not a speaker after its cue
        if not rules.attribution_ends_clause(speaker[1], unit.end):
            return []
        before = rules.content_before(speaker_side, unit, previous_end)
        if before is None:
            return []
        results = [make(before, speaker, "trailing:cue_speaker")]
        results.extend(_second_part(rules, doc, speaker[1], unit, unit_cues, speaker, make))
        return results
    return []


_SINGULAR_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "my", "your",
                                   "each", "every"})
_AUXILIARY_VERB_WORDS = frozenset("""is are was were be been being am has have had do does did will would can could shall
    should may might must""".split())
_SPEAKING_THINGS = frozenset("""suit lawsuit complaint website campaign candidate narrator book study survey poll story
    editorial indictment paper newspaper magazine network channel station site blog group party company firm""".split())
_NOT_A_SUBJECT = frozenset({"there", "here", "against", "about", "of", "for", "on", "in", "with", "to", "from", "by",
                            "new", "more", "most", "other", "such", "all", "some", "many", "few"})
_ADJECTIVE_ENDINGS = ("ed", "al", "ial", "ive", "ous", "ic", "ing", "ary", "ory")
_END_OR_QUOTATION = re.compile(r"\s*[.,;]?\s*$|[.!?]|\s+[\"“«‘']\w")


def _nounish_used_as_a_verb(text: str, cue: re.Match, unit: Unit, form: str, prev_word: re.Match | None) -> bool:
    """Is a cue word that is also a noun (``claims``, ``notes``, ``report``) a verb here? It needs a
    subject right before it (a pronoun, a name, an auxiliary or adverb; for an -s form also ``the
    suit``), then ``that`` or a colon; an -s form may also end its clause (``"Q," Conway notes.``)
    or be followed by a bare clause (``Trump claims he is worth $10 billion``)."""
    third_person = form.endswith("s") and not form.endswith("ss")
    if third_person and text[max(unit.start, cue.start() - 3):cue.start()].rstrip().endswith(",") and \
            _THAT_OR_COLON.match(text[cue.end():unit.end]):
        return True  # "OSTA, citing a source in the delegation, reports that S": the aside closed, the verb follows
    if prev_word is None:
        return False
    before = prev_word.group(1)
    if third_person and (norm(before) == "to" or norm(before) in _AUXILIARY_VERB_WORDS):
        return False  # "responded to reports that S", "There were reports S": no -s verb after "to" or "were"
    subject = (norm(before) in PRONOUNS or norm(before) in AUXILIARIES or _is_adverb(before)
               or (before[0].isupper() and not before.endswith(("'s", "’s")) and not (
                   third_person and (norm(before) in _NOT_A_SUBJECT or (  # (not "There were reports", "Initial reports")
                       prev_word.start(1) + max(unit.start, cue.start() - 30) == unit.start
                       and norm(before).endswith(_ADJECTIVE_ENDINGS))))))
    if third_person and not subject and before.isalpha() and before.islower() and not before.endswith("s") and (
            norm(before) in ROLE_NOUNS | GROUP_NOUNS | _SPEAKING_THINGS or _DOCUMENT_NOUN.fullmatch(before)):
        # "the suit claims", "the candidate notes": a singular noun that can speak, after its determiner
        words = WORD.findall(text[max(unit.start, cue.start() - 40):cue.start()])
        subject = len(words) >= 2 and (norm(words[-2]) in _SINGULAR_DETERMINERS or words[-2][0].isupper()) and \
            norm(words[-2]) not in DETERMINERS - _SINGULAR_DETERMINERS  # (not "two campaign claims")
    if not subject:
        return False
    rest = text[cue.end():unit.end]
    if _THAT_OR_COLON.match(rest):
        return True
    if not third_person or cue.group()[0].isupper():
        return False  # (a Title Case headline's "Calls Trump's Putin Remarks 'Troubling'": "Remarks" is a noun)
    # the attribution ends here, or a quotation is its object ('Citadel claims "mutual understanding"'), or a clause
    return bool(_END_OR_QUOTATION.match(rest)) or _starts_with_clause(text, cue.end(), unit.end)


def _both_across_appositions(text: str, start: int, cue_start: int) -> tuple[int, int, list[str]] | None:
    """``Calloway, the Norlandic adviser, and Dragunov, secretary of the council, both said``: the
    two names, as one speaker mention from the first to the second (appositions left out of its words)."""
    if "both" not in text[max(start, cue_start - 20):cue_start]:
        return None  # (most cues: no pattern match needed)
    both = _BOTH_AFTER_APPOSITIONS.fullmatch(text, start, cue_start)
    if both is None:
        return None
    return both.start(1), both.end(2), both.group(1).split() + ["and"] + both.group(2).split()


def _second_part(rules: Rules, doc: Document, pos: int, unit: Unit, unit_cues, speaker, make) -> list[Candidate]:
    """``"Q1," X said, "Q2."``: the quotation after the attribution is a second quote."""
    # after the attribution: an addressee, time or place words, an apposition; then ", "Q2""
    m = _BEFORE_SECOND_PART.match(doc.text[pos:unit.end])
    if not m or _IN_A_TITLED_WORK.match(doc.text, pos, unit.end):
        return []  # (', she wrote in her memoir, "Hard Winters."': the quotation is the work's title)
    q = doc.quotation_starting(pos + m.end(), unit.end)
    if q is None:
        return []
    start = doc.outer(q)[0]
    end = rules.content_end(start, unit, unit_cues)
    return [make(_trim_content(doc.text, start, end), speaker, "split:second_part")]


def add_continuations(doc: Document, candidates: list[Candidate]) -> list[Candidate]:
    """Quotations with no cue that open their sentence right after an attributed quote."""
    covered = sorted((c.start, c.end) for c in candidates)
    result = list(candidates)
    for q in doc.quotations:
        o_start, o_end = doc.outer(q)
        if q.open < 0 or any(s < o_end and o_start < e for s, e in covered):
            continue
        unit = doc.unit_at(o_start)
        if doc.text[unit.start:o_start].strip():
            continue  # a quotation inside someone's sentence with no cue: a scare quote or a title
        end_unit = doc.unit_at(max(o_start, o_end - 1))
        if doc.text[o_end:end_unit.end].strip(" .,;:!?”\"»"):
            continue
        previous = [c for c in result if c.end <= o_start]
        if not previous:
            continue
        last = max(previous, key=lambda c: c.end)
        last_paragraph = doc.unit_at(max(last.start, last.end - 1)).paragraph
        if q.paragraph - last_paragraph > 1 or (last.kind == "indirect" and q.paragraph != last_paragraph):
            continue
        result.append(Candidate("direct", q.start, q.end, last.cue_start, last.cue_end, (), None, None,
                                "continuation", unit.start, end_unit.end, inherit="previous"))
    result.sort(key=lambda c: (c.start, c.end))
    return result


def _strip_article(text: str) -> str:
    """``The Granite House and the Citadel`` -> ``Granite House and Citadel``."""
    return re.sub(r"(?:^|(?<=\band\s))(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
