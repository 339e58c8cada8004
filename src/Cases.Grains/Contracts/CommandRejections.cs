namespace Cases.Grains.Contracts;

/// <summary>The codes with which the journaling layer itself refuses a command, whatever the grain type.</summary>
public static class CommandRejections
{
    /// <summary>The command id was first used for another command (or by another actor); nothing of that first outcome is answered.</summary>
    public const string IdempotencyKeyReused = "idempotency-key-reused";
}
