"""The main window's menus and the actions behind the File menu's import, export and backup
items. Kept apart from the window so each stays readable; the flows themselves live in their
own modules and are imported only when first used (start-up stays fast)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from app.storage.header import KeyMode
from app.ui.formatting import tr
from app.ui.icons import set_menu_icons

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    act = window._action
    file_menu = window.menuBar().addMenu(tr("&File"))
    window.add_org_action = act(
        tr("&Add Organisation…"), window.add_organisation, QKeySequence.StandardKey.New
    )
    window.profile_action = act(tr("Your &Profile…"), window.edit_profile)
    file_menu.addAction(window.add_org_action)
    file_menu.addAction(window.profile_action)
    file_menu.addSeparator()
    import_menu = file_menu.addMenu(tr("&Import"))
    window.import_passwords_action = act(
        tr("From a &Password Manager Export…"), lambda: import_passwords(window), "Ctrl+I"
    )
    window.import_json_action = act(tr("Quid &Ledger (JSON)…"), lambda: import_json(window))
    import_menu.addAction(window.import_passwords_action)
    import_menu.addAction(window.import_json_action)
    export_menu = file_menu.addMenu(tr("&Export"))
    window.report_pdf_action = act(
        tr("Privacy Footprint &Report (PDF)…"), lambda: export(window, "report-pdf"), "Ctrl+P"
    )
    window.report_html_action = act(
        tr("Privacy Footprint Report (&HTML)…"), lambda: export(window, "report-html")
    )
    window.filtered_report_action = act(
        tr("Report of the &Filtered Organisations (PDF)…"),
        lambda: export(window, "report-pdf", filtered=True),
    )
    window.csv_action = act(tr("&Spreadsheet Tables (CSV)…"), lambda: export(window, "csv"))
    window.json_action = act(tr("Full Ledger (&JSON)…"), lambda: export(window, "json"))
    window.receipts_action = act(tr("&Consent Records (JSON)…"), lambda: export(window, "receipts"))
    window.ics_action = act(tr("&Due Dates (iCalendar)…"), lambda: window.shell.export_due_dates())
    for action in (
        window.report_pdf_action,
        window.report_html_action,
        window.filtered_report_action,
    ):
        export_menu.addAction(action)
    export_menu.addSeparator()
    for action in (
        window.csv_action,
        window.json_action,
        window.receipts_action,
        window.ics_action,
    ):
        export_menu.addAction(action)  # fmt: skip
    file_menu.addSeparator()
    window.backup_action = act(tr("&Back Up…"), lambda: back_up(window), "Ctrl+Shift+B")
    window.restore_action = act(tr("&Restore from Backup…"), lambda: restore(window))
    file_menu.addAction(window.backup_action)
    file_menu.addAction(window.restore_action)
    file_menu.addSeparator()
    window.lock_action = act(tr("&Lock"), window.session.lock, "Ctrl+L")
    window.passphrase_action = act(tr("Change &Passphrase…"), window.change_passphrase)
    window.key_storage_action = act(tr("&Key Storage…"), window.key_storage)
    window.quit_action = act(tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(window.lock_action)
    file_menu.addSeparator()
    file_menu.addAction(window.passphrase_action)
    file_menu.addAction(window.key_storage_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    _build_edit_view_help(window)
    set_menu_icons(window)  # ~4 ms; each icon is rendered only when its menu first opens
    update_actions(window)


def _build_edit_view_help(window: MainWindow) -> None:
    act = window._action
    edit_menu = window.menuBar().addMenu(tr("&Edit"))
    stack = window.shell.ledger_actions.undo_stack
    window.undo_action = stack.createUndoAction(window, tr("&Undo"))
    window.redo_action = stack.createRedoAction(window, tr("&Redo"))
    window._shortcuts.append((window.undo_action, QKeySequence(QKeySequence.StandardKey.Undo)))
    window._shortcuts.append((window.redo_action, QKeySequence("Ctrl+Shift+Z")))
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    window.weights_action = act(tr("&Assessment Settings…"), window.shell.open_assessment_settings)
    edit_menu.addAction(window.weights_action)
    view_menu = window.menuBar().addMenu(tr("&View"))
    for number, title in enumerate((tr("&Overview"), tr("O&rganisations"), tr("Re&quests"))):
        view_menu.addAction(
            act(title, lambda _=False, n=number: window.shell.show_page(n), f"Ctrl+{number + 1}")
        )
    window.preferences_action = act(
        tr("&Preferences…"), window.preferences, QKeySequence.StandardKey.Preferences
    )
    window.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    edit_menu.addAction(window.preferences_action)
    help_menu = window.menuBar().addMenu(tr("&Help"))
    about = act(tr("&About Quid"), window.about)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(about)


#: Actions that need an unlocked vault (the rest — view, about, quit — always work).
VAULT_ACTIONS = (
    "add_org_action", "profile_action", "import_passwords_action", "import_json_action",
    "report_pdf_action", "report_html_action", "filtered_report_action", "csv_action",
    "json_action", "receipts_action", "ics_action", "backup_action", "restore_action",
    "lock_action", "key_storage_action", "weights_action", "preferences_action",
)  # fmt: skip


def update_actions(window: MainWindow) -> None:
    unlocked = window.session.is_unlocked
    for name in VAULT_ACTIONS:
        getattr(window, name).setEnabled(unlocked)
    window.passphrase_action.setEnabled(unlocked and window.session.mode is KeyMode.PASSPHRASE)


# --- the flows (imported on first use) ----------------------------------------------------
def import_passwords(window: MainWindow) -> None:
    from app.ui.password_import import start_password_import

    if window.session.is_unlocked:
        window.shell.show_page(1)
        start_password_import(
            window, window.session, window.shell.ledger_actions, lambda _result: None
        )


def import_json(window: MainWindow) -> None:
    from app.ui.export_flow import import_ledger_json

    if window.session.is_unlocked:
        import_ledger_json(window, window.session, window.shell.reload_after_import)


def export(window: MainWindow, kind: str, *, filtered: bool = False) -> None:
    from app.ui.export_flow import run_export

    if not window.session.is_unlocked:
        return
    org_ids = window.shell.filtered_organisation_ids() if filtered else None
    if filtered and not org_ids:
        from app.ui.widgets import tell

        tell(
            window,
            tr("No filter set"),
            tr(
                "This report covers the organisations the Organisations page shows. Set a "
                "filter there first (for example Balance: Coerced), or export the report of "
                "the whole ledger."
            )
            if org_ids is None
            else tr("The filter on the Organisations page shows no organisations."),
        )
        window.shell.show_page(1)
        return
    run_export(window, window.session, kind, org_ids)


def back_up(window: MainWindow) -> None:
    from app.ui.backup_dialogs import back_up_now

    if window.session.is_unlocked:
        back_up_now(window, window.session)


def restore(window: MainWindow) -> None:
    from app.ui.backup_dialogs import restore_from_file

    if window.session.is_unlocked:
        restore_from_file(window, window.session, lambda: None)  # reopening reloads the views
