using HelpBot.Channels.DirectLine.Hosting;
using HelpBot.Endpoints;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace HelpBot.Hosting;

/// <summary>
/// CORS for the web chat's calls only (the Direct Line client API and the page's token endpoint), for the origins in
/// <see cref="WebChatCorsOptions"/>. The agent, ops and NLU APIs answer no cross-origin browser calls at all.
/// </summary>
public static class WebChatCorsExtensions
{
    public const string PolicyName = "WebChat";

    private static readonly string[] WebChatPaths = [DirectLineApplicationExtensions.ClientApiPath, WebChatEndpoints.TokenPath];

    public static IServiceCollection AddWebChatCors(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebChatCorsOptions.SectionName).Get<WebChatCorsOptions>() ?? new WebChatCorsOptions();
        var origins = options.WebChatOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray();
        services.AddCors(cors => cors.AddPolicy(PolicyName, policy => Configure(policy, origins)));
        return services;
    }

    /// <summary>The request pipeline's CORS step, only on the web chat's paths.</summary>
    public static WebApplication UseWebChatCors(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(
            context => WebChatPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)),
            branch => branch.UseCors(PolicyName));
        return app;
    }

    // No origins: a policy that allows none, so preflights are answered without Access-Control-Allow-Origin.
    // Direct Line tokens travel in the Authorization header, never in cookies, so credentials stay off; any request
    // header is allowed because DirectLineJS and Web Chat versions differ in the ones they add.
    private static void Configure(CorsPolicyBuilder policy, string[] origins) => policy
        .WithOrigins(origins)
        .WithMethods(HttpMethods.Get, HttpMethods.Post)
        .AllowAnyHeader()
        .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
}
