"""An export interrupted by a crash or a kill leaves hidden temp files beside its target,
holding unencrypted data the person cannot see; the next export of that file removes them."""

from __future__ import annotations

from pathlib import Path

from app.services.export_files import atomic_output


def test_leftovers_of_an_interrupted_export_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "quid-ledger.json"
    leftovers = [tmp_path / ".quid-ledger.json.k3j9x.tmp", tmp_path / ".quid-ledger.json.a1.old"]
    for leftover in leftovers:
        leftover.write_text("plaintext of an earlier, interrupted export")
    unrelated = [tmp_path / ".other.json.k3j9x.tmp", tmp_path / "quid-ledger.json.tmp"]
    for other in unrelated:
        other.write_text("not ours")
    with atomic_output(target) as handle:
        handle.write(b"{}")
    assert target.read_bytes() == b"{}"
    assert not any(leftover.exists() for leftover in leftovers)
    assert all(other.exists() for other in unrelated), "only this export's own leftovers"
