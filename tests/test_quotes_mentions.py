"""Speaker resolution in toolkit.quotes.mentions: what the article itself says about its people.

Cases beyond the blind catalogue in test_quotes_spec.py, for resolution rules added
while studying the fixtures' errors. Fictional people of docs/fixture-world.md.
"""
from __future__ import annotations

import pytest

from toolkit.quotes import extract_quotes
from toolkit.quotes.engine import Document
from toolkit.quotes.mentions import EntityIndex


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.quote, q.speaker) for q in sorted(extract_quotes(text, language="en"), key=lambda q: q.start)]


def person_descriptors(text: str) -> dict[str, set[str]]:
    doc = Document(text)
    index = EntityIndex(text, doc.sentence_starts)
    index.ensure_descriptors()
    return {e.name: e.descriptors for e in index.entities if e.type == "person"}


SUBJECT_DESCRIPTION = (
    "Helena Voss has taken a different line. The foreign minister, who met Lena Aurich twice, "
    "favours a quick second round. Owen Strand, the defence secretary, disagrees. "
    '"There is no quarrel about the destination," the minister told Parliament.'
)


def test_a_sentence_opening_with_a_description_describes_the_one_person_before_it():
    assert "minister" in person_descriptors(SUBJECT_DESCRIPTION)["Helena Voss"]
    assert speakers(SUBJECT_DESCRIPTION) == [("There is no quarrel about the destination,", "Helena Voss")]


@pytest.mark.parametrize("text", [
    # two people in the sentence before: the description could be either
    "Helena Voss met Owen Strand on Monday. The foreign minister, who chairs the panel, arrived late.",
    # "The head of ...": the role is not the description's head
    "Helena Voss arrived on Monday. The head of the panel, a retired judge, arrived late.",
    # an apposition names someone else
    "Helena Voss arrived on Monday. The foreign minister Lena Aurich arrived late.",
])
def test_no_description_is_attached_when_the_reference_is_unclear(text):
    assert "minister" not in person_descriptors(text).get("Helena Voss", set())
    assert "head" not in person_descriptors(text).get("Helena Voss", set())


def test_a_counterpart_may_hold_any_role_but_keeps_the_nationality():
    text = ("Helena Voss, the Norlandic foreign minister, met her Valmoran counterpart Lena Aurich. "
            "Sergei Tallin, the deputy foreign minister, also attended. "
            "The Valmoran minister said the villa would stay booked.")
    assert speakers(text) == [("the villa would stay booked", "Lena Aurich")]


def test_the_words_before_a_name_stop_at_the_previous_sentence():
    text = "Helena Voss met her Valmoran counterpart Lena Aurich. Sergei Tallin arrived later."
    assert person_descriptors(text)["Sergei Tallin"] == set()


def test_an_academy_is_not_a_person():
    text = ("Miriam T. Calloway has said little since the talks, but in a speech to the Norlandic "
            'Defence Academy the national security adviser argued that "patience is a policy."')
    assert "Academy" not in person_descriptors(text)
    assert speakers(text) == [("patience is a policy.", "Miriam T. Calloway")]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Officials said that the radar would stay.", "Officials"),
    ("People familiar with the talks said that the radar would stay.", "People familiar with the talks"),
    ("Diplomats in Port Halden said the radar would stay.", "Diplomats in Port Halden"),
])
def test_a_sentence_opening_plural_of_people_is_an_unnamed_source(text, speaker):
    [quote] = extract_quotes(text, language="en")
    assert (quote.quote, quote.speaker, quote.speaker_type) == ("the radar would stay", speaker, "unnamed")


def test_unnamed_sources_referred_back_to_by_their_head_noun():
    text = ("People familiar with the talks said that Ms. Calloway had pressed for inspections. "
            "Neither demand was met, those people said.")
    assert speakers(text) == [("Ms. Calloway had pressed for inspections", "People familiar with the talks"),
                              ("Neither demand was met", "People familiar with the talks")]


@pytest.mark.parametrize("text", ["Helena Voss said the meeting failed.", "Ivo Marek said the talks collapsed."])
def test_a_bare_clause_whose_verb_ends_the_sentence(text):
    [quote] = extract_quotes(text, language="en")
    assert quote.quote == text.split(" said ")[1].rstrip(".")


def test_both_sides_are_one_person_from_each_side_the_article_names():
    text = ("Talks between Norland and Ostravia in the Valmoran city of Port Halden ran late, and both sides "
            'cited "progress".\n\nLena Aurich, the Valmoran foreign minister, opened the talks. Aurich left early. '
            "Norlandic adviser Miriam T. Calloway met Pavel A. Dragunov, the Ostravian security chief. "
            "Aurich said the villa was booked. Calloway thanked Aurich.")
    assert speakers(text)[0] == ("progress", "Miriam T. Calloway and Pavel A. Dragunov")


def test_the_two_ministers_are_the_two_people_who_hold_that_office():
    text = ("Helena Voss, the foreign minister, met Miriam T. Calloway, the national security adviser. "
            "Owen Strand, the defence minister, joined them. Calloway left early. "
            "The two ministers said they would attend the session.")
    [quote] = extract_quotes(text, language="en")
    assert quote.speaker == "Helena Voss and Owen Strand"


@pytest.mark.parametrize(("one", "other"), [
    ("United States", "U.S."), ("Moscow", "Russian"), ("Kremlin", "Russia's"), ("Britain", "British"),
])
def test_places_fold_to_one_key(one, other):
    from toolkit.quotes.lexicon import stem_place
    assert stem_place(one) == stem_place(other)


@pytest.mark.parametrize("silence", ["Belan himself has not commented publicly.", "Belan declined to comment.",
                                     "Belan could not be reached for comment."])
def test_he_is_not_the_person_just_said_to_be_silent(silence):
    text = ("Pavel A. Dragunov said President Arkady Belan had followed the talks closely. " + silence +
            ' "There is no grand bargain on the table," he said.')
    assert speakers(text)[-1] == ("There is no grand bargain on the table,", "Pavel A. Dragunov")


def test_his_counterpart_is_the_person_the_article_paired_with_him():
    text = ("Miriam T. Calloway and her Ostravian counterpart Pavel A. Dragunov spoke by telephone. "
            '"The channel is working," Dragunov told Ostra-Press. '
            "His Norlandic counterpart told reporters that the call had been businesslike.")
    assert speakers(text)[-1] == ("the call had been businesslike", "Miriam T. Calloway")


@pytest.mark.parametrize(("run", "name"), [
    ("Norland Miriam Calloway", "Miriam T. Calloway"),
    ("Ostravia Pavel Dragunov", "Pavel A. Dragunov"),
])
def test_a_word_before_a_first_name_is_no_part_of_the_name(run, name):
    text = f"National Security Adviser of {run} met reporters. {name.split()[-1]} said the talks were useful."
    [quote] = extract_quotes(text, language="en")
    assert quote.speaker == run.split(maxsplit=1)[1]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The hotline will be tested soon, according to a statement issued by the Norlandic mission. "
     "The statement said the two sides had discussed deployments.", "Norlandic mission"),
    ("The Citadel said in a statement that the talks were useful. The statement said both sides had agreed.",
     "Citadel"),
    ("The Ostravian Security Council issued a statement on Friday. The Ostravian statement said talks would go on.",
     "Ostravian Security Council"),
    ("\u201cWe came to be heard,\u201d the Granite House statement said.", "Granite House"),
    ("Marek said in a statement that the talks were useful. In Kovask, the Ostravian Security Council issued its "
     "own, shorter statement. The Ostravian statement said the experts would meet again.", "Ostravian Security Council"),
])
def test_the_statement_speaks_for_whoever_issued_it(text, speaker):
    last = sorted(extract_quotes(text, language="en"), key=lambda q: q.start)[-1]
    assert (last.speaker, last.resolution) == (speaker, "description:document")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Ruth Delacroix, the deputy minister, spoke first. A Valmoran diplomat involved in organising the meeting "
     "offered a more modest reading. The two sides had simply run out of excuses, the diplomat said.",
     "A Valmoran diplomat involved in organising the meeting"),
    ("A Granite House spokesman praised the deal. Ivo Marek, the Citadel spokesman, was silent. "
     "Later the Citadel spokesman said the deal was premature.", "Ivo Marek"),
])
def test_an_unnamed_person_introduced_outside_any_quote(text, speaker):
    last = sorted(extract_quotes(text, language="en"), key=lambda q: q.start)[-1]
    assert last.speaker == speaker


def test_an_apposed_indefinite_describes_the_name_before_it():
    text = ("Sergei Tallin, a career diplomat, sat beside Owen Strand. Tallin was once a diplomat too. "
            "The diplomat told Ostra-Press that the mood had improved.")
    assert [q.speaker for q in extract_quotes(text, language="en")] == ["Sergei Tallin"]


@pytest.mark.parametrize("text", [
    "Owen Strand spoke in the town hall. The mayor, Jorund Halvik, who had introduced him, was not convinced. "
    "He told the audience that the town had heard promises before. \"He means well,\" the mayor said.",
    "Owen Strand spoke in the town hall. Jorund Halvik, the mayor, was not convinced. "
    "He told the audience that the town had heard promises before. \"He means well,\" the mayor said.",
])
def test_a_role_in_apposition_makes_an_unknown_name_a_person(text):
    quotes = sorted(extract_quotes(text, language="en"), key=lambda q: q.start)
    assert [q.speaker for q in quotes] == ["Jorund Halvik", "Jorund Halvik"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Jannik Trell sat in the dock. The Norlandic mission in Port Halden said in a written statement that the "
     "incident caused a short pause.", "Norlandic mission in Port Halden"),
    ("The Norlandic mission has issued a statement confirming the deal. The statement says the line will be tested.",
     "Norlandic mission"),
])
def test_a_mission_speaks_as_an_organisation(text, speaker):
    last = sorted(extract_quotes(text, language="en"), key=lambda q: q.start)[-1]
    assert last.speaker == speaker


def test_a_person_introduced_just_before_is_she_not_the_last_speaker():
    text = ('Ingrid Fosse, 38, runs a bakery. "Trade has fallen by a third," she said. '
            "Her neighbour, Elin Torvik, 29, a nurse, was more hopeful. "
            '"If a phone call keeps my brother home, I will take it," she said.')
    quotes = sorted(extract_quotes(text, language="en"), key=lambda q: q.start)
    assert [q.speaker for q in quotes] == ["Ingrid Fosse", "Elin Torvik"]


def test_a_title_with_of_phrases_before_the_name():
    text = ("Secretary of the Security Council of Ostravia Pavel Dragunov met the National Security Adviser "
            "of Norland, Miriam Calloway, on Friday.\n\n"
            '"We set out our approach calmly," the Security Council Secretary said.')
    assert {"secretary", "council", "security"} <= person_descriptors(text)["Pavel Dragunov"]
    assert speakers(text) == [("We set out our approach calmly,", "Pavel Dragunov")]


def test_the_officials_are_the_group_introduced_before_not_one_person():
    text = ("Miriam T. Calloway left with little more than a promise, according to three Norlandic officials "
            "briefed on the talks.\n\nThe officials said Pavel A. Dragunov listened without interrupting.")
    assert speakers(text)[-1] == ("Pavel A. Dragunov listened without interrupting",
                                  "three Norlandic officials briefed on the talks")


def test_the_senior_official_is_the_one_introduced_as_senior():
    text = ('"He was polite," a senior Norlandic official said of Pavel A. Dragunov. '
            '"He did not move." A second Norlandic official called the meeting "long". '
            'Dragunov left first.\n\n"Nobody was going to trade on a first date," the senior official said.')
    assert speakers(text)[-1] == ("Nobody was going to trade on a first date,", "a senior Norlandic official")


def test_a_possessive_role_as_the_subject_of_a_participle():
    text = ("Valmora's foreign minister, Lena Aurich, thanked the city in a statement, "
            "saying Port Halden had shown its worth.")
    assert speakers(text) == [("Port Halden had shown its worth", "Lena Aurich")]


def test_a_capitalised_office_alone_is_its_holder():
    text = ("Defence Secretary tells Northern Broadcast the deal is 'a start'\n\n"
            "Norland's Defence Secretary Owen Strand has said the batteries have not moved.")
    assert [q.speaker for q in extract_quotes(text, language="en")] == ["Owen Strand", "Owen Strand"]


def test_the_two_sides_are_the_principals_not_the_host_named_last():
    text = ("PORT HALDEN - Miriam T. Calloway said her meeting with Ostravia's security chief, Pavel A. Dragunov, "
            "had been useful. Calloway told reporters she was pleased. Calloway left at noon.\n\n"
            "Valmoran Foreign Minister Lena Aurich greeted both delegations.\n\n"
            "In a joint statement, the two sides said experts would meet within weeks.")
    assert speakers(text)[-1] == ("experts would meet within weeks", "Miriam T. Calloway and Pavel A. Dragunov")


@pytest.mark.parametrize("cue", ["both said the talks were frank.", 'both described the talks as "frank."'])
def test_two_names_with_appositions_and_both(cue):
    text = ("Miriam T. Calloway met Pavel A. Dragunov on Friday. "
            f"Calloway, the Norlandic adviser, and Dragunov, secretary of the council, {cue}")
    [quote] = extract_quotes(text, language="en")
    assert quote.speaker == "Miriam T. Calloway and Pavel A. Dragunov"
    assert quote.speaker_mention == "Calloway, the Norlandic adviser, and Dragunov"


@pytest.mark.parametrize(("text", "mention"), [
    ("Miriam T. Calloway met Pavel A. Dragunov. Her counterpart struck a cooler tone, telling Kovask "
     "Broadcasting that Ostravia had agreed to nothing.", "Her counterpart"),
    ("Miriam T. Calloway met Pavel A. Dragunov. The minister's critics angrily denounced her, rushing to "
     "Valmora Today to say the hotline was a gift.", "The minister's critics"),
])
def test_a_clause_subject_stops_before_its_verb(text, mention):
    [quote] = extract_quotes(text, language="en")
    assert quote.speaker_mention == mention


def test_the_spokesman_is_the_official_representative():
    text = ("The official representative of the President of Ostravia, Ivo Marek, spoke after Pavel A. Dragunov.\n\n"
            "\u00abDialogue is not a favour,\u00bb the spokesman underlined.")
    assert speakers(text) == [("Dialogue is not a favour,", "Ivo Marek")]


@pytest.mark.parametrize("description", ["the 61-year-old", "The 61-year-old diplomat"])
def test_an_age_description_is_the_person_given_that_age(description):
    text = ("Pavel A. Dragunov, 61, a former intelligence officer, met Miriam T. Calloway, 54, on Friday. "
            f"In 2018 {description} told a delegation that Ostravia does not negotiate with a calendar.")
    assert [q.speaker for q in extract_quotes(text, language="en")] == ["Pavel A. Dragunov"]


def test_it_that_opens_a_sentence_is_the_organisation_that_opened_the_one_before():
    text = ("Talks end in Port Halden\n\nThe Granite House said the talks were useful.\n\n"
            "The Ostravian Security Council, in a statement carried by Ostra-Press, made no mention of the drills. "
            "It said the sides had discussed the strait.")
    assert speakers(text)[-1] == ("the sides had discussed the strait", "Ostravian Security Council")


def test_two_organisations_are_named_without_their_articles():
    text = "Talks end\n\nThe Granite House and the Citadel have both said the line could be reconnected within weeks."
    assert speakers(text) == [("the line could be reconnected within weeks", "Granite House and Citadel")]


def test_a_role_of_an_office_describes_the_name_after_it():
    text = ("Talks end\n\nThe official representative of the President of Ostravia Ivo Marek told journalists "
            "in Kovask that the head of state would be briefed.\n\n"
            "\u00abThe President values this contact\u00bb, the Citadel spokesman said.")
    assert speakers(text)[-1] == ("The President values this contact", "Ivo Marek")
    assert {"official", "representative"} <= person_descriptors(text)["Ivo Marek"]


def test_foreign_affairs_is_no_person():
    text = "Pavel Dragunov also met the Minister of Foreign Affairs of Valmora Lena Aurich on Friday."
    assert "Affairs" not in person_descriptors(text)


def test_an_abbreviation_and_a_short_name_are_the_organisation_spelled_out_before():
    text = ("Institute statement\n\nThe Halden Institute for Strategic Studies (HISS) said the meeting was overdue.\n\n"
            "HISS noted that the host had been indispensable.\n\nThe Institute said it would publish a paper.")
    assert [speaker for _, speaker in speakers(text)] == ["Halden Institute for Strategic Studies"] * 3


def test_a_short_description_of_an_organisation_takes_its_fuller_name():
    text = ("Talks end\n\nAs the press service of the Security Council reported, the talks were held in Port Halden.\n\n"
            "The parties discussed the strait, the press service noted.")
    assert [speaker for _, speaker in speakers(text)] == ["press service of the Security Council"] * 2


def test_both_after_a_pair_named_together_is_that_pair_not_the_principals():
    text = ("Experts meet\n\nMiriam T. Calloway and Pavel A. Dragunov agreed in Port Halden to set up expert groups. "
            "Calloway said the groups would meet within weeks. Dragunov said he agreed.\n\n"
            "Rear Admiral Piet Halvorsen, who leads the Norlandic group, and Colonel Yuri Korsak, his Ostravian "
            "counterpart, met for six hours on Friday. Afterwards, the two men told reporters that they had agreed "
            "on a timetable. They did not publish it, though both said it was ambitious.")
    assert [speaker for _, speaker in speakers(text)][-2:] == ["Piet Halvorsen and Yuri Korsak"] * 2


def test_a_description_in_the_lead_is_the_person_the_next_paragraph_names_first():
    text = ("Calloway says she warned Ostravia\n\n"
            "PORT HALDEN (Compass) - Norland's national security adviser said on Thursday she had warned her "
            "Ostravian counterpart against meddling.\n\n"
            "Miriam T. Calloway told reporters after meeting Pavel A. Dragunov that she had been clear.")
    assert [speaker for _, speaker in speakers(text)] == ["Miriam T. Calloway"] * 3


def test_a_description_later_in_the_article_does_not_look_ahead_to_any_name():
    text = ("Talks end\n\nThe talks ended on Friday.\n\nNorland's trade envoy said the deal would wait.\n\n"
            "Pavel A. Dragunov, secretary of Ostravia's Security Council, left for Kovask.")
    assert speakers(text) == [("the deal would wait", "Norland's trade envoy")]


def test_a_pronoun_and_a_name_are_the_pronouns_person_and_the_named_one():
    text = ("Media startup\n\nJim Varo and Mike Allen founded the site in 2017. Survival, Mr. Varo says, depends on "
            "giving readers what they want.\n\nIt is not only about big audiences, he and Mr. Allen said.")
    assert speakers(text)[-1] == ("It is not only about big audiences", "Jim Varo and Mike Allen")


def test_a_first_name_with_an_age_is_a_person_pronouns_find():
    text = ("Locals weigh summit\n\nTomas, 41, runs a cafe by the harbour. He says the closures cost him a week.\n\n"
            "Around the corner, Anneke, 29, is less bothered. She says the town felt \"like a film set\".")
    assert [speaker for _, speaker in speakers(text)] == ["Tomas", "Anneke"]


def test_the_statement_is_the_office_that_issued_it():
    text = ("Tarsenia wants a seat\n\nBRENHOLT \u2014 Tarsenia will press for a seat, the prime minister's office said "
            "in a statement on Thursday.\n\nThe statement, issued after a cabinet meeting, said the talks were overdue. "
            "\u00abDialogue is better than silence,\u00bb it said.")
    assert [speaker for _, speaker in speakers(text)] == ["prime minister's office"] * 3


def test_a_clause_after_a_colon_has_its_own_subject():
    text = ("Calloway smiles\n\nWhen Miriam T. Calloway left the guesthouse, having spent four hours across a table "
            "from Pavel A. Dragunov, she did something that her officials, who had prepared her for most things, had "
            "not expected: she smiled, and told the waiting reporters that it had been \u201ca better day\u201d.")
    assert speakers(text) == [("it had been \u201ca better day\u201d", "Miriam T. Calloway")]


def test_sides_ages_and_readouts():
    text = ("Harbour counts cost\n\nBy the quay, Aksel, a 47-year-old trawlerman, was less charmed. "
            "\"They closed the harbour,\" he said.\n\n"
            "Across from her, Pavel A. Dragunov, the Ostravian security chief, was not reading. "
            "\"I had read everything on the plane,\" the Ostravian said later.\n\n"
            "The talks covered radar, according to the Citadel's readout. The Granite House version says the talks "
            "were frank. The Institute said it would publish a paper.")
    assert [speaker for _, speaker in speakers(text)] == [
        "Aksel", "Pavel A. Dragunov", "Citadel", "Granite House", "Institute"]


def test_a_bare_surname_two_people_share_is_the_one_introduced_first():
    text = ("Tobias Wrenfield dies at 84\n\nESTERBY \u2014 Tobias E. Wrenfield, the Norlandic diplomat, has died. "
            "\"He watched every minute of it,\" his daughter, Agnes Wrenfield, said.\n\n"
            "His death came days after Miriam T. Calloway met Pavel A. Dragunov in Port Halden.\n\n"
            "Born in Kestrelby, Wrenfield joined the foreign service at 24. He liked to say he had learned Ostravian "
            "from taxi drivers.\n\nHis team and an Ostravian team led by Grigor Maslenko signed an accord in 2009.\n\n"
            "\"Negotiation is mostly sitting,\" he once said.")
    assert speakers(text)[-1] == ("Negotiation is mostly sitting,", "Tobias E. Wrenfield")


def test_a_pronoun_inside_a_quotation_says_nothing_of_the_speakers_gender():
    text = ("Hotline\n\nRear Admiral Piet Halvorsen and Colonel Yuri Korsak met on Friday.\n\n"
            "Harbourmaster Greta Olund said she had heard promises before.\n\n"
            "Halvorsen, told of her remark, smiled. \u201cShe is right to be sceptical,\u201d he said.")
    assert speakers(text)[-1] == ("She is right to be sceptical,", "Piet Halvorsen")


def test_a_long_apposition_is_read_up_to_its_relative_clause():
    text = ("Inside the room\n\nDragunov brought Oskar Vantreel, Ostravia's deputy trade minister and a veteran "
            "negotiator who had sat through four earlier rounds with Norland, to the table.\n\n"
            "Vantreel, 67, tells it differently. \u201cI said one sentence,\u201d the veteran negotiator said.")
    assert speakers(text) == [("I said one sentence,", "Oskar Vantreel")]
    assert {"negotiator", "minister"} <= person_descriptors(text)["Oskar Vantreel"]


def test_a_team_led_by_someone_gives_them_its_side():
    text = ("Accord recalled\n\nIn 2009 the Norlandic delegation and an Ostravian team led by Fedor Rusk signed an "
            "accord at Saltmere, after Ostravia's Pavel A. Dragunov had left the service.\n\n"
            "Rusk said by telephone that he had lost a friend.\n\n"
            "\u201cHe never raised his voice,\u201d the former Ostravian negotiator said.")
    assert speakers(text)[-1] == ("He never raised his voice,", "Fedor Rusk")


def test_a_plural_role_description_is_not_one_person():
    text = ("Campaign notes\n\nSenator Ilse Marrow spoke in Esterby on Monday.\n\n"
            "Her aides said the speech had been rewritten twice.")
    assert speakers(text) == [("the speech had been rewritten twice", "Her aides")]


def test_a_role_nobody_carries_is_the_person_just_named_not_a_later_one_of_its_class():
    text = ("Report\n\nDr. Nadia Okafor of the Halden Institute writes that the channel is fragile. "
            "\u201cA channel is a tool,\u201d Okafor said. \u201cYou have to use it.\u201d\n\n"
            "The analyst suggested that the deputies should begin with data.\n\n"
            "Emil Varga, a professor at Esterby University who took part in the last round, is sceptical.")
    assert speakers(text)[3] == ("the deputies should begin with data", "Nadia Okafor")


def test_spokesman_does_not_say_the_spokesperson_is_a_man():
    text = ("Group formed\n\nThe group includes Pastor Tiber Quill, a Kovask minister whose plan collapsed.\n\n"
            "Granite House spokesman Hale Ardwyn confirmed it was independent. "
            "\u201cThey are not affiliated with us,\u201d she said.")
    assert speakers(text)[-1] == ("They are not affiliated with us,", "Hale Ardwyn")


def test_a_standfirst_description_is_the_person_the_headline_and_then_the_body_name_first():
    text = ("\u201cWe kept the table\u201d: Laura Varen on hosting the talks\n\n"
            "Valmora's trade minister says the talks proved her country can be trusted.\n\n"
            "PORT HALDEN \u2014 The seating plan is still on Laura Varen's desk.\n\n"
            "Three weeks after Miriam T. Calloway met Pavel A. Dragunov there, Varen is still taking calls.")
    assert speakers(text) == [("the talks proved her country can be trusted", "Laura Varen")]


def test_a_name_with_initials_written_together_is_a_person():
    text = ("Watchers\n\n\u201cThe movement was looking for a cause,\u201d said J.M. Varga, who studies militias. "
            "Varga said the group would split.")
    assert [(speaker, q.speaker_type) for (_, speaker), q in zip(speakers(text), extract_quotes(text))] == [
        ("J.M. Varga", "person"), ("J.M. Varga", "person")]


def test_she_after_an_unnamed_source_is_that_source_when_nobody_is_named_since():
    text = ("The drafters\n\nMiriam T. Calloway left at six. The afternoon belonged to the drafters. One of the "
            "interpreters, who spoke on condition of anonymity, said the text went through eleven drafts. "
            "She said the team had argued for an hour over a comma.")
    assert speakers(text)[-1] == ("the team had argued for an hour over a comma", "One of the interpreters")


def test_the_answer_after_a_reporters_question_is_not_the_reporters():
    text = ("Briefing\n\nMiriam T. Calloway took questions. A reporter asked whether she trusted Dragunov. "
            "\u201cTrust is not the word I would use,\u201d she said.")
    assert speakers(text)[-1] == ("Trust is not the word I would use,", "Miriam T. Calloway")


def test_the_official_is_the_one_introduced_last_even_without_a_quote_of_their_own():
    text = ("Working group\n\nA Norlandic defence official said the navy had named two officers.\n\n"
            "Dr. Nadia Okafor of the Halden Institute said the group risked irrelevance.\n\n"
            "A second Norlandic official, more senior than the first, was blunter. "
            "\u201cIf there is no chair by May, there is no group,\u201d the official said.")
    assert speakers(text)[-1] == ("If there is no chair by May, there is no group,", "A second Norlandic official")


def test_a_description_is_not_the_person_its_apposition_names_after_a_preposition():
    text = "Port reopens\n\nThe mayor, a longtime rival of Ivo Marek, said the port was open."
    assert speakers(text) == [("the port was open", "The mayor")]


def test_the_nationality_noun_is_the_one_person_just_named_when_no_side_was_given():
    text = ("The longest afternoon\n\nBy ten the table was in place, and Miriam T. Calloway was sitting at it. "
            "Across from her, Pavel A. Dragunov was not reading anything at all. "
            "\u201cI had read everything on the aeroplane,\u201d the Ostravian said later.")
    assert speakers(text) == [("I had read everything on the aeroplane,", "Pavel A. Dragunov")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Talks end\n\nPORT HALDEN \u2014 Norland's national security adviser and Ostravia's top security "
                 "official said on Friday that they had made progress. Miriam T. Calloway, Norland's national security "
                 "adviser, met Pavel A. Dragunov, Ostravia's top security official, for five hours.",
                 "Miriam T. Calloway and Pavel A. Dragunov", id="two-coordinated-descriptions"),
    pytest.param("Consultations held\n\nPavel A. Dragunov met Miriam T. Calloway in Port Halden. "
                 "The parties stated that contacts between experts would continue.",
                 "Pavel A. Dragunov and Miriam T. Calloway", id="the-parties"),
    pytest.param("Statement\n\nNorland's foreign minister, Helena Voss, has issued a statement in Esterby. "
                 "It says the government will study the outcome.", "Helena Voss", id="it-says-after-a-statement"),
    pytest.param("Line stalls\n\nOstravia's Foreign Ministry rejected that account on Friday. "
                 "The ministry's statement said Norland had attached new conditions.",
                 "Ostravia's Foreign Ministry", id="the-ministrys-statement"),
])
def test_groups_and_the_issuers_of_statements(text, expected):
    assert speakers(text)[-1][1] == expected


def test_a_name_takes_no_modifiers_from_the_paragraph_before_nor_counts_the_byline_writer():
    text = ("The general who came with a list\n\nBy Rosalind Fenwick\n\n"
            "Pavel A. Dragunov has never pretended to enjoy foreign travel. \u201cI go where I am sent,\u201d "
            "the secretary of Ostravia\u2019s Security Council told an interviewer in 2021.")
    assert speakers(text) == [("I go where I am sent,", "Pavel A. Dragunov")]
    assert person_descriptors("Profile\n\nPavel A. Dragunov has never pretended to enjoy travel.")[
        "Pavel A. Dragunov"] == set()


def test_one_of_them_and_that_person_are_one_of_the_unnamed_group_that_spoke():
    text = ("Narrow deal\n\nTwo people familiar with the talks said the opening hour was tense. One of them said "
            "Dragunov read from notes for forty minutes. \u201cShe let him finish,\u201d that person said.")
    assert [speaker for _, speaker in speakers(text)] == [
        "Two people familiar with the talks"] + ["one of two people familiar with the talks"] * 2


def test_a_possessive_role_in_an_interview_lead_is_the_person_just_named():
    text = ("Calloway: 'I did not go to be liked'\n\nESTERBY \u2014 Miriam T. Calloway says she came out with a "
            "telephone line.\n\nIn her first interview since returning, Norland's national security adviser told "
            "Northern Broadcast that the agreement was overdue.")
    assert speakers(text)[-1] == ("the agreement was overdue", "Miriam T. Calloway")


def test_former_before_a_title_and_name_is_still_the_named_person():
    text = ("Reactions\n\nFormer Governor Jim Doyle spoke in Esterby. \u201cThe talks were a start,\u201d "
            "said former Wisconsin Gov. Jim Doyle.")
    assert speakers(text)[-1] == ("The talks were a start,", "Jim Doyle")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Charlotte\n\n\u201cThe city will not go back to normal,\u201d said the Rev. Peter Wherry.",
                 ("Peter Wherry", "person"), id="the-rev"),
    pytest.param("Polls\n\n\u201cElections are a choice,\u201d said political scientist Christopher Wlezien.",
                 ("Christopher Wlezien", "person"), id="role-then-name"),
    pytest.param("Reactions\n\n\u201cThe talks were a start,\u201d said former Wisconsin Gov. Jim Doyle of Esterby.",
                 ("Jim Doyle", "person"), id="former-title-name-of-place"),
    pytest.param("Board\n\nThe National Labor Relations Board said the hotel had broken the rules.",
                 ("National Labor Relations Board", "organisation"), id="an-organisation-stays-one"),
])
def test_lower_case_words_before_a_name_describe_the_named_person(text, expected):
    quote = extract_quotes(text, language="en")[-1]
    assert (quote.speaker, quote.speaker_type) == expected


def test_told_according_to_a_source_that_and_a_pronoun_after_it():
    text = ("Near miss\n\nHelena Voss telephoned Sergei Tallin, Ostravia's deputy foreign minister. She told him, "
            "according to a Norlandic diplomat briefed on the call, that Esterby would postpone the meeting.\n\n"
            "He replied that the exercise could not be cancelled, the diplomat said.")
    assert [(q.quote, q.speaker, q.via) for q in extract_quotes(text, language="en")] == [
        ("Esterby would postpone the meeting", "Helena Voss", "Norlandic diplomat briefed on the call"),
        ("the exercise could not be cancelled", "Sergei Tallin", "the diplomat")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Ivo Marek denied the report. A senior Ostravian official, however, did not rule it out. Speaking on "
                 "condition of anonymity, he said the subject had come up.",
                 [("the subject had come up", "A senior Ostravian official")], id="unnamed-subject-then-he"),
    pytest.param("Tomas Brandt left early. Later, a member of the Valmoran delegation sat down beside me. He told me "
                 "that the hotel was full.",
                 [("the hotel was full", "a member of the Valmoran delegation")], id="unnamed-member-of-a-group"),
    pytest.param("Tomas Brandt left early. A Valmoran spokesman, Erik Sollen, came in late. He said the hotel was full.",
                 [("the hotel was full", "Erik Sollen")], id="the-name-in-apposition-wins"),
    pytest.param("Tomas Brandt left early. A president who signed the first treaty would hardly agree. He said the "
                 "hotel was full.",
                 [("the hotel was full", "Tomas Brandt")], id="not-a-source-description"),
])
def test_a_pronoun_after_an_unnamed_subject_is_that_person(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Helena Voss flew home. Voss's own statement, which Ivo Marek read out, said the door stayed open.",
                 [("the door stayed open", "Helena Voss")], id="own-statement"),
    pytest.param('Marek was asked about the Kovask Herald\'s account of the dinner, published on Sunday, which '
                 'described Voss as "tired".',
                 [("tired", "Kovask Herald")], id="which-after-a-participle-and-a-weekday"),
    pytest.param("Marek spoke on Monday. The Kovask Herald's account said the talks had failed.",
                 [("the talks had failed", "Kovask Herald")], id="possessive-account"),
])
def test_an_account_or_statement_speaks_for_its_author(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The Kovask Herald's report said the talks had failed.",
                 [("the talks had failed", "Kovask Herald")], id="possessive-report"),
    pytest.param("The Herald report said the talks had failed.",
                 [("the talks had failed", "Herald")], id="name-before-report"),
])
def test_a_report_named_by_its_outlet_speaks_for_it(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The ferry will run again, according to two harbour officials who asked not to be named. "
                 "The repairs took a week, the officials said. The mayor was not told, they said.",
                 [("The ferry will run again", "two harbour officials"),
                  ("The repairs took a week", "two harbour officials"),
                  ("The mayor was not told", "two harbour officials")], id="they-after-unnamed-officials"),
    pytest.param("Tomas Brandt left early. One of the two Valmoran officials said Brandt had briefed Erik Sollen. "
                 'He described the mood as "calm".',
                 [("Brandt had briefed Erik Sollen", "One of the two Valmoran officials"),
                  ("calm", "One of the two Valmoran officials")], id="one-of-the-two-then-he"),
    pytest.param("The ferry will run again, according to two Valmoran officials. Tomas Brandt and Erik Sollen met "
                 'on Monday. Both officials said no date was set. "Nothing is signed," one of them said.',
                 [("The ferry will run again", "two Valmoran officials"),
                  ("no date was set", "two Valmoran officials"),
                  ("Nothing is signed,", "one of two Valmoran officials")], id="both-officials-are-the-unnamed-pair"),
])
def test_unnamed_groups_and_their_members(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Ivo Marek left. A senior Valmoran official did not deny it. Speaking on condition of anonymity, he "
                 "said the ferry was late. He said Marek had not been told.",
                 [("the ferry was late", "A senior Valmoran official"),
                  ("Marek had not been told", "A senior Valmoran official")], id="he-said-twice-after-an-unnamed-subject"),
    pytest.param("A senior Valmoran official spoke to us. The Valmoran official, who has worked with Lena Aurich's "
                 "predecessor, Tomas Brandt, said the villa was ready.",
                 [("the villa was ready", "A senior Valmoran official")], id="a-name-inside-the-relative-clause"),
])
def test_an_unnamed_source_keeps_its_pronouns_and_its_relative_clause(text, expected):
    assert speakers(text) == expected


def test_a_military_command_is_an_organisation_not_a_person():
    text = ("Half of the troops are posted abroad, according to the Valmoran Coastal Defence Command. "
            "The figure was not disputed.")
    assert speakers(text) == [("Half of the troops are posted abroad", "Valmoran Coastal Defence Command")]


def test_the_rest_of_an_organisations_name_is_no_person():
    text = ("Nadia Okafor of the Halden Institute for Strategic Studies, who advised the delegation, spoke first. "
            "Tomas Brandt, 52, spoke last.")
    assert "Strategic Studies" not in person_descriptors(text)
    assert {"Nadia Okafor", "Tomas Brandt"} <= set(person_descriptors(text))


def test_a_title_chain_before_a_name_still_names_the_person():
    text = "It was stated by the Secretary of the Security Council of Ostravia Pavel Dragunov that talks would go on."
    assert "Pavel Dragunov" in person_descriptors(text)


def test_he_after_a_definite_description_of_an_unnamed_source():
    text = ("A senior Valmoran official described the day. Nadia Okafor of the Halden Institute for Strategic Studies "
            'was doubtful. The senior Valmoran official was more hopeful. "Something moved," he said.')
    assert speakers(text)[-1] == ("Something moved,", "A senior Valmoran official")


def test_who_a_question_is_about_does_not_answer_it():
    text = ('Ivo Marek spoke after the dinner. Asked whether Tomas Brandt would visit Kovask this year, he said '
            'it was "too early".')
    assert speakers(text) == [('it was "too early"', "Ivo Marek")]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Talks went on. The press secretary of the President of Ostravia Ivo Marek informed journalists "
                 "that the head of state was satisfied.",
                 [("the head of state was satisfied", "Ivo Marek")], id="press-secretary-of-the-president-of-X-name"),
    pytest.param("Talks went on. The Minister of Foreign Affairs of Valmora Lena Aurich said the villa was ready.",
                 [("the villa was ready", "Lena Aurich")], id="minister-of-X-of-Y-name"),
])
def test_a_translated_title_chain_ends_with_the_persons_name(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Tomas Brandt and Erik Sollen spoke. Varnholt and Kovask did agree on one thing. Both said the "
                 "ferries would run.", [("the ferries would run", "Varnholt and Kovask")], id="two-capitals-then-both"),
    pytest.param("Tomas Brandt and Erik Sollen met. Brandt and Sollen talked for hours. Both said the ferries would "
                 "run.", [("the ferries would run", "Tomas Brandt and Erik Sollen")], id="two-people-then-both"),
])
def test_both_after_two_capitals_named_together(text, expected):
    assert speakers(text) == expected


def test_a_group_named_against_someone_is_no_person():
    text = "Now the Coalition Against Brandt is applying for permits. Mayor Brandt said the marches would be peaceful."
    assert speakers(text) == [("the marches would be peaceful", "Brandt")]


def test_a_share_of_a_poll_is_a_share_of_the_group_not_an_earlier_share():
    text = ("In the Harbour Poll, 28 percent of voters said they trusted Voss. "
            "Twenty-four percent said she did nothing wrong.")
    assert speakers(text) == [("they trusted Voss", "28 percent of voters"),
                              ("she did nothing wrong", "Twenty-four percent of voters")]


def test_a_share_with_no_group_named_before_keeps_its_words():
    assert speakers("Twenty-four percent said she did nothing wrong.") == [
        ("she did nothing wrong", "Twenty-four percent")]


def test_a_retired_envoy_with_a_contact_clause_is_the_he_that_follows():
    text = ('A retired Norlandic envoy I spoke to this week called the new line "a very dear telephone." '
            "He meant it as a compliment, he insisted.")
    assert speakers(text)[1] == ("He meant it as a compliment", "A retired Norlandic envoy")


def test_both_sides_at_a_place_are_the_two_principals():
    text = ("Ansel Roke, Norland's envoy, met Pavel Brandt, Ostravia's envoy, in Halden. "
            "Both sides at Halden have said the talks produced progress, though neither has said on what.")
    assert speakers(text) == [("the talks produced progress", "Ansel Roke and Pavel Brandt")]
