using System.Text.Json;
using Cases.Runtime.Cluster;
using Cases.Runtime.Grains;
using Cases.Runtime.Hosting;

namespace Cases.Runtime.Tests.Cluster;

/// <summary>Carries forwarded commands between runtimes in one process, through JSON as the silo's HTTP transport does.</summary>
internal sealed class LoopbackTransport : IGrainTransport
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, GrainRuntime> _silos = [];

    public int Forwarded { get; private set; }

    public void Add(string siloId, GrainRuntime runtime) => _silos[siloId] = runtime;

    public async Task<CommandResult> SendAsync(SiloInfo owner, RemoteCommand command, CancellationToken ct)
    {
        Forwarded++;
        var received = RoundTrip(command);
        return RoundTrip(await Silo(owner).ExecuteForwardedAsync(received, ct));
    }

    public async Task<RemoteState> ReadAsync(SiloInfo owner, GrainId grain, CancellationToken ct) =>
        RoundTrip(await Silo(owner).ReadForwardedAsync(grain, ct));

    private GrainRuntime Silo(SiloInfo owner) =>
        _silos.TryGetValue(owner.SiloId, out var runtime) ? runtime : throw new HttpRequestException($"{owner.SiloId} does not answer.");

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Wire), Wire)!;
}
