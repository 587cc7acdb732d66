using System.Net.Http.Headers;
using System.Text.Json;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace HelpBot.Platform.DependencyInjection;

public static class PlatformServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PlatformOptions"/> from the <c>Platform</c> section and registers the platform clients against
    /// <see cref="PlatformOptions.BaseUrl"/>, which must then be set.
    /// </summary>
    public static IServiceCollection AddPlatformClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PlatformOptions>().Bind(configuration.GetSection(PlatformOptions.SectionName));
        return services.AddPlatformClients(sp =>
            sp.GetRequiredService<IOptions<PlatformOptions>>().Value.BaseUrl
            ?? throw new InvalidOperationException($"{PlatformOptions.SectionName}:{nameof(PlatformOptions.BaseUrl)} is not configured."));
    }

    /// <summary>
    /// Registers the Refit platform clients. <paramref name="baseAddress"/> is asked every time a client is created,
    /// so it may point at something that only knows its address after start-up (the embedded sandbox).
    /// Options come from <see cref="PlatformOptions"/> as registered (bind or configure them separately, or use
    /// <paramref name="configure"/>).
    /// </summary>
    public static IServiceCollection AddPlatformClients(
        this IServiceCollection services,
        Func<IServiceProvider, Uri> baseAddress,
        Action<PlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(baseAddress);

        var options = services.AddOptions<PlatformOptions>();
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlatformOptions>, PlatformOptionsValidator>();

        var settings = CreateRefitSettings();
        services.AddPlatformClient<IOrdersApi>(settings, baseAddress);
        services.AddPlatformClient<IMerchantBackendApi>(settings, baseAddress);
        services.AddPlatformClient<IPlatformStatusApi>(settings, baseAddress);
        services.AddPlatformClient<IAppVersionsApi>(settings, baseAddress);
        services.AddPlatformClient<ISupportApi>(settings, baseAddress);
        services.AddPlatformClient<IAccountsApi>(settings, baseAddress);
        return services;
    }

    // What the clients read answers with: the platform's format, with the models' constructors and nullable annotations
    // as the contract. An answer missing a field, or with null where the model does not allow it, fails to read (so the
    // call fails as unavailable) instead of leaving a null for a dialog to trip over later.
    private static readonly JsonSerializerOptions ClientJson = new(PlatformJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static RefitSettings CreateRefitSettings() => new(new NonNullContentSerializer(new SystemTextJsonContentSerializer(ClientJson)))
    {
        ExceptionFactory = PlatformErrorTranslator.FromResponseAsync,
        DeserializationExceptionFactory = PlatformErrorTranslator.FromUnreadableBody,
        TransportExceptionFactory = PlatformErrorTranslator.FromTransportFailure,
    };

    // One named HttpClient, and so one resilience pipeline and one circuit breaker, per API. The Refit source generator
    // implements the interfaces at build time, so no reflection fallback is needed (or installed).
    private static void AddPlatformClient<TApi>(this IServiceCollection services, RefitSettings settings, Func<IServiceProvider, Uri> baseAddress)
        where TApi : class
    {
        var client = services.AddRefitGeneratedClient<TApi>(_ => settings)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<PlatformOptions>>().Value;
                client.BaseAddress = baseAddress(sp);

                // The resilience pipeline's total timeout is the limit; HttpClient's own would surface as a bare cancellation.
                client.Timeout = Timeout.InfiniteTimeSpan;
                if (!string.IsNullOrEmpty(options.ApiKey))
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            })
            // A redirect is an answer we do not expect from the platform; following it would send the bearer token's
            // request wherever the Location header points (another host, an internal service). It fails as unavailable.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            // The factory's request logging writes only Information lines (start/end of every call), which the host
            // does not log, yet costs a log scope per call; failures reach the logs as typed platform errors.
            .RemoveAllLoggers();
        client.AddStandardResilienceHandler()
            .Configure((resilience, sp) => ApplyPolicy(resilience, sp.GetRequiredService<IOptions<PlatformOptions>>().Value));
        // Added after the resilience handler, so inside it: each attempt's timeout covers reading the (capped) body.
        client.AddHttpMessageHandler(sp => new ResponseBufferingHandler(sp.GetRequiredService<IOptions<PlatformOptions>>().Value.MaxResponseBytes));
    }

    private static void ApplyPolicy(HttpStandardResilienceOptions resilience, PlatformOptions options)
    {
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;

        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.RetryCount);
        if (options.RetryCount == 0)
            resilience.Retry.ShouldHandle = static _ => PredicateResult.False();

        // Only GET (and other safe methods) is retried: a POST that timed out may have been carried out already.
        resilience.Retry.DisableForUnsafeHttpMethods();

        resilience.CircuitBreaker.FailureRatio = options.CircuitBreakerFailureRatio;
        resilience.CircuitBreaker.MinimumThroughput = options.CircuitBreakerMinimumThroughput;
        resilience.CircuitBreaker.SamplingDuration = options.CircuitBreakerSamplingDuration;
        resilience.CircuitBreaker.BreakDuration = options.CircuitBreakerBreakDuration;
    }
}
