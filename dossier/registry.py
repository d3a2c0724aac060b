"""Named, pluggable parts of the pipeline, in the manner of spaCy's registries.

A reader is registered under the file suffixes it handles, a page extractor under
the source format it turns into text lines. Third-party packages can add their own
through the ``dossier_readers`` and ``dossier_extractors`` entry points.
"""
from __future__ import annotations

import catalogue

readers = catalogue.create("dossier", "readers", entry_points=True)
page_extractors = catalogue.create("dossier", "extractors", entry_points=True)
# Steps run on each annotated document, in the order Settings.components names them.
components = catalogue.create("dossier", "components", entry_points=True)
# Annotation pipelines by language code: a loader given the model the user chose (for the default language;
# None for others) that returns a spaCy Language, whose Docs the components read. An article in a language
# with none is stored, not annotated.
languages = catalogue.create("dossier", "languages", entry_points=True)
# Where a build's cleaning and annotation run (dossier.engines): "local" (this machine), "ray" (a cluster).
engines = catalogue.create("dossier", "engines", entry_points=True)
