"""The ASGI middleware that guards every response: security headers (``SecurityHeaders``),
a limit on request bodies, checked as they stream in (``BodyLimit``), and on loopback the
Host names a request may give (``HostCheck``)."""

from __future__ import annotations

import ipaddress
from collections.abc import Collection

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from presslens.web.errors import error_response

MAX_BODY = 5 * 1024 * 1024  # bytes a request body may hold, by default
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})

# No inline script anywhere (the /docs page loads its script from /static); styles and
# images as the vendored Swagger UI needs them (its CSS inlines SVG icons as data: URLs).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every HTTP response of ``app``, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_guarded)


class BodyTooLarge(HTTPException):
    """A request body over the limit (413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"the request body is larger than {limit:,} bytes: send less (split a JSONL batch"
            " into several requests) or start the server with a larger --max-body",
        )


class BodyLimit:
    """Refuses (413) a request whose body is over ``max_body`` bytes: at once when its
    Content-Length says so, else as soon as the bytes streamed in pass the limit, so that a
    large body is never held in memory whole."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            too_large = BodyTooLarge(self.max_body)
            await error_response(413, too_large.detail)(scope, receive, send)
            return
        seen = 0

        async def receive_counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        await self.app(scope, receive_counted, send)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine (127.0.0.0/8, ::1, localhost)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def loopback_hosts(host: str) -> frozenset[str]:
    """The Host names a server bound to the loopback address ``host`` answers to."""
    return LOOPBACK_HOSTS | {f"[{host}]" if ":" in host else host.lower()}


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``127.0.0.1``, ``[::1]``."""
    if header.startswith("["):
        return header.partition("]")[0] + "]"
    return header.rpartition(":")[0] if ":" in header else header


class HostCheck:
    """Answers only requests whose Host header names one of ``hosts`` (400 otherwise), so
    that a web page whose name is rebound to 127.0.0.1 cannot read a loopback server's store
    through its visitor's browser (DNS rebinding)."""

    def __init__(self, app: ASGIApp, hosts: Collection[str]) -> None:
        self.app, self.hosts = app, frozenset(h.lower() for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            given = Headers(scope=scope).get("host", "")
            if host_name(given.lower()) not in self.hosts:
                message = (
                    f"this server does not answer to the host {given!r}: open it as"
                    f" {' or '.join(sorted(self.hosts))} (or start it with --host)"
                )
                await error_response(400, message)(scope, receive, send)
                return
        await self.app(scope, receive, send)
