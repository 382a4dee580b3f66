"""Quality floors for the quote engine on the project's gold (trafilatura's eval-gate idea).

The floors sit a little below the scores measured when they were set (see README,
"Accuracy"), so a change that makes extraction worse fails here. Raise them when the
engine improves; never lower them to make a change pass. The gold was annotated by
ANNOTATION.md by people who had not read the engine's code.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.evaluate import evaluate_texts, read_gold_jsonl, read_texts
from toolkit.quotes import extract_quotes, merge_continuations

DATA = Path(__file__).resolve().parents[1] / "data"


def fixture_set(folder: str, f1_floor: float, attribution_floor: float) -> tuple:
    """A gate on ``data/fixtures/<folder>``: its gold*.jsonl files and its text/ folder."""
    directory = DATA / "fixtures" / folder
    return sorted(directory.glob("gold*.jsonl")), directory / "text", f1_floor, attribution_floor


# (gold files, texts, floor for end-to-end F1, floor for attribution accuracy)
GATES = {
    "seed": ([DATA / "gold" / "seed.jsonl"], DATA / "articles", 0.95, 0.95),
    "dev fixtures": fixture_set("dev", 0.95, 0.96),
    "held-out fixtures": fixture_set("heldout", 0.95, 0.96),
    # measured blind at 0.865 once, then its errors were studied (see README, "Accuracy")
    "held-out set 2": fixture_set("heldout2", 0.95, 0.96),
    # measured blind at 0.834 (attribution 0.887) when it was added, then its errors were studied
    "held-out set 3": fixture_set("heldout3", 0.93, 0.95),
    # measured blind at 0.885 (attribution 0.924) when it was added (0.857 with the engine of the session before),
    # then its errors were studied
    "held-out set 4": fixture_set("heldout4", 0.94, 0.95),
    # agency and wire coverage of the talks; measured blind at 0.839 (attribution 0.898) when it was added,
    # with this engine and the one of the session before alike, then its errors were studied
    "held-out set 5": fixture_set("heldout5", 0.92, 0.95),
    # previews, analyses, a state broadcaster, a briefing transcript, social media, a month-later recap; measured
    # blind at 0.836 (attribution 0.946) when it was added (0.830 with the engine of the session before), then studied
    "held-out set 6": fixture_set("heldout6", 0.88, 0.94),
    # wire, state-agency, broadcaster, translated, radio, think-tank, analysis and regional styles; measured blind at
    # 0.859 (attribution 0.924) when it was added, with this session's engine and the one it started with alike,
    # then its errors were studied
    "held-out set 7": fixture_set("heldout7", 0.94, 0.97),
    # a partisan site, a third country's paper, a broadsheet analysis, a secondhand opinion site, a TV interview,
    # an explainer, a preview, radio vox pops, a magazine piece, a fact-check; measured blind at 0.822 (attribution
    # 0.871) when it was added (0.818 with the engine this session started with), then its errors were studied
    "held-out set 8": fixture_set("heldout8", 0.92, 0.95),
    # a wire flash and its write-throughs, markets, a Senate sketch, a narrative interview, a local paper, a think-tank
    # blog, an obituary, an explainer, a liveblog, a long-read; measured blind at 0.740 (attribution 0.790) when it
    # was added, the same with the engine this session started with, then its errors were studied
    "held-out set 9": fixture_set("heldout9", 0.85, 0.88),
    # a press review, an interview with a transcript, a profile, a correspondent's diary, a translated agency
    # dispatch, a question time, an analysis on unnamed sources, a newsletter, vox pops, a long feature; measured
    # blind at 0.817 (attribution 0.894) when it was added, the same with the engine this session started with,
    # then its errors were studied
    "held-out set 10": fixture_set("heldout10", 0.89, 0.93),
    # the styles real coverage of such talks takes (wire, state agency in translation, analysis, host country's
    # paper, TV interview, profile, roundup, opinion page, liveblog, follow-up); measured blind at 0.899
    # (attribution 0.918) when it was added, the same with the engine this session started with, then studied
    "held-out set 11": fixture_set("heldout11", 0.94, 0.96),
    # a preview, a wire write-through, a state agency in translation, a tabloid, a radio phone-in, a think-tank
    # commentary, a business paper, leaked notes, a reconstruction, a fact-check; measured blind at 0.795
    # (attribution 0.838) when it was added, 0.800 with the engine this session started with, then studied a little
    "held-out set 12": fixture_set("heldout12", 0.79, 0.83),
    # a wire story with a reporting tail, a press conference, a state agency's long passives, a first-person op-ed,
    # a "what we know" list, residents and a mayor, a debate, a long-read, anonymous sources, a correction; measured
    # blind at 0.772 (attribution 0.848) with the engine the session started with, then its errors were studied
    "held-out set 13": fixture_set("heldout13", 0.86, 0.89),
    # the plain styles most coverage takes (two wires, a state agency in translation, a national daily, a TV
    # interview, an analysis, lawmakers' reactions, the host's paper, a spokesman's briefing, a wire brief); measured
    # blind at 0.954 (attribution 0.963) when it was added, with the engine the session started with; kept unstudied
    # as the session's check on carry-over: 0.963 with its last engine
    "held-out set 14": fixture_set("heldout14", 0.94, 0.95),
    # a foreign-press review, a wire story leaning on a state readout, a timeline, a joint statement, an interview
    # running over paragraphs, a two-layer leak, interpreters and staff, a sceptical analysis full of scare quotes,
    # a president's reaction, a sports-style column; measured blind at 0.811 (attribution 0.846) when it was added,
    # the same with the engine the session started with; kept unstudied as a second check on carry-over: 0.811
    # with its last engine too
    "held-out set 15": fixture_set("heldout15", 0.80, 0.83),
    # an urgent wire item, a front page, a state agency's interview, a magazine reconstruction on unnamed sources,
    # residents and a mayor, markets, both sides' statements, a Q-and-A explainer, a hearing, an editorial; measured
    # blind at 0.838 (attribution 0.893) part-way through the session (0.837 with the engine it started with),
    # then its errors were studied
    "held-out set 16": fixture_set("heldout16", 0.90, 0.95),
    # an AP-style wire, a Reuters-style story, an analysis on unnamed sources, a poll story, a liveblog, a state
    # agency's dispatch in «guillemets», a profile, an opinion column, lawmakers' reactions, a radio interview with
    # a transcript; measured blind at 0.856 (attribution 0.918) part-way through the eighth session (0.850 with the
    # engine it started with)
    "held-out set 17": fixture_set("heldout17", 0.89, 0.92),
    # a wire flash with updates, a front-page lead, a markets story, a first-person op-ed, residents, a readout
    # re-reported, a fact-check, an analysis on unnamed sources, a magazine reconstruction, a TV web summary;
    # measured blind at 0.877 (attribution 0.929) at the end of the eighth session, the same with the engine it
    # started with; kept unstudied as the next check on carry-over
    "held-out set 18": fixture_set("heldout18", 0.86, 0.91),
}


@pytest.mark.parametrize("name", list(GATES))
def test_quality_floor(name):
    gold_files, text_dir, f1_floor, attribution_floor = GATES[name]
    texts = read_texts(text_dir)
    gold = __import__("pandas").concat([read_gold_jsonl(path, texts=texts) for path in gold_files])
    documents = set(gold["doc_id"])
    evaluation = evaluate_texts({doc: texts[doc] for doc in documents}, gold)
    overall = evaluation.overall
    assert overall["end_to_end_f1"] >= f1_floor, evaluation.metrics.to_string()
    assert overall["attribution_accuracy"] >= attribution_floor, evaluation.metrics.to_string()


def test_merged_continuations_join_a_quotation_split_by_its_attribution():
    text = ('Ines Varo, the Tessaly harbour master, met the press. "The quay is safe," Varo said. '
            '"Ships can dock again."\n\nThe port reopened on Monday.')
    separate = extract_quotes(text)
    merged = merge_continuations(separate, text)
    assert [q.quote for q in separate] == ["The quay is safe,", "Ships can dock again."]
    assert [(q.kind, q.speaker) for q in merged] == [("mixed", "Ines Varo")]
    assert merged[0].quote == text[merged[0].start:merged[0].end]
    assert merged[0].quote.startswith("The quay") and merged[0].quote.endswith("dock again.")


def test_merged_continuations_keep_different_speakers_apart():
    text = '"We agree," said Ines Varo. Tomas Rell disagreed. "We do not," he said.'
    merged = merge_continuations(extract_quotes(text), text)
    assert [q.speaker for q in merged] == ["Ines Varo", "Tomas Rell"]
