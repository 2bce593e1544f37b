"""Large values streamed into and out of BLOB columns in chunks, never whole in memory."""

from __future__ import annotations


def insert_streamed(db, table: str, column: str, values: dict, size: int, stream, chunk: int = 1 << 20) -> str:
    """Insert a row whose ``column`` is a BLOB of ``size`` bytes read from ``stream`` in chunks (never whole
    in memory); returns the SHA-256 of what was written. Call inside a transaction."""
    import hashlib

    names = [*values, column]
    cur = db.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(values))}, zeroblob(?))",
                     [*values.values(), size])
    digest = hashlib.sha256()
    with db.conn.blobopen(table, column, cur.lastrowid) as blob:
        while block := stream.read(chunk):
            digest.update(block)
            blob.write(block)
    return digest.hexdigest()
