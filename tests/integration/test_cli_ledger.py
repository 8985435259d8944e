"""The ledger commands of the CLI contract (in-process, on a real vault with the test keyring)."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from tests.support.cli import quid


def one_line_error(code: int, err: str) -> str:
    assert code == 2, err
    assert err.startswith("quid: ") and err.count("\n") == 1, err
    return err


def test_org_add_list_show_rm(capsys, vault_dir) -> None:
    code, out, _ = quid(capsys, vault_dir, "org", "add", "Bol.com", "--domain", "bol.com",
                        "--country", "nl", "--email", "privacy@bol.example")  # fmt: skip
    assert code == 0 and out.strip().isdigit()
    org_id = out.strip()
    code, out, _ = quid(capsys, vault_dir, "org", "list", "--json")
    listed = json.loads(out)
    assert [(o["id"], o["name"], o["country"]) for o in listed] == [(int(org_id), "Bol.com", "NL")]
    code, out, _ = quid(capsys, vault_dir, "org", "show", "BOL.COM", "--json")
    shown = json.loads(out)
    assert shown["domains"] == ["bol.com"] and shown["disclosures"] == []
    code, out, _ = quid(capsys, vault_dir, "org", "rm", org_id)
    assert code == 0 and "Removed Bol.com" in out
    assert json.loads(quid(capsys, vault_dir, "org", "list", "--json")[1]) == []


def test_give_and_got(capsys, vault_dir) -> None:
    quid(capsys, vault_dir, "org", "add", "FitTrack")
    code, out, _ = quid(capsys, vault_dir, "give", "fittrack", "HealthRecord", "--detail",
                        "heart rate", "--on", "2024-03-01", "--required", "--unnecessary",
                        "--shared", "--continuous", "--purpose", "ads", "--basis", "consent",
                        "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["id"] == 1
    code, out, _ = quid(capsys, vault_dir, "got", "FitTrack", "service", "--value", "4,99",
                        "--per", "month", "--detail", "premium")  # fmt: skip
    assert code == 0
    shown = json.loads(quid(capsys, vault_dir, "org", "show", "FitTrack", "--json")[1])
    given = shown["disclosures"][0]
    assert (given["category"], given["required"], given["necessary"], given["shared"]) == (
        "HealthRecord", 1, 0, 1,
    )  # fmt: skip
    assert shown["benefits"][0]["value_cents"] == 499


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("give", "Nobody Inc", "EmailAddress"), "no organisation"),
        (("give", "Shop", "EmailAdress"), "EmailAddress"),
        (("give", "Shop", "Name", "--on", "31-01-2024"), "not a date"),
        (("got", "Shop", "money", "--value", "-5"), "negative"),
        (("got", "Shop", "money", "--value", "lots"), "not an amount"),
        (("got", "Shop", "gift"), "invalid choice"),
        (("org", "add", "   "), "name"),
        (("org", "add", "x" * 10_000), "too long"),
        (("org", "add", "Shop"), "already has"),
        (("give", "Shop", "Name", "--detail", "d" * 10_000), "too long"),
    ],
)
def test_bad_input_exit_2_one_line_nothing_written(capsys, vault_dir, args, words) -> None:
    quid(capsys, vault_dir, "org", "add", "Shop")
    before = quid(capsys, vault_dir, "org", "show", "Shop", "--json")[1]
    with pytest.raises(SystemExit) as exited:  # argparse's own errors exit
        raise SystemExit(main(["--data-dir", vault_dir, *args]))
    err = capsys.readouterr().err
    assert words.lower() in one_line_error(int(exited.value.code or 0), err).lower()
    assert quid(capsys, vault_dir, "org", "show", "Shop", "--json")[1] == before
    assert len(json.loads(quid(capsys, vault_dir, "org", "list", "--json")[1])) == 1


def test_profile_set(capsys, vault_dir) -> None:
    code, _, _ = quid(capsys, vault_dir, "profile", "set", "--name", "Jan de Vries",
                      "--email", "jan@example.org", "--email", "j@example.org",
                      "--country", "nl")  # fmt: skip
    assert code == 0
    shown = json.loads(quid(capsys, vault_dir, "profile", "show", "--json")[1])
    assert shown["emails"] == ["jan@example.org", "j@example.org"] and shown["country"] == "NL"
    code, _, err = quid(capsys, vault_dir, "profile", "set", "--country", "Holland")
    one_line_error(code, err)


def test_directory_search_and_add_from_directory(capsys, vault_dir) -> None:
    code, out, _ = quid(capsys, vault_dir, "directory", "search", "bol.com", "--json")
    hits = json.loads(out)
    assert code == 0 and hits and "bol.com" in hits[0]["domains"]
    code, out, _ = quid(capsys, vault_dir, "org", "add", "--from-directory", hits[0]["slug"],
                        "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["id"] == 1
    shown = json.loads(quid(capsys, vault_dir, "org", "show", "1", "--json")[1])
    assert shown["directory_slug"] == hits[0]["slug"]
    code, _, err = quid(capsys, vault_dir, "org", "add", "--from-directory", "no-such-slug")
    one_line_error(code, err)


def test_added_from_directory_in_the_persons_country(capsys, vault_dir) -> None:
    """Blendle serves Germany and the Netherlands; a Dutch person's copy is Dutch."""
    assert quid(capsys, vault_dir, "profile", "set", "--name", "Jan", "--country", "NL")[0] == 0
    assert quid(capsys, vault_dir, "org", "add", "--from-directory", "blendle")[0] == 0
    shown = json.loads(quid(capsys, vault_dir, "org", "show", "1", "--json")[1])
    assert shown["country"] == "NL"


def test_demo_loads_once(capsys, vault_dir) -> None:
    code, out, _ = quid(capsys, vault_dir, "demo")
    assert code == 0 and "organisations" in out
    assert len(json.loads(quid(capsys, vault_dir, "org", "list", "--json")[1])) >= 20
    code, _, err = quid(capsys, vault_dir, "demo")
    one_line_error(code, err)


def test_assess_all_and_one(capsys, vault_dir) -> None:
    quid(capsys, vault_dir, "org", "add", "Het Dagblad")
    quid(capsys, vault_dir, "give", "Het Dagblad", "BirthDate", "--required", "--unnecessary")
    quid(capsys, vault_dir, "org", "add", "Belastingdienst")
    code, out, _ = quid(capsys, vault_dir, "assess", "--json")
    result = json.loads(out)
    assert code == 0 and result[0]["organisation"] == "Het Dagblad"
    worst = result[0]
    assert worst["band"] == "coerced"
    assert "coerced-consent" in {f["code"] for f in worst["flags"]}
    assert worst["score"] == sum(int(line.rsplit(": ", 1)[1]) for line in worst["explanation"])
    code, out, _ = quid(capsys, vault_dir, "assess", "belastingdienst")
    assert code == 0 and "Belastingdienst" in out and "Het Dagblad" not in out
    code, _, err = quid(capsys, vault_dir, "assess", "nobody")
    one_line_error(code, err)
