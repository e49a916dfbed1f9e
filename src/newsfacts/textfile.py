"""Read a text file as strict UTF-8, noting every line that holds bytes that are not UTF-8."""

from __future__ import annotations

from dataclasses import dataclass

UTF8_FIX = (
    "Save the file as UTF-8 (Excel: Save As > 'CSV UTF-8'; LibreOffice: tick 'Edit filter "
    "settings' and choose 'Unicode (UTF-8)'; a text editor: choose the encoding UTF-8)."
)


@dataclass(frozen=True)
class BadBytes:
    """The first byte on a line that is not UTF-8.

    Attributes
    ----------
    line : int
        The line in the file (1 = first line).
    offset : int
        Where the byte is, counted in bytes from the start of the file (0 = first byte).
    byte : int
        The byte's value.
    """

    line: int
    offset: int
    byte: int

    def describe(self) -> str:
        """Say what is wrong, in words.

        Examples
        --------
        >>> BadBytes(line=3, offset=41, byte=0xE9).describe()
        'byte 0xE9 at byte offset 41 is not UTF-8 text.'
        """
        return f"byte 0x{self.byte:02X} at byte offset {self.offset} is not UTF-8 text."


def decode_utf8(data: bytes) -> tuple[str, list[BadBytes]]:
    """Decode bytes as UTF-8, replacing bad bytes with U+FFFD and reporting them.

    A leading byte-order mark (which Excel writes) is dropped. Line ends are left as they are.

    Parameters
    ----------
    data : bytes
        The file's content.

    Returns
    -------
    text : str
        The text, with each bad byte replaced by U+FFFD.
    bad : list of BadBytes
        The first bad byte of every line that has one; empty for a good file.

    Examples
    --------
    >>> decode_utf8("café".encode("utf-8"))
    ('café', [])
    >>> text, bad = decode_utf8("a\\ncafé".encode("latin-1"))
    >>> bad
    [BadBytes(line=2, offset=5, byte=233)]
    """
    try:
        text = data.decode("utf-8")
        bad: list[BadBytes] = []
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = _find_bad_bytes(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, bad


def _find_bad_bytes(data: bytes) -> list[BadBytes]:
    # A newline byte never occurs inside a multi-byte UTF-8 character, so lines can be
    # decoded one by one; only the lines that fail are looked at closely.
    bad = []
    offset = 0
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            where = offset + error.start
            bad.append(BadBytes(line=number, offset=where, byte=data[where]))
        offset += len(line) + 1
    return bad
