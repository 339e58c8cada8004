namespace Cases.Runtime.Storage;

/// <summary>The store cannot be reached or written right now; the command may be retried with the same id.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
