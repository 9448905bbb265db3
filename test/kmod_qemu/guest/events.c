/* The functional check: what the module records for a child's open/write/close/connect/execve. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "driver_api/event_codes.h"
#include "event_print.h"
#include "scap/scap.h"
#include "steps.h"

#define PROBE_FILE "/tmp/kmod-probe"
#define SERVER_PORT 4242
#define CLIENT_PORT 5151

/* A loopback IPv4 address with `port`. */
static struct sockaddr_in loopback(uint16_t port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

/* What the child does once the reader is ready. Exits through execve. Paths and addresses are
 * on the stack, so their pages are present when the module reads them at system-call entry (it
 * reads user memory without faulting, as tracepoint handlers must). */
static void child_workload(int go)
{
	char c, path[] = PROBE_FILE;
	if (read(go, &c, 1) != 1)
		_exit(2);
	int fd = openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0640);
	if (fd < 0 || write(fd, "hello kmod\n", 11) != 11)
		_exit(3);
	close(fd);
	/* A listener and a client bound to fixed ports: the connection's tuple is known. */
	struct sockaddr_in server = loopback(SERVER_PORT), client = loopback(CLIENT_PORT);
	int srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int cli = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (srv < 0 || cli < 0 || bind(srv, (struct sockaddr *)&server, sizeof(server)) != 0 ||
	    listen(srv, 1) != 0 || bind(cli, (struct sockaddr *)&client, sizeof(client)) != 0 ||
	    connect(cli, (struct sockaddr *)&server, sizeof(server)) != 0)
		_exit(4);
	close(cli);
	close(srv);
	char file[] = "/bin/busybox", arg0[] = "busybox", arg1[] = "true";
	char env0[] = "PATH=/bin", env1[] = "KMOD_TEST=1";
	char *const argv[] = {arg0, arg1, NULL};
	char *const envp[] = {env0, env1, NULL};
	execve(file, argv, envp);
	_exit(5);
}

/* The events printed: the calls the child makes, and its end. */
static int interesting(uint16_t type)
{
	switch (type) {
	case SCAP_EV_SYSCALL_OPENAT_2_E:
	case SCAP_EV_SYSCALL_OPENAT_2_X:
	case SCAP_EV_SYSCALL_WRITE_E:
	case SCAP_EV_SYSCALL_WRITE_X:
	case SCAP_EV_SYSCALL_CLOSE_E:
	case SCAP_EV_SYSCALL_CLOSE_X:
	case SCAP_EV_SOCKET_SOCKET_E:
	case SCAP_EV_SOCKET_SOCKET_X:
	case SCAP_EV_SOCKET_CONNECT_E:
	case SCAP_EV_SOCKET_CONNECT_X:
	case SCAP_EV_SYSCALL_EXECVE_19_E:
	case SCAP_EV_SYSCALL_EXECVE_19_X:
	case SCAP_EV_PROCEXIT_1_E:
		return 1;
	default:
		return 0;
	}
}

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int step_events(void)
{
	int go[2];
	if (pipe(go) < 0)
		return 1;
	pid_t child = fork();
	if (child == 0) {
		close(go[1]);
		child_workload(go[0]);
	}
	close(go[0]);

	char err[SCAP_ERRMSG_SIZE];
	struct scap_open_args args = {
	    .size = sizeof(args), .engine = "kmod", .only_tgid = (uint32_t)child};
	struct scap *h = scap_open(&args, err);
	if (!h) {
		printf("events: error: %s\n", err);
		kill(child, SIGKILL);
		return 1;
	}
	if (write(go[1], "g", 1) != 1)
		return 1;
	close(go[1]);

	struct print_aliases aliases = {{child, getpid()}, {"CHILD", "PARENT"}};
	int procexit = 0, rc;
	uint64_t first_ts = 0, last_ts = 0, out_of_order = 0;
	double deadline = seconds_now() + 30;
	while (!procexit && seconds_now() < deadline) {
		struct scap_evt *evt;
		uint16_t cpu;
		uint32_t flags;
		rc = scap_next(h, &evt, &cpu, &flags);
		if (rc == SCAP_TIMEOUT)
			continue;
		if (rc != SCAP_OK) {
			printf("events: error: %s\n", scap_last_error(h));
			break;
		}
		if (!first_ts)
			first_ts = evt->ts;
		if (evt->ts < last_ts)
			out_of_order++;
		last_ts = evt->ts;
		if (evt->tid != (uint64_t)child || !interesting(evt->type))
			continue;
		fputs("events: ", stdout);
		print_event(stdout, evt, &aliases);
		procexit = evt->type == SCAP_EV_PROCEXIT_1_E;
	}
	int status = 0;
	waitpid(child, &status, 0);
	struct scap_stats stats;
	scap_get_stats(h, &stats);
	scap_close(h);
	printf("events: child status %d, drops %llu, out of order %llu\n", status,
	       (unsigned long long)stats.n_drops, (unsigned long long)out_of_order);
	printf("events: %s\n", procexit ? "done" : "TIMEOUT waiting for procexit");
	return procexit && status == 0 && out_of_order == 0 ? 0 : 1;
}
