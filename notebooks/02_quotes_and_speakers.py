# %% [markdown]
# # 2. Quotes and speakers, article by article
#
# Who is quoted, saying what, introduced with which verb. The quote extractor
# (`toolkit.quotes`) finds direct quotes ("...", said X), indirect ones (X said
# that ...) and mixed ones, and attributes each to a speaker; speakers named in
# different ways (`Bolton`, `John Bolton`, `John R. Bolton`) are merged into one
# (`analysis.merge_speakers`, with `data/aliases.csv` for the exceptions).
#
# Each article is then shown with its quotes highlighted: colour = speaker, underline
# = the speaker mention, box = the reporting verb. Hover over a quote to see its kind,
# the rule that found it and the speaker it was resolved to.

# %%
import pandas as pd
from IPython.display import Markdown, display

from toolkit import analysis, plot
from toolkit.display import highlight_article
from toolkit.notebooks import load_data
from toolkit.quotes import extract_corpus

pd.set_option("display.max_colwidth", 100)

# %%
data = load_data()
articles = data.articles
display(Markdown(data.description))

# %% [markdown]
# ## The quotes
#
# One row per quote. Articles the rules cannot handle (another language) are listed
# as skipped rather than silently dropped.

# %%
result = extract_corpus(articles)
quotes = analysis.merge_speakers(result.quotes)
display(Markdown(f"{len(quotes)} quotes in {quotes['doc_id'].nunique()} of {len(articles)} articles; "
                 f"{len(result.skipped)} article(s) skipped."))
quotes[["doc_id", "kind", "speaker_id", "cue", "quote"]].head(20)

# %%
result.skipped

# %% [markdown]
# ## Who is quoted
#
# Quotes, words quoted and articles per speaker across the corpus.

# %%
speakers = analysis.share_of_voice(quotes, articles, by="speaker_id")
plot.plot_share_of_voice(speakers);
speakers.head(15)

# %% [markdown]
# ## How they are introduced
#
# The reporting verb ("cue") of each quote, reduced to its lemma (*said*, *says* ->
# *say*) and classed as neutral (*say*, *tell*) or loaded (*claim*, *insist*,
# *admit*, ...), per speaker (the eight most quoted).

# %%
cues = analysis.cue_profile(quotes, articles, by="speaker_id")
cues[cues["speaker_id"].isin(speakers["speaker_id"].head(8))]

# %% [markdown]
# ## Who spoke about what
#
# The topic dictionary applied to the quotes.

# %%
quote_topics = analysis.topic_table(quotes, by="speaker_id")
plot.plot_topics(quote_topics);
quote_topics

# %% [markdown]
# ## The articles, highlighted
#
# The first articles of the corpus (all of them when there are few), with their quotes.
# Each can be saved as a standalone HTML page with `.save("article.html")`.

# %%
SHOW = 3
for doc_id in articles["doc_id"].head(SHOW):
    display(highlight_article(articles, quotes, doc_id))
