using Microsoft.Extensions.Options;

namespace HelpBot.Platform.DependencyInjection;

/// <summary>
/// Checks <see cref="PlatformOptions"/> at start-up with messages that name the configuration key, instead of letting
/// the resilience handler fail on the first platform call with its own option names.
/// </summary>
internal sealed class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    // Lower bounds of Polly's own option validation.
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinimumBreakerWindow = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var prefix = PlatformOptions.SectionName + ":";

        if (options.BaseUrl is { IsAbsoluteUri: false })
            failures.Add($"{prefix}{nameof(options.BaseUrl)} must be an absolute URL.");
        if (options.AttemptTimeout < MinimumTimeout)
            failures.Add($"{prefix}{nameof(options.AttemptTimeout)} must be at least {MinimumTimeout.TotalMilliseconds} ms.");
        if (options.TotalTimeout <= options.AttemptTimeout)
            failures.Add($"{prefix}{nameof(options.TotalTimeout)} must be longer than {prefix}{nameof(options.AttemptTimeout)}.");
        if (options.MaxResponseBytes is < 1024 or > int.MaxValue)
            failures.Add($"{prefix}{nameof(options.MaxResponseBytes)} must be between 1024 and {int.MaxValue}.");
        if (options.RetryCount is < 0 or > 10)
            failures.Add($"{prefix}{nameof(options.RetryCount)} must be between 0 and 10.");
        if (options.RetryBaseDelay < TimeSpan.Zero)
            failures.Add($"{prefix}{nameof(options.RetryBaseDelay)} must not be negative.");
        if (options.CircuitBreakerFailureRatio is <= 0 or > 1)
            failures.Add($"{prefix}{nameof(options.CircuitBreakerFailureRatio)} must be greater than 0 and at most 1.");
        if (options.CircuitBreakerMinimumThroughput < 2)
            failures.Add($"{prefix}{nameof(options.CircuitBreakerMinimumThroughput)} must be at least 2.");
        if (options.CircuitBreakerSamplingDuration < MinimumBreakerWindow
            || options.CircuitBreakerSamplingDuration < 2 * options.AttemptTimeout)
        {
            failures.Add($"{prefix}{nameof(options.CircuitBreakerSamplingDuration)} must be at least {MinimumBreakerWindow.TotalMilliseconds} ms and at least twice {prefix}{nameof(options.AttemptTimeout)}.");
        }

        if (options.CircuitBreakerBreakDuration < MinimumBreakerWindow)
            failures.Add($"{prefix}{nameof(options.CircuitBreakerBreakDuration)} must be at least {MinimumBreakerWindow.TotalMilliseconds} ms.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
