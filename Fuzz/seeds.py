#!/usr/bin/env python3
"""Writes the seed corpora for Parley's fuzz targets into DEST/<Target>/ from the repository's own
fixtures and Examples (written by us; no web text). Archives, feeds and sitemaps are built here from
those files with the standard library, so nothing binary is committed."""
import gzip, io, os, pathlib, struct, sys, tarfile, zipfile, zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEST = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "Fuzz" / "corpus" / "seeds")
MAX = 32 * 1024  # seeds beyond the fuzzers' -max_len are cut anyway

def files(*patterns):
    out = []
    for p in patterns:
        out += sorted(ROOT.glob(p))
    return [f for f in out if f.is_file()]

texts = files("Examples/*.txt", "Tests/ParleyCoreTests/Fixtures/releases/*.txt")
pages = files("Examples/*.html", "Tests/ParleyCoreTests/Fixtures/html/*.html")
jsonl = files("Examples/*.jsonl")
small_text = [t for t in texts if t.stat().st_size < 8000][:6]
small_page = [p for p in pages if p.stat().st_size < 12000][:4]

def write(target, name, data):
    d = DEST / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data[:MAX] if target in ("FuzzText", "FuzzHTML", "FuzzExtractor") else data)

for f in texts:
    write("FuzzText", f.name, f.read_bytes())
    write("FuzzExtractor", f.name, f.read_bytes())
for f in pages:
    write("FuzzHTML", f.name, f.read_bytes())
for f in jsonl:
    data = f.read_bytes()
    write("FuzzJSONL", f.name, data)
    for i, line in enumerate(data.splitlines()[:8]):
        write("FuzzJSONL", f"{f.stem}-line{i + 1}.jsonl", line + b"\n")
write("FuzzJSONL", "html-record.jsonl",
      b'{"id":"a","url":"https://mfa.example/1","title":"T","published":"2025-03-04","site":"MFA","html":"<p>Hello \\u00e9</p>"}\n{"id":"b","text":"x"}\n')
write("FuzzText", "date-field.txt", b" date 2025-03-04 Minister Ana Lima met the Ambassador of Chile.\n")

# WARC: one response record per page and text, plain and gzip-compressed (one member per record).
def warc_record(uri, body, ctype):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\n\r\n" + body)
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-04T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{sum(uri.encode()):032x}>\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"

info = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 12\r\n\r\nsoftware: x\n\r\n\r\n"
chunked_body = b"<html><body><p>Minister met Ambassador.</p></body></html>"
chunked = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://mfa.example/c\r\n")
http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\nTransfer-Encoding: chunked\r\n\r\n"
        + f"{len(chunked_body):x}\r\n".encode() + chunked_body + b"\r\n0\r\n\r\n")
chunked += f"Content-Length: {len(http)}\r\n\r\n".encode() + http + b"\r\n\r\n"
records = [info, chunked] + [warc_record(f"https://mfa.example/{p.stem}", p.read_bytes(), "text/html; charset=utf-8") for p in small_page] \
    + [warc_record(f"https://mfa.example/{t.stem}.txt", t.read_bytes(), "text/plain") for t in small_text[:2]]
write("FuzzWARC", "pages.warc", b"".join(records))
write("FuzzWARC", "one.warc", records[1])
write("FuzzWARC", "pages.warc.gz", b"".join(gzip.compress(r, mtime=0) for r in records[:3]))

# Bundles: tar, tar.gz and ZIP (stored and deflated) of texts, pages and a JSON Lines file.
members = [(f"releases/{t.name}", t.read_bytes()) for t in small_text[:3]] + \
          [(f"pages/{p.name}", p.read_bytes()) for p in small_page[:2]] + [("notes.md", b"not read\n")] + \
          [(j.name, j.read_bytes()[:4000]) for j in jsonl]
def tar_bytes(entries, fmt=tarfile.USTAR_FORMAT):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 0
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()
write("FuzzTar", "bundle.tar", tar_bytes(members))
write("FuzzTar", "pax-long-name.tar", tar_bytes([("d/" + "n" * 120 + ".txt", small_text[0].read_bytes())], tarfile.PAX_FORMAT))
write("FuzzTar", "gnu-long-name.tar", tar_bytes([("d/" + "g" * 120 + ".txt", b"Minister met Ambassador.\n")], tarfile.GNU_FORMAT))
write("FuzzTar", "bundle.tar.gz", gzip.compress(tar_bytes(members[:2]), mtime=0))
for method, label in ((zipfile.ZIP_STORED, "stored"), (zipfile.ZIP_DEFLATED, "deflated")):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, (2025, 3, 4, 0, 0, 0)), data, compress_type=method)
        z.writestr("folder/", b"")
    write("FuzzZip", f"bundle-{label}.zip", buf.getvalue())

# Regression inputs: what fuzzing found, kept as seeds so every run tries them first.
for target in ("FuzzZip", "FuzzWARC", "FuzzTar"):
    write(target, "regression-empty-file", b"")  # FuzzZip: an empty archive leaked Foundation's read buffer
write("FuzzZip", "regression-one-byte", b"\xbc")  # FuzzZip: ZIPFoundation's leak on opening (Fuzz/lsan.supp)


def never_ending_deflate_zip():
    """FuzzZip (a hang): three deflated entries, the second's data a non-final stored deflate block said to be
    65,535 bytes long, so an inflater that reads past the entry's compressed size never sees an error or an end."""
    texts = [("a.txt", b"Minister Ana Lopes met Ambassador Karim Haddad on 4 May 2025."),
             ("b.txt", b"Deputy Minister Kwame Mensah received a delegation on 9 June 2025."),
             ("c.txt", b"Ana Lopes and Kwame Mensah signed an agreement.")]
    out, central = b"", b""
    for name, data in texts:
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        body = c.compress(data) + c.flush() if name != "b.txt" else bytes([0, 0xFF, 0xFF, 0, 0]) + data[:40]
        crc, n, offset = zlib.crc32(data), name.encode(), len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(body), len(data), len(n), 0) + n + body
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(body), len(data),
                               len(n), 0, 0, 0, 0, 0, offset) + n
    start = len(out)
    return out + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(texts), len(texts), len(central), start, 0)


write("FuzzZip", "regression-deflate-never-ends.zip", never_ending_deflate_zip())

# Feeds and sitemaps (invented).
write("FuzzFeed", "rss.xml", b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>MFA news</title>
<item><title>Minister meets Ambassador</title><link>https://mfa.example/news/1</link><pubDate>Tue, 04 Mar 2025 10:00:00 +0000</pubDate></item>
<item><title><![CDATA[Talks & more]]></title><link>/news/2</link><dc:date>2025-03-05</dc:date><guid>https://mfa.example/news/2</guid></item>
<item><title>No link</title></item>
</channel></rss>""")
write("FuzzFeed", "atom.xml", b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Embassy</title>
<entry><title>Visit</title><link rel="alternate" href="https://embassy.example/a"/><published>2025-03-04T09:00:00Z</published></entry>
<entry><title>Call</title><link href="b.html"/><updated>2025-03-06</updated></entry>
</feed>""")
write("FuzzFeed", "rdf.xml", b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://p.example/"><title>Party</title></channel>
<item rdf:about="https://p.example/1"><title>Delegation</title><link>https://p.example/1</link></item></rdf:RDF>""")
write("FuzzFeed", "sitemap.xml", b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://mfa.example/news/1</loc><lastmod>2025-03-04</lastmod></url>
<url><loc> https://mfa.example/news/2 </loc></url><url><lastmod>2025</lastmod></url></urlset>""")
write("FuzzFeed", "sitemap-index.xml", b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://mfa.example/s1.xml</loc><lastmod>2025-03-04T10:00:00+08:00</lastmod></sitemap></sitemapindex>""")
for target in sorted(os.listdir(DEST)):
    print(f"{target}: {len(os.listdir(DEST / target))} seeds")
