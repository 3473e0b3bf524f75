using RustScope.Core.Model;

namespace RustScope.Collectors.Process;

/// <summary>Receives the sampler's output as it happens (a TUI, progress lines). Called on the sampler thread: return quickly.</summary>
internal interface ISamplingObserver
{
    /// <summary>About ten times a second.</summary>
    void OnStatus(LiveStatus status);

    /// <summary>When a spike event fires.</summary>
    void OnEvent(MemoryEvent memoryEvent);
}
