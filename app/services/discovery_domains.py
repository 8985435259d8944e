"""From the addresses in a password export to registrable domains, offline.

The Public Suffix List (the `publicsuffixlist` package bundles it; it never fetches) decides
what a person could register: `accounts.google.com` and `mail.google.com` are `google.com`,
`bbc.co.uk` stays itself. Its private section counts too, so `someone.github.io` stays its own
site: a blog there is not GitHub the company. No Qt.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

from app.domain.ledger import ValidationError, clean_domain

NO_ADDRESS = "no web address (a secure note?)"
LOCAL = "a local or IP address"
INTRANET = "no public domain (an intranet or local name?)"
APP = "an app without a web address"
NOT_WEB = "not a web address"
UNSTORABLE = "a web address Quid cannot store"

# LastPass writes secure notes with this address
_SECURE_NOTE_URLS = frozenset({"http://sn", "https://sn"})
# schemes of things in a browser that are not a site
_NOT_WEB_SCHEMES = frozenset({
    "about", "blob", "chrome", "chrome-extension", "data", "edge", "file", "javascript",
    "mailto", "moz-extension", "ms-browser-extension", "safari-extension", "tel", "view-source",
})  # fmt: skip
_APP_SCHEMES = frozenset({"iosapp", "ios"})
_ANDROID_SCHEMES = frozenset({"androidapp", "android"})
# names for a home network, which the Public Suffix List lists or ignores inconsistently
_LOCAL_ENDINGS = (".local", ".localhost", ".home.arpa", ".internal", ".lan", ".localdomain")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# schemes whose addresses have no `//host` part: `mailto:jan@example.org` holds no login
_OPAQUE_SCHEMES = frozenset({"about", "blob", "data", "javascript", "mailto", "tel"})
_AUTHORITY_END = re.compile(r"[/?#\\]")
UNREADABLE = "(an address Quid cannot read)"
# what a shown host may hold: letters (any script), digits, dots, hyphens; IPv6 colons
_PLAIN_HOST = re.compile(r"^[\w.:-]+$")


@functools.cache
def public_suffix_list() -> PublicSuffixList:
    """Loaded once (about 50 ms); unknown top-level domains are not registrable."""
    return PublicSuffixList(accept_unknown=False)


def registrable_domain(host: str) -> str | None:
    """The domain a person or company registered, by the Public Suffix List; None for a
    public suffix itself, a single label or an unknown top-level domain."""
    name = host.strip().strip(".").lower()
    if not name or ".." in name:
        return None
    domain = public_suffix_list().privatesuffix(name)
    return str(domain) if domain else None


def _host_domain(host: str) -> tuple[str | None, str]:
    host = host.strip().strip(".").lower()
    if not host:
        return None, NO_ADDRESS
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return None, LOCAL
    if host == "localhost" or host.endswith(_LOCAL_ENDINGS):
        return None, LOCAL
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None, NOT_WEB
    domain = registrable_domain(host)
    if domain is None:
        return None, INTRANET
    try:
        return clean_domain(domain), ""
    except ValidationError:
        return None, UNSTORABLE


def _android_domain(rest: str) -> tuple[str | None, str]:
    """`androidapp://com.twitter.android` → twitter.com, when the reversed package name is a
    registrable domain; Chrome writes `android://HASH@com.twitter.android/`."""
    package = rest.lstrip("/").rsplit("@", 1)[-1]
    package = re.split(r"[/?#]", package, maxsplit=1)[0]
    labels = [label for label in package.lower().split(".") if label]
    if len(labels) < 2:
        return None, APP
    domain, _ = _host_domain(".".join(reversed(labels)))
    return (domain, "") if domain else (None, APP)


def site_of(address: str) -> tuple[str | None, str]:
    """(registrable domain, "") for an address in an export, or (None, why it was skipped)."""
    text = address.strip()
    lower = text.lower()
    if not text or lower in _SECURE_NOTE_URLS:
        return None, NO_ADDRESS
    found = _SCHEME.match(lower)
    scheme = found.group(1) if found else ""
    if scheme in _ANDROID_SCHEMES:
        return _android_domain(text[len(scheme) + 1 :])
    if scheme in _APP_SCHEMES:
        return None, APP
    if scheme in _NOT_WEB_SCHEMES:
        return None, NOT_WEB
    if "://" not in text:  # a bare host, or host:port
        text = "http://" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:  # a bad port or IPv6 literal
        return None, NOT_WEB
    return _host_domain(host or "")


def without_userinfo(address: str) -> str:
    """The address without a login in it: `http://admin:secret@host/x` → `http://host/x`,
    `admin:secret@host` → `host`, `android://HASH@com.app` → `android://com.app`. As browsers
    read an address, the login ends at the last `@` before the first `/`, `?`, `#` or `\\`."""
    head, sep, rest = address.partition("://")
    if sep and _SCHEME.match(head.lower() + ":"):
        prefix = head + sep
    else:
        found = _SCHEME.match(address.lower())
        if found and found.group(1) in _OPAQUE_SCHEMES:
            return address
        prefix, rest = "", address  # a bare host, perhaps with a login and a port
    end = _AUTHORITY_END.search(rest)
    at = rest.rfind("@", 0, end.start() if end else len(rest))
    return address if at < 0 else prefix + rest[at + 1 :]


def shown_address(address: str) -> str:
    """How an address is shown: its scheme and host only, never a login, port, path, query or
    fragment (they may hold passwords or tokens). `https://u:pw@example.com/a?token=x` →
    `https://example.com`; `mail.example.com/x` → `mail.example.com`; `mailto:…` → `mailto:`."""
    text = without_userinfo(address.strip())
    found = _SCHEME.match(text.lower())
    scheme = found.group(1) if found else ""
    hierarchical = found is not None and text[found.end() :].startswith("//")
    if not hierarchical and scheme in (_OPAQUE_SCHEMES | _NOT_WEB_SCHEMES | _APP_SCHEMES):
        return f"{scheme}:"
    try:
        host = urlsplit(text if hierarchical else "http://" + text).hostname or ""
    except ValueError:  # a bad port or IPv6 literal
        host = ""
    if not host or len(host) > 253 or not _PLAIN_HOST.match(host):
        return f"{scheme}:" if hierarchical else UNREADABLE
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    return f"{scheme}://{host}" if hierarchical else host


def sites_of(addresses: Iterable[str]) -> tuple[list[str], str]:
    """The distinct registrable domains of a row's addresses (in order), and if there is none,
    why the row is skipped (the first address's reason)."""
    domains: list[str] = []
    reason = ""
    for address in addresses:
        domain, why = site_of(address)
        if domain is None:
            reason = reason or why
        elif domain not in domains:
            domains.append(domain)
    return domains, "" if domains else reason or NO_ADDRESS
