using Orleans;

namespace Cases.Grains.Journaling;

/// <summary>A grain lost its version race more often than allowed; the command may be retried with the same id.</summary>
[GenerateSerializer, Alias("cases.ConcurrencyException")]
public sealed class ConcurrencyException(string message) : Exception(message);
