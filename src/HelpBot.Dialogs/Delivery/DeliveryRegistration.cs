using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Delivery;

/// <summary>A late delivery.</summary>
public static class DeliveryRegistration
{
    public static IServiceCollection AddDelivery(this IServiceCollection services) =>
        services.AddSingleton<Dialog, DeliveryDelayDialog>();
}
