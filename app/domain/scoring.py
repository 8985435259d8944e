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

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

from app.domain import assessment_texts as texts
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
from app.domain.findings import (
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
    _got,
    _weight,
    given_monthly_value,
    imbalance_points,
    ratio_text,
    relationship_start,
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
IMBALANCE_TITLE = texts.text("en", "title.imbalance")
NEEDED_TITLE = texts.text("en", "title.needed")  # a 0-point line of the explanation


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
    lang: str = "en",
) -> Assessment:
    """The balance of one organisation: band, score, values, flags and the explanation, its
    texts in `lang` ("en" or "nl"; the category labels come with `given`)."""
    day = today or date.today()
    dormant = dormant_account(given, accounts, day, weights, lang)
    # While an account is in use, what the service needs is not part of the price (rule 1).
    needed = frozenset(i for i in given if i.necessary is True and dormant is None)
    counted = [i for i in given if i not in needed]
    given_cents = given_monthly_value(counted, weights)
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
    flags = tuple(f.flag for f in findings)

    contributions: list[Contribution] = []
    imbalance = imbalance_points(given_cents, back.known_cents)
    if imbalance:
        what = texts.text(
            lang, "line.imbalance", title=texts.text(lang, "title.imbalance"),
            given=texts.money(given_cents, lang),
            ratio=ratio_text(given_cents, back.known_cents, lang),
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
    score = sum(c.points for c in contributions)
    return Assessment(
        band=_band(flags, score, given_cents, back.known_cents, weights),
        score=score,
        given_month_cents=given_cents,
        got_month_cents=back.shown_cents,
        flags=flags,
        contributions=tuple(contributions),
    )


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
