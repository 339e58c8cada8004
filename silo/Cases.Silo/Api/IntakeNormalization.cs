using Cases.Domain;
using Cases.Domain.Applicants;

namespace Cases.Silo.Api;

/// <summary>Puts the identity document and people's names of a body into normal form (NFKC, trimmed) once, before validation and before any command is built.</summary>
/// <remarks>The normalized document is the case's key, so a width or spacing variant of a registered document meets that case (409).</remarks>
public static class IntakeNormalization
{
    public static ApplicantProfile Profile(ApplicantProfile profile) => profile with
    {
        IdentityDocument = profile.IdentityDocument is { } document ? IdentityDocument.Normalize(document) : null!,
        Name = Name(profile.Name),
    };

    public static Dependant Dependant(Dependant dependant) => dependant with { Name = Name(dependant.Name) };

    // Explicit nulls get through binding; they stay null for validation to name.
    private static string Name(string? name) => name is not null && UnicodeText.IsWellFormed(name) ? UnicodeText.Nfkc(name).Trim() : name!;
}
