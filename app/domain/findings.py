"""The findings of an assessment: one builder per flag, each with its reason (naming the
categories), the suggested action citing the article, its points and the letter that fits.
Pure; `scoring.py` adds them up into a band."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain import assessment_texts as texts
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


def joined_labels(items: Iterable[GivenItem], lang: str = "en") -> str:
    """The labels of these items: 'A, B and C' (the labels come in the chosen language)."""
    return texts.join((_label(item) for item in items), lang)


def _it(items: Iterable[GivenItem], lang: str) -> str:
    return texts.pronoun(len({_label(item) for item in items}) > 1, lang)


def _flag(code: str, lang: str, points: int, letter: str | None, **values: str) -> Flag:
    """The flag `code` with its reason and action in `lang`."""
    reason = texts.text(lang, f"{code}.reason", **values)
    return Flag(code, reason, texts.text(lang, f"{code}.action"), points, letter)


# --- flags ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Found:
    flag: Flag
    detail: str  # what the flag is about in a few words, for its line of the explanation


def coerced(given: Sequence[GivenItem], lang: str = "en") -> Found | None:
    items = [i for i in given if i.required and i.necessary is False]
    if not items:
        return None
    labels = joined_labels(items, lang)
    flag = _flag(
        "coerced-consent", lang, COERCED_POINTS, "withdraw-consent",
        labels=labels, it=_it(items, lang),
    )  # fmt: skip
    return Found(flag, texts.text(lang, "coerced-consent.detail", labels=labels))


def after_withdrawal(given: Sequence[GivenItem], lang: str = "en") -> Found | None:
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
            label = joined_labels(items, lang)
            labels.append(label)
            cases.append(texts.text(
                lang, "processing-after-withdrawal.case", label=label,
                withdrawn=texts.day(first, lang), again=texts.day(min(later), lang),
            ))  # fmt: skip
    if not cases:
        return None
    flag = _flag(
        "processing-after-withdrawal", lang, WITHDRAWAL_POINTS, "objection",
        cases="; ".join(sorted(cases)),
    )  # fmt: skip
    return Found(flag, texts.join(labels, lang))


def special_data(
    given: Sequence[GivenItem], needed: frozenset[GivenItem], lang: str = "en"
) -> Found | None:
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
            {texts.text(lang, "special-category.art9") for i in items if i.special}
            | {texts.text(lang, "special-category.art10") for i in items if i.criminal}
        )
        bases = texts.join(
            (
                texts.legal_basis(i.legal_basis.strip(), lang)
                for i in items
                if i.legal_basis.strip()
            ),
            lang,
        )
        notes = [
            *articles,
            texts.text(lang, "special-category.basis", bases=bases)
            if bases
            else texts.text(lang, "special-category.no-basis"),
        ]
        if all(i in needed for i in items):
            notes.append(texts.text(lang, "special-category.needed"))
        parts.append(f"{label} ({'; '.join(notes)})")
        short.append(f"{label} ({', '.join(articles)})")
    flag = _flag(
        "special-category", lang, 0 if lawful else SPECIAL_POINTS, "access", parts="; ".join(parts)
    )
    return Found(flag, ", ".join(short))


def shared(given: Sequence[GivenItem], lang: str = "en") -> Found | None:
    items = [i for i in given if i.shared]
    if not items:
        return None
    labels = joined_labels(items, lang)
    return Found(
        _flag("shared-third-parties", lang, SHARED_POINTS, "objection", labels=labels), labels
    )


def continuous(given: Sequence[GivenItem], lang: str = "en") -> Found | None:
    items = [i for i in given if i.continuous]
    if not items:
        return None
    labels = joined_labels(items, lang)
    return Found(
        _flag("continuous-tracking", lang, CONTINUOUS_POINTS, "objection", labels=labels), labels
    )


def retention_unknown(given: Sequence[GivenItem], lang: str = "en") -> Found | None:
    items = [i for i in given if unknown_retention(i.retention)]
    if not items:
        return None
    labels = joined_labels(items, lang)
    return Found(
        _flag("unknown-retention", lang, UNKNOWN_RETENTION_POINTS, "access", labels=labels), labels
    )


def _account_state(
    account: AccountItem, today: date, weights: Weights, lang: str = "en"
) -> str | None:
    """Why an account counts as no longer in use; None when it is in use or already dealt with.

    'closed' counts: closing an account rarely erases the data behind it. 'erased' and
    'erasure_requested' do not: the person has already acted. An active account without a
    last-use date counts as in use (no guessing).
    """
    status = account.status.strip().casefold()
    if status in GONE_STATUSES:
        return None
    if status in CLOSED_STATUSES:
        return texts.text(lang, "dormant-account.closed")
    if status == DORMANT_STATUS:
        return texts.text(lang, "dormant-account.dormant")
    if (
        account.last_used is not None
        and months_between(account.last_used, today) >= weights.dormant_months
    ):
        return texts.text(lang, "dormant-account.unused", day=texts.day(account.last_used, lang))
    return None


def dormant_account(
    given: Sequence[GivenItem],
    accounts: Sequence[AccountItem],
    today: date,
    weights: Weights,
    lang: str = "en",
) -> Found | None:
    """No account in use any more (each dormant, closed or gone, at least one not yet dealt
    with) while they still hold data: an erasure candidate (Art. 17(1)(a))."""
    if not given or not accounts:
        return None
    states: list[str] = []
    for account in accounts:
        state = _account_state(account, today, weights, lang)
        status = account.status.strip().casefold()
        if state is None and status not in GONE_STATUSES:
            return None  # an account in use: they may still need the data
        if state is not None:
            states.append(state)
    if not states:
        return None
    joined = texts.join(states, lang)
    reason = "dormant-account.reason.many" if len(accounts) > 1 else "dormant-account.reason.one"
    flag = Flag(
        "dormant-account",
        texts.text(lang, reason, states=joined, labels=joined_labels(given, lang)),
        texts.text(lang, "dormant-account.action"),
        DORMANT_POINTS,
        "erasure",
    )
    return Found(flag, texts.text(lang, "dormant-account.detail", states=joined))


def value_unknown(kinds: tuple[str, ...], lang: str = "en") -> Found | None:
    if not kinds:
        return None
    named = texts.join((texts.benefit_kind(k, lang, article=True) for k in kinds), lang)
    reason = "value-unknown.reason.many" if len(kinds) > 1 else "value-unknown.reason.one"
    flag = Flag(
        "value-unknown",
        texts.text(lang, reason, kinds=named),
        texts.text(lang, "value-unknown.action"),
        VALUE_UNKNOWN_POINTS,
        None,
    )
    return Found(flag, texts.join((texts.benefit_kind(k, lang) for k in kinds), lang))
