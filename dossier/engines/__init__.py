"""Where a build's cleaning and annotation run: in the build's own process, in worker processes on this
machine, or on a Ray cluster. Every engine returns the batches' results in the order it was given them,
so one writer stores the documents in corpus order and the dossier is the same whichever engine made it.

Engines are registered by name (``dossier.registry.engines``); each is a context manager made from the
build settings, the number of workers and an optional cluster address, with a ``map`` method.
"""
from __future__ import annotations

from ..registry import engines
from . import cluster, local  # noqa: F401  (registers the built-in engines)
from .work import Processed, Worker

__all__ = ["Processed", "Worker", "engines"]
