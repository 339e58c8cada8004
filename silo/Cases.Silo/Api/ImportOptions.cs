namespace Cases.Silo.Api;

/// <summary>The bounds of one import request (Cases:Imports); the body is bounded by <see cref="RequestBodyLimit"/> as every request is.</summary>
public sealed class ImportOptions
{
    /// <summary>The most rows one request carries; a client splits a larger file into parts.</summary>
    public int MaxRows { get; set; } = 1000;

    /// <summary>How many cases are written to at once; rows of one case always go in file order.</summary>
    public int Concurrency { get; set; } = 8;
}
