"""Statements: direct quotations, their speakers, channels, dates and the people they speak of."""
from .about import about_of
from .attribution import Quote, find_quotes, is_reporting
from .channels import channel_in
from .news import news_day
from .occasions import speaker_context, statement_date
from .spans import MIN_WORDS, quote_spans
from .speakers import ORG_HEADS, SpeakerResolver

__all__ = ["MIN_WORDS", "ORG_HEADS", "Quote", "SpeakerResolver", "about_of", "channel_in", "find_quotes",
           "is_reporting", "news_day", "quote_spans", "speaker_context", "statement_date"]
