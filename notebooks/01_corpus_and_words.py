# %% [markdown]
# # 1. The corpus and its words
#
# This notebook looks at the articles before any quote is extracted: which outlets
# covered the 23 August 2018 Geneva talks between U.S. National Security Advisor
# John R. Bolton and Russian Security Council Secretary Nikolai Patrushev, when, with
# how many words, which stories are wire copies, and which words and word pairs
# the coverage is made of.
#
# It reads the project's `data/` folder: the bundled seed article in `data/articles/`
# and, when it has been downloaded, the wider coverage in `data/downloaded/`. Set the
# environment variable `TOOLKIT_DATA` to another corpus folder to analyse that instead
# (the tests run this notebook on a small fictional corpus that way).

# %%
import pandas as pd
from IPython.display import Markdown, display

from toolkit import analysis, plot
from toolkit.duplicates import find_near_duplicates
from toolkit.notebooks import load_data
from toolkit.tokenize import sentences_frame, tokens_frame

pd.set_option("display.max_colwidth", 80)

# %% [markdown]
# ## What was found
#
# The summary below says whether this run sees the seed alone or the downloaded
# coverage too, how many outlets, and the dates covered.

# %%
data = load_data()
articles = data.articles
display(Markdown(data.description))
data.sources

# %% [markdown]
# One row per article. `wire` names the agency a story came from when the outlet
# republished it (the seed is a Xinhua report carried by ECNS).

# %%
overview = articles.assign(words=articles["text"].map(analysis.count_words))
overview[["doc_id", "outlet", "wire", "date", "title", "words"]]

# %% [markdown]
# ## Wire copies
#
# The same agency story often appears in several outlets with small edits. Counting
# it once per outlet inflates what looks like broad coverage, so the near-duplicates
# are listed here (MinHash over 5-word shingles; see `toolkit.duplicates`). The
# later notebooks can count such stories once.

# %%
duplicates = find_near_duplicates(articles)
duplicates[duplicates["duplicate_of"].notna()]

# %% [markdown]
# ## Sentences and tokens
#
# The text is split into sentences and tokens with character offsets into each
# article; every later table points back into the text through those offsets.

# %%
sentences = sentences_frame(articles)
tokens = tokens_frame(articles)
print(f"{len(articles)} articles, {len(sentences)} sentences, {len(tokens)} tokens")
sentences.head()

# %% [markdown]
# ## Keywords in context
#
# Every occurrence of a word with the text around it (NLTK's concordance index on the
# token table). Change `KEYWORD` to look at another word or a phrase.

# %%
KEYWORD = "talks"
analysis.keywords_in_context(tokens, KEYWORD, width=60, articles=articles).head(20)

# %% [markdown]
# ## Collocations
#
# Word pairs that occur together more often than chance, scored with Dunning's
# log-likelihood (stopwords from `data/stopwords.txt` are left out; pairs never cross
# a sentence). Names and fixed phrases of the story ("security council", "arms
# control") come first.

# %%
pairs = analysis.collocations(tokens, min_count=2, top=20)
plot.plot_collocations(pairs);
pairs

# %% [markdown]
# ## Topics in the sentences
#
# The keyword dictionary in `data/topics.yaml` (arms control, Syria and Iran, election
# interference, Ukraine, terrorism, cyber, ...) tags each sentence; the table counts
# the tagged sentences per outlet.

# %%
sentence_topics = analysis.topic_table(sentences, articles, by="outlet")
plot.plot_topics(sentence_topics);
sentence_topics

# %% [markdown]
# ## Words that set an outlet apart
#
# With more than one outlet, the words most typical of the outlet with the most
# articles against all the others (weighted log-odds with an informative Dirichlet
# prior; see `analysis.keyness`).

# %%
outlets = articles["outlet"].value_counts()
if len(outlets) > 1:
    target = outlets.index[0]
    distinctive = analysis.keyness(tokens, by="outlet", target=target, articles=articles)
    plot.plot_keyness(distinctive, target=target, reference="other outlets")
    display(distinctive.head(15))
else:
    display(Markdown("Only one outlet in this corpus: nothing to compare."))
