using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HelpBot.Security.Tests;

/// <summary>A logger provider that keeps every entry as the text a log sink would write: message, exception and scopes.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLogEntry> Entries => _entries;

    public string AllText => string.Join("\n", _entries.Select(e => e.Text));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopes);
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            var text = $"{logLevel} {category}: {formatter(state, exception)} | {structured} | scopes: {string.Join(" => ", scopes)}"
                + (exception is null ? string.Empty : "\n" + exception);
            owner._entries.Enqueue(new CapturedLogEntry(logLevel, category, text));
        }
    }
}

public sealed record CapturedLogEntry(LogLevel Level, string Category, string Text);
