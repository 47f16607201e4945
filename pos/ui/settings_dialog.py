"""Hub settings: payment methods, till id, default pickup point, limits, language, privacy,
the shared journal folder and hub key (:mod:`pos.ui.journal_settings`).

Behind the hub-staff PIN (see :mod:`pos.ui.staff_gate`). Loading, checking and saving
live in :mod:`pos.services.hub_settings`; this module only shows them and says what is
wrong next to the field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pos import languages
from pos.domain.payment_methods import Method
from pos.domain.settings import (
    CLOSE_DIFFERENCE_LIMIT,
    JOURNAL_KEY,
    PAYMENT_METHODS,
    TILL_LABEL,
    TILL_PICKUP_POINT,
)
from pos.services.hub_settings import (
    MAX_BAG_CAPACITY,
    MAX_KEEP_DAYS,
    MIN_KEEP_DAYS,
    HubSettings,
    HubSettingsService,
    Problem,
    SettingsInvalid,
)
from pos.ui.i18n import current_language
from pos.ui.journal_settings import JournalBox
from pos.ui.payment_panel import plain_amount
from pos.ui.shell import Shell
from pos.ui.widgets import big, error_label, fit_to_screen, named, staff_screen


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { color: #4b5563; }")
    return label


class HubSettingsDialog(QDialog):
    saved = Signal(dict)

    def __init__(
        self,
        service: HubSettingsService,
        parent: QWidget | None = None,
        *,
        role: str = "",
        actor: str = "",
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.role = role or "volunteer"
        self.actor = actor
        self.changes: dict[str, Any] = {}
        self.setObjectName("hubSettingsDialog")
        staff_screen(self)  # behind the staff PIN, at the laptop: normal buttons
        self.setWindowTitle(self.tr("Hub settings"))
        self.resize(720, 720)
        current = service.load()
        self.method_rows: dict[str, tuple[QCheckBox, QLineEdit]] = {}

        # payment methods ----------------------------------------------------------------
        methods_box = QGroupBox(self.tr("Payment methods offered at the till"))
        self.methods_grid = QGridLayout()
        self.methods_grid.addWidget(QLabel(self.tr("Offered")), 0, 0)
        self.methods_grid.addWidget(QLabel(self.tr("Code")), 0, 1)
        self.methods_grid.addWidget(QLabel(self.tr("Name on the till and receipts")), 0, 2)
        for method in current.payment_methods:
            self._add_method_row(method)
        self.new_code = QLineEdit()
        named(self.new_code, "newMethodCode", self.tr("New payment method code"))
        self.new_code.setPlaceholderText(self.tr("code, e.g. gift"))
        hint = self.new_code.fontMetrics().horizontalAdvance(self.new_code.placeholderText())
        self.new_code.setMinimumWidth(hint + 16)  # the example stays whole once rows fit
        self.new_label = QLineEdit()
        named(self.new_label, "newMethodLabel", self.tr("New payment method name"))
        self.new_label.setPlaceholderText(self.tr("name, e.g. Gift card"))
        add = QPushButton(self.tr("Add method"))
        named(add, "addMethodButton", self.tr("Add payment method"))
        add.clicked.connect(self.add_method)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_code, 1)
        add_row.addWidget(self.new_label, 2)
        add_row.addWidget(add)
        self.methods_error = error_label("paymentMethodsError")
        methods_layout = QVBoxLayout(methods_box)
        methods_layout.addLayout(self.methods_grid)
        methods_layout.addWidget(
            _note(self.tr("Cash is always offered. A code is 2 to 20 lowercase letters."))
        )
        methods_layout.addLayout(add_row)
        methods_layout.addWidget(self.methods_error)

        # till -----------------------------------------------------------------------------
        self.till_id = QLineEdit(current.till_id)
        named(self.till_id, "tillIdInput", self.tr("Till id"))
        self.till_id.setMaxLength(8)
        self.till_id_error = error_label("tillIdError")
        self.pickup = QComboBox()
        named(self.pickup, "defaultPickupInput", self.tr("Default pickup point"))
        self.pickup.addItem(self.tr("All pickup points"), None)
        for point_id, name in service.pickup_points():
            self.pickup.addItem(name, point_id)
        found = self.pickup.findData(current.pickup_point_id)
        self.pickup.setCurrentIndex(found if current.pickup_point_id is not None else 0)
        self.pickup_error = error_label("defaultPickupError")
        self.limit = QLineEdit(plain_amount(current.close_difference_limit, service.currency))
        named(self.limit, "differenceLimitInput", self.tr("Close difference limit"))
        self.limit_error = error_label("differenceLimitError")
        self.bag_capacity = QSpinBox()
        named(self.bag_capacity, "bagCapacityInput", self.tr("Items per bag label"))
        self.bag_capacity.setRange(1, MAX_BAG_CAPACITY)
        self.bag_capacity.setValue(current.bag_capacity)

        # language and privacy -----------------------------------------------------------
        self.language = QComboBox()
        named(self.language, "languageInput", self.tr("Language"))
        self.language.addItem(self.tr("Same as the computer"), "")
        for code in languages.LANGUAGES:
            self.language.addItem(languages.NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.share_names = QCheckBox(self.tr("Share customer names with producers"))
        named(self.share_names, "shareNamesInput", self.tr("Share customer names with producers"))
        self.share_names.setChecked(current.share_customer_names_with_producers)
        self.keep_days = QSpinBox()
        named(self.keep_days, "keepCustomerDaysInput",
              self.tr("Days to keep customer details after the order cycle"))  # fmt: skip
        self.keep_days.setRange(MIN_KEEP_DAYS, MAX_KEEP_DAYS)
        self.keep_days.setValue(current.keep_customer_days)
        self.keep_days.setSuffix(self.tr(" days"))
        self.csv_bom = QCheckBox(self.tr("Byte-order mark in CSV exports"))
        named(self.csv_bom, "csvBomInput", self.tr("CSV byte-order mark"))
        self.csv_bom.setChecked(current.csv_bom)
        self.order_notes = QCheckBox(self.tr("Write till notes into OFN orders"))
        named(self.order_notes, "orderNotesInput", self.tr("Write OFN order notes"))
        self.order_notes.setChecked(current.order_notes)

        # Check boxes and their notes take whole rows (a check box's text cannot wrap): no
        # sideways scrolling at 1280 px in French.
        form = QFormLayout()
        form.addRow(self.tr("Till id (e.g. T1, T2)"), self.till_id)
        form.addRow("", self.till_id_error)
        form.addRow(
            "",
            _note(
                self.tr(
                    "Each till of the hub needs its own id; it starts every "
                    "receipt number. A new id takes effect at next start."
                )
            ),
        )
        form.addRow(self.tr("This till's pickup point"), self.pickup)
        form.addRow("", self.pickup_error)
        form.addRow(
            self.tr("Close difference limit (%1)").replace("%1", service.currency), self.limit
        )
        form.addRow("", self.limit_error)
        form.addRow(
            "",
            _note(
                self.tr("Closing the till with a larger cash difference needs the hub-staff PIN.")
            ),
        )
        form.addRow(self.tr("Items per bag (labels)"), self.bag_capacity)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", _note(self.tr("A new language takes effect at next start.")))
        form.addRow(self.share_names)
        form.addRow(
            _note(
                self.tr(
                    "Off: producers' lists show customer codes only, so "
                    "customers' names stay with the hub."
                )
            ),
        )
        form.addRow(self.tr("Keep customer details"), self.keep_days)
        form.addRow(
            "",
            _note(
                self.tr(
                    "After the order cycle, and once everything is in OFN, names, emails,"
                    " phones and notes are removed from this till; the figures stay."
                )
            ),
        )
        form.addRow(self.csv_bom)
        form.addRow(_note(self.tr("Turn on if a spreadsheet shows accents wrongly.")))
        form.addRow(self.order_notes)
        form.addRow(
            _note(
                self.tr(
                    "Off by default. Each note replaces the note hub staff wrote on the "
                    "order in OFN (the till cannot read it to keep it), and OFN prints it "
                    "on the invoice the customer sees."
                )
            ),
        )

        self.error = error_label("hubSettingsError")
        save = big(QPushButton(self.tr("Save settings")))
        named(save, "saveSettingsButton", self.tr("Save settings"))
        save.setDefault(True)
        save.clicked.connect(self.save)
        cancel = big(QPushButton(self.tr("Cancel")))
        named(cancel, "cancelSettingsButton", self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(methods_box)
        body_layout.addLayout(form)
        self.journal_box = JournalBox(
            current.journal_folder,
            current.journal_key,
            service.check_journal_folder,
            service.new_journal_key,
        )
        body_layout.addWidget(self.journal_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # payment methods ----------------------------------------------------------------------
    def _add_method_row(self, method: Method) -> None:
        row = self.methods_grid.rowCount()
        enabled = QCheckBox()
        named(enabled, f"methodEnabled_{method.code}",
              self.tr("Offer %1").replace("%1", method.code))  # fmt: skip
        enabled.setChecked(method.enabled)
        label = QLineEdit(method.label)
        named(label, f"methodLabel_{method.code}",
              self.tr("Name of %1").replace("%1", method.code))  # fmt: skip
        if method.code == "cash":
            enabled.setEnabled(False)  # cash is always offered
        self.methods_grid.addWidget(enabled, row, 0)
        self.methods_grid.addWidget(QLabel(method.code), row, 1)
        self.methods_grid.addWidget(label, row, 2)
        self.method_rows[method.code] = (enabled, label)

    def add_method(self) -> None:
        code = self.new_code.text().strip().lower()
        label = " ".join(self.new_label.text().split())
        problems = self.service.check_new_method(code, label, list(self.method_rows))
        if problems:
            self.methods_error.setText(self.message(problems[0]))
            self.new_code.setFocus()
            return
        self._add_method_row(Method(code, label))
        self.new_code.clear()
        self.new_label.clear()
        self.methods_error.clear()

    def methods(self) -> tuple[Method, ...]:
        return tuple(
            Method(code, label.text(), enabled.isChecked())
            for code, (enabled, label) in self.method_rows.items()
        )

    # saving -----------------------------------------------------------------------------
    def message(self, problem: Problem) -> str:
        code = problem.detail
        return {
            "till_id_invalid": self.tr("A till id is 1 to 8 letters or digits, e.g. T2."),
            "till_open": self.tr("Close the till session before changing the till id."),
            "limit_empty": self.tr("Type the largest difference allowed, e.g. 5.00."),
            "limit_negative": self.tr("The limit cannot be negative."),
            "limit_invalid": self.tr("Type an amount with digits only, e.g. 5.00."),
            "bag_capacity_range": self.tr("Items per bag must be between 1 and 999."),
            "keep_days_range": self.tr("Keep customer details 1 to 3650 days."),
            "pickup_unknown": self.tr("That pickup point is not in this hub."),
            "language_unknown": self.tr("Pick a language from the list."),
            "method_code_invalid": self.tr(
                "“%1”: a method code is 2 to 20 lowercase letters."
            ).replace("%1", code),
            "method_code_taken": self.tr("There is already a method “%1”.").replace("%1", code),
            "method_label_empty": self.tr("Give method “%1” a name.").replace("%1", code),
            "method_label_long": self.tr(
                "The name of “%1” is too long (30 characters at most)."
            ).replace("%1", code),
            "cash_required": self.tr("Cash must stay offered."),
            "journal_key_short": self.tr(
                "A hub key is at least 12 characters: make one with “Make a new key”."
            ),
        }.get(problem.code, self.tr("This value is not valid."))

    def _errors(self) -> dict[str, QLabel]:
        return {
            PAYMENT_METHODS.key: self.methods_error,
            TILL_LABEL.key: self.till_id_error,
            TILL_PICKUP_POINT.key: self.pickup_error,
            CLOSE_DIFFERENCE_LIMIT.key: self.limit_error,
            JOURNAL_KEY.key: self.journal_box.key_error,
        }

    def save(self) -> None:
        for label in (*self._errors().values(), self.error):
            label.clear()
        limit, problem = self.service.parse_limit(self.limit.text())
        settings = HubSettings(
            payment_methods=self.methods(),
            till_id=self.till_id.text(),
            pickup_point_id=self.pickup.currentData(),
            close_difference_limit=0 if limit is None else limit,
            language=str(self.language.currentData() or ""),
            share_customer_names_with_producers=self.share_names.isChecked(),
            csv_bom=self.csv_bom.isChecked(),
            order_notes=self.order_notes.isChecked(),
            bag_capacity=self.bag_capacity.value(),
            keep_customer_days=self.keep_days.value(),
            journal_folder=self.journal_box.values()[0],
            journal_key=self.journal_box.values()[1],
        )
        try:
            if problem is not None:
                raise SettingsInvalid([problem, *self.service.validate(settings)])
            self.changes = self.service.save(settings, actor=self.actor, role=self.role)
        except SettingsInvalid as exc:
            errors = self._errors()
            for p in exc.problems:
                target = errors.get(p.field, self.error)
                if not target.text():
                    target.setText(self.message(p))
            return
        self.saved.emit(self.changes)
        self.accept()


def open_hub_settings(window: QWidget, shell: Shell, applied: Callable[[], object]) -> QWidget:
    """The File menu action: the staff PIN (when set), then the settings dialog; ``applied``
    runs once the settings are saved."""
    services = shell.services

    def show(role: str) -> HubSettingsDialog:
        dialog = HubSettingsDialog(
            services.hub_settings(current_language()),
            window,
            role=role,
            actor=services.checkout.volunteer(),
        )
        dialog.saved.connect(lambda _changes: applied())
        fit_to_screen(dialog)
        dialog.open()
        return dialog

    return shell.gate.open("settings.open", show)
