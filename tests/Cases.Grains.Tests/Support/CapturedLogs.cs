using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cases.Grains.Tests.Support;

/// <summary>A logger provider that keeps every log entry's structured values, so a test can look for a log line by its fields.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string?>> _entries = new();

    /// <summary>Every entry so far, each as its named values (and "{OriginalFormat}").</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<IReadOnlyDictionary<string, string?>> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && state is IEnumerable<KeyValuePair<string, object?>> values)
                entries.Enqueue(values.ToDictionary(v => v.Key, v => v.Value?.ToString()));
        }
    }
}
