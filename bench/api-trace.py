#!/usr/bin/env python3
"""Logging proxy for the Engine API: shows which calls a tool makes, on which connection, and when.

Listens on a unix socket and forwards every connection to the daemon's socket, printing one line per
request and one per response head (wall-clock time in epoch seconds, connection number, first line).
Run a tool with DOCKER_HOST=unix://SOCKET to trace it.
Usage: api-trace.py SOCKET [LOG] [DAEMON_SOCKET]      (default daemon: /var/run/docker.sock)
"""
import asyncio
import os
import re
import sys
import time

HEAD = re.compile(rb"(?:(GET|POST|PUT|DELETE|HEAD) (\S+) HTTP/1\.[01]|HTTP/1\.[01] (\d{3}))")


def main():
    sock = sys.argv[1]
    out = open(sys.argv[2], "w", buffering=1) if len(sys.argv) > 2 else sys.stdout
    daemon = sys.argv[3] if len(sys.argv) > 3 else "/var/run/docker.sock"
    counter = [0]

    def log(conn, arrow, text):
        out.write(f"{time.time():.3f} c{conn:<3} {arrow} {text}\n")

    async def pump(reader, writer, conn, arrow):
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                for m in HEAD.finditer(data):
                    if m.start() == 0 or data[m.start() - 1:m.start()] == b"\n":
                        if m.group(3):
                            log(conn, arrow, m.group(3).decode())
                        else:
                            log(conn, arrow, f"{m.group(1).decode()} {m.group(2).decode()}")
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            try:
                writer.close()
            except Exception:
                pass

    async def handle(creader, cwriter):
        counter[0] += 1
        conn = counter[0]
        log(conn, "++", "open")
        dreader, dwriter = await asyncio.open_unix_connection(daemon)
        await asyncio.gather(pump(creader, dwriter, conn, "->"), pump(dreader, cwriter, conn, "<-"))
        log(conn, "--", "close")

    async def serve():
        if os.path.exists(sock):
            os.unlink(sock)
        server = await asyncio.start_unix_server(handle, path=sock, limit=1 << 20)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
