// Every thread libsinsp knows, by tid.
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "sinsp/api.h"
#include "sinsp/thread_info.h"

namespace sinsp {

class SINSP_API ThreadTable {
public:
    ThreadInfo* find(int64_t tid);
    const ThreadInfo* find(int64_t tid) const;
    // Adds `thread` (replacing one with the same tid) and returns it.
    ThreadInfo& put(std::unique_ptr<ThreadInfo> thread);
    void erase(int64_t tid);
    size_t size() const { return threads_.size(); }
    void clear();

    // The main thread of `thread`'s process (itself when it is the main thread), or nullptr.
    const ThreadInfo* main_thread(const ThreadInfo& thread) const;
    // The parent process (by ptid), or nullptr.
    const ThreadInfo* parent(const ThreadInfo& thread) const;
    // How many threads the process `pid` has here.
    uint32_t thread_count(int64_t pid) const;

    const std::unordered_map<int64_t, std::unique_ptr<ThreadInfo>>& entries() const {
        return threads_;
    }

private:
    std::unordered_map<int64_t, std::unique_ptr<ThreadInfo>> threads_;
    mutable int64_t last_tid_ = -1;
    mutable ThreadInfo* last_ = nullptr;
};

} // namespace sinsp
