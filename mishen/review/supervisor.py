"""The supervisor of `mishen serve --workers N`: uvicorn's, with one listening socket per worker.

uvicorn's workers share one listening socket, and the first to wake accepts a whole burst of connections: 10
keep-alive clients gave 45 requests to one worker and 5 to the other (measured here), so the server worked as one
process while the other waited. Here every worker listens on a socket of its own, all bound to the same address
with SO_REUSEPORT, and the kernel spreads new connections over them."""
from __future__ import annotations

import logging
import socket

from uvicorn.config import STARTUP_FAILURE, Config
from uvicorn.supervisors.multiprocess import Multiprocess, Process

log = logging.getLogger(__name__)


def reuse_port_sockets(config: Config, count: int) -> list[socket.socket]:
    """``count`` listening TCP sockets on ``config``'s host and port with SO_REUSEPORT (port 0: all on the port
    the first one got). Made with IPPROTO_TCP: uvicorn binds with proto 0, accepted connections inherit that, and
    asyncio then leaves Nagle's algorithm on, so every keep-alive request after the first waits ~40 ms for the
    client's delayed ACK (uvicorn issue #3149; measured here: 44 ms for /openapi.json with 2 workers)."""
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    sockets: list[socket.socket] = []
    port = config.port
    try:
        for _ in range(count):
            sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((config.host, port))
            port = sock.getsockname()[1]
            sock.listen(config.backlog)
            sock.set_inheritable(True)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


class OwnSocketSupervisor(Multiprocess):
    """uvicorn's Multiprocess where worker ``i`` gets only socket ``i``, also when it replaces worker ``i``."""

    def __init__(self, config: Config, sockets: list[socket.socket]) -> None:
        super().__init__(config, sockets=sockets)
        self.processes_num = len(sockets)

    def _worker(self, index: int) -> Process:
        return Process(self.config, [self.sockets[index]])

    def init_processes(self) -> None:
        for index in range(self.processes_num):
            process = self._worker(index)
            process.start()
            self.processes.append(process)

    def restart_all(self) -> None:
        """SIGHUP: each worker replaced on its own socket, the new one serving before the old one stops."""
        for index, old in enumerate(self.processes):
            if self.should_exit.is_set():
                return
            new = self._worker(index)
            new.start()
            if not new.wait_until_ready(self.config.timeout_worker_healthcheck, self.should_exit):
                new.kill()
                new.join()
                return
            old.terminate()
            old.join()
            self.processes[index] = new

    def keep_subprocess_alive(self) -> None:
        """A dead or hung worker is replaced on its socket; one that failed to start stops the server."""
        if self.should_exit.is_set():
            return
        for index, process in enumerate(self.processes):
            if process.is_alive(timeout=self.config.timeout_worker_healthcheck):
                continue
            process.kill()
            process.join()
            if process.exitcode == STARTUP_FAILURE:
                log.error("worker %s failed to start; stopping the server", process.pid)
                self.should_exit.set()
                return
            if self.should_exit.is_set():
                return
            log.info("worker %s died; starting a new one", process.pid)
            replacement = self._worker(index)
            replacement.start()
            self.processes[index] = replacement
