"""Spec of analysts' corrections (toolkit.corrections): each action and each error."""
from __future__ import annotations

import pandas as pd
import pytest

from toolkit.corrections import CorrectionError, apply_corrections, read_corrections
from toolkit.schema import QUOTE_COLUMNS

TEXT = ('"We found common ground," Miriam T. Calloway said. '
        'She added that talks would resume in May. Ivo Marek said Kovask agreed.')


def quote_row(quote: str, speaker: str | None, kind: str, rule: str) -> dict:
    start = TEXT.index(quote)
    row = {column: None for column in QUOTE_COLUMNS}
    row.update(doc_id="d1", kind=kind, quote=quote, start=start, end=start + len(quote), speaker=speaker,
               rule=rule, sentence_start=0, sentence_end=len(TEXT))
    return row


@pytest.fixture
def quotes() -> pd.DataFrame:
    return pd.DataFrame([
        quote_row("We found common ground,", "Miriam T. Calloway", "direct", "quote-cue-after"),
        quote_row("talks would resume in May", "Ivo Marek", "indirect", "adding-that"),
        quote_row("Kovask agreed", "Ivo Marek", "indirect", "said-clause"),
    ], columns=list(QUOTE_COLUMNS))


def write(tmp_path, text: str):
    path = tmp_path / "corrections.csv"
    path.write_text(text, encoding="utf-8")
    return path


def start_of(quote: str) -> int:
    return TEXT.index(quote)


def test_override_sets_given_columns_and_marks_the_row(tmp_path, quotes):
    before = quotes.copy()
    path = write(tmp_path, f"doc_id,start,action,speaker,speaker_type,kind,note\n"
                           f"d1,{start_of('talks would')},override,Miriam T. Calloway,person,,She = Calloway\n")
    result = apply_corrections(quotes, path)
    row = result.set_index("start").loc[start_of("talks would")]
    assert (row["speaker"], row["speaker_type"], row["kind"], row["rule"]) == (
        "Miriam T. Calloway", "person", "indirect", "correction:override")  # empty kind cell kept
    assert result["rule"].tolist().count("correction:override") == 1
    pd.testing.assert_frame_equal(quotes, before)  # input never mutated
    assert list(result.columns) == list(quotes.columns)
    assert result["start"].dtype == quotes["start"].dtype


def test_override_offsets_with_texts_recomputes_quote(quotes):
    s = start_of("talks would")
    fixes = pd.DataFrame({"doc_id": ["d1"], "start": [s], "action": ["override"],
                          "new_start": [TEXT.index("that talks")], "end": [s + len("talks would resume")]})
    row = apply_corrections(quotes, fixes, texts={"d1": TEXT}).iloc[1]
    assert (row["quote"], row["start"]) == ("that talks would resume", TEXT.index("that talks"))


def test_none_cell_clears_a_value(tmp_path, quotes):
    path = write(tmp_path, f"doc_id,start,action,speaker\nd1,{start_of('Kovask')},override,<none>\n")
    assert pd.isna(apply_corrections(quotes, path).iloc[2]["speaker"])


def test_add_inserts_a_quote_in_order(tmp_path, quotes):
    s = start_of("Ivo Marek said")
    path = write(tmp_path, f"doc_id,start,action,end,kind,speaker\nd1,{s},add,{s + 9},indirect,Lena Aurich\n")
    result = apply_corrections(quotes, path, texts={"d1": TEXT})
    assert len(result) == 4
    added = result.iloc[2]
    assert (added["quote"], added["rule"], added["speaker"]) == ("Ivo Marek", "correction:add", "Lena Aurich")
    assert result["start"].is_monotonic_increasing


def test_add_without_texts_needs_the_quote(tmp_path, quotes):
    path = write(tmp_path, "doc_id,start,action,end,kind\nd1,200,add,210,direct\n")
    with pytest.raises(CorrectionError, match=r"corrections.csv:2: add needs a quote"):
        apply_corrections(quotes, path)
    path = write(tmp_path, "doc_id,start,action,end,kind,quote\nd1,200,add,210,direct,0123456789\n")
    assert apply_corrections(quotes, path).iloc[-1]["quote"] == "0123456789"


def test_drop_removes_the_quote(tmp_path, quotes):
    path = write(tmp_path, f"doc_id,start,action\nd1,{start_of('Kovask')},drop\n")
    result = apply_corrections(quotes, path)
    assert result["quote"].tolist() == ["We found common ground,", "talks would resume in May"]


def test_corrections_apply_in_file_order(tmp_path, quotes):
    s = start_of("Ivo Marek said")
    path = write(tmp_path, f"doc_id,start,action,end,kind,speaker,quote\n"
                           f"d1,{s},add,{s + 9},indirect,X,Ivo Marek\n"
                           f"d1,{s},override,,,Lena Aurich,\n")
    result = apply_corrections(quotes, path)
    assert result.set_index("start").loc[s, "speaker"] == "Lena Aurich"


def test_read_corrections_keeps_lines(tmp_path):
    path = write(tmp_path, "doc_id,start,action,speaker\n\nd1,0,override,A\nd1,5,drop,\n")
    frame = read_corrections(path)
    assert frame["line"].tolist() == [3, 4] and frame["action"].tolist() == ["override", "drop"]


@pytest.mark.parametrize(("csv_text", "message"), [
    ("doc_id,start,action,speakr\nd1,1,override,A\n", r":1: unknown column\(s\) 'speakr'"),
    ("doc_id,action\nd1,drop\n", r":1: missing column\(s\) start"),
    ("doc_id,start,action\nd1,1,replace\n", r":2: unknown action 'replace'; valid actions: override, add, drop"),
    ("doc_id,start,action\nd1,,drop\n", ":2: missing start"),
    ("doc_id,start,action\nd1,x,drop\n", ":2: start must be an integer offset"),
    ("doc_id,start,action\nd1,-4,drop\n", ":2: start must be a non-negative"),
    ("doc_id,start,action,end,kind\nd1,10,add,5,direct\n", ":2: end 5 must be after start 10"),
    ("doc_id,start,action,end\nd1,10,add,20\n", ":2: add needs kind"),
    ("doc_id,start,action,kind\nd1,1,override,quoted\n", ":2: kind 'quoted'"),
    ("doc_id,start,action,speaker\nd1,1,drop,A\n", ":2: drop takes no columns"),
    ("doc_id,start,action,new_start\nd1,1,drop,3\n", ":2: new_start is only for override"),
    ("doc_id,start,action\nd1,1,drop,extra\n", ":2: more cells than columns"),
])
def test_read_corrections_errors_name_file_and_line(tmp_path, csv_text, message):
    path = write(tmp_path, csv_text)
    with pytest.raises(CorrectionError, match=message) as info:
        read_corrections(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(("csv_text", "message"), [
    ("doc_id,start,action\nd1,2,drop\n", ":2: drop: no quote of 'd1' starts at 2"),
    ("doc_id,start,action,speaker\nd9,0,override,A\n", ":2: override: no quote of 'd9'"),
    ("doc_id,start,action,end,kind,quote\nd1,1,add,5,direct,x\n", ":2: add: a quote of 'd1' already starts at 1"),
    ("doc_id,start,action,end\nd1,1,override,999\n", ":2: end 999 is past the end"),
    ("doc_id,start,action,quote\nd1,1,override,nope\n", ":2: quote 'nope' is not text"),
    ("doc_id,start,action,end\nd1,1,override,2\nd1,1,drop\nd1,1,drop\n", ":4: drop: no quote"),
])
def test_apply_errors_name_file_and_line(tmp_path, quotes, csv_text, message):
    path = write(tmp_path, csv_text)
    with pytest.raises(CorrectionError, match=message):
        apply_corrections(quotes, path, texts={"d1": TEXT})


def test_ambiguous_start_is_an_error(quotes):
    twice = pd.concat([quotes, quotes.iloc[:1]], ignore_index=True)
    fixes = pd.DataFrame({"doc_id": ["d1"], "start": [1], "action": ["drop"]})
    with pytest.raises(CorrectionError, match=r"corrections:2: drop: 2 quotes of 'd1' start at 1"):
        apply_corrections(twice, fixes)


def test_frame_input_is_validated_too(quotes):
    fixes = pd.DataFrame({"doc_id": ["d1"], "start": [0], "action": ["remove"]})
    with pytest.raises(CorrectionError, match="unknown action 'remove'"):
        apply_corrections(quotes, fixes)
    with pytest.raises(TypeError, match="DataFrame or a path"):
        apply_corrections(quotes, [("d1", 0, "drop")])
