"""Generate realistic saved web pages and Word files from the seed texts in fixtures/*.txt.

    python tools/make_markup_fixtures.py              # fixtures/html/*.html and fixtures/docx/*.docx
    python tools/make_markup_fixtures.py --out DIR    # DIR/html and DIR/docx

Each seed line becomes a block, classified as tools/make_pdf_fixtures.py classifies them (title,
item title, section heading, body, bullet, table of contents, table), and is marked up the way
municipal publishing systems do:

* **HTML**: a saved page of a "dagsordener og referater" site: site banner, navigation, breadcrumb,
  scripts (in the head and the body), a print button, a search form, a hidden "send to a friend"
  dialog, a related-links aside and a contact footer, all of which the reader must drop; the title
  as h1, item titles as h2, section headings as h3, the header fields ("Mødedato ...") as a table
  of th/td rows, the table of contents as linked paragraphs, tables as tables. Seeds 000 and 004
  are saved as windows-1252 with a meta tag, the others as UTF-8 (one with a byte-order mark).
* **Word**: the title in the Title style, item titles in Heading 1 (a numbered title "41. ..."
  as a Word list restarted at 41), section headings in Heading 2, dash bullets as a bullet list,
  header fields as a two-column table with bold labels, the table of contents as a TOC field
  (with its field code and PAGEREF fields) in "toc 1" paragraphs with a dot-leader tab, a page
  header part, and tables as tables.

The output is deterministic (fixed ZIP timestamps, no ids), so regenerating gives the same bytes
unless this script or a seed changed.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pdf_fixtures import Block, blocks_of  # the same classification as the PDFs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = ["000_825b12544cf79305", "001_36bd4c17d82e29bf", "002_25770b6235e3460e", "003_f9388b16bac5857a",
         "004_427661368110dddd"]
CP1252_SEEDS = {"000_825b12544cf79305", "004_427661368110dddd"}
BOM_SEEDS = {"002_25770b6235e3460e"}
# Labels that municipal systems print in a header table beside the meeting's date, place and members.
HEADER_LABELS = ("Mødedato", "Mødested", "Mødedeltagere", "Mødetidspunkt", "Dato", "Tid", "Sted", "Deltagere",
                 "Fraværende", "Afbud")
NUMBERED_TITLE = re.compile(r"^(?P<num>\d{1,3})\.\s+(?P<title>\S.*)$")
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


# --- header fields ----------------------------------------------------------------------------------

def _label(text: str) -> tuple[str, str] | None:
    for label in HEADER_LABELS:
        if text.startswith(label + " ") or text.startswith(label + ":"):
            return label, text[len(label):].lstrip(": ")
    return None


def header_rows(blocks: list[Block]) -> tuple[list[tuple[str, list[str]]], set[int]]:
    """The header fields near the top ("Mødedato Tirsdag ...") as (label, value lines), and the
    indexes of the blocks they cover. A value continues on the lines that follow it until the
    next label or the table of contents."""
    rows: list[tuple[str, list[str]]] = []
    covered: set[int] = set()
    for index, block in enumerate(blocks[:12]):
        if block.kind != "body":
            if rows:
                break
            continue
        field = _label(block.text)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if field is not None:
            rows.append((field[0], [field[1]]))
        elif rows and (following is None or following.kind != "toc"):
            rows[-1][1].append(block.text)
        elif rows:
            break
        else:
            continue
        covered.add(index)
    return rows, covered


# --- HTML -------------------------------------------------------------------------------------------

PAGE_HEAD = """<!DOCTYPE html>
<html lang="da">
<head>
<meta {charset}>
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Dagsordener og referater</title>
<link rel="stylesheet" href="/static/site.css">
<script src="/static/app.js"></script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "referat"}});</script>
<style>.modal {{ display: none }} .visually-hidden {{ position: absolute }}</style>
</head>
<body>
<a class="visually-hidden" href="#indhold">Gå til indhold</a>
<header class="site-header">
  <a href="/"><img src="/static/logo.svg" alt="Kommunens logo"></a>
  <span class="site-name">Politik og demokrati</span>
  <form class="search" action="/soeg"><label for="q">Søg</label><input id="q" name="q"><button>Søg</button></form>
</header>
<nav class="main-menu"><ul><li><a href="/borger">Borger</a></li><li><a href="/erhverv">Erhverv</a></li>
<li><a href="/politik">Politik</a></li></ul></nav>
<nav class="breadcrumb" aria-label="Brødkrumme"><a href="/politik">Politik</a> › <a href="/dagsordener">Dagsordener og referater</a></nav>
<main id="indhold">
<div class="toolbar"><button onclick="window.print()">Udskriv</button> <button class="share">Del</button></div>
<article class="meeting">
"""

PAGE_FOOT = """</article>
</main>
<aside class="related"><h2>Relaterede sider</h2><ul><li><a href="/politik/udvalg">Udvalg</a></li>
<li><a href="/politik/byraad">Byrådet</a></li></ul></aside>
<div class="modal" id="tip" role="dialog"><h4>Send siden til en ven</h4><p>Modtagerens e-mail</p></div>
<p hidden>Siden indlæses ...</p>
<footer class="site-footer"><p>Kontakt</p><p>Rådhuspladsen 1 · Telefon 70 00 00 00</p>
<p>Tilgængelighedserklæring · Cookies</p></footer>
<script>document.querySelectorAll("h2").forEach(function (h) {{ h.tabIndex = 0; }});</script>
</body>
</html>
"""


def _h(text: str) -> str:
    return html.escape(text, quote=False)


def html_page(seed: str, blocks: list[Block]) -> str:
    rows, covered = header_rows(blocks)
    title = next((b.text for b in blocks if b.kind == "title"), seed)
    charset = 'http-equiv="Content-Type" content="text/html; charset=windows-1252"' if seed in CP1252_SEEDS \
        else 'charset="utf-8"'
    out = [PAGE_HEAD.format(charset=charset, title=_h(title[:60]))]
    item_count = 0
    for index, block in enumerate(blocks):
        if index in covered:
            if index == min(covered):
                out.append('<table class="meeting-info">')
                for label, values in rows:
                    value = "<br>\n".join(_h(v) for v in values)
                    out.append(f"<tr><th scope=\"row\">{_h(label)}</th><td>{value}</td></tr>")
                out.append("</table>")
            continue
        if block.kind == "title":
            out.append(f'<header class="meeting-header"><h1>{_h(block.text)}</h1></header>')
        elif block.kind == "item":
            item_count += 1
            out.append(f'<section class="item" id="punkt-{item_count}">\n<h2>{_h(block.text)}</h2>')
            out.append('<div class="item-tools"><button>Hent som PDF</button></div>')
        elif block.kind == "heading":
            out.append(f"<h3>{_h(block.text)}</h3>")
        elif block.kind == "toc":
            entry, page = block.text.rsplit("\t", 1)
            out.append(f'<p class="toc"><a href="#punkt">{_h(entry)}</a>\t<span class="page">{page}</span></p>')
        elif block.kind == "table":
            out.append('<table class="data">')
            for number, row in enumerate(block.rows):
                cell = "th" if number == 0 else "td"
                out.append("<tr>" + "".join(f"<{cell}>{_h(c)}</{cell}>" for c in row) + "</tr>")
            out.append("</table>")
        else:
            out.append(f"<p>{_h(block.text)}</p>")
    out.append(PAGE_FOOT)
    return "\n".join(out)


def write_html(seed: str, target: Path) -> int:
    text = (FIXTURES / f"{seed}.txt").read_text(encoding="utf-8")
    page = html_page(seed, blocks_of(text))
    if seed in CP1252_SEEDS:
        data = page.encode("cp1252", errors="xmlcharrefreplace")
    else:
        data = (b"\xef\xbb\xbf" if seed in BOM_SEEDS else b"") + page.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return len(data)


# --- Word -------------------------------------------------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = XML_DECL + """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
</Types>"""

PACKAGE_RELS = XML_DECL + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = XML_DECL + """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>"""

STYLES = XML_DECL + f"""<w:styles {W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
  <w:rPr><w:sz w:val="40"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Indholdsfortegnelse1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9062"/></w:tabs></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Listeafsnit"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Sidehoved"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="table" w:styleId="Tabel-Gitter"><w:name w:val="Table Grid"/></w:style>
</w:styles>"""


def _run(text: str, *, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    parts = text.split("\t")
    runs = []
    for n, part in enumerate(parts):
        if n:
            runs.append(f"<w:r>{props}<w:tab/></w:r>")
        if part:
            runs.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
    return "".join(runs)


def _para(content: str, *, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    props = ""
    if style or num:
        props = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        if num:
            props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        props += "</w:pPr>"
    return f"<w:p>{props}{content}</w:p>"


def _cell(content: str, width: int) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>'


def _table(rows: list[str], widths: list[int]) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="Tabel-Gitter"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")


def _docx_block(block: Block, nums: list[str]) -> str:
    """One block as Word XML; a numbered item title becomes a Word list restarted at its number."""
    if block.kind == "title":
        return _para(_run(block.text), style="Titel")
    if block.kind == "item":
        numbered = NUMBERED_TITLE.match(block.text)
        if not numbered:
            return _para(_run(block.text), style="Overskrift1")
        num_id = len(nums) + 1
        nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                    f'<w:startOverride w:val="{numbered["num"]}"/></w:lvlOverride></w:num>')
        return _para(_run(numbered["title"]), style="Overskrift1", num=(num_id, 0))
    if block.kind == "heading":
        return _para(_run(block.text), style="Overskrift2")
    if block.kind == "bullet" and block.text.startswith("- "):
        return _para(_run(block.text[2:]), style="Listeafsnit", num=(1, 0))
    if block.kind == "table":
        width = 9000 // max(len(r) for r in block.rows)
        table_rows = ["<w:tr>" + "".join(_cell(_para(_run(c, bold=number == 0)), width) for c in row) + "</w:tr>"
                      for number, row in enumerate(block.rows)]
        return _table(table_rows, [width] * max(len(r) for r in block.rows))
    return _para(_run(block.text))


def _docx_toc_entry(block: Block, index: int, *, opens_field: bool) -> str:
    """A contents line as Word writes it: inside a TOC field, its page a PAGEREF field."""
    entry, page = block.text.rsplit("\t", 1)
    entry = entry.rstrip(".")
    field = ""
    if opens_field:
        field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
                 ' TOC \\o "1-1" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    pageref = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF '
               f'_Toc{index} \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
               f'{_run(page)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return _para(field + _run(entry) + "<w:r><w:tab/></w:r>" + pageref, style="Indholdsfortegnelse1")


def docx_parts(seed: str, blocks: list[Block]) -> tuple[str, str, str]:
    """(document.xml, numbering.xml, header1.xml) for one seed."""
    rows, covered = header_rows(blocks)
    title = next((b.text for b in blocks if b.kind == "title"), seed)
    body: list[str] = []
    # numId 1: the dash bullets; 2..: one list per numbered item title, restarted at its number.
    nums = ['<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>']
    toc_open = False
    for index, block in enumerate(blocks):
        if toc_open and block.kind != "toc":
            body.append(_para('<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
            toc_open = False
        if index in covered:
            if index == min(covered):
                table_rows = []
                for label, values in rows:
                    value = "".join(_para(_run(v)) for v in values)
                    table_rows.append(f"<w:tr>{_cell(_para(_run(label, bold=True)), 2200)}{_cell(value, 6800)}</w:tr>")
                body.append(_table(table_rows, [2200, 6800]))
            continue
        if block.kind == "toc":
            body.append(_docx_toc_entry(block, index, opens_field=not toc_open))
            toc_open = True
        else:
            body.append(_docx_block(block, nums))
    if toc_open:
        body.append(_para('<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    section = ('<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>'
               '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1701" '
               'w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')
    document = XML_DECL + f"<w:document {W_NS}><w:body>{''.join(body)}{section}</w:body></w:document>"
    numbering = XML_DECL + (
        f"<w:numbering {W_NS}>"
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/>'
        '<w:lvlJc w:val="left"/><w:suff w:val="space"/></w:lvl></w:abstractNum>'
        + "".join(nums) + "</w:numbering>")
    header = XML_DECL + (f"<w:hdr {W_NS}>"
                         + _para(_run(f"Referat · {title[:60]}"), style="Sidehoved")
                         + _para('<w:r><w:t xml:space="preserve">Side </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/>'
                                 '</w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar '
                                 'w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar '
                                 'w:fldCharType="end"/></w:r>', style="Sidehoved")
                         + "</w:hdr>")
    return document, numbering, header


def write_docx(seed: str, target: Path) -> int:
    text = (FIXTURES / f"{seed}.txt").read_text(encoding="utf-8")
    document, numbering, header = docx_parts(seed, blocks_of(text))
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS),
                           ("word/document.xml", document), ("word/_rels/document.xml.rels", DOCUMENT_RELS),
                           ("word/styles.xml", STYLES), ("word/numbering.xml", numbering),
                           ("word/header1.xml", header)):
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
    return target.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=FIXTURES)
    args = parser.parse_args()
    for seed in SEEDS:
        for kind, write in (("html", write_html), ("docx", write_docx)):
            target = args.out / kind / f"{seed}.{kind}"
            print(f"{target} ({write(seed, target):,} bytes)")


if __name__ == "__main__":
    main()
