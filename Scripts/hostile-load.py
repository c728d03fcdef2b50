#!/usr/bin/env python3
"""Hostile load on `parley serve`, on loopback only, bounded in time.

Starts `parley serve` over a fresh database (the releases in Examples/ plus one long generated release,
ingested with `parley ingest`), then runs four attacks one after another, each for --seconds:

  slowloris   many connections sending a request's headers a byte at a time
  big-query   requests whose query string is 10 MB
  idle        10,000 connections opened at once that never send anything
  disconnect  clients that ask for a large page (8 times over, pipelined) and hang up after the first bytes

During each attack a separate client asks for an ordinary API page (a page of events, not cached) on
a new connection every --probe-interval seconds; the script reports how many of those were answered (200 within 5 s) and
their latency, and the server's resident memory and open file descriptors (from /proc) before,
at the peak of, and a few seconds after the attack. It exits 1 when the server stopped answering
others (fewer than --min-answered of the probes), or died.

Usage: Scripts/hostile-load.py [--parley .build/release/parley] [--seconds 30] [--attacks slowloris,idle,...]
The idle attack needs about 10,000 file descriptors in this process and as many in the server's: the
script raises its soft limit (RLIMIT_NOFILE) to the hard limit and the server inherits it. With the
defaults the run takes under 3 minutes; the scratch folder is removed at the end (--keep keeps it).

Figures of 7 December 2026 (2-core machine, release build; full table in Benchmarks/README.md,
"Hostile load"): requests of others answered during each attack, p50/p99, RSS MB before -> after,
descriptors before -> after:

  slowloris (1,000 conns)    78/78    1.9/6.2 ms    117.8 -> 132.4    20 -> 20   (all closed at 15 s)
  big-query (10 MB)         151/151   1.7/8.2 ms    132.4 -> 132.4    20 -> 20   (1,124 answered 414)
  idle (10,000 conns)       151/151   1.8/25.8 ms   132.4 -> 207.6    20 -> 20   (all closed at 15 s)
  disconnect (5 MB page)    188/188   1.6/8.5 ms    207.6 -> 243.4    20 -> 22   (2,638 requests)
"""
import argparse
import asyncio
import http.client
import json
import os
import pathlib
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PROBE_PATH = "/api/v1/events?limit=5"  # the probe varies the limit (1-60) so that its answers are not cached
ATTACKS = ["slowloris", "big-query", "idle", "disconnect"]


# ---- the server -------------------------------------------------------------------------------

def proc_status(pid):
    """VmRSS in MB and the number of open file descriptors of `pid`."""
    rss = 0.0
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
        fds = len(os.listdir(f"/proc/{pid}/fd"))
    except FileNotFoundError:
        return None, None
    return rss, fds


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def long_release(megabytes):
    """An invented release of about `megabytes` MB: the example releases' paragraphs over and over."""
    paragraphs = []
    for f in sorted((ROOT / "Examples").glob("*.txt")):
        paragraphs += [p for p in f.read_text().split("\n\n") if len(p) > 80]
    out, size, i = ["Minister meets delegation\n\n"], 0, 0
    while size < megabytes * 1_000_000:
        p = paragraphs[i % len(paragraphs)]
        out.append(p + "\n\n")
        size += len(p) + 2
        i += 1
    return "".join(out)


def start_server(args, work):
    db = work / "hostile.sqlite"
    long = work / "long-release.txt"
    long.write_text(long_release(args.large_mb))
    inputs = [str(p) for p in sorted((ROOT / "Examples").iterdir())] + [str(long)]
    t0 = time.time()
    subprocess.run([args.parley, "ingest", *inputs, "--db", str(db)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"database: {len(inputs)} inputs ingested in {time.time() - t0:.1f} s", flush=True)
    port = args.port or free_port()
    env = dict(os.environ)
    log = open(work / "server.log", "w")
    server = subprocess.Popen([args.parley, "serve", "--db", str(db), "--host", HOST, "--port", str(port),
                               "--log-level", "warning"], env=env, stdout=log, stderr=log)
    deadline = time.time() + 60
    while time.time() < deadline:
        if server.poll() is not None:
            sys.exit(f"parley serve exited with {server.returncode}: see {work / 'server.log'}")
        try:
            c = http.client.HTTPConnection(HOST, port, timeout=2)
            c.request("GET", PROBE_PATH)
            if c.getresponse().status == 200:
                c.close()
                return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("parley serve did not answer within 60 s")


# ---- measuring: the well-behaved client and the memory sampler -------------------------------

class Probe(threading.Thread):
    """Asks for an ordinary page on a new connection every `interval` seconds until stopped."""

    def __init__(self, port, interval):
        super().__init__(daemon=True)
        self.port, self.interval = port, interval
        self.results = []  # (answered, seconds)
        self.stop = threading.Event()

    def run(self):
        n = 0
        while not self.stop.is_set():
            t0 = time.monotonic()
            ok = False
            n += 1
            try:
                c = http.client.HTTPConnection(HOST, self.port, timeout=5)
                c.request("GET", f"/api/v1/events?limit={n % 60 + 1}")
                r = c.getresponse()
                r.read()
                ok = r.status == 200
                c.close()
            except OSError:
                pass
            self.results.append((ok, time.monotonic() - t0))
            self.stop.wait(max(0.0, self.interval - (time.monotonic() - t0)))

    def summary(self):
        answered = [t for ok, t in self.results if ok]
        lat = sorted(answered)
        p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else float("nan")
        return {"answered": len(answered), "attempted": len(self.results),
                "p50_ms": round(p(0.5), 1), "p99_ms": round(p(0.99), 1), "max_ms": round(p(1.0), 1)}


class Sampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_rss, self.peak_fds = 0.0, 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            rss, fds = proc_status(self.pid)
            if rss is not None:
                self.peak_rss, self.peak_fds = max(self.peak_rss, rss), max(self.peak_fds, fds)
            self.stop.wait(0.2)


# ---- the attacks --------------------------------------------------------------------------------

async def slowloris(port, seconds, connections=1000):
    """`connections` clients each send a request line, then one header byte per second, never finishing."""
    state = {"opened": 0, "closed_by_server": 0, "first_close_s": None}
    t0 = time.monotonic()

    async def one():
        try:
            reader, writer = await asyncio.open_connection(HOST, port)
        except OSError:
            return
        state["opened"] += 1
        try:
            writer.write(b"GET /api/v1/stats HTTP/1.1\r\nHost: localhost\r\n")
            header = b"X-Slow-Header: " + b"a" * 10_000
            for i in range(len(header)):
                if time.monotonic() - t0 > seconds:
                    return
                writer.write(header[i:i + 1])
                await asyncio.wait_for(writer.drain(), timeout=5)
                try:
                    data = await asyncio.wait_for(reader.read(1024), timeout=1.0)
                    if not data:
                        raise ConnectionResetError
                except asyncio.TimeoutError:
                    pass
        except (OSError, asyncio.TimeoutError):
            state["closed_by_server"] += 1
            if state["first_close_s"] is None:
                state["first_close_s"] = round(time.monotonic() - t0, 1)
        finally:
            writer.close()

    tasks = []
    for i in range(connections):
        tasks.append(asyncio.create_task(one()))
        if i % 100 == 99:
            await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)
    return state


async def big_query(port, seconds, parallel=4, megabytes=10):
    """`parallel` clients send, again and again, a GET whose query string is `megabytes` MB."""
    line = b"GET /api/v1/events?q=" + b"x" * (megabytes << 20) + b" HTTP/1.1\r\nHost: localhost\r\n\r\n"
    state = {"requests": 0, "answers": {}, "bytes_accepted_before_close": []}
    t0 = time.monotonic()

    async def one():
        while time.monotonic() - t0 < seconds:
            state["requests"] += 1
            sent = 0
            try:
                reader, writer = await asyncio.open_connection(HOST, port)
                status = "closed without an answer"
                # The answer is read while the request is still being sent: a server that refuses early may
                # stop reading, and then a write would wait for ever.
                answer = asyncio.create_task(reader.readline())
                try:
                    for i in range(0, len(line), 1 << 16):
                        if answer.done():
                            break
                        writer.write(line[i:i + (1 << 16)])
                        await asyncio.wait_for(writer.drain(), timeout=5)
                        sent = i + (1 << 16)
                except (OSError, asyncio.TimeoutError):
                    pass
                try:
                    head = await asyncio.wait_for(answer, timeout=10)
                    if head.startswith(b"HTTP/1.1 "):
                        status = head.split()[1].decode()
                except (OSError, asyncio.TimeoutError):
                    status = "no answer within 10 s"
                writer.transport.abort()
            except OSError:
                status = "connection refused"
            state["answers"][status] = state["answers"].get(status, 0) + 1
            state["bytes_accepted_before_close"].append(min(sent, len(line)))
            await asyncio.sleep(0.1)

    await asyncio.gather(*(one() for _ in range(parallel)))
    sent = state.pop("bytes_accepted_before_close")
    state["median_bytes_sent_before_server_stopped_reading"] = int(statistics.median(sent)) if sent else 0
    return state


async def idle(port, seconds, connections=10_000):
    """`connections` connections opened (500 at a time) and left silent; counts those the server closed."""
    state = {"opened": 0, "failed_to_open": 0, "closed_by_server": 0, "open_at_end": 0, "first_close_s": None}
    writers = []
    t0 = time.monotonic()

    async def watch(reader):
        try:
            await reader.read(1)
        except OSError:
            pass
        state["closed_by_server"] += 1
        if state["first_close_s"] is None:
            state["first_close_s"] = round(time.monotonic() - t0, 1)

    async def open_one():
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout=10)
        except (OSError, asyncio.TimeoutError):
            state["failed_to_open"] += 1
            return None
        state["opened"] += 1
        writers.append(writer)
        return asyncio.create_task(watch(reader))

    watchers = []
    for start in range(0, connections, 500):
        if time.monotonic() - t0 > seconds:
            break
        watchers += [w for w in await asyncio.gather(*(open_one() for _ in range(min(500, connections - start)))) if w]
    state["seconds_to_open"] = round(time.monotonic() - t0, 1)
    await asyncio.sleep(max(0.0, seconds - (time.monotonic() - t0)))
    state["open_at_end"] = state["opened"] - state["closed_by_server"]
    for w in writers:
        w.close()
    for w in watchers:
        w.cancel()
    await asyncio.gather(*watchers, return_exceptions=True)
    return state


async def disconnect(port, seconds, path, parallel=8):
    """`parallel` clients ask for the large page eight times over (pipelined) with a tiny receive window,
    read 16 KB and hang up (half of them with a reset)."""
    state = {"requests": 0, "bytes_read": 0, "errors": 0}
    t0 = time.monotonic()
    loop = asyncio.get_running_loop()

    async def one(n):
        while time.monotonic() - t0 < seconds:
            state["requests"] += 1
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.setblocking(False)
            try:
                await loop.sock_connect(s, (HOST, port))
                # The request pipelined 8 times: more answer than the kernel's buffers hold, so the server is
                # still writing when the client goes.
                await loop.sock_sendall(s, f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode() * 8)
                got = 0
                while got < 16384:
                    data = await asyncio.wait_for(loop.sock_recv(s, 4096), timeout=30)
                    if not data:
                        break
                    got += len(data)
                state["bytes_read"] += got
                if n % 2:
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            except (OSError, asyncio.TimeoutError):
                state["errors"] += 1
            finally:
                s.close()
            await asyncio.sleep(0.05)

    await asyncio.gather(*(one(n) for n in range(parallel)))
    return state


# ---- driver -------------------------------------------------------------------------------------

def large_page(port):
    """The path of the long release's page and its size in bytes."""
    c = http.client.HTTPConnection(HOST, port, timeout=60)
    c.request("GET", "/documents/long-release")
    r = c.getresponse()
    body = r.read()
    c.close()
    if r.status != 200:
        sys.exit(f"/documents/long-release answered {r.status}")
    return "/documents/long-release", len(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default = next((str(p) for p in (ROOT / ".build/release/parley", ROOT / ".build/debug/parley") if p.exists()), None)
    ap.add_argument("--parley", default=default, help="the parley binary (default: .build/release or debug)")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--seconds", type=float, default=30, help="length of each attack (default 30)")
    ap.add_argument("--settle", type=float, default=8, help="seconds after an attack before memory is read again")
    ap.add_argument("--attacks", default=",".join(ATTACKS))
    ap.add_argument("--idle-connections", type=int, default=10_000)
    ap.add_argument("--slowloris-connections", type=int, default=1000)
    ap.add_argument("--large-mb", type=float, default=2, help="size of the generated long release (MB of text)")
    ap.add_argument("--probe-interval", type=float, default=0.2)
    ap.add_argument("--min-answered", type=float, default=0.9, help="fraction of probes that must be answered")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder (database, server log) and print its path")
    args = ap.parse_args()
    if not args.parley:
        sys.exit("no parley binary: run `swift build -c release` or pass --parley")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    print(f"file descriptor limit: {hard} (this process and the server)", flush=True)
    if hard < args.idle_connections + 1000:
        print(f"warning: the file descriptor limit is {hard}; the idle attack will open fewer connections", flush=True)

    work = pathlib.Path(tempfile.mkdtemp(prefix="parley-hostile-"))
    server, port = start_server(args, work)
    report = {"server": {"pid": server.pid, "port": port}, "fd_limit": hard, "attacks": {}}
    failed = False
    try:
        path, size = large_page(port)
        print(f"large page {path}: {size / 1e6:.1f} MB", flush=True)
        for name in args.attacks.split(","):
            time.sleep(1)
            before = proc_status(server.pid)
            probe, sampler = Probe(port, args.probe_interval), Sampler(server.pid)
            probe.start(); sampler.start()
            t0 = time.monotonic()
            if name == "slowloris":
                figures = asyncio.run(slowloris(port, args.seconds, args.slowloris_connections))
            elif name == "big-query":
                figures = asyncio.run(big_query(port, args.seconds))
            elif name == "idle":
                figures = asyncio.run(idle(port, args.seconds, args.idle_connections))
            elif name == "disconnect":
                figures = asyncio.run(disconnect(port, args.seconds, path))
            else:
                sys.exit(f"unknown attack {name}")
            elapsed = time.monotonic() - t0
            probe.stop.set(); probe.join()
            time.sleep(args.settle)
            sampler.stop.set(); sampler.join()
            after = proc_status(server.pid)
            alive = server.poll() is None
            others = probe.summary()
            entry = {"seconds": round(elapsed, 1), "attack": figures, "others": others,
                     "rss_mb": {"before": round(before[0], 1), "peak": round(sampler.peak_rss, 1),
                                "after": round(after[0], 1) if after[0] else None},
                     "fds": {"before": before[1], "peak": sampler.peak_fds, "after": after[1]},
                     "server_alive": alive}
            report["attacks"][name] = entry
            print(f"\n== {name} ({elapsed:.0f} s)\n  attack: {json.dumps(figures)}\n"
                  f"  others answered {others['answered']}/{others['attempted']}, p50 {others['p50_ms']} ms, "
                  f"p99 {others['p99_ms']} ms, max {others['max_ms']} ms\n"
                  f"  RSS MB before {entry['rss_mb']['before']}, peak {entry['rss_mb']['peak']}, after {entry['rss_mb']['after']}; "
                  f"fds before {before[1]}, peak {sampler.peak_fds}, after {after[1]}", flush=True)
            if not alive or others["attempted"] == 0 or others["answered"] < args.min_answered * others["attempted"]:
                failed = True
            if not alive:
                break
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        if args.keep:
            print(f"scratch folder kept: {work}", flush=True)
        else:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(report, indent=2))
    print("\nFAILED: the server stopped answering others or died" if failed else "\nok", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
