// Reads a capture through the packaged libsinsp and libscap and prints the library version and the
// number of events: the program library_link_test.sh compiles against the library tarballs.
#include <scap/scap.h>
#include <sinsp/error.h>
#include <sinsp/inspector.h>

#include <cstdio>

int main(int argc, char **argv)
{
	if (argc != 2) {
		std::fprintf(stderr, "usage: count_events CAPTURE\n");
		return 2;
	}
	sinsp::OpenOptions options;
	options.path = argv[1];
	try {
		auto inspector = sinsp::Inspector::open(options);
		unsigned long events = 0;
		while (inspector->next() != nullptr) {
			events++;
		}
		std::printf("libscap %s: %lu events\n", scap_version(), events);
	} catch (const sinsp::Error &error) {
		std::fprintf(stderr, "count_events: %s\n", error.what());
		return 1;
	}
	return 0;
}
