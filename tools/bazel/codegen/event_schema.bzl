"""event_schema_sources: the C headers and tables of the event schema, generated from its JSON data."""

def _event_schema_sources_impl(ctx):
    codes_header = ctx.outputs.codes_header
    table_header = ctx.outputs.table_header
    table_source = ctx.outputs.table_source
    syscall_header = ctx.outputs.syscall_header
    fill_header = ctx.outputs.fill_header
    inputs = [ctx.file.events, ctx.file.value_tables, ctx.file.versions, ctx.file.syscalls, ctx.file.fillers, ctx.file.conversions]
    outputs = [codes_header, table_header, table_source, syscall_header, fill_header]
    ctx.actions.run(
        executable = ctx.executable._generator,
        arguments = [
            "--events",
            ctx.file.events.path,
            "--values",
            ctx.file.value_tables.path,
            "--versions",
            ctx.file.versions.path,
            "--syscalls",
            ctx.file.syscalls.path,
            "--fillers",
            ctx.file.fillers.path,
            "--conversions",
            ctx.file.conversions.path,
            "--codes-header",
            codes_header.path,
            "--table-header",
            table_header.path,
            "--table-source",
            table_source.path,
            "--syscall-header",
            syscall_header.path,
            "--fill-header",
            fill_header.path,
        ],
        inputs = inputs,
        outputs = outputs,
        mnemonic = "EventSchema",
        progress_message = "Generating the event tables of %s" % ctx.label,
    )
    return [
        DefaultInfo(files = depset(outputs)),
        OutputGroupInfo(
            kernel_headers = depset([codes_header, syscall_header, fill_header]),
            headers = depset([codes_header, table_header, syscall_header, fill_header]),
            sources = depset([table_source]),
        ),
    ]

def _json_input(doc):
    return attr.label(doc = doc, mandatory = True, allow_single_file = [".json"])

_event_schema_sources = rule(
    implementation = _event_schema_sources_impl,
    attrs = {
        "codes_header": attr.output(doc = "event_codes.h: kernel-safe macros and enums.", mandatory = True),
        "conversions": _json_input("conversions.json: the Linux-to-PPM conversion tables of flags parameters."),
        "events": _json_input("event_table.json: the enums and every event code with its parameters."),
        "fill_header": attr.output(doc = "fill_table.h: kernel-safe fill specs and conversions.", mandatory = True),
        "fillers": _json_input("fillers.json: each system call's events and where their parameters come from."),
        "syscall_header": attr.output(doc = "syscall_table.h: kernel-safe x86_64 system-call table.", mandatory = True),
        "syscalls": _json_input("syscalls_x86_64.json: the x86_64 system-call numbers."),
        "table_header": attr.output(doc = "event_table.h: the table types and declarations.", mandatory = True),
        "table_source": attr.output(doc = "event_table.c: the table data.", mandatory = True),
        "value_tables": _json_input("value_tables.json: the named value tables and the dynamic parameter tables."),
        "versions": _json_input("versions.json: the API and schema versions."),
        "_generator": attr.label(
            default = "//tools/event_schema:generate",
            executable = True,
            cfg = "exec",
        ),
    },
)

def event_schema_sources(name, events, value_tables, versions, syscalls, fillers, conversions, **kwargs):
    """Generates the event schema's C sources with //tools/event_schema:generate.

    The outputs, each a label of its own in the calling package:

    - `include/driver_api/event_codes.h`: versions and enums only, no includes (kernel module, eBPF);
    - `include/driver_api/event_table.h`: the table types and declarations (userspace);
    - `event_table.c`: the tables;
    - `include/driver_api/syscall_table.h`: x86_64 system-call number -> PPM_SC code and events
      (kernel-safe: it includes event_codes.h only);
    - `include/driver_api/fill_table.h`: where each parameter of those events comes from, and the
      Linux-to-PPM conversions (kernel-safe, with pointer-free copies for eBPF).

    A cc_library with `strip_include_prefix = "include"` makes them `#include "driver_api/..."`.
    Output groups `kernel_headers`, `headers` and `sources` select parts of them. A mistake in
    the data fails the build with one line per problem: file, JSON path, what is wrong.

    Example:

        event_schema_sources(
            name = "event_schema_sources",
            events = "schema/event_table.json",
            value_tables = "schema/value_tables.json",
            versions = "schema/versions.json",
            syscalls = "schema/syscalls_x86_64.json",
            fillers = "schema/fillers.json",
            conversions = "schema/conversions.json",
        )

    Args:
      name: the target holding the five files.
      events: event_table.json.
      value_tables: value_tables.json.
      versions: versions.json.
      syscalls: syscalls_x86_64.json.
      fillers: fillers.json.
      conversions: conversions.json.
      **kwargs: visibility, tags.
    """
    _event_schema_sources(
        name = name,
        events = events,
        value_tables = value_tables,
        versions = versions,
        syscalls = syscalls,
        fillers = fillers,
        conversions = conversions,
        codes_header = "include/driver_api/event_codes.h",
        table_header = "include/driver_api/event_table.h",
        table_source = "event_table.c",
        syscall_header = "include/driver_api/syscall_table.h",
        fill_header = "include/driver_api/fill_table.h",
        **kwargs
    )
