#!/usr/bin/env python3
"""Slow-client attack for bench/serve-load.sh (not a test): COUNT connections that each send a
POST /predict head declaring a 1000-byte body, then one byte of it per second; when the server
answers or closes, the connection reports how and starts over. Runs until killed (SIGTERM), then
prints one line: the answers by status, connections closed without one, and connects refused.
    slow-clients.py HOST PORT [COUNT]"""
import asyncio
import collections
import signal
import sys

host, port = sys.argv[1], int(sys.argv[2])
count = int(sys.argv[3]) if len(sys.argv) > 3 else 250
outcomes = collections.Counter()
HEAD = (b"POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000\r\n\r\n")


async def one_upload():
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        outcomes["connect failed"] += 1
        await asyncio.sleep(1)
        return
    try:
        writer.write(HEAD)
        await writer.drain()
        for _ in range(1000):
            try:
                line = await asyncio.wait_for(reader.readline(), timeout=1.0)
            except asyncio.TimeoutError:
                writer.write(b"[")  # one byte a second
                await writer.drain()
                continue
            status = line.split(b" ")[1].decode() if line.startswith(b"HTTP/") else "closed without an answer"
            outcomes[status] += 1
            return
        outcomes["sent the whole body"] += 1
    except (ConnectionError, OSError):
        outcomes["closed without an answer"] += 1
    finally:
        writer.close()


async def keep_uploading():
    while True:
        await one_upload()


async def main():
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    tasks = [asyncio.create_task(keep_uploading()) for _ in range(count)]
    await stop.wait()
    for task in tasks:
        task.cancel()
    print("slow clients (%d at a time): %s" % (count, ", ".join(
        "%s: %d" % (k, v) for k, v in sorted(outcomes.items())) or "no outcome yet"), flush=True)


asyncio.run(main())
