# %% [markdown]
# # 3. The coverage compared: outlets and time
#
# How much voice each side got in each outlet, when the coverage came (before,
# during and after the talks), which reporting verbs each outlet chose for each
# speaker, and which quotes travelled from outlet to outlet.
#
# With the seed alone there is one outlet and these comparisons are trivial; they
# become meaningful with the downloaded coverage (`python -m toolkit fetch`) or
# another corpus in `TOOLKIT_DATA`.

# %%
import pandas as pd
from IPython.display import Markdown, display

from toolkit import analysis, plot
from toolkit.duplicates import find_near_duplicates
from toolkit.notebooks import load_data
from toolkit.quotes import quotes_frame

pd.set_option("display.max_colwidth", 100)

# %%
data = load_data()
articles = data.articles
quotes = analysis.merge_speakers(quotes_frame(articles))
display(Markdown(data.description))
display(Markdown(f"{len(quotes)} quotes from {quotes['speaker_id'].nunique()} speakers."))

# %% [markdown]
# ## Share of voice per outlet
#
# Quotes per outlet, split by speaker: `quote_share` is the speaker's share of the
# outlet's quotes, `word_share` of the words quoted.

# %%
voice = analysis.share_of_voice(quotes, articles, by=("outlet", "speaker_id"))
plot.plot_share_of_voice(voice);
voice

# %% [markdown]
# Per outlet: how many quotes, words and distinct speakers.

# %%
analysis.share_of_voice(quotes, articles, by="outlet")

# %% [markdown]
# ### Wire stories counted once
#
# A wire story carried by several outlets is counted above once per outlet. Counted
# once instead (copies found by `find_near_duplicates`), the balance may shift.

# %%
duplicates = find_near_duplicates(articles)
once = analysis.share_of_voice(quotes, articles, by="speaker_id", wire="once", duplicates=duplicates)
once.head(15)

# %% [markdown]
# ## Over time
#
# Articles and quotes per day, marked before, during and after the event
# (`TOOLKIT_EVENT_DATE`, by default 23 August 2018).

# %%
timeline = analysis.coverage_over_time(articles, quotes, event_date=data.event_date)
plot.plot_coverage_over_time(timeline);
timeline.groupby("phase", sort=False)[["articles", "quotes"]].sum()

# %% [markdown]
# ## Reporting verbs per outlet and speaker
#
# Does an outlet let one side *say* and the other *claim*? The chart shows the verbs
# of the most quoted outlet-speaker pairs (loaded verbs labelled red); the table gives,
# for each pair, how many of its quotes come with a loaded verb.

# %%
cues = analysis.cue_profile(quotes, articles, by=("outlet", "speaker_id"))
plot.plot_cue_profile(cues);
analysis.cue_balance(quotes, articles, by=("outlet", "speaker_id")).head(20)

# %% [markdown]
# ## Topics per outlet
#
# Which topics the quoted speakers raise in each outlet.

# %%
outlet_topics = analysis.topic_table(quotes, articles, by="outlet")
plot.plot_topics(outlet_topics);
outlet_topics

# %% [markdown]
# ## Quotes that travelled
#
# The same statement in several outlets, matched even when its wording varies a
# little (fuzzy matching with rapidfuzz). ★ marks the outlet that had it first.

# %%
reuse = analysis.quote_reuse(quotes, articles)
plot.plot_quote_reuse(reuse);
analysis.reuse_summary(reuse)

# %% [markdown]
# ## What sets the speakers' words apart
#
# The words most typical of the most quoted speaker's quotes against everyone
# else's (weighted log-odds, informative Dirichlet prior).

# %%
words = analysis.words_frame(quotes, keep=["speaker_id"])
ranking = quotes["speaker_id"].value_counts()
if len(ranking) > 1:
    target = ranking.index[0]
    plot.plot_keyness(analysis.keyness(words, by="speaker_id", target=target, min_count=1),
                      target=target, reference="other speakers")
else:
    display(Markdown("Fewer than two speakers quoted: nothing to compare."))
