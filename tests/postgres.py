"""A throwaway PostgreSQL server for the tests: the installed server binaries (Debian's postgresql package),
a temporary data directory, and a Unix socket in it, so that no port is taken and nothing outside is touched."""
from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
from glob import glob
from itertools import count
from pathlib import Path


class Unavailable(Exception):
    """No server can be started here; the message says why."""


def _bindir() -> Path:
    """Where initdb and pg_ctl are: on the PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    if found := shutil.which("initdb"):
        return Path(found).parent
    versions = sorted(glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda path: int(re.search(r"/(\d+)/bin/", path).group(1)))
    if not versions:
        raise Unavailable("the PostgreSQL server is not installed (apt-get install postgresql)")
    return Path(versions[-1]).parent


def _server_user() -> str | None:
    """The account to run the server as when the tests run as root, which PostgreSQL refuses."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name).pw_name
        except KeyError:
            continue
    raise Unavailable("running as root with neither a postgres nor a nobody account to run the server as")


class Server:
    """A server on a Unix socket in a fresh directory; databases are created on it as the tests need them."""

    def __init__(self) -> None:
        try:
            import psycopg
        except ImportError as err:
            raise Unavailable(f"the PostgreSQL driver is not installed (pip install \"dossier[postgres]\"): {err}")
        self._psycopg = psycopg
        bindir = _bindir()
        user = _server_user()
        self.socket_dir = Path(tempfile.mkdtemp(prefix="dossier-pg-"))
        if user:
            shutil.chown(self.socket_dir, user)
        self._run_as = ["runuser", "-u", user, "--"] if user else []
        self._pg_ctl = str(bindir / "pg_ctl")
        self._data = self.socket_dir / "data"
        self._log = self.socket_dir / "server.log"
        self._names = count(1)
        try:
            self._run(str(bindir / "initdb"), "-D", str(self._data), "-U", "postgres", "--auth=trust",
                      "--encoding=UTF8", "--locale=C")
            # A server for tests: nothing it holds needs to survive a crash, so nothing is flushed to disk.
            options = (f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                       "-c full_page_writes=off")
            self._run(self._pg_ctl, "-D", str(self._data), "-l", str(self._log), "-o", options, "-w", "start")
        except Unavailable:
            shutil.rmtree(self.socket_dir, ignore_errors=True)
            raise

    def _run(self, *command: str) -> None:
        try:
            done = subprocess.run([*self._run_as, *command], cwd=self.socket_dir, capture_output=True, text=True,
                                  timeout=120)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise Unavailable(f"{Path(command[0]).name} could not be run: {err}") from err
        if done.returncode != 0:
            log = self._log.read_text(errors="replace") if self._log.exists() else ""
            raise Unavailable(f"{Path(command[0]).name} failed: {done.stderr.strip()} {log.strip()}".strip())

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of a database on this server."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}"

    def create_database(self) -> str:
        """A new, empty database; its URL."""
        name = f"dossier_{next(self._names)}"
        with self._psycopg.connect(host=str(self.socket_dir), user="postgres", dbname="postgres",
                                   autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run(self._pg_ctl, "-D", str(self._data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.socket_dir, ignore_errors=True)
