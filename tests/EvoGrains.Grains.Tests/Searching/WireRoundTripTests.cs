using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using EvoGrains.Abstractions;
using EvoGrains.Core.Search;
using EvoGrains.Grains.Islands;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace EvoGrains.Grains.Tests.Searching;

/// <summary>
/// Every type that crosses grains or storage, filled member by member with values unlike the defaults, survives Orleans'
/// serializer: a member without an [Id] fails here by name. So does every default-constructed one, whose collections
/// are often the compiler's own types for collection expressions.
/// </summary>
public sealed class WireRoundTripTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    public static TheoryData<string> WireTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in AllWireTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    public static TheoryData<string> DefaultConstructibleWireTypes()
    {
        var data = new TheoryData<string>();
        // A type with required members has no default in C#: its parameterless constructor leaves them null.
        var constructible = AllWireTypes()
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => t.GetCustomAttribute<RequiredMemberAttribute>() is null);
        foreach (var type in constructible.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Fact]
    public void The_wire_types_include_the_core_types_and_the_grain_states()
    {
        var names = AllWireTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { nameof(SearchSpec), nameof(HistoryEntry), nameof(SearchStatus), nameof(IslandState), nameof(EvaluationJob) }, names);
    }

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void Every_member_survives_the_round_trip(string assemblyQualifiedName)
    {
        var type = Type.GetType(assemblyQualifiedName, throwOnError: true)!;
        var value = new Filler().Fill(type);

        var back = RoundTrip(type, value);

        AssertSame(type.Name, value, back);
    }

    [Theory]
    [MemberData(nameof(DefaultConstructibleWireTypes))]
    public void Every_default_survives_the_round_trip(string assemblyQualifiedName)
    {
        var type = Type.GetType(assemblyQualifiedName, throwOnError: true)!;
        var value = Activator.CreateInstance(type)!;

        AssertSame(type.Name, value, RoundTrip(type, value));
    }

    private static IEnumerable<Type> AllWireTypes()
    {
        var assemblies = new[] { typeof(SearchSpec).Assembly, typeof(EvaluationJob).Assembly, typeof(IslandState).Assembly };
        return assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null)
            .Where(t => !t.IsGenericTypeDefinition && !t.IsEnum);
    }

    private static object? RoundTrip(Type type, object value)
    {
        var bytes = typeof(WireRoundTripTests).GetMethod(nameof(Serialize), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, [value])!;
        return typeof(WireRoundTripTests).GetMethod(nameof(Deserialize), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, [bytes]);
    }

    private static byte[] Serialize<T>(T value) => Serializer.SerializeToArray(value);

    private static T? Deserialize<T>(byte[] bytes) => Serializer.Deserialize<T>(bytes);

    private static void AssertSame(string path, object? expected, object? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        var type = expected.GetType();
        if (IsScalar(type))
        {
            Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
            return;
        }

        if (expected is IEnumerable items)
        {
            var left = items.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            Assert.True(left.Count == right.Count, $"{path}: expected {left.Count} items, got {right.Count}");
            for (var i = 0; i < left.Count; i++)
            {
                AssertSame($"{path}[{i}]", left[i], right[i]);
            }

            return;
        }

        foreach (var property in Readable(type))
        {
            AssertSame($"{path}.{property.Name}", property.GetValue(expected), property.GetValue(actual));
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(Guid);

    private static IEnumerable<PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");

    /// <summary>Builds values unlike any default: unique strings, non-zero numbers, non-default enums, one-element collections, every member set.</summary>
    private sealed class Filler
    {
        private int next = 2;

        public object Fill(Type type, int depth = 0)
        {
            if (depth > 12)
            {
                throw new InvalidOperationException($"{type} nests too deep to fill");
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return Fill(underlying, depth);
            }

            var n = next++;
            if (type == typeof(string))
            {
                return $"s{n}";
            }

            if (type == typeof(bool))
            {
                return true;
            }

            if (type.IsEnum)
            {
                var values = Enum.GetValues(type);
                return values.GetValue(values.Length - 1)!;
            }

            if (type.IsPrimitive || type == typeof(decimal))
            {
                return Convert.ChangeType(n, type, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (type == typeof(DateTimeOffset))
            {
                return DateTimeOffset.UnixEpoch.AddSeconds(n);
            }

            if (type == typeof(TimeSpan))
            {
                return TimeSpan.FromSeconds(n);
            }

            if (Dictionary(type) is { } pair)
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(pair.Key, pair.Value))!;
                dictionary.Add(Fill(pair.Key, depth + 1), Fill(pair.Value, depth + 1));
                return dictionary;
            }

            if (Element(type) is { } element)
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                list.Add(Fill(element, depth + 1));
                return type.IsArray ? ToArray(list, element) : list;
            }

            return FillObject(type, depth);
        }

        private object FillObject(Type type, int depth)
        {
            var constructor = type.GetConstructors().Where(c => !IsCopyConstructor(c, type)).MaxBy(c => c.GetParameters().Length);
            var value = constructor is { } c && c.GetParameters().Length > 0
                ? c.Invoke(c.GetParameters().Select(p => Fill(p.ParameterType, depth + 1)).ToArray())
                : type.GetConstructor(Type.EmptyTypes) is { } empty ? empty.Invoke(null) : RuntimeHelpers.GetUninitializedObject(type);
            foreach (var property in Readable(type).Where(p => p.SetMethod is { IsPublic: true }))
            {
                property.SetValue(value, Fill(property.PropertyType, depth + 1));
            }

            return value;
        }

        private static bool IsCopyConstructor(ConstructorInfo constructor, Type type) => constructor.GetParameters() is [var only] && only.ParameterType == type;

        private static Array ToArray(IList list, Type element)
        {
            var array = Array.CreateInstance(element, list.Count);
            list.CopyTo(array, 0);
            return array;
        }

        private static Type? Element(Type type) =>
            type.IsArray ? type.GetElementType()
            : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) ? element
            : null;

        private static KeyValuePair<Type, Type>? Dictionary(Type type) =>
            type.IsGenericType && type.GetGenericArguments() is [var key, var value] && typeof(IEnumerable<>).MakeGenericType(typeof(KeyValuePair<,>).MakeGenericType(key, value)).IsAssignableFrom(type)
                ? new KeyValuePair<Type, Type>(key, value)
                : null;
    }
}
