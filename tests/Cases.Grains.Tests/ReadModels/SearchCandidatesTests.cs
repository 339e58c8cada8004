using Cases.Domain.ReadModels;
using Cases.Grains.Contracts;
using Cases.Grains.ReadModels;

namespace Cases.Grains.Tests.ReadModels;

/// <summary>Which subjects a search checks: complete posting lists intersected, a truncated one left to verification, exact key matches first.</summary>
public sealed class SearchCandidatesTests
{
    [Fact]
    public void CompleteListsAreIntersected()
    {
        var query = SearchTerms.Parse("li wei")!;

        var (candidates, truncated) = SearchReads.Candidates(query, Postings(
            ("li", 3, ["applicant/A", "applicant/B", "applicant/C"]), ("wei", 2, ["applicant/B", "applicant/C"]), ("liwei", 1, ["applicant/D"])));

        // B and C hold both words; D holds the whole name without its space, its compact term.
        Assert.Equal(["applicant/B", "applicant/C", "applicant/D"], candidates);
        Assert.False(truncated);
    }

    [Fact]
    public void ATermTooCommonToListWholeFiltersNothingAndTheRareOneNamesTheCandidates()
    {
        var query = SearchTerms.Parse("li xiaoming")!;

        var (candidates, truncated) = SearchReads.Candidates(query, Postings(("li", 5000, ["applicant/A", "applicant/B"]), ("xiaoming", 1, ["applicant/Z"])));

        Assert.Equal(["applicant/Z"], candidates);
        Assert.False(truncated);
    }

    [Fact]
    public void WhenNoTermIsCompleteTheRarestOnesFirstSubjectsAreCheckedAndTheAnswerSaysThereIsMore()
    {
        var query = SearchTerms.Parse("li wei")!;

        var (candidates, truncated) = SearchReads.Candidates(query, Postings(("li", 9000, ["applicant/A", "applicant/B"]), ("wei", 5000, ["applicant/C"])));

        Assert.Equal(["applicant/C"], candidates);
        Assert.True(truncated);
    }

    [Fact]
    public void TheCaseWhoseKeyIsTheQueryComesFirst()
    {
        var query = SearchTerms.Parse("p 1101")!;

        var (candidates, _) = SearchReads.Candidates(query, Postings(("p", 2, ["applicant/A", "applicant/B"]), ("1101", 1, ["applicant/A"]), ("p1101", 1, ["applicant/P-1101"])));

        Assert.Equal(["applicant/P-1101", "applicant/A"], candidates);
    }

    private static Dictionary<string, TermPostings> Postings(params (string Term, int Count, string[] Subjects)[] lists) =>
        lists.ToDictionary(l => l.Term, l => new TermPostings(l.Term, l.Count, l.Subjects), StringComparer.Ordinal);
}
