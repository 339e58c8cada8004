namespace Cases.Silo;

/// <summary>Which store the silo runs on and where it lives, as health reports show it.</summary>
public sealed record StoreInfo(string Provider, string Location);
