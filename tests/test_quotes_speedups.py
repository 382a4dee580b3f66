"""The quote engine's shortcuts give what the plain computation they replace gives.

Each shortcut (a faster scan, a prefilter) is checked against the straightforward
version on the generated articles of benchmarks/generate_corpus.py and on edge cases.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from toolkit.quotes.engine import CUE_PATTERN, _find_cues

ROOT = Path(__file__).resolve().parents[1]


def _generated_texts(n: int) -> list[str]:
    spec = importlib.util.spec_from_file_location("generate_corpus", ROOT / "benchmarks" / "generate_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return [article["text"] for article in module.generate_articles(n, seed=3)]


EDGE_CASES = [
    "said the minister",  # a cue at the very start
    "Said Voss, \"we are ready.\"\nSays Marek: no.",
    '"Yes,"said Voss. (Added Marek) —told reporters «according to» her',
    "_said 3said x-said Voss'said O’said éSaid",  # after word characters: no cue, or after '-', ''' one
    "İstanbul ſaid KELVIN said: ﬁne, he said",
    "was quoted by Ostra-Press as saying; were cited as saying; in Okafor's own words",
    "",
]


@pytest.mark.parametrize("text", EDGE_CASES + _generated_texts(60))
def test_find_cues_matches_the_plain_scan(text: str) -> None:
    found = [(m.span(), m.groupdict()) for m in _find_cues(text)]
    assert found == [(m.span(), m.groupdict()) for m in CUE_PATTERN.finditer(text)]
