"""One background thread that runs calls in the order given, for work the user must not wait for.

Practice scores each answer with the LLM here while the next question is asked (a local 1.5B
model takes 20-90 s per answer on 2 cores, and a local server handles one request at a time, so
one thread, first in first out). It is a concurrent.futures.Executor, so callers get Futures.

Why not ThreadPoolExecutor(max_workers=1): its worker is joined at interpreter exit, so a
Ctrl-C that skips the wait for LLM scores would still hang until the call in flight returns (up
to the LLM's total timeout). This worker is a daemon thread: the process exits at once, and the
answer whose call was abandoned stays marked pending in the session file.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any


class SerialExecutor(Executor):
    """Runs submitted calls one at a time, in order, on one daemon thread started on first use."""

    def __init__(self, name: str = "mockint-background") -> None:
        self._name = name
        self._queue: queue.SimpleQueue[tuple[Future, Callable[..., Any], tuple, dict] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._shutdown = False
        self._queued: list[Future] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        with self._lock:
            if self._shutdown:
                raise RuntimeError("cannot submit after shutdown")
            future: Future = Future()
            self._queued.append(future)
            self._queue.put((future, fn, args, kwargs))
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name=self._name, daemon=True)
                self._thread.start()
        return future

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            future, fn, args, kwargs = item
            with self._lock:
                self._queued.remove(future)
            if not future.set_running_or_notify_cancel():
                continue  # cancelled while queued
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - handed to the Future, as ThreadPoolExecutor does
                future.set_exception(exc)
            else:
                future.set_result(result)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._shutdown = True
            if cancel_futures:
                for future in self._queued:
                    future.cancel()
            thread = self._thread
            self._queue.put(None)
        if wait and thread is not None:
            thread.join()
