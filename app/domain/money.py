"""Money as integer euro cents: parsing what people type, and showing it."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from app.errors import QT_TR_NOOP

_AMOUNT = re.compile(r"^\s*(?:€|eur)?\s*(-?)\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*(?:€|eur)?\s*$", re.I)


class MoneyError(ValueError):
    pass


def parse_cents(text: str) -> int:
    """'12', '12.5', '12,50', '€ 3', '3 EUR' → cents. Negative amounts are refused."""
    match = _AMOUNT.match(text)
    if not match:
        raise MoneyError(
            QT_TR_NOOP("'{value}' is not an amount in euros, e.g. 4.99 or 4,99.").format(
                value=text[:40]
            )
        )
    sign, whole, fraction = match.groups()
    if sign:
        raise MoneyError(QT_TR_NOOP("An amount cannot be negative."))
    fraction = (fraction or "0").ljust(2, "0")
    return int(whole) * 100 + int(fraction)


def cents_from_decimal(value: float | str | Decimal) -> int:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise MoneyError(QT_TR_NOOP("'{value}' is not an amount.").format(value=value)) from None
    if amount < 0:
        raise MoneyError(QT_TR_NOOP("An amount cannot be negative."))
    if amount > Decimal("10000000"):
        raise MoneyError(QT_TR_NOOP("That amount is implausibly large."))
    return int((amount * 100).to_integral_value())


def format_cents(cents: int | None, *, unknown: str = "—") -> str:
    if cents is None:
        return unknown
    return f"€ {cents // 100:,}.{cents % 100:02d}".replace(",", "\u202f")
