"""An example ledger of a fictional person, Jan de Vries, to try Quid without real data.

About 25 organisations, Dutch and international, chosen to show every kind of assessment:
fair deals (bank, health insurer, tax office), questionable ones (loyalty card, web shops),
unbalanced ones (social networks, a fitness app sharing health data) and coerced ones (data
demanded although the service does not need it). Categories are W3C DPV personal-data terms.
Organisations whose name ends in "(fictional)" and whose domains end in `.example` do not
exist; what is recorded about the real ones is what a typical customer would write down.

`load_example_ledger` only writes into a ledger that has no organisations yet, so the example
never mixes with real records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.ledger import (
    AccountInput,
    BenefitInput,
    DisclosureInput,
    OrganisationInput,
    ProfileInput,
    ValidationError,
)
from app.errors import QT_TR_NOOP

if TYPE_CHECKING:
    from app.services.ledger import Ledger

ME = "jan.devries@example.nl"
WORK = "j.devries@example.com"
PROFILE = ProfileInput(
    name="Jan de Vries",
    postal_address="Voorbeeldstraat 1\n1234 AB Amsterdam",
    emails=[ME],
    country="NL",
)

# Plain words for the legal bases (GDPR Art. 6) and retention periods.
CONTRACT, CONSENT, LAW, INTEREST = "contract", "consent", "legal obligation", "legitimate interest"
TAX, UNTIL_DELETED = "7 years (tax law)", "until account deletion"


@dataclass(frozen=True)
class Example:
    org: OrganisationInput
    accounts: tuple[AccountInput, ...]
    gave: tuple[DisclosureInput, ...]
    got: tuple[BenefitInput, ...]


# fmt: off
def org(name: str, country: str, *domains: str, email: bool = False,
        notes: str = "") -> OrganisationInput:
    """An organisation; `email` gives it privacy@ its first domain."""
    # Only the fictional organisations get an address: a guessed address of a real company
    # could send a demo letter to real people. Real ones come from the directory instead.
    privacy = f"privacy@{domains[0]}" if email and domains[0].endswith(".example") else ""
    return OrganisationInput(name=name, domains=list(domains), country=country,
                             privacy_email=privacy, notes=notes)


def d(category: str, detail: str, on: str, *, how: str = "provided", why: str = "",
      basis: str = "", req: bool = False, nec: bool | None = None, shared: bool = False,
      cont: bool = False, keep: str = "", withdrawn: str | None = None) -> DisclosureInput:
    """What was given: `req` = they demanded it, `nec` = the service needs it (None: unsure)."""
    return DisclosureInput(
        category=category, detail=detail, given_on=on, collection_method=how, purpose=why,
        legal_basis=basis, required=req, necessary=nec, shared=shared, continuous=cont,
        retention=keep, consent_withdrawn_on=withdrawn,
    )


def b(kind: str, what: str, cents: int | None, period: str, since: str,
      until: str | None = None) -> BenefitInput:
    """What was got: value in euro cents per period, None when unknown."""
    return BenefitInput(kind, what, cents, period, since, until)


def a(identifier: str, status: str, first: str, last: str | None = None,
      notes: str = "") -> AccountInput:
    return AccountInput(identifier, status, first, last, notes)


def e(organisation: OrganisationInput,
      *items: AccountInput | DisclosureInput | BenefitInput) -> Example:
    """One organisation with its accounts, disclosures and benefits, in any order."""
    return Example(
        organisation,
        tuple(i for i in items if isinstance(i, AccountInput)),
        tuple(i for i in items if isinstance(i, DisclosureInput)),
        tuple(i for i in items if isinstance(i, BenefitInput)),
    )


EXAMPLES: tuple[Example, ...] = (
    e(org("Albert Heijn", "NL", "ah.nl", email=True, notes="Bonuskaart linked to my account."),
      a(ME, "active", "2013-04-02", "2026-11-21"),
      d("PurchasesAndSpendingHabit", "everything bought with the Bonuskaart", "2013-04-02",
        how="observed", why="personalised offers, shared with partners", basis=CONSENT,
        shared=True, cont=True, keep="unknown"),
      d("EmailAddress", ME, "2013-04-02", why="account", basis=CONTRACT, req=True, nec=True,
        keep=UNTIL_DELETED),
      b("discount", "personal Bonus offers", 800, "month", "2013-04-02")),
    e(org("ING Bank", "NL", "ing.nl", "ing.com", email=True),
      a(ME, "active", "2012-09-14", "2026-11-28"),
      d("Name", "Jan de Vries", "2012-09-14", basis=CONTRACT, req=True, nec=True, keep=TAX),
      d("PhysicalAddress", "home address", "2012-09-14", basis=CONTRACT, req=True, nec=True,
        keep=TAX),
      d("OfficialID", "passport copy for identification", "2012-09-14",
        why="customer due diligence (Wwft)", basis=LAW, req=True, nec=True,
        keep="5 years after the account closes (Wwft)"),
      d("BankAccount", "current account and debit card", "2012-09-14", basis=CONTRACT,
        req=True, nec=True, keep=TAX),
      d("Income", "salary and every payment in and out", "2012-09-14", how="observed",
        why="payments, anti-money-laundering checks", basis=LAW, req=True, nec=True,
        cont=True, keep=TAX),
      b("service", "current account, debit card and app (paid)", 340, "month", "2012-09-14")),
    e(org("KPN", "NL", "kpn.com", email=True),
      a(ME, "active", "2016-03-01", "2026-11-01"),
      d("TelephoneNumber", "mobile number", "2016-03-01", basis=CONTRACT, req=True, nec=True,
        keep="until the contract ends"),
      d("CurrentLocation", "cell-tower location while the phone is on", "2016-03-01",
        how="observed", why="routing calls, billing", basis=CONTRACT, req=True, nec=True,
        cont=True, keep="until the bill is settled"),
      d("CallLog", "numbers called, times and durations", "2016-03-01", how="observed",
        why="billing", basis=CONTRACT, req=True, nec=True, cont=True, keep="6 months"),
      d("BankAccount", "IBAN for the direct debit", "2016-03-01", basis=CONTRACT, req=True,
        nec=True, keep=TAX),
      b("service", "mobile subscription, 20 GB (paid)", 1800, "month", "2016-03-01")),
    e(org("Facebook", "IE", "facebook.com", "meta.com", notes="Not used since 2019."),
      a(ME, "dormant", "2012-02-10", "2019-06-30"),
      d("Name", "real name on a public profile", "2012-02-10", basis=CONTRACT, req=True,
        nec=True, keep=UNTIL_DELETED),
      d("BirthDate", "date of birth", "2012-02-10", why="age check, advertising",
        basis=CONTRACT, req=True, nec=False, keep=UNTIL_DELETED),
      d("TelephoneNumber", "mobile number, asked 'for security'", "2014-05-03",
        why="login codes, also used for ads", basis=CONSENT, nec=False, keep=UNTIL_DELETED),
      d("Friend", "312 friends and everything we did together", "2012-02-10", basis=CONTRACT,
        cont=True, keep=UNTIL_DELETED),
      d("Interest", "interests inferred from likes and clicks", "2012-02-10", how="inferred",
        why="targeted advertising", basis=INTEREST, shared=True, cont=True, keep="unknown"),
      d("BrowsingBehaviour", "visits to other sites with the Meta Pixel", "2013-01-01",
        how="third_party", why="targeted advertising", basis=CONSENT, nec=False,
        shared=True, cont=True, keep="unknown"),
      b("service", "free social network", None, "month", "2012-02-10", "2019-06-30")),
    e(org("Instagram", "IE", "instagram.com"),
      a("jandevries_ams", "active", "2015-08-20", "2026-11-27"),
      d("Picture", "about 400 photos, many with friends' faces", "2015-08-20",
        basis=CONTRACT, cont=True, keep=UNTIL_DELETED),
      d("CurrentLocation", "location tags and app location", "2015-08-20", how="observed",
        why="features and advertising", basis=CONSENT, nec=False, cont=True, keep="unknown"),
      d("ServiceConsumptionBehaviour", "what I look at and for how long", "2015-08-20",
        how="observed", why="feed ranking and advertising", basis=INTEREST, shared=True,
        cont=True, keep="unknown"),
      b("service", "free photo sharing", None, "month", "2015-08-20")),
    e(org("LinkedIn", "IE", "linkedin.com"),
      a(WORK, "active", "2013-01-15", "2026-10-02"),
      d("EmploymentHistory", "full CV: employers, roles, dates", "2013-01-15",
        why="professional profile", basis=CONTRACT, keep=UNTIL_DELETED),
      d("Education", "degrees and schools", "2013-01-15", basis=CONTRACT, keep=UNTIL_DELETED),
      d("Contact", "my phone's address book, about 250 people", "2013-01-16",
        why="'find people you know'", basis=CONSENT, nec=False, keep="unknown"),
      b("service", "professional network and job offers", None, "month", "2013-01-15")),
    e(org("FitTrack (fictional)", "US", "fittrack.example", email=True,
          notes="Running app; health data goes to 'research and advertising partners'."),
      a(ME, "active", "2019-04-10", "2026-11-28"),
      d("HealthRecord", "heart rate, sleep and resting pulse from the watch", "2019-04-10",
        how="observed", why="insights; 'research and advertising partners'", basis=CONSENT,
        req=True, nec=False, shared=True, cont=True, keep="unknown"),
      d("Weight", "weight and height", "2019-04-10", why="calorie estimates", basis=CONSENT,
        req=True, nec=False, shared=True, keep="unknown"),
      d("CurrentLocation", "GPS track of every run, starting at my door", "2019-04-10",
        how="observed", why="maps; advertising partners", basis=CONSENT, shared=True,
        cont=True, keep="unknown", withdrawn="2025-02-10"),
      b("service", "free running app with training tips", None, "month", "2019-04-10")),
    e(org("bol.com", "NL", "bol.com", email=True),
      a(ME, "active", "2014-11-20", "2026-11-24"),
      d("PhysicalAddress", "delivery address", "2014-11-20", why="delivery", basis=CONTRACT,
        req=True, nec=True, keep=TAX),
      d("Purchase", "about 60 orders", "2014-11-20", why="orders and invoices",
        basis=CONTRACT, req=True, nec=True, cont=True, keep=TAX),
      d("BrowsingBehaviour", "products viewed and searched for", "2014-11-20", how="observed",
        why="recommendations, sponsored products", basis=CONSENT, shared=True, cont=True,
        keep="unknown"),
      b("convenience", "next-day delivery and easy returns", None, "year", "2014-11-20")),
    e(org("Translink (OV-chipkaart)", "NL", "ov-chipkaart.nl", "translink.nl", email=True,
          notes="An anonymous card exists, but not with a discount subscription."),
      a("personal OV-chipkaart ending 0042", "active", "2012-06-01", "2026-11-27"),
      d("TravelHistory", "every check-in and check-out: stations and times", "2012-06-01",
        how="observed", why="fares, travel overview, fraud checks", basis=CONTRACT,
        req=True, nec=False, cont=True, keep="18 months"),
      d("BirthDate", "date of birth on the personal card", "2012-06-01", basis=CONTRACT,
        req=True, nec=False, keep="until the card expires"),
      d("Picture", "passport photo printed on the card", "2012-06-01", basis=CONTRACT,
        req=True, nec=False, keep="until the card expires"),
      b("discount", "off-peak discount subscription", 1500, "month", "2012-06-01")),
    e(org("Netflix", "NL", "netflix.com", email=True),
      a(ME, "active", "2017-01-08", "2026-11-28"),
      d("EmailAddress", ME, "2017-01-08", basis=CONTRACT, req=True, nec=True,
        keep=UNTIL_DELETED),
      d("PaymentCardNumber", "credit card for the subscription", "2017-01-08",
        basis=CONTRACT, req=True, nec=True, keep=TAX),
      d("TVViewingBehaviour", "what I watch, when and for how long", "2017-01-08",
        how="observed", why="recommendations", basis=CONTRACT, req=True, cont=True,
        keep=UNTIL_DELETED),
      b("content", "Standard subscription (paid €13.49 a month)", 1349, "month", "2017-01-08")),
    e(org("Google", "IE", "google.com", "youtube.com"),
      a(WORK, "active", "2012-03-11", "2026-11-29"),
      d("EmailAddress", WORK, "2012-03-11", basis=CONTRACT, req=True, nec=True,
        keep=UNTIL_DELETED),
      d("BrowserHistory", "search and YouTube history", "2012-03-11", how="observed",
        why="personalisation and advertising", basis=CONSENT, cont=True,
        keep="18 months (auto-delete)"),
      d("Location", "Location History from the phone", "2014-07-01", how="observed",
        why="Maps timeline, advertising", basis=CONSENT, nec=False, cont=True,
        keep="until I delete it"),
      d("Interest", "advertising interests inferred from all of the above", "2012-03-11",
        how="inferred", why="targeted advertising", basis=INTEREST, shared=True, cont=True,
        keep="unknown"),
      b("service", "search, Gmail, Maps and 15 GB storage", None, "month", "2012-03-11")),
    e(org("Het Dagblad (fictional)", "NL", "hetdagblad.example", email=True,
          notes="Every article needs an account, even the free ones."),
      a(ME, "dormant", "2021-09-03", "2022-01-15"),
      d("EmailAddress", ME, "2021-09-03", why="account, newsletter", basis=CONSENT, req=True,
        nec=False, keep="unknown"),
      d("BirthDate", "mandatory at sign-up", "2021-09-03", why="'to improve our offers'",
        basis=CONSENT, req=True, nec=False, keep="unknown"),
      d("BrowsingBehaviour", "articles read; advertising cookies", "2021-09-03",
        how="observed", why="advertising", basis=INTEREST, req=True, nec=False, shared=True,
        cont=True, keep="unknown"),
      b("content", "three free articles a month", 150, "month", "2021-09-03", "2022-01-15")),
    e(org("LoveLink (fictional)", "NL", "lovelink.example", email=True),
      a("jan_ams", "closed", "2018-05-12", "2020-02-14", notes="Closed; data kept?"),
      d("SexualPreference", "sexual orientation and who I want to meet", "2018-05-12",
        why="matching", basis="explicit consent", req=True, nec=True, keep="unknown"),
      d("Picture", "six profile photos", "2018-05-12", why="profile", basis=CONTRACT,
        req=True, nec=True, keep="unknown"),
      d("CurrentLocation", "distance to other users", "2018-05-12", how="observed",
        why="matches nearby", basis=CONSENT, req=True, nec=True, cont=True, keep="unknown"),
      b("service", "dating matches (free tier)", None, "month", "2018-05-12", "2020-02-14")),
    e(org("Zilveren Kruis", "NL", "zilverenkruis.nl", email=True),
      a(ME, "active", "2012-01-01", "2026-11-10"),
      d("OfficialID", "BSN (citizen service number)", "2012-01-01",
        why="health-insurance administration", basis=LAW, req=True, nec=True, keep=TAX),
      d("HealthRecord", "claims from GP, hospital and pharmacy", "2012-01-01",
        how="third_party", why="reimbursing care", basis=LAW, req=True, nec=True, cont=True,
        keep=TAX),
      d("BankAccount", "IBAN for premium and refunds", "2012-01-01", basis=CONTRACT,
        req=True, nec=True, keep=TAX),
      b("service", "basic health insurance (paid)", 15200, "month", "2012-01-01"),
      b("money", "care costs reimbursed in 2025", 84250, "once", "2025-12-31")),
    e(org("Belastingdienst", "NL", "belastingdienst.nl"),
      a("DigiD login", "active", "2012-04-01", "2026-04-28"),
      d("Income", "salary, savings and investments", "2012-04-01", how="third_party",
        why="income tax", basis=LAW, req=True, nec=True, cont=True, keep=TAX),
      d("Tax", "yearly income-tax returns", "2012-04-01", why="income tax", basis=LAW,
        req=True, nec=True, keep=TAX),
      d("BankAccount", "IBAN for refunds", "2012-04-01", basis=LAW, req=True, nec=True,
        keep=TAX),
      b("money", "income-tax refund for 2025", 31200, "once", "2026-05-15")),
    e(org("Gemeente Amsterdam", "NL", "amsterdam.nl"),
      a("DigiD login", "active", "2014-08-01", "2026-03-10"),
      d("PhysicalAddress", "registration in the BRP", "2014-08-01", why="population register",
        basis=LAW, req=True, nec=True, keep="for life (BRP)"),
      d("VehicalLicenseRegistration", "licence plate for the parking permit", "2019-03-10",
        why="parking permit", basis=LAW, req=True, nec=True, keep="until the permit ends"),
      b("service", "resident parking permit", None, "year", "2019-03-10"),
      b("service", "passport issued", None, "once", "2023-06-20")),
    e(org("Vattenfall", "NL", "vattenfall.nl", email=True),
      a(ME, "active", "2020-01-01", "2026-11-15"),
      d("PhysicalAddress", "supply address", "2020-01-01", basis=CONTRACT, req=True, nec=True,
        keep=TAX),
      d("ServiceConsumptionBehaviour", "smart-meter readings every 15 minutes", "2020-01-01",
        how="observed", why="usage insight in the app", basis=CONSENT, nec=False, cont=True,
        keep="unknown"),
      d("BankAccount", "IBAN for the direct debit", "2020-01-01", basis=CONTRACT, req=True,
        nec=True, keep=TAX),
      b("convenience", "daily usage graphs in the app", None, "month", "2020-01-01")),
    e(org("KLM", "NL", "klm.com", "klm.nl", email=True),
      a("Flying Blue, " + ME, "active", "2016-07-02", "2026-08-14"),
      d("Passport", "passport number and expiry", "2016-07-02",
        why="border checks; passed to the authorities", basis=LAW, req=True, nec=True,
        shared=True, keep="unknown"),
      d("BirthDate", "date of birth", "2016-07-02", why="passenger data for the authorities",
        basis=LAW, req=True, nec=True, shared=True, keep="unknown"),
      d("TravelHistory", "every flight since 2016", "2016-07-02", why="bookings, Flying Blue",
        basis=CONTRACT, cont=True, keep="unknown"),
      b("points", "Flying Blue Miles (≈ 18,000)", 18000, "once", "2026-08-14")),
    e(org("Greenwheels", "NL", "greenwheels.com", email=True),
      a(ME, "active", "2022-03-05", "2026-10-30"),
      d("VehicleLicense", "driving licence, both sides, and a selfie", "2022-03-05",
        why="checking I may drive", basis=CONTRACT, req=True, nec=True, keep=UNTIL_DELETED),
      d("VehicleUsage", "trips: times, distance, car position", "2022-03-05",
        how="observed", why="billing, damage and theft", basis=CONTRACT, req=True, nec=True,
        cont=True, keep="unknown"),
      b("convenience", "a car when I need one, without owning one", None, "month",
        "2022-03-05")),
    e(org("MegaGadget (fictional)", "NL", "megagadget.example", email=True,
          notes="Phone number and birth date were mandatory 'for delivery'."),
      a(ME, "erasure_requested", "2023-11-24", "2023-11-30"),
      d("PhysicalAddress", "delivery address", "2023-11-24", why="delivery", basis=CONTRACT,
        req=True, nec=True, keep=TAX),
      d("TelephoneNumber", "mandatory field at checkout", "2023-11-24", why="'delivery'",
        basis=CONTRACT, req=True, nec=False, shared=True, keep="unknown"),
      d("BirthDate", "mandatory field at checkout", "2023-11-24", why="'delivery'",
        basis=CONTRACT, req=True, nec=False, keep="unknown"),
      b("service", "one pair of headphones delivered (paid)", None, "once", "2023-11-24")),
    e(org("PostNL", "NL", "postnl.nl", email=True),
      a(ME, "active", "2018-02-12", "2026-11-26"),
      d("PhysicalAddress", "address and parcel details from web shops", "2015-05-01",
        how="third_party", why="delivery", basis=INTEREST, nec=True, cont=True,
        keep="unknown"),
      d("EmailAddress", ME, "2018-02-12", why="track & trace", basis=CONTRACT,
        keep=UNTIL_DELETED),
      b("convenience", "track & trace, delivery to a pick-up point", None, "month",
        "2018-02-12")),
    e(org("Spotify", "SE", "spotify.com", email=True),
      a(ME, "active", "2014-02-01", "2026-11-29"),
      d("ServiceConsumptionBehaviour", "every track played or skipped", "2014-02-01",
        how="observed", why="recommendations", basis=CONTRACT, cont=True,
        keep=UNTIL_DELETED),
      d("BirthDate", "date of birth at sign-up", "2014-02-01", why="age check",
        basis=CONTRACT, req=True, keep=UNTIL_DELETED),
      d("PaymentCard", "credit card", "2014-02-01", basis=CONTRACT, req=True, nec=True,
        keep=TAX),
      b("content", "Premium subscription (paid)", 1199, "month", "2014-02-01")),
    e(org("Basic-Fit", "NL", "basic-fit.com"),
      a(ME, "closed", "2021-01-11", "2024-06-30"),
      d("Picture", "photo taken at the entrance for the member card", "2021-01-11",
        why="access control", basis=CONTRACT, req=True, keep="unknown"),
      d("ServiceConsumptionBehaviour", "every visit: club and time", "2021-01-11",
        how="observed", why="access, club statistics", basis=INTEREST, cont=True,
        keep="unknown"),
      d("BankAccount", "IBAN for the direct debit", "2021-01-11", basis=CONTRACT, req=True,
        nec=True, keep=TAX),
      b("service", "gym membership (paid)", 2999, "month", "2021-01-11", "2024-06-30")),
    e(org("OBA (Openbare Bibliotheek Amsterdam)", "NL", "oba.nl"),
      a("library card ending 7731", "active", "2015-10-03", "2026-11-02"),
      d("Name", "name and address", "2015-10-03", why="membership", basis=CONTRACT,
        req=True, nec=True, keep=UNTIL_DELETED),
      d("ServiceConsumptionBehaviour", "books on loan", "2015-10-03", why="loans",
        basis=CONTRACT, req=True, nec=True, keep="until the book is returned"),
      b("content", "books and e-books", 4200, "year", "2015-10-03")),
    e(org("BENU Apotheek", "NL", "benu.nl"),
      a("patient record", "active", "2016-09-20", "2026-10-18"),
      d("Prescription", "medication history, sent by the GP", "2016-09-20",
        how="third_party", why="dispensing, interaction checks", basis=LAW, req=True,
        nec=True, cont=True, keep="20 years (medical records law)"),
      d("OfficialID", "BSN", "2016-09-20", why="identification", basis=LAW, req=True,
        nec=True, keep="20 years (medical records law)"),
      d("Insurance", "health-insurance policy number", "2016-09-20", why="billing the insurer",
        basis=CONTRACT, req=True, nec=True, keep=TAX),
      b("service", "medication and interaction checks", None, "month", "2016-09-20")),
    e(org("Booking.com", "NL", "booking.com"),
      a(ME, "active", "2014-06-08", "2026-09-01"),
      d("TelephoneNumber", "mobile number, passed to every hotel", "2014-06-08",
        why="the stay", basis=CONTRACT, req=True, nec=True, shared=True, keep="unknown"),
      d("TravelHistory", "every stay since 2014", "2014-06-08", why="bookings, marketing",
        basis=CONTRACT, cont=True, keep="unknown"),
      d("PaymentCardNumber", "credit card", "2014-06-08", basis=CONTRACT, req=True,
        nec=True, shared=True, keep="unknown"),
      b("discount", "Genius discounts of 10–15%", 9000, "year", "2016-05-01")),
)
# fmt: on


def load_example_ledger(ledger: Ledger) -> int:
    """Put the example into an empty ledger; returns the number of organisations added.

    A profile already filled in is left as it is. Everything is checked before the first
    write, so a mistake in the data cannot leave half an example behind.
    """
    (count,) = ledger.conn.execute("SELECT count(*) FROM organisations").fetchone()
    if count:
        raise ValidationError("ledger", QT_TR_NOOP(
            "already has organisations; the example only goes into an empty ledger."))  # fmt: skip
    for example in EXAMPLES:
        example.org.cleaned()
        for account in example.accounts:
            account.cleaned()
        for disclosure in example.gave:
            disclosure.cleaned()
            ledger.taxonomy.get(disclosure.category)
        for benefit in example.got:
            benefit.cleaned()
    current = ledger.profile()
    if not (current.name or current.postal_address or current.emails):
        ledger.set_profile(PROFILE)
    for example in EXAMPLES:
        org_id = ledger.add_organisation(example.org)
        for account in example.accounts:
            ledger.add_account(org_id, account)
        for disclosure in example.gave:
            ledger.add_disclosure(org_id, disclosure)
        for benefit in example.got:
            ledger.add_benefit(org_id, benefit)
    return len(EXAMPLES)
