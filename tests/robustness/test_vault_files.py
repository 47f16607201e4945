"""Issue 15 points 3 and 7: private files whatever the umask, nothing clobbered, one writer.

Real processes under umask 022, real files, a planted symlink, a hard link.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from pos import files
from pos.store import Store, StoreError
from tests.helpers.cli import ROOT

posix_only = pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX's")


def run_app(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` in a shell whose umask is 022 (the usual default)."""
    command = "umask 022; exec " + " ".join([sys.executable, "main.py", *(f"'{a}'" for a in args)])
    return subprocess.run(
        ["sh", "-c", command], cwd=ROOT, env=env or dict(os.environ),
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@posix_only
def test_everything_the_app_writes_is_private_under_umask_022(
    tmp_path: Path, isolated_dirs: Path
) -> None:
    hub = tmp_path / "new" / "hub.sqlite"  # the folder does not exist yet: we create it
    out = tmp_path / "out"
    assert run_app("demo", "--out", str(hub), "--orders", "30").returncode == 0
    report = run_app("report", "--db", str(hub), "--out", str(tmp_path / "day.csv"))
    assert report.returncode == 0, report.stderr
    assert run_app("report", "--db", str(hub), "--out", str(tmp_path / "day.pdf")).returncode == 0
    lists = run_app("lists", "--db", str(hub), "--out", str(out), "--kind", "harvest")
    assert lists.returncode == 0, lists.stderr
    backup = run_app("backup", "--db", str(hub))
    assert backup.returncode == 0, backup.stderr
    made = Path(backup.stdout.strip())
    receipts = tmp_path / "receipts.bin"  # a receipt printer that is a file (an archive)
    printed = run_app("print-test", "--printer", f"file://{receipts}")
    assert printed.returncode == 0, printed.stderr

    written = [hub, hub.with_name("hub.sqlite.lock"), tmp_path / "day.csv", made]
    written += [tmp_path / "day.pdf", receipts, *out.iterdir()]
    logs = isolated_dirs / "log"
    written += [logs / "foodhub-pos.log", logs / "foodhub-pos.crash"]
    for path in written:
        assert path.exists(), path
        assert mode(path) == 0o600, f"{path} is {oct(mode(path))}"
    for folder in (hub.parent, out, made.parent, logs):
        assert mode(folder) == 0o700, f"{folder} is {oct(mode(folder))}"


@posix_only
def test_the_database_wal_and_shm_are_private_while_a_process_writes(tmp_path: Path) -> None:
    """Store.open alone (no main(): a script) under umask 022: the WAL and SHM follow the file."""
    db = tmp_path / "hub.sqlite"
    script = textwrap.dedent(
        f"""
        import os, sys
        os.umask(0o022)
        from pos.store import Store
        store = Store.open({str(db)!r})
        from pos.domain import settings as s
        store.settings.set(s.RECEIPT_FOOTER, "probe")
        print(oct(os.stat({str(db) + "-wal"!r}).st_mode & 0o777),
              oct(os.stat({str(db) + "-shm"!r}).st_mode & 0o777), flush=True)
        store.close()
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0o600", "0o600"]
    assert mode(db) == 0o600


@posix_only
def test_a_database_left_readable_by_an_older_version_is_made_private(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    Store.open(db).close()
    os.chmod(db, 0o644)
    Store.open(db).close()
    assert mode(db) == 0o600


# point 7: --out refuses to overwrite ------------------------------------------------------
def test_out_refuses_an_existing_file_unless_force(tmp_path: Path, demo_db: Path) -> None:
    csv_out = tmp_path / "day.csv"
    csv_out.write_text("keep me\n")
    refused = run_app("report", "--db", str(demo_db), "--out", str(csv_out))
    assert refused.returncode == 1
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert csv_out.read_text() == "keep me\n"
    forced = run_app("report", "--db", str(demo_db), "--out", str(csv_out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert csv_out.read_text() != "keep me\n"

    target = tmp_path / "copy.sqlite"
    target.write_bytes(b"not a backup")
    assert run_app("backup", "--db", str(demo_db), "--out", str(target)).returncode == 1
    assert target.read_bytes() == b"not a backup"
    assert run_app("backup", "--db", str(demo_db), "--out", str(target), "--force").returncode == 0
    with closing(sqlite3.connect(target)) as conn:
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] > 0

    assert run_app("demo", "--out", str(target), "--orders", "5").returncode == 1


def test_lists_refuse_to_overwrite_before_writing_anything(tmp_path: Path, demo_db: Path) -> None:
    out = tmp_path / "lists"
    first = run_app("lists", "--db", str(demo_db), "--out", str(out), "--kind", "sheet")
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run_app("lists", "--db", str(demo_db), "--out", str(out), "--kind", "sheet")
    assert again.returncode == 1 and "--force" in again.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    forced = run_app("lists", "--db", str(demo_db), "--out", str(out), "--kind", "sheet", "--force")
    assert forced.returncode == 0, forced.stderr


# point 7: temporary files exclusive, no symlink followed ----------------------------------
@posix_only
def test_a_planted_symlink_is_never_written_through(tmp_path: Path, demo_db: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    planted = tmp_path / "day.csv"
    planted.symlink_to(victim)
    # without --force the link counts as an existing file
    assert run_app("report", "--db", str(demo_db), "--out", str(planted)).returncode == 1
    # with --force the new file replaces the link; the file it pointed at is untouched
    assert run_app("report", "--db", str(demo_db), "--out", str(planted), "--force").returncode == 0
    assert victim.read_text() == "precious\n"
    assert not planted.is_symlink() and "order" in planted.read_text().lower()
    # creating exclusively refuses a link, even a dangling one
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(FileExistsError):
        files.create_exclusive(dangling)
    assert not (tmp_path / "nowhere").exists()


@posix_only
def test_temporary_files_are_new_private_files_beside_the_target(tmp_path: Path) -> None:
    seen: list[tuple[str, int]] = []

    def spy(fh: object) -> None:
        for item in tmp_path.iterdir():
            if item.name.endswith(".tmp"):
                seen.append((item.name, mode(item)))
        fh.write(b"data")  # type: ignore[attr-defined]

    files.write_atomic(tmp_path / "out.pdf", spy)
    assert len(seen) == 1 and seen[0][1] == 0o600 and seen[0][0].startswith(".out.pdf.")
    assert (tmp_path / "out.pdf").read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


# point 7: a database that is not ours -----------------------------------------------------
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_database_of_another_program_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes(text) VALUES ('buy kale')")
    conn.close()
    before = _digest(other)
    with pytest.raises(StoreError, match="another program"):
        Store.open(other)
    assert _digest(other) == before

    # another program that also numbers its schema with user_version
    versioned = tmp_path / "versioned.sqlite"
    with sqlite3.connect(versioned) as conn:
        conn.execute("CREATE TABLE things (id INTEGER PRIMARY KEY)")
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    before = _digest(versioned)
    with pytest.raises(StoreError, match="another program"):
        Store.open(versioned)
    assert _digest(versioned) == before

    # and one that marks itself with its own application id
    marked = tmp_path / "marked.sqlite"
    with sqlite3.connect(marked) as conn:
        conn.execute("PRAGMA application_id = 1234")
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store.open(marked)


def test_our_older_databases_without_the_mark_still_open(tmp_path: Path) -> None:
    """A database from before the application id: our tables, so it is ours; marked after."""
    db = tmp_path / "old.sqlite"
    with Store.open(db, schema_version=1) as store:
        store.db.conn.execute("PRAGMA application_id = 0")
    with Store.open(db) as store:
        assert store.scalar("PRAGMA application_id") == 0x46485053


# point 7: one writer per file, whatever its name ------------------------------------------
HOLDER = """
import sys, time
from pos.store import Store
store = Store.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
store.close()
"""


@posix_only
def test_a_hard_link_cannot_get_a_second_writer(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    Store.open(db).close()
    elsewhere = tmp_path / "other-folder"
    elsewhere.mkdir()
    link = elsewhere / "same-file.sqlite"
    os.link(db, link)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        second = subprocess.run(
            [sys.executable, "-c", HOLDER, str(link)], cwd=ROOT,
            input="\n", capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert second.returncode != 0
        assert "already open" in second.stderr
        with pytest.raises(StoreError, match="already open"):  # nor in this process
            Store.open(link)
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=60)
        if holder.stdout is not None:
            holder.stdout.close()
    Store.open(link).close()  # free again once the holder closed


def test_another_path_to_the_same_file_is_the_same_writer(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    with Store.open(db):
        with pytest.raises(StoreError, match="already open"):
            Store.open(tmp_path / "." / ".." / tmp_path.name / "hub.sqlite")
        if os.name == "posix":
            alias = tmp_path / "alias.sqlite"
            alias.symlink_to(db)
            with pytest.raises(StoreError, match="already open"):
                Store.open(alias)


def test_vault_commands_refuse_in_one_sentence_in_the_users_language(
    tmp_path: Path, demo_db: Path
) -> None:
    missing = tmp_path / "nowhere.sqlite"
    for lang, no_database, no_backup in (
        ("fr", "Il n'y a pas de base de données", "Il n'y a aucune sauvegarde intacte de"),
        ("en", "There is no database", "There is no good backup of"),
    ):
        env = {**os.environ, "FOODHUB_POS_LANG": lang}
        done = run_app("backup", "--db", str(missing), env=env)
        assert done.returncode == 1 and done.stderr.startswith(f"error: {no_database}")
        done = run_app("restore", "--db", str(demo_db), env=env)
        assert done.returncode == 1 and done.stderr.startswith(f"error: {no_backup}")
        assert "Traceback" not in done.stderr
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"garbage " * 512)
    env = {**os.environ, "FOODHUB_POS_LANG": "fr"}
    done = run_app("lists", "--db", str(damaged), "--out", str(tmp_path), env=env)
    error, hint = done.stderr.strip().splitlines()[-2:]
    # not SQLite's header: it may be encrypted (KeyMissing) or damaged; either way, in French
    assert done.returncode == 1 and error.startswith(f"error: {damaged} est chiffré")
    assert hint.startswith("Il n'y a aucune sauvegarde intacte de")  # the way out, in French too
