using System.Text.Json;
using Cases.Domain.Applicants;
using Cases.Domain.Audit;
using Cases.Domain.Enterprises;
using Cases.Domain.Housing;
using Cases.Domain.Imports;
using Cases.Domain.Parks;
using Cases.Domain.Subsidies;
using Cases.Grains.Contracts;
using Cases.Grains.Tests.Support;
using Orleans.Serialization;

namespace Cases.Grains.Tests;

/// <summary>Types that cross grain calls need Orleans' serializer attributes; a missing one builds cleanly and fails at the first call, so every type is called for real.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class SerializationTests(SharedCluster shared)
{
    // Each grain type's command interface and the grain interface that takes it.
    private static readonly (Type Command, Type Grain, Type State)[] GrainTypes =
    [
        (typeof(IApplicantCommand), typeof(IApplicantGrain), typeof(ApplicantState)),
        (typeof(IHousingCommand), typeof(IHousingGrain), typeof(HousingState)),
        (typeof(IHousingOfficeCommand), typeof(IHousingOfficeGrain), typeof(HousingOfficeState)),
        (typeof(IEnterpriseCommand), typeof(IEnterpriseGrain), typeof(EnterpriseState)),
        (typeof(ISubsidyProgramCommand), typeof(ISubsidyProgramGrain), typeof(SubsidyProgramState)),
        (typeof(IParkCommand), typeof(IParkGrain), typeof(ParkState)),
        (typeof(RecordAccess), typeof(IAccessLogGrain), typeof(AccessLogState)),
        (typeof(RecordImport), typeof(IImportLogGrain), typeof(ImportLogState)),
    ];

    public static TheoryData<Type> CommandTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(ApplicantState).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && GrainTypes.Any(g => g.Command.IsAssignableFrom(t))))
            data.Add(type);
        return data;
    }

    public static TheoryData<Type> StateTypes() => [.. GrainTypes.Select(g => g.State)];

    [Theory]
    [MemberData(nameof(CommandTypes))]
    public async Task EveryCommandTypeCrossesARealGrainCallAndOrleansSerializerWithEveryMemberIntact(Type type)
    {
        var command = Samples.Of(type);

        Assert.Equal(Json(command), Json(RoundTrip(command)));
        var grain = GrainTypes.Single(g => g.Command.IsAssignableFrom(type)).Grain;
        var proxy = shared.Silo.Grains.GetGrain(grain, $"serialization-{type.Name}-{Guid.NewGuid():N}");
        var execute = grain.GetInterfaces().Append(grain).SelectMany(i => i.GetMethods()).Single(m => m.Name == nameof(IApplicantGrain.Execute));
        var result = await (Task<CommandResult>)execute.Invoke(proxy, [command, new CommandMeta(Actor: "officer:serialization")])!;
        Assert.False(string.IsNullOrEmpty(result.CommandId)); // decided, accepted or rejected: it arrived whole
    }

    [Theory]
    [MemberData(nameof(StateTypes))]
    public void EveryGrainStateCrossesOrleansSerializerWithEveryMemberIntact(Type type)
    {
        var state = Samples.Of(type);

        Assert.Equal(Json(state), Json(RoundTrip(state)));
    }

    [Fact]
    public void EveryGrainTypeHasItsCommandsCovered()
    {
        var types = ((IEnumerable<object[]>)CommandTypes()).Select(row => (Type)row[0]).ToList();
        Assert.All(GrainTypes, g => Assert.Contains(types, t => g.Command.IsAssignableFrom(t)));
        Assert.True(types.Count >= 40, $"Only {types.Count} command types were found.");
    }

    private object RoundTrip(object value)
    {
        var serializer = shared.Silo.Service<Serializer>();
        return serializer.Deserialize<object>(serializer.SerializeToArray<object>(value)) ?? throw new InvalidOperationException($"{value.GetType().Name} came back null.");
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType());
}
