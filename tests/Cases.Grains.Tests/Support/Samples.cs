using System.Collections;
using System.Collections.Immutable;
using System.Reflection;

namespace Cases.Grains.Tests.Support;

/// <summary>Builds an instance of any command or state record with every member set (one element in every list), so a round trip that drops a member shows.</summary>
public static class Samples
{
    public static object Of(Type type, int depth = 0)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return Of(inner, depth);
        if (type == typeof(string))
            return "sample";
        if (type == typeof(int))
            return 7;
        if (type == typeof(long))
            return 7L;
        if (type == typeof(decimal))
            return 7.5m;
        if (type == typeof(double))
            return 7.5;
        if (type == typeof(bool))
            return true;
        if (type == typeof(DateOnly))
            return new DateOnly(2026, 3, 2);
        if (type == typeof(DateTimeOffset))
            return new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        if (type == typeof(Guid))
            return Guid.Parse("01234567-89ab-cdef-0123-456789abcdef");
        if (type.IsEnum)
            return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!;
        if (depth > 6)
            throw new InvalidOperationException($"{type} nests too deeply for a sample.");
        if (type.IsGenericType && Collection(type, depth) is { } collection)
            return collection;
        return Record(type, depth);
    }

    private static object? Collection(Type type, int depth)
    {
        var definition = type.GetGenericTypeDefinition();
        var args = type.GetGenericArguments();
        if (definition == typeof(ImmutableDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
        {
            var create = typeof(ImmutableDictionary).GetMethods().Single(m => m.Name == nameof(ImmutableDictionary.Create) && m.GetParameters().Length == 0);
            var empty = create.MakeGenericMethod(args).Invoke(null, null)!;
            return empty.GetType().GetMethod("Add")!.Invoke(empty, [Of(args[0], depth + 1), Of(args[1], depth + 1)]);
        }
        if (definition == typeof(ImmutableList<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args))!;
            list.Add(Of(args[0], depth + 1));
            var createRange = typeof(ImmutableList).GetMethods().Single(m => m.Name == nameof(ImmutableList.CreateRange));
            return createRange.MakeGenericMethod(args).Invoke(null, [list]);
        }
        return null;
    }

    // Positional records through their widest constructor; property records through their init setters.
    private static object Record(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{type} has no public constructor.");
        var instance = constructor.Invoke([.. constructor.GetParameters().Select(p => Of(p.ParameterType, depth + 1))]);
        if (constructor.GetParameters().Length > 0)
            return instance;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            property.SetValue(instance, Of(property.PropertyType, depth + 1));
        return instance;
    }
}
