/* Sleeps a duration from a known sample: `stratified_sleeper STATE MEAN_MS SD_MS COUNT`. Over COUNT invocations sharing
   the STATE file (a counter) it sleeps COUNT evenly spaced durations standardized to exactly MEAN_MS and a sample
   standard deviation of SD_MS, in a fixed scrambled order, so a calibration over those runs knows the true spread. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: stratified_sleeper STATE MEAN_MS SD_MS COUNT\n"); return 2; }
    double mean = atof(argv[2]), sd = atof(argv[3]);
    int count = atoi(argv[4]), k = 0;
    FILE *state = fopen(argv[1], "r");
    if (state) { if (fscanf(state, "%d", &k) != 1) k = 0; fclose(state); }
    if (k >= count) { fprintf(stderr, "stratified_sleeper: all %d draws used\n", count); return 3; }
    state = fopen(argv[1], "w");
    fprintf(state, "%d\n", k + 1);
    fclose(state);

    /* A stride coprime to COUNT visits every stratum once, slow and fast runs spread over the series. */
    int stride = 7;
    while (count % stride == 0) stride += 2;
    int i = (int)((long)k * stride % count);
    double spread = sqrt(count * (count + 1) / 12.0); /* sample sd of 0, 1, …, count − 1 */
    double ms = mean + sd * (i - (count - 1) / 2.0) / spread;
    struct timespec t = { (time_t)(ms / 1000), (long)(fmod(ms, 1000) * 1e6) };
    nanosleep(&t, NULL);
    return 0;
}
