using HelpBot.Dialogs.Orders;

namespace HelpBot.Dialogs.Tests.Orders;

public class OrderNumberTests
{
    [Theory]
    [InlineData("2611240000000002", "2611240000000002")]
    [InlineData("订单号 2611 2400 0000 0002", "2611240000000002")]
    [InlineData("2611-2400-0000-0002 到哪了", "2611240000000002")]
    [InlineData("order 1234567890123456789", "1234567890123456789")]
    public void Finds_order_numbers_however_they_are_typed(string text, string expected) =>
        Assert.Equal(expected, OrderNumber.Find(text));

    [Fact]
    public void Full_width_digits_are_read_as_digits() =>
        Assert.Equal("2611240000000002", OrderNumber.Find(FullWidth("我的订单2611240000000002")));

    /// <summary>The same text as a Chinese IME types it: ASCII digits and letters in their full-width forms.</summary>
    public static string FullWidth(string text) =>
        new([.. text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c)]);

    [Theory]
    [InlineData("13800138000")]
    [InlineData("123456789012345")]
    [InlineData("12345678901234567890")]
    [InlineData("no digits here")]
    [InlineData("")]
    public void Ignores_digit_runs_that_cannot_be_order_numbers(string text) =>
        Assert.Null(OrderNumber.Find(text));
}
