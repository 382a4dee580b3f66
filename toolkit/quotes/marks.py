"""Pair quotation marks into quotations, paragraph by paragraph.

Handles straight (``"``), curly (``“ ”``), low-high (``„ “``), guillemets (``« »``)
and single marks (``‘ ’`` and ``'``) as quotations of their own or nested inside
double ones, tells apostrophes (``Russia’s``, ``the ministers' meeting``) from
quotation marks, follows a quotation over several paragraphs (each opens with a
mark, only the last closes), and recovers from unbalanced marks without swallowing
the rest of the article: an unclosed quotation ends with its paragraph.

>>> text = 'He said: "We met. It was \\'useful\\'." Then rain.'
>>> [(text[q.start:q.end], q.recovered) for q in find_quotations(text)]
[("We met. It was 'useful'.", None)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.tokenize import split_paragraphs

DOUBLE_OPENERS = "“„«‹"
# Two apostrophes stand for a double quotation mark in some archives (''Yes,'' he said).
# (Same matches as ''|[...]; starting with the class lets re skip ahead to the next mark.)
_MARK = re.compile(r"[\"“”„«»‹›‘’‚'](?:(?<=')')?")
_LEFT_CONTEXT = set(" \t\n([{—–-/") | set(DOUBLE_OPENERS) | {"‘", "'", '"'}


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation: content ``text[start:end]`` between the marks at ``open`` and ``close``.

    ``open``/``close`` are -1 when the mark is missing (``recovered`` says why).
    ``paragraph``/``last_paragraph`` are paragraph indexes (they differ for a
    quotation that runs over several paragraphs).
    """

    open: int
    close: int
    start: int
    end: int
    paragraph: int
    last_paragraph: int
    double: bool
    recovered: str | None = None
    close_end: int = -1  # end of the closing mark (it may be two characters long)


def _side(text: str, i: int, width: int = 1) -> tuple[bool, bool]:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    opens = before in _LEFT_CONTEXT or before.isspace()
    closes = not after.isalnum()
    return opens, closes


def _classify(text: str, i: int, open_double: str | None, open_single: bool, width: int = 1) -> str:
    """'open', 'close' or 'none' (an apostrophe or a mark that pairs with nothing)."""
    mark = '"' if width == 2 else text[i]
    opens, closes = _side(text, i, width)
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if mark in "‘‚":
        return "open_single" if not (before.isalnum() and after.isalnum()) else "none"
    if mark in "’'":
        if before.isalnum() and after.isalnum():
            return "none"  # Russia’s, don't
        if open_single and (closes or not after.isalnum()) and not before.isspace():
            return "close_single"
        if opens and after.isalpha():
            return "open_single"
        return "none"  # the ministers' meeting, '90s
    if mark in "«‹":
        if open_double in ("»", "›"):  # German »...« style
            return "close"
        return "open"
    if mark in "»›":
        if open_double is None and opens and after.isalnum():
            return "open"
        return "close"
    if mark == "„":
        return "open"
    if mark == "“":
        if open_double in ("„",) or (open_double and not opens and closes):
            return "close"
        return "open"
    if mark == "”":
        if open_double is None and opens and after.isalnum():
            return "open"  # ”...” typography
        return "close"
    # straight double quote: decide by the characters around it
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if open_double else "open"


def _after_mark(text: str, i: int) -> int:
    return i + 2 if text.startswith("''", i) else i + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotations(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Quotation]:
    """Top-level quotations of ``text`` in order (nested ones are part of their parent).

    >>> text = '“One,” she said.\\n“Two.\\n“Three.”\\nThe ministers\\' talks.'
    >>> [(text[q.start:q.end], q.paragraph, q.last_paragraph) for q in find_quotations(text)]
    [('One,', 0, 0), ('Two.\\n“Three.', 1, 2)]
    """
    paragraphs = split_paragraphs(text) if paragraphs is None else paragraphs
    quotations: list[Quotation] = []
    carry: tuple[int, int, str] | None = None  # (open index, first paragraph, opening mark) across paragraphs
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        open_double: str | None = None
        open_at = -1
        first_paragraph = p_index
        open_single_at = -1
        if carry is not None:
            # a multi-paragraph quotation: this paragraph must open with a mark to continue it
            if text[p_start] in DOUBLE_OPENERS + '"' or text.startswith("''", p_start):
                open_at, first_paragraph, open_double = carry
                carry = None
                marks = list(_MARK.finditer(text, _after_mark(text, p_start), p_end))
            else:
                o, first, mark = carry
                prev_end = paragraphs[p_index - 1][1]
                s, e = _trim(text, _after_mark(text, o), prev_end)
                quotations.append(Quotation(o, -1, s, e, first, p_index - 1, True, "unclosed"))
                carry = None
                marks = list(_MARK.finditer(text, p_start, p_end))
        else:
            marks = list(_MARK.finditer(text, p_start, p_end))
        for match in marks:
            i = match.start()
            width = match.end() - i
            kind = _classify(text, i, open_double, open_single_at >= 0, width)
            if open_double in ("«", "‹") and match.group() not in ("»", "›", "«", "‹"):
                continue  # «He spoke of "step by step"»: other double marks inside guillemets are nested
            if kind == "open_single":
                if open_double is None and open_single_at < 0:
                    open_single_at = i
                continue
            if kind == "close_single":
                if open_double is None and open_single_at >= 0:
                    s, e = _trim(text, open_single_at + 1, i)
                    if e > s:
                        quotations.append(Quotation(open_single_at, i, s, e, p_index, p_index, False, None, i + 1))
                open_single_at = -1
                continue
            if kind == "none":
                continue
            if kind == "open":
                if open_double is not None:
                    # a second opening mark: the first one was never closed
                    s, e = _trim(text, _after_mark(text, open_at), i)
                    quotations.append(Quotation(open_at, -1, s, e, first_paragraph, p_index, True, "unclosed"))
                open_double, open_at, first_paragraph = ('"' if width == 2 else text[i]), i, p_index
                open_single_at = -1
            else:  # close
                if open_double is None:
                    # a closing mark with no opening one: the quotation began at the paragraph start
                    s, e = _trim(text, p_start, i)
                    if e > s and not any(q.paragraph == p_index for q in quotations[-1:]):
                        quotations.append(Quotation(-1, i, s, e, p_index, p_index, True, "unopened", i + width))
                    continue
                s, e = _trim(text, _after_mark(text, open_at), i)
                if e > s:
                    quotations.append(Quotation(open_at, i, s, e, first_paragraph, p_index, True, None, i + width))
                open_double, open_at = None, -1
        if open_double is not None:
            carry = (open_at, first_paragraph, open_double)
        # an unclosed single quotation is dropped: most are apostrophes we could not tell apart
    if carry is not None:
        o, first, _ = carry
        s, e = _trim(text, _after_mark(text, o), paragraphs[-1][1])
        quotations.append(Quotation(o, -1, s, e, first, len(paragraphs) - 1, True, "unclosed"))
    return quotations
