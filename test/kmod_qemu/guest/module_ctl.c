#include "module_ctl.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "falco_kmod/kmod_abi.h"

int module_load(const char *path, const char *params)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	long rc = syscall(SYS_finit_module, fd, params, 0);
	int err = rc < 0 ? -errno : 0;
	close(fd);
	return err;
}

int module_unload(int nonblocking)
{
	if (syscall(SYS_delete_module, FALCO_KMOD_NAME, nonblocking ? O_NONBLOCK : 0) < 0)
		return -errno;
	return 0;
}
