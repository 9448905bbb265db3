#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "proc_facts.h"
#include "seccomp_filter.h"
#include "tracer_internal.h"

/* What the child reports through a pipe when it cannot exec the command. */
struct exec_report {
	int stage; /* 1: installing the seccomp filter, 2: exec */
	int err;
};

int ptrace_resolve_command(const char *name, char *out, size_t size)
{
	int rc = -ENOENT;

	if (!name || !*name)
		return -ENOENT;
	if (strchr(name, '/')) {
		if (access(name, X_OK) != 0)
			return -errno;
		snprintf(out, size, "%s", name);
		return 0;
	}
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	while (*path) {
		size_t n = strcspn(path, ":");
		char candidate[PATH_MAX];
		struct stat st;
		if (snprintf(candidate, sizeof(candidate), "%.*s%s%s", (int)n, n ? path : ".",
		             n ? "/" : "/", name) < (int)sizeof(candidate) &&
		    stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
			if (access(candidate, X_OK) == 0) {
				snprintf(out, size, "%s", candidate);
				return 0;
			}
			rc = -EACCES;
		}
		path += n;
		if (*path == ':')
			path++;
	}
	return rc;
}

/* The child: waits until it is traced, takes the filter, and execs the command. */
static void __attribute__((noreturn))
child_main(int go, int report, const struct ptrace_syscall_set *set, const char *path,
           char *const *argv)
{
	char byte;
	sigset_t none;

	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (read(go, &byte, 1) != 1)
		_exit(127);
	int rc = ptrace_seccomp_install(set);
	if (rc < 0) {
		struct exec_report r = {1, -rc};
		ssize_t ignored = write(report, &r, sizeof(r));
		(void)ignored;
		_exit(126);
	}
	execv(path, argv);
	struct exec_report r = {2, errno};
	ssize_t ignored = write(report, &r, sizeof(r));
	(void)ignored;
	_exit(r.err == ENOENT ? 127 : 126);
}

int ptrace_start_command(struct ptrace_tracer *t, char *const *argv, char *err, size_t errlen)
{
	char path[PATH_MAX];
	int go[2], report[2];

	int rc = ptrace_resolve_command(argv[0], path, sizeof(path));
	if (rc == -ENOENT)
		return ptrace_fail(err, errlen, rc, "%s: command not found", argv[0]);
	if (rc < 0)
		return ptrace_fail(err, errlen, rc, "%s: cannot execute: %s", argv[0],
		                   strerror(-rc));
	if (pipe2(go, O_CLOEXEC) != 0)
		return ptrace_fail(err, errlen, -errno, "cannot create a pipe: %s",
		                   strerror(errno));
	if (pipe2(report, O_CLOEXEC) != 0) {
		rc = -errno;
		close(go[0]);
		close(go[1]);
		return ptrace_fail(err, errlen, rc, "cannot create a pipe: %s", strerror(-rc));
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(go[1]);
		close(report[0]);
		child_main(go[0], report[1], &t->interest, path, argv);
	}
	close(go[0]);
	close(report[1]);
	if (pid < 0) {
		rc = -errno;
		close(go[1]);
		close(report[0]);
		return ptrace_fail(err, errlen, rc, "cannot fork: %s", strerror(-rc));
	}
	if (ptrace(PTRACE_SEIZE, pid, NULL,
	           (void *)(long)(PTRACE_BASE_OPTIONS | PTRACE_O_EXITKILL)) != 0) {
		rc = -errno;
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		close(go[1]);
		close(report[0]);
		return ptrace_fail(err, errlen, rc, "cannot trace %s: %s", argv[0], strerror(-rc));
	}
	t->root = pid;
	if (!ptrace_threads_add(&t->threads, pid)) {
		close(go[1]);
		close(report[0]);
		return ptrace_fail(err, errlen, -ENOMEM, "out of memory");
	}
	ssize_t written = write(go[1], "g", 1);
	close(go[1]);
	(void)written;
	/* Trace until the command is running: its exec succeeded, or it ended without one. */
	while (!t->root_execed && !t->root_ended) {
		rc = ptrace_wait_one(t);
		if (rc == PTRACE_NEXT_DONE)
			break;
		if (rc < 0) {
			close(report[0]);
			return ptrace_fail(err, errlen, rc, "cannot trace %s: %s", argv[0],
			                   strerror(-rc));
		}
	}
	struct exec_report r = {0, 0};
	ssize_t got = t->root_execed ? 0 : read(report[0], &r, sizeof(r));
	close(report[0]);
	if (t->root_execed)
		return 0;
	if (got == (ssize_t)sizeof(r) && r.stage == 1)
		return ptrace_fail(err, errlen, -r.err, "%s: cannot install the seccomp filter: %s",
		                   argv[0], strerror(r.err));
	if (got == (ssize_t)sizeof(r))
		return ptrace_fail(err, errlen, -r.err, "%s: cannot execute: %s", argv[0],
		                   strerror(r.err));
	return ptrace_fail(err, errlen, -ECHILD, "%s: ended before it started", argv[0]);
}

/* Seizes every thread of the process, again until no new thread shows up. */
int ptrace_attach_process(struct ptrace_tracer *t, pid_t pid, char *err, size_t errlen)
{
	char path[64];
	bool added = true;

	if (pid == getpid())
		return ptrace_fail(err, errlen, -EINVAL, "process %d is this tracer", (int)pid);
	pid_t tgid = ptrace_proc_tgid(t->proc, pid);
	if (tgid < 0)
		return ptrace_fail(err, errlen, -ESRCH, "process %d: no such process", (int)pid);
	t->root = tgid;
	snprintf(path, sizeof(path), "%s/%d/task", t->proc, (int)tgid);
	while (added) {
		added = false;
		DIR *dir = opendir(path);
		if (!dir)
			return ptrace_fail(err, errlen, -ESRCH, "process %d: no such process",
			                   (int)pid);
		struct dirent *de;
		while ((de = readdir(dir))) {
			if (!isdigit((unsigned char)de->d_name[0]))
				continue;
			pid_t tid = (pid_t)strtol(de->d_name, NULL, 10);
			if (ptrace_threads_find(&t->threads, tid))
				continue;
			if (ptrace(PTRACE_SEIZE, tid, NULL, (void *)(long)PTRACE_BASE_OPTIONS) !=
			    0) {
				int e = errno;
				if (tid != tgid)
					continue; /* a thread that just ended */
				closedir(dir);
				return ptrace_fail(
				    err, errlen, -e, "cannot attach to process %d: %s%s", (int)pid,
				    strerror(e),
				    e == EPERM ? " (traced already, or not allowed)" : "");
			}
			ptrace(PTRACE_INTERRUPT, tid, NULL, NULL);
			if (!ptrace_threads_add(&t->threads, tid)) {
				closedir(dir);
				return ptrace_fail(err, errlen, -ENOMEM, "out of memory");
			}
			added = true;
		}
		closedir(dir);
	}
	return 0;
}
