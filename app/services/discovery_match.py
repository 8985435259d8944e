"""Which organisation a registrable domain belongs to: the ledger's, the directory's, or new.

Order: an organisation in the ledger having that domain; else a directory entry listing the
domain; else a directory entry whose name or brand *is* the domain's first label (`youtube` of
youtube.com is a brand Google runs) — exact, and only for labels of four characters or more, so
`bbc`, `web` or `mail` never land on a stranger; else a new organisation named by its domain.

A directory entry or new organisation the ledger already holds is that ledger organisation:
by the entry's slug; else by name (`name_key`: case, accents and spaces ignored) — the entry's
name, then its brands, then the domain-made name (`example.org`); else when the first label of
the domain (or of one of the entry's domains) is the whole name of exactly one ledger
organisation, squashed (`google` → "Google", `deutsche-bahn` → "Deutsche Bahn"), again only for
labels of four characters or more. No Qt.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from app.domain.ledger import name_key
from app.domain.taxonomy import fold_text
from app.services.directory import Directory, DirectoryEntry
from app.services.discovery_domains import registrable_domain
from app.storage.database import Connection

MATCH_LEDGER = "ledger"
MATCH_DOMAIN = "directory (domain)"
MATCH_BRAND = "directory (brand)"
MATCH_NEW = "new"
#: how strong a match is, best first (a group shows its best)
MATCH_ORDER = (MATCH_LEDGER, MATCH_DOMAIN, MATCH_BRAND, MATCH_NEW)
BRAND_LABEL_MIN = 4


@dataclass(frozen=True)
class Target:
    """Where a domain's accounts go."""

    key: str  # "ledger:12", "dir:google", "new:example.com"
    name: str
    directory_slug: str | None
    existing_id: int | None
    match: str


def _squashed(text: str) -> str:
    """'Deutsche Bahn' and 'deutsche-bahn' → 'deutschebahn'."""
    return fold_text(text).replace(" ", "")


@dataclass(frozen=True)
class _DirectoryIndex:
    by_domain: dict[str, tuple[DirectoryEntry, ...]]
    by_name: dict[str, tuple[DirectoryEntry, ...]]  # the squashed organisation name
    by_brand: dict[str, tuple[DirectoryEntry, ...]]  # a squashed brand it runs


@functools.lru_cache(maxsize=4)
def _directory_index(directory: Directory) -> _DirectoryIndex:
    """Built once per directory (about 0.1 s for the shipped 3,085 entries). The domains are
    taken as listed: `Directory.by_domain` would shorten `x.github.io` to `github.io`."""
    by_domain: dict[str, list[DirectoryEntry]] = {}
    by_name: dict[str, list[DirectoryEntry]] = {}
    by_brand: dict[str, list[DirectoryEntry]] = {}
    for entry in directory:
        for domain in entry.domains:
            key = domain.strip().lower().removeprefix("www.")
            by_domain.setdefault(key, []).append(entry)
        by_name.setdefault(_squashed(entry.name), []).append(entry)
        for brand in entry.runs:
            by_brand.setdefault(_squashed(brand), []).append(entry)

    def frozen(index: dict[str, list[DirectoryEntry]]) -> dict[str, tuple[DirectoryEntry, ...]]:
        return {key: tuple(dict.fromkeys(value)) for key, value in index.items() if key}

    return _DirectoryIndex(frozen(by_domain), frozen(by_name), frozen(by_brand))


def readable_domain(domain: str) -> str:
    """'xn--caf-zrich-d4a5s.ch' → 'café-zürich.ch', as people write it (names only; the
    ledger keeps domains in their ASCII form)."""
    try:
        return domain.encode("ascii").decode("idna") if "xn--" in domain else domain
    except UnicodeError:
        return domain


def first_label(domain: str) -> str:
    """'youtube.com' → 'youtube'; 'bbc.co.uk' → 'bbc'."""
    return _squashed(domain.split(".", 1)[0])


class Matcher:
    """Reads the ledger's organisations once, then answers `target(domain)` from memory."""

    def __init__(self, conn: Connection, directory: Directory) -> None:
        self._index = _directory_index(directory)
        self._names: dict[int, tuple[str, str | None]] = {}
        self._by_slug: dict[str, int] = {}
        self._by_name: dict[str, int] = {}  # name_key → the oldest organisation of that name
        self._by_squashed: dict[str, list[int]] = {}  # 'deutschebahn' → organisations
        for org_id, name, slug in conn.execute(
            "SELECT id, name, directory_slug FROM organisations ORDER BY id"
        ):
            self._names[int(org_id)] = (str(name), slug)
            if slug:
                self._by_slug.setdefault(str(slug), int(org_id))
            self._by_name.setdefault(name_key(str(name)), int(org_id))
            self._by_squashed.setdefault(_squashed(str(name)), []).append(int(org_id))
        exact: dict[str, int] = {}
        shortened: dict[str, int] = {}
        for org_id, domain in conn.execute(
            "SELECT organisation_id, domain FROM organisation_domains ORDER BY organisation_id"
        ):
            exact.setdefault(str(domain), int(org_id))
            # a ledger organisation with "shop.example.co.uk" still owns example.co.uk
            registrable = registrable_domain(str(domain))
            if registrable:
                shortened.setdefault(registrable, int(org_id))
        self._ledger_domains = {**shortened, **exact}
        self._cache: dict[str, Target] = {}

    def ledger_target(self, org_id: int) -> Target:
        name, slug = self._names[org_id]
        return Target(f"ledger:{org_id}", name, slug, org_id, MATCH_LEDGER)

    def _ledger_by_name(self, domain: str, entry: DirectoryEntry | None) -> int | None:
        """The ledger organisation that is this entry or domain by name (see the module)."""
        names = [entry.name, *entry.runs] if entry is not None else []
        names.append(readable_domain(domain))
        for name in names:
            org_id = self._by_name.get(name_key(name))
            if org_id is not None:
                return org_id
        domains = [domain, *(entry.domains if entry is not None else ())]
        labels = (first_label(d.strip().lower().removeprefix("www.")) for d in domains)
        for label in dict.fromkeys(labels):
            found = self._by_squashed.get(label, [])
            if len(label) >= BRAND_LABEL_MIN and len(found) == 1:
                return found[0]
        return None

    def _directory_target(self, domain: str, entry: DirectoryEntry, match: str) -> Target:
        org_id = self._by_slug.get(entry.slug)
        if org_id is None:
            org_id = self._ledger_by_name(domain, entry)
        if org_id is not None:
            return self.ledger_target(org_id)
        return Target(f"dir:{entry.slug}", entry.name, entry.slug, None, match)

    def _by_directory_domain(self, domain: str) -> DirectoryEntry | None:
        entries = self._index.by_domain.get(domain, ())
        if len(entries) <= 1:
            return entries[0] if entries else None
        # several entries share the domain (regional branches): prefer the one named like it
        label = first_label(domain)
        named = [e for e in entries if _squashed(e.name) == label or label in map(
            _squashed, e.runs)]  # fmt: skip
        return min(named or entries, key=lambda entry: (len(entry.name), entry.slug))

    def _by_brand(self, domain: str) -> DirectoryEntry | None:
        label = first_label(domain)
        if len(label) < BRAND_LABEL_MIN:
            return None
        for index in (self._index.by_name, self._index.by_brand):
            entries = index.get(label, ())
            if len(entries) == 1:
                return entries[0]
            if entries:
                return None  # ambiguous: better no match than a wrong one
        return None

    def target(self, domain: str) -> Target:
        """The organisation a registrable domain's accounts belong to."""
        found = self._cache.get(domain)
        if found is not None:
            return found
        org_id = self._ledger_domains.get(domain)
        if org_id is not None:
            found = self.ledger_target(org_id)
        elif (entry := self._by_directory_domain(domain)) is not None:
            found = self._directory_target(domain, entry, MATCH_DOMAIN)
        elif (entry := self._by_brand(domain)) is not None:
            found = self._directory_target(domain, entry, MATCH_BRAND)
        elif (org_id := self._ledger_by_name(domain, None)) is not None:
            found = self.ledger_target(org_id)
        else:
            found = Target(f"new:{domain}", readable_domain(domain), None, None, MATCH_NEW)
        self._cache[domain] = found
        return found
