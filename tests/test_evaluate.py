"""Spec of the evaluator (toolkit.evaluate): readers, pairing, every metric, the CLI.

Every number below is worked out by hand from the rules in ANNOTATION.md; the texts
are fiction (docs/fixture-world.md). PolNeAR itself is only touched by the last test,
which skips when ../shared is absent.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import evaluate as ev
from toolkit.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"
# ../shared beside the project (as CI lays it out), not an absolute path of one machine.
POLNEAR_DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "polnear" / "dev"


def frame(rows: list[tuple], columns=("doc_id", "kind", "start", "end", "speaker")) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def nan_or(value: float, expected: float | None) -> bool:
    return math.isnan(value) if expected is None else value == pytest.approx(expected)


# ---------------------------------------------------------------- pairing

@pytest.mark.parametrize(("gold", "predicted", "pairs"), [
    pytest.param([(0, 10)], [(0, 10)], [(0, 0, 10)], id="exact"),
    pytest.param([(0, 10)], [(0, 5)], [(0, 0, 5)], id="half-of-gold-is-enough"),
    pytest.param([(0, 10)], [(0, 4)], [], id="less-than-half-of-gold"),
    pytest.param([(0, 10)], [(5, 30)], [], id="less-than-half-of-prediction"),
    pytest.param([(0, 10)], [(10, 20)], [], id="touching-is-no-overlap"),
    pytest.param([(0, 10), (2, 12)], [(2, 12)], [(1, 0, 10)], id="largest-overlap-not-earliest-gold"),
    pytest.param([(0, 10), (10, 20)], [(5, 15)], [(0, 0, 5)], id="tie-goes-to-earlier-gold"),
    pytest.param([(0, 10)], [(0, 8), (2, 10)], [(0, 0, 8)], id="tie-goes-to-earlier-prediction"),
    pytest.param([(0, 10), (4, 14)], [(0, 10), (4, 12)], [(0, 0, 10), (1, 1, 8)], id="one-to-one"),
    pytest.param([], [(0, 10)], [], id="no-gold"),
    pytest.param([(0, 10)], [], [], id="no-predictions"),
])
def test_pair_spans(gold, predicted, pairs):
    assert ev.pair_spans(gold, predicted) == pairs


def test_ties_follow_document_order_not_frame_order():
    gold = frame([("d", "direct", 10, 20, "A"), ("d", "direct", 0, 10, "B")])
    predicted = frame([("d", "direct", 5, 15, "B")])
    result = ev.score(gold.assign(quote="x"), predicted.assign(quote="x"))
    assert result.pairs[["gold_start", "start"]].values.tolist() == [[0, 5]]


# ---------------------------------------------------------------- metrics, worked case

TEXT = "ab " * 100  # a token "ab" at every third character: (0, 2), (3, 5), ...


def worked_case() -> ev.Evaluation:
    """5 gold, 5 predictions, 4 pairs, 3 with the right speaker (see comments)."""
    gold = frame([
        ("d1", "direct", 0, 20, "Miriam T. Calloway"),    # G1 <- P1, right
        ("d1", "indirect", 30, 60, "Pavel A. Dragunov"),  # G2 <- P2, wrong speaker
        ("d1", "mixed", 70, 100, "the Citadel"),          # G3 <- P3 (predicted direct), right
        ("d1", "direct", 110, 120, "Ivo Marek"),          # G4 missed
        ("d2", "indirect", 0, 10, None),                  # G5 <- P5, no source on both sides
    ])
    predicted = frame([
        ("d1", "direct", 0, 20, "Calloway"),
        ("d1", "indirect", 30, 50, "Ivo Marek"),          # overlap 20 >= 15 and >= 10
        ("d1", "direct", 70, 100, "Citadel"),
        ("d1", "indirect", 200, 220, "Lena Aurich"),      # false quote
        ("d2", "indirect", 0, 10, None),
    ])
    return ev.score(gold, predicted, texts={"d1": TEXT, "d2": TEXT})


@pytest.mark.parametrize(("scope", "expected"), [
    # boundary: G2/P2 share 7 of 10 tokens (0.7), the other pairs 1.0 -> 3.7 / 4
    ("overall", dict(quote_precision=0.8, quote_recall=0.8, quote_f1=0.8, attribution_accuracy=0.75,
                     end_to_end_precision=0.6, end_to_end_recall=0.6, end_to_end_f1=0.6,
                     boundary_agreement=0.925, gold=5, predicted=5, pairs=4)),
    # recall over gold direct {G1, G4}; precision over predicted direct {P1, P3}, both right
    ("direct", dict(quote_precision=1.0, quote_recall=0.5, quote_f1=2 / 3, attribution_accuracy=1.0,
                    end_to_end_precision=1.0, end_to_end_recall=0.5, end_to_end_f1=2 / 3,
                    boundary_agreement=1.0, gold=2, predicted=2, pairs=1)),
    # gold indirect {G2, G5} both found, one right; predicted indirect {P2, P4, P5}
    ("indirect", dict(quote_precision=2 / 3, quote_recall=1.0, quote_f1=0.8, attribution_accuracy=0.5,
                      end_to_end_precision=1 / 3, end_to_end_recall=0.5, end_to_end_f1=0.4,
                      boundary_agreement=0.85, gold=2, predicted=3, pairs=2)),
    # no prediction is mixed: precision and its F1 are undefined (NaN)
    ("mixed", dict(quote_precision=None, quote_recall=1.0, quote_f1=None, attribution_accuracy=1.0,
                   end_to_end_precision=None, end_to_end_recall=1.0, end_to_end_f1=None,
                   boundary_agreement=1.0, gold=1, predicted=0, pairs=1)),
])
def test_worked_case_metrics(scope, expected):
    row = worked_case().metrics.set_index("scope").loc[scope]
    for column, value in expected.items():
        assert nan_or(float(row[column]), value), (scope, column, row[column], value)


def test_worked_case_error_tables():
    result = worked_case()
    assert result.misses[["doc_id", "start", "end", "speaker"]].values.tolist() == [["d1", 110, 120, "Ivo Marek"]]
    assert result.false_quotes[["doc_id", "start", "end"]].values.tolist() == [["d1", 200, 220]]
    wrong = result.wrong_speakers
    assert wrong[["gold_speaker", "predicted_speaker"]].values.tolist() == [["Pavel A. Dragunov", "Ivo Marek"]]
    assert wrong["context"].iloc[0].startswith("ab ab")  # the quote with its surroundings
    assert "[" in result.misses["context"].iloc[0]
    assert result.counts == {"gold": 5, "predicted": 5, "gold_found": 4, "predicted_paired": 4, "pairs": 4,
                             "pairs_right_speaker": 3, "gold_found_right_speaker": 3,
                             "predicted_paired_right_speaker": 3}


def test_input_frames_are_not_mutated():
    gold = frame([("d", "direct", 0, 10, "A")]).assign(quote="x")
    before = gold.copy()
    ev.score(gold, gold.copy())
    pd.testing.assert_frame_equal(gold, before)


def test_empty_predictions():
    gold = frame([("d", "direct", 0, 10, "A"), ("d", "indirect", 20, 30, "B")]).assign(quote="q")
    result = ev.score(gold, gold.iloc[:0])
    overall = result.overall
    assert overall["quote_recall"] == 0.0 and overall["end_to_end_recall"] == 0.0
    assert math.isnan(overall["quote_precision"]) and math.isnan(overall["attribution_accuracy"])
    assert overall["quote_f1"] == 0.0  # recall 0 makes F1 0 whatever precision is
    assert len(result.misses) == 2 and result.false_quotes.empty and result.wrong_speakers.empty


def test_empty_gold_and_predictions():
    empty = frame([]).assign(quote=[])
    result = ev.score(empty, empty)
    assert result.metrics.drop(columns="scope").iloc[:, :8].isna().all().all()
    assert result.counts["gold"] == 0


def test_boundary_counts_a_cut_word_as_different():
    text = "Calloway welcomed the talks"
    gold = frame([("d", "indirect", 9, 27, "A")])
    predicted = frame([("d", "indirect", 11, 27, "A")])  # "lcomed the talks": cut word
    result = ev.score(gold, predicted, texts={"d": text})
    assert result.pairs["jaccard"].iloc[0] == pytest.approx(2 / 4)  # {the, talks} of {welcomed, lcomed, the, talks}


def test_score_rejects_bad_arguments():
    gold = frame([("d", "direct", 0, 10, "A")]).assign(quote="x")
    with pytest.raises(ValueError, match="speaker_match"):
        ev.score(gold, gold, speaker_match="fuzzy")
    with pytest.raises(KeyError, match="missing column"):
        ev.score(gold.drop(columns="kind"), gold)
    with pytest.raises(ValueError, match="texts="):
        ev.score(gold.drop(columns="quote"), gold)


# ---------------------------------------------------------------- speakers

@pytest.mark.parametrize(("gold", "predicted", "right"), [
    ("John R. Bolton and Nikolai Patrushev", "Patrushev and Bolton", True),
    ("Miriam T. Calloway and Pavel A. Dragunov", "Pavel Dragunov, Miriam Calloway", True),
    ("Calloway, Dragunov and Aurich", "Aurich and Dragunov and Calloway", True),
    ("Calloway and Dragunov", "Calloway", False),
    ("Ivo Márek", "Ivo Marek", True),
    ("the Granite House", "Granite House", True),
    ("The Citadel", "citadel", True),
    ("a Citadel official", "Citadel official", True),
    ("Dr. Nadia Okafor", "Okafor", True),
    ("Lena Aurich", "Helena Voss", False),
    ("Lena Aurich", None, False),
    ("Lena Aurich", "", False),
    ("Lena Aurich", float("nan"), False),
    (None, None, True),
    ("", float("nan"), True),
    (None, "Ivo Marek", False),
])
def test_speaker_is_right(gold, predicted, right):
    assert ev.speaker_is_right(gold, predicted) is right


@pytest.mark.parametrize(("gold_span", "pred_span", "pred_speaker", "right"), [
    ((10, 20), (15, 25), "he", True),
    ((10, 20), (0, 11), "Marek", True),
    ((10, 20), (20, 30), "he", False),       # touching only
    ((10, 20), (None, None), "Ivo Marek", False),
    ((None, None), (None, None), None, True),  # attribution without source, none predicted
    ((None, None), (0, 5), "he", False),
])
def test_span_mode_speaker(gold_span, pred_span, pred_speaker, right):
    gold_speaker = None if gold_span[0] is None else "the spokesman"
    gold = pd.DataFrame({"doc_id": ["d"], "kind": ["direct"], "start": [30], "end": [40], "quote": ["q"],
                         "speaker": [gold_speaker], "speaker_start": pd.array([gold_span[0]], dtype="Int64"),
                         "speaker_end": pd.array([gold_span[1]], dtype="Int64")})
    predicted = gold.assign(speaker=pred_speaker, speaker_start=pd.array([pred_span[0]], dtype="Int64"),
                            speaker_end=pd.array([pred_span[1]], dtype="Int64"))
    result = ev.score(gold, predicted, speaker_match="span")
    assert result.overall["attribution_accuracy"] == (1.0 if right else 0.0)


def test_recall_counts_only_speech_but_precision_pairs_with_all():
    gold = frame([("d", "direct", 0, 10, "A"), ("d", "indirect", 20, 30, "B")]).assign(
        quote="q", speech=pd.array([True, False], dtype="boolean"))
    predicted = frame([("d", "direct", 0, 10, "A"), ("d", "indirect", 20, 30, "B"),
                       ("d", "indirect", 40, 50, "C")]).assign(quote="q")
    result = ev.score(gold, predicted)
    overall = result.overall
    assert (overall["gold"], overall["gold_found"], overall["predicted_paired"]) == (1, 1, 2)
    assert overall["quote_recall"] == 1.0 and overall["quote_precision"] == pytest.approx(2 / 3)
    assert result.misses.empty
    # a non-speech attribution that nobody predicted is not a miss
    only_first = ev.score(gold, predicted.iloc[:1])
    assert only_first.misses.empty and only_first.overall["quote_recall"] == 1.0


# ---------------------------------------------------------------- speech cues and kinds

CUES = ev.read_speech_cues(FIXTURES / "speech_cues.txt")


@pytest.mark.parametrize(("cue", "speech"), [
    ("said", True), ("Said,", True), ("has told", True), ("according to", True),
    ("called for", True), ("will have called for", True), ("called", False),
    ("recalled forty", False), (":", False), ("—", False), ("believes", False),
    ("", False), (None, False), ("ADDED", True),
])
def test_is_speech_cue(cue, speech):
    assert ev.is_speech_cue(cue, CUES) is speech


def test_read_speech_cues_separates_words_and_phrases():
    assert "said" in CUES.words and "called for" in CUES.phrases and "point out" in CUES.phrases
    assert not any(w.startswith("#") for w in CUES.words)


@pytest.mark.parametrize(("span", "kind"), [
    ('"We agree,"', "direct"),
    ("“We agree.”", "direct"),
    ('"We agree",', "direct"),
    ("«without illusions»", "direct"),
    ('they saw "progress" there', "mixed"),
    ('"A," "B."', "mixed"),
    ("Calloway’s aides were upbeat", "indirect"),
    ("it rained", "indirect"),
])
def test_kind_of_span(span, kind):
    assert ev.kind_of_span(span) == kind


# ---------------------------------------------------------------- gold JSONL

def test_read_gold_jsonl_fixture():
    texts = ev.read_texts(FIXTURES / "text")
    gold = ev.read_gold_jsonl(FIXTURES / "gold.jsonl", texts=texts)
    assert list(gold.columns) == list(ev.GOLD_COLUMNS)
    assert len(gold) == 6 and set(gold["doc_id"]) == {"ev-01", "ev-02"}
    for row in gold.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.quote


GOOD = {"doc": "d", "kind": "direct", "start": 0, "end": 2, "quote": "Hi", "speaker": "Ivo Marek"}


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "JSON object"),
    (json.dumps({**GOOD, "kind": "quoted"}), "kind 'quoted'"),
    (json.dumps({**GOOD, "start": 2, "end": 2}), "start < end"),
    (json.dumps({**GOOD, "start": "0"}), "integers"),
    (json.dumps({k: v for k, v in GOOD.items() if k != "speaker"}), r"missing key\(s\) \['speaker'\]"),
    (json.dumps({k: v for k, v in GOOD.items() if k != "doc"}), "missing 'doc'"),
    (json.dumps({**GOOD, "speakr": "x"}), "unknown key"),
    (json.dumps({**GOOD, "speaker_start": 0}), "both be given"),
    (json.dumps({**GOOD, "quote": "Ho"}), "does not equal text"),
    (json.dumps({**GOOD, "end": 50, "quote": "Hi there"}), "past the end"),
])
def test_read_gold_jsonl_errors_name_file_and_line(tmp_path, line, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ev.GoldFormatError, match=message) as info:
        ev.read_gold_jsonl(path, texts={"d": "Hi there"})
    assert f"{path}:3:" in str(info.value)


# ---------------------------------------------------------------- BRAT

def brat(name: str, **kwargs) -> pd.DataFrame:
    text = (FIXTURES / "brat" / f"{name}.txt").read_text(encoding="utf-8")
    return ev.read_brat(FIXTURES / "brat" / f"{name}.ann", text, **kwargs).set_index("quote")


def test_brat_events_discontinuous_split_and_sourceless():
    gold = brat("events", speech_cues=CUES)
    assert gold.loc['"The talks were useful,"', "speaker"] == "Ivo Marek"
    # Content2 of the same event is a quote of its own (a quote split by its cue)
    assert gold.loc['"and they will go on."', ["speaker", "cue", "kind"]].tolist() == ["Ivo Marek", "said", "direct"]
    # "s e;s e": first start to last end, gap included
    split = gold.loc['Kovask wanted "a quiet room" for the next round']
    assert (split["start"], split["end"], split["kind"], split["speaker"]) == (112, 159, "mixed", "Marek")
    assert gold.loc["the channel will reopen", "speech"] == False  # noqa: E712 - believes
    assert gold.loc["The agenda was long", "speech"] == True  # noqa: E712 - according to
    headline = gold.loc["Ostravia rejects Norland plan"]
    assert headline["speaker"] is None and headline["cue"] is None and headline["speech"] == False  # noqa: E712
    assert len(gold) == 6  # Discard entity, attribute and the two-line note add nothing


def test_brat_relations_with_other_type_names():
    gold = brat("relations")
    assert gold.loc["the talks would resume", ["speaker", "cue"]].tolist() == ["Helena Voss", "told"]  # via cue
    assert gold.loc['"We are ready,"', ["speaker", "speaker_start", "speaker_end"]].tolist() == ["the minister", 67, 79]
    assert gold.loc["resume", "speaker"] is None  # a content in no relation
    assert gold["speech"].isna().all()  # no cue list given


def test_brat_type_mapping_is_configurable():
    only_quotes = ev.BratTypes(content=frozenset({"quote"}), source=frozenset({"speaker"}), cue=frozenset())
    gold = brat("relations", types=only_quotes)
    assert list(gold.index) == ["the talks would resume"]  # Quotation and Speech are not content now
    assert gold.loc["the talks would resume", "speaker"] is None  # its only link is a non-cue


def test_brat_sources_of_one_event_are_joined(tmp_path):
    text = "Calloway and Dragunov said talks helped."
    ann = tmp_path / "group.ann"
    ann.write_text("T1\tSource 13 21\tDragunov\nT2\tSource 0 8\tCalloway\nT3\tCue 22 26\tsaid\n"
                   "T4\tContent 27 39\ttalks helped\nE1\tCue:T3 Source:T1 Source2:T2 Content:T4\n", encoding="utf-8")
    row = ev.read_brat(ann, text).iloc[0]
    assert (row["speaker"], row["speaker_start"], row["speaker_end"]) == ("Calloway and Dragunov", 0, 21)
    assert row["doc_id"] == "group"


@pytest.mark.parametrize(("ann", "message"), [
    ("T1\tSource x y\tIvo\n", "bad offsets"),
    ("T1\tSource 5 2\tIvo\n", "bad offsets"),
    ("T1\tSource 0 500\tIvo\n", "past the end"),
    ("T1\tSource\tIvo\n", "no offsets"),
    ("T1\tCue 0 3\tIvo\nE1\tCue:T1 Content:T9\n", "T9"),
    ("T1\tCue 0 3\tIvo\nE1\tCue:T1 Content\n", "Role:ID"),
    ("T1\tCue 0 3\tIvo\nR1\tSays Arg1:T1\n", "Arg1:ID Arg2:ID"),
])
def test_brat_errors_name_file_and_line(tmp_path, ann, message):
    path = tmp_path / "bad.ann"
    path.write_text(ann, encoding="utf-8")
    with pytest.raises(ev.GoldFormatError, match=message) as info:
        ev.read_brat(path, "Ivo Marek said so.")
    assert str(path) in str(info.value)


def test_read_brat_dir_needs_text_beside(tmp_path):
    (tmp_path / "a.ann").write_text("", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="a.txt"):
        ev.read_brat_dir(tmp_path)


# ---------------------------------------------------------------- PolNeAR layout

def test_read_polnear_scores_first_annotator_and_flags_speech():
    texts, gold = ev.read_polnear(FIXTURES / "polnear" / "dev")  # cue list found beside the corpus
    assert list(texts) == ["ev-pn-01"]
    assert len(gold) == 3  # alpha's three attributions, not beta's one
    assert gold.set_index("quote")["speech"].to_dict() == {
        "for a deal": False, "the Citadel was ready to talk": True, "the talks succeed": False}


def test_polnear_span_scoring_end_to_end():
    texts, gold = ev.read_polnear(FIXTURES / "polnear" / "dev", speech_cues=FIXTURES / "speech_cues.txt")
    text = texts["ev-pn-01"]
    said = text.index("the Citadel was ready to talk")
    hope = text.index("the talks succeed")
    predicted = pd.DataFrame({
        "doc_id": ["ev-pn-01"] * 2, "kind": ["indirect"] * 2, "start": [said, hope],
        "end": [said + len("the Citadel was ready to talk"), hope + len("the talks succeed")],
        "speaker": ["Ivo Marek", "Ostravia"],
        "speaker_start": pd.array([text.index("Marek"), None], dtype="Int64"),
        "speaker_end": pd.array([text.index("Marek") + 5, None], dtype="Int64"),
    })
    result = ev.score(gold, predicted, texts=texts, speaker_match="span")
    overall = result.overall
    # recall: 1 speech attribution, found with the right speaker; precision: both predictions
    # pair (one with a non-speech attribution), one with a right speaker (no span on the other)
    assert (overall["quote_recall"], overall["quote_precision"]) == (1.0, 1.0)
    assert (overall["end_to_end_recall"], overall["end_to_end_precision"]) == (1.0, 0.5)
    assert overall["attribution_accuracy"] == 0.5


def test_read_polnear_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a PolNeAR split"):
        ev.read_polnear(tmp_path)
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    with pytest.raises(FileNotFoundError, match="speech_cues"):
        ev.read_polnear(tmp_path)


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR is not beside the project")
def test_real_polnear_dev_reads_and_scores_itself():
    texts, gold = ev.read_polnear(POLNEAR_DEV)
    assert len(texts) == 84 and len(gold) > 1000
    assert gold["speech"].any() and not gold["speech"].all()
    overall = ev.score(gold, gold, texts=texts, speaker_match="span").overall
    assert overall["end_to_end_f1"] == 1.0


# ---------------------------------------------------------------- predictions and fresh runs

def test_read_predictions_jsonl_and_csv(tmp_path):
    jsonl = ev.read_predictions(FIXTURES / "predictions.jsonl")
    assert "doc_id" in jsonl.columns and len(jsonl) == 5
    csv_path = tmp_path / "p.csv"
    jsonl.to_csv(csv_path, index=False)
    pd.testing.assert_frame_equal(ev.read_predictions(csv_path)[["doc_id", "start", "end"]],
                                  jsonl[["doc_id", "start", "end"]])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "d", "start": 1}\n', encoding="utf-8")
    with pytest.raises(ev.GoldFormatError, match=r"bad.jsonl:1: missing key 'end'"):
        ev.read_predictions(bad)


def test_evaluate_texts_runs_the_extractor_on_every_text(monkeypatch):
    import toolkit.quotes as quotes

    seen = []

    def fake_extract(text, *, language="en"):
        seen.append(text)
        start = text.find("the two delegations")
        if start < 0:
            return []
        return [quotes.Quote("indirect", text[start:start + 43], start, start + 43, "Calloway", "person",
                             "She", None, None, "said", None, None, None, None, "fake", None, 0, len(text))]

    monkeypatch.setattr(quotes, "extract_quotes", fake_extract)
    texts = ev.read_texts(FIXTURES / "text")
    gold = ev.read_gold_jsonl(FIXTURES / "gold.jsonl", texts=texts)
    result = ev.evaluate_texts(texts, gold)
    assert len(seen) == 2 and result.documents == 2
    assert result.overall["quote_recall"] == pytest.approx(1 / 6)
    assert result.overall["end_to_end_precision"] == 1.0


# ---------------------------------------------------------------- CLI

def run_cli(capsys, *args) -> str:
    assert main(["evaluate", *map(str, args)]) == 0
    return capsys.readouterr().out


def test_cli_table_with_predictions(capsys):
    out = run_cli(capsys, "--gold", FIXTURES / "gold.jsonl", "--predictions", FIXTURES / "predictions.jsonl")
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["scope", "quote"]
    # 6 gold, 5 predicted, 4 pairs, 3 right: P .8, R .667, F1 .727; attr .75; e2e .6/.5/.545
    assert lines[2].split() == ["overall", "0.800", "0.667", "0.727", "0.750", "0.600", "0.500", "0.545",
                                "1.000", "6", "5", "4"]
    assert [line.split()[0] for line in lines[2:6]] == ["overall", "direct", "indirect", "mixed"]


def test_cli_json_and_errors(capsys):
    out = run_cli(capsys, "--gold", FIXTURES / "gold.jsonl", "--predictions", FIXTURES / "predictions.jsonl",
                  "--texts", FIXTURES / "text", "--json", "--errors", "5")
    data = json.loads(out)
    overall = data["metrics"][0]
    assert overall["scope"] == "overall" and overall["quote_f1"] == pytest.approx(8 / 11)
    assert overall["end_to_end_f1"] == pytest.approx(6 / 11)
    mixed = data["metrics"][3]
    assert mixed["quote_precision"] is None and mixed["quote_recall"] == 0.0
    assert [m["quote"] for m in data["misses"]] == ['the Norlandic side had been "serious and direct"',
                                                   "The Citadel welcomed the outcome"]
    assert data["false_quotes"][0]["quote"].startswith("Port Halden talks")
    assert data["wrong_speakers"][0]["predicted_speaker"] == "Pavel A. Dragunov"
    assert "[the two delegations" in data["wrong_speakers"][0]["context"]


def test_cli_errors_listing(capsys):
    out = run_cli(capsys, "--gold", FIXTURES / "gold.jsonl", "--predictions", FIXTURES / "predictions.jsonl",
                  "--texts", FIXTURES / "text", "--errors", "1")
    assert "Misses (gold quotes not found): 2 (showing 1)" in out
    assert "Wrong speakers (gold vs predicted): 1 (showing 1)" in out
    assert "gold='Miriam T. Calloway' predicted='Pavel A. Dragunov'" in out


def test_cli_fresh_run_on_texts_and_brat_and_polnear(capsys):
    out = run_cli(capsys, "--gold", FIXTURES / "gold.jsonl", "--texts", FIXTURES / "text", "--json")
    assert json.loads(out)["metrics"][0]["gold"] == 6
    out = run_cli(capsys, "--gold", FIXTURES / "brat", "--json")
    assert json.loads(out)["metrics"][0]["gold"] == 9
    out = run_cli(capsys, "--polnear", FIXTURES / "polnear" / "dev", "--json")
    data = json.loads(out)
    assert data["speaker_match"] == "span" and data["metrics"][0]["gold"] == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--gold", FIXTURES / "gold.jsonl"], "needs --texts"),
    (["--gold", FIXTURES / "missing.jsonl", "--texts", FIXTURES / "text"], "does not exist"),
    (["--gold", FIXTURES / "gold.jsonl", "--texts", FIXTURES / "text", "--errors", "-1"], "--errors"),
    (["--polnear", FIXTURES / "brat"], "not a PolNeAR split"),
    (["--gold", FIXTURES / "gold.jsonl", FIXTURES / "gold.jsonl", "--texts", FIXTURES / "text"], "in both"),
])
def test_cli_usage_errors(args, message):
    with pytest.raises(SystemExit, match=message):
        main(["evaluate", *map(str, args)])


# ---------------------------------------------------------------- properties

spans = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40), st.sampled_from(ev.KINDS),
                           st.sampled_from([None, "Ivo Marek", "Lena Aurich", "the Citadel"]),
                           st.sampled_from(["d1", "d2"])), max_size=12)


def to_frame(items) -> pd.DataFrame:
    rows = [(doc, kind, start, start + length, speaker) for start, length, kind, speaker, doc in items]
    f = frame(rows)
    f["quote"] = [TEXT[s:e] for _, _, s, e, _ in rows]
    f["speaker_start"] = pd.array([None if sp is None else s for _, _, s, _, sp in rows], dtype="Int64")
    f["speaker_end"] = pd.array([None if sp is None else s + 1 for _, _, s, _, sp in rows], dtype="Int64")
    return f


@settings(max_examples=60, deadline=None)
@given(spans, st.sampled_from(["name", "span"]))
def test_gold_against_itself_scores_one(items, mode):
    gold = to_frame(items)
    metrics = ev.score(gold, gold, speaker_match=mode).metrics
    values = metrics.drop(columns="scope").iloc[:, :8].to_numpy(dtype=float).ravel()
    assert all(v == pytest.approx(1.0) for v in values if not math.isnan(v))
    if len(gold):
        assert metrics.set_index("scope").loc["overall", "end_to_end_f1"] == pytest.approx(1.0)


@settings(max_examples=60, deadline=None)
@given(spans, spans, st.sampled_from(["name", "span"]))
def test_scores_stay_in_unit_interval(gold_items, pred_items, mode):
    result = ev.score(to_frame(gold_items), to_frame(pred_items), speaker_match=mode)
    values = result.metrics.drop(columns="scope").iloc[:, :8].to_numpy(dtype=float).ravel()
    assert all(0.0 <= v <= 1.0 for v in values if not math.isnan(v))
    overall = result.overall
    assert overall["pairs"] <= min(overall["predicted"], len(gold_items))
    assert len(result.misses) + overall["gold_found"] == overall["gold"]
    assert len(result.false_quotes) + overall["predicted_paired"] == overall["predicted"]
