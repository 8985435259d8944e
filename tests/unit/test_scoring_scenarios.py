"""Hand-made ledgers and the verdict a person would expect (app/domain/scoring.py).

Each row: what the organisation is, what was given, what came back, the accounts, the band and
the flags. Category values are the defaults of resources/taxonomy/categories.json, copied here so
that a change of defaults shows up in the taxonomy's tests, not as a surprise here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from app.domain.assessment import AccountItem, Assessment, Band, GivenItem, GotItem, Weights
from app.domain.scoring import (
    FLAG_TITLES,
    assess,
    summary,
)
from app.domain.valuation import (
    benefit_monthly_value,
    given_monthly_value,
    got_monthly_value,
    imbalance_points,
    months_between,
    unknown_retention,
)

TODAY = date(2025, 6, 1)

# key → (label, special (Art. 9), criminal (Art. 10), default value per month in cents)
CATS = {
    "Name": ("Name", False, False, 350),
    "EmailAddress": ("Email Address", False, False, 800),
    "PhysicalAddress": ("Physical Address", False, False, 800),
    "BirthDate": ("Birth Date", False, False, 350),
    "Picture": ("Picture", False, False, 350),
    "Location": ("Location", False, False, 182),
    "BrowsingBehaviour": ("Browsing Behaviour", False, False, 367),
    "Purchase": ("Purchase", False, False, 580),
    "PaymentCard": ("Payment Card", False, False, 580),
    "BankAccount": ("Bank Account", False, False, 844),
    "OfficialID": ("Official ID", False, False, 580),
    "Income": ("Income", False, False, 580),
    "Tax": ("Tax", False, False, 580),
    "Health": ("Health", True, False, 844),
    "HealthRecord": ("Health Record", True, False, 844),
    "SexualPreference": ("Sexual Preference", True, False, 756),
    "CriminalConviction": ("Criminal Conviction", False, True, 756),
}


def d(
    key: str,
    *,
    req: bool = False,
    nec: bool | None = None,
    shared: bool = False,
    cont: bool = False,
    keep: str = "2 years",
    basis: str = "",
    on: str | None = None,
    withdrawn: str | None = None,
) -> GivenItem:
    """A disclosure. `req`: they demanded it; `nec`: the service needs it (None: unsure);
    `keep`: the retention as the person wrote it down ('' = unknown)."""
    label, special, criminal, value = CATS[key]
    return GivenItem(
        category=key,
        label=label,
        sensitivity=4 if special or criminal else 2,
        special=special,
        criminal=criminal,
        monthly_value_cents=value,
        required=req,
        necessary=nec,
        shared=shared,
        continuous=cont,
        retention=keep,
        legal_basis=basis,
        given_on=date.fromisoformat(on) if on else None,
        consent_withdrawn_on=date.fromisoformat(withdrawn) if withdrawn else None,
    )


def _got(
    kind: str, cents: int | None, period: str, since: str | None, until: str | None
) -> GotItem:
    return GotItem(
        kind,
        cents,
        period,
        date.fromisoformat(since) if since else None,
        date.fromisoformat(until) if until else None,
    )


def monthly(
    cents: int, kind: str = "service", since: str | None = None, until: str | None = None
) -> GotItem:
    return _got(kind, cents, "month", since, until)


def yearly(cents: int, kind: str = "service", since: str | None = None) -> GotItem:
    return _got(kind, cents, "year", since, None)


def once(cents: int, kind: str = "money", on: str | None = None) -> GotItem:
    return _got(kind, cents, "once", on, None)


def unknown(kind: str = "service", since: str | None = None) -> GotItem:
    return _got(kind, None, "month", since, None)


def acct(status: str = "active", last_used: str | None = "2025-05-20") -> AccountItem:
    return AccountItem(status, date.fromisoformat(last_used) if last_used else None)


NEEDED = {"req": True, "nec": True}  # demanded, and the service cannot work without it
SHARED_CONT = {"shared": True, "cont": True}
LAW = "legal obligation"

# fmt: off
SCENARIOS = [
    pytest.param(
        "Bank: only what the account needs, by contract and law; a paid service",
        [d("Name", **NEEDED, basis="contract", keep="7 years (tax law)"),
         d("PhysicalAddress", **NEEDED, basis="contract", keep="7 years (tax law)"),
         d("BankAccount", **NEEDED, basis="contract", keep="7 years (tax law)"),
         d("OfficialID", **NEEDED, basis=LAW, keep="5 years after closing"),
         d("Income", **NEEDED, cont=True, basis=LAW, keep="7 years (tax law)")],
        [monthly(340)], [acct()],
        Band.FAIR, set(),
        id="bank"),
    pytest.param(
        "Bank, necessity not filled in: counted, but the €40 a month service outweighs it",
        [d("Name"), d("PhysicalAddress"), d("BankAccount"), d("OfficialID")],
        [monthly(4000)], [acct()],
        Band.FAIR, set(),
        id="bank-necessity-unknown"),
    pytest.param(
        "Loyalty card: purchase history tracked and shared for €8 a month of discounts",
        [d("Purchase", **SHARED_CONT),
         d("EmailAddress", **NEEDED, basis="contract")],
        [monthly(800, "discount")], [acct()],
        Band.QUESTIONABLE, {"shared-third-parties", "continuous-tracking"},
        id="loyalty-card"),
    pytest.param(
        "Free social network: a lot, tracked and shared, kept who knows how long; value unknown",
        [d("Name", keep=""), d("EmailAddress", keep=""), d("Picture", keep=""),
         d("Location", **SHARED_CONT, keep=""), d("BrowsingBehaviour", **SHARED_CONT, keep="")],
        [unknown()], [acct()],
        Band.UNBALANCED,
        {"shared-third-parties", "continuous-tracking", "unknown-retention", "value-unknown"},
        id="free-social-network"),
    pytest.param(
        "Newspaper demanding a birth date to read articles",
        [d("BirthDate", req=True, nec=False, keep="until you cancel"),
         d("EmailAddress", **NEEDED, keep="until you cancel")],
        [monthly(1500, "content")], [acct()],
        Band.COERCED, {"coerced-consent"},
        id="newspaper-birth-date"),
    pytest.param(
        "Fitness app sharing heart-rate data with 'partners', for €5 a month of premium",
        [d("Health", **SHARED_CONT, basis="consent", keep="1 year"),
         d("Location", cont=True, keep="1 year")],
        [monthly(500)], [acct()],
        Band.UNBALANCED,
        {"special-category", "shared-third-parties", "continuous-tracking"},
        id="fitness-app-health"),
    pytest.param(
        "Web shop last used in 2021; a €15 welcome discount in 2019",
        [d("EmailAddress", on="2019-03-01", keep="3 years"),
         d("PhysicalAddress", on="2019-03-01", keep="3 years"),
         d("PaymentCard", on="2019-03-01", keep="3 years")],
        [once(1500, "discount", on="2019-03-01")], [acct("active", "2021-01-01")],
        Band.UNBALANCED, {"dormant-account"},
        id="dormant-web-shop"),
    pytest.param(
        "Streaming service marked dormant: what it needed is no longer needed, so it counts",
        [d("EmailAddress", **NEEDED, keep="7 years"), d("PaymentCard", **NEEDED, keep="7 years")],
        [monthly(1200, "content")], [acct("dormant", None)],
        Band.QUESTIONABLE, {"dormant-account"},
        id="dormant-streaming"),
    pytest.param(
        "Dating site: account closed in 2020, orientation still held",
        [d("SexualPreference", **NEEDED, basis="explicit consent", keep=""),
         d("Picture", **NEEDED, keep="")],
        [monthly(0, since="2018-05-12", until="2020-02-14")], [acct("closed", "2020-02-14")],
        Band.UNBALANCED, {"special-category", "dormant-account", "unknown-retention"},
        id="closed-dating-site"),
    pytest.param(
        "Erasure already requested: no dormant-account flag, but nothing comes back either",
        [d("EmailAddress", keep="")],
        [], [acct("erasure_requested", "2023-11-30")],
        Band.UNBALANCED, {"unknown-retention"},
        id="erasure-requested"),
    pytest.param(
        "Consent to location withdrawn in January 2024, location collected again in June",
        [d("Location", on="2023-05-01", withdrawn="2024-01-10", keep="1 year"),
         d("Location", on="2024-06-01", keep="1 year"),
         d("EmailAddress", **NEEDED, keep="1 year")],
        [monthly(2000)], [acct()],
        Band.QUESTIONABLE, {"processing-after-withdrawal"},
        id="data-after-withdrawal"),
    pytest.param(
        "Consent withdrawn, then only a new benefit: that is no evidence of processing",
        [d("Location", on="2023-05-01", withdrawn="2024-01-10", keep="1 year")],
        [monthly(2000, since="2024-03-01")], [acct()],
        Band.FAIR, set(),
        id="benefit-after-withdrawal"),
    pytest.param(
        "Tax authority: a legal obligation, nothing given back",
        [d("Income", **NEEDED, cont=True, basis=LAW, keep="7 years (tax law)"),
         d("Tax", **NEEDED, basis=LAW, keep="7 years (tax law)"),
         d("BankAccount", **NEEDED, basis=LAW, keep="7 years (tax law)")],
        [], [acct("active", "2025-04-28")],
        Band.FAIR, set(),
        id="tax-authority"),
    pytest.param(
        "Health insurer: health records by law — flagged for information, still fair",
        [d("HealthRecord", **NEEDED, cont=True, basis=LAW, keep="7 years"),
         d("OfficialID", **NEEDED, basis=LAW, keep="7 years")],
        [monthly(15200)], [acct()],
        Band.FAIR, {"special-category"},
        id="health-insurer"),
    pytest.param(
        "Employer asked for a criminal record; no legal basis written down; nothing in return",
        [d("CriminalConviction", keep="")],
        [], [],
        Band.UNBALANCED, {"special-category", "unknown-retention"},
        id="criminal-record"),
    pytest.param(
        "Shop with a €10 a month discount and a gift of unknown value",
        [d("EmailAddress", keep="1 year")],
        [monthly(1000, "discount"), unknown("other")], [acct()],
        Band.FAIR, {"value-unknown"},
        id="partly-unknown-value"),
    pytest.param(
        "Subscription ended last year; the account is still open",
        [d("EmailAddress", keep="1 year")],
        [monthly(999, "content", since="2022-01-01", until="2024-05-31")], [acct()],
        Band.UNBALANCED, set(),
        id="benefit-ended"),
    pytest.param(
        "A €100 sign-up bonus a year ago, for an email address: spread over 12 months",
        [d("EmailAddress", on="2024-06-01", keep="1 year")],
        [once(10000, on="2024-06-01")], [acct()],
        Band.FAIR, set(),
        id="once-bonus"),
    pytest.param(
        "Free app with location, valued by the person at €3 a month",
        [d("EmailAddress", keep="1 year"), d("Location", cont=True, keep="1 year")],
        [monthly(300)], [acct()],
        Band.UNBALANCED, {"continuous-tracking"},
        id="free-app-valued"),
    pytest.param(
        "Nothing given: a shop paid in cash",
        [], [monthly(0, "other")], [],
        Band.FAIR, set(),
        id="nothing-given"),
]
# fmt: on


@pytest.mark.parametrize(("description", "gave", "got", "accounts", "band", "flags"), SCENARIOS)
def test_scenario(
    description: str,
    gave: list[GivenItem],
    got: list[GotItem],
    accounts: list[AccountItem],
    band: Band,
    flags: set[str],
) -> None:
    result = assess(gave, got, accounts, today=TODAY)
    assert (result.band, {f.code for f in result.flags}) == (band, flags), explain(result)
    assert result.score == sum(c.points for c in result.contributions)
    assert summary(result).startswith(band.value.capitalize() + ": ")
    labels = {g.label for g in gave}
    for flag in result.flags:
        if flag.code != "value-unknown":  # that one names the benefit, not the data
            assert any(label in flag.reason for label in labels), flag.reason


def explain(result: Assessment) -> str:
    return "\n".join([summary(result), *result.explanation()])


# --- the details behind the table ------------------------------------------------------------


def test_special_category_reason_names_the_legal_basis_or_its_absence() -> None:
    result = assess(
        [d("Health", basis="explicit consent"), d("CriminalConviction")], [], [], today=TODAY
    )
    flag = next(f for f in result.flags if f.code == "special-category")
    assert "Health (Art. 9; legal basis: explicit consent)" in flag.reason
    assert "Criminal Conviction (Art. 10; no legal basis recorded)" in flag.reason
    assert (flag.points, flag.letter) == (20, "access")


def test_letters_fit_the_flags() -> None:
    result = assess(
        [
            d("BirthDate", req=True, nec=False, keep="", **SHARED_CONT),
            d("Health", on="2024-01-01", withdrawn="2024-02-01"),
            d("Health", on="2024-03-01"),
        ],
        [unknown()],
        [acct("dormant", None)],
        today=TODAY,
    )
    assert {f.code: f.letter for f in result.flags} == {
        "coerced-consent": "withdraw-consent",
        "processing-after-withdrawal": "objection",
        "special-category": "access",
        "shared-third-parties": "objection",
        "continuous-tracking": "objection",
        "dormant-account": "erasure",
        "unknown-retention": "access",
        "value-unknown": None,
    }
    lines = result.explanation()
    for flag in result.flags:
        if flag.points:
            assert any(line.startswith(FLAG_TITLES[flag.code]) for line in lines)


def test_the_explanation_adds_up_and_names_what_was_not_counted() -> None:
    result = assess(
        [d("Purchase", **SHARED_CONT), d("EmailAddress", **NEEDED)],
        [monthly(800, "discount")],
        [acct()],
        today=TODAY,
    )
    assert result.explanation() == [
        "Imbalance: data worth € 13.05 a month for € 8.00 a month in return, 1.6×: +7",
        "Shared with third parties: Purchase: +10",
        "Collected continuously: Purchase: +10",
        "Not counted, needed for the service: Email Address: +0",
    ]
    assert result.score == 27
    assert summary(result) == (
        "Questionable: you gave data worth € 13.05 a month for € 8.00 a month; they share it "
        "with third parties and they collect it continuously."
    )


def test_summaries() -> None:
    def line(
        gave: list[GivenItem], got: list[GotItem], accounts: Sequence[AccountItem] = ()
    ) -> str:
        return summary(assess(gave, got, accounts, today=TODAY))

    assert line([], []) == "Fair: you gave no data of value, for nothing in return."
    assert line([d("Name", **NEEDED)], [monthly(340)]) == (
        "Fair: you gave only data they need, for € 3.40 a month."
    )
    assert line([d("EmailAddress", shared=True)], [unknown()]) == (
        "Unbalanced: you gave data worth € 12.00 a month for benefits whose value you have not "
        "filled in; they share it with third parties."
    )
    assert line([d("EmailAddress")], [monthly(100), unknown()]) == (
        "Unbalanced: you gave data worth € 8.00 a month for € 1.00 a month plus benefits of "
        "unknown value."
    )


def test_value_given_takes_each_category_once_at_its_highest_and_combines() -> None:
    plain, tracked = d("Location"), d("Location", cont=True, shared=True, keep="")
    assert given_monthly_value([plain, tracked]) == given_monthly_value([tracked])
    # 182 × 1.5 × 1.5 × 1.2 = 491.4, plus email 800 = 1291.4, × 1.05 for two categories
    assert given_monthly_value([plain, tracked, d("EmailAddress")]) == 1356
    health = d("Health", keep="")  # 844 × 2 × 1.2
    assert given_monthly_value([health]) == 2026
    many = [d(key) for key in CATS]  # 17 categories: 1 + 0.05 × 16 = 1.8, capped at 1.5
    assert sum(given_monthly_value([item]) for item in many) == 13343
    assert given_monthly_value(many) == 20015  # 13 343 × 1.5 = 20 014.5, rounded half up


def test_withdrawn_consent_still_counts() -> None:
    assert given_monthly_value([d("EmailAddress", withdrawn="2024-01-01")]) == 800


def test_value_got_per_period() -> None:
    since = date(2020, 6, 1)
    assert benefit_monthly_value(monthly(1000), TODAY) == 1000
    assert benefit_monthly_value(yearly(1200), TODAY) == 100
    assert benefit_monthly_value(once(1200), TODAY) == 100  # over 12 months at least
    assert benefit_monthly_value(once(6000), TODAY, since=since) == 100  # over 60 months
    assert benefit_monthly_value(monthly(1000, until="2025-05-31"), TODAY) == 0
    assert benefit_monthly_value(monthly(1000, until="2025-06-01"), TODAY) == 1000
    assert benefit_monthly_value(unknown(), TODAY) is None
    assert got_monthly_value([], today=TODAY) == 0  # nothing back is 0, not unknown
    assert got_monthly_value([unknown(), unknown("discount")], today=TODAY) is None
    assert got_monthly_value([unknown(), monthly(500)], today=TODAY) == 500
    # an ended benefit of unknown value is simply over: 0, and no value-unknown flag
    ended = _got("service", None, "month", "2020-01-01", "2021-01-01")
    assert got_monthly_value([ended], today=TODAY) == 0
    assert assess([d("Name")], [ended], [], today=TODAY).flags == ()


def test_imbalance_points_grow_per_doubling() -> None:
    assert [imbalance_points(g, 100) for g in (0, 50, 100, 106, 108, 200, 400, 1600, 10**6)] == [
        0, 0, 0, 0, 1, 10, 20, 40, 40
    ]  # fmt: skip
    assert imbalance_points(1, 0) == 40
    assert imbalance_points(0, 0) == 0


def test_dormant_needs_every_account_out_of_use() -> None:
    gave = [d("EmailAddress")]

    def codes(*accounts: AccountItem) -> set[str]:
        return {f.code for f in assess(gave, [monthly(5000)], list(accounts), today=TODAY).flags}

    assert "dormant-account" in codes(acct("active", "2024-06-01"))  # 12 months: dormant
    assert "dormant-account" not in codes(acct("active", "2024-06-02"))
    assert "dormant-account" not in codes(acct("active", None))  # no date: no guessing
    assert "dormant-account" not in codes(acct("dormant"), acct("active"))
    assert "dormant-account" in codes(acct("dormant"), acct("erased"))
    assert "dormant-account" not in codes(acct("erased"), acct("erasure_requested"))
    assert "dormant-account" not in assess([], [], [acct("dormant")], today=TODAY).flags


def test_helpers() -> None:
    assert months_between(date(2024, 1, 31), date(2024, 2, 29)) == 0
    assert months_between(date(2024, 1, 31), date(2024, 3, 31)) == 2
    assert months_between(date(2025, 1, 1), date(2024, 1, 1)) == 0
    assert all(unknown_retention(t) for t in ("", " ", "Unknown", "INDEFINITE", "forever"))
    assert not unknown_retention("2 years")


def test_weights_change_the_verdict() -> None:
    gave, got = [d("Purchase", **SHARED_CONT)], [monthly(800)]  # 1305 for 800: ratio 1.63
    assert assess(gave, got, [], today=TODAY).band is Band.QUESTIONABLE
    strict = Weights(unbalanced_ratio=1.6)
    assert assess(gave, got, [], strict, TODAY).band is Band.UNBALANCED
    lenient = Weights(shared=1.0, continuous=1.0)  # 580 for 800
    assert assess(gave, got, [], lenient, TODAY).given_month_cents == 580
