"""Near-duplicate detection: wire copies with small edits are flagged, different articles are not."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.duplicates import DUPLICATE_COLUMNS, find_near_duplicates, shingles
from toolkit.schema import ColumnError

# A Meridian Wire story (fictional), as the agency sent it.
WIRE = (
    "PORT HALDEN (Meridian Wire) - Norland and Ostravia agreed on Friday to set up a working "
    "group on arms control and to keep a direct line open between their security councils, "
    "officials from both sides said after nearly eight hours of talks in Port Halden. "
    "Miriam T. Calloway, Norland's National Security Adviser, said the working group would meet "
    "for the first time within six weeks and would report to both governments before the end of "
    "the year. Pavel A. Dragunov, Secretary of Ostravia's Security Council, said the line would be "
    "tested every month. The two advisers did not issue a joint statement. Calloway said "
    "differences remained over the deployment of missiles near the border and over sanctions that "
    "Norland imposed on Ostravian banks last autumn. Valmora's Foreign Minister Lena Aurich, who "
    "hosted the meeting, said both sides had asked to return to Port Halden for the next round."
)
# Different articles about the same event: shared names and phrases, different text.
LEDGER = (
    "Norland's National Security Adviser Miriam T. Calloway and Ostravia's Security Council "
    "Secretary Pavel A. Dragunov sat down on Friday morning for their first meeting in more than a "
    "year, in a lakeside villa lent by the government of Valmora. We came here to listen as much as "
    "to talk, Calloway told reporters before the session began. Officials from the Norlandic "
    "mission said the agenda covered arms control, the security of shipping lanes and a channel "
    "for emergency calls between Esterby and Kovask."
)
HERALD = (
    "Kovask Broadcasting reported that Pavel A. Dragunov returned from Port Halden on Saturday and "
    "would brief President Arkady Belan on Monday. Citadel spokesman Ivo Marek said the talks were "
    "businesslike and that Ostravia had made no concessions on sanctions or on the border, "
    "contrary to what some newspapers in Esterby had written."
)


def edited(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new, 1)
    return text


def frame(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["doc_id", "date", "text"])


@pytest.mark.parametrize(("copy", "flagged"), [
    (WIRE, True),                                                          # verbatim
    ("Daily Lantern\n" + WIRE + "\nReporting by Meridian Wire.", True),    # outlet header and credit
    (edited(WIRE, ("on Friday", "late on Friday"), ("last autumn", "in October")), True),  # two edits
    (edited(WIRE, ("PORT HALDEN (Meridian Wire) - ", "")), True),          # dateline dropped
    (WIRE.upper().replace(",", " ,"), True),                               # case and punctuation
    (WIRE[: len(WIRE) // 2], False),                                       # half of it: not a copy
    (LEDGER, False),                                                       # same event, other article
    (HERALD, False),
    ("", False),                                                           # no text
])
def test_wire_copy_is_flagged_only_when_near_identical(copy, flagged):
    result = find_near_duplicates(frame(("wire", "2025-03-14", WIRE), ("copy", "2025-03-15", copy)))
    expected = "wire" if flagged else None
    got = result.set_index("doc_id").loc["copy", "duplicate_of"]
    assert (None if pd.isna(got) else got) == expected
    assert pd.isna(result.set_index("doc_id").loc["wire", "duplicate_of"])


def test_cluster_points_at_the_earliest_dated_article():
    copies = frame(
        ("lantern", "2025-03-15", "Daily Lantern. " + WIRE),
        ("harbor", "2025-03-14", WIRE + " Reporting by Meridian Wire."),
        ("ledger", "2025-03-14", LEDGER),
        ("northern", "", edited(WIRE, ("every month", "each month"))),
        ("herald", "2025-03-13", HERALD),
    )
    result = find_near_duplicates(copies)
    assert list(result.columns) == list(DUPLICATE_COLUMNS)
    assert result["doc_id"].tolist() == copies["doc_id"].tolist()  # one row per article, in order
    assert result.set_index("doc_id")["duplicate_of"].fillna("-").to_dict() == {
        "lantern": "harbor", "harbor": "-", "ledger": "-", "northern": "harbor", "herald": "-",
    }
    similarity = result.set_index("doc_id")["similarity"]
    assert 0.8 <= similarity["lantern"] < 1
    assert similarity[["harbor", "ledger", "herald"]].isna().all()


def test_ties_on_date_go_to_the_first_row():
    result = find_near_duplicates(frame(("b", "2025-03-14", WIRE), ("a", "2025-03-14", WIRE)))
    assert result["duplicate_of"].fillna("-").tolist() == ["-", "b"]


def test_threshold_and_shingle_are_used():
    pair = frame(("wire", "2025-03-14", WIRE),
                 ("copy", "2025-03-15", edited(WIRE, ("on Friday", "late on Friday"),
                                               ("last autumn", "in October"), ("every month", "weekly"))))
    similarity = find_near_duplicates(pair)["similarity"].iloc[1]
    assert 0.7 < similarity < 0.95
    assert find_near_duplicates(pair, threshold=0.97)["duplicate_of"].isna().all()
    assert find_near_duplicates(pair, threshold=0.9, shingle=1)["duplicate_of"].iloc[1] == "wire"


def test_input_is_not_modified_and_dates_may_be_timestamps():
    articles = frame(("wire", "2025-03-14", WIRE), ("copy", "2025-03-15", WIRE))
    articles["date"] = pd.to_datetime(articles["date"])
    before = articles.copy()
    find_near_duplicates(articles)
    pd.testing.assert_frame_equal(articles, before)


def test_missing_columns_are_named():
    with pytest.raises(ColumnError, match="articles frame is missing column\\(s\\) 'date'; it has: 'doc_id', 'text'"):
        find_near_duplicates(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"threshold": 0}, "threshold must be in"),
    ({"threshold": 1.5}, "threshold must be in"),
    ({"shingle": 0}, "shingle size must be >= 1"),
    ({"num_perm": 8}, "num_perm must be >= 16"),
])
def test_bad_parameters(kwargs, message):
    with pytest.raises(ValueError, match=message):
        find_near_duplicates(frame(("a", "2025-03-14", WIRE), ("b", "2025-03-14", WIRE)), **kwargs)


def test_repeated_doc_ids_are_refused():
    with pytest.raises(ValueError, match="doc_id must be unique; repeated: 'a'"):
        find_near_duplicates(frame(("a", "2025-03-14", WIRE), ("a", "2025-03-15", WIRE)))


def test_empty_frame():
    result = find_near_duplicates(frame())
    assert result.empty and list(result.columns) == list(DUPLICATE_COLUMNS)


def test_shingles_of_short_and_empty_texts():
    assert shingles("Port Halden", size=5) == frozenset({"port halden"})
    assert shingles(" ,. ", size=5) == frozenset()


words = st.lists(st.sampled_from("norland ostravia talks port halden arms wire said friday".split()),
                 min_size=0, max_size=40).map(" ".join)


@settings(max_examples=50, deadline=None)
@given(st.lists(words, min_size=0, max_size=6))
def test_properties(texts):
    articles = frame(*[(f"d{i}", f"2025-03-{10 + i}", t) for i, t in enumerate(texts)])
    result = find_near_duplicates(articles)
    assert result["doc_id"].tolist() == articles["doc_id"].tolist()
    flagged = result.dropna(subset=["duplicate_of"])
    originals = set(flagged["duplicate_of"])
    assert originals.isdisjoint(set(flagged["doc_id"]))  # an original is never itself a copy
    assert (flagged["similarity"].between(0, 1)).all()
    pd.testing.assert_frame_equal(result, find_near_duplicates(articles))  # deterministic
