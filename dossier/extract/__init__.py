"""Stage 4, extract: the facts an article states, each with its sentence, and who asserts it.

``schema`` declares the fact types; ``events`` reads case events from the grammar of
each sentence (``triggers`` → ``patients`` → ``arguments``, guarded by ``senses``),
``quotes`` reads statements, and ``facts`` is the registered component that joins them.
``russian`` is the same component for Russian, reading a Universal Dependencies parse.
"""
from . import russian  # noqa: F401  (registers "facts.ru")
from .facts import extract_facts

__all__ = ["extract_facts"]
