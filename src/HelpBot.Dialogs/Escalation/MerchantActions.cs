using HelpBot.AgentDesk.Cases;
using HelpBot.Dialogs.Changes;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Orders;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Turns;
using HelpBot.Platform.Apis;
using HelpBot.Platform.Errors;
using HelpBot.Platform.Models;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;

namespace HelpBot.Dialogs.Escalation;

/// <summary>Reaching the restaurant about an order: its phone, or a message through the platform's merchant API.</summary>
public static class MerchantActions
{
    public static async Task ShowPhoneAsync(ITurnContext context, IOrdersApi orders, string orderNumber, TimeProvider time, CancellationToken cancellationToken)
    {
        var turn = context.Turn();
        try
        {
            var merchant = (await orders.GetOrderAsync(orderNumber, cancellationToken)).Merchant;
            turn.Data.Case?.Actions.Add(new CaseAction("merchant_phone_shown", "done", time.GetUtcNow(), merchant.Id));
            await context.SendActivityAsync(turn.Format(nameof(Strings.Merchant_Phone), merchant.Name, merchant.Phone, orderNumber), cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            await context.SendActivityAsync(turn.PlatformUnavailableApology(), cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Tells the restaurant that the customer is waiting. The message is in Chinese (the restaurants' language) and holds
    /// only what the restaurant needs: the order number and what the app shows, never the customer's phone.
    /// </summary>
    public static async Task NotifyAsync(
        ITurnContext context, IOrdersApi orders, IMerchantBackendApi merchantApi, string orderNumber, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var turn = context.Turn();
        try
        {
            var order = await orders.GetOrderAsync(orderNumber, cancellationToken);
            var chinese = BotLanguage.ChineseCulture;
            var text = BotText.Format(
                chinese,
                nameof(Strings.Merchant_NotifyMessage),
                order.OrderNumber,
                OrderStatusPresenter.StatusName(new TurnInfo(BotLanguage.Chinese, turn.Data, null), order.Status),
                OrderStatusPresenter.Duration(time.GetUtcNow() - order.StatusSince, new TurnInfo(BotLanguage.Chinese, turn.Data, null)));
            var sent = await merchantApi.SendMerchantMessageAsync(
                order.OrderNumber,
                new MerchantMessageRequest(text, null),
                Idempotency.Key(context.Activity.Conversation.Id, "notify", order.OrderNumber),
                cancellationToken);
            turn.Data.Case?.Actions.Add(new CaseAction("merchant_notified", "done", time.GetUtcNow(), sent.MessageId));
            await context.SendActivityAsync(turn.Format(nameof(Strings.Merchant_Notified), order.Merchant.Name), cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is PlatformApiException or PlatformUnavailableException)
        {
            logger.LogWarning(ex, "Could not notify the merchant");
            turn.Data.Case?.Actions.Add(new CaseAction("merchant_notified", "failed", time.GetUtcNow()));
            await context.SendActivityAsync(turn.Text(nameof(Strings.Merchant_NotifyFailed)), cancellationToken: cancellationToken);
        }
    }
}
