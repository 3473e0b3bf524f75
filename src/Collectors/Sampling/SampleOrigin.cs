namespace RustScope.Collectors.Sampling;

/// <summary>Where and when a sampled stack was seen: its process, thread and second of the run; each part null when unknown.</summary>
/// <param name="Pid">The process the stack was sampled in.</param>
/// <param name="Tid">The kernel's id of the thread the stack was sampled on.</param>
/// <param name="Second">Whole seconds from the session's start.</param>
internal readonly record struct SampleOrigin(int? Pid, int? Tid, int? Second)
{
    /// <summary>A sample whose source kept neither process, thread nor time.</summary>
    public static SampleOrigin Unknown => default;
}
