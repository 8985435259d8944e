"""With the Dutch UI the assessment speaks Dutch too: the organisation detail of a coerced
organisation shows the reasons and actions in Dutch, with the Dutch category labels, and the
Overview's worst list shows Dutch reasons."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.domain.assessment import Band
from app.paths import AppPaths
from app.services.example_ledger import load_example_ledger
from app.services.ledger import Ledger
from app.storage.header import KeyMode
from app.storage.vault import create_vault

ENGLISH_WORDS = (" they ", " the ", " and ", "They ", "Withdraw your consent", "Art. 7(4)")


def _coerced_organisation(controller, paths: AppPaths):  # type: ignore[no-untyped-def]
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        load_example_ledger(Ledger(vault.conn))
    controller.start()
    assert controller.session.is_unlocked
    shell = controller.window.shell
    shell.refresh_assessments()
    coerced = [a for a in shell._assessed.values() if a.assessment.band is Band.COERCED]
    assert coerced, "the example ledger has coerced organisations"
    facebook = next(a for a in coerced if a.name == "Facebook")
    shell.open_organisation(facebook.org_id)
    return shell, facebook


def test_detail_of_a_coerced_organisation_is_dutch(  # type: ignore[no-untyped-def]
    dutch, qtbot, controller, paths, memory_keyring
) -> None:
    shell, facebook = _coerced_organisation(controller, paths)
    detail = shell.organisations.detail
    qtbot.waitUntil(lambda: detail.org_id == facebook.org_id, timeout=3000)
    reasons = detail.reasons.text()
    assert "Ze eisten Geboortedatum, hoewel de dienst het niet nodig heeft" in reasons
    assert "art. 7 lid 4 AVG" in reasons
    assert "Trek je toestemming in" in reasons
    assert "Ze delen Interesses en Surfgedrag met derden." in reasons
    assert [w for w in ENGLISH_WORDS if w in reasons] == []
    # the Overview's list of the worst organisations shows the Dutch reason too
    shown = [label.text() for label in shell.overview.findChildren(QLabel)]
    assert any(text.startswith("Ze eisten") for text in shown)
    assert not any(text.startswith("They required") for text in shown)


def test_detail_stays_english_in_the_english_ui(  # type: ignore[no-untyped-def]
    english, qtbot, controller, paths, memory_keyring
) -> None:
    shell, facebook = _coerced_organisation(controller, paths)
    detail = shell.organisations.detail
    qtbot.waitUntil(lambda: detail.org_id == facebook.org_id, timeout=3000)
    reasons = detail.reasons.text()
    assert "They required Birth Date although the service does not need it" in reasons
    assert "Ze eisten" not in reasons
