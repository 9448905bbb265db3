"""download_deb: one pinned Debian package into a repository rule's directory, by path and sha256.

Shared by the repository rules that take Debian packages (//tools/bazel/debian's
debian_packages, //tools/bazel/kmod's debian_kernel). The sha256 makes Bazel's repository cache
keep the file, so a package is downloaded once per machine however many repositories use it.
"""

DEBIAN_MIRRORS = ["https://deb.debian.org/"]

def download_deb(rctx, what, name, path, sha256, output, mirrors = DEBIAN_MIRRORS, pins = ""):
    """Downloads `path` (below a mirror) to `output`, checking its sha256; fails with what went wrong.

    Args:
      rctx: the repository context.
      what: how the calling repository names itself in errors, e.g. `debian_packages(@debian_runtime)`.
      name: the package's name, for errors.
      path: the pool path below the mirror, URL-escaped (`debian/pool/main/...`).
      sha256: what the file must hash to.
      output: where to put it, relative to the repository.
      mirrors: base URLs, tried in order.
      pins: the file the pin came from, named in errors.

    Returns:
      The path of the downloaded file.
    """
    urls = [mirror + path for mirror in mirrors]
    result = rctx.download(urls, output = output, sha256 = sha256, allow_fail = True)
    if result.success:
        return rctx.path(output)

    # Tell a wrong pin from a missing file: fetch it again without the checksum.
    # (Bazel downloads plain http only with a checksum.)
    check = rctx.download(
        [u.replace("http://", "https://", 1) for u in urls],
        output = output + ".unverified",
        allow_fail = True,
    )
    rctx.delete(output + ".unverified")
    if check.success:
        problem = "its sha256 is %s, the pin says %s" % (check.sha256, sha256)
    else:
        problem = "the download failed (no such file: the package may have left the pool; or no network)"
    fail("%s: package %s from %s: %s.%s" % (
        what,
        name,
        " or ".join(urls),
        problem,
        " See %s." % pins if pins else "",
    ))
