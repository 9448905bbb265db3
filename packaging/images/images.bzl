"""falco_image: one image of the manifest (//packaging:artifacts.bzl), named and started as it says."""

load("//packaging:artifacts.bzl", "ARTIFACTS", "VERSION")
load("//tools/bazel/packaging:oci.bzl", "oci_image")

# Where the images' sources are (org.opencontainers.image.source).
SOURCE_URL = "https://github.com/falcosecurity/falco"

# The environment of every image's container.
IMAGE_ENV = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}

def image_artifact(name):
    """The manifest's entry of an image.

    Args:
      name: the image's base name, `falco` for falcosecurity/falco.

    Returns:
      The artifact dict of //packaging:artifacts.bzl.
    """
    for artifact in ARTIFACTS:
        if artifact["kind"] == "oci" and artifact["name"] == "falcosecurity/" + name:
            return artifact
    fail("the manifest (//packaging:artifacts.bzl) has no image falcosecurity/%s" % name)

def falco_image(name, layers, image = None, out = None, env = {}, **kwargs):
    """The image `falcosecurity/<image>` of the manifest, from `layers` (bottom first).

    The file is the manifest's (`<image>-0.1.0-x86_64.oci.tar`) unless `out` says otherwise (a
    second copy for the determinism test). The entrypoint is the manifest's; the
    labels are the OCI ones (version, title, source, revision) and the manifest's summary as the
    description.

    Args:
      name: the target.
      layers: package_tree and debian_layer targets, bottom first.
      image: the image's base name, e.g. `falco` for falcosecurity/falco (default: name).
      out: another file name.
      env: environment variables added to IMAGE_ENV.
      **kwargs: passed to oci_image (cmd, tags, visibility).
    """
    artifact = image_artifact(image or name)
    all_env = dict(IMAGE_ENV)
    all_env.update(env)
    oci_image(
        name = name,
        out = out or artifact["file"],
        entrypoint = artifact["entrypoint"],
        env = all_env,
        labels = {"org.opencontainers.image.description": artifact["summary"]},
        layers = layers,
        source = SOURCE_URL,
        title = artifact["name"],
        version = VERSION,
        **kwargs
    )
