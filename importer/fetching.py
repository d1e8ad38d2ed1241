"""Polite, bounded fetching from the old portal: one request at a time per host, a delay between requests,
a timeout, a size limit, robots.txt respected, a configurable User-Agent, and never a request off the given host."""

import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import requests
from django.utils.translation import gettext as _


class FetchError(Exception):
    """A request that failed; its message is the reason shown in the report."""


class Refused(FetchError):
    """A request the importer must not make: off the old portal's host, or forbidden by robots.txt."""


@dataclass
class Response:
    url: str
    content: bytes
    content_type: str


def host_of(url):
    return urlsplit(url).netloc.lower()


class Fetcher:
    """Fetches from one old portal (its host), politely. Thread-safe: one request at a time per host."""

    MAX_REDIRECTS = 5

    def __init__(self, host, user_agent, delay=1.0, timeout=20.0, max_bytes=20 * 1024 * 1024):
        self.host = host.lower()
        self.user_agent = user_agent
        self.delay = delay
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent
        self._lock = threading.Lock()
        self._last_request = 0.0
        self._robots = {}

    def allowed_host(self, url):
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == self.host

    def robots_allow(self, url):
        parts = urlsplit(url)
        key = (parts.scheme, parts.netloc)
        if key not in self._robots:
            parser = RobotFileParser()
            try:
                response = self._request(f"{parts.scheme}://{parts.netloc}/robots.txt", check_robots=False)
                parser.parse(response.content.decode("utf-8", "replace").splitlines())
            except FetchError:
                parser.parse([])  # no robots.txt (or unreachable): everything is allowed
            self._robots[key] = parser
        return self._robots[key].can_fetch(self.user_agent, url)

    def get(self, url):
        return self._request(url, check_robots=True)

    def _request(self, url, check_robots):
        for _hop in range(self.MAX_REDIRECTS + 1):
            if not self.allowed_host(url):
                raise Refused(_("Not on the old portal's host %(host)s: not fetched.") % {"host": self.host})
            if check_robots and not self.robots_allow(url):
                raise Refused(_("robots.txt forbids this address."))
            response = self._one_request(url)
            if response.is_redirect:
                url = urljoin(url, response.headers.get("Location", ""))
                response.close()
                continue
            return self._read(url, response)
        raise FetchError(_("Too many redirects."))

    def _one_request(self, url):
        with self._lock:
            wait = self._last_request + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return self.session.get(url, timeout=self.timeout, stream=True, allow_redirects=False)
            except requests.RequestException as error:
                raise FetchError(_("Could not fetch: %(error)s") % {"error": error.__class__.__name__}) from error
            finally:
                self._last_request = time.monotonic()

    def _read(self, url, response):
        with response:
            if response.status_code != 200:
                raise FetchError(_("The old portal answered %(status)s.") % {"status": response.status_code})
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > self.max_bytes:
                raise FetchError(_("Larger than the size limit (%(limit)s bytes).") % {"limit": self.max_bytes})
            chunks, size = [], 0
            try:
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(_("Larger than the size limit (%(limit)s bytes).") % {"limit": self.max_bytes})
                    chunks.append(chunk)
            except requests.RequestException as error:
                raise FetchError(_("Could not fetch: %(error)s") % {"error": error.__class__.__name__}) from error
            return Response(url=url, content=b"".join(chunks), content_type=response.headers.get("Content-Type", ""))
