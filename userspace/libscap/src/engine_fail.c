#include <stdarg.h>
#include <stdio.h>

#include "engine.h"

int scap_engine_fail(char *err, size_t errlen, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return status;
}
