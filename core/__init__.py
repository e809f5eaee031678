"""Negotiation timelines from news articles: the public API.

    import core
    arts = core.read_articles(["seeds/"])       # files or folders -> list[core.Article]
    art = core.parse_article(raw_text, name="x.txt")
    table = core.normalise(arts)                # -> pandas.DataFrame, the event table
"""
from core.articles import Article, parse_article, read_articles, read_corpus
from core.pipeline import normalise

__all__ = ["Article", "parse_article", "read_articles", "read_corpus", "normalise"]
