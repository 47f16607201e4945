"""The "Print lists" screen: choose documents, producer, pickup point and paper; write PDFs.

PDFs are made in worker processes (:mod:`pos.services.processes`), each reading the
database file itself, so the till's typing never waits for a 2,000-order cycle to be laid
out; a pool thread (:mod:`pos.ui.tasks`) only plans the run, waits and reports progress.
"Stop" ends the run between documents. PDFs already in the folder are never replaced
silently: the run first lists the files it would write and, when some are there, asks
(nothing is written until the person says "Replace them"). When they are ready the folder
(or the single file) can be opened in the system's viewer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos import messages, paths
from pos.domain.settings import LISTS_FOLDER, LISTS_PAPER
from pos.errors import KnownError
from pos.services import processes
from pos.services.context import Services
from pos.services.lists import KINDS, Cancelled, ListRequest, labels_per_sheet
from pos.ui import tasks
from pos.ui.widgets import fit_to_screen, named

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AlreadyThere:
    """The run would replace these files: nothing was written, the person is asked first."""

    paths: tuple[Path, ...]


def _write_lists(
    services: Services,
    request: ListRequest,
    folder: Path,
    progress: Callable[[int, int, str], None],
    cancel: threading.Event,
    replace: bool,
) -> list[str] | AlreadyThere:
    """On a pool thread: plan the run, have the worker processes make it, wait for them.
    Unless ``replace``, a run that would replace files stops before writing any."""
    reader = services.store.reader()
    try:
        service = services.lists_on(reader)
        if not replace:
            documents = service.plan(request, folder).documents
            there = tuple(d.path for d in documents if d.path.exists() or d.path.is_symlink())
            if there:
                return AlreadyThere(there)
        written = service.generate(
            request, folder, progress=progress, executor=processes.pool(), cancel=cancel
        )
        return [str(p) for p in written]
    finally:
        reader.close()


class ListsDialog(QDialog):
    """Pick what to print; "Make PDFs" writes them in the background."""

    generated = Signal(list)  # paths written (str)
    generation_failed = Signal(str)
    cancelled = Signal(int)  # PDFs written before the stop

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        store = self.store = services.store
        self.setObjectName("listsDialog")
        self.setWindowTitle(self.tr("Print lists"))
        self.written: list[str] = []
        self._job: tasks.Job[list[str] | AlreadyThere] | None = None
        self._cancel = threading.Event()
        service = services.lists
        options = service.options()

        self.kind = QComboBox()
        named(self.kind, "listsKind", self.tr("Document"))
        self.kind.addItem(self.tr("All documents"), None)
        labels = {
            "harvest": self.tr("Harvest list (totals per producer)"),
            "pack-producer": self.tr("Producer packing list (by customer)"),
            "pack-customer": self.tr("Hub packing list: pack by customer"),
            "pack-product": self.tr("Hub packing list: pack by product"),
            "sheet": self.tr("Collection sheet (per pickup point)"),
            "labels": self.tr("Bag labels (sheets and 4 x 6 in)"),
            "run-sheet": self.tr("Run sheet (per delivery round)"),
        }
        for kind in KINDS:
            self.kind.addItem(labels.get(kind, kind), kind)  # a new kind shows at once

        self.producer = QComboBox()
        named(self.producer, "listsProducer", self.tr("Producer"))
        self.producer.addItem(self.tr("Every producer (one file each)"), None)
        for producer in options.producers:
            self.producer.addItem(producer.name, producer.id)

        self.pickup = QComboBox()
        named(self.pickup, "listsPickupPoint", self.tr("Pickup point"))
        self.pickup.addItem(self.tr("All pickup points"), None)
        for point in options.pickup_points:
            self.pickup.addItem(point.name, point.id)

        self.paper = QComboBox()
        named(self.paper, "listsPaper", self.tr("Paper"))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        saved_paper = store.settings.get(LISTS_PAPER)
        self.paper.setCurrentIndex(max(0, self.paper.findData(saved_paper)))
        self.paper.currentIndexChanged.connect(self._paper_changed)

        self.first_label = QSpinBox()
        named(self.first_label, "listsFirstLabel", self.tr("First free sticker"))
        self.first_label.setRange(1, 21)
        self.first_label.setToolTip(
            self.tr("On a part-used sheet of stickers, the first one still free (1 = top left).")
        )

        self.folder = QLineEdit(store.settings.get(LISTS_FOLDER) or str(paths.data_dir() / "lists"))
        named(self.folder, "listsFolder", self.tr("Folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setObjectName("listsBrowse")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        privacy = QLabel(
            self.tr("Producer lists show customer names and phone numbers (hub setting).")
            if service.share_names
            else self.tr("Producer lists show customer codes and order numbers only, no names.")
        )
        named(privacy, "listsPrivacy", self.tr("Customer names on producer lists"))
        privacy.setWordWrap(True)
        cycle = options.cycle.name if options.cycle else self.tr("no orders yet")
        form = QFormLayout()
        form.addRow(self.tr("Order cycle:"), QLabel(cycle))
        form.addRow(self.tr("Document:"), self.kind)
        form.addRow(self.tr("Producer:"), self.producer)
        form.addRow(self.tr("Pickup point:"), self.pickup)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(self.tr("First free sticker:"), self.first_label)
        form.addRow(self.tr("Folder:"), folder_row)

        self.progress = QProgressBar()
        named(self.progress, "listsProgress", self.tr("Progress"))
        self.progress.setVisible(False)
        self.status = QLabel()
        named(self.status, "listsStatus", self.tr("Status"))
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.generate_button = buttons.addButton(
            self.tr("Make PDFs"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        named(self.generate_button, "listsGenerateButton", self.tr("Make PDFs"))
        self.open_button = buttons.addButton(
            self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        named(self.open_button, "listsOpenButton", self.tr("Open folder"))
        self.open_button.setEnabled(False)
        self.stop_button = buttons.addButton(
            self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole
        )
        named(self.stop_button, "listsStopButton", self.tr("Stop making the PDFs"))
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.cancel)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        self.generate_button.clicked.connect(self.generate)
        self.open_button.clicked.connect(self.open_result)
        if options.cycle is None:
            self.generate_button.setEnabled(False)
            self.status.setText(self.tr("There are no orders yet: sync with OFN first."))
        else:
            # the workers start while the person chooses; started from a pool thread, as
            # starting processes from the GUI thread held it up to ~60 ms at the dialog's opening
            tasks.run(processes.warm_up, what="start the PDF workers", owner=self)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(privacy)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self._paper_changed()

    # behaviour --------------------------------------------------------------------
    def request(self) -> ListRequest:
        kind = self.kind.currentData()
        return ListRequest(
            kinds=(kind,) if kind else KINDS,
            producer_id=self.producer.currentData(),
            pickup_point_id=self.pickup.currentData(),
            paper=str(self.paper.currentData()),
            first_label=self.first_label.value(),
        )

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.producer.setEnabled(kind in (None, "harvest", "pack-producer"))
        self.first_label.setEnabled(kind in (None, "labels"))

    def _paper_changed(self) -> None:
        """A4 sheets hold 21 stickers, Letter sheets 10."""
        self.first_label.setMaximum(labels_per_sheet(str(self.paper.currentData())))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDFs"))
        if chosen:
            self.folder.setText(chosen)

    @property
    def busy(self) -> bool:
        return self._job is not None

    def generate(self) -> None:
        """Start writing the PDFs on a worker thread (the till never waits); PDFs already in
        the folder are replaced only after asking."""
        self._start(replace=False)

    def _start(self, *, replace: bool) -> None:
        if self.busy:
            return
        text = self.folder.text().strip()
        if not text:
            self.status.setText(self.tr("Choose a folder for the PDFs."))
            return
        folder = Path(text).expanduser()
        try:  # remembered for next time; the PDFs do not depend on it
            with self.store.transaction():
                self.store.settings.set(LISTS_FOLDER, str(folder))
                self.store.settings.set(LISTS_PAPER, str(self.paper.currentData()))
        except KnownError as exc:
            log.warning("could not remember the lists folder: %s", messages.for_log(exc))
        self.written = []
        self.generate_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.stop_button.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Making the PDFs…"))
        services, request = self.services, self.request()
        cancel = self._cancel = threading.Event()

        def progress(done: int, total: int, name: str) -> None:  # on the pool thread
            tasks.to_main(self._progress, done, total, name, owner=self)

        self._job = tasks.run(
            lambda: _write_lists(services, request, folder, progress, cancel, replace),
            on_result=self._done,
            on_error=self._failed,
            owner=self,
            what="writing lists",
        )

    def cancel(self) -> None:
        """Stop after the documents being drawn now; those written stay."""
        if self.busy:
            self._cancel.set()
            self.stop_button.setEnabled(False)
            self.status.setText(self.tr("Stopping…"))

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, name: str) -> None:
        if self._cancel.is_set():
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if done < total:
            self.status.setText(
                self.tr("Making the PDFs: %1 of %2 done…")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def _idle(self) -> None:
        self._job = None
        self.generate_button.setEnabled(True)
        self.stop_button.setVisible(False)
        self.progress.setVisible(False)

    def _done(self, result: list[str] | AlreadyThere) -> None:
        self._idle()
        if isinstance(result, AlreadyThere):
            self._ask_replace(result.paths)
            return
        written = result
        self.written = written
        self.open_button.setEnabled(bool(written))
        folder = str(Path(written[0]).parent) if written else self.folder.text()
        self.status.setText(
            self.tr("%n PDF(s) written to %1.", "", len(written)).replace("%1", folder)
        )
        self.generated.emit(written)

    def _ask_replace(self, there: tuple[Path, ...]) -> None:
        """Some of the PDFs are in the folder already: replace them only if the person says so."""
        names = "\n".join([p.name for p in there[:5]] + (["…"] if len(there) > 5 else []))
        self.status.setText(self.tr("Nothing written yet: some of these PDFs are already there."))
        box = QMessageBox(self)
        box.setObjectName("listsReplaceQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the PDFs?"))
        box.setText(
            self.tr("These PDFs are already in %1. Replace them with new ones?").replace(
                "%1", str(there[0].parent)
            )
        )
        box.setInformativeText(names)
        replace = box.addButton(self.tr("Replace them"), QMessageBox.ButtonRole.AcceptRole)
        replace.setObjectName("listsReplaceButton")
        keep = box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("listsKeepButton")
        box.setDefaultButton(keep)  # Enter never replaces a file
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _: self._replace_answered(box.clickedButton() is replace))
        box.open()

    def _replace_answered(self, replace: bool) -> None:
        if replace:
            self._start(replace=True)
        else:
            self.status.setText(self.tr("Nothing was written. Choose another folder to keep both."))

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        if isinstance(exc, Cancelled):
            self.written = [str(p) for p in exc.written]
            self.open_button.setEnabled(bool(self.written))
            self.status.setText(
                self.tr("Stopped: %1 of %2 PDFs written.")
                .replace("%1", str(len(exc.written)))
                .replace("%2", str(exc.total))
            )
            self.cancelled.emit(len(exc.written))
            return
        message = tasks.describe(exc)
        self.status.setText(self.tr("The PDFs could not be made: %1").replace("%1", message))
        self.generation_failed.emit(message)

    def result_url(self) -> QUrl | None:
        """The single file written, or the folder holding several."""
        if not self.written:
            return None
        target = self.written[0] if len(self.written) == 1 else str(Path(self.written[0]).parent)
        return QUrl.fromLocalFile(target)

    def open_result(self) -> None:
        url = self.result_url()
        if url is not None and not QDesktopServices.openUrl(url):
            self.status.setText(
                self.tr("Could not open %1; open it from your file manager.").replace(
                    "%1", url.toLocalFile()
                )
            )


def open_lists_dialog(parent: QWidget, services: Services) -> ListsDialog:
    """Show the (modeless) "Print lists" dialog; the till stays usable behind it.

    A second click brings the open dialog forward instead of opening another.
    """
    dialog = parent.findChild(ListsDialog, "listsDialog")
    if dialog is None:
        dialog = ListsDialog(services, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    fit_to_screen(dialog)
    dialog.show()
    dialog.activateWindow()
    return dialog
