using System.Text.Json.Serialization;

namespace Cases.Domain.Disciplines;

/// <summary>Which level of the catalogue an entry is.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DisciplineKind>))]
public enum DisciplineKind
{
    /// <summary>A 学科门类, e.g. 08 工学.</summary>
    Category = 1,

    /// <summary>An academic 一级学科, e.g. 0812 计算机科学与技术.</summary>
    Academic = 2,

    /// <summary>A 专业学位类别 (third code digit 5 or more), e.g. 1251 工商管理.</summary>
    Professional = 3,
}
