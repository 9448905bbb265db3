/* The tracepoint probes: system-call entries and exits, process exits, forks of kernel threads
 * and execs that no execve system call reports. */
#ifndef FALCO_PROBES_H
#define FALCO_PROBES_H

/* Finds the tracepoints by name and attaches the probes; all or none. */
int falco_probes_register(void);

/* Detaches the probes and waits until none is running. */
void falco_probes_unregister(void);

#endif
