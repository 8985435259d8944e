"""The assessment settings: weights and per-category values, saved in the vault, reset."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.assessment import Weights
from app.services.assessment import AssessmentService
from app.storage.header import KeyMode
from app.storage.vault import create_vault
from app.ui.assessment_settings import AssessmentSettingsDialog


def test_change_save_and_reset(qtbot, paths):
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        service = AssessmentService(vault.conn)
        dialog = AssessmentSettingsDialog(service)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.inputs["shared"].value() == Weights().shared
        dialog.inputs["shared"].setValue(2.5)
        model = dialog.values_model
        row = next(i for i, c in enumerate(model.categories) if c.key == "EmailAddress")
        assert model.setData(model.index(row, 3), "12,50", Qt.ItemDataRole.EditRole)
        assert not model.setData(model.index(row, 3), "lots", Qt.ItemDataRole.EditRole)
        dialog.values_filter.setText("email")
        assert not dialog.values_view.isRowHidden(row)
        dialog.save()
        assert service.weights().shared == 2.5
        assert service.category_values() == {"EmailAddress": 1250}

        again = AssessmentSettingsDialog(service)
        qtbot.addWidget(again)
        assert again.inputs["shared"].value() == 2.5
        again.reset()
        again.save()
        assert service.weights() == Weights() and service.category_values() == {}


def test_inconsistent_ratios_are_refused(qtbot, paths, monkeypatch):
    from app.ui import assessment_settings

    told = []
    monkeypatch.setattr(assessment_settings, "tell", lambda *a, **k: told.append(a[2]))
    vault, _ = create_vault(paths, KeyMode.KEYRING)
    with vault:
        service = AssessmentService(vault.conn)
        dialog = AssessmentSettingsDialog(service)
        qtbot.addWidget(dialog)
        dialog.inputs["questionable_ratio"].setValue(5.0)
        dialog.save()
        assert told and service.weights() == Weights()
