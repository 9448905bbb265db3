#!/usr/bin/env bash
# falcosecurity/dev-tester under runc: its entrypoint, falco-test, passes on the bundled captures;
# with one expectation changed (bind-mounted over the bundled file) it fails and names the capture.
#
# dev_tester_test.sh IMAGE
source packaging/images/test/lib.sh
image=$1

unpack_image "$image" dev-tester

configure
run_container suite
expect_status 0
expect_out "falco-test: "
expect_out " passed, 0 failed"
passed=$(sed -n 's/^falco-test: \([0-9]*\) passed, 0 failed$/\1/p' "$out")
if [[ -z $passed || $passed -lt 60 ]]; then
    fail "falco-test passed ${passed:-no} checks; the bundled captures give more than 60"
fi

# A wrong expectation must fail the suite.
wrong="$scratch/expectations.txt"
sed 's/^write-below-etc.trigger.scap.gz  1  /write-below-etc.trigger.scap.gz  2  /' \
    "$bundle/rootfs/usr/share/falco/test/expectations.txt" >"$wrong"
configure --mount "$wrong:/usr/share/falco/test/expectations.txt:ro"
run_container wrong-expectation
expect_status 1
expect_out "FAIL write-below-etc.trigger.scap.gz: expected [Write below etc: 2], falco raised [Write below etc: 1]"
expect_out " passed, 1 failed"

finish
