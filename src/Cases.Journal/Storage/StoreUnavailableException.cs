using Orleans;

namespace Cases.Journal.Storage;

/// <summary>The store cannot be reached or written right now; the command may be retried with the same id.</summary>
/// <remarks>Serializable across grain calls, so a caller hears the store is down (503) rather than a generic grain failure.</remarks>
[GenerateSerializer, Alias("cases.StoreUnavailable")]
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
