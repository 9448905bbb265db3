// The -l and -L listings of sinsp-inspect.
#pragma once

#include <cstdio>

// Every field class with its fields, types and descriptions.
void list_fields(std::FILE* out);

// Every event with its direction and parameters: "> open(FSPATH name, FLAGS32 flags, ...)".
void list_events(std::FILE* out);
