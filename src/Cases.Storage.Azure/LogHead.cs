using Azure;

namespace Cases.Storage.Azure;

/// <summary>The log head entity as a writer last saw it: the last position and the ETag every transaction must still match.</summary>
/// <param name="ETag">Default when the head entity does not exist yet (an empty journal): the next transaction must create it.</param>
internal sealed record LogHead(long LastPosition, ETag ETag)
{
    public bool Exists => ETag != default;
}
