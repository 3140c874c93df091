"""A fake ModernGov site on 127.0.0.1 for the fetch tests.

Routes match a path plus a subset of query parameters (names case-insensitive).
A route holds a list of replies served in turn (the last one repeats), so
"500 then 200" is two replies. Every 200 carries an ETag and Last-Modified and
a matching If-None-Match / If-Modified-Since gets 304. Every request is logged
with its headers, and the peak number of requests in flight is kept.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

LAST_MODIFIED = "Tue, 10 Feb 2026 12:00:00 GMT"


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/xml; charset=utf-8"
    delay: float = 0.0
    headers: tuple[tuple[str, str], ...] = ()
    validators: bool = True
    trickle: float = 0.0  # seconds between bytes: the whole answer, status line first, one byte at a time
    length: bool = True  # False: no Content-Length, the body ends when the connection closes


@dataclass(frozen=True)
class Seen:
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names

    @property
    def conditional(self) -> bool:
        return "if-none-match" in self.headers or "if-modified-since" in self.headers


@dataclass
class FakeSite:
    routes: list[tuple[str, dict[str, str], list[Reply]]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    in_flight: int = 0
    peak_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    def add(self, path: str, *replies: Reply, **params: str) -> None:
        self.routes.append((path.lower(), {k.lower(): v for k, v in params.items()}, list(replies)))

    def requests_to(self, path: str, **params: str) -> list[Seen]:
        want = {k.lower(): v for k, v in params.items()}
        return [
            s
            for s in self.seen
            if s.path == path.lower() and all(s.query.get(k) == v for k, v in want.items())
        ]

    def reply_for(self, path: str, query: dict[str, str]) -> Reply:
        with self.lock:
            best = None
            for route_path, params, replies in self.routes:
                fits = route_path == path and all(query.get(k) == v for k, v in params.items())
                if fits and (best is None or len(params) > len(best[1])):
                    best = (route_path, params, replies)
            if best is None:
                return Reply(404, b"<html><title>Not Found</title></html>", "text/html")
            replies = best[2]
            return replies.pop(0) if len(replies) > 1 else replies[0]


def _handler(site: FakeSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = unquote(parts.path).lower()
            query = {k.lower(): v for k, v in parse_qsl(parts.query, keep_blank_values=True)}
            headers = {k.lower(): v for k, v in self.headers.items()}
            with site.lock:
                site.seen.append(Seen(path, query, headers))
                site.in_flight += 1
                site.peak_in_flight = max(site.peak_in_flight, site.in_flight)
            try:
                self._answer(site.reply_for(path, query), headers)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)
            finally:
                with site.lock:
                    site.in_flight -= 1

        def _answer(self, reply: Reply, headers: dict[str, str]) -> None:
            if reply.delay:
                time.sleep(reply.delay)
            if reply.trickle:
                raw = (f"HTTP/1.0 {reply.status} OK\r\nContent-Type: {reply.content_type}\r\n"
                       f"Content-Length: {len(reply.body)}\r\n\r\n").encode() + reply.body
                for i in range(len(raw)):
                    self.wfile.write(raw[i:i + 1])
                    self.wfile.flush()
                    time.sleep(reply.trickle)
                return
            etag = '"' + hashlib.sha1(reply.body).hexdigest()[:16] + '"'
            if reply.status == 200 and reply.validators and (
                headers.get("if-none-match") == etag or headers.get("if-modified-since") == LAST_MODIFIED
            ):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            if reply.length:
                self.send_header("Content-Length", str(len(reply.body)))
            if reply.status == 200 and reply.validators:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)

    return Handler


class Server:
    """Context manager: ``with Server() as site: site.base`` is http://127.0.0.1:PORT."""

    def __init__(self) -> None:
        self.site = FakeSite()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.site))
        self.httpd.daemon_threads = True
        self.site.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeSite:
        self.thread.start()
        return self.site

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
