"""Engines of one machine: the build's own process, or a pool of worker processes."""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from functools import partial

from ..records import SourceItem
from ..registry import engines
from ..settings import Settings
from .work import Processed, Worker, process_in_worker


@engines.register("local")
def local_engine(settings: Settings, workers: int = 1, address: str | None = None):
    if address:
        raise ValueError("the local engine runs on this machine and takes no --address; use --engine ray")
    return InProcess(settings) if workers <= 1 else Processes(settings, workers)


class InProcess:
    def __init__(self, settings: Settings):
        self.worker = Worker(settings)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def map(self, batches: Iterable[list[SourceItem]]) -> Iterator[list[Processed]]:
        return map(self.worker, batches)


class Processes:
    """Batches handed to N worker processes, a few at a time each (memory stays flat however large the
    corpus), results taken back in the order the batches were given."""

    def __init__(self, settings: Settings, workers: int):
        self.settings = settings
        self.workers = workers
        # Spawned, not forked: a worker must not inherit the writer's database connections or threads.
        self.pool = multiprocessing.get_context("spawn").Pool(workers)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.pool.terminate() if exc[0] else self.pool.close()
        self.pool.join()

    def map(self, batches: Iterable[list[SourceItem]]) -> Iterator[list[Processed]]:
        work = partial(process_in_worker, self.settings)
        in_flight: deque = deque()
        for batch in batches:
            in_flight.append(self.pool.apply_async(work, (batch,)))
            if len(in_flight) >= 2 * self.workers:
                yield in_flight.popleft().get()
        while in_flight:
            yield in_flight.popleft().get()
