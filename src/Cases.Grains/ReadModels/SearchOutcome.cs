namespace Cases.Grains.ReadModels;

/// <summary>A search's answer: the verified hits in order, how many candidates the index named, and whether some were left unchecked.</summary>
public sealed record SearchOutcome(IReadOnlyList<SearchHit> Hits, int Candidates, bool More);

/// <summary>One subject that matches a search now: its kind ("applicant", "enterprise", "park"), key, name, district and park, and whether the query was its key.</summary>
public sealed record SearchHit(string Kind, string Key, string Name, string? District, string? Park, bool ExactKey);
