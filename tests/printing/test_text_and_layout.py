"""Code pages, transliteration, wrapping and what each layout says."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pos.domain.payment_methods import Method, PaymentMethods
from receipts.document import row, wrap
from receipts.escpos_render import PrinterSetup, render
from receipts.i18n import translations
from receipts.label import bags_for, layout_labels
from receipts.receipt import layout_receipt, quantity_text
from receipts.text import CodePages, transliterate
from tests.helpers import print_samples as samples

NAMES = "é ü ø ł ß œ € Zoë Müller Łukasz Weiß Œuvre Ørsted"


def _decode(data: bytes, pages: dict[int, str]) -> str:
    """Decode ESC/POS text the way a printer does: ESC t n switches the page."""
    out, page, i = [], "cp437", 0
    while i < len(data):
        if data[i : i + 2] == b"\x1bt":
            page = pages[data[i + 2]]
            i += 3
            continue
        out.append(bytes([data[i]]).decode(page))
        i += 1
    return "".join(out)


def test_tm_t20_prints_every_accent_with_page_switches() -> None:
    pages = PrinterSetup("TM-T20II").code_pages()
    assert [p.name for p in pages.pages][:2] == ["CP1252", "CP858"]
    encoded = pages.encoder().encode(NAMES)
    assert b"?" not in encoded
    # ł needs CP852 (18); the other letters and € come from CP1252 (16)
    assert (
        _decode(pages.encoder().start() + encoded, {16: "cp1252", 18: "cp852", 19: "cp858"})
        == NAMES
    )
    assert b"\x1bt\x12" in encoded  # switched to CP852 for ł


def test_forced_page_transliterates_what_it_lacks() -> None:
    pages = PrinterSetup("TM-T20II", codepage="CP858").code_pages()
    text = pages.printable(NAMES)
    assert "ł" not in text and "Lukasz" in text  # ł -> l
    assert "œ" not in text and "oe" in text.lower()
    assert "€" in text  # CP858 has the euro sign
    assert "?" not in text


def test_cp437_only_printer_never_prints_question_marks() -> None:
    pages = PrinterSetup("simple").code_pages()
    text = pages.printable(NAMES + " Nguyễn 北京 Ωmega")
    assert "?" not in text
    assert "EUR" in text and "Orsted" in text and "Beijing".lower() in text.lower()
    assert b"?" not in pages.encoder().encode(NAMES)


def test_transliteration_is_readable() -> None:
    assert transliterate("Łukasz Ø ß œ €") == "Lukasz O ss oe EUR"
    assert CodePages.unicode().printable("a\u202fb") == "a b"


def test_wrap_keeps_words_and_width() -> None:
    assert wrap("Stoneground wholemeal flour", 12) == ["Stoneground", "wholemeal", "flour"]
    assert row("2 x Free-range eggs, Dozen", "£9.00", 20, indent=4) == [
        "2 x Free-range £9.00",
        "    eggs, Dozen",
    ]


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200),
    st.integers(min_value=1, max_value=48),
)
def test_wrap_never_exceeds_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_receipt_says_what_was_missing_and_paid() -> None:
    text = layout_receipt(samples.collection(), 48, open_drawer=True).as_text()
    assert text.startswith("[drawer]")
    assert "Missing (credited)" in text and "-£9.50" in text
    assert "Paid in local currency (Bristol Pound): £10.00" in text
    assert "tendered £40.00" in text and "change £10.00" in text
    assert "Still owing" in text and "£2.37" in text
    assert "[qr R123456789]" in text and "Zoë Müller-Østergaard" in text
    assert "COPY" not in text


def test_no_drawer_without_cash_and_copy_marked_twice() -> None:
    text = layout_receipt(samples.walk_in(), 32, open_drawer=True).as_text()
    assert "[drawer]" not in text  # paid by card
    assert text.count("*** COPY ***") == 2
    assert "Walk-in sale" in text and "Order" not in text
    assert "[qr T1-000043]" in text  # a walk-in has no order number: the receipt number


def test_reversal_names_the_original() -> None:
    text = layout_receipt(samples.reversal(), 42).as_text()
    assert "Refund T1-000044" in text and "Reverses receipt T1-000042" in text
    assert "-£30.00" in text
    assert "Taken back" in text and "2 x Free-range eggs, Dozen" in text and "-£9.00" in text
    assert "Missing" not in text and "tendered" not in text  # nothing credited twice


def test_french_receipt() -> None:
    text = layout_receipt(samples.french(), 48, language="fr").as_text()
    assert "Retrait T1-000042" in text and "Manquants (remboursés)" in text
    assert "Payé en monnaie locale (Léman)" in text
    methods = PaymentMethods.of([Method("local", "Léman")])
    french = translations("fr").gettext
    assert methods.label("cash", french) == "Espèces"
    assert methods.label("local", french) == "Léman"


def test_labels_one_per_bag_with_chilled_mark() -> None:
    assert bags_for(True, True) == [False, True]
    assert bags_for(False, True) == [False]
    text = layout_labels(samples.labels(), 48).as_text()
    assert text.count("[cut]") == 2 and text.count("[qr R123456789]") == 2
    assert "Bag 1 of 2" in text and "Bag 2 of 2" in text and text.count("CHILLED") == 1


def test_weights_read_naturally() -> None:
    assert quantity_text("1127", "g") == "1.127 kg"
    assert quantity_text("850", "g") == "850 g"
    assert quantity_text("1500", "ml") == "1.5 l"


def test_native_qr_or_raster_by_profile() -> None:
    doc = layout_receipt(samples.walk_in(), 32)
    assert b"\x1d(k" in render(doc, PrinterSetup("TM-T20II", 58))
    raster = render(doc, PrinterSetup("POS-5890", 58))
    assert b"\x1d(k" not in raster and b"\x1dv0" in raster


def test_receipts_speak_french() -> None:
    assert translations("fr").gettext("Total taken") == "Total encaissé"


@given(
    st.text(max_size=120),
    st.text(max_size=14),
    st.integers(min_value=20, max_value=48),
    st.integers(min_value=0, max_value=6),
)
def test_two_column_rows_fit(left: str, right: str, width: int, indent: int) -> None:
    for line in row(left.replace("\n", " "), right.replace("\n", " "), width, indent=indent):
        assert len(line) <= width
