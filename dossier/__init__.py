"""dossier: a source-cited knowledge base of cross-border detention cases, built from news articles."""

__version__ = "0.2.0"
