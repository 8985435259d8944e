"""The balance assessment: what a person gave one organisation against what they got back.

`assess(given, got, accounts, weights, today)` turns one organisation's disclosures, benefits
and accounts into an `Assessment`: a band, a score, the two monthly values and the flags, each
with a reason, an action and the GDPR letter that fits. Pure: no Qt, no I/O (only `date.today()`
when no `today` is given).

The rules, in the order they are applied:

1. **What counts.** Data the service needs (`necessary=True`) is part of the service, not its
   price: while an account is in use it is left out of the value given and of the
   shared / continuous findings (a bank must see your payments, a phone company must locate
   your phone). Once no account is in use (`dormant-account`) it is no longer needed
   (Art. 17(1)(a)) and counts in full. Unknown necessity (None) counts.
2. **Value given per month.** Each counted disclosure is worth its category's `monthly_value_cents`,
   multiplied by `Weights.continuous`, `.shared`, `.special` (Art. 9 or Art. 10 data) and
   `.unknown_retention` where they apply. Several disclosures of one category count once, at
   the highest of their values. The organisation's total is multiplied by the combination
   factor `1 + combination_per_category × (categories − 1)`, at most `combination_cap`: a
   profile is worth more than its parts. Data whose consent was withdrawn still counts: a
   withdrawal stops future processing (Art. 7(3)) but erases nothing — that takes an erasure
   request (Art. 17(1)(b)).
3. **Value got per month.** month → the value; year → value / 12; once → the value spread over
   `max(Weights.once_spread_months, months since the relationship began)`, where it began at
   the first disclosure (or at that benefit itself, if it came earlier). Benefits that ended
   before `today` count 0. A benefit of unknown value (None) counts 0 in the balance — Quid
   does not guess — and raises the `value-unknown` flag (0 points). `got_month_cents` is None
   when every current benefit is of unknown value; no benefits at all is 0, not unknown.
4. **Flags**, each worth a fixed number of points (`*_POINTS` below). Special-category data
   the service needs, with a legal basis recorded, is still flagged (the access letter fits)
   but for 0 points: that is the lawful case of Art. 9(2) (a health insurer, a pharmacy).
5. **Imbalance points** from the ratio given / got: 0 up to a ratio of 1, then
   `IMBALANCE_POINTS_PER_DOUBLING` per doubling, at most `IMBALANCE_MAX_POINTS` (also the
   points when data was given and nothing of known value came back).
6. **Band**: COERCED if consent was coerced (Art. 7(4)); else UNBALANCED when the ratio is above
   `Weights.unbalanced_ratio`, when nothing of known value came back for data given, or when the
   score reaches `UNBALANCED_SCORE`; else QUESTIONABLE when the ratio is above
   `Weights.questionable_ratio` or a flag in `QUESTIONABLE_FLAGS` has points; else FAIR.

Everything is computed with exact fractions and sorted by stable keys, so the result does not
depend on the order of the inputs, and every point of the score is one `Contribution`.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from app.domain.assessment import (
    AccountItem,
    Assessment,
    Band,
    Contribution,
    Flag,
    GivenItem,
    GotItem,
    Weights,
)
from app.domain.money import format_cents
from app.domain.valuation import (
    DEFAULT_WEIGHTS,
    _got,
    _ratio_text,
    _weight,
    given_monthly_value,
    imbalance_points,
    months_between,
    relationship_start,
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

# --- Bands ----------------------------------------------------------------------------------------
# A score this high is UNBALANCED even when the ratio alone is not: it takes several findings
# together, e.g. special + shared + continuous data on a dormant account (50) at a ratio of 2 (10).
UNBALANCED_SCORE = 60
# Any one of these, with points, makes an otherwise fair organisation QUESTIONABLE. Not in it:
# unknown retention (most privacy notices are vague; it only adds points) and an unknown value
# (no guessing).
QUESTIONABLE_FLAGS = frozenset(
    {
        "special-category",
        "shared-third-parties",
        "continuous-tracking",
        "dormant-account",
        "processing-after-withdrawal",
    }
)

# Account statuses (app.domain.ledger.ACCOUNT_STATUSES) that are no longer in use.
CLOSED_STATUSES = frozenset({"closed"})  # closed, but the data may well still be there
GONE_STATUSES = frozenset({"erased", "erasure_requested"})  # already dealt with
DORMANT_STATUS = "dormant"

# The flags in the order they are shown, with the title their `Contribution` starts with and the
# clause `summary` uses for them.
FLAG_ORDER = (
    "coerced-consent",
    "processing-after-withdrawal",
    "special-category",
    "shared-third-parties",
    "continuous-tracking",
    "dormant-account",
    "unknown-retention",
    "value-unknown",
)
FLAG_TITLES = {
    "coerced-consent": "Consent not freely given",
    "processing-after-withdrawal": "Collected after consent was withdrawn",
    "special-category": "Special-category data",
    "shared-third-parties": "Shared with third parties",
    "continuous-tracking": "Collected continuously",
    "dormant-account": "Account no longer in use",
    "unknown-retention": "Retention unknown",
    "value-unknown": "Value of a benefit unknown",
}
_CLAUSES = {
    "coerced-consent": "they demanded data they do not need",
    "processing-after-withdrawal": "they collected more after you withdrew consent",
    "special-category": "it includes special-category data",
    "shared-third-parties": "they share it with third parties",
    "continuous-tracking": "they collect it continuously",
    "dormant-account": "you no longer use your account",
    "unknown-retention": "you do not know how long they keep it",
}
SUMMARY_CLAUSES = 2  # at most this many findings are named in the one-sentence summary
IMBALANCE_TITLE = "Imbalance"
NEEDED_TITLE = "Not counted, needed for the service"  # a 0-point line of the explanation


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


def _labels(items: Iterable[GivenItem]) -> str:
    return _join(_label(item) for item in items)


def _it(items: Iterable[GivenItem]) -> str:
    return "them" if len({_label(item) for item in items}) > 1 else "it"


# --- flags ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Found:
    flag: Flag
    detail: str  # what the flag is about in a few words, for its line of the explanation


def _coerced(given: Sequence[GivenItem]) -> _Found | None:
    items = [i for i in given if i.required and i.necessary is False]
    if not items:
        return None
    flag = Flag(
        "coerced-consent",
        f"They required {_labels(items)} although the service does not need {_it(items)}, so "
        f"consent to {_it(items)} was not freely given (GDPR Art. 7(4)).",
        "Withdraw your consent to it and ask them to erase it (Art. 7(3), 17(1)(b)); they may "
        "not make the service depend on it.",
        COERCED_POINTS,
        "withdraw-consent",
    )
    return _Found(flag, f"{_labels(items)} required although not needed (Art. 7(4))")


def _after_withdrawal(given: Sequence[GivenItem]) -> _Found | None:
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
            label = _labels(items)
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
    return _Found(flag, _join(labels))


def _special(given: Sequence[GivenItem], needed: frozenset[GivenItem]) -> _Found | None:
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
    return _Found(flag, ", ".join(short))


def _shared(given: Sequence[GivenItem]) -> _Found | None:
    items = [i for i in given if i.shared]
    if not items:
        return None
    flag = Flag(
        "shared-third-parties",
        f"They share {_labels(items)} with third parties.",
        "Ask who receives it (Art. 15(1)(c)) and object to the sharing (Art. 21).",
        SHARED_POINTS,
        "objection",
    )
    return _Found(flag, _labels(items))


def _continuous(given: Sequence[GivenItem]) -> _Found | None:
    items = [i for i in given if i.continuous]
    if not items:
        return None
    flag = Flag(
        "continuous-tracking",
        f"They collect {_labels(items)} continuously, which builds a profile of you.",
        "Object to the ongoing collection and the profiling (Art. 21).",
        CONTINUOUS_POINTS,
        "objection",
    )
    return _Found(flag, _labels(items))


def _unknown_retention(given: Sequence[GivenItem]) -> _Found | None:
    items = [i for i in given if unknown_retention(i.retention)]
    if not items:
        return None
    flag = Flag(
        "unknown-retention",
        f"You do not know how long they keep {_labels(items)}.",
        "Ask how long they keep it, or by which criteria (Art. 15(1)(d)).",
        UNKNOWN_RETENTION_POINTS,
        "access",
    )
    return _Found(flag, _labels(items))


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


def _dormant(
    given: Sequence[GivenItem], accounts: Sequence[AccountItem], today: date, weights: Weights
) -> _Found | None:
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
        f"{_labels(given)}.",
        "Ask them to erase your data: they no longer need it (Art. 17(1)(a)).",
        DORMANT_POINTS,
        "erasure",
    )
    return _Found(flag, f"account {_join(states)}")


def _value_unknown(kinds: tuple[str, ...]) -> _Found | None:
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
    return _Found(flag, _join(kinds))


# --- the assessment -------------------------------------------------------------------------------
def _band(
    flags: Sequence[Flag], score: int, given_cents: int, got_cents: int, weights: Weights
) -> Band:
    codes = {f.code for f in flags}
    if "coerced-consent" in codes:
        return Band.COERCED
    ratio = Fraction(given_cents, got_cents) if got_cents > 0 else None
    if given_cents > 0 and ratio is None:
        return Band.UNBALANCED
    if (ratio is not None and ratio > _weight(weights.unbalanced_ratio)) or (
        score >= UNBALANCED_SCORE
    ):
        return Band.UNBALANCED
    if (ratio is not None and ratio > _weight(weights.questionable_ratio)) or any(
        f.code in QUESTIONABLE_FLAGS and f.points > 0 for f in flags
    ):
        return Band.QUESTIONABLE
    return Band.FAIR


def assess(
    given: Sequence[GivenItem],
    got: Sequence[GotItem],
    accounts: Sequence[AccountItem],
    weights: Weights = DEFAULT_WEIGHTS,
    today: date | None = None,
) -> Assessment:
    """The balance of one organisation: band, score, values, flags and the explanation."""
    day = today or date.today()
    dormant = _dormant(given, accounts, day, weights)
    # While an account is in use, what the service needs is not part of the price (rule 1).
    needed = frozenset(i for i in given if i.necessary is True and dormant is None)
    counted = [i for i in given if i not in needed]
    given_cents = given_monthly_value(counted, weights)
    back = _got(got, day, weights, relationship_start(given))

    found = [
        _coerced(given),
        _after_withdrawal(given),
        _special(given, needed),
        _shared(counted),
        _continuous(counted),
        dormant,
        _unknown_retention(given),
        _value_unknown(back.unknown_kinds),
    ]
    findings = [f for f in found if f is not None]
    flags = tuple(f.flag for f in findings)

    contributions: list[Contribution] = []
    imbalance = imbalance_points(given_cents, back.known_cents)
    if imbalance:
        contributions.append(
            Contribution(
                f"{IMBALANCE_TITLE}: data worth {format_cents(given_cents)} a month for "
                f"{_ratio_text(given_cents, back.known_cents)}",
                imbalance,
            )
        )
    contributions += [
        Contribution(f"{FLAG_TITLES[f.flag.code]}: {f.detail}", f.flag.points)
        for f in findings
        if f.flag.points
    ]
    if needed:
        contributions.append(Contribution(f"{NEEDED_TITLE}: {_labels(needed)}", 0))
    score = sum(c.points for c in contributions)
    return Assessment(
        band=_band(flags, score, given_cents, back.known_cents, weights),
        score=score,
        given_month_cents=given_cents,
        got_month_cents=back.shown_cents,
        flags=flags,
        contributions=tuple(contributions),
    )


def summary(assessment: Assessment) -> str:
    """One sentence for lists: 'Unbalanced: you gave data worth € 12.40 a month for € 1.00 a
    month; they share it with third parties.'"""
    band = assessment.band.value.capitalize()
    codes = [f.code for f in assessment.flags if f.points > 0]
    clauses = [_CLAUSES[code] for code in codes if code in _CLAUSES][:SUMMARY_CLAUSES]
    tail = f"; {' and '.join(clauses)}" if clauses else ""
    given, got = assessment.given_month_cents, assessment.got_month_cents
    unknown = any(f.code == "value-unknown" for f in assessment.flags)
    if got is None:
        back = "benefits whose value you have not filled in"
    elif unknown:
        back = f"{format_cents(got)} a month plus benefits of unknown value"
    elif got == 0:
        back = "nothing in return"
    else:
        back = f"{format_cents(got)} a month"
    if given == 0:
        needed = any(c.what.startswith(NEEDED_TITLE) for c in assessment.contributions)
        gave = "only data they need" if needed else "no data of value"
        return f"{band}: you gave {gave}, for {back}{tail}."
    return f"{band}: you gave data worth {format_cents(given)} a month for {back}{tail}."
