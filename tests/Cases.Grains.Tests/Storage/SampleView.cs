namespace Cases.Grains.Tests.Storage;

/// <summary>A read model's state as a test writes it through the grain storage.</summary>
/// <remarks>[GenerateSerializer] also puts the type on Orleans' allow-list, which the default JSON grain storage serializer requires on reading.</remarks>
[GenerateSerializer]
public sealed class SampleView
{
    [Id(0)]
    public int Open { get; set; }

    [Id(1)]
    public List<string> Units { get; set; } = [];
}
