/* The tracing loop: waits for the tracees' stops, turns them into events, and resumes them. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "driver_api/event_codes.h"
#include "driver_api/syscall_table.h"
#include "fill.h"
#include "tracer_internal.h"

#define DEFAULT_SNAPLEN 80u

int ptrace_fail(char *err, size_t errlen, int rc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return rc;
}

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* The queue of records. */

static void queue_push(struct ptrace_queue *q, const uint8_t *rec, uint32_t len)
{
	size_t need = (len + 7u) & ~(size_t)7;
	if (q->head == q->tail)
		q->head = q->tail = 0;
	if (q->tail + need > q->cap) {
		size_t cap = q->cap ? q->cap : 4096;
		while (cap < q->tail + need)
			cap *= 2;
		uint8_t *bigger = realloc(q->buf, cap);
		if (!bigger)
			return;
		q->buf = bigger;
		q->cap = cap;
	}
	memcpy(q->buf + q->tail, rec, len);
	q->tail += need;
}

static bool queue_pop(struct ptrace_queue *q, const uint8_t **rec, uint32_t *len)
{
	if (q->head == q->tail)
		return false;
	uint32_t n;
	memcpy(&n, q->buf + q->head + 16, sizeof(n));
	*rec = q->buf + q->head;
	*len = n;
	q->head += (n + 7u) & ~(size_t)7;
	return true;
}

/* Building events. */

static void emit_call(struct ptrace_tracer *t, uint16_t type, const struct ptrace_call *call)
{
	uint32_t len = ptrace_fill_syscall(&t->rec, type, call, now_ns());
	if (len)
		queue_push(&t->queue, t->rec.buf, len);
}

static void call_of(const struct ptrace_tracer *t, const struct ptrace_thread *th,
                    struct ptrace_call *call)
{
	memset(call, 0, sizeof(*call));
	call->tid = th->tid;
	call->nr = th->nr;
	memcpy(call->args, th->args, sizeof(call->args));
	call->snaplen = t->snaplen;
	call->proc = t->proc;
}

static uint16_t event_for(long nr, bool exit)
{
	if (nr >= 0 && nr < SCAP_SYSCALL_NR_MAX)
		return exit ? scap_syscall_table[nr].exit_event
		            : scap_syscall_table[nr].enter_event;
	return exit ? SCAP_EV_GENERIC_X : SCAP_EV_GENERIC_E;
}

static bool get_regs(pid_t tid, struct user_regs_struct *regs)
{
	return ptrace(PTRACE_GETREGS, tid, NULL, regs) == 0;
}

static void on_syscall_enter(struct ptrace_tracer *t, struct ptrace_thread *th)
{
	struct user_regs_struct regs;
	struct ptrace_call call;

	if (!get_regs(th->tid, &regs))
		return;
	th->in_syscall = true;
	th->nr = (long)regs.orig_rax;
	th->args[0] = regs.rdi;
	th->args[1] = regs.rsi;
	th->args[2] = regs.rdx;
	th->args[3] = regs.r10;
	th->args[4] = regs.r8;
	th->args[5] = regs.r9;
	th->emit_exit = ptrace_set_has(&t->interest, (uint64_t)th->nr);
	ptrace_thread_forget_strings(th);
	if (!th->emit_exit)
		return;
	call_of(t, th, &call);
	emit_call(t, event_for(th->nr, false), &call);
	/* A successful exec replaces the memory the exit event would read its strings from. */
	if (th->nr == SYS_execve || th->nr == SYS_execveat)
		ptrace_fill_save_strings(event_for(th->nr, true), &call, th->saved_str);
}

static void on_syscall_exit(struct ptrace_tracer *t, struct ptrace_thread *th)
{
	struct user_regs_struct regs;
	struct ptrace_call call;

	if (!th->in_syscall)
		return; /* attached in the middle of it: its enter was never seen */
	th->in_syscall = false;
	if (!th->emit_exit || !get_regs(th->tid, &regs))
		return;
	call_of(t, th, &call);
	call.ret = (int64_t)regs.rax;
	call.saved_str = th->saved_str;
	emit_call(t, event_for(th->nr, true), &call);
	ptrace_thread_forget_strings(th);
}

/* A task created by a traced clone, fork or vfork: its registers are those of the call it returns
 * from (orig_rax the call, rax 0), so its side of the call's exit event is built from them. */
static void on_birth(struct ptrace_tracer *t, struct ptrace_thread *th)
{
	struct user_regs_struct regs;
	struct ptrace_call call;

	th->birth_pending = false;
	if (!get_regs(th->tid, &regs) || !ptrace_set_has(&t->interest, regs.orig_rax))
		return;
	memset(&call, 0, sizeof(call));
	call.tid = th->tid;
	call.nr = (long)regs.orig_rax;
	call.args[0] = regs.rdi;
	call.args[1] = regs.rsi;
	call.args[2] = regs.rdx;
	call.args[3] = regs.r10;
	call.args[4] = regs.r8;
	call.args[5] = regs.r9;
	call.ret = 0;
	call.child = true;
	call.snaplen = t->snaplen;
	call.proc = t->proc;
	emit_call(t, event_for(call.nr, true), &call);
}

static void emit_procexit(struct ptrace_tracer *t, struct ptrace_thread *th, int status)
{
	th->exit_seen = true;
	th->in_syscall = false;
	uint32_t len = ptrace_fill_procexit(&t->rec, th->tid, status, now_ns());
	if (len)
		queue_push(&t->queue, t->rec.buf, len);
}

/* The stops. */

static void resume(const struct ptrace_tracer *t, const struct ptrace_thread *th, int sig)
{
	int req = t->attached || th->in_syscall ? PTRACE_SYSCALL : PTRACE_CONT;
	ptrace(req, th->tid, NULL, (void *)(long)sig);
}

static void on_gone(struct ptrace_tracer *t, pid_t pid, int status)
{
	struct ptrace_thread *th = ptrace_threads_find(&t->threads, pid);
	if (th && !th->exit_seen)
		emit_procexit(t, th, status);
	ptrace_threads_remove(&t->threads, pid);
	if (pid == t->root) {
		t->root_ended = true;
		t->root_status = status;
	}
}

/* The execing thread takes over the thread-group leader's id: its state moves there. */
static struct ptrace_thread *on_exec(struct ptrace_tracer *t, struct ptrace_thread *th)
{
	unsigned long former = 0;
	pid_t pid = th->tid;

	if (ptrace(PTRACE_GETEVENTMSG, pid, NULL, &former) == 0 && (pid_t)former != pid) {
		struct ptrace_thread *old = ptrace_threads_find(&t->threads, (pid_t)former);
		if (old) {
			struct ptrace_thread moved = *old;
			memset(old->saved_str, 0, sizeof(old->saved_str)); /* they move too */
			ptrace_threads_remove(&t->threads, (pid_t)former);
			th = ptrace_threads_find(&t->threads, pid);
			if (th) {
				ptrace_thread_forget_strings(th);
				moved.tid = pid;
				*th = moved;
			} else {
				ptrace_thread_forget_strings(&moved);
			}
		}
	}
	if (pid == t->root)
		t->root_execed = true;
	return th;
}

static bool syscall_stop_is_exit(struct ptrace_tracer *t, const struct ptrace_thread *th)
{
	if (!t->no_syscall_info) {
		struct __ptrace_syscall_info info;
		long n = ptrace(PTRACE_GET_SYSCALL_INFO, th->tid, (void *)sizeof(info), &info);
		if (n > 0 && info.op == PTRACE_SYSCALL_INFO_EXIT)
			return true;
		if (n > 0 && info.op == PTRACE_SYSCALL_INFO_ENTRY)
			return false;
		if (n < 0 && (errno == EIO || errno == EINVAL))
			t->no_syscall_info = true;
	}
	return th->in_syscall;
}

static bool is_group_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void on_stop(struct ptrace_tracer *t, pid_t pid, int status)
{
	int sig = WSTOPSIG(status);
	int event = (unsigned)status >> 16;
	struct ptrace_thread *th = ptrace_threads_find(&t->threads, pid);

	if (!th) {
		/* A new task whose first stop came before its parent's fork event. */
		th = ptrace_threads_add(&t->threads, pid);
		if (!th) {
			ptrace(PTRACE_DETACH, pid, NULL, NULL);
			return;
		}
		th->birth_pending = true;
	}
	if (sig == (SIGTRAP | 0x80)) {
		if (syscall_stop_is_exit(t, th))
			on_syscall_exit(t, th);
		else
			on_syscall_enter(t, th);
		resume(t, th, 0);
		return;
	}
	if (sig == SIGTRAP && event) {
		unsigned long msg = 0;
		switch (event) {
		case PTRACE_EVENT_SECCOMP:
			on_syscall_enter(t, th);
			break;
		case PTRACE_EVENT_FORK:
		case PTRACE_EVENT_VFORK:
		case PTRACE_EVENT_CLONE:
			if (ptrace(PTRACE_GETEVENTMSG, pid, NULL, &msg) == 0 &&
			    !ptrace_threads_find(&t->threads, (pid_t)msg)) {
				struct ptrace_thread *child =
				    ptrace_threads_add(&t->threads, (pid_t)msg);
				if (child)
					child->birth_pending = true;
				th = ptrace_threads_find(&t->threads, pid);
			}
			break;
		case PTRACE_EVENT_EXEC:
			th = on_exec(t, th);
			break;
		case PTRACE_EVENT_EXIT:
			if (ptrace(PTRACE_GETEVENTMSG, pid, NULL, &msg) == 0)
				emit_procexit(t, th, (int)msg);
			break;
		case PTRACE_EVENT_STOP:
			if (th->birth_pending)
				on_birth(t, th);
			break;
		default:
			break;
		}
		if (th)
			resume(t, th, 0);
		return;
	}
	if (event == PTRACE_EVENT_STOP) {
		if (th->birth_pending)
			on_birth(t, th);
		/* A group stop: stay stopped, but keep reporting (SIGCONT, fresh stops). */
		if (is_group_stop_signal(sig))
			ptrace(PTRACE_LISTEN, pid, NULL, NULL);
		else
			resume(t, th, 0);
		return;
	}
	/* A signal on its way to the tracee: deliver it. */
	resume(t, th, sig);
}

int ptrace_wait_one(struct ptrace_tracer *t)
{
	int status;
	pid_t pid = waitpid(-1, &status, __WALL | __WNOTHREAD);
	if (pid < 0) {
		if (errno == EINTR)
			return PTRACE_NEXT_INTERRUPTED;
		if (errno == ECHILD)
			return PTRACE_NEXT_DONE;
		return -errno;
	}
	if (WIFEXITED(status) || WIFSIGNALED(status))
		on_gone(t, pid, status);
	else if (WIFSTOPPED(status))
		on_stop(t, pid, status);
	return 0;
}

int ptrace_tracer_open(struct ptrace_tracer **out, const struct ptrace_tracer_options *opts,
                       char *err, size_t errlen)
{
	int rc;

	if ((!opts->argv || !opts->argv[0]) == (opts->pid <= 0))
		return ptrace_fail(err, errlen, -EINVAL,
		                   "ptrace: give either a command or a process id");
	struct ptrace_tracer *t = calloc(1, sizeof(*t));
	if (!t)
		return ptrace_fail(err, errlen, -ENOMEM, "ptrace: out of memory");
	t->proc = opts->proc ? opts->proc : "/proc";
	t->snaplen = opts->snaplen ? opts->snaplen : DEFAULT_SNAPLEN;
	ptrace_set_add_dedicated(&t->interest);
	rc = ptrace_set_parse(&t->interest, opts->extra_syscalls, err, errlen);
	if (rc == 0 && opts->pid > 0) {
		t->attached = true;
		rc = ptrace_attach_process(t, opts->pid, err, errlen);
	} else if (rc == 0) {
		rc = ptrace_start_command(t, opts->argv, err, errlen);
	}
	if (rc < 0) {
		ptrace_tracer_close(t);
		return rc;
	}
	*out = t;
	return 0;
}

int ptrace_tracer_next(struct ptrace_tracer *t, const uint8_t **rec, uint32_t *len, char *err,
                       size_t errlen)
{
	for (;;) {
		if (queue_pop(&t->queue, rec, len))
			return PTRACE_NEXT_EVENT;
		if (t->threads.count == 0)
			return PTRACE_NEXT_DONE;
		int rc = ptrace_wait_one(t);
		if (rc == PTRACE_NEXT_DONE) {
			/* Nothing left to wait for: whatever the table still holds is gone. */
			ptrace_threads_free(&t->threads);
			continue;
		}
		if (rc == PTRACE_NEXT_INTERRUPTED)
			return rc;
		if (rc < 0)
			return ptrace_fail(err, errlen, rc, "ptrace: waiting for the tracees: %s",
			                   strerror(-rc));
	}
}

bool ptrace_tracer_exit_status(const struct ptrace_tracer *t, int *status)
{
	if (!t->root_ended)
		return false;
	*status = t->root_status;
	return true;
}

/* Kills a command still running and reaps it and its traced descendants, including any that
 * stop on their way (a task created just now). */
static void kill_all(struct ptrace_tracer *t)
{
	for (uint32_t i = 0; i < t->threads.cap; i++) {
		if (t->threads.slots[i].tid)
			kill(t->threads.slots[i].tid, SIGKILL);
	}
	for (;;) {
		int status;
		pid_t pid = waitpid(-1, &status, __WALL | __WNOTHREAD);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0)
			break;
		/* A killed tracee still stops at its exit (PTRACE_EVENT_EXIT): let it go on. */
		if (WIFSTOPPED(status)) {
			kill(pid, SIGKILL);
			ptrace(PTRACE_CONT, pid, NULL, NULL);
		}
	}
}

/* Detaches from every thread of an attached process: each must be stopped first. Gives up after a
 * second on threads that do not stop (a vfork parent waits uninterruptibly for its child); they
 * are detached by the kernel when this process exits. */
static void detach_all(struct ptrace_tracer *t)
{
	for (uint32_t i = 0; i < t->threads.cap; i++) {
		if (t->threads.slots[i].tid)
			ptrace(PTRACE_INTERRUPT, t->threads.slots[i].tid, NULL, NULL);
	}
	for (int tries = 0; t->threads.count && tries < 1000;) {
		int status;
		pid_t pid = waitpid(-1, &status, __WALL | __WNOTHREAD | WNOHANG);
		if (pid < 0 && errno != EINTR)
			break;
		if (pid <= 0) {
			usleep(1000);
			tries++;
			continue;
		}
		if (!WIFSTOPPED(status)) {
			ptrace_threads_remove(&t->threads, pid);
			continue;
		}
		int sig = WSTOPSIG(status), event = (unsigned)status >> 16;
		bool delivery = !event && sig != (SIGTRAP | 0x80);
		ptrace(PTRACE_DETACH, pid, NULL, (void *)(long)(delivery ? sig : 0));
		ptrace_threads_remove(&t->threads, pid);
	}
}

void ptrace_tracer_close(struct ptrace_tracer *t)
{
	if (!t)
		return;
	if (t->threads.count) {
		if (t->attached)
			detach_all(t);
		else
			kill_all(t);
	}
	ptrace_threads_free(&t->threads);
	ptrace_record_free(&t->rec);
	free(t->queue.buf);
	free(t);
}
