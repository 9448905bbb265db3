#!/usr/bin/env python3
"""Writes testdata/captures/crafted_params.scap: events built by hand with parameter values no
workload produces on purpose (every print format, edge values, unknown fds and threads, relative
paths of all shapes, socket addresses of every family, dynamic parameters, unrecorded parameters,
syslog messages), for comparing sinsp-inspect with sysdig 0.29.3 on parameter rendering. (No
bpf exit event: sysdig 0.29.3 stops at it when asked for evt.res.)

    python3 userspace/libsinsp/testdata/make_param_capture.py OUT.scap

The file follows the capture format's writing recipe (section header, machine, users, one V9
process list, V2 fd lists, V2 events). Events only read the state; they do not change it, so
that the comparison is about rendering. Parameters are listed in the order of sysdig 0.29.3's
event table.
"""
import ipaddress
import struct
import sys


def block(kind, body):
    total = (8 + len(body) + 4 + 3) & ~3
    return (struct.pack("<II", kind, total) + body + b"\0" * (total - 12 - len(body)) +
            struct.pack("<I", total))


def u8(v): return struct.pack("<B", v & 0xff)
def u16(v): return struct.pack("<H", v & 0xffff)
def u32(v): return struct.pack("<I", v & 0xffffffff)
def i32(v): return struct.pack("<i", v)
def u64(v): return struct.pack("<Q", v & 0xffffffffffffffff)
def i64(v): return struct.pack("<q", v)
def i16(v): return struct.pack("<h", v)


def text(s):
    return s.encode("latin-1") if isinstance(s, str) else s


def cstr(s): return text(s) + b"\0"
def s16(s): return u16(len(text(s))) + text(s)
def ip4(a): return ipaddress.IPv4Address(a).packed
def ip6(a): return ipaddress.IPv6Address(a).packed


# Address families and fd kinds as captures encode them.
AF_UNIX, AF_INET, AF_INET6 = 1, 2, 10
FD_FILE, FD_DIR, FD_IPV4, FD_IPV6, FD_IPV4_SERVER, FD_IPV6_SERVER = 1, 2, 3, 4, 5, 6
FD_FIFO, FD_UNIX, FD_EVENT, FD_UNSUPPORTED, FD_SIGNALFD, FD_EVENTPOLL = 7, 8, 9, 10, 11, 12
FD_INOTIFY, FD_TIMERFD, FD_NETLINK, FD_FILE_V2 = 13, 14, 15, 16
TCP, UDP = 2, 3  # fd-list protocol codes

SHELL = 100


class Capture:
    def __init__(self):
        self.ts = 1700000000000000000
        self.events = []

    def ev(self, code, params, tid=SHELL):
        self.ts += 1000
        lengths = b"".join(u16(len(p)) for p in params)
        record = (u64(self.ts) + u64(tid) + u32(26 + len(lengths) + sum(map(len, params))) +
                  u16(code) + u32(len(params)) + lengths + b"".join(params))
        self.events.append(block(0x216, u16(0) + record))

    def header(self):
        out = block(0x0A0D0D0A, u32(0x1A2B3C4D) + u16(1) + u16(2) + u64(2**64 - 1))
        out += block(0x201, u32(4) + u64(8 << 30) + u64(32768) + b"crafted".ljust(128, b"\0") +
                     u64(0) * 4)
        users = b""
        for uid, name in ((0, "root"), (1000, "alice")):
            entry = u8(0) + u32(uid) + u32(uid) + s16(name) + s16("/home/" + name) + s16("/bin/sh")
            users += u32(len(entry) + 4) + entry
        for gid, name in ((0, "root"), (1000, "alice")):
            entry = u8(1) + u32(gid) + s16(name)
            users += u32(len(entry) + 4) + entry
        out += block(0x220, users)
        threads = b""
        for tid, comm, cwd in ((SHELL, "cat", "/home/user/"), (200, "bash", "/")):
            entry = (u64(tid) + u64(tid) + u64(1) + u64(tid) + u64(tid) + s16(comm) + s16(comm) +
                     s16("/usr/bin/" + comm) + s16(b"") + s16(cwd) + u64(1024) + u32(0) + u32(0) +
                     u32(0) + u32(0) * 3 + u64(0) * 2 + s16(b"") + i64(tid) + i64(tid) + s16(b"") +
                     s16("/") + u32(0xffffffff) + u8(0))
            threads += u32(len(entry) + 4) + entry
        out += block(0x215, threads)
        fds = [
            (3, FD_FILE_V2, u32(1) + s16("/etc/passwd") + u32(0)),
            (4, FD_IPV4, ip4("127.0.0.1") + ip4("127.0.0.1") + u16(47192) + u16(80) + u8(TCP)),
            (6, FD_IPV4_SERVER, ip4("0.0.0.0") + u16(80) + u8(TCP)),
            (7, FD_IPV6_SERVER, ip6("::") + u16(8080) + u8(TCP)),
            (8, FD_FIFO, s16("pipe:[1234]")),
            (9, FD_UNIX, u64(0xffff1111) + u64(0xffff2222) + s16("/var/run/x.sock")),
            (10, FD_EVENT, s16("anon_inode:[eventfd]")),
            (11, FD_UNSUPPORTED, s16("anon_inode:[io_uring]")),
            (12, FD_SIGNALFD, s16("anon_inode:[signalfd]")),
            (13, FD_EVENTPOLL, s16("anon_inode:[eventpoll]")),
            (14, FD_INOTIFY, s16("anon_inode:inotify")),
            (15, FD_TIMERFD, s16("anon_inode:[timerfd]")),
            (16, FD_NETLINK, s16("socket:[999]")),
            (17, FD_DIR, s16("/tmp")),
            (19, FD_FILE, s16("/var/log/syslog")),
            (20, FD_UNIX, u64(0xffff3333) + u64(0) + s16("")),
            (21, FD_IPV4, ip4("10.0.0.1") + ip4("8.8.8.8") + u16(5353) + u16(53) + u8(UDP)),
            (30, FD_UNIX, u64(0xffff4444) + u64(0xffff5555) + s16("/dev/log")),
        ]
        fdlist = u64(SHELL)
        for fd, kind, payload in fds:
            entry = i64(fd) + u64(0) + u8(kind) + payload
            fdlist += u32(len(entry) + 4) + entry
        out += block(0x218, fdlist) + block(0x218, u64(200))
        return out

    def write(self, path):
        with open(path, "wb") as f:
            f.write(self.header() + b"".join(self.events))


def fdlist(*entries):
    return u16(len(entries)) + b"".join(i64(fd) + i16(flags) for fd, flags in entries)


def main(out):
    c = Capture()
    # Event codes of sysdig 0.29.3's table, with its parameters in its order.
    READ_E, READ_X, WRITE_E, WRITE_X = 6, 7, 8, 9
    for fd in list(range(3, 22)) + [30, -1, -2, -100, 4294967295]:
        c.ev(READ_E, [i64(fd), u32(fd)])                       # fds of every kind, 32-bit sizes
    for size in (0, 0x7fffffff, 0x80000000, 0xffffffff):
        c.ev(READ_E, [i64(3), u32(size)])
    for data in (b"", b"hello\nworld", bytes(range(32)), bytes(range(120, 160)), b"x" * 80,
                 b"y" * 81, "h\xe9llo w\xf6rld\t\r".encode("latin-1"), b"ab\0cd"):
        c.ev(READ_X, [i64(len(data)), data])                    # buffers: dots, the 80-byte cut
    for res in (-2, -11, -125, -9999, 0):
        c.ev(READ_X, [i64(res), b""])                           # errno names
    c.ev(62, [u64(2**63), u32(5)])                              # eventfd: 64-bit signed, flags
    for res in (0, 0xabcdef, 2**64 - 1):
        c.ev(11, [u64(res)])                                    # brk: 64-bit hex
    c.ev(126, [i64(12), u32(0xabc), u8(0xab)])                  # signalfd: 32-bit hex, flags
    for mode in (0, 0o644, 0xffffffff):
        c.ev(2, [cstr("/etc/x"), u32(4097), u32(mode)])         # open: octal
    c.ev(250, [i32(-1)])                                        # semop: 32-bit signed
    c.ev(262, [i32(-1), i32(1), u32(0x2000)])                   # semget: 32-bit signed hex
    c.ev(80, [fdlist((3, 1), (4, 5), (99, 0), (-1, -1)), i64(-1)])  # poll: fd list
    c.ev(251, [i64(0), u32(2), u16(65535), i16(-1), u16(1), u16(1), i16(-32768), u16(2)])
    c.ev(136, [u8(255), u8(0xab)])                              # timerfd_create
    for ns in (0, 1, 999, 1500000000, 123456789012, 2**64 - 1, 60 * 10**9, 12345):
        c.ev(134, [u64(ns)])                                    # nanosleep: durations
    for mask in (0, 1, 0x80000000, 0xffffffff, 6):
        c.ev(254, [fdlist(), u64(1), u32(mask)])                # ppoll: signal sets
    for uid in (0, 1000, 0xffffffff, 5):
        c.ev(198, [u32(uid)])                                   # setuid
        c.ev(200, [u32(uid)])                                   # setgid
    for sig in (0, 9, 31, 32, 64):
        c.ev(128, [i64(SHELL), u8(sig)])                        # kill: signals, pids
    for pid in (200, 999, 0, -1):
        c.ev(128, [i64(pid), u8(15)])
    for domain in (1, 2, 10, 16, 99):
        c.ev(18, [u32(domain), u32(1), u32(0)])                 # socket: families
    for how in (0, 1, 2, 255):
        c.ev(36, [i64(4), u8(how)])                             # shutdown
    for cmd in (1, 26, 30, 31, 99):
        c.ev(150, [i64(3), u8(cmd)])                            # fcntl: the flags walk
    for flags in (0, 1, 4097, 2 | 4 | 256, 16384 | 2, 0x80000000):
        c.ev(2, [cstr("/etc/y"), u32(flags), u32(0)])           # open flags, unknown bits
    c.ev(160, [u64(0), u64(4096), u32(3), u32(10), i64(-1), u64(0)])  # mmap
    c.ev(161, [u64(0x7fad48782000), u32(360), u32(4), u32(0)])
    c.ev(161, [u64(2**64 - 12), u32(0), u32(0), u32(0)])
    c.ev(315, [i64(0), cstr("/f"), u32(0o4755)])                 # chmod: mode names
    for val in (u8(0) + b"abc", u8(1) + i64(-2), u8(2) + u32(0xffffffff), u8(3) + u64(2**64 - 1),
                u8(4) + u64(1500000000), u8(5) + u64(1), u8(0)):
        c.ev(45, [i64(0), i64(4), u8(1), u8(2), val, u32(4)])   # setsockopt: dynamic values
    c.ev(169, [i64(0), u8(0) + u64(0xdeadbeef), u8(1) + u8(9)])  # ptrace: dynamic values
    for addr in (u8(AF_INET) + ip4("1.2.3.4") + u16(80), u8(AF_INET6) + ip6("::1") + u16(443),
                 u8(AF_INET6) + ip6("::ffff:1.2.3.4") + u16(1), u8(AF_UNIX) + cstr("/run/d.sock"),
                 u8(AF_UNIX) + b"\0abstract\0", u8(16) + b"xx", b"", u8(AF_INET) + ip4("1.2.3.4")):
        c.ev(22, [i64(77), addr])                               # connect: socket addresses
    mapped_a, mapped_b = ip6("::ffff:10.0.0.1"), ip6("::ffff:10.0.0.2")
    for tup in (u8(AF_INET) + ip4("1.2.3.4") + u16(80) + ip4("5.6.7.8") + u16(90),
                u8(AF_INET6) + ip6("::1") + u16(1) + ip6("2001:db8::1") + u16(443),
                u8(AF_INET6) + mapped_a + u16(1) + mapped_b + u16(2),
                u8(AF_INET6) + mapped_a + u16(1) + ip6("2001:db8::1") + u16(2),
                u8(AF_INET6) + ip6("::") + u16(0) + ip6("::") + u16(0),
                u8(AF_UNIX) + u64(0xffff9a1b2c3d4e5f) + u64(0) + cstr("/tmp/sock"), b""):
        c.ev(23, [i64(-111), tup])                              # connect exit: tuples
    # Paths: absolute, relative to the cwd, of every shape, with non-printable bytes.
    for name in ("/etc/passwd", "x", "./x", "../x", "../../../x", "a/../b", "a/./b//c/", ".",
                 "..", "x/", "~/x", "a\x01b", "caf\xc3\xa9", "x..", "a/.../b", "a./b"):
        c.ev(2, [cstr(name), u32(1), u32(0)])
    # Paths relative to directory fds: a directory, AT_FDCWD, a file, a socket, an unknown fd.
    for dirfd in (17, -100, 3, 4, 99):
        for name in ("x", "/abs", "../y", ""):
            c.ev(306, [i64(dirfd), cstr(name), u32(1), u32(0)])         # openat enter
        c.ev(102, [i64(dirfd), cstr("x"), u32(1), u32(0)])              # old openat enter
        c.ev(303, [i64(0), i64(dirfd), cstr("u"), u32(0)])              # unlinkat
        c.ev(177, [i64(0), i64(dirfd), cstr("a"), i64(-100), cstr("b")])  # renameat
        c.ev(181, [i64(0), cstr("t"), i64(dirfd), cstr("l")])           # symlinkat
        c.ev(330, [i64(dirfd), cstr("p"), u32(1)])                      # execveat enter
    # Messages to the syslog socket.
    for msg in (b"<0>a", b"<6>info msg", b"<191>x", b"<>a", b"<3>", b"no priority"):
        c.ev(WRITE_E, [i64(30), u32(len(msg))])
        c.ev(WRITE_X, [i64(len(msg)), msg])
    # Generic events: by system-call name, no arguments.
    for sc in (0, 5, 75, 139, 298):
        c.ev(0, [u16(sc), u16(1)])
        c.ev(1, [u16(sc)])
    # Unrecorded parameters: numbers read what follows; paths repeat the previous text.
    c.ev(159, [u64(0x926000), b"", u32(7), u32(2)])             # brk exit, vm_size empty
    c.ev(2, [b"", u32(1), u32(0)])                              # open, name empty
    c.ev(READ_E, [i64(3), b""], tid=555)                        # an unknown thread
    c.ev(2, [cstr("rel"), u32(1), u32(0)], tid=555)
    c.write(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_param_capture.py OUT.scap")
    main(sys.argv[1])
