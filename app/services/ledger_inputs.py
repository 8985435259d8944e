"""Turning stored rows and directory entries into the ledger's input records."""

from __future__ import annotations

from typing import Any

from app.domain.ledger import (
    AccountInput,
    BenefitInput,
    DisclosureInput,
    OrganisationInput,
    ValidationError,
    clean_domain,
)


def record_input(table: str, row: dict[str, Any]) -> Any:
    """The input dataclass that reproduces a stored row (for editing and undo)."""
    if table == "disclosures":
        necessary = row["necessary"]
        return DisclosureInput(
            category=row["category"], detail=row["detail"], given_on=row["given_on"],
            collection_method=row["collection_method"], purpose=row["purpose"],
            legal_basis=row["legal_basis"], required=bool(row["required"]),
            necessary=None if necessary is None else bool(necessary),
            shared=bool(row["shared"]), continuous=bool(row["continuous"]),
            retention=row["retention"], consent_withdrawn_on=row["consent_withdrawn_on"],
        )  # fmt: skip
    if table == "benefits":
        return BenefitInput(
            kind=row["kind"], description=row["description"], value_cents=row["value_cents"],
            period=row["period"], started_on=row["started_on"], ended_on=row["ended_on"],
        )  # fmt: skip
    if table == "accounts":
        return AccountInput(
            identifier=row["identifier"], status=row["status"], first_used=row["first_used"],
            last_used=row["last_used"], notes=row["notes"],
        )  # fmt: skip
    raise ValueError(table)


def organisation_from_directory(entry: Any, home_country: str = "") -> OrganisationInput:
    """A directory entry copied into the vault, where the person may correct it. Of several
    countries the entry serves, the person's own (`home_country`, from the profile) is the one
    that matters to them (its holidays set their deadlines); without it none is guessed."""
    countries = [c.upper() for c in entry.relevant_countries if len(c) == 2]
    home = home_country.strip().upper()
    if len(countries) > 1:
        countries = [home] if home in countries else []
    domains = []
    for domain in entry.domains:
        try:
            domains.append(clean_domain(domain))
        except ValidationError:
            continue  # the directory's data is a starting point; skip what does not parse
    return OrganisationInput(
        name=entry.name,
        domains=domains,
        country=countries[0] if countries else "",
        privacy_email=entry.email or "",
        postal_address=entry.address or "",
        phone=entry.phone or "",
        website=entry.web or "",
        webform=entry.webform or "",
        aliases=list(entry.runs),
        directory_slug=entry.slug,
        directory_quality=entry.quality or "",
        directory_sources=list(entry.sources),
    )
