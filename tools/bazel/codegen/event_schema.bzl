"""event_schema_sources: the C headers and tables of the event schema, generated from its JSON data."""

def _event_schema_sources_impl(ctx):
    codes_header = ctx.outputs.codes_header
    table_header = ctx.outputs.table_header
    table_source = ctx.outputs.table_source
    ctx.actions.run(
        executable = ctx.executable._generator,
        arguments = [
            "--events",
            ctx.file.events.path,
            "--values",
            ctx.file.value_tables.path,
            "--versions",
            ctx.file.versions.path,
            "--codes-header",
            codes_header.path,
            "--table-header",
            table_header.path,
            "--table-source",
            table_source.path,
        ],
        inputs = [ctx.file.events, ctx.file.value_tables, ctx.file.versions],
        outputs = [codes_header, table_header, table_source],
        mnemonic = "EventSchema",
        progress_message = "Generating the event tables of %s" % ctx.label,
    )
    return [
        DefaultInfo(files = depset([codes_header, table_header, table_source])),
        OutputGroupInfo(
            kernel_headers = depset([codes_header]),
            headers = depset([codes_header, table_header]),
            sources = depset([table_source]),
        ),
    ]

_event_schema_sources = rule(
    implementation = _event_schema_sources_impl,
    attrs = {
        "codes_header": attr.output(doc = "event_codes.h: kernel-safe macros and enums.", mandatory = True),
        "events": attr.label(
            doc = "event_table.json: the enums and every event code with its parameters.",
            mandatory = True,
            allow_single_file = [".json"],
        ),
        "table_header": attr.output(doc = "event_table.h: the table types and declarations.", mandatory = True),
        "table_source": attr.output(doc = "event_table.c: the table data.", mandatory = True),
        "value_tables": attr.label(
            doc = "value_tables.json: the named value tables and the dynamic parameter tables.",
            mandatory = True,
            allow_single_file = [".json"],
        ),
        "versions": attr.label(
            doc = "versions.json: the API and schema versions.",
            mandatory = True,
            allow_single_file = [".json"],
        ),
        "_generator": attr.label(
            default = "//tools/event_schema:generate",
            executable = True,
            cfg = "exec",
        ),
    },
)

def event_schema_sources(name, events, value_tables, versions, **kwargs):
    """Generates the event schema's C sources with //tools/event_schema:generate.

    The outputs, each a label of its own in the calling package:

    - `include/driver_api/event_codes.h`: versions and enums only, no includes (kernel module, eBPF);
    - `include/driver_api/event_table.h`: the table types and declarations (userspace);
    - `event_table.c`: the tables.

    A cc_library with `strip_include_prefix = "include"` makes them `#include "driver_api/..."`.
    Output groups `kernel_headers`, `headers` and `sources` select parts of them. A mistake in
    the data fails the build with one line per problem: file, JSON path, what is wrong.

    Example:

        event_schema_sources(
            name = "event_schema_sources",
            events = "schema/event_table.json",
            value_tables = "schema/value_tables.json",
            versions = "schema/versions.json",
        )

    Args:
      name: the target holding the three files.
      events: event_table.json.
      value_tables: value_tables.json.
      versions: versions.json.
      **kwargs: visibility, tags.
    """
    _event_schema_sources(
        name = name,
        events = events,
        value_tables = value_tables,
        versions = versions,
        codes_header = "include/driver_api/event_codes.h",
        table_header = "include/driver_api/event_table.h",
        table_source = "event_table.c",
        **kwargs
    )
