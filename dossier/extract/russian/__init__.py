"""The "facts" component for Russian: case events and statements read from natasha's Universal Dependencies
parse (see ``dossier.annotate.russian``), with the Russian words of ``schema``.

Who an event happened to is the subject of a passive ("Иванов задержан", nsubj:pass), the object of an
active verb ("Иванова задержали", obj), the noun a participle describes ("Иванов, задержанный в
марте"), or the genitive of a noun ("арест Иванова"). Arguments are the trigger's obliques, each an
oblique noun with its preposition and case ("в США" in the locative is where, in the accusative where to;
"к 27 годам" a term; "по запросу США" at whose request). Values are written language-neutral: ISO dates and
durations, English names of countries and cities; offences, courts and facilities in the nominative.
Events are then joined into facts, claimed and merged as English ones are (``facts``).
"""
from .component import extract_facts

__all__ = ["extract_facts"]
