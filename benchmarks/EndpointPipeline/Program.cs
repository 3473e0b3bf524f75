using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RustScope.Benchmarks.EndpointPipeline;

// Timed by the thread's CPU time, not the wall clock: on the shared 2-core machine the wall clock's standard deviation
// was 8-29 % of the mean over 15 iterations (benchmarks/results/endpoint-pipeline-20261206-wallclock.md). The request
// runs to completion on the benchmark thread (the body is Stream.Null), so its CPU time is the request's, less the
// server GC's own threads (the service's GC too; the Allocated column shows what they collect). In process, since the
// clock is an object of this assembly; each variant's setup builds both apps, so both run in the same surroundings.
var job = Job.Default.WithWarmupCount(3).WithIterationCount(15).WithClock(ThreadCpuTimeClock.Instance).WithToolchain(InProcessEmitToolchain.Instance);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(InactiveEndpointBenchmark).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));
// A failed setup leaves a table of NA that must not pass for figures.
return summaries.Any(static summary => summary.HasCriticalValidationErrors || summary.Reports.Any(static report => !report.Success)) ? 1 : 0;
