"""QR codes of short order numbers, made directly (version 1, error correction M, mask 2).

The ``qrcode`` library takes about 0.3 ms per code in Python (it lays the data out bit by
bit through general-purpose objects); a 2,000-order cycle's labels need one code per
order in each label file, made in each worker. Order numbers ("R123456789") are short
numeric or alphanumeric strings that always fit the smallest symbol, version 1 (21 x 21):
this module makes exactly the modules ``qrcode`` makes for them (same segment mode,
padding, Reed-Solomon code words, placement, mask 2 and format bits) with a fixed
template and a precomputed placement order. Anything else (longer values, lower case,
other characters) is left to ``qrcode``: :func:`matrix` answers None for it.
"""

from __future__ import annotations

SIZE = 21  # modules per side of a version 1 symbol
DATA_WORDS = 16  # version 1-M: 16 data code words ...
EC_WORDS = 10  # ... and 10 error correction code words, in one block
MASK = 2  # dark modules inverted where the column is a multiple of 3
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM_VALUE = {ch: i for i, ch in enumerate(ALPHANUMERIC)}
MAX_CHARS = 20  # the longest value handled here; ``qrcode`` splits longer ones in segments

# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
_EXP = [0] * 512
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _x
    _LOG[_x] = _i
    _x <<= 1
    if _x & 0x100:
        _x ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


def _generator(degree: int) -> list[int]:
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, coef in enumerate(poly):
            nxt[j] ^= coef
            nxt[j + 1] ^= _EXP[_LOG[coef] + i] if coef else 0
        poly = nxt
    return poly


_GEN = _generator(EC_WORDS)


def _ec_words(data: list[int]) -> list[int]:
    """Reed-Solomon remainder of the data code words (the error correction words)."""
    rem = data + [0] * EC_WORDS
    for i in range(len(data)):
        coef = rem[i]
        if coef:
            log = _LOG[coef]
            for j in range(1, len(_GEN)):
                rem[i + j] ^= _EXP[_LOG[_GEN[j]] + log]
    return rem[len(data) :]


def _format_bits() -> int:
    """15 format bits: level M (``qrcode``'s code 0) and the mask, BCH-coded and masked."""
    data = (0 << 3) | MASK
    d = data << 10
    g15 = 0b10100110111
    while d.bit_length() >= g15.bit_length():
        d ^= g15 << (d.bit_length() - g15.bit_length())
    return ((data << 10) | d) ^ 0b101010000010010


def _template() -> tuple[list[list[bool | None]], list[tuple[int, int]]]:
    """The fixed modules (finders, separators, timing, format, dark module) and the data
    modules' positions in placement order (columns in pairs from the right, zigzag)."""
    grid: list[list[bool | None]] = [[None] * SIZE for _ in range(SIZE)]
    for top, left in ((0, 0), (0, SIZE - 7), (SIZE - 7, 0)):
        for r in range(-1, 8):
            for c in range(-1, 8):
                row, col = top + r, left + c
                if 0 <= row < SIZE and 0 <= col < SIZE:
                    ring = max(abs(r - 3), abs(c - 3))
                    grid[row][col] = ring != 2 and ring != 4
    for i in range(8, SIZE - 8):
        grid[6][i] = grid[i][6] = i % 2 == 0
    bits = _format_bits()
    for i in range(15):
        dark = (bits >> i) & 1 == 1
        row = i if i < 6 else i + 1 if i < 8 else SIZE - 15 + i
        grid[row][8] = dark
        col = SIZE - i - 1 if i < 8 else 15 - i if i < 9 else 15 - i - 1
        grid[8][col] = dark
    grid[SIZE - 8][8] = True
    order: list[tuple[int, int]] = []
    row, step = SIZE - 1, -1
    for col in range(SIZE - 1, 0, -2):
        if col <= 6:
            col -= 1
        while True:
            for c in (col, col - 1):
                if grid[row][c] is None:
                    order.append((row, c))
            row += step
            if row < 0 or row >= SIZE:
                row -= step
                step = -step
                break
    return grid, order


_GRID, _ORDER = _template()
_PLACES = [(row, col, col % 3 == 0) for row, col in _ORDER]  # with the mask's inversion
_BYTE_BITS = [format(n, "08b") for n in range(256)]


def _bits(value: str) -> list[int] | None:
    """The data code words of ``value`` in one numeric or alphanumeric segment, or None."""
    if not value or len(value) > MAX_CHARS:
        return None
    out: list[tuple[int, int]] = []  # (value, bit count)
    if value.isascii() and value.isdigit():
        out += [(0b0001, 4), (len(value), 10)]
        for i in range(0, len(value), 3):
            group = value[i : i + 3]
            out.append((int(group), 3 * len(group) + 1))
    elif all(ch in _ALNUM_VALUE for ch in value):
        out += [(0b0010, 4), (len(value), 9)]
        for i in range(0, len(value) - 1, 2):
            out.append((_ALNUM_VALUE[value[i]] * 45 + _ALNUM_VALUE[value[i + 1]], 11))
        if len(value) % 2:
            out.append((_ALNUM_VALUE[value[-1]], 6))
    else:
        return None
    acc = length = 0
    for number, width in out:
        acc = (acc << width) | number
        length += width
    capacity = DATA_WORDS * 8
    if length > capacity:
        return None
    pad = min(4, capacity - length)  # the terminator
    acc <<= pad
    length += pad
    if length % 8:
        acc <<= 8 - length % 8
        length += 8 - length % 8
    words = [(acc >> (length - 8 * (i + 1))) & 0xFF for i in range(length // 8)]
    filler = (0xEC, 0x11)
    words += [filler[i % 2] for i in range(DATA_WORDS - len(words))]
    return words


def matrix(value: str) -> tuple[tuple[bool, ...], ...] | None:
    """The modules of ``value`` (no quiet zone), or None when it is not a short numeric or
    alphanumeric value (the caller then uses ``qrcode``)."""
    data = _bits(value)
    if data is None:
        return None
    words = data + _ec_words(data)
    grid = [row[:] for row in _GRID]
    bits = "".join(_BYTE_BITS[w] for w in words)  # 208 bits: exactly the data modules
    for (row, col, flip), bit in zip(_PLACES, bits, strict=True):
        grid[row][col] = (bit == "1") != flip
    return tuple(map(tuple, grid))  # type: ignore[arg-type]  # every None was filled
