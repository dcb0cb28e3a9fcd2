"""The report as one self-contained HTML file: no external resources, the pictures as
inline SVG, and print styles so it prints well on A4: a contents list, page numbers in
the page's margin (CSS paged media, which Chromium prints), headings kept with what
follows them and table rows never split over two pages."""

from __future__ import annotations

from html import escape

from .drawing import to_svg
from .document import Bullets, Document, Heading, Paragraph, Picture, Table

STYLE = """
body { font-family: Helvetica, Arial, sans-serif; color: #222; max-width: 52rem; margin: 2rem auto;
  padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.1rem; }
.banner { background: #fff4d6; border: 1px solid #d97706; padding: .6rem .8rem; font-weight: bold; }
.label { font-weight: bold; margin-bottom: .2rem; }
.muted { color: #555; font-style: italic; }
blockquote { border-left: 4px solid #2f6fb3; margin: 1rem 0; padding: .2rem 1rem; }
blockquote footer { color: #555; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: .9rem; }
nav.contents ol { columns: 2; padding-left: 1.2rem; margin: .3rem 0 1rem; }
nav.contents a { color: inherit; text-decoration: none; }
nav.contents .contents-title { font-weight: bold; }
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-center { content: counter(page) " / " counter(pages); font: 9pt Helvetica, Arial, sans-serif;
    color: #555; } }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h1, h2, h3, .label { break-after: avoid; break-inside: avoid; }
  figure, blockquote, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  p { orphans: 3; widows: 3; }
}
"""


def render(doc: Document) -> str:
    body = [f"<h1>{escape(doc.title)}</h1>"]
    sections = [b for b in doc.blocks if isinstance(b, Heading) and b.level <= 2]
    anchors = {id(h): f"section-{n}" for n, h in enumerate(sections, start=1)}
    if sections and doc.contents:
        items = "".join(f"<li><a href=\"#{anchors[id(h)]}\">{escape(h.text)}</a></li>" for h in sections)
        body.append(f"<nav class=\"contents\"><p class=\"contents-title\">{escape(doc.contents)}</p>"
                    f"<ol>{items}</ol></nav>")
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(6, block.level)
            anchor = f" id=\"{anchors[id(block)]}\"" if id(block) in anchors else ""
            body.append(f"<h{level}{anchor}>{escape(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            text = escape(block.text).replace("\n", "<br>")
            if block.style == "quote":
                body.append(f"<blockquote><p>{text}</p><footer>— {escape(block.by)}</footer></blockquote>")
            elif block.style:
                body.append(f"<p class=\"{block.style}\">{text}</p>")
            else:
                # A blank line in the text is a new paragraph, not two line breaks.
                body += [f"<p>{escape(part).replace(chr(10), '<br>')}</p>"
                         for part in block.text.split("\n\n") if part.strip()]
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{escape(i).replace(chr(10), '<br>')}</li>" for i in block.items)
            body.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in block.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(block, Picture):
            svg = to_svg(block.drawing, block.alt, block.name)
            body.append(f"<figure>{svg}<figcaption>{escape(block.alt)}</figcaption></figure>")
    return (
        f"<!DOCTYPE html>\n<html lang=\"{doc.language}\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(doc.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body) + "\n</body>\n</html>\n"
    )
