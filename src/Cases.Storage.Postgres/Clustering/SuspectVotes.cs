using System.Globalization;
using Orleans.Runtime;

namespace Cases.Storage.Postgres.Clustering;

/// <summary>The text form of a membership entry's suspicion votes: <c>silo,time;silo,time</c>, the silo as its parsable string, the time in UTC round-trip format.</summary>
/// <remarks>Null (no list) and empty (a list with no votes) stay distinct: null is stored as SQL NULL, empty as the empty string.</remarks>
internal static class SuspectVotes
{
    private const char VoteSeparator = ';';
    private const char FieldSeparator = ',';

    public static string? Format(List<Tuple<SiloAddress, DateTime>>? votes) =>
        votes is null
            ? null
            : string.Join(VoteSeparator, votes.Select(v =>
                $"{v.Item1.ToParsableString()}{FieldSeparator}{MembershipTimes.Utc(v.Item2).ToString("O", CultureInfo.InvariantCulture)}"));

    public static List<Tuple<SiloAddress, DateTime>>? Parse(string? text)
    {
        if (text is null)
            return null;
        var votes = new List<Tuple<SiloAddress, DateTime>>();
        if (text.Length == 0)
            return votes;
        foreach (var vote in text.Split(VoteSeparator))
        {
            // A silo's parsable string has colons (the port, IPv6) but never a comma, so the first comma ends it.
            var comma = vote.IndexOf(FieldSeparator, StringComparison.Ordinal);
            if (comma <= 0)
                throw new FormatException($"The suspect vote '{vote}' is not 'silo,time'.");
            var time = DateTime.Parse(vote.AsSpan(comma + 1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            votes.Add(Tuple.Create(SiloAddress.FromParsableString(vote[..comma]), MembershipTimes.Utc(time)));
        }
        return votes;
    }
}
