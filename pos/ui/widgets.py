"""Small helpers every till screen uses: stable names, large targets, inline errors."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)


def named(widget: QWidget, name: str, accessible: str) -> None:
    """Give a widget its stable object name and the accessible name screen readers speak."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)


def big(button: QPushButton, height: int = 52) -> QPushButton:
    """A touch-sized button."""
    button.setMinimumHeight(height)
    return button


def error_label(name: str) -> QLabel:
    """An inline error line: red, bold, wrapping."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("QLabel { color: #b91c1c; font-weight: bold; }")
    label.setWordWrap(True)
    return label


class ShrinkingLabel(QLabel):
    """A one-line label that may be narrower than its text (the status bar).

    A plain QLabel's minimum width is its whole text, so one long status message would
    push the window past the edge of a 1366 px screen. The end of the text is cut when
    space is short; the tooltip always holds all of it.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 48), hint.height())

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)


def plain_text(event: QKeyEvent) -> str:
    """The printable text a key press types, "" for shortcuts and navigation keys."""
    mods = event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    text = event.text()
    return text if text and text.isprintable() and not mods else ""


class ScanSafeTable(QTableView):
    """A table whose typed text goes to the scan field (``typed``) instead of a keyboard
    search of its rows, and where Up on the first row hands the focus back (``leave``).
    Subclasses handle their own keys first, then call this ``keyPressEvent``."""

    typed = Signal(str)
    leave = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = plain_text(event)
        if text:
            self.typed.emit(text)
            return
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.leave.emit()
            return
        super().keyPressEvent(event)


class ScanSafeComboBox(QComboBox):
    """A combo box whose typed text goes to the scan field (``typed``) instead of picking
    an item: a scan with the cursor here must not change the pickup point."""

    typed = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = plain_text(event)
        if text or (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.hasFocus()):
            self.typed.emit(text or "\r")
            return
        super().keyPressEvent(event)


USABLE_MARGIN = 68  # title bar + task bar: a 768 px laptop screen leaves ~700 px

STAFF_SCREEN = "staffScreen"  # a window's property: hub staff at the laptop, not the till


def staff_screen(window: QWidget) -> None:
    """Mark ``window`` (before it is shown) as a hub-staff screen, read sitting at the
    laptop with a mouse: its buttons keep their normal size instead of the till's big touch
    targets it would inherit from the main window's style sheet (``big_targets``)."""
    window.setProperty(STAFF_SCREEN, True)


def fit_to_screen(window: QWidget) -> None:
    """Size a dialog (before it opens) to what the usable part of its screen holds.

    Its content must accept the size: long regions scroll inside and labels wrap, so the
    buttons at the bottom stay visible on a 1366×768 or 1280×720 laptop.
    """
    parent = window.parentWidget()
    screen = (parent or window).screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    limit = QSize(area.width(), max(area.height() - USABLE_MARGIN, 200))
    window.ensurePolished()
    size = (
        window.size() if window.testAttribute(Qt.WidgetAttribute.WA_Resized) else window.sizeHint()
    )
    window.resize(size.boundedTo(limit).expandedTo(window.minimumSizeHint().boundedTo(limit)))


class NextTurn(QObject):
    """Calls ``fn`` in a later turn of the event loop than the repaint of what was changed
    before ``start()``, so one long piece of work and the repaint of the previous one are
    never a single turn (no input handled between them).

    ``start()`` queues a call (behind the repaint already queued) that starts a 1 ms
    single-shot timer. A timer started at once could fire in the very pass of the event
    loop that repaints, and a repeating 0 ms timer ran several times in one pass.
    Dies with its parent: nothing fires after a window closed.
    """

    _queued = Signal()

    def __init__(self, fn: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1)
        self._timer.timeout.connect(fn)
        self._waiting = False
        self._queued.connect(self._arm, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        if not self._waiting and not self._timer.isActive():
            self._waiting = True
            self._queued.emit()

    def _arm(self) -> None:
        if self._waiting:
            self._waiting = False
            self._timer.start()

    def stop(self) -> None:
        self._waiting = False
        self._timer.stop()

    def isActive(self) -> bool:  # as QTimer says it
        return self._waiting or self._timer.isActive()


def cell_padding(view: QTableView) -> int:
    """The room a table's delegate gives a cell beyond its text's width (the style's focus
    frame margins, the text layout's rounding), asked of the delegate with the first cell.

    Not of the style: naming ``QStyle`` from Python makes PySide build the class with its
    ~600 enum members (~10 ms, twice that on a slow moment) before the till's first paint.
    An empty table asks the style."""
    model = view.model()
    index = model.index(0, 0) if model is not None else None
    text = index.data(Qt.ItemDataRole.DisplayRole) if index is not None else None
    if index is None or not isinstance(text, str) or not text:
        from PySide6.QtWidgets import QStyle

        return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    font = index.data(Qt.ItemDataRole.FontRole)
    option = QStyleOptionViewItem()
    option.font = font if isinstance(font, QFont) else view.font()
    hint = view.itemDelegate().sizeHint(option, index).width()
    return max(hint - QFontMetrics(option.font).horizontalAdvance(text), 0)
