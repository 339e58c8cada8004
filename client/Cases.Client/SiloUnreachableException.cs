namespace Cases.Client;

/// <summary>No usable answer came from the silo: the connection failed, timed out, or something else answered.</summary>
public sealed class SiloUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
