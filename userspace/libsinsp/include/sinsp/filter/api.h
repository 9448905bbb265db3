// Marks the filter's public API, which the shared library exports; everything else is built with
// hidden visibility.
#pragma once

#define SINSP_FILTER_API __attribute__((visibility("default")))
