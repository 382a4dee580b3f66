"""Quote rules in toolkit.quotes.engine beyond the blind catalogue (test_quotes_spec.py).

Each case is a wording met in real coverage, rewritten with the fictional people of
docs/fixture-world.md, with the quotes ANNOTATION.md gives it as (kind, quote, speaker mention).
"""
from __future__ import annotations

import pytest

from toolkit.quotes import extract_quotes


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.quote, q.speaker_mention) for q in sorted(extract_quotes(text, language="en"),
                                                                 key=lambda q: q.start)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Ms. Calloway said Thursday she would leave the board if Voss won.",
                 [("indirect", "she would leave the board if Voss won", "Ms. Calloway")], id="bare-day-before-content"),
    pytest.param("The veteran diplomat says running the talks is tough and thankless.",
                 [("indirect", "running the talks is tough and thankless", "The veteran diplomat")],
                 id="gerund-subject"),
    pytest.param("A person familiar with the planning for Thursday's meeting says the agenda will focus on radar.",
                 [("indirect", "the agenda will focus on radar",
                   "A person familiar with the planning for Thursday's meeting")], id="source-familiar-with-long"),
    pytest.param("Owen Strand told host Lena Aurich a second round is increasingly likely.",
                 [("indirect", "a second round is increasingly likely", "Owen Strand")], id="told-host-X"),
    pytest.param("Okafor told Ostra-Press that she was disheartened — the analyst also said the problem was old.",
                 [("indirect", "she was disheartened", "Okafor"), ("indirect", "the problem was old", "the analyst")],
                 id="dash-opens-another-attribution"),
    pytest.param("Marek, who said the project was vetted by lawyers, said he was unaware of any dispute.",
                 [("indirect", "the project was vetted by lawyers", "who"),
                  ("indirect", "he was unaware of any dispute", "Marek")], id="relative-who-said-and-main-cue"),
    pytest.param("Marek, who said the project was vetted by lawyers, told reporters he was unaware of any dispute.",
                 [("indirect", "the project was vetted by lawyers", "who"),
                  ("indirect", "he was unaware of any dispute", "Marek")], id="relative-who-said-and-main-told"),
    pytest.param("In July, Ruth Delacroix, vice chairman of Norland-Steel, told Meridian Wire that Strand is involved.",
                 [("indirect", "Strand is involved", "Ruth Delacroix")], id="apposition-opening-with-a-title"),
    pytest.param("As the Kovask Herald reported today, the inspector general sent subpoenas to the Citadel.",
                 [("indirect", "the inspector general sent subpoenas to the Citadel", "the Kovask Herald")],
                 id="as-X-reported-S"),
    pytest.param('But as Marek told reporters in Kovask, "nothing is decided."',
                 [("direct", "nothing is decided.", "Marek")], id="but-as-X-told-Q"),
    pytest.param("As expected, Voss said the talks were over.",
                 [("indirect", "the talks were over", "Voss")], id="as-expected-is-no-as-cue"),
    pytest.param('Marek acknowledged, however, "Past performance is no guide."',
                 [("direct", "Past performance is no guide.", "Marek")], id="aside-before-the-quotation"),
    pytest.param("The effects are hard to predict, many analysts say, because there is little precedent.",
                 [("indirect", "The effects are hard to predict, many analysts say, because there is little precedent",
                   "many analysts")], id="attribution-inside-S-because-R"),
    pytest.param("Voss said, however, that the talks were over.",
                 [("indirect", "the talks were over", "Voss")], id="said-however-that"),
    pytest.param('"Loud steps upstairs could shake the races below," veteran analyst Ruth Delacroix wrote this week.',
                 [("direct", "Loud steps upstairs could shake the races below,", "veteran analyst Ruth Delacroix")],
                 id="role-words-before-a-name-after-the-quotation"),
    pytest.param("Marek, meanwhile, told Ostra-Press on Wednesday that he favours Voss.",
                 [("indirect", "he favours Voss", "Marek")], id="subject-comma-meanwhile-comma-cue"),
    pytest.param("Voss says many doubted her in Valmora.",
                 [("indirect", "many doubted her in Valmora", "Voss")], id="quantifier-subject"),
    pytest.param("Delacroix has been critical of Strand but on Tuesday wrote that she agreed with him.",
                 [("indirect", "she agreed with him", "Delacroix")], id="but-on-Tuesday-wrote"),
    pytest.param("Among voters, 42% said they were liberal.",
                 [("indirect", "they were liberal", "42%")], id="percent-subject"),
    pytest.param('A former rival -- Ivo Marek, who lost the 2012 race to Voss -- said the plan "offered no changes."',
                 [("mixed", 'the plan "offered no changes."', "Ivo Marek")], id="name-set-off-by-dashes"),
    pytest.param("Tallin — after a long pause — told me he had never seen such a mess.",
                 [("indirect", "he had never seen such a mess", "Tallin")], id="aside-set-off-by-dashes"),
    pytest.param('Frustrated, Strand said he "cannot walk down the street" without questions.',
                 [("mixed", 'he "cannot walk down the street" without questions', "Strand")],
                 id="pronoun-then-quotation"),
    pytest.param('In an interview, Marek said on Thursday he "hand-delivered a letter to the minister."',
                 [("mixed", 'he "hand-delivered a letter to the minister."', "Marek")], id="hyphenated-verb"),
    pytest.param('The pact was attacked by Voss, and by Strand, who says it\'s "disastrous."',
                 [("mixed", 'it\'s "disastrous."', "who")], id="who-says-its-Q"),
    pytest.param('Strand said on Valmora Today\'s "Morning Hour" that he would "take a look" at the bill.',
                 [("mixed", 'he would "take a look" at the bill', "Strand")], id="programme-title-in-the-bridge"),
    pytest.param("One of the decisions they have made, according to a person close to the process, is to wait.",
                 [("indirect", "One of the decisions they have made, according to a person close to the process, is "
                   "to wait", "a person close to the process")], id="according-to-inside-its-content"),
    pytest.param("And it has not gone unnoticed: According to recent polls, Voss holds 14 percent of the vote.",
                 [("indirect", "Voss holds 14 percent of the vote", "recent polls")], id="colon-then-According-to"),
    pytest.param("Ruth Delacroix, who said Marek misled her in 2012, recounted the incident on Kovask Radio.",
                 [("indirect", "Marek misled her in 2012", "who")], id="who-said-S-then-main-verb"),
    pytest.param("However, while the party says it is well on its way to its goal, it is not receiving help.",
                 [("indirect", "it is well on its way to its goal", "the party")], id="however-while-X-says-S"),
    pytest.param('"You will know the talks have become serious," she notes.',
                 [("direct", "You will know the talks have become serious,", "she")], id="she-notes"),
    pytest.param("Dr. Nadia Okafor emphasised at a briefing for journalists that the hotline needs a test.",
                 [("indirect", "the hotline needs a test", "Dr. Nadia Okafor")], id="noun-like-cue-in-the-bridge"),
    pytest.param("The Defence Ministry says the defence secretary fully supports the approach.",
                 [("indirect", "the defence secretary fully supports the approach", "The Defence Ministry")],
                 id="adverb-then-verb"),
    pytest.param('It will happen because, as Okafor puts it, "the cost of not meeting is higher."',
                 [("direct", "the cost of not meeting is higher.", "Okafor")], id="as-X-puts-it"),
    pytest.param('As one diplomat put it: "Nobody wants to be first."',
                 [("direct", "Nobody wants to be first.", "one diplomat")], id="as-X-put-it-colon"),
    pytest.param("She put it on the table.", [], id="put-it-on-is-no-cue"),
])
def test_wordings_from_real_coverage(text, expected):
    assert found(text) == expected


def test_addressee_with_a_role_word():
    [quote] = extract_quotes("Owen Strand told host Lena Aurich a second round is likely.", language="en")
    assert quote.addressee == "host Lena Aurich"


@pytest.mark.parametrize("text", [
    "Voss said adding more inspectors, which the panel wants.",
    "Voss spoke during the talks.",
    # a relative clause on an apposed noun is no content of the cue before it
    "Voss vowed to repeal the Harbour Rule, a longstanding provision that prohibits most inspections.",
    "Voters went to the polls in Norland and Valmora, border states that have lost many jobs.",
    # "a demand that S" is the noun's clause, not the content of "replied"
    "Ostravia replied with a demand that the radar be included.",
    # "companies that have outsourced": a relative clause far after the cue
    "The campaign did not respond to questions about his shares in companies that have outsourced jobs.",
    # content never starts with a conjunction
    "Do what a partner at Marek's firm told him and his fellow associates to do with their money.",
])
def test_no_content(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The meeting was productive, Dragunov said, according to Ostra-Press.",
     ("The meeting was productive", "Dragunov", "Ostra-Press")),
    ("Dragunov said the meeting was productive, according to Ostra-Press.",
     ("the meeting was productive", "Dragunov", "Ostra-Press")),
    ("Dragunov said the meeting was productive, Ostra-Press reported.",
     ("the meeting was productive", "Dragunov", "Ostra-Press")),
    ("Ostra-Press reported, citing a Norlandic official, that the talks had ended.",
     ("the talks had ended", "a Norlandic official", "Ostra-Press")),
])
def test_secondhand_attribution_records_the_medium(text, expected):
    [quote] = extract_quotes(text, language="en")
    assert (quote.quote, quote.speaker_mention, quote.via) == expected


def test_two_speakers_in_one_sentence_are_not_secondhand():
    quotes = extract_quotes("Dragunov said the meeting was productive, but Calloway said it was not.", language="en")
    assert [(q.speaker_mention, q.via) for q in quotes] == [("Dragunov", None), ("Calloway", None)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Ivo Marek sent out a statement reassuring voters that Voss had not been left off any ballots.",
                 ("Voss had not been left off any ballots", "Ivo Marek"), id="document-then-participle"),
    pytest.param('At the time, she released a statement saying, "We are confident."',
                 ("We are confident.", "she"), id="released-a-statement-saying"),
    pytest.param("Helena Voss took the last step on Wednesday of announcing that the ministry would not act.",
                 ("the ministry would not act", "Helena Voss"), id="of-announcing"),
    pytest.param("Voss clearly erred in saying that the figure came from the ministry.",
                 ("the figure came from the ministry", "Voss"), id="in-saying"),
    pytest.param('"It was convincing," said one Democrat familiar with the discussion, who added that the Citadel '
                 "seemed rattled.", ("the Citadel seemed rattled", "who"),
                 id="who-added-after-a-source-familiar-with"),
])
def test_the_speaker_of_a_participial_cue_is_the_clause_subject(text, expected):
    quote = sorted(extract_quotes(text, language="en"), key=lambda q: q.start)[-1]
    assert (quote.quote, quote.speaker_mention) == expected


@pytest.mark.parametrize(("text", "speaker"), [
    ("The two sides agreed to keep talking, according to a statement released by the Granite House late Friday.",
     "Granite House"),
    ("According to a statement from the Citadel, the talks were useful.", "Citadel"),
    ("The talks were useful, according to a report by Ostra-Press.", "Ostra-Press"),
    ('"We are ready," said the Last Minute Club.', "Last Minute Club"),
])
def test_a_document_speaks_for_its_author(text, speaker):
    [quote] = extract_quotes(text, language="en")
    assert quote.speaker == speaker


def test_a_time_bridge_never_runs_into_a_prepositional_object():
    # "in writing to a Norlandic proposal" is no time or place before content
    text = "Ostravia has replied in writing to a Norlandic proposal on inspections and asked for a second meeting."
    assert found(text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("The endorsement came from Ivo Marek, who told Ostra-Press he would work against the plan.", "Ivo Marek"),
    ('"It was convincing," said one Norlandic official familiar with the talks, who added that the Citadel '
     "seemed rattled.", "one Norlandic official familiar with the talks"),
])
def test_who_is_the_mention_and_its_antecedent_the_speaker(text, speaker):
    quote = sorted(extract_quotes(text, language="en"), key=lambda q: q.start)[-1]
    assert (quote.speaker_mention, quote.speaker) == ("who", speaker)
    assert quote.resolution.startswith("relative:")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The report, obtained by Ostra-Press, says the talks failed.",
                  [("indirect", "the talks failed", "The report")], id="the-report-says"),
    pytest.param("A March 1 letter from the Veterans League obtained by Ostra-Press warns that contact will stop.",
                 [("indirect", "contact will stop", "the Veterans League")], id="letter-obtained-by-X-warns"),
    pytest.param('"We are ready," said the embattled governor.',
                 [("direct", "We are ready,", "the embattled governor")], id="adjective-in-a-speaker-after-its-cue"),
])
def test_documents_and_agents_inside_the_subject(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "If Ostravia can build a wall, he observed this week, without cranes, then Norland can build one too.",
    "If the plan fails, Voss said, the talks will end.",
    "Rather than revive the old party, he backed a bigger tent and, he argued, helped stabilise the region.",
])
def test_an_unfinished_clause_before_an_attribution_is_one_content_around_it(text):
    [quote] = extract_quotes(text, language="en")
    assert (quote.quote, quote.rule) == (text.rstrip("."), "parenthetical:speaker_cue")


@pytest.mark.parametrize(("text", "speaker"), [
    ("But a few days later, Strand reversed himself yet again, telling Ostra-Press that the law is settled.", "Strand"),
    ("One operative inside the Citadel tried to play it down, saying the comments were not a big deal.",
     "One operative inside the Citadel"),
    ("The departments declined to give details, saying they cannot discuss the case.", "The departments"),
    ('Eight years ago, he backed Voss and said, "Marek has never done anything for us."', "he"),
    ("Although the panel met, Voss left early, saying the talks were over.", "Voss"),
])
def test_the_subject_of_a_participial_cue_after_openers(text, speaker):
    [quote] = extract_quotes(text, language="en")
    assert quote.speaker_mention == speaker



@pytest.mark.parametrize(("text", "mention"), [
    ('A Norlandic official in the room told us the first session had been "serious and detailed."',
     "A Norlandic official in the room"),
    ("A diplomat from a third country who was briefed on the talks said the delegation had a long list.",
     "A diplomat from a third country"),
    ("Norland and Ostravia agreed to restore a hotline, a senior Norlandic official who spoke on condition of "
     "anonymity said after the talks.", "a senior Norlandic official"),
])
def test_an_unnamed_source_with_a_postmodifier_or_relative_clause(text, mention):
    [quote] = extract_quotes(text, language="en")
    assert quote.speaker_mention == mention


def test_according_to_him():
    text = "Pavel A. Dragunov met the press. According to him, the parties agreed to restore the line."
    [quote] = extract_quotes(text, language="en")
    assert (quote.quote, quote.speaker) == ("the parties agreed to restore the line", "Pavel A. Dragunov")


def test_a_capitalised_word_with_a_lower_case_suffix_is_no_person():
    text = ("Miriam T. Calloway flew home. The White House-style briefing room was packed. "
            "Speaking at the airport, she said she had raised the case.")
    [quote] = extract_quotes(text, language="en")
    assert quote.speaker == "Miriam T. Calloway"


def test_a_participial_cue_after_a_quotation_s_own_comma():
    text = ('Owen Strand noted that the hotline would run "around the clock," adding that officers would meet in April.')
    assert [(q.quote, q.speaker) for q in extract_quotes(text, language="en")] == [
        ('the hotline would run "around the clock,"', "Owen Strand"), ("officers would meet in April", "Owen Strand")]


def test_through_its_spokesman():
    text = 'The Citadel, through its spokesman Ivo Marek, insisted on Saturday that Kovask had "never left the table".'
    [quote] = extract_quotes(text, language="en")
    assert (quote.quote, quote.speaker) == ('Kovask had "never left the table"', "Citadel")


def test_a_medium_citing_a_source_in_an_aside():
    text = "Kovask Broadcasting, citing a source in the council apparatus, reported that a meeting could be held soon."
    [quote] = extract_quotes(text, language="en")
    assert (quote.quote, quote.speaker, quote.via) == (
        "a meeting could be held soon", "a source in the council apparatus", "Kovask Broadcasting")


def test_even_the_organisation_in_an_aside():
    text = 'Even the Granite House, in a cautious statement, said only that the talks were "a first step".'
    [quote] = extract_quotes(text, language="en")
    assert quote.speaker == "Granite House"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('Helena Voss wrote in her memoir, "Rooms Without Windows", that the accord failed early.',
                 [("indirect", "the accord failed early", "Helena Voss")], id="memoir-title-in-the-bridge"),
    pytest.param('The Citadel insisted that Kovask had "never left the table" — a claim that will surprise many.',
                 [("mixed", 'Kovask had "never left the table"', "The Citadel")], id="dash-then-a-claim-that"),
    pytest.param('Dragunov described his talks with Norland\'s security adviser in Port Halden as "frank" and "useful".',
                 [("mixed", '"frank" and "useful"', "Dragunov")], id="described-long-object-as-two-quotations"),
])
def test_titles_and_summaries_around_content(text, expected):
    assert found(text) == expected


def test_the_official_is_the_unnamed_source_who_just_spoke():
    text = ("Miriam T. Calloway led the talks. A senior Norlandic official said the engineers' case had been "
            'raised. Calloway left early. "They listened," the official said.')
    assert [q.speaker for q in sorted(extract_quotes(text, language="en"), key=lambda q: q.start)] == [
        "A senior Norlandic official", "A senior Norlandic official"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Miriam T. Calloway spoke last. The restored hotline is, in her words, ‘a floor, not a ceiling’.",
     ("direct", "a floor, not a ceiling", "Miriam T. Calloway")),
    ('Nadia Okafor spoke. In Okafor\'s own words, the talks were "a beginning".',
     ("mixed", 'the talks were "a beginning"', "Nadia Okafor")),
])
def test_in_her_words(text, expected):
    [quote] = extract_quotes(text, language="en")
    assert (quote.kind, quote.quote, quote.speaker) == expected


def test_in_her_words_needs_content():
    assert found("She was lost in her words again.") == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Ivo Marek, dean of the Halden law school, said the ruling changed little.",
                 [("indirect", "the ruling changed little", "Ivo Marek")], id="apposition-role-without-article"),
    pytest.param("Lena Aurich, associate professor of history at Esterby University, said the vote mattered.",
                 [("indirect", "the vote mattered", "Lena Aurich")], id="apposition-modifier-then-role"),
    pytest.param('"The ports decide everything," said Owen Strand, author of "Salt and Steel," a history of the strait.',
                 [("direct", "The ports decide everything,", "Owen Strand")], id="apposition-holding-a-title"),
    pytest.param('"We lost the vote," said Ruth Delacroix, who called the count "a farce."',
                 [("direct", "We lost the vote,", "Ruth Delacroix"), ("direct", "a farce.", "who")],
                 id="relative-clause-with-its-own-quote-after-the-speaker"),
])
def test_appositions_after_the_speaker(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("\u201cThe bridge will hold.\u201d Voss said.",
                 [("direct", "The bridge will hold.", "Voss")], id="full-stop-inside-then-bare-attribution"),
    pytest.param("\u201cThe bridge will hold.\u201d said Voss on Friday.",
                 [("direct", "The bridge will hold.", "Voss")], id="full-stop-inside-then-cue-speaker"),
    pytest.param("\u201cThe bridge held.\u201d Voss said the repairs were cheap.",
                 [("indirect", "the repairs were cheap", "Voss")], id="a-sentence-with-its-own-content-stays-apart"),
])
def test_an_attribution_after_a_closed_sentence(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Voss said if the council delays again, the river will flood the lower town.",
                 [("indirect", "if the council delays again, the river will flood the lower town", "Voss")],
                 id="said-if-S1-S2"),
    pytest.param("Marek said unless Kovask pays, the line stays closed.",
                 [("indirect", "unless Kovask pays, the line stays closed", "Marek")], id="said-unless-S1-S2"),
    pytest.param("Marek said if pressed.", [], id="a-condition-without-a-main-clause-is-no-content"),
])
def test_a_condition_opening_a_bare_content(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Another delegate on the Kovask slate, Ivo Marek, said he was only leaning towards Voss.",
                 [("indirect", "he was only leaning towards Voss", "Ivo Marek")], id="name-apposed-to-a-description"),
    pytest.param("And Sen. Ana Ruiz (R-Esterby), another vulnerable incumbent, said she had not thought about it.",
                 [("indirect", "she had not thought about it", "Sen. Ana Ruiz")], id="party-tag-then-apposition"),
    pytest.param("Owen Strand, longtime party operative, said the count was rigged.",
                 [("indirect", "the count was rigged", "Owen Strand")], id="apposition-adjective-then-role"),
])
def test_descriptions_apposed_to_a_name(text, expected):
    assert found(text) == expected


def test_a_parenthetical_inside_a_bare_content():
    assert found("The Legion said supporters of the movement, also known as the Grey Front, were celebrating.") == [
        ("indirect", "supporters of the movement, also known as the Grey Front, were celebrating", "The Legion")]


def test_a_long_apposition_after_the_speaker():
    text = ('"Nobody has said what they intend to do," said Pavel Ostrov, a maritime security analyst at the '
            "Esterby Centre for Strategic Studies who advised the ministries of Defence and Transport during "
            "both strait crises and the long blockade.")
    assert found(text) == [("direct", "Nobody has said what they intend to do,", "Pavel Ostrov")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Campaign spokesman Owen Strand told Meridian Wire, \u201cFrom the start, we offered to answer.\u201d",
                 [("direct", "From the start, we offered to answer.", "Campaign spokesman Owen Strand")],
                 id="told-medium-comma-quotation"),
    pytest.param("Voss told the Ledger on Friday: \u201cWe are not leaving.\u201d",
                 [("direct", "We are not leaving.", "Voss")], id="told-medium-time-colon-quotation"),
    pytest.param("Instead, Voss told Meridian TV, her plan would merely be \u201cto wait them out\u201d if she wins.",
                 [("mixed", "her plan would merely be \u201cto wait them out\u201d if she wins", "Voss")],
                 id="told-medium-comma-clause"),
    pytest.param("Voss told Kovask Radio\u2019s \u201cMorning Hour.\u201d",
                 [], id="told-a-programme-by-its-title"),
])
def test_the_quotation_or_clause_after_an_addressee(text, expected):
    assert found(text) == expected


def test_a_party_tag_is_no_name():
    assert found("Rep. Ana Ruiz, R-Esterby, said the strait would stay open.") == [
        ("indirect", "the strait would stay open", "Rep. Ana Ruiz")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("It was, Voss said, one of the hardest weeks of her term.",
                 [("indirect", "It was, Voss said, one of the hardest weeks of her term", "Voss")],
                 id="copula-before-the-attribution"),
    pytest.param("The treaty is, Marek argued, a dead letter.",
                 [("indirect", "The treaty is, Marek argued, a dead letter", "Marek")], id="is-comma-X-argued"),
])
def test_a_clause_cut_after_its_verb_is_one_content_around_the_attribution(text, expected):
    assert found(text) == expected


def test_a_bare_gerund_subject_opens_a_content():
    assert found("Voss said funding is needed before winter.") == [
        ("indirect", "funding is needed before winter", "Voss")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("\u201cElections are a choice,\u201d political scientist Ivo Marek told Meridian Wire in late May.",
                 [("direct", "Elections are a choice,", "political scientist Ivo Marek")],
                 id="adjective-and-role-noun-before-the-name"),
    pytest.param("On Kovask Radio\u2019s \u201cMorning Hour,\u201d Voss said if the council paid her she would stay.",
                 [("indirect", "if the council paid her she would stay", "Voss")],
                 id="a-programme-title-is-no-content-and-said-if-without-comma"),
    pytest.param("Voss was quick to add that the port would reopen.",
                 [("indirect", "the port would reopen", "Voss")], id="was-quick-to-add"),
    pytest.param("Marek went on to say the talks had stalled.",
                 [("indirect", "the talks had stalled", "Marek")], id="went-on-to-say"),
    pytest.param("Dragunov said, per an interpreter, that the line was secure.",
                 [("indirect", "the line was secure", "Dragunov")], id="said-per-an-interpreter-that"),
    pytest.param("Marek declined to say whether he would run.", [], id="declined-to-say-is-no-quote"),
])
def test_frames_around_the_speaker_and_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected", "via"), [
    pytest.param("According to the Ostra-Press agency, Dragunov added that the ball was in Esterby\u2019s court.",
                 [("indirect", "the ball was in Esterby\u2019s court", "Dragunov")], "Ostra-Press agency",
                 id="according-to-medium-X-added-that"),
    pytest.param("According to Voss, Marek told her the trip was off.",
                 [("indirect", "the trip was off", "Marek")], "Voss", id="according-to-X-Y-told-her"),
    pytest.param("According to Ostra-Press, the talks were useful.",
                 [("indirect", "the talks were useful", "Ostra-Press")], None, id="according-to-X-S-unchanged"),
])
def test_a_medium_before_a_speaker_and_cue(text, expected, via):
    quotes = extract_quotes(text, language="en")
    assert found(text) == expected
    assert [q.via for q in quotes] == [via]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Marek told the ministers the trip was off.",
                 [("indirect", "the trip was off", "Marek")], id="addressee-stops-before-a-determiner"),
    pytest.param("Dragunov added that \u2018the ball is in Esterby\u2019s court,\u2019 a phrase he has used before.",
                 [("direct", "the ball is in Esterby\u2019s court,", "Dragunov")],
                 id="a-summing-appositive-after-the-closing-mark"),
    pytest.param('Voss replied that no date was ever set, and accused Delacroix of "playing for the cameras".',
                 [("indirect", "no date was ever set", "Voss"), ("direct", "playing for the cameras", "Voss")],
                 id="coordinated-accused-X-of-Q"),
    pytest.param('Marek dismissed reports of a rift as "the usual fairy tales from Esterby".',
                 [("direct", "the usual fairy tales from Esterby", "Marek")], id="dismissed-X-as-Q"),
    pytest.param('"The senator is welcome to his history lesson," she shot back.',
                 [("direct", "The senator is welcome to his history lesson,", "she")], id="shot-back"),
    pytest.param("Senator Wrenfield interjected that the last government had managed nothing.",
                 [("indirect", "the last government had managed nothing", "Senator Wrenfield")], id="interjected"),
    pytest.param("Marek said he had nothing to add, and referred questions to the prosecutor's office.",
                 [("indirect", "he had nothing to add", "Marek")], id="the-speakers-next-act-ends-the-content"),
    pytest.param("Voss said the army had crossed the river, and destroyed a bridge.",
                 [("indirect", "the army had crossed the river, and destroyed a bridge", "Voss")],
                 id="a-coordinated-verb-of-the-content-stays"),
    pytest.param("The court accused him of fraud.", [], id="accused-without-a-quotation-is-no-quote"),
])
def test_cues_and_content_ends_from_debate_reports(text, expected):
    assert found(text) == expected


def test_a_long_object_with_commas_before_as_and_its_quotation():
    text = ("The statement described Friday's talks between Miriam T. Calloway and Pavel A. Dragunov, secretary "
            "of Ostravia's Security Council, as \"frank, detailed and necessary\".")
    assert found(text) == [("direct", "frank, detailed and necessary", "The statement")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The Norlandic delegation said in a short written note that the engineers' case had been raised.",
                 [("indirect", "the engineers' case had been raised", "The Norlandic delegation")],
                 id="said-in-a-short-written-note-that"),
    pytest.param("Voss replied with a demand that the talks resume.", [], id="a-demand-that-is-the-nouns-that"),
    pytest.param("Ostra-Press quoted sources in the Security Council as saying that the delegation would travel.",
                 [("indirect", "the delegation would travel", "sources in the Security Council")],
                 id="quoted-sources-in-X-as-saying"),
    pytest.param("Ostra-Press quoted Dragunov on Friday as saying the talks were useful.",
                 [("indirect", "the talks were useful", "Dragunov")], id="quoted-X-on-a-day-as-saying"),
])
def test_documents_and_quoted_sources(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("In some ways, the analysts noted, Voss might welcome the delay.",
                 [("indirect", "In some ways, the analysts noted, Voss might welcome the delay", "the analysts")],
                 id="fronted-phrase-attribution-then-a-capitalised-subject"),
    pytest.param("But shipping specialists say the harbour fees might not even be collected.",
                 [("indirect", "the harbour fees might not even be collected", "shipping specialists")],
                 id="a-bare-plural-of-an-agent-noun"),
    pytest.param("In some ways, the brothers noted, the play might please Voss.",
                 [("indirect", "In some ways, the brothers noted, the play might please Voss", "the brothers")],
                 id="kin-plural"),
    pytest.param("A Norlandic aide said remarks from Voss, Marek, Strand and Aurich were consistent.",
                 [("indirect", "remarks from Voss, Marek, Strand and Aurich were consistent", "A Norlandic aide")],
                 id="a-list-of-names-inside-the-content-subject"),
    pytest.param("Marek said having Voss treat him with respect is a good sign for the talks.",
                 [("indirect", "having Voss treat him with respect is a good sign for the talks", "Marek")],
                 id="a-long-gerund-subject"),
    pytest.param("And so, she said, while her colleagues are wary of the deal, they admire the envoy.",
                 [("indirect", "And so, she said, while her colleagues are wary of the deal, they admire the envoy",
                   "she")], id="and-so-comma-attribution"),
    pytest.param("Strand wrote in both letters he was \"honoured and humbled\" to serve.",
                 [("mixed", "he was \"honoured and humbled\" to serve", "Strand")], id="wrote-in-both-letters-S"),
])
def test_real_news_shapes_of_subject_and_content(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Most voters say the two plans are \u201cabout right,\u201d though voters are more likely to doubt Voss.",
                 [("mixed", "the two plans are \u201cabout right,\u201d", "Most voters")],
                 id="a-new-clause-after-a-comma-inside-the-closing-mark"),
    pytest.param('But he said he was too busy to look: "I have a lot going on. Good luck," he wrote.',
                 [("indirect", "he was too busy to look", "he"), ("direct", "I have a lot going on. Good luck,", "he")],
                 id="a-quotation-after-a-colon-with-its-own-attribution"),
    pytest.param('Voss said: "We are ready," and left.', [("direct", "We are ready,", "Voss")],
                 id="the-speakers-next-act-after-a-quotation"),
    pytest.param("Spokeswoman Lena Aurich said all staffers sign the pledge, though she did not discuss its terms.",
                 [("indirect", "all staffers sign the pledge", "Spokeswoman Lena Aurich")],
                 id="though-she-did-not-discuss"),
    pytest.param("Voss said the plan was sound, though she had doubts about its cost.",
                 [("indirect", "the plan was sound, though she had doubts about its cost", "Voss")],
                 id="though-she-had-doubts-stays-in-the-content"),
])
def test_where_a_content_ends_after_quotations_and_asides(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Voss's remarks were echoed by her party and analysts across Norland, who highlighted the cost.",
                 [], id="a-relative-clauses-cue-takes-no-content-before-it"),
    pytest.param("The strait will close in May, the two delegations said in a joint statement released on Monday.",
                 [("indirect", "The strait will close in May", "the two delegations")],
                 id="time-bridge-then-a-participle-still-ends-the-attribution"),
    pytest.param("Though Marek is gaining ground in the north, Voss maintains a firm lead in the polls.",
                 [], id="a-cue-verb-with-an-object-attributes-nothing"),
    pytest.param("\u201cWe are ready,\u201d Voss told the Ledger.",
                 [("direct", "We are ready,", "Voss")], id="told-an-addressee-still-ends-the-attribution"),
    pytest.param("Later that month, Kovask Press will publish \u2018The Long Thaw,\u2019 a history written by Ruth Delacroix.",
                 [], id="written-by-is-a-participle-not-a-cue"),
    pytest.param("On March 3, during a visit to the harbour, now called Port Esterby, the minister boasted of the deal.",
                 [], id="a-fronted-phrase-without-a-clause-is-no-content"),
    pytest.param("On Monday, the talks failed, Voss said.",
                 [("indirect", "On Monday, the talks failed", "Voss")], id="a-fronted-phrase-then-a-clause-is"),
])
def test_what_is_not_a_trailing_attribution(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("tail", [
    "Monday", "Friday afternoon", "late Tuesday in a statement", "Jan. 5", "March 3", "privately", "flatly",
    "repeatedly", "once", "back then", "hours later", "two days later", "the next morning", "afterward",
    "for her part", "over the phone",
])
def test_a_trailing_attribution_may_end_in_a_day_a_date_or_an_adverb(tail):
    # "The harbour will reopen, Voss said Monday.": what follows the verb closes the sentence
    assert found(f"Port Halden will reopen the harbour, Helena Voss said {tail}.") == [
        ("indirect", "Port Halden will reopen the harbour", "Helena Voss")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Pledges fell from 660,000 crowns last year to just 75,000 pledged for this year.", [],
                 id="the-end-of-a-number-is-no-speaker"),
    pytest.param("Of the 90 delegates, 52 said they would back the plan.",
                 [("indirect", "they would back the plan", "52")], id="a-count-of-people-is"),
    pytest.param("Since June, at least 21,000 said they would join the march.",
                 [("indirect", "they would join the march", "21,000")], id="a-count-with-a-thousands-comma"),
    pytest.param("Though Marek is gaining ground, Voss maintains family ties in the north.", [],
                 id="a-noun-ending-in-ly-is-an-object-not-an-adverb"),
])
def test_numbers_and_ly_nouns_around_a_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Voss said Monday's talks were useful.", [("indirect", "Monday's talks were useful", "Voss")],
                 id="a-days-possessive-opens-the-content"),
    pytest.param("Voss said last week's vote was rigged.", [("indirect", "last week's vote was rigged", "Voss")],
                 id="last-weeks-possessive-opens-the-content"),
    pytest.param("Voss said Monday he would stay.", [("indirect", "he would stay", "Voss")],
                 id="a-bare-day-is-still-a-bridge"),
    pytest.param("Voss, who met Dragunov for five hours, later told reporters the talks had been productive.",
                 [("indirect", "the talks had been productive", "Voss")],
                 id="a-relative-clause-then-a-time-word-before-the-cue"),
])
def test_time_words_next_to_a_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("\u201cWe are not there yet,\u201d said Senator Ivo Marek (L-Esterby) in an interview.",
                 [("direct", "We are not there yet,", "Senator Ivo Marek")], id="a-party-tag-after-the-speaker"),
    pytest.param("The talks failed, Ivo Marek (pictured) said Monday.",
                 [("indirect", "The talks failed", "Ivo Marek")], id="a-bracketed-aside-then-a-day"),
    pytest.param("Calloway told reporters she had made it clear that Norland would not tolerate meddling.",
                 [("indirect", "she had made it clear that Norland would not tolerate meddling", "Calloway")],
                 id="a-subject-pronoun-opens-the-content-before-a-later-that"),
    pytest.param("Aurich told the Ledger before she left that the deal was done.",
                 [("indirect", "the deal was done", "Aurich")], id="a-pronoun-inside-a-subordinate-clause-bridges"),
    pytest.param("Marek said on Radio Esterby, where he is a regular guest, that the vote was rigged.",
                 [("indirect", "the vote was rigged", "Marek")], id="a-pronoun-inside-a-relative-clause-bridges"),
    pytest.param("The two sides, according to Dragunov, discussed the strait, fishing quotas and radar.",
                 [("indirect", "The two sides, according to Dragunov, discussed the strait, fishing quotas and radar",
                   "Dragunov")], id="according-to-inside-a-numbered-subject"),
])
def test_asides_between_cue_and_content(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Calloway said the sides had agreed to set up a working group, but did not elaborate.",
                 [("indirect", "the sides had agreed to set up a working group", "Calloway")],
                 id="but-did-not-elaborate-is-the-writers"),
    pytest.param("Calloway said the sides agreed on a hotline, but gave no details.",
                 [("indirect", "the sides agreed on a hotline", "Calloway")], id="but-gave-no-details-is-the-writers"),
    pytest.param("Aurich said Marek had taken the files, but couldn't hand them to the court.",
                 [("indirect", "Marek had taken the files, but couldn't hand them to the court", "Aurich")],
                 id="but-could-not-with-another-verb-stays-in-the-content"),
    pytest.param("Calloway said that, while differences remained, both sides wanted to keep talking.",
                 [("indirect", "while differences remained, both sides wanted to keep talking", "Calloway")],
                 id="no-leading-comma-after-that"),
    pytest.param("Citadel spokesman Ivo Marek told reporters on a conference call that the talks had been useful.",
                 [("indirect", "the talks had been useful", "Citadel spokesman Ivo Marek")],
                 id="on-a-conference-call-that"),
    pytest.param("The sides agreed to keep talking, said a statement from the Ostravian Security Council.",
                 [("indirect", "The sides agreed to keep talking", "the Ostravian Security Council")],
                 id="said-a-statement-from-its-issuer"),
    pytest.param("In Esterby, marchers carried white roses, KOVTV reported, while in Kovask the parade began with "
                 "a minute of silence, the Kovask Herald reported.",
                 [("indirect", "In Esterby, marchers carried white roses", "KOVTV"),
                  ("indirect", "in Kovask the parade began with a minute of silence", "the Kovask Herald")],
                 id="while-after-a-first-attribution"),
])
def test_where_wire_contents_start_and_end(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "quote"), [
    pytest.param("\u201cWe have agreed to keep talking,\u201d Dragunov told reporters, as quoted by Ostra-Press.",
                 "We have agreed to keep talking,", id="direct-then-as-quoted-by"),
    pytest.param("The sides agreed to keep talking, Dragunov said, as reported by Ostra-Press on Friday.",
                 "The sides agreed to keep talking", id="trailing-then-as-reported-by"),
    pytest.param("Dragunov said the sides agreed to keep talking, as quoted by Ostra-Press.",
                 "the sides agreed to keep talking", id="forward-then-as-quoted-by-ends-the-content"),
])
def test_as_quoted_by_a_medium_is_the_via(text, quote):
    quotes = extract_quotes(text)
    assert [(q.quote, q.speaker_mention, q.via) for q in quotes] == [(quote, "Dragunov", "Ostra-Press")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Like his remarks about Voss, Marek said, the jabs at Strand were unacceptable.",
                 [("indirect", "Like his remarks about Voss, Marek said, the jabs at Strand were unacceptable",
                   "Marek")], id="like-phrase-attribution-clause"),
    pytest.param("And if Voss is the nominee, he said, he would back a third candidate.",
                 [("indirect", "And if Voss is the nominee, he said, he would back a third candidate", "he")],
                 id="and-if-lower-case"),
    pytest.param("She compared her staff to the traders of Esterby - all of whom, she explained, needed a boost.",
                 [("indirect", "all of whom, she explained, needed a boost", "she")],
                 id="a-relative-after-a-dash-interrupted-by-its-attribution"),
    pytest.param("He warned of the report (the release of which, many analysts say, hurt the talks).",
                 [("indirect", "the release of which, many analysts say, hurt the talks", "many analysts")],
                 id="inside-brackets"),
    pytest.param("Norland might have resisted the plan, they argue, perhaps by insisting that Kovask pay first.",
                 [("indirect", "Norland might have resisted the plan, they argue, perhaps by insisting that Kovask pay "
                   "first", "they")], id="perhaps-by-doing-goes-on-with-the-content"),
    pytest.param("He tells audiences the port may reopen in May.",
                 [("indirect", "the port may reopen in May", "He")], id="tells-a-plural-addressee-a-clause"),
    pytest.param("He tells stories about the war.", [], id="tells-stories-is-no-quote"),
])
def test_attributions_inside_their_content(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("While most were rated routine, according to a ministry official, two were marked secret.",
                 [("indirect", "While most were rated routine, according to a ministry official, two were marked "
                   "secret", "a ministry official")], id="according-to-after-a-fronted-subordinate-clause"),
    pytest.param("The solution, the broker told them, was simple.",
                 [("indirect", "The solution, the broker told them, was simple", "the broker")],
                 id="parenthetical-told-with-an-addressee"),
    pytest.param("Ruth Delacroix told The Ledger of Esterby last week she would back Voss.",
                 [("indirect", "she would back Voss", "Ruth Delacroix")], id="told-The-Paper-of-City"),
    pytest.param("As The Halden Post reported, even if Marek split the vote, he would still need the north.",
                 [("indirect", "even if Marek split the vote, he would still need the north", "The Halden Post")],
                 id="as-The-Post-reported-a-conditional-content"),
])
def test_media_and_parenthetical_attributions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("That is misleading, officials at Valmora's foreign ministry said.",
                 [("indirect", "That is misleading", "officials at Valmora's foreign ministry")],
                 id="officials-at-an-organisation"),
    pytest.param('"We would fade the move," the Halvard & Roe team wrote.',
                 [("direct", "We would fade the move,", "the Halvard & Roe team")], id="ampersand-in-a-name"),
    pytest.param("He has since said the hotline proves his point.",
                 [("indirect", "the hotline proves his point", "He")], id="has-since-said"),
    pytest.param('Senator Ruth Delacroix, never one for understatement, has called the deal "a photo opportunity".',
                 [("direct", "a photo opportunity", "Senator Ruth Delacroix")], id="apposition-opening-with-never"),
    pytest.param('"Will Norland pull back?" asked a reporter from Kovask Broadcasting.',
                 [("direct", "Will Norland pull back?", "a reporter from Kovask Broadcasting")],
                 id="a-reporter-from-an-outlet"),
    pytest.param('Voss said the hotline was "a floor, not a ceiling", and she warned colleagues that one meeting '
                 "was not a policy.",
                 [("mixed", 'the hotline was "a floor, not a ceiling"', "Voss"),
                  ("indirect", "one meeting was not a policy", "she")], id="and-she-warned-colleagues-that"),
])
def test_shapes_from_held_out_set_4(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "speaker"), [
    ("Miriam T. Calloway met the envoy. Calloway's office said she had \"shaken every hand.\"", "Calloway's office"),
    ("The Kovask Herald praised the deal. \u201cA hotline is not a favour,\u201d the newspaper wrote.", "Kovask Herald"),
    ("OPINION | Hollis Vane, Daily Lantern\n\nI argued in January that a hotline was all Norland could get.",
     "Hollis Vane"),
])
def test_offices_outlets_and_the_columnist(text, speaker):
    assert [q.speaker for q in extract_quotes(text, language="en")] == [speaker]


def test_i_inside_a_quotation_is_not_the_columnist():
    text = "By Hollis Vane\n\nHelena Voss was blunt. \"I said the talks were over,\" she told reporters."
    assert [q.speaker for q in extract_quotes(text, language="en")] == ["Helena Voss"]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("But Marek said he\u2019ll still back Voss.",
                 [("indirect", "he\u2019ll still back Voss", "Marek")], id="pronoun-contraction-opens-a-clause"),
    pytest.param('A Granite House official said Wednesday, "Certainly there are discussions."',
                 [("direct", "Certainly there are discussions.", "A Granite House official")],
                 id="said-a-day-comma-quotation"),
    pytest.param("The state officials whose laws were struck down say the real change came in the courts.",
                 [("indirect", "the real change came in the courts", "The state officials")],
                 id="a-whose-clause-in-the-subject"),
    pytest.param("After being told he would be charged, police said, Marek went to headquarters.",
                 [("indirect", "After being told he would be charged, police said, Marek went to headquarters",
                   "police")], id="after-clause-then-police-said"),
    pytest.param("Protest groups say the limits are less about safety than about visibility.",
                 [("indirect", "the limits are less about safety than about visibility", "Protest groups")],
                 id="protest-groups-say"),
])
def test_everyday_wire_shapes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Cost estimates, he added, were \u201cbased on a prototype.\u201d",
                 [("mixed", "Cost estimates, he added, were \u201cbased on a prototype.\u201d", "he")],
                 id="a-short-subject-then-its-verb-after-the-attribution"),
    pytest.param("Esterby state delegate Ana Brell, clad in a red cape, said the convention could fail.",
                 [("indirect", "the convention could fail", "Esterby state delegate Ana Brell")],
                 id="a-cue-word-modifying-a-role-noun"),
    pytest.param("Marek told reporters this was the only chance to pass a measure.",
                 [("indirect", "this was the only chance to pass a measure", "Marek")], id="told-reporters-this-was"),
    pytest.param("Voss said this week the talks were over.",
                 [("indirect", "the talks were over", "Voss")], id="this-week-is-still-a-time-phrase"),
    pytest.param("The census office says young voters, numbering 7 million, surpassed retirees.",
                 [("indirect", "young voters, numbering 7 million, surpassed retirees", "The census office")],
                 id="a-participle-aside-inside-the-content"),
    pytest.param('Strand told reporters in Tollstad last week, "I could feel things moving."',
                 [("direct", "I could feel things moving.", "Strand")], id="told-X-in-a-place-last-week-comma-Q"),
])
def test_more_wire_shapes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('There were sharp words, such as when Marek knocked Voss on trade and called her plan "a tax".',
                 [("direct", "a tax", "Marek")], id="coordinated-cue-inside-a-when-clause"),
    pytest.param("When Marek arrived, Voss left the hall and said the talks were over.",
                 [("indirect", "the talks were over", "Voss")], id="a-closed-when-clause-is-not-the-subject"),
])
def test_the_subject_of_a_coordinated_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Okafor said the harbour authority never shut its gates, however.",
                 [("indirect", "the harbour authority never shut its gates, however", "Okafor")],
                 id="a-verb-the-clause-test-does-not-know"),
    pytest.param("Senator Ruth Delacroix, a Voss ally, said Norlandic negotiators plan to table a draft.",
                 [("indirect", "Norlandic negotiators plan to table a draft", "Senator Ruth Delacroix")],
                 id="a-plural-subject-and-a-base-verb"),
    pytest.param("In Port Halden, 61% of delegates said the summit's format favours the hosts.",
                 [("indirect", "the summit's format favours the hosts", "delegates")],
                 id="a-verb-four-words-in"),
    pytest.param("Marek objected to the inspection rule, which he said would slow every shipment.",
                 [("indirect", "would slow every shipment", "he")], id="a-relative-clause-whose-gap-is-the-subject"),
    pytest.param("Ostravian economists say cutting the tariff fully must come first.",
                 [("indirect", "cutting the tariff fully must come first", "Ostravian economists")],
                 id="a-gerund-subject-and-a-modal"),
])
def test_a_clause_after_say_with_an_unlisted_verb(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Tallin said pleasantly into the microphone.",
    "Both envoys said the same thing to the Kovask Herald.",
    "Voss said almost nothing about the radar question.",
    "Marek said in a statement released by the Citadel.",
    "Strand fired back at Aurich's remarks, including the ones on trade.",
    "The aides smiled and Marek said a lot with one look.",
])
def test_no_clause_after_say(text):
    assert [q for q in extract_quotes(text, language="en") if q.rule.startswith("forward")] == []


def test_a_title_case_headline_with_a_full_stop_is_still_a_headline():
    text = ("Calloway Says Hotline Talks Made Progress.\n\n"
            "ESTERBY (Meridian Wire) - Miriam T. Calloway said on Friday the talks had gone well.")
    assert found(text) == [("indirect", "Hotline Talks Made Progress", "Calloway"),
                           ("indirect", "the talks had gone well", "Miriam T. Calloway")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("About 58 percent of Norlandic firms fund parental leave, according to a Labour Ministry study.",
                 [("indirect", "About 58 percent of Norlandic firms fund parental leave",
                   "a Labour Ministry study")], id="a-verb-the-clause-test-does-not-know"),
    pytest.param("In addition, according to the ministry, nearly nine thousand more workers will be covered.",
                 [("indirect", "nearly nine thousand more workers will be covered", "the ministry")],
                 id="a-fronted-phrase-then-according-to-X-then-S"),
    pytest.param("Over the long term, according to the budget office, the deficit rises.",
                 [("indirect", "the deficit rises", "the budget office")], id="a-fronted-time-phrase"),
])
def test_the_content_around_according_to(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Ostravian state media quoted Dragunov as telling Calloway that Kovask had never meddled in the vote.",
    "Dragunov was quoted as telling Calloway that Kovask had never meddled in the vote.",
])
def test_quoted_as_telling_someone(text):
    [quote] = extract_quotes(text, language="en")
    assert (quote.quote, quote.speaker, quote.addressee) == ("Kovask had never meddled in the vote", "Dragunov",
                                                             "Calloway")


@pytest.mark.parametrize("text", [
    '"It would make things worse," Voss said, while arguing the alliance should add patrols.',
    '"You do not win that way," Voss replied before adding that the alliance should add patrols.',
])
def test_a_participle_after_a_trailing_attribution_takes_its_speaker(text):
    quotes = extract_quotes(text, language="en")
    assert [(q.quote, q.speaker) for q in quotes][-1] == ("the alliance should add patrols", "Voss")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Voss said the talks failed and Marek said they had succeeded.",
                 [("indirect", "the talks failed", "Voss"), ("indirect", "they had succeeded", "Marek")],
                 id="and-a-second-speaker-and-cue"),
    pytest.param('In the poll, 21 percent said "not too likely" and 14 percent said "not at all likely."',
                 [("direct", "not too likely", "21 percent"), ("direct", "not at all likely.", "14 percent")],
                 id="and-a-second-share-of-respondents"),
    pytest.param("Voss said that Marek and Okafor said the same.",
                 [("indirect", "Marek and Okafor said the same", "Voss")], id="a-joined-subject-is-no-second-speaker"),
    pytest.param("Okafor said the envoys met the Secretary of State and an aide in Kovask.",
                 [("indirect", "the envoys met the Secretary of State and an aide in Kovask", "Okafor")],
                 id="a-capitalised-cue-word-inside-a-title"),
])
def test_a_second_attribution_joined_by_and_ends_the_first(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('"We poured cold water on the idea," Okafor wrote in her memoir, "Hard Winters."',
                 [("direct", "We poured cold water on the idea,", "Okafor")], id="a-work-s-title-is-no-second-part"),
    pytest.param('Okafor poured "cold water on the idea," she wrote in her memoir, "Hard Winters."',
                 [("mixed", 'Okafor poured "cold water on the idea,"', "she")], id="a-work-s-title-after-the-cue"),
    pytest.param('"We poured cold water on the idea," Okafor wrote in her memoir, "and we were right."',
                 [("direct", "We poured cold water on the idea,", "Okafor"), ("direct", "and we were right.", "Okafor")],
                 id="a-sentence-is-still-a-second-part"),
    pytest.param('Marek wrote to his 20,000 followers, "It is time to end her career," and shared a link.',
                 [("direct", "It is time to end her career,", "Marek")], id="wrote-to-X-comma-Q-and-a-next-act"),
])
def test_works_addressees_and_next_acts_around_a_quotation(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("They were headed to Valmora on a long-awaited holiday, KOVTV reported.",
                 [("indirect", "They were headed to Valmora on a long-awaited holiday", "KOVTV")],
                 id="an-all-caps-outlet-is-no-dateline"),
    pytest.param("ESTERBY - Helena Voss said the talks were over.",
                 [("indirect", "the talks were over", "Helena Voss")], id="an-all-caps-dateline"),
    pytest.param("As reported by the Kovask Herald, the minister was told of her duty to protect the files.",
                 [("indirect", "the minister was told of her duty to protect the files", "the Kovask Herald")],
                 id="as-reported-by-X-comma-S"),
])
def test_outlets_that_report(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Voss's boosters said the dip was temporary.",
                 [("indirect", "the dip was temporary", "Voss's boosters")], id="a-possessive-name-as-determiner"),
    pytest.param("When her lead slipped, Voss's biggest boosters in Tollstad insisted it was a temporary dip.",
                 [("indirect", "it was a temporary dip", "Voss's biggest boosters in Tollstad")],
                 id="after-a-fronted-clause"),
])
def test_a_noun_after_a_possessive_name_speaks(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("An informed source in the Ostravian delegation told Ostra-Press that the tone had changed.",
                 [("indirect", "the tone had changed", "An informed source in the Ostravian delegation")],
                 id="a-participle-adjective-in-the-speaker"),
    pytest.param('According to the spokesman, the head of state "regards the dialogue as useful."',
                 [("mixed", 'the head of state "regards the dialogue as useful."', "the spokesman")],
                 id="head-of-state-is-no-cue"),
    pytest.param('The Norlandic mission said in a brief statement after the briefing that it "welcomed the offer."',
                 [("mixed", 'it "welcomed the offer."', "The Norlandic mission")], id="after-the-briefing-that"),
    pytest.param('Marek told Ostra-Press, the Ostravian state news agency, after the meeting: "We listened."',
                 [("direct", "We listened.", "Marek")], id="state-news-agency-is-no-cue"),
    pytest.param("\u201cWe did not allow it,\u201d \u2013 said the source.",
                 [("direct", "We did not allow it,", "the source")], id="an-en-dash-before-said-X"),
    pytest.param("Western press agencies, citing Calloway, wrote that the engineers came first.",
                 [("indirect", "the engineers came first", "Calloway")], id="press-agencies-citing-X"),
    pytest.param("Okafor wrote in her book \u201cLines That Hold\u201d that hotlines work best under fear.",
                 [("indirect", "hotlines work best under fear", "Okafor")], id="a-book-title-in-the-bridge"),
    pytest.param("Her counterpart was quoted by Valmoran media as claiming that the release was a priority.",
                 [("indirect", "the release was a priority", "Her counterpart")], id="quoted-as-claiming"),
    pytest.param("Kovask insists nothing was promised.",
                 [("indirect", "nothing was promised", "Kovask")], id="nothing-as-a-subject"),
])
def test_wire_and_agency_wordings(text, expected):
    assert found(text) == expected


def test_said_nothing_is_still_no_content():
    assert found("Voss said nothing about the talks.") == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('Strand has said the batteries are "where they were", two days after the hotline deal was signed.',
                 [("mixed", 'the batteries are "where they were"', "Strand")], id="two-days-after-closing-the-sentence"),
    pytest.param("Strand said the plan, two days after its launch, had failed.",
                 [("indirect", "the plan, two days after its launch, had failed", "Strand")],
                 id="a-time-phrase-inside-the-content"),
])
def test_a_trailing_time_phrase_is_the_writer_s(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Clara Moen, who chaired the briefing, stepped in at one point to say that the minister would wait.",
                 [("indirect", "the minister would wait", "Clara Moen")], id="stepped-in-to-say-that"),
    pytest.param("Voss used her speech to argue that the hotline was overdue.",
                 [("indirect", "the hotline was overdue", "Voss")], id="used-her-speech-to-argue"),
])
def test_a_subject_who_acts_in_order_to_speak(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "Voss wanted to say that the hotline was overdue.",
    "Voss asked Marek to say that the hotline was overdue.",
    "The ruling led some to speculate that the hotline was overdue.",
    "The ministry ramped up efforts to admit that the hotline was overdue.",
])
def test_no_speaker_from_wanting_asking_or_leading_to_speak(text):
    assert [q for q in extract_quotes(text, language="en") if q.rule == "infinitive:subject"] == []


def test_a_long_time_and_place_bridge_then_a_bare_noun_is_no_content():
    text = ("Norland and Ostravia will restore a military hotline, their security chiefs said on Friday after "
            "four hours of talks in this Valmoran lakeside city, but the two sides remained far apart on border "
            "missile deployments and on two Norlandic engineers held in Kovask.")
    assert found(text) == [("indirect", "Norland and Ostravia will restore a military hotline",
                            "their security chiefs")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('The Citadel said that the meeting had shown "the value of adult conversation," a phrase some '
                 "in Esterby read as a jab.",
                 [("mixed", 'the meeting had shown "the value of adult conversation,"', "The Citadel")],
                 id="a-phrase-some-read-as"),
    pytest.param('In 2018 Dragunov told a delegation that Ostravia "does not negotiate with a calendar," then kept '
                 "its members waiting.",
                 [("mixed", 'Ostravia "does not negotiate with a calendar,"', "Dragunov")], id="then-the-next-act"),
    pytest.param('Dragunov said Ostravia had "listened," which from him amounts to an ovation.',
                 [("mixed", 'Ostravia had "listened,"', "Dragunov")], id="which-after-the-quotation"),
    pytest.param('Tallin said that Esterby had "misread a courtesy," and the Citadel\'s spokesman, Ivo Marek, '
                 "has called the line a technicality.",
                 [("mixed", 'Esterby had "misread a courtesy,"', "Tallin")], id="and-a-subject-with-a-named-apposition"),
    pytest.param("Most residents who spoke to the Ledger said they welcomed the hotline, though few expected it "
                 "to change their lives.",
                 [("indirect", "they welcomed the hotline", "Most residents")], id="though-few-expected"),
    pytest.param('"Four hours, one table," she wrote on the site at 14:52 local time.',
                 [("direct", "Four hours, one table,", "she")], id="a-clock-time-is-no-colon"),
    pytest.param('Okafor, who had predicted in March that the hotline would be "the easy part," said the month '
                 "bore that out.",
                 [("mixed", 'the hotline would be "the easy part,"', "who"),
                  ("indirect", "the month bore that out", "Okafor")], id="who-had-predicted-in-March-that"),
])
def test_where_the_writer_takes_over_after_a_quotation(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('The Granite House has begun describing the hotline as "the first building block."',
                 [("direct", "the first building block.", "The Granite House")], id="has-begun-describing"),
    pytest.param('Marek has taken to calling the hotline "a technical matter."',
                 [("direct", "a technical matter.", "Marek")], id="has-taken-to-calling"),
    pytest.param("Marek began saying that the hotline was a technical matter.",
                 [("indirect", "the hotline was a technical matter", "Marek")], id="began-saying-that"),
])
def test_a_cue_after_an_aspect_verb_keeps_its_subject(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Ivo Marek characterised the results as \u00aba step in the correct direction\u00bb.",
                 [("direct", "a step in the correct direction", "Ivo Marek")], id="characterised-as-guillemets"),
    pytest.param("Ivo Marek characterized the talks as productive.", [], id="no-quotation-no-quote"),
])
def test_characterise_names_a_quotation(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The crown rose after the meeting ended, traders said.",
                 [("indirect", "The crown rose after the meeting ended", "traders")],
                 id="an-agent-plural-where-a-subject-starts"),
    pytest.param("Prices will rise, investors warned.", [("indirect", "Prices will rise", "investors")],
                 id="investors-warned"),
    pytest.param('In a nod to the old slogan, they will hold banners proclaiming: "Open the strait!"', [],
                 id="an-ers-plural-inside-a-clause-is-a-thing"),
    pytest.param("As the press service of the Security Council reported, the talks took place at Valmora's invitation.",
                 [("indirect", "the talks took place at Valmora's invitation",
                   "the press service of the Security Council")], id="as-the-press-service-of-the-council-reported"),
    pytest.param("During the meeting the parties exchanged views on the strait, the press service noted.",
                 [("indirect", "During the meeting the parties exchanged views on the strait", "the press service")],
                 id="a-fronted-phrase-without-a-comma-then-its-clause"),
    pytest.param("After she left the hall, she said nothing more.", [], id="a-subordinate-clause-is-no-content"),
    pytest.param("They did not agree to reopen the line, though both said they were open to it.",
                 [("indirect", "they were open to it", "both")], id="though-both-said"),
    pytest.param("Ostravian hardliners \u2014 whose party once prized discipline \u2014 both suggested the aide be fired.",
                 [("indirect", "the aide be fired", "Ostravian hardliners")], id="both-after-a-dash-aside-is-not-the-subject"),
    pytest.param("The Granite House and the Citadel have both said the line could be reconnected within weeks.",
                 [("indirect", "the line could be reconnected within weeks", "The Granite House and the Citadel")],
                 id="two-organisations-with-their-articles"),
])
def test_subjects_wire_copy_uses(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Voss welcomed the resumption of contact but warned against \u201cillusions\u201d.",
                 [("direct", "illusions", "Voss")], id="warned-against-a-quotation"),
    pytest.param("Dragunov hinted at \u201cnew proposals\u201d for the autumn.",
                 [("direct", "new proposals", "Dragunov")], id="hinted-at-a-quotation"),
    pytest.param("Ostra-Press reported, citing a source in the Ostravian delegation, that the talks had stalled.",
                 [("indirect", "the talks had stalled", "a source in the Ostravian delegation")],
                 id="a-source-in-the-delegation"),
    pytest.param("The case was dropped, according to her lawyers in a court filing.",
                 [("indirect", "The case was dropped", "her lawyers")], id="in-a-court-filing-holds-no-one"),
    pytest.param('Calloway told journalists that the talks had been "serious" but declined to go into details.',
                 [("mixed", 'the talks had been "serious"', "Calloway")], id="but-declined-to-go-into-details"),
    pytest.param("Voss said the prisoners were fed but refused to eat.",
                 [("indirect", "the prisoners were fed but refused to eat", "Voss")],
                 id="but-refused-with-another-verb-stays"),
    pytest.param('She landed at midnight looking, as one of her aides put it, "like someone who talks for a living."',
                 [("direct", "like someone who talks for a living.", "one of her aides")], id="one-of-her-aides"),
    pytest.param("Halden Institute statement\n\nPRESS RELEASE\n\nFor immediate release\n\n"
                 "PORT HALDEN \u2014 The Halden Institute today welcomed the meeting and said both governments "
                 "should restore the line.",
                 [("indirect", "both governments should restore the line", "The Halden Institute")],
                 id="a-dateline-after-a-release-header"),
])
def test_wire_objects_sources_and_datelines(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("\u201cValmora does not take sides,\u201d has said the Minister to the journalists.",
                 [("direct", "Valmora does not take sides,", "the Minister")], id="has-said-the-minister"),
    pytest.param("Tomorrow the Minister will receive both ambassadors, has informed the Ministry.",
                 [("indirect", "Tomorrow the Minister will receive both ambassadors", "the Ministry")],
                 id="has-informed-the-ministry"),
    pytest.param("This is not the first time that this Kovask \u201creporter\u201d has revealed her bias.", [],
                 id="a-quotation-then-has-is-no-inversion"),
    pytest.param("\u201cWe are ready,\u201d said the senior adviser to the president.",
                 [("direct", "We are ready,", "the senior adviser to the president")], id="adviser-to-the-president"),
])
def test_translated_inversions_and_audiences(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The two nations, Marek said, now have a chance to settle the border.",
                 [("indirect", "The two nations, Marek said, now have a chance to settle the border", "Marek")],
                 id="an-adverb-before-the-verb-after-a-parenthetical-attribution"),
    pytest.param('Fundraising was "stagnant for a month" as donors waited, he said.',
                 [("mixed", 'Fundraising was "stagnant for a month" as donors waited', "he")],
                 id="a-gerund-subject-is-no-participial-phrase"),
    pytest.param("Based on her record, \u201cI don\u2019t see how anyone can trust her,\u201d Tiegen said.",
                 [("mixed", "Based on her record, \u201cI don\u2019t see how anyone can trust her,\u201d", "Tiegen")],
                 id="a-participial-phrase-then-a-quotation"),
    pytest.param("Speaking after the meeting, Voss said nothing.", [], id="a-participial-phrase-alone-is-no-content"),
    pytest.param("It is not only about big audiences, he and Mr. Allen said.",
                 [("indirect", "It is not only about big audiences", "he and Mr. Allen")], id="he-and-mr-allen"),
    pytest.param('"You will see a flood of ads," said one delegate involved in the planning, who asked not to be named.',
                 [("direct", "You will see a flood of ads,", "one delegate involved in the planning")],
                 id="a-source-involved-in-after-its-cue"),
    pytest.param("Two engineers were also aboard, Valmoran foreign affairs ministry spokesman Teodor Bresca said.",
                 [("indirect", "Two engineers were also aboard",
                   "Valmoran foreign affairs ministry spokesman Teodor Bresca")], id="a-long-modifier-run-before-a-role"),
])
def test_phrases_that_open_a_content_or_a_speaker(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Tarsenia will press for a seat, the office said in a statement on Thursday, warning that decisions "
                 "\u00abcannot be made over our heads\u00bb.",
                 [("indirect", "Tarsenia will press for a seat", "the office"),
                  ("mixed", "decisions \u00abcannot be made over our heads\u00bb", "the office")],
                 id="warning-that-after-a-trailing-attribution"),
    pytest.param("Tarsenia was not consulted, a senior official in the Tarsenian foreign ministry told the Courier.",
                 [("indirect", "Tarsenia was not consulted", "a senior official in the Tarsenian foreign ministry")],
                 id="modifiers-counted-from-the-head-not-the-ministry"),
    pytest.param("The Ostravian delegation will bring a draft, two diplomats briefed on the plans said.",
                 [("indirect", "The Ostravian delegation will bring a draft", "two diplomats briefed on the plans")],
                 id="briefed-on-is-part-of-the-speaker"),
    pytest.param("Those who know both women say the relationship is cordial.",
                 [("indirect", "the relationship is cordial", "Those who know both women")],
                 id="those-who-keeps-its-clause"),
    pytest.param("She said the line was ready, before adding that it had not been tested.",
                 [("indirect", "the line was ready", "She"), ("indirect", "it had not been tested", "She")],
                 id="before-adding-that"),
    pytest.param('The three-term senator went on: "Dragunov got what he came for."',
                 [("direct", "Dragunov got what he came for.", "The three-term senator")], id="went-on-colon"),
    pytest.param('Although there was no overlap, an aide said on Friday, "Talks go on."',
                 [("direct", "Talks go on.", "an aide")], id="a-subordinate-clause-alone-is-no-content"),
])
def test_more_wire_attributions(text, expected):
    assert found(text) == expected


def test_a_new_clause_subject_after_comma_and_keeps_its_parenthetical():
    text = ("The so-called \u201csecret protocol\u201d appears in neither account, and Valmoran Foreign Minister "
            "Lena Aurich, who hosted the talks, said on Tuesday that \u201cnothing was signed.\u201d")
    assert found(text) == [("direct", "nothing was signed.", "Valmoran Foreign Minister Lena Aurich")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Senator Ivo Marek (L-Esterby) said in \u201908 that the early vote threw old assumptions into doubt.",
                 [("indirect", "the early vote threw old assumptions into doubt", "Senator Ivo Marek")],
                 id="a-clipped-year-in-the-bridge"),
    pytest.param("Halvik said much of his talk with Voss was about the strait.",
                 [("indirect", "much of his talk with Voss was about the strait", "Halvik")], id="much-of-as-subject"),
    pytest.param("Aides said more than 1 million donors had given to the campaign.",
                 [("indirect", "more than 1 million donors had given to the campaign", "Aides")],
                 id="more-than-as-subject"),
    pytest.param("Many days, former employees said, she would stay at the office past midnight.",
                 [("indirect", "Many days, former employees said, she would stay at the office past midnight",
                   "former employees")], id="employees-are-people"),
    pytest.param("Sixty-six percent said it made no difference to them. Another 19 percent said they would not vote.",
                 [("indirect", "it made no difference to them", "Sixty-six percent"),
                  ("indirect", "they would not vote", "Another 19 percent")], id="a-percentage-speaks"),
    pytest.param('"Many were upset," said former Senator Ivo Marek (L-Esterby), one of the original \u201cbig four\u201d '
                 'negotiators.', [("direct", "Many were upset,", "former Senator Ivo Marek")],
                 id="a-scare-quote-in-the-apposition"),
    pytest.param("Six months ago, the senator said, the press considered him a fringe candidate.",
                 [("indirect", "Six months ago, the senator said, the press considered him a fringe candidate",
                   "the senator")], id="six-months-ago-is-no-clause"),
])
def test_quantities_years_and_appositions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('Contrast that with Voss, who has called the pact "folly," and Marek, who says it is "a disaster."',
                 [("direct", "folly,", "who"), ("mixed", 'it is "a disaster."', "who")],
                 id="a-closing-mark-is-no-next-content"),
    pytest.param("Few would admit it, but Senator Ivo Marek (a Norlandic liberal so young he has been mistaken for an "
                 "intern) says he was adrift after the election.",
                 [("indirect", "he was adrift after the election", "Senator Ivo Marek")], id="a-long-bracket-after-a-name"),
    pytest.param("Deborah Reyna - Marek's partner and co-host on his channel - told the Ledger that he turned in 2002.",
                 [("indirect", "he turned in 2002", "Deborah Reyna")], id="spaced-hyphens-after-a-name"),
    pytest.param("Voss fans told the Ledger that the rally had changed their minds.",
                 [("indirect", "the rally had changed their minds", "Voss fans")], id="fans-are-people"),
    pytest.param('Aurich, who told the Senate when asked about the inquiry: "That matter is with the police."',
                 [("direct", "That matter is with the police.", "who")], id="when-asked-before-a-colon"),
    pytest.param('"Absolutely," he said when asked by a reporter if that remained his view.',
                 [("direct", "Absolutely,", "he")], id="when-asked-if-is-no-content"),
])
def test_asides_and_occasions_around_a_cue(text, expected):
    assert found(text) == expected


def test_spaced_hyphens_after_a_common_noun_set_off_no_speaker():
    # "He struggles with a basic task - bragging - conceding that ...": the task is not the speaker
    assert not [q for q in extract_quotes("He struggles with a basic task - bragging - conceding that it is hard.")
                if "task" in (q.speaker_mention or "")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('"We need to know what the chairs cost," Pell, 44, a marine engineer, told the Courier.',
                 [("direct", "We need to know what the chairs cost,", "Pell")], id="an-age-in-the-apposition"),
    pytest.param("The crown rose 1.4 percent, according to data from Corvane Analytics.",
                 [("indirect", "The crown rose 1.4 percent", "Corvane Analytics")], id="data-from-its-source"),
    pytest.param('"Title Sponsor" was the top level that year, according to an archived version of the site from 2010.',
                 [("mixed", '"Title Sponsor" was the top level that year',
                   "an archived version of the site")], id="a-year-is-no-issuer"),
])
def test_issuers_and_ages(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Norland and Ostravia agreed to meet again, officials on both sides said.",
                 [("indirect", "Norland and Ostravia agreed to meet again", "officials on both sides")],
                 id="officials-on-both-sides"),
    pytest.param("At the Gull & Kettle cafe, owner Yasmin Tellander, 39, said it had been her best week.",
                 [("indirect", "it had been her best week", "Yasmin Tellander")], id="owner-name-age"),
    pytest.param("The harbour will be closed until at least 19:00, Valmoran police say.",
                 [("indirect", "The harbour will be closed until at least 19:00", "Valmoran police")],
                 id="a-clock-colon-is-no-clause-break"),
    pytest.param("They told reporters only that they had agreed to meet again, and then went to separate cars.",
                 [("indirect", "they had agreed to meet again", "They")], id="and-then-went"),
    pytest.param("Voss was unconvinced, and people close to Calloway say Voss came round only in the final week.",
                 [("indirect", "Voss came round only in the final week", "people close to Calloway")],
                 id="people-close-to-a-name"),
    pytest.param("Greystane Research said in a note that the rally looked \u201cahead of the facts,\u201d pointing out "
                 "that no text had been published.",
                 [("mixed", "the rally looked \u201cahead of the facts,\u201d", "Greystane Research"),
                  ("indirect", "no text had been published", "Greystane Research")],
                 id="pointing-out-after-a-quotations-comma"),
])
def test_wire_groups_clocks_and_phrase_participles(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Voss used to say that talks were a kind of weather.",
                 [("indirect", "talks were a kind of weather", "Voss")], id="used-to-say"),
    pytest.param("Calloway likes to tell visitors that she learned diplomacy on a ferry.",
                 [("indirect", "she learned diplomacy on a ferry", "Calloway")], id="likes-to-tell"),
    pytest.param("Voss would like to say that the deal is done.", [], id="would-like-to-say-is-no-saying"),
])
def test_habits_of_speech(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('The ferry was late, Voss has said. Said Voss, "The thought of it is painful to us."',
                 [("indirect", "The ferry was late", "Voss"), ("direct", "The thought of it is painful to us.", "Voss")],
                 id="said-x-comma-quotation"),
    pytest.param("Two in three said they would back the deal, and four in 10 said it was too slow.",
                 [("indirect", "they would back the deal", "Two in three"),
                  ("indirect", "it was too slow", "four in 10")], id="n-in-n"),
    pytest.param("Any attempt to argue with Marek, he said, becomes hopeless.",
                 [("indirect", "Any attempt to argue with Marek, he said, becomes hopeless", "he")], id="becomes"),
    pytest.param("In particular, Marek \u2014 often the easiest to provoke \u2014 has been \u201cworked up,\u201d said a "
                 "source close to the campaign.",
                 [("mixed", "In particular, Marek \u2014 often the easiest to provoke \u2014 has been \u201cworked up,\u201d",
                   "a source close to the campaign")], id="a-dash-aside-inside-the-content"),
])
def test_polls_inversions_and_asides(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("An Ostravian official with knowledge of the talks said Norland was in a hurry.",
                 [("indirect", "Norland was in a hurry", "An Ostravian official with knowledge of the talks")],
                 id="with-knowledge-of-before"),
    pytest.param('"The venue is fixed," said a Valmoran aide with direct knowledge of the plans.',
                 [("direct", "The venue is fixed,", "a Valmoran aide with direct knowledge of the plans")],
                 id="with-direct-knowledge-of-after"),
])
def test_an_unnamed_source_with_knowledge_of_something_is_the_source_not_the_something(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("\u00abWe were heard,\u00bb \u2014 added P.A. Dragunov. Then he left.",
                 [("direct", "We were heard,", "P.A. Dragunov")], id="trailing"),
    pytest.param("M.T. Calloway said the talks were useful. She left early.",
                 [("indirect", "the talks were useful", "M.T. Calloway")], id="forward"),
])
def test_initials_written_together_stay_with_the_name(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("It was emphasized by the Secretary that the Ostravian side \u00abwill not bend\u00bb.",
                 [("mixed", "the Ostravian side \u00abwill not bend\u00bb", "the Secretary")], id="it-was-by-that"),
    pytest.param("\u00abThe sides have come to an understanding,\u00bb \u2014 it was said by Ivo Marek to journalists.",
                 [("direct", "The sides have come to an understanding,", "Ivo Marek")], id="quotation-dash-it-was-by"),
    pytest.param("\u00abThe head of state is satisfied,\u00bb \u2014 was noted by Ivo Marek.",
                 [("direct", "The head of state is satisfied,", "Ivo Marek")], id="quotation-dash-was-by"),
    pytest.param("The dialogue will be continued on the basis of equality. This was stated on Saturday by "
                 "Secretary of the Security Council Pavel Dragunov.",
                 [("indirect", "The dialogue will be continued on the basis of equality",
                   "Secretary of the Security Council Pavel Dragunov")], id="this-was-stated-by"),
    pytest.param("The plan was approved by parliament. This was denied by the opposition.", [],
                 id="denied-is-not-saying"),
    pytest.param("The bill was written by Senator Ivo Marek.", [], id="written-by-has-no-content"),
    pytest.param("It was once again stressed by Ivo Marek that the Citadel \u00abdoes not hurry\u00bb.",
                 [("mixed", "the Citadel \u00abdoes not hurry\u00bb", "Ivo Marek")], id="it-was-adverb-by-that"),
    pytest.param("After the dinner on Friday, it was stated by the Deputy Minister Sergei Tallin that a date was near.",
                 [("indirect", "a date was near", "the Deputy Minister Sergei Tallin")],
                 id="fronted-adverbial-it-was-by-that"),
    pytest.param("\u00abThe door stays open,\u00bb as was declared by Sergei Tallin to the press in Kovask.",
                 [("direct", "The door stays open,", "Sergei Tallin")], id="quotation-as-was-by"),
    pytest.param("Ivo Marek spoke after lunch. \u00abNo date is set,\u00bb it was said by him.",
                 [("direct", "No date is set,", "him")], id="quotation-it-was-by-him"),
    pytest.param("The ferry timetable will change in May, as was announced by the Valmoran transport ministry.",
                 [("indirect", "The ferry timetable will change in May", "the Valmoran transport ministry")],
                 id="clause-as-was-by"),
    pytest.param("As was explained by Ivo Marek, the delegation will fly home on Sunday.",
                 [("indirect", "the delegation will fly home on Sunday", "Ivo Marek")], id="as-was-by-clause"),
    pytest.param("As was reported by the Kovask Herald, Ivo Marek stated that the visit was over.",
                 [("indirect", "the visit was over", "Ivo Marek")], id="as-was-by-then-its-own-cue"),
    pytest.param("Nadia Okafor was in the hall. The proposal was described by her as \u00aba serious offer\u00bb.",
                 [("direct", "a serious offer", "her")], id="naming-by-her-as"),
    pytest.param("The meeting was characterised by the Citadel as \u00abbusinesslike\u00bb.",
                 [("direct", "businesslike", "the Citadel")], id="naming-by-agent-as"),
    pytest.param('Lena Aurich, who has been described by colleagues as "tireless", said the villa was ready.',
                 [("indirect", "the villa was ready", "Lena Aurich")], id="naming-by-agent-in-a-relative-clause"),
])
def test_a_passive_cue_with_its_agent_in_translated_copy(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The ferry's pilot, who took me across, a man called Bruno, said he had carried both sides.",
                 [("indirect", "he had carried both sides", "Bruno")], id="a-man-called-name"),
    pytest.param('A Norlandic diplomat attending a reception at the Valmoran embassy on Monday night told the '
                 'Harbor Times: "Nobody lost."',
                 [("direct", "Nobody lost.", "A Norlandic diplomat")], id="participle-after-a-source"),
    pytest.param("Ms Thorsell asked the Defence Secretary, Owen Strand, whether he had seen the draft mandate.",
                 [("indirect", "whether he had seen the draft mandate", "Ms Thorsell")],
                 id="asked-a-named-addressee-whether"),
    pytest.param("Lunch was the turning point, according to almost everyone the Ledger spoke to.",
                 [("indirect", "Lunch was the turning point", "almost everyone the Ledger spoke to")],
                 id="stranded-preposition"),
    pytest.param("His friend wanted a week to think it over, he told a biographer in 2022.",
                 [("indirect", "His friend wanted a week to think it over", "he")], id="told-an-addressee-in-a-year"),
])
def test_speakers_with_long_subjects_and_addressees(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('Ostra-Press reported that the talks had been held "on its terms", and quoted Dragunov as saying: '
                 '"We came to be heard."',
                 [("mixed", 'the talks had been held "on its terms"', "Ostra-Press"),
                  ("direct", "We came to be heard.", "Dragunov")], id="reported-and-quoted-as-saying"),
    pytest.param("Lucas Pemberton, the press secretary, sat in on the interview and interrupted only once, to point "
                 "out that the bell was not a metaphor.",
                 [("indirect", "the bell was not a metaphor", "Lucas Pemberton")], id="sat-in-then-to-point-out"),
    pytest.param("Pavel A. Dragunov spoke for ten minutes. His counterpart, Norland's national security adviser "
                 "Miriam T. Calloway, said afterwards that he had listened.",
                 [("indirect", "he had listened", "Norland's national security adviser Miriam T. Calloway")],
                 id="description-then-apposed-name-with-title"),
])
def test_coordinated_cues_purpose_clauses_and_apposed_names(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('Marek said things "should be settled by spring," referring to the second round.',
                 [("mixed", 'things "should be settled by spring,"', "Marek")], id="quotation-comma-then-referring"),
    pytest.param("Marek said the talks were useful, in an apparent reference to the hotline.",
                 [("indirect", "the talks were useful", "Marek")], id="in-an-apparent-reference-to"),
    pytest.param('Voss vowed, "We will open the port and we will open it fast," referring to Port Halden.',
                 [("direct", "We will open the port and we will open it fast,", "Voss")], id="direct-then-referring"),
])
def test_the_writers_gloss_after_the_words_is_not_content(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Pavel A. Dragunov, according to Ostra-Press, said the talks were useful.",
                 [("indirect", "the talks were useful", "Pavel A. Dragunov", "Ostra-Press")], id="subject-aside-cue"),
    pytest.param("Since last November, according to the Halden Institute, state forces have detained 400 people.",
                 [("indirect", "state forces have detained 400 people", "the Halden Institute", None)],
                 id="fronted-time-is-no-subject"),
])
def test_according_to_between_a_subject_and_its_cue_is_the_medium(text, expected):
    assert [(q.kind, q.quote, q.speaker_mention, q.via) for q in extract_quotes(text, language="en")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The Citadel's account agrees on that point.", [], id="on-that-point"),
    pytest.param('Dragunov told journalists on his way in that Kovask had come "to listen first."',
                 [("mixed", 'Kovask had come "to listen first."', "Dragunov")], id="on-his-way-in-that-clause"),
])
def test_that_after_a_preposition_opens_content_only_before_a_clause(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("\u00abThe sides agree. The date will be set later,\u00bb \u2014 it was said by Ivo Marek to journalists.",
                 [("direct", "The sides agree. The date will be set later,", "Ivo Marek")],
                 id="a-quotation-of-two-sentences-before-the-passive"),
    pytest.param("The dialogue will go on. This was stated on Saturday by the Secretary of the Security Council of the "
                 "Republic of Ostravia Pavel A. Dragunov upon his return from the Valmoran city of Port Halden, where "
                 "on 14 March consultations with the National Security Adviser of Norland were held.",
                 [("indirect", "The dialogue will go on", "the Secretary of the Security Council of the Republic of "
                   "Ostravia Pavel A. Dragunov")], id="a-long-title-and-a-long-adverbial"),
    pytest.param('"American Skin" was written by Ivo Marek.', [], id="written-by-is-authorship"),
])
def test_translated_passives_with_long_titles_and_quotations(text, expected):
    assert found(text) == expected


def test_told_the_head_of_state_that():
    assert found("Dragunov told the head of state that the consultations had been useful.") == [
        ("indirect", "the consultations had been useful", "Dragunov")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Tallin confirmed the call but said nobody had threatened anyone.",
                 [("indirect", "nobody had threatened anyone", "Tallin")], id="confirmed-a-noun-phrase"),
    pytest.param("Marek denied that claim.", [], id="that-as-a-determiner-at-the-end"),
    pytest.param('The first official disputed that account, saying Calloway had "made it clear".',
                 [("mixed", 'Calloway had "made it clear"', "The first official")], id="that-noun-then-saying"),
    pytest.param("Millis said that he and Giles had been frustrated.",
                 [("indirect", "he and Giles had been frustrated", "Millis")], id="that-then-a-pronoun-and"),
])
def test_a_noun_phrase_after_a_cue_is_a_speech_act_without_content(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Asked by reporters on Tuesday whether the villa was booked for May, Aurich said it was.",
                 [("indirect", "whether the villa was booked for May", "reporters"),
                  ("indirect", "it was", "Aurich")], id="asked-by-time-whether"),
    pytest.param('Asked by Ines Varga of the Harbor Times if a date was set, Marek replied: "Not yet."',
                 [("indirect", "if a date was set", "Ines Varga of the Harbor Times"),
                  ("direct", "Not yet.", "Marek")], id="asked-by-name-of-outlet-if"),
    pytest.param('When asked by a caller why the ferries had stopped, the mayor said, "Ask the harbour master."',
                 [("indirect", "why the ferries had stopped", "a caller"),
                  ("direct", "Ask the harbour master.", "the mayor")], id="when-asked-by-why"),
    pytest.param('Asked by a moderator whether the talks were a “process”, she laughed.',
                 [("mixed", "whether the talks were a “process”", "a moderator")], id="asked-by-no-answer-cue"),
    pytest.param("Asked about the ferries, Marek said they would run.",
                 [("indirect", "they would run", "Marek")], id="asked-about-has-no-asker"),
])
def test_a_question_asked_by_someone_is_the_askers_quote(text, expected):
    assert found(text) == expected


def test_the_answer_to_an_asked_by_question_is_not_the_askers():
    text = ('Lena Aurich toured the villa on Monday. Asked by Dorrin Vale whether she had chosen the room, '
            'she said, "The room chose me."')
    answer = [q for q in extract_quotes(text) if q.quote == "The room chose me."]
    assert [(q.speaker, q.via) for q in answer] == [("Lena Aurich", None)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('The harbour office said that it "regrets the delay" and would brief skippers "as fully as the rules allow".',
                 [("mixed", 'it "regrets the delay" and would brief skippers "as fully as the rules allow"',
                   "The harbour office")], id="and-would-cue-without-that"),
    pytest.param('Marek replied that the ferries had been "checked twice", and that the harbour master had '
                 'promised to "look again".',
                 [("mixed", 'the ferries had been "checked twice", and that the harbour master had promised to '
                            '"look again"', "Marek")], id="comma-and-that-then-a-cue"),
    pytest.param("The harbour office said the delay was regrettable and would tell skippers on Monday that "
                 "the quay was closed.",
                 [("indirect", "the delay was regrettable", "The harbour office"),
                  ("indirect", "the quay was closed", "The harbour office")],
                 id="and-would-cue-with-that-is-a-second-quote"),
])
def test_coordinated_content_stays_one_quote(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The harbour office said the ferry ran late.",
                 [("indirect", "the ferry ran late", "The harbour office")], id="ran"),
    pytest.param("The harbour office said the convoy drove north.",
                 [("indirect", "the convoy drove north", "The harbour office")], id="drove"),
    pytest.param("Marek argued the ferry was late, while the mayor sought a delay.",
                 [("indirect", "the ferry was late", "Marek")], id="while-then-an-irregular-past"),
])
def test_a_bare_clause_with_an_irregular_past_is_content(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('Marek said the ferries had "never been safer", which he called "a quiet triumph".',
                 [("mixed", 'the ferries had "never been safer"', "Marek"),
                  ("direct", "a quiet triumph", "he")], id="which-he-called"),
    pytest.param('Aurich told reporters that the villa was "ready", and warned against what she called '
                 '"a rush to the cameras".',
                 [("mixed", 'the villa was "ready"', "Aurich"),
                  ("direct", "a rush to the cameras", "she")], id="and-warned-against-what-she-called"),
])
def test_a_naming_in_a_relative_clause_is_a_quote_of_its_own(text, expected):
    assert found(text) == expected


def test_the_answer_in_the_next_sentence_is_not_the_askers_either():
    text = ('Lena Aurich toured the villa on Monday. Asked by Dorrin Vale whether she had chosen the room, she '
            'paused. "The room chose me," she said.')
    answer = [q for q in extract_quotes(text) if q.quote == "The room chose me,"]
    assert [q.speaker for q in answer] == ["Lena Aurich"]


def test_a_fronted_citing_gives_the_quote_to_the_source_through_the_medium():
    text = "Citing a harbour official, the Kovask Herald reported that the ferries would run again on Monday."
    assert [(q.quote, q.speaker, q.via) for q in extract_quotes(text)] == [
        ("the ferries would run again on Monday", "a harbour official", "Kovask Herald")]


def test_a_fronted_citing_of_a_quotation_is_still_a_naming():
    text = 'Citing "obligations at home," the mayor\u2019s spokeswoman told the Herald that he would stay away.'
    quotes = [(q.quote, q.rule) for q in extract_quotes(text)]
    assert ("he would stay away", "forward:speaker_cue_that") in quotes


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Ivo Marek spoke for an hour at the Harbour Pavilion saying that the ferries would run.",
                 [("indirect", "the ferries would run", "Ivo Marek")], id="place-before-the-participle"),
    pytest.param("Lena Aurich, the host, and Tomas Brandt, her deputy, came out after an hour at the villa saying that the talks "
                 "were over.",
                 [("indirect", "the talks were over", "Lena Aurich, the host, and Tomas Brandt")],
                 id="pair-with-appositions"),
    pytest.param("The storm left most of the harbour workers saying the quay was unsafe.",
                 [("indirect", "the quay was unsafe", "most of the harbour workers")], id="people-after-a-verb-speak"),
])
def test_a_participle_after_a_place_belongs_to_the_clause_subject(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("After a night in Kovask, Norland and Valmora agree to keep talking\n\nThe talks ended.",
                 id="after-phrase-then-agree"),
    pytest.param("The talks ended. A day after the two chiefs sat across a table in Kovask, the governments of Norland "
                 "and Valmora were telling markedly different stories.", id="a-day-after-then-telling"),
])
def test_a_fronted_adverbial_is_no_content(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Asked about a report in the Kovask Herald that the ferries would stop, Marek said nothing.",
                 [("indirect", "the ferries would stop", "the Kovask Herald")], id="a-report-in-an-outlet-that"),
    pytest.param("Senators asked about reports in the Valmoran press that the ferries would stop.",
                 [("indirect", "the ferries would stop", "the Valmoran press")], id="reports-in-the-press-that"),
    pytest.param("The report in March that prices rose was wrong.", [], id="a-month-is-no-outlet"),
])
def test_a_report_in_an_outlet_is_the_outlets_quote(text, expected):
    assert found(text) == expected


def test_a_countrys_press_is_its_outlets_not_a_person_of_that_country():
    text = "Pavel A. Dragunov, the Ostravian security chief, left. The Ostravian press said the talks went well."
    assert [(q.speaker, q.speaker_type) for q in extract_quotes(text)] == [("Ostravian press", "organisation")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Varnholt, Kovask cite 'progress' after ferry talks\n\nThe talks ended on Friday.",
                 [("Varnholt, Kovask", "Varnholt and Kovask")], id="two-sides-cite"),
    pytest.param('URGENT: Varnholt, Kovask security chiefs end talks, say "progress" made\n\nTomas Brandt and Erik '
                 "Sollen, the security chiefs, met for hours. Brandt left first. Sollen stayed.",
                 [("Varnholt, Kovask security chiefs", "Tomas Brandt and Erik Sollen")], id="two-sides-role-say"),
])
def test_a_headlines_comma_between_two_sides_means_and(text, expected):
    assert [(q.speaker_mention, q.speaker) for q in extract_quotes(text)][:1] == expected


def test_however_with_the_speakers_pronoun_ends_the_content():
    text = 'I. Marek noted that the ferry question "is not urgent", however he did not exclude a delay.'
    assert found(text) == [("mixed", 'the ferry question "is not urgent"', "I. Marek")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('"Early money sets the terms," said Ansel Roke, the league\'s strategist, who added that his group '
                 'would act "like folks running for sheriff."',
                 [("direct", "Early money sets the terms,", "Ansel Roke"),
                  ("mixed", 'his group would act "like folks running for sheriff."', "who")],
                 id="relative-clause-after-an-apposition"),
    pytest.param('"The costs keep rising," said Will Tamsin.', [("direct", "The costs keep rising,", "Will Tamsin")],
                 id="a-first-name-that-is-a-modal"),
    pytest.param('"There is some nagging doubt," super PAC spokeswoman Lise Marrow said.',
                 [("direct", "There is some nagging doubt,", "super PAC spokeswoman Lise Marrow")],
                 id="an-acronym-inside-the-role"),
    pytest.param("An earlier report in a Kovask paper said that Brandt had used the photographs.",
                 [("indirect", "Brandt had used the photographs", "An earlier report in a Kovask paper")],
                 id="an-earlier-report"),
    pytest.param("People briefed on the move said that it reflected a change of heart.",
                 [("indirect", "it reflected a change of heart", "People briefed on the move")],
                 id="people-briefed-on"),
    pytest.param("Voters surveyed in Esterby said the ferry fares mattered most.",
                 [("indirect", "the ferry fares mattered most", "Voters surveyed in Esterby")],
                 id="voters-surveyed-in"),
    pytest.param('Mr. Roke, citing "the odd magic of Brandt," said the senator could win in the north.',
                 [("indirect", "the senator could win in the north", "Mr. Roke")],
                 id="comma-of-a-parenthetical-inside-its-quotation-marks"),
    pytest.param("Mr. Roke, citing ''the odd magic of Brandt,'' said the senator could win in the north.",
                 [("indirect", "the senator could win in the north", "Mr. Roke")],
                 id="comma-inside-doubled-apostrophes"),
])
def test_plain_attributions_real_wire_copy_writes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("In the end, Ms. Varga said, dock workers almost always come home to the party.",
                 [("indirect", "In the end, Ms. Varga said, dock workers almost always come home to the party",
                   "Ms. Varga")], id="in-the-end"),
    pytest.param("For now, the aide said, donors stay on the sidelines.",
                 [("indirect", "For now, the aide said, donors stay on the sidelines", "the aide")], id="for-now"),
])
def test_an_adverbial_before_a_parenthetical_attribution(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "speaker", "via"), [
    pytest.param("Mr. Roke, citing the odd magic of Brandt, said the senator could win.", "Mr. Roke", None,
                 id="citing-a-thing-is-no-source"),
    pytest.param("The Kovask Ledger, citing two harbour officials, reported that the ferry would stop.",
                 "two harbour officials", "The Kovask Ledger", id="citing-people-is"),
])
def test_citing_names_a_source_only_when_it_could_speak(text, speaker, via):
    assert [(q.speaker_mention, q.via) for q in extract_quotes(text, language="en")] == [(speaker, via)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Seventy-four percent of registered voters in Esterby say they trust the ferry board.",
                 [("indirect", "they trust the ferry board", "Seventy-four percent of registered voters in Esterby")],
                 id="a-share-of-voters"),
    pytest.param("In each of the five counties, about half of voters say they prefer an outsider.",
                 [("indirect", "they prefer an outsider", "half of voters")], id="half-of-voters"),
    pytest.param("The poll found that 54 percent of harbour pilots said they would vote for Voss.",
                 [("indirect", "they would vote for Voss", "54 percent of harbour pilots")], id="that-opens-the-clause"),
    pytest.param("The Norlandic front-runner and former secretary of state said the ferry needed a new hull.",
                 [("indirect", "the ferry needed a new hull", "The Norlandic front-runner and former secretary of state")],
                 id="two-roles-of-one-person"),
    pytest.param("In separate interviews, three current and former Harbour Board employees said disagreements broke out.",
                 [("indirect", "disagreements broke out", "three current and former Harbour Board employees")],
                 id="current-and-former"),
    pytest.param("Tallin's office, when contacted by the Ledger, said the former envoy could not recall the dinner.",
                 [("indirect", "the former envoy could not recall the dinner", "Tallin's office")],
                 id="when-contacted-by"),
    pytest.param('Voss says if elected mayor "I will work very closely with the harbour board."',
                 [("mixed", 'if elected mayor "I will work very closely with the harbour board."', "Voss")],
                 id="a-condition-then-the-quotation"),
    pytest.param('It was reported that Ivo Marek, who\'s thinking about running, said it was "impossible" to win.',
                 [("mixed", 'it was "impossible" to win', "Ivo Marek")], id="that-name-who-is"),
    pytest.param('As Ruth Vane, professor of law and author of "The Unwritten Charter," put it, "The board should yield."',
                 [("direct", "The board should yield.", "Ruth Vane")], id="as-name-apposition-put-it"),
    pytest.param('It was late when he told Lise Marrow of Kovask Radio, "So, the north has ferries. We do not."',
                 [("direct", "So, the north has ferries. We do not.", "he")], id="told-name-of-outlet"),
    pytest.param('"We did not discuss that," warm-and-fuzzy Voss said.',
                 [("direct", "We did not discuss that,", "warm-and-fuzzy Voss")], id="hyphenated-compound-before-name"),
    pytest.param('She was asked about it after a woman in Halden, Westmark, told her she worries he is "too nice".',
                 [("mixed", 'she worries he is "too nice"', "a woman in Halden")], id="city-and-state-no-apposition"),
    pytest.param("Even as the race moves to Esterby, a state that she hoped to carry by a wide margin, the vote will be "
                 "tight, said Ansel Roke.",
                 [("indirect", "Even as the race moves to Esterby, a state that she hoped to carry by a wide margin, the "
                   "vote will be tight",
                   "Ansel Roke")], id="a-clause-after-as-is-no-speaker"),
    pytest.param("As Brandt joked with his best friend at the table, his younger brother grew impatient.", [],
                 id="as-with-a-companion-is-a-time"),
    pytest.param("Voss told her she would win.", [("indirect", "she would win", "Voss")], id="told-her-she"),
])
def test_subjects_real_wire_copy_writes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Voss claims he is owed an apology.", [("indirect", "he is owed an apology", "Voss")],
                 id="name-claims-clause"),
    pytest.param("The Harbour Institute notes the ferry fare is usually paid by commuters.",
                 [("indirect", "the ferry fare is usually paid by commuters", "The Harbour Institute")],
                 id="organisation-notes-clause"),
    pytest.param('"Look at the statement," Marrow notes. "It was very different."',
                 [("direct", "Look at the statement,", "Marrow"), ("direct", "It was very different.", "Marrow")],
                 id="name-notes-at-the-end"),
    pytest.param("The suit claims that Brandt made statements that hurt her.",
                 [("indirect", "Brandt made statements that hurt her", "The suit")], id="the-suit-claims-that"),
    pytest.param("The candidate claims his net worth is in excess of a billion.",
                 [("indirect", "his net worth is in excess of a billion", "The candidate")], id="the-candidate-claims"),
    pytest.param("The two campaign claims that he lied were false.", [], id="plural-determiner-noun"),
    pytest.param("The campaign claims were false.", [], id="claims-as-subject"),
    pytest.param("Leaked notes show Brandt floated a deal.", [], id="sentence-initial-adjective"),
    pytest.param("There were reports the harbour board was split.", [], id="there-were-reports"),
    pytest.param("Roke responded Friday to reports that Voss planned to endorse him.", [], id="to-reports-that"),
])
def test_nouns_that_are_cues_as_verbs(text, expected):
    assert found(text) == expected


def test_a_comparison_after_the_content_is_the_writers():
    text = "Seventy-four percent of voters say they trust Voss, compared with 64 percent who say the same of Roke."
    assert found(text)[0] == ("indirect", "they trust Voss", "Seventy-four percent of voters")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("On Thursday, the Harbour Party of Westmark announced she was not coming.",
                 [("indirect", "she was not coming", "the Harbour Party of Westmark")], id="announced-a-clause"),
    pytest.param("She recalled the talks had gone well.", [("indirect", "the talks had gone well", "She")],
                 id="recalled-a-clause"),
    pytest.param("He announced his candidacy last year.", [], id="announced-a-noun-phrase"),
    pytest.param("Her campaign also announced new support from mothers who have lost children to floods.", [],
                 id="announced-a-noun-phrase-with-a-relative-clause"),
    pytest.param("The harbour board announced two days earlier that it would consider a new chair.",
                 [("indirect", "it would consider a new chair", "The harbour board")], id="two-days-earlier-that"),
    pytest.param("Voss confirmed the figures for mothers who have lost children to floods.", [],
                 id="a-relative-clauses-verb-group-is-no-main-verb"),
])
def test_announce_and_recall_take_a_clause_not_a_noun_phrase(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("But a Westmark diplomat involved in arranging it said the ferry line had been Roke's idea.",
                 [("indirect", "the ferry line had been Roke's idea", "a Westmark diplomat involved in arranging it")],
                 id="the-pronoun-is-the-participles-object"),
    pytest.param('He did not stop, but when a reporter asked whether he expected a deal, he replied over his '
                 'shoulder: "We shall see."',
                 [("indirect", "whether he expected a deal", "a reporter"), ("direct", "We shall see.", "he")],
                 id="when-mid-sentence-ends-at-the-main-clause"),
    pytest.param("The agency, Halpress, citing a source in the harbour board, reports that the ferries will resume.",
                 [("indirect", "the ferries will resume", "a source in the harbour board")],
                 id="reports-after-a-citing-aside"),
    pytest.param('Mayor Roke has posted a statement on Chirp: "Halden was honoured to host the talks."',
                 [("direct", "Halden was honoured to host the talks.", "Mayor Roke")],
                 id="posted-a-statement-on-a-site-colon"),
    pytest.param('Harbour spokesman Ivo Brandt has described her, more than once, as "the hardest voice in Esterby."',
                 [("direct", "the hardest voice in Esterby.", "Harbour spokesman Ivo Brandt")],
                 id="described-her-more-than-once-as"),
    pytest.param('Instead of calling himself a moderate, Mr. Roke said, "I am a man with common sense."',
                 [("direct", "I am a man with common sense.", "Mr. Roke")], id="a-cue-in-the-aside-is-no-naming"),
    pytest.param('Our harbour adviser, Lise Marrow, came out to tell reporters that the two sides had made "real '
                 'progress."',
                 [("mixed", 'the two sides had made "real progress."', "Lise Marrow")],
                 id="the-apposed-name-acted-to-speak"),
    pytest.param('A retired Westmark envoy I spoke to this week called the new line "a very dear telephone."',
                 [("direct", "a very dear telephone.", "A retired Westmark envoy")], id="a-writers-contact-clause"),
    pytest.param("Ferry strike ends as Harbour Board claims 'mutual respect'",
                 [("direct", "mutual respect", "Harbour Board")], id="claims-a-quotation-in-a-headline"),
    pytest.param("Both sides have said the talks produced progress, though neither has said on what.",
                 [("indirect", "the talks produced progress", "Both sides")], id="though-neither-has-said"),
])
def test_set_seventeen_shapes(text, expected):
    assert found(text) == expected


def test_a_title_case_headlines_remarks_is_a_noun():
    text = "Voss Says Tolls Rose, Calls Roke's Ferry Remarks 'Troubling'\n\nThe mayor spoke on Monday."
    assert [q.speaker_mention for q in extract_quotes(text, language="en")] == ["Voss"]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Summing up the talks, it was noted by I. P. Varga in a conversation with journalists that the "
                 "talks had been conducted «in a calm manner».",
                 [("mixed", "the talks had been conducted «in a calm manner»", "I. P. Varga")],
                 id="an-occasion-between-the-agent-and-that"),
    pytest.param("As was reported to HALPRESS by the press service of the Harbour Council, an agreement was reached "
                 "on a ferry line.",
                 [("indirect", "an agreement was reached on a ferry line", "the press service of the Harbour Council")],
                 id="as-was-reported-to-an-agency-by"),
    pytest.param("As explained to HALPRESS by a source in the delegation, «there was no need for a statement».",
                 [("direct", "there was no need for a statement", "a source in the delegation")],
                 id="as-explained-to-an-agency-by"),
])
def test_translated_agency_passives_with_an_addressee_or_occasion(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("This includes a special ferry unit, Harbour Secretary Ash Roke told a Senate panel Wednesday.",
                 [("indirect", "This includes a special ferry unit", "Harbour Secretary Ash Roke")],
                 id="told-a-senate-panel"),
    pytest.param("Sen. Jon Reed (N-Esterby), said after a lunch that he had not read the plan.",
                 [("indirect", "he had not read the plan", "Sen. Jon Reed")], id="a-stray-comma-after-a-party-tag"),
    pytest.param("The harbour deficit will end this year, the budget office reported on Tuesday -- a development "
                 "that raises new questions.",
                 [("indirect", "The harbour deficit will end this year", "the budget office")],
                 id="a-dash-then-the-writers-summary"),
])
def test_attribution_tails_real_copy_writes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The argument would be aided, Roke said, by the coming ferry timetable.",
                 [("indirect", "The argument would be aided, Roke said, by the coming ferry timetable", "Roke")],
                 id="a-by-phrase-carries-the-clause-on"),
    pytest.param("Things have changed over the years, she says, especially in the age of ferry apps.",
                 [("indirect", "Things have changed over the years, she says, especially in the age of ferry apps",
                   "she")], id="especially-carries-the-clause-on"),
    pytest.param("The thing that the mayor most needs, aides said, is for the harbour board to step aside.",
                 [("indirect", "The thing that the mayor most needs, aides said, is for the harbour board to step "
                   "aside", "aides")], id="a-longer-subject-then-its-verb"),
    pytest.param("The talks failed, he said, in a statement on Monday.",
                 [("indirect", "The talks failed", "he")], id="how-it-was-said-is-no-content"),
    pytest.param("The two sides agreed to meet again, officials said, after the envoys met for six hours.",
                 [("indirect", "The two sides agreed to meet again", "officials")], id="after-is-the-writers-time"),
])
def test_content_on_both_sides_of_a_parenthetical_attribution(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('"This might hasten the end of the ferry board," Will wrote.',
                 [("direct", "This might hasten the end of the ferry board,", "Will")], id="a-first-name-will"),
    pytest.param("In particular, Will wrote, Voss can challenge Roke on the harbour.",
                 [("indirect", "In particular, Will wrote, Voss can challenge Roke on the harbour", "Will")],
                 id="in-particular-will-wrote"),
    pytest.param("If anything, Brandt argued in his email, the incident shows why the rules matter.",
                 [("indirect", "If anything, Brandt argued in his email, the incident shows why the rules matter",
                   "Brandt")], id="if-anything-argued-in-his-email"),
    pytest.param("They could face sanctions, and as Marrow noted, people involved in the case could be fired.",
                 [("indirect", "people involved in the case could be fired", "Marrow")], id="and-as-x-noted"),
    pytest.param("The irony, as Roke put it, is that the ferry never ran.", [], id="as-x-put-it-inside-a-clause"),
])
def test_as_clauses_and_asides_real_copy_writes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Noting that the ferry board had failed to act, Voss reminded voters of her plan to sell the fleet.",
                 [("indirect", "the ferry board had failed to act", "Voss")], id="noting-that-then-the-main-clause"),
])
def test_a_participial_cue_that_opens_the_sentence(text, expected):
    assert found(text) == expected


def test_a_participial_opening_leaves_the_main_clauses_own_quote_alone():
    text = 'Stressing that the fleet is old, Voss said, "If we do not act fast, we will lose it."'
    assert ("direct", "If we do not act fast, we will lose it.", "Voss") in found(text)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('Mr. Voss said, "I do not like it," adding that "they have anger that is unbelievable."',
                 [("direct", "I do not like it,", "Mr. Voss"), ("direct", "they have anger that is unbelievable.",
                                                            "Mr. Voss")], id="adding-after-a-quotations-comma"),
    pytest.param("Almost half said they wanted a mayor from outside the harbour board.",
                 [("indirect", "they wanted a mayor from outside the harbour board", "Almost half")],
                 id="almost-half-said"),
    pytest.param("Forty-three percent of all reported donations came from women.", [],
                 id="a-share-of-things-is-no-speaker"),
    pytest.param("Ansel Roke, head of the Harbour Fund, a group allied with the mayor, said nearly every "
                 "conversation he has had with donors centers on the ferries.",
                 [("indirect", "nearly every conversation he has had with donors centers on the ferries", "Ansel Roke")],
                 id="nearly-every-opens-a-clause"),
    pytest.param('A staffer, who spoke on condition of anonymity, said of the senator, "She takes the threat seriously."',
                 [("direct", "She takes the threat seriously.", "A staffer")], id="said-of-someone-then-a-quotation"),
])
def test_more_shapes_from_real_copy(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("He crossed the border thirty years ago after, according to him, the Ledger censured his first report.",
                 [("indirect", "the Ledger censured his first report", "him")], id="after-according-to-s"),
    pytest.param("The wire reported that, according to an analysis of her calendar, 85 of 154 visitors had donated.",
                 [("indirect", "85 of 154 visitors had donated", "an analysis of her calendar")],
                 id="that-according-to-s"),
    pytest.param("Voss will go to the next debate, because, according to Voss, the press would call him a coward.",
                 [("indirect", "the press would call him a coward", "Voss")], id="because-according-to-s"),
])
def test_according_to_after_a_word_that_leaves_the_clause_open(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("He kept making gaffes after telling his aides he planned to adopt a calmer tone.",
                 [("indirect", "he planned to adopt a calmer tone", "He")], id="telling-his-aides-he"),
    pytest.param("Voss told her aides they would win.", [("indirect", "they would win", "Voss")], id="told-her-aides-they"),
])
def test_a_pronoun_after_the_addressee_opens_the_content(text, expected):
    assert found(text) == expected
