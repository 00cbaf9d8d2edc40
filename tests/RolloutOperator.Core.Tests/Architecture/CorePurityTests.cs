using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RolloutOperator.Core.Tests.Architecture;

/// <summary>Core decides and nothing else: no I/O, no clock, no randomness, no logging, no async — checked in its IL metadata.</summary>
public sealed class CorePurityTests
{
    private static readonly Assembly Core = typeof(CoreAssembly).Assembly;

    private static readonly string[] ForbiddenNamespaces =
    [
        "System.IO",
        "System.Net",
        "System.Threading.Tasks",
        "System.Diagnostics.Process",
        "Microsoft.Extensions",
        "k8s",
    ];

    // In-memory buffers are not I/O (the revision hash writes canonical JSON into one).
    private static readonly string[] AllowedTypes = ["System.IO.MemoryStream", "System.IO.Stream"];

    private static readonly string[] ForbiddenTypes =
    [
        "System.TimeProvider",
        "System.Random",
        "System.Console",
        "System.Environment",
        "System.Threading.Thread",
        "System.Threading.Timer",
        "System.Diagnostics.Stopwatch",
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
    ];

    private static readonly string[] ForbiddenMembers =
    [
        "System.DateTime.get_Now",
        "System.DateTime.get_UtcNow",
        "System.DateTime.get_Today",
        "System.DateTimeOffset.get_Now",
        "System.DateTimeOffset.get_UtcNow",
        "System.Guid.NewGuid",
    ];

    [Fact]
    public void Core_ReferencesOnlyTheBaseLibrary()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard", $"Core references {name}"));
    }

    [Fact]
    public void Core_UsesNoIoClockRandomnessOrLogging()
    {
        var (types, members) = ReadReferences();
        var badTypes = types.Where(t => !AllowedTypes.Contains(t)).Where(t => ForbiddenTypes.Contains(t) || ForbiddenNamespaces.Any(n => t.StartsWith(n + ".", StringComparison.Ordinal))).ToList();
        var badMembers = members.Where(ForbiddenMembers.Contains).ToList();
        Assert.True(badTypes.Count == 0, "Core refers to: " + string.Join(", ", badTypes));
        Assert.True(badMembers.Count == 0, "Core calls: " + string.Join(", ", badMembers));
    }

    [Fact]
    public void Core_HasNoAsyncMembers()
    {
        var asyncMembers = Core.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => IsAwaitable(m.ReturnType))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.True(asyncMembers.Count == 0, "async members: " + string.Join(", ", asyncMembers));
    }

    [Fact]
    public void Purity_Check_WouldCatchAClockRead()
    {
        // Guards the guard: the same scan over this test assembly, which does read the clock, must find it.
        var (_, members) = ReadReferences(typeof(CorePurityTests).Assembly.Location);
        Assert.Contains("System.DateTimeOffset.get_UtcNow", members);
    }

    private static readonly DateTimeOffset ClockProbe = DateTimeOffset.UtcNow;

    private static bool IsAwaitable(Type type) =>
        type.FullName is { } name && (name.StartsWith("System.Threading.Tasks.", StringComparison.Ordinal) || name.StartsWith("System.Collections.Generic.IAsyncEnumerable", StringComparison.Ordinal));

    private static (HashSet<string> Types, HashSet<string> Members) ReadReferences(string? path = null)
    {
        using var stream = File.OpenRead(path ?? Core.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeReferences)
        {
            types.Add(FullName(md, handle));
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                members.Add(FullName(md, (TypeReferenceHandle)member.Parent) + "." + md.GetString(member.Name));
            }
        }

        _ = ClockProbe;
        return (types, members);
    }

    private static string FullName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? md.GetString(type.Name) : ns + "." + md.GetString(type.Name);
    }
}
