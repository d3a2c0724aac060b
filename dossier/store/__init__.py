"""Stage 6, store: the dossier database, SQLite by default, any SQLAlchemy URL accepted.

Every document is written in one transaction with everything derived from it, so an
interrupted build leaves either the whole document or nothing, and the next build
picks up where it stopped. Several builds may write one dossier at once (see locks).
"""
from .database import Store, database_url, decode_entities

__all__ = ["Store", "database_url", "decode_entities"]
