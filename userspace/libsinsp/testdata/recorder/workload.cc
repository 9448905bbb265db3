#include "workload.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <ctime>

namespace recorder {

namespace {

// Results are ignored on purpose: failures are part of what the capture shows.
template <typename T> void ignore(T) {}

void files(const std::string& dir) {
    std::string a = dir + "/a.txt";
    int fd = open(a.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0644);
    ignore(write(fd, "hello world\n", 12));
    const char binary[] = "\x7f"
                          "ELF\x01\x02\x00\tbinary\n";
    ignore(write(fd, binary, sizeof(binary) - 1));
    ignore(pwrite(fd, "at 100", 6, 100));
    iovec iov[2] = {{const_cast<char*>("vec"), 3}, {const_cast<char*>("tor"), 3}};
    ignore(writev(fd, iov, 2));
    ignore(fsync(fd));
    close(fd);

    fd = open(a.c_str(), O_RDONLY);
    char buf[256];
    ignore(read(fd, buf, sizeof(buf)));
    ignore(lseek(fd, 0, SEEK_SET));
    ignore(pread(fd, buf, 5, 6));
    char b1[4], b2[4];
    iovec riov[2] = {{b1, 4}, {b2, 4}};
    ignore(readv(fd, riov, 2));
    struct stat st;
    ignore(fstat(fd, &st));
    int dupped = dup(fd);
    ignore(dup2(fd, 20));
    ignore(dup3(fd, 21, O_CLOEXEC));
    ignore(fcntl(fd, F_DUPFD_CLOEXEC, 30));
    ignore(fcntl(fd, F_SETFL, O_NONBLOCK));
    ignore(fcntl(fd, F_GETFL));
    ignore(flock(fd, LOCK_SH | LOCK_NB));
    void* map = mmap(nullptr, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map != MAP_FAILED) {
        munmap(map, 4096);
    }
    close(dupped);
    close(20);
    close(21);
    close(30);
    close(fd);
    ignore(close(999)); // EBADF

    ignore(open("/nonexistent/file", O_RDONLY)); // ENOENT
    ignore(open("relative-missing.txt", O_RDWR | O_APPEND));
    ignore(stat(a.c_str(), &st));
    ignore(lstat(a.c_str(), &st));
    ignore(access(a.c_str(), R_OK | W_OK));
    ignore(access("/root/nope", X_OK));

    ignore(chdir(dir.c_str()));
    char cwd[512];
    ignore(getcwd(cwd, sizeof(cwd)));
    int dfd = open(".", O_RDONLY | O_DIRECTORY);
    ignore(mkdir("sub", 0755));
    ignore(mkdirat(dfd, "sub/inner", 0700));
    int rel = openat(dfd, "sub/../b.txt", O_CREAT | O_RDWR, 0755);
    ignore(write(rel, "#!/bin/sh\n", 10));
    close(rel);
    open_how how{};
    how.flags = O_RDONLY | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH;
    rel = static_cast<int>(syscall(SYS_openat2, dfd, "b.txt", &how, sizeof(how)));
    close(rel);
    rel = creat("c.txt", 0600);
    close(rel);
    ignore(rename("c.txt", "d.txt"));
    ignore(renameat(dfd, "d.txt", AT_FDCWD, "e.txt"));
    ignore(syscall(SYS_renameat2, AT_FDCWD, "e.txt", dfd, "f.txt", RENAME_NOREPLACE));
    ignore(link("f.txt", "g.txt"));
    ignore(linkat(dfd, "g.txt", dfd, "sub/h.txt", 0));
    ignore(symlink("/etc/hostname", "sym"));
    ignore(symlinkat("b.txt", dfd, "sub/sym2"));
    char target[64];
    ignore(readlink("sym", target, sizeof(target)));
    ignore(chmod("b.txt", 0700));
    ignore(fchmodat(dfd, "f.txt", 04755, 0));
    int ffd = open("f.txt", O_RDONLY);
    ignore(fchmod(ffd, 0640));
    ignore(fchown(ffd, 0, 0));
    ignore(fchdir(ffd)); // ENOTDIR
    close(ffd);
    ignore(chown("f.txt", 0, 0));
    ignore(truncate("f.txt", 3));
    ignore(unlink("g.txt"));
    ignore(unlinkat(dfd, "sub/h.txt", 0));
    ignore(unlinkat(dfd, "sub/inner", AT_REMOVEDIR));
    ignore(rmdir("sub")); // ENOTEMPTY: sym2 is still there
    ignore(unlink("sub/sym2"));
    ignore(rmdir("sub"));
    ignore(fchdir(dfd));
    ignore(chdir("/tmp"));
    ignore(chdir("/nonexistent"));
    char dents[1024];
    int root = open("/", O_RDONLY | O_DIRECTORY);
    ignore(syscall(SYS_getdents64, root, dents, sizeof(dents)));
    close(root);
    close(dfd);
}

void ipv4_tcp() {
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ignore(setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ignore(bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    ignore(listen(listener, 4));
    socklen_t len = sizeof(addr);
    ignore(getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len));

    int client = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ignore(connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    sockaddr_in peer{};
    len = sizeof(peer);
    int server = accept4(listener, reinterpret_cast<sockaddr*>(&peer), &len, SOCK_CLOEXEC);
    ignore(send(client, "GET / HTTP/1.0\r\n\r\n", 18, 0));
    char buf[128];
    ignore(recv(server, buf, sizeof(buf), 0));
    ignore(write(server, "HTTP/1.0 200 OK\r\n", 17));
    ignore(read(client, buf, sizeof(buf)));
    iovec iov{const_cast<char*>("sendmsg payload"), 15};
    msghdr msg{};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    ignore(sendmsg(client, &msg, 0));
    iovec riov{buf, sizeof(buf)};
    msghdr rmsg{};
    rmsg.msg_iov = &riov;
    rmsg.msg_iovlen = 1;
    ignore(recvmsg(server, &rmsg, 0));
    int rcvbuf = 0;
    len = sizeof(rcvbuf);
    ignore(getsockopt(client, SOL_SOCKET, SO_RCVBUF, &rcvbuf, &len));
    timeval tv{1, 500000};
    ignore(setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
    ignore(getpeername(client, reinterpret_cast<sockaddr*>(&peer), &len));
    ignore(shutdown(client, SHUT_WR));
    close(client);
    close(server);
    close(listener);

    // Nobody listens on port 1: ECONNREFUSED.
    int refused = socket(AF_INET, SOCK_STREAM, 0);
    addr.sin_port = htons(1);
    ignore(connect(refused, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    close(refused);
}

void ipv4_udp() {
    int a = socket(AF_INET, SOCK_DGRAM, 0);
    int b = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ignore(bind(b, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    socklen_t len = sizeof(addr);
    ignore(getsockname(b, reinterpret_cast<sockaddr*>(&addr), &len));
    ignore(sendto(a, "ping", 4, 0, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    char buf[32];
    sockaddr_in from{};
    len = sizeof(from);
    ignore(recvfrom(b, buf, sizeof(buf), 0, reinterpret_cast<sockaddr*>(&from), &len));
    ignore(sendto(b, "pong", 4, 0, reinterpret_cast<sockaddr*>(&from), len));
    ignore(recvfrom(a, buf, sizeof(buf), MSG_DONTWAIT, nullptr, nullptr));
    ignore(recvfrom(a, buf, sizeof(buf), MSG_DONTWAIT, nullptr, nullptr)); // EAGAIN
    close(a);
    close(b);
}

void ipv6() {
    int listener = socket(AF_INET6, SOCK_STREAM, 0);
    sockaddr_in6 addr{};
    addr.sin6_family = AF_INET6;
    addr.sin6_addr = in6addr_loopback;
    ignore(bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    ignore(listen(listener, 4));
    socklen_t len = sizeof(addr);
    ignore(getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len));
    int client = socket(AF_INET6, SOCK_STREAM, 0);
    ignore(connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    int server = accept(listener, nullptr, nullptr);
    ignore(write(client, "v6 data", 7));
    char buf[32];
    ignore(read(server, buf, sizeof(buf)));
    close(server);
    close(client);
    close(listener);

    int u = socket(AF_INET6, SOCK_DGRAM, 0);
    ignore(sendto(u, "x", 1, 0, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    close(u);
    // An IPv4 peer reached through an IPv6 socket: v4-mapped addresses.
    int mapped = socket(AF_INET6, SOCK_DGRAM, 0);
    sockaddr_in6 v4{};
    v4.sin6_family = AF_INET6;
    v4.sin6_port = htons(9);
    inet_pton(AF_INET6, "::ffff:127.0.0.1", &v4.sin6_addr);
    ignore(sendto(mapped, "m", 1, 0, reinterpret_cast<sockaddr*>(&v4), sizeof(v4)));
    close(mapped);
}

void unix_sockets(const std::string& dir) {
    std::string path = dir + "/unix.sock";
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
    ignore(bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    ignore(listen(listener, 1));
    int client = socket(AF_UNIX, SOCK_STREAM, 0);
    ignore(connect(client, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)));
    int server = accept(listener, nullptr, nullptr);
    ignore(write(client, "unix!", 5));
    char buf[16];
    ignore(read(server, buf, sizeof(buf)));
    close(server);
    close(client);
    close(listener);
    unlink(path.c_str());

    int pair[2];
    ignore(socketpair(AF_UNIX, SOCK_DGRAM, 0, pair));
    ignore(send(pair[0], "pair", 4, 0));
    ignore(recv(pair[1], buf, sizeof(buf), 0));
    close(pair[0]);
    close(pair[1]);

    // The syslog socket, when there is one.
    int log = socket(AF_UNIX, SOCK_DGRAM, 0);
    sockaddr_un dev_log{};
    dev_log.sun_family = AF_UNIX;
    std::strncpy(dev_log.sun_path, "/dev/log", sizeof(dev_log.sun_path) - 1);
    if (connect(log, reinterpret_cast<sockaddr*>(&dev_log), sizeof(dev_log)) == 0) {
        ignore(write(log, "<14>record_syscalls: hello syslog", 33));
    }
    close(log);
}

void descriptors() {
    int p[2];
    ignore(pipe(p));
    ignore(write(p[1], "through the pipe", 16));
    char buf[32];
    ignore(read(p[0], buf, sizeof(buf)));
    close(p[0]);
    close(p[1]);
    ignore(pipe2(p, O_CLOEXEC | O_NONBLOCK));
    ignore(read(p[0], buf, sizeof(buf))); // EAGAIN
    close(p[0]);
    close(p[1]);

    int efd = eventfd(3, EFD_CLOEXEC);
    uint64_t v = 1;
    ignore(write(efd, &v, sizeof(v)));
    ignore(read(efd, &v, sizeof(v)));

    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR2);
    int sfd = signalfd(-1, &mask, SFD_NONBLOCK);
    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    itimerspec its{};
    its.it_value.tv_nsec = 1000000;
    ignore(timerfd_settime(tfd, 0, &its, nullptr));
    int ifd = inotify_init1(IN_NONBLOCK);
    ignore(inotify_add_watch(ifd, "/tmp", IN_CREATE));
    int ep = epoll_create1(EPOLL_CLOEXEC);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = tfd;
    ignore(epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev));
    epoll_event out[4];
    ignore(epoll_wait(ep, out, 4, 50));
    pollfd pfds[2] = {{efd, POLLIN | POLLOUT, 0}, {tfd, POLLIN, 0}};
    ignore(poll(pfds, 2, 10));
    timespec ts{0, 1000000};
    ignore(ppoll(pfds, 2, &ts, &mask));
    fd_set rfds;
    FD_ZERO(&rfds);
    FD_SET(efd, &rfds);
    timeval tv{0, 1000};
    ignore(select(efd + 1, &rfds, nullptr, nullptr, &tv));
    close(ep);
    close(ifd);
    close(tfd);
    close(sfd);
    close(efd);

    int mfd = static_cast<int>(syscall(SYS_memfd_create, "recorder-memfd", 0));
    ignore(write(mfd, "in memory", 9));
    close(mfd);
}

void* thread_main(void*) {
    ignore(syscall(SYS_gettid));
    timespec ts{0, 100000};
    nanosleep(&ts, nullptr);
    return nullptr;
}

void processes() {
    pthread_t t;
    if (pthread_create(&t, nullptr, thread_main, nullptr) == 0) {
        pthread_join(t, nullptr);
    }
    pid_t child = fork();
    if (child == 0) {
        _exit(7);
    }
    int status;
    waitpid(child, &status, 0);
    child = vfork();
    if (child == 0) {
        _exit(0);
    }
    waitpid(child, &status, 0);
    ignore(kill(getpid(), 0));
    ignore(kill(999999, SIGTERM)); // ESRCH
    signal(SIGUSR1, SIG_IGN);
    ignore(syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR1));
    ignore(syscall(SYS_tkill, syscall(SYS_gettid), SIGUSR1));
    timespec ts{0, 2000000};
    nanosleep(&ts, nullptr);
    rlimit rl;
    ignore(getrlimit(RLIMIT_NOFILE, &rl));
    ignore(setrlimit(RLIMIT_NOFILE, &rl));
    ignore(prlimit(0, RLIMIT_CORE, nullptr, &rl));
    ignore(prctl(PR_SET_NAME, "recorder-wl"));
    ignore(getuid());
    ignore(geteuid());
    ignore(getgid());
    ignore(getegid());
    ignore(setgid(0));
    ignore(setresgid(0, 0, 0));
    ignore(setresuid(0, 0, 0));
    ignore(setuid(0));
    ignore(setsid());
    ignore(setpgid(0, 0));
    ignore(brk(nullptr));
    void* m = mmap(nullptr, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ignore(mprotect(m, 4096, PROT_READ));
    munmap(m, 8192);
    ignore(mmap(nullptr, 4096, PROT_READ, MAP_SHARED, 12345, 0)); // EBADF
    ignore(unshare(0));
    char* bad_argv[] = {const_cast<char*>("missing"), nullptr};
    ignore(execve("/nonexistent/binary", bad_argv, environ)); // ENOENT
}

} // namespace

void run_workload(int go, const std::string& dir) {
    char c;
    if (read(go, &c, 1) != 1) {
        _exit(2);
    }
    files(dir);
    ipv4_tcp();
    ipv4_udp();
    ipv6();
    unix_sockets(dir);
    descriptors();
    processes();
    char arg[] = "--from-record-syscalls";
    char* argv[] = {const_cast<char*>("true"), arg, nullptr};
    char env_marker[] = "RECORD_SYSCALLS=1";
    putenv(env_marker);
    execv("/bin/true", argv);
    _exit(3);
}

} // namespace recorder
