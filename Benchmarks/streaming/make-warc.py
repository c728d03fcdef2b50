#!/usr/bin/env python3
"""Writes a .warc.gz of invented release pages (one gzip member per `response` record, as crawlers write
them) of about SIZE megabytes, for measuring that `parley ingest` reads a crawl of any size with flat memory.

Each page is an HTML article holding one release of `make-releases.py` and, in a `<script>` the reader drops,
PADDING kilobytes of random base64 (a crawl's scripts and styles), so a gigabyte holds some thousands of pages
rather than a million. Seeded: the same arguments give the same file.

    python3 make-warc.py 1024 /tmp/crawl.warc.gz [PADDING_KB=96] [SEED=1]
"""
import base64
import gzip
import html
import importlib.util
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("make_releases", os.path.join(here, "make-releases.py"))
releases = importlib.util.module_from_spec(spec)
spec.loader.exec_module(releases)


def page(rng, i, padding_kb):
    title, date, text = releases.release(rng, i)
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n\n")[1:] if p.strip())
    filler = base64.b64encode(rng.randbytes(padding_kb * 768)).decode()
    body = (f"<!doctype html><html><head><title>{html.escape(title)}</title>"
            f'<meta property="article:published_time" content="{date}T09:00:00Z"></head><body>'
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>{html.escape(title)}</h1>\n"
            f"{paragraphs}</article><script>var blob = \"{filler}\";</script><footer>Press office</footer></body></html>")
    payload = body.encode()
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
            + str(len(payload)).encode() + b"\r\n\r\n" + payload)
    url = f"https://press.example.org/news/{date}/release-{i}"
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: {date}T09:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{i:08d}-0000-4000-8000-000000000000>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def main():
    size_mb, path = float(sys.argv[1]), sys.argv[2]
    padding_kb = int(sys.argv[3]) if len(sys.argv) > 3 else 96
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    limit = int(size_mb * 1024 * 1024)
    written, i = 0, 0
    with open(path, "wb") as out:
        while written < limit:
            member = gzip.compress(page(rng, i, padding_kb), compresslevel=1)
            out.write(member)
            written += len(member)
            i += 1
    print(f"{path}: {i} pages, {written / 1048576:.0f} MB")


if __name__ == "__main__":
    main()
