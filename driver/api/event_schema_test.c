/*
 * Known facts of the generated event tables, checked through the public headers. Checks do not
 * use assert(), which NDEBUG (-c opt) would remove.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "driver_api/event_table.h"

/* The entry `name` of value table `id`, or NULL. */
static const struct scap_named_value *find_value(enum scap_value_table_id id, const char *name)
{
	const struct scap_value_table *table = &scap_value_tables[id];
	for (uint32_t i = 0; i < table->count; i++) {
		if (strcmp(table->values[i].name, name) == 0) {
			return &table->values[i];
		}
	}
	return NULL;
}

static void check_open(void)
{
	const struct scap_event_info *open_x = &scap_event_table[SCAP_EV_SYSCALL_OPEN_X];

	CHECK(SCAP_EV_SYSCALL_OPEN_E == 2);
	CHECK(SCAP_EV_SYSCALL_OPEN_X == 3);
	CHECK(strcmp(open_x->name, "open") == 0);
	CHECK(open_x->category == (SCAP_EC_FILE | SCAP_EC_SYSCALL));
	CHECK((open_x->flags & SCAP_EF_CREATES_FD) != 0);
	CHECK(open_x->nparams == 6);
	CHECK(strcmp(open_x->params[0].name, "fd") == 0);
	CHECK(open_x->params[0].type == SCAP_PT_FD);
	CHECK(open_x->params[0].format == SCAP_PF_DEC);
	CHECK(open_x->params[0].value_table == -1);
	CHECK(strcmp(open_x->params[2].name, "flags") == 0);
	CHECK(open_x->params[2].value_table == SCAP_VT_FILE_FLAGS);
	CHECK(open_x->params[3].format == SCAP_PF_OCT);
}

static void check_large_payload(void)
{
	int large = 0;

	CHECK((scap_event_table[322].flags & SCAP_EF_LARGE_PAYLOAD) != 0);
	CHECK((scap_event_table[324].flags & SCAP_EF_LARGE_PAYLOAD) != 0);
	CHECK((scap_event_table[402].flags & SCAP_EF_LARGE_PAYLOAD) != 0);
	for (int code = 0; code < SCAP_EVENT_COUNT; code++) {
		large += (scap_event_table[code].flags & SCAP_EF_LARGE_PAYLOAD) != 0;
	}
	CHECK(large == 3);
}

static void check_params(void)
{
	const struct scap_event_info *openat = &scap_event_table[SCAP_EV_SYSCALL_OPENAT_2_X];
	const struct scap_event_info *keyctl = &scap_event_table[SCAP_EV_SYSCALL_KEYCTL_X];

	CHECK(openat->params[2].type == SCAP_PT_FSRELPATH);
	CHECK(openat->params[2].dirfd_param == 1);
	CHECK(strcmp(keyctl->params[2].name, "arg2") == 0);
	CHECK(keyctl->params[2].type == SCAP_PT_DYN);
	CHECK(keyctl->params[2].dynamic_table == SCAP_DT_KEYCTL_DYNAMIC_PARAM);
	CHECK(scap_dynamic_tables[SCAP_DT_KEYCTL_DYNAMIC_PARAM].count == 2);
	CHECK(scap_dynamic_tables[SCAP_DT_KEYCTL_DYNAMIC_PARAM].variants[1].type ==
	      SCAP_PT_CHARBUF);
}

static void check_value_tables(void)
{
	const struct scap_named_value *open = find_value(SCAP_VT_PPM_SC_CODES, "open");
	const struct scap_named_value *enoent = find_value(SCAP_VT_ERRNO_NAMES, "ENOENT");

	CHECK(open != NULL && open->value == 5);
	CHECK(enoent != NULL && enoent->value == -2);
	CHECK(strcmp(scap_value_tables[SCAP_VT_SIGNAL_NAMES].name, "signal_names") == 0);
	CHECK(strcmp(scap_value_tables[SCAP_VT_SCAP_FD_TYPE].name, "scap_fd_type") == 0);
	CHECK(scap_value_tables[SCAP_VT_SCAP_FD_TYPE].values[0].value == -1);
}

/* Every entry is filled in and its indices point inside the tables. */
static void check_shape(void)
{
	int bad = 0;

	for (int code = 0; code < SCAP_EVENT_COUNT; code++) {
		const struct scap_event_info *event = &scap_event_table[code];
		bad += event->name == NULL || (event->nparams == 0) != (event->params == NULL);
		for (uint16_t i = 0; i < event->nparams; i++) {
			const struct scap_param_info *param = &event->params[i];
			bad += param->type >= SCAP_PT_MAX;
			bad +=
			    param->value_table < -1 || param->value_table >= SCAP_VALUE_TABLE_COUNT;
			bad += param->dynamic_table < -1 ||
			       param->dynamic_table >= SCAP_DYNAMIC_TABLE_COUNT;
			bad += param->dirfd_param < -1 || param->dirfd_param >= event->nparams;
		}
	}
	for (int id = 0; id < SCAP_VALUE_TABLE_COUNT; id++) {
		bad += scap_value_tables[id].name == NULL || scap_value_tables[id].count == 0;
	}
	CHECK(bad == 0);
	CHECK(SCAP_EVENT_COUNT == 454);
	CHECK(strcmp(scap_event_table[SCAP_EV_GENERIC_E].name, "syscall") == 0);
}

static void check_versions(void)
{
	CHECK(strcmp(SCAP_SCHEMA_VERSION, "1.0.0") == 0);
	CHECK(SCAP_SCHEMA_VERSION_MAJOR == 1 && SCAP_SCHEMA_VERSION_MINOR == 0);
	CHECK(strcmp(SCAP_API_VERSION, "1.0.0") == 0);
	CHECK(SCAP_API_VERSION_MAJOR == 1 && SCAP_API_VERSION_PATCH == 0);
}

int main(void)
{
	check_open();
	check_large_payload();
	check_params();
	check_value_tables();
	check_shape();
	check_versions();
	return check_report("event_schema_test");
}
