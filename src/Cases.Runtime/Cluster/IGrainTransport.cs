using Cases.Runtime.Grains;

namespace Cases.Runtime.Cluster;

/// <summary>Carries commands and reads to the silo that owns a grain; the silo implements it over its internal HTTP endpoint.</summary>
public interface IGrainTransport
{
    Task<CommandResult> SendAsync(SiloInfo owner, RemoteCommand command, CancellationToken ct);

    Task<RemoteState> ReadAsync(SiloInfo owner, GrainId grain, CancellationToken ct);
}
