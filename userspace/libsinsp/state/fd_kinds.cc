// Names and one-letter codes of fd kinds, as sysdig shows them.
#include "sinsp/fd_info.h"

namespace sinsp {

char fd_type_char(FdType type) {
    switch (type) {
    case FdType::kFile:
    case FdType::kFileV2:
        return 'f';
    case FdType::kDirectory:
        return 'd';
    case FdType::kIpv4Socket:
    case FdType::kIpv4ServerSocket:
        return '4';
    case FdType::kIpv6Socket:
    case FdType::kIpv6ServerSocket:
        return '6';
    case FdType::kFifo:
        return 'p';
    case FdType::kUnixSocket:
        return 'u';
    case FdType::kEvent:
        return 'e';
    case FdType::kSignalfd:
        return 's';
    case FdType::kEventpoll:
        return 'l';
    case FdType::kInotify:
        return 'i';
    case FdType::kTimerfd:
        return 't';
    case FdType::kNetlink:
        return 'n';
    case FdType::kBpf:
        return 'b';
    case FdType::kUserfaultfd:
        return 'u';
    case FdType::kIoUring:
        return 'r';
    case FdType::kMemfd:
        return 'm';
    case FdType::kPidfd:
        return 'P';
    case FdType::kUnsupported:
        return 'X';
    case FdType::kUnknown:
        break;
    }
    return 'o';
}

const char* fd_type_name(FdType type) {
    switch (type) {
    case FdType::kFile:
    case FdType::kFileV2:
        return "file";
    case FdType::kDirectory:
        return "directory";
    case FdType::kIpv4Socket:
    case FdType::kIpv4ServerSocket:
        return "ipv4";
    case FdType::kIpv6Socket:
    case FdType::kIpv6ServerSocket:
        return "ipv6";
    case FdType::kFifo:
        return "pipe";
    case FdType::kUnixSocket:
        return "unix";
    case FdType::kEvent:
        return "event";
    case FdType::kSignalfd:
        return "signalfd";
    case FdType::kEventpoll:
        return "eventpoll";
    case FdType::kInotify:
        return "inotify";
    case FdType::kTimerfd:
        return "timerfd";
    case FdType::kNetlink:
        return "netlink";
    case FdType::kBpf:
        return "bpf";
    case FdType::kUserfaultfd:
        return "userfaultfd";
    case FdType::kIoUring:
        return "io_uring";
    case FdType::kMemfd:
        return "memfd";
    case FdType::kPidfd:
        return "pidfd";
    case FdType::kUnsupported:
    case FdType::kUnknown:
        break;
    }
    return "<NA>";
}

} // namespace sinsp
