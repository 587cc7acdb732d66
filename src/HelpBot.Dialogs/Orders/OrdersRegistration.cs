using HelpBot.Dialogs.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpBot.Dialogs.Orders;

/// <summary>Order lookup (with the phone-digit check), order status, an order stuck at the restaurant, a status mismatch.</summary>
public static class OrdersRegistration
{
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OrderStatusPresenter>();
        services.AddOptions<PhoneCheckThrottleOptions>().Bind(configuration.GetSection(PhoneCheckThrottleOptions.SectionName));
        services.AddSingleton<PhoneCheckThrottle>();
        services.AddSingleton<Dialog, OrderLookupDialog>();
        services.AddSingleton<Dialog, OrderStatusDialog>();
        services.AddSingleton<Dialog, OrderStuckDialog>();
        services.AddSingleton<Dialog, StatusMismatchDialog>();
        foreach (var prompt in OrderLookupDialog.Prompts())
        {
            services.AddSingleton(prompt);
        }

        return services;
    }
}
