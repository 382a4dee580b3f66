"""Tests for toolkit.display: highlighted articles, escaping, overlapping spans."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.display import HighlightedArticle, highlight_article, spans_from_quotes
from toolkit.schema import QUOTE_COLUMNS

TEXT = ('Miriam T. Calloway said on Monday that "the channel must reopen". '
        '"We are not going with illusions," Calloway told reporters.')


def quote_row(**values) -> dict:
    return {c: values.get(c) for c in QUOTE_COLUMNS}


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def make_quotes(text: str = TEXT) -> pd.DataFrame:
    q1 = span(text, "the channel must reopen")
    q2 = span(text, "We are not going with illusions,")
    return pd.DataFrame([
        quote_row(doc_id="d", kind="direct", quote=text[q1[0]:q1[1]], start=q1[0], end=q1[1],
                  speaker="Miriam T. Calloway", speaker_type="person", speaker_mention="Miriam T. Calloway",
                  speaker_start=0, speaker_end=18, cue="said", cue_start=19, cue_end=23,
                  rule="said-that-quote", resolution="name"),
        quote_row(doc_id="d", kind="direct", quote=text[q2[0]:q2[1]], start=q2[0], end=q2[1],
                  speaker="Calloway", speaker_type="person", speaker_mention="Calloway",
                  speaker_start=span(text, "Calloway", 20)[0], speaker_end=span(text, "Calloway", 20)[1],
                  cue="told", cue_start=span(text, "told")[0], cue_end=span(text, "told")[1],
                  rule="quote-name-verb", resolution="name"),
    ])


ARTICLES = pd.DataFrame({"doc_id": ["d"], "outlet": ["The Esterby Ledger"], "date": pd.to_datetime(["2025-03-03"]),
                         "title": ["Calloway says the channel must reopen"], "text": [TEXT]})


def visible_text(fragment: str) -> str:
    """The text a browser shows in the article body: tags dropped, entities decoded."""
    body = fragment.split('<div class="tk-text">', 1)[1].rsplit("</div>", 2)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_renders_quotes_mentions_cues_and_legend():
    article = highlight_article(ARTICLES, make_quotes(), "d")
    fragment = article._repr_html_()
    assert fragment.count('class="tk-q"') >= 2
    body = fragment.split('<div class="tk-text">', 1)[1]
    assert body.count('class="tk-m"') == 2 and body.count('class="tk-c"') == 2
    assert "Miriam T. Calloway (2)" in fragment  # both quotes, one merged speaker, in the legend
    assert "rule: said-that-quote" in fragment and "direct quote" in fragment
    assert "cue: told (lemma: tell)" in fragment
    assert "The Esterby Ledger · 2025-03-03 · d" in fragment
    assert visible_text(fragment) == TEXT
    colours = set(re.findall(r'class="tk-q"[^>]*background:(#[0-9a-f]{6})', fragment))
    assert len(colours) == 1  # one speaker, one colour


def test_standalone_file(tmp_path):
    path = highlight_article(ARTICLES, make_quotes(), "d").save(tmp_path / "article.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>Calloway says the channel must reopen</title>" in page
    assert '<meta charset="utf-8">' in page and page.rstrip().endswith("</html>")


NASTY = '<script>alert("x")</script>'


def test_everything_is_escaped():
    text = f'Ivo Marek said "{NASTY} & <b>bold</b>" at the <i>Citadel</i>.'
    start, end = span(text, f"{NASTY} & <b>bold</b>")
    quotes = pd.DataFrame([quote_row(
        doc_id="x", kind=f"direct{NASTY}", quote=text[start:end], start=start, end=end,
        speaker=f'Ivo "Marek" {NASTY}', speaker_type="person", speaker_mention=NASTY, speaker_start=0,
        speaker_end=9, cue=f"said{NASTY}", cue_start=10, cue_end=14, rule='rule"><img src=x onerror=alert(1)>',
        resolution=NASTY)])
    articles = pd.DataFrame({"doc_id": ["x"], "text": [text], "title": [f"Title {NASTY}"],
                             "outlet": ["<b>Outlet</b>"]})
    article = highlight_article(articles, quotes, "x")
    for fragment in (article.to_html(), article.to_html(standalone=True)):
        assert "<script" not in fragment.lower()
        assert "<img" not in fragment.lower()
        assert "<b>" not in fragment and "<i>" not in fragment
        assert "onerror=alert" not in fragment.replace("&quot;&gt;&lt;img src=x onerror=alert", "")
    assert visible_text(article.to_html()) == text
    assert "&lt;script&gt;" in article.to_html()


def test_nested_and_overlapping_spans():
    text = 'Dragunov said "the talks, Calloway said, were useful" and "useful for both".'
    outer = span(text, "the talks, Calloway said, were useful")
    overlapping = (span(text, "were useful")[0], span(text, "for both")[1])
    quotes = pd.DataFrame([
        quote_row(doc_id="o", kind="direct", start=outer[0], end=outer[1], speaker="Pavel Dragunov",
                  speaker_start=0, speaker_end=8, cue="said", cue_start=9, cue_end=13, rule="r1"),
        # A mention and a cue inside the first quote, and a quote overlapping its end.
        quote_row(doc_id="o", kind="mixed", start=overlapping[0], end=overlapping[1],
                  speaker="Miriam Calloway", speaker_start=span(text, "Calloway")[0],
                  speaker_end=span(text, "Calloway")[1], cue="said", cue_start=span(text, "said", 30)[0],
                  cue_end=span(text, "said", 30)[1], rule="r2"),
    ])
    article = highlight_article(pd.DataFrame({"doc_id": ["o"], "text": [text]}), quotes, "o")
    fragment = article.to_html()
    assert visible_text(fragment) == text
    assert 'data-nested="true"' in fragment  # where the two quotes overlap
    assert fragment.count("<span") == fragment.count("</span>")
    assert not article.problems


@pytest.mark.parametrize("start, end", [(None, None), (-5, 3), (10, 5000), (7, 7), (float("nan"), 4), ("x", 3)])
def test_bad_offsets_are_listed_not_drawn(start, end):
    quotes = pd.DataFrame([quote_row(doc_id="d", start=start, end=end, speaker="Calloway")])
    article = highlight_article(ARTICLES, quotes, "d")
    assert len(article.problems) == 1 and "do not fit the text" in article.problems[0]
    assert 'class="tk-q"' not in article.to_html().split("tk-legend", 1)[1]
    assert visible_text(article.to_html()) == TEXT


def test_article_without_quotes_and_unknown_doc():
    empty = pd.DataFrame(columns=list(QUOTE_COLUMNS))
    article = highlight_article(ARTICLES, empty, "d")
    assert visible_text(article.to_html()) == TEXT and not article.spans
    with pytest.raises(KeyError, match="no article with doc_id 'nope'"):
        highlight_article(ARTICLES, empty, "nope")


def test_unattributed_quote_is_grey_and_colours_can_be_fixed():
    quotes = make_quotes().assign(speaker=[None, "Calloway"])
    article = highlight_article(ARTICLES, quotes, "d", colors={"Calloway": "#123456"})
    fragment = article.to_html()
    assert "#123456" in fragment and "(unattributed) (1)" in fragment and "#bdbdbd" in fragment


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet='ab<>&"\' \n', min_size=1, max_size=40),
       st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45), st.sampled_from(["quote", "mention", "cue"])),
                max_size=6))
def test_any_spans_keep_the_text(text, raw_spans):
    rows = []
    for start, end, layer in raw_spans:
        row = quote_row(doc_id="h", start=0, end=len(text), speaker="Ann Lee")
        if layer == "quote":
            row.update(start=start, end=end)
        elif layer == "mention":
            row.update(speaker_start=start, speaker_end=end)
        else:
            row.update(cue="said", cue_start=start, cue_end=end)
        rows.append(row)
    quotes = pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))
    spans, problems = spans_from_quotes(quotes, len(text))
    article = HighlightedArticle(text=text, spans=spans, problems=problems)
    fragment = article.to_html()
    assert visible_text(fragment) == text
    assert fragment.count("<span") == fragment.count("</span>")
    assert "<script" not in fragment
