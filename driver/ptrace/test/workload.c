/* The program the tests trace. It makes a known sequence of system calls, without stdio (a
 * static binary whose every traced call the tests can predict):
 *
 *   workload files FILE PORT  creates FILE (O_CREAT|O_WRONLY, 0640), writes "hello" to it, closes
 *                             it, connects a TCP socket to 127.0.0.1:PORT, forks a child that
 *                             opens and closes /dev/null, waits for it, and execs
 *                             "/bin/true one two"
 *   workload fork             forks a child that opens /dev/null, waits, and execs itself as
 *                             "workload exit 0" (only statically linked programs run)
 *   workload exit N           exits with status N
 *   workload loop             opens and closes /dev/null every 10 ms, forever
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void touch_dev_null(void)
{
	int fd = open("/dev/null", O_RDONLY);
	if (fd >= 0)
		close(fd);
}

static void fork_child(void)
{
	pid_t child = fork();
	if (child == 0) {
		touch_dev_null();
		_exit(0);
	}
	if (child > 0)
		waitpid(child, NULL, 0);
}

static int files(const char *path, const char *port)
{
	int fd = open(path, O_CREAT | O_WRONLY, 0640);
	if (fd < 0 || write(fd, "hello", 5) != 5)
		return 10;
	close(fd);

	struct sockaddr_in addr;
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)atoi(port));
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int sock = socket(AF_INET, SOCK_STREAM, 0);
	if (sock < 0 || connect(sock, (struct sockaddr *)&addr, sizeof(addr)) != 0)
		return 11;
	close(sock);

	fork_child();
	char *const argv[] = {"true", "one", "two", NULL};
	execv("/bin/true", argv);
	return 12;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "files") == 0)
		return files(argv[2], argv[3]);
	if (argc == 2 && strcmp(argv[1], "fork") == 0) {
		fork_child();
		char *const again[] = {argv[0], "exit", "0", NULL};
		execv("/proc/self/exe", again);
		return 12;
	}
	if (argc == 3 && strcmp(argv[1], "exit") == 0)
		return atoi(argv[2]);
	if (argc == 2 && strcmp(argv[1], "loop") == 0) {
		struct timespec pause = {0, 10 * 1000 * 1000};
		for (;;) {
			touch_dev_null();
			nanosleep(&pause, NULL);
		}
	}
	return 2;
}
