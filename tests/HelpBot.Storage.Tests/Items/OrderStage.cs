namespace HelpBot.Storage.Tests.Items;

public enum OrderStage
{
    Placed,
    Delivering,
    Delivered,
}
