"""Analysts' corrections applied on top of an extracted quotes table.

A corrections file is a CSV, one correction a row, applied in file order:

=============  ==============================================================
column         meaning
=============  ==============================================================
``doc_id``     the article (required)
``start``      the quote's start offset in the extracted table (required);
               for ``add``, the new quote's start
``action``     ``override`` (set some columns of the quote), ``add`` (a quote
               the engine missed) or ``drop`` (a quote that is not one)
``new_start``  optional, ``override`` only: move the quote's start
any quote      a column of :data:`toolkit.schema.QUOTE_COLUMNS` to set
column         (``speaker``, ``speaker_type``, ``kind``, ``end``, ``quote``,
               ``cue``, ``via``, ...); an empty cell keeps the value, the
               cell ``<none>`` clears it
``note``       optional free text, ignored (why the correction was made)
=============  ==============================================================

``override`` and ``drop`` name an existing quote by ``doc_id`` and ``start``;
``add`` needs at least ``end`` and ``kind``. Corrected and added rows get the rule
``correction:override`` / ``correction:add``. Example::

    doc_id,start,action,speaker,speaker_type,kind,end,note
    dev-b-01,98,override,Lena Aurich,person,,,pronoun resolved to the wrong minister
    dev-b-01,273,drop,,,,,a treaty title
    dev-b-02,40,add,Ivo Marek,person,indirect,95,missed 'according to'

When the article texts are given, ``quote`` follows the (possibly corrected)
offsets and an explicit ``quote`` must equal ``text[start:end]``.

>>> import pandas as pd
>>> quotes = pd.DataFrame({"doc_id": ["d"], "kind": ["direct"], "quote": ["We agree"],
...                        "start": [1], "end": [9], "speaker": ["Voss"], "rule": ["cue-after"]})
>>> fixes = pd.DataFrame({"doc_id": ["d"], "start": [1], "action": ["override"],
...                       "speaker": ["Helena Voss"]})
>>> apply_corrections(quotes, fixes)[["speaker", "rule"]]
       speaker                 rule
0  Helena Voss  correction:override
"""
from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from toolkit.schema import QUOTE_COLUMNS, require_columns

__all__ = ["ACTIONS", "CORRECTION_COLUMNS", "NULL_CELL", "CorrectionError", "read_corrections",
           "apply_corrections"]

#: The actions a correction row may take.
ACTIONS: tuple[str, ...] = ("override", "add", "drop")

#: Columns a corrections file may have (besides the quote columns it sets).
CORRECTION_COLUMNS: tuple[str, ...] = ("doc_id", "start", "action", "new_start", "note")

#: A cell that clears a value (an empty cell keeps it).
NULL_CELL = "<none>"

_KINDS = ("direct", "indirect", "mixed")
_SETTABLE = tuple(c for c in QUOTE_COLUMNS if c not in ("doc_id", "start", "rule"))
_INT_COLUMNS = frozenset({"start", "end", "new_start", "speaker_start", "speaker_end", "cue_start",
                          "cue_end", "sentence_start", "sentence_end"})


class CorrectionError(ValueError):
    """A corrections file is malformed or does not fit the quotes table; names file and line."""


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _validate(rows: list[dict], where: str) -> list[dict]:
    """Check every row; returns rows with parsed values (``_line`` kept)."""
    parsed = []
    for row in rows:
        line = row["_line"]

        def fail(message: str) -> CorrectionError:
            return CorrectionError(f"{where}:{line}: {message}")

        out = {"_line": line}
        for column, value in row.items():
            if column == "_line" or _blank(value):
                continue
            value = value.strip() if isinstance(value, str) else value
            if value == NULL_CELL:
                if column in ("doc_id", "start", "action", "new_start"):
                    raise fail(f"{column} cannot be {NULL_CELL}")
                out[column] = None
                continue
            if column in _INT_COLUMNS:
                try:
                    number = float(value)
                except (TypeError, ValueError):
                    raise fail(f"{column} must be an integer offset, got {value!r}") from None
                if number != int(number) or number < 0:
                    raise fail(f"{column} must be a non-negative integer offset, got {value!r}")
                value = int(number)
            out[column] = value
        for key in ("doc_id", "start", "action"):
            if key not in out:
                raise fail(f"missing {key}")
        out["doc_id"] = str(out["doc_id"])
        if out["action"] not in ACTIONS:
            raise fail(f"unknown action {out['action']!r}; valid actions: {', '.join(ACTIONS)}")
        if out.get("kind") is not None and out["kind"] not in _KINDS:
            raise fail(f"kind {out['kind']!r} is not one of {', '.join(_KINDS)}")
        if out["action"] == "add":
            missing = [c for c in ("end", "kind") if out.get(c) is None]
            if missing:
                raise fail(f"add needs {' and '.join(missing)}")
        if "new_start" in out and out["action"] != "override":
            raise fail("new_start is only for override")
        if out["action"] == "drop" and set(out) - {"_line", "doc_id", "start", "action", "note"}:
            raise fail("drop takes no columns to set")
        start = out.get("new_start", out["start"])
        if "end" in out and out["end"] is not None and out["end"] <= start:
            raise fail(f"end {out['end']} must be after start {start}")
        parsed.append(out)
    return parsed


def _check_columns(columns: list[str], where: str) -> None:
    allowed = set(CORRECTION_COLUMNS) | set(_SETTABLE)
    unknown = [c for c in columns if c not in allowed]
    if unknown:
        raise CorrectionError(f"{where}:1: unknown column(s) {', '.join(map(repr, unknown))}; "
                              f"valid: {', '.join(CORRECTION_COLUMNS + _SETTABLE)}")
    missing = [c for c in ("doc_id", "start", "action") if c not in columns]
    if missing:
        raise CorrectionError(f"{where}:1: missing column(s) {', '.join(missing)}")


def read_corrections(path: str | Path) -> pd.DataFrame:
    """Read and validate a corrections CSV (format in the module docstring).

    Args:
        path: The CSV file (UTF-8).

    Returns:
        A frame of the rows as written (strings, ``""`` for empty cells) with a
        ``line`` column giving each row's line in the file.

    Raises:
        CorrectionError: naming the file and line: unknown column (line 1), missing
            doc_id/start/action, unknown action, bad offsets, bad kind.
    """
    path = Path(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = [c.strip() for c in (reader.fieldnames or [])]
        _check_columns(columns, str(path))
        rows = []
        for raw in reader:
            if None in raw:
                raise CorrectionError(f"{path}:{reader.line_num}: more cells than columns")
            row = {k.strip(): ("" if v is None else v) for k, v in raw.items()}
            if not any(v.strip() for v in row.values()):
                continue
            rows.append({**row, "_line": reader.line_num})
    _validate(rows, str(path))
    frame = pd.DataFrame([{k: v for k, v in r.items() if k != "_line"} for r in rows], columns=columns)
    frame["line"] = [r["_line"] for r in rows]
    frame.attrs["source"] = str(path)
    return frame


def _rows_of(corrections: pd.DataFrame | str | Path) -> tuple[list[dict], str]:
    if isinstance(corrections, (str, Path)):
        frame = read_corrections(corrections)
    elif isinstance(corrections, pd.DataFrame):
        frame = corrections
    else:
        raise TypeError(f"corrections must be a DataFrame or a path, not {type(corrections).__name__}")
    where = frame.attrs.get("source", "corrections")
    columns = [c for c in frame.columns if c != "line"]
    _check_columns(columns, where)
    lines = frame["line"].tolist() if "line" in frame.columns else [i + 2 for i in range(len(frame))]
    rows = [{**{c: r[c] for c in columns}, "_line": line}
            for r, line in zip(frame.to_dict(orient="records"), lines)]
    return _validate(rows, where), where


def apply_corrections(quotes: pd.DataFrame, corrections: pd.DataFrame | str | Path, *,
                      texts: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Apply corrections to a quotes table and return a new table (the input is not changed).

    Args:
        quotes: The extracted quotes (needs doc_id, start, end, kind, rule).
        corrections: A corrections frame (as :func:`read_corrections` returns, or any
            frame with its columns; lines then count from 2 as in a CSV) or a path.
        texts: Optional ``{doc_id: text}``: offsets are checked against the text and
            ``quote`` is set to ``text[start:end]``.

    Returns:
        The corrected table, same columns, sorted by doc_id and start; dropped rows
        removed, added rows present; changed rows have rule
        ``correction:override``/``correction:add``.

    Raises:
        CorrectionError: naming the file and line: a drop/override that matches no
            quote (or several), an add on an existing start, offsets past the text,
            a quote that differs from the text, plus everything
            :func:`read_corrections` checks.
    """
    require_columns(quotes, ("doc_id", "start", "end", "kind", "rule"), what="quotes")
    rows, where = _rows_of(corrections)
    table = [dict(r) for r in quotes.to_dict(orient="records")]
    for fix in rows:
        line = fix["_line"]

        def fail(message: str) -> CorrectionError:
            return CorrectionError(f"{where}:{line}: {message}")

        doc, start, action = fix["doc_id"], fix["start"], fix["action"]
        matches = [i for i, q in enumerate(table) if str(q["doc_id"]) == doc and int(q["start"]) == start]
        if action in ("override", "drop"):
            if not matches:
                raise fail(f"{action}: no quote of {doc!r} starts at {start}")
            if len(matches) > 1:
                raise fail(f"{action}: {len(matches)} quotes of {doc!r} start at {start}; cannot tell which")
        if action == "drop":
            del table[matches[0]]
            continue
        values = {k: v for k, v in fix.items() if k in _SETTABLE}
        if action == "override":
            row = table[matches[0]]
            if "new_start" in fix:
                row["start"] = fix["new_start"]
            row.update(values)
            row["rule"] = "correction:override"
        else:
            if matches:
                raise fail(f"add: a quote of {doc!r} already starts at {start}; use override")
            row = {column: None for column in quotes.columns}
            row.update(values, doc_id=doc, start=start, rule="correction:add")
            table.append(row)
        if row["end"] is None or int(row["end"]) <= int(row["start"]):
            raise fail(f"bad offsets: start {row['start']}, end {row['end']}")
        if texts is not None and doc in texts:
            text = texts[doc]
            s, e = int(row["start"]), int(row["end"])
            if e > len(text):
                raise fail(f"end {e} is past the end of {doc!r} ({len(text)} characters)")
            if "quote" in values and values["quote"] != text[s:e]:
                raise fail(f"quote {values['quote'][:60]!r} is not text[{s}:{e}] ({text[s:e][:60]!r})")
            if "quote" in row:
                row["quote"] = text[s:e]
        elif action == "add" and "quote" in quotes.columns and row.get("quote") is None:
            raise fail("add needs a quote (or pass texts= to take it from the article)")
    frame = pd.DataFrame(table, columns=list(quotes.columns))
    for column, dtype in quotes.dtypes.items():
        try:
            frame[column] = frame[column].astype(dtype)
        except (TypeError, ValueError):
            if pd.api.types.is_integer_dtype(dtype):
                frame[column] = frame[column].astype("Int64")
    return frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
