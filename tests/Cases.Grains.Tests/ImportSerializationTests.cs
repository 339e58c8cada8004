using Cases.Domain.Applicants;
using Cases.Domain.Enterprises;
using Cases.Domain.Imports;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Cases.Grains.Tests;

/// <summary>The import commands and the imported state cross grains through Orleans' serializer with every member, nested source included.</summary>
public sealed class ImportSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static readonly ImportSource Source = new() { System = "haidian-talent-register", RowId = "2019-0417" };

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    [Fact]
    public void AnImportedPermitCommandKeepsEveryMember()
    {
        var command = new ImportPermit(
            new ApplicantProfile { IdentityDocument = "E-1", Name = "Zhang Min", Nationality = "CN", Passport = PassportKind.Chinese, HomeDistrict = "haidian" },
            "RWP-2019-0417", "haidian", new DateOnly(2019, 4, 17), Source);

        var back = RoundTrip<IApplicantCommand>(command);

        var permit = Assert.IsType<ImportPermit>(back);
        Assert.Equal((command.PermitId, command.District, command.DecidedOn, command.Source), (permit.PermitId, permit.District, permit.DecidedOn, permit.Source));
        Assert.Equal(command.Profile, permit.Profile);
    }

    [Fact]
    public void TheOtherImportCommandsKeepEveryMember()
    {
        var registration = new ImportHouseholdRegistration("HR-2020-0088", "haidian", new DateOnly(2020, 6, 2), Source);
        var admission = new ImportParkAdmission("Qingyun Photonics", "integrated-circuits", "haidian", "zgc-01", new DateOnly(2018, 9, 10), Source);
        var grant = new ImportStartupGrant(2019, 100_000, new DateOnly(2019, 3, 28), Source);

        Assert.Equal(registration, RoundTrip<IApplicantCommand>(registration));
        Assert.Equal(admission, RoundTrip<IEnterpriseCommand>(admission));
        Assert.Equal(grant, RoundTrip<IEnterpriseCommand>(grant));
    }

    [Fact]
    public void AnImportedStateKeepsItsSource()
    {
        var state = ApplicantState.Unregistered with
        {
            ImportedFrom = Source,
            Permit = new PermitRecord("RWP-1", ApplicationStatus.Approved, new DateOnly(2019, 4, 17), "imported", "haidian", new DateOnly(2019, 4, 17), "admin:root", "imported", Source),
        };

        var back = RoundTrip(state);

        Assert.Equal(Source, back.ImportedFrom);
        Assert.Equal(state.Permit, back.Permit);
    }
}
