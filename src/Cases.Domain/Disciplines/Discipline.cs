namespace Cases.Domain.Disciplines;

/// <summary>An entry of the national catalogue of disciplines: a category (学科门类, two digits), a first-level discipline (一级学科) or a professional degree category (专业学位类别, four digits).</summary>
public sealed record Discipline(string Code, string Chinese, string English, DisciplineKind Kind)
{
    /// <summary>The code of the category the entry belongs to (its first two digits); a category's own code.</summary>
    public string CategoryCode => Code[..2];
}
