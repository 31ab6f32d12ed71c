"""One wall-clock deadline for a whole fetch, enforced at the socket.

A timeout per socket wait is not a limit: a site that sends a header line, or a byte of the
body, just before each wait runs out can hold a fetch for as long as it likes. Here every
socket operation (connect, TLS handshake, each read and write) waits at most the time left
until the fetch's deadline, so no wait and no series of waits outlives it. Past the deadline
the operation fails at once with httpcore's timeout of its kind, which httpx raises as
httpx.ConnectTimeout, httpx.ReadTimeout or httpx.WriteTimeout.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

__all__ = ["deadline_transport"]

_Timeout = type[httpcore.TimeoutException]


def _clamp(deadline: float, timeout: float | None, expired: _Timeout) -> float:
    """The socket timeout for one operation: the caller's, but never past the deadline."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise expired("the fetch's time limit ran out")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(self._deadline, timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # A GET's request head fits in the socket's send buffer, so one clamped wait covers it.
        self._inner.write(buffer, _clamp(self._deadline, timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        # The handshake is one operation with one timeout: the ssl module holds it to that in total.
        tls = self._inner.start_tls(ssl_context, server_hostname,
                                    _clamp(self._deadline, timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, deadline: float) -> None:
        self._inner = httpcore.SyncBackend()
        self._deadline = deadline

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, _clamp(self._deadline, timeout, httpcore.ConnectTimeout),
                                         local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                            ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("deskcheck fetches web links, not Unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, min(seconds, self._deadline - time.monotonic())))


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport (its error mapping and streaming), on a deadline-bound socket layer."""

    def __init__(self, deadline: float) -> None:
        super().__init__(trust_env=False)
        # httpx takes no network backend, so its connection pool is replaced by one on ours
        # (httpcore's default sizes suit a fetch's few requests, made one after another).
        # No proxy either way: a proxy would resolve names itself, unchecked.
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                             network_backend=_DeadlineBackend(deadline))


def deadline_transport(deadline: float) -> httpx.BaseTransport:
    """An httpx transport whose every socket wait ends by `deadline` (a time.monotonic() value)."""
    return _DeadlineTransport(deadline)
