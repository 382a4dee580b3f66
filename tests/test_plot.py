"""Tests for toolkit.plot: every helper draws on the given Axes, labels it and copes with no data."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from toolkit import analysis as A  # noqa: E402
from toolkit import plot as P  # noqa: E402
from toolkit.schema import ColumnError  # noqa: E402

ARTICLES = pd.DataFrame({
    "doc_id": ["l1", "h1", "w1", "d1"],
    "outlet": ["The Esterby Ledger", "Kovask Herald", "Meridian Wire", "Daily Lantern"],
    "date": pd.to_datetime(["2025-03-13", "2025-03-14", "2025-03-14", "2025-03-16"]),
})
QUOTES = A.merge_speakers(pd.DataFrame({
    "doc_id": ["l1", "l1", "h1", "h1", "w1", "d1"],
    "speaker": ["Miriam T. Calloway", "Calloway", "Pavel Dragunov", "Ivo Marek", "Dragunov", "Dragunov"],
    "cue": ["said", "insisted", "told", "claimed", "said", "said"],
    "quote": ["We go with a clear agenda on arms control", "the channel must reopen",
              "Kovask comes without illusions about sanctions", "Esterby wants a grand bargain",
              "The military channels will resume work within a month",
              "The military channels will resume work within a month"],
}))


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def _labelled(ax, *, legend: bool = False):
    assert ax.get_title()
    assert ax.get_xlabel() and ax.get_ylabel()
    if legend:
        assert ax.get_legend() is not None and ax.get_legend().get_texts()


def _cases():
    tokens = A.words_frame(QUOTES, keep=["speaker_id", "doc_id"])
    return {
        "share_one": (P.plot_share_of_voice, A.share_of_voice(QUOTES, by="speaker_id"), {}, False),
        "share_two": (P.plot_share_of_voice, A.share_of_voice(QUOTES, ARTICLES), {}, True),
        "share_words": (P.plot_share_of_voice, A.share_of_voice(QUOTES, by="speaker_id"),
                        {"value": "word_share"}, False),
        "time": (P.plot_coverage_over_time, A.coverage_over_time(ARTICLES, QUOTES, event_date="2025-03-14"),
                 {}, True),
        "cues": (P.plot_cue_profile, A.cue_profile(QUOTES, ARTICLES), {}, True),
        "topics": (P.plot_topics, A.topic_table(QUOTES), {}, False),
        "keyness": (P.plot_keyness, A.keyness(tokens, by="speaker_id", target="Pavel Dragunov", min_count=1),
                    {"target": "Dragunov", "reference": "others"}, True),
        "collocations": (P.plot_collocations, A.collocations(tokens, min_count=1), {}, False),
        "reuse": (P.plot_quote_reuse, A.quote_reuse(QUOTES, ARTICLES), {}, True),
    }


CASES = _cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_plot_draws_on_given_axes_and_labels_it(name):
    function, frame, options, legend = CASES[name]
    fig, ax = plt.subplots()
    before = frame.copy(deep=True)
    returned = function(frame, ax=ax, **options)
    assert returned is ax
    _labelled(ax, legend=legend)
    pd.testing.assert_frame_equal(frame, before)
    fig.canvas.draw()  # renders without error


@pytest.mark.parametrize("name", sorted(CASES))
def test_plot_makes_its_own_figure_and_handles_no_data(name):
    function, frame, options, _ = CASES[name]
    ax = function(frame, **options)
    assert ax.figure is not None and ax.get_title()
    empty = function(frame.iloc[0:0], **options)
    assert "no data" in [t.get_text() for t in empty.texts]
    empty.figure.canvas.draw()


def test_share_of_voice_stacked_legend_names_speakers():
    ax = P.plot_share_of_voice(A.share_of_voice(QUOTES, ARTICLES), top=2)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["Pavel Dragunov", "Miriam T. Calloway", "other"]
    assert ax.get_legend().get_title().get_text() == "speaker"


def test_plot_rejects_wrong_frame():
    with pytest.raises(ColumnError, match="share of voice frame is missing"):
        P.plot_share_of_voice(pd.DataFrame({"speaker_id": ["A"]}))


def test_speaker_colors_are_stable():
    first = P.speaker_colors(["A", "B", "A", "C"])
    assert list(first) == ["A", "B", "C"]
    assert first == P.speaker_colors(["A", "B", "C"])
    assert len(set(P.speaker_colors([f"s{i}" for i in range(30)]).values())) == 30


def _gappy_cases(missing):
    """Every helper on frames where outlets, dates, titles and speakers are missing."""
    articles = ARTICLES.assign(outlet=["The Esterby Ledger", missing, "Meridian Wire", missing],
                               title=["Calloway heads to Port Halden", missing, missing, missing],
                               date=ARTICLES["date"].where(ARTICLES["doc_id"] != "h1"))
    quotes = QUOTES.assign(speaker_id=QUOTES["speaker_id"].where(QUOTES["doc_id"] != "w1", missing))
    tokens = A.words_frame(quotes, keep=["speaker_id", "doc_id"])
    return {
        "share_two": (P.plot_share_of_voice, A.share_of_voice(quotes, articles)),
        "share_outlet": (P.plot_share_of_voice, A.share_of_voice(quotes, articles, by="outlet")),
        "share_unattributed": (P.plot_share_of_voice,
                               A.share_of_voice(quotes, by="speaker_id", include_unattributed=True)),
        "share_missing_speaker": (P.plot_share_of_voice, pd.DataFrame(
            {"speaker_id": ["Pavel Dragunov", missing], "quotes": [2, 1], "words": [9, 4]})),
        "time": (P.plot_coverage_over_time, A.coverage_over_time(articles, quotes, by="outlet")),
        "cues_outlet": (P.plot_cue_profile, A.cue_profile(quotes, articles, by="outlet")),
        "cues_two": (P.plot_cue_profile, A.cue_profile(quotes, articles)),
        "topics_outlet": (P.plot_topics, A.topic_table(quotes, articles, by="outlet")),
        "topics_two": (P.plot_topics, A.topic_table(quotes, articles, by=("outlet", "speaker_id"))),
        "keyness": (P.plot_keyness, A.keyness(tokens, by="outlet", target="Meridian Wire", articles=articles,
                                              min_count=1)),
        "reuse": (P.plot_quote_reuse, A.quote_reuse(quotes, articles)),
    }


@pytest.mark.parametrize("missing", [None, float("nan")], ids=["None", "NaN"])
@pytest.mark.parametrize("name", sorted(_gappy_cases(None)))
def test_plots_accept_missing_outlets_dates_titles_and_speakers(name, missing):
    function, frame = _gappy_cases(missing)[name]
    ax = function(frame)
    ax.figure.canvas.draw()
    texts = [t.get_text() for t in ax.get_yticklabels() + ax.get_xticklabels()]
    if ax.get_legend() is not None:
        texts += [t.get_text() for t in ax.get_legend().get_texts()]
    assert not any(t.lower() in ("nan", "none") or "nan ·" in t.lower() or "· nan" in t.lower() for t in texts)


def test_missing_outlet_and_speaker_are_named_in_the_figures():
    articles = ARTICLES.assign(outlet=ARTICLES["outlet"].where(ARTICLES["doc_id"] != "h1"))
    quotes = QUOTES.assign(speaker_id=QUOTES["speaker_id"].where(QUOTES["doc_id"] != "h1"))
    ax = P.plot_cue_profile(A.cue_profile(quotes.assign(speaker_id="X"), articles, by="outlet"))
    assert "(no outlet)" in [t.get_text() for t in ax.get_yticklabels()]
    ax = P.plot_share_of_voice(A.share_of_voice(quotes, articles, include_unattributed=True))
    assert "(no outlet)" in [t.get_text() for t in ax.get_yticklabels()]
    assert "(unattributed)" in [t.get_text() for t in ax.get_legend().get_texts()]
    reuse = A.quote_reuse(QUOTES, ARTICLES.assign(outlet=ARTICLES["outlet"].where(ARTICLES["doc_id"] != "w1")))
    ax = P.plot_quote_reuse(reuse)
    assert "(no outlet)" in [t.get_text() for t in ax.get_legend().get_texts()]
