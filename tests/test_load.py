"""Spec of the load stage (toolkit.load): formats, encodings, metadata, bad inputs, CLI.

Texts are fiction (docs/fixture-world.md). Small fixture files live in
tests/fixtures/load/; encoded and broken files are written into tmp_path by the tests.
"""
from __future__ import annotations

import json
import logging
import os
import pickle
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import cli
from toolkit import load as load_module
from toolkit.load import (
    Article, Corpus, LoadError, articles_frame, decode_bytes,
    detect_language, extract_html, find_caption, iter_articles, load_corpus, read_file,
)
from toolkit.schema import ARTICLE_COLUMNS, FAILURE_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures" / "load"
SEED = Path(__file__).parents[1] / "data" / "articles"

RUSSIAN = "Переговоры в Порт-Халдене завершились без совместного заявления, сообщил Иво Марек."
FRENCH = "Le café de Port Halden était plein: « Nous avons progressé », a déclaré Lena Aurich."
ENGLISH = "Talks between Norland and Ostravia ended in Port Halden on Friday, officials said."


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- decode_bytes

@pytest.mark.parametrize(("data", "text", "encoding"), [
    pytest.param(ENGLISH.encode(), ENGLISH, "utf-8", id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + FRENCH.encode(), FRENCH, "utf-8-sig", id="utf-8 BOM dropped"),
    pytest.param(FRENCH.encode("utf-16"), FRENCH, "utf-16", id="utf-16 BOM native"),
    pytest.param(b"\xff\xfe" + RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16", id="utf-16-le BOM"),
    pytest.param(b"\xfe\xff" + RUSSIAN.encode("utf-16-be"), RUSSIAN, "utf-16", id="utf-16-be BOM"),
    pytest.param(ENGLISH.encode("utf-16-le"), ENGLISH, "utf-16-le", id="utf-16-le no BOM"),
    pytest.param(ENGLISH.encode("utf-16-be"), ENGLISH, "utf-16-be", id="utf-16-be no BOM"),
    pytest.param(RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251", id="windows-1251 Russian"),
    pytest.param(FRENCH.encode("latin-1"), FRENCH, "iso8859-1", id="latin-1 accents"),
    pytest.param("“We made progress,” Calloway said in Port Halden.".encode("cp1252"),
                 "“We made progress,” Calloway said in Port Halden.", "cp1252", id="cp1252 curly quotes"),
    pytest.param(b"Line one.\r\nLine two.\r\n", "Line one.\nLine two.\n", "utf-8", id="CRLF"),
    pytest.param(b"Line one.\rLine two.\r", "Line one.\nLine two.\n", "utf-8", id="CR"),
    pytest.param("Марек:\r\nда.\r\n".encode("utf-16"), "Марек:\nда.\n", "utf-16", id="utf-16 CRLF"),
])
def test_decode_bytes(data, text, encoding):
    assert decode_bytes(data, path="x.txt") == (text, encoding)


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b" \n\t\r\n", "empty file"),
    ("   ".encode("utf-16"), "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file, not text"),
    (bytes(range(256)) * 4, "binary file, not text"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "binary file, not text"),
])
def test_decode_bytes_rejects(data, reason):
    with pytest.raises(LoadError, match=reason) as info:
        decode_bytes(data, path="corpus/x.txt")
    assert info.value.path == "corpus/x.txt"
    assert str(info.value).startswith("corpus/x.txt: ")


@pytest.mark.parametrize(("data", "encoding"), [
    ("€ и ё".encode("utf-8"), "utf-8"),
    (RUSSIAN.encode("utf-8"), "utf-8"),
])
def test_decode_bytes_prefers_utf8(data, encoding):
    assert decode_bytes(data)[1] == encoding


@pytest.mark.parametrize(("encoding", "suffix"), [
    ("utf-8-sig", ".txt"), ("utf-16", ".txt"), ("cp1251", ".txt"), ("latin-1", ".txt"),
    ("utf-16", ".jsonl"), ("cp1251", ".csv"), ("utf-8-sig", ".csv"), ("cp1251", ".json"),
])
def test_read_file_in_each_encoding(tmp_path, encoding, suffix):
    body = RUSSIAN if encoding == "cp1251" else FRENCH
    content = {
        ".txt": body + "\r\nВторая строка.\r\n" if encoding == "cp1251" else body + "\r\nSecond line.\r\n",
        ".jsonl": json.dumps({"id": "a1", "text": body}, ensure_ascii=False) + "\r\n",
        ".csv": 'id,text\r\na1,"' + body + '"\r\n',
        ".json": json.dumps({"id": "a1", "text": body}, ensure_ascii=False),
    }[suffix]
    path = write(tmp_path / f"doc{suffix}", content.encode(encoding))
    [article] = read_file(path)
    assert article.text.startswith(body)
    assert "\r" not in article.text
    assert article.language == ("ru" if encoding == "cp1251" else "fr")
    assert article.encoding


def test_html_declared_charset(tmp_path):
    page = ('<html lang="ru"><head><meta charset="windows-1251"><title>Заявление</title></head><body>'
            f'<article><p>{RUSSIAN}</p><p>{RUSSIAN}</p></article></body></html>')
    [article] = read_file(write(tmp_path / "kovask.html", page.encode("cp1251")))
    assert RUSSIAN in article.text
    assert (article.encoding, article.language, article.format) == ("cp1251", "ru", "html")


# --------------------------------------------------------------------------- each format

def test_text_file_with_manifest():
    [article] = read_file(FIXTURES / "corpus" / "ledger-2025-03-14.txt")
    assert article.doc_id == "ledger-01"                  # the manifest's doc_id overrides
    assert (article.outlet, article.wire) == ("The Esterby Ledger", "Meridian Wire")
    assert article.date == pd.Timestamp("2025-03-14")
    assert (article.title, article.language, article.format) == ("Talks end in Port Halden", "en", "text")
    assert article.url == "https://ledger.example/2025/03/14/talks"
    assert article.text[article.credit_start:article.credit_end] == "(Meridian/Jon Eke)"
    assert article.text[article.body_start:].startswith("Talks between Norland")
    assert dict(article.extra) == {"duplicate_of": None, "status": "ok"}


def test_text_file_without_manifest_id_is_stem(tmp_path):
    [article] = read_file(write(tmp_path / "lantern-07.txt", ENGLISH))
    assert (article.doc_id, article.outlet, article.date, article.language) == ("lantern-07", None, None, "en")
    assert (article.caption_start, article.credit_end, article.body_start) == (-1, -1, 0)
    assert article.path == str(tmp_path / "lantern-07.txt")


def test_html_file_metadata_from_page_wins_over_manifest():
    [article] = read_file(FIXTURES / "corpus" / "harbor-page.html")
    assert article.doc_id == "harbor-page"
    assert article.outlet == "Harbor Times"             # page's og:site_name, not the manifest's
    assert article.title == "Halden talks end without statement"
    assert article.date == pd.Timestamp("2025-03-14")   # page date, not the manifest's 2001
    assert article.url == "https://harbor-times.example/2025/03/14/halden-talks"
    assert article.language == "en"                     # from <html lang="en-GB">
    assert article.text.startswith("Norland and Ostravia wrapped up")
    assert "Home" not in article.text and "rights reserved" not in article.text
    assert dict(article.extra)["status"] == "ok"


def test_extract_html_fields():
    page = (FIXTURES / "corpus" / "harbor-page.html").read_text(encoding="utf-8")
    result = extract_html(page, url="https://example.org/fallback")
    assert set(result) == {"text", "title", "date", "url", "outlet", "language", "author"}
    assert result["author"] == "Tomas Brell"
    assert result["outlet"] == "Harbor Times"
    assert result["date"] == "2025-03-14"
    assert '"We were frank with each other," Senator Ruth Delacroix said' in result["text"]


@pytest.mark.parametrize("page", [
    "", "<html><body></body></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>",
])
def test_extract_html_without_main_text(page):
    with pytest.raises(LoadError, match=r"^page\.html: HTML without main text"):
        extract_html(page, path="page.html")


def test_jsonl_rows_ids_and_dates():
    records = list(iter_articles(FIXTURES / "wire.jsonl"))
    assert [type(r).__name__ for r in records] == ["Article", "Article", "LoadFailure", "Article"]
    assert [r.doc_id for r in records if isinstance(r, Article)] == ["mw-1", "mw-2", "mw-4"]
    failure = records[2]
    assert (failure.path, failure.line) == (str(FIXTURES / "wire.jsonl"), 3)
    assert failure.error.startswith("invalid JSON")
    # A zone is dropped keeping local wall-clock time (the date the outlet printed).
    assert records[1].date == pd.Timestamp("2025-03-14 23:30")


def test_jsonl_without_ids_uses_line_numbers(tmp_path):
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps({"text": t}) for t in [ENGLISH, "", FRENCH]))
    records = list(iter_articles(path))
    assert [r.doc_id if isinstance(r, Article) else r.line for r in records] == ["feed-1", 2, "feed-3"]
    assert records[1].error == "empty text"


def test_read_file_is_strict_on_a_broken_line():
    with pytest.raises(LoadError, match=r"wire\.jsonl:3: invalid JSON") as info:
        read_file(FIXTURES / "wire.jsonl")
    assert info.value.line == 3


def test_media_cloud_csv_export():
    articles = read_file(FIXTURES / "mediacloud" / "stories.csv")
    assert [a.doc_id for a in articles] == ["90001", "90002"]
    first = articles[0]
    assert (first.outlet, first.title, first.format) == ("Valmora Today", "Port Halden talks close", "csv")
    assert first.date == pd.Timestamp("2025-03-14 18:02:11")
    assert first.url == "https://valmora-today.example/a/90001"
    assert first.text == ('Foreign Minister Lena Aurich said Valmora was "glad to have hosted" the talks.\n'
                          "She thanked both delegations.")


def test_media_cloud_json_export():
    articles = read_file(FIXTURES / "mediacloud" / "stories.json")
    assert [(a.doc_id, a.outlet, a.format) for a in articles] == [
        ("90101", "Kovask Broadcasting", "json"), ("90102", "Daily Lantern", "json")]
    assert articles[0].date == pd.Timestamp("2025-03-16 09:30")


def test_json_single_object_and_wrapped_list(tmp_path):
    [single] = read_file(write(tmp_path / "note.json", json.dumps({"text": ENGLISH, "outlet": "Harbor Times"})))
    assert (single.doc_id, single.outlet) == ("note", "Harbor Times")
    wrapped = read_file(write(tmp_path / "export.json", json.dumps({"stories": [{"text": ENGLISH}, {"text": FRENCH}]})))
    assert [a.doc_id for a in wrapped] == ["export-1", "export-2"]


def test_csv_rows_without_ids(tmp_path):
    path = write(tmp_path / "sheet.csv", f'outlet,date,text\nDaily Lantern,2025-03-14,"{ENGLISH}"\n,,"{FRENCH}"\r\n')
    articles = read_file(path)
    assert [(a.doc_id, a.outlet) for a in articles] == [("sheet-1", "Daily Lantern"), ("sheet-2", None)]


def test_parquet_streams_in_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(load_module, "_PARQUET_BATCH_ROWS", 2)
    frame = pd.DataFrame({
        "title": [f"Story {i}" for i in range(5)],
        "publish_date": pd.to_datetime(["2025-03-14"] * 5),
        "media_name": ["Valmora Today"] * 5,
        "text": [ENGLISH, FRENCH, "", ENGLISH, FRENCH],
    })
    path = tmp_path / "stories.parquet"
    frame.to_parquet(path)
    records = list(iter_articles(path))
    assert [r.doc_id if isinstance(r, Article) else r.error for r in records] == [
        "stories-1", "stories-2", "row 3: empty text", "stories-4", "stories-5"]
    assert records[0].date == pd.Timestamp("2025-03-14")
    assert (records[0].format, records[0].encoding, records[1].language) == ("parquet", None, "fr")


def test_jsonl_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": ENGLISH * 20, "language": "en"}) + "\n"
    path.write_text(line * 4000, encoding="utf-8")          # ~7 MB
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for record in iter_articles(path) if isinstance(record, Article))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 4000
    assert peak < size / 4


# --------------------------------------------------------------------------- bad inputs

@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", r"empty file"),
    ("blank.txt", b"  \r\n\n\t ", r"empty file"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64)), r"binary file, not text"),
    ("scan.html", b"\x00\x01\x02\x03\xff\xfe\xfd" * 20, r"binary file, not text"),
    ("notext.csv", b"title,url\nTalks,https://x.example\n", r":1: CSV has no text column .*it has: 'title', 'url'"),
    ("empty.csv", b"", r"empty file"),
    ("broken.jsonl", b'{"text": "ok, fine."}\n{"text": \n', r":2: invalid JSON"),
    ("broken.json", b'{"text": "ok",\n  oops}', r":2: invalid JSON"),
    ("scalar.json", b"42", r"JSON is a number, not an object or a list of objects"),
    ("strings.json", b'["Talks ended."]', r"item 1: is a JSON string, not an object"),
    ("notext.json", b'{"title": "Talks", "url": "https://x.example"}', r"no text field .*it has: 'title', 'url'"),
    ("nulltext.json", b'{"text": null}', r"empty text"),
    ("numtext.json", b'{"text": 5}', r"text is a number, not a string"),
    ("emptylist.json", b"[]", r"empty file"),
    ("row.jsonl", b'["not", "an", "object"]\n', r":1: is a JSON array, not an object"),
    ("nobody.html", b"<html><head><title>Only a title</title></head><body></body></html>", r"HTML without main text"),
    ("notes.docx", b"PK\x03\x04", r"unknown extension '\.docx'"),
    ("README", b"Talks.", r"unknown extension '\(none\)'"),
    ("broken.parquet", b"PAR1 not really parquet", r"not a readable Parquet file"),
])
def test_bad_file_names_file_and_problem(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    with pytest.raises(LoadError, match=reason) as info:
        read_file(path)
    assert str(info.value).startswith(str(path))


def test_nonexistent_and_directory(tmp_path):
    with pytest.raises(LoadError, match="no such file or directory"):
        read_file(tmp_path / "missing.txt")
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(LoadError, match="is a directory"):
        read_file(tmp_path / "folder.txt")


def test_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", ENGLISH)

    def refuse(file, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(load_module, "open", refuse, raising=False)
    with pytest.raises(LoadError, match=r"locked\.txt: permission denied"):
        read_file(path)
    corpus = load_corpus(path)
    assert corpus.failures["error"].tolist() == ["permission denied"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_for_real(tmp_path):
    path = write(tmp_path / "locked.txt", ENGLISH)
    path.chmod(0)
    with pytest.raises(LoadError, match="permission denied"):
        read_file(path)


def test_load_error_format_and_pickle():
    error = LoadError("a/b.jsonl", "invalid JSON", line=4)
    assert (str(error), error.path, error.line, error.reason) == ("a/b.jsonl:4: invalid JSON", "a/b.jsonl", 4, "invalid JSON")
    assert str(LoadError("a/b.txt", "empty file")) == "a/b.txt: empty file"
    assert isinstance(error, ValueError)
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


# --------------------------------------------------------------------------- captions

@pytest.mark.parametrize(("first_line", "credit"), [
    ("U.S. National Security Advisor John R. Bolton (6th L) and Russian Security Council "
     "Secretary Nikolai Patrushev (5th R) hold talks in Geneva, Switzerland, Aug. 23, 2018.",
     "(Xinhua/U.S. Mission Photo/Eric Bridiers)"),
    ("Ivo Marek speaks to reporters in Kovask on March 15, 2025.", "(AP Photo/Jane Doe)"),
    ("Lena Aurich greets delegates in Port Halden", "(Photo: Anna Vell)"),
    ("Pavel A. Dragunov arrives at the talks.", "(Meridian/Jon Eke)"),
    ("Miriam T. Calloway, right, in Port Halden.", "(Photo by Ostra-Press)"),
    ("The Granite House at dusk.", "(Credit: Harbor Times/Nils Aro)"),
])
def test_find_caption(first_line, credit):
    text = f"{first_line} {credit}\nThe talks ended on Friday.\n"
    caption_span, credit_span, body_start = find_caption(text)
    assert text[slice(*caption_span)] == first_line
    assert text[slice(*credit_span)] == credit
    assert text[body_start:] == "The talks ended on Friday.\n"


@pytest.mark.parametrize("text", [
    "Dr. Nadia Okafor heads the Halden Institute for Strategic Studies (HISS).\nShe said...",
    "The treaty was first signed in Esterby (2019)\nIt lapsed.",
    "Talks resumed on Friday (the first since 2019).\nMore follows.",
    "Norland's stance (and/or Ostravia's) was unclear at the talks.\nMore.",
    "Officials met in Port Halden (Valmora)\nThe meeting ended.",
    "Both sides spoke of progress. (Ostravia/Norland)",                  # no body after it
    "A" * 700 + ". (Meridian/Jon Eke)\nBody.",                            # far too long for a caption
    "Figures rose in the 2024/2025 season. (2024/2025)\nBody.",
    "",
])
def test_find_caption_negative(text):
    assert find_caption(text) == (None, None, 0)


def test_caption_after_leading_blank_lines():
    text = "\n  Lena Aurich in Port Halden. (Meridian/Jon Eke)\nBody text here.\n"
    caption, credit, body = find_caption(text)
    assert text[slice(*caption)] == "Lena Aurich in Port Halden."
    assert text[slice(*credit)] == "(Meridian/Jon Eke)"
    assert text[body:] == "Body text here.\n"


# --------------------------------------------------------------------------- the seed article

def test_seed_article():
    corpus = load_corpus(SEED)
    assert corpus.failures.empty
    [row] = corpus.articles.to_dict("records")
    assert row["doc_id"] == "xinhua-2018-08-23-bolton-patrushev-geneva"
    assert (row["outlet"], row["wire"], row["language"], row["format"]) == ("ECNS", "Xinhua", "en", "text")
    assert row["date"] == pd.Timestamp("2018-08-23")
    assert row["url"] == "http://ecns.cn/news/politics/2018-08-24/detail-ifyxikfc9640965.shtml"
    text = row["text"]
    assert text[row["credit_start"]:row["credit_end"]] == "(Xinhua/U.S. Mission Photo/Eric Bridiers)"
    assert text[row["caption_start"]:row["caption_end"]].startswith("U.S. National Security Advisor John R. Bolton")
    assert text[row["caption_start"]:row["caption_end"]].endswith("Aug. 23, 2018.")
    assert text[row["body_start"]:].startswith("A meeting between U.S. National Security Advisor")
    assert row["caption_start"] == 0 and row["body_start"] == row["credit_end"] + 1


# --------------------------------------------------------------------------- language

@pytest.mark.parametrize(("text", "code"), [
    (ENGLISH, "en"), (RUSSIAN, "ru"), (FRENCH, "fr"), ("Ok.", "und"), ("", "und"), ("2025-03-14 12:00", "und"),
])
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_language_from_file_wins_and_is_normalised(tmp_path):
    path = write(tmp_path / "a.jsonl", json.dumps({"text": ENGLISH, "language": "EN-gb"}) + "\n"
                 + json.dumps({"text": ENGLISH, "language": "de"}) + "\n")
    assert [a.language for a in read_file(path)] == ["en", "de"]


# --------------------------------------------------------------------------- manifests and folders

def test_manifest_fills_and_carries_extra_columns():
    corpus = load_corpus(FIXTURES / "corpus")
    frame = corpus.articles
    assert list(frame.columns) == [*ARTICLE_COLUMNS, "duplicate_of", "status"]
    herald = frame.set_index("doc_id").loc["herald-2025-03-15"]
    assert (herald["outlet"], herald["status"]) == ("Kovask Herald", "review")
    assert pd.isna(herald["wire"]) and pd.isna(herald["title"]) and pd.isna(herald["duplicate_of"])
    assert herald["language"] == "en"                               # detected
    assert "manifest.csv" not in set(frame["path"].map(lambda p: Path(p).name))


def test_manifest_row_without_file_is_a_failure(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "manifest.csv", "file,outlet\na.txt,Daily Lantern\nlost.txt,Harbor Times\n")
    corpus = load_corpus(tmp_path)
    assert corpus.articles["outlet"].tolist() == ["Daily Lantern"]
    [failure] = corpus.failures.to_dict("records")
    assert failure["path"] == str(tmp_path / "manifest.csv") and failure["line"] == 3
    assert "lost.txt" in failure["error"] and "does not exist" in failure["error"]


def test_explicit_manifest_in_parent_folder(tmp_path):
    write(tmp_path / "text" / "b-01.txt", ENGLISH)
    manifest = write(tmp_path / "manifest_b.csv", "file,doc_id,outlet,date\ntext/b-01.txt,dev-b-01,Meridian Wire,2025-03-05\n")
    [row] = load_corpus(tmp_path / "text", manifest=manifest).articles.to_dict("records")
    assert (row["doc_id"], row["outlet"], row["date"]) == ("dev-b-01", "Meridian Wire", pd.Timestamp("2025-03-05"))


def test_manifest_for_a_multi_article_file(tmp_path):
    write(tmp_path / "rows.jsonl", json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"text": FRENCH, "outlet": "Valmora Today"}) + "\n")
    write(tmp_path / "manifest.csv", "file,doc_id,outlet,wire\nrows.jsonl,ignored,Harbor Times,Meridian Wire\n")
    frame = load_corpus(tmp_path).articles
    assert frame[["doc_id", "outlet", "wire"]].values.tolist() == [
        ["rows-1", "Harbor Times", "Meridian Wire"], ["rows-2", "Valmora Today", "Meridian Wire"]]


def test_manifest_without_file_column(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "manifest.csv", "name,outlet\na.txt,Daily Lantern\n")
    corpus = load_corpus(tmp_path)
    assert len(corpus.articles) == 1 and pd.isna(corpus.articles["outlet"][0])
    assert corpus.failures["error"].str.contains("manifest has no 'file' column; it has: 'name', 'outlet'").all()


def test_folder_keeps_good_files_and_reports_each_bad_one(tmp_path, caplog):
    write(tmp_path / "good.txt", ENGLISH)
    write(tmp_path / "sub" / "good.html", (FIXTURES / "corpus" / "harbor-page.html").read_bytes())
    write(tmp_path / "sub" / "rows.jsonl", json.dumps({"id": "r1", "text": FRENCH}) + "\n{bad\n")
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "binary.txt", b"\x00\x01\x02\x03" * 64)
    write(tmp_path / "cols.csv", "title,url\nA,B\n")
    write(tmp_path / "gold_b.jsonl", '{"doc": "x", "start": 0}\n')          # gold files are skipped
    write(tmp_path / "fetch_report.csv", "url,status\nhttps://x.example,404\n")         # so is the fetch report
    write(tmp_path / ".hidden.txt", ENGLISH)                                 # hidden files are skipped
    write(tmp_path / ".cache" / "x.txt", ENGLISH)                            # hidden folders too
    write(tmp_path / "notes.md", "# notes")                                  # not an article extension
    with caplog.at_level(logging.WARNING, logger="toolkit.load"):
        corpus = load_corpus(tmp_path)
    assert isinstance(corpus, Corpus)
    assert sorted(corpus.articles["doc_id"]) == ["good", "r1"]
    failures = {(Path(p).name, line if pd.notna(line) else None): error
                for p, line, error in corpus.failures.itertuples(index=False)}
    assert failures[("empty.txt", None)] == "empty file"
    assert failures[("binary.txt", None)].startswith("binary file, not text")
    assert failures[("cols.csv", 1)].startswith("CSV has no text column")
    assert failures[("rows.jsonl", 2)].startswith("invalid JSON")
    assert failures[("good.html", None)].startswith("duplicate doc_id 'good'")
    assert list(corpus.failures.columns) == list(FAILURE_COLUMNS)
    assert str(corpus.failures["line"].dtype) == "Int64"
    [record] = [r for r in caplog.records if r.name == "toolkit.load"]
    assert "5 failure(s)" in record.getMessage()


def test_sources_glob_list_and_missing(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "b.txt", FRENCH)
    write(tmp_path / "manifest.csv", "file,outlet\na.txt,Harbor Times\n")
    by_glob = load_corpus(str(tmp_path / "*.txt"))
    assert by_glob.articles["doc_id"].tolist() == ["a", "b"]
    assert by_glob.articles["outlet"].tolist()[0] == "Harbor Times"
    by_list = load_corpus([tmp_path / "b.txt", tmp_path / "nope.txt", str(tmp_path / "*.none")])
    assert by_list.articles["doc_id"].tolist() == ["b"]
    assert by_list.failures["error"].tolist() == ["no such file or directory", "no files match this pattern"]


def test_empty_corpus_has_stable_dtypes(tmp_path):
    corpus = load_corpus(tmp_path)
    assert corpus.articles.empty and corpus.failures.empty
    expected = articles_frame([Article(
        doc_id="x", outlet=None, wire=None, date=None, title=None, url=None, language="en", text="T",
        caption_start=-1, caption_end=-1, credit_start=-1, credit_end=-1, body_start=0,
        path="x.txt", format="text", encoding="utf-8")])
    pd.testing.assert_series_equal(corpus.articles.dtypes, expected.dtypes)
    assert list(corpus.articles.columns) == list(ARTICLE_COLUMNS)


def test_progress_bar(tmp_path, capsys):
    for i in range(3):
        write(tmp_path / f"a{i}.txt", ENGLISH)
    corpus = load_corpus(tmp_path, progress=True)
    assert len(corpus.articles) == 3
    assert "loading" in capsys.readouterr().err


def test_iter_articles_is_lazy(tmp_path):
    write(tmp_path / "a.txt", ENGLISH)
    stream = iter_articles(tmp_path)
    write(tmp_path / "a.txt", FRENCH)             # not read until asked for
    assert next(stream).language == "fr"
    assert next(stream, None) is None


# --------------------------------------------------------------------------- CLI

def test_cli_load_writes_table_and_reports_failures(tmp_path, capsys):
    write(tmp_path / "in" / "a.txt", ENGLISH)
    write(tmp_path / "in" / "empty.txt", b"")
    write(tmp_path / "in" / "rows.jsonl", json.dumps({"text": FRENCH}) + "\n{bad\n")
    out, fails = tmp_path / "articles.jsonl", tmp_path / "failures.csv"
    code = cli.main(["load", str(tmp_path / "in"), "-o", str(out), "--format", "jsonl", "--failures", str(fails)])
    assert code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in rows] == ["a", "rows-1"]
    assert list(rows[0]) == list(ARTICLE_COLUMNS)
    failures = pd.read_csv(fails)
    assert failures["error"].tolist()[0] == "empty file" or "empty file" in failures["error"].tolist()
    err = capsys.readouterr().err
    assert "load: 2 article(s) from 2 file(s), 2 failure(s)" in err
    assert f"{tmp_path / 'in' / 'rows.jsonl'}:2: invalid JSON" in err
    assert f"{tmp_path / 'in' / 'empty.txt'}: empty file" in err


def test_cli_load_csv_to_stdout(capsys):
    assert cli.main(["load", str(SEED)]) == 0
    captured = capsys.readouterr()
    frame = pd.read_csv(__import__("io").StringIO(captured.out))
    assert frame["outlet"].tolist() == ["ECNS"]
    assert "1 article(s)" in captured.err


def test_cli_load_nothing_loaded_exits_1(tmp_path, capsys):
    write(tmp_path / "empty.txt", b"")
    assert cli.main(["load", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert "0 article(s)" in err and "missing.txt: no such file or directory" in err


# --------------------------------------------------------------------------- properties

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300),
                      st.text(max_size=120).map(lambda t: t.encode("utf-8")),
                      st.text(max_size=120).map(lambda t: t.encode("utf-16", "surrogatepass"))))
def test_decode_bytes_only_raises_load_error(data):
    try:
        text, encoding = decode_bytes(data, path="p")
    except LoadError:
        return
    assert "\r" not in text and text.strip() and encoding


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200), suffix=st.sampled_from([".txt", ".json", ".jsonl", ".csv", ".html", ".parquet"]))
def test_read_file_only_raises_load_error(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        articles = read_file(path)
    except LoadError as exc:
        assert exc.path == str(path)
        return
    assert all(isinstance(a, Article) and a.text.strip() for a in articles)


_WORD = st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=8)
_NAME = st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8}){0,2}", fullmatch=True)


@settings(max_examples=100, deadline=None)
@given(words=st.lists(_WORD, min_size=1, max_size=30), names=st.lists(_NAME, min_size=1, max_size=3),
       body=st.text(max_size=200), lead=st.sampled_from(["", "\n", "  "]),
       keyword=st.sampled_from(["", "AP Photo/", "Photo: "]))
def test_caption_offsets_slice_back(words, names, body, lead, keyword):
    caption = " ".join(words) + "."
    credit = "(" + keyword + "/".join(names) + ")"
    text = f"{lead}{caption} {credit}\nBody {body}"
    caption_span, credit_span, body_start = find_caption(text)
    if credit_span is None:                 # not every random line qualifies (e.g. too long)
        assert caption_span is None and body_start == 0
        return
    assert text[slice(*credit_span)] == credit
    assert text[slice(*caption_span)] == caption
    assert text[body_start:] == f"Body {body}"


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_find_caption_spans_are_within_the_text(text):
    caption, credit, body_start = find_caption(text)
    assert 0 <= body_start <= len(text)
    if credit is not None:
        assert 0 <= caption[0] < caption[1] <= credit[0] < credit[1] < body_start
        assert text[credit[0]] == "(" and text[credit[1] - 1] == ")"
        assert text[body_start - 1] == "\n"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(min_size=1, max_size=80).filter(str.strip), min_size=1, max_size=4))
def test_loading_is_deterministic(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("det")
    for i, text in enumerate(texts):
        (folder / f"doc-{i}.txt").write_text(text, encoding="utf-8", newline="")
    (folder / "rows.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    first, second = load_corpus(folder), load_corpus([folder])
    pd.testing.assert_frame_equal(first.articles, second.articles)
    pd.testing.assert_frame_equal(first.failures, second.failures)
    assert len(first.articles) + len(first.failures) == 2 * len(texts)


@pytest.mark.parametrize(("text", "codec", "encoding"), [
    pytest.param(RUSSIAN, "koi8_r", "koi8-r", id="KOI8-R"),
    pytest.param("Οι συνομιλίες στο Πορτ Χάλντεν ολοκληρώθηκαν χωρίς κοινή δήλωση.", "cp1253", "cp1253", id="Greek"),
    pytest.param("Rozmowy w Łodzi zakończyły się bez wspólnego oświadczenia, powiedział Marek.",
                 "cp1250", "cp1250", id="Polish cp1250"),
    pytest.param("港口哈尔登的会谈结束了，没有发表联合声明。", "gb18030", "gb18030", id="Chinese"),
])
def test_decode_bytes_other_encodings(text, codec, encoding):
    assert decode_bytes(text.encode(codec)) == (text, encoding)


def test_jsonl_line_in_another_encoding(tmp_path):
    ascii_line = json.dumps({"text": ENGLISH}) + "\n"
    russian_line = json.dumps({"text": RUSSIAN}, ensure_ascii=False).encode("cp1251") + b"\n"
    path = write(tmp_path / "mixed.jsonl", ascii_line.encode() * 700 + russian_line)   # head > 64 KiB
    articles = read_file(path)
    assert [(a.encoding, a.language) for a in articles[-2:]] == [("utf-8", "en"), ("cp1251", "ru")]
    assert articles[-1].text == RUSSIAN
    # A small file is sniffed whole: one encoding for every line.
    small = write(tmp_path / "small.jsonl", ascii_line.encode() + russian_line)
    assert [a.encoding for a in read_file(small)] == ["cp1251", "cp1251"]


def test_csv_undecodable_after_the_sniffed_head(tmp_path):
    head = "id,text\n" + "".join(f'a{i},"{ENGLISH}"\n' for i in range(900))   # > 64 KiB of ASCII
    path = write(tmp_path / "late.csv", head.encode() + f'z1,"{RUSSIAN}"\n'.encode("cp1251"))
    path2 = write(tmp_path / "garbage.csv", head.encode() + b'z2,"\xff\x00\x01\x02\x03\x04 binary"\n' + f'z3,"{ENGLISH}"\n'.encode())
    records = list(iter_articles(path))
    assert all(isinstance(r, Article) for r in records) and len(records) == 901
    assert (records[-1].doc_id, records[-1].encoding, records[-1].text) == ("z1", "cp1251", RUSSIAN)
    assert records[0].encoding == "utf-8"
    records = list(iter_articles(path2))
    assert [r.doc_id if isinstance(r, Article) else (r.line, r.error) for r in records[-2:]] == [
        (902, "line 902: line is not valid utf-8: binary file, not text (contains NUL bytes)"), "z3"]


def test_extract_html_accepts_bytes():
    page = (FIXTURES / "corpus" / "harbor-page.html").read_bytes()
    assert extract_html(page)["title"] == "Halden talks end without statement"
    with pytest.raises(TypeError, match="html must be str or bytes"):
        extract_html(None)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_the_written_table_loads_back_the_same(tmp_path, fmt, capsys):
    out = tmp_path / f"articles.{fmt}"
    assert cli.main(["load", str(FIXTURES), "-o", str(out), "--format", fmt]) == 0
    columns = ["doc_id", "outlet", "wire", "date", "title", "url", "language", "text",
               "caption_start", "caption_end", "credit_start", "credit_end", "body_start"]
    original = load_corpus(FIXTURES).articles[columns]
    reloaded = load_corpus(out).articles[columns]
    pd.testing.assert_frame_equal(original, reloaded)


def test_html_labelled_latin1_is_read_as_cp1252(tmp_path):
    body = "“We were frank,” Senator Ruth Delacroix said in Esterby after the talks in Port Halden ended."
    page = f'<html><head><meta charset="iso-8859-1"></head><body><article><p>{body}</p></article></body></html>'
    [article] = read_file(write(tmp_path / "lantern.htm", page.encode("cp1252")))
    assert (article.text, article.encoding) == (body, "cp1252")


@pytest.mark.parametrize("value", [
    "2025-03-21", "2018-08-23T10:15:00", "2018-08-23T10:15:00Z", "2018-08-23T10:15:00+02:00", "2018-08-23 10:15",
    "2018-08-23T10:15:00.123456-05:00", "1600-01-01", "2300-01-01", "2018-02-30", "23 August 2018", "Aug. 23, 2018",
])
def test_iso_dates_take_the_fast_path_with_pandas_answer(value):
    import warnings

    from toolkit.load import _parse_date

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = pd.Timestamp(pd.to_datetime(value, errors="coerce"))
    expected = None if pd.isna(expected) else expected.tz_localize(None) if expected.tzinfo else expected
    if expected is not None and not (pd.Timestamp.min <= expected <= pd.Timestamp.max):
        expected = None
    assert _parse_date(value) == expected
