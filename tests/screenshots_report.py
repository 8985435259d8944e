"""`python -m tests.screenshots_report OUTDIR`: the privacy-footprint report of the example
ledger (with a few requests, one of them overdue) as PDF and HTML, the PDF's pages rendered to
PNG with `pdftoppm` (poppler-utils), and the HTML as a browser shows it when Chromium or
Firefox is installed (for looking only; no test needs a browser). Offscreen, in a throw-away
vault."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BROWSER_SIZE, LONG_SIZE = (1280, 1800), (1280, 7200)


def build(out: Path) -> tuple[Path, Path]:
    import keyring

    from app.paths import AppPaths
    from app.render.report_html import write_report_html
    from app.render.report_pdf import write_report_pdf
    from app.services.example_ledger import load_example_ledger
    from app.services.ledger import Ledger
    from app.services.requests import RequestService
    from app.storage.header import KeyMode
    from app.storage.vault import create_vault
    from tests.support.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    pdf, html = out / "report.pdf", out / "report.html"
    with tempfile.TemporaryDirectory() as tmp:
        vault, _ = create_vault(AppPaths.resolve(tmp), KeyMode.KEYRING)
        with vault:
            ledger = Ledger(vault.conn)
            load_example_ledger(ledger)
            requests = RequestService(vault.conn)
            for org, kind, days_ago in (("Facebook", "erasure", 70), ("FitTrack (fictional)",
                                        "access", 12)):  # fmt: skip
                rid = requests.create_draft(ledger.resolve(org), kind, "en", kind, "Dear …")
                requests.mark_sent(rid, date.today() - timedelta(days=days_ago))
            write_report_pdf(vault.conn, pdf)
            write_report_html(vault.conn, html)
    return pdf, html


def pdf_pages(pdf: Path, out: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): no page images")
        return []
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(out / "pdf-page")], check=True)
    return sorted(out.glob("pdf-page-*.png"))


def html_shots(html: Path, out: Path) -> list[Path]:
    """The top of the page as a browser window shows it, and a long strip further down."""
    chromium = next((b for b in ("chromium", "chromium-browser", "google-chrome")
                     if shutil.which(b)), None)  # fmt: skip
    shots = []
    for name, (width, height) in (("html.png", BROWSER_SIZE), ("html-long.png", LONG_SIZE)):
        target = out / name
        if chromium:
            command = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                       "--hide-scrollbars", f"--window-size={width},{height}",
                       f"--screenshot={target}", html.as_uri()]  # fmt: skip
        elif shutil.which("firefox"):
            command = ["firefox", "--headless", "--window-size", f"{width},{height}",
                       "--screenshot", str(target), html.as_uri()]  # fmt: skip
        else:
            print("no Chromium or Firefox: no picture of the HTML")
            return []
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        shots.append(target)
    return shots


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    pdf, html = build(out)
    for shot in [*pdf_pages(pdf, out), *html_shots(html, out)]:
        print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots_report")))
