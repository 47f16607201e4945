"""Screenshots of the till's main states, as a volunteer sees them, into docs/screenshots/.

    python tools/screenshots.py                       # 1366x768, English and French
    python tools/screenshots.py --size 1280x720 --lang fr --out /tmp/shots

Runs offscreen on a screen of the given size (Qt's offscreen platform with a screen
configuration), on a fresh demo hub in a temporary folder, driving the real window through
its keys and object names. Each PNG is the whole screen, dialogs included, reduced to a
small palette so the files stay small enough to commit.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def screen_platform(width: int, height: int, folder: Path) -> str:
    """A QT_QPA_PLATFORM value for an offscreen screen of ``width`` x ``height``."""
    config = folder / f"screen-{width}x{height}.json"
    config.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": False,
                "windowFrameMargins": False,
                "screens": [
                    {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "dpr": 1}
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    return f"offscreen:configfile={config}"


def states() -> list[tuple[str, Callable[..., object]]]:
    """(name, step) pairs; each step drives the window from where the last one left it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    def settle() -> None:
        for _ in range(5):
            QApplication.processEvents()
        QTest.qWait(60)

    def scan(window, code: str) -> None:
        window.cancel_checkout()
        field = window.findChild(QLineEdit, "scanInput")
        field.setFocus()
        QTest.keyClicks(field, code)
        QTest.keyClick(field, Qt.Key.Key_Return)
        settle()

    def number(window, where: str) -> str:
        return str(window.services.store.scalar(f"SELECT number FROM orders o WHERE {where}"))

    lines = "(SELECT COUNT(*) FROM line_items l WHERE l.order_id = o.id)"

    def idle(window) -> None:
        window.cancel_checkout()

    def several(window) -> None:
        window.cancel_checkout()
        field = window.findChild(QLineEdit, "scanInput")
        QTest.keyClicks(field, "connor")
        QTest.keyClick(field, Qt.Key.Key_Return)
        settle()

    def paid_with_note(window) -> None:
        scan(window, number(window, f"payment_state='paid' AND special_instructions != ''"
                                    f" AND {lines} BETWEEN 3 AND 8 ORDER BY id"))  # fmt: skip

    def due(window) -> None:
        scan(window, number(window, f"payment_state='balance_due' AND {lines} BETWEEN 3 AND 6"
                                    " ORDER BY id"))  # fmt: skip

    def many_lines(window) -> None:
        scan(window, number(window, f"payment_state='balance_due' AND {lines} >= 15 ORDER BY id"))

    def missing_credit(window) -> None:
        scan(window, number(window, f"payment_state='paid' AND special_instructions != ''"
                                    f" AND {lines} >= 15 ORDER BY id"))  # fmt: skip
        field = window.findChild(QLineEdit, "scanInput")
        QTest.keyClick(field, Qt.Key.Key_Down)  # into the lines
        view = QApplication.focusWidget()
        QTest.keyClick(view, Qt.Key.Key_M)
        QTest.qWait(200)
        QTest.keyClick(view, Qt.Key.Key_Down)
        QTest.keyClick(view, Qt.Key.Key_Minus)
        settle()

    def handed_over(window) -> None:
        if window.services.till.current() is None:
            window.services.till.open("Zoë", 5000)
            window.refresh_status()
        scan(window, number(window, "payment_state='balance_due' AND id NOT IN"
                                    " (SELECT order_id FROM checkouts WHERE order_id IS NOT NULL)"
                                    " ORDER BY id LIMIT 1 OFFSET 3"))  # fmt: skip
        amount = window.findChild(QLineEdit, "amountTendered")
        due = window.draft.handover().amount_due
        QTest.keyClicks(amount, str((due // 1000 + 1) * 10))  # the next £10 note
        QTest.keyClick(amount, Qt.Key.Key_Return)
        settle()

    def collected_again(window) -> None:
        checkout_order = window.services.store.scalar(
            "SELECT o.number FROM checkouts c JOIN orders o ON o.id = c.order_id LIMIT 1"
        )
        scan(window, str(checkout_order))

    def walk_in(window) -> None:
        window.cancel_checkout()
        window.open_walk_in()
        settle()

    def close_dialog(window) -> None:
        QApplication.activeModalWidget().reject() if QApplication.activeModalWidget() else None
        settle()

    def till(window) -> None:
        close_dialog(window)
        window.open_till()
        settle()

    def undo(window) -> None:
        close_dialog(window)
        window.open_undo()
        settle()

    def open_till(window) -> None:
        close_dialog(window)
        till = window.services.till
        if till.current() is not None:
            till.close(till.expected_cash(), closed_by="screenshots")
            window.refresh_status()
        window.open_till()
        settle()

    return [
        ("01_idle", idle),
        ("02_search_several_matches", several),
        ("03_paid_order_with_note", paid_with_note),
        ("04_amount_due", due),
        ("05_fifteen_lines", many_lines),
        ("06_missing_item_credit", missing_credit),
        ("07_handed_over_with_change", handed_over),
        ("08_already_collected", collected_again),
        ("09_walk_in_sale", walk_in),
        ("10_till_cash_and_close", till),
        ("11_undo", undo),
        ("12_open_the_till", open_till),
    ]


def shoot(out: Path, lang: str, size: tuple[int, int]) -> list[Path]:
    """In this process (already on the right platform): drive the states, save PNGs."""
    from PIL import Image
    from PySide6.QtWidgets import QApplication

    from pos.app import create_window
    from pos.services.demo import write_demo

    work = Path(tempfile.mkdtemp(prefix="foodhub-shots-"))
    db = write_demo(work / "hub.sqlite", orders=180, seed=1)
    window = create_window(db)
    window.show()
    QApplication.processEvents()
    saved = []
    try:
        for name, step in states():
            try:
                step(window)
            except Exception as exc:  # a state that cannot be reached: say so, keep going
                print(f"{name}: skipped ({exc})", file=sys.stderr)
                continue
            QApplication.processEvents()
            target = out / f"{lang}_{size[0]}x{size[1]}_{name}.png"
            screen = QApplication.primaryScreen()
            screen.grabWindow(0).save(str(target))
            image = Image.open(target).convert("RGB")
            image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(target, optimize=True)
            saved.append(target)
    finally:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.reject()
        window.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="en,fr")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        for path in shoot(out, os.environ["FOODHUB_POS_LANG"], (width, height)):
            print(path)
        sys.stdout.flush()
        os._exit(0)  # skip interpreter teardown of Qt objects: nothing is left to save
    status = 0
    for lang in args.lang.split(","):
        with tempfile.TemporaryDirectory(prefix="foodhub-shots-home-") as home:
            env = dict(os.environ, FOODHUB_POS_LANG=lang)
            env["QT_QPA_PLATFORM"] = screen_platform(width, height, Path(home))
            for part in ("DATA", "CONFIG", "LOG"):
                env[f"FOODHUB_POS_{part}_DIR"] = str(Path(home) / part.lower())
            done = subprocess.run(
                [sys.executable, __file__, "--child", "--out", str(out), "--size", args.size],
                env=env, cwd=ROOT, check=False,
            )  # fmt: skip
            status = status or done.returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
