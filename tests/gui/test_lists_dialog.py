"""The "Print lists" dialog: reached from the File menu, writes PDFs without blocking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

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
