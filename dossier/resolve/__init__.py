"""Stage 5, resolve: the entities of all documents merged into real-world entities.

Runs over the whole corpus after each build (it reads only names, so it is cheap)
and rewrites the ``entities`` table and each document entity's ``entity_id``.

Types first: a name that most mentions call a person is a person everywhere (and
one most call a place is a place), a full name some article tagged an organisation
is a person when other articles name that person, a country is a place.

People are then merged when their surnames are one name once transliteration is
folded (see ``names``) and their given names agree; a surname with a typing slip
merges only with the same given name. A surname alone joins the one person of the
corpus who bears it; where several do, the context decides: the names the article
shares with each person's articles and the title it gives ("the ambassador"). If
nothing decides, it stays apart rather than join the wrong person.
"""
from .corpus import resolve
from .records import Candidate, Resolved

__all__ = ["Candidate", "Resolved", "resolve"]
