"""The directory of organisations' privacy contacts and of the data-protection authorities.

Built by `resources/build_reference_data.py` from the datenanfragen.de database (CC0) plus
Quid's Dutch additions, into `resources/directory/`. Searched offline, as the person types:
every entry's search keys are folded once, at load, so a query is a scan of short strings.
No Qt.
"""

from __future__ import annotations

import functools
import heapq
import ipaddress
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from app.domain.taxonomy import fold_text
from app.resources import resource_path

#: Second-level public suffixes under which a registrable domain has three labels
#: (a deliberately small list; the Public Suffix List has thousands).
TWO_LEVEL_SUFFIXES = frozenset(
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "nhs.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk",
        "co.at", "or.at", "gv.at", "ac.at",
        "com.au", "net.au", "org.au", "gov.au",
        "co.jp", "ne.jp", "or.jp",
        "co.nz", "org.nz",
        "com.br", "com.cn", "com.mx", "com.tr", "co.za", "co.il", "co.kr", "co.in",
        "edu.ee", "com.pl", "com.es", "com.pt", "com.gr", "com.cy", "com.mt",
    }
)  # fmt: skip

#: A country's national authority where several authorities serve it (German states, churches
#: and broadcasters have their own; the federal commissioner is the national one).
NATIONAL_AUTHORITY = {"de": "debfdi"}
#: Country codes people use that ISO 3166-1 spells differently.
COUNTRY_ALIASES = {"uk": "gb", "el": "gr"}

TRANSPORTS = ("email", "letter", "fax", "webform")
QUALITIES = ("tested", "verified", "imported", "scraped")

# what a key matched: an organisation's own name beats a brand it runs, a domain, a slug
_NAME, _BRAND, _DOMAIN, _SLUG = range(4)
_EXACT, _PREFIX, _WORD_PREFIX, _SUBSTRING, _ALL_WORDS = range(5)
_HOST_END = re.compile(r"[/:?#\s]")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def host_of(text: str) -> str | None:
    """The host name in a URL, an e-mail address or a bare host, lower case, without 'www.'."""
    value = text.strip().lower()
    if "://" in value:
        try:
            host = urlsplit(value).hostname or ""
        except ValueError:
            return None
    else:
        host = _HOST_END.split(value.rsplit("@", 1)[-1], maxsplit=1)[0]
    host = host.strip(".")
    host = host.removeprefix("www.")
    labels = host.split(".")
    if len(labels) < 2 or not all(labels):
        return None
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return host
    return None


def registrable_domain(text: str) -> str | None:
    """'https://www.shop.example.co.uk/x' → 'example.co.uk'; 'privacy@mail.bol.com' → 'bol.com'.

    The last two labels of the host, or three under one of `TWO_LEVEL_SUFFIXES`."""
    host = host_of(text)
    if host is None:
        return None
    labels = host.split(".")
    keep = 3 if ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES and len(labels) >= 3 else 2
    return ".".join(labels[-keep:])


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in value or ())


def _optional(value: Any) -> str | None:
    return str(value) if value else None


@dataclass(frozen=True)
class DirectoryEntry:
    """An organisation's contact for privacy requests. A starting point: it may be stale."""

    slug: str
    name: str
    address: str
    runs: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    relevant_countries: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    email: str | None = None
    phone: str | None = None
    fax: str | None = None
    web: str | None = None
    webform: str | None = None
    quality: str = "verified"
    sources: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()
    suggested_transport: str = "letter"
    request_language: str | None = None
    needs_id_document: bool = False

    def matches_domain(self, domain: str) -> bool:
        """Whether `domain` (a host, URL or e-mail address) belongs to this organisation."""
        wanted = registrable_domain(domain)
        return wanted is not None and wanted in self.domains

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DirectoryEntry:
        return cls(
            slug=str(data["slug"]),
            name=str(data["name"]),
            address=str(data.get("address") or ""),
            runs=_strings(data.get("runs")),
            domains=_strings(data.get("domains")),
            relevant_countries=_strings(data.get("relevant_countries")),
            categories=_strings(data.get("categories")),
            email=_optional(data.get("email")),
            phone=_optional(data.get("phone")),
            fax=_optional(data.get("fax")),
            web=_optional(data.get("web")),
            webform=_optional(data.get("webform")),
            quality=str(data.get("quality") or "verified"),
            sources=_strings(data.get("sources")),
            comments=_strings(data.get("comments")),
            suggested_transport=str(
                data.get("suggested_transport") or ("email" if data.get("email") else "letter")
            ),
            request_language=_optional(data.get("request_language")),
            needs_id_document=bool(data.get("needs_id_document", False)),
        )


@dataclass(frozen=True)
class Authority:
    """A data-protection supervisory authority: where a person lodges a complaint."""

    slug: str
    name: str
    address: str
    relevant_countries: tuple[str, ...] = ()
    email: str | None = None
    phone: str | None = None
    fax: str | None = None
    web: str | None = None
    webform: str | None = None
    complaint_language: str | None = None
    sources: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Authority:
        return cls(
            slug=str(data["slug"]),
            name=str(data["name"]),
            address=str(data.get("address") or ""),
            relevant_countries=_strings(data.get("relevant_countries")),
            email=_optional(data.get("email")),
            phone=_optional(data.get("phone")),
            fax=_optional(data.get("fax")),
            web=_optional(data.get("web")),
            webform=_optional(data.get("webform")),
            complaint_language=_optional(data.get("complaint_language")),
            sources=_strings(data.get("sources")),
        )


def _folded_names(text: str) -> list[str]:
    """The folded text, plus its German spelling without umlauts ('Öl' → 'ol', 'oel')."""
    names = [fold_text(text)]
    german = fold_text(text.casefold().translate(_UMLAUTS))
    if german != names[0]:
        names.append(german)
    return names


def _search_keys(entry: DirectoryEntry) -> tuple[tuple[int, str], ...]:
    keys = [(_NAME, name) for name in _folded_names(entry.name)]
    keys += [(_BRAND, name) for brand in entry.runs for name in _folded_names(brand)]
    keys += [(_DOMAIN, fold_text(domain)) for domain in entry.domains]
    keys.append((_SLUG, fold_text(entry.slug)))
    return tuple(dict.fromkeys(key for key in keys if key[1]))


def _match(query: str, keys: tuple[tuple[int, str], ...]) -> tuple[int, int]:
    """(how well, on what) `query` matches the best of `keys`; lower is better."""
    best = (_ALL_WORDS, _SLUG)
    for kind, key in keys:
        if key == query:
            how = _EXACT
        elif key.startswith(query):
            how = _PREFIX
        elif " " + query in key:
            how = _WORD_PREFIX
        elif query in key:
            how = _SUBSTRING
        else:
            continue
        best = min(best, (how, kind))
    return best


class Directory:
    """Organisations (by slug, by domain, as-you-type search) and supervisory authorities."""

    def __init__(
        self, entries: Iterable[DirectoryEntry], authorities: Iterable[Authority] = ()
    ) -> None:
        self._entries = tuple(sorted(entries, key=lambda entry: entry.slug))
        self._by_slug = {entry.slug: entry for entry in self._entries}
        if len(self._by_slug) != len(self._entries):
            raise ValueError("The directory lists a slug twice.")
        self._by_domain: dict[str, list[DirectoryEntry]] = {}
        for entry in self._entries:
            for domain in entry.domains:
                self._by_domain.setdefault(domain, []).append(entry)
        self._keys = [_search_keys(entry) for entry in self._entries]
        # all keys of an entry in one string: one `in` per entry rules most entries out
        self._haystacks = ["\n".join(key for _, key in keys) for keys in self._keys]
        self._order = [(len(entry.name), fold_text(entry.name)) for entry in self._entries]
        self._authorities = tuple(sorted(authorities, key=lambda authority: authority.slug))

    @classmethod
    def from_json(cls, organisations: str, authorities: str = "[]") -> Directory:
        return cls(
            (DirectoryEntry.from_dict(item) for item in json.loads(organisations)),
            (Authority.from_dict(item) for item in json.loads(authorities)),
        )

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[DirectoryEntry]:
        return iter(self._entries)

    # --- organisations ---------------------------------------------------------------------
    def search(self, text: str, limit: int = 20) -> list[DirectoryEntry]:
        """Organisations whose name, brands, domains or slug contain `text`, ignoring case and
        accents. Exact matches first, then prefixes, word prefixes, substrings, and for
        several words, entries containing all of them; ties go to the shorter name."""
        query = fold_text(text)
        if not query or limit <= 0:
            return []
        words = query.split() if " " in query else []
        scored: list[tuple[int, int, int, str, int]] = []
        for index, haystack in enumerate(self._haystacks):
            if query in haystack:
                how, kind = _match(query, self._keys[index])
            elif words and all(word in haystack for word in words):
                how, kind = _ALL_WORDS, _NAME
            else:
                continue
            scored.append((how, kind, *self._order[index], index))
        return [self._entries[item[-1]] for item in heapq.nsmallest(limit, scored)]

    def by_slug(self, slug: str) -> DirectoryEntry | None:
        return self._by_slug.get(slug)

    def by_domain(self, domain: str) -> list[DirectoryEntry]:
        """The organisations using this registrable domain (from a host, URL or address)."""
        wanted = registrable_domain(domain)
        return list(self._by_domain.get(wanted, ())) if wanted else []

    # --- supervisory authorities -----------------------------------------------------------
    def authorities(self) -> list[Authority]:
        return list(self._authorities)

    def authorities_for_country(self, country: str) -> list[Authority]:
        """Every authority for a 2-letter country code, the national one first."""
        code = country.strip().lower()
        code = COUNTRY_ALIASES.get(code, code)
        found = [a for a in self._authorities if code in a.relevant_countries]
        national = NATIONAL_AUTHORITY.get(code)
        found.sort(key=lambda authority: authority.slug != national)
        return found

    def authority_for_country(self, country: str) -> Authority | None:
        """The national supervisory authority of a 2-letter country code, if there is one."""
        found = self.authorities_for_country(country)
        return found[0] if found else None


@functools.lru_cache(maxsize=1)
def load_directory() -> Directory:
    """The shipped directory, read once."""
    folder = resource_path("directory")
    return Directory.from_json(
        (folder / "organisations.json").read_text(encoding="utf-8"),
        (folder / "authorities.json").read_text(encoding="utf-8"),
    )
