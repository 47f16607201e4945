"""The "Print lists" dialog: reached from the File menu, writes PDFs without blocking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pos.domain.settings import LISTS_PAPER
from pos.ui.lists_dialog import ListsDialog


def _dialog(window) -> ListsDialog:
    action = window.findChild(type(window.menuBar().actions()[0]), "printListsAction")
    assert action is not None
    action.trigger()
    dialogs = window.findChildren(ListsDialog, "listsDialog")
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    action.trigger()  # a second click brings the same dialog forward
    assert window.findChildren(ListsDialog, "listsDialog") == dialogs
    return dialogs[0]


def test_make_one_sheet_from_the_menu(qtbot, window, tmp_path: Path) -> None:
    dialog = _dialog(window)
    dialog.findChild(type(dialog.kind), "listsKind").setCurrentIndex(dialog.kind.findData("sheet"))
    dialog.pickup.setCurrentIndex(dialog.pickup.findData(63))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.folder.setText(str(tmp_path / "lists"))
    assert not dialog.producer.isEnabled()  # the sheet is per pickup point, not producer
    assert "no names" in dialog.findChild(type(dialog.status), "listsPrivacy").text()
    with qtbot.waitSignal(dialog.generated, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    (written,) = blocker.args[0]
    assert Path(written) == tmp_path / "lists" / "oc987-sheet-63-zoe-s-cafe-market-street.pdf"
    assert Path(written).read_bytes().startswith(b"%PDF")
    assert dialog.open_button.isEnabled()
    assert dialog.result_url().toLocalFile() == written
    assert "1 PDF" in dialog.status.text()
    # remembered for next time
    assert window.services.store.settings.get(LISTS_PAPER) == "letter"


def test_the_till_keeps_working_while_pdfs_are_made(qtbot, window, tmp_path: Path) -> None:
    dialog = _dialog(window)
    dialog.folder.setText(str(tmp_path))
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert dialog.busy and not dialog.generate_button.isEnabled()
    # the GUI thread is free: a search in the main window answers at once
    window.scan_input.setText("C1005")
    assert window.model.rowCount() == 1
    qtbot.waitUntil(lambda: not dialog.busy, timeout=120_000)
    assert len(dialog.written) > 20
    assert all(Path(p).is_file() for p in dialog.written)
    assert dialog.generate_button.isEnabled()


def test_a_folder_that_cannot_be_made_is_reported(qtbot, window, tmp_path: Path) -> None:
    blocker_file = tmp_path / "file"
    blocker_file.write_text("x")
    dialog = _dialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("pack-product"))
    dialog.folder.setText(str(blocker_file / "sub"))
    with qtbot.waitSignal(dialog.generation_failed, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert "Cannot create the folder" in blocker.args[0]
    assert "could not be made" in dialog.status.text()
    assert dialog.generate_button.isEnabled()


def test_labels_start_at_the_first_free_sticker(qtbot, window, tmp_path: Path) -> None:
    import re

    from pypdf import PdfReader

    dialog = _dialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("labels"))
    dialog.pickup.setCurrentIndex(dialog.pickup.findData(61))
    assert dialog.first_label.isEnabled() and dialog.first_label.maximum() == 21
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    assert dialog.first_label.maximum() == 10  # Letter sheets hold 10 stickers
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.first_label.setValue(20)
    dialog.folder.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.generated, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    sheet = next(p for p in blocker.args[0] if p.endswith("labels-a4-pp61.pdf"))
    reader = PdfReader(sheet)
    first, second = (reader.pages[i].extract_text() for i in (0, 1))
    assert len(re.findall(r"R\d{9}", first)) == 2  # stickers 20 and 21 only
    assert len(re.findall(r"R\d{9}", second)) == 21


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_pdfs_are_made_in_worker_processes(qtbot, window, tmp_path: Path) -> None:
    from pos.services import processes

    dialog = _dialog(window)
    dialog.folder.setText(str(tmp_path))  # every document: 31 files
    for started in processes.warm_up():
        started.result(timeout=120)
    workers = [p.pid for p in processes.pool()._processes.values()]
    assert workers and os.getpid() not in workers
    gui_before = _cpu_seconds(os.getpid())
    work_before = sum(_cpu_seconds(pid) for pid in workers)
    with qtbot.waitSignal(dialog.generated, timeout=120_000) as blocker:
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    written = blocker.args[0]
    assert len(written) == 31 and all(Path(p).is_file() for p in written)
    assert len(PdfReader(tmp_path / "oc987-pack-customer.pdf").pages) > 5
    gui = _cpu_seconds(os.getpid()) - gui_before
    work = sum(_cpu_seconds(pid) for pid in workers) - work_before
    # the whole cycle was laid out over there; the GUI process only planned and waited
    assert work > 3 * gui, (work, gui)


def test_stop_ends_the_run_between_documents(qtbot, window, tmp_path: Path) -> None:
    dialog = _dialog(window)
    dialog.folder.setText(str(tmp_path))  # all documents: 31 files
    stop = dialog.findChild(QPushButton, "listsStopButton")
    assert stop is not None and not stop.isVisible()
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert stop.isVisible() and stop.isEnabled()
    with qtbot.waitSignal(dialog.cancelled, timeout=60_000) as blocker:
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    (written,) = blocker.args
    assert written < 31
    assert f"Stopped: {written} of 31 PDFs written." == dialog.status.text()
    assert not dialog.busy and dialog.generate_button.isEnabled() and not stop.isVisible()
    assert sorted(dialog.written) == sorted(
        str(p) for p in tmp_path.glob("*.pdf") if str(p) in dialog.written
    )
    # a new run after a stop makes the full set (in another folder: PDFs the stopped run
    # wrote, if it got that far, would bring the "replace them?" question first)
    qtbot.waitUntil(lambda: dialog.generate_button.isEnabled())
    dialog.folder.setText(str(tmp_path / "again"))
    with qtbot.waitSignal(dialog.generated, timeout=180_000) as blocker:
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    assert len(blocker.args[0]) == 31
    assert all(Path(p).read_bytes().startswith(b"%PDF") for p in blocker.args[0])


def test_pdfs_already_in_the_folder_are_replaced_only_after_asking(
    qtbot, window, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = _dialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("sheet"))
    dialog.pickup.setCurrentIndex(dialog.pickup.findData(63))
    dialog.folder.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.generated, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    (written,) = blocker.args[0]
    earlier = Path(written)
    earlier.write_bytes(b"the sheet printed this morning")

    def question() -> QMessageBox:
        def shown() -> list[QMessageBox]:
            boxes = dialog.findChildren(QMessageBox, "listsReplaceQuestion")
            return [b for b in boxes if b.isVisible()]

        qtbot.waitUntil(lambda: len(shown()) == 1)
        (box,) = shown()
        assert earlier.name in box.informativeText() and not dialog.busy
        assert box.defaultButton().objectName() == "listsKeepButton"
        return box

    # "Keep them": nothing is written
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    box = question()
    qtbot.mouseClick(box.findChild(QPushButton, "listsKeepButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was written" in dialog.status.text())
    assert earlier.read_bytes() == b"the sheet printed this morning"
    assert not dialog.busy and dialog.generate_button.isEnabled()

    # "Replace them": the run goes ahead
    qtbot.mouseClick(dialog.generate_button, Qt.MouseButton.LeftButton)
    box = question()
    with qtbot.waitSignal(dialog.generated, timeout=60_000) as blocker:
        qtbot.mouseClick(
            box.findChild(QPushButton, "listsReplaceButton"), Qt.MouseButton.LeftButton
        )
    assert blocker.args[0] == [written]
    assert earlier.read_bytes().startswith(b"%PDF")
