"""The workload recorded into testdata/captures/ebpf_workload.scap: files, directories, pipes,
IPv4/IPv6/unix sockets, dup, fcntl, eventfd, chdir, renames and links, and child processes."""
import os
import socket
import subprocess
import tempfile

work = tempfile.mkdtemp(prefix="sinsp-workload-")
os.chdir(work)

# Files: create, write, read, rename, link, symlink, unlink; a directory fd and openat under it.
with open("notes.txt", "w") as f:
    f.write("hello from the workload\n")
with open("notes.txt") as f:
    f.read()
os.rename("notes.txt", "renamed.txt")
os.link("renamed.txt", "hard.txt")
os.symlink("renamed.txt", "soft.txt")
os.mkdir("sub")
dirfd = os.open("sub", os.O_RDONLY | os.O_DIRECTORY)
fd = os.open("inside.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640, dir_fd=dirfd)
os.write(fd, b"\x00\x01binary\xffdata")
copy = os.dup(fd)
os.dup2(fd, 42)
os.close(copy)
os.close(42)
os.close(fd)
os.close(dirfd)
with open("/etc/hostname") as f:
    f.read()
os.chdir("sub")
os.chdir("..")

# Pipes and an eventfd.
r, w = os.pipe()
os.write(w, b"through the pipe")
os.read(r, 64)
os.close(r)
os.close(w)
if hasattr(os, "eventfd"):
    efd = os.eventfd(0)
    os.eventfd_write(efd, 3)
    os.close(efd)

# Sockets: TCP over IPv4 and IPv6 to ourselves, UDP, and a unix socket pair and a named one.
for family, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
    try:
        server = socket.socket(family, socket.SOCK_STREAM)
        server.bind((host, 0))
        server.listen(1)
        client = socket.socket(family, socket.SOCK_STREAM)
        client.connect(server.getsockname()[:2])
        conn, _ = server.accept()
        client.sendall(b"ping")
        conn.recv(16)
        conn.close()
        client.close()
        server.close()
    except OSError:
        pass
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.sendto(b"datagram", ("127.0.0.1", 9))
udp.close()
a, b = socket.socketpair()
a.send(b"pair")
b.recv(8)
a.close()
b.close()
path = os.path.join(work, "app.sock")
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(path)
listener.listen(1)
uclient = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
uclient.connect(path)
uconn, _ = listener.accept()
uclient.close()
uconn.close()
listener.close()

# Child processes: a cat of a file below /etc and a failing ls.
subprocess.run(["cat", "/etc/hostname"], stdout=subprocess.DEVNULL)
subprocess.run(["ls", "/nonexistent"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

for name in ("soft.txt", "hard.txt", "renamed.txt", "sub/inside.txt", "app.sock"):
    os.unlink(name)
os.rmdir("sub")
os.chdir("/")
os.rmdir(work)
