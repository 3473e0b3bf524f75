/* Signal handlers that allocate while the main thread is in malloc-heavy code: SIGALRM every 200 us on the thread's
 * stack, SIGUSR1 from a second thread on an alternate signal stack. argv[1] malloc/free pairs in churn(), more until both signals came,
 * then a few of each while the main thread sleeps outside malloc: a handler that interrupts the shim allocates untracked,
 * and on a fast machine every one that came during churn() may have.
 *
 * glibc's malloc is not async-signal-safe itself: the handlers' sizes were used once before the signals start, so they
 * and the main loop stay on glibc's per-thread cache (no arena lock), and what is tested is the shim's behaviour. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#define ALT_STACK_BYTES 65536

static volatile sig_atomic_t alarms, pokes;
static volatile int done;

__attribute__((noinline)) static void on_alarm(int signal) {
    (void)signal;
    char *volatile p = malloc(200);
    if (p) p[0] = 1;
    free(p);
    alarms++;
}

__attribute__((noinline)) static void on_usr1(int signal) {
    (void)signal;
    char *volatile p = malloc(300);
    if (p) p[0] = 1;
    free(p);
    pokes++;
}

static void *poke(void *main_thread) {
    while (!done) {
        pthread_kill(*(pthread_t *)main_thread, SIGUSR1);
        usleep(300);
    }
    return NULL;
}

__attribute__((noinline)) static void churn(long pairs) {
    for (long i = 0; i < pairs; i++) {
        void *volatile p = malloc(64);
        free(p);
    }
}

int main(int argc, char **argv) {
    long pairs = argc > 1 ? atol(argv[1]) : 3000000;
    free(malloc(200));
    free(malloc(300));
    stack_t alt = {.ss_sp = malloc(ALT_STACK_BYTES), .ss_size = ALT_STACK_BYTES};
    if (!alt.ss_sp || sigaltstack(&alt, NULL) != 0) return 2;
    struct sigaction on = {.sa_handler = on_alarm, .sa_flags = SA_RESTART};
    sigaction(SIGALRM, &on, NULL);
    on.sa_handler = on_usr1;
    on.sa_flags = SA_RESTART | SA_ONSTACK;
    sigaction(SIGUSR1, &on, NULL);

    pthread_t self = pthread_self(), poker;
    if (pthread_create(&poker, NULL, poke, &self) != 0) return 3;
    struct itimerval every = {{0, 200}, {0, 200}};
    setitimer(ITIMER_REAL, &every, NULL);
    churn(pairs);
    /* Until both kinds of signal have come (a slow machine may finish the loop first). */
    while (alarms == 0 || pokes == 0) churn(1000);
    for (sig_atomic_t a = alarms, k = pokes; alarms < a + 3 || pokes < k + 3;) usleep(100);
    struct itimerval off;
    memset(&off, 0, sizeof off);
    setitimer(ITIMER_REAL, &off, NULL);
    done = 1;
    pthread_join(poker, NULL);

    /* Signals blocked before the alternate stack goes away. */
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, NULL);
    stack_t none = {.ss_flags = SS_DISABLE};
    sigaltstack(&none, NULL);
    free(alt.ss_sp);
    return 0;
}
