"""Tests for toolkit.analysis, on hand-made frames from the fictional world (docs/fixture-world.md)."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import analysis as A
from toolkit.schema import QUOTE_COLUMNS, ColumnError


def make_quotes(rows: list[dict]) -> pd.DataFrame:
    """A QUOTE_COLUMNS frame from partial rows (the rest missing)."""
    full = [{c: r.get(c) for c in QUOTE_COLUMNS} for r in rows]
    return pd.DataFrame(full, columns=list(QUOTE_COLUMNS))


ARTICLES = pd.DataFrame({
    "doc_id": ["ledger-1", "herald-1", "wire-1", "lantern-1", "harbor-1"],
    "outlet": ["The Esterby Ledger", "Kovask Herald", "Meridian Wire", "Daily Lantern", "Harbor Times"],
    "wire": [None, None, "Meridian Wire", "Meridian Wire", None],
    "date": pd.to_datetime(["2025-03-13", "2025-03-14", "2025-03-14", "2025-03-15", "2025-03-17"]),
    "title": ["Calloway heads to Port Halden", "Dragunov: no illusions", "Talks end in Port Halden",
              "Talks end in Port Halden", "After Port Halden"],
    "text": ["..."] * 5,
})

QUOTES = make_quotes([
    {"doc_id": "ledger-1", "speaker": "Miriam T. Calloway", "speaker_type": "person", "cue": "said",
     "quote": "We are going with a clear agenda", "kind": "direct"},
    {"doc_id": "ledger-1", "speaker": "Calloway", "speaker_type": "person", "cue": "insisted",
     "quote": "the channel must reopen", "kind": "indirect"},
    {"doc_id": "herald-1", "speaker": "Pavel Dragunov", "speaker_type": "person", "cue": "told",
     "quote": "Kovask comes without illusions", "kind": "direct"},
    {"doc_id": "herald-1", "speaker": "Miriam Calloway", "speaker_type": "person", "cue": "claimed",
     "quote": "Esterby wants a grand bargain", "kind": "indirect"},
    {"doc_id": "wire-1", "speaker": "Pavel A. Dragunov", "speaker_type": "person", "cue": "said",
     "quote": "The military channels will resume work within a month", "kind": "direct"},
    {"doc_id": "lantern-1", "speaker": "Dragunov", "speaker_type": "person", "cue": "says",
     "quote": "The military channels will resume work within a month", "kind": "direct"},
    {"doc_id": "harbor-1", "speaker": "Dr. Nadia Okafor", "speaker_type": "person", "cue": "according to",
     "quote": "the moratorium is a start, not a finish", "kind": "indirect"},
    {"doc_id": "harbor-1", "speaker": "Ostra-Press", "speaker_type": "organisation", "cue": "reported",
     "quote": "the delegation returned to Kovask", "kind": "indirect"},
    {"doc_id": "harbor-1", "speaker": None, "speaker_type": None, "cue": None,
     "quote": "a start", "kind": "direct"},
])


# --------------------------------------------------------------------------- data files
def test_data_files_load():
    topics = A.load_topics()
    for topic in ("arms control", "Syria and Iran", "election interference", "Ukraine", "terrorism",
                  "cyber", "North Korea", "sanctions"):
        assert topics[topic], topic
    stop = A.load_stopwords()
    assert {"the", "and", "of"} <= stop and "security" not in stop
    assert A.load_aliases()["nikolay patrushev"] == "Nikolai Patrushev"


def test_load_topics_rejects_bad_yaml(tmp_path):
    bad = tmp_path / "topics.yaml"
    bad.write_text("- just\n- a list\n")
    with pytest.raises(ValueError, match="mapping of topic name"):
        A.load_topics(bad)


# --------------------------------------------------------------------------- speakers
@pytest.mark.parametrize("names, expected", [
    (["Miriam T. Calloway", "Calloway", "Miriam Calloway", "M. Calloway"], ["Miriam T. Calloway"] * 4),
    (["Dr. Nadia Okafor", "Okafor", "Nadia Okafor"], ["Nadia Okafor"] * 3),
    (["Senator Ruth Delacroix", "Delacroix"], ["Ruth Delacroix"] * 2),
    (["Pavel A. Dragunov", "Pavel Dragunov", "P. A. Dragunov"], ["Pavel A. Dragunov"] * 3),
    # Different first names are different people.
    (["Helena Voss", "Marta Voss"], ["Helena Voss", "Marta Voss"]),
    # A group or an unnamed speaker is not a person and is never merged.
    (["Calloway and Dragunov", "Dragunov"], ["Calloway and Dragunov", "Dragunov"]),
    (["a senior Ostravian official", "Ostravian official"], ["a senior Ostravian official", "Ostravian official"]),
    # Transliteration variants of a first name merge.
    (["Nikolai Orlov", "Nikolay Orlov"], ["Nikolai Orlov"] * 2),
])
def test_merge_speakers_by_last_name(names, expected):
    quotes = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(names))], "speaker": names})
    assert A.merge_speakers(quotes, aliases={})["speaker_id"].tolist() == expected


def test_bare_last_name_goes_to_the_person_in_the_same_article():
    quotes = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "b", "c"],
                           "speaker": ["Helena Voss", "Voss", "Marta Voss", "Marta Voss", "Voss", "Voss"]})
    ids = A.merge_speakers(quotes, aliases={})["speaker_id"].tolist()
    # In a and b the article decides; in c the more quoted Marta Voss wins.
    assert ids == ["Helena Voss", "Helena Voss", "Marta Voss", "Marta Voss", "Marta Voss", "Marta Voss"]


def test_alias_table_overrides_and_organisations_stay():
    quotes = pd.DataFrame({"doc_id": ["a", "b", "c", "d"],
                           "speaker": ["the Citadel", "Ivo Marek", "Ostra-Press", None],
                           "speaker_type": ["organisation", "person", "organisation", None]})
    out = A.merge_speakers(quotes, aliases={"The Citadel": "Citadel press office"})
    assert out["speaker_id"].tolist() == ["Citadel press office", "Ivo Marek", "Ostra-Press", None]


def test_alias_csv_path(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,speaker\nIvo M.,Ivo Marek\n")
    quotes = pd.DataFrame({"doc_id": ["a"], "speaker": ["Ivo M."]})
    assert A.merge_speakers(quotes, aliases=path)["speaker_id"].tolist() == ["Ivo Marek"]


def test_merge_speakers_does_not_mutate_and_keeps_rows():
    before = QUOTES.copy(deep=True)
    out = A.merge_speakers(QUOTES)
    pd.testing.assert_frame_equal(QUOTES, before)
    assert len(out) == len(QUOTES) and list(out.index) == list(QUOTES.index)
    assert list(out.columns) == [*QUOTES.columns, "speaker_id"]


def test_missing_column_is_named():
    with pytest.raises(ColumnError, match="missing column.*'speaker'"):
        A.merge_speakers(pd.DataFrame({"doc_id": ["a"]}))


# --------------------------------------------------------------------------- share of voice
def test_share_of_voice_per_speaker():
    sov = A.share_of_voice(QUOTES, ARTICLES, by="speaker_id")
    table = sov.set_index("speaker_id")
    assert table.loc["Miriam T. Calloway", "quotes"] == 3
    assert table.loc["Pavel A. Dragunov", "quotes"] == 3
    assert table.loc["Pavel A. Dragunov", "articles"] == 3
    assert table.loc["Nadia Okafor", "words"] == 8
    assert "(unattributed)" not in table.index
    assert sov["quote_share"].sum() == pytest.approx(1.0)
    assert sov["word_share"].sum() == pytest.approx(1.0)
    assert list(sov.columns) == ["speaker_id", "quotes", "words", "speakers", "articles",
                                 "quote_share", "word_share"]


def test_share_of_voice_per_outlet_counts_distinct_speakers():
    sov = A.share_of_voice(QUOTES, ARTICLES, by="outlet").set_index("outlet")
    assert sov.loc["Kovask Herald", "speakers"] == 2
    assert sov.loc["Harbor Times", "speakers"] == 2  # Okafor and Ostra-Press; the unattributed quote is left out


def test_share_of_voice_nested_shares_sum_to_one_per_outlet():
    sov = A.share_of_voice(QUOTES, ARTICLES, by=("outlet", "speaker_id"))
    sums = sov.groupby("outlet")["quote_share"].sum()
    assert sums.to_numpy() == pytest.approx([1.0] * len(sums))


def test_share_of_voice_unattributed_on_request():
    sov = A.share_of_voice(QUOTES, by="speaker_id", include_unattributed=True)
    assert "(unattributed)" in set(sov["speaker_id"])
    assert sov["quotes"].sum() == len(QUOTES)


@pytest.mark.parametrize("source", ["duplicate_of", "duplicates", "wire"])
def test_wire_story_once_or_per_outlet(source):
    articles, duplicates = ARTICLES, None
    if source == "duplicate_of":
        articles = ARTICLES.assign(duplicate_of=[None, None, None, "wire-1", None])
    elif source == "duplicates":
        duplicates = pd.DataFrame({"doc_id": ["lantern-1"], "duplicate_of": ["wire-1"], "similarity": [0.93]})
    else:  # same wire, date differs: not the same story ...
        articles = ARTICLES.assign(date=ARTICLES["date"].where(ARTICLES["doc_id"] != "lantern-1",
                                                               pd.Timestamp("2025-03-14")))
    per_outlet = A.share_of_voice(QUOTES, articles, by="speaker_id").set_index("speaker_id")
    once = A.share_of_voice(QUOTES, articles, by="speaker_id", wire="once",
                            duplicates=duplicates).set_index("speaker_id")
    assert per_outlet.loc["Pavel A. Dragunov", "quotes"] == 3
    assert once.loc["Pavel A. Dragunov", "quotes"] == 2
    assert once.loc["Miriam T. Calloway", "quotes"] == 3


def test_share_of_voice_errors():
    with pytest.raises(ValueError, match="wire must be"):
        A.share_of_voice(QUOTES, ARTICLES, wire="twice")
    with pytest.raises(ValueError, match="needs the articles"):
        A.share_of_voice(QUOTES, by="speaker_id", wire="once")
    with pytest.raises(ColumnError, match="'outlet'"):
        A.share_of_voice(QUOTES, by="outlet")  # no articles to take the outlet from


def test_share_of_voice_empty_quotes():
    empty = make_quotes([])
    sov = A.share_of_voice(empty, ARTICLES)
    assert sov.empty and list(sov.columns)[:2] == ["outlet", "speaker_id"]


speaker_names = st.sampled_from(["Miriam T. Calloway", "Calloway", "Pavel Dragunov", "Dragunov",
                                 "Ostra-Press", "Helena Voss", None])


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(ARTICLES["doc_id"])), speaker_names,
                          st.text(alphabet="abc de", max_size=30)), max_size=25))
def test_share_of_voice_invariants(rows):
    quotes = make_quotes([{"doc_id": d, "speaker": s, "quote": q} for d, s, q in rows])
    before = quotes.copy(deep=True)
    sov = A.share_of_voice(quotes, ARTICLES, by=("outlet", "speaker_id"))
    pd.testing.assert_frame_equal(quotes, before)  # input never mutated
    assert sov["quotes"].sum() == sum(s is not None for _, s, _ in rows)
    pd.testing.assert_frame_equal(sov, A.share_of_voice(quotes, ARTICLES, by=("outlet", "speaker_id")))


# --------------------------------------------------------------------------- over time
def test_coverage_over_time_phases_and_zero_days():
    timeline = A.coverage_over_time(ARTICLES, QUOTES, event_date="2025-03-14")
    assert timeline["date"].dt.strftime("%m-%d").tolist() == ["03-13", "03-14", "03-15", "03-16", "03-17"]
    assert timeline["articles"].tolist() == [1, 2, 1, 0, 1]
    assert timeline["quotes"].tolist() == [2, 3, 1, 0, 3]
    assert timeline["phase"].tolist() == ["before", "during", "after", "after", "after"]
    assert timeline["days_from_event"].tolist() == [-1, 0, 1, 2, 3]


def test_coverage_over_time_event_span_by_outlet_and_default_date():
    timeline = A.coverage_over_time(ARTICLES, event_date="2025-03-14", event_end="2025-03-15", by="outlet")
    assert set(timeline.loc[timeline["phase"] == "during", "date"].dt.day) == {14, 15}
    assert len(timeline) == 5 * ARTICLES["outlet"].nunique()
    assert timeline["quotes"].eq(0).all()
    default = A.coverage_over_time(ARTICLES)
    assert set(default["phase"]) == {"after"}  # 2025 is long after 23 August 2018
    with pytest.raises(ValueError, match="before event_date"):
        A.coverage_over_time(ARTICLES, event_date="2025-03-14", event_end="2025-03-01")


def test_coverage_over_time_weekly_and_undated():
    articles = ARTICLES.assign(date=ARTICLES["date"].where(ARTICLES["doc_id"] != "harbor-1"))
    weekly = A.coverage_over_time(articles, event_date="2025-03-14", freq="W")
    assert weekly["articles"].sum() == 4
    assert weekly["phase"].tolist() == ["during"]


# --------------------------------------------------------------------------- cues
@pytest.mark.parametrize("cue, lemma, kind", [
    ("said", "say", "neutral"), ("says", "say", "neutral"), ("saying", "say", "neutral"),
    ("told", "tell", "neutral"), ("Tells", "tell", "neutral"), ("according to", "according to", "neutral"),
    ("was cited as saying", "cite", "neutral"), ("added", "add", "neutral"), ("noted", "note", "neutral"),
    ("claimed", "claim", "loaded"), ("insists", "insist", "loaded"), ("admitted", "admit", "loaded"),
    ("conceded", "concede", "loaded"), ("denies", "deny", "loaded"), ("warned", "warn", "loaded"),
    ("argued", "argue", "loaded"), ("boasting", "boast", "loaded"),
    ("recalled", "recall", "other"), (None, None, "none"), ("", None, "none"),
])
def test_cue_lemmas_and_classes(cue, lemma, kind):
    assert A.lemmatize_cue(cue) == lemma
    assert A.cue_class(A.lemmatize_cue(cue)) == kind


def test_cue_lists_are_disjoint_frozensets():
    assert isinstance(A.NEUTRAL_CUES, frozenset) and isinstance(A.LOADED_CUES, frozenset)
    assert not A.NEUTRAL_CUES & A.LOADED_CUES


def test_cue_profile_per_outlet_and_speaker():
    profile = A.cue_profile(QUOTES, ARTICLES)
    herald = profile[profile["outlet"] == "Kovask Herald"].set_index("speaker_id")
    assert herald.loc["Miriam T. Calloway", "cue"] == "claim"
    assert herald.loc["Miriam T. Calloway", "cue_class"] == "loaded"
    assert herald.loc["Pavel A. Dragunov", "cue"] == "tell"
    ledger = profile[(profile["outlet"] == "The Esterby Ledger")]
    assert ledger["share"].sum() == pytest.approx(1.0)
    assert set(ledger["cue"]) == {"say", "insist"}


# --------------------------------------------------------------------------- topics
@pytest.mark.parametrize("text, topics", [
    ("They discussed Syria and the role of Iran.", {"Syria and Iran"}),
    ("Iranian forces must leave Syrian territory.", {"Syria and Iran"}),
    ("New sanctions were imposed and diplomats expelled.", {"sanctions"}),
    ("He warned against meddling in the midterm elections.", {"election interference"}),
    ("Arms control and NON-PROLIFERATION were raised.", {"arms control"}),
    ("The fight against terrorism and cyberspace threats.", {"terrorism", "cyber"}),
    ("Pyongyang and the Korean peninsula came up.", {"North Korea"}),
    ("Crimea and eastern Ukraine were on the table.", {"Ukraine"}),
    ("The weather in Kovask was mild.", set()),
    ("A syringe is not a country.", set()),  # whole words only
])
def test_tag_topics(text, topics):
    tagged = A.tag_topics(pd.DataFrame({"text": [text]}))
    assert set(tagged["topic"]) == topics


def test_tag_topics_custom_dictionary_keeps_columns():
    frame = pd.DataFrame({"doc_id": ["a", "b"], "quote": ["The naval patrols end", "Moratorium on deployments"]},
                         index=[10, 20])
    tagged = A.tag_topics(frame, topics={"navy": ["naval patrol*"], "freeze": ["moratorium"]})
    assert tagged[["doc_id", "topic", "hits", "row"]].values.tolist() == [["a", "navy", 1, 10], ["b", "freeze", 1, 20]]
    assert tagged["keywords"].tolist() == ["naval patrols", "moratorium"]


def test_topic_table_who_spoke_about_what():
    quotes = make_quotes([
        {"doc_id": "a", "speaker": "Pavel Dragunov", "quote": "sanctions must go"},
        {"doc_id": "a", "speaker": "Dragunov", "quote": "and arms control matters, and sanctions"},
        {"doc_id": "b", "speaker": "Miriam Calloway", "quote": "we discussed Syria"},
    ])
    table = A.topic_table(quotes)
    assert table.values.tolist() == [
        ["Miriam Calloway", "Syria and Iran", 1, 1.0],
        ["Pavel Dragunov", "sanctions", 2, pytest.approx(2 / 3)],
        ["Pavel Dragunov", "arms control", 1, pytest.approx(1 / 3)],
    ]


# --------------------------------------------------------------------------- words
TEXT = ("Talks in Port Halden ended on Friday. The talks in Port Halden were long. "
        "Calloway said the talks were useful. Dragunov said channels will reopen.")


@pytest.fixture(scope="module")
def tokens():
    from toolkit.tokenize import tokens_frame

    articles = pd.DataFrame({"doc_id": ["ledger-1", "herald-1"], "text": [TEXT, "Port Halden hosted talks."]})
    return tokens_frame(articles), articles


def test_keywords_in_context(tokens):
    table, articles = tokens
    with_outlets = articles.merge(ARTICLES[["doc_id", "outlet", "date"]], on="doc_id")
    hits = A.keywords_in_context(table, "talks", width=30, articles=with_outlets)
    assert len(hits) == 4
    second = hits[hits["left"].str.endswith("The")].iloc[0]
    assert second["left"].endswith("ended on Friday. The") and second["right"].startswith("in Port Halden were long.")
    assert len(second["left"]) <= 30 and len(second["right"]) <= 30
    assert hits["keyword"].str.lower().eq("talks").all()
    texts = dict(zip(articles["doc_id"], articles["text"]))
    for doc_id, start, end in zip(hits["doc_id"], hits["start"], hits["end"]):
        assert texts[doc_id][start:end].lower() == "talks"
    assert "outlet" in hits.columns
    phrase = A.keywords_in_context(table, "Port Halden")
    assert len(phrase) == 3
    assert all(texts[d][s:e] == "Port Halden" for d, s, e in zip(phrase["doc_id"], phrase["start"], phrase["end"]))
    assert A.keywords_in_context(table, "moratorium").empty
    with pytest.raises(ValueError, match="non-empty"):
        A.keywords_in_context(table, "")


def test_collocations(tokens):
    table, _ = tokens
    pairs = A.collocations(table, min_count=2)
    assert ("port", "halden") == tuple(pairs.iloc[0][["w1", "w2"]])
    assert pairs.loc[0, "count"] == 3
    assert not pairs["w1"].isin(A.load_stopwords()).any()
    with pytest.raises(ValueError, match="unknown measure"):
        A.collocations(table, measure="magic")
    assert A.collocations(table.iloc[0:0]).empty


def test_keyness_log_odds_and_g2():
    words = pd.DataFrame({
        "outlet": ["Herald"] * 200 + ["Ledger"] * 200,
        "text": ["moratorium"] * 20 + ["talks"] * 20 + ["kovask"] * 160
                + ["patrols"] * 20 + ["talks"] * 20 + ["esterby"] * 160,
    })
    key = A.keyness(words, by="outlet", target="Herald", stopwords=())
    table = key.set_index("word")
    assert table.loc["moratorium", "z"] > 1.96 and table.loc["moratorium", "g2"] > 10.83
    assert table.loc["patrols", "z"] < -1.96 and table.loc["patrols", "g2"] < 0
    assert abs(table.loc["talks", "z"]) < 0.5 and table.loc["talks", "g2"] == pytest.approx(0)
    assert key["z"].is_monotonic_decreasing
    assert list(key.columns) == ["word", "target_count", "reference_count", "target_per_1k",
                                 "reference_per_1k", "log_odds", "z", "g2"]
    with pytest.raises(ValueError, match="no rows with outlet == 'Lantern'"):
        A.keyness(words, by="outlet", target="Lantern")


def test_keyness_of_speakers_from_quotes():
    quotes = A.merge_speakers(QUOTES)
    words = A.words_frame(quotes, keep=["speaker_id"])
    assert words.loc[0, "text"] == "We" and words.loc[0, "speaker_id"] == "Miriam T. Calloway"
    key = A.keyness(words, by="speaker_id", target="Pavel A. Dragunov", min_count=1)
    assert key.iloc[0]["word"] in {"channels", "military", "resume", "month"}


# --------------------------------------------------------------------------- reuse
def test_quote_reuse_matches_varied_wording_and_finds_the_first():
    quotes = make_quotes([
        {"doc_id": "herald-1", "speaker": "Pavel A. Dragunov",
         "quote": "The military channels will resume work within a month"},
        {"doc_id": "wire-1", "speaker": "Dragunov",
         "quote": "the military channels will resume their work within a month"},
        {"doc_id": "lantern-1", "speaker": "Dragunov",
         "quote": "The military channels will resume work within a month,"},
        {"doc_id": "ledger-1", "speaker": "Miriam T. Calloway", "quote": "We are not going with illusions"},
        {"doc_id": "harbor-1", "speaker": "Nadia Okafor", "quote": "a start"},
        {"doc_id": "harbor-1", "speaker": "Nadia Okafor", "quote": "Nothing about this resembles that statement"},
    ])
    reuse = A.quote_reuse(quotes, ARTICLES)
    assert set(reuse["doc_id"]) == {"herald-1", "wire-1", "lantern-1"}
    assert reuse["statement"].eq(0).all() and reuse["outlets"].eq(3).all()
    first = reuse[reuse["first"]]
    assert set(first["outlet"]) == {"Kovask Herald", "Meridian Wire"}  # both on 14 March
    summary = A.reuse_summary(reuse)
    assert summary.loc[0, "outlets"] == 3
    assert summary.loc[0, "speaker_id"] == "Pavel A. Dragunov"
    assert summary.loc[0, "first_date"] == pd.Timestamp("2025-03-14")
    assert summary.loc[0, "carried_by"].endswith("Daily Lantern")
    strict = A.quote_reuse(quotes, ARTICLES, min_outlets=4)
    assert strict.empty and list(strict.columns) == list(reuse.columns)


def test_quote_reuse_matches_a_shortened_quote():
    quotes = make_quotes([
        {"doc_id": "ledger-1", "quote": "Port Halden was a start, not a finish, and both sides know it well"},
        {"doc_id": "harbor-1", "quote": "Port Halden was a start, not a finish"},
    ])
    reuse = A.quote_reuse(quotes, ARTICLES)
    assert reuse["doc_id"].tolist() == ["ledger-1", "harbor-1"]
    assert reuse["first"].tolist() == [True, False]


def test_quote_reuse_same_article_is_not_reuse():
    quotes = make_quotes([{"doc_id": "ledger-1", "quote": "we will meet again in Port Halden"}] * 2)
    assert A.quote_reuse(quotes, ARTICLES).empty


def test_merge_speakers_copes_with_extractor_output():
    quotes = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "c", "d", "d", "e"],
        "speaker": ["Pavel A. Dragunov", "Dragunov", "A. Dragunov", "KOVASK", "Kovask", "Norland’s", "Norland's",
                    "senior Norlandic official."],
        "speaker_type": ["person", "organisation", "unnamed", "organisation", "organisation", "organisation",
                         "organisation", "unnamed"],
    })
    ids = A.merge_speakers(quotes, aliases={})["speaker_id"].tolist()
    assert ids == ["Pavel A. Dragunov"] * 3 + ["Kovask"] * 2 + ["Norland's"] * 2 + ["senior Norlandic official"]


def test_cue_balance_counts_loaded_verbs_per_group():
    balance = A.cue_balance(QUOTES, ARTICLES, by="speaker_id").set_index("speaker_id")
    calloway = balance.loc["Miriam T. Calloway"]
    assert (calloway["quotes"], calloway["neutral"], calloway["loaded"]) == (3, 1, 2)
    assert calloway["loaded_share"] == pytest.approx(2 / 3)
    assert balance.loc["Pavel A. Dragunov", "loaded_share"] == 0 and balance.loc["Pavel A. Dragunov", "top_cue"] == "say"
    assert balance.columns.name is None
    assert A.cue_balance(make_quotes([]), ARTICLES).empty


# --------------------------------------------------------------------------- missing values
def _gappy(missing):
    """ARTICLES/QUOTES with outlets, dates, titles and speakers missing (``None`` or NaN)."""
    articles = ARTICLES.assign(
        outlet=["The Esterby Ledger", missing, "Meridian Wire", missing, "Harbor Times"],
        date=ARTICLES["date"].where(ARTICLES["doc_id"] != "herald-1"),
        title=["Calloway heads to Port Halden", missing, missing, missing, "After Port Halden"],
    )
    quotes = QUOTES.assign(speaker=QUOTES["speaker"].where(QUOTES["doc_id"] != "lantern-1", missing),
                           cue=QUOTES["cue"].where(QUOTES["doc_id"] != "herald-1", missing))
    return articles, A.merge_speakers(quotes)


@pytest.mark.parametrize("missing", [None, float("nan")], ids=["None", "NaN"])
def test_helpers_accept_missing_outlets_dates_titles_and_speakers(missing):
    articles, quotes = _gappy(missing)
    assert quotes.loc[quotes["doc_id"] == "lantern-1", "speaker_id"].isna().all()

    sov = A.share_of_voice(quotes, articles, by=("outlet", "speaker_id"))
    # Quotes from articles without an outlet are a group of their own, not dropped.
    assert sov["quotes"].sum() == quotes["speaker_id"].notna().sum()
    assert sov["outlet"].isna().any()
    assert A.share_of_voice(quotes, articles, by="outlet", wire="once")["quotes"].sum() > 0

    timeline = A.coverage_over_time(articles, quotes, event_date="2025-03-14", by="outlet")
    assert timeline["articles"].sum() == articles["date"].notna().sum()  # the undated one is left out
    assert timeline["outlet"].isna().any()  # lantern-1 (dated, no outlet) is counted

    profile = A.cue_profile(quotes, articles)
    assert profile["quotes"].sum() == quotes["speaker_id"].notna().sum()
    balance = A.cue_balance(quotes, articles)
    assert balance["quotes"].sum() == profile["quotes"].sum()  # no group lost to a missing outlet
    missing_outlet = balance[balance["outlet"].isna()].set_index("speaker_id")
    assert missing_outlet.loc["Miriam T. Calloway", "none"] == 1  # herald-1's cue is missing
    assert missing_outlet.loc["Pavel A. Dragunov", "top_cue"] is None

    by_outlet = A.topic_table(quotes, articles, by="outlet", topics={"illusions": ["illusions"]})
    assert by_outlet["outlet"].isna().all() and by_outlet["rows"].tolist() == [1]

    reuse = A.quote_reuse(quotes, articles)
    summary = A.reuse_summary(reuse)
    assert summary.loc[0, "carried_by"] == "Meridian Wire; (no outlet)"  # wire-1, then lantern-1
    assert "nan" not in summary.to_string().lower().replace("nat", "")

    words = A.words_frame(quotes.assign(quote=quotes["quote"].where(quotes.index != 0, missing)),
                          keep=["doc_id"])
    key = A.keyness(words, by="outlet", target="Harbor Times", articles=articles, min_count=1)
    assert not key.empty and 0 not in set(words["row"])


def test_dedupe_wire_needs_a_date_and_a_title_to_call_two_articles_one_story():
    articles = pd.DataFrame({
        "doc_id": ["w1", "w2", "w3", "w4", "w5"],
        "wire": ["Meridian Wire"] * 5,
        "date": pd.to_datetime(["2025-03-14", "2025-03-14", None, None, "2025-03-15"]),
        "title": ["Talks end", "Talks end", "Talks end", "Talks end", float("nan")],
    })
    # w2 copies w1; w3 and w4 are undated (maybe different days), w5 has no title: all kept.
    assert A.dedupe_wire(articles)["doc_id"].tolist() == ["w1", "w3", "w4", "w5"]
