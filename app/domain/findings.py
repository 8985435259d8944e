"""The findings of an assessment: one builder per flag, each with its reason (naming the
categories), the suggested action citing the article, its points and the letter that fits.
Pure; `scoring.py` adds them up into a band."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.assessment import (
    AccountItem,
    Flag,
    GivenItem,
    Weights,
)
from app.domain.valuation import (
    months_between,
    unknown_retention,
)

# --- Points: what each finding adds to the score (0 = fair; higher is worse) ----------------------
COERCED_POINTS = 50  # Art. 7(4): the band is COERCED whatever else; the points rank it first
WITHDRAWAL_POINTS = 20  # data collected again after consent to it was withdrawn
SPECIAL_POINTS = 20  # Art. 9 / Art. 10 data: the most harmful to lose
SHARED_POINTS = 10  # passed on to third parties
CONTINUOUS_POINTS = 10  # collected continuously (location, browsing …), i.e. a profile
DORMANT_POINTS = 10  # no account in use while they still hold the data: erasure candidate
UNKNOWN_RETENTION_POINTS = 5  # mild: most people simply were not told
VALUE_UNKNOWN_POINTS = 0  # information only: it asks the person to fill in a value

# Account statuses (app.domain.ledger.ACCOUNT_STATUSES) that are no longer in use.
CLOSED_STATUSES = frozenset({"closed"})  # closed, but the data may well still be there
GONE_STATUSES = frozenset({"erased", "erasure_requested"})  # already dealt with
DORMANT_STATUS = "dormant"


# --- small helpers --------------------------------------------------------------------------------
def _label(item: GivenItem) -> str:
    return item.label.strip() or item.category


def _join(words: Iterable[str]) -> str:
    """'A', 'A and B', 'A, B and C' — sorted, without duplicates."""
    return _join_set(frozenset(words))


@functools.lru_cache(maxsize=4096)  # the same few sets of labels recur across organisations
def _join_set(words: frozenset[str]) -> str:
    unique = sorted(words, key=lambda w: (w.casefold(), w))
    if len(unique) <= 1:
        return "".join(unique)
    return f"{', '.join(unique[:-1])} and {unique[-1]}"


def joined_labels(items: Iterable[GivenItem]) -> str:
    return _join(_label(item) for item in items)


def _it(items: Iterable[GivenItem]) -> str:
    return "them" if len({_label(item) for item in items}) > 1 else "it"


# --- flags ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Found:
    flag: Flag
    detail: str  # what the flag is about in a few words, for its line of the explanation


def coerced(given: Sequence[GivenItem]) -> Found | None:
    items = [i for i in given if i.required and i.necessary is False]
    if not items:
        return None
    flag = Flag(
        "coerced-consent",
        f"They required {joined_labels(items)} although the service does not need {_it(items)}, so "
        f"consent to {_it(items)} was not freely given (GDPR Art. 7(4)).",
        "Withdraw your consent to it and ask them to erase it (Art. 7(3), 17(1)(b)); they may "
        "not make the service depend on it.",
        COERCED_POINTS,
        "withdraw-consent",
    )
    return Found(flag, f"{joined_labels(items)} required although not needed (Art. 7(4))")


def after_withdrawal(given: Sequence[GivenItem]) -> Found | None:
    """Data of a category given again after consent to that category was withdrawn.

    Compared per category, because consent is recorded per disclosure: an unrelated later
    disclosure (a delivery address for an order) proves nothing. Benefits are not evidence
    either — a paid newspaper still arrives after you withdrew consent to marketing — so
    adding a benefit never raises this flag.
    """
    by_category: dict[str, list[GivenItem]] = defaultdict(list)
    for item in given:
        by_category[item.category].append(item)
    cases: list[str] = []
    labels: list[str] = []
    for items in by_category.values():
        withdrawn = [i.consent_withdrawn_on for i in items if i.consent_withdrawn_on is not None]
        if not withdrawn:
            continue
        first = min(withdrawn)
        later = [i.given_on for i in items if i.given_on is not None and i.given_on > first]
        if later:
            label = joined_labels(items)
            labels.append(label)
            cases.append(
                f"{label} (withdrawn {first.isoformat()}, given again {min(later).isoformat()})"
            )
    if not cases:
        return None
    flag = Flag(
        "processing-after-withdrawal",
        f"They still collected data after you withdrew consent: {'; '.join(sorted(cases))}.",
        "Object to further processing and ask them to erase it (Art. 21, 17(1)(b)); if they go "
        "on, complain to the supervisory authority (Art. 77).",
        WITHDRAWAL_POINTS,
        "objection",
    )
    return Found(flag, _join(labels))


def special_data(given: Sequence[GivenItem], needed: frozenset[GivenItem]) -> Found | None:
    """Art. 9 / Art. 10 data. 0 points when every such disclosure is needed for the service and
    has a legal basis recorded — the lawful case — otherwise SPECIAL_POINTS."""
    by_label: dict[str, list[GivenItem]] = defaultdict(list)
    for item in given:
        if item.special or item.criminal:
            by_label[_label(item)].append(item)
    if not by_label:
        return None
    lawful = all(
        item in needed and item.legal_basis.strip() for items in by_label.values() for item in items
    )
    parts: list[str] = []
    short: list[str] = []
    for label in sorted(by_label, key=lambda w: (w.casefold(), w)):
        items = by_label[label]
        articles = sorted(
            {"Art. 9" for i in items if i.special} | {"Art. 10" for i in items if i.criminal}
        )
        bases = _join(i.legal_basis.strip() for i in items if i.legal_basis.strip())
        notes = [*articles, f"legal basis: {bases}" if bases else "no legal basis recorded"]
        if all(i in needed for i in items):
            notes.append("needed for the service")
        parts.append(f"{label} ({'; '.join(notes)})")
        short.append(f"{label} ({', '.join(articles)})")
    flag = Flag(
        "special-category",
        "You gave data the GDPR protects most, allowed only under a specific exception or "
        f"law: {'; '.join(parts)}.",
        "Ask what they hold about you and which exception of Art. 9(2), or which law "
        "(Art. 10), they rely on (Art. 15).",
        0 if lawful else SPECIAL_POINTS,
        "access",
    )
    return Found(flag, ", ".join(short))


def shared(given: Sequence[GivenItem]) -> Found | None:
    items = [i for i in given if i.shared]
    if not items:
        return None
    flag = Flag(
        "shared-third-parties",
        f"They share {joined_labels(items)} with third parties.",
        "Ask who receives it (Art. 15(1)(c)) and object to the sharing (Art. 21).",
        SHARED_POINTS,
        "objection",
    )
    return Found(flag, joined_labels(items))


def continuous(given: Sequence[GivenItem]) -> Found | None:
    items = [i for i in given if i.continuous]
    if not items:
        return None
    flag = Flag(
        "continuous-tracking",
        f"They collect {joined_labels(items)} continuously, which builds a profile of you.",
        "Object to the ongoing collection and the profiling (Art. 21).",
        CONTINUOUS_POINTS,
        "objection",
    )
    return Found(flag, joined_labels(items))


def retention_unknown(given: Sequence[GivenItem]) -> Found | None:
    items = [i for i in given if unknown_retention(i.retention)]
    if not items:
        return None
    flag = Flag(
        "unknown-retention",
        f"You do not know how long they keep {joined_labels(items)}.",
        "Ask how long they keep it, or by which criteria (Art. 15(1)(d)).",
        UNKNOWN_RETENTION_POINTS,
        "access",
    )
    return Found(flag, joined_labels(items))


def _account_state(account: AccountItem, today: date, weights: Weights) -> str | None:
    """Why an account counts as no longer in use; None when it is in use or already dealt with.

    'closed' counts: closing an account rarely erases the data behind it. 'erased' and
    'erasure_requested' do not: the person has already acted. An active account without a
    last-use date counts as in use (no guessing).
    """
    status = account.status.strip().casefold()
    if status in GONE_STATUSES:
        return None
    if status in CLOSED_STATUSES:
        return "closed"
    if status == DORMANT_STATUS:
        return "marked dormant"
    if (
        account.last_used is not None
        and months_between(account.last_used, today) >= weights.dormant_months
    ):
        return f"unused since {account.last_used.isoformat()}"
    return None


def dormant_account(
    given: Sequence[GivenItem], accounts: Sequence[AccountItem], today: date, weights: Weights
) -> Found | None:
    """No account in use any more (each dormant, closed or gone, at least one not yet dealt
    with) while they still hold data: an erasure candidate (Art. 17(1)(a))."""
    if not given or not accounts:
        return None
    states: list[str] = []
    for account in accounts:
        state = _account_state(account, today, weights)
        status = account.status.strip().casefold()
        if state is None and status not in GONE_STATUSES:
            return None  # an account in use: they may still need the data
        if state is not None:
            states.append(state)
    if not states:
        return None
    many = len(accounts) > 1
    flag = Flag(
        "dormant-account",
        f"Your account{'s are' if many else ' is'} {_join(states)}, yet they still hold "
        f"{joined_labels(given)}.",
        "Ask them to erase your data: they no longer need it (Art. 17(1)(a)).",
        DORMANT_POINTS,
        "erasure",
    )
    return Found(flag, f"account {_join(states)}")


def value_unknown(kinds: tuple[str, ...]) -> Found | None:
    if not kinds:
        return None
    flag = Flag(
        "value-unknown",
        f"You have not filled in what the {_join(kinds)} {'are' if len(kinds) > 1 else 'is'} "
        "worth, so it counts as nothing for now.",
        "Fill in an estimate of what it is worth to you rather than leaving it unknown.",
        VALUE_UNKNOWN_POINTS,
        None,
    )
    return Found(flag, _join(kinds))
