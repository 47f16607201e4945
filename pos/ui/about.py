"""The About dialog: version, data folder and log file, for support calls."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from pos import APP_NAME, __version__, paths


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        text = QLabel(
            "<h2>{name}</h2><p>{version}</p><p>{blurb}</p><p>{data}<br><code>{data_dir}</code></p>"
            "<p>{logs}<br><code>{log_file}</code></p>".format(
                name=APP_NAME,
                version=self.tr("Version %1").replace("%1", __version__),
                blurb=self.tr(
                    "Offline-first checkout for food hubs selling through Open Food Network."
                ),
                data=self.tr("Data folder:"),
                data_dir=paths.data_dir(),
                logs=self.tr("Log file:"),
                log_file=paths.log_file(),
            )
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
