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

Everything is computed exactly (integers; fractions where a value is not whole) and sorted by
stable keys, so the result does not depend on the order of the inputs, and every point of the
score is one `Contribution`. Band, score, values and flag codes are worked out at once; the
texts (each flag's reason and action, the lines of the explanation) when first read.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

from app.domain import assessment_texts as texts
from app.domain.assessment import (
    AccountItem,
    Assessment,
    Band,
    Contribution,
    Explanation,
    GivenItem,
    GotItem,
    Weights,
)
from app.domain.findings import (
    CLOSED_STATUSES,
    COERCED_POINTS,
    CONTINUOUS_POINTS,
    DORMANT_POINTS,
    DORMANT_STATUS,
    GONE_STATUSES,
    SHARED_POINTS,
    SPECIAL_POINTS,
    UNKNOWN_RETENTION_POINTS,
    VALUE_UNKNOWN_POINTS,
    WITHDRAWAL_POINTS,
    after_withdrawal,
    coerced,
    continuous,
    dormant_account,
    joined_labels,
    retention_unknown,
    shared,
    special_data,
    value_unknown,
)
from app.domain.valuation import (
    DEFAULT_WEIGHTS,
    MOD_CONTINUOUS,
    MOD_SHARED,
    MOD_SPECIAL,
    MOD_UNKNOWN_RETENTION,
    Rates,
    _got,
    imbalance_points,
    months_between,
    ratio_text,
    relationship_start,
    unknown_retention,
)

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
# In English, for tests and callers that want the English title of a flag; `assess(lang=…)`
# and the reports (app/services/report_texts.py) use the texts of the language asked.
FLAG_TITLES = {code: texts.text("en", f"title.{code}") for code in FLAG_ORDER}
_CLAUSE_CODES = FLAG_ORDER[:-1]  # an unknown value (0 points) is never a clause
SUMMARY_CLAUSES = 2  # at most this many findings are named in the one-sentence summary
FLAG_POINTS = {
    "coerced-consent": COERCED_POINTS,
    "processing-after-withdrawal": WITHDRAWAL_POINTS,
    "special-category": SPECIAL_POINTS,  # 0 in the lawful case (rule 4)
    "shared-third-parties": SHARED_POINTS,
    "continuous-tracking": CONTINUOUS_POINTS,
    "dormant-account": DORMANT_POINTS,
    "unknown-retention": UNKNOWN_RETENTION_POINTS,
    "value-unknown": VALUE_UNKNOWN_POINTS,
}
IMBALANCE_TITLE = texts.text("en", "title.imbalance")
NEEDED_TITLE = texts.text("en", "title.needed")  # a 0-point line of the explanation


# --- the assessment -------------------------------------------------------------------------------
# `assess` runs for every organisation of the ledger (10,000 in 1 s is the aim), so it works out
# band, score and values in one pass of integer arithmetic and leaves every sentence to
# `_explain`, which builds the flags with the builders of `findings.py` only when they are read.
# tests/unit/test_assessment_quick_pass.py holds both to the same results.


def _no_account_in_use(accounts: Sequence[AccountItem], day: date, weights: Weights) -> bool:
    """What `findings.dormant_account` decides (given some data), without its texts."""
    any_unused = False
    for account in accounts:
        status = account.status.strip().casefold()
        if status in GONE_STATUSES:
            continue  # already dealt with
        if (
            status in CLOSED_STATUSES
            or status == DORMANT_STATUS
            or (account.last_used is not None
                and months_between(account.last_used, day) >= weights.dormant_months)
        ):  # fmt: skip
            any_unused = True
        else:
            return False  # an account in use
    return any_unused


def _given_again_after_withdrawal(given: Sequence[GivenItem]) -> bool:
    """What `findings.after_withdrawal` decides, without its texts."""
    withdrawn: dict[str, date] = {}
    for item in given:
        if item.consent_withdrawn_on is not None:
            first = withdrawn.get(item.category)
            if first is None or item.consent_withdrawn_on < first:
                withdrawn[item.category] = item.consent_withdrawn_on
    return any(
        item.given_on is not None and item.given_on > withdrawn[item.category]
        for item in given
        if item.category in withdrawn
    )


def assess(
    given: Sequence[GivenItem],
    got: Sequence[GotItem],
    accounts: Sequence[AccountItem],
    weights: Weights = DEFAULT_WEIGHTS,
    today: date | None = None,
    lang: str = "en",
) -> Assessment:
    """The balance of one organisation: band, score, values, flags and the explanation, its
    texts in `lang` ("en" or "nl"; the category labels come with `given`), built when read."""
    day = today or date.today()
    rates = Rates.of(weights)
    per_cent = rates.per_cent
    found: set[str] = set()  # the codes of the flags that apply
    dormant = bool(given) and bool(accounts) and _no_account_in_use(accounts, day, weights)
    if dormant:
        found.add("dormant-account")
    best: dict[str, int] = {}  # per category, the highest value of a counted disclosure
    withdrawn = False
    lawful = True  # every special-category disclosure needed and with a legal basis
    for item in given:
        is_needed = item.necessary is True and not dormant  # rule 1
        if item.required and item.necessary is False:
            found.add("coerced-consent")
        if item.consent_withdrawn_on is not None:
            withdrawn = True
        modifiers = 0
        if item.special or item.criminal:
            found.add("special-category")
            modifiers = MOD_SPECIAL
            if not (is_needed and item.legal_basis.strip()):
                lawful = False
        if unknown_retention(item.retention):
            found.add("unknown-retention")
            modifiers |= MOD_UNKNOWN_RETENTION
        if is_needed:
            continue  # not counted: neither in the value nor shared / continuous
        if item.shared:
            found.add("shared-third-parties")
            modifiers |= MOD_SHARED
        if item.continuous:
            found.add("continuous-tracking")
            modifiers |= MOD_CONTINUOUS
        value = max(0, item.monthly_value_cents) * per_cent[modifiers]
        if value > best.get(item.category, -1):
            best[item.category] = value
    if withdrawn and _given_again_after_withdrawal(given):
        found.add("processing-after-withdrawal")
    given_cents = rates.given_cents(best)
    known_cents, shown_cents, unknown_value = rates.got(got, day, given)
    if unknown_value:
        found.add("value-unknown")

    marks = [  # (code, points) in FLAG_ORDER; lawful special-category data is worth 0
        (code, 0 if lawful and code == "special-category" else FLAG_POINTS[code])
        for code in FLAG_ORDER
        if code in found
    ]
    score = imbalance_points(given_cents, known_cents) + sum(points for _, points in marks)
    if "coerced-consent" in found:
        band = Band.COERCED
    elif (
        (given_cents > 0 and known_cents <= 0)  # nothing of known value came back
        or rates.ratio_above(given_cents, known_cents, rates.unbalanced)
        or score >= UNBALANCED_SCORE
    ):
        band = Band.UNBALANCED
    elif rates.ratio_above(given_cents, known_cents, rates.questionable) or any(
        points > 0 and code in QUESTIONABLE_FLAGS for code, points in marks
    ):
        band = Band.QUESTIONABLE
    else:
        band = Band.FAIR
    inputs = (tuple(given), tuple(got), tuple(accounts), weights, day, lang)
    return Assessment(
        band, score, given_cents, shown_cents,
        codes=tuple(code for code, _ in marks),
        explain=functools.partial(_explain, *inputs, given_cents, known_cents),
    )  # fmt: skip


def _explain(
    given: Sequence[GivenItem],
    got: Sequence[GotItem],
    accounts: Sequence[AccountItem],
    weights: Weights,
    day: date,
    lang: str,
    given_cents: int,
    known_cents: int,
) -> Explanation:
    """The flags, with their reasons and actions, and the lines of the explanation."""
    dormant = dormant_account(given, accounts, day, weights, lang)
    # While an account is in use, what the service needs is not part of the price (rule 1).
    needed = frozenset(i for i in given if i.necessary is True and dormant is None)
    counted = [i for i in given if i not in needed]
    back = _got(got, day, weights, relationship_start(given))
    found = [
        coerced(given, lang),
        after_withdrawal(given, lang),
        special_data(given, needed, lang),
        shared(counted, lang),
        continuous(counted, lang),
        dormant,
        retention_unknown(given, lang),
        value_unknown(back.unknown_kinds, lang),
    ]
    findings = [f for f in found if f is not None]

    contributions: list[Contribution] = []
    imbalance = imbalance_points(given_cents, known_cents)
    if imbalance:
        what = texts.text(
            lang, "line.imbalance", title=texts.text(lang, "title.imbalance"),
            given=texts.money(given_cents, lang),
            ratio=ratio_text(given_cents, known_cents, lang),
        )  # fmt: skip
        contributions.append(Contribution(what, imbalance))
    contributions += [
        Contribution(
            texts.text(
                lang, "line.flag", title=texts.text(lang, f"title.{f.flag.code}"), detail=f.detail
            ),
            f.flag.points,
        )
        for f in findings
        if f.flag.points
    ]
    if needed:
        title = texts.text(lang, "title.needed")
        labels = joined_labels(needed, lang)
        contributions.append(Contribution(texts.text(lang, "line.needed", title=title,
                                                     labels=labels), 0))  # fmt: skip
    return tuple(f.flag for f in findings), tuple(contributions)


def summary(assessment: Assessment, lang: str = "en") -> str:
    """One sentence for lists: 'Unbalanced: you gave data worth € 12.40 a month for € 1.00 a
    month; they share it with third parties.' (in `lang`, "en" or "nl")."""
    band = texts.text(lang, f"band.{assessment.band.value}").capitalize()
    codes = [f.code for f in assessment.flags if f.points > 0]
    clauses = [texts.text(lang, f"clause.{code}") for code in codes if code in _CLAUSE_CODES]
    joiner = texts.text(lang, "clause.join")
    tail = f"; {joiner.join(clauses[:SUMMARY_CLAUSES])}" if clauses else ""
    given, got = assessment.given_month_cents, assessment.got_month_cents
    unknown = any(f.code == "value-unknown" for f in assessment.flags)
    if got is None:
        back = texts.text(lang, "back.unknown")
    elif unknown:
        back = texts.text(lang, "back.partly-unknown", got=texts.money(got, lang))
    elif got == 0:
        back = texts.text(lang, "back.nothing")
    else:
        back = texts.text(lang, "back.known", got=texts.money(got, lang))
    if given == 0:
        titles = tuple(texts.text(other, "title.needed") for other in texts.LANGUAGES)
        needed = any(c.what.startswith(titles) for c in assessment.contributions)
        gave = texts.text(lang, "gave.needed-only" if needed else "gave.nothing")
        return texts.text(lang, "summary.no-value", band=band, gave=gave, back=back, tail=tail)
    return texts.text(
        lang, "summary.value", band=band, given=texts.money(given, lang), back=back, tail=tail
    )
