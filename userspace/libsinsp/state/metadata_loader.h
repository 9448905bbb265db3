// Fills the thread table from a capture's process and fd lists.
#pragma once

#include "scap/scap_metadata.h"
#include "sinsp/fd_info.h"
#include "sinsp/thread_table.h"

namespace sinsp::state {

// Adds every thread of `meta` (with its fds) to `threads`; threads of one process share the fd
// table of its main thread.
void load_threads(const scap_metadata& meta, ThreadTable& threads);

// One fd of a process list entry as libsinsp keeps it.
FdInfo fd_from_metadata(const scap_fdinfo& fd);

} // namespace sinsp::state
