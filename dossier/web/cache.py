"""The answers a server process has given, kept to be given again until the dossier changes.

The dossier is read-only while it is served, and a build that changes it moves the listings' generation on
(the ``counts`` table): each process reads the generation at most every few seconds and forgets every answer
when it has moved. Only complete answers to GET requests with status 200 are kept, the least recently
asked for forgotten first when the cache is full.
"""
from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

CHECK_EVERY = 2.0  # seconds between two readings of the generation
LARGEST = 1 << 20  # bytes: a larger answer is not kept
TOTAL = 64 << 20  # bytes kept at most by one process


class ResponseCache:
    """ASGI middleware: keeps up to ``size`` answers; ``generation`` reads the dossier's generation."""

    def __init__(self, app, size: int, generation: Callable[[], int]):
        self.app, self.size, self.generation = app, size, generation
        self.kept: OrderedDict[bytes, tuple[dict, bytes]] = OrderedDict()
        self.bytes = 0
        self.seen, self.checked = None, 0.0

    def _current(self) -> None:
        now = time.monotonic()
        if now - self.checked < CHECK_EVERY:
            return
        self.checked = now
        generation = self.generation()
        if generation != self.seen:
            self.kept.clear()
            self.bytes, self.seen = 0, generation

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or not self.size:
            return await self.app(scope, receive, send)
        self._current()
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        if key in self.kept:
            self.kept.move_to_end(key)
            start, body = self.kept[key]
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        start, parts = {}, []

        async def keeping(message):
            if message["type"] == "http.response.start":
                start.update(message, headers=list(message.get("headers", [])))
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    self._keep(key, start, b"".join(parts))
            await send(message)

        await self.app(scope, receive, keeping)

    def _keep(self, key: bytes, start: dict, body: bytes) -> None:
        if len(body) > LARGEST:
            return
        if key in self.kept:  # asked for twice at once
            self.bytes -= len(self.kept.pop(key)[1])
        self.kept[key] = (start, body)
        self.bytes += len(body)
        while len(self.kept) > self.size or self.bytes > TOTAL:
            _, (_, dropped) = self.kept.popitem(last=False)
            self.bytes -= len(dropped)
