using Cases.Domain;
using Cases.Domain.Applicants;
using Cases.Grains.Contracts;
using Cases.Grains.Journaling;
using Orleans;

namespace Cases.Grains.Grains;

/// <summary>The Orleans grain of grain type "applicant", hosting <see cref="ApplicantDecider"/> over its journal stream.</summary>
[GrainType(ApplicantDecider.Type)]
public sealed class ApplicantGrain(Programme programme, GrainJournal journal)
    : DeciderGrain<ApplicantState, IApplicantCommand, IApplicantEvent>(programme.Applicants, programme.Rules.Calendar, journal), IApplicantGrain;
