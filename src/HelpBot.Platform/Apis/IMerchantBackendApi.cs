using HelpBot.Platform.Models;
using Refit;

namespace HelpBot.Platform.Apis;

/// <summary>The merchant backend: what the restaurant sees, and messages to it about an order.</summary>
public interface IMerchantBackendApi
{
    /// <summary>The order as the restaurant's system has it; <see cref="MerchantOrderView.Received"/> is false when it never arrived.</summary>
    [Get("/api/v1/merchant-backend/orders/{orderNumber}")]
    Task<MerchantOrderView> GetMerchantOrderAsync(string orderNumber, CancellationToken cancellationToken);

    [Post("/api/v1/merchant-backend/orders/{orderNumber}/messages")]
    Task<MerchantMessageResult> SendMerchantMessageAsync(
        string orderNumber,
        [Body] MerchantMessageRequest request,
        [Header("Idempotency-Key")] string idempotencyKey,
        CancellationToken cancellationToken);
}
