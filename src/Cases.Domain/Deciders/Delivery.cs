namespace Cases.Runtime.Streams;

/// <summary>A command a subscription sends to a target grain because of a stored event.</summary>
public sealed record Delivery(GrainId Target, object Command);
