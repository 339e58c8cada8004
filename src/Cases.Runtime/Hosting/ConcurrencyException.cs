namespace Cases.Runtime.Hosting;

/// <summary>A turn lost the version race more often than allowed; nothing of it was written.</summary>
public sealed class ConcurrencyException(string message) : Exception(message);
