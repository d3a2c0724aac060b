"""Stage 2, clean: from a SourceItem to an Article with its body and metadata.

The page extractor for the item's format gives text lines; the lines above the
headline are the page header (navigation, the day's date, the site's name), the
lines after it are the article mixed with furniture (captions, teasers, forms),
which ``furniture`` recognises line by line. Metadata comes from, in order of
trust: the source's own fields, the page's markup, the article's furniture and
dateline.
"""
from .article import clean

__all__ = ["clean"]
