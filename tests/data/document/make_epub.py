#!/usr/bin/env python3
"""Builds the EPUB fixtures of tst_document (epubChaptersAndOutline): python3 make_epub.py OUT KIND
with KIND epub3 (navigation document), epub2 (NCX only) or drm (with META-INF/encryption.xml)."""
import sys, zipfile
out, kind = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(out, 'w')
z.writestr('mimetype', 'application/epub+zip')
z.writestr('META-INF/container.xml', '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
nav = 'properties="nav"' if kind == 'epub3' else ''
z.writestr('OEBPS/content.opf', '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Lighthouse</dc:title><dc:creator>A. Keeper</dc:creator></metadata>'
  '<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" ' + nav + '/><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
  '<item id="c2" href="text/two.xhtml" media-type="application/xhtml+xml"/><item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/></manifest>'
  '<spine toc="ncx"><itemref idref="c1"/><itemref idref="c2"/></spine></package>')
z.writestr('OEBPS/text/one.xhtml', '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title><style>p{}</style></head><body><h1>Arrival</h1><p>The keeper  lit the\n lamp.</p><p>Ships passed<br/>all night.</p></body></html>')
z.writestr('OEBPS/text/two.xhtml', '<html xmlns="http://www.w3.org/1999/xhtml"><body><h2>The Storm</h2><p>Waves broke on the <em>rocks</em>.</p><ul><li>one</li><li>two</li></ul></body></html>')
z.writestr('OEBPS/nav.xhtml', '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol><li><a href="text/one.xhtml">Chapter 1: Arrival</a><ol><li><a href="text/one.xhtml#lamp">The Lamp</a></li></ol></li><li><a href="text/two.xhtml">Chapter 2: The Storm</a></li></ol></nav></body></html>')
z.writestr('OEBPS/toc.ncx', '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap><navPoint id="a"><navLabel><text>One (NCX)</text></navLabel><content src="text/one.xhtml"/></navPoint><navPoint id="b"><navLabel><text>Two (NCX)</text></navLabel><content src="text/two.xhtml"/></navPoint></navMap></ncx>')
if kind == 'drm':
    z.writestr('META-INF/encryption.xml', '<encryption/>')
z.close()
