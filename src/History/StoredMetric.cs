namespace RustScope.History;

/// <summary>A metric the store has values of.</summary>
/// <param name="Id">Its row in the store.</param>
/// <param name="Name">Its name.</param>
/// <param name="Unit">The unit of its values.</param>
internal sealed record StoredMetric(long Id, MetricName Name, string Unit);
