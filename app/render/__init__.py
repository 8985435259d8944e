"""Letters and reports to PDF and images, with QtGui only (never QtWidgets).

Modules here paint with `QPainter` on `QPdfWriter`/`QImage`, so they need a `QGuiApplication`
(or `QApplication`) to exist, but no window, no widget and no display server: they work under
`QT_QPA_PLATFORM=offscreen`. Import the module you need (`app.render.letter_pdf`); this package
imports nothing itself.
"""
