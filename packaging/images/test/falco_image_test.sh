#!/usr/bin/env bash
# falcosecurity/falco under runc: the image's falco replays a capture (bind-mounted) with a rules
# file (bind-mounted), `falco -e CAPTURE -r RULES`, and prints the alert the rules promise; on the
# near-miss capture it prints none.
#
# falco_image_test.sh IMAGE RULES TRIGGER_CAPTURE CLEAN_CAPTURE
source packaging/images/test/lib.sh
image=$1 rules=$(readlink -f "$2") trigger=$(readlink -f "$3") clean=$(readlink -f "$4")

unpack_image "$image" falco

configure --mount "$rules:/rules/falco_rules.yaml:ro" --mount "$trigger:/captures/trigger.scap.gz:ro" \
    -- /usr/bin/falco -e /captures/trigger.scap.gz -r /rules/falco_rules.yaml
run_container trigger
expect_status 0
expect_out "Reading system call events from file: /captures/trigger.scap.gz"
expect_out ": Error File below /etc opened for writing (file=/etc/falco-rules-test.conf user=root command=touch /etc/falco-rules-test.conf"
expect_out "Write below etc: 1"

configure --mount "$rules:/rules/falco_rules.yaml:ro" --mount "$clean:/captures/clean.scap.gz:ro" \
    -- /usr/bin/falco -e /captures/clean.scap.gz -r /rules/falco_rules.yaml
run_container clean
expect_status 0
expect_out "Events detected: 0"
expect_no_out "File below /etc opened for writing"

# The image's own configuration and rules, with no argument but the capture.
configure --mount "$trigger:/captures/trigger.scap.gz:ro" -- /usr/bin/falco -e /captures/trigger.scap.gz
run_container default-rules
expect_status 0
expect_out "Write below etc: 1"

finish
