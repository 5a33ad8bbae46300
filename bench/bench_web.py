#!/usr/bin/env python3
"""Load test of `newsgraph serve`: N concurrent clients on loopback for a bounded time.

Builds (once, then reuses) a synthetic store of `--facts` facts (newsgraph.web.demo:
power-law entity degrees, so a few hubs carry thousands of facts), starts the real server
in a subprocess, and has `--clients` clients fetch the entity page and /api/entities/{id}
of entities drawn from the whole degree range, hubs included. Prints p50/p95/p99 latency
per endpoint, errors and requests/s. Not a test: numbers depend on the machine.

    python bench/bench_web.py                        # 100,000 facts, 20 clients, 20 s
    python bench/bench_web.py --facts 10000 --seconds 5
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from newsgraph.store import open_store
from newsgraph.web.demo import free_port, synthetic_results

TARGET_P95_MS = 100.0


def build_store(path: Path, n_facts: int) -> None:
    """A synthetic store of about `n_facts` facts at `path`, unless one is there already."""
    if path.exists():
        return
    t0 = time.perf_counter()
    tmp = path.with_suffix(".building.db")
    for p in tmp.parent.glob(tmp.name + "*"):
        p.unlink()
    store = open_store(str(tmp))
    summary = store.add_results(synthetic_results(n_facts))
    counts = store.counts()
    store.close()
    tmp.rename(path)
    print(f"built {path}: {summary.format()}; {counts} in {time.perf_counter() - t0:.0f} s", flush=True)


def pick_entities(db: Path, n: int, seed: int = 1) -> list[str]:
    """`n` entity ids spread over the degree range: the top hubs, then a random sample."""
    from sqlalchemy import select

    from newsgraph.store.schema import entities

    store = open_store(str(db), create=False)
    with store.read() as conn:
        ids = conn.execute(select(entities.c.id).order_by(entities.c.mentions.desc())).scalars().all()
    store.close()
    rng = random.Random(seed)
    top = ids[:10]
    return top + rng.sample(ids[10:], min(len(ids) - 10, n - len(top)))


class Connection:
    """A minimal HTTP/1.1 keep-alive client: the load generator shares the machine with the
    server, and httpx costs ~2 ms of CPU a request (more than a cached page does)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


async def client(
    conn: Connection, ids: list[str], deadline: float, rng: random.Random, out: dict[str, list]
) -> None:
    while time.perf_counter() < deadline:
        eid = rng.choice(ids)
        kind = rng.choice(("page", "api"))
        url = f"/entities/{eid}" if kind == "page" else f"/api/entities/{eid}"
        t0 = time.perf_counter()
        try:
            ok = await conn.get(url) == 200
        except (OSError, asyncio.IncompleteReadError, ValueError):
            ok = False
            await conn.close()
            conn.writer = None
        out[kind].append((time.perf_counter() - t0) * 1000)
        if not ok:
            out["errors"].append(url)


async def prime(conns: list[Connection], ids: list[str]) -> None:
    """Ask once for every URL the clients will ask for (fills the page cache)."""
    queue = [u for eid in ids for u in (f"/entities/{eid}", f"/api/entities/{eid}")]

    async def worker(conn: Connection) -> None:
        while queue:
            await conn.get(queue.pop())

    await asyncio.gather(*(worker(c) for c in conns))


async def load(
    port: int, ids: list[str], clients: int, seconds: float, warmup: float, primed: bool
) -> dict[str, list]:
    conns = [Connection("127.0.0.1", port) for _ in range(clients)]
    if primed:
        t0 = time.perf_counter()
        await prime(conns, ids)
        print(f"primed {2 * len(ids)} URLs in {time.perf_counter() - t0:.1f} s", flush=True)
    warm: dict[str, list] = {"page": [], "api": [], "errors": []}
    end = time.perf_counter() + warmup
    await asyncio.gather(*(client(c, ids, end, random.Random(i), warm) for i, c in enumerate(conns)))
    out: dict[str, list] = {"page": [], "api": [], "errors": []}
    end = time.perf_counter() + seconds
    await asyncio.gather(*(client(c, ids, end, random.Random(100 + i), out) for i, c in enumerate(conns)))
    for c in conns:
        await c.close()
    return out


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] if len(values) > 1 else values[0]
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--facts", type=int, default=100_000, help="facts in the synthetic store (default 100,000)"
    )
    ap.add_argument("--db", help="store to use (default: out/bench_web_<facts>.db, built if missing)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--warmup", type=float, default=3.0)
    ap.add_argument("--entities", type=int, default=500, help="distinct entities the clients ask for")
    ap.add_argument("--workers", type=int, default=1, help="server processes (newsgraph serve --workers)")
    ap.add_argument(
        "--no-cache", action="store_true", help="serve without the page cache: every request computed"
    )
    ap.add_argument(
        "--prime",
        action="store_true",
        help="ask for every URL once before timing (a warm cache: steady state)",
    )
    args = ap.parse_args(argv)

    db = Path(args.db or f"out/bench_web_{args.facts}.db")
    db.parent.mkdir(parents=True, exist_ok=True)
    build_store(db, args.facts)
    ids = pick_entities(db, args.entities)

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_TOKEN"}
    env["NEWSGRAPH_WEB_CACHE"] = "0" if args.no_cache else "1"
    cmd = [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(
        cmd + ["--workers", str(args.workers)],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                httpx.get(base + "/api/entities?q=a&limit=1", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        out = asyncio.run(load(port, ids, args.clients, args.seconds, args.warmup, args.prime))
    finally:
        server.terminate()
        server.wait(timeout=10)

    total = len(out["page"]) + len(out["api"])
    print(f"store {db} ({args.facts:,} facts); {args.clients} clients for {args.seconds:.0f} s; ", end="")
    cache = "off" if args.no_cache else ("on, primed" if args.prime else "on, cold")
    print(f"{args.workers} worker(s), cache {cache}, {os.cpu_count()} CPUs")
    print(f"{'endpoint':<24}{'requests':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    ok = True
    for kind, label in (("page", "/entities/{id}"), ("api", "/api/entities/{id}")):
        v = out[kind]
        p95 = pct(v, 95)
        ok &= p95 < TARGET_P95_MS
        print(f"{label:<24}{len(v):>10}{pct(v, 50):>9.1f}{p95:>9.1f}{pct(v, 99):>9.1f}")
    print(f"throughput: {total / args.seconds:.0f} requests/s; errors: {len(out['errors'])}")
    ok &= not out["errors"]
    print(f"target (p95 < {TARGET_P95_MS:.0f} ms on both, no errors): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
