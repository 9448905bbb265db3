#!/usr/bin/env python3
"""Shrinks a live capture to what its workload needs, and writes it gzip-compressed.

    prune_capture.py IN.scap OUT.scap.gz

A live capture starts with the process list and the descriptor tables of every process on the
machine. The rules tests need only the threads that make events and their parents and
grandparents (proc.pname, proc.aname[2]), so the process-list entries and the descriptor-list
blocks of every other thread are left out. The environment of the threads that stay is blanked in the process
list: the rules do not read it, and it holds whatever the machine's shells had set. Events are
copied byte for byte. The format is shared/spec/scap-format.md: the process list is one V9 block
(0x215, entries prefixed by their length), the descriptor lists are V2 blocks (0x218), one per
thread, starting with the thread id.
"""
import gzip
import json
import pathlib
import struct
import sys

SECTION_HEADER = 0x0A0D0D0A
PROCESS_LIST_V9 = 0x215
FD_LIST_V2 = 0x218
# Event blocks: body = cpu u16, [dump flags u32], then the event header (ts u64, tid u64, ...).
EVENT_TID_OFFSET = {0x216: 2 + 8, 0x221: 2 + 8, 0x217: 2 + 4 + 8, 0x222: 2 + 4 + 8}
ANCESTOR_LEVELS = 2
EVENT_HEADER = 26  # ts u64, tid u64, len u32, type u16, nparams u32
SCHEMA = pathlib.Path(__file__).resolve().parents[4] / "driver/api/schema/event_table.json"


def parent_param_events():
    """Codes of the process-creating exit events (clone, fork, execve, ...), whose sixth
    parameter is the parent's thread id: a new process's parent may make no event itself."""
    with open(SCHEMA, encoding="utf-8") as f:
        events = json.load(f)["events"]
    return {
        e["code"]
        for e in events
        if len(e.get("params", [])) > 5
        and e["params"][5]["name"] == "ptid"
        and "EF_LARGE_PAYLOAD" not in e.get("flags", [])
    }


def event_parent(block, btype, codes):
    """The ptid parameter of a process-creating event block, or None."""
    head = 8 + EVENT_TID_OFFSET[btype] - 8
    (etype,) = struct.unpack_from("<H", block, head + 20)
    if etype not in codes:
        return None
    (nparams,) = struct.unpack_from("<I", block, head + 22)
    if nparams < 6:
        return None
    lengths = struct.unpack_from(f"<{nparams}H", block, head + EVENT_HEADER)
    if lengths[5] != 8:
        return None
    pos = head + EVENT_HEADER + 2 * nparams + sum(lengths[:5])
    return struct.unpack_from("<q", block, pos)[0]


def blocks(data):
    """Yields (type, whole block bytes) for every block of an uncompressed capture."""
    off = 0
    while off < len(data):
        if off + 12 > len(data):
            raise ValueError(f"truncated block at offset {off}")
        btype, length = struct.unpack_from("<II", data, off)
        if length < 12 or off + length > len(data):
            raise ValueError(f"bad length {length} of block 0x{btype:x} at offset {off}")
        yield btype, data[off : off + length]
        off += length


def make_block(btype, body):
    total = 8 + len(body) + 4
    padding = (4 - total % 4) % 4
    total += padding
    return struct.pack("<II", btype, total) + body + b"\0" * padding + struct.pack("<I", total)


def read_str(body, pos):
    (length,) = struct.unpack_from("<H", body, pos)
    return body[pos + 2 : pos + 2 + length], pos + 2 + length


class Entry:
    """One V9 process-list entry, split around its env string so that it can be blanked."""

    def __init__(self, raw):
        self.tid, self.pid, self.ptid = struct.unpack_from("<qqq", raw, 4)
        pos = 4 + 5 * 8  # entry_len, then tid, pid, ptid, sid, vpgid
        for _ in range(5):  # comm, exe, exepath, args, cwd
            _, pos = read_str(raw, pos)
        pos += 8 + 4 + 4 + 4 + 3 * 4 + 2 * 8  # fdlimit, flags, uid, gid, vm sizes, page faults
        env_start = pos
        _, env_end = read_str(raw, pos)
        self.before_env = raw[4:env_start]
        self.after_env = raw[env_end:]

    def without_env(self):
        rest = self.before_env + struct.pack("<H", 0) + self.after_env
        return struct.pack("<I", 4 + len(rest)) + rest


def process_entries(block):
    body = block[8:-4]
    pos = 0
    while pos + 4 <= len(body):
        (length,) = struct.unpack_from("<I", body, pos)
        if length == 0:
            break  # padding
        if length < 4 or pos + length > len(body):
            raise ValueError(f"bad process-list entry length {length}")
        yield Entry(body[pos : pos + length])
        pos += length


def prune(data):
    all_blocks = list(blocks(data))
    if not all_blocks or all_blocks[0][0] != SECTION_HEADER:
        raise ValueError("not a capture: no section header")
    if sum(1 for btype, _ in all_blocks if btype == SECTION_HEADER) != 1:
        raise ValueError("captures with several sections are not supported")

    entries = {}
    for btype, block in all_blocks:
        if btype == PROCESS_LIST_V9:
            for entry in process_entries(block):
                entries[entry.tid] = entry
        elif btype in (0x202, 0x207, 0x209, 0x210, 0x211, 0x212, 0x213, 0x214):
            raise ValueError(f"process-list block 0x{btype:x} is not supported (only V9)")

    # Threads that make events or are named parents (level 0), their processes (same level),
    # and two levels of ancestors above them.
    level = {}
    pending = []
    codes = parent_param_events()
    for btype, block in all_blocks:
        if btype in EVENT_TID_OFFSET:
            (tid,) = struct.unpack_from("<q", block, 8 + EVENT_TID_OFFSET[btype])
            pending.append((tid, 0))
            parent = event_parent(block, btype, codes)
            if parent is not None:
                pending.append((parent, 0))
    while pending:
        tid, depth = pending.pop()
        if tid <= 0 or level.get(tid, ANCESTOR_LEVELS + 1) <= depth:
            continue
        level[tid] = depth
        entry = entries.get(tid)
        if entry is not None:
            pending.append((entry.pid, depth))
            if depth < ANCESTOR_LEVELS:
                pending.append((entry.ptid, depth + 1))
    keep = set(level)

    out = []
    for btype, block in all_blocks:
        if btype == PROCESS_LIST_V9:
            kept = [e.without_env() for e in process_entries(block) if e.tid in keep]
            out.append(make_block(btype, b"".join(kept)))
        elif btype == FD_LIST_V2:
            (tid,) = struct.unpack_from("<q", block, 8)
            if tid in keep:
                out.append(block)
        else:
            out.append(block)
    return b"".join(out)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: prune_capture.py IN.scap OUT.scap.gz\n")
        return 2
    src, dst = argv[1], argv[2]
    with open(src, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        pruned = prune(data)
    except (ValueError, struct.error) as e:
        sys.stderr.write(f"prune_capture.py: {src}: {e}\n")
        return 1
    with open(dst, "wb") as f:
        # mtime 0 and no file name: the same capture gives the same bytes.
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9, mtime=0) as gz:
            gz.write(pruned)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
