namespace Cases.Domain.Deciders;

/// <summary>A command a subscription sends to a target grain because of a stored event.</summary>
public sealed record Delivery(GrainKey Target, object Command);
