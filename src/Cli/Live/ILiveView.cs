using RustScope.Collectors.Process;
using RustScope.Core.Model;

namespace RustScope.Cli.Live;

/// <summary>Shows a profiling run while it happens.</summary>
internal interface ILiveView : IAsyncDisposable
{
    /// <summary>Runs the profiling (given this view as its observer) while showing it.</summary>
    Task<ProfileSession> RunAsync(Func<ISamplingObserver, Task<ProfileSession>> profile);
}
