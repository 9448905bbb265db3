// Marks libsinsp's public API, which libsinsp.so exports; everything else is built hidden.
#pragma once

#define SINSP_API __attribute__((visibility("default")))
