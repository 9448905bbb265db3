// fd.* on hand-built descriptors of every kind, and on events whose descriptor the state does not
// know (sysdig's guesses: the number, a kind from the event, a name on exit events).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "driver_api/event_codes.h"
#include "test/field_probe.h"
#include "test/test_capture.h"

namespace sinsp {
namespace {

using filter::IpAddress;
using testing::event;
using testing::expect_filters;
using testing::expect_texts;
using testing::FilterRow;
using testing::Param;
using testing::Probe;
using testing::Scenario;
using testing::TextRow;

constexpr uint64_t kStart = 1700000000000000000ull;
constexpr uint64_t kTid = 500;

IpAddress ip(const char* text) {
    return *IpAddress::parse(text);
}

FdInfo socket_fd(int64_t fd, FdType type, const char* cip, uint16_t cport, const char* sip,
                 uint16_t sport) {
    FdInfo f;
    f.fd = fd;
    f.type = type;
    f.client_ip = ip(cip);
    f.client_port = cport;
    f.server_ip = ip(sip);
    f.server_port = sport;
    f.l4proto = L4Proto::kTcp;
    f.connected = true;
    std::string c = f.client_ip.to_string(), s = f.server_ip.to_string();
    f.name = c + ":" + std::to_string(cport) + "->" + s + ":" + std::to_string(sport);
    return f;
}

FdInfo named_fd(int64_t fd, FdType type, const char* name) {
    FdInfo f;
    f.fd = fd;
    f.type = type;
    f.name = name;
    return f;
}

// An event of kTid with positional parameters.
std::string ev(uint16_t code, uint64_t ts, std::vector<Param> params) {
    return event(code, kTid, ts, params);
}

std::string read_enter(int64_t fd, uint64_t ts) {
    return ev(SCAP_EV_SYSCALL_READ_E, ts, {Param::i64(fd), Param::u32(1)});
}

Scenario descriptors() {
    Scenario s;
    s.ipv4_interfaces = {"10.0.0.1"};
    ThreadInfo t;
    t.tid = t.pid = kTid;
    t.ptid = 1;
    t.comm = t.exe = "cat";
    t.cwd = "/work/";
    ThreadInfo& stored = s.add_thread(t);
    FdInfo file = named_fd(3, FdType::kFile, "/etc/passwd");
    file.name_raw = "../etc/passwd";
    file.dev = 0x80000a;
    file.ino = 99;
    stored.fds->put(file);
    stored.fds->put(named_fd(4, FdType::kDirectory, "/etc"));
    FdInfo client = socket_fd(5, FdType::kIpv4Socket, "10.0.0.1", 43210, "93.184.216.34", 443);
    client.role = SocketRole::kClient;
    stored.fds->put(client);
    FdInfo listening = named_fd(6, FdType::kIpv4ServerSocket, "0.0.0.0:8080");
    listening.server_ip = ip("0.0.0.0");
    listening.server_port = 8080;
    listening.l4proto = L4Proto::kTcp;
    stored.fds->put(listening);
    FdInfo unix_socket = named_fd(7, FdType::kUnixSocket, "/run/x.sock");
    unix_socket.unix_source = 0xffff1;
    unix_socket.unix_dest = 0xffff2;
    stored.fds->put(unix_socket);
    stored.fds->put(named_fd(8, FdType::kFifo, ""));
    FdInfo accepted = socket_fd(9, FdType::kIpv4Socket, "93.184.216.34", 5555, "10.0.0.1", 80);
    accepted.role = SocketRole::kServer;
    stored.fds->put(accepted);
    stored.fds->put(socket_fd(10, FdType::kIpv6Socket, "::1", 5555, "::2", 22));
    stored.fds->put(named_fd(11, FdType::kUnsupported, "weird"));

    uint64_t ts = kStart;
    for (int64_t fd = 3; fd <= 11; fd++) {
        s.events.push_back(read_enter(fd, ts++)); // events 1..9
    }
    s.events.push_back(ev(SCAP_EV_SYSCALL_OPEN_E, ts++, // 10
                          {Param::str("rel/a"), Param::u32(1), Param::u32(0)}));
    s.events.push_back(ev(SCAP_EV_SYSCALL_OPEN_X, ts++, // 11: failed
                          {Param::i64(-2), Param::str("rel/a"), Param::u32(1), Param::u32(0),
                           Param::u32(0), Param::u64(0)}));
    s.events.push_back(ev(SCAP_EV_SOCKET_SOCKET_E, ts++, // 12
                          {Param::u32(10), Param::u32(1), Param::u32(0)}));
    s.events.push_back(ev(SCAP_EV_SYSCALL_CLOSE_E, ts++, {Param::i64(99)})); // 13
    s.events.push_back(ev(SCAP_EV_SYSCALL_CLOSE_X, ts++,                     // 14
                          {Param::i64(-9), Param::i64(99)}));
    s.events.push_back(ev(SCAP_EV_SYSCALL_MMAP_E, ts++, // 15: no fd for sysdig
                          {Param::u64(0), Param::u64(4096), Param::u32(1), Param::u32(2),
                           Param::i64(3), Param::u64(0)}));
    s.events.push_back(ev(SCAP_EV_SYSCALL_PIPE_E, ts++, {})); // 16
    s.events.push_back(read_enter(-100, ts++));               // 17
    return s;
}

const std::vector<TextRow> kRows = {
    // A file.
    {1, "fd.num", "3"},
    {1, "fd.type", "file"},
    {1, "fd.typechar", "f"},
    {1, "fd.name", "/etc/passwd"},
    {1, "fd.directory", "/etc"},
    {1, "fd.filename", "passwd"},
    {1, "fd.nameraw", "../etc/passwd"},
    {1, "fd.ino", "99"},
    {1, "fd.dev", "80000A"},
    {1, "fd.dev.major", "0"},
    {1, "fd.dev.minor", "2058"},
    {1, "fd.uid", "5003"},
    {1, "fd.containername", ":/etc/passwd"},
    {1, "fd.containerdirectory", ":/etc"},
    {1, "fd.is_server", "false"},
    {1, "fd.connected", "false"},
    {1, "fd.name_changed", "false"},
    {1, "fd.sockfamily", "<NA>"},
    {1, "fd.l4proto", "<NA>"},
    {1, "fd.cip", "<NA>"},
    {1, "fd.cport", "<NA>"},
    {1, "fd.cip.name", "<NA>"},
    // A directory: its own path is the directory, and it has no file name.
    {2, "fd.type", "directory"},
    {2, "fd.typechar", "d"},
    {2, "fd.directory", "/etc"},
    {2, "fd.filename", "<NA>"},
    // A TCP client whose address is the machine's: the local end is the client.
    {3, "fd.type", "ipv4"},
    {3, "fd.typechar", "4"},
    {3, "fd.name", "10.0.0.1:43210->93.184.216.34:443"},
    {3, "fd.cip", "10.0.0.1"},
    {3, "fd.sip", "93.184.216.34"},
    {3, "fd.lip", "10.0.0.1"},
    {3, "fd.rip", "93.184.216.34"},
    {3, "fd.cport", "43210"},
    {3, "fd.sport", "443"},
    {3, "fd.lport", "43210"},
    {3, "fd.rport", "443"},
    {3, "fd.cproto", "43210"},
    {3, "fd.sproto", "443"},
    {3, "fd.lproto", "43210"},
    {3, "fd.rproto", "443"},
    {3, "fd.l4proto", "tcp"},
    {3, "fd.sockfamily", "ip"},
    {3, "fd.is_server", "false"},
    {3, "fd.connected", "true"},
    {3, "fd.directory", "<NA>"},
    {3, "fd.filename", "<NA>"},
    {3, "fd.cip.name", "<NA>"},
    {3, "fd.sip.name", "<NA>"},
    {3, "fd.lip.name", "<NA>"},
    {3, "fd.rip.name", "<NA>"},
    // A listening socket: only the server port; it is the server.
    {4, "fd.name", "0.0.0.0:8080"},
    {4, "fd.typechar", "4"},
    {4, "fd.sport", "8080"},
    {4, "fd.cport", "<NA>"},
    {4, "fd.lport", "<NA>"},
    {4, "fd.sip", "<NA>"},
    {4, "fd.sproto", ""},
    {4, "fd.cproto", "<NA>"},
    {4, "fd.is_server", "true"},
    {4, "fd.l4proto", "tcp"},
    {4, "fd.sockfamily", "ip"},
    // A unix socket of the process list: sysdig shows a client port 0.
    {5, "fd.type", "unix"},
    {5, "fd.typechar", "u"},
    {5, "fd.name", "/run/x.sock"},
    {5, "fd.sockfamily", "unix"},
    {5, "fd.cport", "0"},
    {5, "fd.cproto", ""},
    {5, "fd.sport", "<NA>"},
    {5, "fd.is_server", "false"},
    {5, "fd.directory", "<NA>"},
    // A pipe.
    {6, "fd.type", "pipe"},
    {6, "fd.typechar", "p"},
    {6, "fd.name", ""},
    {6, "fd.sockfamily", "<NA>"},
    // An accepted connection to one of the machine's addresses: server, local end the server.
    {7, "fd.is_server", "true"},
    {7, "fd.lip", "10.0.0.1"},
    {7, "fd.lport", "80"},
    {7, "fd.rip", "93.184.216.34"},
    {7, "fd.rport", "5555"},
    // IPv6: sysdig takes every IPv6 address as the machine's, so the process is the server and
    // the local end is the client's.
    {8, "fd.type", "ipv6"},
    {8, "fd.is_server", "true"},
    {8, "fd.typechar", "6"},
    {8, "fd.name", "::1:5555->::2:22"},
    {8, "fd.cip", "::1"},
    {8, "fd.sip", "::2"},
    {8, "fd.lip", "::1"},
    {8, "fd.sport", "22"},
    {8, "fd.l4proto", "tcp"},
    // A kind sysdig does not support.
    {9, "fd.typechar", "X"},
    {9, "fd.name", "weird"},
    // open enter: no descriptor yet.
    {10, "fd.num", "-1"},
    {10, "fd.typechar", "f"},
    {10, "fd.type", "<NA>"},
    {10, "fd.name", "<NA>"},
    {10, "fd.directory", "<NA>"},
    {10, "fd.uid", "500-1"},
    {10, "fd.containername", "<NA>"},
    // Failed open: the path it tried, made absolute.
    {11, "fd.num", "-1"},
    {11, "fd.typechar", "f"},
    {11, "fd.type", "<NA>"},
    {11, "fd.name", "/work/rel/a"},
    {11, "fd.nameraw", "rel/a"},
    {11, "fd.directory", "/work/rel"},
    {11, "fd.filename", "<NA>"},
    {11, "fd.containername", ":/work/rel/a"},
    {11, "fd.containerdirectory", ":/work/rel"},
    {11, "fd.is_server", "<NA>"},
    {11, "fd.name_changed", "<NA>"},
    // socket enter: sysdig guesses IPv4 whatever the domain.
    {12, "fd.typechar", "4"},
    {12, "fd.num", "-1"},
    // A descriptor the state never saw: its number, kind unknown; on exit an empty name.
    {13, "fd.num", "99"},
    {13, "fd.typechar", "o"},
    {13, "fd.name", "<NA>"},
    {13, "fd.uid", "50099"},
    {14, "fd.num", "99"},
    {14, "fd.name", ""},
    {14, "fd.directory", "/"},
    {14, "fd.containername", ":"},
    {14, "fd.containerdirectory", ":/"},
    {14, "fd.filename", "<NA>"},
    {14, "fd.type", "<NA>"},
    // mmap is not an fd event for sysdig 0.29.
    {15, "fd.num", "<NA>"},
    {15, "fd.typechar", "<NA>"},
    {15, "fd.name", "<NA>"},
    {15, "fd.uid", "<NA>"},
    {16, "fd.typechar", "p"},
    // A negative fd given to a call is shown as it is.
    {17, "fd.num", "-100"},
    {17, "fd.uid", "500-100"},
    {17, "fd.typechar", "o"},
};

TEST(FdFields, EachFieldAsFormatsPrintIt) {
    Scenario s = descriptors();
    expect_texts(s, kRows);
}

const std::vector<FilterRow> kFilters = {
    {1, "fd.typechar=f and fd.num=3", true},
    {1, "fd.name pmatch (/etc, /usr)", true},
    {1, "fd.directory=/etc and fd.filename=passwd", true},
    {1, "fd.dev=8388618 and fd.dev.minor=2058", true},
    {1, "fd.ip exists", false},
    {3, "fd.ip=10.0.0.1", true},
    {3, "fd.ip=93.184.216.34", true},
    {3, "fd.ip=1.2.3.4", false},
    {3, "fd.net=93.184.0.0/16", true},
    {3, "fd.net in (192.168.0.0/16, 10.0.0.0/8)", true},
    {3, "fd.cnet=10.0.0.0/8 and fd.snet=93.184.216.0/24", true},
    {3, "fd.lnet=10.0.0.0/8 and fd.rnet=93.0.0.0/8", true},
    {3, "fd.port=443", true},
    {3, "fd.port in (80, 43210)", true},
    {3, "fd.sport>400 and fd.sport<=443 and fd.cport>=43210", true},
    {3, "fd.proto=443", true},
    {3, "fd.sproto=443", true},
    {3, "fd.sip=93.184.216.34 and fd.cip!=93.184.216.34", true},
    {3, "fd.l4proto=tcp and fd.sockfamily=ip and fd.connected=true", true},
    {3, "fd.cip.name exists", false},
    {3, "fd.is_server=false", true},
    {4, "fd.ip=0.0.0.0 and fd.port=8080 and fd.net=0.0.0.0/8", true},
    {4, "fd.cnet exists", false},
    {4, "fd.is_server=true", true},
    {7, "fd.is_server=true and fd.lport=80", true},
    {8, "fd.sip=::2 and fd.net=::/8", true},
    {8, "fd.ip=::1", true},
    {10, "fd.num<0 and fd.typechar=f", true},
    {10, "fd.name exists", false},
    {11, "fd.name=/work/rel/a", true},
    {15, "fd.num exists", false},
};

TEST(FdFields, Filters) {
    Scenario s = descriptors();
    expect_filters(s, kFilters);
}

// Closing: the descriptor is still shown, and still counted, during its close event.
TEST(FdFields, CloseShowsTheClosedDescriptor) {
    Scenario s = descriptors();
    s.events = {ev(SCAP_EV_SYSCALL_CLOSE_E, kStart, {Param::i64(3)}),
                ev(SCAP_EV_SYSCALL_CLOSE_X, kStart + 1, {Param::i64(0), Param::i64(3)}),
                read_enter(3, kStart + 2)};
    auto in = s.open();
    Probe probe(*in);
    const Event* evt = in->next();
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    EXPECT_EQ(probe.text("proc.fdopencount"), "9");
    evt = in->next();
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    EXPECT_EQ(probe.text("fd.name"), "/etc/passwd");
    EXPECT_EQ(probe.text("proc.fdopencount"), "9");
    evt = in->next();
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    EXPECT_EQ(probe.text("fd.name"), "<NA>");
    EXPECT_EQ(probe.text("proc.fdopencount"), "8");
}

} // namespace
} // namespace sinsp
