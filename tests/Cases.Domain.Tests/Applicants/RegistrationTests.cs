using Cases.Domain.Applicants;
using static Cases.Domain.Tests.Applicants.ApplicantProfiles;

namespace Cases.Domain.Tests.Applicants;

public sealed class RegistrationTests
{
    [Fact]
    public void Registering_records_the_profile_and_who_registered_it()
    {
        var h = new ApplicantHarness();
        var e = h.Accept<ApplicantRegistered>(new RegisterApplicant(Baseline()));
        Assert.Equal(ApplicantHarness.Self, e.By);
        Assert.Equal("haidian", h.State.Profile!.HomeDistrict);
    }

    [Fact]
    public void A_profile_whose_identity_document_is_not_the_grain_key_is_rejected()
    {
        var h = new ApplicantHarness();
        h.Reject(new RegisterApplicant(Baseline() with { IdentityDocument = "P-OTHER" }), ApplicantRejections.IdentityMismatch);
    }

    [Fact]
    public void Registering_twice_is_rejected()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Reject(new RegisterApplicant(Baseline()), ApplicantRejections.AlreadyRegistered);
    }

    [Fact]
    public void A_period_abroad_ending_before_it_starts_is_rejected()
    {
        var h = new ApplicantHarness();
        var bad = Baseline() with { StudyAbroad = [new StudyPeriod(new DateOnly(2023, 1, 1), new DateOnly(2022, 1, 1))] };
        h.Reject(new RegisterApplicant(bad), ApplicantRejections.InvalidProfile);
    }

    [Fact]
    public void Any_command_to_an_unregistered_applicant_is_rejected_as_unknown()
    {
        var h = new ApplicantHarness();
        var r = h.Reject(new ApplyForRecognition("R-1"), ApplicantRejections.UnknownApplicant);
        Assert.Contains(ApplicantHarness.Key, r.Message, StringComparison.Ordinal);
        h.Reject(new ApprovePermit("P-1", "ok"), ApplicantRejections.UnknownApplicant, ApplicantHarness.Officer);
    }

    [Fact]
    public void Updating_the_profile_replaces_it()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Accept<ProfileUpdated>(new UpdateProfile(Baseline() with { HomeDistrict = "xicheng" }));
        Assert.Equal("xicheng", h.State.Profile!.HomeDistrict);
    }

    [Fact]
    public void Dependants_are_added_but_a_second_spouse_or_a_child_without_birth_date_is_rejected()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Accept<DependantAdded>(new AddDependant(new Dependant("S-1", DependantRelation.Spouse, "Zhang Min")));
        h.Reject(new AddDependant(new Dependant("S-2", DependantRelation.Spouse, "Other")), ApplicantRejections.DuplicateDependant);
        h.Reject(new AddDependant(new Dependant("C-1", DependantRelation.Child, "Li Xiao")), ApplicantRejections.InvalidDependant);
        h.Reject(new AddDependant(new Dependant("S-1", DependantRelation.Child, "Li Xiao", new DateOnly(2015, 1, 1))),
            ApplicantRejections.DuplicateDependant);
        Assert.Single(h.State.Dependants);
    }

    [Fact]
    public void An_application_id_cannot_be_reused_across_applications()
    {
        var h = new ApplicantHarness().Register(Baseline());
        h.Accept<RecognitionEvaluated>(new ApplyForRecognition("A-1"));
        h.Reject(new ApplyForPermit("A-1", null, "EMP-1"), ApplicantRejections.DuplicateApplication);
    }
}
