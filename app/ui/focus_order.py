"""Tab order fixes that depend on how the style lays things out."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QWidget


def tab_buttons_left_to_right(box: QDialogButtonBox) -> None:
    """Tab through a button box's buttons as they appear, left to right. The box places them
    by role for the platform (Restore Defaults or extra actions on the left) but Tab follows
    the order they were added in, so it would jump back and forth along the row."""
    layout = box.layout()
    if layout is None:
        return
    items = [layout.itemAt(i) for i in range(layout.count())]
    widgets = [item.widget() for item in items if item is not None]
    ordered = [w for w in widgets if isinstance(w, QAbstractButton)]
    previous: QWidget = box  # a box's children come right after it in the focus chain
    for button in ordered:
        QWidget.setTabOrder(previous, button)
        previous = button
