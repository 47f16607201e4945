"""The direct QR maker draws exactly what the ``qrcode`` library draws for order numbers."""

from __future__ import annotations

import random
import string

import pytest
import qrcode
import qrcode.constants

from receipts.pdf import labels, qr


def library(value: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=labels.QR_MASK
    )
    code.add_data(value)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def sample() -> list[str]:
    rng = random.Random(17)
    values = ["R317859172", "R000000001", "1", "12", "123", "A", "$%*+-./: ", "9" * 20, "Z" * 20]
    for _ in range(500):
        alphabet = rng.choice([string.digits, qr.ALPHANUMERIC, string.digits + "R"])
        values.append("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20))))
    return values


def test_short_numbers_and_codes_give_the_librarys_modules() -> None:
    for value in sample():
        assert qr.matrix(value) == library(value), value


@pytest.mark.parametrize("value", ["r123", "R" * 21, "Zoë", "", "R12 3\n"])
def test_other_values_are_left_to_the_library(value: str) -> None:
    assert qr.matrix(value) is None
    if value:
        assert labels.qr_matrix(value) == library(value)
