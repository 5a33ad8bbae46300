"""Fetching http(s) URLs with urllib: a timeout, a size cap, and failures as one short reason.

>>> page = fetch("https://example.com/news/1", ReadOptions())
>>> page.content_type, len(page.body)
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from newsgraph import __version__
from newsgraph.ingest.common import ReadOptions, megabytes, short_error

USER_AGENT = f"newsgraph/{__version__} (python-urllib)"
ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/plain;q=0.8, */*;q=0.5"
)


@dataclass(slots=True)
class Fetched:
    """An HTTP answer's body and what the server said it is."""

    url: str  # after redirects
    content_type: str | None
    charset: str | None
    body: bytes


class Unreachable(Exception):
    """A URL that gave no body; the message is the short reason ('HTTP 404 Not Found')."""


def is_url(source: str) -> bool:
    """True for the http(s) URLs we fetch; anything else is a path."""
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, opts: ReadOptions) -> Fetched:
    """GET one URL; raises Unreachable with a reason a user can act on."""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT})
        with urllib.request.urlopen(request, timeout=opts.timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > opts.max_bytes:
                raise Unreachable(f"{megabytes(int(length))} is over the {megabytes(opts.max_bytes)} limit")
            body = response.read(opts.max_bytes + 1)
            if len(body) > opts.max_bytes:
                raise Unreachable(f"more than the {megabytes(opts.max_bytes)} limit")
            return Fetched(
                url=response.geturl(),
                content_type=response.headers.get_content_type(),
                charset=response.headers.get_content_charset(),
                body=body,
            )
    except Unreachable:
        raise
    except urllib.error.HTTPError as exc:
        raise Unreachable(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise Unreachable(f"no answer within {opts.timeout:g} s") from None
        raise Unreachable(_os_reason(reason)) from None
    except TimeoutError:
        raise Unreachable(f"no answer within {opts.timeout:g} s") from None
    except (OSError, ValueError) as exc:
        # ValueError: a malformed URL; OSError: a connection reset mid-body, TLS failures.
        raise Unreachable(_os_reason(exc)) from None
    except Exception as exc:  # http.client.IncompleteRead, BadStatusLine: a broken server
        raise Unreachable(short_error(exc)) from None


def _os_reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return short_error(reason) if isinstance(reason, BaseException) else str(reason)
