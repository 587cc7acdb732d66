using HelpBot.Platform.Models;
using Refit;

namespace HelpBot.Platform.Apis;

/// <summary>Platform customer support: tickets.</summary>
public interface ISupportApi
{
    /// <summary>The same idempotency key returns the ticket created first instead of a second ticket.</summary>
    [Post("/api/v1/support/tickets")]
    Task<SupportTicket> CreateTicketAsync(
        [Body] CreateTicketRequest request,
        [Header("Idempotency-Key")] string idempotencyKey,
        CancellationToken cancellationToken);
}
