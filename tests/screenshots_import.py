"""`python -m tests.screenshots_import OUTDIR`: screenshots of the password-export import
(the preview, its skipped rows, the column mapping, the reminder), offscreen, on the example
ledger in a throw-away vault, with a realistic 40-login Bitwarden export."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HEADER = (
    "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
    "login_password,login_totp"
)
ME, WORK = "jan.devries@example.nl", "j.devries@example.com"
# (folder, name, address, username); every password is the same made-up text
LOGINS = [
    ("Shopping", "bol.com", "https://www.bol.com/nl/rnwy/account/", ME),
    ("Shopping", "Coolblue", "https://www.coolblue.nl/mijn-coolblue", ME),
    ("Shopping", "Zalando", "https://www.zalando.nl/myaccount/", ME),
    ("Shopping", "Marktplaats", "https://www.marktplaats.nl/account/", "jdv_ams"),
    ("Shopping", "Amazon", "https://www.amazon.nl/ap/signin", ME),
    ("Shopping", "Thuisbezorgd", "https://www.thuisbezorgd.nl/", ME),
    ("Media", "Netflix", "https://www.netflix.com/login", ME),
    ("Media", "Spotify", "https://accounts.spotify.com/en/login", ME),
    ("Media", "YouTube", "https://www.youtube.com/", ME),
    ("Media", "Google", "https://accounts.google.com/", ME),
    ("Media", "Gmail (work)", "https://mail.google.com/", WORK),
    ("Social", "Instagram", "https://www.instagram.com/", "jandevries_ams"),
    ("Social", "Instagram (photo account)", "https://instagram.com/accounts/login", "jdv.photos"),
    ("Social", "Reddit", "https://www.reddit.com/login/", "jdv_reddit"),
    ("Social", "Mastodon", "https://mastodon.social/auth/sign_in", ME),
    ("Travel", "NS", "https://www.ns.nl/mijnns", ME),
    ("Travel", "KLM", "https://www.klm.nl/profile", ME),
    ("Travel", "Airbnb", "https://www.airbnb.nl/login", ME),
    ("Travel", "Booking.com", "https://account.booking.com/sign-in", ME),
    ("Work", "GitHub", "https://github.com/login", "jdevries-dev"),
    ("Work", "GitLab", "https://gitlab.com/users/sign_in", "jdevries-dev"),
    ("Work", "Slack", "https://acme-team.slack.com/", WORK),
    ("Work", "Microsoft", "https://login.live.com/", WORK),
    ("Work", "Dropbox", "https://www.dropbox.com/login", WORK),
    ("Money", "PayPal", "https://www.paypal.com/signin", ME),
    ("Money", "ING", "https://mijn.ing.nl/login/", "jdevries1984"),
    ("Money", "Tikkie", "https://tikkie.me/", ME),
    ("Home", "Vattenfall", "https://www.vattenfall.nl/mijnvattenfall/", ME),
    ("Home", "Ziggo", "https://www.ziggo.nl/mijn-ziggo", ME),
    ("Home", "Fietsenwinkel Van Dam", "https://www.fietsenwinkel-vandam.nl/account", ME),
    ("Home", "Boekenclub Zuid", "https://boekenclub-zuid.nl/leden", "jan_leest"),
    ("Hobby", "Knitting forum", "https://forum.tinyhobby.nl/login", "knitter42"),
    ("Hobby", "Sportclub", "https://mijn.sportclub-ams.nl/", ME),
    ("Hobby", "Strava", "https://www.strava.com/login", ME),
    ("Gov", "DigiD", "https://digid.nl/inloggen", "jdevries84"),
]
SKIPPED = [
    ("Home", "Router", "http://192.168.1.1/", "admin"),
    ("Home", "NAS", "http://nas.local:5000/", "jan"),
    ("Work", "Team wiki", "http://wiki/", "jdevries"),
    ("Money", "Bank app", "androidapp://com.example.bank", ME),
    ("", "Passport number", "", ""),
]


def bitwarden_export(path: Path) -> Path:
    lines = [HEADER]
    for folder, name, url, user in LOGINS + SKIPPED:
        kind = "1" if url else "2"
        lines.append(f"{folder},,{kind},{name},,,0,{url},{user},not-a-real-password-1!,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def unknown_export(path: Path) -> Path:
    rows = ["Account,Web site,Login,Passphrase,Memo,Since"]
    rows += [f"{name},{url},{user},secret-{i},private memo,2019-0{1 + i % 9}-1{i % 9}"
             for i, (_folder, name, url, user) in enumerate(LOGINS[:8])]  # fmt: skip
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def wait_until(condition: Callable[[], object], timeout_ms: int = 20000) -> None:
    from PySide6.QtTest import QTest

    waited = 0
    while not condition():
        if waited > timeout_ms:
            raise TimeoutError("the import did not get there in time")
        QTest.qWait(50)
        waited += 50


def main(out: Path) -> int:
    import keyring
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from app.paths import AppPaths
    from app.services.example_ledger import load_example_ledger
    from app.services.ledger import Ledger
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault
    from app.ui.application import Controller, QuidApplication
    from app.ui.column_mapping import ColumnMappingDialog
    from app.ui.import_preview import ImportPreviewDialog
    from app.ui.password_import import PasswordImport, start_password_import
    from tests.support.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    out.mkdir(parents=True, exist_ok=True)
    app = QuidApplication([])

    def visible(cls: type[QWidget]) -> QWidget | None:
        found = [w for w in app.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
        return found[0] if found else None

    def shot(widget: QWidget, name: str) -> None:
        QTest.qWait(300)  # let layouts settle
        widget.grab().save(str(out / f"{name}.png"))

    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.resolve(tmp)
        vault, _ = create_vault(paths, KeyMode.KEYRING)
        with vault:
            load_example_ledger(Ledger(vault.conn))
        controller = Controller(paths)
        controller.start()
        window = controller.window
        window.resize(1280, 800)
        actions = window.shell.ledger_actions
        session = controller.session

        export = bitwarden_export(Path(tmp) / "bitwarden_export_20261130.csv")
        start_password_import(window, session, actions, lambda _r: None, export)
        wait_until(lambda: visible(ImportPreviewDialog))
        preview = visible(ImportPreviewDialog)
        assert isinstance(preview, ImportPreviewDialog)
        model = preview.model
        for row in range(model.rowCount()):
            org = model.org_at(row)
            if org.name.startswith(("Google", "Instagram", "Fietsenwinkel")):
                preview.tree.expand(model.index(row, 0))
            if "tinyhobby.nl" in org.domains:
                model.setData(model.index(row, 0), Qt.CheckState.Unchecked,
                              Qt.ItemDataRole.CheckStateRole)  # fmt: skip
        shot(preview, "import_preview")
        preview.tabs.setCurrentIndex(1)
        shot(preview, "import_preview_skipped")
        preview.tabs.setCurrentIndex(0)
        preview.filter.setText("example.com")
        preview.apply_filter()
        preview.tree.expandAll()
        shot(preview, "import_preview_filtered")
        preview.filter.clear()
        preview.apply_filter()
        preview.accept()
        wait_until(lambda: visible(QMessageBox))
        box = visible(QMessageBox)
        assert box is not None
        shot(box, "import_reminder")
        box.reject()
        wait_until(lambda: not PasswordImport.running)
        shot(window, "import_done_organisations")

        other = unknown_export(Path(tmp) / "passwords.csv")
        start_password_import(window, session, actions, lambda _r: None, other)
        wait_until(lambda: visible(ColumnMappingDialog))
        mapping = visible(ColumnMappingDialog)
        assert mapping is not None
        shot(mapping, "import_mapping")
        mapping.reject()
        wait_until(lambda: not PasswordImport.running)
        session.lock()
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
