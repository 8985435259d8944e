"""Properties of the balance assessment that must hold for any ledger (app/domain/scoring.py)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.assessment import AccountItem, Assessment, Band, GivenItem, GotItem, Weights
from app.domain.ledger import ACCOUNT_STATUSES, BENEFIT_KINDS, PERIODS
from app.domain.scoring import (
    FLAG_ORDER,
    FLAG_TITLES,
    IMBALANCE_TITLE,
    NEEDED_TITLE,
    assess,
    summary,
)
from app.domain.valuation import (
    imbalance_points,
)

TODAY = date(2025, 6, 1)
LETTERS = {"withdraw-consent", "objection", "erasure", "access", "objection-marketing", None}


class Cat(NamedTuple):
    key: str
    label: str
    sensitivity: int
    special: bool  # Art. 9
    criminal: bool  # Art. 10
    value: int  # default value per month, cents (as in categories.json)


CATEGORIES = (
    Cat("EmailAddress", "Email Address", 1, False, False, 800),
    Cat("Location", "Location", 2, False, False, 182),
    Cat("Purchase", "Purchase", 3, False, False, 580),
    Cat("BankAccount", "Bank Account", 3, False, False, 844),
    Cat("Health", "Health", 4, True, False, 844),
    Cat("Religion", "Religion", 4, True, False, 756),
    Cat("CriminalConviction", "Criminal Conviction", 4, False, True, 756),
)
SPECIAL = tuple(c for c in CATEGORIES if c.special or c.criminal)

dates = st.none() | st.dates(min_value=date(2010, 1, 1), max_value=date(2026, 12, 31))


@st.composite
def disclosures(draw: st.DrawFn, categories: tuple[Cat, ...] = CATEGORIES) -> GivenItem:
    cat = draw(st.sampled_from(categories))
    own_value = draw(st.none() | st.integers(0, 5_000))  # the person's own value, or the default
    return GivenItem(
        category=cat.key,
        label=cat.label,
        sensitivity=cat.sensitivity,
        special=cat.special,
        criminal=cat.criminal,
        monthly_value_cents=cat.value if own_value is None else own_value,
        required=draw(st.booleans()),
        necessary=draw(st.sampled_from((None, True, False))),
        shared=draw(st.booleans()),
        continuous=draw(st.booleans()),
        retention=draw(st.sampled_from(("", "unknown", " Forever ", "2 years", "until deletion"))),
        legal_basis=draw(st.sampled_from(("", "consent", "contract", "legal obligation"))),
        given_on=draw(dates),
        consent_withdrawn_on=draw(st.none() | dates),
    )


benefits = st.builds(
    GotItem,
    kind=st.sampled_from(BENEFIT_KINDS),
    value_cents=st.none() | st.integers(0, 200_000),
    period=st.sampled_from(PERIODS),
    started_on=dates,
    ended_on=dates,
)
accounts = st.builds(AccountItem, status=st.sampled_from(ACCOUNT_STATUSES), last_used=dates)
# The defaults, or any weights a person could set in Settings (none negative).
weights = st.just(Weights()) | st.builds(
    Weights,
    continuous=st.floats(0, 5),
    shared=st.floats(0, 5),
    special=st.floats(0, 5),
    unknown_retention=st.floats(0, 5),
    combination_per_category=st.floats(0, 0.5),
    combination_cap=st.floats(0, 3),
    questionable_ratio=st.floats(0.5, 5),
    unbalanced_ratio=st.floats(0.5, 10),
    dormant_months=st.integers(0, 36),
    once_spread_months=st.integers(0, 36),
)
given_lists = st.lists(disclosures(), max_size=6)
got_lists = st.lists(benefits, max_size=4)
account_lists = st.lists(accounts, max_size=3)


def run(
    gave: list[GivenItem], got: list[GotItem], accs: list[AccountItem], w: Weights
) -> Assessment:
    return assess(gave, got, accs, w, TODAY)


@given(given_lists, got_lists, account_lists, weights)
def test_every_point_of_the_score_is_explained(
    gave: list[GivenItem], got: list[GotItem], accs: list[AccountItem], w: Weights
) -> None:
    result = run(gave, got, accs, w)
    assert result.score == sum(c.points for c in result.contributions)
    assert all(c.points >= 0 for c in result.contributions)
    flagged = [f for f in result.flags if f.points > 0]
    lines = [c for c in result.contributions if not c.what.startswith(IMBALANCE_TITLE)]
    lines = [c for c in lines if not c.what.startswith(NEEDED_TITLE)]
    # one line per flag with points, in the same order, naming it and carrying its points
    assert [(c.what.split(": ")[0], c.points) for c in lines] == [
        (FLAG_TITLES[f.code], f.points) for f in flagged
    ]
    imbalance = [c for c in result.contributions if c.what.startswith(IMBALANCE_TITLE)]
    # unknown values count 0 in the balance
    got_cents = result.got_month_cents or 0
    assert sum(c.points for c in imbalance) == imbalance_points(result.given_month_cents, got_cents)
    assert all(c.points == 0 for c in result.contributions if c.what.startswith(NEEDED_TITLE))


@given(given_lists, got_lists, account_lists, weights)
def test_flags_are_well_formed(
    gave: list[GivenItem], got: list[GotItem], accs: list[AccountItem], w: Weights
) -> None:
    result = run(gave, got, accs, w)
    codes = [f.code for f in result.flags]
    assert codes == sorted(codes, key=FLAG_ORDER.index)  # known codes, fixed order, each once
    assert len(codes) == len(set(codes))
    for flag in result.flags:
        assert flag.letter in LETTERS
        assert flag.reason.endswith(".") and flag.action.endswith(".")
        assert flag.points >= 0
    assert summary(result).startswith(result.band.value.capitalize() + ": ")


@given(st.data(), given_lists, got_lists, account_lists, weights)
def test_the_order_of_the_inputs_does_not_matter(
    data: st.DataObject,
    gave: list[GivenItem],
    got: list[GotItem],
    accs: list[AccountItem],
    w: Weights,
) -> None:
    shuffled = (
        data.draw(st.permutations(gave)),
        data.draw(st.permutations(got)),
        data.draw(st.permutations(accs)),
    )
    assert run(*shuffled, w) == run(gave, got, accs, w)


@given(given_lists, got_lists, account_lists, weights, disclosures(SPECIAL))
def test_adding_special_category_data_never_improves_the_band(
    gave: list[GivenItem],
    got: list[GotItem],
    accs: list[AccountItem],
    w: Weights,
    special: GivenItem,
) -> None:
    before = run(gave, got, accs, w)
    after = run([*gave, special], got, accs, w)
    assert after.band.rank >= before.band.rank
    assert after.score >= before.score
    assert "special-category" in {f.code for f in after.flags}


@given(given_lists, got_lists, account_lists, weights, disclosures())
def test_adding_any_disclosure_never_improves_the_band(
    gave: list[GivenItem],
    got: list[GotItem],
    accs: list[AccountItem],
    w: Weights,
    extra: GivenItem,
) -> None:
    before = run(gave, got, accs, w)
    after = run([*gave, extra], got, accs, w)
    assert after.band.rank >= before.band.rank
    assert after.score >= before.score
    assert after.given_month_cents >= before.given_month_cents


@given(given_lists, got_lists, account_lists, weights, benefits)
def test_adding_a_benefit_never_worsens_the_band(
    gave: list[GivenItem],
    got: list[GotItem],
    accs: list[AccountItem],
    w: Weights,
    benefit: GotItem,
) -> None:
    before = run(gave, got, accs, w)
    after = run(gave, [*got, benefit], accs, w)
    assert after.band.rank <= before.band.rank
    assert after.score <= before.score
    # in particular a benefit after a consent withdrawal raises no flag: only value-unknown
    assert {f.code for f in after.flags} <= {f.code for f in before.flags} | {"value-unknown"}


@given(given_lists, got_lists, account_lists, weights, st.sampled_from(BENEFIT_KINDS), dates)
def test_a_benefit_of_unknown_value_only_adds_the_value_unknown_flag(
    gave: list[GivenItem],
    got: list[GotItem],
    accs: list[AccountItem],
    w: Weights,
    kind: str,
    since: date | None,
) -> None:
    before = run(gave, got, accs, w)
    after = run(gave, [*got, GotItem(kind, None, "month", since)], accs, w)
    assert (after.band, after.score, after.contributions) == (
        before.band,
        before.score,
        before.contributions,
    )
    assert after.given_month_cents == before.given_month_cents
    assert "value-unknown" in {f.code for f in after.flags}
    assert {f.code for f in after.flags} - {f.code for f in before.flags} <= {"value-unknown"}


@given(given_lists, got_lists, account_lists, weights, disclosures())
def test_required_but_unnecessary_data_is_always_coerced(
    gave: list[GivenItem],
    got: list[GotItem],
    accs: list[AccountItem],
    w: Weights,
    demanded: GivenItem,
) -> None:
    coerced = demanded._replace(required=True, necessary=False)
    result = run([*gave, coerced], got, accs, w)
    assert result.band is Band.COERCED
    flag = next(f for f in result.flags if f.code == "coerced-consent")
    assert coerced.label in flag.reason
    assert flag.letter == "withdraw-consent"


@given(given_lists, got_lists, account_lists, weights)
@settings(max_examples=50)
def test_the_same_input_gives_the_same_assessment(
    gave: list[GivenItem], got: list[GotItem], accs: list[AccountItem], w: Weights
) -> None:
    assert run(gave, got, accs, w) == run(list(gave), list(got), list(accs), w)
