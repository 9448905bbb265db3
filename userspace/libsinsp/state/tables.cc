// The fd and thread tables.
#include "sinsp/thread_info.h"
#include "sinsp/thread_table.h"

namespace sinsp {

FdInfo* FdTable::find(int64_t fd) {
    auto it = fds_.find(fd);
    return it == fds_.end() ? nullptr : &it->second;
}

const FdInfo* FdTable::find(int64_t fd) const {
    auto it = fds_.find(fd);
    return it == fds_.end() ? nullptr : &it->second;
}

FdInfo& FdTable::put(FdInfo info) {
    int64_t fd = info.fd;
    auto [it, inserted] = fds_.insert_or_assign(fd, std::move(info));
    (void)inserted;
    return it->second;
}

bool FdTable::erase(int64_t fd) {
    return fds_.erase(fd) > 0;
}

std::string ThreadInfo::cmdline() const {
    std::string out = comm;
    for (const std::string& arg : args) {
        out += ' ';
        out += arg;
    }
    return out;
}

ThreadInfo* ThreadTable::find(int64_t tid) {
    if (tid == last_tid_ && last_ != nullptr) {
        return last_;
    }
    auto it = threads_.find(tid);
    if (it == threads_.end()) {
        return nullptr;
    }
    last_tid_ = tid;
    last_ = it->second.get();
    return last_;
}

const ThreadInfo* ThreadTable::find(int64_t tid) const {
    return const_cast<ThreadTable*>(this)->find(tid);
}

ThreadInfo& ThreadTable::put(std::unique_ptr<ThreadInfo> thread) {
    int64_t tid = thread->tid;
    ThreadInfo& stored = *thread;
    threads_.insert_or_assign(tid, std::move(thread));
    last_tid_ = tid;
    last_ = &stored;
    return stored;
}

void ThreadTable::erase(int64_t tid) {
    if (tid == last_tid_) {
        last_tid_ = -1;
        last_ = nullptr;
    }
    threads_.erase(tid);
}

void ThreadTable::clear() {
    threads_.clear();
    last_tid_ = -1;
    last_ = nullptr;
}

const ThreadInfo* ThreadTable::main_thread(const ThreadInfo& thread) const {
    if (thread.is_main_thread()) {
        return &thread;
    }
    return find(thread.pid);
}

const ThreadInfo* ThreadTable::parent(const ThreadInfo& thread) const {
    if (thread.ptid <= 0 || thread.ptid == thread.tid) {
        return nullptr;
    }
    return find(thread.ptid);
}

uint32_t ThreadTable::thread_count(int64_t pid) const {
    uint32_t n = 0;
    for (const auto& [tid, thread] : threads_) {
        if (thread->pid == pid) {
            n++;
        }
    }
    return n;
}

} // namespace sinsp
