"""The Ray engine: the same work on a Ray cluster, one actor per worker, each loading its model once.

``address`` is the cluster's (``ray://head:10001``); without one a local Ray instance is started with
as many CPUs as workers. Results come back to the build's process, the one writer, in corpus order.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..records import SourceItem
from ..registry import engines
from ..settings import Settings
from .work import Processed, Worker


@engines.register("ray")
def ray_engine(settings: Settings, workers: int = 1, address: str | None = None):
    return RayEngine(settings, max(1, workers), address)


class RayEngine:
    def __init__(self, settings: Settings, workers: int, address: str | None):
        try:
            import ray
        except ImportError as err:
            raise ValueError('the ray engine needs Ray: pip install "dossier[ray]"') from err
        self.ray = ray
        self.started = not ray.is_initialized()
        if self.started:
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        actor = ray.remote(num_cpus=1)(Worker)
        self.workers = workers
        self.pool = ray.util.ActorPool([actor.remote(settings) for _ in range(workers)])

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.started:
            self.ray.shutdown()

    def map(self, batches: Iterable[list[SourceItem]]) -> Iterator[list[Processed]]:
        # A few batches in flight per actor, not the whole corpus: the driver's memory stays flat.
        in_flight = 0
        for batch in batches:
            self.pool.submit(lambda actor, items: actor.__call__.remote(items), batch)
            in_flight += 1
            if in_flight >= 2 * self.workers:
                yield self.pool.get_next()
                in_flight -= 1
        while in_flight:
            yield self.pool.get_next()
            in_flight -= 1
