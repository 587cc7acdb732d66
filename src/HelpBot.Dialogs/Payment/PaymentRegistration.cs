using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Payment;

/// <summary>Payment failed and charged-but-unpaid.</summary>
public static class PaymentRegistration
{
    public static IServiceCollection AddPayment(this IServiceCollection services) =>
        services.AddSingleton<Dialog, PaymentDialog>();
}
