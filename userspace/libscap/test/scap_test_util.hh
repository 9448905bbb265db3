// Opening captures and collecting their events in the tests.
#ifndef SCAP_TEST_UTIL_HH
#define SCAP_TEST_UTIL_HH

#include <memory>
#include <string>
#include <vector>

#include "scap/scap.h"

namespace scaptest
{

struct ScapCloser {
	void operator()(struct scap *h) const
	{
		scap_close(h);
	}
};
using ScapHandle = std::unique_ptr<struct scap, ScapCloser>;

// Opens a capture; on failure returns null and puts the message in *error.
inline ScapHandle open_capture(const std::string &path, std::string *error = nullptr)
{
	char err[SCAP_ERRMSG_SIZE] = "";
	struct scap_open_args args = {};
	args.size = sizeof(args);
	args.engine = "savefile";
	args.path = path.c_str();
	ScapHandle h(scap_open(&args, err));
	if (error)
		*error = err;
	return h;
}

struct Event {
	uint64_t ts, tid;
	uint16_t type, cpu;
	uint32_t flags;
	std::vector<std::string> params;
	std::string record; // the whole record, as scap_next() returned it
};

// Reads every event; *status gets the status that ended the loop (SCAP_EOF when all went well).
inline std::vector<Event> read_all(struct scap *h, int *status, std::string *error = nullptr)
{
	std::vector<Event> out;
	struct scap_evt *evt;
	uint16_t cpu;
	uint32_t flags;
	int rc;
	while ((rc = scap_next(h, &evt, &cpu, &flags)) == SCAP_OK) {
		Event e{evt->ts, evt->tid, evt->type, cpu, flags, {}, {}};
		for (uint32_t i = 0; i < evt->nparams; i++) {
			struct scap_param p;
			scap_event_param(evt, i, &p);
			e.params.emplace_back(reinterpret_cast<const char *>(p.data), p.len);
		}
		e.record.assign(reinterpret_cast<const char *>(evt), evt->len);
		out.push_back(std::move(e));
	}
	*status = rc;
	if (error)
		*error = scap_last_error(h);
	return out;
}

} // namespace scaptest

#endif
