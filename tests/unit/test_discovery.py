"""Discovery on a real vault: domains, grouping, matching to the directory and the ledger,
the proposal, and writing it all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app.domain.ledger import AccountInput, DisclosureInput, OrganisationInput, ProfileInput
from app.paths import AppPaths
from app.services import discovery_domains as domains
from app.services.directory import Directory, DirectoryEntry, load_directory
from app.services.discovery import (
    Proposal,
    ProposalOutdatedError,
    ProposedOrganisation,
    apply_proposal,
    is_email,
    propose,
    propose_file,
)
from app.services.ledger import Ledger
from app.services.password_export import ExportEntry
from app.services.progress import Cancelled, Progress
from app.storage.header import KeyMode
from app.storage.vault import create_vault

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "password_exports"
TABLES = ("organisations", "organisation_domains", "accounts", "disclosures")

SMALL_DIRECTORY = Directory([
    DirectoryEntry("google", "Google LLC", "Mountain View", runs=("YouTube", "Gmail"),
                   domains=("google.com",), email="privacy@google.example"),
    DirectoryEntry("github", "GitHub, Inc.", "San Francisco", domains=("github.com", "github.io")),
    DirectoryEntry("bbc", "BBC", "London", domains=("bbc.co.uk",)),
    DirectoryEntry("abc-news", "ABC", "New York"),  # a 3-letter name: never matched by label
    DirectoryEntry("zoom-1", "Zoom Video", "San Jose", runs=("Zoom",)),
    DirectoryEntry("zoom-2", "Zoom Tours", "Vienna", runs=("Zoom",)),
    DirectoryEntry("aok-a", "AOK Bayern", "München", domains=("aok.de",)),
    DirectoryEntry("aok", "AOK", "Berlin", domains=("aok.de",)),
])  # fmt: skip


@pytest.fixture
def ledger(paths: AppPaths) -> Iterator[Ledger]:
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        yield Ledger(vault.conn)


def entry(line: int, *urls: str, user: str = "jan@example.org", title: str = "",
          created: date | None = None, last: date | None = None) -> ExportEntry:  # fmt: skip
    return ExportEntry(line, title or f"row {line}", urls, user, created, last)


def counts(ledger: Ledger) -> tuple[int, ...]:
    return tuple(ledger.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)


def by_key(proposal: Proposal) -> dict[str, ProposedOrganisation]:
    return {org.key: org for org in proposal.organisations}


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("accounts.google.com", "google.com"),
        ("mail.google.com", "google.com"),
        ("bbc.co.uk", "bbc.co.uk"),
        ("www.shop.example.co.uk", "example.co.uk"),
        ("jan.github.io", "jan.github.io"),  # a private suffix: a blog there is not GitHub
        ("github.io", None),
        ("co.uk", None),
        ("localhost", None),
        ("intranet", None),
        ("printer.unknowntld", None),
    ],
)
def test_registrable_domain_by_the_public_suffix_list(host: str, expected: str | None) -> None:
    assert domains.registrable_domain(host) == expected


@pytest.mark.parametrize(
    ("address", "domain", "reason"),
    [
        ("https://accounts.google.com/ServiceLogin?x=1", "google.com", ""),
        ("www.bol.com", "bol.com", ""),
        ("bol.com:8443/login", "bol.com", ""),
        ("androidapp://com.twitter.android", "twitter.com", ""),
        ("android://aBcD==@com.whatsapp/", "whatsapp.com", ""),
        ("androidapp://nothing", None, domains.APP),
        ("androidapp://local.myapp", None, domains.APP),
        ("iosapp://com.example.app", None, domains.APP),
        ("http://192.168.1.1", None, domains.LOCAL),
        ("http://[fe80::1]:8080/", None, domains.LOCAL),
        ("http://localhost:3000", None, domains.LOCAL),
        ("https://nas.local", None, domains.LOCAL),
        ("https://router.home.arpa", None, domains.LOCAL),
        ("https://wiki/", None, domains.INTRANET),
        ("http://sn", None, domains.NO_ADDRESS),
        ("", None, domains.NO_ADDRESS),
        ("chrome://FirefoxAccounts", None, domains.NOT_WEB),
        ("http://[::1", None, domains.NOT_WEB),
        ("https://www.café-zürich.ch/", "xn--caf-zrich-d4a5s.ch", ""),
    ],
)
def test_site_of_an_address(address: str, domain: str | None, reason: str) -> None:
    assert domains.site_of(address) == (domain, reason)


def test_is_email() -> None:
    assert is_email("jan@example.org") and is_email("Jan.de.Vries+shop@mail.example.co.uk")
    assert not is_email("jandv") and not is_email("jan@localhost") and not is_email("@x.org")


def test_domains_of_one_organisation_are_grouped(ledger: Ledger) -> None:
    proposal = propose([
        entry(2, "https://accounts.google.com", "https://mail.google.com"),
        entry(3, "https://www.youtube.com/", user="JAN@example.org"),
        entry(4, "androidapp://com.google.android.gm", user="jan.devries"),
    ], ledger.conn, SMALL_DIRECTORY, fmt="bitwarden")  # fmt: skip
    (google,) = proposal.organisations
    assert (google.key, google.name, google.directory_slug) == (
        "dir:google",
        "Google LLC",
        "google",
    )
    assert google.domains == ["google.com", "youtube.com"]
    assert google.entries == 3, "a row with two Google addresses counts once"
    assert google.match == "directory (domain)", "the best of domain and brand matches"
    assert [(a.identifier, a.is_email) for a in google.accounts] == [
        ("jan.devries", False), ("jan@example.org", True),
    ], "e-mail addresses are the same account whatever their case"  # fmt: skip
    assert (proposal.format, proposal.rows, proposal.skipped) == ("bitwarden", 3, [])


def test_matching_by_directory_domain_and_brand_only_where_safe(ledger: Ledger) -> None:
    proposal = propose([
        entry(2, "https://www.youtube.com"),  # Google runs YouTube
        entry(3, "https://gmail.com"),
        entry(4, "https://jan.github.io/admin"),  # someone's blog, not GitHub
        entry(5, "https://github.com/login"),
        entry(6, "https://account.bbc.co.uk"),
        entry(7, "https://abc.com"),  # "abc" is too short to match a name
        entry(8, "https://zoom.us"),  # two entries run "Zoom": ambiguous, so new
        entry(9, "https://www.aok.de"),  # two entries list aok.de: the one named like it
    ], ledger.conn, SMALL_DIRECTORY)  # fmt: skip
    orgs = by_key(proposal)
    assert orgs["dir:google"].match == "directory (brand)"
    assert orgs["dir:google"].domains == ["gmail.com", "youtube.com"]
    assert orgs["new:jan.github.io"].match == "new"
    assert orgs["dir:github"].domains == ["github.com"]
    assert orgs["dir:bbc"].domains == ["bbc.co.uk"]
    assert orgs["new:abc.com"].name == "abc.com"
    assert orgs["new:zoom.us"].match == "new"
    assert orgs["dir:aok"].name == "AOK"
    names = [org.name for org in proposal.organisations]
    assert names == sorted(names, key=str.casefold)


def test_the_shipped_directory_finds_the_big_names(ledger: Ledger) -> None:
    proposal = propose_file(FIXTURES / "bitwarden.csv", ledger.conn)
    slugs = {org.directory_slug for org in proposal.organisations}
    assert {"google", "github", "twitter", "bbc"} <= slugs
    assert by_key(proposal)["dir:google"].domains == ["google.com", "youtube.com"]


def test_matching_the_ledger_first(ledger: Ledger) -> None:
    shop = ledger.add_organisation(OrganisationInput("My shop", domains=["login.shop.nl"]))
    google = ledger.add_organisation(OrganisationInput("Google", directory_slug="google"))
    ledger.add_account(shop, AccountInput("jan@example.org"))
    proposal = propose([
        entry(2, "https://www.shop.nl", user="JAN@EXAMPLE.ORG"),
        entry(3, "https://www.shop.nl", user="another"),
        entry(4, "https://youtube.com"),
    ], ledger.conn, SMALL_DIRECTORY)  # fmt: skip
    orgs = by_key(proposal)
    mine = orgs[f"ledger:{shop}"]
    assert (mine.name, mine.existing_id, mine.match) == ("My shop", shop, "ledger")
    assert [(a.identifier, a.exists) for a in mine.accounts] == [
        ("another", False), ("JAN@EXAMPLE.ORG", True),
    ]  # fmt: skip
    theirs = orgs[f"ledger:{google}"]
    assert (theirs.existing_id, theirs.directory_slug, theirs.domains) == (
        google, "google", ["youtube.com"],
    ), "a directory entry already in the ledger is that organisation"  # fmt: skip


def test_matching_the_ledger_by_name(ledger: Ledger) -> None:
    """No slug or domain in the ledger: its name still keeps the import from duplicating it."""
    google = ledger.add_organisation(OrganisationInput("Google"))
    shop = ledger.add_organisation(OrganisationInput("example.org"))
    bike = ledger.add_organisation(OrganisationInput("Fietsenwinkel"))
    github = ledger.add_organisation(OrganisationInput("github, inc."))
    proposal = propose([
        entry(2, "https://accounts.google.com"),  # directory: Google LLC; label: google
        entry(3, "https://www.youtube.com"),  # a brand of the same directory entry
        entry(4, "https://www.example.org/login"),  # named by its domain in the ledger
        entry(5, "https://fietsenwinkel.nl", "https://www.fietsenwinkel.com"),  # label
        entry(6, "https://github.com"),  # the directory entry's name, case ignored
    ], ledger.conn, SMALL_DIRECTORY)  # fmt: skip
    orgs = by_key(proposal)
    assert set(orgs) == {f"ledger:{i}" for i in (google, shop, bike, github)}
    assert orgs[f"ledger:{google}"].domains == ["google.com", "youtube.com"]
    assert orgs[f"ledger:{google}"].match == "ledger"
    assert orgs[f"ledger:{bike}"].domains == ["fietsenwinkel.com", "fietsenwinkel.nl"]
    result = apply_proposal(ledger.conn, proposal)
    assert result.organisations_added == []
    assert ledger.conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 4


def test_matching_by_name_only_where_safe(ledger: Ledger) -> None:
    ledger.add_organisation(OrganisationInput("Web"))  # web.de: a label under 4 characters
    ledger.add_organisation(OrganisationInput("Zalando"))
    ledger.add_organisation(OrganisationInput("zalando!"))  # two named like zalando.nl
    ledger.add_organisation(OrganisationInput("Shop Online"))  # no label is a whole name
    proposal = propose([
        entry(2, "https://web.de"), entry(3, "https://zalando.nl"),
        entry(4, "https://shop.nl"), entry(5, "https://online.nl"),
    ], ledger.conn, SMALL_DIRECTORY)  # fmt: skip
    assert sorted(by_key(proposal)) == ["new:online.nl", "new:shop.nl", "new:web.de",
                                        "new:zalando.nl"]  # fmt: skip


def test_shown_address_is_scheme_and_host_only() -> None:
    cases = {
        "http://admin:SENTINEL@192.168.1.1": "http://192.168.1.1",
        "https://x.example.com/reset?token=SENTINEL#SENTINEL": "https://x.example.com",
        "admin:SENTINEL@router.example.com:8080/x": "router.example.com",
        "https://u:p@ss@host.nl/@me": "https://host.nl",
        "http://[fe80::1]:8080/?k=SENTINEL": "http://[fe80::1]",
        "mailto:SENTINEL@example.org": "mailto:",
        "javascript:alert('SENTINEL')": "javascript:",
        "file:///home/jan/SENTINEL.html": "file:",
        "http://[::1": "http:",
        "android://SENTINEL==@com.whatsapp/": "android://com.whatsapp",
    }
    assert {address: domains.shown_address(address) for address in cases} == cases


def test_skipped_rows_show_no_login_path_or_query(ledger: Ledger) -> None:
    rows = [
        ExportEntry(2, "", ("http://admin:SENTINEL@192.168.1.1",), "admin", None, None),
        ExportEntry(3, "", ("https://wiki/reset?token=SENTINEL",), "me", None, None),
        ExportEntry(4, "", ("iosapp://com.example.app/x?k=SENTINEL",), "me", None, None),
    ]
    proposal = propose(rows, ledger.conn, SMALL_DIRECTORY)
    assert [s.site for s in proposal.skipped] == [
        "http://192.168.1.1", "https://wiki", "iosapp://com.example.app",
    ]  # fmt: skip
    assert "SENTINEL" not in repr(proposal)


def test_identifiers_dates_and_empty_usernames(ledger: Ledger) -> None:
    proposal = propose([
        entry(2, "https://a.nl", user=" jan ", created=date(2020, 5, 1), last=date(2021, 1, 1)),
        entry(3, "https://a.nl", user="jan", created=date(2018, 2, 3), last=date(2019, 1, 1)),
        entry(4, "https://a.nl", user="Jan"),  # usernames keep their case
        entry(5, "https://b.nl", user=""),
        entry(6, "https://c.nl", user="x", created=date(2022, 1, 1), last=date(2021, 1, 1)),
    ], ledger.conn, SMALL_DIRECTORY)  # fmt: skip
    orgs = by_key(proposal)
    assert [(a.identifier, a.first_used, a.last_used) for a in orgs["new:a.nl"].accounts] == [
        ("Jan", None, None), ("jan", date(2018, 2, 3), date(2021, 1, 1)),
    ]  # fmt: skip
    assert orgs["new:b.nl"].accounts == [] and orgs["new:b.nl"].entries == 1
    (c,) = orgs["new:c.nl"].accounts
    assert (c.first_used, c.last_used) == (date(2022, 1, 1), date(2022, 1, 1))


def test_skipped_rows_say_why(ledger: Ledger) -> None:
    proposal = propose([
        entry(2, title="Wifi code"),
        entry(3, "http://192.168.1.1", title="Router"),
        entry(4, "iosapp://com.example.app", title="App"),
        entry(5, "https://wiki/"),
        entry(6, "https://ok.nl", user="u" * 321, title="Long"),
        entry(7, "https://ok.nl", "http://localhost"),
    ], ledger.conn, SMALL_DIRECTORY)  # fmt: skip
    assert [(s.line, s.site, s.reason) for s in proposal.skipped] == [
        (2, "Wifi code", domains.NO_ADDRESS),
        (3, "Router", domains.LOCAL),
        (4, "App", domains.APP),
        (5, "row 5", domains.INTRANET),
        (6, "Long", "the username is longer than 320 characters"),
    ]  # fmt: skip
    assert [org.key for org in proposal.organisations] == ["new:ok.nl"]
    assert proposal.rows == 6


def test_apply_adds_organisations_accounts_and_identifiers_once(ledger: Ledger) -> None:
    proposal = propose([
        entry(2, "https://accounts.google.com", created=date(2012, 3, 4), last=date(2024, 1, 2)),
        entry(3, "https://www.nu.nl", user="jandv"),
        entry(4, "https://www.ns.nl", user=""),
    ], ledger.conn)  # fmt: skip
    result = apply_proposal(ledger.conn, proposal)
    assert len(result.organisations_added) == 3
    assert len(result.accounts_added) == len(result.disclosures_added) == 2
    google = ledger.resolve("google.com")
    data = ledger.organisation(google)
    assert data.directory_slug == "google" and data.privacy_email, "copied from the directory"
    (account,) = ledger.records("accounts", google)
    assert (account["identifier"], account["first_used"], account["last_used"]) == (
        "jan@example.org", "2012-03-04", "2024-01-02",
    )  # fmt: skip
    (given,) = ledger.records("disclosures", google)
    assert (given["category"], given["detail"], given["given_on"]) == (
        "EmailAddress", "jan@example.org", "2012-03-04",
    )  # fmt: skip
    nu = ledger.resolve("nu.nl")
    assert ledger.organisation(nu).name == "nu.nl"
    assert [d["category"] for d in ledger.records("disclosures", nu)] == ["Username"]
    assert ledger.records("accounts", ledger.resolve("ns.nl")) == []

    before = counts(ledger)
    again = propose([entry(2, "https://mail.google.com", user="JAN@example.org")], ledger.conn)
    assert again.organisations[0].existing_id == google
    assert again.organisations[0].accounts[0].exists
    assert apply_proposal(ledger.conn, again).accounts_added == []
    assert counts(ledger) == before, "nothing is added twice"


def test_apply_only_the_ticked_organisations(ledger: Ledger) -> None:
    proposal = propose(
        [entry(2, "https://a.nl"), entry(3, "https://b.nl"), entry(4, "https://c.nl")],
        ledger.conn, SMALL_DIRECTORY,
    )  # fmt: skip
    result = apply_proposal(ledger.conn, proposal, selected={"new:b.nl"})
    assert len(result.organisations_added) == 1
    assert [name for (name,) in ledger.conn.execute("SELECT name FROM organisations")] == ["b.nl"]
    assert apply_proposal(ledger.conn, proposal, selected=[]).organisations_added == []


def test_an_existing_organisation_gets_only_what_it_lacks(ledger: Ledger) -> None:
    org = ledger.add_organisation(OrganisationInput("Shop", domains=["shop.nl"]))
    ledger.add_account(org, AccountInput("jan@example.org"))
    ledger.add_disclosure(org, DisclosureInput("EmailAddress", detail="Jan@Example.org"))
    proposal = propose(
        [entry(2, "https://shop.nl"), entry(3, "https://shop.nl", user="jandv")], ledger.conn
    )
    result = apply_proposal(ledger.conn, proposal)
    assert result.organisations_added == []
    assert [a["identifier"] for a in ledger.records("accounts", org)] == [
        "jan@example.org", "jandv",
    ]  # fmt: skip
    assert sorted((d["category"], d["detail"]) for d in ledger.records("disclosures", org)) == [
        ("EmailAddress", "Jan@Example.org"), ("Username", "jandv"),
    ]  # fmt: skip


def test_a_proposal_made_before_the_ledger_changed(ledger: Ledger) -> None:
    proposal = propose([entry(2, "https://shop.nl")], ledger.conn, SMALL_DIRECTORY)
    org = ledger.add_organisation(OrganisationInput("Shop", domains=["shop.nl"]))
    result = apply_proposal(ledger.conn, proposal)
    assert result.organisations_added == [], "the organisation added meanwhile is used"
    assert [a["identifier"] for a in ledger.records("accounts", org)] == ["jan@example.org"]
    # one added meanwhile under the proposed name, without a domain, is used too
    proposal = propose([entry(2, "https://bike.nl")], ledger.conn, SMALL_DIRECTORY)
    named = ledger.add_organisation(OrganisationInput("Bike.nl"))
    assert apply_proposal(ledger.conn, proposal).organisations_added == []
    assert [a["identifier"] for a in ledger.records("accounts", named)] == ["jan@example.org"]


def test_cancel_during_apply_leaves_nothing(ledger: Ledger) -> None:
    proposal = propose([entry(i, f"https://site{i}.nl") for i in range(2, 40)], ledger.conn)
    before = counts(ledger)
    progress = Progress(lambda done, total: progress.cancel() if done == 20 else None)
    with pytest.raises(Cancelled):
        apply_proposal(ledger.conn, proposal, progress=progress)
    assert counts(ledger) == before
    assert not ledger.conn.in_transaction
    # the vault is still usable afterwards
    assert len(apply_proposal(ledger.conn, proposal).organisations_added) == 38


def test_an_error_late_in_apply_rolls_everything_back(ledger: Ledger) -> None:
    gone = ledger.add_organisation(OrganisationInput("Gone", domains=["gone.nl"]))
    proposal = propose(
        [entry(2, "https://aaa.nl"), entry(3, "https://gone.nl")], ledger.conn, SMALL_DIRECTORY
    )
    assert [org.key for org in proposal.organisations] == ["new:aaa.nl", f"ledger:{gone}"]
    ledger.delete_organisation(gone)
    before = counts(ledger)
    # aaa.nl, written first, now has the removed organisation's id: the stale proposal must
    # not put Gone's accounts there
    with pytest.raises(ProposalOutdatedError, match="Gone was changed or removed"):
        apply_proposal(ledger.conn, proposal)
    assert counts(ledger) == before, "aaa.nl was rolled back too"


def test_propose_file_reports_the_format_and_cancel_while_reading(ledger: Ledger, tmp_path) -> None:
    assert propose_file(FIXTURES / "keepassxc.csv", ledger.conn).format == "keepassxc"
    assert propose_file(FIXTURES / "chrome.csv", ledger.conn, fmt="lastpass").format == "lastpass"
    rows = "".join(f"S{i},https://s{i}.example.com,u,p\n" for i in range(5000))
    path = tmp_path / "big.csv"
    path.write_text("name,url,username,password\n" + rows)
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        propose_file(path, ledger.conn, progress=progress)
    assert load_directory() is load_directory(), "the directory is read once"


@pytest.mark.slow
def test_case21_100k_rows_report_progress_and_a_cancel_leaves_nothing(
    ledger: Ledger, tmp_path
) -> None:
    rows = "".join(
        f"S{i},https://www.site{i % 1000}.nl/login,user{i % 3}@example.org,pw{i}\n"
        for i in range(100_000)
    )
    path = tmp_path / "100k.csv"
    path.write_text("name,url,username,password\n" + rows)
    steps: list[tuple[int, int]] = []
    progress = Progress(lambda done, total: steps.append((done, total)))
    proposal = propose_file(path, ledger.conn, progress=progress)
    assert (proposal.rows, len(proposal.organisations)) == (100_000, 1000)
    assert all(len(org.accounts) == 3 for org in proposal.organisations)
    assert len(steps) >= 50 and steps[-1] == (path.stat().st_size,) * 2
    before = counts(ledger)
    cancel = Progress(lambda done, total: cancel.cancel() if done == 600 else None)
    with pytest.raises(Cancelled):
        apply_proposal(ledger.conn, proposal, progress=cancel)
    assert counts(ledger) == before, "600 organisations were written, then all rolled back"


def test_an_organisation_serving_several_countries_gets_the_persons_own(ledger: Ledger) -> None:
    """Blendle serves Germany and the Netherlands: for a Dutch person its deadlines follow
    Dutch holidays; for someone elsewhere no country is guessed."""
    proposal = propose(
        [entry(2, "https://blendle.com"), entry(3, "https://amazon.de")], ledger.conn
    )
    apply_proposal(ledger.conn, proposal)
    assert ledger.organisation(ledger.resolve("blendle.com")).country == ""
    assert ledger.organisation(ledger.resolve("amazon.de")).country == ""

    for org_id in (ledger.resolve("blendle.com"), ledger.resolve("amazon.de")):
        ledger.delete_organisation(org_id)
    ledger.set_profile(ProfileInput("Jan", country="NL"))
    apply_proposal(ledger.conn, propose([entry(2, "https://blendle.com")], ledger.conn))
    assert ledger.organisation(ledger.resolve("blendle.com")).country == "NL"
