"""Read stage: bytes on disk -> Document. Only read/pdf*.py may import PDF libraries, only
read/html.py an HTML parser; each format's reader is imported when a file of that format comes."""

from __future__ import annotations

import stat
from pathlib import Path

from ..errors import ReferatError
from .document import Document, RawLine
from .sniff import sniff_format
from .text import read_text_bytes

__all__ = ["Document", "RawLine", "read_bytes", "read_path", "sniff_format"]


def read_bytes(data: bytes, *, pdf_backend: str = "pypdfium2", max_pages: int | None = None) -> Document:
    kind = sniff_format(data)
    if kind == "pdf":
        from .pdf import read_pdf_bytes  # lazy: text parsing never pays for PDF libraries

        return read_pdf_bytes(data, backend=pdf_backend, max_pages=max_pages)
    if kind == "html":
        from .html import read_html_bytes

        return read_html_bytes(data)
    if kind == "docx":
        from .docx import read_docx_bytes

        return read_docx_bytes(data)
    if kind == "xml":
        from .xml_sniff import read_xml_bytes  # lazy: other formats never pay for lxml

        return read_xml_bytes(data)
    if kind == "doc":
        raise ReferatError("unsupported_format", "an old binary Word document (.doc); convert it to .docx "
                                                 "(libreoffice --headless --convert-to docx FILE, or save it "
                                                 "as .docx in Word) and parse that")
    return read_text_bytes(data)


def read_path(path: Path, *, pdf_backend: str = "pypdfium2", max_bytes: int | None = None,
              max_pages: int | None = None) -> tuple[Document, bytes]:
    """Read one file; every failure is a ReferatError naming the problem."""
    try:
        if path.is_dir():
            raise ReferatError("is_directory", "is a directory, not a file")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A pipe, /dev/stdin or a device: its size is unknown until read, so read it as a stream
            # and stop one byte past the limit (/dev/zero must not fill the memory).
            data = _read_stream(path, max_bytes)
        elif max_bytes is not None and info.st_size > max_bytes:
            raise ReferatError("too_large", f"file is {info.st_size:,} bytes, over the limit of {max_bytes:,}")
        else:
            data = path.read_bytes()
    except FileNotFoundError:
        raise ReferatError("not_found", "no such file") from None
    except PermissionError:
        raise ReferatError("permission_denied", "permission denied") from None
    except OSError as exc:
        raise ReferatError("unreadable", f"cannot read file ({exc.strerror or exc})") from None
    return read_bytes(data, pdf_backend=pdf_backend, max_pages=max_pages), data


def _read_stream(path: Path, max_bytes: int | None) -> bytes:
    chunks: list[bytes] = []
    total = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if max_bytes is not None and total > max_bytes:
                raise ReferatError("too_large", f"stream is over the limit of {max_bytes:,} bytes")
    return b"".join(chunks)
