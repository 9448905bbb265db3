/*
 * A minimal check harness for the C tests of driver/api. Unlike assert(), CHECK stays under
 * NDEBUG (-c opt), counts every check, and reports each failure with its file and line;
 * check_report() prints the totals and gives the exit status.
 */
#ifndef DRIVER_API_TEST_CHECK_H
#define DRIVER_API_TEST_CHECK_H

#include <stdio.h>

static int check_count;
static int check_failures;

#define CHECK(cond) check_one((cond), #cond, __FILE__, __LINE__)

static void check_one(int ok, const char *what, const char *file, int line)
{
	check_count++;
	if (!ok) {
		check_failures++;
		fprintf(stderr, "%s:%d: failed: %s\n", file, line, what);
	}
}

static int check_report(const char *test)
{
	printf("%s: %d passed, %d failed\n", test, check_count - check_failures, check_failures);
	return check_failures == 0 ? 0 : 1;
}

#endif
