// Opening the kmod engine where it cannot work: one line naming the device and what to do.
#include <gtest/gtest.h>

#include <cerrno>
#include <string>
#include <unistd.h>

#include "scap/scap.h"

namespace
{

struct scap *open_kmod(uint32_t snaplen, char *err)
{
	struct scap_open_args args = {};
	args.size = sizeof(args);
	args.engine = "kmod";
	args.snaplen = snaplen;
	errno = 0;
	return scap_open(&args, err);
}

} // namespace

TEST(KmodOpen, WithoutTheModuleNamesTheDevice)
{
	if (access("/dev/falco0", F_OK) == 0)
		GTEST_SKIP() << "the falco module is loaded here";
	char err[SCAP_ERRMSG_SIZE] = "";
	struct scap *h = open_kmod(0, err);
	int saved = errno;
	ASSERT_EQ(h, nullptr);
	EXPECT_EQ(std::string(err),
	          "kmod: cannot open /dev/falco0: No such file or directory (is the "
	          "falco module loaded? try falco-driver-loader)");
	EXPECT_EQ(saved, ENOENT);
}

TEST(KmodOpen, SnaplenAboveTheModulesMaximum)
{
	char err[SCAP_ERRMSG_SIZE] = "";
	struct scap *h = open_kmod(65537, err);
	int saved = errno;
	ASSERT_EQ(h, nullptr);
	EXPECT_EQ(std::string(err),
	          "kmod: snaplen 65537 is more than the module's maximum of 65536");
	EXPECT_EQ(saved, EINVAL);
}
