"""Generate a deterministic corpus of fictional news articles for benchmarks and tests.

Every article is fiction from docs/fixture-world.md: the Port Halden talks between
Norland and Ostravia. Articles are 300-800 words with several speakers and the quote
shapes the extractor has to handle: direct quotes with the cue before, after or in the
middle, indirect speech ("said that ..."), mixed quotes (a quoted fragment inside
reported speech), "according to", pronouns and descriptions as speakers ("he", "the
spokesman"), addressees ("told reporters") and channels ("told Kovask Broadcasting"),
with straight, curly, single and guillemet quotation marks. About 1 in 100 articles is
in French, to exercise the skipped-language path.

Article ``i`` depends only on ``(seed, i)``, so a smaller corpus is a prefix of a
larger one with the same seed.

Usage::

    python benchmarks/generate_corpus.py 1000 -o output/bench/corpus-1000.jsonl
    python benchmarks/generate_corpus.py 1000 -o output/bench/corpus-1000.parquet

As a module: ``generate_articles(n, seed=0)`` yields dicts with the keys ``FIELDS``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

FIELDS = ("doc_id", "outlet", "wire", "date", "title", "url", "language", "text")

# (full name, surname, description, pronoun subject, kind)
PEOPLE = [
    ("Miriam T. Calloway", "Calloway", "the national security adviser", "she", "person"),
    ("Pavel A. Dragunov", "Dragunov", "the Security Council secretary", "he", "person"),
    ("Helena Voss", "Voss", "the foreign minister", "she", "person"),
    ("Owen Strand", "Strand", "the defence secretary", "he", "person"),
    ("Lucas Pemberton", "Pemberton", "the Granite House press secretary", "he", "person"),
    ("Arkady Belan", "Belan", "the Ostravian president", "he", "person"),
    ("Ivo Marek", "Marek", "the Citadel spokesman", "he", "person"),
    ("Sergei Tallin", "Tallin", "the deputy foreign minister", "he", "person"),
    ("Lena Aurich", "Aurich", "the Valmoran foreign minister", "she", "person"),
    ("Nadia Okafor", "Okafor", "the arms-control analyst", "she", "person"),
    ("Ruth Delacroix", "Delacroix", "the senator", "she", "person"),
]
ORGANISATIONS = ["the Citadel", "the Granite House", "the Norlandic mission in Port Halden",
                 "the Halden Institute for Strategic Studies", "Ostra-Press"]
OUTLETS = [("The Esterby Ledger", "esterby-ledger.example"), ("Kovask Herald", "kovask-herald.example"),
           ("Meridian Wire", "meridian-wire.example"), ("Daily Lantern", "daily-lantern.example"),
           ("Harbor Times", "harbor-times.example"), ("Northern Broadcast Online", "nbo.example"),
           ("Valmora Today", "valmora-today.example")]
CHANNELS = ["Kovask Broadcasting", "Ostra-Press", "Northern Broadcast Online", "the Esterby Ledger"]
ADDRESSEES = ["reporters", "journalists", "lawmakers", "a news conference", "the delegation",
              "an audience in Esterby"]
CUES_PAST = ["said", "added", "told", "insisted", "warned", "stressed", "noted", "argued",
             "declared", "explained", "acknowledged", "claimed", "conceded", "remarked"]
CUES_AFTER = ["said", "added", "insisted", "warned", "noted", "argued", "explained", "conceded"]
MARKS = [("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019"), ("\u00ab", "\u00bb")]
MARK_WEIGHTS = [6, 3, 1, 1]

SUBJECTS = ["The talks", "This meeting", "Our delegation", "The agreement", "The ceasefire line",
            "Arms control", "The inspection regime", "Esterby", "Kovask", "Nobody in this room",
            "The treaty", "Our partners", "The missile question", "The next round"]
PREDICATES = ["was a serious step forward", "will not be decided in one afternoon",
              "has to rest on verification, not on trust", "remains the heart of the matter",
              "cannot wait for another winter", "showed that both sides are listening",
              "is not a concession to anyone", "depends on what happens in Kovask next week",
              "was frank and at times difficult", "opens a door that was closed for years",
              "must include the northern bases", "gives us something to build on",
              "was never on the table", "will be reviewed by experts in Port Halden"]
CLAUSES = ["the two sides had agreed to meet again in April",
           "no deal on the inspection regime was reached",
           "the talks had been constructive but inconclusive",
           "Ostravia was ready to discuss the northern bases",
           "Norland would not lift sanctions before a verified withdrawal",
           "the Valmoran hosts had offered to chair a technical group",
           "the delegations had exchanged draft texts overnight",
           "a joint statement was unlikely before the weekend",
           "the question of observers remained open",
           "expert teams would continue working in Port Halden"]
FRAGMENTS = ["a useful beginning", "businesslike", "not a reset", "a test of good faith",
             "deeply disappointing", "the first honest conversation in years", "premature"]
BACKGROUND = [
    "The meeting in Port Halden was the first between the two security chiefs since the crisis began.",
    "Valmora, which has hosted several rounds of talks, offered the old customs house as a venue.",
    "Relations between Esterby and Kovask have been strained since the collapse of the border accord.",
    "Delegations arrived on Thursday evening under heavy security.",
    "Both governments had played down expectations before the meeting.",
    "Talks lasted more than five hours, with a break for lunch at the Valmoran foreign ministry.",
    "Analysts in Esterby had expected little beyond an agreement to keep talking.",
    "The Citadel released a short statement shortly after the talks ended.",
    "Protesters gathered outside the venue, calling for the release of detained journalists.",
    "Markets in Kovask rose slightly on news that the talks had gone ahead.",
    "The last comparable meeting, four years ago, ended without a joint statement.",
    "Officials on both sides spoke on condition that their names not be used.",
]
FRENCH = [
    "Les pourparlers de Port Halden se sont poursuivis jusqu'au soir.",
    "La délégation ostravienne a présenté un nouveau projet de texte.",
    "Selon des observateurs, aucune percée n'est attendue avant le printemps.",
    "Le ministre valmoran a salué un dialogue franc et utile.",
    "Les experts se retrouveront la semaine prochaine pour examiner les détails.",
]


def _content(rng: random.Random) -> str:
    text = f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)}"
    if rng.random() < 0.4:
        text += f", and {rng.choice(SUBJECTS).lower()} {rng.choice(PREDICATES)}"
    return text


def _quote_paragraph(rng: random.Random, person: tuple, first: bool) -> str:
    full, surname, description, pronoun, _ = person
    name = full if first else rng.choice([surname, surname, description.capitalize() + " " + surname])
    speaker_after = rng.choice([surname, pronoun, description]) if not first else full
    left, right = rng.choices(MARKS, MARK_WEIGHTS)[0]
    cue = rng.choice(CUES_AFTER)
    shape = rng.randrange(9)
    if shape == 0:    # direct, cue after
        return f"{left}{_content(rng)},{right} {speaker_after} {cue}."
    if shape == 1:    # direct, inverted cue after
        who = description if not first else full
        return f"{left}{_content(rng)},{right} {cue} {who}."
    if shape == 2:    # direct, cue before with a colon
        return f"{name} {rng.choice(['said', 'told ' + rng.choice(ADDRESSEES)])}: {left}{_content(rng)}.{right}"
    if shape == 3:    # split quote around the cue
        return (f"{left}{_content(rng)},{right} {speaker_after} {cue}. "
                f"{left}{_content(rng)}.{right}")
    if shape == 4:    # indirect
        verb = rng.choice(["said", "told " + rng.choice(ADDRESSEES), "insisted", "warned", "added"])
        return f"{name} {verb} that {rng.choice(CLAUSES)}."
    if shape == 5:    # according to
        return f"According to {name}, {rng.choice(CLAUSES)}."
    if shape == 6:    # mixed: a quoted fragment inside reported speech
        return f"{name} called the talks {left}{rng.choice(FRAGMENTS)}{right} and said {rng.choice(CLAUSES)}."
    if shape == 7:    # via a channel
        return (f"{name} told {rng.choice(CHANNELS)} that {rng.choice(CLAUSES)}. "
                f"{pronoun.capitalize()} added: {left}{_content(rng)}.{right}")
    # pronoun speaker with a multi-sentence quote
    return (f"{left}{_content(rng)}. {_content(rng)},{right} {pronoun} {cue}, "
            f"speaking to {rng.choice(ADDRESSEES)} after the session.")


def _english(rng: random.Random, outlet: str) -> tuple[str, str]:
    target = rng.randint(300, 800)
    speakers = rng.sample(PEOPLE, k=rng.randint(2, 5))
    title = f"{speakers[0][1]} and {speakers[1][1]} {rng.choice(['meet in Port Halden', 'end talks without deal', 'agree to keep talking', 'clash over inspections'])}"
    dateline = rng.choice(["PORT HALDEN", "ESTERBY", "KOVASK"])
    paragraphs = [f"{dateline} \u2014 {rng.choice(BACKGROUND)} {rng.choice(BACKGROUND)}"]
    seen: set[str] = set()
    words = len(paragraphs[0].split())
    while words < target:
        roll = rng.random()
        if roll < 0.6:
            person = rng.choice(speakers)
            para = _quote_paragraph(rng, person, person[0] not in seen)
            seen.add(person[0])
        elif roll < 0.7:
            org = rng.choice(ORGANISATIONS)
            para = f"{org[0].upper() + org[1:]} said in a statement that {rng.choice(CLAUSES)}."
        else:
            para = " ".join(rng.sample(BACKGROUND, k=rng.randint(1, 3)))
        paragraphs.append(para)
        words += len(para.split())
    return title, "\n\n".join([title, *paragraphs])


def generate_articles(n: int, *, seed: int = 0) -> Iterator[dict]:
    """Yield ``n`` article dicts (keys ``FIELDS``); article ``i`` depends only on ``seed`` and ``i``."""
    start = dt.date(2025, 3, 14)
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        outlet, domain = rng.choice(OUTLETS)
        wire = "Meridian Wire" if outlet != "Meridian Wire" and rng.random() < 0.15 else None
        date = (start + dt.timedelta(days=rng.randint(-2, 10))).isoformat()
        doc_id = f"gen-{seed}-{i:07d}"
        if rng.random() < 0.01:
            title = "Pourparlers à Port Halden"
            text = title + "\n\n" + " ".join(rng.choices(FRENCH, k=rng.randint(40, 90)))
            language = "fr"
        else:
            title, text = _english(rng, outlet)
            language = "en"
        yield {"doc_id": doc_id, "outlet": outlet, "wire": wire, "date": date, "title": title,
               "url": f"https://{domain}/{date}/{doc_id}", "language": language, "text": text}


def write_corpus(path: str | Path, n: int, *, seed: int = 0, chunk: int = 1000) -> Path:
    """Write ``n`` generated articles to ``path`` (.jsonl or .parquet), ``chunk`` at a time."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    articles = generate_articles(n, seed=seed)
    if path.suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as out:
            for article in articles:
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
    elif path.suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(f, pa.string()) for f in FIELDS])
        with pq.ParquetWriter(path, schema) as writer:
            batch: list[dict] = []
            for article in articles:
                batch.append(article)
                if len(batch) == chunk:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            if batch or n == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    else:
        raise ValueError(f"corpus file must end in .jsonl or .parquet, not {path.name!r}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("-o", "--output", type=Path, action="append", required=True,
                        help="output file, .jsonl or .parquet (repeat for both)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    for path in args.output:
        write_corpus(path, args.n, seed=args.seed)
        print(f"wrote {args.n} articles to {path} ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
