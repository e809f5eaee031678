"""Data shaped for the dashboard's charts, tables and exports: pure functions, no streamlit.

Everything a page shows is computed from the event table (and the articles), so that it can be
tested without a browser. The work is in three modules, along its seams, and this one gathers
them (``from core import views``; ``views.timeline_figure(...)``):

- ``core.views_frames``: loading the corpus and the View every page starts from, dates in words,
  the timeline's rows, grouping and main span, the who-said-what frame, per-country counts and
  the country x country matrix, the list of articles (pandas)
- ``core.views_figures``: the plotly figures and the app's look (one palette)
- ``core.views_html``: escaped HTML (a marked article, event cards, a quote in context) and the
  self-contained briefing file
- ``core.views_export``: the CSV of any filtered view, cut from one export of the table
"""
from core.table import empty_table  # noqa: F401  (the pages' empty table)
from core.views_figures import (  # noqa: F401
    AXIS_LOOK, COLORWAY, EVENT_COLOURS, date_axis_range, matrix_figure, speaker_figure, style, timeline_figure)
from core.views_frames import (  # noqa: F401
    DENSE, LANE_BY, MAX_LANES, MAX_MARKS, NO_LANE, PERIODS, QUOTE_SORTS, Corpus, Span, View, aggregate_marks,
    article_counts, concat_tables, country_counts_over_time, country_matrix, country_totals, date_label,
    date_labels, grouping, is_event_table_path, lane_pairs, load_corpus, main_span, paragraph_of, period_days,
    period_stop, quotes_frame, quotes_per_speaker, read_event_csv, rows_for_selection, search_quotes,
    selection_keys, sort_quotes, span_note, timeline_frame, undated_planned)
from core.views_html import (  # noqa: F401
    MARK_LABELS, MARK_STYLES, article_marks, briefing_html, context_html, event_cards_html, key_quotes,
    legend_html, marked_html)
