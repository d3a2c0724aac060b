"""Stage 3, annotate: sentences, tokens and names with spaCy, then the named document components.

The spaCy pipeline is loaded once per process and run over documents in batches
(``nlp.pipe``). Each registered component then adds to the Annotation: the
mentions of names, the entities they form within the document, the facts.
"""
from . import entities, mentions, model, russian  # noqa: F401  (registers the built-in components and languages)
from .. import extract  # noqa: F401,E402  (registers the "facts" component)
from .annotator import Annotator
from .model import ModelNotFound

__all__ = ["Annotator", "ModelNotFound"]
