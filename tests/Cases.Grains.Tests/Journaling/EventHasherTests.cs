using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Cases.Journal.Events;

namespace Cases.Grains.Tests.Journaling;

/// <summary>Known answers of the chain's hash, computed outside <see cref="EventHasher"/>, so a hasher that drops an input cannot agree with itself.</summary>
public sealed class EventHasherTests
{
    // The previous hash is 0x00..0x1F, not genesis zeros, so an input that leaves it out cannot match by accident.
    private static readonly byte[] Previous = Enumerable.Range(0, EventHasher.HashLength).Select(i => (byte)i).ToArray();

    private static readonly StoredEvent Approved = new(
        "applicant/P-1", 2, 99, Guid.Parse("0190f3a2-0000-7000-8000-000000000001"), "PermitApproved", 1, """{"reason":"临床医学 Art. 4"}""",
        new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 22, 12, 0, 1, TimeSpan.Zero),
        "officer:li", "c-7", null, "corr-7", []);

    [Fact]
    public void TheHashIsSha256OfThePreviousHashThenTheLengthPrefixedFieldsInTheDocumentedOrder()
    {
        // The canonical form written out field by field: 4-byte big-endian UTF-8 length, then the bytes; ticks are UTC, a null causation is "".
        byte[] canonical =
        [
            .. Field("applicant/P-1"), .. Field("2"), .. Field("0190f3a2-0000-7000-8000-000000000001"), .. Field("PermitApproved"),
            .. Field("1"), .. Field("639309456000000000"), .. Field("639309456010000000"), .. Field("officer:li"), .. Field("c-7"),
            .. Field(""), .. Field("corr-7"), .. Field("""{"reason":"临床医学 Art. 4"}"""),
        ];

        var hash = EventHasher.Compute(Previous, Approved);

        Assert.Equal(Convert.ToHexString(SHA256.HashData([.. Previous, .. canonical])), Convert.ToHexString(hash));
    }

    [Fact]
    public void TheHashOfAFixedEventAndPredecessorIsAKnownConstant()
    {
        // Derived once with Python's hashlib over the canonical form above; it also pins the field order and the tick encoding.
        const string expected = "3829DFCEE8CC049B1D3811B14BC00A1CFA9C6B87DA714F760B9DF500EB7D65B2";

        Assert.Equal(expected, Convert.ToHexString(EventHasher.Compute(Previous, Approved)));
    }

    [Fact]
    public void TheSameEventAfterAnotherPredecessorHashesDifferently()
    {
        // SHA-256 of the same canonical form after 32 zero bytes (genesis), from the same Python derivation.
        const string afterGenesis = "037768E981CAD954AA51755BC3AEA687926901F954CFCDAE06C3A25F85309D70";

        Assert.Equal(afterGenesis, Convert.ToHexString(EventHasher.Compute(EventHasher.Genesis, Approved)));
    }

    [Fact]
    public void APreviousHashOfTheWrongLengthIsRefused() =>
        Assert.Throws<ArgumentException>(() => EventHasher.Compute(new byte[16], Approved));

    private static byte[] Field(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var field = new byte[4 + bytes.Length];
        BinaryPrimitives.WriteInt32BigEndian(field, bytes.Length);
        bytes.CopyTo(field, 4);
        return field;
    }
}
