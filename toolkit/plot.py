"""Matplotlib figures for the frames of :mod:`toolkit.analysis`.

Each helper takes the analysis frame, draws on ``ax`` (a new figure when ``ax`` is
None), labels title, axes and legend, and returns the Axes, so notebooks can place
several on one figure. Nothing is shown or saved here: call ``plt.show()`` or
``ax.figure.savefig(...)``. An empty frame gives an Axes that says "no data".

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> sov = pd.DataFrame({"speaker_id": ["A", "B"], "quotes": [3, 1], "words": [30, 5]})
>>> plot_share_of_voice(sov).get_title()
'Share of voice: quotes per speaker'
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from toolkit.schema import require_columns

__all__ = [
    "plot_share_of_voice", "plot_coverage_over_time", "plot_cue_profile", "plot_topics",
    "plot_keyness", "plot_collocations", "plot_quote_reuse", "speaker_colors",
]

_LABELS = {"speaker_id": "speaker", "quotes": "quotes", "words": "words quoted",
           "speakers": "distinct speakers", "articles": "articles", "rows": "quotes",
           "quote_share": "share of quotes", "word_share": "share of words quoted"}
_NEUTRAL_GREY = "#9e9e9e"


def _label(column: str) -> str:
    return _LABELS.get(column, column.replace("_", " "))


def _axes(ax, figsize=(8, 4.5)):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _no_data(ax, title: str):
    ax.set_title(title)
    ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes, color="0.4")
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _clean(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def speaker_colors(speakers: Sequence[object]) -> dict[object, str]:
    """A stable colour per speaker (tab10 then tab20 colours, in the order given).

    >>> speaker_colors(["A", "B"])["A"]
    '#1f77b4'
    """
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    # Greys are left out: grey means "other" and "unattributed" in the figures.
    greys = {"#7f7f7f", "#c7c7c7", "#d9d9d9"}
    palette = [to_hex(c) for c in colormaps["tab10"].colors]
    palette += [to_hex(c) for c in colormaps["tab20"].colors[1::2]]
    palette += [to_hex(c) for c in colormaps["Set3"].colors]
    palette += [to_hex(c) for c in colormaps["Dark2"].colors]
    palette = list(dict.fromkeys(c for c in palette if c not in greys))
    out: dict[object, str] = {}
    for name in speakers:
        if name not in out:
            out[name] = palette[len(out) % len(palette)]
    return out


def _is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pd.NA (a missing outlet, date, title or speaker)."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-like values are not "missing"
        return False


def _missing_label(column: str) -> str:
    """What a missing value of ``column`` is called in a figure: "(unattributed)", "(no outlet)"."""
    return "(unattributed)" if column in ("speaker_id", "speaker") else f"(no {_label(column)})"


def _as_labels(values: pd.Series, column: str) -> pd.Series:
    """``values`` as strings for axis labels and legends, missing ones named (never NaN).

    Under pandas 3 ``Series.astype(str)`` keeps missing values missing, so a ``str.join``
    over such labels failed with "expected str instance, float found"; groupby and
    pivot_table would silently drop them.
    """
    missing = _missing_label(column)
    return pd.Series([missing if _is_missing(v) else str(v) for v in values], index=values.index, dtype=object)


def _group_labels(frame: pd.DataFrame, keys: Sequence[str]) -> pd.Series:
    """One label per row joining the ``keys`` columns ("Kovask Herald · Pavel Dragunov")."""
    if not keys:
        return pd.Series("all", index=frame.index, dtype=object)
    parts = [_as_labels(frame[k], k) for k in keys]
    return pd.Series([" · ".join(row) for row in zip(*parts)], index=frame.index, dtype=object)


def _shorten(text: object, width: int = 32) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def plot_share_of_voice(sov: pd.DataFrame, *, value: str = "quotes", top: int = 10, ax=None):
    """Bar chart of :func:`toolkit.analysis.share_of_voice`.

    With one grouping column (e.g. speaker), horizontal bars of ``value`` per group,
    the ``top`` largest. With two (e.g. outlet x speaker), one stacked bar per outer
    group, split by the ``top`` speakers overall (the rest as "other").

    Args:
        sov: the share-of-voice frame.
        value: ``quotes``, ``words``, ``quote_share`` or ``word_share``.
        top: how many groups (or speakers) to show.
        ax: Axes to draw on.
    """
    require_columns(sov, (value,), what="share of voice")
    keys = [c for c in sov.columns if c not in
            ("quotes", "words", "speakers", "articles", "quote_share", "word_share")]
    if not keys:
        raise ValueError("share of voice frame has no grouping column")
    ax = _axes(ax)
    inner = keys[-1]
    if sov.empty:
        return _no_data(ax, f"Share of voice: {_label(value)} per {_label(inner)}")
    sov = sov.assign(**{k: _as_labels(sov[k], k) for k in keys})  # missing outlet/speaker named, not dropped
    if len(keys) == 1:
        data = sov.nlargest(top, value).iloc[::-1]
        colors = speaker_colors(list(sov.sort_values(value, ascending=False)[inner]))
        ax.barh([_shorten(x) for x in data[inner]], data[value],
                color=[colors[x] if inner == "speaker_id" else "#1f77b4" for x in data[inner]])
        ax.set_title(f"Share of voice: {_label(value)} per {_label(inner)}")
        ax.set_xlabel(_label(value))
        ax.set_ylabel(_label(inner))
        for y, v in enumerate(data[value]):
            ax.annotate(f"{v:.0%}" if value.endswith("share") else f"{v:,}", (v, y),
                        xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    else:
        outer = keys[0]
        leaders = list(sov.groupby(inner)[value].sum().sort_values(ascending=False).index[:top])
        table = sov.assign(_inner=sov[inner].where(sov[inner].isin(leaders), "other"))
        table = table.pivot_table(index=outer, columns="_inner", values=value, aggfunc="sum", fill_value=0)
        order = [c for c in leaders if c in table.columns] + (["other"] if "other" in table.columns else [])
        table = table[order]
        table = table.loc[table.sum(axis=1).sort_values().index]
        colors = speaker_colors(leaders)
        colors["other"] = _NEUTRAL_GREY
        left = pd.Series(0.0, index=table.index)
        labels = [_shorten(x) for x in table.index]
        for column in table.columns:
            ax.barh(labels, table[column], left=left, color=colors[column], label=_shorten(column, 40),
                    edgecolor="white", linewidth=0.5)
            left = left + table[column]
        ax.set_title(f"Share of voice: {_label(value)} per {_label(outer)}, by {_label(inner)}")
        ax.set_xlabel(_label(value))
        ax.set_ylabel(_label(outer))
        ax.legend(title=_label(inner), loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8,
                  title_fontsize=9, frameon=False)
    if value.endswith("share"):
        ax.xaxis.set_major_formatter("{x:.0%}")
    _clean(ax)
    return ax


def plot_coverage_over_time(timeline: pd.DataFrame, *, event_date=None, ax=None):
    """Articles (bars) and quotes (line, right axis) per period, the event shaded.

    Takes :func:`toolkit.analysis.coverage_over_time` (without ``by``, or it is summed).
    ``event_date`` defaults to the first period whose phase is ``during``.
    """
    require_columns(timeline, ("date", "articles", "quotes", "phase"), what="timeline")
    ax = _axes(ax)
    title = "Coverage over time"
    if timeline.empty:
        return _no_data(ax, title)
    data = timeline.groupby("date", as_index=False).agg(
        articles=("articles", "sum"), quotes=("quotes", "sum"), phase=("phase", "first"))
    dates = pd.to_datetime(data["date"])
    width = max(pd.Timedelta(dates.diff().min() if len(dates) > 1 else pd.Timedelta(days=1)).days, 1) * 0.8
    colors = data["phase"].map({"before": "#9ecae1", "during": "#d62728", "after": "#3182bd"}).fillna("#3182bd")
    ax.bar(dates, data["articles"], width=width, color=colors, label="articles")
    ax.set_ylabel("articles")
    ax.set_xlabel("date")
    twin = ax.twinx()
    twin.plot(dates, data["quotes"], color="black", marker="o", markersize=3, linewidth=1, label="quotes")
    twin.set_ylabel("quotes")
    twin.set_ylim(bottom=0)
    twin.spines["top"].set_visible(False)
    during = data.loc[data["phase"] == "during", "date"]
    if event_date is not None:
        ax.axvline(pd.Timestamp(event_date), color="#d62728", linestyle="--", linewidth=1)
    elif len(during):
        ax.axvline(pd.Timestamp(during.iloc[0]), color="#d62728", linestyle="--", linewidth=1)
    from matplotlib.patches import Patch
    from matplotlib.lines import Line2D

    handles = [Patch(color="#9ecae1", label="articles before"), Patch(color="#d62728", label="articles during"),
               Patch(color="#3182bd", label="articles after"),
               Line2D([], [], color="black", marker="o", markersize=3, label="quotes")]
    ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False)
    ax.set_title(title)
    ax.figure.autofmt_xdate()
    ax.spines["top"].set_visible(False)
    return ax


def _heatmap(ax, table: pd.DataFrame, *, title: str, xlabel: str, ylabel: str, cbar_label: str,
             fmt: str = "{:.0f}", cmap: str = "Blues"):
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, aspect="auto", cmap=cmap, vmin=0)
    ax.set_xticks(range(table.shape[1]), [_shorten(c, 24) for c in table.columns], rotation=45, ha="right")
    ax.set_yticks(range(table.shape[0]), [_shorten(i, 40) for i in table.index])
    vmax = values.max() if values.size else 0
    for (i, j), v in pd.DataFrame(values).stack().items():
        if v:
            ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=8,
                    color="white" if v > 0.6 * vmax else "black")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.figure.colorbar(image, ax=ax, label=cbar_label, shrink=0.8)
    return ax


def plot_cue_profile(profile: pd.DataFrame, *, top: int = 10, top_groups: int = 15, ax=None):
    """Heatmap of reporting verbs (columns, coloured labels by class) per group (rows).

    Takes :func:`toolkit.analysis.cue_profile`; rows are the ``top_groups`` groups with
    the most quotes (e.g. "outlet · speaker"), columns the ``top`` commonest cue lemmas;
    loaded cues are labelled in red, neutral in black, others in grey.
    """
    require_columns(profile, ("cue", "cue_class", "quotes"), what="cue profile")
    ax = _axes(ax, figsize=(9, 5))
    keys = [c for c in profile.columns if c not in ("cue", "cue_class", "quotes", "share")]
    title = f"Reporting verbs by {' · '.join(_label(k) for k in keys) or 'group'}"
    data = profile.dropna(subset=["cue"])
    if data.empty:
        return _no_data(ax, title)
    label = _group_labels(data, keys)
    cues = list(data.groupby("cue")["quotes"].sum().sort_values(ascending=False).index[:top])
    table = data.assign(_row=label).pivot_table(index="_row", columns="cue", values="quotes",
                                                aggfunc="sum", fill_value=0)
    groups = table.sum(axis=1).sort_values(ascending=False, kind="stable").index[:top_groups]
    table = table.loc[sorted(groups), cues]
    _heatmap(ax, table, title=title, xlabel="reporting verb (lemma)",
             ylabel=" · ".join(_label(k) for k in keys) or "group", cbar_label="quotes")
    classes = data.drop_duplicates("cue").set_index("cue")["cue_class"]
    for tick in ax.get_xticklabels():
        cls = classes.get(tick.get_text().rstrip("…"), "other")
        tick.set_color({"loaded": "#d62728", "neutral": "black"}.get(cls, "0.5"))
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color="black", label="neutral verb"), Patch(color="#d62728", label="loaded verb"),
                       Patch(color="0.5", label="other verb")],
              loc="upper left", bbox_to_anchor=(0, -0.35), ncol=3, fontsize=8, frameon=False)
    return ax


def plot_topics(table: pd.DataFrame, *, top: int = 12, ax=None):
    """Heatmap of who spoke about what: :func:`toolkit.analysis.topic_table` (groups x topics)."""
    require_columns(table, ("topic", "rows"), what="topic table")
    ax = _axes(ax, figsize=(9, 5))
    title = "Topics by group"
    keys = [c for c in table.columns if c not in ("topic", "rows", "share")]
    if table.empty:
        return _no_data(ax, title)
    label = _group_labels(table, keys)
    leaders = list(table.assign(_g=label).groupby("_g")["rows"].sum().sort_values(ascending=False).index[:top])
    wide = table.assign(_g=label).pivot_table(index="_g", columns="topic", values="rows",
                                              aggfunc="sum", fill_value=0).loc[leaders]
    wide = wide[wide.sum().sort_values(ascending=False).index]
    return _heatmap(ax, wide, title=f"Topics by {' · '.join(_label(k) for k in keys) or 'group'}",
                    xlabel="topic", ylabel=" · ".join(_label(k) for k in keys) or "group",
                    cbar_label="quotes or sentences", cmap="Purples")


def plot_keyness(table: pd.DataFrame, *, measure: str = "z", top: int = 12, target: str = "target",
                 reference: str = "reference", ax=None):
    """Diverging bars of the most distinctive words of :func:`toolkit.analysis.keyness`.

    The ``top`` words with the highest and the lowest ``measure`` (``z``, ``log_odds``
    or ``g2``): right of zero more typical of ``target``, left of ``reference``.
    """
    require_columns(table, ("word", measure), what="keyness")
    ax = _axes(ax, figsize=(7, 6))
    title = f"Distinctive words: {target} vs {reference}"
    if table.empty:
        return _no_data(ax, title)
    ranked = table.sort_values(measure)
    data = pd.concat([ranked.head(top)[ranked.head(top)[measure] < 0],
                      ranked.tail(top)[ranked.tail(top)[measure] > 0]]).drop_duplicates("word")
    if data.empty:
        return _no_data(ax, title)
    colors = ["#d62728" if v < 0 else "#1f77b4" for v in data[measure]]
    ax.barh(data["word"], data[measure], color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    if measure == "z":
        for x in (-1.96, 1.96):
            ax.axvline(x, color="0.6", linestyle=":", linewidth=1)
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color="#1f77b4", label=f"more typical of {target}"),
                       Patch(color="#d62728", label=f"more typical of {reference}")],
              loc="lower right", fontsize=8, frameon=False)
    ax.set_title(title)
    ax.set_xlabel({"z": "z-score of weighted log-odds (informative Dirichlet prior)",
                   "log_odds": "log-odds ratio", "g2": "signed log-likelihood G2"}.get(measure, measure))
    ax.set_ylabel("word")
    _clean(ax)
    return ax


def plot_collocations(table: pd.DataFrame, *, top: int = 15, ax=None):
    """Horizontal bars of the best collocations of :func:`toolkit.analysis.collocations`."""
    require_columns(table, ("w1", "w2", "score"), what="collocations")
    ax = _axes(ax, figsize=(7, 5))
    title = "Collocations"
    if table.empty:
        return _no_data(ax, title)
    data = table.head(top).iloc[::-1]
    ax.barh(data["w1"] + " " + data["w2"], data["score"], color="#2ca02c")
    if "count" in data.columns:
        for y, (s, c) in enumerate(zip(data["score"], data["count"])):
            ax.annotate(f"×{c}", (s, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_title(title)
    ax.set_xlabel("association score")
    ax.set_ylabel("word pair")
    _clean(ax)
    return ax


def plot_quote_reuse(reuse: pd.DataFrame, *, top: int = 15, ax=None):
    """Which outlet carried which reused statement, when: :func:`toolkit.analysis.quote_reuse`.

    One row per statement (its first words as label), one marker per outlet and date;
    filled stars mark the outlet(s) that had it first.
    """
    require_columns(reuse, ("statement", "outlet", "date", "quote", "first"), what="quote reuse")
    ax = _axes(ax, figsize=(9, 5))
    title = "Quotes carried by several outlets"
    if reuse.empty:
        return _no_data(ax, title)
    statements = list(dict.fromkeys(reuse["statement"]))[:top]
    data = reuse[reuse["statement"].isin(statements)]
    outlets = _as_labels(data["outlet"], "outlet")
    colors = speaker_colors(sorted(outlets.unique()))
    position = {s: i for i, s in enumerate(statements)}
    for outlet, group in data.groupby(outlets):
        y = group["statement"].map(position)
        ax.scatter(pd.to_datetime(group["date"]), y, color=colors[outlet], label=_shorten(outlet, 30),
                   marker="o", s=40, alpha=0.85)
        firsts = group[group["first"]]
        ax.scatter(pd.to_datetime(firsts["date"]), firsts["statement"].map(position), color=colors[outlet],
                   marker="*", s=160, edgecolor="black", linewidth=0.5)
    labels = [_shorten(data.loc[data["statement"] == s, "quote"].iloc[0], 45) for s in statements]
    ax.set_yticks(range(len(statements)), labels)
    ax.set_ylim(len(statements) - 0.5, -0.5)  # first statement on top, no empty bands
    ax.set_title(title + " (★ = first)")
    ax.set_xlabel("date")
    ax.set_ylabel("statement")
    ax.legend(title="outlet", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.figure.autofmt_xdate()
    _clean(ax)
    return ax
